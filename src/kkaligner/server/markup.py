"""``format=html``: the text between tags is translated, the tags are kept as they were.

Each run of text between tags (outside script, style and similar) is one document for the
translator; its translation is escaped on the way back, so a translation can never add markup.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Callable, Sequence

# Elements whose content is not prose.
RAW = frozenset({"script", "style", "code", "pre", "textarea", "template"})


class _Pieces(HTMLParser):
    """Splits HTML into ('markup', raw) and ('text', unescaped) pieces, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, str]] = []
        self._raw_depth = 0

    def _markup(self) -> None:
        self.pieces.append(("markup", self.get_starttag_text() or ""))

    def handle_starttag(self, tag, attrs):
        self._markup()
        if tag in RAW:
            self._raw_depth += 1

    def handle_startendtag(self, tag, attrs):
        self._markup()

    def handle_endtag(self, tag):
        self.pieces.append(("markup", f"</{tag}>"))
        if tag in RAW and self._raw_depth:
            self._raw_depth -= 1

    def handle_data(self, data):
        kind = "markup" if self._raw_depth else "text"
        self.pieces.append((kind, data if kind == "text" else html.escape(data, quote=False)))

    def handle_comment(self, data):
        self.pieces.append(("markup", f"<!--{data}-->"))

    def handle_decl(self, decl):
        self.pieces.append(("markup", f"<!{decl}>"))


def translate_html(source: str, translate: Callable[[Sequence[str]], list[str]]) -> str:
    """``source`` with each text run replaced by its translation (``translate`` takes and returns
    lists), whitespace around each run kept."""
    parser = _Pieces()
    parser.feed(source)
    parser.close()
    pieces = parser.pieces
    wanted = [i for i, (kind, text) in enumerate(pieces) if kind == "text" and text.strip()]
    done = translate([pieces[i][1].strip() for i in wanted]) if wanted else []
    out = [text if kind == "markup" else html.escape(text, quote=False) for kind, text in pieces]
    for i, target in zip(wanted, done):
        text = pieces[i][1]
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out[i] = lead + html.escape(target, quote=False) + trail
    return "".join(out)
