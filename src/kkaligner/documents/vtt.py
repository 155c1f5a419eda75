"""WebVTT subtitles (.vtt): header, NOTE/STYLE/REGION blocks, cue ids, timings and cue settings kept
byte for byte; each cue's text translated with its tags (<i>, <b>, <c.x>, <v Name>) kept.

Cue text is read with its character references decoded (&amp;, &lt;, &nbsp;) and written escaped.
WebVTT is UTF-8 by definition.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from kkaligner.documents import _text
from kkaligner.documents.base import DEFAULTS, Document, Options
from kkaligner.documents.srt import parse, render, units
from kkaligner.errors import DocumentError

NAME = "vtt"
SUFFIXES = (".vtt",)

_TIMING = re.compile(r"^\s*(?:\d+:)?\d\d:\d\d\.\d+\s*-->\s*(?:\d+:)?\d\d:\d\d\.\d+")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read(data: bytes, name: str, options: Options = DEFAULTS) -> Document:
    text, _, _, notes = _text.decode(data, name, options.encoding or "utf-8")
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise DocumentError(f"{name} is not WebVTT: it does not start with 'WEBVTT'. Check the file, or name its format with --input-format.")
    items, _ = parse(text, _TIMING, name, header="WEBVTT", decode=html.unescape)
    found, members = units(items)
    return Document(NAME, found, (items, members), "utf-8", notes)


def write(document: Document, targets: Mapping[str, Sequence[str]], options: Options = DEFAULTS) -> bytes:
    items, members = document.skeleton
    return render(items, members, targets, options.width, _escape).encode("utf-8")


__all__ = ["NAME", "SUFFIXES", "read", "write"]
