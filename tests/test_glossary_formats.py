"""Glossary files: rich TSV, OmegaT TSV, CSV and TBX-Basic; merging, precedence, lint; bad input."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from kkaligner.errors import GlossaryConflictError, GlossaryError
from kkaligner.glossary import Glossary
from kkaligner.glossary import formats
from kkaligner.types import Term

FULL = (
    Term(
        source="Байқоңыр",
        target="Baikonur",
        alternatives=("Baikonur Cosmodrome", "Bayqongyr"),
        forbidden=("Baykonur", "Baikonour"),
        kind="place",
        pos="noun",
        case_sensitive=True,
        dnt=False,
        note="the cosmodrome and the town",
        provenance="https://en.wikipedia.org/wiki/Baikonur_Cosmodrome",
    ),
    Term(source="ВДНХ", target="ВДНХ", dnt=True, kind="place", note="do not translate"),
    Term(source="Нұрсұлтан Назарбаев", target="Nursultan Nazarbayev", kind="person"),
    Term(source="Baiterek", target="Бәйтерек", source_lang="en", target_lang="kk", kind="programme"),
    Term(source="Союз-5", target="Soyuz-5", note='a rocket; "Sunkar" in Kazakhstan, commas, and ; too'),
)


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


@pytest.mark.parametrize("ending", [".tsv", ".csv", ".tbx"])
def test_lossless_formats_keep_every_field(tmp_path, ending):
    g = Glossary(FULL)
    path = g.save(tmp_path / f"g{ending}")
    back = Glossary.load(path)
    assert back.terms == FULL


def test_tsv_to_tbx_to_tsv_loses_nothing(tmp_path):
    first = tmp_path / "a.tsv"
    Glossary(FULL).save(first)
    Glossary.load(first).save(tmp_path / "b.tbx")
    Glossary.load(tmp_path / "b.tbx").save(tmp_path / "c.tsv")
    assert (tmp_path / "c.tsv").read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_tbx_export_is_tbx_basic_with_administrative_statuses(tmp_path):
    path = Glossary(FULL[:1]).save(tmp_path / "g.tbx")
    root = ET.parse(path).getroot()
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx" and root.get("type") == "TBX-Basic"
    statuses = [e.text for e in root.iter() if e.get("type") == "administrativeStatus"]
    assert statuses == ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "admittedTerm-admn-sts",
                        "deprecatedTerm-admn-sts", "deprecatedTerm-admn-sts"]


def test_tbx_v2_martif_import(tmp_path):
    martif = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="t1">
  <langSet xml:lang="kk"><tig><term>Бәйтерек</term></tig></langSet>
  <langSet xml:lang="en">
   <tig><term>Baiterek</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
   <tig><term>Bayterek</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
 </termEntry>
</body></text></martif>"""
    g = Glossary.load(_write(tmp_path, "old.tbx", martif))
    assert g.terms == (Term(source="Бәйтерек", target="Baiterek", forbidden=("Bayterek",)),)


def test_omegat_glossary_loads_as_is(tmp_path):
    text = "# OmegaT glossary\nБайқоңыр\tBaikonur\tcosmodrome\n\nАстана\tAstana\nМәскеу\tMoscow\tcapital\tof Russia\n"
    g = Glossary.load(_write(tmp_path, "glossary.txt", text))
    assert [(t.source, t.target, t.note) for t in g] == [
        ("Байқоңыр", "Baikonur", "cosmodrome"), ("Астана", "Astana", ""), ("Мәскеу", "Moscow", "capital of Russia"),
    ]
    # a headerless .tsv is OmegaT too
    assert Glossary.load(_write(tmp_path, "plain.tsv", text)) == g
    g.save(tmp_path / "out.txt")
    assert Glossary.load(tmp_path / "out.txt") == g


def test_rich_csv_with_quotes_commas_and_any_column_order(tmp_path):
    text = 'note,target,source,alternatives\n"a city, the capital",Astana,Астана,Nur-Sultan | Akmola\n'
    g = Glossary.load(_write(tmp_path, "g.csv", text))
    assert g.terms == (Term(source="Астана", target="Astana", alternatives=("Nur-Sultan", "Akmola"), note="a city, the capital"),)


def test_bom_is_ignored(tmp_path):
    g = Glossary.load(_write(tmp_path, "g.tsv", "\ufeffsource\ttarget\nАстана\tAstana\n"))
    assert [t.source for t in g] == ["Астана"]


def test_later_entries_and_later_files_win(tmp_path):
    a = _write(tmp_path, "a.tsv", "source\ttarget\nБайқоңыр\tBaykonur\nАстана\tAstana\n")
    b = _write(tmp_path, "b.tsv", "source\ttarget\nбайқоңыр\tBaikonur\nМәскеу\tMoscow\n")
    g = Glossary.load_many([a, b])
    assert [(t.source, t.target) for t in g] == [("байқоңыр", "Baikonur"), ("Астана", "Astana"), ("Мәскеу", "Moscow")]
    assert Glossary.load_many([b, a]).lookup("Байқоңыр").target == "Baykonur"
    # the user's glossaries override the shipped default
    merged = Glossary.load_many([_write(tmp_path, "c.tsv", "source\ttarget\nБайқоңыр\tBaikonur (town)\n")], include_default=True)
    assert merged.lookup("Байқоңыр").target == "Baikonur (town)"
    assert len(merged) >= 500


def test_lint_reports_conflicts_and_duplicates_with_their_lines(tmp_path):
    text = ("source\ttarget\tforbidden\nБайқоңыр\tBaikonur\t\nАстана\tAstana\t\nБайқоңыр\tBaykonur\t\n"
            "Астана\tAstana\t\nМәскеу\tMoscow\tMoscow\n")
    path = _write(tmp_path, "g.tsv", text)
    issues = Glossary.load(path).lint()
    codes = [i.code for i in issues]
    assert codes == ["conflict", "forbidden-approved", "duplicate"]
    conflict = issues[0]
    assert conflict.severity == "error" and conflict.source == "Байқоңыр"
    assert conflict.where == (f"{path}, line 2", f"{path}, line 4")
    assert "'Baykonur' (the last) is used" in conflict.message
    assert issues[2].severity == "warning" and issues[2].where == (f"{path}, line 3", f"{path}, line 5")
    with pytest.raises(GlossaryConflictError, match="Байқоңыр"):
        Glossary.load(path, strict=True)


def test_conflicts_across_files_are_reported(tmp_path):
    a = _write(tmp_path, "a.tsv", "source\ttarget\nБайқоңыр\tBaikonur\n")
    b = _write(tmp_path, "b.txt", "Байқоңыр\tBaykonur\n")
    issues = Glossary.load_many([a, b]).lint()
    assert [i.code for i in issues] == ["conflict"]
    assert issues[0].where == (f"{a}, line 2", f"{b}, line 1")


# --- bad input --------------------------------------------------------------------------------


def test_empty_glossary(tmp_path):
    for name, text in (("empty.tsv", ""), ("header.tsv", "source\ttarget\n"), ("comments.txt", "# nothing\n\n")):
        g = Glossary.load(_write(tmp_path, name, text))
        assert len(g) == 0 and not g
        assert g.match("Байқоңырда") == []
        assert [i.code for i in g.lint()] == ["empty-glossary"]


@pytest.mark.parametrize(
    "name,text,line,words",
    [
        ("g.txt", "Астана\tAstana\nБайқоңыр Baikonur\n", 2, "no tab"),
        ("g.tsv", "source\ttarget\nАстана\tAstana\n\tBaikonur\n", 3, "'source' column is empty"),
        ("g.tsv", "source\ttarget\nАстана\t\n", 2, "'target' column is empty"),
        ("g.tsv", "source\ttarget\nАстана\tAstana\textra\n", 2, "2 columns"),
        ("g.tsv", "source\ttarget\tcase_sensitive\nАстана\tAstana\tmaybe\n", 2, "use 'yes', 'no'"),
        ("g.tsv", "source\ttarget\tcolour\nАстана\tAstana\tred\n", 1, "unknown column 'colour'"),
        ("g.csv", 'source,target\nАстана,"Astana\n', 2, "malformed CSV"),
        ("g.tbx", "<tbx><text><body><conceptEntry>", 1, "not well-formed"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path, name, text, line, words):
    path = _write(tmp_path, name, text)
    with pytest.raises(GlossaryError) as info:
        Glossary.load(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}, line {line}:"), msg
    assert words in msg


def test_non_utf8_file(tmp_path):
    path = _write(tmp_path, "g.tsv", "source\ttarget\nБайқоңыр\tBaikonur\n", encoding="utf-16")
    with pytest.raises(GlossaryError, match=r"line 1: not UTF-8.*iconv"):
        Glossary.load(path)
    latin = tmp_path / "l.txt"
    latin.write_bytes("Astana\tAstana\nZürich\tZurich\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match=r"l.txt, line 2: not UTF-8"):
        Glossary.load(latin)


def test_missing_folder_and_unknown_format(tmp_path):
    with pytest.raises(GlossaryError, match="no such glossary file"):
        Glossary.load(tmp_path / "nope.tsv")
    with pytest.raises(GlossaryError, match="is a folder"):
        Glossary.load(tmp_path)
    with pytest.raises(GlossaryError, match="cannot tell the glossary format.*'tsv', 'omegat', 'csv' or 'tbx'"):
        Glossary.load(_write(tmp_path, "g.docx", "x"))
    with pytest.raises(GlossaryError, match="valid formats"):
        formats.get("xlsx")
    with pytest.raises(GlossaryError, match="cannot tell the output format"):
        Glossary(FULL).save(tmp_path / "out.json")


def test_values_a_format_cannot_hold_are_refused_not_mangled(tmp_path):
    g = Glossary([Term(source="Астана", target="Astana", note="line one\nline two")])
    with pytest.raises(GlossaryError, match="tab or a line break"):
        g.save(tmp_path / "g.tsv")
    g.save(tmp_path / "g.tbx")
    assert Glossary.load(tmp_path / "g.tbx") == g


def test_a_glossary_of_100000_entries_loads_and_matches(tmp_path):
    syllables = ["ба", "қа", "ра", "ты", "мер", "ген", "сай", "тау", "көл", "жан", "бек", "нұр", "ай", "сұл",
                 "тан", "ер", "қыз", "бол", "ат", "дос", "ал", "ма", "ғұл", "шын", "ке", "те", "лі", "ор", "ұл",
                 "сәт", "дар", "ким", "жол", "тас", "құм", "ақ", "көк", "сары", "мұң", "әл", "ен", "ін", "ұз",
                 "нар", "бай", "шол", "сен", "төр"]
    names = []
    for a in syllables:
        for b in syllables:
            for c in syllables:
                names.append((a + b + c).capitalize())
    names = sorted(set(names))[:100_000]
    assert len(names) == 100_000
    rows = ["source\ttarget"] + [f"{n}\tName {i}" for i, n in enumerate(names)]
    path = _write(tmp_path, "big.tsv", "\n".join(rows) + "\n")
    g = Glossary.load(path)
    assert len(g) == 100_000
    first, last = names[0], names[-1]
    got = g.match(f"{last} бен {first} арасында")
    assert [m.term.source for m in got] == [last, first]
    assert all(m.surface == m.term.source for m in got)
