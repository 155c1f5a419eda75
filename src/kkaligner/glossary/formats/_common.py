"""Shared helpers of the glossary formats: field names, value parsing, error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Optional

from kkaligner.errors import GlossaryError, GlossaryRowError, choices
from kkaligner.types import Term

# Columns of the rich TSV/CSV, in the order they are written.
COLUMNS = (
    "source",
    "target",
    "alternatives",
    "forbidden",
    "kind",
    "pos",
    "case_sensitive",
    "dnt",
    "note",
    "provenance",
)
LANG_COLUMNS = ("source_lang", "target_lang")
ALL_COLUMNS = COLUMNS + LANG_COLUMNS
MULTI = ("alternatives", "forbidden")
BOOLS = ("case_sensitive", "dnt")
# Kinds the shipped glossary uses (free text is allowed too).
KINDS = ("person", "place", "country", "region", "city", "organisation", "programme", "term")

_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}

assert set(ALL_COLUMNS) == {f.name for f in fields(Term)}

# The matchers read text as runs of letters or digits (matcher.TOKEN_RE); a term without one
# (``—``, ``«»``, ``...``) can never be found, in a source text or in a translation.
_WORD_CHAR = re.compile(r"[^\W_]")


def has_word(value: str) -> bool:
    return bool(_WORD_CHAR.search(value))


@dataclass(frozen=True)
class ReadIssue:
    """A problem found while reading a glossary file: ``where`` is "file, line N"."""

    severity: str  # "error" (the row is skipped) or "warning" (read, but not as written)
    code: str
    where: str
    message: str


class Findings:
    """What reading one file found.

    By default an error raises GlossaryRowError at once (loading for use); with ``keep_going``
    (``kkalign glossary lint``) it is recorded, the row skipped and reading goes on, so that every
    problem of the file is listed. Warnings are always recorded.
    """

    def __init__(self, keep_going: bool = False):
        self.keep_going = keep_going
        self.issues: list[ReadIssue] = []

    def error(self, exc: GlossaryRowError) -> None:
        if not self.keep_going:
            raise exc
        self.issues.append(ReadIssue("error", exc.code, exc.where, exc.detail))

    def warning(self, where: str, code: str, message: str) -> None:
        self.issues.append(ReadIssue("warning", code, where, message))


def lines(text: str) -> list[str]:
    """Lines split at \\n, \\r\\n or \\r only: ``str.splitlines`` also breaks at U+2028, U+0085 and form
    feeds, which may stand inside a cell, and would shift line numbers from what an editor shows."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def where(name: str, line: int) -> str:
    return f"{name}, line {line}" if line else name


def parse_bool(value: str, column: str, name: str, line: int) -> bool:
    if not value:
        return False
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise GlossaryRowError(
        where(name, line), f"column '{column}' has {value!r}; use 'yes', 'no' or leave it empty.", "bad-value"
    )


def split_multi(value: str) -> tuple[str, ...]:
    """``a | b`` -> ("a", "b"); spaces around the bars trimmed, empty items dropped."""
    if not value:
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def join_multi(values: tuple[str, ...]) -> str:
    return " | ".join(values)


def term_from_row(row: dict[str, str], name: str, line: int, findings: Optional[Findings] = None) -> Optional[Term]:
    """Build a Term from a {column: value} row; GlossaryRowError naming the file and line when the
    row is malformed, None (and a warning) when its term could never match."""
    loc = where(name, line)
    source = row.get("source", "").strip()
    target = row.get("target", "").strip()
    dnt = parse_bool(row.get("dnt", ""), "dnt", name, line)
    if not source:
        raise GlossaryRowError(loc, "the 'source' column is empty. Every entry needs a source term.", "empty-field")
    if not target:
        if dnt:
            target = source
        else:
            raise GlossaryRowError(
                loc,
                f"the 'target' column is empty for {source!r}. Give the approved rendering, or mark the "
                "entry dnt=yes (do not translate).",
                "empty-field",
            )
    kw = dict(
        source=source,
        target=target,
        alternatives=split_multi(row.get("alternatives", "")),
        forbidden=split_multi(row.get("forbidden", "")),
        kind=row.get("kind", "").strip(),
        pos=row.get("pos", "").strip(),
        case_sensitive=parse_bool(row.get("case_sensitive", ""), "case_sensitive", name, line),
        dnt=dnt,
        note=row.get("note", "").strip(),
        provenance=row.get("provenance", "").strip(),
    )
    for lang in LANG_COLUMNS:
        value = row.get(lang, "").strip()
        if value:
            kw[lang] = value
    return usable(Term(**kw), loc, findings)


def usable(term: Term, loc: str, findings: Optional[Findings]) -> Optional[Term]:
    """``term`` without the parts that can never match: None when its source or rendering has no
    letter or digit (a dead entry, skipped), else the term without such alternatives or forbidden
    variants. Each drop is a ``dead-term`` warning in ``findings``."""
    warn = findings.warning if findings is not None else (lambda *a: None)
    for column, value in (("source", term.source), ("target", term.target)):
        if not has_word(value):
            warn(
                loc,
                "dead-term",
                f"the {column} {value!r} has no letter or digit, so it can never be found in a text; the "
                "entry is skipped. Write the term in words, or delete the row.",
            )
            return None
    dead = [v for v in term.alternatives + term.forbidden if not has_word(v)]
    if dead:
        warn(
            loc,
            "dead-term",
            f"{term.source!r}: alternative or forbidden variant {dead[0]!r} has no letter or digit and can "
            "never be found; it is left out. Delete it from the row.",
        )
        term = replace(
            term,
            alternatives=tuple(v for v in term.alternatives if has_word(v)),
            forbidden=tuple(v for v in term.forbidden if has_word(v)),
        )
    return term


def row_from_term(term: Term) -> dict[str, str]:
    return {
        "source": term.source,
        "target": term.target,
        "alternatives": join_multi(term.alternatives),
        "forbidden": join_multi(term.forbidden),
        "kind": term.kind,
        "pos": term.pos,
        "case_sensitive": "yes" if term.case_sensitive else "",
        "dnt": "yes" if term.dnt else "",
        "note": term.note,
        "provenance": term.provenance,
        "source_lang": term.source_lang,
        "target_lang": term.target_lang,
    }


def check_header(cells: list[str], name: str, line: int) -> list[str]:
    """Validate a header row; return the normalised column names."""
    loc = where(name, line)
    cols = [c.strip().lower().replace("-", "_").replace(" ", "_") for c in cells]
    unknown = [c for c in cols if c not in ALL_COLUMNS]
    if unknown:
        raise GlossaryRowError(
            loc, f"unknown column {unknown[0]!r} in the header. Valid columns: {choices(ALL_COLUMNS)}.", "bad-header"
        )
    for req in ("source", "target"):
        if req not in cols:
            raise GlossaryRowError(loc, f"the header has no '{req}' column (it is required).", "bad-header")
    dup = [c for c in cols if cols.count(c) > 1]
    if dup:
        raise GlossaryRowError(loc, f"column {dup[0]!r} appears twice in the header. Keep one.", "bad-header")
    return cols


def looks_like_header(cells: list[str]) -> bool:
    """A row naming ``source`` and ``target`` is a header (its other names are checked by
    ``check_header``, so a misspelt column is reported rather than read as an entry)."""
    cols = {c.strip().lower().replace("-", "_").replace(" ", "_") for c in cells}
    return "source" in cols and "target" in cols


def check_writable(term: Term, seps: str, fmt: str) -> None:
    """Refuse values that the format cannot hold (a tab in a TSV cell) instead of mangling them."""
    for key, value in row_from_term(term).items():
        if any(s in value for s in seps):
            raise GlossaryError(
                f"cannot write entry {term.source!r} as {fmt}: its '{key}' contains a tab or a line "
                "break, which the format cannot hold. Save as 'tbx' or 'csv' instead."
            )
