"""Presence: the one definition of "this rendering is in this target".

Decoding (the transformers processor's bookkeeping aside, which works on tokens), forcing, the
repair, ``finalize``'s term statuses, the terms check and the writers all ask here, so one sentence
gets one verdict.

A rendering is **present** at a word start with anything glued after it: English 's and plurals,
Kazakh case endings (Байқоңырда), and Kazakh forms in which the stem's last consonant is voiced
(Бәйтерек → Бәйтерегі, found with the glossary's inflection matcher). The span runs to the end of
the word. Both decoders (the transformers processor, CTranslate2 prefix forcing) count a rendering
as placed once its tokens are written, whatever the model glues after it, so this is the
definition all of them can guarantee; the reviewer sees the whole word in the draft. An
abbreviation (UN, АҚШ) counts only in its own capitals with an ending or a hyphen after it:
"Unyted" holds no UN.

A rendering is **present in a derived form** when the target uses the name's adjective or a derived
word instead (China → the Chinese mainland, Панама → панамалық, Мальдив аралдары → Мальдив тілі) or
keeps the source's own spelling (Washington Capitals in a Kazakh draft). Such a use satisfies the
term; it is located so that writers can point at it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional, Sequence

from kkaligner.glossary.matcher import KazakhIndex, Pattern
from kkaligner.lang import is_kazakh
from kkaligner.lang.kazakh import all_suffixes
from kkaligner.lang.spelling import near_spelling, ratio
from kkaligner.lang.translit import plain
from kkaligner.types import Constraint, Span, Term


@lru_cache(maxsize=4096)
def word_re(option: str) -> "re.Pattern[str]":
    """``option`` at a word start, case-insensitive."""
    return re.compile(r"(?<!\w)" + re.escape(option), re.IGNORECASE)


@lru_cache(maxsize=4096)
def kazakh_index(lemma: str) -> KazakhIndex:
    """The glossary's inflection matcher for one Kazakh rendering."""
    return KazakhIndex([Pattern(lemma, Term(source=lemma, target=lemma))])


def word_end(text: str, end: int) -> int:
    """Where the word that runs through ``end`` ends (letters, digits, apostrophes, hyphens)."""
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return end


# What may follow an abbreviation in its word: English 's and plural s, a hyphen or an apostrophe
# and then anything (АҚШ-тың, NATO's); a Kazakh case ending.
_ABBREVIATION_TAILS = frozenset({"s", "'s", "’s"})


def _abbreviation(option: str) -> bool:
    """An acronym (UN, USA, НАТО, АҚШ): all capitals, at most six letters. Such a rendering counts
    only in its own capitals and not inside a longer word ("Unyted" is no UN)."""
    letters = [c for c in option if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters)


def _abbreviation_at(text: str, start: int, end: int, option: str, lang: str) -> bool:
    if text[start:end] != option:
        return False
    tail = text[end : word_end(text, end)]
    if not tail or tail[0] in "-'’" or tail in _ABBREVIATION_TAILS:
        return True
    return is_kazakh(lang) and tail.casefold() in all_suffixes()


def rendering_spans(text: str, option: str, lang: str) -> list[Span]:
    """Spans (to the end of the word) where the rendering ``option`` is present in ``text``."""
    if not option.strip():
        return []
    low, lowered = option.lower(), text.lower()
    spans: list[Span] = []
    abbreviation = _abbreviation(option)
    if low in lowered:
        for m in word_re(option).finditer(text):
            if abbreviation and not _abbreviation_at(text, m.start(), m.end(), option, lang):
                continue
            spans.append((m.start(), word_end(text, m.end())))
    if is_kazakh(lang) and low[:-1] in lowered:  # only the last letter of a stem changes (к → г)
        for m in kazakh_index(option).find(text, case_evidence=False):
            spans.append((m.start, word_end(text, m.end)))
    return spans


def _disjoint(spans: list[Span]) -> list[Span]:
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[Span] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def occurrences(text: str, constraint: Constraint, lang: str = "en") -> list[Span]:
    """Non-overlapping spans of ``constraint``'s renderings present in ``text``, in order."""
    spans: list[Span] = []
    for option in constraint.options:
        spans += rendering_spans(text, option, lang)
    return _disjoint(spans)


def satisfies(text: str, constraint: Constraint, lang: str = "en") -> Optional[Span]:
    """Span of the first rendering of ``constraint`` present in ``text``, or None."""
    spans = occurrences(text, constraint, lang)
    return spans[0] if spans else None


def satisfied_count(text: str, constraints: Sequence[Constraint], lang: str = "en") -> int:
    """How many of ``constraints`` ``text`` satisfies, counting a rendering required twice twice."""
    need = Counter(constraints)
    return sum(min(n, len(occurrences(text, c, lang))) for c, n in need.items())


def missing_forceable(
    text: str, constraints: Sequence[Constraint], unforceable: Sequence[str] = (), lang: str = "en"
) -> bool:
    """Whether ``text`` holds a constraint's rendering fewer times than required, leaving out those
    whose rendering (``options[0]``) is in ``unforceable``."""
    for constraint, need in Counter(constraints).items():
        if constraint.options and constraint.options[0] in unforceable:
            continue
        if len(occurrences(text, constraint, lang)) < need:
            return True
    return False


# --- derived forms ----------------------------------------------------------------------------------

# English adjectives and demonyms of place names ("the Chinese mainland", "the Afghan constitution"):
# a translation may use them where Kazakh puts the bare name attributively (Қытай материгі). Regular
# ones are the name minus one of _NAME_ENDINGS plus one of _ADJ_ENDINGS; the irregular ones are
# listed (English usage, e.g. Wikipedia "List of adjectival and demonymic forms of place names").
_NAME_ENDINGS = ("istan", "stan", "ia", "um", "a", "y", "e", "ey", "")
_ADJ_ENDINGS = ("", "n", "an", "ian", "ese", "i", "ish", "ic", "ean", "er", "ers", "ans", "s")
IRREGULAR_ADJECTIVES = {
    "france": ("french",), "netherlands": ("dutch",), "switzerland": ("swiss",), "greece": ("greek",),
    "united kingdom": ("british", "uk", "u.k."), "britain": ("british",), "ireland": ("irish",),
    "united states": ("american", "americans"), "iraq": ("iraqi",), "thailand": ("thai",),
    "philippines": ("filipino", "philippine"), "denmark": ("danish",), "sweden": ("swedish",),
    "finland": ("finnish",), "poland": ("polish",), "norway": ("norwegian",), "wales": ("welsh",),
    "scotland": ("scottish",), "new zealand": ("new zealander",), "peru": ("peruvian",),
}
# Generic head nouns of Kazakh geographic and administrative names (X аралдары "X Islands", X
# облысы "X Region"): the name without them still names the place.
KAZAKH_HEADS = frozenset({
    "аралдары", "аралы", "республикасы", "штаты", "облысы", "қаласы", "өзені", "көлі", "тауы",
    "таулары", "мұхиты", "теңізі", "шығанағы", "түбегі", "ауданы", "провинциясы", "шөлі", "жотасы",
    "президенті", "үкіметі", "парламенті",
})
# Kazakh adjective and people suffixes after a name's stem (жапон+дық, жапон+дар, неміс+ше).
_KK_DERIVED = r"(?:[дтл][ыі]қ|[дтл][ыі]к|[дтл][ае]р|ш[ае])"
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z.'’\-]*[A-Za-z.]|[A-Za-z]")


def _search(pattern: str, text: str) -> Optional[Span]:
    m = re.search(pattern, text)
    return None if m is None else (m.start(), word_end(text, m.start() + 1))


def derived_span(text: str, constraint: Constraint, lang: str, source_surface: str = "") -> Optional[Span]:
    """The span of a derived use of ``constraint``'s rendering in ``text`` (see module doc), or None.

    ``source_surface`` is the term's form in the source sentence, kept as is in some translations.
    """
    folded = text.casefold()  # length-preserving for the scripts compared here
    forms = {o.casefold() for o in constraint.options if o.strip()}
    if is_kazakh(lang):
        for f in forms:
            stem = f[:-1] if f[-1:] in "кқп" else f  # Бәйтерек -> Бәйтерегі, in any letter case
            found = _search(rf"(?<!\w){re.escape(stem)}", folded)
            if found:
                return found
            # Мальдив аралдары -> Мальдив тілі: a generic head noun is left out when the name
            # stands before another noun
            words = f.split()
            if len(words) >= 2 and words[-1] in KAZAKH_HEADS and len(" ".join(words[:-1])) >= 4:
                found = _search(rf"(?<!\w){re.escape(' '.join(words[:-1]))}", folded)
                if found:
                    return found
            # Жапония -> жапондық, жапондар: names in -ия drop it before -дық/-лық/-дар
            if f.endswith("ия") and len(f) >= 6 and " " not in f:
                found = _search(rf"(?<!\w){re.escape(f[:-2])}{_KK_DERIVED}", folded)
                if found:
                    return found
    else:
        words = {}
        for w in _EN_WORD.finditer(folded):
            words.setdefault(w.group(), (w.start(), w.end()))
            words.setdefault(w.group().strip("."), (w.start(), w.end()))
        for f in forms:
            found = _search(rf"(?<!\w){re.escape(f)}(?!\w)", folded)
            if found:
                return found
            for adj in IRREGULAR_ADJECTIVES.get(f, ()):
                if adj in words:
                    return words[adj]
            if " " in f:
                continue
            for ending in _NAME_ENDINGS:
                if ending and not f.endswith(ending):
                    continue
                stem = f[: len(f) - len(ending)] if ending else f
                if len(stem) < 3:
                    continue
                for a in _ADJ_ENDINGS:
                    if stem + a in words:
                        return words[stem + a]
    kept = source_surface.split("'")[0].split("’")[0]
    if kept.strip():
        m = re.search(rf"(?<!\w){re.escape(kept)}(?!\w)", text)
        if m:  # the name kept in the source's spelling (Washington Capitals in Kazakh)
            return (m.start(), m.end())
    return None


# --- near spellings ---------------------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def near_span(text: str, constraint: Constraint, lang: str) -> Optional[tuple[int, int, int]]:
    """A rendering of ``constraint`` spelt slightly differently in ``text`` (``near_spelling``):
    ``(start, end, stem end)`` of the closest one, or None.

    Compared over as many words as the rendering has; in Kazakh the target word may be inflected,
    so its prefixes of about the rendering's length are compared too.
    """
    words = list(_NAME_WORD.finditer(text))
    best = None
    for form in {o.casefold() for o in constraint.options if o.strip()}:
        n = len(form.split())
        for k in range(len(words) - n + 1):
            a, b = words[k].start(), words[k + n - 1].end()
            cand = text[a:b].casefold()
            ends = [len(cand)]
            if is_kazakh(lang):
                ends += [e for e in range(len(form) - 2, len(form) + 3) if 0 < e < len(cand)]
            for e in ends:
                if near_spelling(cand[:e], form):
                    r = ratio(plain(form), plain(cand[:e]))
                    if best is None or r > best[0]:
                        best = (r, a, b, a + e)
    return None if best is None else best[1:]


# --- the approved form ------------------------------------------------------------------------------


def rendering(term: Term, target_lang: str) -> str:
    """The approved form of ``term`` in a ``target_lang`` draft: the rendering for a draft in the
    entry's target language, the lemma for the other direction (a kk→en entry used en→kk), the
    source form itself for do-not-translate entries."""
    if term.dnt:
        return term.source
    if term.target_lang != target_lang and term.source_lang == target_lang:
        return term.source
    return term.target


def source_form(term: Term, target_lang: str) -> str:
    """The form of ``term`` in the source of a ``target_lang`` draft (the other side of ``rendering``)."""
    if term.target_lang != target_lang and term.source_lang == target_lang:
        return term.target
    return term.source


__all__ = [
    "occurrences",
    "satisfies",
    "satisfied_count",
    "missing_forceable",
    "rendering_spans",
    "derived_span",
    "near_span",
    "rendering",
    "source_form",
    "word_end",
    "word_re",
    "kazakh_index",
]
