"""Carry a unit's text slots (runs, text nodes, text between tags) from its source to its translation.

The model reads a unit as one text; the slots' boundaries are then mapped onto the translation:
exactly at sentence boundaries (each sentence's translation is known) and at numbers and codes
written the same on both sides; in between, in proportion to the characters before the boundary,
moved to the nearest word edge of the same kind (a boundary after a space goes after a space, one
inside a word stays inside a word). Characters rather than words: a long Kazakh word, heavy with
suffixes, becomes several English words, and characters follow that (on the "split" stub of
benchmarks/bench_documents.py characters keep 70.5% of the spans on exactly their words, words
10.7%). The mapping keeps the slots in order, so the skeleton around them never moves.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

_WORD = re.compile(r"\w")
# Tokens a translation writes as the source does: numbers, and words in Latin letters or with digits.
_SAME = re.compile(r"\d[\d.,:/\-]*\d|\d|[A-Za-z][A-Za-z0-9_\-]*[0-9_][A-Za-z0-9_\-]*")


def flatten(pieces: Sequence[str], breaks: Sequence[int] = ()) -> tuple[str, list[int]]:
    """The text a model reads of ``pieces`` (whitespace runs collapsed to one space, stripped) and
    the offset in it of each boundary between two pieces (``len(pieces) - 1`` offsets). A boundary
    in ``breaks`` (the index of the piece after it) reads as a space."""
    out: list[str] = []
    bounds: list[int] = []
    pending = False  # whitespace seen since the last word: one space before the next word
    n = 0
    for k, piece in enumerate(pieces):
        if k:
            if k in breaks:
                pending = pending or n > 0
            bounds.append(n + pending)
        words = piece.split()
        if not words:
            pending = pending or (n > 0 and piece != "")
            continue
        if n > 0 and (pending or piece[0].isspace()):
            out.append(" ")
            n += 1
        joined = " ".join(words)
        out.append(joined)
        n += len(joined)
        pending = piece[-1].isspace()
    return "".join(out), [min(b, n) for b in bounds]


def _anchors(source: str, target: str, anchors: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence anchors plus tokens found exactly once on both sides, kept only where monotone."""
    points = sorted(set(anchors) | {(0, 0), (len(source), len(target))})
    src_tokens: dict[str, list[int]] = {}
    for m in _SAME.finditer(source):
        src_tokens.setdefault(m.group(), []).append(m.start())
    tgt_tokens: dict[str, list[int]] = {}
    for m in _SAME.finditer(target):
        tgt_tokens.setdefault(m.group(), []).append(m.start())
    for token, starts in src_tokens.items():
        there = tgt_tokens.get(token)
        if len(starts) == 1 and there is not None and len(there) == 1:
            s, t = starts[0], there[0]
            points += [(s, t), (s + len(token), t + len(token))]
    points.sort()
    kept: list[tuple[int, int]] = []
    for s, t in points:
        if kept and (t < kept[-1][1] or s < kept[-1][0]):
            continue  # a crossing anchor (the words were reordered) is no anchor
        kept.append((s, t))
    return kept


def _kind(text: str, i: int) -> str:
    left = text[i - 1] if i > 0 else " "
    right = text[i] if i < len(text) else " "
    if left == " ":
        return "after-space"
    if right == " ":
        return "before-space"
    if left.isalnum() and right.isalnum():
        return "mid-word"
    return "edge"


def _fits(text: str, i: int, kind: str) -> bool:
    if i <= 0 or i >= len(text):
        return True
    left, right = text[i - 1], text[i]
    if kind == "after-space":
        return left == " "
    if kind == "before-space":
        return right == " "
    return not (left.isalnum() and right.isalnum())


def map_offsets(source: str, target: str, offsets: Sequence[int], anchors: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Each offset of ``source`` mapped to an offset of ``target``, in order (non-decreasing).

    ``anchors`` are (source offset, target offset) pairs known to correspond (sentence edges)."""
    points = _anchors(source, target, anchors)
    xs = [p[0] for p in points]
    out: list[int] = []
    for b in offsets:
        i = max(0, min(bisect_right(xs, b) - 1, len(points) - 2))
        (s0, t0), (s1, t1) = points[i], points[min(i + 1, len(points) - 1)]
        if b == s0:
            t = t0
        elif s1 > s0:
            t = t0 + round((b - s0) * (t1 - t0) / (s1 - s0))
        else:
            t = t0
        kind = _kind(source, b)
        if kind != "mid-word" and t0 < t < t1 and not _fits(target, t, kind):
            best = None
            for d in range(1, max(t - t0, t1 - t) + 1):
                for c in (t - d, t + d):
                    if t0 <= c <= t1 and _fits(target, c, kind):
                        best = c
                        break
                if best is not None:
                    break
            t = best if best is not None else t
        out.append(max(t, out[-1]) if out else t)
    return out


def distribute(pieces: Sequence[str], target: str, anchors: Sequence[tuple[int, int]] = (), breaks: Sequence[int] = ()) -> tuple[str, ...]:
    """``target`` (the translation of ``flatten(pieces)[0]``) cut into as many pieces, in order.

    Pieces before the first word and after the last keep their own text (layout whitespace), and
    every piece keeps its own leading and trailing whitespace (what stands next to a tag or a run)."""
    source, bounds = flatten(pieces, breaks)
    if not source:
        return tuple(pieces)
    first = next(i for i, p in enumerate(pieces) if p.strip())
    last = max(i for i, p in enumerate(pieces) if p.strip())
    cuts = map_offsets(source, target, bounds[first:last], anchors)
    edges = [0] + cuts + [len(target)]
    out = list(pieces)
    after_space = True
    for k, i in enumerate(range(first, last + 1)):
        raw, part = pieces[i], target[edges[k]:edges[k + 1]]
        if not raw.strip():
            # Layout between two tags: kept unless the translation has a word running through here.
            out[i] = part if part.strip() else raw if _edge(target, edges[k]) else part
        else:
            # The whitespace at a piece's edges is the source's (it stands next to a tag or a run);
            # a space of the translation at a cut is kept once, where the source has none.
            lead = raw[: len(raw) - len(raw.lstrip())]
            trail = raw[len(raw.rstrip()):]
            # ... but never inside a word of the translation (the cut fell in one: no edge there)
            if lead and k and not _edge(target, edges[k]):
                lead = ""
            if trail and i < last and not _edge(target, edges[k + 1]):
                trail = ""
            following = pieces[i + 1] if i < last else ""
            # A break (line break, tab) between two pieces stands for the translation's space there.
            if lead or after_space or i in breaks:
                part = part.lstrip()
            if trail or following[:1].isspace() or i + 1 in breaks:
                part = part.rstrip()
            out[i] = lead + part + trail
        if out[i]:
            after_space = out[i][-1].isspace()
    return tuple(out)


def _edge(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or text[i - 1].isspace() or text[i].isspace()


def has_words(text: str) -> bool:
    return _WORD.search(text) is not None


__all__ = ["distribute", "flatten", "has_words", "map_offsets"]
