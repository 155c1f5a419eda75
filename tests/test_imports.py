"""`import kkaligner` and `kkalign --help` must not import torch or transformers (measured with -X importtime)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("torch", "transformers", "ctranslate2", "sentencepiece", "tokenizers")


def _imported(code: list[str]) -> set[str]:
    """Top-level packages imported by ``python -X importtime <code>`` (parsed from its stderr)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *code], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name and name != "imported package":
                names.add(name.split(".")[0])
    assert "kkaligner" in names  # the parse works: a test that cannot fail is a defect
    return names


@pytest.mark.parametrize(
    "code",
    [
        ["-c", "import kkaligner"],
        ["-c", "import kkaligner; kkaligner.Translator; kkaligner.Draft"],
        ["-m", "kkaligner", "--help"],
        ["-m", "kkaligner", "translate", "--help"],
        ["-m", "kkaligner", "models", "--help"],
    ],
    ids=["import", "api-names", "help", "translate-help", "models-help"],
)
def test_no_heavy_imports(code):
    heavy = _imported(code) & set(HEAVY)
    assert not heavy, f"{' '.join(code)} imported {sorted(heavy)}"


def test_segment_runs_without_heavy_imports(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Бірінші сөйлем. Екінші сөйлем!\n", encoding="utf-8")
    heavy = _imported(["-m", "kkaligner", "segment", str(doc)]) & set(HEAVY)
    assert not heavy, f"kkalign segment imported {sorted(heavy)}"


def test_moved_modules_still_answer_with_a_deprecation_warning():
    """kkaligner.enforce moved to kkaligner.terms, glossary.forms/casing to kkaligner.lang: the old
    names keep working and say where the new ones are."""
    import importlib

    import pytest

    for module, name, new in (
        ("kkaligner.enforce", "plan", "kkaligner.terms.plan"),
        ("kkaligner.enforce", "occurrences", "kkaligner.terms.presence"),
        ("kkaligner.glossary.forms", "kazakh_forms", "kkaligner.lang.kazakh"),
        ("kkaligner.glossary.casing", "fold_kk", "kkaligner.lang.casing"),
    ):
        with pytest.warns(DeprecationWarning, match=new):
            value = getattr(importlib.import_module(module), name)
        assert value is getattr(importlib.import_module(new), name)
