"""JSON writer (and reader) for drafts, versioned by ``schema_version``.

The format is described by ``kkaligner/data/draft.schema.json`` (JSON Schema 2020-12) and in
docs/json-format.md. Offsets are Unicode code point indices (Python string indices), not UTF-16
units: in JavaScript use ``Array.from(text).slice(start, end)``. ``load`` reads the format back into
a ``Draft`` (``load(render(d)) == d`` for every draft with finite scores).
"""

from __future__ import annotations

import json
import math
from dataclasses import fields
from importlib import resources
from typing import Any, Optional

from kkaligner.errors import InputError
from kkaligner.types import Draft, Finding, Sentence, Signature, Term, TermUse

SCHEMA_VERSION = "1.0"
SCHEMA_FILE = "draft.schema.json"


def schema() -> dict:
    """The JSON Schema of this format (from the package data)."""
    text = (resources.files("kkaligner") / "data" / SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _span(span) -> Optional[list]:
    return None if span is None else [int(span[0]), int(span[1])]


def _score(score: Optional[float]) -> Optional[float]:
    # NaN and infinities are not JSON; an unknown score is null.
    return score if score is not None and math.isfinite(score) else None


def _term(term: Term) -> dict:
    d = {f.name: getattr(term, f.name) for f in fields(term)}
    d["alternatives"] = list(term.alternatives)
    d["forbidden"] = list(term.forbidden)
    return d


def _surface(text: str, span) -> Optional[str]:
    if span is None:
        return None
    start, end = span
    return text[start:end] if 0 <= start <= end <= len(text) else None


def as_dict(draft: Draft) -> dict:
    """The draft as JSON-ready data (see the schema for each field)."""
    sentences = [
        {
            "index": s.index,
            "source": s.source,
            "target": s.target,
            "start": s.start,
            "end": s.end,
            "paragraph": s.paragraph,
            "score": _score(s.score),
        }
        for s in draft.sentences
    ]
    matches = [
        {
            "sentence": s.index,
            "term": _term(use.term),
            "status": use.status,
            "surface": use.surface,
            "source_span": _span(use.source_span),
            "target_span": _span(use.target_span),
            "target_surface": _surface(s.target, use.target_span),
        }
        for s in draft.sentences
        for use in s.terms
    ]
    findings = [
        {
            "code": f.code,
            "severity": f.severity,
            "sentence": f.sentence,
            "message": f.message,
            "source_span": _span(f.source_span),
            "target_span": _span(f.target_span),
            "suggestion": f.suggestion,
        }
        for f in draft.findings
    ]
    locations = getattr(draft, "locations", ())  # a DocumentDraft locates its sentences
    for s, location in zip(sentences, locations):
        s["location"] = location
    out = {
        "schema_version": SCHEMA_VERSION,
        "signature": draft.signature.as_dict(),
        "source_lang": draft.source_lang,
        "target_lang": draft.target_lang,
        "source_text": draft.source_text,
        "separators": list(draft.separators),
        "sentences": sentences,
        "matches": matches,
        "findings": findings,
    }
    if locations:
        out["document"] = {k: getattr(draft, k) for k in ("format", "units", "pieces", "pieces_kept")}
    return out


def render(draft: Draft) -> str:
    return json.dumps(as_dict(draft), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# --- reading ----------------------------------------------------------------------------------


def _tuple_span(value) -> Optional[tuple[int, int]]:
    return None if value is None else (int(value[0]), int(value[1]))


def _signature(d: dict) -> Signature:
    known = {f.name for f in fields(Signature)} - {"extra"}
    kwargs = {k: d[k] for k in known if k in d}
    extra = tuple((k, str(v)) for k, v in d.items() if k not in known and k != "string")
    return Signature(**kwargs, extra=extra)


def from_dict(data: dict) -> Draft:
    """A Draft from data in this format; InputError when it is not this format."""
    if not isinstance(data, dict) or "schema_version" not in data:
        raise InputError("not a kkaligner JSON draft (no 'schema_version'). Pass a file written "
                         "with `--format json`.")
    major = str(data["schema_version"]).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise InputError(f"JSON draft has schema_version {data['schema_version']!r}; this "
                         f"kkaligner reads {SCHEMA_VERSION!r}. Write it again with this version.")
    try:
        uses: dict[int, list] = {}
        for m in data["matches"]:
            t = dict(m["term"])
            t["alternatives"] = tuple(t.get("alternatives", ()))
            t["forbidden"] = tuple(t.get("forbidden", ()))
            use = TermUse(Term(**t), _tuple_span(m["source_span"]), _tuple_span(m["target_span"]),
                          m["surface"], m["status"])
            uses.setdefault(m["sentence"], []).append(use)
        sentences = tuple(
            Sentence(s["index"], s["source"], s["target"], s["start"], s["end"], s["paragraph"],
                     tuple(uses.get(s["index"], ())), s.get("score"))
            for s in data["sentences"]
        )
        findings = tuple(
            Finding(f["code"], f["severity"], f["message"], f.get("sentence"),
                    _tuple_span(f.get("source_span")), _tuple_span(f.get("target_span")),
                    f.get("suggestion"))
            for f in data["findings"]
        )
        return Draft(
            source_text=data["source_text"],
            sentences=sentences,
            separators=tuple(data["separators"]),
            signature=_signature(data["signature"]),
            findings=findings,
            source_lang=data["source_lang"],
            target_lang=data["target_lang"],
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise InputError(f"malformed kkaligner JSON draft ({type(exc).__name__}: {exc}). "
                         "Validate it against draft.schema.json.") from None


def load(text: str) -> Draft:
    """Read a draft written by ``render``."""
    try:
        data: Any = json.loads(text)
    except ValueError as exc:
        raise InputError(f"not valid JSON: {exc}.") from None
    return from_dict(data)
