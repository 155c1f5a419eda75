"""Terms: from glossary matches to the renderings a draft holds, in one direction.

    plan (source matches → constraints) → presence (is this rendering in this target?)
    → repair (the model's own spellings replaced, once) → finalize (pick, locate, consistency)

* ``plan``: ``plan(sources, glossary, ...)`` → one ``SentencePlan`` per sentence;
* ``presence``: the one definition of "this rendering is in this target" (``occurrences``,
  ``derived_span``, ``near_span``) and of the approved form in a draft (``rendering``);
* ``repair``: ``repair_text``, and ``repaired`` for engines that only ask;
* ``finalize``: ``finalize(plans, hypotheses, ...)`` → one ``Outcome`` per sentence;
  ``alternatives_of`` → a sentence's other translations, repaired the same way;
* ``consistency``: one rendering per source term and name across the document.

Engines consult a plan's constraints and ``presence``/``repair.repaired`` read-only while decoding;
they never rewrite text.
"""

from kkaligner.terms.finalize import alternatives_of, finalize
from kkaligner.terms.outcome import Outcome, term_uses, unforceable_finding
from kkaligner.terms.plan import SentencePlan, constraint_for, plan, requires
from kkaligner.terms.presence import (
    derived_span,
    missing_forceable,
    near_span,
    occurrences,
    rendering,
    satisfied_count,
    satisfies,
)
from kkaligner.terms.repair import (
    NameLikeness,
    name_likeness,
    repair_text,
    repaired,
    source_spans,
    substitute_near,
    substitute_transliterated,
    substitute_variants,
)

__all__ = [
    "SentencePlan",
    "Outcome",
    "NameLikeness",
    "plan",
    "constraint_for",
    "requires",
    "occurrences",
    "satisfies",
    "satisfied_count",
    "missing_forceable",
    "derived_span",
    "near_span",
    "rendering",
    "repair_text",
    "repaired",
    "substitute_variants",
    "substitute_near",
    "substitute_transliterated",
    "name_likeness",
    "source_spans",
    "finalize",
    "alternatives_of",
    "term_uses",
    "unforceable_finding",
]
