"""The rich glossary TSV: a header row naming the columns, then one entry a row.

Columns (only ``source`` and ``target`` required, any order): source, target, alternatives,
forbidden, kind, pos, case_sensitive, dnt, note, provenance, and optionally source_lang,
target_lang (default kk, en). ``alternatives`` and ``forbidden`` hold several values separated by
`` | ``; booleans are yes/no/empty. Lines starting with ``#`` are comments. A row may leave out
trailing empty cells; a row with more cells than the header is an error.
This is the format of the shipped glossary/kk-en-names.tsv.
"""

from __future__ import annotations

from typing import Optional

from kkaligner.errors import GlossaryRowError
from kkaligner.glossary.formats._common import (
    COLUMNS,
    LANG_COLUMNS,
    Findings,
    check_header,
    check_writable,
    lines,
    row_from_term,
    term_from_row,
    where,
)
from kkaligner.types import Term

NAME = "tsv"
SUFFIXES = (".tsv",)
LOSSY = False


def read_rows(rows, name: str, findings: Optional[Findings] = None) -> list[tuple[Term, int]]:
    """rows: iterable of (line number, cells); comments and blank rows already removed."""
    findings = findings if findings is not None else Findings()
    header = None
    out = []
    for lineno, cells in rows:
        try:
            if header is None:
                header = check_header(cells, name, lineno)
                continue
            if len(cells) > len(header):
                extra = [c for c in cells[len(header):] if c.strip()]
                if extra:
                    raise GlossaryRowError(
                        where(name, lineno),
                        f"{len(cells)} cells but the header names {len(header)} columns (extra value "
                        f"{extra[0][:40]!r}). Check for a stray separator.",
                        "extra-cells",
                    )
            term = term_from_row(dict(zip(header, cells)), name, lineno, findings)
        except GlossaryRowError as exc:
            findings.error(exc)
            if header is None:
                return out  # without a header no row can be read
            continue
        if term is not None:
            out.append((term, lineno))
    return out


def read(text: str, name: str, findings: Optional[Findings] = None) -> list[tuple[Term, int]]:
    rows = (
        (lineno, line.split("\t"))
        for lineno, line in enumerate(lines(text), 1)
        if line.strip() and not line.startswith("#")
    )
    return read_rows(rows, name, findings)


def columns_for(terms: tuple[Term, ...]) -> tuple[str, ...]:
    if any((t.source_lang, t.target_lang) != ("kk", "en") for t in terms):
        return COLUMNS + LANG_COLUMNS
    return COLUMNS


def write(terms: tuple[Term, ...]) -> str:
    cols = columns_for(terms)
    lines = ["\t".join(cols)]
    for t in terms:
        check_writable(t, "\t\n\r", "tsv")
        row = row_from_term(t)
        lines.append("\t".join(row[c] for c in cols))
    return "".join(line + "\n" for line in lines)
