"""Any text, any bytes: a result or a clean documented error, never a traceback, never lost lines.

Property tests at the API and through the CLI for translate, segment, check, align and glossary
match, on texts hypothesis builds from what real input holds: NUL and other control characters,
right-to-left marks, combining marks, emoji, mixed scripts, odd line breaks, very long lines and
very many lines.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kkaligner
import kkaligner.engines
import kkaligner.io
import kkaligner.writers
from kkaligner import align, check, check_documents, segment
from kkaligner.errors import KkalignerError
from kkaligner.glossary import Glossary
from kkaligner.pipeline import Translator
from kkaligner.types import Hypothesis

# Pieces of real and hostile input, glued by hypothesis.
PIECES = [
    "Бәйтерек", "Байқоңырдан", "Астанаға", "ұшырылды", "Baiterek", "Roscosmos", "2024", "1,5", "12 000",
    ".", "!", "?", "…", ",", "«", "»", "(", ")", "—", "ж.", "т.б.", "Қ.", "Сәтбаев",
    " ", "  ", "\t", "\n", "\r\n", "\n\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\x00", "\x01", "\x1b[31m", "\u200b", "\ufeff", "\u202e", "\u202c", "مرحبا", "שלום",
    "e\u0301", "\u0301", "😀", "👩‍👩‍👧", "🇰🇿", "中文", "Ωμέγα", "a" * 300,
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=200)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])


class EchoEngine:
    """An engine that writes each sentence backwards: the pipeline's robustness without a model's cost."""

    name, model_id, revision, device, compute_type = "echo", "echo", "local", "cpu", "none"

    def translate(self, texts, source_lang, target_lang, options=None, constraints=None, progress=None):
        if progress:
            progress(len(texts))
        return [[Hypothesis(t[::-1])] for t in texts]

    def close(self):
        pass


@pytest.fixture(scope="module")
def echo():
    t = Translator("echo", memory=False)
    t._engine = EchoEngine()
    return t


@pytest.fixture(scope="module")
def tiny(tiny_nllb_dir):
    engine = "ct2" if kkaligner.engines.available("ct2") else "transformers"
    with Translator(str(tiny_nllb_dir), engine=engine, beam_size=1, max_length=8, memory=False,
                    engine_options={"allow_download": False}) as t:
        yield t


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _assert_layout(source: str, draft) -> None:
    """The txt draft has one line per input line, and a non-blank line for every non-blank one."""
    out = draft.text
    src_lines, out_lines = _lines(source), _lines(out)
    assert len(out_lines) == len(src_lines), (source, out)
    for a, b in zip(src_lines, out_lines):
        if a.strip():
            assert b.strip(), (source, out)


@SETTINGS
@given(text=TEXT)
@example(text="AA²A")  # a superscript digit is a digit to str.isdigit, not a number read aloud
def test_translate_any_text_keeps_every_line(echo, text):
    try:
        draft = echo.translate(text)
    except KkalignerError:
        return
    assert draft.source_text == text
    for s in draft.sentences:
        assert s.source == text[s.start : s.end]
    _assert_layout(text, draft)
    for fmt in kkaligner.writers.FORMATS:
        kkaligner.writers.render(draft, fmt).encode("utf-8")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_translate_with_a_model_any_text(tiny, text):
    try:
        draft = tiny.translate(text)
    except KkalignerError:
        return
    _assert_layout(text, draft)


@SETTINGS
@given(text=TEXT, lang=st.sampled_from(["kk", "en"]))
def test_segment_any_text(text, lang):
    try:
        segments = segment(text, lang)
    except KkalignerError:
        return
    for s in segments:
        assert s.text == text[s.start : s.end] and s.text.strip() == s.text
    covered = "".join(text[s.start : s.end] for s in segments)
    assert "".join(covered.split()) == "".join(text.split())  # every non-space character in a segment


@SETTINGS
@given(source=TEXT, target=TEXT)
def test_check_align_and_match_any_text(source, target):
    glossary = Glossary.default()
    for call in (
        lambda: check([source], [target], glossary),
        lambda: check_documents(source, target, glossary),
        lambda: align(source, target),
        lambda: glossary.match(source, "kk"),
        lambda: glossary.match(target, "en"),
    ):
        try:
            call()
        except KkalignerError:
            pass


def test_huge_inputs(echo):
    long_line = ("Бәйтерек кешені Байқоңырда орналасқан " * 6000)[:200_000]
    draft = echo.translate(long_line)
    _assert_layout(long_line, draft)
    many = "\n".join(f"Сөйлем {i}." for i in range(50_000))
    draft = echo.translate(many)
    assert len(draft.sentences) == 50_000
    _assert_layout(many, draft)


def test_lone_surrogates_are_a_clean_error(echo):
    for call in (lambda: echo.translate("a\udc80b"), lambda: segment("a\udc80b"),
                 lambda: check(["a\udc80b"], ["x"]), lambda: Glossary.default().match("\udc80")):
        with pytest.raises(KkalignerError, match="lone surrogate"):
            call()


BYTES = st.binary(max_size=300) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=BYTES)
def test_cli_any_bytes(run_cli, tmp_path_factory, tiny_nllb_dir, data):
    folder = tmp_path_factory.mktemp("cli")
    src = folder / "in.txt"
    src.write_bytes(data)
    out = folder / "out.txt"
    commands = [
        ["segment", src],
        ["glossary", "match", src],
        ["check", src, src, "--from", "kk", "--to", "en"],
        ["align", src, src, "--from", "kk", "--to", "en"],
        ["translate", src, "-o", out, "--model", tiny_nllb_dir, "--beam", "1", "--max-length", "6", "--no-memory",
         "--quiet"],
    ]
    for args in commands:
        result = run_cli(args)
        assert "Traceback" not in result.output, (args, result.output)
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    if result.exit_code == 0:
        text = kkaligner.io.decode(data)
        src_lines, out_lines = _lines(text), _lines(out.read_bytes().decode("utf-8"))
        assert len(out_lines) == len(src_lines)
        assert all(b.strip() for a, b in zip(src_lines, out_lines) if a.strip())
