"""Constraints at the token level, independent of the decoding library.

Both engines need the same facts about a sentence's constraints: which token sequences realise a
required rendering, which sequences spell a forbidden variant, and, for a partly generated
hypothesis, how many times each rendering is already there and which next tokens would continue
one. This module computes them over plain token lists (ints for transformers, piece strings for
CTranslate2), so ``kkaligner.engines.hf_forcing`` and the CTranslate2 prefix-forcing code share one
definition of "the beam is inside a term".

A tokenizer is reached through ``TermEncoder`` (four small methods); ``kkaligner.engines.hf_forcing`` has the
transformers one.
"""

from __future__ import annotations

import re
import weakref
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Optional, Protocol, Sequence

from kkaligner.lang.spelling import near_variant
from kkaligner.types import Constraint

Token = Hashable
WORD_START = "\u2581"  # sentencepiece's word-start marker
Seq = tuple  # tuple[Token, ...]


class TermEncoder(Protocol):
    """How enforcement sees a target-side tokenizer."""

    def word_start(self, text: str) -> Optional[Seq]:
        """Tokens of ``text`` as a new word in running text (after a space), or None."""

    def glued(self, text: str) -> Optional[Seq]:
        """Tokens of ``text`` glued to what precedes it (after « or a bracket), or None if unknown."""

    def decode(self, tokens: Sequence[Token]) -> str:
        """The text of ``tokens`` (leading word-start marker dropped)."""

    def is_unknown(self, token: Token) -> bool:
        """Whether ``token`` is the unknown token."""

    def is_boundary(self, token: Token) -> bool:
        """Whether a glued sequence may follow ``token`` (it ends in punctuation or is special)."""


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def realisable(encoder: TermEncoder, text: str, tokens: Optional[Seq]) -> bool:
    """Whether ``tokens`` really spell ``text``: no unknown token and the decoding round-trips."""
    if not tokens:
        return False
    if any(encoder.is_unknown(t) for t in tokens):
        return False
    return _norm(encoder.decode(tokens)) == _norm(text)


@dataclass
class TermTokens:
    """One required rendering of a sentence at the token level.

    ``starts`` are word-start sequences (valid anywhere), ``glued`` sequences without the word-start
    marker (valid only after a boundary token). ``need`` is how many occurrences the sentence needs
    (constraints with the same options are merged). ``forceable`` is False when no option survives
    the round trip through the tokenizer: the constraint is left to the model and flagged.
    ``variant_starts`` are the first tokens of the forbidden variants' word-start sequences, used to
    steer: where the model wants to begin a variant is where the term belongs. ``aliased`` says
    that a forbidden variant counts as the term (see ``compile_sentence``); ``alias_firsts`` are
    the variants spelt with one word-start token.
    """

    constraint: Constraint
    starts: tuple[Seq, ...]
    glued: tuple[Seq, ...]
    need: int = 1
    forceable: bool = True
    variant_starts: frozenset = frozenset()
    indices: tuple[int, ...] = ()
    aliased: bool = False
    alias_firsts: frozenset = frozenset()

    @property
    def min_len(self) -> int:
        return min((len(s) for s in self.starts), default=0)


@dataclass
class SentenceTokens:
    """All token-level facts for one sentence: terms, banned sequences and lookup tables.

    ``table`` maps a tail (tuple of the last p tokens) to what it means: completions
    ``("done", term index, glued)`` and continuations ``("next", term index, next token, glued)``;
    ``bans`` maps a tail to the tokens that would complete a forbidden sequence; ``ban_always`` are
    forbidden one-token sequences. ``first_tokens[t]`` are the tokens that start term ``t``.
    """

    terms: list[TermTokens]
    table: dict = field(default_factory=dict)
    bans: dict = field(default_factory=dict)
    ban_always: frozenset = frozenset()
    first_tokens: list = field(default_factory=list)
    max_len: int = 0
    near: list = field(default_factory=list)
    renderings: frozenset = frozenset()

    def __post_init__(self) -> None:
        # Read on every decoding step of every row: computed once.
        self.active = bool(self.ban_always or self.bans or any(t.forceable for t in self.terms))
        self.has_bans = bool(self.ban_always or self.bans)
        # Where decoding must start a term now (the model wants to end, or the length limit is
        # near), a one-token alias is the cheapest way in: one step, and the same text once the
        # variant is replaced.
        self.force_firsts = [
            t.alias_firsts or (self.first_tokens[i] if i < len(self.first_tokens) else frozenset())
            for i, t in enumerate(self.terms)
        ]
        self.min_lens = [1 if t.alias_firsts else t.min_len for t in self.terms]
        self.has_near = any(self.near)


def _encodings(encoder: TermEncoder, option: str) -> tuple[Optional[Seq], Optional[Seq]]:
    start = encoder.word_start(option)
    glued = encoder.glued(option)
    start = tuple(start) if start is not None and realisable(encoder, option, tuple(start)) else None
    glued = tuple(glued) if glued is not None and realisable(encoder, option, tuple(glued)) else None
    if glued == start:
        glued = None
    return start, glued


def compile_sentence(encoder: TermEncoder, constraints: Sequence[Constraint], aliases: bool = True) -> SentenceTokens:
    """Token-level tables for one sentence's constraints (see ``SentenceTokens``).

    With ``aliases`` (the default) a forbidden variant of a term counts as an occurrence of the
    term, and the engine replaces it in the text afterwards (``kkaligner.terms.repair``, in ``finalize``):
    a model that has its own spelling of a name (Baykonur) writes it where the name belongs and goes
    on with the sentence it meant, instead of being pushed off its course by a ban. Without
    ``aliases`` forbidden variants are banned.
    """
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, c in enumerate(constraints):
        groups[tuple(c.options)].append(i)
    terms: list[TermTokens] = []
    required_texts: list[str] = []
    for options, idx in groups.items():
        constraint = constraints[idx[0]]
        starts, glued = [], []
        for option in options:
            if not option.strip():
                continue
            s, g = _encodings(encoder, option)
            if s:
                starts.append(s)
            if g:
                glued.append(g)
            required_texts.append(_norm(option))
        terms.append(
            TermTokens(
                constraint=constraint,
                starts=tuple(dict.fromkeys(starts)),
                glued=tuple(dict.fromkeys(glued)),
                need=len(idx),
                forceable=bool(starts),
                indices=tuple(idx),
            )
        )
    required_seqs = [s for t in terms for s in (*t.starts, *t.glued)]

    def _prefix_of_required(seq: Seq) -> bool:
        return any(r[: len(seq)] == seq for r in required_seqs)

    table: dict = defaultdict(list)
    bans: dict = defaultdict(set)
    ban_always: set = set()
    first_tokens = []
    max_len = 0
    for ti, term in enumerate(terms):
        if not term.forceable:
            first_tokens.append(frozenset())
            continue
        for glued_flag, seqs in ((False, term.starts), (True, term.glued)):
            for seq in seqs:
                max_len = max(max_len, len(seq))
                table[seq].append(("done", ti, glued_flag))
                for p in range(1, len(seq)):
                    table[seq[:p]].append(("next", ti, seq[p], glued_flag))
        first_tokens.append(frozenset(s[0] for s in term.starts))
        if aliases:
            for variant in term.constraint.forbidden:
                if not variant.strip() or any(r.startswith(_norm(variant)) for r in required_texts):
                    continue
                if any(_norm(variant) in map(_norm, t.constraint.forbidden) for t in terms if t is not term):
                    continue  # a variant of two terms: the replacement would not know which is meant
                for glued_flag, seq in ((False, encoder.word_start(variant)), (True, encoder.glued(variant))):
                    if seq is None or not realisable(encoder, variant, tuple(seq)) or _prefix_of_required(tuple(seq)):
                        continue
                    seq = tuple(seq)
                    max_len = max(max_len, len(seq))
                    table[seq].append(("done", ti, glued_flag))
                    term.aliased = True
                    if len(seq) == 1 and not glued_flag:
                        term.alias_firsts = term.alias_firsts | {seq[0]}
            continue  # no steering away from a variant that will be replaced
        variant_starts = set()
        for variant in term.constraint.forbidden:
            s = encoder.word_start(variant)
            if s and not any(s[0] == f for f in first_tokens[-1]):
                variant_starts.add(tuple(s)[0])
        term.variant_starts = frozenset(variant_starts)
    # Forbidden variants: ban the token that would complete one, unless the variant is (a prefix
    # of) a required rendering, which banning would make unreachable.
    for constraint in () if aliases else constraints:
        for variant in constraint.forbidden:
            if not variant.strip() or any(r.startswith(_norm(variant)) for r in required_texts):
                continue
            s = encoder.word_start(variant)
            if not s or not realisable(encoder, variant, tuple(s)):
                continue
            s = tuple(s)
            if _prefix_of_required(s):
                continue
            max_len = max(max_len, len(s))
            if len(s) == 1:
                ban_always.add(s[0])
            else:
                bans[s[:-1]].add(s[-1])
    # One-word renderings, for counting the model's own spelling of one (``near_word``).
    near = [
        tuple(o for o in t.constraint.options if o.strip() and " " not in o.strip()) if t.forceable else ()
        for t in terms
    ]
    return SentenceTokens(
        terms=terms,
        table=dict(table),
        bans={k: frozenset(v) for k, v in bans.items()},
        ban_always=frozenset(ban_always),
        first_tokens=first_tokens,
        max_len=max_len,
        near=near,
        renderings=frozenset(o.casefold() for c in constraints for o in c.options),
    )


# Compiled tables per tokenizer and constraint list: a document names the same few terms in many
# sentences, and compiling costs tokenizer calls (a third of a tiny model's decoding time).
_COMPILED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_COMPILED_MAX = 4096


def compile_cached(encoder: TermEncoder, constraints: Sequence[Constraint], aliases: bool = True) -> SentenceTokens:
    """``compile_sentence``, remembered per tokenizer (``encoder.owner``) and constraint list.

    The tables are shared between callers: they are read, never changed, after compiling.
    """
    owner = getattr(encoder, "owner", None)
    try:
        cache = _COMPILED.get(owner) if owner is not None else None
        if cache is None and owner is not None:
            cache = _COMPILED[owner] = OrderedDict()
    except TypeError:  # an owner that cannot be weakly referenced
        cache = None
    if cache is None:
        return compile_sentence(encoder, constraints, aliases)
    key = (tuple(constraints), aliases)
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = compile_sentence(encoder, constraints, aliases)
        if len(cache) > _COMPILED_MAX:
            cache.popitem(last=False)
    return hit


def clear_cache() -> None:
    """Forget compiled tables (benchmarks time a fresh document with it)."""
    _COMPILED.clear()


@dataclass(frozen=True)
class TailState:
    """Where a hypothesis stands: the ``(start, end)`` token spans of every term occurrence so far.

    Invariant: the spans of one term never overlap (``▁ B a ikonur`` is one occurrence, not also a
    glued ``B a ikonur`` one), so ``len(starts[t])`` is how many times term ``t`` is there.
    """

    starts: tuple[frozenset, ...]

    def counts(self) -> tuple[int, ...]:
        return tuple(len(s) for s in self.starts)


def _scan_end(sent: SentenceTokens, content: Sequence[Token], end: int, encoder_boundary) -> list:
    """Table entries matching the tail ``content[:end]`` (longest first), glued ones checked."""
    out = []
    for p in range(min(sent.max_len, end), 0, -1):
        entries = sent.table.get(tuple(content[end - p : end]))
        if not entries:
            continue
        start = end - p
        for entry in entries:
            glued = entry[-1]
            if glued and start > 0 and not encoder_boundary(content[start - 1]):
                continue
            out.append((start, entry))
    return out


def _add(spans: frozenset, start: int, end: int) -> frozenset:
    if any(start < b and a < end for a, b in spans):
        return spans
    return spans | {(start, end)}


def advance(
    sent: SentenceTokens,
    content: Sequence[Token],
    parent: Optional[TailState],
    is_boundary,
) -> TailState:
    """State after ``content`` given the state of ``content[:-1]`` (None: scan from scratch)."""
    if parent is None:
        spans = [frozenset() for _ in sent.terms]
        for end in range(1, len(content) + 1):
            for start, entry in _scan_end(sent, content, end, is_boundary):
                if entry[0] == "done":
                    spans[entry[1]] = _add(spans[entry[1]], start, end)
        return TailState(tuple(spans))
    new = list(parent.starts)
    end = len(content)
    for start, entry in _scan_end(sent, content, end, is_boundary):
        if entry[0] == "done":
            new[entry[1]] = _add(new[entry[1]], start, end)
    return TailState(tuple(new))


def step(sent: SentenceTokens, content: Sequence[Token], parent: TailState, is_boundary) -> tuple[TailState, list]:
    """``advance`` from ``parent`` and the ``("next", ...)`` entries of the tail, in one scan.

    The per-step work of the transformers processor: one pass over the tail's suffixes instead of
    one for the state and one for the continuations.
    """
    new = None
    nexts = []
    end = len(content)
    for start, entry in _scan_end(sent, content, end, is_boundary):
        if entry[0] == "done":
            if new is None:
                new = list(parent.starts)
            new[entry[1]] = _add(new[entry[1]], start, end)
        else:
            nexts.append(entry)
    return (parent if new is None else TailState(tuple(new))), nexts


_LETTERS = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"\w-(?:\w|$)")


def _word_at_end(content: Sequence[Token], piece) -> Optional[tuple[int, str]]:
    """(index of its first token, letters) of the word ``content`` ends with, or None.

    The word starts at the last token whose piece begins with the word-start marker; its letters
    are the run of letters and digits it begins with (Baykonur of ``▁Bay konur 's``), which is what
    ``kkaligner.terms.substitute_near`` sees as a word in the decoded text.
    """
    i = len(content) - 1
    parts = []
    while i >= 0:
        text = piece(content[i])
        parts.append(text)
        if text.startswith(WORD_START):
            break
        i -= 1
    if i < 0:
        return None
    m = _LETTERS.match("".join(reversed(parts)).lstrip(WORD_START))
    return (i, m.group()) if m else None


def near_word(
    sent: SentenceTokens,
    content: Sequence[Token],
    state: TailState,
    unmet: Sequence[int],
    piece,
    trailing: bool,
    names: Optional[Sequence] = None,
) -> TailState:
    """``state`` with the last finished word counted for an unmet term it is another spelling of.

    A word is finished when the next token starts a new word or is not a letter (``trailing``:
    the word ``content`` ends with, when the model wants to end there). Counting it lets the model
    keep its own spelling of a name that no glossary lists as a variant; the repair in ``finalize`` then replaces it
    (``kkaligner.terms.substitute_near``, same test), so the guarantee still holds. ``names``
    (per term, a ``kkaligner.terms.NameLikeness`` or None) also counts a word that reads like the
    term's name in the source sentence (replaced by ``substitute_transliterated``, same test).
    """

    if not content:
        return state
    if trailing:
        found = _word_at_end(content, piece)
        end = len(content)
    else:
        last = piece(content[-1])
        if last.startswith(WORD_START):
            found = _word_at_end(content[:-1], piece)
            end = len(content) - 1
        elif last and not last[0].isalnum():
            found = _word_at_end(content, piece)
            end = len(content)
        else:
            return state
    if found is None or found[1].casefold() in sent.renderings:
        return state
    start, word = found
    # A word glued to a hyphen (Алма-Ата, or Алма- so far) is no name on its own.
    compound = names is not None and _COMPOUND.search("".join(piece(t) for t in content[start:end])) is not None
    for ti in unmet:
        if any(near_variant(word, o) for o in sent.near[ti]) or (
            names is not None and not compound and ti < len(names) and names[ti] is not None
            and names[ti].matches(word)
        ):
            spans = list(state.starts)
            spans[ti] = _add(spans[ti], start, end)
            return TailState(tuple(spans))
    return state


def continuations(sent: SentenceTokens, content: Sequence[Token], unmet: Iterable[int], is_boundary) -> set:
    """Tokens that continue a partly generated rendering of one of the ``unmet`` terms."""
    unmet = set(unmet)
    out = set()
    for _, entry in _scan_end(sent, content, len(content), is_boundary):
        if entry[0] == "next" and entry[1] in unmet:
            out.add(entry[2])
    return out


def banned(sent: SentenceTokens, content: Sequence[Token]) -> set:
    """Tokens that would complete a forbidden variant after ``content``."""
    out = set(sent.ban_always)
    if sent.bans:
        for p in range(1, min(sent.max_len, len(content)) + 1):
            hit = sent.bans.get(tuple(content[-p:]))
            if hit:
                out |= hit
    return out


def unmet_terms(sent: SentenceTokens, state: TailState) -> list[int]:
    """Indices of forceable terms that still need an occurrence."""
    return [i for i, (t, s) in enumerate(zip(sent.terms, state.starts)) if t.forceable and len(s) < t.need]


def tokens_needed(sent: SentenceTokens, state: TailState) -> int:
    """Fewest tokens that can still satisfy every unmet term."""
    return sum(
        (t.need - len(s)) * n
        for t, s, n in zip(sent.terms, state.starts, sent.min_lens)
        if t.forceable and len(s) < t.need
    )


def unforceable(encoder: TermEncoder, constraint: Constraint) -> bool:
    """Whether no option of ``constraint`` can be spelt by the tokenizer."""
    return not any(_encodings(encoder, o)[0] for o in constraint.options if o.strip())


__all__ = [
    "TermEncoder",
    "TermTokens",
    "SentenceTokens",
    "TailState",
    "compile_sentence",
    "compile_cached",
    "clear_cache",
    "advance",
    "continuations",
    "banned",
    "unmet_terms",
    "tokens_needed",
    "unforceable",
    "realisable",
]
