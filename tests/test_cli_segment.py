"""kkalign segment: files and stdin, text and jsonl output, offsets, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kkaligner.split import segment

DOC = "Ол 1991 ж. Алматыда туған. Жобаға 1 млрд. АҚШ доллары бөлінді!\nТақырып\nҚазақстан Республикасының\nПрезиденті қол қойды.\n\n— Қайда барасың? — деді ол.\n"


def _rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_text_format_one_sentence_a_line(tmp_path, run_cli):
    src = tmp_path / "doc.kk.txt"
    src.write_text(DOC, encoding="utf-8")
    result = run_cli(["segment", src, "--lang", "kk", "--format", "text"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Ол 1991 ж. Алматыда туған.",
        "Жобаға 1 млрд. АҚШ доллары бөлінді!",
        "Тақырып",
        "Қазақстан Республикасының Президенті қол қойды.",  # the hard wrap joined on one line
        "— Қайда барасың? — деді ол.",
    ]
    assert result.stderr == ""


def test_jsonl_offsets_index_the_decoded_input(tmp_path, run_cli):
    src = tmp_path / "doc.kk.txt"
    src.write_bytes(DOC.replace("\n", "\r\n").encode("utf-8"))
    result = run_cli(["segment", src, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = _rows(result.stdout)
    decoded = src.read_bytes().decode("utf-8")
    assert [r["text"] for r in rows] == [s.text for s in segment(decoded)]
    for r in rows:
        assert set(r) == {"start", "end", "text", "paragraph"}
        assert decoded[r["start"] : r["end"]] == r["text"]
    assert [r["paragraph"] for r in rows] == [0, 0, 0, 0, 1]
    assert rows[3]["text"] == "Қазақстан Республикасының\r\nПрезиденті қол қойды."


def test_stdin_with_a_bom(run_cli):
    result = run_cli(["segment", "-", "-f", "jsonl"], input="\ufeffБір. Екі.".encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    # Offsets count characters of the decoded text, which starts after the BOM.
    assert _rows(result.stdout) == [
        {"start": 0, "end": 4, "text": "Бір.", "paragraph": 0},
        {"start": 5, "end": 9, "text": "Екі.", "paragraph": 0},
    ]


def test_english(run_cli):
    result = run_cli(["segment", "-", "--lang", "en"], input="Dr. Smith arrived at 5 p.m. on Monday. He left.")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["Dr. Smith arrived at 5 p.m. on Monday.", "He left."]


def test_empty_input_prints_nothing(run_cli):
    result = run_cli(["segment", "-"], input=" \n\n ")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_max_length(run_cli):
    result = run_cli(["segment", "-", "--max-length", "20", "-f", "jsonl"], input="сөз " * 30)
    assert result.exit_code == 0, result.stderr
    assert all(len(r["text"]) <= 20 for r in _rows(result.stdout))


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "xml"], "unknown format 'xml'; use 'text' or 'jsonl'"),
        (["--lang", "ru"], "unknown language 'ru'; use 'kk' or 'en'"),
        (["--max-length", "0"], "max_length must be a positive number"),
    ],
)
def test_bad_option_is_a_clear_message(args, message, run_cli):
    result = run_cli(["segment", "-", *args], input="Бір.")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_file_and_bad_encoding(tmp_path, run_cli):
    result = run_cli(["segment", tmp_path / "nope.txt"])
    assert result.exit_code == 2 and "no such file" in result.stderr
    bad = tmp_path / "cp1251.txt"
    bad.write_bytes("Бір.".encode("cp1251"))
    result = run_cli(["segment", bad])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr and "iconv" in result.stderr
    assert "Traceback" not in result.output


def test_installed_command_in_a_subprocess(tmp_path):
    """The real entry point: UTF-8 out whatever the locale, errors without a traceback."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    cmd = [sys.executable, "-m", "kkaligner", "segment", "-", "--format", "jsonl"]
    doc = "Қ. Сәтбаев келді. Ұ. Есенов кетті.".encode()
    ok = subprocess.run(cmd, input=doc, capture_output=True, env=env, check=False)
    assert ok.returncode == 0, ok.stderr.decode("utf-8", "replace")
    texts = [json.loads(line)["text"] for line in ok.stdout.decode("utf-8").splitlines()]
    assert texts == ["Қ. Сәтбаев келді.", "Ұ. Есенов кетті."]
    bad = subprocess.run([*cmd[:-1], "yaml"], input=b"x", capture_output=True, env=env, check=False)
    assert bad.returncode == 2
    assert b"unknown format 'yaml'" in bad.stderr and b"Traceback" not in bad.stderr
