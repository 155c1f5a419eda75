"""One source term, one rendering per document: flag sentences that use a different accepted form.

The glossary may accept alternatives (``Term.alternatives``), but a reader is confused when one
document says "Astana" here and "Nur-Sultan" there. The form used most often (ties: the approved
rendering) is suggested for the others.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.terms.presence import rendering
from kkaligner.types import Finding


def run(ctx: CheckContext):
    uses = defaultdict(list)  # term key -> [(sentence, match, form)]
    for i in range(len(ctx)):
        if skip_pair(ctx, i) or not ctx.source_matches(i):
            continue
        in_source = {m.term.key for m in ctx.source_matches(i)}
        for m in ctx.target_matches(i):
            if m.forbidden or m.term.key not in in_source:
                continue
            form = m.variant or rendering(m.term, ctx.target_lang)
            uses[m.term.key].append((i, m, form))
    for key, items in uses.items():
        counts = Counter(form.casefold() for _, _, form in items)
        if len(counts) < 2:
            continue
        approved = rendering(items[0][1].term, ctx.target_lang)
        best = max(counts, key=lambda f: (counts[f], f == approved.casefold()))
        best_form = next(form for _, _, form in items if form.casefold() == best)
        where = sorted({i for i, _, form in items if form.casefold() == best})
        for i, m, form in items:
            if form.casefold() == best:
                continue
            yield Finding(
                "inconsistent-rendering",
                "warning",
                f"'{m.term.source}' is rendered '{form}' here but '{best_form}' in sentence(s) "
                f"{', '.join(str(w) for w in where[:5])}; use one form throughout.",
                sentence=i,
                target_span=(m.start, m.end),
                suggestion=best_form + m.suffix,
            )
