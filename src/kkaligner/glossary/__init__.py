"""Glossaries: load, merge, lint, save, and find their terms in Kazakh (inflected) and English text.

    from kkaligner.glossary import Glossary
    g = Glossary.load("names.tsv")
    for m in g.match("Байқоңырдағы «Бәйтерек» кешенінің құрылысы", lang="kk"):
        print(m.surface, m.term.target, m.suffix)

Precedence: when two entries have the same key (languages and case-folded source), the one given
**later** wins: later rows of a file over earlier ones, later files of ``load_many`` over earlier
ones, and the user's glossaries over the shipped default (which is always loaded first). Every
overridden entry is still reported by ``lint()`` (``conflict`` when the renderings differ,
``duplicate`` when they are the same), and ``resolve_conflicts()`` folds the overridden renderings
into the winner's alternatives instead of dropping them.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import warnings
from dataclasses import astuple, dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from kkaligner import reading
from kkaligner.errors import GlossaryConflictError, GlossaryError
from kkaligner.glossary.english import EnglishIndex
from kkaligner.glossary.formats._common import has_word
from kkaligner.glossary.matcher import KazakhIndex, Pattern, find_forms
from kkaligner.io import check_text
from kkaligner.lang.kazakh import kazakh_forms
from kkaligner.types import Match, Term

PathLike = Union[str, Path]

# Languages matched with Kazakh morphology; every other language is matched as English is.
INFLECTED_LANGS = frozenset({"kk", "kaz", "kk-kz", "kk_kz", "kk-cyrl"})

SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class LintIssue:
    """One problem found by ``Glossary.lint()``.

    ``code`` is stable (``conflict``, ``duplicate``, ``empty-field``, ``forbidden-approved``,
    ``alternative-is-target``, ``whitespace``, ``empty-glossary``, ``dead-term``; for rows that
    could not be read ``malformed-row``, ``missing-tab``, ``extra-cells``, ``bad-value``,
    ``bad-header``, ``malformed-csv``, ``malformed-xml``; ``omegat-extra-columns``);
    ``severity`` is ``error``, ``warning`` or ``info``; ``where`` names the file and line(s) of the
    entries involved when known.
    """

    code: str
    severity: str
    message: str
    source: str = ""
    where: tuple[str, ...] = ()

    def __str__(self) -> str:
        loc = "; ".join(self.where)
        return f"{self.severity}: {self.code}: {self.message}" + (f" ({loc})" if loc else "")


@dataclass(frozen=True)
class ConflictMerge:
    """What ``Glossary.resolve_conflicts()`` did to one source given on several rows.

    ``target`` is the rendering kept (the last row's, the one the glossary used); ``added`` are the
    other rows' renderings and alternatives now accepted as alternatives; ``unforbidden`` are
    forbidden variants dropped because another row accepts them; ``where`` the rows merged.
    """

    source: str
    target: str
    added: tuple[str, ...]
    unforbidden: tuple[str, ...]
    where: tuple[str, ...]

    def __str__(self) -> str:
        rows = f" ({'; '.join(self.where)})" if self.where else ""
        text = f"merged {len(self.where) or 'several'} rows of {self.source!r}{rows}: rendering {self.target!r}"
        if self.added:
            text += ", alternatives " + ", ".join(repr(a) for a in self.added) + " added"
        if self.unforbidden:
            text += ", no longer forbidden " + ", ".join(repr(a) for a in self.unforbidden)
        return text


def _is_kazakh(lang: str) -> bool:
    return lang.lower() in INFLECTED_LANGS


def _decode(data: bytes, p: Path) -> str:
    """The text of a glossary file: UTF-8 (a BOM is dropped), or UTF-16/32 with a BOM (what
    spreadsheet programs save as "Unicode text")."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise GlossaryError(
                    f"{p}: starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()}. "
                    "Save the glossary as UTF-8."
                ) from None
    if b"\x00" in data:
        # no text file holds NUL: UTF-16 without a byte-order mark, or a spreadsheet/binary file
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise GlossaryError(
            f"{p}, line {line}: contains NUL bytes, so it is not a UTF-8 text file (UTF-16 without a "
            "byte-order mark, or a spreadsheet/binary file?). Save the glossary as UTF-8 text, e.g. "
            "`iconv -f UTF-16LE -t UTF-8 IN > OUT`."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(
            f"{p}, line {line}: not UTF-8 (undecodable byte at offset {exc.start}). Save the "
            "glossary as UTF-8, e.g. `iconv -f CP1251 -t UTF-8 IN > OUT`."
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _rows(where: Sequence[str], short: bool) -> str:
    """How a conflict names the rows of one rendering: "line 2", "lines 2, 3" when every row is
    in one file (``short``; the issue's ``where`` names the file), else the full "file, line N"."""
    if short:
        nums = [w.rsplit(", line ", 1)[1] for w in where]
        return ("lines " if len(nums) > 1 else "line ") + ", ".join(nums)
    return "; ".join(where)


class Glossary:
    """An immutable set of glossary entries with prebuilt match indexes.

    ``terms`` are the effective entries (one per key, later entries overriding earlier ones, in
    the order their keys first appeared); the entries they override are kept for ``lint()``.
    """

    # __weakref__: per-glossary indexes elsewhere (terms.plan's synonyms) are cached on weak keys
    __slots__ = ("_raw", "_origins", "terms", "_by_key", "_indexes", "_hash", "_hashed", "name", "load_issues",
                 "__weakref__")

    def __init__(
        self,
        terms: Iterable[Term] = (),
        *,
        origins: Optional[Sequence[str]] = None,
        name: str = "",
        load_issues: Iterable["LintIssue"] = (),
    ):
        raw = tuple(terms)
        for t in raw:
            if not isinstance(t, Term):
                raise GlossaryError(f"a glossary holds Term values, got {type(t).__name__}.")
        self._raw = raw
        self._origins = tuple(origins) if origins is not None else ("",) * len(raw)
        by_key: dict = {}
        for t in raw:
            by_key[t.key] = t  # later wins; dict keeps first-insertion order
        self._by_key = by_key
        self.terms: tuple[Term, ...] = tuple(by_key.values())
        self._indexes: dict[str, object] = {}
        self._hash: Optional[str] = None
        self._hashed: Optional[int] = None  # hash(self.terms), once: a glossary does not change
        self.name = name
        # what reading the files found (rows skipped or read not as written); lint() lists them first
        self.load_issues: tuple[LintIssue, ...] = tuple(load_issues)

    # --- construction ----------------------------------------------------------------------

    @classmethod
    def empty(cls) -> "Glossary":
        return cls((), name="empty")

    @classmethod
    def from_terms(cls, terms: Iterable[Term], name: str = "") -> "Glossary":
        return cls(terms, name=name)

    @classmethod
    def load(
        cls, path: PathLike, format: Optional[str] = None, *, strict: bool = False, keep_going: bool = False
    ) -> "Glossary":
        """Read a glossary file (format guessed from its ending and content unless given).

        ``strict``: raise GlossaryConflictError, listing every conflict, when one source has two
        different renderings. Raises GlossaryError naming the file (and line) for a missing,
        undecodable or malformed file; with ``keep_going`` a malformed row is skipped instead and
        recorded in ``load_issues`` (so ``lint()`` lists every bad row). Entries whose term can never
        match (no letter or digit) are skipped with a warning. Warnings are in ``load_issues`` and
        are also issued as ``RuntimeWarning``.
        """
        from kkaligner.glossary import formats

        p = Path(path)
        if not p.exists():
            raise GlossaryError(f"{p}: no such glossary file. Check the path.")
        if p.is_dir():
            raise GlossaryError(f"{p} is a folder; pass a glossary file (.tsv, .csv, .tbx or OmegaT .txt).")
        text = _decode(p.read_bytes(), p)
        fmt = formats.guess(p, text, format)
        findings = formats.Findings(keep_going=keep_going)
        rows = fmt.read(text, str(p), findings)
        issues = [LintIssue(i.code, i.severity, i.message, "", (i.where,)) for i in findings.issues]
        for issue in issues:
            if issue.severity == "warning":
                warnings.warn(f"{issue.where[0]}: {issue.message}", RuntimeWarning, stacklevel=2)
        g = cls(
            [t for t, _ in rows],
            origins=[f"{p}, line {line}" if line else str(p) for _, line in rows],
            name=p.name,
            load_issues=issues,
        )
        if strict:
            conflicts = [i for i in g.lint() if i.code == "conflict"]
            if conflicts:
                raise GlossaryConflictError(
                    f"{p}: {len(conflicts)} source term{'s have' if len(conflicts) > 1 else ' has'} several "
                    "renderings:\n" + "\n".join(f"  {i.message}" for i in conflicts)
                )
        return g

    @classmethod
    def load_many(
        cls,
        paths: Iterable[PathLike],
        include_default: bool = False,
        format: Optional[str] = None,
        *,
        keep_going: bool = False,
    ) -> "Glossary":
        """Load several glossaries; later ones override earlier ones, all override the default."""
        parts = [cls.default()] if include_default else []
        parts += [cls.load(p, format, keep_going=keep_going) for p in paths]
        if not parts:
            return cls.empty()
        return parts[0].merge(*parts[1:])

    @classmethod
    def default(cls) -> "Glossary":
        """The curated kk–en names glossary shipped with kkaligner (glossary/kk-en-names.tsv)."""
        return _default()

    def merge(self, *others: "Glossary") -> "Glossary":
        """A glossary with the entries of ``self`` then ``others``: the later glossary wins."""
        raw = list(self._raw)
        origins = list(self._origins)
        issues = list(self.load_issues)
        names = [self.name] if self.name else []
        for o in others:
            raw += o._raw
            origins += o._origins
            issues += o.load_issues
            if o.name:
                names.append(o.name)
        return Glossary(raw, origins=origins, name="+".join(names), load_issues=issues)

    def _groups(self) -> dict:
        """key -> [(term, origin), ...] in row order, for every key."""
        groups: dict = {}
        for t, origin in zip(self._raw, self._origins):
            groups.setdefault(t.key, []).append((t, origin))
        return groups

    def resolve_conflicts(self) -> tuple["Glossary", tuple[ConflictMerge, ...]]:
        """A glossary with one row per source, and what was merged.

        Where a source is given on several rows, the last row (the one this glossary uses) keeps
        its rendering and other fields; the other rows' renderings and alternatives become its
        alternatives, and the forbidden variants of all the rows are kept unless one of the rows
        accepts them (then they are dropped and reported). Nothing a row says is lost silently.
        """
        merged: list[Term] = []
        origins: list[str] = []
        reports: list[ConflictMerge] = []
        for items in self._groups().values():
            last, origin = items[-1]
            if len(items) == 1:
                merged.append(last)
                origins.append(origin)
                continue
            accepted = [last.target, *last.alternatives]
            for t, _ in items[:-1]:
                accepted += [t.target, *t.alternatives]
            alts: list[str] = []
            for a in accepted[1:]:
                if a.casefold() != last.target.casefold() and a.casefold() not in {x.casefold() for x in alts}:
                    alts.append(a)
            folded = {a.casefold() for a in accepted}
            forbidden: list[str] = []
            unforbidden: list[str] = []
            for t, _ in items:
                for f in t.forbidden:
                    bucket = unforbidden if f.casefold() in folded else forbidden
                    if f not in bucket:
                        bucket.append(f)
            term = replace(last, alternatives=tuple(alts), forbidden=tuple(forbidden))
            merged.append(term)
            origins.append(origin)
            added = tuple(a for a in alts if a not in last.alternatives)
            if added or unforbidden or term.forbidden != last.forbidden:
                where = tuple(o for _, o in items if o)
                reports.append(ConflictMerge(last.source, last.target, added, tuple(unforbidden), where))
        g = Glossary(merged, origins=origins, name=self.name, load_issues=self.load_issues)
        return g, tuple(reports)

    # --- access ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def __repr__(self) -> str:
        return f"Glossary({len(self)} terms{', ' + self.name if self.name else ''}, hash={self.hash})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Glossary) and self.terms == other.terms

    def __hash__(self) -> int:
        if self._hashed is None:
            self._hashed = hash(self.terms)
        return self._hashed

    @property
    def hash(self) -> str:
        """Short, stable sha256 of the effective entries (order-independent), for signatures."""
        if self._hash is None:
            rows = sorted(json.dumps(astuple(t), ensure_ascii=False) for t in self.terms)
            self._hash = hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()[:12]
        return self._hash

    def lookup(self, source: str, source_lang: Optional[str] = None, target_lang: Optional[str] = None) -> Optional[Term]:
        """The effective entry for a lemma (case-folded), or None."""
        key = source.strip().casefold()
        for t in self.terms:
            if t.source.casefold() == key and source_lang in (None, t.source_lang) and target_lang in (
                None,
                t.target_lang,
            ):
                return t
        return None

    # --- matching ----------------------------------------------------------------------------

    def patterns(self, lang: str) -> list[Pattern]:
        """What to look for in text of ``lang``: source lemmas of entries from ``lang``, and
        renderings, alternatives and forbidden variants of entries into ``lang``."""
        out: list[Pattern] = []
        for t in self.terms:
            if t.source_lang == lang:
                out.append(Pattern(t.source, t, case_sensitive=t.case_sensitive))
        for t in self.terms:
            if t.target_lang == lang:
                out.append(Pattern(t.target, t, case_sensitive=t.case_sensitive))
                for a in t.alternatives:
                    out.append(Pattern(a, t, variant=a, case_sensitive=t.case_sensitive))
        for t in self.terms:
            if t.target_lang == lang:
                for f in t.forbidden:
                    out.append(Pattern(f, t, variant=f, forbidden=True, case_sensitive=t.case_sensitive))
        return out

    def index(self, lang: str):
        idx = self._indexes.get(lang)
        if idx is None:
            pats = self.patterns(lang)
            idx = KazakhIndex(pats) if _is_kazakh(lang) else EnglishIndex(pats)
            self._indexes[lang] = idx
        return idx

    def match(self, text: str, lang: str = "kk", *, case_evidence: bool = True) -> list[Match]:
        """Every occurrence of the glossary's terms in ``text`` (of language ``lang``), in order.

        In Kazakh text the lemmas are found in their inflected forms (Байқоңырдағы, Бәйтерегі,
        Нұрсұлтан Назарбаевтың, «Бәйтерек» кешені, Союз-5-тің); in English text the renderings with
        plural and possessive. Overlaps: leftmost, then longest wins.

        Pass the whole document: in Kazakh, ``text`` is also the evidence for a capital at the
        start of a sentence. When it writes a name-like entry in lower case elsewhere (азаматтар)
        and not, or far less often, capitalised mid-sentence, a sentence-initial Азаматтар is the
        common word and is not matched; ``case_evidence=False`` turns this off (see
        ``kkaligner.glossary.matcher``). A single sentence gives no such evidence.
        """
        if not isinstance(text, str):
            raise GlossaryError(f"match() needs text (str), got {type(text).__name__}.")
        check_text(text)
        if _is_kazakh(lang):
            read = reading.read(text, lang)
            if read is not None:  # Kazakh in Latin letters: matched as read in Cyrillic, spans as written
                found = self.index(lang).find(read.text, lang, case_evidence=case_evidence)
                return reading.map_matches(read, found)
            return self.index(lang).find(text, lang, case_evidence=case_evidence)
        return self.index(lang).find(text, lang)

    def match_sentences(self, sentences: Sequence[str], lang: str = "kk") -> list[list[Match]]:
        """``match`` for the sentences of one document: ``result[i]`` are the matches in
        ``sentences[i]``, with offsets into that sentence.

        The sentences are matched as one text (one a line), so that the whole document is the
        case evidence for sentence-initial capitals; a match that would run across two sentences
        is dropped.
        """
        sentences = list(sentences)
        out: list[list[Match]] = [[] for _ in sentences]
        if not sentences:
            return out
        starts, pos = [], 0
        for s in sentences:
            if not isinstance(s, str):
                raise GlossaryError(f"match_sentences() needs str sentences, got {type(s).__name__}.")
            starts.append(pos)
            pos += len(s) + 1
        i = 0
        for m in self.match("\n".join(sentences), lang):
            while i + 1 < len(starts) and starts[i + 1] <= m.start:
                i += 1
            base = starts[i]
            if m.end <= base + len(sentences[i]):
                out[i].append(replace(m, start=m.start - base, end=m.end - base))
        return out

    # --- checks and output -------------------------------------------------------------------

    def lint(self) -> list[LintIssue]:
        """Problems a glossary editor should fix, each with how: errors (rows that could not be
        read, conflicts, ...) first, then warnings, then info (identical duplicate rows)."""
        issues: list[LintIssue] = list(self.load_issues)
        if not self._raw:
            issues.append(
                LintIssue("empty-glossary", "warning", "the glossary has no entries; add rows under the header")
            )
        for key, items in self._groups().items():
            if len(items) < 2:
                continue
            where = tuple(o for _, o in items if o)
            source = items[0][0].source
            targets: dict[str, list[str]] = {}
            for t, o in items:
                targets.setdefault(t.target, []).append(o)
            if len(targets) > 1:
                winner = self._by_key[key].target
                short = len(where) == len(items) and len({w.rsplit(", line ", 1)[0] for w in where}) == 1 and all(
                    ", line " in w for w in where
                )
                listed = ", ".join(
                    f"{x!r} ({_rows(os_, short)})" if all(os_) else repr(x) for x, os_ in targets.items()
                )
                issues.append(
                    LintIssue(
                        "conflict",
                        "error",
                        f"{source!r} has {len(targets)} renderings: {listed}; {winner!r} (the last) is used. "
                        "Keep one row, and put the other renderings in its 'alternatives' (accepted) or "
                        "'forbidden' column",
                        source,
                        where,
                    )
                )
                continue
            target = next(iter(targets))
            differ = [
                f.name for f in fields(Term) if len({getattr(t, f.name) for t, _ in items}) > 1 and f.name != "source"
            ]
            if differ:
                issues.append(
                    LintIssue(
                        "duplicate",
                        "warning",
                        f"{source!r} -> {target!r} is given {len(items)} times, and the rows differ in "
                        f"{', '.join(differ)}; only the last row's are used. Merge them into one row",
                        source,
                        where,
                    )
                )
            else:
                issues.append(
                    LintIssue(
                        "duplicate",
                        "info",
                        f"{source!r} -> {target!r} is given {len(items)} times (identical rows; one is used)",
                        source,
                        where,
                    )
                )
        for t, origin in zip(self._raw, self._origins):
            loc = (origin,) if origin else ()
            if not t.source.strip() or not t.target.strip():
                issues.append(LintIssue("empty-field", "error", f"entry {t.source!r} -> {t.target!r} has an empty source or target; fill it in or delete the entry", t.source, loc))
            elif not has_word(t.source) or not has_word(t.target):
                issues.append(LintIssue("dead-term", "warning", f"entry {t.source!r} -> {t.target!r} has a term without a letter or digit, which can never be found; write it in words or delete the entry", t.source, loc))
            bad = [f for f in t.forbidden if f.casefold() in {t.target.casefold(), *(a.casefold() for a in t.alternatives)}]
            if bad:
                issues.append(LintIssue("forbidden-approved", "error", f"{t.source!r}: forbidden variant {bad[0]!r} is also its rendering or an accepted alternative; remove it from one of the two", t.source, loc))
            if any(a.casefold() == t.target.casefold() for a in t.alternatives):
                issues.append(LintIssue("alternative-is-target", "warning", f"{t.source!r}: an alternative repeats the rendering {t.target!r}; delete it from 'alternatives'", t.source, loc))
            fields_ = (t.source, t.target, *t.alternatives, *t.forbidden)
            if any(v != v.strip() or "  " in v for v in fields_):
                issues.append(LintIssue("whitespace", "warning", f"{t.source!r}: leading, trailing or double spaces in a term; remove them", t.source, loc))
        issues.sort(key=lambda i: SEVERITY_ORDER.index(i.severity))
        return issues

    def dumps(self, format: str = "tsv") -> str:
        from kkaligner.glossary import formats

        return formats.get(format).write(self.terms)

    def save(self, path: PathLike, format: Optional[str] = None) -> Path:
        """Write the effective entries (format from ``format`` or the file ending)."""
        from kkaligner.glossary import formats
        from kkaligner.io import atomic_write

        p = Path(path)
        fmt = formats.for_output(p, format)
        return atomic_write(p, fmt.write(self.terms))


@lru_cache(maxsize=1)
def _default() -> Glossary:
    from importlib.resources import files

    res = files("kkaligner") / "data" / "glossary" / "kk-en-names.tsv"
    try:
        with __import__("importlib.resources", fromlist=["as_file"]).as_file(res) as p:
            if not Path(p).is_file():
                raise FileNotFoundError(p)
            g = Glossary.load(p, format="tsv")
    except FileNotFoundError:
        raise GlossaryError(
            "the shipped glossary kkaligner/data/glossary/kk-en-names.tsv is missing; reinstall "
            "kkaligner, or run without the default glossary (--no-default-glossary)."
        ) from None
    return Glossary(g._raw, origins=g._origins, name="default", load_issues=g.load_issues)


__all__ = ["Glossary", "LintIssue", "ConflictMerge", "kazakh_forms", "find_forms", "INFLECTED_LANGS"]
