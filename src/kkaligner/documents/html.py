"""HTML (.html, .htm): text nodes, alt/title/placeholder/aria-label attributes and the content of
description and title <meta> tags translated in place.

The document is read with the standard library's HTML tokenizer (``html.parser``: maintained with
Python, follows the HTML5 tokenizing rules for tags and character references, never fetches or
expands anything) and only the characters of translated text nodes and attribute values are
replaced: every tag, comment, entity and byte of layout outside them is written back as it was.
The page's ``<html lang>`` becomes the target language.
A block's text nodes and its inline elements (<b>, <a>, <span>...) are one unit, so a sentence is
translated whole and the inline tags keep their place around their share of the translation.
<script>, <style>, <code>, <pre>, <textarea>, <svg>, <math> and any element marked translate="no"
(or class="notranslate") are left untouched, with everything in them.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Mapping, Optional, Sequence

from kkaligner.documents import _text
from kkaligner.documents.base import DEFAULTS, Document, Options, Unit

NAME = "html"
SUFFIXES = (".html", ".htm", ".xhtml")

INLINE = frozenset(
    "a abbr acronym b bdi bdo big br cite data del dfn em font i img ins label mark q s small span "
    "strike strong sub sup time tt u wbr".split()
)
SKIP = frozenset("script style code pre textarea template svg math kbd samp var noscript".split())
# Left alone, but inside a sentence: the sentence around them stays one unit.
INLINE_SKIP = frozenset("code kbd samp var".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose end tag HTML lets out: the next one of the same name ends them (a <p> ends at any block).
_CLOSED_BY_SAME = frozenset("li td th tr option dt dd".split())
ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")
# <meta> whose content is text for people (search results, link previews)
META = frozenset({"description", "keywords", "og:title", "og:description", "twitter:title", "twitter:description"})

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)


@dataclass(frozen=True)
class _Slot:
    """Where a piece's text stands in the source: ``text[start:end]``; ``quote`` is the attribute
    value's quote character ('"', "'", or "" for an unquoted value), None for a text node."""

    start: int
    end: int
    quote: Optional[str] = None


class _Reader(HTMLParser):
    """Tokenizes once and records each construct's start offset; the rest is done on offsets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.lines = [0]
        for m in re.finditer("\n", text):
            self.lines.append(m.end())
        self.events: list[tuple[str, int, object]] = []

    def _at(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", self._at(), (tag, attrs, self.get_starttag_text() or "")))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", self._at(), (tag, attrs, self.get_starttag_text() or "")))
        self.events.append(("end", self._at(), tag))

    def handle_endtag(self, tag):
        self.events.append(("end", self._at(), tag))

    def handle_data(self, data):
        self.events.append(("data", self._at(), None))

    def handle_comment(self, data):
        self.events.append(("comment", self._at(), None))

    def handle_decl(self, decl):
        self.events.append(("other", self._at(), None))

    handle_pi = handle_decl
    unknown_decl = handle_decl


def _attr_spans(raw: str, offset: int) -> dict[str, _Slot]:
    """The value of each attribute in a start tag's raw text, as absolute slots."""
    out: dict[str, _Slot] = {}
    for m in re.finditer(r"""\s([^\s"'<>/=]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", raw):
        name = m.group(1).lower()
        if name in out:
            continue
        g = 3 if m.group(3) is not None else 4 if m.group(4) is not None else 5
        quote = {3: '"', 4: "'", 5: ""}[g]
        out[name] = _Slot(offset + m.start(g), offset + m.end(g), quote)
    return out


def _units(text: str) -> tuple[list[Unit], list[tuple[_Slot, ...]], list[_Slot]]:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    events = reader.events
    units: list[Unit] = []
    slots: list[tuple[_Slot, ...]] = []
    counts: dict[str, int] = {}
    used: dict[str, int] = {}
    blocks: list[str] = []  # open block elements, as "tag[n]"
    skip: list[str] = []  # open elements whose content is left alone
    current: list[tuple[str, _Slot]] = []
    langs: list[_Slot] = []  # <html lang="..."> says the page's language: the target's, once translated
    breaks: list[int] = []  # pieces that a <br> separates from the previous one

    def unit_id(base: str) -> str:
        used[base] = used.get(base, 0) + 1
        return base if used[base] == 1 else f"{base}#{used[base]}"

    def close() -> None:
        if current and any(p.strip() for p, _ in current):
            pieces = tuple(p for p, _ in current)
            units.append(Unit(unit_id(blocks[-1] if blocks else "document"), pieces, tuple(b for b in breaks if 0 < b < len(pieces))))
            slots.append(tuple(s for _, s in current))
        current.clear()
        breaks.clear()

    for n, (kind, start, payload) in enumerate(events):
        end = events[n + 1][1] if n + 1 < len(events) else len(text)
        if kind == "data":
            if not skip:
                current.append((_html.unescape(text[start:end]), _Slot(start, end)))
            continue
        if kind == "comment":
            continue  # a comment inside a paragraph does not end it
        if kind == "other":
            close()
            continue
        if kind == "end":
            tag = str(payload)
            if skip:
                if skip[-1] == tag:
                    skip.pop()
                elif tag in skip:  # an ancestor's end closes what HTML lets go unclosed inside it
                    del skip[len(skip) - 1 - skip[::-1].index(tag):]
                continue
            if tag not in INLINE and tag not in INLINE_SKIP:
                close()
                for i in range(len(blocks) - 1, -1, -1):
                    if blocks[i].split("[")[0] == tag:
                        del blocks[i:]
                        break
            continue
        tag, attrs, raw = payload  # type: ignore[misc]
        counts[tag] = counts.get(tag, 0) + 1
        if skip:
            block = tag not in INLINE and tag not in INLINE_SKIP
            if len(skip) == 1 and ((skip[0] == "p" and block) or (skip[0] in _CLOSED_BY_SAME and tag == skip[0])):
                skip.pop()  # <p translate="no"> ended by the next block, as HTML lets it (no </p>)
            else:
                if tag not in VOID and tag == skip[-1]:
                    skip.append(tag)
                continue
        values = dict(attrs)
        opaque = tag in SKIP or values.get("translate") == "no" or "notranslate" in (values.get("class") or "").split()
        if tag not in INLINE and tag not in INLINE_SKIP:
            close()
        if tag == "br":
            breaks.append(len(current))
        if opaque:
            if tag not in VOID:
                skip.append(tag)
            continue
        if tag not in INLINE and tag not in VOID:
            blocks.append(f"{tag}[{counts[tag]}]")
        spans = _attr_spans(raw, start)
        if tag == "html":
            langs += [spans[a] for a in ("lang", "xml:lang") if a in spans]
        names = ATTRIBUTES
        if tag == "meta" and (values.get("name") or values.get("property") or "").lower() in META:
            names = ATTRIBUTES + ("content",)
        for attr in names:
            value = values.get(attr)
            if value and value.strip() and attr in spans:
                units.append(Unit(unit_id(f"{tag}[{counts[tag]}]@{attr}"), (value,)))
                slots.append((spans[attr],))
    close()
    return units, slots, langs


def _escape(text: str, quote: Optional[str]) -> str:
    text = text.replace("&", "&amp;").replace("\xa0", "&nbsp;")
    if quote is None:
        return text.replace("<", "&lt;").replace(">", "&gt;")
    if quote == "'":
        return text.replace("'", "&#39;")
    return text.replace('"', "&quot;")


def read(data: bytes, name: str, options: Options = DEFAULTS) -> Document:
    declared = _CHARSET.search(data[:4096])
    text, encoding, bom, notes = _text.decode(data, name, options.encoding, declared.group(1).decode("ascii") if declared else None)
    units, slots, langs = _units(text)
    return Document(NAME, tuple(units), (text, bom, dict(zip((u.id for u in units), slots)), langs), encoding, notes)


def write(document: Document, targets: Mapping[str, Sequence[str]], options: Options = DEFAULTS) -> bytes:
    text, bom, slots, langs = document.skeleton
    edits: list[tuple[int, int, str]] = []
    if targets:
        edits += [(s.start, s.end, options.target_lang if s.quote else f'"{options.target_lang}"') for s in langs]
    for unit in document.units:
        pieces = targets.get(unit.id)
        if pieces is None:
            continue
        for slot, piece, old in zip(slots[unit.id], pieces, unit.pieces):
            if piece == old:
                continue  # unchanged text keeps its own entities
            value = _escape(piece, slot.quote)
            edits.append((slot.start, slot.end, f'"{value}"' if slot.quote == "" else value))
    out: list[str] = []
    pos = 0
    for start, end, value in sorted(edits):
        out += [text[pos:start], value]
        pos = end
    out.append(text[pos:])
    result = "".join(out)
    if document.encoding in ("utf-16", "utf-32"):
        return result.encode(document.encoding)
    # A legacy page keeps its encoding; a character it cannot hold becomes a character reference.
    return bom + result.encode(document.encoding or "utf-8", errors="xmlcharrefreplace")


__all__ = ["NAME", "SUFFIXES", "read", "write"]
