"""Glossary terms: a source term whose rendering is missing, a forbidden variant in the target.

Source terms are found in every inflected form (``Glossary.match(text, lang=source_lang)``); the
target is searched for the rendering, its accepted alternatives and its forbidden variants
(``Glossary.match(text, lang=target_lang)``, which sets ``Match.forbidden``).
"""

from __future__ import annotations

import re

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.types import Finding, Term


def rendering(term: Term, lang: str) -> str:
    """The approved form of ``term`` in language ``lang``."""
    if term.dnt:
        return term.source
    return term.target if term.target_lang == lang or term.source_lang != lang else term.source


# English adjectives and demonyms of place names ("the Chinese mainland", "the Afghan constitution"):
# a translation may use them where Kazakh puts the bare name attributively (Қытай материгі). Regular
# ones are the name minus one of _NAME_ENDINGS plus one of _ADJ_ENDINGS; the irregular ones are
# listed (English usage, e.g. Wikipedia "List of adjectival and demonymic forms of place names").
_NAME_ENDINGS = ("istan", "stan", "ia", "um", "a", "y", "e", "ey", "")
_ADJ_ENDINGS = ("", "n", "an", "ian", "ese", "i", "ish", "ic", "ean", "er", "ers", "ans", "s")
_IRREGULAR_ADJ = {
    "france": ("french",), "netherlands": ("dutch",), "switzerland": ("swiss",), "greece": ("greek",),
    "united kingdom": ("british", "uk", "u.k."), "britain": ("british",), "ireland": ("irish",),
    "united states": ("american", "americans"), "iraq": ("iraqi",), "thailand": ("thai",),
    "philippines": ("filipino", "philippine"), "denmark": ("danish",), "sweden": ("swedish",),
    "finland": ("finnish",), "poland": ("polish",), "norway": ("norwegian",), "wales": ("welsh",),
    "scotland": ("scottish",), "new zealand": ("new zealander",), "peru": ("peruvian",),
}
# Generic head nouns of Kazakh geographic and administrative names (X аралдары "X Islands", X
# облысы "X Region"): the name without them still names the place.
_KK_HEADS = frozenset({
    "аралдары", "аралы", "республикасы", "штаты", "облысы", "қаласы", "өзені", "көлі", "тауы",
    "таулары", "мұхиты", "теңізі", "шығанағы", "түбегі", "ауданы", "провинциясы", "шөлі", "жотасы",
    "президенті", "үкіметі", "парламенті",
})
# Kazakh adjective and people suffixes after a name's stem (жапон+дық, жапон+дар, неміс+ше).
_KK_DERIVED = r"(?:[дтл][ыі]қ|[дтл][ыі]к|[дтл][ае]р|ш[ае])"
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z.'’\-]*[A-Za-z.]|[A-Za-z]")


def _forms(term: Term, lang: str) -> set:
    """Accepted forms of ``term`` in ``lang``, case-folded."""
    if term.dnt:
        return {term.source.casefold()}
    if term.target_lang == lang or term.source_lang != lang:
        return {f.casefold() for f in (term.target, *term.alternatives) if f}
    return {term.source.casefold()}


def _english(term: Term) -> set:
    """The English forms of an entry: two entries with one of them in common name the same thing
    (АҚШ and Америка Құрама Штаттары are both "United States")."""
    if term.target_lang == "en":
        return {f.casefold() for f in (term.target, *term.alternatives) if f}
    if term.source_lang == "en":
        return {term.source.casefold()}
    return set()


def _loosely_present(term: Term, text: str, lang: str) -> bool:
    """A rendering present in a form the glossary matcher does not look for.

    English: the adjective of a place name (China -> Chinese). Kazakh: a rendering as the start of a
    longer word (Панама -> Панамалық, derived with -лық) or in other letter case.
    """
    folded = text.casefold()
    forms = _forms(term, lang)
    if lang == "kk":
        for f in forms:
            stem = f[:-1] if f[-1:] in "кқп" else f  # Бәйтерек -> Бәйтерегі
            if re.search(rf"(?<!\w){re.escape(stem)}", folded):
                return True
            # Мальдив аралдары -> Мальдив тілі: a generic head noun is left out when the name
            # stands before another noun
            words = f.split()
            if len(words) >= 2 and words[-1] in _KK_HEADS and len(" ".join(words[:-1])) >= 4:
                if re.search(rf"(?<!\w){re.escape(' '.join(words[:-1]))}", folded):
                    return True
            # Жапония -> жапондық, жапондар: names in -ия drop it before -дық/-лық/-дар
            if f.endswith("ия") and len(f) >= 6 and " " not in f:
                if re.search(rf"(?<!\w){re.escape(f[:-2])}{_KK_DERIVED}", folded):
                    return True
        return False
    words = {w.group().strip(".") for w in _EN_WORD.finditer(folded)} | {w.group() for w in _EN_WORD.finditer(folded)}
    for f in forms:
        if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", folded):
            return True
        if any(adj in words for adj in _IRREGULAR_ADJ.get(f, ())):
            return True
        if " " in f:
            continue
        for ending in _NAME_ENDINGS:
            if ending and not f.endswith(ending):
                continue
            stem = f[: len(f) - len(ending)] if ending else f
            if len(stem) < 3:
                continue
            if any(stem + a in words for a in _ADJ_ENDINGS):
                return True
    return False


def run(ctx: CheckContext):
    for i in range(len(ctx)):
        if skip_pair(ctx, i):
            continue
        src = ctx.source_matches(i)
        tgt = ctx.target_matches(i)
        src_span = {}
        for m in src:
            src_span.setdefault(m.term.key, (m.start, m.end))
        ok = [m for m in tgt if not m.forbidden]
        accepted_keys = {m.term.key for m in ok}
        # forms present in the target, whichever entry the matcher attributed them to: "U.S." may be
        # reported for Америка Құрама Штаттары while the source says АҚШ
        present_forms = set()
        for m in ok:
            present_forms |= _forms(m.term, ctx.target_lang) | _english(m.term)
            present_forms.add((m.variant or m.surface).casefold())
        flagged = set()
        for m in tgt:
            if not m.forbidden:
                continue
            approved = rendering(m.term, ctx.target_lang)
            flagged.add(m.term.key)
            yield Finding(
                "forbidden-variant",
                "error",
                f"'{m.surface}' is a forbidden variant; the glossary renders "
                f"'{m.term.source}' as '{approved}'.",
                sentence=i,
                source_span=src_span.get(m.term.key),
                target_span=(m.start, m.end),
                suggestion=approved + m.suffix,
            )
        seen = set()
        for m in src:
            key = m.term.key
            if key in accepted_keys or key in flagged or key in seen:
                continue
            seen.add(key)
            forms = _forms(m.term, ctx.target_lang) | _english(m.term)
            if forms & present_forms or _loosely_present(m.term, ctx.targets[i], ctx.target_lang):
                continue
            kept = re.escape(m.surface.split("'")[0].split("’")[0])
            if re.search(rf"(?<!\w){kept}(?!\w)", ctx.targets[i]):
                continue  # the name kept in the source's spelling (Washington Capitals in Kazakh)
            if m.term.case_sensitive and _sentence_initial(ctx.sources[i], m.start):
                # a name that is also a common noun (Арал / арал "island", Хабар / хабар "news"),
                # capitalised only because it starts the sentence: nothing says it is the name
                continue
            longer = _in_longer_name(ctx.sources[i], m.start, m.end)
            if longer:
                continue  # New Mexico, Sezen Aksu, Washington Capitals: another name than the entry's
            near = _near_spelling(m.term, ctx.targets[i], ctx.target_lang)
            if near is not None:
                a, b, stem_end = near
                approved = rendering(m.term, ctx.target_lang)
                yield Finding(
                    "term-variant",
                    "info",
                    f"'{ctx.targets[i][a:b]}' looks like '{approved}' spelt another way; the glossary "
                    f"renders '{m.term.source}' as '{approved}'.",
                    sentence=i,
                    source_span=(m.start, m.end),
                    target_span=(a, stem_end),
                    suggestion=approved,
                )
                continue
            yield Finding(
                "missing-term",
                "error",
                f"'{m.surface}' ('{m.term.source}') has no rendering in the translation; "
                f"the glossary requires '{rendering(m.term, ctx.target_lang)}'.",
                sentence=i,
                source_span=(m.start, m.end),
            )


# Kazakh letters written the Russian way in names (Аксу for Ақсу, Шымкент/Чимкент aside): compared
# as their Russian counterparts, so that the spelling is "near" and not "missing".
_PLAIN = str.maketrans("әғқңөұүһі", "агкноуухи")


def _plain(text: str) -> str:
    return text.translate(_PLAIN)


# Words that stand before a name without making it another name (President Nazarbayev, Lake Balkhash).
_TITLES = frozenset(
    "president prime minister mr mrs ms dr sir general king queen prince princess lake mount river "
    "city sea gulf cape saint st the of and in at to from for by with on".split()
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """True when the match at ``start:end`` is joined to a capitalised word that is not the
    sentence's first word nor a title: it is part of a longer name (New Mexico, Mexico City)."""
    before = re.search(r"([^\W\d_]+(?:[-'’][^\W\d_]+)*)[ \u00a0]+$", text[:start])
    after = re.match(r"[ \u00a0]+([^\W\d_]+)", text[end:])
    for m, pos in ((before, start), (after, end)):
        if m is None:
            continue
        w = m.group(1)
        if not w[0].isupper() or w.casefold() in _TITLES or w.casefold() in _KK_HEADS:
            continue
        if m is before and _sentence_initial(text, m.start(1)):
            continue  # capitalised only because it starts the sentence
        return True
    return False


def _sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` is the sentence's first word (after opening quotes or brackets)."""
    return not re.search(r"[^\W_]", text[:start])


# A spelling counts as near when the character similarity (difflib ratio) reaches this; Сан-Франсиско
# ~ Сан-Франциско 0.92, Тайланд ~ Таиланд 0.86, Стамбұл ~ Ыстамбұл 0.93, Антарктика ~ Антарктида 0.9.
_NEAR = 0.8


def _near_spelling(term: Term, text: str, lang: str):
    """A rendering of ``term`` in ``text`` spelt slightly differently: (start, end, stem end) or None.

    Compared word by word over as many words as the rendering has; in Kazakh the target word may be
    inflected, so its prefixes of about the rendering's length are compared too.
    """
    from difflib import SequenceMatcher

    words = list(re.finditer(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", text))
    best = None
    for form in _forms(term, lang):
        n = len(form.split())
        if len(form) < 4:
            continue
        for k in range(len(words) - n + 1):
            a, b = words[k].start(), words[k + n - 1].end()
            cand = text[a:b].casefold()
            ends = [len(cand)]
            if lang == "kk":
                ends += [e for e in range(len(form) - 2, len(form) + 3) if 0 < e < len(cand)]
            for e in ends:
                r = SequenceMatcher(None, _plain(form), _plain(cand[:e])).ratio()
                if r >= _NEAR and (best is None or r > best[0]):
                    best = (r, a, b, a + e)
    return None if best is None else best[1:]
