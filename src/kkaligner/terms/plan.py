"""Plan: from the glossary matches of a document's sentences to the renderings each must contain."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Sequence

from kkaligner.terms.presence import KAZAKH_HEADS
from kkaligner.types import Constraint, Match, Term

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


def reversed_use(term: Term, source_lang: str) -> bool:
    """Whether ``term`` is used against its direction (a kk→en entry found in an English source)."""
    return term.source_lang != source_lang and term.target_lang == source_lang


def constraint_for(match: Match, source_lang: str = "kk", target_lang: str = "en", synonyms: Sequence[str] = ()) -> Constraint:
    """The constraint a source match puts on the translation.

    An entry is used in both directions: found by its rendering in an English source (en→kk), it
    requires its Kazakh lemma, in any inflected form; its forbidden variants are English spellings
    and mean nothing in a Kazakh draft. ``synonyms`` are the same side's forms of entries that share
    an English form with this one (АҚШ and Америка Құрама Штаттары are both "United States"): they
    are accepted too, after the entry's own (``options[0]`` is what forcing writes).
    """
    term = match.term
    if term.dnt:
        return Constraint(options=(term.source,), forbidden=tuple(term.forbidden), term=term)
    if reversed_use(term, source_lang):
        options = tuple(o for o in dict.fromkeys((term.source, *synonyms)) if o.strip())
        return Constraint(options=options, term=term)
    options = tuple(o for o in dict.fromkeys((term.target, *term.alternatives, *synonyms)) if o.strip())
    return Constraint(options=options, forbidden=tuple(term.forbidden), term=term)


# Words that stand before a name without making it another name (President Nazarbayev, Lake Balkhash).
_TITLES = frozenset(
    "president prime minister mr mrs ms dr sir general king queen prince princess lake mount river "
    "city sea gulf cape saint st the of and in at to from for by with on".split()
)


def sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` is the sentence's first word (after opening quotes or brackets)."""
    return not re.search(r"[^\W_]", text[:start])


def in_longer_name(text: str, start: int, end: int, look_after: bool = True) -> bool:
    """True when the match at ``start:end`` is joined to a capitalised word that is not the
    sentence's first word nor a title: it is part of a longer name (New Mexico, Sezen Aksu).
    ``look_after`` False looks only before it."""
    before = re.search(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)[ \u00a0]+$", text[:start])
    after = re.match(r"[ \u00a0]+([^\W\d_]+)", text[end:]) if look_after else None
    for m in (before, after):
        if m is None:
            continue
        w = m.group(1)
        if not w[0].isupper() or w.casefold() in _TITLES or w.casefold() in KAZAKH_HEADS:
            continue
        if m is before and sentence_initial(text, m.start(1)):
            continue  # capitalised only because it starts the sentence
        return True
    return False


def requires(source: str, match: Match) -> bool:
    """Whether a missing rendering of this glossary match is worth reporting: the match surely is
    the entry's name. Enforcement requires every match's rendering (a name at a sentence start is
    still forced); the terms check leaves out the doubtful ones.

    Doubtful when it is part of a longer name (Sezen Aksu is not the city Ақсу, Washington Capitals not
    the city), nor when a case-sensitive entry that is also a common noun (Арал / арал "island")
    stands at the sentence start, where its capital says nothing.
    """
    if in_longer_name(source, match.start, match.end):
        return False
    if match.term.case_sensitive and sentence_initial(source, match.start):
        return False
    return True


def _english_forms(term: Term) -> tuple[str, ...]:
    if term.target_lang == "en":
        return tuple(f for f in (term.target, *term.alternatives) if f.strip())
    return (term.source,) if term.source_lang == "en" else ()


def synonyms(glossary: "Glossary") -> dict:
    """English form (casefolded) → the entries that have it: entries naming the same thing."""
    out: dict = {}
    for term in glossary:
        if term.dnt:
            continue
        for form in _english_forms(term):
            out.setdefault(form.casefold(), []).append(term)
    return out


def _same(term: Term, index: dict, source_lang: str) -> list[str]:
    """The forms, on the side a draft needs, of the other entries sharing an English form with ``term``."""
    out = []
    for form in _english_forms(term):
        for other in index.get(form.casefold(), ()):
            if other is term or other.key == term.key:
                continue
            if reversed_use(term, source_lang):
                out.append(other.source if other.source_lang != "en" else other.target)
            else:
                out += [f for f in _english_forms(other) if f.strip()]
    return out


def plan(
    sources: Sequence[str],
    glossary: Optional["Glossary"],
    source_lang: str = "kk",
    target_lang: str = "en",
) -> list[SentencePlan]:
    """Match the glossary in the sentences of one document and derive the constraints."""
    if glossary is None or len(glossary) == 0:
        return [SentencePlan(source=s) for s in sources]
    index = None
    plans = []
    # One document: its whole text is the evidence for sentence-initial capitals (see Glossary.match).
    for source, found in zip(sources, glossary.match_sentences(sources, lang=source_lang)):
        matches = tuple(found)
        constraints = []
        for m in matches:
            if index is None:
                index = _synonym_index(glossary)
            constraints.append(constraint_for(m, source_lang, target_lang, _same(m.term, index, source_lang)))
        plans.append(SentencePlan(source=source, matches=matches, constraints=tuple(constraints)))
    return plans


_INDEXES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _synonym_index(glossary: "Glossary") -> dict:
    """``synonyms`` of a glossary, built once per glossary object."""
    try:
        found = _INDEXES.get(glossary)
    except TypeError:  # not weak-referenceable
        return synonyms(glossary)
    if found is None:
        found = _INDEXES[glossary] = synonyms(glossary)
    return found


__all__ = ["SentencePlan", "synonyms", "constraint_for", "plan", "requires", "reversed_use", "in_longer_name", "sentence_initial"]
