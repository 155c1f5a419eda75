"""Numbers that differ between source and translation.

Numbers are read from digits (``2,250``, ``6,34``, ``12 000``, ``9:30``), from number words
(``жиырма бес``, ``twenty-five``) and from both together (``115 миллион`` = ``115 million``,
``300 миллионнан астам`` = ``more than 300 million``). Each mention gets the set of values it may
mean (``2,250`` is 2250 in English and 2.25 with a decimal comma), and two mentions agree when their
sets meet. Codes of letters and digits (``CG4684``, ``H5N1``, ``4x4``) are compared verbatim.

A mention written with digits must find an agreeing mention of its own on the other side (``2 goals
and 2 assists`` needs two 2s: a one-to-one matching); one written only in words need not (Kazakh
``бір`` is also the indefinite article, English ``one`` a pronoun), but it can satisfy a digit
mention (``екі`` ~ ``2``). A changed or lost digit number is an error.
"""

from __future__ import annotations

import re

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.lang.numbers import Mention, mentions
from kkaligner.types import Finding


def _mirror(values) -> frozenset:
    """``values`` as the other side must hold them: short-year tags swapped, codes as they are."""
    out = set()
    for v in values:
        if isinstance(v, tuple) and v[0] in ("year", "short"):
            v = ("short" if v[0] == "year" else "year", v[1])
        out.add(v)
    return frozenset(out)


def _format(m: Mention, text: str, lang: str) -> str:
    """The source number written for the target language (decimal point in English, comma in Kazakh)."""
    s = text[m.start : m.end]
    if re.fullmatch(r"\d+[.,]\d{1,2}|\d+[.,]\d{4,}", s):
        return s.replace(",", ".") if lang == "en" else s.replace(".", ",")
    return s


def _unmatched(sm: list[Mention], tm: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Digit mentions of either side that no mention of the other side can stand for.

    Each mention stands for at most one of the other side ("2 goals and 2 assists" needs two 2s), so
    this is a matching; greedy, mentions with the fewest partners first, which is exact for the
    small interval-free graphs sentences give.
    """
    t_mirror = [_mirror(m.values) for m in tm]
    edges = {a: [b for b in range(len(tm)) if sm[a].values & t_mirror[b]] for a in range(len(sm))}
    used_s, used_t = set(), set()
    for a in sorted(edges, key=lambda a: (not sm[a].digits, len(edges[a]))):
        for b in sorted(edges[a], key=lambda b: (not tm[b].digits, b)):
            if b not in used_t:
                used_s.add(a)
                used_t.add(b)
                break
    lost = [m for a, m in enumerate(sm) if m.digits and a not in used_s]
    extra = [m for b, m in enumerate(tm) if m.digits and b not in used_t]
    return lost, extra


def run(ctx: CheckContext):
    for i, (src, tgt) in enumerate(zip(ctx.sources, ctx.targets)):
        if skip_pair(ctx, i):
            continue
        sm = mentions(src, ctx.source_lang)
        tm = mentions(tgt, ctx.target_lang)
        if not any(m.digits for m in sm) and not any(m.digits for m in tm):
            continue
        lost, extra = _unmatched(sm, tm)
        if len(lost) == 1 and len(extra) == 1:
            a, b = lost[0], extra[0]
            yield Finding(
                "number-mismatch",
                "error",
                f"the source has '{src[a.start:a.end]}' but the translation '{tgt[b.start:b.end]}'.",
                sentence=i,
                source_span=(a.start, a.end),
                target_span=(b.start, b.end),
                suggestion=_format(a, src, ctx.target_lang) if re.fullmatch(r"[\d.,]+", src[a.start:a.end]) else None,
            )
            continue
        for a in lost:
            yield Finding(
                "number-mismatch",
                "error",
                f"'{src[a.start:a.end]}' in the source is missing from the translation.",
                sentence=i,
                source_span=(a.start, a.end),
            )
        for b in extra:
            yield Finding(
                "number-mismatch",
                "error",
                f"'{tgt[b.start:b.end]}' in the translation is not in the source.",
                sentence=i,
                target_span=(b.start, b.end),
            )
