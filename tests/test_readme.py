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
def test_the_python_snippet_runs_as_written(tmp_path, monkeypatch):
    from kkaligner.models import demo_folder

    demo_folder(build=True)  # what `kkalign models demo` does (cached across runs)
    (block,) = _python_blocks()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "baiterek-news.kk.txt").write_bytes((ROOT / "examples" / "baiterek-news.kk.txt").read_bytes())
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    draft = namespace["draft"]
    assert draft.sentences and (tmp_path / "draft.html").is_file()
    assert namespace["links"] and isinstance(namespace["findings"], list)
