"""Markdown (.md): paragraphs, headings, list items, quotes, table cells and image alt texts
translated; everything else kept byte for byte.

markdown-it-py (CommonMark with tables and strikethrough) finds the blocks and their lines; the
text of each is then cut on its own markup, which stays as written: code spans, link and image
targets, autolinks, inline HTML, emphasis marks, escapes, footnote references, and each line's
container prefix (``> ``, list markers, heading marks). Fenced and indented code, HTML blocks,
link reference definitions and YAML/TOML front matter are never read for translation. A paragraph
hard-wrapped over several lines is read as one text and its translation spread over as many lines.
"""

from __future__ import annotations

import html as _html
import re
from typing import Mapping, Sequence, Union

from kkaligner.documents import _text
from kkaligner.documents.base import DEFAULTS, Document, Options, Unit, need

NAME = "md"
SUFFIXES = (".md", ".markdown")

_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")
_PREFIX = re.compile(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:#{1,6}[ \t]+)?")
# Markup inside a block's text, kept as written. Order matters: code spans first (nothing inside them
# is markup), then HTML and autolinks, link/image targets, footnote references, escapes, emphasis.
_MARKUP = re.compile(
    r"(?P<code>(`+)[\s\S]*?(?<!`)\2(?!`))"
    r"|(?P<html><[A-Za-z/!?][^<>]*>)"
    r"|(?P<target>\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)|\]\[[^\]]*\])"
    r"|(?P<image>!\[)"
    r"|(?P<foot>\[\^[^\]]+\])"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<mark>\*+|(?<!\w)_+|_+(?!\w)|~~|\[|\])"
)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_IMAGE = re.compile(r"!\[((?:[^\[\]\\]|\\.)*)\](?=\(|\[)")

Part = Union[str, int, tuple]  # kept text, index of a piece, or ("unit", id, as written) for an alt text


def _front_matter(text: str) -> int:
    """Length of the YAML (---) or TOML (+++) front matter at the start of ``text``, 0 if none."""
    m = _FRONT.match(text)
    if not m:
        return 0
    fence = m.group().strip()
    closing = re.compile(rf"^(?:{re.escape(fence)}|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)
    end = closing.search(text, m.end())
    return end.end() if end else 0


def _scan(raw: str) -> list[tuple[str, str]]:
    """("text" | "skel" | "alt", string) parts of a block's raw text."""
    parts: list[tuple[str, str]] = []
    pos = 0
    while pos < len(raw):
        image = _IMAGE.match(raw, pos)
        if image:
            parts += [("skel", "!["), ("alt", image.group(1)), ("skel", "")]
            pos = image.end(1)
            continue
        m = _MARKUP.search(raw, pos)
        if m is None:
            parts.append(("text", raw[pos:]))
            break
        if m.start() > pos:
            parts.append(("text", raw[pos:m.start()]))
        if m.lastgroup == "image":
            image = _IMAGE.match(raw, m.start())
            if image:
                parts += [("skel", "!["), ("alt", image.group(1)), ("skel", "")]
                pos = image.end(1)
                continue
        parts.append(("skel", m.group()))
        pos = m.end()
    return parts


def _spans(lines: list[str], starts: list[int], first: int, last: int, contents: list[str], kind: str) -> list[tuple[int, int]]:
    """Absolute (start, end) of each content line in the source lines first..last."""
    out = []
    for i, content in zip(range(first, last), contents):
        line = lines[i].rstrip("\r\n")
        content = content.rstrip()
        if not content:
            continue
        if kind == "cell":
            return []  # cells are found by the caller
        prefix = _PREFIX.match(line)
        at = line.find(content, prefix.end() if prefix else 0)
        if at < 0:
            at = line.find(content)
        if at < 0:
            continue
        out.append((starts[i] + at, starts[i] + at + len(content)))
    return out


def read(data: bytes, name: str, options: Options = DEFAULTS) -> Document:
    MarkdownIt = need("markdown_it", "markdown-it-py").MarkdownIt  # imported when a Markdown file is read

    text, encoding, bom, notes = _text.decode(data, name, options.encoding)
    if encoding not in ("utf-8", "utf-16", "utf-32"):
        notes += (f"{name} was written as UTF-8 (it was {encoding}).",)
    front = _front_matter(text)
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    # Front matter becomes blank lines for the parser, so line numbers stay those of the file.
    parsed = "".join("\n" if starts[i] < front else line for i, line in enumerate(lines))
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(parsed)
    units: list[Unit] = []
    # (unit id, start, end, parts, each piece as written): the places the write replaces
    regions: list[tuple[str, int, int, list[Part], list[str]]] = []
    kinds = {"heading_open": "heading", "paragraph_open": "paragraph", "th_open": "cell", "td_open": "cell"}
    cells: dict[int, int] = {}
    for n, token in enumerate(tokens):
        kind = kinds.get(token.type)
        if kind is None or n + 1 >= len(tokens) or tokens[n + 1].type != "inline":
            continue
        inline = tokens[n + 1]
        first, last = inline.map or (0, 0)
        if kind == "cell":
            line = lines[first]
            pos = cells.get(first, 0)
            at = line.find(inline.content, pos) if inline.content else -1
            if at < 0:
                continue
            cells[first] = at + len(inline.content)
            spans = [(starts[first] + at, starts[first] + at + len(inline.content))]
            uid = f"cell {first + 1}.{line.count('|', 0, at) or 1}"
        else:
            spans = _spans(lines, starts, first, last, inline.content.split("\n"), kind)
            uid = f"{kind} {first + 1}"
        if not spans:
            continue
        parts: list[Part] = []
        pieces: list[str] = []
        raws: list[str] = []
        breaks: list[int] = []
        for k, (a, b) in enumerate(spans):
            if k:
                parts.append(text[spans[k - 1][1]:a])  # line end and the next line's prefix
                breaks.append(len(pieces))
            for what, value in _scan(text[a:b]):
                if what == "skel":
                    parts.append(value)
                    if _BR.fullmatch(value):
                        breaks.append(len(pieces))
                elif what == "text":
                    parts.append(len(pieces))
                    pieces.append(_html.unescape(value))
                    raws.append(value)
                else:
                    alt = Unit(f"{uid} image {sum(isinstance(p, tuple) for p in parts) + 1}", (_html.unescape(value),))
                    units.append(alt)
                    parts.append(("unit", alt.id, value))
        units.append(Unit(uid, tuple(pieces), tuple(b for b in breaks if 0 < b < len(pieces))))
        regions.append((uid, spans[0][0], spans[-1][1], parts, raws))
    return Document(NAME, tuple(units), (text, bom, regions), encoding, notes)


def write(document: Document, targets: Mapping[str, Sequence[str]], options: Options = DEFAULTS) -> bytes:
    text, bom, regions = document.skeleton
    out: list[str] = []
    pos = 0
    for uid, start, end, parts, raws in regions:
        alts = [p[1] for p in parts if isinstance(p, tuple) and p[1] in targets]
        if uid not in targets and not alts:
            continue  # nothing translated here: the region stays as written, entities and all
        pieces = targets.get(uid, raws)
        if uid in targets and any("&" in raw for raw in raws):
            pieces = [p.replace("&", "&amp;") for p in pieces]  # the source wrote its ampersands as entities
        body = []
        for part in parts:
            if isinstance(part, int):
                body.append(pieces[part])
            elif isinstance(part, tuple):
                alt = targets.get(part[1])
                body.append("".join(alt) if alt is not None else part[2])
            else:
                body.append(part)
        out += [text[pos:start], "".join(body)]
        pos = end
    out.append(text[pos:])
    if document.encoding in ("utf-16", "utf-32"):
        return "".join(out).encode(document.encoding)  # with its own byte-order mark
    return bom + "".join(out).encode("utf-8")


__all__ = ["NAME", "SUFFIXES", "read", "write"]
