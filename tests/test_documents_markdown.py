"""Markdown: code, link and image targets, front matter, tables and HTML blocks kept; text translated.
The structure is compared on the HTML that markdown-it renders of input and output."""

from __future__ import annotations

import re

from kkaligner.documents import translate_document

DOC = '''---
title: Тақырып
tags: [бір, екі]
---
# Бәйтерек жобасы #

> - Бұл **маңызды** сөйлем,
>   ол екі жолда [сілтеме](http://x.kz/а "t") бар.
> - Екінші _тармақ_ `code()` мұнда.

| Атауы | Саны |
|---|---|
| бір `код` | екі &amp; үш |

```python
print("Сәлем")
```

    indented code сақталады

<div class="x">Қалады</div>

Мұнда ![Сурет алты](a.png) бар және <https://gov.kz> сайты бар.

[реф]: http://x.kz "Тақырып"

Setext тақырып
======
'''

KEPT = ["---\ntitle: Тақырып\ntags: [бір, екі]\n---\n", '```python\nprint("Сәлем")\n```', "    indented code сақталады",
        '<div class="x">Қалады</div>', '[реф]: http://x.kz "Тақырып"', "(http://x.kz/а \"t\")", "`code()`", "`код`",
        "(a.png)", "<https://gov.kz>", "\n======\n", "|---|---|"]


def _structure(text: str):
    """Tags, link targets, image sources and code of the rendered page, read with lxml."""
    import lxml.html
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark").enable("table").render(text)
    root = lxml.html.fromstring(f"<div>{page}</div>")
    return [(el.tag, el.get("href"), el.get("src"), el.text if el.tag == "code" else None)
            for el in root.iter() if isinstance(el.tag, str)]


def _translate(tmp_path, function=str.upper, doc=DOC):
    src = tmp_path / "a.md"
    src.write_text(doc, encoding="utf-8")
    draft = translate_document(function, src, tmp_path / "b.md")
    return draft, (tmp_path / "b.md").read_text("utf-8")


def test_structure_and_untouchable_parts_kept(tmp_path):
    _, out = _translate(tmp_path)
    assert _structure(out[out.index("# "):]) == _structure(DOC[DOC.index("# "):])
    for part in KEPT:
        assert part in out
    assert len(out.splitlines()) == len(DOC.splitlines())


def test_every_text_translated(tmp_path):
    draft, out = _translate(tmp_path)
    rest = out
    for part in KEPT:
        rest = rest.replace(part, "")
    assert not re.search(r"[а-яәғқңөұүһі]", rest), rest
    assert "> - БҰЛ **МАҢЫЗДЫ** СӨЙЛЕМ,\n>   ОЛ ЕКІ ЖОЛДА [СІЛТЕМЕ](http://x.kz/а \"t\") БАР." in out
    assert "| БІР `код` | ЕКІ &amp; ҮШ |" in out
    assert "![СУРЕТ АЛТЫ](a.png)" in out
    assert {"heading 5", "paragraph 7", "cell 13.2", "paragraph 23 image 1"} <= set(draft.locations)


def test_wrapped_paragraph_read_as_one_sentence(tmp_path):
    seen = []
    _translate(tmp_path, lambda t: seen.append(t) or t.upper())
    assert "Бұл маңызды сөйлем, ол екі жолда сілтеме бар." in seen
    assert "Мұнда бар және сайты бар." in seen  # the image's alt text is a unit of its own
    assert "Сурет алты" in seen


def test_identity_is_byte_identical(tmp_path):
    _, out = _translate(tmp_path, lambda t: t)
    assert out == DOC


def test_markdown_end_to_end_tiny_model(tmp_path, tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    src = tmp_path / "a.md"
    src.write_text(DOC, encoding="utf-8")
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=16, memory=False) as tr:
        draft = tr.translate_document(src, tmp_path / "b.md")
    out = (tmp_path / "b.md").read_text("utf-8")
    for part in KEPT:
        assert part in out
    assert len(draft.locations) == len(draft.sentences) > 0
