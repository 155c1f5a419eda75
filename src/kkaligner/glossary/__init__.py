"""Glossaries: load, merge, lint, save, and find their terms in Kazakh (inflected) and English text.

    from kkaligner.glossary import Glossary
    g = Glossary.load("names.tsv")
    for m in g.match("Байқоңырдағы «Бәйтерек» кешенінің құрылысы", lang="kk"):
        print(m.surface, m.term.target, m.suffix)

Precedence: when two entries have the same key (languages and case-folded source), the one given
**later** wins: later rows of a file over earlier ones, later files of ``load_many`` over earlier
ones, and the user's glossaries over the shipped default (which is always loaded first). Every
overridden entry is still reported by ``lint()`` (``conflict`` when the renderings differ,
``duplicate`` when they are the same).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple, dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from kkaligner.errors import GlossaryConflictError, GlossaryError
from kkaligner.glossary.english import EnglishIndex
from kkaligner.lang.kazakh import kazakh_forms
from kkaligner.glossary.matcher import KazakhIndex, Pattern, find_forms
from kkaligner.types import Match, Term

PathLike = Union[str, Path]

# Languages matched with Kazakh morphology; every other language is matched as English is.
INFLECTED_LANGS = frozenset({"kk", "kaz", "kk-kz", "kk_kz", "kk-cyrl"})

SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class LintIssue:
    """One problem found by ``Glossary.lint()``.

    ``code`` is stable (``conflict``, ``duplicate``, ``empty-field``, ``forbidden-approved``,
    ``alternative-is-target``, ``whitespace``, ``empty-glossary``); ``severity`` is ``error`` or
    ``warning``; ``where`` names the file and line(s) of the entries involved when known.
    """

    code: str
    severity: str
    message: str
    source: str = ""
    where: tuple[str, ...] = ()

    def __str__(self) -> str:
        loc = "; ".join(self.where)
        return f"{self.severity}: {self.code}: {self.message}" + (f" ({loc})" if loc else "")


def _is_kazakh(lang: str) -> bool:
    return lang.lower() in INFLECTED_LANGS


class Glossary:
    """An immutable set of glossary entries with prebuilt match indexes.

    ``terms`` are the effective entries (one per key, later entries overriding earlier ones, in
    the order their keys first appeared); the entries they override are kept for ``lint()``.
    """

    __slots__ = ("_raw", "_origins", "terms", "_by_key", "_indexes", "_hash", "name")

    def __init__(
        self,
        terms: Iterable[Term] = (),
        *,
        origins: Optional[Sequence[str]] = None,
        name: str = "",
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
        self.name = name

    # --- construction ----------------------------------------------------------------------

    @classmethod
    def empty(cls) -> "Glossary":
        return cls((), name="empty")

    @classmethod
    def from_terms(cls, terms: Iterable[Term], name: str = "") -> "Glossary":
        return cls(terms, name=name)

    @classmethod
    def load(cls, path: PathLike, format: Optional[str] = None, *, strict: bool = False) -> "Glossary":
        """Read a glossary file (format guessed from its ending and content unless given).

        ``strict``: raise GlossaryConflictError when one source has two different renderings.
        Raises GlossaryError naming the file (and line) for a missing, undecodable or malformed
        file.
        """
        from kkaligner.glossary import formats

        p = Path(path)
        if not p.exists():
            raise GlossaryError(f"{p}: no such glossary file. Check the path.")
        if p.is_dir():
            raise GlossaryError(f"{p} is a folder; pass a glossary file (.tsv, .csv, .tbx or OmegaT .txt).")
        data = p.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise GlossaryError(
                f"{p}, line {line}: not UTF-8 (undecodable byte at offset {exc.start}). Save the "
                "glossary as UTF-8, e.g. `iconv -f CP1251 -t UTF-8 IN > OUT`."
            ) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        fmt = formats.guess(p, text, format)
        rows = fmt.read(text, str(p))
        g = cls(
            [t for t, _ in rows],
            origins=[f"{p}, line {line}" if line else str(p) for _, line in rows],
            name=p.name,
        )
        if strict:
            conflicts = [i for i in g.lint() if i.code == "conflict"]
            if conflicts:
                raise GlossaryConflictError(str(conflicts[0]))
        return g

    @classmethod
    def load_many(
        cls, paths: Iterable[PathLike], include_default: bool = False, format: Optional[str] = None
    ) -> "Glossary":
        """Load several glossaries; later ones override earlier ones, all override the default."""
        parts = [cls.default()] if include_default else []
        parts += [cls.load(p, format) for p in paths]
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
        names = [self.name] if self.name else []
        for o in others:
            raw += o._raw
            origins += o._origins
            if o.name:
                names.append(o.name)
        return Glossary(raw, origins=origins, name="+".join(names))

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
        return hash(self.terms)

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
        if _is_kazakh(lang):
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
        """Problems a glossary editor should fix: conflicts first (errors), then warnings."""
        issues: list[LintIssue] = []
        if not self._raw:
            issues.append(LintIssue("empty-glossary", "warning", "the glossary has no entries"))
        groups: dict = {}
        for t, origin in zip(self._raw, self._origins):
            groups.setdefault(t.key, []).append((t, origin))
        for key, items in groups.items():
            if len(items) < 2:
                continue
            where = tuple(o for _, o in items if o)
            targets = []
            for t, _ in items:
                if t.target not in targets:
                    targets.append(t.target)
            if len(targets) > 1:
                winner = self._by_key[key].target
                issues.append(
                    LintIssue(
                        "conflict",
                        "error",
                        f"{items[0][0].source!r} has {len(targets)} renderings: "
                        + ", ".join(repr(x) for x in targets)
                        + f"; {winner!r} (the last) is used",
                        items[0][0].source,
                        where,
                    )
                )
            else:
                issues.append(
                    LintIssue(
                        "duplicate",
                        "warning",
                        f"{items[0][0].source!r} -> {targets[0]!r} is given {len(items)} times",
                        items[0][0].source,
                        where,
                    )
                )
        for t, origin in zip(self._raw, self._origins):
            loc = (origin,) if origin else ()
            if not t.source.strip() or not t.target.strip():
                issues.append(LintIssue("empty-field", "error", f"entry {t.source!r} -> {t.target!r} has an empty source or target", t.source, loc))
            bad = [f for f in t.forbidden if f.casefold() in {t.target.casefold(), *(a.casefold() for a in t.alternatives)}]
            if bad:
                issues.append(LintIssue("forbidden-approved", "error", f"{t.source!r}: forbidden variant {bad[0]!r} is also its rendering or an accepted alternative", t.source, loc))
            if any(a.casefold() == t.target.casefold() for a in t.alternatives):
                issues.append(LintIssue("alternative-is-target", "warning", f"{t.source!r}: an alternative repeats the rendering {t.target!r}", t.source, loc))
            fields = (t.source, t.target, *t.alternatives, *t.forbidden)
            if any(v != v.strip() or "  " in v for v in fields):
                issues.append(LintIssue("whitespace", "warning", f"{t.source!r}: leading, trailing or double spaces in a term", t.source, loc))
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
    return Glossary(g._raw, origins=g._origins, name="default")


__all__ = ["Glossary", "LintIssue", "kazakh_forms", "find_forms", "INFLECTED_LANGS"]
