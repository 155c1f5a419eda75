"""Shared helpers of the glossary formats: field names, value parsing, error messages."""

from __future__ import annotations

from dataclasses import fields

from kkaligner.errors import GlossaryError, choices
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
    raise GlossaryError(
        f"{where(name, line)}: column '{column}' has {value!r}; use 'yes', 'no' or leave it empty."
    )


def split_multi(value: str) -> tuple[str, ...]:
    """``a | b`` -> ("a", "b"); spaces around the bars trimmed, empty items dropped."""
    if not value:
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def join_multi(values: tuple[str, ...]) -> str:
    return " | ".join(values)


def term_from_row(row: dict[str, str], name: str, line: int) -> Term:
    """Build a Term from a {column: value} row; clear errors naming the file and line."""
    source = row.get("source", "").strip()
    target = row.get("target", "").strip()
    dnt = parse_bool(row.get("dnt", ""), "dnt", name, line)
    if not source:
        raise GlossaryError(f"{where(name, line)}: the 'source' column is empty. Every entry needs a source term.")
    if not target:
        if dnt:
            target = source
        else:
            raise GlossaryError(
                f"{where(name, line)}: the 'target' column is empty for {source!r}. Give the approved "
                "rendering, or mark the entry dnt=yes (do not translate)."
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
    return Term(**kw)


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
    cols = [c.strip().lower().replace("-", "_").replace(" ", "_") for c in cells]
    unknown = [c for c in cols if c not in ALL_COLUMNS]
    if unknown:
        raise GlossaryError(
            f"{where(name, line)}: unknown column {unknown[0]!r} in the header. Valid columns: "
            f"{choices(ALL_COLUMNS)}."
        )
    for req in ("source", "target"):
        if req not in cols:
            raise GlossaryError(f"{where(name, line)}: the header has no '{req}' column (it is required).")
    dup = [c for c in cols if cols.count(c) > 1]
    if dup:
        raise GlossaryError(f"{where(name, line)}: column {dup[0]!r} appears twice in the header.")
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
