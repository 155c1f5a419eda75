"""Shared fixtures: tiny offline models and a CLI runner.

``tiny_nllb_dir`` / ``tiny_marian_dir`` are built once per session with kkaligner.testing.tiny and
loaded back by tests through the path users take (``--model PATH``). ``run_cli`` runs ``kkalign``
in-process and captures what it writes.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Sequence

import pytest

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repository; the test is skipped when it is absent."""
    if not DATA.is_dir():
        pytest.skip(f"development data not found at {DATA}")
    return DATA


@pytest.fixture(autouse=True)
def _private_translation_memory(monkeypatch, tmp_path_factory):
    """Translator and ``kkalign translate`` keep a translation memory by default: give each test its
    own, so no test is served another test's (or the user's) translations."""
    monkeypatch.setenv("KKALIGNER_MEMORY", str(tmp_path_factory.mktemp("memory") / "memory.sqlite"))


@pytest.fixture(scope="session")
def tiny_nllb_dir(tmp_path_factory) -> Path:
    """A saved NLLB-shaped model (M2M100 + NllbTokenizer; eng_Latn, kaz_Cyrl, rus_Cyrl), random weights."""
    from kkaligner.testing.tiny import build_tiny_nllb

    return build_tiny_nllb(tmp_path_factory.mktemp("models") / "tiny-nllb")


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory) -> Path:
    """A saved MarianMT model (shared vocab, no language metadata), random weights."""
    from kkaligner.testing.tiny import build_tiny_marian

    return build_tiny_marian(tmp_path_factory.mktemp("models") / "tiny-marian")


@dataclass
class CliResult:
    """What one ``kkalign`` run did: exit code and the text it wrote to stdout and stderr."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class _Stream(io.TextIOWrapper):
    """A text stream over bytes (so code writing to ``sys.stdout.buffer`` is captured too)."""

    def __init__(self, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", newline="")

    def isatty(self) -> bool:
        return False

    def getvalue(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8")


def invoke_cli(args: Sequence[str], input: Optional[str | bytes] = None) -> CliResult:
    """Run ``kkaligner.cli.main(args)`` with stdin ``input``; capture stdout, stderr, exit code."""
    from kkaligner.cli import main

    data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
    stdin, stdout, stderr = _Stream(data), _Stream(), _Stream()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
    code = 0
    try:
        main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return CliResult(code, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def run_cli(monkeypatch):
    """``run_cli(args, input=None, env=None) -> CliResult``; ``env`` entries are set for this test only."""

    def run(args: Sequence[str], input: Optional[str | bytes] = None, env: Optional[Mapping[str, str]] = None):
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        return invoke_cli(args, input)

    return run
