"""The document layer's core: units translated in one call, slots carried onto the translation, the
draft located in the document and taken by every report writer, size limit, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkaligner.documents import (
    FunctionTranslator,
    Unit,
    translate_document,
    translate_units,
)
from kkaligner.documents._spans import distribute, flatten
from kkaligner.errors import DocumentTooLargeError, UsageError

SRT = "1\n00:00:01,000 --> 00:00:02,000\nБірінші сөйлем. Екінші сөйлем.\n\n2\n00:00:03,000 --> 00:00:04,000\nҮшінші.\n"


def test_one_call_for_the_whole_document():
    calls = []

    class Counting(FunctionTranslator):
        def translate(self, text):
            calls.append(text)
            return super().translate(text)

    units = [Unit("a", ("Бір сөйлем. Екі сөйлем.",)), Unit("b", ("—",)), Unit("c", ("Үш ", "төрт", " бес."))]
    _, targets, locations, _ = translate_units(Counting(str.upper), units)
    assert len(calls) == 1
    assert locations == ["a", "a", "c"]
    assert targets == {"a": ("БІР СӨЙЛЕМ. ЕКІ СӨЙЛЕМ.",), "c": ("ҮШ ", "ТӨРТ", " БЕС.")}
    assert "b" not in targets  # no letter or digit: kept as it is


def test_flatten_collapses_whitespace_and_places_boundaries():
    text, bounds = flatten(["  Бір ", "екі", "\n  үш  "])
    assert text == "Бір екі үш"
    assert bounds == [4, 7]
    assert flatten(["a", "b"], breaks=[1]) == ("a b", [2])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="аб ,.\n", max_size=8), min_size=1, max_size=6),
       st.text(alphabet="xyz .", min_size=0, max_size=30))
def test_distribute_keeps_order_count_and_all_target_words(pieces, target):
    out = distribute(pieces, target)
    assert len(out) == len(pieces)
    if flatten(pieces)[0]:
        assert "".join(out).split() == target.split()
    else:
        assert tuple(out) == tuple(pieces)


def test_exact_anchors_keep_numbers_in_their_run():
    pieces = ["Табыс ", "2024", " жылы өсті."]
    out = distribute(pieces, "In 2024 the income grew considerably.")
    assert out[1] == "2024"


def test_draft_located_and_taken_by_report_writers(tmp_path):
    from kkaligner.writers import render

    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    draft = translate_document(str.upper, tmp_path / "a.srt")
    assert draft.locations == ("cue 1", "cue 1", "cue 2") and draft.format == "srt"
    assert [s.target for s in draft.sentences] == ["БІРІНШІ СӨЙЛЕМ.", "ЕКІНШІ СӨЙЛЕМ.", "ҮШІНШІ."]
    assert b"00:00:03,000 --> 00:00:04,000" in draft.output
    for format in ("json", "tsv", "html", "xliff", "tmx", "txt"):
        assert "ҮШІНШІ." in render(draft, format)


def test_size_limit_refused_before_reading(tmp_path):
    (tmp_path / "a.srt").write_text(SRT * 100, encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match="limit"):
        translate_document(str.upper, tmp_path / "a.srt", tmp_path / "b.srt", max_bytes=1000)
    assert not (tmp_path / "b.srt").exists()


def test_unknown_suffix_names_the_choices(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(UsageError, match="'.srt'"):
        translate_document(str.upper, tmp_path / "a.pdf")


def test_import_is_light():
    code = "import kkaligner.documents, kkaligner.pipeline"
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "kkaligner" in names
    assert not names & {"lxml", "docx", "charset_normalizer", "markdown_it", "torch", "transformers"}


def test_json_report_locates_sentences_and_validates(tmp_path):
    import json

    import jsonschema

    from kkaligner.writers import json as json_writer

    (tmp_path / "a.srt").write_text(SRT, encoding="utf-8")
    data = json.loads(json_writer.render(translate_document(str.upper, tmp_path / "a.srt")))
    jsonschema.validate(data, json_writer.schema())
    assert [s["location"] for s in data["sentences"]] == ["cue 1", "cue 1", "cue 2"]
    assert data["document"] == {"format": "srt", "units": 2, "pieces": 0, "pieces_kept": 0}
