"""What SRT and WebVTT share: a cue's text between its tags, and re-wrapping a translated cue.

A cue's lines are one display text: a sentence spread over them is translated as one and the
translation is wrapped again to at most two lines of about ``width`` characters (tags do not
count). A sentence that runs on into the next cues (no final stop, or "..." before a lower-case
word) is one unit over up to ``MAX_JOINED`` cues, and each cue gets its share of the translation
in proportion to its characters, so the timings keep matching the text. A cue whose every line
opens with a dash is a dialogue: each line is its own unit and stays its own line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kkaligner.documents.base import Unit

# <i>, </i>, <font color=...>, <c.yellow>, <v Name>, <00:00:01.000>, and {\an8} (ASS overrides in SRT)
_TAG = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_ENDS = re.compile(r"[.!?…♪]['\"”»’)\]]*$")
MAX_JOINED = 4
_DIALOGUE = re.compile(r"^(?:<[^<>\n]*>|\{\\[^{}\n]*\})*\s*[-–—]")


@dataclass(frozen=True)
class CueText:
    """The payload of one cue: ``parts`` are the tags (kept as written) and the text pieces
    (``None`` placeholders, filled in order); ``unit`` lists the pieces as a Unit."""

    unit: Unit
    parts: tuple[str | None, ...]


def cue_units(cue_id: str, lines: Sequence[str], decode: Callable[[str], str] = lambda s: s) -> tuple[CueText, ...]:
    """The units of a cue's payload ``lines`` (without line ends)."""
    if len(lines) > 1 and all(_DIALOGUE.match(line) for line in lines):
        return tuple(_one(f"{cue_id}.{n}", line, decode) for n, line in enumerate(lines, 1))
    return (_one(cue_id, "\n".join(lines), decode),)


def _one(unit_id: str, text: str, decode: Callable[[str], str]) -> CueText:
    parts: list[str | None] = []
    pieces: list[str] = []
    pos = 0
    for m in _TAG.finditer(text):
        if m.start() > pos or not pieces:
            pieces.append(decode(text[pos:m.start()]))
            parts.append(None)
        parts.append(m.group())
        pos = m.end()
    pieces.append(decode(text[pos:]))
    parts.append(None)
    return CueText(Unit(unit_id, tuple(pieces)), tuple(parts))


def _runs_on(a: CueText, b: CueText) -> bool:
    """Whether the sentence at the end of cue ``a`` goes on in cue ``b``."""
    first, second = _TAG.sub("", a.unit.text).strip(), _TAG.sub("", b.unit.text).strip()
    if not first or not second:
        return False
    if not _ENDS.search(first):
        return True
    return first.endswith(("...", "…")) and (second[0].islower() or second.startswith(("...", "…")))


def join(cues: Sequence[Sequence[CueText]]) -> tuple[tuple[Unit, ...], dict[str, tuple[str, int, int]]]:
    """The units of a file's cues (each a sequence of its CueTexts) and, for every CueText, where
    its pieces are in its unit: (unit id, first piece, number of pieces)."""
    groups: list[list[CueText]] = []
    joinable = False  # the last group ends with a one-text cue (not a dialogue line)
    for texts in cues:
        single = len(texts) == 1
        if single and joinable and len(groups[-1]) < MAX_JOINED and _runs_on(groups[-1][-1], texts[0]):
            groups[-1].append(texts[0])
        else:
            groups += [[t] for t in texts]
        joinable = single
    units: list[Unit] = []
    members: dict[str, tuple[str, int, int]] = {}
    for group in groups:
        ids = [c.unit.id for c in group]
        uid = ids[0] + "".join("+" + i.removeprefix("cue ") for i in ids[1:])
        pieces: list[str] = []
        breaks: list[int] = []
        for cue in group:
            if pieces:
                breaks.append(len(pieces))  # a cue change reads as a space
            members[cue.unit.id] = (uid, len(pieces), len(cue.unit.pieces))
            pieces += cue.unit.pieces
        units.append(Unit(uid, tuple(pieces), tuple(breaks)))
    return tuple(units), members


def fill(cue: CueText, pieces: Sequence[str], encode: Callable[[str], str] = lambda s: s) -> str:
    """The cue text with translated ``pieces`` in place of the source's, tags kept."""
    it = iter(pieces)
    return "".join(encode(next(it)) if p is None else p for p in cue.parts)


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one display text, tags inline) on one line when it fits ``width`` visible
    characters, else on two, cut at the space that makes the longer line shortest."""
    text = " ".join(text.split())
    visible = len(_TAG.sub("", text))
    if visible <= width:
        return [text]
    best, best_cost = None, None
    seen = pos = 0  # visible characters before ``pos``
    for m in [*_TAG.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        i = text.find(" ", pos, end)
        while i >= 0:
            before = seen + i - pos
            cost = max(before, visible - before - 1)
            if best_cost is None or cost < best_cost:
                best, best_cost = i, cost
            i = text.find(" ", i + 1, end)
        seen += end - pos
        if m is not None:
            pos = m.end()
    if best is None:
        return [text]
    return [text[:best], text[best + 1:]]


__all__ = ["MAX_JOINED", "CueText", "cue_units", "fill", "join", "wrap"]
