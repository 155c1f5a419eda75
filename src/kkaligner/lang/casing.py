"""Kazakh-correct, length-preserving case folding for matching.

``fold(text)`` lower-cases every character with its Unicode simple lowercase mapping (which is
right for all Kazakh Cyrillic letters: І/і, Ү/ү, Ұ/ұ, Ө/ө, Ә/ә, Ғ/ғ, Қ/қ, Ң/ң, Һ/һ) and never changes
the length of the text, so offsets into the folded text are offsets into the original. Characters
whose full lowercase mapping is longer than one character (Turkish İ -> i̇, Greek final sigma
contexts...) are mapped one-to-one instead of expanded.

``fold_kk`` also maps Latin letters that Kazakh typists use in place of the Cyrillic look-alikes
(Latin ``i`` for ``і``, ``ə`` for ``ә``, ``a``/``e``/``o``/``p``/``c``/``x``/``y`` in Cyrillic words)
to the Cyrillic letter, so that "Бәйтерек" typed with a Latin ``e`` still matches. It is applied to
lemmas and to texts alike, so it can only make equal strings equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Latin (and IPA) look-alikes of Kazakh Cyrillic lowercase letters, as they occur in web text
# typed on mixed keyboards. Source: the visual identity of the glyphs (Unicode confusables.txt).
_LATIN_LOOKALIKES = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "x": "х",
    "y": "у",
    "i": "і",
    "h": "һ",
    "ə": "ә",  # U+0259 LATIN SMALL LETTER SCHWA
    "ɵ": "ө",  # U+0275 LATIN SMALL LETTER BARRED O
    "ӏ": "і",  # U+04CF CYRILLIC SMALL LETTER PALOCHKA
}


@lru_cache(maxsize=None)
def _char_table(kk: bool) -> dict[int, str]:
    """Translation table for the characters whose ``str.lower`` is not one character."""
    table: dict[int, str] = {}
    # Only the BMP letters whose lowercase expands need a table entry; the rest go through lower().
    # Only BMP letters expand under lower() (İ, and a few ligature-like capitals).
    for cp in range(0x10000):
        low = chr(cp).lower()
        if len(low) != 1:
            table[cp] = _LATIN_LOOKALIKES.get(low[0], low[0]) if kk else low[0]
    if kk:
        for src, dst in _LATIN_LOOKALIKES.items():
            table[ord(src)] = dst
            table[ord(src.upper())] = dst
    return table


def fold(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return text.translate(_char_table(False)).lower()


_LOOKALIKE_RE = re.compile("[" + "".join(sorted(_LATIN_LOOKALIKES)) + "]")


def _swap(m: "re.Match[str]") -> str:
    return _LATIN_LOOKALIKES[m.group()]


def fold_kk(text: str) -> str:
    """``fold`` plus Latin look-alikes mapped to Kazakh Cyrillic letters (length-preserving)."""
    # str.translate with a dict costs a lookup per character; lower() and a substitution of the
    # few Latin letters are an order of magnitude faster on Kazakh text.
    return _LOOKALIKE_RE.sub(_swap, fold(text))


def is_upper_initial(word: str) -> bool:
    """True when the first letter of ``word`` is a capital (Kazakh letters included)."""
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
    return False


__all__ = ["fold", "fold_kk", "is_upper_initial"]
