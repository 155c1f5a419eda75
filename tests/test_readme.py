"""The README's Python snippet runs as written, and its first lines name the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.S)


def test_the_first_lines_give_install_and_run_and_the_test_command():
    first = README.split("```sh", 1)[1].split("```", 1)[0]
    assert "pip install torch==2.13.0" in first and "kkalign translate" in first and "pytest" in first
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_line = next(line for line in first.splitlines() if "pytest" in line).strip()
    assert test_line in ci


@pytest.mark.slow
def test_the_python_snippets_run_as_written(tmp_path, monkeypatch):
    """Every ```python block of the README, in a folder holding the files the blocks name."""
    docx = pytest.importorskip("docx")
    from kkaligner.models import demo_folder

    demo_folder(build=True)  # what `kkalign models demo` does (cached across runs)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "baiterek-news.kk.txt").write_bytes((ROOT / "examples" / "baiterek-news.kk.txt").read_bytes())
    report = docx.Document()
    report.add_paragraph("Бәйтерек кешені Байқоңырда орналасқан.")
    report.save(tmp_path / "report.docx")
    blocks = _python_blocks()
    assert len(blocks) >= 2
    for block in blocks:
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)
        assert namespace["draft"].sentences
    assert (tmp_path / "draft.html").is_file() and (tmp_path / "report.en.docx").is_file()
