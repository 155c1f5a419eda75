"""Finding renderings (and their variants) in English text.

A pattern matches word-bounded (tokens are maximal runs of letters or digits), in any case unless
the entry is case-sensitive (a capitalised name still needs its capital: Turkey is not turkey), with
an optional plural on the last word (Baiterek -> Baitereks, -es, y -> ies) and an optional
possessive after it (Baikonur's, Baikonur’s, the Nazarbayevs').
Like the Kazakh matcher it tokenises once and looks patterns up by their first token.
"""

from __future__ import annotations

from typing import Iterable

from kkaligner.glossary.matcher import Pattern, _resolve, _sep_kind, _sep_ok, tokenize
from kkaligner.lang.casing import fold
from kkaligner.types import Match

_APOSTROPHES = frozenset("'’")


def _plurals(word: str) -> tuple[str, ...]:
    """English plural spellings of a (folded) last word that a name can take."""
    if not word or word.isdigit():
        return ()
    out = [word + "s", word + "es"]
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        out.append(word[:-1] + "ies")
    return tuple(out)


class EnglishIndex:
    """Index of patterns matched in English (or other uninflected Latin-script) text."""

    def __init__(self, patterns: Iterable[Pattern]):
        # first token (or its plural, for one-token patterns) -> [(rec, plural_used)]
        self._first: dict[str, list[tuple[tuple, bool]]] = {}
        for order, p in enumerate(patterns):
            original = p.text.strip()
            folded = fold(original)
            spans = tokenize(folded)
            if not spans:
                continue
            toks = tuple(folded[s:e] for s, e in spans)
            seps = tuple(_sep_kind(folded[spans[i][1] : spans[i + 1][0]]) for i in range(len(spans) - 1))
            origs = tuple(original[s:e] for s, e in spans)
            cap = original[:1].isupper()
            rec = (p, toks, seps, origs, cap, order)
            self._first.setdefault(toks[0], []).append((rec, False))
            if len(toks) == 1:
                for pl in _plurals(toks[0]):
                    self._first.setdefault(pl, []).append((rec, True))
        for lst in self._first.values():
            lst.sort(key=lambda r: (-len(r[0][1]), r[0][5]))

    def find(self, text: str, lang: str = "en") -> list[Match]:
        if not self._first or not text:
            return []
        folded = fold(text)
        spans = tokenize(folded)
        first = self._first
        n = len(spans)
        cands = []
        for i in range(n):
            s, e = spans[i]
            entries = first.get(folded[s:e])
            if not entries:
                continue
            for rec, plural in entries:
                got = self._complete(rec, plural, text, folded, spans, i)
                if got is not None:
                    cands.append(got)
        return _resolve(cands, text, lang)

    @staticmethod
    def _complete(rec, plural, text, folded, spans, i):
        p, toks, seps, origs, cap, _order = rec
        n = len(toks)
        if i + n > len(spans):
            return None
        suffix = ""
        for j in range(n):
            s, e = spans[i + j]
            w = folded[s:e]
            if j > 0 and not _sep_ok(seps[j - 1], folded[spans[i + j - 1][1] : s]):
                return None
            last = j == n - 1
            if w != toks[j]:
                if not last or not (plural or n > 1) or w not in _plurals(toks[j]):
                    return None
            if p.case_sensitive and text[s : s + len(origs[j])] != origs[j]:
                return None
        start, end = spans[i][0], spans[i + n - 1][1]
        if not p.case_sensitive and cap and not text[start].isupper():
            return None
        lw_len = len(toks[-1])
        if end - spans[i + n - 1][0] > lw_len:
            suffix = text[spans[i + n - 1][0] + lw_len : end]
        # possessive: 's / ’s, or a bare apostrophe after s
        if end < len(text) and text[end] in _APOSTROPHES:
            if end + 2 <= len(text) and folded[end + 1] == "s" and (
                end + 2 == len(text) or not text[end + 2].isalnum()
            ):
                suffix += text[end : end + 2]
                end += 2
            elif folded[end - 1] == "s" and (end + 1 == len(text) or not text[end + 1].isalnum()):
                suffix += text[end]
                end += 1
        return (start, end, (0, _order), p, suffix)


__all__ = ["EnglishIndex"]
