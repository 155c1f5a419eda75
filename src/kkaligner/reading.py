"""Kazakh written in the Latin alphabet, read in Cyrillic and mapped back.

Kazakh is written in Cyrillic, in the 2021 Latin alphabet, and in the 2017/2018 ones with
apostrophes or acute accents (``kkaligner.lang.latin``). The glossary, the splitter's rules and the
translation models know Cyrillic Kazakh, so a Latin-script Kazakh document is read in Cyrillic for
all of them, and every sentence and span of the result is mapped back to the document as written:
the draft keeps the source's own letters, and a ``latin-source`` finding says what was done.
"""

from __future__ import annotations

import dataclasses
from typing import Optional

from kkaligner.lang import is_kazakh
from kkaligner.lang.latin import Transliteration, detect, to_cyrillic_with_map
from kkaligner.split import separators
from kkaligner.types import Draft, Finding, Match, Span


def read(text: str, lang: str) -> Optional[Transliteration]:
    """``text`` read in Cyrillic when it is Kazakh (``lang``) written in a Latin alphabet, else None."""
    if not is_kazakh(lang):
        return None
    alphabet = detect(text)
    return to_cyrillic_with_map(text, alphabet) if alphabet else None


def _span(reading: Transliteration, base: int, span: Optional[Span], new_base: int) -> Optional[Span]:
    if span is None:
        return None
    a, b = reading.source_span(base + span[0], base + span[1])
    return (a - new_base, b - new_base)


def map_matches(reading: Transliteration, matches: list[Match]) -> list[Match]:
    """Matches found in ``reading.text`` as spans of the text as written."""
    out = []
    for m in matches:
        a, b = reading.source_span(m.start, m.end)
        out.append(dataclasses.replace(m, start=a, end=b, surface=reading.source[a:b]))
    return out


def note(reading: Transliteration, side: str = "source") -> Finding:
    """The document-level finding that says the text was read from the Latin alphabet."""
    return Finding(
        "latin-source" if side == "source" else "latin-target",
        "info",
        f"the {side} is Kazakh in the {reading.alphabet} Latin alphabet: it was read in Cyrillic for "
        "the glossary, the checks and the model; the draft shows it as written.",
    )


def map_source(draft: Draft, reading: Transliteration) -> Draft:
    """``draft`` (made from ``reading.text``) with its sources, spans and layout in the document as
    written (``reading.source``)."""
    original = reading.source
    sentences = []
    starts = {}
    for s in draft.sentences:
        a, b = reading.source_span(s.start, s.end)
        starts[s.index] = (s.start, a)
        terms = []
        for u in s.terms:
            span = _span(reading, s.start, u.source_span, a)
            terms.append(dataclasses.replace(u, source_span=span, surface=original[a + span[0] : a + span[1]]))
        sentences.append(dataclasses.replace(s, source=original[a:b], start=a, end=b, terms=tuple(terms)))
    findings = []
    for f in draft.findings:
        if f.sentence is not None and f.source_span is not None and f.sentence in starts:
            base, new_base = starts[f.sentence]
            f = dataclasses.replace(f, source_span=_span(reading, base, f.source_span, new_base))
        findings.append(f)
    findings.insert(0, note(reading))
    return dataclasses.replace(
        draft, source_text=original, sentences=tuple(sentences), separators=separators(original, sentences),
        findings=tuple(findings),
    )


__all__ = ["read", "map_source", "map_matches", "note"]
