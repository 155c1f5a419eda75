"""Outcome: a sentence's final target with where each of its terms landed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from kkaligner.terms.plan import SentencePlan
from kkaligner.terms.presence import derived_span, occurrences
from kkaligner.types import Constraint, Finding, Hypothesis, Match, Span, TermUse


@dataclass(frozen=True)
class Outcome:
    """The enforced result for one sentence: final ``target``, where terms landed, own findings."""

    target: str
    terms: tuple[TermUse, ...] = ()
    findings: tuple[Finding, ...] = ()
    score: Optional[float] = None
    unforceable: tuple[str, ...] = ()  # the chosen hypothesis's (``Hypothesis.unforceable``)


def unforceable_finding(match: Match, constraint: Constraint) -> Finding:
    """The finding for a rendering the model's vocabulary cannot spell and the model did not write."""
    return Finding(
        code="term-unforceable",
        severity="error",
        message=(
            f"'{match.surface}' must be rendered '{constraint.options[0]}', but the model's vocabulary "
            "cannot spell it, so decoding could not force it; insert it by hand or use a model whose "
            "vocabulary covers its letters."
        ),
        source_span=(match.start, match.end),
        suggestion=constraint.options[0],
    )


def term_uses(plan_: SentencePlan, target: str, lang: str, repaired: Sequence[Span] = ()) -> list[TermUse]:
    """Where each of ``plan_``'s matches is rendered in ``target`` (see module doc)."""
    uses = []
    taken: dict[tuple[str, ...], int] = {}
    found: dict[tuple[str, ...], list] = {}
    for match, constraint in zip(plan_.matches, plan_.constraints):
        spans = found.setdefault(constraint.options, occurrences(target, constraint, lang))
        k = taken.get(constraint.options, 0)
        span = spans[k] if k < len(spans) else None
        taken[constraint.options] = k + 1
        if span is None:
            span = derived_span(target, constraint, lang, match.surface)
            status = "missing" if span is None else "applied"
        else:
            status = "forced" if any(a <= span[0] < b for a, b in repaired) else "applied"
        uses.append(TermUse(match.term, (match.start, match.end), span, match.surface, status))
    return uses


def outcome(plan_: SentencePlan, best: Hypothesis, repaired: Sequence[Span], lang: str) -> Outcome:
    """TermUses and enforcement findings for ``best`` as the target of ``plan_``."""
    uses = term_uses(plan_, best.text, lang, repaired)
    findings = [
        unforceable_finding(match, constraint)
        for match, constraint, use in zip(plan_.matches, plan_.constraints, uses)
        if use.status == "missing" and constraint.options and constraint.options[0] in best.unforceable
    ]
    return Outcome(best.text, tuple(uses), tuple(findings), best.score, best.unforceable)


__all__ = ["Outcome", "outcome", "term_uses", "unforceable_finding"]
