"""Unbalanced quotes and brackets in the target where the source is balanced.

Pairs: ( ) [ ] { } « » “ ” „ “ ‹ › and the straight double quote " (balanced = an even count).
Single quotes are not checked: ' and ’ are also apostrophes (Baikonur's, O'Brien). A target is
unbalanced when a closer has no opener, an opener is left open, or pairs cross.
"""

from __future__ import annotations

from typing import Optional

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.types import Finding

_OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”", "„": "“", "‹": "›"}
_CLOSERS = {")", "]", "}", "»", "”", "›"}


def first_unbalanced(text: str) -> Optional[int]:
    """Offset of the first character that breaks the balance, or None when balanced."""
    stack: list[tuple[str, int]] = []
    straight: Optional[int] = None
    for pos, ch in enumerate(text):
        if ch == '"':
            straight = pos if straight is None else None
            continue
        if ch == "“" and stack and stack[-1][0] == "„":  # German-style „...“ closes with “
            stack.pop()
            continue
        if ch in _OPENERS:
            stack.append((ch, pos))
        elif ch in _CLOSERS:
            if not stack or _OPENERS[stack[-1][0]] != ch:
                return pos
            stack.pop()
    if stack:
        return stack[0][1]
    return straight


# A quotation may run over several sentences ("I feel well. ... on Monday," he said): a sentence is
# not flagged when it is balanced together with up to _SPAN neighbours on either side.
_SPAN = 2


def _balanced_with_neighbours(targets, i: int) -> bool:
    n = len(targets)
    for a in range(max(0, i - _SPAN), i + 1):
        for b in range(i, min(n, i + _SPAN + 1)):
            if (a, b) != (i, i) and first_unbalanced(" ".join(targets[a : b + 1])) is None:
                return True
    return False


def run(ctx: CheckContext):
    for i, (src, tgt) in enumerate(zip(ctx.sources, ctx.targets)):
        if skip_pair(ctx, i) or first_unbalanced(src) is not None:
            continue
        pos = first_unbalanced(tgt)
        if pos is None or _balanced_with_neighbours(ctx.targets, i):
            continue
        yield Finding(
            "unbalanced-brackets",
            "warning",
            f"unbalanced {tgt[pos]!r} in the translation (the source's quotes and brackets are "
            "balanced).",
            sentence=i,
            target_span=(pos, pos + 1),
        )
