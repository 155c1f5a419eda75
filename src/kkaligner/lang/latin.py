"""Kazakh written in Latin letters: the 2017, 2018 and 2021 official alphabets.

Kazakh is still mostly written in Cyrillic, and everything downstream (glossaries, checks, models)
reads Cyrillic. A document typed in one of the Latin alphabets is read here:

* ``detect(text)`` says whether a text is Latin-script Kazakh and in which alphabet ("2021",
  "2018", "2017"), or ``None`` (English, other languages, Cyrillic, too little evidence);
* ``to_cyrillic(text)`` / ``to_cyrillic_with_map(text)`` read it into Cyrillic Kazakh, the second
  with the offsets that take a span of the Cyrillic back to the text as written;
* ``to_latin(text, alphabet)`` writes Cyrillic Kazakh in one of the alphabets.

The letters of each alphabet are data (``data/kazakh-latin.tsv``, with their provenance). What is
lost on a round trip Cyrillic -> Latin -> Cyrillic, by design of the alphabets:

* х and һ are both "h" (read back as х); и and й share one letter (read back as й after a vowel,
  и elsewhere, which is how native words are spelt);
* the Russian-only letters: ц is written "ts" and read back as тс (айтса is far more common than
  a ц), щ as a doubled ш, ё as и + о, э as е, ъ and ь are dropped; я and ю come back only at the
  start of a word or after a vowel (аяқ, Азия), after a consonant they read as и + а / и + у;
* in 2018 the capital of ı (и, й) is the plain I, the same as і's: a capital I reads as І;
* in 2018 с + х/һ ("Асхат") is written "sh" and reads back as ш.

Everything that is not a letter of the alphabet being read (digits, punctuation, Cyrillic) is
left as it is, and so is a whole word with a letter the alphabet lacks (Rock, Wi-Fi, Xinjiang): it
is a name or a foreign word quoted as written. A foreign word made only of the alphabet's letters
("The") cannot be told from Kazakh and is read like Kazakh.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping, Optional

from kkaligner.errors import UsageError
from kkaligner.lang.web import address_spans

ALPHABETS = ("2021", "2018", "2017")
"""The official alphabets, newest first: the order ``detect`` prefers when evidence ties."""

# Typed apostrophes vary by keyboard; the 2017 letters are read with any of them.
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_CYR_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_CONTEXTS = ("yes", "after-vowel", "glide", "no")


@dataclass(frozen=True)
class Reading:
    """One Latin spelling (lower case, apostrophes as ``'``) read as ``cyrillic`` in ``context``."""

    latin: str
    cyrillic: str
    context: str  # "yes", "after-vowel" or "glide" (see data/kazakh-latin.tsv)


@dataclass(frozen=True)
class Alphabet:
    """How one alphabet writes each Cyrillic letter and how it is read back."""

    name: str
    write: Mapping[str, str]  # lower-case Cyrillic letter -> lower-case Latin spelling
    read: Mapping[str, tuple[Reading, ...]]  # Latin spelling -> readings, conditional ones first
    longest: int  # longest Latin spelling, in letters (apostrophes counted)
    upper: Mapping[str, str]  # Latin letters whose capital is not str.upper's (2021: i -> İ)
    lower: Mapping[str, str]  # capitals whose small letter is not str.lower's (2021: I -> ı)


@dataclass(frozen=True)
class Transliteration:
    """A Latin text read into Cyrillic, with the way back.

    ``offsets[j]`` is where, in ``source``, the letters that became ``text[j]`` begin;
    ``offsets[len(text)] == len(source)``. Offsets never decrease, so the Cyrillic span
    ``text[a:b]`` came from ``source[offsets[a]:offsets[b]]``.
    """

    source: str
    text: str
    offsets: tuple[int, ...]
    alphabet: str

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source`` that the Cyrillic span ``text[start:end]`` was read from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the text (length {len(self.text)})")
        return self.offsets[start], self.offsets[end]


# --- the table --------------------------------------------------------------------------------


def _check(alphabet: str) -> str:
    if alphabet not in ALPHABETS:
        raise UsageError(
            f"unknown Kazakh Latin alphabet {alphabet!r}; choose one of {', '.join(ALPHABETS)}"
        )
    return alphabet


@lru_cache(maxsize=None)
def alphabet_rules(name: str) -> Alphabet:
    """The rules of alphabet ``name`` ("2021", "2018" or "2017") from data/kazakh-latin.tsv."""
    column = 1 + ("2017", "2018", "2021").index(_check(name))
    path = resources.files("kkaligner") / "data" / "kazakh-latin.tsv"
    write: dict[str, str] = {}
    readings: dict[str, list[Reading]] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("["):
            section = raw.strip("[]")
            continue
        cells = raw.split("\t")
        if section == "write":
            cyr, latin, context = cells[0], cells[column], cells[4]
            assert context in _CONTEXTS, raw
            write[cyr] = latin
            if latin and context != "no":
                readings.setdefault(latin, []).append(Reading(latin, cyr, context))
        elif section == "read" and cells[0] == name:
            context = cells[3] if len(cells) > 3 else "yes"
            readings.setdefault(cells[1], []).append(Reading(cells[1], cells[2], context))
    # A conditional reading is tried before the plain one it shares a spelling with (й before и);
    # among plain ones the first row wins (х before һ).
    read = {
        k: tuple(sorted(v, key=lambda r: r.context == "yes")) for k, v in readings.items()
    }
    if name == "2021":  # Turkish-style dotted/dotless i: İ i is и/й, I ı is і
        upper, lower = {"i": "İ", "ı": "I"}, {"I": "ı", "İ": "i"}
    else:  # 2018's ı has the plain I as its capital, the same as i's (і): read as і
        upper, lower = {"ı": "I"}, {"İ": "i"}
    return Alphabet(
        name=name,
        write=MappingProxyType(write),
        read=MappingProxyType(read),
        longest=max(len(k) for k in read),
        upper=MappingProxyType(upper),
        lower=MappingProxyType(lower),
    )


# --- Cyrillic -> Latin ------------------------------------------------------------------------


def _upper(latin: str, rules: Alphabet) -> str:
    return "".join(rules.upper.get(c, c.upper()) for c in latin)


def to_latin(text: str, alphabet: str = "2021") -> str:
    """``text`` with its Kazakh Cyrillic letters written in the Latin ``alphabet``.

    A capital written with several letters is all capitals inside an all-capitals word ("ШЫҢҒЫС"
    -> "ŞYÑĞYS", "ЧЕХИЯ" -> "CHEHİİA") and title case elsewhere ("Чехия" -> "Chehiia").
    """
    rules = alphabet_rules(alphabet)
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = rules.write.get(low)
        if latin is None:
            out.append(ch)
        elif ch == low:
            out.append(latin)
        elif len(latin) <= 1 or _all_caps_at(text, i):
            out.append(_upper(latin, rules))
        else:
            out.append(_upper(latin[0], rules) + latin[1:])
    return "".join(out)


def _all_caps_at(text: str, i: int) -> bool:
    """Whether the capital at ``i`` is part of a word written in capitals."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt.isalpha():
        return nxt.isupper()
    prev = text[i - 1] if i > 0 else ""
    return prev.isalpha() and prev.isupper()


# --- Latin -> Cyrillic ------------------------------------------------------------------------

# A unit is a letter with the combining marks typed after it ("a" + U+0308), or any other character;
# units keep offsets into the text as written while being read in NFC.
_UNIT = re.compile(r".[\u0300-\u036f]*", re.DOTALL)


@dataclass(frozen=True)
class _Unit:
    start: int
    end: int
    key: str  # lower case, NFC, apostrophes as "'"
    upper: bool
    letter: bool


def _units(text: str, rules: Alphabet) -> list[_Unit]:
    units = []
    for m in _UNIT.finditer(text):
        s = unicodedata.normalize("NFC", m.group())
        if s in _APOSTROPHES:
            key = "'"
        elif s in rules.lower:
            key = rules.lower[s]
        else:
            key = s.lower() if len(s.lower()) == len(s) else s
        units.append(_Unit(m.start(), m.end(), key, s[:1].isupper(), s[:1].isalpha()))
    return units


def to_cyrillic_with_map(text: str, alphabet: Optional[str] = None) -> Transliteration:
    """``text`` (Latin-script Kazakh) read into Cyrillic, with offsets back into ``text``.

    ``alphabet`` defaults to what ``detect`` finds, and to "2021" when it finds nothing.
    """
    name = _check(alphabet) if alphabet is not None else (detect(text) or "2021")
    rules = alphabet_rules(name)
    units = _units(text, rules)
    # units inside a URL, an e-mail address or a site's domain are kept as written
    kept = [False] * len(units)
    spans = address_spans(text, sites=True)
    if spans:
        k = 0
        for n, u in enumerate(units):
            while k < len(spans) and spans[k][1] <= u.start:
                k += 1
            kept[n] = k < len(spans) and spans[k][0] <= u.start
    out: list[str] = []
    offsets: list[int] = []
    prev = ""  # the Cyrillic letter before, within the word, for the contextual readings
    keep_to = -1  # units before this index belong to a word kept as written
    i = 0
    while i < len(units):
        if i > keep_to and units[i].letter and (i == 0 or not units[i - 1].letter):
            keep_to = _foreign_word_end(units, i, rules)
        reading, size = (None, 1) if i < keep_to or kept[i] else _match(units, i, rules, prev)
        if reading is None:
            start = units[i].start
            for k, ch in enumerate(text[start : units[i].end]):
                out.append(ch)
                offsets.append(start + k)
            prev = out[-1].lower() if units[i].letter else ""
            i += 1
            continue
        cyr = reading.cyrillic.upper() if units[i].upper else reading.cyrillic
        for ch in cyr:
            out.append(ch)
            offsets.append(units[i].start)
        prev = cyr[-1].lower() if cyr else prev
        i += size
    offsets.append(len(text))
    return Transliteration(text, "".join(out), tuple(offsets), name)


def _foreign_word_end(units: list[_Unit], i: int, rules: Alphabet) -> int:
    """End of the word starting at ``i`` when it has a letter the alphabet lacks, else -1.

    Such a word (Rock, Wi-Fi's "Wi", eBay is read) is a name or a word of another language
    quoted as written: reading its other letters would give a mix of scripts ("Роcк").
    """
    end = i
    while end < len(units) and (units[end].letter or units[end].key == "'"):
        end += 1
    k, prev = i, ""
    while k < end:
        if units[k].key == "'":
            k += 1
            continue
        reading, size = _match(units, k, rules, prev)
        if reading is None:
            return end
        prev, k = reading.cyrillic[-1:].lower() or prev, k + size
    return -1


def _match(units: list[_Unit], i: int, rules: Alphabet, prev: str) -> tuple[Optional[Reading], int]:
    """The longest reading at ``i`` whose context holds, and how many units it takes."""
    if not units[i].letter:
        return None, 1
    for size in range(min(rules.longest, len(units) - i), 0, -1):
        spelling = "".join(u.key for u in units[i : i + size])
        after = units[i + size].key if i + size < len(units) else ""
        if after == "'" and spelling[-1] + "'" in rules.read:
            continue  # the apostrophe belongs to the last letter: 2017 "i'a'" is и + ә, not я + '
        for reading in rules.read.get(spelling, ()):
            if reading.context == "after-vowel" and prev not in _CYR_VOWELS:
                continue
            if reading.context == "glide" and prev and prev not in _CYR_VOWELS:
                continue
            return reading, size
    return None, 1


def to_cyrillic(text: str, alphabet: Optional[str] = None) -> str:
    """``text`` (Latin-script Kazakh) in Cyrillic; see ``to_cyrillic_with_map``."""
    return to_cyrillic_with_map(text, alphabet).text


# --- detection --------------------------------------------------------------------------------

# Letters only one alphabet has (both cases). ı is shared by 2021 (і) and 2018 (и, й).
_MARKS = {
    "2021": frozenset("äÄğĞǧǦñÑŋŊöÖūŪüÜşŞİ"),
    "2018": frozenset("áÁǵǴńŃóÓúÚýÝśŚćĆ"),
}
_SHARED = frozenset("ı")
# The letters of the 2021 alphabet that English lacks, as published too (Ǧ, Ŋ): in a Kazakh text a
# word with one is Kazakh in Latin letters (German and Turkish share some; 2018's acute letters are
# left out, being Spanish, Polish and Czech ones too).
KAZAKH_LATIN_LETTERS = _MARKS["2021"] | _SHARED
# Letters of Latin alphabets none of the Kazakh ones has (Turkish ç, Romance é è í à ...): a word
# with one is not Kazakh.
_FOREIGN_MARKS = frozenset("çÇéÉèÈíÍìàÀâÂêÊîÎôÔõÕãÃûÛùëËïÏßœŒæÆøØåÅčČšŠžŽ")
# A 2017 letter: one of a g i n o s c u y and an apostrophe. English contractions end a word with
# an apostrophe and t, s, d, m, ll, re or ve (don't, it's, I'm): they are taken off first.
_LETTER_2017 = re.compile(r"[agnioscuy]'", re.IGNORECASE)
_CONTRACTION = re.compile(r"n't$|'(?:s|d|m|ll|re|ve|t)$", re.IGNORECASE)
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f]|[{_APOSTROPHES}])*")

# Frequent Kazakh words (Cyrillic; their spellings in every alphabet are derived with to_latin):
# function words, auxiliaries and postpositions of news and reference prose. Words that are also
# common in other languages written in Latin letters (мен = "men", бар = "bar", ме = "me") are
# left out.
_KAZAKH_WORDS = """
және бұл бір үшін деп еді емес осы сол бойынша туралы арқылы кейін дейін бірақ сондай-ақ немесе
жыл жылы жылғы оның оны оған олар олардың біз біздің сіз барлық көп ең әр жаңа керек мүмкін тиіс
алайда себебі сияқты тағы кезде кезінде қарай дейді деді айтты екі үш мың да де та те ол өз ғана
тек әлі енді қазір бүгін сайын бойы соң кейбір бұрын ретінде болады болатын болып болды болса
екен мұнда онда сонда қалай неге не жоқ және де ғой ма ба болған болмайды қазақ қазақстан
""".split()

# Frequent words of English (and of the other languages a Latin text here is most often in:
# Turkish, German, Spanish, French) that no Kazakh alphabet writes as a Kazakh word.
_FOREIGN_WORDS = frozenset(
    """
the of and to a in is was that for it with as on be by are this from at or an which have has
not but were he she they his her their its been had will would can could also more than who what
when where there after about into over one two new first said other some such only most many may
them these those all out up no if so do does did we you i our your my him how then because
between while during under both each year years people time very just any through before until
since being same another however well against without city world state government country
university including like made known called use part around within should must there here
ve bu için ile olarak daha çok gibi olan ise ama ki sonra kadar
der die das und ist nicht mit von den zu im ein eine auch sich für auf dem des werden wurde
el la los las que en por con una le les et est du des un se y
""".split()
)


@lru_cache(maxsize=None)
def _kazakh_words() -> frozenset[str]:
    forms = set()
    for name in ALPHABETS:
        for word in _KAZAKH_WORDS:
            latin = to_latin(word, name).lower()
            forms.add(re.sub(f"[{_APOSTROPHES}]", "'", latin))
    return frozenset(forms)


@dataclass(frozen=True)
class Evidence:
    """What ``detect`` counted in a text: Latin words, and those that speak for Kazakh or not."""

    words: int  # words written in Latin letters
    cyrillic_words: int
    kazakh: int  # words with a Kazakh-only letter, a q not before u, or a frequent Kazakh word
    marked: int  # of those, words with a letter only Kazakh alphabets have
    foreign: int  # frequent words of English and other languages, words with their letters
    marks: Mapping[str, float]  # per alphabet: its own letters (ı counts half for 2021 and 2018)


def evidence(text: str) -> Evidence:
    """The counts ``detect`` decides on (exposed to explain a decision)."""
    kazakh_words = _kazakh_words()
    words = cyrillic = kazakh = marked = foreign = 0
    marks = {name: 0.0 for name in ALPHABETS}
    for m in _WORD.finditer(unicodedata.normalize("NFC", text)):
        word = re.sub(f"[{_APOSTROPHES}]", "'", m.group()).strip("'")
        letters = [c for c in word if c.isalpha()]
        if any("CYRILLIC" in unicodedata.name(c, "") for c in letters):
            cyrillic += 1
            continue
        if not all("LATIN" in unicodedata.name(c, "") for c in letters):
            continue
        words += 1
        low = word.lower()
        if low in _FOREIGN_WORDS and low not in kazakh_words or _FOREIGN_MARKS.intersection(word):
            foreign += 1
            continue
        own = {name: sum(c in chars for c in word) for name, chars in _MARKS.items()}
        shared = sum(c in _SHARED for c in word)
        # 2017 letters: not a contraction's apostrophe, nor O'Brien's (a capital after it).
        bare = _CONTRACTION.sub("", word)
        own["2017"] = sum(
            1
            for a in _LETTER_2017.finditer(bare)
            if not (a.end() < len(bare) and bare[a.end()].isupper() and not bare.isupper())
        )
        for name, count in own.items():
            marks[name] += count
        marks["2021"] += shared / 2
        marks["2018"] += shared / 2
        if any(own.values()) or shared:
            marked += 1
            kazakh += 1
        elif low in kazakh_words or re.search(r"q(?!u)", low):
            kazakh += 1
    return Evidence(words, cyrillic, kazakh, marked, foreign, MappingProxyType(marks))


# A text is Latin-script Kazakh when at least this share of its Latin words speak for Kazakh and
# fewer than FOREIGN_SHARE are frequent words of other languages: running English has a function
# word every two or three words, running Kazakh in any of the alphabets has a Kazakh-only letter
# in most words.
KAZAKH_SHARE = 0.3
FOREIGN_SHARE = 0.12


_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SAMPLE = 4000


def _mostly_cyrillic(text: str) -> bool:
    """Whether samples of ``text`` (its start, middle and end) hold more Cyrillic than Latin letters."""
    if len(text) > 3 * _SAMPLE:
        mid = len(text) // 2
        text = text[:_SAMPLE] + text[mid : mid + _SAMPLE] + text[-_SAMPLE:]
    return len(_CYRILLIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text))


def detect(text: str) -> Optional[str]:
    """"2021", "2018" or "2017" when ``text`` is Kazakh written in that Latin alphabet, else None.

    None for English and other languages, for Cyrillic text (more Cyrillic words than Latin ones)
    and for too little evidence: a text needs a letter only Kazakh alphabets have, or two words
    that are Kazakh by their spelling (q not before u) or frequent Kazakh words. When nothing tells
    the alphabets apart ("Qazaqstan"), the answer is "2021".
    """
    if _mostly_cyrillic(text):
        return None  # the common case, decided on a sample: no word-by-word evidence needed
    ev = evidence(text)
    if ev.words == 0 or ev.cyrillic_words > ev.words:
        return None
    if ev.foreign >= FOREIGN_SHARE * ev.words or ev.foreign >= ev.kazakh:
        return None
    if ev.kazakh < KAZAKH_SHARE * ev.words or (ev.marked == 0 and ev.kazakh < 2):
        return None
    best = max(ALPHABETS, key=lambda name: ev.marks[name])  # ties go to the newer alphabet
    return best if ev.marks[best] > 0 else "2021"


__all__ = [
    "ALPHABETS",
    "KAZAKH_LATIN_LETTERS",
    "Alphabet",
    "Evidence",
    "Reading",
    "Transliteration",
    "alphabet_rules",
    "detect",
    "evidence",
    "to_cyrillic",
    "to_cyrillic_with_map",
    "to_latin",
]
