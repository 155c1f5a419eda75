"""The document layer's values: a document read into units, and the draft of a translated document.

A format reads a file into a ``Document``: its translatable ``Unit``s, each with a stable location,
plus the format's own skeleton (everything that is not text to translate). Writing puts each unit's
translation back into the same skeleton, so what was not text (tags, runs, codes, timings) comes out
as it went in.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kkaligner import __version__
from kkaligner.errors import UsageError
from kkaligner.split import segment
from kkaligner.types import Draft, Sentence, Signature

# Larger inputs are refused before they are parsed: a parsed DOCX or HTML tree takes 10-50 times
# its file's size in memory. 50 MiB is far above a real report or subtitle file.
MAX_BYTES = 50 * 1024 * 1024

# Subtitle lines are wrapped at this many characters (the common broadcast guideline).
SUBTITLE_WIDTH = 42


@dataclass(frozen=True)
class Unit:
    """One translatable place of a document.

    ``id`` is the place's stable location, unique in its document: a cue number, a paragraph's
    path (``body/tbl1/tr2/tc1/p1``), an XLIFF unit and segment id. ``pieces`` are its text slots in
    order (a DOCX paragraph's text elements, an HTML block's text nodes, the text between a cue's
    tags); the model reads ``text``, their concatenation, with whitespace runs collapsed. Writing
    gives every slot its share of the translation, in order, so the skeleton between the slots
    (tags, runs with their formatting, inline codes) stays where it was. ``breaks`` are the indices
    ``k`` (``0 < k < len(pieces)``) of the pieces that the skeleton before them separates from the
    previous one like a space (a line break, a tab, <br>).
    """

    id: str
    pieces: tuple[str, ...]
    breaks: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return "".join(self.pieces)


@dataclass(frozen=True)
class Options:
    """How a document is read and written.

    ``encoding`` forces the input's encoding (text formats; default: a byte-order mark, the
    document's own declaration, UTF-8, else detected). ``overwrite`` replaces the targets an XLIFF
    file already has (default: only empty targets are filled). ``max_bytes`` is the size limit of
    the input and of what a DOCX unpacks to (4 times as much). ``width`` is the subtitle line width.
    """

    encoding: str | None = None
    overwrite: bool = False
    max_bytes: int = MAX_BYTES
    width: int = SUBTITLE_WIDTH
    source_lang: str = "kk"
    target_lang: str = "en"


DEFAULTS = Options()


@dataclass(frozen=True)
class Document:
    """A document read by a format.

    Invariant: unit ids are unique. ``skeleton`` is the format's own parsed state, opaque to
    everything but that format's ``write``, which never changes it (it writes from a copy).
    ``encoding`` is the text encoding read (``""`` for binary formats); ``notes`` are things the
    reader decided that a reviewer should know (an encoding guessed, a legacy encoding kept).
    """

    format: str
    units: tuple[Unit, ...]
    skeleton: Any
    encoding: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentDraft(Draft):
    """A translated document: a ``Draft`` (so every report writer takes it) whose sentences are
    located in the document.

    ``locations[i]`` is the id of the unit that sentence ``i`` comes from (``len(locations) ==
    len(sentences)``). ``source_text`` is the document's units, one a paragraph, as the model read
    them. ``pieces`` counts the formatted text slots that held words in the source and
    ``pieces_kept`` those that got words of the translation (the rest came out empty: that run's or
    tag's formatting is lost from the target). ``output`` is the translated file's bytes.
    """

    format: str = ""
    locations: tuple[str, ...] = ()
    units: int = 0
    pieces: int = 0
    pieces_kept: int = 0
    output: bytes = field(default=b"", repr=False, compare=False)

    @property
    def formatting_kept(self) -> float:
        """The share of formatted slots that kept some of the translation (1.0 when there were none)."""
        return self.pieces_kept / self.pieces if self.pieces else 1.0


def need(module: str, package: str):
    """Import a third-party reader, or say how to install it (the ``documents`` extra)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise UsageError(
            f"reading this document format needs the package {package}. Install it with "
            f"pip install 'kkaligner[documents]' (or pip install {package})."
        ) from None


def normalize(text: str) -> str:
    """What a model reads of a sentence: whitespace runs collapsed to one space."""
    return " ".join(text.split())


class FunctionTranslator:
    """A translator made of a function text → text, for structure tests and benchmarks.

    Each sentence (``kkaligner.split.segment``) is mapped alone; no model, no glossary, no checks.
    It has the one method the document layer needs of a ``Translator``: ``translate(text) -> Draft``.
    """

    def __init__(self, function: Callable[[str], str], source_lang: str = "kk", target_lang: str = "en") -> None:
        self.function = function
        self.source_lang = source_lang
        self.target_lang = target_lang

    def translate(self, text: str) -> Draft:
        segments = segment(text, self.source_lang)
        sentences = tuple(
            Sentence(i, s.text, self.function(normalize(s.text)), s.start, s.end, s.paragraph)
            for i, s in enumerate(segments)
        )
        bounds = [0] + [b for s in segments for b in (s.start, s.end)] + [len(text)]
        separators = tuple(text[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2))
        name = getattr(self.function, "__name__", "function")
        signature = Signature(
            kkaligner=__version__, engine="function", model=name,
            source_lang=self.source_lang, target_lang=self.target_lang, enforce=False,
        )
        return Draft(text, sentences, separators, signature, (), self.source_lang, self.target_lang)


__all__ = [
    "DEFAULTS",
    "MAX_BYTES",
    "SUBTITLE_WIDTH",
    "Document",
    "DocumentDraft",
    "FunctionTranslator",
    "Options",
    "Unit",
    "need",
    "normalize",
]
