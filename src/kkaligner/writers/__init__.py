"""Output writers: a Draft in, a text file out.

Each format is one module with ``render(draft) -> str``; ``FORMATS`` maps its name to that function
and ``SUFFIXES`` the file suffixes that select it. ``write`` picks the format (given, or guessed
from the path's suffix) and writes atomically (temporary file + rename), or to standard output for
``None`` / ``"-"``. ``write_applied_terms`` exports the glossary entries a draft applied as an
OmegaT tab-separated glossary.

Writers use only the standard library, so importing this package stays cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Optional, Sequence

from kkaligner.errors import OutputError, UsageError, choices
from kkaligner.io import PathLike, atomic_write, same_file
from kkaligner.types import Draft
from kkaligner.writers import glossary_tsv, html, json, tmx, tsv, txt, xliff

Writer = Callable[[Draft], str]

# name -> writer (one line a format)
FORMATS: dict[str, Writer] = {
    "txt": txt.render,
    "tsv": tsv.render,
    "json": json.render,
    "html": html.render,
    "xliff": xliff.render,
    "tmx": tmx.render,
}

# file suffix (lower case) -> format name
SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".tsv": "tsv",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tmx": "tmx",
}

DEFAULT_FORMAT = "txt"


def guess_format(path: PathLike) -> str:
    """The format a path's suffix names (case-insensitive); UsageError listing the suffixes else."""
    suffix = Path(str(path)).suffix.lower()
    name = SUFFIXES.get(suffix)
    if name is None:
        said = f"suffix {suffix!r}" if suffix else "no suffix"
        raise UsageError(
            f"cannot tell the output format of {str(path)!r} ({said}). Use a suffix among "
            f"{choices(SUFFIXES)}, or pass --format with one of {choices(FORMATS)}."
        )
    return name


def _check_format(format: str) -> Writer:
    writer = FORMATS.get(str(format).lower())
    if writer is None:
        raise UsageError(f"unknown output format {format!r}. Choose {choices(FORMATS)}.")
    return writer


def render(draft: Draft, format: str = DEFAULT_FORMAT) -> str:
    """The draft in ``format`` (see ``FORMATS``)."""
    return _check_format(format)(draft)


def _emit(text: str, path: Optional[PathLike]) -> None:
    if path is None or str(path) == "-":
        # Always UTF-8 on stdout, whatever the locale says.
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    atomic_write(path, text)


def check_outputs(outputs: Sequence[tuple[Optional[PathLike], Optional[str]]], inputs: Sequence[PathLike] = ()) -> None:
    """Before any work: each ``(path, format)`` of ``outputs`` names a known format and a folder
    that exists, no two outputs are one file, and no output is one of ``inputs`` (writing the draft
    over its own source would lose the document). UsageError / OutputError saying what to change."""
    files = []
    for path, format in outputs:
        if path is None or str(path) == "-":
            if format is not None:
                _check_format(format)
            continue
        _check_format(format if format is not None else guess_format(path))
        p = Path(path)
        folder = p.parent if str(p.parent) else Path(".")
        if not folder.is_dir():
            raise OutputError(f"cannot write {p}: folder {folder} does not exist. Create it first.")
        if p.is_dir():
            raise OutputError(f"cannot write {p}: it is a folder. Name a file inside it.")
        for other in files:
            if same_file(p, other):
                raise OutputError(f"{p} is given for two outputs; each needs its own file.")
        for source in inputs:
            if str(source) != "-" and same_file(p, Path(source)):
                raise OutputError(
                    f"{p} is the input document: writing there would replace the source. Choose another path."
                )
        files.append(p)


def write(draft: Draft, path: Optional[PathLike] = None, format: Optional[str] = None) -> None:
    """Write the draft to ``path`` (``None`` or ``"-"``: standard output).

    ``format`` defaults to the one the path's suffix names, and to txt on standard output. The
    file is replaced atomically: an interrupted run leaves the old file or none, never half of one.
    """
    if format is None:
        format = DEFAULT_FORMAT if path is None or str(path) == "-" else guess_format(path)
    text = render(draft, format)
    _emit(text, path)


def write_applied_terms(draft: Draft, path: Optional[PathLike]) -> None:
    """Write the glossary entries the draft applied as an OmegaT TSV glossary (``-``: stdout)."""
    _emit(glossary_tsv.render(draft), path)


__all__ = [
    "FORMATS",
    "SUFFIXES",
    "check_outputs",
    "DEFAULT_FORMAT",
    "Writer",
    "guess_format",
    "render",
    "write",
    "write_applied_terms",
]
