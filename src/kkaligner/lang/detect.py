"""Which of kkaligner's languages a text is in: Kazakh (Cyrillic or Latin letters) or English.

A two-way choice, not a general identifier: the server's ``source=auto`` and ``/detect`` need no
more. Kazakh in Cyrillic is told by its script; Kazakh in Latin letters by ``latin.detect``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kkaligner.lang import latin
from kkaligner.lang.web import address_spans


class Detection(NamedTuple):
    lang: str
    confidence: float
    """Share of the text's letters that speak for ``lang``, 0-100 (LibreTranslate's scale)."""


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> Detection:
    """``kk`` when most words are Cyrillic, or the Latin ones spell Kazakh, else ``en``.

    Words in lower case decide, and Cyrillic words wholly in capitals (a heading: ТОҚАЕВ
    ЖАПОНИЯҒА САПАРМЕН БАРДЫ (video)); not letters, nor words that open with a capital, nor Latin
    words in capitals: names, brands, initials and tags in Latin letters fill Kazakh news
    (Tengizchevroil, North Caspian Operating Company және Karachaganak өкілдері; NASDAQ, LSE және
    KASE; LIVE: Тоқаев Ақордада). A text with none of them (a name, an English heading in
    capitals) is judged by its letters. Links, e-mail addresses, sites, file names, markup and a
    document's placeholders ({a}, {count}, %(name)s) count for neither language. ``confidence`` is
    the share of the deciding words (or letters) that speak for ``lang``."""
    spans = address_spans(text, sites=True)
    if spans:
        text = "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))
    text = _PLACEHOLDER.sub(" ", text)
    lower = [w for w in _WORD.findall(text) if len(w) > 1 and (w.islower() or (w.isupper() and _CYRILLIC.search(w)))]
    if lower:
        cyrillic = sum(bool(_CYRILLIC.search(w)) for w in lower) / len(lower)
    else:
        letters = [c for c in text if c.isalpha()]
        if not letters:
            return Detection("en", 0.0)
        cyrillic = sum(bool(_CYRILLIC.match(c)) for c in letters) / len(letters)
    if cyrillic >= 0.5:
        return Detection("kk", round(100 * cyrillic, 1))
    if latin.detect(text) is not None:
        return Detection("kk", round(100 * (1 - cyrillic), 1))
    return Detection("en", round(100 * (1 - cyrillic), 1))


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_PLACEHOLDER = re.compile(r"\{/?[A-Za-z_][A-Za-z0-9_]*\}|%\(\w+\)[a-z]|%[sd]|</?[A-Za-z][^<>]*>")


__all__ = ["Detection", "detect_language"]
