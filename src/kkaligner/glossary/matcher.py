"""Finding glossary lemmas in Kazakh text, in every inflected form.

Design (fast: the text is tokenised once, no per-entry scan):

* Every pattern (a lemma, or a Kazakh rendering) is folded and cut into tokens; it is indexed by
  its **last** token's stem, under the plain stem and, when the stem ends in к/қ/п, also under the
  voiced stem (Бәйтерег-) which only vowel-initial suffixes may follow; a word that elides its last
  vowel (халық -> халқы, forms.ELISION) likewise under the elided stem.
* A text token is analysed as stem + suffix: for each stem length the index knows that leaves at
  most ``MAX_SUFFIX`` letters, the stem is looked up and the rest must be one of the suffix chains
  allowed after that stem's final sound (``forms.suffix_set``). This is what keeps Алма out of
  Алматы and Ертіс out of Ертістік: ``ты`` and ``тік`` are not chains after those stems.
* The other words of a multiword pattern must stand before it, exactly (case-folded), separated
  by spaces or quotes; a hyphenated name keeps its hyphen.
* A hyphen and a suffix chain may follow the pattern (Союз-5-тің, НАТО-ға); after a digit the
  suffix may also stand directly (Союз-5тің).
* Overlapping candidates: the leftmost wins, and of those starting together the longest.

Case: a pattern with ``case_sensitive`` matches its exact letters (the suffix's case is free). An
insensitive pattern matches in any case, except that a pattern written with a capital initial (a
name) needs a capital initial in the text: Болат the name is not болат "steel", Арман is not
арман "dream". ALL-CAPS headlines match.

Document case evidence (truecasing): at the start of a sentence (of the text, of a line, after
. ! ? or …, or after an opening quote or dash that follows one of these or a colon) a capital says
nothing, so Азаматтар "citizens" looks like the name Азамат. The whole text passed to ``find`` is
the evidence: when it uses the pattern in lower case (any inflected form, anywhere) and does not
use it capitalised mid-sentence, or uses it in lower case at least ``LOWER_RATIO`` times as often,
a sentence-initial occurrence is read as the common word and is not matched. Without lower-case
evidence (a single sentence, a text about the person Азамат) the sentence-initial name matches as
before. Only occurrences whose capital is the sentence's are weighed: a pattern capitalised beyond
its first letter (ВДНХ, Ақ Орда) or a surface in capitals is unambiguous, and so is a word alone
in quotes («Барыс» командасы) or a bare word followed by a capitalised word or an honorific
(Азамат Жұмабеков, Қуандық ата). Case-sensitive patterns follow the same rule, their lower-case
evidence being the pattern's letters with a lower-case initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterable

from kkaligner.lang.casing import fold, fold_kk
from kkaligner.lang.kazakh import (
    ALTERNATION,
    ELISION,
    VOWELS,
    all_suffixes,
    elided,
    final_class,
    looks_possessed,
    suffix_set,
)
from kkaligner.types import Match, Term

# A token is a run of letters or a run of digits (so that "5тің" is 5 + тің).
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
_ALL_SUFFIXES = all_suffixes()
MAX_SUFFIX = max(len(s) for s in _ALL_SUFFIXES)
_PREFIX = 4  # prefilter key length
_QUOTES = "«»\"“”„‟'‘’‹›`"
_SPACE_CHARS = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f" + _QUOTES)
_HYPHENS = frozenset("-\u2010\u2011")

# Document case evidence (see the module docstring). The ratio: a text that writes the word in
# lower case this many times for each capitalised mid-sentence use reads it as a common word at the
# start of a sentence (a text about citizens, азаматтар, that names one Азамат keeps it a noun).
LOWER_RATIO = 3
# What may stand between a sentence end and the sentence's first word: spaces, quotes, brackets,
# dashes ("— Азаматтар ...", «Азаматтарымызды ...»).
_LEAD_CHARS = frozenset(" \t\f\v\u00a0\u2009\u202f" + _QUOTES + "()[]{}\u2012\u2013\u2014\u2015") | _HYPHENS
_LEAD_MARKS = frozenset(_QUOTES + "([{\u2012\u2013\u2014\u2015") | _HYPHENS
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x85")
_SENTENCE_ENDS = frozenset(".!?…")
_LOWER = object()  # _complete's answer for an occurrence that is lower-case evidence
# Words that follow a personal name (Қуандық ата, Төле би, Азамат аға, Айгүл апай, Қамқа әжей): after
# one, a sentence-initial bare word is a name. Source: Kazakh forms of address and honorific titles
# postposed to a name (kinship terms used as address, their colloquial forms әжей, атай, тәте, көке,
# historical titles би/батыр/хан/қажы).
HONORIFICS = frozenset(
    {"ата", "апа", "аға", "ағай", "әке", "әже", "әпке", "апай", "баба", "би", "батыр", "хан", "ханым", "мырза", "қажы", "ақын",
     "әжей", "атай", "тәте", "көке"}
)


def sentence_initial(text: str, start: int) -> bool:
    """True when the word at ``start`` begins a sentence, so that its capital says nothing.

    That is: nothing but spaces, quotes, brackets and dashes stand between it and the start of the
    text, a line break, or . ! ? …; or a quote or dash opens direct speech after a colon
    (деді: «Азаматтар ...).
    """
    i = start - 1
    marks = False
    while i >= 0:
        c = text[i]
        if c in _LINE_BREAKS:
            return True
        if c not in _LEAD_CHARS:
            break
        marks = marks or c in _LEAD_MARKS
        i -= 1
    else:
        return True
    c = text[i]
    return c in _SENTENCE_ENDS or (c == ":" and marks)


@dataclass(frozen=True)
class Pattern:
    """One string to find, and what a match of it means.

    ``text`` is the lemma or rendering as written; ``variant`` and ``forbidden`` are copied into the
    Match (``""``/False for a source lemma or an approved rendering).
    """

    text: str
    term: Term
    variant: str = ""
    forbidden: bool = False
    case_sensitive: bool = False


_WORD_RE = re.compile(r"[^\W\d_]+")
_SPLIT_RE = re.compile(r"([^\W\d_]+|\d+)")


class _Spans:
    """(start, end) of token ``k``, from the cumulative lengths of the split parts."""

    __slots__ = ("acc", "n")

    def __init__(self, acc: list[int], n: int):
        self.acc, self.n = acc, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> tuple[int, int]:
        return self.acc[2 * k], self.acc[2 * k + 1]


def tokenize(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN_RE.finditer(folded)]


def _sep_kind(sep: str) -> str:
    """Normalise a separator inside a pattern: ' ' (spaces/quotes), '-' or the exact string."""
    if sep and all(c in _SPACE_CHARS for c in sep):
        return " "
    if sep and all(c in _HYPHENS for c in sep):
        return "-"
    return sep


def _sep_ok(kind: str, sep: str) -> bool:
    if kind == " ":
        return bool(sep) and all(c in _SPACE_CHARS for c in sep)
    if kind == "-":
        return len(sep) == 1 and sep in _HYPHENS
    return sep == kind


class _Rec:
    """One indexed pattern (a plain slotted class: building 10,000 of them must be cheap).

    ``prior``: folded tokens before the last one; ``seps``: separator kinds between the tokens;
    ``orig``/``orig_prior``: the tokens as written (case-sensitive checks); ``capital``: the
    pattern starts with a capital (smart case).
    """

    __slots__ = ("pattern", "prior", "seps", "orig", "orig_prior", "capital", "digit_final", "order", "key")

    def __init__(self, pattern, prior, seps, orig, orig_prior, capital, digit_final, order, key):
        self.pattern = pattern
        self.key = key  # the folded pattern: case evidence is pooled per pattern text
        self.prior = prior
        self.seps = seps
        self.orig = orig
        self.orig_prior = orig_prior
        self.capital = capital
        self.digit_final = digit_final
        self.order = order


class KazakhIndex:
    """Index of patterns, matched in Kazakh text in their inflected forms."""

    def __init__(self, patterns: Iterable[Pattern]):
        self._stems: dict[str, list[tuple[_Rec, frozenset[str]]]] = {}
        self._prefixes: set[str] = set()
        self._short: set[str] = set()
        self._lengths: set[int] = set()
        vowel_only: dict[tuple[str, bool], frozenset[str]] = {}
        digit_sufs = frozenset({""})
        for order, p in enumerate(patterns):
            original = p.text.strip()
            folded = fold_kk(original)
            cap = original[:1].isupper()
            if _WORD_RE.fullmatch(folded):  # one word: the common case, kept cheap
                last = folded
                rec = _Rec(p, (), (), original, (), cap, False, order, folded)
                possessed = False
            else:
                spans = tokenize(folded)
                if not spans:
                    continue
                toks = [folded[s:e] for s, e in spans]
                seps = tuple(_sep_kind(folded[spans[i][1] : spans[i + 1][0]]) for i in range(len(spans) - 1))
                last = toks[-1]
                ls, le = spans[-1]
                digit_final = last.isdigit()
                rec = _Rec(
                    p,
                    tuple(toks[:-1]),
                    seps,
                    original[ls:le],
                    tuple(original[s:e] for s, e in spans[:-1]),
                    cap,
                    digit_final,
                    order,
                    folded,
                )
                if digit_final:
                    self._add(last, rec, digit_sufs)
                    continue
                possessed = looks_possessed(original)
            key = (final_class(last), possessed)
            sufs = suffix_set(*key)
            self._add(last, rec, sufs)
            alt = ALTERNATION.get(last[-1])
            if last in ELISION:  # халық -> халқы: the elided stem, before vowels only
                alt_stem = elided(last)
            elif last[-1] in "ьъ":  # король -> королі: the soft sign drops before a vowel
                alt_stem = last[:-1]
            elif alt and len(last) >= 2 and last[-2] in VOWELS:  # forms.alternates, inlined
                alt_stem = last[:-1] + alt
            else:
                continue
            if key not in vowel_only:
                vowel_only[key] = frozenset(s for s in sufs if s and s[0] in VOWELS)
            self._add(alt_stem, rec, vowel_only[key])
        self._lengths_desc = sorted(self._lengths, reverse=True)
        self._short_lengths = sorted({len(s) for s in self._short}, reverse=True)

    def _add(self, stem: str, rec: _Rec, sufs: frozenset[str]) -> None:
        self._stems.setdefault(stem, []).append((rec, sufs))
        self._lengths.add(len(stem))
        if len(stem) >= _PREFIX:
            self._prefixes.add(stem[:_PREFIX])
        else:
            self._short.add(stem)

    def __len__(self) -> int:
        return len(self._stems)

    def _analyse(self, w: str) -> list[tuple[_Rec, int, str]]:
        """Every (pattern, stem length, suffix) reading of one folded token."""
        if w[:_PREFIX] not in self._prefixes:
            if not self._short:
                return []
            for k in self._short_lengths:
                if k <= len(w) and w[:k] in self._short:
                    break
            else:
                return []
        out = []
        lw = len(w)
        stems = self._stems
        for L in self._lengths_desc:
            if L > lw:
                continue
            if lw - L > MAX_SUFFIX:
                break
            entries = stems.get(w[:L])
            if entries is None:
                continue
            suf = w[L:]
            for rec, sufs in entries:
                if suf in sufs:
                    out.append((rec, L, suf))
        return out

    def find(self, text: str, lang: str = "kk", *, case_evidence: bool = True) -> list[Match]:
        """Matches in ``text``; ``case_evidence``: weigh the text's own use of lower case against
        sentence-initial capitals (module docstring). Turn it off to ask whether a form is present
        at all, whatever the text says about the word."""
        if not self._stems or not text:
            return []
        folded = fold_kk(text)
        # parts alternate separator, token, separator, ..., separator (all C-level work), and each
        # distinct token is analysed once: names recur, and most tokens are no name at all.
        parts = _SPLIT_RE.split(folded)
        words = parts[1::2]
        analyses = {}
        for w in set(words):
            a = self._analyse(w)
            if a:
                analyses[w] = a
        if not analyses:
            return []
        spans = _Spans(list(accumulate(map(len, parts))), len(words))
        hyphen_sufs = all_suffixes()
        cands = []
        lower: dict[str, int] = {}  # pattern key -> lower-case occurrences
        capital: dict[str, int] = {}  # pattern key -> capitalised occurrences mid-sentence
        ambiguous = []  # (candidate index, key) of capitalised occurrences at a sentence start
        for i, w in enumerate(words):
            a = analyses.get(w)
            if a is None:
                continue
            for rec, L, suf in a:
                m = self._complete(rec, text, folded, spans, i, L, suf, hyphen_sufs)
                if m is None:
                    continue
                if m is _LOWER:
                    if _no_capitals(text, spans[i - len(rec.prior)][0], spans[i][1]):
                        lower[rec.key] = lower.get(rec.key, 0) + 1  # not әл-Фараби: a spelling of the name
                    continue
                if rec.capital and case_evidence:
                    start, end = m[0], m[1]
                    if not _no_capitals(text, start + 1, end):
                        pass  # ВДНХ, Әл-Фараби, АЗАМАТТАР: more capitals say "name" or "headline"
                    elif not sentence_initial(text, start):
                        capital[rec.key] = capital.get(rec.key, 0) + 1
                    elif not (_quoted(text, start, end) or (not m[4] and _name_follows(text, folded, spans, i))):
                        ambiguous.append((len(cands), rec.key))
                cands.append(m)
        if ambiguous and lower:
            drop = {
                k
                for k, key in ambiguous
                if lower.get(key, 0) and lower[key] >= LOWER_RATIO * capital.get(key, 0)
            }
            if drop:
                cands = [c for k, c in enumerate(cands) if k not in drop]
        return _resolve(cands, text, lang)

    @staticmethod
    def _complete(rec, text, folded, spans, i, L, suf, hyphen_sufs):
        s, e = spans[i]
        start = s
        # words before the last one
        k = i
        for j in range(len(rec.prior) - 1, -1, -1):
            if k == 0:
                return None
            ps, pe = spans[k - 1]
            if folded[ps:pe] != rec.prior[j]:
                return None
            if not _sep_ok(rec.seps[j], folded[pe:start]):
                return None
            if (
                rec.pattern.case_sensitive
                and text[ps:pe] != rec.orig_prior[j]
                and not (j == 0 and _lowered(text[ps:pe], rec.orig_prior[j]))  # evidence, below
            ):
                return None
            start = ps
            k -= 1
        p = rec.pattern
        if p.case_sensitive:
            stem = text[s : s + L]
            want = rec.orig
            if not rec.prior and _lowered(stem[:1], want[:1]):
                stem = want[0] + stem[1:]  # the other letters are checked below; the initial is evidence
            if stem != want and not (
                len(stem) == len(want) and stem[:-1] == want[:-1] and suf[:1] in VOWELS
            ):
                return None
            if rec.capital and text[start].islower():
                return _LOWER
        elif rec.capital and not text[start].isupper():
            # lower-case use of a name-like pattern: no match, but evidence about the word
            return _LOWER if text[start].islower() else None
        end = e
        suffix = text[e - len(suf) : e] if suf else ""
        if not suf and i + 1 < len(spans):
            ns, ne = spans[i + 1]
            sep = folded[e:ns]
            nxt = folded[ns:ne]
            if (len(sep) == 1 and sep in _HYPHENS) and nxt in hyphen_sufs and not nxt.isdigit():
                end, suffix = ne, text[e:ne]
            elif rec.digit_final and sep == "" and nxt in hyphen_sufs:
                end, suffix = ne, text[e:ne]
        # ties (same span): the longer stem wins (Сырым the name over Сыр + -ым), then pattern order
        return (start, end, (-L, rec.order), rec.pattern, suffix)


def _lowered(got: str, want: str) -> bool:
    """``got`` is ``want`` with its capital initial in lower case (Азамат -> азамат)."""
    return bool(got) and got[1:] == want[1:] and got[0].islower() and got[0].upper() == want[0]


def _no_capitals(text: str, start: int, end: int) -> bool:
    return not any(c.isupper() for c in text[start:end])


def _name_follows(text: str, folded: str, spans, i: int) -> bool:
    """Token ``i`` is followed, after spaces, by a capitalised word (a run of names: Азамат
    Жұмабеков) or by an honorific (Қуандық ата, Төле бидің): the bare word before it is a name."""
    if i + 1 >= len(spans):
        return False
    e = spans[i][1]
    ns, ne = spans[i + 1]
    if ns == e or any(c not in " \u00a0" for c in text[e:ns]):
        return False
    if text[ns].isupper() and _no_capitals(text, ns + 1, ne):
        return True
    nxt = folded[ns:ne]
    if nxt in HONORIFICS:
        return True
    for k in range(2, len(nxt)):
        if nxt[:k] in HONORIFICS and nxt[k:] in _ALL_SUFFIXES:
            return True
    return False


def _quoted(text: str, start: int, end: int) -> bool:
    """The match fills a pair of quotes on its own («Барыс» командасы, "Астана" клубы): the way
    Kazakh writes the names of teams, companies, works and products."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    if i < 0 or text[i] not in _QUOTES:
        return False
    j = end
    while j < len(text) and text[j] in " \u00a0":
        j += 1
    return j < len(text) and text[j] in _QUOTES


def _resolve(cands, text: str, lang: str) -> list[Match]:
    """Leftmost-longest selection of non-overlapping candidates, as Match objects.

    ``cands`` are ``(start, end, order, pattern, suffix)``; ties go to the lower ``order``.
    """
    if not cands:
        return []
    cands.sort(key=lambda c: (c[0], -c[1], c[2]))
    out: list[Match] = []
    last_end = -1
    for start, end, _order, p, suffix in cands:
        if start < last_end:
            continue
        out.append(
            Match(
                term=p.term,
                start=start,
                end=end,
                surface=text[start:end],
                suffix=suffix,
                lang=lang,
                variant=p.variant,
                forbidden=p.forbidden,
            )
        )
        last_end = end
    return out


def find_forms(text: str, lemma: str, *, case_sensitive: bool = False) -> list[Match]:
    """Occurrences of any inflected form of the Kazakh ``lemma`` in ``text`` (Match.term is a
    placeholder Term with ``source == target == lemma``)."""
    term = Term(source=lemma, target=lemma, case_sensitive=case_sensitive)
    return KazakhIndex([Pattern(lemma, term, case_sensitive=case_sensitive)]).find(text)


__all__ = [
    "HONORIFICS",
    "LOWER_RATIO",
    "TOKEN_RE",
    "KazakhIndex",
    "Pattern",
    "find_forms",
    "fold",
    "sentence_initial",
    "tokenize",
]
