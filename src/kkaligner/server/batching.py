"""The batching queue: sentences from concurrent requests decoded together, off the event loop.

Each request's Translator decodes through a ``QueuedEngine`` (``Translator(dispatch=...)``): its
call waits in a queue, and one worker thread gathers calls for ``wait_s`` or until ``max_sentences``
are waiting, then decodes the calls that share an engine, languages and options in one engine call.
Only the worker thread touches the engine (and the translation memory behind it), so neither needs
to be thread-safe. A merged decode that fails is decoded again call by call, so one request's bad
sentence never fails another's.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from kkaligner.errors import EngineError


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

    def __init__(self, max_sentences: int = 32, wait_s: float = 0.005) -> None:
        self.max_sentences = max(1, max_sentences)
        self.wait_s = max(0.0, wait_s)
        self.batches = 0  # engine calls made (read by /metrics)
        self.sentences = 0
        self._queue: "queue.Queue[Optional[_Call]]" = queue.Queue()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="kkaligner-decode", daemon=True)
        self._thread.start()

    def wrap(self, engine) -> "QueuedEngine":
        return QueuedEngine(engine, self)

    def submit(self, engine, texts, source_lang, target_lang, options, constraints) -> list:
        if self._closed:
            raise EngineError("the server is shutting down; the translation was not started.")
        if not texts:
            return []
        call = _Call(engine, list(texts), source_lang, target_lang, options,
                     None if constraints is None else list(constraints))
        self._queue.put(call)
        return call.future.result()

    def close(self) -> None:
        """Finish what is queued, then stop the worker."""
        if not self._closed:
            self._closed = True
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is None:
                break
            calls, count = [first], len(first.texts)
            deadline = time.monotonic() + self.wait_s
            while count < self.max_sentences:
                left = deadline - time.monotonic()
                try:
                    nxt = self._queue.get(timeout=left) if left > 0 else self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                calls.append(nxt)
                count += len(nxt.texts)
            groups: dict[tuple, list[_Call]] = {}
            for call in calls:
                groups.setdefault(call.key(), []).append(call)
            for group in groups.values():
                self._decode(group)

    def _decode(self, group: Sequence[_Call]) -> None:
        first = group[0]
        texts = [t for c in group for t in c.texts]
        constraints = None if first.constraints is None else [x for c in group for x in c.constraints]
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
