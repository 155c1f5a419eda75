"""Spelling likeness: the one near-spelling test and the one cross-script name likeness.

Two questions are asked of words all over kkaligner, and each has its single answer here:

* **Is this word another spelling of that one?** (Baykonur for Baikonur, Сан-Франциско for
  Сан-Франсиско, Аксу for Ақсу) ``near_spelling``: same script, compared case-folded with the
  Kazakh-only letters written as their Russian counterparts. Used by the repair (a model's own
  spelling of a rendering), the decoder's name test, the terms check (``term-variant``) and the
  script check (a misspelt copy of a source name is not untranslated text).
* **Does this word render that name of the other script?** (Baykonur for Байқоңыр)
  ``name_similarity``: the difflib ratio of both spellings in Latin letters
  (``translit.latin``). Used by the name likeness of the repair and decoder (``reads_as``) and by
  document consistency (aligning a source name to a target word).

The thresholds are measured, not guessed; each says where it comes from.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from kkaligner.lang.translit import latin, plain

NEAR_RATIO = 0.75
"""Least difflib ratio for ``near_spelling``. Pairs it must accept: Baykonur/Baikonur 0.88,
Тайланд/Таиланд 0.86, Стамбұл/Ыстамбұл 0.93, Zhumagaliev/Zhumagaliyev 0.96; a word it must not
take for the name: Belgian/Belgium 0.71."""

# Kazakh puts a vowel before a foreign initial consonant cluster (Ыстамбұл, Ыспания, Іскендір): a
# spelling with or without it is the same name.
PROTHETIC = ("ы", "і")

NEAR_MIN_LENGTH = 5
"""Shorter forms are too short to tell a misspelling from another word (Aral/Oral, Ақсу/Ақсай);
they are near only when they differ in the Kazakh-only letters alone (Аксу for Ақсу)."""

NAME_LIKENESS = 0.7
"""Least ``name_similarity`` for a target word to read as the model's own spelling of a source name
(Байқоңыр/Baykonur 0.82, Бәйтерек/Bayterek 1.0; Астана/Austria 0.62)."""

ALIGN_MIN = 0.6
"""Least ``name_similarity`` for a source name and a target word to be aligned by document consistency."""

ALIGN_MIN_INITIAL = 0.75
"""The same for a capitalised word at a sentence start, which may be a common word."""

ALIGN_MARGIN = 0.15
"""How far ahead of the runner-up the best target word must be for an alignment to be unambiguous."""


def ratio(a: str, b: str) -> float:
    """difflib's similarity ratio of two strings (0 to 1)."""
    return SequenceMatcher(None, a, b).ratio()


@lru_cache(maxsize=65536)
def near_spelling(word: str, form: str) -> bool:
    """Whether ``word`` looks like ``form`` spelt another way (not ``form`` itself).

    Case-folded, Kazakh-only letters as Russian ones (``translit.plain``); ``form`` of at least
    NEAR_MIN_LENGTH letters (or equal but for the Kazakh-only letters; or the end of the other,
    as a compound name without its first part: Британия, Ұлыбритания); same first letter (or
    one with a PROTHETIC vowel before it); lengths within a quarter (at least 2 letters); difflib
    ratio >= NEAR_RATIO.
    """
    w, f = word.casefold(), form.casefold()
    if not w or w == f:
        return False
    w, f = plain(w), plain(f)
    if w == f:
        return len(f) >= 3
    if min(len(w), len(f)) >= NEAR_MIN_LENGTH and (f.endswith(w) or w.endswith(f)):
        return True  # a compound name without its first part (Британия for Ұлыбритания)
    if len(f) < NEAR_MIN_LENGTH or abs(len(w) - len(f)) > max(2, len(f) // 4):
        return False
    if w[0] != f[0] and not (w[0] in PROTHETIC and w[1:2] == f[:1] or f[0] in PROTHETIC and f[1:2] == w[:1]):
        return False
    return ratio(w, f) >= NEAR_RATIO


def near_variant(word: str, option: str) -> bool:
    """``near_spelling`` for a one-word rendering ``option`` (a rendering of several words has no
    one-word spelling)."""
    return " " not in option.strip() and near_spelling(word, option)


@lru_cache(maxsize=65536)
def name_similarity(a: str, b: str) -> float:
    """How alike two names are across scripts: the ratio of their Latin spellings."""
    return ratio(latin(a), latin(b))


# English adjective and demonym endings (Polish, Belgians, Italian, Taiwanese, Arctic): such a word
# reads like the country's name but is not the name.
DEMONYM_ENDINGS = ("ish", "ian", "ians", "an", "ans", "ese", "ic")


def is_demonym_of(word: str, name: str) -> bool:
    """Whether the English ``word`` ends like an adjective or demonym that ``name`` does not end in."""
    low, base = word.casefold(), latin(name)
    return any(low.endswith(e) and not base.endswith(e) for e in DEMONYM_ENDINGS)


__all__ = [
    "NEAR_RATIO",
    "NEAR_MIN_LENGTH",
    "NAME_LIKENESS",
    "ALIGN_MIN",
    "ALIGN_MIN_INITIAL",
    "ALIGN_MARGIN",
    "DEMONYM_ENDINGS",
    "ratio",
    "near_spelling",
    "near_variant",
    "name_similarity",
    "is_demonym_of",
]
