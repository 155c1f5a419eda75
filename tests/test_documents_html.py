"""HTML: text nodes and alt/title attributes translated; script/style/code/pre and translate="no"
untouched; entities and the tag skeleton kept (checked with lxml, a reader independent of ours)."""

from __future__ import annotations

import re

import pytest

from kkaligner.documents import translate_document

PAGE = """<!DOCTYPE html>
<html lang="kk"><head><meta charset="utf-8"><title>Бәйтерек &amp; Астана</title>
<meta name="description" content="Жаңалықтар беті"><meta name="viewport" content="width=device-width">
<style>p { content: "мәтін" }</style><script>var x = "Сәлем <b>";</script></head>
<body>
  <h1 id="top">Жаңалықтар</h1>
  <p>Бұл <b>маңызды</b> сөйлем. Екінші <a href="/x?a=1&amp;b=2" title="Сілтеме">сөйлем</a> осында.</p>
  <img src="a.png" alt='Сурет'>
  <p translate="no">Аудармаңыз <b>мұны</b></p>
  <div class="notranslate">Бұл да қалады</div>
  <pre>код  мұнда</pre><p>Тағы <code>x = &lt;1&gt;</code> бір&nbsp;сөз</p>
  <table><tr><td>Бір</td><td>Екі <i>үш</i></td></tr></table>
  <!-- түсініктеме -->
</body></html>
"""

KEPT = ['<style>p { content: "мәтін" }</style>', '<script>var x = "Сәлем <b>";</script>',
        '<p translate="no">Аудармаңыз <b>мұны</b></p>', '<div class="notranslate">Бұл да қалады</div>',
        "<pre>код  мұнда</pre>", "<code>x = &lt;1&gt;</code>", "<!-- түсініктеме -->", "<!DOCTYPE html>",
        'href="/x?a=1&amp;b=2"']


def _skeleton(data: bytes):
    """Every element's tag and its attributes other than the translated ones, in document order."""
    import lxml.html

    root = lxml.html.fromstring(data)
    return [(el.tag, sorted((k, v) for k, v in el.attrib.items() if k not in ("alt", "title", "lang", "content")))
            for el in root.iter() if isinstance(el.tag, str)]


def _translate(tmp_path, page=PAGE, function=str.upper, encoding="utf-8", **kwargs):
    src = tmp_path / "a.html"
    src.write_bytes(page.encode(encoding))
    draft = translate_document(function, src, tmp_path / "b.html", **kwargs)
    return draft, (tmp_path / "b.html").read_bytes()


def test_skeleton_and_untouchable_parts_kept(tmp_path):
    _, out = _translate(tmp_path)
    assert _skeleton(out) == _skeleton(PAGE.encode())
    text = out.decode("utf-8")
    for part in KEPT:
        assert part in text
    assert "<title>БӘЙТЕРЕК &amp; АСТАНА</title>" in text  # the entity is written as an entity
    assert text.count('<html lang="en">') == 1  # the page says its new language


def test_text_nodes_and_attributes_translated(tmp_path):
    draft, out = _translate(tmp_path)
    text = out.decode("utf-8")
    assert '<p>БҰЛ <b>МАҢЫЗДЫ</b> СӨЙЛЕМ. ЕКІНШІ <a href="/x?a=1&amp;b=2" title="СІЛТЕМЕ">СӨЙЛЕМ</a> ОСЫНДА.</p>' in text
    assert "alt='СУРЕТ'" in text
    assert '<meta name="description" content="ЖАҢАЛЫҚТАР БЕТІ">' in text
    assert '<meta name="viewport" content="width=device-width">' in text
    # A no-break space between words is the source's spacing: the translation has its own words.
    assert "<p>ТАҒЫ <code>x = &lt;1&gt;</code> БІР СӨЗ</p>" in text
    assert "<td>ЕКІ <i>ҮШ</i></td>" in text
    # Outside the untouchable parts no lower-case Kazakh is left: every unit was translated.
    rest = text
    for part in KEPT:
        rest = rest.replace(part, "")
    assert not re.search(r"[а-яәғқңөұүһі]", rest)
    assert {"p[1]", "img[1]@alt", "a[1]@title", "td[2]"} <= set(draft.locations)


def test_sentence_read_whole_across_inline_tags(tmp_path):
    seen = []
    _translate(tmp_path, function=lambda t: seen.append(t) or t.upper())
    assert "Бұл маңызды сөйлем." in seen
    assert "Екінші сөйлем осында." in seen


def test_formatting_follows_word_order_changes_by_proportion(tmp_path):
    # The translation is longer: each inline element still gets words, none is left empty.
    draft, out = _translate(tmp_path, function=lambda t: " ".join(w + "xx" for w in t.split()))
    assert re.search(r"<b>\S+</b>", out.decode()) and draft.formatting_kept == 1.0


def test_legacy_encoding_kept_with_character_references(tmp_path):
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Привет мир.</p></body></html>'
    _, out = _translate(tmp_path, page, function=lambda t: "Сәлем әлем.", encoding="cp1251")
    assert "charset=windows-1251" in out.decode("cp1251")
    assert "С&#1241;лем &#1241;лем." in out.decode("cp1251")  # ә is not in cp1251


def test_html_end_to_end_tiny_model(tmp_path, tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    src = tmp_path / "a.html"
    src.write_text(PAGE, encoding="utf-8")
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=16, memory=False) as tr:
        draft = tr.translate_document(src, tmp_path / "b.html")
    out = (tmp_path / "b.html").read_bytes()
    assert _skeleton(out) == _skeleton(PAGE.encode())
    for part in KEPT:
        assert part in out.decode("utf-8")
    assert len(draft.locations) == len(draft.sentences) > 0


@pytest.mark.parametrize("snippet", ["<p>Сәлем<br>әлем</p>", "<ul><li>Бір<li>Екі</ul>", "<p>a &lt; b &amp; c</p>"])
def test_odd_markup_round_trips_with_identity(tmp_path, snippet):
    _, out = _translate(tmp_path, snippet, function=lambda t: t)
    assert out.decode() == snippet


def test_line_break_reads_as_a_space(tmp_path):
    seen = []
    _, out = _translate(tmp_path, "<p>Бірінші жол<br>екінші жол.</p>", lambda t: seen.append(t) or t.upper())
    assert seen == ["Бірінші жол екінші жол."]
    assert out.decode() == "<p>БІРІНШІ ЖОЛ<br>ЕКІНШІ ЖОЛ.</p>"


def test_untranslated_paragraph_without_end_tag_ends_at_the_next_block(tmp_path):
    page = '<p translate="no">Қалады<p>Аударылады<ul><li class="notranslate">Бір<li>Екі</ul>'
    _, out = _translate(tmp_path, page)
    assert out.decode() == '<p translate="no">Қалады<p>АУДАРЫЛАДЫ<ul><li class="notranslate">Бір<li>ЕКІ</ul>'
