"""Glossary enforcement: from source matches to constraints, and from hypotheses to a final target.

The pipeline calls two functions around the engine:

1. ``plan(sources, glossary, source_lang, target_lang)`` finds the glossary terms in each source
   sentence and turns them into ``Constraint``s (the renderings the translation must contain);
2. the engine decodes with those constraints (``kkaligner.enforce.hf`` for transformers,
   prefix forcing for CTranslate2) and returns n-best hypotheses;
3. ``finalize(plans, hypotheses, ...)`` picks the hypothesis that satisfies most constraints,
   records where each term landed (``TermUse``) and reports what could not be enforced.

Checks of the finished draft (missing terms, forbidden variants, numbers...) are ``kkaligner.checks``'
business, not this module's: ``finalize`` only reports enforcement's own outcomes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from kkaligner.types import Constraint, Finding, Hypothesis, Match, TermUse

if TYPE_CHECKING:  # pragma: no cover
    from kkaligner.glossary import Glossary


@dataclass(frozen=True)
class SentencePlan:
    """What enforcement requires of one sentence.

    ``matches`` are the glossary matches in ``source`` (offsets into it); ``constraints[i]`` is the
    rendering required by ``matches[i]`` (one constraint per occurrence, so a term used twice is
    required twice).
    """

    source: str
    matches: tuple[Match, ...] = ()
    constraints: tuple[Constraint, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """The enforced result for one sentence: final ``target``, where terms landed, own findings."""

    target: str
    terms: tuple[TermUse, ...] = ()
    findings: tuple[Finding, ...] = ()
    score: Optional[float] = None


def _renderings(match: Match) -> tuple[str, ...]:
    term = match.term
    first = term.source if term.dnt else term.target
    return tuple(dict.fromkeys((first, *term.alternatives)))


def plan(
    sources: Sequence[str],
    glossary: Optional["Glossary"],
    source_lang: str = "kk",
    target_lang: str = "en",
) -> list[SentencePlan]:
    """Match the glossary in every source sentence and derive the constraints."""
    if glossary is None or len(glossary) == 0:
        return [SentencePlan(source=s) for s in sources]
    plans = []
    for source in sources:
        matches = tuple(glossary.match(source, lang=source_lang))
        constraints = tuple(
            Constraint(options=_renderings(m), forbidden=tuple(m.term.forbidden), term=m.term) for m in matches
        )
        plans.append(SentencePlan(source=source, matches=matches, constraints=constraints))
    return plans


def _word_find(text: str, option: str, start: int = 0) -> Optional[tuple[int, int]]:
    m = re.compile(r"(?<!\w)" + re.escape(option), re.IGNORECASE).search(text, start)
    return (m.start(), m.end()) if m else None


def satisfies(text: str, constraint: Constraint) -> Optional[tuple[int, int]]:
    """Span of the first option of ``constraint`` found in ``text`` (word-initial), or None."""
    for option in constraint.options:
        span = _word_find(text, option)
        if span:
            return span
    return None


def finalize(
    plans: Sequence[SentencePlan],
    hypotheses: Sequence[Sequence[Hypothesis]],
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
    glossary: Optional["Glossary"] = None,
) -> list[Outcome]:
    """Choose each sentence's target among its hypotheses and record term placement.

    The hypothesis that satisfies the most constraints wins; ties go to the model's order.
    """
    outcomes = []
    for plan_, hyps in zip(plans, hypotheses):
        if not hyps:
            outcomes.append(Outcome(target=""))
            continue
        best = max(
            enumerate(hyps),
            key=lambda ih: (sum(satisfies(ih[1].text, c) is not None for c in plan_.constraints), -ih[0]),
        )[1]
        uses = []
        for match, constraint in zip(plan_.matches, plan_.constraints):
            span = satisfies(best.text, constraint)
            uses.append(
                TermUse(
                    term=match.term,
                    source_span=(match.start, match.end),
                    target_span=span,
                    surface=match.surface,
                    status="applied" if span else "missing",
                )
            )
        outcomes.append(Outcome(target=best.text, terms=tuple(uses), score=best.score))
    return outcomes
