"""Transliteration tables: Kazakh Cyrillic to Latin letters and to their Russian counterparts.

Both are used only to compare spellings, never to write text: ``latin`` puts a Cyrillic name and
its English rendering in one alphabet (Байқоңыр → baikonyr ~ Baikonur), ``plain`` writes the
Kazakh-only letters as the Russian letters names are often typed with (Ақсу → Аксу), and
``skeleton`` reduces a word to its consonant classes so that Cyrillic and Latin spellings of one
name meet (the sentence aligner's evidence).
"""

from __future__ import annotations

from functools import lru_cache

# Kazakh Cyrillic → Latin, close to how English-language texts spell Kazakh and Russian names
# (the BGN/PCGN romanization of Russian for the shared letters; Kazakh letters as English press
# writes them: ә → a, ғ → g, қ → k, ң → ng, ө → o, ұ/ү → u, і → i).
LATIN = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n", "ң": "ng", "о": "o",
    "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "kh",
    "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}

# The nine Kazakh-only letters written as the Russian letters they are often replaced with in
# names (Аксу for Ақсу, Караганда for Қарағанды).
_PLAIN = str.maketrans("әғқңөұүһі", "агкноуухи")

# Consonant classes: voiced/voiceless and sibilant pairs merged, vowels and y/й/h dropped, written
# from the Kazakh Cyrillic alphabet (42 letters) and the usual English renderings of its names.
SKELETON_DIGRAPHS = (
    ("sh", "s"), ("ch", "s"), ("zh", "s"), ("kh", "k"), ("ph", "p"), ("th", "t"), ("ck", "k"),
    ("дж", "ж"), ("тс", "ц"),
)
SKELETON_CLASSES = (
    ("бпфвwbpfv", "p"),
    ("дтdt", "t"),
    ("гғкқхgkcq", "k"),
    ("сзшщжчцszj", "s"),
    ("мm", "m"),
    ("нңn", "n"),
    ("лl", "l"),
    ("рr", "r"),
    ("x", "ks"),
)
SKELETON = {ch: cls for letters, cls in SKELETON_CLASSES for ch in letters}


def latin(word: str) -> str:
    """``word`` in lower-case Latin letters (Kazakh Cyrillic transliterated, the rest kept)."""
    return "".join(LATIN.get(ch, ch) for ch in word.casefold())


def plain(text: str) -> str:
    """``text`` with the Kazakh-only letters written as their Russian counterparts."""
    return text.translate(_PLAIN)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton of ``word`` (either script): Baikonur and Байқоңыр both give ``pknr``."""
    w = word.casefold()
    if w.startswith("h"):  # Hamlin ~ Гамлин, Harvard ~ Гарвард, Hong Kong ~ Гонконг
        w = "g" + w[1:]
    for digraph, cls in SKELETON_DIGRAPHS:
        w = w.replace(digraph, cls)
    out = []
    for ch in w:
        c = SKELETON.get(ch)
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out)


__all__ = ["LATIN", "SKELETON", "latin", "plain", "skeleton"]
