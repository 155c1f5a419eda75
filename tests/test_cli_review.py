"""kkalign align and kkalign check: formats, --lines, --aligned, glossaries, and bad input giving one
clear error, a non-zero exit and no traceback."""

from __future__ import annotations

import json

import pytest

SOURCE = (
    "Зымыран Байқоңырдан 2024 жылы ұшты. Ұшу сәтті өтті, деп хабарлады агенттік.\n"
    "\n"
    "Астанада жиналыс болды.\n"
)
TARGET = "The rocket took off from Baikonur in 2024. The launch went well, the agency reported.\n\nA meeting was held in Astana.\n"
# the translation with a forbidden variant, a changed number and the second sentence left out
FLAWED = "The rocket took off from Baykonur in 2025.\n\nA meeting was held in Astana.\n"

GLOSSARY = "source\ttarget\talternatives\tforbidden\nАстана\tAstana\tNur-Sultan\t\nжиналыс\tmeeting\t\t\n"


@pytest.fixture
def files(tmp_path):
    def write(**texts):
        out = {}
        for name, text in texts.items():
            p = tmp_path / f"{name}.txt"
            p.write_text(text, encoding="utf-8")
            out[name] = p
        return out

    return write


def _no_traceback(result):
    assert "Traceback" not in result.output
    assert result.output.count("kkalign: error:") == 1, result.output


# --- kkalign align ----------------------------------------------------------------------------------


def test_align_tsv(files, run_cli):
    f = files(src=SOURCE, tgt=FLAWED)
    result = run_cli(["align", f["src"], f["tgt"]])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(r[0], r[1]) for r in rows] == [("0", "0"), ("1", ""), ("2", "1")]
    assert rows[0][3] == "Зымыран Байқоңырдан 2024 жылы ұшты."
    assert rows[1][4] == ""
    assert all(0 <= float(r[2]) <= 1 for r in rows)


def test_align_jsonl(files, run_cli):
    f = files(src=SOURCE, tgt=FLAWED)
    result = run_cli(["align", f["src"], f["tgt"], "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    links = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["source"], x["target"]) for x in links] == [([0], [0]), ([1], []), ([2], [1])]
    for x in links:
        assert set(x) == {"source", "target", "score", "source_start", "source_end", "target_start", "target_end"}
        if x["source"]:
            assert SOURCE[x["source_start"] : x["source_end"]].strip()
        if x["target"]:
            assert FLAWED[x["target_start"] : x["target_end"]].strip()
        else:
            assert x["target_start"] is None and x["target_end"] is None
    assert SOURCE[links[1]["source_start"] : links[1]["source_end"]] == "Ұшу сәтті өтті, деп хабарлады агенттік."


def test_align_many_to_one_in_jsonl(files, run_cli):
    f = files(src=SOURCE, tgt=TARGET.replace("2024. The launch", "2024, and the launch"))
    links = [json.loads(x) for x in run_cli(["align", f["src"], f["tgt"], "-f", "jsonl"]).stdout.splitlines()]
    assert [(x["source"], x["target"]) for x in links] == [([0, 1], [0]), ([2], [1])]


def test_align_lines(files, run_cli):
    f = files(src="Бірінші жол. Екінші сөйлем.\nЕкінші жол\n", tgt="First line. Second sentence.\nSecond line\n")
    result = run_cli(["align", f["src"], f["tgt"], "--lines", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    links = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(x["source"], x["target"]) for x in links] == [([0], [0]), ([1], [1])]
    # without --lines the first line is two sentences on each side
    links = [json.loads(x) for x in run_cli(["align", f["src"], f["tgt"], "-f", "jsonl"]).stdout.splitlines()]
    assert len(links) == 3


def test_align_en_kk_and_stdin(files, run_cli):
    f = files(src=TARGET)
    result = run_cli(["align", f["src"], "-"], input=SOURCE)
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[:2] for line in result.stdout.splitlines()] == [["0", "0"], ["1", "1"], ["2", "2"]]


# --- kkalign check ----------------------------------------------------------------------------------


def test_check_text_report(files, run_cli):
    f = files(src=SOURCE, tgt=FLAWED)
    result = run_cli(["check", f["src"], f["tgt"]])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "error: forbidden-variant «Baykonur»" in out and "-> Baikonur" in out
    assert "error: number-mismatch «2025»" in out and "-> 2024" in out
    assert "error: unaligned-source" in out
    assert out.rstrip().endswith("3 aligned sentence(s), 2 flagged: 3 error(s), 0 warning(s), 0 info.")


def test_check_clean_translation(files, run_cli):
    f = files(src=SOURCE, tgt=TARGET)
    result = run_cli(["check", f["src"], f["tgt"], "--strict"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "3 aligned sentence(s), 0 flagged: 0 error(s), 0 warning(s), 0 info."


def test_check_strict_exits_non_zero(files, run_cli):
    f = files(src=SOURCE, tgt=FLAWED)
    assert run_cli(["check", f["src"], f["tgt"], "--strict"]).exit_code == 1


def test_check_json(files, run_cli, tmp_path):
    f = files(src=SOURCE, tgt=FLAWED)
    out = tmp_path / "report.json"
    result = run_cli(["check", f["src"], f["tgt"], "--format", "json", "-o", out])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["signature"]["engine"] == "human"
    assert [s["target"] for s in data["sentences"]] == ["The rocket took off from Baykonur in 2025.", "", "A meeting was held in Astana."]
    codes = {(f["code"], f["sentence"]) for f in data["findings"]}
    assert codes == {("forbidden-variant", 0), ("number-mismatch", 0), ("unaligned-source", 1)}
    for s in data["sentences"]:
        assert SOURCE[s["start"] : s["end"]] == s["source"]


def test_check_html(files, run_cli):
    f = files(src=SOURCE, tgt=FLAWED)
    result = run_cli(["check", f["src"], f["tgt"], "--format", "html"])
    assert result.exit_code == 0, result.output
    page = result.stdout
    assert page.lstrip().lower().startswith("<!doctype html")
    assert "forbidden-variant" in page and "Baykonur" in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_check_with_glossary(files, run_cli, tmp_path):
    g = tmp_path / "terms.tsv"
    g.write_text(GLOSSARY, encoding="utf-8")
    f = files(src=SOURCE, tgt=TARGET.replace("Astana", "Nur-Sultan").replace("A meeting was held", "People met"))
    result = run_cli(["check", f["src"], f["tgt"], "--glossary", g, "--format", "json"])
    assert result.exit_code == 0, result.output
    codes = {x["code"] for x in json.loads(result.stdout)["findings"]}
    # Nur-Sultan is an accepted alternative; the rendering of жиналыс is missing
    assert codes == {"missing-term"}
    result = run_cli(["check", f["src"], f["tgt"], "--glossary", g, "--no-default-glossary", "--only", "terms"])
    assert "the glossary requires 'meeting'" in result.stdout


def test_check_aligned_lines(files, run_cli):
    f = files(src="Бірінші жол 5.\nЕкінші жол.\n", tgt="First line 6.\nSecond line.\n")
    result = run_cli(["check", f["src"], f["tgt"], "--aligned", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["source"] for s in data["sentences"]] == ["Бірінші жол 5.", "Екінші жол."]
    assert [(x["code"], x["sentence"]) for x in data["findings"]] == [("number-mismatch", 0)]


def test_check_en_kk(files, run_cli):
    f = files(src=TARGET, tgt=SOURCE.replace("2024", "2023"))
    result = run_cli(["check", f["src"], f["tgt"], "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["source_lang"], data["target_lang"]) == ("en", "kk")
    assert {x["code"] for x in data["findings"]} == {"number-mismatch"}


# --- bad input: one clear error, non-zero exit, no traceback ------------------------------------------


@pytest.mark.parametrize("command", ["check", "align"])
@pytest.mark.parametrize(
    "texts, extra, message",
    [
        ({"src": SOURCE, "tgt": ""}, [], "the target file .* is empty"),
        ({"src": " \n\n", "tgt": TARGET}, [], "the source file .* is empty"),
        ({"src": SOURCE, "tgt": SOURCE}, [], "both read as Kazakh \\(kk\\), as any Cyrillic text does"),
        ({"src": SOURCE, "tgt": TARGET}, ["--from", "ru"], "unknown language 'ru' for --from; use 'kk' or 'en'"),
        ({"src": SOURCE, "tgt": TARGET}, ["--from", "kk", "--to", "kk"], "both 'kk'"),
        ({"src": SOURCE, "tgt": TARGET}, ["--format", "xml"], "unknown format 'xml'; use"),
    ],
)
def test_bad_input(command, texts, extra, message, files, run_cli):
    import re

    f = files(**texts)
    result = run_cli([command, f["src"], f["tgt"], *extra])
    assert result.exit_code == 2, result.output
    _no_traceback(result)
    assert re.search(message, result.stderr), result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["check", "align"])
def test_missing_and_undecodable_files(command, files, run_cli, tmp_path):
    f = files(src=SOURCE)
    result = run_cli([command, f["src"], tmp_path / "nope.txt"])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "no such file" in result.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x80\x81 not text \xff")  # no byte-order mark, no NUL bytes: neither UTF-8 nor UTF-16
    result = run_cli([command, f["src"], bad])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "not UTF-8" in result.stderr


def test_both_stdin(run_cli):
    result = run_cli(["check", "-", "-"], input=SOURCE)
    assert result.exit_code == 2
    _no_traceback(result)
    assert "cannot both be '-'" in result.stderr


def test_aligned_with_unequal_line_counts(files, run_cli):
    f = files(src="Бірінші жол.\nЕкінші жол.\n", tgt="First line.\n")
    result = run_cli(["check", f["src"], f["tgt"], "--aligned"])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "source has 2 non-empty lines and the target 1" in result.stderr
    assert "Drop --aligned" in result.stderr


def test_unknown_check_name(files, run_cli):
    f = files(src=SOURCE, tgt=TARGET)
    result = run_cli(["check", f["src"], f["tgt"], "--only", "spelling"])
    assert result.exit_code == 2
    _no_traceback(result)
    assert "unknown check 'spelling'" in result.stderr and "'numbers'" in result.stderr
