"""kkalign translate end to end on the tiny models, loaded through --model PATH."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

FAST = ["--max-length", "6", "--beam", "2", "--engine", "transformers"]

DOC = "Бірінші сөйлем. Екінші сөйлем!\nҮшінші жол\n\n  Жаңа абзац?\n"


def _shape(text: str) -> list[bool]:
    """Which lines are blank: the layout the draft must keep."""
    return [not line.strip() for line in text.split("\n")]


@pytest.mark.parametrize("family", ["nllb", "marian"])
def test_translate_file_keeps_layout(family, tmp_path, run_cli, tiny_nllb_dir, tiny_marian_dir):
    model = tiny_nllb_dir if family == "nllb" else tiny_marian_dir
    src = tmp_path / "doc.kk.txt"
    src.write_text(DOC, encoding="utf-8")
    out = tmp_path / "doc.en.txt"
    result = run_cli(["translate", src, "-o", out, "--model", model, *FAST, "--no-default-glossary"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    draft = out.read_text(encoding="utf-8")
    assert _shape(draft) == _shape(DOC)
    assert draft.startswith(draft.lstrip()) and draft.endswith("\n")
    assert "4 sentences kk→en" in result.stderr
    assert "signature: kkaligner:" in result.stderr


def test_seed_article_one_line_per_line(shared_data, run_cli, tiny_nllb_dir):
    src = shared_data / "seed" / "baiterek-news.kk.txt"
    if not src.exists():
        pytest.skip(f"{src} not found")
    result = run_cli(["translate", src, "--model", tiny_nllb_dir, *FAST])
    assert result.exit_code == 0, result.stderr
    source = src.read_text(encoding="utf-8-sig")
    assert _shape(result.stdout) == _shape(source)


def test_stdin_to_stdout_and_bom(run_cli, tiny_nllb_dir):
    result = run_cli(["translate", "-", "--model", tiny_nllb_dir, *FAST, "-q"], input="\ufeffСәлем.\n\nҚош бол.\n")
    assert result.exit_code == 0, result.stderr
    assert _shape(result.stdout) == [False, True, False, True]
    assert "\ufeff" not in result.stdout
    assert result.stderr == ""  # --quiet


def test_both_directions(run_cli, tiny_nllb_dir):
    for args in (["--from", "kk", "--to", "en"], ["--from", "en", "--to", "kk"]):
        result = run_cli(["translate", "-", "--model", tiny_nllb_dir, *FAST, *args], input="One. Two.\n")
        assert result.exit_code == 0, result.stderr
        assert f"{args[1]}→{args[3]}" in result.stderr
        assert f"lang:{args[1]}-{args[3]}" in result.stderr


def test_same_language_is_a_usage_error(run_cli, tiny_nllb_dir):
    result = run_cli(["translate", "-", "--model", tiny_nllb_dir, "--from", "kk", "--to", "kk"], input="x\n")
    assert result.exit_code == 2
    assert "both 'kk'" in result.stderr


def test_json_format_and_report(tmp_path, run_cli, tiny_nllb_dir):
    report = tmp_path / "report.json"
    out = tmp_path / "draft.json"
    result = run_cli(
        ["translate", "-", "--model", tiny_nllb_dir, *FAST, "-o", out, "--report", report], input="Бір. Екі.\n"
    )
    assert result.exit_code == 0, result.stderr
    for path in (out, report):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert len(data["sentences"]) == 2


def test_bad_output_suffix_fails_before_loading(tmp_path, run_cli):
    result = run_cli(["translate", "-", "--model", tmp_path / "no-such-model", "-o", tmp_path / "x.docx"], input="a\n")
    assert result.exit_code == 2
    assert "x.docx" in result.stderr and "--format" in result.stderr


def test_unknown_engine(run_cli, tiny_nllb_dir):
    result = run_cli(["translate", "-", "--model", tiny_nllb_dir, "--engine", "nope"], input="a\n")
    assert result.exit_code == 2
    assert "unknown engine 'nope'" in result.stderr and "'transformers'" in result.stderr


def test_missing_input_file(tmp_path, run_cli):
    result = run_cli(["translate", tmp_path / "absent.txt", "--model", tmp_path])
    assert result.exit_code == 2
    assert "absent.txt" in result.stderr


def test_strict_exits_1_on_errors(run_cli, tiny_nllb_dir, tmp_path):
    # Enforcement off and a rendering no model writes by chance: a missing-term error remains.
    glossary = tmp_path / "g.tsv"
    glossary.write_text("source\ttarget\nБәйтерек\tQwxzyBaiterek\n", encoding="utf-8")
    args = ["translate", "-", "--model", tiny_nllb_dir, *FAST, "--no-default-glossary", "-g", glossary, "--no-enforce"]
    text = "Бұл жерде Бәйтерек кешені бар.\n"
    loose = run_cli(args, input=text)
    assert loose.exit_code == 0, loose.stderr
    assert "missing-term" in loose.stderr
    assert run_cli([*args, "--strict"], input=text).exit_code == 1


def test_missing_model_offline_is_one_clear_message(tmp_path):
    """No cached model and no network: one message naming the model and both fixes, no traceback."""
    doc = tmp_path / "x.txt"
    doc.write_text("Сәлем.\n", encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    env.pop("HF_HUB_CACHE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "kkaligner", "translate", str(doc), "--model", "nllb-600m"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    message = proc.stderr.strip()
    assert message.count("\n") == 0, message
    assert "nllb-600m" in message and "facebook/nllb-200-distilled-600M" in message
    assert "kkalign models download nllb-600m" in message
    assert "--model PATH" in message
