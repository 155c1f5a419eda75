"""Windows: an over-long sentence cut into consecutive pieces a translation model can take whole.

A model reads a bounded number of source tokens (CTranslate2 refuses longer input, transformers
truncates it). ``windows(text, fits)`` cuts a sentence into the fewest pieces for which
``fits(piece)`` holds (``fits`` is the caller's measure, e.g. "token count <= the engine's source
limit"); ``join`` puts the translated pieces back together.

Where the cuts go, in this order of importance:

1. as few pieces as possible (cutting only between words when every word fits alone);
2. at the strongest boundary the first rule leaves room for (``TIERS``: a sentence end inside the
   line, ``; :``, a comma, a dash, before a clause word such as "алайда" / "but", any space, a
   space inside a span the caller asked to ``keep`` whole);
3. among equally strong boundaries, the one nearest an even share of what is left, so the pieces
   are balanced.

A cut at punctuation goes after it: the mark stays with the clause it closes and is translated with
it. A word that does not fit alone (a URL, a run of letters without spaces) becomes windows of its
own, cut after a punctuation mark inside it where possible, else between graphemes, and only when a
grapheme itself does not fit, inside it.

``fits`` is assumed monotone: a piece of text that fits keeps fitting when shortened. The windows
returned always fit (each is checked, and cut again greedily if a non-monotone ``fits`` says no);
the cost is O(k log w) calls of ``fits`` for k windows of about w words each, on pieces at most
about twice a window long.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Callable, Sequence

from kkaligner.errors import UsageError, choices
from kkaligner.lang import LANGUAGES

LANGS = LANGUAGES  # this module's name for kkaligner.lang.LANGUAGES

# --- rules -----------------------------------------------------------------------------------------
# Strength of a cut, lower is better. A cut between two words is ranked by the word before it (its
# final mark, closing quotes and brackets skipped) and by the word after it.
SENTENCE_END, CLAUSE_MARK, COMMA, DASH, CLAUSE_WORD, SPACE, KEPT = range(7)
# Cuts inside a word that does not fit alone.
AFTER_MARK, GRAPHEME, INSIDE_GRAPHEME = range(7, 10)
TIERS = {
    "sentence end": SENTENCE_END,  # . ! ? … before a capital: a line that holds two sentences
    "clause mark": CLAUSE_MARK,  # ; :
    "comma": COMMA,
    "dash": DASH,  # — – ‒ ― at the end of a word, or a spaced hyphen ("A - B")
    "clause word": CLAUSE_WORD,  # before a word of CLAUSE_WORDS
    "space": SPACE,
    "kept": KEPT,  # a space inside a span the caller asked to keep whole (a glossary term)
    "after mark": AFTER_MARK,  # inside a word, after punctuation ("https://host/|path")
    "grapheme": GRAPHEME,  # inside a word, between graphemes
    "inside grapheme": INSIDE_GRAPHEME,  # last resort: a grapheme longer than the limit
}

# Final marks of the word before a cut, and the tier they give it.
FINAL_MARKS = {
    **dict.fromkeys(".!?…‼⁇⁈⁉", SENTENCE_END),  # only before a capital; else no rank of their own
    **dict.fromkeys(";:", CLAUSE_MARK),
    **dict.fromkeys(",", COMMA),
    **dict.fromkeys("—–‒―", DASH),  # Kazakh writes clause dashes as — and –: "әкесі — VI Георг"
}
# A hyphen is a dash only standing alone between spaces ("A - B", "A -- B"); inside or at the end
# of a word it joins ("Брютон-стрит", "17-үйде").
SPACED_HYPHENS = frozenset({"-", "--"})
CLOSERS = "»”’\"')]›}"
OPENERS = "«„“‘\"'([‹{"

# Words a clause may begin with; a cut goes before them. Compared case-folded, without the quotes
# and brackets around them or the punctuation after them.
CLAUSE_WORDS = {
    "kk": frozenset(
        {
            # The CCONJ/SCONJ lemmas of the UD_Kazakh-KTB train sample (../shared/data/morphology,
            # CC BY-SA 4.0) that join clauses: және "and", бірақ "but", алайда "however",
            # яғни "that is", әрі "and also", яки "or", әм "and" (literary). The others are in
            # NOT_CLAUSE_WORDS.
            "және", "бірақ", "алайда", "яғни", "әрі", "яки", "әм",
            # Clause connectors of Kazakh grammar not in that small sample: себебі and өйткені
            # "because", сондықтан "therefore", ал "and/while" (contrast), немесе "or".
            "себебі", "өйткені", "сондықтан", "ал", "немесе",
            # The same words in the 2021 Latin alphabet, spelt as data/sentence-starters-kk.txt
            # spells it (і ı, ғ ğ, ә ä, ө ö, я ia).
            "jäne", "bıraq", "alaida", "iağni", "ärı", "iaki", "äm",
            "sebebı", "öitkenı", "sondyqtan", "al", "nemese",
        }
    ),
    # Coordinating and subordinating conjunctions that open a clause in English.
    "en": frozenset({"and", "but", "because", "which", "while", "so", "or", "although", "whereas"}),
}

# Conjunctions that do not open a clause, so no cut goes before them: the rest of the CCONJ/SCONJ
# lemmas of the UD sample, with their variants.
NOT_CLAUSE_WORDS = {
    "kk": {
        **dict.fromkeys(("да", "де", "та", "те"), "enclitic particle: it belongs to the word before it"),
        **dict.fromkeys(("мен", "бен", "пен"), "joins nouns (and is also the pronoun 'I')"),
        "қалай": "'how'; a conjunction only in 'қалай да' ('anyhow')",
    },
    "en": {},
}

# Levels of units: a unit that does not fit alone is cut into units of the next level.
WORDS, GRAPHEMES, CODE_POINTS = range(3)

# Code points that join the grapheme before them (joiners, variation selectors, skin tones, tags):
# a cut before one would tear it; so would one after a zero-width joiner.
_ZWJ = "\u200d"
_CONTINUERS = re.compile(
    "[\u200d\u200c\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
)
_REGIONAL = re.compile("[\U0001f1e6-\U0001f1ff]")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Window:
    """One piece of a sentence, translated on its own.

    Invariants: ``text == source[start:end]`` for the sentence ``source`` it was cut from; ``text``
    is not empty and neither starts nor ends with whitespace; the windows of one sentence are in
    order and do not overlap, and what lies between two of them (``separators``) is whitespace, or
    nothing where a word was cut; before the first and after the last there is only whitespace.
    """

    start: int
    end: int
    text: str


def windows(
    text: str, fits: Callable[[str], bool], lang: str = "kk", *, keep: Sequence[tuple[int, int]] = ()
) -> list[Window]:
    """Cut ``text`` into the fewest windows that each satisfy ``fits``, at the strongest boundaries.

    ``keep`` are ``(start, end)`` spans of ``text`` to keep in one window (multi-word glossary
    matches): a space inside one is cut only where no other cut gives as few windows. Returns ``[]``
    for a text that is only whitespace, and one window (the text without its outer whitespace) when
    that fits. Raises UsageError for an unknown ``lang`` or when a single code point does not fit.
    """
    if not isinstance(text, str):
        raise UsageError(f"windows() needs text (str), got {type(text).__name__}.")
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r} for windows(); use {choices(LANGS)}.")
    spans = [m.span() for m in _WORD.finditer(text)]
    if not spans:
        return []
    fit = _Fit(text, fits)
    out = []
    if fit(spans[0][0], spans[-1][1]):
        out.append((spans[0][0], spans[-1][1]))
    else:
        words = _Units([a for a, _ in spans], [b for _, b in spans], _gap_tiers(text, spans, lang, keep))
        out.extend(_Cutter(text, fit).cut(words, 0, len(spans) - 1, WORDS))
    return [Window(a, b, text[a:b]) for a, b in out]


def separators(text: str, wins: Sequence[Window]) -> list[str]:
    """What lies between consecutive windows of ``text``: ``len(wins) - 1`` strings."""
    return [text[a.end : b.start] for a, b in zip(wins, wins[1:])]


def join(pieces: Sequence[str], separators: Sequence[str]) -> str:
    """Join the translations of a sentence's windows.

    ``separators`` are the sentence's own (``separators(text, wins)``), one fewer than ``pieces``.
    Where the sentence had whitespace the pieces are joined by one space; where a word was cut
    (nothing between the windows) they are joined directly. Pieces are stripped, and an empty one is
    left out with the separator before it.
    """
    if len(separators) != max(len(pieces) - 1, 0):
        raise UsageError(
            f"join() needs one separator fewer than pieces, got {len(pieces)} pieces and "
            f"{len(separators)} separators."
        )
    out: list[str] = []
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        if out and separators[i - 1]:
            out.append(" ")
        out.append(piece)
    return "".join(out)


# --- ranking ---------------------------------------------------------------------------------------
def _gap_tiers(text: str, spans: list[tuple[int, int]], lang: str, keep: Sequence[tuple[int, int]]) -> list[int]:
    """The tier of the cut between each two consecutive words."""
    clause_words = CLAUSE_WORDS[lang]
    tiers = []
    for (a, b), (c, d) in zip(spans, spans[1:]):
        before = text[a:b]
        after = text[c:d]
        tier = SPACE
        mark = before.rstrip(CLOSERS)[-1:]
        if mark in FINAL_MARKS:
            tier = FINAL_MARKS[mark]
            if tier == SENTENCE_END and not after.lstrip(OPENERS)[:1].isupper():
                tier = SPACE
        elif before in SPACED_HYPHENS:
            tier = DASH
        if tier > CLAUSE_WORD:
            word = after.lstrip(OPENERS).rstrip(".,;:!?…" + CLOSERS).casefold()
            if word in clause_words:
                tier = CLAUSE_WORD
        tiers.append(tier)
    ends = [b for _, b in spans]
    for a, b in keep:  # the gaps after a word that ends inside the span and before one that starts in it
        for gap in range(bisect_right(ends, a), len(tiers)):
            if spans[gap + 1][0] >= b:
                break
            tiers[gap] = KEPT
    return tiers


def _inner_tier(text: str, p: int) -> int:
    """The tier of a cut between ``text[p - 1]`` and ``text[p]``, inside a word."""
    prev, nxt = text[p - 1], text[p]
    if (
        ("\ud800" <= prev <= "\udbff" and "\udc00" <= nxt <= "\udfff")  # a surrogate pair
        or prev == _ZWJ
        or _CONTINUERS.match(nxt)
        or unicodedata.category(nxt) in ("Mn", "Mc", "Me")  # combining marks
        or (_REGIONAL.match(prev) and _REGIONAL.match(nxt))  # a flag (pairs are not counted)
    ):
        return INSIDE_GRAPHEME
    if unicodedata.category(prev)[0] == "P":
        return AFTER_MARK
    return GRAPHEME


# --- cutting ---------------------------------------------------------------------------------------
class _Fit:
    """``fits`` on ``text[a:b]``, each span asked once."""

    def __init__(self, text: str, fits: Callable[[str], bool]):
        self.text = text
        self.fits = fits
        self.seen: dict[tuple[int, int], bool] = {}

    def __call__(self, a: int, b: int) -> bool:
        key = (a, b)
        ok = self.seen.get(key)
        if ok is None:
            ok = self.seen[key] = bool(self.fits(self.text[a:b]))
        return ok


@dataclass(frozen=True)
class _Units:
    """The units windows are made of: words, or the graphemes or code points of one long unit.

    Unit ``u`` is ``text[starts[u]:ends[u]]``, in order; ``tiers[u]`` ranks the cut between unit
    ``u`` and unit ``u + 1``; ``by_tier`` maps each tier, best first, to its cuts in order.
    """

    starts: Sequence[int]
    ends: Sequence[int]
    tiers: Sequence[int]
    by_tier: dict = field(init=False, repr=False)

    def __post_init__(self):
        by_tier: dict[int, list[int]] = {}
        for u, t in enumerate(self.tiers):
            by_tier.setdefault(t, []).append(u)
        object.__setattr__(self, "by_tier", dict(sorted(by_tier.items())))

    def best_cut(self, lo: int, hi: int, target: float) -> int:
        """The cut in ``[lo, hi]`` of the lowest tier whose end is nearest ``target`` (a character
        offset); the earlier of two as near."""
        ends = self.ends
        for cuts in self.by_tier.values():
            first, stop = bisect_left(cuts, lo), bisect_right(cuts, hi)
            if first == stop:
                continue
            x, y = first, stop
            while x < y:  # the first cut of the slice that ends at or after the target
                mid = (x + y) // 2
                if ends[cuts[mid]] < target:
                    x = mid + 1
                else:
                    y = mid
            pick = [cuts[n] for n in (x - 1, x) if first <= n < stop]
            return min(pick, key=lambda u: abs(ends[u] - target))
        raise AssertionError("every cut has a tier")


class _Cutter:
    """The cutting of one sentence: the text and its memoised ``fits``."""

    def __init__(self, text: str, fit: _Fit):
        self.text = text
        self.fit = fit

    # Greedy steps, by galloping then bisecting, so a step costs O(log w) calls on pieces at most
    # about twice the result long.
    def farthest(self, units: _Units, i: int, j: int) -> int:
        """The last unit ``g`` in ``[i, j]`` with ``units[i..g]`` fitting; ``i - 1`` if none does."""
        start, ends, fit = units.starts[i], units.ends, self.fit
        good, step, probe = i - 1, 1, i
        while probe <= j and fit(start, ends[probe]):
            good = probe
            if probe == j:
                return j
            probe = min(probe + step, j)
            step *= 2
        bad = min(probe, j + 1)
        while bad - good > 1:
            mid = (good + bad) // 2
            if fit(start, ends[mid]):
                good = mid
            else:
                bad = mid
        return good

    def earliest(self, units: _Units, i: int, j: int) -> int:
        """The first unit ``s`` in ``[i, j]`` with ``units[s..j]`` fitting; ``j + 1`` if none does."""
        end, starts, fit = units.ends[j], units.starts, self.fit
        good, step, probe = j + 1, 1, j
        while probe >= i and fit(starts[probe], end):
            good = probe
            if probe == i:
                return i
            probe = max(probe - step, i)
            step *= 2
        bad = max(probe, i - 1)
        while good - bad > 1:
            mid = (good + bad) // 2
            if fit(starts[mid], end):
                good = mid
            else:
                bad = mid
        return good

    def cut(self, units: _Units, i: int, j: int, level: int, balance: bool = True):
        """Spans of the windows over ``units[i..j]``.

        A greedy pass finds the runs of units that fit alone and the fewest windows each run needs;
        a unit that does not fit alone is cut on its own, into units of the next ``level`` (words,
        then graphemes, then code points). Runs are cut ``balanced``, or with ``balance`` off as the
        greedy pass cut them (each of those windows was asked of ``fits``)."""
        run, k, pieces = i, i, []
        while k <= j:
            g = self.farthest(units, k, j)
            if g >= k:
                pieces.append((k, g))
                k = g + 1
                continue
            yield from self.run(units, run, k - 1, pieces, level, balance)
            inner = self.inner(units.starts[k], units.ends[k], level)
            yield from self.cut(inner, 0, len(inner.starts) - 1, level + 1)
            k += 1
            run, pieces = k, []
        yield from self.run(units, run, j, pieces, level, balance)

    def run(self, units: _Units, i: int, j: int, pieces: list, level: int, balance: bool):
        if len(pieces) > 1 and balance:
            yield from self.balanced(units, i, j, len(pieces), level)
        else:
            for a, b in pieces:
                yield units.starts[a], units.ends[b]

    def inner(self, a: int, b: int, level: int) -> _Units:
        """The units of ``text[a:b]``, a unit of ``level`` that does not fit alone."""
        text = self.text
        if level == WORDS:  # its graphemes
            tiers = [_inner_tier(text, p) for p in range(a + 1, b)]
            cuts = [a + 1 + n for n, t in enumerate(tiers) if t != INSIDE_GRAPHEME]
            return _Units([a, *cuts], [*cuts, b], [t for t in tiers if t != INSIDE_GRAPHEME])
        if level == GRAPHEMES:  # its code points
            return _Units(range(a, b), range(a + 1, b + 1), [INSIDE_GRAPHEME] * (b - a - 1))
        raise UsageError(
            f"cannot cut the text small enough: the character {text[a]!r} (U+{ord(text[a]):04X}) "
            f"at offset {a} does not fit the limit alone."
        )

    def balanced(self, units: _Units, i: int, j: int, k: int, level: int):
        """Spans of ``k`` windows over ``units[i..j]``, a run the greedy pass cut into ``k``.

        ``reach[t]`` is the first unit of the last ``t`` windows when the run is cut greedily from
        its end: a cut leaves ``t`` windows enough for the rest only if the rest starts at or after
        ``reach[t]``. Each cut is the best that this bound and the window's farthest reach allow."""
        starts, ends = units.starts, units.ends
        reach = [j + 1]
        for _ in range(k - 1):
            reach.append(self.earliest(units, i, reach[-1] - 1))
        pos, left = i, k
        while left > 1:
            far = self.farthest(units, pos, j)
            if far >= j:
                break
            lo = max(reach[left - 1] - 1, pos)
            if far < lo:  # fits is not monotone here: the greedy windows instead
                yield from self.cut(units, pos, j, level, balance=False)
                return
            cut = units.best_cut(lo, far, starts[pos] + (ends[j] - starts[pos]) / left)
            yield from self.checked(units, pos, cut, level)
            pos, left = cut + 1, left - 1
        yield from self.checked(units, pos, j, level)

    def checked(self, units: _Units, i: int, j: int, level: int):
        """The window ``units[i..j]``, or greedy windows over it if ``fits`` says it does not fit."""
        if self.fit(units.starts[i], units.ends[j]):
            yield units.starts[i], units.ends[j]
        else:
            yield from self.cut(units, i, j, level, balance=False)


__all__ = ["LANGS", "TIERS", "CLAUSE_WORDS", "NOT_CLAUSE_WORDS", "Window", "windows", "separators", "join"]
