"""OmegaT-compatible glossary of the terms a draft applied.

OmegaT reads tab-separated UTF-8 glossaries (``glossary/*.txt`` or ``*.utf8``): one entry a line,
``source<TAB>target<TAB>comment``, lines starting with ``#`` are comments (name the file ``*.utf8``
or ``*.txt``). The file lists each
glossary entry whose rendering stands in the draft (status ``applied`` or ``forced``) once, in order
of first use: the lemma, the approved rendering, and a comment (kind; note; times used). Then the
names the draft rendered without an entry (status ``auto``: one spelling given throughout the
document), each once, marked in its comment as a proposal to check before it joins a glossary.
The format has no escaping, so tabs and line breaks inside a field become spaces.
"""

from __future__ import annotations

import re

from kkaligner.types import Draft, Term
from kkaligner.writers._common import (
    PRESENT_STATUSES,
    rendering,
    source_form,
    term_uses,
)

_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def _field(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


def applied_terms(draft: Draft) -> list[tuple[Term, int]]:
    """Entries whose rendering stands in the draft, with how many times, in order of first use."""
    counts: dict[tuple, list] = {}
    for _, use in term_uses(draft):
        if use.status in PRESENT_STATUSES:
            key = (use.term.key, rendering(use.term, draft.target_lang))
            counts.setdefault(key, [use.term, 0])[1] += 1
    return [(term, n) for term, n in counts.values()]


def proposed_terms(draft: Draft) -> list[tuple[Term, int]]:
    """Names rendered without a glossary entry (status ``auto``), with how many times, in order of
    first use; names an applied entry also covers are left out."""
    applied = {fold for t, _ in applied_terms(draft) for fold in (t.source.casefold(), t.target.casefold())}
    counts: dict[tuple, list] = {}
    for _, use in term_uses(draft):
        if use.status == "auto" and use.term.source.casefold() not in applied:
            key = (use.term.source.casefold(), use.term.target)
            counts.setdefault(key, [use.term, 0])[1] += 1
    return [(term, n) for term, n in counts.values()]


def render(draft: Draft) -> str:
    # OmegaT writes this first line itself in new glossaries; its encoding detector reads it.
    lines = ["# Glossary in tab-separated format -*- coding: utf-8 -*-",
             f"# Terms applied in a kkaligner draft ({_field(draft.source_lang)} -> "
             f"{_field(draft.target_lang)}). {_field(str(draft.signature))}"]
    for term, n in applied_terms(draft):
        comment = [d for d in (term.kind, term.note) if d]
        comment.append(f"used {n}x")
        fields = (source_form(term, draft.target_lang), rendering(term, draft.target_lang), "; ".join(comment))
        lines.append("\t".join(_field(x) for x in fields))
    for term, n in proposed_terms(draft):
        comment = ["proposal: a name without a glossary entry, check it", term.provenance, f"used {n}x"]
        fields = (source_form(term, draft.target_lang), rendering(term, draft.target_lang), "; ".join(c for c in comment if c))
        lines.append("\t".join(_field(x) for x in fields))
    return "\n".join(lines) + "\n"
