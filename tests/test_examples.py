"""The shipped examples run as documented (on a tiny offline model instead of a download)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_python_example_runs_end_to_end(tiny_nllb_dir, tmp_path):
    page = tmp_path / "review.html"
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "python_api.py"), "--model", str(tiny_nllb_dir), "--html", str(page)],
        capture_output=True, text=True, timeout=300,
        env={"KKALIGNER_CACHE": str(tmp_path / "cache"), "PATH": "", "HOME": str(tmp_path)},
    )
    assert proc.returncode == 0, proc.stderr
    assert "21 sentences" in proc.stdout
    assert "'Мәскеудегі' -> 'Moscow' (suffix 'дегі')" in proc.stdout
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_python_example_without_model_says_how_to_get_one(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / "python_api.py"), "--model", "nllb-600m"],
        capture_output=True, text=True, timeout=300,
        env={"HF_HOME": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "1", "HOME": str(tmp_path), "PATH": ""},
    )
    assert proc.returncode == 1
    assert "kkalign models download nllb-600m" in proc.stderr
    assert "Traceback" not in proc.stderr
