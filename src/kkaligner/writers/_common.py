"""Helpers shared by several writers: term/finding summaries, spans, XML serialisation.

Writers must never crash on a draft whose spans are out of range (they come from other stages):
``clamp`` turns such a span into a valid one or None, and the text itself is always written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterable, Iterator, Optional

from kkaligner.terms.presence import rendering, source_form  # noqa: F401  (writers' one rendering)
from kkaligner.types import SEVERITIES, Draft, Sentence, Span, Term, TermUse

TERM_STATUSES = ("applied", "forced", "missing", "variant")
# Statuses whose rendering stands in the draft: what "applied terms" exports and counts.
PRESENT_STATUSES = ("applied", "forced")

# Characters XML 1.0 cannot carry at all, even as character references (XML 1.0 §2.2).
XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clamp(span: Optional[Span], length: int) -> Optional[Span]:
    """``span`` if it is a valid ``(start, end)`` into a text of ``length`` code points, or None."""
    if span is None:
        return None
    try:
        start, end = int(span[0]), int(span[1])
    except (TypeError, ValueError, IndexError):
        return None
    if 0 <= start <= end <= length:
        return (start, end)
    return None


def term_uses(draft: Draft) -> Iterator[tuple[Sentence, TermUse]]:
    for sentence in draft.sentences:
        for use in sentence.terms:
            yield sentence, use


def term_title(term: Term, status: str = "applied", target_lang: str = "en") -> str:
    """The one-line description of a glossary entry as used in a ``target_lang`` draft:
    ``source form → approved form (kind; note)``."""
    details = [d for d in (term.kind, "do not translate" if term.dnt else "", term.note) if d]
    title = f"{source_form(term, target_lang)} → {rendering(term, target_lang)}"
    if details:
        title += f" ({'; '.join(details)})"
    if status != "applied":
        title += f" [{status}]"
    return title


def summary(draft: Draft) -> dict:
    """Counts for a summary: sentences, term uses by status, findings by severity."""
    terms = {s: 0 for s in TERM_STATUSES}
    for _, use in term_uses(draft):
        terms[use.status] = terms.get(use.status, 0) + 1
    findings = draft.findings_by_severity()
    return {
        "sentences": len(draft.sentences),
        "terms": terms,
        "findings": findings,
        "findings_total": sum(findings.values()),
    }


def signature_items(draft: Draft) -> list[tuple[str, str]]:
    """The signature's parts as strings (booleans as ``true``/``false``), the full line last."""
    items = []
    for key, value in draft.signature.as_dict().items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        items.append((key, str(value)))
    return items


def severity_rank(severity: str) -> int:
    """0 for the most severe; unknown severities sort last."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


# --- XML --------------------------------------------------------------------------------------


def indent(elem: ET.Element, leaves: Iterable[str], level: int = 0, step: str = "  ") -> None:
    """Pretty-print structural elements in place, leaving text-bearing ``leaves`` untouched.

    ``ET.indent`` would also indent inside elements with mixed content (``<source>`` holding a
    ``<cp/>``) and so change the text; this one only touches elements that are not leaves.
    """
    leaves = frozenset(leaves)
    _indent(elem, leaves, level, step)


def _indent(elem: ET.Element, leaves: frozenset, level: int, step: str) -> None:
    if elem.tag in leaves or len(elem) == 0:
        return
    inner = "\n" + step * (level + 1)
    elem.text = inner
    for child in elem:
        _indent(child, leaves, level + 1, step)
        child.tail = inner
    elem[-1].tail = "\n" + step * level


def serialize(root: ET.Element) -> str:
    """The document as a string with an XML declaration.

    ElementTree writes a carriage return in text as is, and XML parsers turn it into a line feed;
    writing it as ``&#13;`` keeps it (attribute values are already escaped by ElementTree).
    """
    body = ET.tostring(root, encoding="unicode")
    body = body.replace("\r", "&#13;")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
