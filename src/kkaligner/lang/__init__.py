"""Language knowledge: codes, scripts, transliteration, spelling likeness, Kazakh grammar, numbers.

Every other part of kkaligner asks this package what it knows about Kazakh and English; nothing
here imports another kkaligner stage. The modules:

* ``kkaligner.lang`` (this one): the language codes kkaligner translates between and their tests;
* ``script``: what a name looks like in Cyrillic and in Latin letters;
* ``translit``: the transliteration tables (Kazakh Cyrillic → Latin for likeness, → Russian letters);
* ``spelling``: the one near-spelling test and the one cross-script name likeness, with their thresholds;
* ``kazakh``: Kazakh suffix grammar (harmony, sound classes, suffix chains, inflection, stems);
* ``casing``: length-preserving case folding for matching;
* ``numbers``: numbers in digits and words;
* ``latin``: Kazakh in the Latin alphabets (2017, 2018, 2021): detection and transliteration with an offset map;
* ``romanize``: names as English texts spell them (Тоқаев → Tokayev), and proposals back (Trump → Трамп).
"""

from __future__ import annotations

from kkaligner.errors import UsageError, choices

LANGUAGES = ("kk", "en")
"""The languages kkaligner translates between, as BCP 47 tags."""
LANGUAGE_NAMES = {"kk": "Kazakh", "en": "English"}
"""Their names in English, for messages and the server's /languages."""

# Tags that name Kazakh in glossary files and user input (ISO 639-1, ISO 639-3, with region/script).
KAZAKH_TAGS = frozenset({"kk", "kaz", "kk-kz", "kk_kz", "kk-cyrl"})


def is_kazakh(lang: str) -> bool:
    """Whether the tag ``lang`` names Kazakh (``kk``, ``kaz``, ``kk-KZ``, ``kk-Cyrl``)."""
    return str(lang).lower() in KAZAKH_TAGS


def check_language(lang: str, what: str = "language") -> str:
    """``lang`` if kkaligner knows it; a UsageError listing the choices otherwise."""
    if lang not in LANGUAGES:
        raise UsageError(f"unknown {what} {lang!r}. Choose {choices(LANGUAGES)}.")
    return lang


def check_pair(source_lang: str, target_lang: str) -> tuple[str, str]:
    """A translation direction: both languages known and different (UsageError otherwise)."""
    check_language(source_lang, "source language")
    check_language(target_lang, "target language")
    if source_lang == target_lang:
        raise UsageError(
            f"source and target language are both {source_lang!r}. Use --from kk --to en or --from en --to kk."
        )
    return source_lang, target_lang


__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "KAZAKH_TAGS", "is_kazakh", "check_language", "check_pair"]
