"""The server's core, free of any web framework: requests in as Python values, answers out.

The app (``kkaligner.server.app``) parses HTTP into calls on ``Service`` and formats what they
return; everything here goes through kkaligner's public API (``Translator``, ``check``, the
writers). One model is loaded at start and shared by a Translator per direction and glossary
choice; their decodes go through one ``Batcher``.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Optional, Sequence

from kkaligner import documents
from kkaligner.checks import check
from kkaligner.errors import (
    AccessDeniedError,
    KkalignerError,
    RateLimitError,
    RequestError,
    RequestTooLargeError,
    choices,
)
from kkaligner.io import read_text
from kkaligner.lang import LANGUAGE_NAMES, LANGUAGES, check_pair
from kkaligner.lang.detect import Detection, detect_language
from kkaligner.pipeline import load_glossary
from kkaligner.server.batching import Batcher
from kkaligner.server.metrics import Metrics
from kkaligner.server.settings import Settings
from kkaligner.terms import plan
from kkaligner.terms.outcome import term_uses
from kkaligner.types import Draft, Finding, Signature

# What /translate_file takes: plain text, and every document format kkaligner.documents reads.
FILE_SUFFIXES = (".txt", *sorted(documents.SUFFIXES))
# Auto-detection of a file's language reads this many characters of its text.
DETECT_CHARS = 5000

# translator_factory(source_lang, target_lang, glossary paths, engine or None, dispatch) -> Translator
TranslatorFactory = Callable[..., object]


class RateLimiter:
    """At most ``per_minute`` requests per client in any 60 seconds (a sliding window)."""

    MAX_CLIENTS = 100_000  # clients remembered; the quietest are forgotten beyond this

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._seen: dict[str, deque] = {}
        self._lock = threading.Lock()

    def hit(self, client: str, now: Optional[float] = None) -> None:
        if not self.per_minute:
            return
        now = time.monotonic() if now is None else now
        with self._lock:
            window = self._seen.setdefault(client, deque())
            while window and window[0] <= now - 60:
                window.popleft()
            if len(window) >= self.per_minute:
                wait = int(60 - (now - window[0])) + 1
                raise RateLimitError(
                    f"too many requests: at most {self.per_minute} a minute; try again in {wait} s."
                )
            window.append(now)
            if len(self._seen) > self.MAX_CLIENTS:
                for key in [k for k, w in self._seen.items() if not w or w[-1] <= now - 60]:
                    del self._seen[key]


class _Limited:
    """A Translator whose ``translate`` first holds the text to the request limits: the document
    layer hands it a document's whole text in one call."""

    def __init__(self, translator, check_size: Callable[[Sequence[str]], None]) -> None:
        self._translator = translator
        self._check_size = check_size
        self.source_lang = translator.source_lang
        self.target_lang = translator.target_lang

    def translate(self, text: str) -> Draft:
        self._check_size([text])
        return self._translator.translate(text)


class Service:
    def __init__(self, settings: Settings, translator_factory: TranslatorFactory) -> None:
        self.settings = settings
        self._factory = translator_factory
        self.metrics = Metrics()
        self.batcher = Batcher(settings.batch_size, settings.batch_wait_ms / 1000)
        self.limiter = RateLimiter(settings.rate_limit)
        self._translators: dict[tuple, object] = {}
        self._glossaries: dict[tuple, object] = {}
        self._lock = threading.Lock()
        self._engine = None
        # Several documents of one request are translated at once so that their sentences share batches.
        self._pool = ThreadPoolExecutor(max_workers=max(4, settings.batch_size), thread_name_prefix="kkaligner-doc")

    # --- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the model (once) and the glossaries, so the first request does not pay for them."""
        first = self.translator("kk", "en", ())
        self._engine = first.engine
        for name in self.settings.glossary_names:
            self.glossary((name,))

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self.batcher.close()
        with self._lock:
            translators, self._translators = list(self._translators.values()), {}
        for tr in translators:
            tr.close()  # the first one loaded the engine and frees it; the others only borrowed it
        self._engine = None

    # --- access ------------------------------------------------------------------------------

    def authorize(self, api_key: Optional[str], address: str) -> None:
        """AccessDeniedError without a valid key (when keys are required); RateLimitError over the limit."""
        keys = self.settings.api_keys
        if keys:
            if not api_key:
                raise AccessDeniedError("an API key is required: pass api_key.")
            if api_key not in keys:
                raise AccessDeniedError("invalid API key.")
        self.limiter.hit(f"key:{api_key}" if keys else f"addr:{address}")

    def check_size(self, texts: Sequence[str]) -> None:
        if len(texts) > self.settings.max_texts:
            raise RequestError(f"q has {len(texts)} texts; at most {self.settings.max_texts} a request.")
        total = sum(len(t) for t in texts)
        if total > self.settings.max_chars:
            raise RequestTooLargeError(
                f"the request has {total} characters; at most {self.settings.max_chars} a request."
            )

    # --- languages and glossaries ------------------------------------------------------------

    @staticmethod
    def languages() -> list[dict]:
        return [
            {"code": code, "name": LANGUAGE_NAMES[code], "targets": [t for t in LANGUAGES if t != code]}
            for code in LANGUAGES
        ]

    @staticmethod
    def detect(text: str) -> Detection:
        return detect_language(text)

    def direction(self, source: str, target: str, texts: Sequence[str]) -> tuple[str, str, list]:
        """The pair to translate with; ``auto`` is detected on the request's texts together (and
        may come out as the target language: the caller then has nothing to translate)."""
        detections: list = []
        if source == "auto":
            detections = [detect_language(t) for t in texts]
            source = detect_language(" ".join(texts)).lang
        for lang in (source, target):
            if lang not in LANGUAGES:
                raise RequestError(f"unknown language {lang!r}. Choose {choices(LANGUAGES)} (source may be 'auto').")
        if not detections or source != target:
            check_pair(source, target)
        return source, target, detections

    def glossary_names(self, names) -> tuple:
        offered = self.settings.glossary_names
        chosen = tuple(dict.fromkeys(str(n) for n in (names or ())))
        unknown = [n for n in chosen if n not in offered]
        if unknown:
            raise RequestError(
                f"unknown glossary {unknown[0]!r}. This server offers {choices(offered) or 'none'}."
            )
        return chosen

    def glossary(self, names: tuple):
        """The merged Glossary for ``names`` (the shipped one under them unless turned off)."""
        key = (names,)
        with self._lock:
            g = self._glossaries.get(key)
        if g is None:
            offered = self.settings.glossary_names
            g = load_glossary([offered[n] for n in names], self.settings.default_glossary)
            with self._lock:
                g = self._glossaries.setdefault(key, g)
        return g

    def glossary_info(self) -> list[dict]:
        out = []
        for name, path in self.settings.glossary_names.items():
            out.append({"name": name, "entries": len(load_glossary([path], use_default=False))})
        return out

    def glossary_terms(self, name: str, limit: int = 1000) -> list[dict]:
        (name,) = self.glossary_names([name])
        g = load_glossary([self.settings.glossary_names[name]], use_default=False)  # its own entries only
        return [{"source": t.source, "target": t.target, "alternatives": list(t.alternatives),
                 "forbidden": list(t.forbidden), "note": t.note} for t in list(g)[:limit]]

    # --- translation -------------------------------------------------------------------------

    def translator(self, source: str, target: str, names: tuple):
        key = (source, target, names)
        with self._lock:
            tr = self._translators.get(key)
            if tr is None:
                offered = self.settings.glossary_names
                tr = self._factory(
                    source_lang=source, target_lang=target,
                    glossary=[offered[n] for n in names],
                    engine=self._engine, dispatch=self.batcher.wrap,
                )
                self._translators[key] = tr
            return tr

    def alternatives(self, value) -> int:
        """The number of alternative translations asked for (LibreTranslate's ``alternatives``)."""
        try:
            n = max(0, int(value or 0))
        except (TypeError, ValueError):
            raise RequestError("invalid request: alternatives must be a whole number.") from None
        if n > self.settings.max_alternatives:
            raise RequestError(f"invalid request: alternatives must be at most {self.settings.max_alternatives} (got {n}).")
        return n

    def translate(self, texts: Sequence[str], source: str, target: str, names: tuple = (),
                  alternatives: int = 0) -> list[Draft]:
        """One Draft a text, the texts translated at once (their sentences share decode batches);
        ``alternatives``: each sentence's other translations too (``Sentence.alternatives``)."""
        tr = self.translator(source, target, names)

        def one(text: str) -> Draft:
            with self.batcher.incoming():  # the queue waits for this text's sentences
                return tr.translate(text, alternatives=alternatives)

        drafts = list(self._pool.map(one, texts)) if len(texts) > 1 else [one(t) for t in texts]
        self.metrics.add_sentences(sum(len(d.sentences) for d in drafts))
        return drafts

    def translate_file(self, path: Path, source: str, target: str, names: tuple = (), name: str = "") -> bytes:
        """The file at ``path`` (an upload saved by the caller) translated into its own format: plain
        text (``.txt``) through ``Translator.translate``, the other formats through
        ``kkaligner.documents.translate_document``. Its text is held to the request limits. Errors
        name the file ``name`` (the client's), never the server's folder."""
        try:
            return self._translate_file(path, source, target, names)
        except KkalignerError as exc:
            message = str(exc)
            if str(path) not in message:
                raise
            try:
                renamed = type(exc)(message.replace(str(path), name or path.name))
            except TypeError:  # an error built otherwise: its message as it is
                raise exc from None
            raise renamed from None

    @staticmethod
    def file_suffix(name: str) -> str:
        """The suffix of an upload named ``name`` (lower case), if /translate_file takes it."""
        suffix = Path(name).suffix.lower()
        if suffix not in FILE_SUFFIXES:
            raise RequestError(f"unsupported file format {suffix or '(none)'!r}. Choose {choices(FILE_SUFFIXES)}.")
        return suffix

    def _translate_file(self, path: Path, source: str, target: str, names: tuple) -> bytes:
        suffix = self.file_suffix(path.name)
        size, limit = path.stat().st_size, self.settings.max_file_bytes
        if size > limit:
            raise RequestTooLargeError(f"the file is {size} bytes; at most {limit} bytes a file.")
        # The file's size is checked above; the document layer's own bound stays for what a DOCX unpacks to.
        bound = max(limit, documents.MAX_BYTES)
        text = sample = ""
        if suffix == ".txt":
            text = sample = read_text(path)
            self.check_size([text])
        elif source == "auto":
            doc = documents.read(path, options=documents.Options(max_bytes=bound))
            sample = " ".join(u.text for u in doc.units)
        src, tgt, _ = self.direction(source, target, [sample[:DETECT_CHARS]])
        if src == tgt or (suffix == ".txt" and not text.strip()):
            return path.read_bytes()  # in the target language already (auto), or nothing to translate
        tr = self.translator(src, tgt, names)
        with self.batcher.incoming():
            if suffix == ".txt":
                draft = tr.translate(text)
                output = draft.text.encode("utf-8")
            else:
                draft = documents.translate_document(_Limited(tr, self.check_size), path, None, max_bytes=bound)
                output = draft.output
        self.metrics.add_sentences(len(draft.sentences))
        return output

    def memory_hits(self) -> int:
        with self._lock:
            translators = list(self._translators.values())
        return sum(tr.memory_stats.hits for tr in translators if tr.memory_stats is not None)

    # --- review ------------------------------------------------------------------------------

    def check(self, sources: Sequence[str], targets: Sequence[str], source: str, target: str,
              names: tuple = ()) -> tuple[list[Finding], list[list]]:
        """Findings on aligned pairs and, for each pair, where its glossary terms are in the target."""
        check_pair(source, target)
        if len(sources) != len(targets):
            raise RequestError(f"{len(sources)} source sentences but {len(targets)} targets: send aligned pairs.")
        self.check_size(list(sources) + list(targets))
        glossary = self.glossary(names)
        plans = plan(list(sources), glossary, source, target)
        findings = check(sources, targets, glossary=glossary, source_lang=source, target_lang=target, plans=plans)
        uses = [term_uses(p, t, target) for p, t in zip(plans, targets)]
        return findings, uses

    def signature(self) -> Signature:
        return self.translator("kk", "en", ()).signature()

