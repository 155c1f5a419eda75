"""A translation much longer or much shorter than its source.

Tolerant on purpose: a human translation of a 40-character sentence may well be 80 characters long.
A pair is flagged only when the length ratio, divided by the usual ratio of the language pair, is
outside [_LOW, _HIGH] and the difference is at least _MIN_DIFF characters. On the 997 FLORES-200 dev
pairs the normalised ratio lies between 0.43 and 1.97.
"""

from __future__ import annotations

from kkaligner.align import LENGTH_RATIO
from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.types import Finding

_LOW = 0.4
_HIGH = 2.5
_MIN_DIFF = 25


def run(ctx: CheckContext):
    expected = LENGTH_RATIO.get((ctx.source_lang, ctx.target_lang), 1.0)
    for i, (src, tgt) in enumerate(zip(ctx.sources, ctx.targets)):
        if skip_pair(ctx, i):
            continue
        ls, lt = len(src.strip()), len(tgt.strip())
        ratio = lt / (ls * expected)
        if abs(lt - ls * expected) < _MIN_DIFF or _LOW <= ratio <= _HIGH:
            continue
        how = "shorter" if ratio < 1 else "longer"
        yield Finding(
            "length-ratio",
            "warning",
            f"the translation is {lt} characters for a {ls}-character source "
            f"({ratio:.2f} times the usual ratio): much {how} than expected; check for "
            + ("missing content." if how == "shorter" else "added or repeated content."),
            sentence=i,
            source_span=(0, len(src)),
            target_span=(0, len(tgt)),
        )
