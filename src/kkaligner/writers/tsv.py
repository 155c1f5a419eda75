"""TSV writer: one row a sentence, for spreadsheets and scripts.

Layout (UTF-8, LF line ends)::

    # signature: kkaligner:0.1.0|engine:...       <- always the first line
    # finding: error missing-term: <message>     <- one line per document-level finding, if any
    index<TAB>source<TAB>draft<TAB>findings      <- header row
    0<TAB>...<TAB>...<TAB>missing-term,number-mismatch

Lines starting with ``#`` are comments; they come only before the header row. ``index``
is the 0-based sentence index; ``findings`` lists the codes of the sentence's findings, most severe
first, comma-separated. Tabs, line breaks and backslashes inside a field are written as ``\\t``,
``\\n``, ``\\r`` and ``\\\\`` (the convention of PostgreSQL's text COPY format and of "linear TSV"),
so every record is exactly one line with exactly four fields; ``unescape`` reverses it.
"""

from __future__ import annotations

from kkaligner.types import Draft
from kkaligner.writers._common import severity_rank

HEADER = ("index", "source", "draft", "findings")

_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def escape(field: str) -> str:
    # the backslash first, so that the escapes added after are not doubled
    return (field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def unescape(field: str) -> str:
    """Reverse ``escape`` (an unknown escape keeps its backslash)."""
    out = []
    chars = iter(field)
    for ch in chars:
        if ch != "\\":
            out.append(ch)
            continue
        nxt = next(chars, "")
        out.append(_UNESCAPES.get(nxt, "\\" + nxt))
    return "".join(out)


def render(draft: Draft) -> str:
    lines = ["# signature: " + escape(str(draft.signature))]
    codes: dict[int, list] = {}
    rows = {s.index for s in draft.sentences}
    for finding in sorted(draft.findings, key=lambda f: severity_rank(f.severity)):
        if finding.sentence not in rows:  # document-level (or pointing at no row): keep it
            where = "" if finding.sentence is None else f" (sentence {finding.sentence})"
            note = f"{finding.severity} {finding.code}{where}: {finding.message}"
            lines.append("# finding: " + escape(note))
        else:
            codes.setdefault(finding.sentence, [])
            if finding.code not in codes[finding.sentence]:
                codes[finding.sentence].append(finding.code)
    lines.append("\t".join(HEADER))
    for s in draft.sentences:
        row = (str(s.index), s.source, s.target, ",".join(codes.get(s.index, ())))
        lines.append("\t".join(escape(field) for field in row))
    return "\n".join(lines) + "\n"
