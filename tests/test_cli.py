"""The kkalign edge: exit statuses, a failing or closed standard output, --version, help text,
--quiet and plain progress lines."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")
FAST = ["--max-length", "6", "--beam", "2", "--engine", "transformers", "--no-memory"]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["HF_HUB_OFFLINE"] = "1"
    return env


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("docs")
    big = folder / "big.kk.txt"
    big.write_text("Бірінші сөйлем. Екінші сөйлем!\n" * 20000, encoding="utf-8")
    kk = folder / "a.kk.txt"
    kk.write_text("Зымыран Байқоңырдан 2024 жылы ұшты.\n", encoding="utf-8")
    en = folder / "a.en.txt"
    en.write_text("The rocket flew from Baikonur in 2025.\n", encoding="utf-8")
    names = folder / "names.kk.txt"
    names.write_text("Байқоңыр қаласы. Астанадан ұшты.\n" * 5000, encoding="utf-8")
    return {"big": str(big), "kk": str(kk), "en": str(en), "names": str(names)}


def _commands(docs, model=None) -> dict:
    cmds = {
        "segment": ["segment", docs["big"]],
        "check": ["check", docs["kk"], docs["en"]],
        "check-html": ["check", docs["kk"], docs["en"], "-f", "html"],
        "align": ["align", docs["kk"], docs["en"]],
        "glossary-match": ["glossary", "match", docs["names"]],
        "glossary-forms": ["glossary", "forms", "Байқоңыр"],
        "models-list": ["models", "list"],
        "version": ["version"],
        "--version": ["--version"],
    }
    if model is not None:
        cmds["translate"] = ["translate", docs["kk"], "--model", str(model), *FAST, "-q"]
    return cmds


NAMES = ["segment", "check", "check-html", "align", "glossary-match", "glossary-forms", "models-list",
         "version", "--version", "translate"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("name", NAMES)
def test_full_stdout_is_one_line_and_status_2(name, docs, tiny_nllb_dir, tmp_path):
    args = _commands(docs, tiny_nllb_dir)[name]
    env = _env()
    env["HF_HUB_CACHE"] = str(tmp_path)
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "kkaligner", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, env=env, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ("kkalign: error: cannot write to standard output: No space left on device. "
                           "Check free space, or write to a file with -o.\n")


@pytest.mark.parametrize("name", ["segment", "glossary-match"])
def test_closed_pipe_is_silent_with_status_141(name, docs):
    """`kkalign ... | head -1`: the reader leaves early; no message, no 'Exception ignored'."""
    args = _commands(docs)[name]
    proc = subprocess.Popen([sys.executable, "-m", "kkaligner", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env())
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=300) == 141
    assert first and err == ""


def test_in_process_broken_pipe_is_141(run_cli, monkeypatch):
    import kkaligner.cli.segment  # noqa: F401
    import kkaligner.split

    def broken(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(kkaligner.split, "segment", broken)
    result = run_cli(["segment", "-"], input="Сәлем.\n")
    assert result.exit_code == 141 and result.stderr == ""


def test_other_os_errors_are_not_hidden(run_cli, monkeypatch):
    """An OSError that is not about standard output (it names a file) is an internal error."""
    import kkaligner.split

    def broken(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/some/file")

    monkeypatch.setattr(kkaligner.split, "segment", broken)
    with pytest.raises(PermissionError):
        run_cli(["segment", "-"], input="Сәлем.\n")


def test_version_option_and_command(run_cli):
    from kkaligner import __version__

    assert run_cli(["--version"]).stdout == f"kkalign {__version__}\n"
    assert run_cli(["version"]).stdout == f"{__version__}\n"
    assert "--version" in run_cli(["--help"]).stdout


HELP = [["translate"], ["segment"], ["check"], ["align"], ["glossary", "match"], ["glossary", "forms"],
        ["glossary", "lint"], ["glossary", "convert"], ["models", "download"]]


@pytest.mark.parametrize("command", HELP, ids=lambda c: "-".join(c))
def test_help_shows_readable_placeholders(command, run_cli):
    result = run_cli([*command, "--help"])
    assert result.exit_code == 0
    text = result.stdout
    assert not re.search(r"<[a-z][\w\[\], ]*>|\{\w+\}", text), text
    usage = text.splitlines()[0]
    assert re.fullmatch(r"Usage: kkalign [a-z ]+ \[OPTIONS\]( [A-Z]+(\.\.\.)?)+", usage), usage


def test_translate_help_names_what_options_take(run_cli):
    text = run_cli(["translate", "--help"]).stdout
    for piece in ("translate [OPTIONS] FILE", "-o, --output FILE", "-m, --model MODEL", "--from LANG",
                  "-g, --glossary FILE", "--beam N", "-f, --format FORMAT"):
        assert piece in text, piece
    assert "--from FORMAT" in run_cli(["glossary", "convert", "--help"]).stdout


def test_usage_error_names_the_argument(run_cli):
    result = run_cli(["translate"])
    assert result.exit_code == 2 and "Missing argument 'FILE'" in result.stderr


# --- progress and --quiet -----------------------------------------------------------------------


def test_progress_lines_every_few_seconds():
    import io

    from kkaligner.cli.translate import ProgressLines

    now = [100.0]
    out = io.StringIO()
    p = ProgressLines(every=5, clock=lambda: now[0], stream=out)
    p(0, 50000)  # the first report sets the clock: model loading is not translation time
    for done, t in ((600, 103), (1200, 106), (1500, 108), (2400, 112)):
        now[0] = t
        p(done, 50000)
    now[0] = 200
    p(50000, 50000)  # the end: the summary follows, no line
    assert out.getvalue().splitlines() == [
        "kkalign: translated 1200/50000 sentences (2%), 4m left",  # 200 a second, 48800 to go
        "kkalign: translated 2400/50000 sentences (4%), 4m left",
    ]
    from kkaligner.cli.translate import _duration

    assert [_duration(s) for s in (9, 89, 3599, 7260)] == ["9s", "1m", "1h00m", "2h01m"]


def test_translate_prints_progress_lines_when_stderr_is_not_a_terminal(run_cli, tiny_nllb_dir, monkeypatch):
    import kkaligner.cli.translate as cli_translate

    monkeypatch.setattr(cli_translate, "PROGRESS_EVERY", 0.0)
    doc = "".join(f"Сөйлем {i}. " for i in range(40)) + "\n"
    result = run_cli(["translate", "-", "--model", tiny_nllb_dir, *FAST, "--no-default-glossary"], input=doc)
    assert result.exit_code == 0, result.stderr
    assert re.search(r"^kkalign: translated \d+/40 sentences \(\d+%\)", result.stderr, re.M), result.stderr
    quiet = run_cli(["translate", "-", "--model", tiny_nllb_dir, *FAST, "--no-default-glossary", "-q"], input=doc)
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_quiet_silences_engine_status_lines(monkeypatch):
    from kkaligner.cli.translate import _status

    assert _status(True)("converting a model") is None
    import io

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    _status(False)("converting a model")
    assert err.getvalue() == "kkalign: converting a model\n"


def test_models_download_quiet_prints_nothing(run_cli, tiny_nllb_dir):
    result = run_cli(["models", "download", tiny_nllb_dir, "-q"])
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""
    assert str(tiny_nllb_dir.resolve()) in run_cli(["models", "download", tiny_nllb_dir]).stderr


def test_check_text_report_numbers_sentences_from_1(run_cli, docs):
    result = run_cli(["check", docs["kk"], docs["en"], "--no-default-glossary"])
    assert result.stdout.startswith("[1] kk: Зымыран"), result.stdout


def test_html_page_numbers_sentences_from_1(run_cli, docs):
    result = run_cli(["check", docs["kk"], docs["en"], "--no-default-glossary", "-f", "html"])
    page = result.stdout
    assert '<tr id="s-0"' in page and '<th scope="row"><a href="#s-0">1</a></th>' in page
    assert '<a href="#s-0">sentence 1</a>' in page


def test_outputs_are_checked_before_any_work(run_cli, tmp_path):
    """The source is never overwritten, one file never takes two outputs, and a bad output is
    reported before the model is even looked for (the model here does not exist)."""
    src = tmp_path / "doc.txt"
    src.write_text("Бәйтерек ұшырылды.\n", encoding="utf-8")
    nowhere = tmp_path / "no-such-model"
    cases = [
        (["-o", src], "is the input document"),
        (["-o", tmp_path / "sub" / ".." / "doc.txt"], "does not exist"),
        (["-o", tmp_path / "out.txt", "--report", tmp_path / "out.txt"], "given for two outputs"),
        (["-o", tmp_path / "out.pdf"], "cannot tell the output format"),
        (["--format", "pdf"], "unknown output format"),
        (["-o", tmp_path, "--format", "txt"], "is a folder"),
    ]
    for extra, message in cases:
        result = run_cli(["translate", src, "--model", nowhere, *extra])
        assert result.exit_code == 2, (extra, result.stderr)
        assert message in result.stderr, (extra, result.stderr)
        assert "no-such-model" not in result.stderr
    assert src.read_text(encoding="utf-8") == "Бәйтерек ұшырылды.\n"
    result = run_cli(["check", src, src, "-o", src, "--from", "kk", "--to", "en"])
    assert result.exit_code == 2 and "is the input document" in result.stderr
