"""Which of kkaligner's languages a text is in: Kazakh (Cyrillic or Latin letters) or English.

A two-way choice, not a general identifier: the server's ``source=auto`` and ``/detect`` need no
more. Kazakh in Cyrillic is told by its script; Kazakh in Latin letters by ``latin.detect``.
"""

from __future__ import annotations

from typing import NamedTuple

from kkaligner.lang import latin
from kkaligner.lang.web import address_spans


class Detection(NamedTuple):
    lang: str
    confidence: float
    """Share of the text's letters that speak for ``lang``, 0-100 (LibreTranslate's scale)."""


def detect_language(text: str) -> Detection:
    """``kk`` when most letters are Cyrillic or the Latin letters spell Kazakh, else ``en``; the
    letters of links, e-mail addresses, sites and file names count for neither."""
    spans = address_spans(text, sites=True)
    if spans:
        text = "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(text)]))
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return Detection("en", 0.0)
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
    if cyrillic >= 0.5:
        return Detection("kk", round(100 * cyrillic, 1))
    if latin.detect(text) is not None:
        return Detection("kk", round(100 * (1 - cyrillic), 1))
    return Detection("en", round(100 * (1 - cyrillic), 1))


__all__ = ["Detection", "detect_language"]
