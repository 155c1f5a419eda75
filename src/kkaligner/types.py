"""The values that flow between kkaligner's stages.

All are frozen dataclasses: a stage returns new values, it never edits the ones it was given.
Offsets are Python string indices (code points) into the text named in each docstring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from kkaligner.layout import spread

Span = tuple[int, int]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Segment:
    """One sentence of a document.

    Invariants: ``text == source[start:end]`` for the document ``source`` it was cut from;
    ``text`` neither starts nor ends with whitespace; segments of one document are in order and do
    not overlap; every non-space character of the document lies in exactly one segment.
    ``paragraph`` is the 0-based index of the blank-line-separated block the segment starts in.
    """

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Term:
    """One glossary entry.

    ``source`` is the lemma (dictionary form) in ``source_lang``; ``target`` the one approved
    rendering in ``target_lang``. ``alternatives`` are accepted too; ``forbidden`` must never appear
    in a draft. ``dnt`` (do not translate) means the source form itself is the rendering.
    ``provenance`` says where the entry comes from (a URL, a standard, an editor's decision).
    """

    source: str
    target: str
    alternatives: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    kind: str = ""
    pos: str = ""
    case_sensitive: bool = False
    dnt: bool = False
    note: str = ""
    provenance: str = ""
    source_lang: str = "kk"
    target_lang: str = "en"

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the entry for de-duplication: languages and case-folded source."""
        return (self.source_lang, self.target_lang, self.source.casefold())


@dataclass(frozen=True)
class Match:
    """An occurrence of a glossary term in a text.

    Invariant: ``surface == text[start:end]`` for the text that was searched. ``suffix`` is the
    inflectional ending that was analysed off the lemma (``"дағы"`` in Байқоңырдағы, ``"'s"`` in
    Baikonur's, ``""`` for the bare form). ``lang`` is the language of the searched text; when it is
    the term's target language the match is of the rendering (or of a variant: ``variant`` then
    holds which one, and ``forbidden`` says whether that variant is forbidden).
    """

    term: Term
    start: int
    end: int
    surface: str
    suffix: str = ""
    lang: str = "kk"
    variant: str = ""
    forbidden: bool = False


@dataclass(frozen=True)
class Constraint:
    """One rendering a sentence's translation must contain.

    Satisfied when any string of ``options`` occurs in the output (word-bounded; for Kazakh targets
    the options include the inflected forms). ``options[0]`` is the form to force when decoding
    has to. ``forbidden`` strings must not occur. ``term`` is the glossary entry it comes from
    (None for consistency constraints on names outside the glossary).
    """

    options: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    term: Optional[Term] = None


@dataclass(frozen=True)
class Hypothesis:
    """One candidate translation with its model score (sum of log-probabilities / length penalty).

    ``unforceable`` lists the renderings (each constraint's ``options[0]``) that the engine found it
    could not force into this sentence (its vocabulary cannot spell them); ``finalize`` flags those
    that are missing as ``term-unforceable``. It travels with the text, through the translation
    memory too, so a rerun reports what the first run did.
    """

    text: str
    score: float = 0.0
    unforceable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """Something a reviewer must look at.

    ``code`` is a short stable identifier (``missing-term``, ``number-mismatch``...), ``severity`` one
    of SEVERITIES. ``sentence`` is the 0-based sentence index (None for document-level findings).
    ``source_span`` / ``target_span`` are offsets into that sentence's source / target text.
    ``suggestion`` is a replacement text for ``target_span`` when the fix is mechanical.
    """

    code: str
    severity: str
    message: str
    sentence: Optional[int] = None
    source_span: Optional[Span] = None
    target_span: Optional[Span] = None
    suggestion: Optional[str] = None


@dataclass(frozen=True)
class TermUse:
    """A glossary term as it stands in one translated sentence.

    ``source_span`` is the match in the sentence's source text; ``target_span`` the rendering in the
    sentence's target text (None when the rendering is missing). ``status`` is ``applied`` (present
    as the glossary says), ``forced`` (present because decoding or repair put it there),
    ``missing`` or ``variant`` (a forbidden or other variant stands instead), or ``auto``: a name
    without a glossary entry, given one rendering for the whole document (``Term.kind`` ``name``).
    """

    term: Term
    source_span: Span
    target_span: Optional[Span]
    surface: str
    status: str = "applied"


@dataclass(frozen=True)
class Sentence:
    """One translated sentence of a draft.

    Invariant: ``source == document[start:end]`` for the source document. ``index`` is 0-based and
    equals the sentence's position in ``Draft.sentences``. ``alternatives`` are other translations
    of the sentence, best first, when they were asked for (``Translator.translate(text,
    alternatives=n)``): distinct, none equal to ``target``, each with the glossary's renderings.
    """

    index: int
    source: str
    target: str
    start: int
    end: int
    paragraph: int = 0
    terms: tuple[TermUse, ...] = ()
    score: Optional[float] = None
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """What produced an output, as sacrebleu's signatures do: enough to reproduce it.

    Built in one place, ``kkaligner.signature``, from the producing objects' own state: every
    setting that can change the output is a part (``compute_type``: the weights' arithmetic, int8
    and float32 decode differently; ``hypotheses``: the n-best list enforcement picks from).
    ``model`` never holds a local absolute path: a local model is its folder name and a digest of
    its files.
    """

    kkaligner: str
    engine: str
    model: str
    revision: str = ""
    source_lang: str = "kk"
    target_lang: str = "en"
    beam: int = 4
    max_length: int = 256
    enforce: bool = True
    splitter: str = ""
    glossary: str = "none"
    compute_type: str = ""
    hypotheses: int = 1
    extra: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        parts = [
            f"kkaligner:{self.kkaligner}",
            f"engine:{self.engine}",
            f"model:{self.model}",
            f"rev:{self.revision or 'local'}",
            f"lang:{self.source_lang}-{self.target_lang}",
            f"beam:{self.beam}",
            f"nbest:{self.hypotheses}",
            f"type:{self.compute_type or '-'}",
            f"maxlen:{self.max_length}",
            f"enforce:{'yes' if self.enforce else 'no'}",
            f"split:{self.splitter}",
            f"glossary:{self.glossary}",
        ]
        parts += [f"{k}:{v}" for k, v in self.extra]
        return "|".join(parts)

    def as_dict(self) -> dict:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "extra"}
        d.update(dict(self.extra))
        d["string"] = str(self)
        return d


@dataclass(frozen=True)
class Draft:
    """A translated document.

    ``separators`` has ``len(sentences) + 1`` items: the layout (whitespace) before the first
    sentence, between each pair and after the last, so that ``text`` rebuilds the document with the
    source's paragraphs and line breaks; a sentence whose source spans several lines has its
    target spread over as many (``kkaligner.layout.spread``). ``source_text`` is the decoded input
    document.
    """

    source_text: str
    sentences: tuple[Sentence, ...]
    separators: tuple[str, ...]
    signature: Signature
    findings: tuple[Finding, ...] = ()
    source_lang: str = "kk"
    target_lang: str = "en"

    @property
    def text(self) -> str:
        """The draft with the source's layout: each target on as many lines as its source."""
        return self._laid_out([s.target for s in self.sentences])

    def _laid_out(self, targets: Sequence[str]) -> str:
        """``targets`` (one a sentence) in the source's layout."""
        out = [self.separators[0]] if self.separators else []
        for sentence, target, sep in zip(self.sentences, targets, self.separators[1:]):
            out.append(spread(target, sentence.source))
            out.append(sep)
        return "".join(out)

    def alternative_texts(self) -> list[str]:
        """Other translations of the whole document: the k-th takes each sentence's k-th alternative
        (its target where it has fewer), with the draft's layout; distinct, none equal to ``text``."""
        out: list[str] = []
        main = self.text
        for k in range(max((len(s.alternatives) for s in self.sentences), default=0)):
            text = self._laid_out([s.alternatives[k] if k < len(s.alternatives) else s.target for s in self.sentences])
            if text != main and text not in out:
                out.append(text)
        return out

    def findings_by_severity(self) -> dict[str, int]:
        counts = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return counts


@dataclass(frozen=True)
class Link:
    """One link of a sentence alignment.

    ``source`` and ``target`` are 0-based sentence indices (either may be empty: a 1-0 or 0-1 link);
    ``source_span`` / ``target_span`` are character offsets into the source / target document
    covering those sentences (None for an empty side).
    """

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float = 0.0
    source_span: Optional[Span] = None
    target_span: Optional[Span] = None


__all__ = [
    "Span",
    "SEVERITIES",
    "Segment",
    "Term",
    "Match",
    "Constraint",
    "Hypothesis",
    "Finding",
    "TermUse",
    "Sentence",
    "Signature",
    "Draft",
    "Link",
]
