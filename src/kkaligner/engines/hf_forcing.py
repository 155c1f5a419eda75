"""Glossary enforcement inside ``transformers`` generation.

transformers 5 dropped constrained beam search from core, so kkaligner brings its own, as a
``LogitsProcessor`` that works with greedy and beam search and needs no Hub code. Per hypothesis
row and step (in the spirit of Post & Vilar's dynamic beam allocation, without the banks):

- inside a required rendering (the tail is a proper prefix of one of its token sequences) only the
  tokens that continue it are allowed, so a rendering once begun is always finished;
- a forbidden variant of a term (the model renders Байқоңыр as "Baykonur") counts as an occurrence
  of the term: the repair replaces it in the text afterwards (``terms.repair``, once, in finalize);
- otherwise unmet renderings are steered towards: their first tokens get a bonus (not those of a
  term with an alias: the model is left to write it its own way);
- the end of the sentence is refused while renderings are unmet; when the model wants to end there,
  or when the remaining length can only just hold the unmet renderings, their start is forced.

With ``tokens.compile_sentence(..., aliases=False)`` forbidden variants are banned instead, and
where the model wants to begin one the approved rendering's first token is lifted above it.

The guarantee (every returned hypothesis contains every forceable rendering, as many times as
required) holds for any weights, as long as ``max_length`` leaves room for the renderings.
Renderings the tokenizer cannot spell are left to the model and reported by ``finalize``.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from kkaligner.engines import tokens as tk
from kkaligner.terms.repair import name_likeness
from kkaligner.types import Constraint

STEER_BONUS = 1.0
"""Added to the first tokens of unmet renderings (log-probability units under beam search)."""
VARIANT_MARGIN = 0.5
"""How far above a forbidden variant's first token the approved rendering's first token is put."""


class HFEncoder:
    """``tokens.TermEncoder`` over a transformers tokenizer (target side)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.owner = tokenizer  # key of the compiled-tables cache
        self.unk_id = tokenizer.unk_token_id
        self._boundary: dict[int, bool] = {}
        self._pieces: dict[int, str] = {}
        self._special = set(getattr(tokenizer, "all_special_ids", []) or [])
        backend = getattr(tokenizer, "backend_tokenizer", None)
        self._model = getattr(backend, "model", None) if backend is not None else None

    def word_start(self, text: str):
        try:
            ids = self.tokenizer(text_target=text, add_special_tokens=False)["input_ids"]
        except Exception:  # pragma: no cover - tokenizers without a target side
            ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return tuple(ids) if ids else None

    def glued(self, text: str):
        # Sentencepiece-style tokenizers (Metaspace): the backend model tokenizes without the
        # pre-tokenizer's word-start marker, which is how a word right after « or ( is spelt.
        if self._model is None:
            return None
        try:
            pieces = self._model.tokenize(text.replace(" ", "\u2581"))
        except Exception:  # pragma: no cover
            return None
        ids = tuple(p.id for p in pieces)
        return ids or None

    def decode(self, tokens) -> str:
        return self.tokenizer.decode(list(tokens), skip_special_tokens=False).strip()

    def piece(self, token) -> str:
        """The token's piece string (``▁Bay``); special tokens read as a word start."""
        hit = self._pieces.get(token)
        if hit is None:
            if token in self._special:
                hit = "\u2581"
            else:
                hit = self.tokenizer.convert_ids_to_tokens(int(token)) or ""
            self._pieces[token] = hit
        return hit

    def is_unknown(self, token) -> bool:
        return self.unk_id is not None and token == self.unk_id

    def is_boundary(self, token) -> bool:
        hit = self._boundary.get(token)
        if hit is None:
            if token in self._special:
                hit = True
            else:
                piece = self.tokenizer.convert_ids_to_tokens(int(token)) or ""
                piece = piece.rstrip("\u2581")
                hit = not piece or not piece[-1].isalnum()
            self._boundary[token] = hit
        return hit


DONE = object()
"""Processor state of a hypothesis that holds every rendering and has nothing banned: skipped."""


def _processor_base():
    from transformers import LogitsProcessor

    return LogitsProcessor


def make_processor(
    tokenizer,
    constraints: Sequence[Sequence[Constraint]],
    *,
    eos_token_id: Optional[int] = None,
    target_lang_code: Optional[str] = None,
    max_length: Optional[int] = None,
    bonus: float = STEER_BONUS,
    sources: Optional[Sequence[str]] = None,
    target_lang: str = "en",
):
    """The ``LogitsProcessor`` enforcing ``constraints`` (one list per input row of the batch).

    With the ``sources`` (one per input), a word that reads like a term's name in its source counts
    as the term (``kkaligner.terms.NameLikeness``), as the repair afterwards replaces it."""

    base = _processor_base()
    encoder = HFEncoder(tokenizer)
    compiled = [tk.compile_cached(encoder, cs) for cs in constraints]
    names: list = [None] * len(compiled)
    if sources is not None:
        for b, (sent, source, cs) in enumerate(zip(compiled, sources, constraints)):
            found = [name_likeness(source, t.constraint, target_lang, cs) if t.forceable else None for t in sent.terms]
            names[b] = found if any(found) else None
    eos = tokenizer.eos_token_id if eos_token_id is None else eos_token_id
    lang_id = None
    if target_lang_code:
        lang_id = tokenizer.convert_tokens_to_ids(target_lang_code)
        if lang_id == encoder.unk_id:
            lang_id = None

    class ConstraintLogitsProcessor(base):
        """Forces required renderings and bans forbidden ones; see this module."""

        def __init__(self):
            self.sentences = compiled
            self.names = names
            self.encoder = encoder
            self.eos = eos
            self.lang_id = lang_id
            self.max_length = max_length
            self.bonus = bonus
            self._cache: dict = {}

        def _content_start(self, row: list) -> Optional[int]:
            if self.lang_id is None:
                return 1
            head = row[:3]
            if self.lang_id in head:
                return head.index(self.lang_id) + 1
            return None  # the language code is not there yet: leave that step to generate

        def __call__(self, input_ids, scores):
            import torch

            n_rows, cur_len = input_ids.shape
            per = max(1, n_rows // max(1, len(self.sentences)))
            rows = input_ids.tolist()
            forced: list[tuple[int, list]] = []
            bans: list[tuple[int, int]] = []
            block_eos: list[int] = []
            steer: list[tuple[int, list, list]] = []  # row, first tokens, variant first tokens
            want_end: Optional[list] = None
            remaining = None if self.max_length is None else self.max_length - cur_len
            is_boundary = self.encoder.is_boundary
            piece = self.encoder.piece
            cache = self._cache
            new_cache = {}
            for r, row in enumerate(rows):
                b = r // per
                if b >= len(self.sentences):
                    continue
                sent = self.sentences[b]
                if not sent.active:
                    continue
                start = self._content_start(row)
                if start is None:
                    continue
                content = row[start:]
                if self.eos in content:
                    continue  # finished (greedy pads finished rows)
                key = (b, tuple(content))
                state = cache.get(key)
                nxt = None
                if state is None:
                    parent = cache.get((b, key[1][:-1])) if content else None
                    if parent is DONE:
                        state = DONE  # every term was there already: nothing can undo that
                    elif parent is not None:
                        state, entries = tk.step(sent, content, parent, is_boundary)
                        nxt = entries
                    elif content:
                        state = tk.advance(sent, content, None, is_boundary)
                    else:
                        state = tk.TailState(tuple(frozenset() for _ in sent.terms))
                if state is DONE:
                    new_cache[key] = DONE
                    continue
                if sent.has_bans:
                    for t in tk.banned(sent, content):
                        bans.append((r, t))
                unmet = tk.unmet_terms(sent, state)
                names = self.names[b]
                if unmet and (sent.has_near or names):
                    state = tk.near_word(sent, content, state, unmet, piece, trailing=False, names=names)
                    unmet = tk.unmet_terms(sent, state)
                if not unmet and not sent.has_bans:
                    new_cache[key] = DONE
                    continue
                new_cache[key] = state
                if not unmet:
                    continue
                if nxt is None:
                    nxt = tk.continuations(sent, content, unmet, is_boundary)
                else:
                    nxt = {e[2] for e in nxt if e[1] in unmet}
                if nxt:
                    block_eos.append(r)
                    forced.append((r, sorted(nxt)))
                    continue
                if want_end is None:
                    want_end = scores.argmax(dim=-1).tolist()
                if want_end[r] == self.eos and (sent.has_near or names):
                    # Ending here finishes the last word: it may be the model's spelling of the term.
                    ended = tk.near_word(sent, content, state, unmet, piece, trailing=True, names=names)
                    if not tk.unmet_terms(sent, ended):
                        continue  # the end is allowed
                block_eos.append(r)
                firsts = sorted(set().union(*(sent.force_firsts[i] for i in unmet)))
                if remaining is not None and remaining <= tk.tokens_needed(sent, state):
                    forced.append((r, firsts))
                    continue
                if want_end[r] == self.eos:
                    forced.append((r, firsts))
                    continue
                # A term the model may write in its own spelling (an alias) is left to it: pushing
                # towards the approved tokens would only take it off the sentence it means.
                to_steer = [i for i in unmet if not sent.terms[i].aliased]
                if to_steer:
                    variants = sorted(set().union(*(sent.terms[i].variant_starts for i in to_steer)))
                    steer_firsts = sorted(set().union(*(sent.first_tokens[i] for i in to_steer)))
                    steer.append((r, steer_firsts, variants))
            self._cache = new_cache
            if not (forced or bans or block_eos or steer):
                return scores
            scores = scores.clone()
            neg = float("-inf")
            if steer:
                rr = [r for r, f, _ in steer for _ in f]
                tt = [t for _, f, _ in steer for t in f]
                boosted = scores[rr, tt] + self.bonus
                v_rows = [(r, v) for r, _, vs in steer for v in vs]
                if v_rows:
                    vr = torch.tensor([r for r, _ in v_rows])
                    vt = torch.tensor([v for _, v in v_rows])
                    vmax = torch.full((n_rows,), neg, dtype=scores.dtype, device=scores.device)
                    vmax = vmax.scatter_reduce(0, vr.to(scores.device), scores[vr, vt], reduce="amax")
                    boosted = torch.maximum(boosted, vmax[rr] + VARIANT_MARGIN)
                scores[rr, tt] = boosted
            if bans:
                scores[[r for r, _ in bans], [t for _, t in bans]] = neg
            if block_eos and self.eos is not None:
                scores[block_eos, self.eos] = neg
            if forced:
                rr = [r for r, allowed in forced for _ in allowed]
                tt = [t for _, allowed in forced for t in allowed]
                keep = scores[rr, tt]
                keep = torch.where(torch.isfinite(keep), keep, torch.zeros_like(keep) - 1e4)
                scores[[r for r, _ in forced]] = neg
                scores[rr, tt] = keep
            return scores

    return ConstraintLogitsProcessor()


def unforceable_constraints(tokenizer, constraints: Sequence[Sequence[Constraint]]) -> list[list[Constraint]]:
    """Per row, the constraints whose renderings the tokenizer cannot spell."""
    encoder = HFEncoder(tokenizer)
    out = []
    for cs in constraints:
        sent = tk.compile_cached(encoder, cs)
        out.append([cs[i] for t in sent.terms if not t.forceable for i in t.indices])
    return out


def generation_hooks(
    tokenizer,
    constraints: Sequence[Sequence[Constraint]],
    *,
    num_beams: int = 1,
    num_return_sequences: int = 1,
    target_lang_code: Optional[str] = None,
    max_length: Optional[int] = None,
    eos_token_id: Optional[int] = None,
    sources: Optional[Sequence[str]] = None,
    target_lang: str = "en",
) -> dict[str, Any]:
    """Extra keyword arguments for ``model.generate`` that enforce ``constraints``.

    ``constraints`` has one sequence per input row of the batch. ``max_length`` is the decoder
    length limit generate runs under (pass it: without it a term is still forced where the model
    wants to end, but not when a hypothesis runs to the limit). Returns ``{}`` when there is nothing
    to enforce. Constraints the tokenizer cannot spell are not forced (``unforceable_constraints``
    names them, for the engine to report with its hypotheses). ``sources`` (one per input, in
    ``target_lang``'s counterpart) let a name the model spells its own way count as the term.
    """
    from transformers import LogitsProcessorList

    del num_beams, num_return_sequences  # rows per input are read from the batch itself
    if not any(constraints):
        return {}
    processor = make_processor(
        tokenizer,
        constraints,
        eos_token_id=eos_token_id,
        target_lang_code=target_lang_code,
        max_length=max_length,
        sources=sources,
        target_lang=target_lang,
    )
    return {"logits_processor": LogitsProcessorList([processor])}


__all__ = ["HFEncoder", "make_processor", "generation_hooks", "unforceable_constraints"]
