"""The batching queue: sentences from concurrent requests decoded together, off the event loop.

Each request's Translator decodes through a ``QueuedEngine`` (``Translator(dispatch=...)``): its
call waits in a queue, and one worker thread gathers calls, then decodes the calls that share an
engine, languages and options in one engine call. A request announces itself when it starts
(``incoming()``, from the service), so the worker knows what is on its way: after the first call
it gathers until ``wait_s`` has passed without a new call or announcement, and on while announced
requests have not reached the queue yet (they are being split and planned), never longer than
``max_wait_s``; it stops as soon as ``max_sentences`` wait. A request alone is decoded after
``wait_s``; 32 that arrive together share one batch instead of being cut into whatever reached the
queue in the first few milliseconds.
Only the worker thread touches the engine (and the translation memory behind it), so neither needs
to be thread-safe. A merged decode that fails is decoded again call by call, so one request's bad
sentence never fails another's.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Sequence

from kkaligner.errors import EngineError

# The worker waits for more calls up to this share of what the last decode took: a batch costs
# much the same with a few more sentences in it, so a short wait can save a whole decode.
PATIENCE = 0.05


@dataclass
class _Call:
    engine: Any
    texts: list
    source_lang: str
    target_lang: str
    options: Any
    constraints: Optional[list]
    future: Future = field(default_factory=Future)

    def key(self) -> tuple:
        return (id(self.engine), self.source_lang, self.target_lang, self.options, self.constraints is None)


class Batcher:
    """One worker thread and its queue; ``wrap(engine)`` gives an engine whose calls go through it."""

    def __init__(self, max_sentences: int = 32, wait_s: float = 0.005, max_wait_s: Optional[float] = None) -> None:
        self.max_sentences = max(1, max_sentences)
        self.wait_s = max(0.0, wait_s)
        self.max_wait_s = max(self.wait_s, 0.1 if max_wait_s is None else max_wait_s)
        self.batches = 0  # engine calls made (read by /metrics)
        self.sentences = 0
        self._calls: deque = deque()
        self._waiting = 0  # sentences in _calls
        self._incoming = 0  # announced requests that have not queued their first call yet
        self._last = 0.0  # when the last call or announcement came
        self._last_decode_s = 0.0  # how long the last engine call took
        self._announced = threading.local()
        self._cond = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="kkaligner-decode", daemon=True)
        self._thread.start()

    def wrap(self, engine) -> "QueuedEngine":
        return QueuedEngine(engine, self)

    @contextmanager
    def incoming(self) -> Iterator[None]:
        """Announce, for this thread, a request on its way to the queue: the worker waits for it
        (up to ``max_wait_s``) rather than decode without it. Its first call, or its end, ends it."""
        with self._cond:
            self._incoming += 1
            self._last = time.monotonic()
        self._announced.on = True
        try:
            yield
        finally:
            self._arrived()

    def _arrived(self) -> None:
        if getattr(self._announced, "on", False):
            self._announced.on = False
            with self._cond:
                self._incoming -= 1
                self._cond.notify()

    def submit(self, engine, texts, source_lang, target_lang, options, constraints) -> list:
        if self._closed:
            self._arrived()
            raise EngineError("the server is shutting down; the translation was not started.")
        if not texts:
            return []
        call = _Call(engine, list(texts), source_lang, target_lang, options,
                     None if constraints is None else list(constraints))
        announced = getattr(self._announced, "on", False)
        self._announced.on = False
        with self._cond:
            self._calls.append(call)
            self._waiting += len(call.texts)
            self._last = time.monotonic()
            if announced:
                self._incoming -= 1
            self._cond.notify()
        return call.future.result()

    def close(self) -> None:
        """Finish what is queued, then stop the worker."""
        if not self._closed:
            with self._cond:
                self._closed = True
                self._cond.notify()
            self._thread.join()

    def _gather(self) -> list:
        """The next calls to decode (empty once closed and drained); see the module doc."""
        with self._cond:
            while not self._calls:
                if self._closed:
                    return []
                self._cond.wait()
            start = time.monotonic()
            while self._waiting < self.max_sentences and not self._closed:
                if self._incoming > 0:
                    until = start + self.max_wait_s
                else:  # while calls keep coming, a gap after the last one
                    gap = max(self.wait_s, min(self.max_wait_s, PATIENCE * self._last_decode_s))
                    until = min(start + self.max_wait_s, max(start, self._last) + gap)
                left = until - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            calls, count = [], 0
            while self._calls and count < self.max_sentences:
                call = self._calls.popleft()
                calls.append(call)
                count += len(call.texts)
            self._waiting -= count
            return calls

    def _run(self) -> None:
        while True:
            calls = self._gather()
            if not calls:
                return
            groups: dict[tuple, list[_Call]] = {}
            for call in calls:
                groups.setdefault(call.key(), []).append(call)
            for group in groups.values():
                self._decode(group)

    def _decode(self, group: Sequence[_Call]) -> None:
        first = group[0]
        texts = [t for c in group for t in c.texts]
        constraints = None if first.constraints is None else [x for c in group for x in c.constraints]
        started = time.monotonic()
        try:
            results = first.engine.translate(
                texts, first.source_lang, first.target_lang, first.options, constraints=constraints
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, who decides
            if len(group) > 1:
                for call in group:
                    self._decode([call])
            else:
                first.future.set_exception(exc)
            return
        self._last_decode_s = time.monotonic() - started
        self.batches += 1
        self.sentences += len(texts)
        at = 0
        for call in group:
            call.future.set_result(results[at : at + len(call.texts)])
            at += len(call.texts)


class QueuedEngine:
    """An engine whose ``translate`` waits its turn in a ``Batcher``; everything else is the
    wrapped engine's."""

    def __init__(self, engine, batcher: Batcher) -> None:
        self.engine = engine
        self._batcher = batcher

    name = property(lambda self: self.engine.name)
    model_id = property(lambda self: self.engine.model_id)
    revision = property(lambda self: self.engine.revision)
    device = property(lambda self: self.engine.device)

    def __getattr__(self, item):
        if item == "engine":
            raise AttributeError(item)
        return getattr(self.engine, item)

    def translate(self, texts, source_lang, target_lang, options, constraints=None, progress=None):
        out = self._batcher.submit(self.engine, texts, source_lang, target_lang, options, constraints)
        if progress is not None:
            progress(len(texts))
        return out

    def close(self) -> None:
        """The wrapped engine belongs to the Translator; nothing to free here."""
