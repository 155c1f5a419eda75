"""The translation pipeline: a document in, a glossary-checked Draft out.

    split (kkaligner.split) → term plan (kkaligner.terms.plan) → engine (decode only)
    → terms.finalize (repair once, pick, locate, consistency) → checks (kkaligner.checks) → Draft

``Translator`` loads its engine once and can translate many documents; ``translate`` is the one-off
form. The layout of the input (leading/trailing whitespace, line breaks, blank lines between
paragraphs) is kept in ``Draft.separators``, so ``Draft.text`` has the source's shape. A sentence
hard-wrapped over several lines is sent to the engine as one line (its inner whitespace collapsed).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence, Union

from kkaligner import reading
from kkaligner import signature as signature_of
from kkaligner.checks import check
from kkaligner.documents import translate_document as _translate_document
from kkaligner.engines import load_engine
from kkaligner.engines.base import DecodeOptions
from kkaligner.errors import EngineError, UsageError
from kkaligner.glossary import Glossary
from kkaligner.io import read_text
from kkaligner.lang import check_pair
from kkaligner.memory import MemoryEngine, pipeline_context
from kkaligner.models import DEFAULT_MODEL
from kkaligner.split import (  # separators: part of this module's API
    SPLITTER_VERSION,
    chunks,
    segment,
    separators,
)
from kkaligner.terms import alternatives_of, finalize, missing_forceable, plan, repaired
from kkaligner.types import (
    Constraint,
    Draft,
    Finding,
    Hypothesis,
    Segment,
    Sentence,
    Signature,
)
from kkaligner.windows import windows

if TYPE_CHECKING:  # pragma: no cover
    from kkaligner.engines.base import Engine

GlossaryArg = Union[None, str, Path, Sequence[Union[str, Path]], "Glossary"]

TARGET_EXPANSION = 1.5
"""Target tokens per source token a translation may need (kk→en and en→kk in NLLB's pieces run
0.8-1.3 on FLORES-200; the margin leaves room for forced renderings)."""

# Show a progress bar only for documents longer than this many batches: short ones finish first.
PROGRESS_MIN_BATCHES = 3


def _warn(message: str) -> None:
    import warnings

    warnings.warn(message, RuntimeWarning, stacklevel=4)


def normalize(text: str) -> str:
    """What the engine sees of a sentence: inner whitespace (hard-wrapped lines) collapsed to spaces."""
    return " ".join(text.split())


def load_glossary(glossary: GlossaryArg = None, use_default: bool = True) -> "Glossary":
    """A Glossary from None / a path / a list of paths / a Glossary, on top of the shipped names
    glossary unless ``use_default`` is False (the user's entries win over the shipped ones)."""
    if isinstance(glossary, Glossary):
        return Glossary.default().merge(glossary) if use_default else glossary
    if glossary is None:
        paths: list = []
    elif isinstance(glossary, (str, Path)):
        paths = [glossary]
    else:
        paths = list(glossary)
    return Glossary.load_many(paths, include_default=use_default)


class Translator:
    """Translate Kazakh ↔ English documents with one loaded model and glossary.

    ``model`` is a preset (``nllb-600m``, ``nllb-1.3b``), a Hub id or a local folder. ``glossary`` is a
    path, a list of paths or a ``Glossary``; the shipped names glossary is added unless
    ``use_default_glossary`` is False. ``progress`` is True (a bar on stderr when it is a terminal
    and the document is long), False, or a callable ``(done, total)`` called after each batch.
    The engine is loaded on first use and reused by every later call; ``close()`` frees it.

    ``memory`` is the translation memory (``kkaligner.memory``): True (the default) uses the file in
    the user cache dir (``$KKALIGNER_MEMORY`` overrides it), a path uses that file, False turns it
    off. Sentences already translated with the same model, revision, decoding options and glossary
    are served from it, so rerunning an interrupted job translates only what is left. A memory that
    is corrupt or locked costs one warning (``warn``, default ``warnings.warn``) and the run goes on
    without it. ``dtype`` and ``quantize`` are engine speed options (``--dtype``, ``--quantize``).
    ``auto_names`` (default on, ``--no-auto-names``) renders every name the glossary lacks one way
    throughout the document and lists it among the terms with status ``auto``
    (``kkaligner.terms.consistency.auto_names``).

    ``engine`` is a registry name or an engine already loaded (shared between Translators, say one a
    direction; ``close()`` leaves a shared engine open for its owner). ``dispatch`` wraps the engine
    this Translator decodes with, behind its memory: ``kkaligner.server`` passes its batching queue.
    One Translator may translate from several threads at once.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        engine: Union[str, "Engine"] = "auto",
        glossary: GlossaryArg = None,
        use_default_glossary: bool = True,
        source_lang: str = "kk",
        target_lang: str = "en",
        beam_size: int = 4,
        max_length: int = 256,
        enforce: bool = True,
        device: str = "auto",
        progress: Union[bool, Callable[[int, int], None]] = False,
        num_hypotheses: Optional[int] = None,
        batch_size: int = 16,
        batch_tokens: int = 4096,
        engine_options: Optional[dict] = None,
        memory: Union[bool, str, Path, None] = True,
        dtype: str = "auto",
        quantize: Optional[bool] = None,
        warn: Optional[Callable[[str], None]] = None,
        auto_names: bool = True,
        dispatch: Optional[Callable[[Any], Any]] = None,
    ) -> None:
        check_pair(source_lang, target_lang)
        if beam_size < 1:
            raise UsageError(f"beam size must be at least 1 (got {beam_size}).")
        if max_length < 1:
            raise UsageError(f"max length must be at least 1 token (got {max_length}).")
        if batch_size < 1:
            raise UsageError(f"batch size must be at least 1 sentence (got {batch_size}).")
        self.model = str(model)
        self._shared_engine = None if isinstance(engine, str) else engine
        self.engine_name = engine if isinstance(engine, str) else engine.name
        self._dispatch = dispatch
        self._dispatched: Optional[tuple[Any, Any]] = None  # (engine wrapped, its wrapper)
        # Loading the engine and opening the memory happen once, whichever thread asks first.
        self._lock = threading.RLock()
        self.device = device
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.enforce = enforce
        self.auto_names = auto_names
        self.progress = progress
        self.engine_options = dict(engine_options or {})
        # Passed on only when set: each engine has its own default (ct2 quantizes on CPU by default).
        if dtype not in (None, "", "auto"):
            self.engine_options.setdefault("dtype", dtype)
        if quantize is not None:
            self.engine_options.setdefault("quantize", quantize)
        self.memory = memory
        self._warn = warn or _warn
        self._memory_engine: Optional[Any] = None
        self._memory_failed = False
        self._memory_stats = None
        # Enforcement picks among n-best hypotheses; with a glossary, ask for a few.
        if num_hypotheses is None:
            num_hypotheses = min(beam_size, 4) if enforce else 1
        self.options = DecodeOptions(
            beam_size=beam_size,
            max_length=max_length,
            num_hypotheses=max(1, num_hypotheses),
            batch_size=batch_size,
            batch_tokens=batch_tokens,
            enforce=enforce,
        )
        self.glossary = load_glossary(glossary, use_default_glossary)
        self._engine: Optional["Engine"] = self._shared_engine
        self._signature: Optional[tuple] = None  # (what it was built from, the engine, the Signature)

    # --- engine ---------------------------------------------------------------------------------

    @property
    def engine(self) -> "Engine":
        """The loaded engine (loaded on first access)."""
        with self._lock:
            if self._engine is None:
                self._engine = load_engine(self.engine_name, self.model, device=self.device, **self.engine_options)
            return self._engine

    def _translating_engine(self) -> "Engine":
        """``self.engine`` behind the translation memory when there is one (opened on first use),
        wrapped by ``dispatch`` when given."""
        with self._lock:
            inner = self._memory_wrapped()
            if self._dispatch is None:
                return inner
            if self._dispatched is None or self._dispatched[0] is not inner:
                self._dispatched = (inner, self._dispatch(inner))
            return self._dispatched[1]

    def _memory_wrapped(self) -> "Engine":
        engine = self.engine
        if not self.memory or self._memory_failed:
            return engine
        if self._memory_engine is None or self._memory_engine.engine is not engine:
            path = None if self.memory is True else self.memory
            wrapped = MemoryEngine.wrap(
                engine, path, context=pipeline_context(engine, self._glossary_hash()), warn=self._warn
            )
            if wrapped is engine:  # could not be opened; warned once, not retried for every document
                self._memory_failed = True
                return engine
            self._memory_engine = wrapped
            self._memory_stats = wrapped.stats
        return self._memory_engine

    @property
    def memory_stats(self):
        """``MemoryStats`` (hits, misses, stored) of this Translator's memory, None when it had none
        (kept after ``close()``)."""
        return self._memory_stats

    def close(self) -> None:
        self._dispatched = None
        if self._memory_engine is not None:
            store = self._memory_engine.memory
            self._memory_engine = None
            if store is not None:
                store.close()
        if self._engine is not None and self._engine is not self._shared_engine:
            self._engine.close()
        self._engine = self._shared_engine

    def __enter__(self) -> "Translator":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- steps ----------------------------------------------------------------------------------

    def hypotheses(
        self,
        texts: Sequence[str],
        constraints: Sequence[Sequence[Constraint]],
        progress: Optional[Callable[[int], None]] = None,
        failures: Optional[dict[str, str]] = None,
        ready: Optional[dict] = None,
    ) -> list[list[Hypothesis]]:
        """Map normalized sentence texts (and their constraints) to n-best hypotheses.

        The single place where sentences reach the model: identical (text, constraints) pairs are
        translated once; a translation memory wraps ``self.engine`` behind this call. A sentence the
        engine cannot translate gets no hypotheses, and ``failures[text]`` says why. ``ready``
        holds pairs decoded ahead (``translate_many``).
        """
        keys = [(t, tuple(c)) for t, c in zip(texts, constraints)]
        ready = ready or {}
        unique = [k for k in dict.fromkeys(keys) if k not in ready]
        if len(unique) < len(keys) and progress is not None:
            # progress counts input sentences; credit the duplicates up front.
            progress(len(keys) - len(unique))
        results = self._decode(
            [t for t, _ in unique], [list(c) for _, c in unique], self.options, progress,
            {} if failures is None else failures,
        )
        by_key = {**ready, **dict(zip(unique, results))}
        return [by_key[k] for k in keys]

    def _decode(self, texts, constraints, options, progress, failures) -> list[list[Hypothesis]]:
        """The engine's hypotheses for ``texts``. An engine error is isolated to the sentence that
        caused it: the batch is decoded again sentence by sentence, and a sentence that still fails
        gets no hypotheses (``failures`` says why); the rest of the document is translated."""
        engine = self._translating_engine()
        args = (self.source_lang, self.target_lang, options)
        if not self.enforce:
            constraints = None  # None: nothing to force, and the engine returns its n-best for every sentence
        try:
            return engine.translate(texts, *args, constraints=constraints, progress=progress)
        except EngineError as exc:
            if len(texts) == 1:
                failures[texts[0]] = str(exc)
                return [[]]
        out: list[list[Hypothesis]] = []
        for i, text in enumerate(texts):
            try:
                out += engine.translate([text], *args, constraints=None if constraints is None else [constraints[i]])
            except EngineError as exc:
                failures[text] = str(exc)
                out.append([])
        return out

    def _glossary_hash(self) -> str:
        g = self.glossary
        if g is None or len(g) == 0:
            return "none"
        return str(getattr(g, "hash", "none"))

    def signature(self) -> Signature:
        """What produces this Translator's drafts, read off its engine and options (``kkaligner.signature``).
        Built once for as long as they stay the same (a local model's files are not read again
        for every document: the weights loaded are the ones the first reading saw)."""
        engine = self.engine
        key = (self.options, self.source_lang, self.target_lang, self._glossary_hash(), self.auto_names)
        cached = self._signature
        if cached is not None and cached[0] == key and cached[1] is engine:
            return cached[2]
        built = signature_of.translation(
            engine,
            self.options,
            source_lang=self.source_lang,
            target_lang=self.target_lang,
            splitter=str(SPLITTER_VERSION),
            glossary=self._glossary_hash(),
            auto_names=self.auto_names,
        )
        self._signature = (key, engine, built)
        return built

    @contextmanager
    def _progress(self, total: int) -> Iterator[Optional[Callable[[int], None]]]:
        if callable(self.progress):
            done = 0
            report = self.progress

            def step(n: int) -> None:
                nonlocal done
                done += n
                report(done, total)

            yield step
            return
        if not self.progress or total <= PROGRESS_MIN_BATCHES * self.options.batch_size or not sys.stderr.isatty():
            yield None
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        with Progress(
            TextColumn("translating"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task("translate", total=total)
            yield lambda n: bar.advance(task, n)

    # --- public API -----------------------------------------------------------------------------

    def _fit(self, segments: list[Segment]) -> tuple[list[Segment], dict[int, Finding]]:
        """Segments the model can read and answer whole: a sentence longer than ``window_tokens()``
        is cut into windows at clause boundaries (``kkaligner.windows``), each translated as a
        sentence of its own, so nothing is truncated and no decode runs past the model's positions.
        Returns the segments and, by the index of each cut sentence's first window, an info finding."""
        budget = self.window_tokens()
        if budget is None or not segments:
            return segments, {}
        engine = self.engine
        # A token spans at least one character, so only sentences longer in characters are counted.
        long = [i for i, s in enumerate(segments) if len(s.text) + 4 > budget]
        if not long:
            return segments, {}

        def tokens(texts):
            with self._lock:  # a tokenizer may change its settings per call: one thread at a time
                return engine.source_lengths([normalize(t) for t in texts], self.source_lang, self.target_lang)

        over = [i for i, n in zip(long, tokens([segments[i].text for i in long])) if n > budget]
        if not over:
            return segments, {}
        out: list[Segment] = []
        cuts: dict[int, Finding] = {}
        for i, seg in enumerate(segments):
            if i not in over:
                out.append(seg)
                continue
            pieces = windows(seg.text, lambda piece: tokens([piece])[0] <= budget, self.source_lang)
            cuts[len(out)] = Finding(
                "sentence-cut", "info",
                f"this sentence is longer than the model can translate whole ({budget} tokens): it was "
                f"translated in {len(pieces)} pieces, cut at clause boundaries; check the joins.",
            )
            out += [Segment(seg.start + w.start, seg.start + w.end, w.text, seg.paragraph) for w in pieces]
        return out, cuts

    def window_tokens(self) -> Optional[int]:
        """The longest source, in tokens, this Translator sends to its model whole: within the model's
        source positions, and short enough that its translation fits the target positions (a
        translation runs up to about TARGET_EXPANSION times its source). ``max_length`` is the
        user's bound on a translated piece and does not cut sentences."""
        engine = self.engine
        if not hasattr(engine, "source_lengths") or not hasattr(engine, "max_target_tokens"):
            return None
        room = int((engine.max_target_tokens - 1) / TARGET_EXPANSION)
        return max(8, min(engine.max_source_tokens, room))

    def translate(self, text: str, alternatives: int = 0) -> Draft:
        """Translate a document; the Draft keeps its layout, sentences, term uses and findings.

        ``alternatives=n`` also gives each sentence up to ``n`` other translations
        (``Sentence.alternatives``; ``Draft.alternative_texts()`` joins them into documents): the
        next best hypotheses (from a second decode that keeps ``n + 1`` where the draft's decode kept
        fewer), repaired as the draft is, and only those that have every glossary rendering the
        sentence's target has."""
        if not isinstance(text, str):
            raise UsageError(f"translate() takes text (str), not {type(text).__name__}. Use translate_file() for paths.")
        if isinstance(alternatives, bool) or not isinstance(alternatives, int) or alternatives < 0:
            raise UsageError(f"alternatives must be a whole number, 0 or more (got {alternatives!r}).")
        return self._translate_read(text, alternatives=alternatives)

    def _translate_read(self, text: str, ready: Optional[dict] = None, failed: Optional[dict] = None,
                        alternatives: int = 0) -> Draft:
        """``translate``, with hypotheses decoded ahead (``ready``, by ``translate_many``) and the
        failures of that decode (``failed``)."""
        latin = reading.read(text, self.source_lang)
        if latin is not None:  # Kazakh in Latin letters: translated as read in Cyrillic, shown as written
            return reading.map_source(self._translate(latin.text, ready, failed, alternatives), latin)
        return self._translate(text, ready, failed, alternatives)

    def _alternatives(self, texts: Sequence[str], plans: Sequence, hyps: Sequence, targets: Sequence[str],
                      n: int) -> list[tuple]:
        """Up to ``n`` other translations of each sentence (see ``translate``): from the draft's own
        n-best where it kept ``n + 1`` hypotheses, else from a decode that keeps them (the beam
        widened to ``n + 1`` when narrower); a sentence with glossary terms is decoded with them
        forced, one without is decoded without constraints (engines keep only the best of a sentence
        that has none to satisfy)."""
        options = dataclasses.replace(self.options, num_hypotheses=n + 1, beam_size=max(self.options.beam_size, n + 1))
        hyps = list(hyps)
        again = [i for i, (h, target) in enumerate(zip(hyps, targets)) if target and len(h) <= n]
        forced = [i for i in again if plans[i].constraints and self.enforce]
        free = [i for i in again if i not in forced]
        for idx, constraints in ((forced, [list(plans[i].constraints) for i in forced]), (free, None)):
            if idx:
                for i, h in zip(idx, self._decode([texts[i] for i in idx], constraints, options, None, {})):
                    hyps[i] = h
        return [
            alternatives_of(p, h, target, target_lang=self.target_lang, repair=self.enforce, limit=n) if target else ()
            for p, h, target in zip(plans, hyps, targets)
        ]

    def _translate(self, text: str, ready: Optional[dict] = None, failed: Optional[dict] = None,
                   alternatives: int = 0) -> Draft:
        failures: dict[str, str] = dict(failed or {})  # per call: one Translator may serve several threads
        segments, cuts = self._fit(list(segment(text, self.source_lang)))
        # Glossary matches and checks work on the sentence as written (their spans index
        # Sentence.source); the engine sees it with hard line breaks collapsed.
        sources = [s.text for s in segments]
        plans = plan(sources, self.glossary, self.source_lang, self.target_lang)
        hyps: list = []
        if segments:
            texts = [normalize(s) for s in sources]
            constraints = [p.constraints for p in plans]
            with self._progress(len(sources)) as progress:
                hyps = self.hypotheses(texts, constraints, progress, failures, ready)
            if self.enforce:
                hyps = self._read_names_again(texts, constraints, hyps, sources, failures)
        # Repair (the model's own spellings -> approved rendering) is enforcement too: off with enforce=False.
        outcomes = finalize(
            plans, hyps, source_lang=self.source_lang, target_lang=self.target_lang, repair=self.enforce,
            auto_names=self.auto_names,
        )
        alts: list = [()] * len(outcomes)
        if alternatives and segments:
            alts = self._alternatives(texts, plans, hyps, [o.target for o in outcomes], alternatives)
        sentences = tuple(
            Sentence(
                index=i,
                source=seg.text,
                target=out.target,
                start=seg.start,
                end=seg.end,
                paragraph=seg.paragraph,
                terms=out.terms,
                score=out.score,
                alternatives=alts[i],
            )
            for i, (seg, out) in enumerate(zip(segments, outcomes))
        )
        findings: list[Finding] = []
        for i, out in enumerate(outcomes):
            findings += [f if f.sentence is not None else dataclasses.replace(f, sentence=i) for f in out.findings]
            if i in cuts:
                findings.append(dataclasses.replace(cuts[i], sentence=i))
            reason = failures.get(normalize(segments[i].text)) if failures else None
            if reason is not None:
                # never a lost sentence: it stays in the draft as written, for a person to translate
                sentences = sentences[:i] + (dataclasses.replace(sentences[i], target=segments[i].text, alternatives=()),) + sentences[i + 1:]
                findings.append(Finding(
                    "translation-failed", "error",
                    f"the engine could not translate this sentence ({reason}); it is left in the source "
                    "language for you to translate.", sentence=i, source_span=(0, len(segments[i].text)),
                ))
        findings += self._check(sources, [s.target for s in sentences], plans)
        return Draft(
            source_text=text,
            sentences=sentences,
            separators=separators(text, segments),
            signature=self.signature(),
            findings=tuple(findings),
            source_lang=self.source_lang,
            target_lang=self.target_lang,
        )

    def translate_many(
        self, texts: Sequence[str], progress: Optional[Callable[[int], None]] = None
    ) -> list[Draft]:
        """Translate several documents, their sentences decoded together (fuller batches, one
        engine call); each Draft is built as ``translate(text)`` builds it. Batch mates from other
        documents can change a sentence's padding, and so the last digits of its scores (with
        ``batch_size=1`` the drafts are equal). ``progress(n)``: ``n`` more sentences decoded."""
        keys: list = []
        for text in texts:
            if not isinstance(text, str):
                raise UsageError(f"translate_many() takes texts (str), not {type(text).__name__}.")
            latin = reading.read(text, self.source_lang)
            segments, _ = self._fit(list(segment(latin.text if latin else text, self.source_lang)))
            sources = [s.text for s in segments]
            plans = plan(sources, self.glossary, self.source_lang, self.target_lang)
            keys += [(normalize(s), tuple(p.constraints)) for s, p in zip(sources, plans)]
        failures: dict[str, str] = {}  # per call: one Translator may serve several threads
        unique = list(dict.fromkeys(keys))
        if progress is not None and len(unique) < len(keys):
            progress(len(keys) - len(unique))
        decoded = self._decode([t for t, _ in unique], [list(c) for _, c in unique], self.options, progress, failures)
        ready = dict(zip(unique, decoded))
        return [self._translate_read(text, ready, failures) for text in texts]

    def _check(self, sources: Sequence[str], targets: Sequence[str], plans: Sequence) -> list[Finding]:
        if not sources:
            return []
        return list(
            check(sources, targets, glossary=self.glossary, source_lang=self.source_lang,
                  target_lang=self.target_lang, plans=plans)
        )

    def _read_names_again(self, texts, constraints, hyps, sources, failures) -> list[list[Hypothesis]]:
        """Decode again, without reading names, the sentences whose best hypothesis misses a forceable
        term once repaired: decoding counted a word as the term's own spelling that the repair then
        did not take (their word boundaries can differ), so the term must be forced instead."""
        if not (self.options.read_names and getattr(self.engine, "reads_names", False)):
            return hyps
        again = [
            i for i, (h, c) in enumerate(zip(hyps, constraints))
            if c and h and missing_forceable(
                repaired(h[0].text, c, self.target_lang, sources[i]), c, h[0].unforceable, self.target_lang
            )
        ]
        if not again:
            return hyps
        options = dataclasses.replace(self.options, read_names=False)
        redone = self._decode([texts[i] for i in again], [list(constraints[i]) for i in again], options, None, failures)
        hyps = list(hyps)
        for i, h in zip(again, redone):
            hyps[i] = h
        return hyps

    def translate_chunks(self, text: str, size: Optional[int] = None) -> Iterator[Draft]:
        """Translate a large document piece by piece (``split.chunks``, about ``size`` or
        ``split.CHUNK_CHARS`` characters each: cut after paragraphs, never
        inside a sentence) and yield each piece's Draft as soon as it is done: the drafts' texts,
        joined, are the document's draft, and memory holds one piece at a time.

        What works over a whole document works over each piece: name consistency and the
        ``inconsistent-*`` findings do not reach across pieces.
        """
        if not isinstance(text, str):
            raise UsageError(f"translate_chunks() takes text (str), not {type(text).__name__}.")
        for start, end in chunks(text, size):
            yield self.translate(text[start:end])

    def translate_file(self, path: Union[str, Path]) -> Draft:
        """Translate a UTF-8 file (``-`` for standard input)."""
        return self.translate(read_text(path))

    def translate_document(self, src: Union[str, Path], dst: Union[str, Path, None] = None,
                           format: Optional[str] = None, **options: Any) -> Draft:
        """Translate a document file (SRT, WebVTT, HTML, Markdown, DOCX, XLIFF) into ``dst`` in its own
        format; returns a ``DocumentDraft``. See ``kkaligner.documents.translate_document``."""
        return _translate_document(self, src, dst, format, **options)

    def __repr__(self) -> str:
        return (
            f"Translator(model={self.model!r}, engine={self.engine_name!r}, "
            f"{self.source_lang}->{self.target_lang}, beam={self.options.beam_size})"
        )


def translate(text: str, **kwargs: Any) -> Draft:
    """Translate one document with a fresh Translator (see ``Translator`` for the keyword arguments)."""
    with Translator(**kwargs) as translator:
        return translator.translate(text)


__all__ = ["Translator", "translate", "normalize", "separators", "load_glossary", "DEFAULT_MODEL"]
