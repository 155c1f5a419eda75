"""One rendering per source term across a document: the first rendering wins.

``finalize`` calls ``make_consistent`` once per document, after each sentence's target is chosen:

* glossary terms with several accepted renderings (Astana / Nur-Sultan): the form the first
  sentence uses is put in every later sentence (the term's span is known, so the swap is exact);
* names outside the glossary: capitalised source words are aligned to capitalised target words
  by transliteration similarity (Байқоңыр ↔ Baykonur; in Kazakh targets the stem, its ending
  kept). Occurrences are grouped across inflected forms by their stems. When a later sentence
  renders the name differently, the word is replaced when the alignment is unambiguous (one
  target word clearly closest to the name, in a sentence naming it once), else an
  ``inconsistent-name`` finding says what to unify.

With ``auto_names`` (``auto_names``, run first), every name without a glossary entry gets one
rendering for the whole document, recorded as an automatic term (``TermUse`` status ``auto``):

* the source's name words (``kkaligner.names.name_words``: capitalised words of names, with their
  lemma across inflected forms) are aligned to target words by ``name_similarity``, each target
  word taken once, best pairs first;
* the rendering is the model's majority spelling when more than half of the aligned occurrences
  agree on it and it reads like the name (``NAME_LIKENESS``), else the romanization
  (``lang.romanize``: Шымкент → Shymkent; for en→kk the Kazakh spelling proposed by ``cyrillize``);
* every aligned occurrence is rewritten to it; in a Kazakh target the model's ending is re-made for
  the new stem (``kazakh.inflect``: Трампқа → Трамп + dative).

A user who wants a different rendering says so in the glossary, which then governs every sentence.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from kkaligner.lang.kazakh import (
    final_class,
    inflect,
    is_front,
    split_ending,
    stems,
    suffix_chains,
)
from kkaligner.lang.romanize import cyrillize, romanize
from kkaligner.lang.script import CYRILLIC_NAME, LATIN_NAME
from kkaligner.lang.spelling import (
    ALIGN_MARGIN,
    ALIGN_MIN,
    ALIGN_MIN_INITIAL,
    NAME_LIKENESS,
)
from kkaligner.lang.spelling import name_similarity as similarity
from kkaligner.names import name_words
from kkaligner.terms.outcome import outcome as _outcome
from kkaligner.terms.presence import kazakh_index as _kk_index
from kkaligner.terms.presence import word_re as _word_re
from kkaligner.types import Finding, Hypothesis, Term, TermUse


def _again(outcome, text: str) -> Hypothesis:
    """``outcome``'s hypothesis with a new text (what the engine reported about it kept)."""
    return Hypothesis(text=text, score=outcome.score or 0.0, unforceable=outcome.unforceable)


@dataclasses.dataclass
class _Name:
    """A source name seen in the document: its stems and the rendering it got first."""

    stems: set
    surface: str
    rendering: str
    sentence: int


def _source_names(source: str, lang: str, covered) -> list[tuple[int, int, str]]:
    pattern = CYRILLIC_NAME if lang == "kk" else LATIN_NAME
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(source) if not covered(m.start())]


def _target_words(target: str, lang: str, covered) -> list[tuple[int, int, str]]:
    pattern = LATIN_NAME if lang == "en" else CYRILLIC_NAME
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(target) if not covered(m.start())]


def _align(
    name: str, words, lang_target: str, least: float = ALIGN_MIN
) -> tuple[tuple[int, int, str] | None, bool]:
    """The target word closest to ``name`` (None below ``least``) and whether it is unambiguous."""
    if not words:
        return None, False
    scored = []
    for w in words:
        text = split_ending(w[2])[0] if lang_target == "kk" else w[2]
        key = split_ending(name)[0] if lang_target == "en" else name
        scored.append((similarity(key, text), w))
    scored.sort(key=lambda s: -s[0])
    best, word = scored[0]
    if best < least:
        return None, False
    clear = len(scored) == 1 or scored[1][0] <= best - ALIGN_MARGIN
    return word, clear


def _rendering_key(word: str, lang_target: str) -> str:
    return split_ending(word)[0].casefold() if lang_target == "kk" else word.casefold()


def _replace(text: str, start: int, end: int, new_word: str, lang_target: str) -> str:
    old = text[start:end]
    if lang_target == "kk":
        new_word = split_ending(new_word)[0] + split_ending(old)[1]
    return text[:start] + new_word + text[end:]


def _glossary_unify(plans, outcomes, target_lang):
    """Glossary terms: every later sentence takes the accepted form the first one used."""
    chosen: dict = {}
    out = list(outcomes)
    for i, (plan_, outcome) in enumerate(zip(plans, outcomes)):
        text = outcome.target
        edits = []
        for use, constraint in zip(outcome.terms, plan_.constraints):
            if use.target_span is None or len(constraint.options) < 2:
                continue
            a, b = use.target_span
            used = None
            for option in constraint.options:
                m = _word_re(option).match(text, a)
                if m or (target_lang == "kk" and _kk_index(option).find(text[a:b])):
                    used = (option, m.end() if m else b)
                    break
            if used is None:
                continue
            key = use.term.key
            if key not in chosen:
                chosen[key] = used[0]
            elif used[0].casefold() != chosen[key].casefold():
                edits.append((a, used[1], chosen[key]))
        if edits:
            for a, b, new in sorted(edits, reverse=True):
                text = text[:a] + new + text[b:]
            fresh = _outcome(plan_, _again(outcome, text), (), target_lang)
            # Spans moved: a use the repair had put in is still "forced" by position order.
            terms = tuple(
                dataclasses.replace(u, status="forced") if old.status == "forced" else u
                for u, old in zip(fresh.terms, outcome.terms)
            )
            out[i] = dataclasses.replace(outcome, target=text, terms=terms)
    return out


_POSSESSIVE = ("'s", "’s")


def _target_key(word: str, lang_target: str) -> str:
    """The part of a target word that spells the name: without 's (en), without its ending (kk)."""
    if lang_target == "kk":
        return split_ending(word)[0]
    for p in _POSSESSIVE:
        if word.endswith(p):
            return word[: -len(p)]
    return word


def _reinflect(stem: str, model_word: str, model_stem: str) -> str:
    """``stem`` with the ending ``model_word`` has after ``model_stem``, re-made for ``stem``'s
    harmony and final sound (Трампқа → Трамп + dative; unknown endings are kept as written)."""
    ending = model_word[len(model_stem) :]
    if not ending:
        return stem
    analysis = dict(suffix_chains(final_class(model_stem), is_front(model_stem))).get(ending.casefold())
    if analysis:
        try:
            return inflect(stem, analysis)
        except KeyError:
            pass
    return stem + ending


def _auto_rendering(lemma: str, spellings: Counter, source_lang: str) -> tuple[str, str]:
    """(rendering, how): the model's majority spelling when it has one that reads like the name,
    else the romanization (or, from English, the proposed Kazakh spelling)."""
    if spellings:
        spelling, n = spellings.most_common(1)[0]
        if 2 * n > sum(spellings.values()) and similarity(lemma, spelling) >= NAME_LIKENESS:
            return spelling, "the model's majority spelling"
    if source_lang == "kk":
        return romanize(lemma), "romanized"
    return cyrillize(lemma).text, "proposed Kazakh spelling"


def name_alignments(sources, targets, *, source_lang="kk", target_lang="en", source_cover=None, target_cover=None):
    """``(sentence, (start, end, surface, lemma), (start, end, target word))`` for every name word of
    the ``sources`` (``names.name_words``) aligned to a word of its sentence's target: by
    ``name_similarity`` at least ``ALIGN_MIN``, best pairs first, each word taken once; a pair below
    ``NAME_LIKENESS`` only when no other word of the target is within ``ALIGN_MARGIN``. Words inside
    ``source_cover[i]`` / ``target_cover[i]`` spans (glossary terms) are left out."""
    words = name_words(list(sources), source_lang)
    aligned = []
    for i, target in enumerate(targets):
        if not target or not words[i]:
            continue
        cover = source_cover[i] if source_cover else ()
        tcover = target_cover[i] if target_cover else ()
        src = [w for w in words[i] if not any(a <= w[0] < b for a, b in cover)]
        tgt = _target_words(target, target_lang, lambda p, tc=tcover: any(a <= p < b for a, b in tc))
        pairs = []
        for si, (_, _, _surface, lemma) in enumerate(src):
            for ti, t in enumerate(tgt):
                key = _target_key(t[2], target_lang)
                score = similarity(lemma, key) if source_lang == "kk" else similarity(key, lemma)
                if score >= ALIGN_MIN:
                    pairs.append((score, si, ti))
        best: dict[int, list[float]] = {}
        for score, si, _ti in pairs:
            best.setdefault(si, []).append(score)
        taken_s, taken_t = set(), set()
        for score, si, ti in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if si in taken_s or ti in taken_t:
                continue
            others = sorted(best[si], reverse=True)[1:2]
            if score < NAME_LIKENESS and others and others[0] > score - ALIGN_MARGIN:
                continue  # a word only somewhat like the name, beside another as like it: leave both
            taken_s.add(si)
            taken_t.add(ti)
            aligned.append((i, src[si], tgt[ti]))
    return aligned


def name_spellings(aligned, target_lang: str = "en") -> dict[str, Counter]:
    """Lemma (case-folded) -> how often each spelling renders it, from ``name_alignments``."""
    out: dict[str, Counter] = {}
    for _i, (_, _, _, lemma), t in aligned:
        out.setdefault(lemma.casefold(), Counter())[_target_key(t[2], target_lang)] += 1
    return out


def auto_names(plans, outcomes, *, source_lang: str = "kk", target_lang: str = "en"):
    """Outcomes in which every name without a glossary entry has one rendering (module doc)."""
    aligned = name_alignments(
        [p.source for p in plans],
        [o.target for o in outcomes],
        source_lang=source_lang,
        target_lang=target_lang,
        source_cover=[[(m.start, m.end) for m in p.matches] for p in plans],
        target_cover=[[u.target_span for u in o.terms if u.target_span] for o in outcomes],
    )
    if not aligned:
        return list(outcomes)
    spellings = name_spellings(aligned, target_lang)
    lemmas: dict[str, str] = {}
    for _i, (_, _, _, lemma), _t in aligned:
        lemmas.setdefault(lemma.casefold(), lemma)
    chosen = {key: _auto_rendering(lemmas[key], spellings[key], source_lang) for key in spellings}
    out = list(outcomes)
    by_sentence: dict[int, list] = {}
    for item in aligned:
        by_sentence.setdefault(item[0], []).append(item)
    for i, items in by_sentence.items():
        outcome = out[i]
        text = outcome.target
        edits = []  # (start, end, new text, source word, old text, how)
        for _, (s0, s1, surface, lemma), (t0, t1, word) in sorted(items, key=lambda x: x[2][0]):
            rendering, how = chosen[lemma.casefold()]
            key = _target_key(word, target_lang)
            if target_lang == "kk":
                new = word if key == rendering else _reinflect(rendering, word, key)
            else:
                new = rendering + word[len(key) :]
            edits.append((t0, t1, new, (s0, s1, surface, lemma), word, how))
        delta = 0
        uses, findings = [], list(outcome.findings)
        for t0, t1, new, (s0, s1, surface, lemma), old, how in edits:
            start = t0 + delta
            text = text[:start] + new + text[start + (t1 - t0) :]
            delta += len(new) - (t1 - t0)
            rendering = chosen[lemma.casefold()][0]
            term = Term(
                source=lemma,
                target=rendering,
                kind="name",
                provenance=f"automatic: {how}",
                source_lang=source_lang,
                target_lang=target_lang,
            )
            uses.append(TermUse(term, (s0, s1), (start, start + len(new)), surface, "auto"))
            if new != old:
                findings.append(
                    Finding(
                        code="rendering-unified",
                        severity="info",
                        message=(
                            f"'{surface}' was rendered '{old}' here; '{rendering}' is used throughout the "
                            f"document ({how})."
                        ),
                        source_span=(s0, s1),
                        target_span=(start, start + len(new)),
                    )
                )
        terms = outcome.terms
        if text != outcome.target:
            fresh = _outcome(plans[i], _again(outcome, text), (), target_lang)
            terms = tuple(
                dataclasses.replace(u, status="forced") if old.status == "forced" else u
                for u, old in zip(fresh.terms, outcome.terms)
            )
        out[i] = dataclasses.replace(outcome, target=text, terms=tuple(terms) + tuple(uses), findings=tuple(findings))
    return out


def make_consistent(
    plans,
    outcomes,
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
    auto: bool = False,
):
    """Outcomes in which each source term and name keeps its first rendering (see module doc);
    ``auto``: names without an entry are first given one rendering each (``auto_names``)."""
    outcomes = _glossary_unify(plans, outcomes, target_lang)
    if auto:
        outcomes = auto_names(plans, outcomes, source_lang=source_lang, target_lang=target_lang)
    names: list[_Name] = []
    out = list(outcomes)
    for i, (plan_, outcome) in enumerate(zip(plans, outcomes)):
        if not outcome.target:
            continue
        source_cover = [(m.start, m.end) for m in plan_.matches]
        target_cover = [u.target_span for u in outcome.terms if u.target_span]
        src_names = _source_names(plan_.source, source_lang, lambda p: any(a <= p < b for a, b in source_cover))
        if not src_names:
            continue
        target = outcome.target
        findings = list(outcome.findings)
        changed = False
        for start, end, surface in src_names:
            words = _target_words(target, target_lang, lambda p: any(a <= p < b for a, b in target_cover))
            initial = not plan_.source[:start].strip(" «\"'“(")
            word, clear = _align(surface, words, target_lang, ALIGN_MIN_INITIAL if initial else ALIGN_MIN)
            if word is None:
                continue
            st = stems(surface) if source_lang == "kk" else {surface.casefold()}
            known = next((n for n in names if n.stems & st), None)
            if known is None:
                names.append(_Name(set(st), surface, word[2], i))
                continue
            known.stems |= st
            if _rendering_key(word[2], target_lang) == _rendering_key(known.rendering, target_lang):
                continue
            if source_lang == "kk":
                same_name = sum(1 for _, _, other in src_names if stems(other) & st)
            else:
                same_name = sum(1 for _, _, other in src_names if other.casefold() == surface.casefold())
            a, b = _rendering_key(word[2], target_lang), _rendering_key(known.rendering, target_lang)
            if a.startswith(b) or b.startswith(a):
                continue  # a derived word (President → Presidential), not another spelling
            if clear and same_name == 1 and similarity(word[2], known.rendering) >= ALIGN_MIN - 0.1:
                before = target[word[0] : word[1]]
                target = _replace(target, word[0], word[1], known.rendering, target_lang)
                changed = True
                findings.append(
                    Finding(
                        code="rendering-unified",
                        severity="info",
                        message=(
                            f"'{surface}' was rendered '{before}' here and '{known.rendering}' in sentence "
                            f"{known.sentence + 1}; the first rendering was kept."
                        ),
                        source_span=(start, end),
                        target_span=(word[0], word[0] + len(_rendering_key(known.rendering, target_lang))),
                    )
                )
                continue
            findings.append(
                Finding(
                    code="inconsistent-name",
                    severity="warning",
                    message=(
                        f"'{surface}' is rendered '{word[2]}' here but '{known.rendering}' in sentence "
                        f"{known.sentence + 1}; use one form throughout."
                    ),
                    source_span=(start, end),
                    target_span=(word[0], word[1]),
                    suggestion=known.rendering,
                )
            )
        if changed or len(findings) != len(outcome.findings):
            if changed:
                fresh = _outcome(plan_, _again(outcome, target), (), target_lang)
                terms = tuple(
                    dataclasses.replace(u, status="forced") if old.status == "forced" else u
                    for u, old in zip(fresh.terms, outcome.terms)
                )
                # findings of the fresh outcome are the same enforcement findings as before
                out[i] = dataclasses.replace(outcome, target=target, terms=terms, findings=tuple(findings))
            else:
                out[i] = dataclasses.replace(outcome, findings=tuple(findings))
    return out


__all__ = ["auto_names", "make_consistent", "name_alignments", "name_spellings"]
