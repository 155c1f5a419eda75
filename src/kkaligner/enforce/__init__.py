"""Glossary enforcement: from source matches to constraints, and from hypotheses to a final target.

The pipeline calls two functions around the engine:

1. ``plan(sources, glossary, source_lang, target_lang)`` finds the glossary terms in each source
   sentence and turns them into ``Constraint``s (the renderings the translation must contain; an
   entry found by its English rendering in an English source requires its Kazakh lemma, in any
   inflected form);
2. the engine decodes with those constraints (``kkaligner.enforce.hf`` for transformers,
   ``kkaligner.enforce.ct2`` for CTranslate2; token tables shared in ``kkaligner.enforce.tokens``)
   and returns n-best hypotheses. A forbidden variant the model writes where the term belongs
   (its own spelling, Baykonur) counts as the term in decoding and is replaced by the rendering
   (``substitute_variants``) -- the model keeps the sentence it meant;
3. ``finalize(plans, hypotheses, ...)`` repairs variants left in the hypotheses, picks the
   hypothesis that satisfies most constraints, records where each term landed (``TermUse``),
   flags renderings the model's vocabulary cannot spell (``term-unforceable``) and makes the
   document consistent (``kkaligner.enforce.consistency``).

Checks of the finished draft (missing terms, forbidden variants, numbers...) are ``kkaligner.checks``'
business, not this module's: ``finalize`` only reports enforcement's own outcomes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional, Sequence

from kkaligner.types import Constraint, Finding, Hypothesis, Match, Term, TermUse

if TYPE_CHECKING:  # pragma: no cover
    from kkaligner.glossary import Glossary


@dataclass(frozen=True)
class SentencePlan:
    """What enforcement requires of one sentence.

    ``matches`` are the glossary matches in ``source`` (offsets into it); ``constraints[i]`` is the
    rendering required by ``matches[i]`` (one constraint per occurrence, so a term used twice is
    required twice).
    """

    source: str
    matches: tuple[Match, ...] = ()
    constraints: tuple[Constraint, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """The enforced result for one sentence: final ``target``, where terms landed, own findings."""

    target: str
    terms: tuple[TermUse, ...] = ()
    findings: tuple[Finding, ...] = ()
    score: Optional[float] = None
    unforceable: tuple[str, ...] = ()  # the chosen hypothesis's (``Hypothesis.unforceable``)


def _is_kazakh(lang: str) -> bool:
    return lang.lower().startswith("kk") or lang.lower() == "kaz"


def _reversed(term: Term, source_lang: str) -> bool:
    """Whether ``term`` is used against its direction (an kk→en entry found in an English source)."""
    return term.source_lang != source_lang and term.target_lang == source_lang


def constraint_for(match: Match, source_lang: str = "kk", target_lang: str = "en") -> Constraint:
    """The constraint a source match puts on the translation.

    An entry is used in both directions: found by its rendering in an English source (en→kk), it
    requires its Kazakh lemma, in any inflected form; its forbidden variants are English spellings
    and mean nothing in a Kazakh draft.
    """
    term = match.term
    if term.dnt:
        return Constraint(options=(term.source,), forbidden=tuple(term.forbidden), term=term)
    if _reversed(term, source_lang):
        return Constraint(options=(term.source,), term=term)
    options = tuple(o for o in dict.fromkeys((term.target, *term.alternatives)) if o.strip())
    return Constraint(options=options, forbidden=tuple(term.forbidden), term=term)


def plan(
    sources: Sequence[str],
    glossary: Optional["Glossary"],
    source_lang: str = "kk",
    target_lang: str = "en",
) -> list[SentencePlan]:
    """Match the glossary in the sentences of one document and derive the constraints."""
    if glossary is None or len(glossary) == 0:
        return [SentencePlan(source=s) for s in sources]
    plans = []
    # One document: its whole text is the evidence for sentence-initial capitals (see Glossary.match).
    for source, found in zip(sources, glossary.match_sentences(sources, lang=source_lang)):
        matches = tuple(found)
        constraints = tuple(constraint_for(m, source_lang, target_lang) for m in matches)
        plans.append(SentencePlan(source=source, matches=matches, constraints=constraints))
    return plans


# --- where a rendering stands in a target text -----------------------------------------------------


@lru_cache(maxsize=4096)
def _word_re(option: str) -> "re.Pattern[str]":
    return re.compile(r"(?<!\w)" + re.escape(option), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _kk_index(lemma: str):
    from kkaligner.glossary.matcher import KazakhIndex, Pattern

    term = Term(source=lemma, target=lemma)
    return KazakhIndex([Pattern(lemma, term)])


def _word_end(text: str, end: int) -> int:
    while end < len(text) and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return end


def occurrences(text: str, constraint: Constraint, lang: str = "en") -> list[tuple[int, int]]:
    """Non-overlapping spans of ``constraint``'s renderings in ``text``, in order.

    A rendering counts at a word start with anything glued after it: English 's and plurals,
    Kazakh case endings (Байқоңырда). Kazakh targets also accept the forms in which the stem's last
    consonant is voiced (Бәйтерек → Бәйтерегі), found with the glossary's inflection matcher. A
    span runs to the end of the word.
    """
    spans = []
    lowered = text.lower()  # prefilter: most hypotheses hold few of the options
    kazakh = _is_kazakh(lang)
    for option in constraint.options:
        if not option.strip():
            continue
        low = option.lower()
        if low in lowered:
            for m in _word_re(option).finditer(text):
                spans.append((m.start(), _word_end(text, m.end())))
        if kazakh and low[:-1] in lowered:  # only the last letter of a stem changes (к → г)
            for m in _kk_index(option).find(text):
                spans.append((m.start, _word_end(text, m.end)))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def satisfies(text: str, constraint: Constraint, lang: str = "en") -> Optional[tuple[int, int]]:
    """Span of the first rendering of ``constraint`` found in ``text`` (see ``occurrences``), or None."""
    spans = occurrences(text, constraint, lang)
    return spans[0] if spans else None


def satisfied_count(text: str, constraints: Sequence[Constraint], lang: str = "en") -> int:
    """How many of ``constraints`` ``text`` satisfies, counting a rendering required twice twice."""
    need = Counter(constraints)
    return sum(min(n, len(occurrences(text, c, lang))) for c, n in need.items())


def _forbidden_spans(text: str, variant: str) -> list[tuple[int, int, int]]:
    """(start, end of the variant, end of its word) of ``variant`` at word starts in ``text``."""
    return [(m.start(), m.end(), _word_end(text, m.end())) for m in _word_re(variant).finditer(text)]


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
        done.append(((new_start, _word_end("".join(out) + text[end:], new_start + len(repl))), c))
        cursor = end
    out.append(text[cursor:])
    return "".join(out), done


NEAR_RATIO = 0.75
"""Least similarity (difflib ratio, case-folded) of a word to a one-word rendering for the word to be
taken as the model's own spelling of it (Baykonur for Baikonur)."""


@lru_cache(maxsize=65536)
def near_variant(word: str, option: str) -> bool:
    """Whether ``word`` looks like another spelling of the one-word rendering ``option``.

    Same first letter, similar length (within a quarter, at least 2 letters), not the rendering
    itself, difflib ratio >= NEAR_RATIO; renderings under 5 letters are too short to tell.
    """
    w, o = word.casefold(), option.casefold()
    if len(o) < 5 or " " in o or w == o or not w or w[0] != o[0]:
        return False
    if abs(len(w) - len(o)) > max(2, len(o) // 4):
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, w, o).ratio() >= NEAR_RATIO


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
            done.append(((start, _word_end(text, start + len(option))), constraint))
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



TRANSLIT_MIN = 0.7
"""Least similarity (difflib ratio of the Latin spellings, ``consistency.similarity``) of a target
word to a glossary name in the source for the word to be taken as the model's own spelling of it."""


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
    similarity >= TRANSLIT_MIN to ``lemma``'s (``consistency.similarity``), it reads more like
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
        return _reads_as(word, self.lemma, self.others, self.kazakh, TRANSLIT_MIN)


# English adjective and demonym endings (Polish, Belgians, Italian, Taiwanese, Arctic): such a word
# reads like the country's name but is not the name, and replacing it would garble the sentence.
_DEMONYM_ENDINGS = ("ish", "ian", "ians", "an", "ans", "ese", "ic")


@lru_cache(maxsize=65536)
def _reads_as(word: str, lemma: str, others: frozenset, kazakh: bool, least: float) -> bool:
    from kkaligner.enforce.consistency import _CYR_NAME, _LAT_NAME, latin, similarity, split_ending

    if not (_CYR_NAME if kazakh else _LAT_NAME).fullmatch(word):
        return False
    if not kazakh:
        low, name = word.casefold(), latin(lemma)
        if any(low.endswith(e) and not name.endswith(e) for e in _DEMONYM_ENDINGS):
            return False
    key = split_ending(word)[0] if kazakh else word
    score = similarity(lemma, key)
    return score >= least and all(similarity(other, key) < score for other in others)


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
    from kkaligner.enforce.consistency import _CYR_NAME, _LAT_NAME, split_ending

    kazakh = _is_kazakh(lang)
    own = source_spans(source, lemma)
    others = frozenset(
        m.group() if kazakh else split_ending(m.group())[0]
        for m in (_LAT_NAME if kazakh else _CYR_NAME).finditer(source)
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
    kazakh = _is_kazakh(lang)
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
            done.append(((start, _word_end(text, start + len(option))), constraint))
            pos = start + len(option)
            have += 1
    return text, done


def missing_forceable(text: str, constraints: Sequence[Constraint], unforceable: Sequence[str] = (),
                      lang: str = "en") -> bool:
    """Whether ``text`` holds a constraint's rendering fewer times than required, leaving out those
    whose rendering (``options[0]``) is in ``unforceable``."""
    for constraint, need in Counter(constraints).items():
        if constraint.options and constraint.options[0] in unforceable:
            continue
        if len(occurrences(text, constraint, lang)) < need:
            return True
    return False


_DEVOICE = {"г": "к", "ғ": "қ", "б": "п"}


def _same_form(lemma: str, word: str) -> str:
    """``lemma`` inflected as the Kazakh ``word`` is (Бәйтерек, Байтерегінде → Бәйтерегінде);
    ``lemma`` itself when ``word`` is not a form the grammar knows. Of the ways to cut ``word`` into
    a stem and an ending, the one whose stem reads most like ``lemma`` wins: the word is another
    spelling of the same name (Стамбұл-дың, not Стамбұлд-ың)."""
    from kkaligner.enforce.consistency import similarity
    from kkaligner.glossary.forms import inflect, kazakh_forms

    low = word.casefold()
    best = None
    for k in range(3, len(word) + 1):
        base = word[:k]
        for stem in {base, base[:-1] + _DEVOICE.get(base[-1:].casefold(), base[-1:])}:
            analysis = next((a for form, a in kazakh_forms(stem) if form.casefold() == low), None)
            if analysis is not None:
                key = (similarity(stem, lemma), k)
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


def unforceable_finding(match: Match, constraint: Constraint) -> Finding:
    """The finding for a rendering the model's vocabulary cannot spell and the model did not write."""
    return Finding(
        code="term-unforceable",
        severity="error",
        message=(
            f"'{match.surface}' must be rendered '{constraint.options[0]}', but the model's vocabulary "
            "cannot spell it, so decoding could not force it; insert it by hand or use a model whose "
            "vocabulary covers its letters."
        ),
        source_span=(match.start, match.end),
        suggestion=constraint.options[0],
    )


def _pick(hyps: Sequence[Hypothesis], constraints: Sequence[Constraint], lang: str) -> int:
    """Index of the hypothesis satisfying most constraints; ties go to the model's order."""
    if len(hyps) == 1 or not constraints:
        return 0
    return max(range(len(hyps)), key=lambda i: (satisfied_count(hyps[i].text, constraints, lang), -i))


def finalize(
    plans: Sequence[SentencePlan],
    hypotheses: Sequence[Sequence[Hypothesis]],
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
    glossary: Optional["Glossary"] = None,
    repair: bool = True,
    consistent: bool = True,
) -> list[Outcome]:
    """Choose each sentence's target among its hypotheses and record term placement.

    Per sentence: forbidden variants are replaced by the approved rendering where that is
    unambiguous (``repair``); the hypothesis that satisfies most constraints wins (ties: the
    model's order); each source match gets the next unused occurrence of its rendering
    (``TermUse``: ``applied``, ``forced`` when the repair put it there, ``missing``). A missing
    rendering that an engine could not force yields a ``term-unforceable`` finding. Then, over the
    document (``consistent``), each source term keeps the first rendering it was given
    (``kkaligner.enforce.consistency``).
    """
    del glossary  # the plans carry the matched entries
    outcomes = []
    for plan_, hyps in zip(plans, hypotheses):
        if not hyps:
            outcomes.append(Outcome(target=""))
            continue
        repaired: list = []
        candidates = list(hyps)
        if repair and plan_.constraints:
            fixed = [repair_text(h.text, plan_.constraints, target_lang, source=plan_.source) for h in hyps]
            candidates = [dataclasses.replace(h, text=t) for (t, _), h in zip(fixed, hyps)]
        k = _pick(candidates, plan_.constraints, target_lang)
        best = candidates[k]
        if repair and plan_.constraints:
            repaired = [span for span, _ in fixed[k][1]]
        outcomes.append(_outcome(plan_, best, repaired, target_lang))
    if consistent:
        from kkaligner.enforce.consistency import make_consistent

        outcomes = make_consistent(plans, outcomes, hypotheses, source_lang=source_lang, target_lang=target_lang)
    return outcomes


def _outcome(plan_: SentencePlan, best: Hypothesis, repaired: Sequence[tuple[int, int]], lang: str) -> Outcome:
    """TermUses and enforcement findings for ``best`` as the target of ``plan_``."""
    uses, findings = [], []
    taken: dict[tuple[str, ...], int] = {}
    found: dict[tuple[str, ...], list] = {}
    for match, constraint in zip(plan_.matches, plan_.constraints):
        spans = found.setdefault(constraint.options, occurrences(best.text, constraint, lang))
        k = taken.get(constraint.options, 0)
        span = spans[k] if k < len(spans) else None
        taken[constraint.options] = k + 1
        if span is None:
            status = "missing"
            if constraint.options and constraint.options[0] in best.unforceable:
                findings.append(unforceable_finding(match, constraint))
        else:
            status = "forced" if any(a <= span[0] < b for a, b in repaired) else "applied"
        uses.append(
            TermUse(
                term=match.term,
                source_span=(match.start, match.end),
                target_span=span,
                surface=match.surface,
                status=status,
            )
        )
    return Outcome(
        target=best.text, terms=tuple(uses), findings=tuple(findings), score=best.score, unforceable=best.unforceable
    )
