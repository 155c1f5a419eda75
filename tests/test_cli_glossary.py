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
    assert out[1].startswith("warning: duplicate: 'Астана'")
    assert "1 errors, 1 warnings" in result.stderr


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
