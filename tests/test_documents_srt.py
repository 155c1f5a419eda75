"""SRT: numbering, timings and cue settings byte-identical; a cue's lines read as one text;
tags kept; the translation wrapped to at most two lines; legacy encodings read."""

from __future__ import annotations

import re

import pytest

from kkaligner.documents import translate_document
from kkaligner.documents._subtitles import wrap
from kkaligner.errors import DocumentError

SRT = (
    "1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Бұл бірінші</i> сөйлем,\r\nол екі жолда.\r\n\r\n"
    "2\r\n00:00:03,000 --> 00:00:04,000 X1:10 X2:20 Y1:5 Y2:6\r\n- Сәлем!\r\n- Қалайсың?\r\n\r\n"
    "3\r\n00:00:05,000 --> 00:00:09,000\r\n{\\an8}Астана қаласында жаңа ғимарат ашылды, оған көп адам келді.\r\n\r\n"
)


def _cues(text: str) -> list[tuple[str, str]]:
    """(number or id, timing line) of each cue, read independently of kkaligner."""
    blocks = re.split(r"(?:\r?\n){2,}", text.strip())
    out = []
    for block in blocks:
        lines = block.splitlines()
        for i, line in enumerate(lines[:2]):
            if "-->" in line:
                out.append((lines[0] if i else "", line))
    return out


def _payloads(text: str) -> list[list[str]]:
    out = []
    for block in re.split(r"(?:\r?\n){2,}", text.strip()):
        lines = block.splitlines()
        at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if at is not None:
            out.append(lines[at + 1:])
    return out


def _write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def test_srt_numbering_and_timings_byte_identical(tmp_path):
    src = _write(tmp_path, "a.srt", SRT)
    draft = translate_document(str.upper, src, tmp_path / "b.srt")
    out = (tmp_path / "b.srt").read_bytes().decode("utf-8")
    assert _cues(out) == _cues(SRT)
    for line in SRT.split("\r\n"):
        if "-->" in line or line.isdigit():
            assert line + "\r\n" in out  # the line end is kept too
    assert "{\\an8}" in out
    assert draft.locations[:2] == ("cue 1", "cue 2.1")


def test_srt_cue_lines_are_one_sentence_and_tags_kept(tmp_path):
    seen = []

    def spy(text):
        seen.append(text)
        return text.upper()

    translate_document(spy, _write(tmp_path, "a.srt", SRT), tmp_path / "b.srt")
    assert "Бұл бірінші сөйлем, ол екі жолда." in seen  # one sentence over two lines, read whole
    payloads = _payloads((tmp_path / "b.srt").read_text("utf-8"))
    assert payloads[0] == ["<i>БҰЛ БІРІНШІ</i> СӨЙЛЕМ, ОЛ ЕКІ ЖОЛДА."]
    assert payloads[1] == ["- СӘЛЕМ!", "- ҚАЛАЙСЫҢ?"]  # a dialogue keeps a line per speaker


def test_srt_translation_wrapped_to_two_lines(tmp_path):
    translate_document(lambda t: "word " * 14 + "end.", _write(tmp_path, "a.srt", SRT), tmp_path / "b.srt")
    long = _payloads((tmp_path / "b.srt").read_text("utf-8"))[2]
    assert len(long) == 2
    assert all(len(re.sub(r"<[^>]*>|\{[^}]*\}", "", line)) <= 42 for line in long)


@pytest.mark.parametrize("width", [10, 42])
def test_wrap_never_more_than_two_lines_nor_loses_words(width):
    text = "<i>Alpha beta</i> gamma delta epsilon zeta eta theta iota kappa lambda mu"
    lines = wrap(text, width)
    assert 1 <= len(lines) <= 2
    assert " ".join(lines) == text


def test_srt_every_cue_translated(tmp_path):
    translate_document(lambda t: "X" * len(t), _write(tmp_path, "a.srt", SRT), tmp_path / "b.srt")
    for payload in _payloads((tmp_path / "b.srt").read_text("utf-8")):
        visible = re.sub(r"<[^>]*>|\{[^}]*\}", "", " ".join(payload))
        assert not re.search(r"[а-яәғқңөұүһі]", visible, re.IGNORECASE), payload


def test_srt_legacy_encoding_detected_and_forced(tmp_path):
    russian = ("1\r\n00:00:01,000 --> 00:00:02,500\r\nЭто первое предложение, и оно написано\r\n"
               "на двух строках субтитров.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nВторое предложение короче.\r\n")
    src = _write(tmp_path, "a.srt", russian, "cp1251")
    draft = translate_document(str.upper, src, tmp_path / "b.srt")
    assert "ЭТО ПЕРВОЕ ПРЕДЛОЖЕНИЕ" in (tmp_path / "b.srt").read_text("utf-8")
    assert any(f.code == "document-note" and "cp1251" in f.message for f in draft.findings)
    kz = _write(tmp_path, "kz.srt", SRT, "kz1048")
    translate_document(str.upper, kz, tmp_path / "c.srt", encoding="kz1048")
    assert "БҰЛ БІРІНШІ" in (tmp_path / "c.srt").read_text("utf-8")


def test_srt_not_subtitles_is_refused_and_writes_nothing(tmp_path):
    src = _write(tmp_path, "a.srt", "just some text\nwithout cues\n")
    with pytest.raises(DocumentError, match="no subtitle cues"):
        translate_document(str.upper, src, tmp_path / "b.srt")
    assert not (tmp_path / "b.srt").exists()


def test_srt_end_to_end_tiny_model(tmp_path, tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    src = _write(tmp_path, "a.srt", SRT)
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=16, memory=False) as tr:
        draft = tr.translate_document(src, tmp_path / "b.srt")
    out = (tmp_path / "b.srt").read_text("utf-8")
    assert _cues(out) == _cues(SRT)
    assert len(draft.sentences) == len(draft.locations) >= 4
    assert set(draft.locations) == {"cue 1", "cue 2.1", "cue 2.2", "cue 3"}


def test_sentence_running_on_over_cues_is_one_unit_shared_by_length(tmp_path):
    text = ("1\n00:00:01,000 --> 00:00:02,000\nКеше біз үлкен\n\n"
            "2\n00:00:02,000 --> 00:00:03,000\nдүкенге бардық...\n\n"
            "3\n00:00:03,000 --> 00:00:04,000\n...және нан сатып алдық.\n\n"
            "4\n00:00:05,000 --> 00:00:06,000\nЖаңа сөйлем.\n")
    seen = []
    draft = translate_document(lambda t: seen.append(t) or t.upper(), _write(tmp_path, "a.srt", text), tmp_path / "b.srt")
    assert seen == ["Кеше біз үлкен дүкенге бардық... ...және нан сатып алдық.", "Жаңа сөйлем."]
    assert draft.locations == ("cue 1+2+3", "cue 4")
    assert _payloads((tmp_path / "b.srt").read_text("utf-8")) == [
        ["КЕШЕ БІЗ ҮЛКЕН"], ["ДҮКЕНГЕ БАРДЫҚ..."], ["...ЖӘНЕ НАН САТЫП АЛДЫҚ."], ["ЖАҢА СӨЙЛЕМ."]]
    assert _cues((tmp_path / "b.srt").read_text("utf-8")) == _cues(text)
