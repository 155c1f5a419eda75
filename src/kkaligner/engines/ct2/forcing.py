"""Glossary enforcement for CTranslate2: suppress forbidden variants, force missing terms by prefix.

CTranslate2 has no logits processors, but it can decode from a given ``target_prefix``, ban token
sequences (``suppress_sequences``), return n-best lists and cross-attention. For a batch:

1. decode with the n-best list and attention; a forbidden variant the model writes for a term,
   a word that looks like another spelling of a missing one-word rendering, or a name that reads
   like the term's source word (the model's own spelling of a name: Baykonur for Байқоңыр when the
   glossary says Tyuratam) counts as the term, because the repair in ``finalize`` will replace it
   (asked read-only: ``kkaligner.terms.repaired``), so the model's sentence is kept whole (with
   ``aliases=False`` in ``tokens.compile_sentence`` variants would be suppressed instead);
2. a sentence whose hypotheses already contain every required rendering, as many times as
   required, is done;
3. otherwise take its best hypothesis, find where the first missing term belongs (the target
   position that attends most to the term's source words), and decode again from
   ``target_prefix`` = the tokens before that position + the rendering's tokens: the model writes
   the rest of the sentence around the forced term;
4. repeat for the next missing term (a term required twice is forced twice), for as many rounds
   as the sentence has required occurrences (at least ``MAX_ROUNDS``); sentences of one round are
   decoded together, across the first pass's batches. A rendering the tokenizer cannot spell, or
   whose source words cannot be located, is listed in the sentence's hypotheses
   (``Hypothesis.unforceable``) for ``finalize`` to flag.

A forcing decode re-reads its whole prefix one step at a time, and on a CPU a step of a few
sentences costs about half a step of a full batch (the weights are read either way), so it is kept
cheap: it continues with a beam of ``FORCE_BEAM``, one hypothesis, attention only where another term
may still have to be forced, and no further than the first pass's length plus the rendering.

Token logic (which sequences spell a rendering or a forbidden variant) is shared with the
transformers engine through ``kkaligner.engines.tokens``; here tokens are piece strings. The
hypotheses returned are the decoded texts as the model wrote them; this module never rewrites them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Callable, Optional, Sequence

from kkaligner.engines import tokens as tk
from kkaligner.engines.base import DecodeOptions
from kkaligner.terms.presence import occurrences, satisfied_count
from kkaligner.terms.repair import repaired, source_spans
from kkaligner.types import Constraint, Hypothesis

MAX_ROUNDS = 4
"""Prefix-forcing retries per batch (each forces one more missing term per sentence)."""

NBEST = 4
"""Hypotheses asked for (within the beam) when a sentence has constraints: a rendering the model
already produced in its second-best hypothesis needs no forcing."""

FORCE_BEAM = 1
"""Beam of a forcing decode (capped by the caller's beam). The forced prefix fixes the sentence up to
the term, so only its continuation is searched; greedy search makes a forcing round about a third
cheaper than beam 4 (benchmarks/bench_speed.py), and the guarantee does not depend on it."""

FORCE_SLACK = 8
"""Tokens a forced continuation may run beyond the first pass's length plus the forced renderings
(or a quarter of that length, when more): room for the model to rephrase around a term, not to
run on to ``max_length`` as a confused model would."""

BATCH_STEP_GROWTH = 0.16
"""How much longer a CPU decoding step of n sentences takes than a step of one, per extra sentence
(NLLB-600M int8 on 2 cores: 36 ms for one sentence, 53 ms for 4, 75 ms for 16; the weights are read
once a step whatever the batch). It decides whether a forcing round reads its prefixes at once."""

WORD_START = "\u2581"


class Ct2Encoder:
    """``tokens.TermEncoder`` over piece strings, for a ``Ct2Engine``'s target side."""

    def __init__(self, engine) -> None:
        self.engine = engine
        tok = engine.tokenizer
        self.owner = engine  # compiled tables are this engine's (its vocabulary decides what is spelt)
        self._special = set(getattr(tok, "all_special_tokens", []) or [])
        backend = getattr(tok, "backend_tokenizer", None)
        self._model = getattr(backend, "model", None) if backend is not None else None

    def word_start(self, text: str):
        pieces = self.engine.target_tokens(text)
        return tuple(pieces) or None

    def glued(self, text: str):
        if self._model is None:
            return None
        try:
            pieces = tuple(p.value for p in self._model.tokenize(text.replace(" ", WORD_START)))
        except Exception:  # pragma: no cover - backend models without tokenize()
            return None
        return pieces or None

    def decode(self, tokens) -> str:
        return self.engine.decode_tokens([list(tokens)])[0]

    def is_unknown(self, token) -> bool:
        return token not in self.engine.vocabulary or token == getattr(self.engine.tokenizer, "unk_token", None)

    def is_boundary(self, token) -> bool:
        if token in self._special:
            return True
        piece = str(token).rstrip(WORD_START)
        return not piece or not piece[-1].isalnum()


# --- where is the term in the source? ------------------------------------------------------------


def piece_offsets(source: str, pieces: Sequence[str], special: set) -> list[Optional[tuple[int, int]]]:
    """Approximate character span of each source piece (None for special tokens).

    Pieces are found in order in ``source``; a piece that cannot be found (normalised text,
    ``<unk>``) gets an empty span at the cursor.
    """
    spans: list[Optional[tuple[int, int]]] = []
    cursor = 0
    for piece in pieces:
        if piece in special:
            spans.append(None)
            continue
        text = piece.replace(WORD_START, " ").strip()
        pos = source.find(text, cursor, cursor + len(text) + 8) if text else -1
        if pos >= 0:
            spans.append((pos, pos + len(text)))
            cursor = pos + len(text)
        else:
            spans.append((cursor, cursor))
    return spans


def source_token_indices(
    source: str, pieces: Sequence[str], special: set, constraint: Constraint, occurrence: int = 0
) -> list[int]:
    """Indices of the source pieces that spell ``constraint``'s term (its ``occurrence``-th match)."""
    lemmas = []
    term = constraint.term
    if term is not None:
        # Either side of the entry may be in the source (a kk→en entry used for en→kk).
        lemmas += [term.source, term.target, *term.alternatives, *term.forbidden]
    lemmas.extend(constraint.options)  # names kept as they are (DNT, Latin-script names)
    for lemma in lemmas:
        spans = source_spans(source, lemma)
        if spans:
            start, end = spans[min(occurrence, len(spans) - 1)]
            offsets = piece_offsets(source, pieces, special)
            return [i for i, sp in enumerate(offsets) if sp is not None and sp[0] < end and sp[1] > start]
    return []


# --- the forcing loop -----------------------------------------------------------------------------


@dataclass
class _State:
    """One sentence being enforced."""

    index: int
    source: str
    pieces: list[str]
    constraints: list[Constraint]
    sent: tk.SentenceTokens
    suppress: tuple[tuple[str, ...], ...]
    candidates: list[tuple[list[str], Hypothesis]] = field(default_factory=list)
    best_tokens: list[str] = field(default_factory=list)
    best_attention: Optional[list] = None
    best_text: str = ""
    locked: int = 0
    prefix: list[str] = field(default_factory=list)
    given_up: set = field(default_factory=set)
    lang: str = "en"
    first_length: int = 0
    forced_tokens: int = 0
    attend: bool = True
    unforceable: set = field(default_factory=set)
    _satisfied: dict = field(default_factory=dict)

    def give_up(self, term: tk.TermTokens) -> None:
        """``term`` cannot be forced into this sentence: say so with its hypotheses."""
        for ci in term.indices:
            if self.constraints[ci].options:
                self.unforceable.add(self.constraints[ci].options[0])

    def repaired(self, text: str) -> str:
        """``text`` as ``finalize``'s repair will leave it (asked, not applied)."""
        return repaired(text, self.constraints, self.lang, self.source)

    def satisfied(self, text: str) -> int:
        """Constraints a decoded ``text`` satisfies once repaired."""
        hit = self._satisfied.get(text)
        if hit is None:
            hit = self._satisfied[text] = satisfied_count(self.repaired(text), self.constraints, self.lang)
        return hit

    def unmet(self, text: str) -> list[int]:
        """Forceable terms (indices into ``sent.terms``) with fewer occurrences in ``text`` than needed."""
        out = []
        for ti, term in enumerate(self.sent.terms):
            if not term.forceable or ti in self.given_up:
                continue
            if len(occurrences(text, term.constraint, self.lang)) < term.need:
                out.append(ti)
        return out


def _suppress_sequences(sent: tk.SentenceTokens) -> tuple[tuple[str, ...], ...]:
    seqs = [(t,) for t in sent.ban_always]
    seqs += [tuple(head) + (last,) for head, lasts in sent.bans.items() for last in lasts]
    return tuple(sorted(set(seqs)))


def _decode_groups(
    engine,
    states: Sequence[_State],
    options: DecodeOptions,
    nbest: int,
    *,
    beam: Optional[int] = None,
    max_length: Optional[Callable[[_State], int]] = None,
):
    """Decode every state from its prefix, grouped by suppress set (a batch-wide ct2 argument) and
    cut into batches of ``options.batch_size``; attention only for states that ask for it.

    A forcing decode (``max_length`` given, greedy) gives a sentence the same tokens whatever is
    decoded beside it (a server batches many clients' sentences together): a batch runs to its
    longest member's limit, so each hypothesis is cut at its own (greedy search decodes the first
    tokens the same either way)."""
    groups: dict[tuple, list[_State]] = {}
    for st in states:
        groups.setdefault(st.suppress, []).append(st)
    size = max(1, options.batch_size)
    out = {}
    for suppress, members in groups.items():
        members = sorted(members, key=lambda st: (len(st.pieces), len(st.prefix)))
        for k in range(0, len(members), size):
            chunk = members[k : k + size]
            limits = [max_length(st) for st in chunk] if max_length is not None else None
            alone = limits is not None and _prefixes_at_once(engine, chunk, options)
            # Decoded one by one, each sentence stops at its own limit, not at the chunk's longest,
            # and gets attention only where it asks for it itself.
            results = []
            for a, b in [(i, i + 1) for i in range(len(chunk))] if alone else [(0, len(chunk))]:
                part = chunk[a:b]
                results += engine.decode(
                    [st.pieces for st in part],
                    [st.prefix for st in part],
                    options,
                    num_hypotheses=nbest,
                    suppress=suppress,
                    attention=any(st.sent.terms and st.attend for st in part),
                    beam_size=beam,
                    max_length=max(limits[a:b]) if limits is not None else None,
                    prefix_at_once=alone,
                )
            for i, (st, res) in enumerate(zip(chunk, results)):
                out[st.index] = res if limits is None else _cut(res, max(limits[i], len(st.prefix) + 1))
    return out


def _cut(result, limit: int):
    """``result`` as a decode limited to ``limit`` tokens (the prefix included) would give it."""
    hypotheses = [list(h) for h in result.hypotheses]
    if all(len(h) <= limit for h in hypotheses):
        return result
    attention = getattr(result, "attention", None) or []
    return SimpleNamespace(
        hypotheses=[h[:limit] for h in hypotheses],
        scores=list(result.scores),
        attention=[list(a)[:limit] for a in attention],
    )


def _prefixes_at_once(engine, chunk: Sequence[_State], options: DecodeOptions) -> bool:
    """Whether a greedy forcing round is cheaper decoded sentence by sentence, each reading its
    prefix in one pass, than as a batch that reads the prefixes a step at a time (on a CPU only:
    a GPU's batch steps cost about what one sentence's do). Either way decodes the same tokens
    (greedy search; on the bench_server.py sentences, 48 of 48 equal): only the time differs.

    A sentence is expected to run to the first pass's length plus the forced tokens; the batch
    takes as many steps as its longest sentence, each ``BATCH_STEP_GROWTH`` dearer per extra
    sentence; alone, a sentence takes the steps after its prefix, plus one for the prefix.
    """
    if getattr(engine, "device", "cpu") != "cpu" or not chunk:
        return False
    lengths = [max(len(st.prefix) + 1, options.min_new_tokens, st.first_length + st.forced_tokens) for st in chunk]
    batch = max(lengths) * (1 + BATCH_STEP_GROWTH * (len(chunk) - 1))
    alone = sum(n - len(st.prefix) + 1 for n, st in zip(lengths, chunk))
    return alone < batch


def _hypotheses(engine, st: _State, result, keep: int, first: str) -> list[Hypothesis]:
    """The result's hypotheses as the model wrote them (``first`` is the best one's text, decoded
    with the batch). When the model's best already holds every term and only
    ``keep == 1`` is wanted, the rest of the n-best list is not decoded."""
    sequences = list(result.hypotheses)
    scores = list(result.scores) or [0.0] * len(sequences)
    best = Hypothesis(first, float(scores[0]))
    # A sentence without terms needs no alternatives: finalize would take the model's best anyway.
    if len(sequences) == 1 or not st.constraints or (keep <= 1 and st.satisfied(best.text) == len(st.constraints)):
        return [best]
    rest = engine.decode_tokens(sequences[1:])
    return [best] + [Hypothesis(t, float(sc)) for t, sc in zip(rest, scores[1:])]


def _absorb_all(engine, states: Sequence[_State], results: dict, keep: int) -> None:
    firsts = engine.decode_tokens([results[st.index].hypotheses[0] for st in states])
    for st, first in zip(states, firsts):
        _absorb(engine, st, results[st.index], keep, first)


def _absorb(engine, st: _State, result, keep: int, first: str) -> None:
    """Add a decode result's hypotheses to the candidates; the best becomes the base to force on."""
    hyps = _hypotheses(engine, st, result, keep, first)
    attention = list(getattr(result, "attention", None) or [])
    ranked = []
    for k, (tokens, hyp) in enumerate(zip(result.hypotheses, hyps)):
        st.candidates.append((list(tokens), hyp))
        ranked.append((-st.satisfied(hyp.text), k, list(tokens), attention[k] if k < len(attention) else None, hyp))
    ranked.sort(key=lambda r: (r[0], r[1]))
    _, _, st.best_tokens, st.best_attention, best = ranked[0]
    st.best_text = st.repaired(best.text)  # what the decisions about forcing look at


def _force_position(st: _State, term_index: int, special: set, occurrence: int) -> Optional[int]:
    """Target position where the term belongs in the best hypothesis, from attention."""
    term = st.sent.terms[term_index]
    tokens, attention = st.best_tokens, st.best_attention
    lo = max(st.locked, 0)
    if len(tokens) <= lo:
        return lo
    src_idx = source_token_indices(st.source, st.pieces, special, term.constraint, occurrence)
    position = None
    if src_idx and attention:
        best = -1.0
        for t in range(lo, min(len(tokens), len(attention))):
            row = attention[t]
            weight = sum(row[s] for s in src_idx if s < len(row))
            if weight > best:
                best, position = weight, t
    if position is None and term.variant_starts:
        # No attention to go by: where the model began a forbidden variant is where the term belongs.
        position = next((t for t in range(lo, len(tokens)) if tokens[t] in term.variant_starts), None)
    if position is None:
        # Nothing says where: before the end, which keeps the guarantee if not the word order.
        return len(tokens)
    # Force at a word start: the rendering replaces the whole word the model began there.
    while position > lo and not tokens[position].startswith(WORD_START) and tokens[position] not in special:
        position -= 1
    return position


def translate_enforced(
    engine,
    source_pieces: Sequence[Sequence[str]],
    sources: Sequence[str],
    constraints: Sequence[Sequence[Constraint]],
    prefix: Sequence[str],
    options: DecodeOptions,
    *,
    max_rounds: Optional[int] = None,
    target_lang: str = "en",
    batches: Optional[Sequence[Sequence[int]]] = None,
    progress=None,
) -> list[list[Hypothesis]]:
    """Translate sentences honouring ``constraints``; return each sentence's hypotheses, best first.

    ``batches`` (indices into the sentences) are the first pass's batches, one batch of everything
    when not given; the forcing rounds then decode the sentences that need it across batches, at
    most ``options.batch_size`` together. ``progress`` is called with the number of sentences
    finished: those without terms after their batch, the others at the end.
    Hypotheses are ordered by how many constraints they satisfy, then by the model's order, and
    cut to ``options.num_hypotheses``.
    """
    encoder = Ct2Encoder(engine)
    special = set(encoder._special) | set(prefix)
    states = []
    for i, (pieces, source, cons) in enumerate(zip(source_pieces, sources, constraints)):
        cons = list(cons)
        sent = tk.compile_cached(encoder, cons) if cons else tk.SentenceTokens(terms=[])
        states.append(
            _State(
                index=i,
                source=source,
                pieces=list(pieces),
                constraints=cons,
                sent=sent,
                suppress=_suppress_sequences(sent),
                locked=len(prefix),
                prefix=list(prefix),
                lang=target_lang,
            )
        )
        for term in sent.terms:
            if not term.forceable:
                states[-1].give_up(term)
    beam = max(1, options.beam_size)
    nbest = max(options.num_hypotheses, min(NBEST, beam))
    if batches is None:
        batches = [list(range(len(states)))]
    for batch in batches:
        members = [states[i] for i in batch]
        results = _decode_groups(engine, members, options, nbest)
        _absorb_all(engine, members, results, options.num_hypotheses)
        for st in members:
            st.first_length = len(st.best_tokens)
        if progress is not None:
            done = sum(1 for st in members if not st.sent.terms)
            if done:
                progress(done)

    pending = [st for st in states if st.sent.terms]
    # A forced prefix may run past max_length (the guarantee wins) but never past the positions.
    cap = getattr(engine, "max_target_tokens", 1 << 30) - 1
    force_beam = max(1, min(beam, FORCE_BEAM))
    force_nbest = max(1, min(options.num_hypotheses, force_beam))

    def force_limit(st: _State) -> int:
        limit = st.first_length + st.forced_tokens + max(FORCE_SLACK, st.first_length // 4)
        return max(len(st.prefix) + 1, options.min_new_tokens, min(limit, options.max_length))
    if max_rounds is None:  # one round per required occurrence at least: each round forces one
        max_rounds = max([MAX_ROUNDS] + [sum(t.need for t in st.sent.terms) + 1 for st in pending])
    for _ in range(max_rounds):
        round_states = []
        for st in pending:
            best_text = st.best_text
            # Done when some candidate already satisfies every constraint.
            if any(st.satisfied(h.text) == len(st.constraints) for _, h in st.candidates):
                continue
            unmet = st.unmet(best_text)
            if not unmet:
                continue
            choice = None
            for ti in unmet:
                # The source occurrence to look for: the first one not yet rendered.
                occurrence = len(occurrences(best_text, st.sent.terms[ti].constraint, st.lang))
                pos = _force_position(st, ti, special, occurrence)
                if pos is None:
                    st.given_up.add(ti)
                    st.give_up(st.sent.terms[ti])
                    continue
                if choice is None or pos < choice[1]:
                    choice = (ti, pos)
            if choice is None:
                continue
            ti, pos = choice
            forced = list(st.best_tokens[:pos]) + list(st.sent.terms[ti].starts[0])
            if forced == st.prefix or len(forced) >= cap:
                # forcing again would decode the same thing, or leave no room within the model's
                # positions: the term stays missing and the check reports it
                st.given_up.add(ti)
                continue
            st.prefix = forced
            st.locked = len(forced)
            st.forced_tokens += len(st.sent.terms[ti].starts[0])
            # Attention only locates the next term: not needed when this one was the last missing.
            term = st.sent.terms[ti]
            missing_after = len(unmet) > 1 or len(occurrences(best_text, term.constraint, st.lang)) + 1 < term.need
            st.attend = missing_after
            round_states.append(st)
        if not round_states:
            break
        results = _decode_groups(
            engine, round_states, options, force_nbest, beam=force_beam, max_length=force_limit
        )
        _absorb_all(engine, round_states, results, options.num_hypotheses)
        pending = round_states
    if progress is not None:
        done = sum(1 for st in states if st.sent.terms)
        if done:
            progress(done)

    out = []
    for st in states:
        seen = set()
        ranked = []
        for k, (_, hyp) in enumerate(st.candidates):
            if hyp.text in seen:
                continue
            seen.add(hyp.text)
            ranked.append((-st.satisfied(hyp.text), k, hyp))
        ranked.sort(key=lambda r: (r[0], r[1]))
        hyps = [h for _, _, h in ranked[: max(1, options.num_hypotheses)]]
        if st.unforceable:
            flagged = tuple(sorted(st.unforceable))
            hyps = [dataclasses.replace(h, unforceable=flagged) for h in hyps]
        out.append(hyps)
    return out


__all__ = ["Ct2Encoder", "translate_enforced", "source_spans", "piece_offsets", "source_token_indices"]
