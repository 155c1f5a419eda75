"""Repair: the model's own spellings of a required rendering replaced by the rendering, once.

``repair_text`` runs in one place, ``finalize``; the engines only ask (read-only, through
``SentenceTerms``) whether a hypothesis would satisfy its terms once repaired. Three passes:

1. ``substitute_variants``: a forbidden variant the model wrote (Baykonur where the glossary
   forbids it) becomes the approved rendering, where the alignment is unambiguous;
2. ``substitute_near``: a word that is another spelling of a missing one-word rendering
   (``lang.spelling.near_spelling``) becomes the rendering;
3. ``substitute_transliterated``: a word that reads like the term's *source* name
   (``NameLikeness``: Baykonur for Байқоңыр when the glossary says Tyuratam) becomes the rendering,
   in the replaced word's Kazakh case form for Kazakh drafts.

What is glued after a replaced word ('s, Kazakh endings) stays.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

from kkaligner.lang import is_kazakh
from kkaligner.lang.kazakh import DEVOICE, inflect, kazakh_forms, split_ending
from kkaligner.lang.script import CYRILLIC_NAME, LATIN_NAME
from kkaligner.lang.spelling import (
    NAME_LIKENESS,
    is_demonym_of,
    name_similarity,
    near_variant,
)
from kkaligner.terms.presence import occurrences, word_end, word_re
from kkaligner.types import Constraint


def _forbidden_spans(text: str, variant: str) -> list[tuple[int, int, int]]:
    """(start, end of the variant, end of its word) of ``variant`` at word starts in ``text``."""
    return [(m.start(), m.end(), word_end(text, m.end())) for m in word_re(variant).finditer(text)]


def substitute_variants(text: str, constraints: Sequence[Constraint], lang: str = "en") -> tuple[str, list]:
    """Replace forbidden variants of ``constraints`` with the approved rendering (the repair pass).

    A variant is replaced only when the alignment is unambiguous: it is a forbidden variant of one
    rendering only, and not part of an accepted rendering (a forbidden "Baikonur" inside the required
    "Baikonur Cosmodrome" stays). What is glued after it (Baykonur's, Байконырда) is kept. Returns the
    new text and ``[(span in the new text, constraint), ...]`` for each replacement.
    """
    lowered = text.lower()
    if not any(v.strip() and v.lower() in lowered for c in constraints for v in c.forbidden):
        return text, []  # the common case: nothing to replace
    owners: dict[str, set] = {}
    for c in constraints:
        for variant in c.forbidden:
            if variant.strip():
                owners.setdefault(variant.casefold(), set()).add(c.options)
    protected = [span for c in constraints for span in occurrences(text, c, lang)]
    edits = []  # (start, end, replacement, constraint)
    for c in constraints:
        if not c.options:
            continue
        for variant in c.forbidden:
            if not variant.strip() or len(owners.get(variant.casefold(), ())) != 1:
                continue
            if any(o.casefold().startswith(variant.casefold()) for o in c.options):
                continue  # the variant begins an accepted rendering: replacing it would garble that
            for start, end, _ in _forbidden_spans(text, variant):
                if any(a <= start < b for a, b in protected):
                    continue
                if any(not (end <= s or start >= e) for s, e, _, _ in edits):
                    continue
                edits.append((start, end, c.options[0], c))
    if not edits:
        return text, []
    edits.sort(key=lambda e: e[0])
    out, done, cursor, shift = [], [], 0, 0
    for start, end, repl, c in edits:
        out.append(text[cursor:start])
        out.append(repl)
        new_start = start + shift
        shift += len(repl) - (end - start)
        done.append(((new_start, word_end("".join(out) + text[end:], new_start + len(repl))), c))
        cursor = end
    out.append(text[cursor:])
    return "".join(out), done


_WORD = re.compile(r"[^\W_]+")


def substitute_near(text: str, constraints: Sequence[Constraint], lang: str = "en") -> tuple[str, list]:
    """Replace the model's own spellings of missing one-word renderings (the repair pass, second part).

    For each constraint found fewer times than required, words that are ``near_variant``s of one of
    its one-word renderings are replaced by it, in order, until it is there as often as required.
    Words that are a rendering of any constraint of the sentence are never touched. Returns the new
    text and ``[(span in the new text, constraint), ...]``. The transformers processor counts such a
    word as the term while decoding (``tokens.SentenceTokens.near``) with the same test, so what it
    counted is what this replaces.
    """
    if not constraints:
        return text, []
    done = []
    for constraint, need in Counter(constraints).items():
        singles = [o for o in constraint.options if o.strip() and " " not in o.strip()]
        if not singles:
            continue
        have = len(occurrences(text, constraint, lang))
        if have >= need:
            continue
        renderings = {o.casefold() for c in constraints for o in c.options}
        pos = 0
        while have < need:
            hit = None
            for m in _WORD.finditer(text, pos):
                if m.group().casefold() in renderings:
                    continue
                option = next((o for o in singles if near_variant(m.group(), o)), None)
                if option is not None:
                    hit = (m.start(), m.end(), option)
                    break
            if hit is None:
                break
            start, end, option = hit
            text = text[:start] + option + text[end:]
            done.append(((start, word_end(text, start + len(option))), constraint))
            pos = start + len(option)
            have += 1
    return text, done


def _word_start_at(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def source_spans(source: str, lemma: str) -> list[tuple[int, int]]:
    """Character spans of ``lemma``'s occurrences in ``source``, inflected forms included.

    Kazakh inflection appends suffixes and may voice a stem-final consonant (кітап → кітабы), so
    the lemma is searched first whole, then by ever shorter prefixes (down to 60% of it, at least
    three letters), always at a word start; a span runs to the end of the word it starts.
    """
    lemma = lemma.strip()
    if not lemma:
        return []
    low = source.casefold()
    target = lemma.casefold()
    shortest = min(len(target), max(3, math.ceil(0.6 * len(target))))
    for n in range(len(target), shortest - 1, -1):
        stem = target[:n]
        spans = []
        for m in re.finditer(re.escape(stem), low):
            if not _word_start_at(low, m.start()):
                continue
            end = m.end()
            while end < len(source) and (source[end].isalnum() or source[end] in "-'’"):
                end += 1
            spans.append((m.start(), end))
        if spans:
            return spans
    return []



def _source_lemma(source: str, constraint: Constraint) -> Optional[str]:
    """The side of ``constraint``'s glossary entry that ``source`` holds (either side, as a kk→en entry
    also serves en→kk), as one word; None when it holds none or the name has several words."""
    term = constraint.term
    if term is None:
        return None
    options = {o.casefold() for o in constraint.options}
    for lemma in (term.source, term.target, *term.alternatives):
        lemma = lemma.strip()
        if lemma and " " not in lemma and lemma.casefold() not in options and source_spans(source, lemma):
            return lemma
    return None


@dataclass(frozen=True)
class NameLikeness:
    """How to tell a target word that spells the source's ``lemma`` the model's own way.

    A word matches when it is a name (a capitalised word in the target's script), its Latin
    spelling (Kazakh letters transliterated; for a Kazakh target its ending set aside) has a
    similarity >= NAME_LIKENESS to ``lemma``'s (``lang.spelling.name_similarity``), it reads more like
    ``lemma`` than like any of ``others`` (the source's other names), and it does not begin with one
    of ``renderings`` (the sentence's required renderings, casefolded: such a word is one of them).
    The test looks at one word only, so the transformers engine can count such a word as the term
    while decoding and the repair replaces the words it counted (in order, as many as are missing).
    """

    lemma: str
    others: frozenset
    kazakh: bool = False
    renderings: tuple = ()

    def matches(self, word: str) -> bool:
        low = word.casefold()
        if any(low.startswith(r) for r in self.renderings):
            return False
        return _reads_as(word, self.lemma, self.others, self.kazakh, NAME_LIKENESS)



@lru_cache(maxsize=65536)
def _reads_as(word: str, lemma: str, others: frozenset, kazakh: bool, least: float) -> bool:
    if not (CYRILLIC_NAME if kazakh else LATIN_NAME).fullmatch(word):
        return False
    if not kazakh:
        if is_demonym_of(word, lemma):  # Polish, Belgians: the adjective, not the name
            return False
    key = split_ending(word)[0] if kazakh else word
    score = name_similarity(lemma, key)
    return score >= least and all(name_similarity(other, key) < score for other in others)


def name_likeness(
    source: str, constraint: Constraint, lang: str = "en", constraints: Sequence[Constraint] = ()
) -> Optional[NameLikeness]:
    """The ``NameLikeness`` for ``constraint``'s name in ``source`` (``lang``: the target language;
    ``constraints``: all of the sentence's, whose renderings are never taken for a spelling), or
    None when its rendering or its name in the source is not one word."""
    if not source or not any(o.strip() and " " not in o.strip() for o in constraint.options):
        return None
    lemma = _source_lemma(source, constraint)
    if lemma is None:
        return None
    kazakh = is_kazakh(lang)
    own = source_spans(source, lemma)
    others = frozenset(
        m.group() if kazakh else split_ending(m.group())[0]
        for m in (LATIN_NAME if kazakh else CYRILLIC_NAME).finditer(source)
        if not any(a <= m.start() < b for a, b in own)
    )
    renderings = tuple(sorted({o.strip().casefold() for c in (constraint, *constraints) for o in c.options if o.strip()}))
    return NameLikeness(lemma, others, kazakh, renderings)


# A word as the decoder sees one: the letters and digits from a word start (after a space or
# punctuation, not inside a hyphenated or apostrophed word) up to the first other character; not
# the first part of a hyphenated compound (Алма-Ата), which is no name on its own.
_WORD_AT_START = re.compile(r"(?<![\w\-'’])[^\W_]+(?![^\W_])(?!-\w)")


def substitute_transliterated(
    text: str, source: str, constraints: Sequence[Constraint], lang: str = "en"
) -> tuple[str, list]:
    """Replace the model's own spelling of a name whose rendering is missing (the repair's third part).

    A model that writes Байқоңыр as "Baykonur" under a glossary that says "Tyuratam" has put the
    name where it belongs, in its own spelling, which no forbidden list and no likeness to the
    rendering reveals; its likeness to the source name does (``NameLikeness``). For each one-word
    rendering found fewer times than required whose name is one word in ``source``, the words that
    read like that name are replaced by the rendering, in order, until it is there as often as
    required. Words within a rendering of a constraint are never touched; what is glued after the
    word ('s, -Leninsk) stays. For a Kazakh target the rendering takes the replaced word's form
    (Байтеректің → Бәйтеректің). Returns the new text and ``[(span in the new text, constraint), ...]``.
    """
    if not constraints or not source:
        return text, []
    kazakh = is_kazakh(lang)
    done: list = []
    for constraint, need in Counter(constraints).items():
        singles = [o for o in constraint.options if o.strip() and " " not in o.strip()]
        have = len(occurrences(text, constraint, lang))
        if not singles or have >= need:
            continue
        likeness = name_likeness(source, constraint, lang, constraints)
        if likeness is None:
            continue
        pos = 0
        while have < need:
            protected = [span for c in constraints for span in occurrences(text, c, lang)]
            hit = next(
                (
                    m
                    for m in _WORD_AT_START.finditer(text, pos)
                    if not any(a <= m.start() < b for a, b in protected) and likeness.matches(m.group())
                ),
                None,
            )
            if hit is None:
                break
            option = _same_form(singles[0], hit.group()) if kazakh else singles[0]
            start, end = hit.start(), hit.end()
            text = text[:start] + option + text[end:]
            shift = len(option) - (end - start)
            # spans recorded further right moved with this edit
            done = [((a + shift, b + shift) if a > start else (a, b), c) for (a, b), c in done]
            done.append(((start, word_end(text, start + len(option))), constraint))
            pos = start + len(option)
            have += 1
    return text, done


def _same_form(lemma: str, word: str) -> str:
    """``lemma`` inflected as the Kazakh ``word`` is (Бәйтерек, Байтерегінде → Бәйтерегінде);
    ``lemma`` itself when ``word`` is not a form the grammar knows. Of the ways to cut ``word`` into
    a stem and an ending, the one whose stem reads most like ``lemma`` wins: the word is another
    spelling of the same name (Стамбұл-дың, not Стамбұлд-ың)."""
    low = word.casefold()
    best = None
    for k in range(3, len(word) + 1):
        base = word[:k]
        for stem in {base, base[:-1] + DEVOICE.get(base[-1:].casefold(), base[-1:])}:
            analysis = next((a for form, a in kazakh_forms(stem) if form.casefold() == low), None)
            if analysis is not None:
                key = (name_similarity(stem, lemma), k)
                if best is None or key > best[0]:
                    best = (key, analysis)
    if best is None or not best[1]:
        return lemma
    try:
        return inflect(lemma, best[1])
    except KeyError:
        return lemma


def repair_text(
    text: str, constraints: Sequence[Constraint], lang: str = "en", source: Optional[str] = None
) -> tuple[str, list]:
    """``substitute_variants``, ``substitute_near``, then (given the ``source`` sentence)
    ``substitute_transliterated``: the text and the spans the repair put in."""
    text, first = substitute_variants(text, constraints, lang)
    text, second = substitute_near(text, constraints, lang)
    if first and second:  # spans of the first pass moved with the second's edits: find them again
        first = [(span, c) for c in {c for _, c in first} for span in occurrences(text, c, lang)]
    done = first + second
    if source:
        text, third = substitute_transliterated(text, source, constraints, lang)
        if third and done:  # earlier spans moved with these edits: find them all again
            done = [(span, c) for c in {c for _, c in done + third} for span in occurrences(text, c, lang)]
        else:
            done += third
    return text, done




@lru_cache(maxsize=8192)
def _repaired(text: str, constraints: tuple, lang: str, source: Optional[str]) -> str:
    return repair_text(text, constraints, lang, source)[0]


def repaired(text: str, constraints: Sequence[Constraint], lang: str = "en", source: Optional[str] = None) -> str:
    """``text`` as the repair will leave it (read-only: what the engines ask while decoding)."""
    if not constraints:
        return text
    return _repaired(text, tuple(constraints), lang, source)


__all__ = [
    "repair_text",
    "repaired",
    "substitute_variants",
    "substitute_near",
    "substitute_transliterated",
    "NameLikeness",
    "name_likeness",
    "source_spans",
]
