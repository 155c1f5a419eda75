"""XLIFF 1.2 and 2.x pre-translation: empty targets filled, existing ones kept unless overwrite, state
set per version, inline codes kept with their ids (placeholders through the model, re-inserted).
Read back with translate-toolkit, a reader independent of ours."""

from __future__ import annotations

import re

import pytest

from kkaligner.documents import translate_document
from kkaligner.documents.xliff import restore
from kkaligner.errors import DocumentError, UnsafeDocumentError

V12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.txt" source-language="kk" datatype="plaintext">
    <body>
      <trans-unit id="1">
        <source>Бұл <g id="b1">маңызды</g> сөйлем<x id="br"/> осында.</source>
      </trans-unit>
      <trans-unit id="2">
        <source>Бар мәтін</source>
        <target>Existing text</target>
      </trans-unit>
      <trans-unit id="3" translate="no"><source>Аударылмайды</source></trans-unit>
      <group id="g"><trans-unit id="4"><source>Екі <ph id="p1">&lt;b&gt;</ph>сөз және <bpt id="5">&lt;i&gt;</bpt>үш<ept id="5">&lt;/i&gt;</ept></source><target/></trans-unit></group>
    </body>
  </file>
</xliff>
"""

V20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="kk">
  <file id="f1">
    <unit id="u1">
      <segment id="s1" state="initial">
        <source>Бұл <pc id="1" dataRefStart="d1">маңызды</pc> сөйлем.</source>
      </segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2">
        <source>Екінші <ph id="2" dataRef="d2"/>сөйлем.</source>
        <target>Second sentence.</target>
      </segment>
    </unit>
    <unit id="u2" translate="no"><segment><source>Жоқ</source></segment></unit>
  </file>
</xliff>
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _units12(data: bytes):
    xliff = pytest.importorskip("translate.storage.xliff")  # translate-toolkit (GPL): tests only
    store = xliff.xlifffile.parsestring(data)
    return {u.getid().rsplit("\x04", 1)[-1]: u for u in store.units}  # "original\x04id"


def _ids(unit, rich):
    return [(type(x).__name__, getattr(x, "id", None)) for x in rich[0].flatten() if getattr(x, "id", None)]


def test_v12_fills_empty_targets_keeps_existing_and_codes(tmp_path):
    src = _write(tmp_path, "a.xlf", V12)
    draft = translate_document(str.upper, src, tmp_path / "b.xlf")
    units = _units12((tmp_path / "b.xlf").read_bytes())
    before = _units12(src.read_bytes())
    assert list(units) == list(before)  # same units, same ids, in order
    assert units["1"].target == "БҰЛ МАҢЫЗДЫ СӨЙЛЕМ ОСЫНДА."
    assert _ids(units["1"], units["1"].rich_target) == _ids(before["1"], before["1"].rich_source)
    assert _ids(units["4"], units["4"].rich_target) == _ids(before["4"], before["4"].rich_source)
    assert units["2"].target == "Existing text"
    assert not units["3"].target
    out = (tmp_path / "b.xlf").read_text("utf-8")
    assert out.count('state="needs-review-translation" state-qualifier="mt-suggestion"') == 2
    assert 'target-language="en"' in out
    assert set(draft.locations) == {"1", "4"}


def test_v12_overwrite_replaces_existing(tmp_path):
    src = _write(tmp_path, "a.xlf", V12)
    translate_document(str.upper, src, tmp_path / "b.xlf", overwrite=True)
    assert _units12((tmp_path / "b.xlf").read_bytes())["2"].target == "БАР МӘТІН"


def test_v2_state_and_codes(tmp_path):
    from lxml import etree

    src = _write(tmp_path, "a.xlf", V20)
    draft = translate_document(str.upper, src, tmp_path / "b.xlf")
    root = etree.fromstring((tmp_path / "b.xlf").read_bytes())
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    s1 = root.find(".//x:segment[@id='s1']", ns)
    assert s1.get("state") == "translated" and s1.get("subState") == "kkaligner:mt"
    target = s1.find("x:target", ns)
    assert "".join(target.itertext()) == "БҰЛ МАҢЫЗДЫ СӨЙЛЕМ."
    assert [(c.tag.split("}")[1], c.get("id"), c.get("dataRefStart")) for c in target] == [("pc", "1", "d1")]
    s2 = root.find(".//x:segment[@id='s2']", ns)
    assert s2.find("x:target", ns).text == "Second sentence." and s2.get("state") is None
    assert root.get("trgLang") == "en"
    assert len(root.findall(".//x:ignorable", ns)) == 1
    assert draft.locations == ("u1/s1",)


def test_codes_the_model_lost_are_placed_again(tmp_path):
    src = _write(tmp_path, "a.xlf", V12)
    draft = translate_document(lambda t: re.sub(r"\{/?[a-z]+/?\}", "", t).upper(), src, tmp_path / "b.xlf")
    units = _units12((tmp_path / "b.xlf").read_bytes())
    before = _units12(src.read_bytes())
    for uid in ("1", "4"):
        assert _ids(units[uid], units[uid].rich_target) == _ids(before[uid], before[uid].rich_source)
    assert units["1"].target == "БҰЛ МАҢЫЗДЫ СӨЙЛЕМ ОСЫНДА."
    assert [f.code for f in draft.findings].count("inline-codes-moved") == 2


@pytest.mark.parametrize("target", ["{/a} x {a}", "{a}{a} x {/a}", "x {b/} y {b/}", "x {zz} y"])
def test_restore_gives_each_code_once_well_nested(target):
    source = "Бір {a}екі{/a} үш{b/} төрт"
    out, moved = restore(source, target)
    assert moved
    assert sorted(re.findall(r"\{/?[a-z]+/?\}", out)) == ["{/a}", "{a}", "{b/}"]
    assert out.index("{a}") < out.index("{/a}")


def test_not_xliff_and_unsafe_refused(tmp_path):
    with pytest.raises(DocumentError, match="not XLIFF"):
        translate_document(str.upper, _write(tmp_path, "a.xlf", "<tmx version='1.4'/>"), tmp_path / "b.xlf")
    bomb = V12.replace("?>", '?><!DOCTYPE xliff [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
    with pytest.raises(UnsafeDocumentError):
        translate_document(str.upper, _write(tmp_path, "c.xlf", bomb), tmp_path / "d.xlf")
    assert not (tmp_path / "b.xlf").exists() and not (tmp_path / "d.xlf").exists()


def test_xliff_end_to_end_tiny_model(tmp_path, tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    src = _write(tmp_path, "a.xlf", V12)
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=16, memory=False) as tr:
        draft = tr.translate_document(src, tmp_path / "b.xlf")
    units = _units12((tmp_path / "b.xlf").read_bytes())
    before = _units12(src.read_bytes())
    for uid in ("1", "4"):
        assert units[uid].target
        assert _ids(units[uid], units[uid].rich_target) == _ids(before[uid], before[uid].rich_source)
    assert set(draft.locations) == {"1", "4"}


SDL = """<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
  <file original="a.docx" datatype="x-sdlfilterframework2" source-language="kk-KZ" target-language="en-US">
    <body>
      <trans-unit id="t1">
        <source><g id="1">Бұл сөйлем. <g id="2">Екінші</g> сөйлем.</g></source>
        <seg-source><g id="1"><mrk mtype="seg" mid="1">Бұл сөйлем.</mrk> <mrk mtype="seg" mid="2"><g id="2">Екінші</g> сөйлем.</mrk></g></seg-source>
        <sdl:seg-defs><sdl:seg id="1"/><sdl:seg id="2"/></sdl:seg-defs>
      </trans-unit>
      <trans-unit id="t2">
        <source>Үшінші. Төртінші.</source>
        <seg-source><mrk mtype="seg" mid="3">Үшінші.</mrk> <mrk mtype="seg" mid="4">Төртінші.</mrk></seg-source>
        <target><mrk mtype="seg" mid="3">Third.</mrk> <mrk mtype="seg" mid="4"/></target>
        <sdl:seg-defs><sdl:seg id="3" conf="Translated"/><sdl:seg id="4"/></sdl:seg-defs>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_sdlxliff_segments_filled_by_mid(tmp_path):
    from lxml import etree

    src = _write(tmp_path, "a.sdlxliff", SDL)
    draft = translate_document(str.upper, src, tmp_path / "b.sdlxliff")
    root = etree.fromstring((tmp_path / "b.sdlxliff").read_bytes())
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2", "sdl": "http://sdl.com/FileTypes/SdlXliff/1.0"}

    def seg(mid):
        return root.find(f".//x:target//x:mrk[@mid='{mid}']", ns)

    assert "".join(seg("1").itertext()) == "БҰЛ СӨЙЛЕМ."
    assert "".join(seg("2").itertext()) == "ЕКІНШІ СӨЙЛЕМ."
    assert [(c.tag.split("}")[1], c.get("id")) for c in seg("2")] == [("g", "2")]
    assert seg("2").getparent().get("id") == "1"  # the target keeps the seg-source's wrapping <g>
    assert seg("3").text == "Third." and seg("4").text == "ТӨРТІНШІ."
    confs = {s.get("id"): (s.get("conf"), s.get("origin")) for s in root.iterfind(".//sdl:seg", ns)}
    assert confs == {"1": ("Draft", "mt"), "2": ("Draft", "mt"), "3": ("Translated", None), "4": ("Draft", "mt")}
    assert draft.locations == ("t1/1", "t1/2", "t2/4")
    assert len(root.findall(".//x:target", ns)) == 2
