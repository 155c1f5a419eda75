"""DOCX: paragraphs, runs with their formatting, tables (nested too), headers, footers, footnotes and
hyperlinks translated in place; fields, bookmarks, comments and images kept; tracked changes,
.doc files, encrypted, damaged and unsafe packages refused with no output. Structure is checked
with python-docx and lxml, readers independent of ours."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import pytest

from kkaligner.documents import translate_document
from kkaligner.errors import DocumentError, EncryptedDocumentError, UnsafeDocumentError

docx = pytest.importorskip("docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    f'<w:footnotes xmlns:w="{W[1:-1]}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">Бұл ескерту мәтіні.</w:t></w:r></w:p></w:footnote></w:footnotes>'
)


def _hyperlink(paragraph, text, url):
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _field(paragraph, code, shown):
    from docx.oxml import parse_xml

    ns = f'xmlns:w="{W[1:-1]}"'
    for xml in (f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r {ns}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
                f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r {ns}><w:t>{shown}</w:t></w:r>',
                f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


def _build(path, footnotes=True):
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Жоғарғы колонтитул"
    footer = d.sections[0].footer.paragraphs[0]
    footer.add_run("Бет ")
    _field(footer, "PAGE", "1")
    d.add_heading("Бәйтерек жобасы", 1)
    p = d.add_paragraph("Бұл ")
    p.add_run("қалың").bold = True
    p.add_run(" сөз және ")
    p.add_run("көлбеу сөз").italic = True
    p.add_run(" бар. Екінші сөйлем ")
    _hyperlink(p, "сілтемеде", "https://gov.kz/")
    p.add_run(" осында.")
    bookmark = d.add_paragraph("Бетбелгі мұнда тұр.")
    from docx.oxml import parse_xml

    ns = f'xmlns:w="{W[1:-1]}"'
    bookmark._p.insert(1, parse_xml(f'<w:bookmarkStart {ns} w:id="7" w:name="belgi"/>'))
    bookmark._p.append(parse_xml(f'<w:bookmarkEnd {ns} w:id="7"/>'))
    commented = d.add_paragraph()
    run = commented.add_run("Пікір қосылған сөйлем.")
    d.add_comment(run, text="Тексеру керек", author="Редактор")
    d.add_picture(io.BytesIO(PNG))
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Бір"
    t.cell(0, 1).text = "Екі"
    t.cell(1, 0).text = "2024"
    t.cell(1, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Ішкі кесте"
    d.save(path)
    if footnotes:
        _replace_part(path, "word/footnotes.xml", FOOTNOTES.encode())
    return path


def _replace_part(path, part, data):
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        names = set()
        for info, content in entries:
            names.add(info.filename)
            z.writestr(info, data if info.filename == part else content)
        if part not in names:
            z.writestr(part, data)


def _facts(path):
    d = docx.Document(path)

    def cells(tables):
        return [len(t.rows) * len(t.columns) + sum(len(cells(c.tables)) for row in t.rows for c in row.cells) for t in tables]

    body = d.element.body
    return {
        "paragraphs": len(body.findall(f".//{W}p")),
        "runs": [len(p.runs) for p in d.paragraphs],
        "bold": [[r.bold for r in p.runs] for p in d.paragraphs],
        "italic": [[r.italic for r in p.runs] for p in d.paragraphs],
        "tables": len(body.findall(f".//{W}tbl")),
        "cells": cells(d.tables),
        "hyperlinks": len(body.findall(f".//{W}hyperlink")),
        "bookmarks": [(b.get(f"{W}id"), b.get(f"{W}name")) for b in body.iter(f"{W}bookmarkStart")],
        "comments": len(body.findall(f".//{W}commentRangeStart")),
        "drawings": len(body.findall(f".//{W}drawing")),
        "instr": [t.text for t in d.sections[0].footer._element.iter(f"{W}instrText")],
    }


def test_structure_kept(tmp_path):
    src = _build(tmp_path / "a.docx")
    translate_document(str.upper, src, tmp_path / "b.docx")
    assert _facts(tmp_path / "b.docx") == _facts(src)


def test_untouched_parts_byte_identical(tmp_path):
    src = _build(tmp_path / "a.docx")
    translate_document(str.upper, src, tmp_path / "b.docx")
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(tmp_path / "b.docx") as b:
        assert a.namelist() == b.namelist()
        changed = {n for n in a.namelist() if a.read(n) != b.read(n)}
    assert changed == {"word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml"}


def test_every_paragraph_translated_fields_kept(tmp_path):
    src = _build(tmp_path / "a.docx")
    draft = translate_document(str.upper, src, tmp_path / "b.docx")
    d = docx.Document(tmp_path / "b.docx")
    texts = [p.text for p in d.paragraphs] + [d.tables[0].cell(0, 1).text, d.tables[0].cell(1, 1).tables[0].cell(0, 0).text]
    texts += [d.sections[0].header.paragraphs[0].text, d.sections[0].footer.paragraphs[0].text]
    for text in texts:
        assert not re.search(r"[а-яәғқңөұүһі]", text), text
    assert d.paragraphs[1].text == "БҰЛ ҚАЛЫҢ СӨЗ ЖӘНЕ КӨЛБЕУ СӨЗ БАР. ЕКІНШІ СӨЙЛЕМ СІЛТЕМЕДЕ ОСЫНДА."
    assert [r.text for r in d.paragraphs[1].runs if r.bold] == ["ҚАЛЫҢ"]
    assert d.sections[0].footer.paragraphs[0].text == "БЕТ 1"  # the field's result is the field's
    with zipfile.ZipFile(tmp_path / "b.docx") as z:
        assert "БҰЛ ЕСКЕРТУ МӘТІНІ." in z.read("word/footnotes.xml").decode()
        assert 'w:type="separator"' in z.read("word/footnotes.xml").decode()
    assert "footnotes:footnote1/p1" in draft.locations
    assert "document:tbl1/tr2/tc2/tbl1/tr1/tc1/p1" in draft.locations


def test_paragraph_sentences_read_whole_across_runs(tmp_path):
    seen = []
    translate_document(lambda t: seen.append(t) or t.upper(), _build(tmp_path / "a.docx"), tmp_path / "b.docx")
    assert "Бұл қалың сөз және көлбеу сөз бар." in seen
    assert "Екінші сөйлем сілтемеде осында." in seen


def test_formatting_carried_when_words_grow(tmp_path):
    draft = translate_document(lambda t: " ".join(w + "ия" for w in t.split()), _build(tmp_path / "a.docx"), tmp_path / "b.docx")
    runs = docx.Document(tmp_path / "b.docx").paragraphs[1].runs
    assert [r.text for r in runs if r.bold] == ["қалыңия"]
    assert [r.text for r in runs if r.italic] == ["көлбеуия сөзия"]
    assert draft.formatting_kept == 1.0


def test_tracked_changes_refused(tmp_path):
    src = _build(tmp_path / "a.docx", footnotes=False)
    with zipfile.ZipFile(src) as z:
        xml = z.read("word/document.xml").decode()
    xml = xml.replace("<w:r><w:t>Бетбелгі", '<w:ins w:id="99" w:author="A"><w:r><w:t>Жаңа</w:t></w:r></w:ins><w:r><w:t>Бетбелгі', 1)
    assert "w:ins" in xml
    _replace_part(src, "word/document.xml", xml.encode())
    with pytest.raises(DocumentError, match="tracked changes"):
        translate_document(str.upper, src, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize(
    "content, error, message",
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, DocumentError, "Word 97-2003"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), EncryptedDocumentError, "password"),
        (b"PK\x03\x04 not really a zip", DocumentError, "not a zip"),
        (b"plain text renamed", DocumentError, "not a zip"),
    ],
    ids=["doc", "encrypted", "corrupt-zip", "text"],
)
def test_not_a_docx_refused(tmp_path, content, error, message):
    src = tmp_path / "a.docx"
    src.write_bytes(content)
    with pytest.raises(error, match=message):
        translate_document(str.upper, src, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


def test_truncated_package_refused(tmp_path):
    src = _build(tmp_path / "a.docx")
    data = src.read_bytes()
    src.write_bytes(data[: len(data) // 2])
    with pytest.raises(DocumentError):
        translate_document(str.upper, src, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
], ids=["bomb", "external-entity"])
def test_unsafe_xml_refused(tmp_path, declaration):
    src = _build(tmp_path / "a.docx", footnotes=False)
    with zipfile.ZipFile(src) as z:
        xml = z.read("word/document.xml").decode()
    xml = xml.replace("?>", "?>" + declaration, 1).replace("Бетбелгі", "&b;" if "ENTITY a" in declaration else "&x;", 1)
    _replace_part(src, "word/document.xml", xml.encode())
    with pytest.raises(UnsafeDocumentError, match="DTD"):
        translate_document(str.upper, src, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()


def test_zip_bomb_refused(tmp_path):
    src = _build(tmp_path / "a.docx", footnotes=False)
    _replace_part(src, "word/media/zeros.bin", b"\x00" * 3_000_000)
    from kkaligner.errors import DocumentTooLargeError

    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        translate_document(str.upper, src, tmp_path / "b.docx", max_bytes=500_000)


def test_docx_end_to_end_tiny_model(tmp_path, tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    src = _build(tmp_path / "a.docx")
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=16, memory=False) as tr:
        draft = tr.translate_document(src, tmp_path / "b.docx")
    assert _facts(tmp_path / "b.docx") == _facts(src)
    assert len(draft.locations) == len(draft.sentences) > 5


def test_paragraphs_in_content_controls_have_their_own_ids(tmp_path):
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("Бірінші абзац.")
    ns = f'xmlns:w="{W[1:-1]}"'
    d.element.body.insert(1, parse_xml(
        f'<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>Басқару элементі.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    d.save(tmp_path / "a.docx")
    draft = translate_document(str.upper, tmp_path / "a.docx", tmp_path / "b.docx")
    assert len(set(draft.locations)) == 2
    assert [p.text for p in docx.Document(tmp_path / "b.docx").paragraphs] == ["БІРІНШІ АБЗАЦ."]
    with zipfile.ZipFile(tmp_path / "b.docx") as z:
        assert "БАСҚАРУ ЭЛЕМЕНТІ." in z.read("word/document.xml").decode()


def test_bookmark_between_runs_of_one_format_keeps_its_place(tmp_path):
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Бірінші сөз ")
    p.add_run("екінші сөз.")
    ns = f'xmlns:w="{W[1:-1]}"'
    p.runs[0]._r.addnext(parse_xml(f'<w:bookmarkStart {ns} w:id="1" w:name="orta"/>'))
    d.save(tmp_path / "a.docx")
    translate_document(str.upper, tmp_path / "a.docx", tmp_path / "b.docx")
    out = docx.Document(tmp_path / "b.docx").paragraphs[0]._p
    assert [el.tag.split("}")[1] for el in out if el.tag != f"{W}pPr"] == ["r", "bookmarkStart", "r"]
    # Without the bookmark both runs would be one group and the first would take all the text.
    assert [t.text for t in out.iter(f"{W}t")] == ["БІРІНШІ СӨЗ ", "ЕКІНШІ СӨЗ."]


def test_main_part_found_through_the_relationships(tmp_path):
    src = _build(tmp_path / "a.docx", footnotes=False)
    with zipfile.ZipFile(src) as z:
        entries = {i.filename: z.read(i.filename) for i in z.infolist()}
    entries["word/document2.xml"] = entries.pop("word/document.xml")
    for part in ("_rels/.rels", "[Content_Types].xml"):
        entries[part] = entries[part].replace(b"word/document.xml", b"word/document2.xml")
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in entries.items():
            z.writestr(part, data)
    draft = translate_document(str.upper, src, tmp_path / "b.docx")
    assert "document:p1" in draft.locations
    assert docx.Document(tmp_path / "b.docx").paragraphs[0].text == "БӘЙТЕРЕК ЖОБАСЫ"


def test_damaged_part_refused_before_translating(tmp_path):
    src = _build(tmp_path / "a.docx", footnotes=False)
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo("word/styles.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF  # inside the compressed bytes of a part with no text
    src.write_bytes(bytes(data))
    calls = []
    with pytest.raises(DocumentError, match="damaged"):
        translate_document(lambda t: calls.append(t) or t, src, tmp_path / "b.docx")
    assert calls == [] and not (tmp_path / "b.docx").exists()
