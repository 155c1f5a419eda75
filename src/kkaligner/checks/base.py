"""What every check gets: the sentence pairs, the glossary, and lazily shared glossary matches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from kkaligner.lang import LANGUAGES
from kkaligner.terms.plan import plan
from kkaligner.types import Finding, Match

LANGS = LANGUAGES  # this module's name for kkaligner.lang.LANGUAGES

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass
class CheckContext:
    """The input of every check. ``sources[i]`` and ``targets[i]`` are one sentence pair.

    Glossary matches are computed once per side, over the whole document, and shared by the checks
    that need them.
    """

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    glossary: object = None
    source_lang: str = "kk"
    target_lang: str = "en"
    given_plans: Optional[Sequence] = field(default=None, repr=False)
    _plans: list = field(default_factory=list, repr=False)
    _tgt_matches: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.sources)

    def plan(self, i: int):
        """Sentence ``i``'s ``terms.SentencePlan``: the glossary terms its source requires. The
        pipeline passes the plans it enforced (``given_plans``), so the sources are matched once
        and the checks judge exactly the terms enforcement was asked for."""
        if not self._plans:
            if self.given_plans is not None:
                self._plans.extend(self.given_plans)
            else:
                self._plans.extend(plan(self.sources, self.glossary, self.source_lang, self.target_lang))
        return self._plans[i]

    def source_matches(self, i: int) -> list[Match]:
        """Glossary matches in source sentence ``i`` that require a rendering (empty without a glossary)."""
        return list(self.plan(i).matches)

    def target_matches(self, i: int) -> list[Match]:
        """Glossary matches in target sentence ``i``: renderings, accepted and forbidden variants."""
        if not self._tgt_matches:
            self._tgt_matches.update(enumerate(self._match(self.targets, self.target_lang)))
        return self._tgt_matches[i]

    def _match(self, texts: tuple[str, ...], lang: str) -> list[list[Match]]:
        # All sentences at once: the document is the evidence for sentence-initial capitals.
        if self.glossary is None:
            return [[] for _ in texts]
        return self.glossary.match_sentences(texts, lang=lang)


@dataclass(frozen=True)
class Check:
    """One registered check: its name, the codes it can emit, and the function that runs it."""

    name: str
    codes: tuple[str, ...]
    run: Callable[[CheckContext], Iterable[Finding]]
    doc: str = ""


def present(text: str) -> bool:
    return bool(text and text.strip())


def skip_pair(ctx: CheckContext, i: int) -> bool:
    """Pairs the content checks leave to empty.py: an empty side."""
    return not present(ctx.sources[i]) or not present(ctx.targets[i])
