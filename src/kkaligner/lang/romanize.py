"""Names in the spelling English-language texts give them: Kazakh Cyrillic → Latin, and back.

``romanize`` writes a Kazakh (or Russian-spelt) name the way English-language press and official
sites of Kazakhstan write it: Тоқаев → Tokayev, Жұмағалиев → Zhumagaliyev, Ерлан → Yerlan, Әлихан →
Alikhan, Ұлытау → Ulytau, Қызылорда → Kyzylorda, Байтұрсынұлы → Baitursynuly. It is not one of the
official Latin alphabets (those are ``kkaligner.lang.latin``): the press spelling drops the Kazakh
letters' marks and follows the BGN/PCGN romanization of Russian for the shared letters.

``cyrillize`` is the reverse for foreign names in en→kk: English spelling → the Cyrillic spelling
Kazakh (like Russian) gives them (Trump → Трамп, Baker → Бейкер). English spelling does not fix the
sound, so its answer is always a ``Proposal`` to be checked.

Everything is data below: ``LETTERS`` and ``CONTEXT`` (with their sources), ``EXCEPTIONS`` (names
whose established spelling no rule gives: Қасым-Жомарт → Kassym-Jomart), and the reverse
``EN_RULES``/``EN_EXCEPTIONS``. Tested by a golden table (tests/test_lang_romanize.py) and measured
on a list of published spellings (benchmarks/bench_names.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kkaligner.errors import UsageError, choices

# --- Kazakh Cyrillic → English spelling ----------------------------------------------------

# One letter → its spelling. Shared Cyrillic letters: BGN/PCGN romanization of Russian (1947, as
# the US Board on Geographic Names publishes it): ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ы y, ю yu,
# я ya, ё yo, soft and hard signs dropped (the press drops BGN's apostrophe). Kazakh-only letters as
# English-language press and the akorda.kz / gov.kz English pages write names: ә a (Әлихан Alikhan),
# ғ g (Жезқазған Zhezkazgan), қ k (Қызылорда Kyzylorda), ң n (Жаңаөзен Zhanaozen, Қаскелең Kaskelen,
# Маңғыстау Mangystau: ңғ is ng), ө o (Өскемен Oskemen), ұ ү u (Ұлытау
# Ulytau, Түркістан Turkistan), і i (Екібастұз Ekibastuz), һ h.
LETTERS = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

_V = "аәеёиоөұүуыіэюя"  # Cyrillic vowel letters
_V_NO_I = _V.replace("у", "").replace("и", "")
_C = "бвгғджзйкқлмнңпрстфхһцчшщ"  # consonant letters

# Letters whose spelling depends on their neighbours, tried in order at each position of the
# lower-case word: (regex, spelling, source).
CONTEXT: tuple[tuple[str, str, str], ...] = (
    # е at the start of a word, after a vowel or a sign is ye: BGN/PCGN (Ерлан Yerlan, Тоқаев
    # Tokayev, Жұмағалиев Zhumagaliyev, Назарбаева Nazarbayeva); not after у, which after a vowel
    # is the glide w (Әуезов Auezov).
    # After и only in the surname ending -иев(а) (Шиелі Shieli, Киелі Kieli).
    (rf"(?:(?<![а-яёәғқңөұүһі])|(?<=[{_V_NO_I}ьъ]))е|(?<=и)е(?=в)", "ye", "BGN/PCGN romanization of Russian"),
    # й ы between a vowel and a consonant is i: the Russian-mediated spelling of Kazakh names that
    # drops the ы (Смайылов Smailov, Айымбетов Aimbetov; as on gov.kz and in the press).
    (rf"(?<=[аәоөұүу])йы(?=[{_C}])", "i", "press spelling of Kazakh surnames (gov.kz)"),
    # й after а ә о ө ұ ү and before a consonant is i (Қайрат Kairat, Бәйтерек Baiterek, Байбек
    # Baibek, Бөкейхан Bokeikhan, Байтұрсынұлы Baitursynuly); elsewhere y (Қостанай Kostanay, Семей
    # Semey, Аяжан Ayazhan): English-language press usage, as in the shipped glossary.
    (rf"(?<=[аәоөұүуе])й(?=[{_C}])", "i", "English-language press usage"),
)
_CONTEXT = tuple((re.compile(rx), out) for rx, out, _src in CONTEXT)

# Place names keep BGN/PCGN's y for й after а (Сайрам Sayram, Зайсан Zaysan, Қапшағай Kapshagay):
# the US and UK boards romanize geographic names, and English maps and Wikipedia follow them.
PLACE_CONTEXT: tuple[tuple[str, str, str], ...] = (
    (rf"(?<=[аә])й(?=[{_C}])", "y", "BGN/PCGN romanization of geographic names"),
)
_PLACE_CONTEXT = tuple((re.compile(rx), out) for rx, out, _src in PLACE_CONTEXT) + _CONTEXT

# Titles that follow a name are capitalised in English as part of it (Төле би Tole Bi, Абылай хан
# Ablai Khan, Қабанбай батыр Kabanbai Batyr): English Wikipedia's article titles.
TITLES = frozenset({"би", "хан", "батыр", "ана", "ата", "ханым", "бек", "сұлтан", "жырау", "ақын"})

KINDS = ("", "person", "place", "organisation")

# Whole names (lower case) whose established English spelling no rule gives. Each says where the
# spelling is published. Parts of hyphenated and multiword names are looked up too.
EXCEPTIONS: dict[str, tuple[str, str]] = {
    "қасым-жомарт": ("Kassym-Jomart", "akorda.kz (President's official English name)"),
    "абай": ("Abai", "UNESCO and en.wikipedia.org/wiki/Abai_Qunanbaiuly"),
    "қарағанды": ("Karaganda", "en.wikipedia.org/wiki/Karaganda"),
    "ертіс": ("Irtysh", "en.wikipedia.org/wiki/Irtysh_River"),
    "жайық": ("Ural", "en.wikipedia.org/wiki/Ural_(river)"),
    "мәскеу": ("Moscow", "English exonym"),
    "қазақстан": ("Kazakhstan", "English exonym (akorda.kz, gov.kz)"),
    "қазақ": ("Kazakh", "English exonym"),
    "байқоңыр": ("Baikonur", "en.wikipedia.org/wiki/Baikonur_Cosmodrome"),
    "жетісу": ("Jetisu", "gov.kz (Jetisu Region)"),
    "қорғас": ("Khorgos", "en.wikipedia.org/wiki/Khorgos"),
    "отырар": ("Otrar", "en.wikipedia.org/wiki/Otrar"),
    "екібастұз": ("Ekibastuz", "en.wikipedia.org/wiki/Ekibastuz"),
    "теңіз": ("Tengiz", "en.wikipedia.org/wiki/Tengiz_Field"),
}


@dataclass(frozen=True)
class Proposal:
    """A spelling of a name in the other script and how it was reached.

    ``by`` is ``"exception"`` (a published spelling from the exceptions table) or ``"rules"`` (the
    rule set: a proposal for a person to check).
    """

    text: str
    source: str
    by: str = "rules"

    @property
    def checked(self) -> bool:
        return self.by == "exception"


_PREV_WORD = re.compile(r"(\w+) $")  # the word right before, one space apart
_CYR_RUN = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+")


def _rules(low: str, place: bool = False) -> str:
    out = []
    i = 0
    while i < len(low):
        for rx, spelling in _PLACE_CONTEXT if place else _CONTEXT:
            m = rx.match(low, i)
            if m:
                out.append(spelling)
                i = m.end()
                break
        else:
            out.append(LETTERS.get(low[i], low[i]))
            i += 1
    return "".join(out)


def _recase(original: str, latin: str) -> str:
    if not latin:
        return latin
    if len(original) > 1 and original.isupper():
        return latin.upper()
    if original[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def _word(word: str, exceptions: bool, place: bool, after_name: bool) -> tuple[str, bool]:
    """One Cyrillic run: its spelling and whether an exception gave it."""
    low = word.casefold()
    hit = EXCEPTIONS.get(low) if exceptions else None
    if hit:
        return (hit[0] if word[:1].isupper() else hit[0].lower()), True
    # a run is letters only; ``_rules`` sees the whole run so that "initial" means the run's start
    spelled = _recase(word, _rules(low, place))
    if after_name and low in TITLES:
        spelled = spelled[:1].upper() + spelled[1:]
    return spelled, False


@lru_cache(maxsize=16384)
def _romanize(text: str, exceptions: bool = True, kind: str = "") -> tuple[str, bool]:
    # hyphenated and multiword exceptions first (Қасым-Жомарт)
    low = text.casefold()
    for key, (spelling, _src) in EXCEPTIONS.items() if exceptions else ():
        if ("-" in key or " " in key) and key in low:
            i = low.index(key)
            before = _romanize(text[:i], exceptions, kind)
            after = _romanize(text[i + len(key) :], exceptions, kind)
            return before[0] + spelling + after[0], True
    used = False
    parts = []
    pos = 0
    for m in _CYR_RUN.finditer(text):
        parts.append(text[pos : m.start()])
        prev = _PREV_WORD.search(text, 0, m.start())
        after_name = bool(prev) and prev.group(1)[:1].isupper()
        spelled, exc = _word(m.group(), exceptions, kind == "place", after_name)
        used = used or exc
        parts.append(spelled)
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), used


def romanize(text: str, *, kind: str = "", exceptions: bool = True) -> str:
    """``text`` with every Kazakh Cyrillic word spelt as English texts spell Kazakh names.

    Other characters are kept (spaces, hyphens, digits, Latin letters). Capitals follow the source:
    Тоқаев → Tokayev, ТОҚАЕВ → TOKAYEV. Meant for names; common words come out transliterated.
    ``kind="place"`` spells a place name as the geographic boards do (Сайрам Sayram, not Sairam);
    ``exceptions=False`` applies the rules alone (to measure them).
    """
    if not isinstance(text, str):
        raise UsageError(f"romanize() takes text (str), not {type(text).__name__}.")
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r} for romanize(); use {choices(KINDS[1:])} or leave it out.")
    return _romanize(text, exceptions, kind)[0]


def propose_latin(name: str, kind: str = "") -> Proposal:
    """``romanize(name, kind=kind)`` with how it was reached (an exception or the rules)."""
    text, exc = _romanize(name, True, kind if kind in KINDS else "")
    return Proposal(text=text, source=name, by="exception" if exc else "rules")


# --- English spelling → Kazakh Cyrillic ------------------------------------------------------

# English spelling → Cyrillic, as Kazakh (following Russian practice) writes English names: the
# practical transcription in Д. И. Ермолович, «Имена собственные: теория и практика межъязыковой
# передачи» (2005), simplified to spelling rules. Longest match first; ``C`` is one consonant
# letter, ``$`` the end of the word. (regex on the lower-case word, Cyrillic).
_EC = "bcdfghjklmnpqrstvwxz"
EN_RULES: tuple[tuple[str, str], ...] = (
    ("tch", "ч"), ("sch", "ш"), ("sh", "ш"), ("ch", "ч"), ("ck", "к"), ("ph", "ф"), ("th", "т"),
    ("kh", "х"), ("zh", "ж"), ("qu", "кв"), ("wh", "у"), ("ee", "и"), ("ea", "и"), ("oo", "у"),
    ("ou", "ау"), ("ai", "ей"), ("ay", "ей"), ("ey$", "и"), ("ey", "ей"), ("oy", "ой"),
    # a, i, u before one consonant and a vowel e: their long sound (Baker Бейкер, Biden Байден,
    # Kate Кейт, Mike Майк, Luke Люк); a final e and the e of a final -es are silent (James Джеймс).
    (rf"a(?=[{_EC}]e)", "ей"), (rf"i(?=[{_EC}]e)", "ай"), (rf"u(?=[{_EC}]e)", "ю"),
    (r"(?<=[a-z])e$", ""), (r"(?<=[a-z][" + _EC + r"])e(?=s$)", ""),
    # u in a closed syllable is the a of "but" (Trump Трамп, Hunter Хантер, Sullivan Салливан)
    (rf"u(?=[{_EC}](?:[{_EC}]|$))", "а"), (rf"u(?=[{_EC}]$)", "а"),
    # y: a consonant before a vowel, else и; e at the start is э (Edward Эдвард)
    (r"^y(?=[aeiou])", "й"), ("y", "и"), (r"^e", "э"),
    # c is с before e i y, else к; h is х before a vowel, else silent (John Джон)
    (r"c(?=[eiy])", "с"), ("c", "к"), (r"^h", "х"), (r"h(?=[aeiouy])", "х"), ("h", ""),
    ("j", "дж"), ("x", "кс"), ("w", "у"), ("q", "к"),
    ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("i", "и"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("v", "в"), ("z", "з"),
)
_EN_RULES = tuple((re.compile(rx), out) for rx, out in EN_RULES)

# Foreign names whose Kazakh spelling no rule gives (lower-case English → Kazakh): as Kazakh
# news sites (kazinform.kz, egemen.kz) spell them.
EN_EXCEPTIONS: dict[str, str] = {
    "bush": "Буш",
    "george": "Джордж",
    "joe": "Джо",
    "michael": "Майкл",
    "john": "Джон",
}

_LATIN_RUN = re.compile(r"[A-Za-z]+")


def _en_word(word: str) -> tuple[str, bool]:
    low = word.lower()
    if low in EN_EXCEPTIONS:
        return EN_EXCEPTIONS[low] if word[:1].isupper() else EN_EXCEPTIONS[low].lower(), True
    out, i = [], 0
    while i < len(low):
        for rx, spelling in _EN_RULES:
            m = rx.match(low, i)
            if m:  # every rule takes at least one letter
                out.append(spelling)
                i = m.end()
                break
        else:
            out.append(low[i])
            i += 1
    return _recase(word, "".join(out)), False


def cyrillize(name: str) -> Proposal:
    """A Kazakh Cyrillic spelling proposed for the foreign (English-spelt) ``name``.

    Trump → Трамп, Baker → Бейкер, Biden → Байден. Always a proposal: English spelling does not fix
    the sound, so a person checks it (``Proposal.by``: ``exception`` or ``rules``).
    """
    if not isinstance(name, str):
        raise UsageError(f"cyrillize() takes text (str), not {type(name).__name__}.")
    parts, pos, used = [], 0, False
    for m in _LATIN_RUN.finditer(name):
        parts.append(name[pos : m.start()])
        w, exc = _en_word(m.group())
        used = used or exc
        parts.append(w)
        pos = m.end()
    parts.append(name[pos:])
    return Proposal(text="".join(parts), source=name, by="exception" if used else "rules")


__all__ = [
    "CONTEXT",
    "EN_EXCEPTIONS",
    "EN_RULES",
    "EXCEPTIONS",
    "KINDS",
    "LETTERS",
    "PLACE_CONTEXT",
    "TITLES",
    "Proposal",
    "cyrillize",
    "propose_latin",
    "romanize",
]
