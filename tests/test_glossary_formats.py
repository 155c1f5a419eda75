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
    with pytest.warns(RuntimeWarning, match="column 4 beyond OmegaT"):
        g = Glossary.load(_write(tmp_path, "glossary.txt", text))
    assert [(t.source, t.target, t.note) for t in g] == [
        ("Байқоңыр", "Baikonur", "cosmodrome"), ("Астана", "Astana", ""), ("Мәскеу", "Moscow", "capital of Russia"),
    ]
    # a headerless .tsv is OmegaT too
    with pytest.warns(RuntimeWarning):
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
    # identical rows are not a problem, only noted
    assert issues[2].severity == "info" and issues[2].where == (f"{path}, line 3", f"{path}, line 5")
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
    # UTF-16 without a byte-order mark decodes as UTF-8 full of NUL bytes: refused, with the fix
    path = _write(tmp_path, "g.tsv", "source\ttarget\nБайқоңыр\tBaikonur\n", encoding="utf-16-le")
    with pytest.raises(GlossaryError, match=r"line 1: contains NUL bytes.*UTF-16.*iconv"):
        Glossary.load(path)
    cp1251 = _write(tmp_path, "c.tsv", "source\ttarget\nМосква\tMoscow\n", encoding="cp1251")
    with pytest.raises(GlossaryError, match=r"line 2: not UTF-8.*iconv"):
        Glossary.load(cp1251)
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


# --- every problem reported, nothing lost silently ------------------------------------------------

CONFLICT = "Бәйтерек\tBaiterek\nБәйтерек\tBayterek\nАстана\tAstana\nбәйтерек\tBayterek\tthe complex\n"


def test_conflict_names_each_rendering_with_its_rows(tmp_path):
    path = _write(tmp_path, "g.txt", CONFLICT)
    issues = Glossary.load(path).lint()
    assert [i.code for i in issues] == ["conflict"]
    assert issues[0].where == (f"{path}, line 1", f"{path}, line 2", f"{path}, line 4")
    msg = issues[0].message
    assert "'Baiterek' (line 1), 'Bayterek' (lines 2, 4)" in msg and "'alternatives'" in msg


def test_strict_load_lists_every_conflict(tmp_path):
    path = _write(tmp_path, "g.txt", CONFLICT + "Астана\tAstana (city)\n")
    with pytest.raises(GlossaryConflictError) as info:
        Glossary.load(path, strict=True)
    msg = str(info.value)
    assert "2 source terms have several renderings" in msg
    assert "'Бәйтерек' has 2 renderings" in msg and "'Астана' has 2 renderings" in msg


def test_resolve_conflicts_keeps_the_used_rendering_and_accepts_the_others(tmp_path):
    text = ("source\ttarget\talternatives\tforbidden\n"
            "Бәйтерек\tBaiterek\tBaiterek complex\tBayterek\n"
            "Бәйтерек\tBayterek\t\tBaytherek\n"
            "Астана\tAstana\t\t\n")
    g = Glossary.load(_write(tmp_path, "g.tsv", text))
    resolved, merges = g.resolve_conflicts()
    assert resolved.lookup("Бәйтерек") == Term(
        source="Бәйтерек", target="Bayterek", alternatives=("Baiterek", "Baiterek complex"), forbidden=("Baytherek",)
    )
    assert len(resolved) == 2 and resolved.lint() == []
    (m,) = merges
    assert (m.source, m.target, m.added, m.unforbidden) == (
        "Бәйтерек", "Bayterek", ("Baiterek", "Baiterek complex"), ("Bayterek",),
    )
    assert "merged 2 rows of 'Бәйтерек'" in str(m) and "no longer forbidden 'Bayterek'" in str(m)
    # the rendering used does not change
    assert resolved.lookup("Бәйтерек").target == g.lookup("Бәйтерек").target


def test_duplicates_that_differ_are_a_warning(tmp_path):
    text = "source\ttarget\tforbidden\nАстана\tAstana\tAstana city\nАстана\tAstana\t\n"
    issues = Glossary.load(_write(tmp_path, "g.tsv", text)).lint()
    assert [(i.code, i.severity) for i in issues] == [("duplicate", "warning")]
    assert "differ in forbidden" in issues[0].message


def test_keep_going_lists_every_malformed_row(tmp_path):
    text = ("source\ttarget\tcase_sensitive\n"
            "Астана\tAstana\n"
            "\tBaikonur\n"                # 3: no source
            "Мәскеу\t\n"                  # 4: no target
            "Алматы\tAlmaty\tmaybe\n"     # 5: bad boolean
            "Тараз\tTaraz\t\textra\n"     # 6: a cell too many
            "Шымкент\tShymkent\n")
    path = _write(tmp_path, "g.tsv", text)
    with pytest.raises(GlossaryError, match="line 3"):
        Glossary.load(path)
    g = Glossary.load(path, keep_going=True)
    assert [t.source for t in g] == ["Астана", "Шымкент"]
    errors = [i for i in g.lint() if i.severity == "error"]
    assert [(i.code, i.where) for i in errors] == [
        ("empty-field", (f"{path}, line 3",)),
        ("empty-field", (f"{path}, line 4",)),
        ("bad-value", (f"{path}, line 5",)),
        ("extra-cells", (f"{path}, line 6",)),
    ]
    assert "use 'yes', 'no'" in errors[2].message


@pytest.mark.parametrize(
    "name,text,lines",
    [
        ("g.txt", "Астана\tAstana\nБайқоңыр Baikonur\nМәскеу\t\nАлматы\tAlmaty\n", [2, 3]),
        ("g.csv", "source,target\n,Astana\nМәскеу,\nАлматы,Almaty\n", [2, 3]),
    ],
    ids=["omegat", "csv"],
)
def test_keep_going_in_omegat_and_csv(tmp_path, name, text, lines):
    path = _write(tmp_path, name, text)
    g = Glossary.load(path, keep_going=True)
    assert [t.source for t in g][-1] == "Алматы"
    assert [i.where for i in g.lint() if i.severity == "error"] == [(f"{path}, line {n}",) for n in lines]


def test_keep_going_in_tbx_skips_the_bad_concept(tmp_path):
    tbx = """<tbx><text><body>
<conceptEntry id="a"><langSec xml:lang="kk"><termSec><term>Астана</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="kk"><termSec><term>Алматы</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Almaty</term></termSec></langSec></conceptEntry>
</body></text></tbx>"""
    path = _write(tmp_path, "g.tbx", tbx)
    with pytest.raises(GlossaryError, match="concept a: needs terms in two languages"):
        Glossary.load(path)
    g = Glossary.load(path, keep_going=True)
    assert [t.source for t in g] == ["Алматы"]
    assert [(i.code, i.where) for i in g.lint()] == [("empty-field", (f"{path}, concept a",))]


def test_omegat_extra_columns_are_named_in_a_warning(tmp_path):
    text = "Астана\tAstana\tcapital\tcity\tKZ\nАлматы\tAlmaty\nМәскеу\tMoscow\t\tcity\n"
    path = _write(tmp_path, "g.txt", text)
    with pytest.warns(RuntimeWarning, match="columns 4, 5 beyond OmegaT"):
        g = Glossary.load(path)
    assert g.lookup("Астана").note == "capital city KZ" and g.lookup("Мәскеу").note == "city"
    (issue,) = g.lint()
    assert (issue.code, issue.severity, issue.where) == ("omegat-extra-columns", "warning", (str(path),))
    assert "lines 1, 3" in issue.message and "--from tsv" in issue.message
    # three columns or trailing empty cells: nothing folded, nothing said
    assert Glossary.load(_write(tmp_path, "ok.txt", "Астана\tAstana\tcapital\t\t\n")).lint() == []


@pytest.mark.parametrize("bad", ["—", "...", "«»", "№ %"], ids=["dash", "dots", "quotes", "symbols"])
def test_terms_without_a_letter_or_digit_are_skipped_with_a_warning(tmp_path, bad):
    text = f"source\ttarget\tforbidden\n{bad}\tDash\t\nАстана\tAstana\t--\nАлматы\t{bad}\t\n"
    path = _write(tmp_path, "g.tsv", text)
    with pytest.warns(RuntimeWarning, match="no letter or digit"):
        g = Glossary.load(path)
    assert g.terms == (Term(source="Астана", target="Astana"),)
    assert [(i.code, i.where) for i in g.lint()] == [
        ("dead-term", (f"{path}, line 2",)),
        ("dead-term", (f"{path}, line 3",)),
        ("dead-term", (f"{path}, line 4",)),
    ]
    # an entry made in Python is reported too
    issues = Glossary([Term(source=bad, target="Dash")]).lint()
    assert [i.code for i in issues] == ["dead-term"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_and_byte_order_marks(tmp_path, encoding, newline):
    rows = ["# names", "source\ttarget\tnote", "Астана\tAstana\tthe capital", "Алматы\tAlmaty\t"]
    path = _write(tmp_path, "g.tsv", newline.join(rows) + newline, encoding=encoding)
    g = Glossary.load(path)
    assert [(t.source, t.target, t.note) for t in g] == [("Астана", "Astana", "the capital"), ("Алматы", "Almaty", "")]
    assert g._origins == (f"{path}, line 3", f"{path}, line 4")
    csv = _write(tmp_path, "g.csv", newline.join(r.replace("\t", ",") for r in rows) + newline, encoding=encoding)
    assert Glossary.load(csv) == g


def test_unicode_line_separators_inside_a_cell_do_not_split_the_row(tmp_path):
    path = _write(tmp_path, "g.tsv", "source\ttarget\tnote\nАстана\tAstana\tcapital\u2028since\x851997\nАлматы\tAlmaty\n")
    g = Glossary.load(path)
    assert g.lookup("Астана").note == "capital\u2028since\x851997"
    assert g._origins[1] == f"{path}, line 3"
