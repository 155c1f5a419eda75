"""kkalign glossary match / forms / lint / convert."""

from __future__ import annotations

import json

import pytest

from kkaligner.glossary import Glossary

GLOSSARY = (
    "source\ttarget\tforbidden\n"
    "Байқоңыр\tBaikonur\tBaykonur\n"
    "Нұрсұлтан Назарбаев\tNursultan Nazarbayev\t\n"
    "Бәйтерек\tBaiterek\tBayterek\n"
    "Союз-5\tSoyuz-5\t\n"
)
TEXT = "Байқоңырдағы «Бәйтерек» кешені\nНұрсұлтан Назарбаевтың есімімен аталды, Союз-5-тің ұшырылымы.\n"


@pytest.fixture
def files(tmp_path):
    g = tmp_path / "names.tsv"
    g.write_text(GLOSSARY, encoding="utf-8")
    t = tmp_path / "doc.kk.txt"
    t.write_text(TEXT, encoding="utf-8")
    return g, t


def test_match_jsonl(files, run_cli):
    g, t = files
    result = run_cli(["glossary", "match", t, "--glossary", g, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["surface"], r["source"], r["target"], r["suffix"], r["line"]) for r in rows] == [
        ("Байқоңырдағы", "Байқоңыр", "Baikonur", "дағы", 1),
        ("Бәйтерек", "Бәйтерек", "Baiterek", "", 1),
        ("Нұрсұлтан Назарбаевтың", "Нұрсұлтан Назарбаев", "Nursultan Nazarbayev", "тың", 2),
        ("Союз-5-тің", "Союз-5", "Soyuz-5", "-тің", 2),
    ]
    for r in rows:
        assert TEXT[r["start"] : r["end"]] == r["surface"]


def test_match_text_from_stdin_and_english(files, run_cli):
    g, _ = files
    result = run_cli(["glossary", "match", "-", "-g", g], input=TEXT)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1:0-12\tБайқоңырдағы\tБайқоңыр -> Baikonur\tдағы"
    assert len(lines) == 4
    result = run_cli(["glossary", "match", "-", "-g", g, "--lang", "en"], input="Bayterek at Baikonur's pad")
    assert result.stdout.splitlines() == [
        "1:0-8\tBayterek\tБәйтерек -> Baiterek\t- [forbidden]",
        "1:12-22\tBaikonur's\tБайқоңыр -> Baikonur\t's",
    ]


def test_match_with_the_shipped_glossary_by_default(files, run_cli):
    _, t = files
    result = run_cli(["glossary", "match", t, "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    targets = {json.loads(line)["target"] for line in result.stdout.splitlines()}
    assert {"Baikonur", "Baiterek", "Nursultan Nazarbayev"} <= targets


def test_forms(run_cli):
    result = run_cli(["glossary", "forms", "Бәйтерек"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Бәйтерек\t(bare)"
    assert "Бәйтерегі\tp3" in lines and "Бәйтеректегі\tloc+attr" in lines
    result = run_cli(["glossary", "forms", "Нұрсұлтан Назарбаев", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"form": "Нұрсұлтан Назарбаевтың", "analysis": "gen"} in rows


def test_lint(tmp_path, run_cli):
    clean = tmp_path / "clean.tsv"
    clean.write_text("source\ttarget\nАстана\tAstana\n", encoding="utf-8")
    result = run_cli(["glossary", "lint", clean])
    assert result.exit_code == 0 and result.stdout == ""
    assert "1 entries, 0 errors, 0 warnings" in result.stderr
    bad = tmp_path / "bad.tsv"
    bad.write_text("source\ttarget\nБайқоңыр\tBaikonur\nБайқоңыр\tBaykonur\nАстана\tAstana\nАстана\tAstana\n", encoding="utf-8")
    result = run_cli(["glossary", "lint", bad])
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0].startswith("error: conflict: 'Байқоңыр' has 2 renderings") and "line 2" in out[0] and "line 3" in out[0]
    assert out[1].startswith("info: duplicate: 'Астана'")
    assert "1 errors, 0 warnings, 1 notes" in result.stderr


def test_convert_round_trip(files, tmp_path, run_cli):
    g, _ = files
    tbx = tmp_path / "names.tbx"
    result = run_cli(["glossary", "convert", g, tbx])
    assert result.exit_code == 0, result.stderr
    assert "wrote 4 entries" in result.stderr and "(tbx)" in result.stderr
    back = tmp_path / "back.tsv"
    assert run_cli(["glossary", "convert", tbx, back]).exit_code == 0
    assert Glossary.load(back) == Glossary.load(g)
    omegat = tmp_path / "names.txt"
    result = run_cli(["glossary", "convert", g, omegat])
    assert result.exit_code == 0 and "are not written" in result.stderr  # forbidden variants dropped
    assert omegat.read_text(encoding="utf-8").splitlines()[0] == "Байқоңыр\tBaikonur"


@pytest.mark.parametrize(
    "args,message",
    [
        (["glossary", "match", "{t}", "-g", "{missing}"], "no such glossary file"),
        (["glossary", "match", "{missing}", "-g", "{g}"], "no such file"),
        (["glossary", "match", "{t}", "-g", "{g}", "--format", "xml"], "unknown --format 'xml'"),
        (["glossary", "match", "{t}", "-g", "{latin}"], "line 1: not UTF-8"),
        (["glossary", "match", "{t}", "-g", "{malformed}"], "line 2: expected 'source<TAB>target"),
        (["glossary", "forms", " "], "LEMMA is empty"),
        (["glossary", "lint", "{missing}"], "no such glossary file"),
        (["glossary", "convert", "{g}", "{tmp}/out.json"], "cannot tell the output format"),
        (["glossary", "convert", "{g}", "{tmp}/nofolder/out.tbx"], "does not exist"),
    ],
)
def test_bad_input_gives_one_clear_message(files, tmp_path, run_cli, args, message):
    g, t = files
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Zürich\tZurich\n".encode("latin-1"))
    malformed = tmp_path / "malformed.txt"
    malformed.write_text("Астана\tAstana\nБайқоңыр Baikonur\n", encoding="utf-8")
    names = dict(t=t, g=g, missing=tmp_path / "missing.tsv", latin=latin, malformed=malformed, tmp=tmp_path)
    result = run_cli([a.format(**names) for a in args])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kkalign: error: ") and message in err[0], result.stderr


def test_empty_glossary_warns(tmp_path, run_cli):
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    result = run_cli(["glossary", "match", "-", "-g", empty], input="Байқоңырда")
    assert result.exit_code == 0 and result.stdout == ""
    assert "the glossary is empty" in result.stderr


# --- conflicts, malformed rows, folded columns, dead terms, odd files -----------------------------

BAITEREK = "Бәйтерек\tBaiterek\nБәйтерек\tBayterek\nБәйтерек\tBayterek\nАстана\tAstana\n"


def test_convert_refuses_conflicts_and_lists_them(tmp_path, run_cli):
    src = tmp_path / "g.txt"
    src.write_text(BAITEREK, encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = run_cli(["glossary", "convert", src, out])
    assert result.exit_code == 2 and not out.exists()
    assert "Traceback" not in result.output
    assert "1 source term has different renderings" in result.stderr and "nothing written" in result.stderr
    assert "'Baiterek' (line 1), 'Bayterek' (lines 2, 3)" in result.stderr
    assert "--merge-conflicts" in result.stderr
    result = run_cli(["glossary", "lint", src])
    assert result.exit_code == 1 and "1 errors" in result.stderr
    assert result.stdout.startswith("error: conflict: 'Бәйтерек' has 2 renderings: 'Baiterek' (line 1)")


def test_convert_in_place_to_a_lossy_format_is_refused(tmp_path, run_cli):
    rich = tmp_path / "g.tsv"
    rich.write_text("source\ttarget\tkind\nАбай\tAbai\tperson\n", encoding="utf-8")
    result = run_cli(["glossary", "convert", rich, rich, "--to", "omegat"])
    assert result.exit_code == 2 and "lose its other fields" in result.stderr and "Choose another path" in result.stderr
    assert rich.read_text(encoding="utf-8") == "source\ttarget\tkind\nАбай\tAbai\tperson\n"
    assert run_cli(["glossary", "convert", rich, rich]).exit_code == 0  # in place, same format: nothing lost


def test_convert_merge_conflicts_keeps_every_rendering(tmp_path, run_cli):
    src = tmp_path / "g.txt"
    src.write_text(BAITEREK, encoding="utf-8")
    out = tmp_path / "out.tsv"
    result = run_cli(["glossary", "convert", src, out, "--merge-conflicts"])
    assert result.exit_code == 0, result.stderr
    assert f"merged 3 rows of 'Бәйтерек' ({src}, line 1; {src}, line 2; {src}, line 3): rendering 'Bayterek', " \
           "alternatives 'Baiterek' added" in result.stderr
    assert "wrote 2 entries" in result.stderr
    g = Glossary.load(out)
    assert (g.lookup("Бәйтерек").target, g.lookup("Бәйтерек").alternatives) == ("Bayterek", ("Baiterek",))
    result = run_cli(["glossary", "lint", out])
    assert result.exit_code == 0 and "2 entries, 0 errors, 0 warnings" in result.stderr


def test_convert_says_which_differing_duplicate_rows_it_drops(tmp_path, run_cli):
    src = tmp_path / "g.tsv"
    src.write_text("source\ttarget\tforbidden\nАстана\tAstana\tAstana city\nАстана\tAstana\t\n", encoding="utf-8")
    result = run_cli(["glossary", "convert", src, tmp_path / "out.tsv"])
    assert result.exit_code == 0
    assert "kkalign: warning: duplicate: 'Астана'" in result.stderr and "differ in forbidden" in result.stderr


def test_lint_lists_every_malformed_row(tmp_path, run_cli):
    src = tmp_path / "g.tsv"
    src.write_text(
        "source\ttarget\tdnt\nАстана\tAstana\n\tBaikonur\nМәскеу\t\nАлматы\tAlmaty\tmaybe\n"
        "Бәйтерек\tBaiterek\nБәйтерек\tBayterek\n",
        encoding="utf-8",
    )
    result = run_cli(["glossary", "lint", src])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    out = result.stdout.splitlines()
    assert [line.split(": ")[1] for line in out] == ["empty-field", "empty-field", "bad-value", "conflict"]
    assert out[0].endswith(f"({src}, line 3)") and "'source' column is empty" in out[0]
    assert out[1].endswith(f"({src}, line 4)") and "or mark the entry dnt=yes" in out[1]
    assert out[2].endswith(f"({src}, line 5)") and "use 'yes', 'no'" in out[2]
    assert "2 entries, 4 errors, 0 warnings" in result.stderr


def test_lint_and_convert_warn_about_folded_omegat_columns(tmp_path, run_cli):
    src = tmp_path / "g.txt"
    src.write_text("Астана\tAstana\tcapital\tcity\nАлматы\tAlmaty\n", encoding="utf-8")
    result = run_cli(["glossary", "lint", src])
    assert result.exit_code == 0
    assert result.stdout.startswith("warning: omegat-extra-columns: column 4 beyond OmegaT's source, target and comment")
    assert "1 warnings" in result.stderr
    result = run_cli(["glossary", "convert", src, tmp_path / "out.tsv"])
    assert result.exit_code == 0 and "RuntimeWarning" not in result.stderr
    assert f"kkalign: warning: {src}: column 4 beyond OmegaT's" in result.stderr


def test_lint_reports_terms_that_can_never_match(tmp_path, run_cli):
    src = tmp_path / "g.tsv"
    src.write_text("source\ttarget\n—\tdash\nАстана\tAstana\n«»\tquotes\n", encoding="utf-8")
    result = run_cli(["glossary", "lint", src])
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert len(out) == 2 and all(line.startswith("warning: dead-term: the source ") for line in out)
    assert out[0].endswith(f"({src}, line 2)") and out[1].endswith(f"({src}, line 4)")
    assert "1 entries, 0 errors, 2 warnings" in result.stderr


@pytest.mark.parametrize(
    "data,entries,note",
    [
        ("source\ttarget\r\nАстана\tAstana\r\n".encode("utf-8"), 1, ""),
        ("\ufeffsource\ttarget\nАстана\tAstana\n".encode("utf-8"), 1, ""),
        ("source\ttarget\nАстана\tAstana\n".encode("utf-16"), 1, ""),
        (b"", 0, "warning: empty-glossary"),
        (b"source\ttarget\n", 0, "warning: empty-glossary"),
        ("source\ttarget\nАстана\tAstana\nАстана\tAstana\n".encode("utf-8"), 1, "info: duplicate"),
    ],
    ids=["crlf", "utf8-bom", "utf16-bom", "empty", "header-only", "identical-duplicates"],
)
def test_odd_but_valid_files(tmp_path, run_cli, data, entries, note):
    src = tmp_path / "g.tsv"
    src.write_bytes(data)
    result = run_cli(["glossary", "lint", src])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert f"{entries} entries, 0 errors" in result.stderr
    assert result.stdout.startswith(note) if note else result.stdout == ""
    result = run_cli(["glossary", "convert", src, tmp_path / "out.csv"])
    assert result.exit_code == 0 and f"wrote {entries} entries" in result.stderr
    assert "error" not in result.stderr


def test_utf16_without_bom_is_one_clear_error(tmp_path, run_cli):
    src = tmp_path / "g.tsv"
    src.write_bytes("source\ttarget\nАстана\tAstana\n".encode("utf-16-le"))
    for args in (["glossary", "lint", src], ["glossary", "convert", src, tmp_path / "o.tsv"]):
        result = run_cli(args)
        assert result.exit_code == 2
        err = result.stderr.strip().splitlines()
        assert len(err) == 1 and "contains NUL bytes" in err[0] and "iconv" in err[0]
