"""The rich glossary as CSV (RFC 4180 quoting): the same header and columns as the rich TSV.

Lines starting with ``#`` before the header are comments.
"""

from __future__ import annotations

import csv
import io
from typing import Optional

from kkaligner.errors import GlossaryRowError
from kkaligner.glossary.formats import rich_tsv
from kkaligner.glossary.formats._common import Findings, row_from_term, where
from kkaligner.types import Term

NAME = "csv"
SUFFIXES = (".csv",)
LOSSY = False


def read(text: str, name: str, findings: Optional[Findings] = None) -> list[tuple[Term, int]]:
    findings = findings if findings is not None else Findings()
    # strict: an unterminated quote is an error, not a cell that swallows the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = []
    try:
        for cells in reader:
            lineno = reader.line_num
            if not any(c.strip() for c in cells) or (cells and cells[0].startswith("#")):
                continue
            rows.append((lineno, cells))
    except csv.Error as exc:
        # the reader cannot resynchronise after a broken quote: the rows before it are still read
        findings.error(
            GlossaryRowError(
                where(name, reader.line_num),
                f"malformed CSV ({exc}); the rest of the file is not read. Close the quote, or double a "
                'quote inside a quoted cell ("").',
                "malformed-csv",
            )
        )
    return rich_tsv.read_rows(rows, name, findings)


def write(terms: tuple[Term, ...]) -> str:
    cols = rich_tsv.columns_for(terms)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for t in terms:
        row = row_from_term(t)
        w.writerow([row[c] for c in cols])
    return buf.getvalue()
