"""Glossary terms: a source term whose rendering is missing, a forbidden variant in the target.

The verdicts are ``kkaligner.terms``': the source's required terms are its plan (the same the
pipeline enforced), and whether a rendering stands in the target is ``terms.term_uses``, the very
function ``finalize`` records term statuses with, so a draft's report and its checks agree. A
missing rendering spelt slightly differently (``presence.near_span``) is a ``term-variant``; a
forbidden variant present where the rendering is not is a ``forbidden-variant``.
"""

from __future__ import annotations

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.terms.outcome import term_uses
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
        reported = set()
        for match, constraint, use in zip(plan_.matches, plan_.constraints, uses):
            if use.status != "missing" or match.term.key in reported:
                continue
            reported.add(match.term.key)
            approved = rendering(match.term, ctx.target_lang)
            accepted = occurrences(target, constraint, ctx.target_lang)
            variant = next(
                (
                    (span, v)
                    for v in constraint.forbidden
                    for span in rendering_spans(target, v, ctx.target_lang)
                    if not any(a <= span[0] < b for a, b in accepted)
                ),
                None,
            )
            if variant is not None:
                (a, b), v = variant
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
                continue
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
