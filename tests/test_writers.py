"""Output writers: registry, atomic writes, and each format on drafts with terms, findings, unusual
characters (tabs, quotes, <, &, emoji, RTL marks, CR LF, control characters) and empty documents."""

from __future__ import annotations

import json as stdjson
import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from writers_drafts import SRC, TGT, drafts, empty_draft, rich_draft

from kkaligner import writers
from kkaligner.errors import InputError, UsageError
from kkaligner.types import Draft
from kkaligner.writers import glossary_tsv, html, json, tmx, tsv, xliff
from kkaligner.writers._common import XML_INVALID

EMPTIES = [empty_draft(), empty_draft("\n  \n")]
X = "{urn:oasis:names:tc:xliff:document:2.0}"
GLS = "{urn:oasis:names:tc:xliff:glossary:2.0}"
MDA = "{urn:oasis:names:tc:xliff:metadata:2.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- registry and writing -------------------------------------------------------------------------

GUESSES = [  # path -> format (golden table)
    ("out.txt", "txt"), ("out.TSV", "tsv"), ("a/b/draft.json", "json"), ("r.html", "html"),
    ("r.htm", "html"), ("d.xlf", "xliff"), ("d.xliff", "xliff"), ("m.tmx", "tmx"),
    ("report.draft.json", "json"),
]


@pytest.mark.parametrize("path, expected", GUESSES)
def test_guess_format(path, expected):
    assert writers.guess_format(path) == expected


@pytest.mark.parametrize("path", ["out.docx", "out", "-", "archive.json.gz"])
def test_guess_format_unknown_lists_choices(path):
    with pytest.raises(UsageError) as err:
        writers.guess_format(path)
    message = str(err.value)
    for suffix in (".txt", ".tsv", ".json", ".html", ".xlf", ".tmx"):
        assert f"'{suffix}'" in message
    assert "'xliff'" in message  # the --format names too


def test_every_format_has_a_suffix():
    assert set(writers.SUFFIXES.values()) == set(writers.FORMATS)


def test_render_unknown_format():
    with pytest.raises(UsageError, match="'txt'.*'tmx'"):
        writers.render(rich_draft(), "docx")


@pytest.mark.parametrize("name", sorted(writers.FORMATS))
def test_write_guesses_from_suffix_and_leaves_no_temporary_file(tmp_path, name):
    suffix = next(s for s, f in writers.SUFFIXES.items() if f == name)
    path = tmp_path / f"out{suffix}"
    writers.write(rich_draft(), path)
    assert path.read_bytes().decode("utf-8") == writers.render(rich_draft(), name)
    assert os.listdir(tmp_path) == [path.name]


def test_write_format_overrides_suffix(tmp_path):
    path = tmp_path / "out.txt"
    writers.write(rich_draft(), path, format="json")
    assert stdjson.loads(path.read_text(encoding="utf-8"))["schema_version"] == "1.0"


@pytest.mark.parametrize("path", [None, "-"])
def test_write_to_stdout_defaults_to_txt_in_utf8(capsysbinary, path):
    writers.write(rich_draft(), path)
    assert capsysbinary.readouterr().out == rich_draft().text.encode("utf-8")


def test_write_to_stdout_in_a_format(capsysbinary):
    writers.write(rich_draft(), "-", format="tsv")
    assert capsysbinary.readouterr().out.decode("utf-8") == tsv.render(rich_draft())


def test_failed_render_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")

    def broken(draft):
        raise KeyboardInterrupt

    monkeypatch.setitem(writers.FORMATS, "json", broken)
    with pytest.raises(KeyboardInterrupt):
        writers.write(rich_draft(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_interrupted_write_never_leaves_half_a_file(tmp_path, monkeypatch):
    path = tmp_path / "out.html"
    path.write_text("old", encoding="utf-8")
    import kkaligner.io

    def interrupted(fd):
        raise KeyboardInterrupt  # as if Ctrl-C came while the bytes were being flushed

    monkeypatch.setattr(kkaligner.io.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writers.write(rich_draft(), path)
    assert path.read_text(encoding="utf-8") == "old"


def test_write_into_missing_folder_is_a_clear_error(tmp_path):
    from kkaligner.errors import OutputError

    with pytest.raises(OutputError, match="does not exist"):
        writers.write(rich_draft(), tmp_path / "nope" / "out.txt")


def test_importing_writers_is_light():
    import subprocess
    import sys

    code = ("import sys, kkaligner.writers; "
            "print(any(m in sys.modules for m in ('torch', 'transformers', 'lxml', 'translate')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- txt ------------------------------------------------------------------------------------------


def test_txt_is_the_bare_draft_with_layout():
    d = rich_draft()
    assert writers.render(d, "txt") == "\n\n".join([TGT[0], TGT[1] + " " + TGT[2]]) + "\n"
    assert "kkaligner:" not in writers.render(d, "txt")


@pytest.mark.parametrize("d", EMPTIES)
def test_txt_empty(d):
    assert writers.render(d, "txt") == d.source_text


# --- tsv ------------------------------------------------------------------------------------------


def _tsv(text):
    lines = text.split("\n")
    assert lines[-1] == ""
    comments = [ln for ln in lines[:-1] if ln.startswith("#")]
    records = [ln for ln in lines[:-1] if not ln.startswith("#")]
    return comments, [r.split("\t") for r in records]


def test_tsv_rows_escaped_and_round_trip():
    d = rich_draft()
    comments, records = _tsv(tsv.render(d))
    assert comments[0] == "# signature: " + str(d.signature)
    assert records[0] == ["index", "source", "draft", "findings"]
    assert len(records) == 1 + len(d.sentences)
    for s, row in zip(d.sentences, records[1:]):
        assert len(row) == 4
        assert [tsv.unescape(f) for f in row[:3]] == [str(s.index), s.source, s.target]
    assert records[1][1] == SRC[0].replace("\t", "\\t")
    assert records[3][2] == "NASA and Baikonur\\r\\nwork\x01 together."
    assert records[2][3] == "missing-term,forbidden-variant"  # most severe first
    assert records[1][3] == "number-mismatch,insertion-point"
    assert records[3][3] == ""
    # the document-level finding is kept as a comment, escaped onto one line
    assert comments[1] == "# finding: warning untranslated: document-level\\tnote with <markup>"


@pytest.mark.parametrize("d", EMPTIES)
def test_tsv_empty(d):
    comments, records = _tsv(tsv.render(d))
    assert len(comments) == 1 and records == [list(tsv.HEADER)]


@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_tsv_escape_round_trip(text):
    escaped = tsv.escape(text)
    assert not set("\t\n\r") & set(escaped)
    assert tsv.unescape(escaped) == text


# --- json -----------------------------------------------------------------------------------------

VALIDATOR = jsonschema.Draft202012Validator(json.schema())


def test_schema_is_a_valid_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(json.schema())
    assert json.schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("d", [rich_draft(), *EMPTIES])
def test_json_valid_and_round_trips(d):
    text = json.render(d)
    data = stdjson.loads(text)
    VALIDATOR.validate(data)
    assert data["schema_version"] == "1.0"
    assert data["signature"]["string"] == str(d.signature)
    assert json.load(text) == d


def test_json_spans_point_at_the_surfaces():
    data = stdjson.loads(json.render(rich_draft()))
    assert len(data["matches"]) == 5 and len(data["findings"]) == 5
    for m in data["matches"]:
        s = data["sentences"][m["sentence"]]
        a, b = m["source_span"]
        assert s["source"][a:b] == m["surface"]
        if m["target_span"] is None:
            assert m["status"] == "missing" and m["target_surface"] is None
        else:
            a, b = m["target_span"]
            assert s["target"][a:b] == m["target_surface"]
    # code point offsets: the emoji counts as one
    m = data["matches"][0]
    assert m["target_span"] == [TGT[0].index("Baikonur"), TGT[0].index("Baikonur") + 8]
    assert data["sentences"][1]["score"] is None


def test_json_nan_score_becomes_null():
    d = rich_draft()
    s = d.sentences[0]
    nan = Draft(d.source_text, (type(s)(s.index, s.source, s.target, s.start, s.end, s.paragraph,
                                        s.terms, float("nan")), *d.sentences[1:]),
                d.separators, d.signature, d.findings)
    data = stdjson.loads(json.render(nan))
    VALIDATOR.validate(data)
    assert data["sentences"][0]["score"] is None


BROKEN = [
    lambda d: d.pop("schema_version"),
    lambda d: d["findings"][0].update(severity="fatal"),
    lambda d: d["matches"][0].update(source_span=[1]),
    lambda d: d["sentences"][0].update(index="0"),
    lambda d: d.update(extra=1),
]


@pytest.mark.parametrize("breakit", BROKEN)
def test_schema_rejects_broken_documents(breakit):
    data = stdjson.loads(json.render(rich_draft()))
    breakit(data)
    assert not VALIDATOR.is_valid(data)


@pytest.mark.parametrize("text", ["[1, 2]", "{}", "not json", '{"schema_version": "2.0"}',
                                  '{"schema_version": "1.0"}'])
def test_json_load_rejects_other_documents(text):
    with pytest.raises(InputError):
        json.load(text)


@FEW
@given(drafts())
def test_json_valid_and_round_trips_for_any_draft(d):
    text = json.render(d)
    VALIDATOR.validate(stdjson.loads(text))
    assert json.load(text) == d


# --- html -----------------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects each cell's text and the code point offsets of the elements inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.cells, self.pieces, self.refs, self.stack = [], {}, [], [], []
        self.cell = None
        self.footer = ""
        self.in_footer = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if key in a:
                self.refs.append(a[key])
        if tag == "tr" and "id" in a:
            self.rows.append(a["id"])
        if tag == "td" and a.get("class") in ("src", "tgt"):
            self.cell = (self.rows[-1], a["class"])
            self.cells[self.cell] = ""
            self.cell_attrs = a
        elif self.cell and tag in ("mark", "span"):
            self.stack.append((tag, a, len(self.cells[self.cell])))
        if tag == "footer":
            self.in_footer = True

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None
        elif self.cell and tag in ("mark", "span"):
            name, a, start = self.stack.pop()
            assert name == tag
            self.pieces.append((self.cell, a, start, len(self.cells[self.cell])))
        if tag == "footer":
            self.in_footer = False

    def handle_data(self, data):
        if self.cell:
            self.cells[self.cell] += data
        if self.in_footer:
            self.footer += data


def _page(d):
    page = _Page()
    page.feed(html.render(d))
    page.close()
    return page


def _expected_spans(d):
    """(row id, side, data-use or data-finding) -> span, from the draft."""
    out = {}
    for s in d.sentences:
        for u, use in enumerate(s.terms):
            out[(f"s-{s.index}", "src", f"s{s.index}-t{u}")] = use.source_span
            if use.target_span is not None:
                out[(f"s-{s.index}", "tgt", f"s{s.index}-t{u}")] = use.target_span
    for i, f in enumerate(d.findings):
        for side, span in (("src", f.source_span), ("tgt", f.target_span)):
            if span is not None and f.sentence is not None:
                out[(f"s-{f.sentence}", side, f"f-{i}")] = span
    return out


def _check_page(d):
    page = _page(d)
    assert page.rows == [f"s-{s.index}" for s in d.sentences]
    for s in d.sentences:  # cell text is the sentence text, code point for code point
        want_src = s.source.replace("\x00", "\ufffd")
        want_tgt = s.target.replace("\x00", "\ufffd")
        assert page.cells[(f"s-{s.index}", "src")] == want_src
        assert page.cells[(f"s-{s.index}", "tgt")] == want_tgt
    covered = {}
    for (row, side), a, start, end in page.pieces:
        assert (int(a["data-from"]), int(a["data-to"])) == (start, end)
        key = (row, side, a.get("data-use") or a.get("data-finding"))
        covered.setdefault(key, []).append((start, end))
    expected = _expected_spans(d)
    assert set(covered) == set(expected)
    for key, pieces in covered.items():  # split pieces are contiguous and cover the span exactly
        pieces.sort()
        assert pieces[0][0] == expected[key][0] and pieces[-1][1] == expected[key][1]
        assert all(p[1] == q[0] for p, q in zip(pieces, pieces[1:]))
    assert all(r.startswith("#") for r in page.refs)  # no network, no external assets
    assert str(d.signature) in page.footer
    return page


def test_html_rows_cells_and_highlights():
    d = rich_draft()
    page = _check_page(d)
    text = html.render(d)
    assert "<айлағы>" not in text and "&lt;айлағы&gt;" in text
    assert "\r" not in text and "&#13;" in text
    # the finding crossing "Baikonur" split the term's highlight in two
    assert sorted(p[2:] for p in page.pieces if p[1].get("data-use") == "s0-t0"
                  and p[0][1] == "tgt") == [(22, 25), (25, 30)]
    assert 'title="Байқоңыр → Baikonur (place; космодром «Байқоңыр»)"' in text
    assert 'title="ғарыш → space (noun) [missing]"' in text
    assert 'title="NASA → NASA (org; do not translate)"' in text
    assert 'data-term="Байқоңыр"' in text


def test_html_summary_and_findings_list():
    text = html.render(rich_draft())
    counts = dict(re.findall(r'data-count="([a-z-]+)">(\d+)<', text))
    assert counts == {"sentences": "3", "terms-applied": "3", "terms-forced": "1",
                      "terms-missing": "1", "terms-variant": "0", "findings-error": "1",
                      "findings-warning": "2", "findings-info": "2"}
    items = re.findall(r'<li id="f-(\d+)" class="finding sev-(\w+)">', text)
    assert [sev for _, sev in items] == ["error", "warning", "warning", "info", "info"]
    assert '<a href="#s-1">sentence 2</a>' in text  # shown from 1; the anchor keeps the index
    assert "document-level\tnote with &lt;markup&gt;" in text
    assert re.search(r'<tr id="s-1" class="row para-start has-findings has-error"', text)
    assert 'http-equiv="Content-Security-Policy"' in text and "default-src 'none'" in text
    assert 'dir="auto"' in text


@pytest.mark.parametrize("d", EMPTIES)
def test_html_empty(d):
    page = _check_page(d)
    text = html.render(d)
    assert page.rows == [] and "no sentences" in text and "No findings." in text
    assert 'data-count="sentences">0<' in text


@FEW
@given(drafts())
def test_html_any_draft(d):
    _check_page(d)


# --- xliff ----------------------------------------------------------------------------------------


def _inline_text(elem):
    """Text of <source>/<target>/<note>, with <cp hex=.../> turned back into its character."""
    out = [elem.text or ""]
    for child in elem:
        assert child.tag == X + "cp"
        out.append(chr(int(child.get("hex"), 16)))
        out.append(child.tail or "")
    return "".join(out)


def _check_xliff(d):
    text = xliff.render(d)
    assert not XML_INVALID.search(text)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == X + "xliff" and root.get("version") == "2.1"
    assert (root.get("srcLang"), root.get("trgLang")) == (d.source_lang, d.target_lang)
    (file,) = root
    kids = [c.tag for c in file]
    assert kids[:2] == [MDA + "metadata", X + "notes"] and set(kids[2:]) == {X + "group"}
    metas = {m.get("type"): m.text for m in file.iter(MDA + "meta")}
    assert metas["string"] == str(d.signature) and metas["enforce"] == "true"
    ids = [e.get("id") for e in file.iter() if e.tag in (X + "unit", X + "group")]
    assert len(ids) == len(set(ids))
    units = list(file.iter(X + "unit"))
    assert [u.get("id") for u in units] == [f"s{s.index}" for s in d.sentences]
    for s, unit in zip(d.sentences, units):
        order = [c.tag for c in unit]
        # XLIFF 2 core: module elements, then <notes>, then segments
        assert order == sorted(order, key=[GLS + "glossary", X + "notes", X + "segment"].index)
        (segment,) = unit.findall(X + "segment")
        assert _inline_text(segment.find(X + "source")) == s.source
        target = segment.find(X + "target")
        assert (_inline_text(target) if target is not None else "") == s.target
        entries = unit.findall(f"{GLS}glossary/{GLS}glossEntry")
        assert [e.find(GLS + "term").text or "" for e in entries] == [
            XML_INVALID.sub("\ufffd", u.term.source) for u in s.terms]
        for e in entries:  # a glossEntry needs a translation or a definition
            assert e.find(GLS + "translation") is not None
    notes = list(file.iter(X + "note"))
    for n in notes:
        assert 1 <= int(n.get("priority", "1")) <= 10
    assert len([n for n in notes if n.get("category") == "kkaligner:finding"]) == len(d.findings)
    return root


def test_xliff_structure_text_glossary_and_notes():
    d = rich_draft()
    root = _check_xliff(d)
    text = xliff.render(d)
    assert '<cp hex="0001" />' in text and "&#13;" in text
    groups = list(root.iter(X + "group"))
    assert [g.get("id") for g in groups] == ["p0", "p1"]
    assert [len(g) for g in groups] == [1, 2]
    unit1 = root.find(f".//{X}unit[@id='s1']")
    note, note2 = unit1.findall(f"{X}notes/{X}note")
    assert (note.get("priority"), note.get("appliesTo")) == ("1", "source")  # span in the source
    assert (note2.get("priority"), note2.get("appliesTo")) == ("3", "target")
    assert "[error] missing-term: «ғарыш» must be rendered as 'space'" in note.text
    file_notes = root.find(f"{X}file/{X}notes")
    assert file_notes[0].get("category") == "kkaligner:signature"
    assert file_notes[1].text.startswith("[warning] untranslated: document-level\tnote")


@pytest.mark.parametrize("d", EMPTIES)
def test_xliff_empty(d):
    root = _check_xliff(d)
    assert [g.get("id") for g in root.iter(X + "group")] == ["p0"]


@FEW
@given(drafts())
def test_xliff_any_draft(d):
    _check_xliff(d)


def test_xliff_read_back_by_translate_toolkit():
    xliff2 = pytest.importorskip("translate.storage.xliff2",
                                 reason="needs translate-toolkit with XLIFF 2 support")

    d = rich_draft()
    store = xliff2.Xliff2File.parsestring(xliff.render(d).encode("utf-8"))
    assert (store.sourcelanguage, store.targetlanguage) == ("kk", "en")
    units = store.units
    assert [u.getid() for u in units] == ["s0", "s1", "s2"]
    assert [u.source for u in units[:2]] == SRC[:2]
    assert [u.target for u in units[:2]] == TGT[:2]
    assert units[2].source.startswith("NASA мен Байқоңыр\r\nбірге")  # CR kept through &#13;
    for d in EMPTIES:
        assert xliff2.Xliff2File.parsestring(xliff.render(d).encode("utf-8")).units == []


# --- tmx ------------------------------------------------------------------------------------------


def _check_tmx(d):
    text = tmx.render(d)
    assert not XML_INVALID.search(text)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header, body = root
    assert header.tag == "header" and body.tag == "body"
    for attr, value in [("creationtool", "kkaligner"), ("creationtoolversion", "0.1.0"),
                        ("datatype", "plaintext"), ("segtype", "sentence"), ("adminlang", "en"),
                        ("srclang", d.source_lang), ("o-tmf", "kkaligner")]:
        assert header.get(attr) == value
    props = {p.get("type"): p.text for p in header.findall("prop")}
    assert props["x-kkaligner-signature"] == str(d.signature)
    assert props["x-kkaligner-engine"] == "tiny"
    tus = body.findall("tu")
    assert [tu.get("tuid") for tu in tus] == [str(s.index) for s in d.sentences]
    for s, tu in zip(d.sentences, tus):
        tags = [c.tag for c in tu]
        assert tags == sorted(tags, key=["note", "prop", "tuv"].index)  # DTD order
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == [d.source_lang, d.target_lang]
        segs = [t.find("seg").text or "" for t in tuvs]
        assert segs == [XML_INVALID.sub("\ufffd", s.source), XML_INVALID.sub("\ufffd", s.target)]
    return root


def test_tmx_header_units_and_notes():
    d = rich_draft()
    root = _check_tmx(d)
    tus = root.findall("body/tu")
    assert [n.text for n in tus[1].findall("note")] == [
        "[error] missing-term: «ғарыш» must be rendered as 'space' Suggestion: space",
        '[warning] forbidden-variant: forbidden "kosmos" <variant> & co Suggestion: space',
    ]
    assert "replaced by U+FFFD" in tus[2].find("note").text  # the \x01
    assert tus[2].find("tuv/seg").text == "NASA мен Байқоңыр\r\nбірге\ufffd жұмыс істейді."
    assert root.find("header/note").text.startswith("[warning] untranslated")


@pytest.mark.parametrize("d", EMPTIES)
def test_tmx_empty(d):
    root = _check_tmx(d)
    assert root.findall("body/tu") == []


@FEW
@given(drafts())
def test_tmx_any_draft(d):
    _check_tmx(d)


def test_tmx_read_back_by_translate_toolkit():
    ttk_tmx = pytest.importorskip("translate.storage.tmx", reason="needs translate-toolkit")

    d = rich_draft()
    store = ttk_tmx.tmxfile.parsestring(tmx.render(d).encode("utf-8"), sourcelanguage="kk",
                                        targetlanguage="en")
    units = store.units
    assert [u.getid() for u in units] == ["0", "1", "2"]
    assert [u.source for u in units[:2]] == SRC[:2]
    assert [u.target for u in units[:2]] == TGT[:2]
    assert "missing-term" in units[1].getnotes()
    for d in EMPTIES:
        assert ttk_tmx.tmxfile.parsestring(tmx.render(d).encode("utf-8")).units == []


# --- applied-terms glossary (OmegaT) --------------------------------------------------------------


def test_applied_terms_glossary():
    d = rich_draft()
    text = glossary_tsv.render(d)
    lines = text.split("\n")
    assert lines[0] == "# Glossary in tab-separated format -*- coding: utf-8 -*-"
    assert str(d.signature) in lines[1]
    entries = [ln.split("\t") for ln in lines[2:-1]]
    # applied and forced count, missing does not; one line an entry, in order of first use
    assert entries == [
        ["Байқоңыр", "Baikonur", "place; космодром «Байқоңыр»; used 2x"],
        ["ғарыш", "space", "noun; used 1x"],
        ["NASA", "NASA", "org; used 1x"],
    ]


def test_applied_terms_fields_never_break_lines():
    from kkaligner.types import Sentence, Term, TermUse

    term = Term("a\tb", "c\nd", note="x\r\ny")
    s = Sentence(0, "a\tb", "c\nd", 0, 3, terms=(TermUse(term, (0, 3), (0, 3), "a\tb"),))
    d = Draft("a\tb", (s,), ("", ""), rich_draft().signature)
    assert glossary_tsv.render(d).split("\n")[2:] == ["a b\tc d\tx y; used 1x", ""]


def test_applied_terms_glossary_lists_automatic_names_as_proposals():
    from kkaligner.types import Sentence, Term, TermUse

    auto = Term("Ұлытау", "Ulytau", kind="name", provenance="automatic: romanized")
    s = Sentence(0, "Ұлытауда. Ұлытау.", "In Ulytau. Ulytau.", 0, 17, terms=(
        TermUse(auto, (0, 8), (3, 9), "Ұлытауда", "auto"), TermUse(auto, (10, 16), (11, 17), "Ұлытау", "auto")))
    d = Draft("Ұлытауда. Ұлытау.", (s,), ("", ""), rich_draft().signature)
    rows = [ln.split("\t") for ln in glossary_tsv.render(d).splitlines() if not ln.startswith("#")]
    assert rows == [["Ұлытау", "Ulytau", "proposal: a name without a glossary entry, check it; automatic: romanized; used 2x"]]


@pytest.mark.parametrize("d", EMPTIES)
def test_applied_terms_empty(d):
    assert [ln for ln in glossary_tsv.render(d).split("\n") if ln and not ln.startswith("#")] == []


def test_write_applied_terms_read_back_by_translate_toolkit(tmp_path):
    omegat = pytest.importorskip("translate.storage.omegat", reason="needs translate-toolkit")

    path = tmp_path / "applied.utf8"
    writers.write_applied_terms(rich_draft(), path)
    store = omegat.OmegaTFile(path.open("rb"))
    # translate-toolkit does not skip OmegaT's '#' comment lines; OmegaT itself does
    units = [u for u in store.units if not u.source.startswith("#")]
    assert [(u.source, u.target) for u in units] == [
        ("Байқоңыр", "Baikonur"), ("ғарыш", "space"), ("NASA", "NASA")]
    assert units[0].getnotes() == "place; космодром «Байқоңыр»; used 2x"


def test_en_kk_outputs_put_the_glossary_the_right_way_round():
    """In an en→kk draft a kk→en entry is used backwards: its English side is the source term and
    its Kazakh lemma the translation (the writers wrote Kazakh as the source term)."""
    import xml.etree.ElementTree as ET

    from kkaligner.types import Draft, Sentence, Signature, Term, TermUse
    from kkaligner.writers import glossary_tsv, render

    term = Term("Астана", "Astana")
    sentence = Sentence(0, "He flew to Astana.", "Ол Астанаға ұшты.", 0, 18,
                        terms=(TermUse(term, (11, 17), (3, 11), "Astana", "applied"),))
    draft = Draft("He flew to Astana.", (sentence,), ("", ""), Signature("0", "tiny", "m", source_lang="en",
                  target_lang="kk"), source_lang="en", target_lang="kk")
    rows = [line.split("\t") for line in glossary_tsv.render(draft).splitlines() if not line.startswith("#")]
    assert rows[0][:2] == ["Astana", "Астана"]
    root = ET.fromstring(render(draft, "xliff").split("\n", 1)[1])
    assert [e.text for e in root.iter("{urn:oasis:names:tc:xliff:glossary:2.0}term")] == ["Astana"]
    assert [e.text for e in root.iter("{urn:oasis:names:tc:xliff:glossary:2.0}translation")] == ["Астана"]
