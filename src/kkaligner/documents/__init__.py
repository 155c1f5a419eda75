"""Documents in, documents out: SRT, WebVTT, HTML, Markdown, DOCX and XLIFF translated in place.

Each format is one module with ``NAME``, ``SUFFIXES``, ``read(data, name, options) -> Document`` and
``write(document, targets, options) -> bytes``; ``FORMATS`` below is the registry. The core here
reads a document into units (``base.Unit``: a location and its text slots), translates every unit in
one call to the translator (so batching, the translation memory and one rendering per name work
across the whole document), cuts each translation back into the unit's slots (``_spans``) and has
the format write them into the document's own skeleton. Third-party readers (lxml, charset
detection) are imported by the formats when they read, never on ``import kkaligner``.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from kkaligner.documents import docx, html, markdown, srt, vtt, xliff
from kkaligner.documents._spans import distribute, flatten, has_words
from kkaligner.documents.base import (
    DEFAULTS,
    MAX_BYTES,
    Document,
    DocumentDraft,
    FunctionTranslator,
    Options,
    Unit,
)
from kkaligner.errors import DocumentTooLargeError, InputError, UsageError, choices
from kkaligner.io import PathLike, atomic_write
from kkaligner.types import Draft, Finding

# name -> format module (one line a format)
FORMATS: dict[str, ModuleType] = {
    "srt": srt,
    "vtt": vtt,
    "html": html,
    "md": markdown,
    "docx": docx,
    "xliff": xliff,
}

SUFFIXES: dict[str, str] = {suffix: name for name, module in FORMATS.items() for suffix in module.SUFFIXES}


def format_of(path: PathLike) -> str | None:
    """The document format a path's suffix names (case-insensitive), None when it names none."""
    return SUFFIXES.get(Path(str(path)).suffix.lower())


def _module(format: str) -> ModuleType:
    module = FORMATS.get(str(format).lower())
    if module is None:
        raise UsageError(f"unknown document format {format!r}. Choose {choices(FORMATS)}.")
    return module


def read_bytes(path: PathLike, max_bytes: int = MAX_BYTES) -> bytes:
    """A document's bytes, refused before reading when larger than ``max_bytes``."""
    p = Path(path)
    if not p.is_file():
        what = "is a folder" if p.is_dir() else "does not exist"
        raise InputError(f"{p} {what}. Pass the path of a document file.")
    size = p.stat().st_size
    if size > max_bytes:
        raise DocumentTooLargeError(
            f"{p} is {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:.0f} MiB limit for documents. "
            "Split it into smaller files, or raise the limit (--max-size MIB, or max_bytes=)."
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror}). Check its permissions.") from None


def read(path: PathLike, format: str | None = None, options: Options = DEFAULTS) -> Document:
    """Read a document into units (``format`` defaults to the one the suffix names)."""
    name = _pick(path, format)
    return _module(name).read(read_bytes(path, options.max_bytes), str(path), options)


def text_of(path: PathLike, format: str | None = None, options: Options = DEFAULTS) -> str:
    """A document's words as the model reads them, each unit's text a line (for ``extract_terms``:
    the names of a Word file or an XLIFF file's source)."""
    return "\n".join(" ".join(unit.text.split()) for unit in read(path, format, options).units)


def _pick(path: PathLike, format: str | None) -> str:
    if format is not None:
        _module(format)
        return str(format).lower()
    name = format_of(path)
    if name is None:
        suffix = Path(str(path)).suffix
        raise UsageError(
            f"cannot tell the document format of {str(path)!r} (suffix {suffix!r}). Use a suffix among "
            f"{choices(SUFFIXES)}, or name the format (--input-format) as one of {choices(FORMATS)}."
        )
    return name


@dataclasses.dataclass(frozen=True)
class _Plan:
    """The units to translate, joined one a paragraph into the text the translator reads.

    Invariant: ``starts[k]`` is where ``units[k]``'s flattened text begins in ``text``."""

    units: tuple[Unit, ...]
    flat: tuple[str, ...]
    starts: tuple[int, ...]
    text: str


def _plan(units: Sequence[Unit]) -> _Plan:
    # Units without a letter or digit ("—", "*", an empty cell) are kept as they are: a model
    # only garbles them.
    chosen, flat, starts = [], [], []
    pos = 0
    for unit in units:
        text, _ = flatten(unit.pieces, unit.breaks)
        if not has_words(text):
            continue
        chosen.append(unit)
        flat.append(text)
        starts.append(pos)
        pos += len(text) + 2
    # A blank line is always a sentence boundary, so no sentence spans two units.
    return _Plan(tuple(chosen), tuple(flat), tuple(starts), "\n\n".join(flat))


def translate_units(translator: Any, units: Sequence[Unit]) -> tuple[Draft, dict[str, tuple[str, ...]], list[str], tuple[int, int]]:
    """Translate ``units`` in one call to ``translator`` (anything with ``translate(text) -> Draft``,
    or a function text → text). Returns the draft, each unit's translated slots by id, each
    sentence's unit id, and (formatted slots with words, those that kept words)."""
    if not hasattr(translator, "translate") and callable(translator):
        translator = FunctionTranslator(translator)
    plan = _plan(units)
    draft = translator.translate(plan.text)
    by_unit: list[list[int]] = [[] for _ in plan.units]
    locations: list[str] = []
    for i, sentence in enumerate(draft.sentences):
        k = bisect_right(plan.starts, sentence.start) - 1
        if k < 0 or sentence.end > plan.starts[k] + len(plan.flat[k]):
            raise AssertionError(f"sentence {i} spans two units")  # the splitter broke its invariant
        by_unit[k].append(i)
        locations.append(plan.units[k].id)
    targets: dict[str, tuple[str, ...]] = {}
    slots = kept = 0
    for k, unit in enumerate(plan.units):
        base = plan.starts[k]
        target, anchors = "", []
        for n, i in enumerate(by_unit[k]):
            s = draft.sentences[i]
            if n:
                target += draft.separators[i]  # within a unit: the source's space, or none
            anchors += [(s.start - base, len(target))]
            target += s.target
            anchors += [(s.end - base, len(target))]
        out = distribute(unit.pieces, target, anchors, unit.breaks)
        targets[unit.id] = out
        if len(unit.pieces) > 1:
            for src, tgt in zip(unit.pieces, out):
                if has_words(src):
                    slots += 1
                    kept += has_words(tgt)
    return draft, targets, locations, (slots, kept)


def translate_document(
    translator: Any,
    src: PathLike,
    dst: PathLike | None = None,
    format: str | None = None,
    *,
    encoding: str | None = None,
    overwrite: bool = False,
    max_bytes: int = MAX_BYTES,
) -> DocumentDraft:
    """Translate the document ``src`` into ``dst`` in the same format (nothing is written for None).

    ``translator`` is a ``kkaligner.Translator`` (or a function text → text, for tests). ``format``
    defaults to the one ``src``'s suffix names (``FORMATS``). Returns a ``DocumentDraft``: the draft
    of every unit's sentences, each located in the document, for the report writers. ``dst`` is
    written atomically and only when everything succeeded; an unreadable, unsafe or too large input
    raises a ``DocumentError`` and writes nothing.
    """
    name = _pick(src, format)
    module = _module(name)
    options = Options(
        encoding=encoding, overwrite=overwrite, max_bytes=max_bytes,
        source_lang=getattr(translator, "source_lang", "kk"), target_lang=getattr(translator, "target_lang", "en"),
    )
    document = module.read(read_bytes(src, max_bytes), str(src), options)
    draft, targets, locations, (slots, kept) = translate_units(translator, document.units)
    output = module.write(document, targets, options)
    findings = list(draft.findings) + [Finding("document-note", "info", note) for note in document.notes]
    review = getattr(module, "review", None)
    if review is not None:
        first = {}
        for i, location in enumerate(locations):
            first.setdefault(location, i)
        findings += [Finding("inline-codes-moved", "warning", message, sentence=first.get(uid))
                     for uid, message in review(document, targets)]
    if slots > kept:
        findings.append(Finding(
            "formatting-lost", "warning",
            f"{slots - kept} of {slots} formatted text pieces got no words of the translation; their "
            "formatting is missing from the target: check the formatting of those paragraphs.",
        ))
    if dst is not None:
        atomic_write(dst, output)
    return DocumentDraft(
        **{f.name: getattr(draft, f.name) for f in dataclasses.fields(Draft) if f.name != "findings"},
        findings=tuple(findings),
        format=name,
        locations=tuple(locations),
        units=len(document.units),
        pieces=slots,
        pieces_kept=kept,
        output=output,
    )


__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "SUFFIXES",
    "Document",
    "DocumentDraft",
    "FunctionTranslator",
    "Options",
    "Unit",
    "format_of",
    "read",
    "read_bytes",
    "translate_document",
    "translate_units",
]
