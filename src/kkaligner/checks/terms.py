"""Glossary terms: a source term whose rendering is missing, a forbidden variant in the target.

The verdicts are ``kkaligner.terms``': the source's required terms are its plan (the same the
pipeline enforced), and whether a rendering stands in the target is ``terms.term_uses``, the very
function ``finalize`` records term statuses with, so a draft's report and its checks agree. A
missing rendering spelt slightly differently (``presence.near_span``) is a ``term-variant``; a
forbidden variant of a required term is a ``forbidden-variant`` wherever it stands (outside an
accepted rendering that begins with it).
"""

from __future__ import annotations

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.terms.outcome import term_uses
from kkaligner.terms.plan import requires
from kkaligner.terms.presence import near_span, occurrences, rendering, rendering_spans
from kkaligner.types import Finding


def run(ctx: CheckContext):
    for i in range(len(ctx)):
        if skip_pair(ctx, i):
            continue
        plan_ = ctx.plan(i)
        if not plan_.constraints:
            continue
        target = ctx.targets[i]
        uses = term_uses(plan_, target, ctx.target_lang)
        flagged = set()
        # A forbidden variant must never stand in a draft, whether or not the rendering is there too.
        seen_spans = set()
        for match, constraint in zip(plan_.matches, plan_.constraints):
            accepted = occurrences(target, constraint, ctx.target_lang)
            approved = rendering(match.term, ctx.target_lang)
            for v in constraint.forbidden:
                for a, b in rendering_spans(target, v, ctx.target_lang):
                    if (a, b) in seen_spans or any(x <= a < y for x, y in accepted):
                        continue
                    seen_spans.add((a, b))
                    flagged.add(match.term.key)
                    yield Finding(
                        "forbidden-variant",
                        "error",
                        f"'{target[a:b]}' is a forbidden variant; the glossary renders "
                        f"'{match.term.source}' as '{approved}'.",
                        sentence=i,
                        source_span=(match.start, match.end),
                        target_span=(a, b),
                        suggestion=approved + target[a + len(v) : b],
                    )
        reported = set()
        for match, constraint, use in zip(plan_.matches, plan_.constraints, uses):
            key = match.term.key
            if use.status != "missing" or key in reported or key in flagged:
                continue
            if not requires(plan_.source, match):
                continue  # perhaps not the name: a common noun opening the sentence, a longer name
            reported.add(key)
            approved = rendering(match.term, ctx.target_lang)
            near = near_span(target, constraint, ctx.target_lang)
            if near is not None:
                a, b, stem_end = near
                yield Finding(
                    "term-variant",
                    "info",
                    f"'{target[a:b]}' looks like '{approved}' spelt another way; the glossary "
                    f"renders '{match.term.source}' as '{approved}'.",
                    sentence=i,
                    source_span=(match.start, match.end),
                    target_span=(a, stem_end),
                    suggestion=approved,
                )
                continue
            yield Finding(
                "missing-term",
                "error",
                f"'{match.surface}' ('{match.term.source}') has no rendering in the translation; "
                f"the glossary requires '{approved}'.",
                sentence=i,
                source_span=(match.start, match.end),
            )


__all__ = ["run", "rendering"]
