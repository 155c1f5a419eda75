"""Line layout of a translated sentence: its text broken where its source's lines break.

The engine sees a sentence hard-wrapped over several lines as one line (``pipeline.normalize``), so
its translation comes back on one line. ``spread`` breaks it again, over as many lines as the source
has, so that a draft keeps one output line per input line:

* each source line break is put at the gap between two target words whose place in the target
  (as a share of its characters) is nearest to the break's place in the source, so each line gets
  about the share of the sentence its source line had;
* the break is copied from the source as it stands (``\\r\\n``, blank lines inside the sentence, the
  next line's indentation), so the source's line starts are kept;
* words are never split, nor are numbers held together by no-break spaces ("10\\u00a0000");
* a translation with fewer words than the source has lines has its longest words parted between
  letters, so that every line gets some of it: a line is never left empty and no text is added
  (only a translation with fewer letters than the source has lines gets fewer lines).

Pure: strings in, a string out; nothing here knows about drafts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# The characters str.splitlines() breaks at (the splitter's line breaks too).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Spaces that must not become line breaks.
NO_BREAK = "\u00a0\u2007\u202f"

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Gap:
    """A run of whitespace between two words of a text: ``text == s[start:end]``.

    ``at`` is where the gap's middle lies, as a share (0..1) of the text with every gap counted as
    one character, so that indentation and double spaces do not weigh on the line lengths.
    """

    start: int
    end: int
    text: str
    at: float


def gaps(text: str) -> list[Gap]:
    """The gaps between the words of ``text``; its outer whitespace is not a gap."""
    body = text.strip()
    offset = len(text) - len(text.lstrip())
    runs = list(_SPACE.finditer(body))
    size = len(body) - sum(m.end() - m.start() for m in runs) + len(runs)
    out, squeezed = [], 0  # characters the runs before this one lost when counted as one
    for m in runs:
        at = (m.start() - squeezed + 0.5) / size
        out.append(Gap(m.start() + offset, m.end() + offset, m.group(), at))
        squeezed += m.end() - m.start() - 1
    return out


def has_line_break(space: str) -> bool:
    return any(c in LINE_BREAKS for c in space)


def line_breaks(source: str) -> list[Gap]:
    """The gaps of ``source`` that end a line: one fewer than its lines (outer whitespace aside)."""
    return [g for g in gaps(source) if has_line_break(g.text)]


def can_break(space: str) -> bool:
    """Whether a line may break at this gap: any but a run of no-break spaces."""
    return any(c not in NO_BREAK for c in space)


def nearest(few: list[float], many: list[float]) -> list[int]:
    """For each place of ``few`` (ascending), the index of the nearest place of ``many``
    (ascending), the indices strictly ascending; ``len(few) <= len(many)``. Greedy, left to right:
    each place takes the nearest index that still leaves one for every place after it (ties go
    left)."""
    out, lo = [], 0
    for i, x in enumerate(few):
        hi = len(many) - (len(few) - i)
        j = bisect_left(many, x, lo, hi + 1)
        best = min((c for c in (j - 1, j) if lo <= c <= hi), key=lambda c: abs(many[c] - x))
        out.append(best)
        lo = best + 1
    return out


def _split_words(body: str, spaces: list[Gap], need: int) -> list[Gap]:
    """``need`` more places to break ``body``, inside its longest words, between graphemes (a base
    letter and the marks on it stay together): empty gaps, for a translation with fewer words than
    its source has lines, so that every line still gets some of it."""
    words, pos = [], 0
    for g in spaces + [Gap(len(body), len(body), "", 1.0)]:
        words.append((pos, g.start))
        pos = g.end
    cuts: list[int] = []
    pieces = [(a, b) for a, b in words]
    for _ in range(need):
        pieces.sort(key=lambda w: _graphemes(body, *w), reverse=True)
        a, b = pieces[0]
        starts = _grapheme_starts(body, a, b)
        if len(starts) < 2:
            break  # no word left with two letters to part
        mid = starts[len(starts) // 2]
        cuts.append(mid)
        pieces[0:1] = [(a, mid), (mid, b)]
    size = max(1, len(body))
    return [Gap(c, c, "", c / size) for c in cuts]


def _grapheme_starts(text: str, a: int, b: int) -> list[int]:
    import unicodedata

    return [k for k in range(a, b) if k == a or not (unicodedata.combining(text[k]) or "\ud800" <= text[k] <= "\udfff"
                                                      or text[k] in "\u200d\ufe0f" or text[k - 1] == "\u200d")]


def _graphemes(text: str, a: int, b: int) -> int:
    return len(_grapheme_starts(text, a, b))


def spread(target: str, source: str) -> str:
    """``target`` with line breaks where ``source`` has them (see the module's docstring).

    Outer whitespace of ``target`` is dropped (the layout around a sentence is the caller's), line
    breaks of its own become spaces, and every other gap is kept as it is. With ``k`` source lines
    the result has ``k`` lines, starting as the source's do, as long as ``target`` has ``k``
    letters: with fewer words than lines, its longest words are parted between letters.
    """
    body = target.strip()
    breaks = line_breaks(source)
    spaces = gaps(body)
    points = [g for g in spaces if can_break(g.text)]
    if len(points) < len(breaks):
        points = sorted(points + _split_words(body, spaces, len(breaks) - len(points)), key=lambda g: g.start)
        spaces = sorted(spaces + [g for g in points if g.start == g.end], key=lambda g: g.start)
    if len(points) >= len(breaks):
        picked = nearest([b.at for b in breaks], [p.at for p in points])
        chosen = {points[i].start: b.text for i, b in zip(picked, breaks)}
    else:
        picked = nearest([p.at for p in points], [b.at for b in breaks])
        chosen = {p.start: breaks[i].text for p, i in zip(points, picked)}
    out, pos = [], 0
    for g in spaces:
        out.append(body[pos : g.start])
        if g.start in chosen:
            out.append(chosen[g.start])
        else:
            out.append(" " if has_line_break(g.text) else g.text)
        pos = g.end
    out.append(body[pos:])
    return "".join(out)


__all__ = [
    "LINE_BREAKS", "NO_BREAK", "Gap", "gaps", "has_line_break", "can_break", "line_breaks",
    "nearest", "spread",
]
