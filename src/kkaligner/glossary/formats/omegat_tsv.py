"""OmegaT glossary: ``source<TAB>target<TAB>comment``, UTF-8, no header.

OmegaT's own format (OmegaT user manual, "Glossaries": tab-separated, the third column an optional
comment). Lines starting with ``#`` and blank lines are skipped. OmegaT reads only these three
columns; values in further columns (written by other tools) are folded into the note, joined by
spaces, and reading them is a ``omegat-extra-columns`` warning naming the columns and lines, since
their column meaning is lost. Saving writes source, target and note only: the richer fields need the
``tsv``, ``csv`` or ``tbx`` format.
"""

from __future__ import annotations

from typing import Optional

from kkaligner.errors import GlossaryRowError
from kkaligner.glossary.formats._common import (
    Findings,
    check_writable,
    lines,
    looks_like_header,
    term_from_row,
    where,
)
from kkaligner.types import Term

NAME = "omegat"
SUFFIXES = (".txt", ".utf8", ".tab")
LOSSY = True

# Line numbers named in one warning; the rest are counted.
_SHOW_LINES = 10


def read(text: str, name: str, findings: Optional[Findings] = None) -> list[tuple[Term, int]]:
    findings = findings if findings is not None else Findings()
    out = []
    folded: dict[int, list[int]] = {}  # column number (1-based) -> lines with a value there
    for lineno, line in enumerate(lines(text), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        try:
            if len(cells) < 2:
                raise GlossaryRowError(
                    where(name, lineno),
                    f"expected 'source<TAB>target[<TAB>comment]', found no tab in {line[:60]!r}. Separate "
                    "the columns with a tab character.",
                    "missing-tab",
                )
            if lineno == 1 and looks_like_header(cells):
                raise GlossaryRowError(
                    where(name, lineno),
                    "this file has a header row; load it with format 'tsv' (the rich TSV), not 'omegat'.",
                    "bad-header",
                )
            row = {"source": cells[0], "target": cells[1], "note": " ".join(c.strip() for c in cells[2:] if c.strip())}
            term = term_from_row(row, name, lineno, findings)
        except GlossaryRowError as exc:
            findings.error(exc)
            continue
        if term is not None:
            out.append((term, lineno))
            for col, cell in enumerate(cells[3:], 4):
                if cell.strip():
                    folded.setdefault(col, []).append(lineno)
    if folded:
        rows = sorted({n for ns in folded.values() for n in ns})
        shown = ", ".join(map(str, rows[:_SHOW_LINES])) + (f" and {len(rows) - _SHOW_LINES} more" if len(rows) > _SHOW_LINES else "")
        cols = sorted(folded)
        findings.warning(
            name,
            "omegat-extra-columns",
            f"column{'s' if len(cols) > 1 else ''} {', '.join(map(str, cols))} beyond OmegaT's source, target "
            f"and comment {'were' if len(cols) > 1 else 'was'} folded into the note (line{'s' if len(rows) > 1 else ''} "
            f"{shown}). To keep them as fields, add a header row naming the columns (source, target, note, "
            "and rich-TSV columns such as kind or provenance) and read the file as the rich TSV (--from "
            "tsv); or move the values into the comment column.",
        )
    return out


def write(terms: tuple[Term, ...]) -> str:
    lines_out = []
    for t in terms:
        check_writable(t, "\t\n\r", "omegat")
        lines_out.append(f"{t.source}\t{t.target}\t{t.note}" if t.note else f"{t.source}\t{t.target}")
    return "".join(line + "\n" for line in lines_out)
