"""Text left untranslated: Cyrillic in an English translation, Latin in a Kazakh one.

A whole sentence is ``untranslated`` (error) when it equals its source or most of its letters are in
the source's script. Single words in the wrong script are reported (warning) unless they are
accepted names: glossary renderings and do-not-translate entries found in the target, and, for Latin
words in a Kazakh translation, names, codes and addresses that stand verbatim in the source: a word
with a capital or a digit (Mossack Fonseca, iPhone, CG4684), a lower-case word inside such a name (El
Sol de la Costa), words of a URL or e-mail address. A lower-case English word copied from the source
("Ол spaceport айлағына барды") is what an untranslated word looks like, and is reported, unless
it is a technical name Kazakh writes in Latin letters too (http, pdf); a capitalised source word
copied with a letter or two mixed up (Corcovado -> Corvocado) is a misspelt name, not reported here. Kazakh written in its 2021 Latin alphabet (ä ğ ı ñ ö ş ū ü, and ǧ ŋ as published) is not "Latin left in".
"""

from __future__ import annotations

import re

from kkaligner.checks.base import CheckContext, skip_pair
from kkaligner.lang.latin import KAZAKH_LATIN_LETTERS
from kkaligner.lang.web import ADDRESS_LIKE
from kkaligner.types import Finding

_KAZAKH_LATIN = re.compile(f"[{''.join(sorted(KAZAKH_LATIN_LETTERS))}]")
_MAJORITY = 0.5


# Words (letter runs, apostrophes and hyphens inside) of each script.
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:['’\-][\u0400-\u04ff]+)*")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f0-9]+(?:[ \-'’&.][A-Za-z\u00c0-\u024f0-9]+)*")


# A word or two in quotes is a word mentioned, not used ("cella" деген латын сөзі): kept as it is.
_QUOTED = re.compile(r'"[^"\n]{1,40}"|«[^»\n]{1,40}»|“[^”\n]{1,40}”|„[^“\n]{1,40}“')


def _kept_names(src: str, tgt: str) -> list[tuple[int, int]]:
    """Spans of Latin names, codes, addresses and quoted words in a Kazakh ``tgt`` that the source
    has verbatim."""
    spans = [m.span() for m in ADDRESS_LIKE.finditer(tgt) if _LATIN_WORD.search(m.group())]
    spans += [m.span() for m in _QUOTED.finditer(tgt) if len(m.group().split()) <= 3]
    folded = src.casefold()
    src_names = {w.casefold() for w in _LATIN_WORD.findall(src) if w[0].isupper() and len(w) >= _NEAR_MIN}
    for run in _LATIN_RUN.finditer(tgt):
        words = list(_LATIN_WORD.finditer(run.group()))
        named = any(w.group()[0].isupper() or w.group()[1:] != w.group()[1:].lower() for w in words)
        if (named or re.search(r"\d", run.group())) and all(
            w.group().casefold() in folded or _near_name(w.group(), src_names) for w in words
        ):
            spans.append(run.span())
        elif all(w.group().casefold() in _TECHNICAL and w.group().casefold() in folded for w in words):
            spans.append(run.span())
    return spans


# Lower-case technical names that Kazakh text writes in Latin letters as English does (тек http емес):
# protocols, formats and the like, accepted when the source has them too.
_TECHNICAL = frozenset(
    "http https ftp www html xml pdf url wifi gps usb sms mp3 jpeg png gif email online".split()
)

# A capitalised word copied from the source with a letter or two mixed up (Corcovado -> Corvocado) is a
# name misspelt, not text left untranslated: same first letter, similar length, most letters in order.
_NEAR_MIN = 5
_NEAR_RATIO = 0.75


def _near_name(word: str, names: set) -> bool:
    from difflib import SequenceMatcher

    w = word.casefold()
    if not word[0].isupper() or len(w) < _NEAR_MIN:
        return False
    return any(
        n[0] == w[0] and abs(len(n) - len(w)) <= 2 and SequenceMatcher(None, w, n).ratio() >= _NEAR_RATIO
        for n in names
    )


# Lower-case particles inside names (Jardín de la Unión, Ludwig van Beethoven, Bank of England).
_NAME_PARTICLES = frozenset(
    "de la le les del della da di do dos das du van von der den ten y e el al bin ibn of the and".split()
)


def _name_only(text: str) -> bool:
    """A heading that is only a name (Jardín de la Unión, Mossack Fonseca): every word capitalised
    but name particles. Translation keeps it as it is."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)
    return (
        bool(words)
        and all(w[0].isupper() or w in _NAME_PARTICLES for w in words)
        and any(w[0].isupper() for w in words)
    )


def _foreign(ctx: CheckContext):
    return _CYRILLIC_WORD if ctx.target_lang == "en" else _LATIN_WORD


def run(ctx: CheckContext):
    for i, (src, tgt) in enumerate(zip(ctx.sources, ctx.targets)):
        if skip_pair(ctx, i):
            continue
        foreign = _foreign(ctx)
        if ctx.target_lang == "kk" and _KAZAKH_LATIN.search(tgt):
            continue
        letters = sum(ch.isalpha() for ch in tgt)
        n_foreign = sum(len(w) for w in foreign.findall(tgt))
        same = tgt.strip() == src.strip()
        if same and _name_only(src):
            continue  # a heading that is a name, kept as it is in either direction
        if letters and (same or n_foreign / letters > _MAJORITY):
            yield Finding(
                "untranslated",
                "error",
                "this sentence is not translated: "
                + ("it is identical to the source." if tgt.strip() == src.strip()
                   else "most of its letters are in the source's script."),
                sentence=i,
                source_span=(0, len(src)),
                target_span=(0, len(tgt)),
            )
            continue
        if not n_foreign:
            continue
        accepted = [(m.start, m.end) for m in ctx.target_matches(i) if not m.forbidden]
        if ctx.target_lang == "kk":
            accepted += _kept_names(src, tgt)
        for w in foreign.finditer(tgt):
            if len(w.group()) == 1:
                continue  # one letter is a symbol or a label (36 x 24, пункт a), not text left over
            if any(a <= w.start() and w.end() <= b for a, b in accepted):
                continue
            yield Finding(
                "untranslated",
                "warning",
                f"'{w.group()}' is in the source's script: a word left untranslated?",
                sentence=i,
                target_span=(w.start(), w.end()),
            )
