"""OmegaT glossary: ``source<TAB>target<TAB>comment``, UTF-8, no header.

OmegaT's own format (OmegaT user manual, "Glossaries": tab-separated, the third column an optional
comment). Lines starting with ``#`` and blank lines are skipped. Columns after the third (written by
other tools) are kept in the comment rather than dropped. Saving writes source, target and note
only: the richer fields need the ``tsv``, ``csv`` or ``tbx`` format.
"""

from __future__ import annotations

from kkaligner.errors import GlossaryError
from kkaligner.glossary.formats._common import check_writable, looks_like_header, term_from_row, where
from kkaligner.types import Term

NAME = "omegat"
SUFFIXES = (".txt", ".utf8", ".tab")
LOSSY = True


def read(text: str, name: str) -> list[tuple[Term, int]]:
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise GlossaryError(
                f"{where(name, lineno)}: expected 'source<TAB>target[<TAB>comment]', found no tab in "
                f"{line[:60]!r}. Separate the columns with a tab character."
            )
        if lineno == 1 and looks_like_header(cells):
            raise GlossaryError(
                f"{where(name, lineno)}: this file has a header row; load it with format 'tsv' (the rich "
                "TSV), not 'omegat'."
            )
        row = {"source": cells[0], "target": cells[1], "note": " ".join(c.strip() for c in cells[2:] if c.strip())}
        out.append((term_from_row(row, name, lineno), lineno))
    return out


def write(terms: tuple[Term, ...]) -> str:
    lines = []
    for t in terms:
        check_writable(t, "\t\n\r", "omegat")
        lines.append(f"{t.source}\t{t.target}\t{t.note}" if t.note else f"{t.source}\t{t.target}")
    return "".join(line + "\n" for line in lines)
