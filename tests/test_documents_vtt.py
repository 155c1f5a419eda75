"""WebVTT: header, NOTE/STYLE/REGION blocks, cue ids, timings and cue settings byte-identical; tags and
character references kept; a cue's lines read as one text."""

from __future__ import annotations

import re

import pytest

from kkaligner.documents import translate_document
from kkaligner.errors import DocumentError

VTT = (
    "WEBVTT - a title\n\nNOTE a comment\nover two lines\n\nSTYLE\n::cue { color: red }\n\n"
    "intro\n00:01.000 --> 00:04.000 align:start position:10%\n<v Әлия>Мен &amp; сен</v>\nбірге барамыз.\n\n"
    "00:05.000 --> 00:06.000\n<c.yellow>Жақсы</c>\n"
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


def _write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def test_vtt_header_blocks_settings_kept_and_entities(tmp_path):
    src = _write(tmp_path, "a.vtt", VTT)
    draft = translate_document(str.upper, src, tmp_path / "b.vtt")
    out = (tmp_path / "b.vtt").read_text("utf-8")
    assert out.startswith("WEBVTT - a title\n\nNOTE a comment\nover two lines\n\nSTYLE\n::cue { color: red }\n\n")
    assert _cues(out) == _cues(VTT)
    assert "00:01.000 --> 00:04.000 align:start position:10%\n" in out
    assert "<v Әлия>МЕН &amp; СЕН</v> БІРГЕ БАРАМЫЗ." in out
    assert "<c.yellow>ЖАҚСЫ</c>" in out
    assert draft.locations == ("cue intro", "cue #2")


def test_vtt_requires_header(tmp_path):
    with pytest.raises(DocumentError, match="WEBVTT"):
        translate_document(str.upper, _write(tmp_path, "a.vtt", "00:01.000 --> 00:02.000\nСәлем\n"), None)


def test_vtt_end_to_end_tiny_model(tmp_path, tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    src = _write(tmp_path, "a.vtt", VTT)
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=16, memory=False) as tr:
        draft = tr.translate_document(src, tmp_path / "b.vtt")
    out = (tmp_path / "b.vtt").read_text("utf-8")
    assert _cues(out) == _cues(VTT)
    assert out.startswith("WEBVTT - a title\n\nNOTE a comment\nover two lines\n\nSTYLE\n::cue { color: red }\n\n")
    assert "<v Әлия>" in out and "</v>" in out and "<c.yellow>" in out
    assert set(draft.locations) == {"cue intro", "cue #2"}
