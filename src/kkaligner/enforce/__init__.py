"""Deprecated: glossary enforcement moved to ``kkaligner.terms`` (plan, presence, repair, finalize)
and the decoding side to the engines (``kkaligner.engines.hf_forcing``, ``kkaligner.engines.ct2.forcing``).

Names imported from here still work, with a DeprecationWarning saying where they live now.
"""

from __future__ import annotations

import importlib
import warnings

# old name -> "module:name" it lives at now
_MOVED = {
    "SentencePlan": "kkaligner.terms.plan:SentencePlan",
    "constraint_for": "kkaligner.terms.plan:constraint_for",
    "plan": "kkaligner.terms.plan:plan",
    "occurrences": "kkaligner.terms.presence:occurrences",
    "satisfies": "kkaligner.terms.presence:satisfies",
    "satisfied_count": "kkaligner.terms.presence:satisfied_count",
    "missing_forceable": "kkaligner.terms.presence:missing_forceable",
    "substitute_variants": "kkaligner.terms.repair:substitute_variants",
    "substitute_near": "kkaligner.terms.repair:substitute_near",
    "substitute_transliterated": "kkaligner.terms.repair:substitute_transliterated",
    "repair_text": "kkaligner.terms.repair:repair_text",
    "source_spans": "kkaligner.terms.repair:source_spans",
    "NameLikeness": "kkaligner.terms.repair:NameLikeness",
    "name_likeness": "kkaligner.terms.repair:name_likeness",
    "near_variant": "kkaligner.lang.spelling:near_variant",
    "NEAR_RATIO": "kkaligner.lang.spelling:NEAR_RATIO",
    "TRANSLIT_MIN": "kkaligner.lang.spelling:NAME_LIKENESS",
    "Outcome": "kkaligner.terms.outcome:Outcome",
    "unforceable_finding": "kkaligner.terms.outcome:unforceable_finding",
    "finalize": "kkaligner.terms.finalize:finalize",
}


def __getattr__(name: str):
    target = _MOVED.get(name)
    if target is None:
        raise AttributeError(f"module 'kkaligner.enforce' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    warnings.warn(
        f"kkaligner.enforce.{name} is deprecated; import it from {module} instead",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(module), attr)


def __dir__():
    return sorted(_MOVED)
