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

A user who wants a different rendering says so in the glossary, which then governs every sentence.
"""

from __future__ import annotations

import dataclasses
from typing import Optional

from kkaligner.lang.kazakh import split_ending, stems
from kkaligner.lang.script import CYRILLIC_NAME, LATIN_NAME
from kkaligner.lang.spelling import ALIGN_MARGIN, ALIGN_MIN, ALIGN_MIN_INITIAL
from kkaligner.lang.spelling import name_similarity as similarity
from kkaligner.terms.outcome import outcome as _outcome
from kkaligner.terms.presence import kazakh_index as _kk_index
from kkaligner.terms.presence import word_re as _word_re
from kkaligner.types import Finding, Hypothesis


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
) -> tuple[Optional[tuple[int, int, str]], bool]:
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


def make_consistent(
    plans,
    outcomes,
    *,
    source_lang: str = "kk",
    target_lang: str = "en",
):
    """Outcomes in which each source term and name keeps its first rendering (see module doc)."""
    outcomes = _glossary_unify(plans, outcomes, target_lang)
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


__all__ = ["make_consistent"]
