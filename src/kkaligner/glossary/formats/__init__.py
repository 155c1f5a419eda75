"""Glossary file formats: one module per format, registered here (name -> module).

A format module has ``NAME``, ``SUFFIXES`` (file-name endings it is guessed from), ``LOSSY`` (True
when saving drops fields), ``read(text, name, findings=None) -> [(Term, line), ...]`` and
``write(terms) -> str``. ``findings`` (``_common.Findings``) collects what reading found: warnings
always; errors too when it keeps going (lint), else the first error raises GlossaryRowError.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Optional

from kkaligner.errors import GlossaryError, choices
from kkaligner.glossary.formats import omegat_tsv, rich_csv, rich_tsv, tbx
from kkaligner.glossary.formats._common import (
    Findings,
    ReadIssue,
    lines,
    looks_like_header,
)

FORMATS: dict[str, ModuleType] = {
    "tsv": rich_tsv,
    "omegat": omegat_tsv,
    "csv": rich_csv,
    "tbx": tbx,
}


def get(name: str) -> ModuleType:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise GlossaryError(f"unknown glossary format {name!r}; valid formats: {choices(FORMATS)}.") from None


def guess(path: Path, text: str, format: Optional[str] = None) -> ModuleType:
    """The format named, or else guessed from the file name and content.

    ``.tbx``/``.xml`` or content starting with ``<``: TBX; ``.csv``: CSV; otherwise a tab-separated
    file whose first non-comment row is a header naming ``source`` and ``target`` is the rich TSV,
    any other tab-separated file is an OmegaT glossary.
    """
    if format:
        return get(format)
    suffix = path.suffix.lower()
    stripped = text.lstrip("\ufeff \t\r\n")
    if suffix in tbx.SUFFIXES or stripped.startswith("<"):
        return tbx
    if suffix in rich_csv.SUFFIXES:
        return rich_csv
    if suffix and suffix not in rich_tsv.SUFFIXES + omegat_tsv.SUFFIXES + (".tsv",):
        raise GlossaryError(
            f"{path}: cannot tell the glossary format from the ending {suffix!r}. Pass one of "
            f"{choices(FORMATS)} with --format (format=...)."
        )
    for line in lines(text):
        if line.strip() and not line.startswith("#"):
            return rich_tsv if looks_like_header(line.split("\t")) else omegat_tsv
    return rich_tsv if suffix == ".tsv" else omegat_tsv


def for_output(path: Path, format: Optional[str] = None) -> ModuleType:
    if format:
        return get(format)
    suffix = path.suffix.lower()
    for mod in (rich_tsv, rich_csv, tbx, omegat_tsv):
        if suffix in mod.SUFFIXES:
            return mod
    raise GlossaryError(
        f"{path}: cannot tell the output format from the ending {suffix or '(none)'!r}. Use .tsv, .csv, "
        f".tbx or .txt (OmegaT), or pass one of {choices(FORMATS)} as the format."
    )


__all__ = ["FORMATS", "Findings", "ReadIssue", "get", "guess", "for_output"]
