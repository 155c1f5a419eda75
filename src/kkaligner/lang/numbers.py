"""Numbers in Kazakh and English text: digits, number words and both together.

``mentions(text, lang)`` reads every number of a text: digits (``2,250``, ``6,34``, ``12 000``,
``9:30``), number words (``жиырма бес``, ``twenty-five``) and both together (``115 миллион`` =
``115 million``, ``300 миллионнан астам`` = ``more than 300 million``). Each ``Mention`` gets the set
of values it may mean (``2,250`` is 2250 in English and 2.25 with a decimal comma); codes of letters
and digits (``CG4684``, ``H5N1``) are kept verbatim. The number check and the aligner both read
numbers here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kkaligner.lang.kazakh import SHORT_ENDINGS

# --- number words ---------------------------------------------------------------------------------
# Kazakh cardinals, tens, hundred and scales: standard Kazakh grammar (e.g. Kazakh Grammar, Wikipedia
# "Kazakh grammar: Numerals"); млн / млрд / трлн are the abbreviations used in Kazakh news.
KK_UNITS = {"нөл": 0, "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7,
            "сегіз": 8, "тоғыз": 9}
KK_TENS = {"он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "қырқ": 40, "елу": 50, "алпыс": 60,
           "жетпіс": 70, "сексен": 80, "тоқсан": 90}
KK_HUNDREDS = {"жүз": 100}
KK_SCALES = {"мың": 1e3, "миллион": 1e6, "млн": 1e6, "миллиард": 1e9, "млрд": 1e9,
             "триллион": 1e12, "трлн": 1e12}
# Collective numerals (екеу "the two of them") and "and a half".
KK_COLLECTIVE = {"екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7}
KK_HALF = ("жарым",)
# "More than": 300 миллионнан астам = more than 300 million. Qualifiers do not change the value.
KK_MORE_THAN = ("астам", "артық", "аса")
EN_MORE_THAN = ("more than", "over", "above", "in excess of", "upwards of")

# Words that begin like a numeral but are not one (бірақ "but", бірнеше "several", оның "his",
# үшін "for") do not end in SHORT_ENDINGS chains or are listed here.
_KK_NOT_NUMBERS = frozenset({"бірге", "бірден", "бірдей", "біреу", "бірі", "онда", "оны", "одан",
                             "ондай", "бесік", "алтын", "жүзеге"})

EN_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
            "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
            "nineteen": 19, "dozen": 12,
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_HUNDREDS = {"hundred": 100, "hundreds": 100, "hundredth": 100}
EN_SCALES = {"thousand": 1e3, "thousands": 1e3, "thousandth": 1e3, "million": 1e6, "millions": 1e6,
             "millionth": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12,
             "trillions": 1e12, "mln": 1e6}
# Abbreviations that are a scale only sometimes ("5m" is five million or five metres).
EN_MAYBE_SCALES = {"m": 1e6, "k": 1e3}


def _en_word(word: str):
    w = word.casefold()
    for table, kind in ((EN_UNITS, "unit"), (EN_TENS, "ten"), (EN_HUNDREDS, "hundred"), (EN_SCALES, "scale")):
        if w in table:
            return kind, table[w]
    if w.endswith("th") or w.endswith("ieth"):  # twentieth, sixteenth
        base = w[:-4] + "y" if w.endswith("ieth") else w[:-2]
        if base in EN_TENS:
            return "ten", EN_TENS[base]
        if base in EN_UNITS:
            return "unit", EN_UNITS[base]
    return None


def _kk_word(word: str):
    w = word.casefold()
    if w in _KK_NOT_NUMBERS:
        return None
    if w in KK_COLLECTIVE:
        return "unit", KK_COLLECTIVE[w]
    if w in KK_HALF:
        return "half", 0.5
    for n in range(len(w), 1, -1):
        stem = w[:n]
        for table, kind in ((KK_UNITS, "unit"), (KK_TENS, "ten"), (KK_HUNDREDS, "hundred"), (KK_SCALES, "scale")):
            if stem in table and SHORT_ENDINGS.fullmatch(w[n:]):
                return kind, table[stem]
    return None


def is_kk_number_word(word: str) -> bool:
    """``word`` is a Kazakh number word, in some form (Отыз, жүзден, екеу; not бірге, онда)."""
    return _kk_word(word) is not None


# --- digits ---------------------------------------------------------------------------------------
_DIGITS = re.compile(
    r"(?<![\d.,])(?<![^\W\d_])(?:(?P<time>\d{1,2}:\d{2})(?!\d)"
    r"|(?P<spaced>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?)(?![\d.,]?\d)"
    r"|(?P<num>\d+(?:[.,]\d+)*))"
)
_LETTERS = re.compile(r"[^\W\d_]+")


def _key(v: float):
    return float(f"{v:.10g}")


def digit_values(s: str) -> set:
    """The values a digit string may mean: separators read as thousands or as a decimal mark."""
    s = re.sub(r"[ \u00a0\u202f]", "", s)
    seps = re.findall(r"[.,]", s)
    parts = re.split(r"[.,]", s)
    out = set()
    if not seps:
        out.add(_key(float(s)))
    else:
        if all(len(p) == 3 for p in parts[1:]):  # 2,250 / 1.000.000: thousands
            out.add(_key(float("".join(parts))))
        if len(seps) == 1:  # 6,34 / 6.34 / 2,250: decimal
            out.add(_key(float(parts[0] + "." + parts[1])))
        elif len(set(seps)) == 2:  # 1,234.5 / 1.234,5: the last one is the decimal mark
            out.add(_key(float("".join(parts[:-1]) + "." + parts[-1])))
    return out


@dataclass(frozen=True)
class Mention:
    """A number in a sentence: span, the values it may mean, and whether it is written in digits."""

    start: int
    end: int
    values: frozenset
    digits: bool


# Codes: tokens of Latin letters and digits with a letter before a digit and more after it, or a
# letter between digits (CG4684, A1GP, H5N1, KV62, 4x4, A320). Translation keeps them verbatim, so
# they are compared as strings; "1970s", "5m", "18th" (letters after the number only) are numbers
# with an ending, and "km2", "m3" units with an exponent.
# Cyrillic letters that look Latin are read as Latin (4х4 typed with a Cyrillic х).
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")
_CODE = re.compile(r"(?<![\w])[A-Za-z0-9]+(?![\w])")
_CODE_SHAPE = re.compile(r"[A-Za-z]\d(?:\d|[A-Za-z])|\d[A-Za-z]+\d")


def _codes(text: str) -> list[tuple[int, int, str]]:
    latin = text.translate(_HOMOGLYPHS)
    return [
        (m.start(), m.end(), m.group().casefold())
        for m in _CODE.finditer(latin)
        if _CODE_SHAPE.search(m.group())
    ]


def mentions(text: str, lang: str) -> list[Mention]:
    """Numbers in ``text`` (digits, words, digits with scale words, codes), in order."""
    codes = _codes(text)
    if codes:
        # the rest of the text, codes blanked out (same length: offsets stay valid)
        chars = list(text)
        for a, b, _ in codes:
            chars[a:b] = " " * (b - a)
        found = _mentions("".join(chars), lang)
        found += [Mention(a, b, frozenset({("code", c)}), True) for a, b, c in codes]
        return sorted(found, key=lambda m: m.start)
    return _mentions(text, lang)


def _mentions(text: str, lang: str) -> list[Mention]:
    word = _kk_word if lang == "kk" else _en_word
    tokens = []  # (start, end, kind, value-set)
    pos = 0
    for m in _DIGITS.finditer(text):
        _words(text, pos, m.start(), word, tokens)
        if m.group("time"):
            h, mi = (int(x) for x in m.group("time").split(":"))
            tokens.append((m.start(), m.end(), "time", {("t", h % 12, mi)}))
        else:
            tokens.append((m.start(), m.end(), "digits", digit_values(m.group())))
        pos = m.end()
    _words(text, pos, len(text), word, tokens)
    return _phrases(text, tokens, lang)


def _words(text, start, end, word, tokens):
    for m in _LETTERS.finditer(text, start, end):
        w = m.group()
        parsed = word(w)
        if parsed is None and w.casefold() in EN_MAYBE_SCALES and m.start() > 0 and text[m.start() - 1].isdigit():
            parsed = ("maybe-scale", EN_MAYBE_SCALES[w.casefold()])
        if parsed is None and w.casefold() in ("a", "and"):
            parsed = ("glue", 1 if w.casefold() == "a" else 0)
        if parsed is not None:
            tokens.append((m.start(), m.end(), parsed[0], parsed[1]))


# What may follow what inside one number phrase.
_FOLLOWS = {
    "digits": {"scale", "maybe-scale", "hundred", "half"},
    "unit": {"hundred", "scale", "half"},
    "ten": {"unit", "hundred", "scale"},
    "hundred": {"unit", "ten", "scale", "glue", "digits"},
    "scale": {"unit", "ten", "digits", "hundred", "scale", "glue", "half"},
    "glue": {"unit", "ten", "hundred", "scale"},
    "half": {"scale"},
    "maybe-scale": set(),
    "time": set(),
}


def _phrases(text, tokens, lang) -> list[Mention]:
    out = []
    i = 0
    while i < len(tokens):
        if tokens[i][2] == "glue":
            i += 1
            continue
        j = i + 1
        last_scale, after_scale = None, None
        if tokens[i][2] == "scale":
            last_scale, after_scale = tokens[i][3], i + 1
        while (
            j < len(tokens)
            and tokens[j][2] in _FOLLOWS[tokens[j - 1][2]]
            and re.fullmatch(r"[\s\-\u00a0]*", text[tokens[j - 1][1] : tokens[j][0]])
        ):
            if tokens[j][2] == "scale":
                # scales decrease inside one number (1 миллион 500 мың); "340 million to 500
                # million" is two numbers
                if last_scale is not None and tokens[j][3] >= last_scale:
                    j = after_scale
                    break
                last_scale, after_scale = tokens[j][3], j + 1
            j += 1
        while j - 1 > i and tokens[j - 1][2] == "glue":  # "... and" at the end is not a number
            j -= 1
        out.append(_value(tokens[i:j]))
        i = j
    return [m for m in out if m is not None]


def _value(group) -> Mention:
    start, end = group[0][0], group[-1][1]
    kinds = [t[2] for t in group]
    if kinds[0] == "time":
        return Mention(start, end, frozenset(group[0][3]), True)
    digits = "digits" in kinds
    totals = {0.0}
    currents = {0.0}
    for _, _, kind, v in group:
        if kind == "digits":
            currents = {c + x for c in currents for x in v}
        elif kind in ("unit", "ten"):
            currents = {c + v for c in currents}
        elif kind == "half":
            currents = {c + 0.5 for c in currents}
        elif kind == "hundred":
            currents = {(c or 1) * v for c in currents}
        elif kind == "glue":
            if v == 1:
                currents = {1.0 if c == 0 else c for c in currents}
        elif kind == "scale":
            totals = {t + (c or 1) * v for t in totals for c in currents}
            currents = {0.0}
        elif kind == "maybe-scale":
            totals = {t + c * m for t in totals for c in currents for m in (1, v)}
            currents = {0.0}
    values = {_key(t + c) for t in totals for c in currents}
    if len(group) == 1 and kinds[0] == "digits":
        # a year may be written short (the 1990s ~ 90-жылдары): a year carries ("year", 90) and a
        # two-digit number ("short", 90), and only the two meet (see _mirror), so 1958 ~ 58 but
        # 1958 !~ 1558
        for v in list(values):
            if v == int(v) and 1000 <= v <= 2099:
                values.add(("year", int(v) % 100))
            elif v == int(v) and 0 <= v < 100:
                values.add(("short", int(v)))
    return Mention(start, end, frozenset(values), digits)
