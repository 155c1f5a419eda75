"""Finalize: each sentence's target chosen among its hypotheses, repaired once, its terms located.

Per sentence: every hypothesis is repaired (``terms.repair``); the one satisfying most constraints
wins (ties: the model's order); each source match gets the next unused occurrence of its rendering
(``TermUse``: ``applied``, ``forced`` when the repair put it there, ``missing``), or, failing that, a
derived use (``presence.derived_span``: the Chinese mainland for China), which counts as applied. A
missing rendering the engine could not force yields a ``term-unforceable`` finding. Then, over the
document, each source term keeps the first rendering it was given (``terms.consistency``).
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from kkaligner.terms.consistency import make_consistent
from kkaligner.terms.outcome import Outcome, outcome
from kkaligner.terms.plan import SentencePlan
from kkaligner.terms.presence import satisfied_count
from kkaligner.terms.repair import repair_text
from kkaligner.types import Constraint, Hypothesis


def _pick(hyps: Sequence[Hypothesis], constraints: Sequence[Constraint], lang: str) -> int:
    """Index of the hypothesis satisfying most constraints; ties go to the model's order."""
    if len(hyps) == 1 or not constraints:
        return 0
    return max(range(len(hyps)), key=lambda i: (satisfied_count(hyps[i].text, constraints, lang), -i))


def finalize(
    plans: Sequence[SentencePlan],
    hypotheses: Sequence[Sequence[Hypothesis]],
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
    repair: bool = True,
    consistent: bool = True,
    glossary: object = None,
    auto_names: bool = False,
) -> list[Outcome]:
    """Choose each sentence's target among its hypotheses and record term placement (module doc).

    ``glossary`` is accepted for callers of earlier versions and not used: the plans carry the
    matched entries. ``auto_names`` gives every name without an entry one rendering across the
    document (``terms.consistency.auto_names``; the Translator turns it on by default).
    """
    outcomes = []
    for plan_, hyps in zip(plans, hypotheses):
        if not hyps:
            outcomes.append(Outcome(target=""))
            continue
        candidates, fixed = list(hyps), None
        if repair and plan_.constraints:
            fixed = [repair_text(h.text, plan_.constraints, target_lang, source=plan_.source) for h in hyps]
            candidates = [dataclasses.replace(h, text=t) for (t, _), h in zip(fixed, hyps)]
        k = _pick(candidates, plan_.constraints, target_lang)
        repaired = [span for span, _ in fixed[k][1]] if fixed else []
        outcomes.append(outcome(plan_, candidates[k], repaired, target_lang))
    if consistent:
        outcomes = make_consistent(
            plans, outcomes, source_lang=source_lang, target_lang=target_lang, auto=auto_names
        )
    return outcomes


def alternatives_of(
    plan_: SentencePlan,
    hyps: Sequence[Hypothesis],
    best: str,
    *,
    target_lang: str = "en",
    repair: bool = True,
    limit: int | None = None,
) -> tuple[str, ...]:
    """Other translations of ``plan_``'s sentence among ``hyps``, repaired as ``finalize`` repairs
    them: in the model's order, distinct, none equal to ``best`` (the sentence's target), and none
    with fewer of the glossary's renderings than ``best`` has; at most ``limit``."""
    constraints = plan_.constraints
    need = satisfied_count(best, constraints, target_lang) if constraints else 0
    out: list[str] = []
    for h in hyps:
        text = h.text
        if repair and constraints:
            text = repair_text(text, constraints, target_lang, source=plan_.source)[0]
        if not text.strip() or text == best or text in out:
            continue
        if constraints and satisfied_count(text, constraints, target_lang) < need:
            continue
        out.append(text)
        if limit is not None and len(out) >= limit:
            break
    return tuple(out)


__all__ = ["alternatives_of", "finalize"]
