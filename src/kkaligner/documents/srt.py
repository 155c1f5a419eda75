"""SubRip subtitles (.srt): cue numbers, timings and tags kept byte for byte, each cue's text translated.

A cue's lines are translated as one text and wrapped again (``_subtitles``). A file in a legacy
encoding (cp1251, kz1048...) is read as such and written as UTF-8, which every player reads; the
draft says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Union

from kkaligner.documents import _subtitles, _text
from kkaligner.documents.base import DEFAULTS, Document, Options
from kkaligner.errors import DocumentError

NAME = "srt"
SUFFIXES = (".srt",)

_TIMING = re.compile(r"^\s*\d+:\d\d:\d\d[,.]\d+\s*-->\s*\d+:\d\d:\d\d[,.]\d+")

Item = Union[str, tuple]  # raw text kept as is, or ("cue", cue texts, line end, ending)


def _blocks(text: str) -> list[list[str]]:
    """Lines (with their ends) grouped into blocks; a run of blank lines is a block of its own."""
    blocks: list[list[str]] = []
    blank: bool | None = None
    for line in text.splitlines(keepends=True):
        is_blank = not line.strip()
        if blank is None or is_blank != blank:
            blocks.append([])
            blank = is_blank
        blocks[-1].append(line)
    return blocks


def _strip(line: str) -> str:
    return line.rstrip("\r\n")


def parse(text: str, timing: re.Pattern[str], name: str, header: str = "", decode=None) -> tuple[list[Item], list]:
    """Items and cue texts of a subtitle file (shared with WebVTT: ``header`` opens the first block,
    kept as is; ``decode`` reads character references in cue text)."""
    items: list[Item] = []
    cues: list = []
    seen: set[str] = set()
    position = 0
    for block in _blocks(text):
        lines = [_strip(line) for line in block]
        at = next((i for i, line in enumerate(lines[:2]) if timing.match(line)), None)
        if not lines[0].strip() or at is None or (header and not items and lines[0].lstrip("\ufeff").startswith(header)):
            items.append("".join(block))
            continue
        position += 1
        label = lines[0].strip() if at == 1 else ""
        cue_id = f"cue {label}" if label and f"cue {label}" not in seen else f"cue #{position}"
        seen.add(cue_id)
        head = "".join(block[: at + 1])
        payload = lines[at + 1:]
        items.append(head)
        if not payload:
            continue
        newline = block[-1][len(lines[-1]):] or ("\r\n" if block[0].endswith("\r\n") else "\n")
        inner = block[at + 1][len(lines[at + 1]):] or newline
        texts = _subtitles.cue_units(cue_id, payload, decode or (lambda s: s))
        cues += list(texts)
        items.append(("cue", texts, inner, block[-1][len(lines[-1]):]))
    if not cues and text.strip():
        raise DocumentError(
            f"{name} has no subtitle cues (no line like '00:00:01,000 --> 00:00:02,000'). Check that "
            "it is a subtitle file, or name its format with --input-format."
        )
    return items, cues


def units(items: Sequence[Item]) -> tuple[tuple, dict]:
    """The units of parsed items and where each cue text's pieces are in them (``_subtitles.join``)."""
    return _subtitles.join([item[1] for item in items if not isinstance(item, str)])


def render(items: Sequence[Item], members: Mapping, targets: Mapping[str, Sequence[str]], width: int, escape=None) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
            continue
        _, texts, inner, ending = item
        lines: list[str] = []
        for cue in texts:
            uid, first, count = members[cue.unit.id]
            translated = uid in targets
            pieces = targets[uid][first:first + count] if translated else cue.unit.pieces
            filled = _subtitles.fill(cue, pieces, escape or (lambda s: s))
            if not translated:
                lines += filled.split("\n")
            elif len(texts) > 1:
                lines.append(" ".join(filled.split()))
            else:
                lines += _subtitles.wrap(filled, width)
        out.append(inner.join(lines) + ending)
    return "".join(out)


def read(data: bytes, name: str, options: Options = DEFAULTS) -> Document:
    text, encoding, bom, notes = _text.decode(data, name, options.encoding)
    if encoding not in ("utf-8", "utf-16", "utf-32"):
        notes += (f"{name} was written as UTF-8 (it was {encoding}).",)
    items, _ = parse(text, _TIMING, name)
    found, members = units(items)
    return Document(NAME, found, (items, bom, members), encoding, notes)


def write(document: Document, targets: Mapping[str, Sequence[str]], options: Options = DEFAULTS) -> bytes:
    items, bom, members = document.skeleton
    text = render(items, members, targets, options.width)
    if document.encoding in ("utf-16", "utf-32"):
        return text.encode(document.encoding)  # with its own byte-order mark
    return bom + text.encode("utf-8")


__all__ = ["NAME", "SUFFIXES", "parse", "read", "render", "write"]
