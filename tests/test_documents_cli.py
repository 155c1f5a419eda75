"""kkalign translate with documents: the input's suffix (or --input-format) picks the format, the output
is the same format, the JSON report goes to --report; errors exit non-zero and write nothing."""

from __future__ import annotations

import json

import pytest

FAST = ["--max-length", "6", "--beam", "1", "--engine", "transformers", "--no-memory", "--quiet"]
SRT = "1\n00:00:01,000 --> 00:00:02,000\nБірінші сөйлем.\n\n2\n00:00:03,000 --> 00:00:04,000\nЕкінші сөйлем.\n"


def test_docx_in_docx_out_with_report(tmp_path, run_cli, tiny_nllb_dir):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Бірінші сөйлем. Екінші сөйлем.")
    d.add_paragraph("Үшінші абзац.")
    d.save(tmp_path / "report.docx")
    out, report = tmp_path / "report.en.docx", tmp_path / "report.json"
    result = run_cli(["translate", tmp_path / "report.docx", "-o", out, "--report", report, "--model", tiny_nllb_dir, *FAST])
    assert result.exit_code == 0, result.stderr
    assert len(docx.Document(out).paragraphs) == 2
    data = json.loads(report.read_text("utf-8"))
    assert len(data["sentences"]) == 3


def test_srt_to_standard_output(tmp_path, run_cli, tiny_nllb_dir):
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    result = run_cli(["translate", tmp_path / "a.srt", "--model", tiny_nllb_dir, *[a for a in FAST if a != "--quiet"]])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("-->") == 2 and result.stdout.startswith("1\n00:00:01,000 --> 00:00:02,000\n")
    assert "document: srt, 2 units" in result.stderr


def test_input_format_overrides_suffix(tmp_path, run_cli, tiny_nllb_dir):
    (tmp_path / "a.txt").write_text(SRT, encoding="utf-8")
    result = run_cli(["translate", tmp_path / "a.txt", "--input-format", "srt", "-o", tmp_path / "b.txt",
                      "--model", tiny_nllb_dir, *FAST])
    assert result.exit_code == 0, result.stderr
    assert "00:00:03,000 --> 00:00:04,000" in (tmp_path / "b.txt").read_text("utf-8")


@pytest.mark.parametrize("args, message", [
    (["-o", "b.srt", "--format", "json"], "--report"),
    (["-o", "b.srt", "--input-format", "pdf"], "unknown input format"),
    (["-o", "b.json"], "--report"),
    (["-o", "b.vtt"], "written as srt"),
])
def test_usage_errors(tmp_path, run_cli, args, message):
    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    args = [str(tmp_path / a) if a.startswith("b.") else a for a in args]
    result = run_cli(["translate", tmp_path / "a.srt", *args])
    assert result.exit_code == 2 and message in result.stderr
    assert not any(p.name.startswith("b.") for p in tmp_path.iterdir())


def test_doc_renamed_docx_exits_2_and_writes_nothing(tmp_path, run_cli, tiny_nllb_dir):
    (tmp_path / "a.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    result = run_cli(["translate", tmp_path / "a.docx", "-o", tmp_path / "b.docx", "--model", tiny_nllb_dir, *FAST])
    assert result.exit_code == 2 and "Word 97-2003" in result.stderr
    assert not (tmp_path / "b.docx").exists()


def test_max_size_option(tmp_path, run_cli):
    (tmp_path / "a.srt").write_text(SRT * 200, encoding="utf-8")
    result = run_cli(["translate", tmp_path / "a.srt", "-o", tmp_path / "b.srt", "--max-size", "0.01"])
    assert result.exit_code == 2 and "--max-size" in result.stderr
    assert not (tmp_path / "b.srt").exists()
