"""Sentence splitting for Kazakh (Cyrillic and 2021 Latin) and English.

One compiled regular expression finds the candidate boundaries (a run of ``. ! ? …`` with its
closing quotes/brackets, or a line break); each candidate is then decided by rules that look at the
word before it and the word after it, as Kazakh is written:

* a lower-case word after a full stop never starts a sentence ("1901 ж. ағылшындар ...");
* abbreviations come from ``data/abbreviations-<lang>.txt``, each with a class that says what may
  follow it ("1 млрд. АҚШ долларына" continues; "... т.б. Келесі" is a boundary); one that is
  also a common word ("үй.", "қар.") is an abbreviation only next to a number;
* words that open sentences (``data/sentence-starters-<lang>.txt``: Бұл, Ол, Алайда ...) end a
  sentence after a date, an amount or an initial ("... 1,2 трлн. Бұл ...", "... Петр І. Ол ...");
* initials with any Kazakh capital (Ә Ғ Қ Ң Ө Ұ Ү Һ І) are not ends ("Қ. Сәтбаев"), nor are list
  and heading numbers ("2. Ұлттық ...", "ІІ. Экономика", "1.2. Мақсаты");
* ``?`` / ``!`` before a dash and a lower-case word ("... бар? — деді.") or a verb of saying
  ("деп", "деді") do not end the sentence;
* a line that ends without punctuation is a boundary when the next line begins a sentence (a
  capital, a digit, a dash or a list marker), and is joined to it when the next line continues it
  (lower case, or after a comma, a conjunction or a noun in the genitive: "Республикасының");
  a blank line is always a boundary;
* URLs and e-mail addresses are never split.

Segments never start or end with whitespace: all the layout (spaces, line breaks, blank lines)
stays in the gaps ``text[prev.end:next.start]`` so a caller can rebuild the document's layout.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Optional

from kkaligner.errors import SegmentationError, UsageError, choices
from kkaligner.io import check_text
from kkaligner.lang import LANGUAGES
from kkaligner.lang.web import address_spans
from kkaligner.types import Segment

# Bump when a rule or a data file changes: it is part of every output's signature.
SPLITTER_VERSION = "kk-1.1"

LANGS = LANGUAGES  # this module's name for kkaligner.lang.LANGUAGES

# A sentence longer than this is cut at the last comma or space before the limit: a 200,000-char
# line without punctuation must not reach the translation model as one "sentence".
DEFAULT_MAX_LENGTH = 1000

# --- character classes --------------------------------------------------------------------------
# Line breaks as str.splitlines() sees them.
_LB = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TERM = ".!?…‼⁇⁈⁉"
_CLOSE = "»”\"’'\\)\\]›"
_OPEN = "«„“\"'‘(\\[‹"
_DASH = "—–\\-‒―"

# A candidate is a run of terminal punctuation with its closers and the whitespace after it, or a
# whitespace run holding a line break (a line that ends without terminal punctuation).
# One pattern finds every candidate: it opens with a bare character class (a terminal mark or a
# line break) so that the regex engine skips ahead fast; group 1 is the whole run of terminal
# punctuation with its closing quotes/brackets, or the line break itself; group 2 the whitespace
# after it.
_CAND = re.compile(rf"([{_TERM}{_LB}](?:(?<=[{_TERM}])[{_TERM}]*(?:[{_CLOSE}]+[{_TERM}]*)*)?)(\s*)")
_LB_CHARS = _LB
# What opens the next sentence: opening quotes/brackets, a dialogue dash, then a word.
_NEXT = re.compile(
    rf"(?P<open>[{_OPEN}]*)(?:(?P<dash>[{_DASH}]+)[^\S{_LB}]*)?[{_OPEN}]*(?P<word>\w[\w'’\-]*)?"
)
# List markers at the start of a line: "- ", "• ", "1. ", "1) ", "а) ".
_MARKER = re.compile(rf"(?:[{_DASH}•*·▪►‣◦]|\d{{1,3}}[.)]|\w\))[^\S{_LB}]")
# Two line breaks with only spaces between (\r\n counts once), or a paragraph separator.
# One line break: "\r\n" is one, never a "\r" and a "\n" (that would count as a blank line).
_ONE_LB = rf"(?:\r\n|\r(?!\n)|[{_LB.replace(chr(13), '')}])"
_BLANK = re.compile(rf"{_ONE_LB}[^\S{_LB}]*{_ONE_LB}|\u2029")
_HAS_LB = re.compile(rf"[{_LB}]")
# Numbers of headings and list items at the start of a line: Roman (Latin or the Cyrillic І and Х
# Kazakh texts use for them) and sections ("1.2").
_ROMAN = re.compile(r"[IVXLCІХ]{1,6}")
_SECTION = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,3}")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)*[^\W\d_]")
# Verbs of saying that follow a quoted question or exclamation: "Келесің бе? деп сұрады".
_SPEECH_KK = re.compile(r"(?:де(?:п|д|ген|й|с)|de(?:p|d|gen|i|s))")

_WORD = re.compile(r"\w[\w'’\-]*")
_CLOSE_CHARS = _CLOSE.replace("\\", "")
_STRIP_BEFORE = _OPEN.replace("\\", "") + _DASH.replace("\\", "")
_TRIM = re.compile(r"\S(?:.*\S)?", re.S)
_FIRST = re.compile(r"\S")


@lru_cache(maxsize=None)
def _abbreviation_table(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """``abbreviation (lower case, no inner spaces) -> class`` from data/abbreviations-<lang>.txt,
    and the entries flagged ``word`` there (also a common word: "үй.", "қар.", "no.")."""
    table: dict[str, str] = {}
    words: set[str] = set()
    path = resources.files("kkaligner") / "data" / f"abbreviations-{lang}.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, _, rest = line.partition("\t")
        kind, _, flag = rest.strip().partition("\t")
        entry = entry.strip().lower()
        table[entry] = kind.strip() or "final"
        if flag.strip() == "word":
            words.add(entry)
    return table, frozenset(words)


def _abbreviations(lang: str) -> dict[str, str]:
    return _abbreviation_table(lang)[0]


@lru_cache(maxsize=None)
def title_abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations a name or a number follows, with their full stop, lower case ("dr.", "st.",
    "mt."): the class ``title`` of data/abbreviations-<lang>.txt."""
    return frozenset(entry for entry, kind in _abbreviations(lang).items() if kind == "title")


def sentence_starters(lang: str) -> frozenset[str]:
    """Words that open sentences and are not names (lower case), for ``lang``: data/sentence-starters-<lang>.txt."""
    return _starters(lang)


@lru_cache(maxsize=None)
def _starters(lang: str) -> frozenset[str]:
    """Words that open sentences and are not names, from data/sentence-starters-<lang>.txt."""
    path = resources.files("kkaligner") / "data" / f"sentence-starters-{lang}.txt"
    words = (w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


# Words after which a line cannot end a sentence (a hard wrap inside a sentence).
# A noun in the genitive case (Cyrillic and 2021 Latin suffixes) does not end a Kazakh sentence;
# possessive pronouns may ("Бұл кітап – менің").
_GENITIVE = re.compile(r"\w\w(?:ның|нің|дың|дің|тың|тің|nyñ|nıñ|dyñ|dıñ|tyñ|tıñ)$", re.IGNORECASE)
_PRONOUNS = frozenset(
    "менің сенің сіздің оның біздің олардың сендердің сіздердің бұның мұның соның осының "
    "menıñ senıñ sızdıñ onyñ bızdıñ olardyñ".split()
)
_JOIN_WORDS = {
    "kk": frozenset("және мен пен бен немесе әрі men pen ben jäne nemese".split()),
    "en": frozenset("and or the a an of to in for with on at by from as that".split()),
}


def _check(text: object, lang: str) -> None:
    if not isinstance(text, str):
        raise SegmentationError(
            f"segment() needs text (str), got {type(text).__name__}. "
            "Decode bytes first, e.g. kkaligner.io.decode(data)."
        )
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r} for the splitter; use {choices(LANGS)}.")
    check_text(text)


class _Rules:
    """The boundary decisions for one language."""

    def __init__(self, lang: str):
        self.lang = lang
        self.abbr, self.homographs = _abbreviation_table(lang)
        self.starters = _starters(lang)
        self.join_words = _JOIN_WORDS[lang]
        # English abbreviations also apply to ASCII words in Kazakh text ("St. Louis").
        self.en_abbr = None if lang == "en" else _abbreviations("en")
        # The longest one-word abbreviation: a longer plain word before ". Capital" is never one.
        self.abbr_max = max(
            len(e) - 1 for table in (self.abbr, self.en_abbr or {}) for e in table if "." not in e[:-1]
        )
        # What _split reads for every text, in one attribute load.
        self.hot = (
            self.after_punct, self.after_line, self.after_nospace, self.abbr, self.en_abbr, self.abbr_max
        )

    # -- the word before a full stop ------------------------------------------------------------
    def abbreviation_class(self, text: str, dot: int) -> str:
        """Class of the token ending at ``text[dot]`` (a full stop): an abbreviations class,
        ``initial``, ``list`` (a number opening a line), ``word`` or ``none`` (no token)."""
        lo = dot - 40 if dot > 40 else 0
        window = text[lo:dot]
        if not window or window[-1].isspace():
            return "none"
        word = window.rsplit(None, 1)[-1].lstrip(_STRIP_BEFORE)
        if not word:
            return "none"
        abbr = self.abbr
        low = word.lower()
        if len(word) > 1 and word.isalpha():  # the common case: a plain word
            kind = abbr.get(low + ".")
            homographs = self.homographs
            if not kind and self.lang != "en" and word.isascii():
                # English abbreviations in Kazakh text: "Six Flags St. Louis паркіне".
                kind = self.en_abbr.get(low + ".")
                homographs = _abbreviation_table("en")[1]
            if not kind:
                if word.isupper() and _ROMAN.fullmatch(word) and _at_line_start(text, dot - len(word)):
                    return "list"  # a numbered heading: "ІІ. Экономика", "IV. Қорытынды"
                return "word"
            if low + "." in homographs and not _abbreviation_context(text, dot - len(word)):
                return "homograph"  # "Бұл – біздің үй. Анам ..." but "5 қаз. 2020", "(араб. ...)"
            return kind
        if len(word) <= 3 and dot - len(word) >= 3 and text[dot - len(word) - 2] == ".":
            # Spaced multi-part abbreviations: "т. б.", "б. з. б.", "т. ғ. д."
            tokens = window.split()
            for k in (4, 3, 2):
                if len(tokens) >= k and all(
                    t.endswith(".") and len(t) <= 6 for t in tokens[-k:-1]
                ):
                    kind = abbr.get(("".join(tokens[-k:-1]) + low + ".").lstrip(_STRIP_BEFORE))
                    if kind:
                        return kind
        kind = abbr.get(low + ".")
        if kind:
            return kind
        if word.isdigit():
            # A list number opens its line or follows a sentence end ("... аяқталды. 2. Ұлттық").
            if _at_line_start(text, dot - len(word)):
                return "list"
            i = dot - len(word) - 1
            while i >= 0 and text[i] in " \t\xa0":
                i -= 1
            while i > 0 and text[i] in _CLOSE_CHARS:
                i -= 1
            if len(word) <= 2 and i < dot - len(word) - 1 and text[i] in _TERM:
                return "list"
            return "word"
        if _SECTION.fullmatch(word) and _at_line_start(text, dot - len(word)):
            return "list"  # "1.2. Бөлімнің мақсаты"
        head, hyphen, tail = word.rpartition("-")
        if hyphen and head[-1:].isdigit() and tail.isalpha():
            # After a number: "45-б.", "2-т.", "12-үй."
            kind = abbr.get(tail.lower() + ".")
            if kind:
                return kind
        if len(word) <= 12 and _INITIALS.fullmatch(word):
            if word.isupper() and not (self.lang == "en" and word == "I"):
                return "initial"
            if len(word) == 1:  # a lone lower-case letter: an abbreviation (қ., т., с. ...)
                return "date"
        return "word"

    # -- the word after a candidate -------------------------------------------------------------
    @staticmethod
    def next_kind(text: str, pos: int):
        """(kind, dash, opened, word) for the text at ``pos``; kind is upper/lower/digit/other."""
        c = text[pos]
        if c.isalpha():  # the common case: a word right after the space
            m = _WORD.match(text, pos)
            return ("lower" if c.islower() else "upper"), False, False, m.group()
        m = _NEXT.match(text, pos)
        word = m.group("word")
        dash = m.group("dash") is not None
        opened = bool(m.group("open"))
        if not word:
            return "other", dash, opened, ""
        c = word[0]
        if c.islower():
            return "lower", dash, opened, word
        if c.isdigit():
            return "digit", dash, opened, word
        return "upper", dash, opened, word

    def after_punct(self, text: str, p_start: int, p: str, ws: str, nxt: int) -> int:
        """Is the punctuation ``p`` at ``p_start`` followed by ``ws`` a sentence end? 0 no, 1 yes,
        2 a paragraph end."""
        newline = False
        if ws != " ":
            if _BLANK.search(ws):
                return 2
            newline = _HAS_LB.search(ws) is not None
        kind, dash, opened, word = self.next_kind(text, nxt)
        if newline and _MARKER.match(text, nxt):
            return True
        if p[0] != "." and p[0] != "…" and p.strip(".…" + _CLOSE_CHARS) != "":
            # ? ! and their combinations ("?..", "!?", "?»")
            if p_start and text[p_start - 1] in "([":  # "(!)", "(?)" inside a sentence
                return False
            if kind == "lower":
                # "... бар? — деді.", "... не? "cell" сөзі", "Yahoo! және": one sentence; but a
                # bare lower-case word after ?/! starts a new one in Kazakh ("кім? не?").
                if dash or opened or self.lang == "en" or word.lower() in self.join_words:
                    return False
                return _SPEECH_KK.match(word) is None
            return kind != "other" or newline
        if kind == "lower":
            return False
        if kind == "other":
            return newline and not dash
        if p[0] == "…" or p.startswith(".."):
            return kind == "upper" or newline
        # A single full stop (perhaps with closers); ".)." has a final stop after the closer.
        if len(p) > 1 and p[-1] in _TERM and p[1] not in _TERM:
            return True
        cls = self.abbreviation_class(text, p_start)
        if cls == "word" or cls == "none":
            return True
        if cls == "homograph":  # a common word here, unless a number follows ("No. 5")
            return newline or kind != "digit"
        if cls == "title" or cls == "list":
            return False
        if cls == "initial":
            # "Петр І. Ол ..." ends; "Қ. Сәтбаев", "J. R. R. Tolkien" do not.
            return kind == "upper" and len(word) > 1 and word.lower() in self.starters
        if kind == "digit":
            return newline
        if cls == "amount":  # "1 млрд. АҚШ долларына" continues, "1,2 трлн. Бұл ..." ends
            return newline or word.lower() in self.starters
        if cls == "date":
            return newline or dash or word.lower() in self.starters
        return True  # final

    def after_line(self, text: str, start: int, ws: str, nxt: int) -> int:
        """Is a line break (``ws`` at ``start``, after a line without final punctuation) an end?
        0 no, 1 yes, 2 a paragraph end."""
        if nxt >= len(text):
            return 0
        if (len(ws) > 1 or ws == "\u2029") and _BLANK.search(ws):
            return 2
        while start and text[start - 1].isspace():
            start -= 1
        if start == 0:
            return False
        if _MARKER.match(text, nxt):
            return True
        prev = text[start - 1]
        if prev in ",;(«„“[" or (prev in "-‐" and start > 1 and text[start - 2].isalpha()):
            return False
        kind, dash, opened, word = self.next_kind(text, nxt)
        if kind == "lower" and not dash:
            return False
        if kind == "other":
            return text[nxt] not in ",.;:)]»”!?…"
        tail = text[max(0, start - 20) : start].split()
        if tail and tail[-1].lower() in self.join_words:
            return False
        # "Республикасының\nПрезиденті": a genitive needs the noun it qualifies.
        return not (
            self.lang == "kk" and tail and _GENITIVE.search(tail[-1]) and tail[-1].lower() not in _PRONOUNS
        )

    def after_nospace(self, text: str, p_start: int, p_end: int) -> bool:
        """"жағдайы.XVIII ғасырдың": a stop with no space after it, between a word and a capital."""
        if p_start < 3 or p_end >= len(text) or p_end - p_start > 3:
            return False
        if not text[p_start - 1].islower():
            return False
        kind, dash, opened, word = self.next_kind(text, p_end)
        if kind != "upper" or dash or len(word) < 2:
            return False
        before = text[max(0, p_start - 3) : p_start]
        return before.isalpha()


def _fast_segment(start: int, end: int, text: str, paragraph: int) -> Segment:
    """Segment(start, end, text, paragraph) without the frozen dataclass's four guarded
    __setattr__ calls: twice as fast, and segment() makes one per sentence."""
    seg = _new(Segment)
    d = seg.__dict__
    d["start"] = start
    d["end"] = end
    d["text"] = text
    d["paragraph"] = paragraph
    return seg


_new = object.__new__
# Only while Segment is a plain frozen dataclass with exactly these fields and no validation.
_make_segment = (
    _fast_segment
    if tuple(getattr(Segment, "__dataclass_fields__", ())) == ("start", "end", "text", "paragraph")
    and not hasattr(Segment, "__post_init__")
    and not hasattr(Segment, "__slots__")
    else Segment
)
_FAST = _make_segment is _fast_segment  # _split builds segments inline only then

_RULES: dict[str, _Rules] = {}


def _rules(lang: str) -> _Rules:
    rules = _RULES.get(lang)
    if rules is None:
        rules = _RULES[lang] = _Rules(lang)
    return rules


def _protected_spans(text: str) -> list[int]:
    """Flat [start, end, start, end, ...] of the URLs and e-mail addresses in ``text``: never split
    inside these."""
    return [i for span in address_spans(text) for i in span]


def _at_line_start(text: str, start: int) -> bool:
    """Is there only blank space between the last line break (or the text's start) and ``start``?"""
    i = start - 1
    while i >= 0 and text[i] in " \t\xa0":
        i -= 1
    return i < 0 or text[i] in _LB


def _abbreviation_context(text: str, start: int) -> bool:
    """Is the word at ``start`` used as an abbreviation: after a number ("5 қаз.", "2 in.") or
    an opening bracket ("(араб. ...)")?"""
    i = start - 1
    if i >= 0 and text[i] in "([":
        return True
    while i >= 0 and text[i] in " \xa0":
        i -= 1
    return i >= 0 and text[i].isdigit()


def _split(text: str, rules: _Rules, max_length: int) -> list[Segment]:
    """The segments of ``text`` (which holds a non-space character).

    One loop over the candidates: each is decided (the common ". Capital" case inline, as
    after_punct would decide it, for speed) and a sentence end emits the segment before it.
    ``text[end:next_start]`` between two segments is their whitespace (empty in "жағдайы.XVIII").
    """
    # URL and e-mail spans, found only when a candidate could lie inside one: they hold no
    # whitespace and never end in ". ! ?", so a lone ". ! ?" before a space is always outside.
    protected = None
    n = len(text)
    after_punct, after_line, after_nospace, abbr, en_abbr, abbr_max = rules.hot
    new = _new
    fast = _FAST
    out: list[Segment] = []
    append = out.append
    paragraph = 0
    start = _FIRST.search(text).start() if text[0].isspace() else 0
    for m in _CAND.finditer(text, start):  # from the first non-space: leading blank lines are layout
        p, ws = m.groups()
        nxt = m.end()
        if nxt >= n:
            break  # the end of the text ends the last sentence anyway
        p_start = m.start()
        if p == "." and ws == " ":
            c = text[nxt]
            if c.islower():
                continue  # "1901 ж. ағылшындар": a lower-case word never opens a sentence
            end = p_start + 1
            kind = 0
            if c.isupper() and text[p_start - 1].islower():
                # ". Capital" after a plain word that is no abbreviation: a sentence end.
                i = text.rfind(" ", p_start - 24 if p_start > 24 else 0, p_start)
                if i >= 0:
                    word = text[i + 1 : p_start]
                    if word.isalpha() and len(word) > 1:
                        if len(word) > abbr_max:
                            kind = 1
                        else:
                            low = word.lower() + "."
                            if low not in abbr and (
                                en_abbr is None or not word.isascii() or low not in en_abbr
                            ):
                                kind = 1
            if not kind:
                kind = after_punct(text, p_start, p, ws, nxt)
                if not kind:
                    continue
        elif p[0] in _LB_CHARS:  # a line that ends without terminal punctuation
            kind = after_line(text, p_start, text[p_start:nxt], nxt)
            if not kind:
                continue
            end = p_start
            while text[end - 1].isspace():  # after_line said a non-space precedes
                end -= 1
        else:
            end = p_start + len(p)
            if end == nxt:  # no space after: "3.14", "т.б", or "жағдайы.XVIII"
                if not (text[nxt].isupper() and after_nospace(text, p_start, end)):
                    continue
                if protected is None:
                    protected = _protected_spans(text)
                if protected and bisect_right(protected, p_start) % 2 == 1:
                    continue  # inside a URL or an e-mail address
                kind = 1
            else:
                if (len(p) > 1 or p not in ".!?") and _HAS_LB.search(ws) is None:
                    # "…", "”", "›" may end a URL; a line break after one still is a boundary.
                    if protected is None:
                        protected = _protected_spans(text)
                    if protected and bisect_right(protected, p_start) % 2 == 1:
                        continue
                kind = after_punct(text, p_start, p, ws, nxt)
                if not kind:
                    continue
        if end - start <= max_length and fast:
            seg = new(Segment)  # as _fast_segment, filled in place: the hot path
            d = seg.__dict__
            d["start"] = start
            d["end"] = end
            d["text"] = text[start:end]
            d["paragraph"] = paragraph
            append(seg)
        else:
            for a, b in _long(text, start, end, max_length):
                append(_make_segment(a, b, text[a:b], paragraph))
        if kind == 2:
            paragraph += 1
        start = nxt
    end = n
    while text[end - 1].isspace():
        end -= 1
    if end - start <= max_length and fast:
        seg = new(Segment)  # as _fast_segment, filled in place: the hot path
        d = seg.__dict__
        d["start"] = start
        d["end"] = end
        d["text"] = text[start:end]
        d["paragraph"] = paragraph
        append(seg)
    else:
        for a, b in _long(text, start, end, max_length):
            append(_make_segment(a, b, text[a:b], paragraph))
    return out


def _soft_cut(text: str, start: int, end: int, max_length: int) -> int:
    """Where to cut ``text[start:end]`` (longer than max_length): after the last comma-like mark
    followed by a space in the second half of the window, else at the last space, else hard."""
    limit = start + max_length
    half = start + max_length // 2
    best = -1
    for mark in (", ", "; ", ": ", " — ", " – "):
        i = text.rfind(mark, half, limit)
        if i >= 0:
            i += 1 if mark[0] != " " else 0
            if i > best:
                best = i
    if best > start:
        return best
    parts = text[start + 1 : limit].rsplit(None, 1)
    if len(parts) == 2:  # the last whitespace of the window
        return limit - len(parts[1]) - 1
    return limit


def _long(text: str, start: int, end: int, max_length: int):
    """(start, end) pieces of a sentence longer than max_length, each at most max_length long."""
    while end - start > max_length:
        cut = _soft_cut(text, start, end, max_length)
        piece = _TRIM.search(text, start, cut)
        if piece is not None:
            yield piece.span()
        rest = _FIRST.search(text, cut, end)
        if rest is None:
            return
        start = rest.start()
    yield start, end


def segment(text: str, lang: str = "kk", *, max_length: int = DEFAULT_MAX_LENGTH) -> list[Segment]:
    """Split ``text`` into sentences.

    Returns segments in order with ``text == source[start:end]``, no leading or trailing
    whitespace, and every non-space character of ``text`` in exactly one segment. ``paragraph``
    counts blank-line-separated blocks from 0. A sentence longer than ``max_length`` characters is
    cut at a comma or a space before the limit. Raises UsageError for an unknown ``lang`` and
    SegmentationError when ``text`` is not a str.
    """
    _check(text, lang)
    if not isinstance(max_length, int) or max_length < 1:
        raise UsageError(f"max_length must be a positive number of characters, got {max_length!r}.")
    if not text or (text[0].isspace() and not _FIRST.search(text)):
        return []
    return _split(text, _RULES.get(lang) or _rules(lang), max_length)


def split_lines(text: str) -> list[Segment]:
    """Every non-empty line one segment (stripped), for files that are already one sentence a line."""
    _check(text, "kk")
    out: list[Segment] = []
    paragraph = 0
    prev_end = -1
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _TRIM.search(text, pos, pos + len(line))
        pos += len(line)
        if m is None:
            continue
        start, end = m.span()
        if prev_end >= 0 and _BLANK.search(text, prev_end, start):
            paragraph += 1
        out.append(Segment(start, end, text[start:end], paragraph))
        prev_end = end
    return out


def separators(text: str, segments) -> tuple[str, ...]:
    """The whitespace before, between and after ``segments`` (anything with ``start``/``end`` into
    ``text``, in order): ``len(segments) + 1`` strings."""
    if not segments:
        return (text,)
    seps = [text[: segments[0].start]]
    for prev, seg in zip(segments, segments[1:]):
        seps.append(text[prev.end : seg.start])
    seps.append(text[segments[-1].end :])
    return tuple(seps)


CHUNK_CHARS = 200_000
"""Characters of a document translated at a time by ``Translator.translate_chunks``."""


def chunks(text: str, size: Optional[int] = None) -> list[tuple[int, int]]:
    """``(start, end)`` spans that cut ``text`` into consecutive pieces of about ``size`` characters,
    each ending after a paragraph break (a blank line), else after a sentence (a line break alone
    may be inside a hard-wrapped sentence): no sentence is cut, and the pieces joined are the text. A piece runs longer than
    ``size`` only when no such place lies within it."""
    size = size or CHUNK_CHARS
    out, start, n = [], 0, len(text)
    while n - start > size:
        limit = start + size
        cut = text.rfind("\n\n", start, limit)
        if cut > start:
            cut += 2
        else:
            # After a sentence: the last that ends within ``size``, else the first after it (the
            # splitter ends a sentence within DEFAULT_MAX_LENGTH characters at the latest).
            window = text[start : limit + 2 * DEFAULT_MAX_LENGTH]
            segs = segment(window)
            if start + len(window) < n:
                segs = segs[:-1]  # the last may be cut short by the window
            ends = [seg.end for seg in segs]
            within = [e for e in ends if e <= size]
            cut = start + (within[-1] if within else ends[0]) if ends else n
        while cut < n and text[cut] in " \t\r\n":
            cut += 1  # the whitespace after the cut stays with the piece before it
        if cut >= n:
            break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


__all__ = ["SPLITTER_VERSION", "CHUNK_CHARS", "chunks", "separators", "LANGS", "DEFAULT_MAX_LENGTH", "segment", "split_lines"]
