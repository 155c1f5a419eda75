"""Kazakh in the Latin alphabets is read in Cyrillic everywhere and shown as written."""

from __future__ import annotations

import pytest

from kkaligner import check_documents, reading
from kkaligner.glossary import Glossary
from kkaligner.lang.latin import to_latin
from kkaligner.pipeline import Translator

CYRILLIC = "Бәйтерек кешені Байқоңырда орналасқан. Роскосмостың өкілдері Астанаға келді."
ALPHABETS = ["2021", "2018", "2017"]


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_glossary_matches_latin_kazakh_as_written(alphabet):
    text = to_latin(CYRILLIC, alphabet)
    found = Glossary.default().match(text)
    assert [m.term.target for m in found] == ["Baiterek", "Baikonur", "Roscosmos", "Astana"]
    assert all(m.surface == text[m.start : m.end] for m in found)
    assert [m.term.target for m in Glossary.default().match(CYRILLIC)] == [m.term.target for m in found]


def test_english_is_not_read_as_kazakh():
    assert reading.read("The Baiterek complex is in Baikonur. Officials came to Astana.", "kk") is None
    assert reading.read(to_latin(CYRILLIC), "en") is None  # only a Kazakh source is read


@pytest.mark.parametrize("alphabet", ALPHABETS)
def test_translate_reads_latin_and_keeps_the_source_as_written(alphabet, tiny_nllb_dir):
    text = "  " + to_latin(CYRILLIC, alphabet) + "\n"
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=12, memory=False) as t:
        draft = t.translate(text)
        cyrillic = t.translate("  " + CYRILLIC + "\n")
    assert draft.source_text == text
    assert [s.target for s in draft.sentences] == [s.target for s in cyrillic.sentences]
    for s in draft.sentences:
        assert s.source == text[s.start : s.end]
        for u in s.terms:
            assert u.surface == s.source[slice(*u.source_span)]
    assert "".join(sep + s.source for sep, s in zip(draft.separators, draft.sentences)) + draft.separators[-1] == text
    assert [f.code for f in draft.findings].count("latin-source") == 1
    terms = [(u.term.target, u.status) for s in draft.sentences for u in s.terms]
    assert terms == [(u.term.target, u.status) for s in cyrillic.sentences for u in s.terms]
    assert [t for t, _ in terms] == ["Baiterek", "Baikonur", "Roscosmos", "Astana"]


def test_check_documents_reads_a_latin_kazakh_source():
    source = to_latin(CYRILLIC)
    draft = check_documents(source, "The Baiterek complex is located in Baikonur. Officials came to Paris.",
                            Glossary.default())
    missing = [f for f in draft.findings if f.code == "missing-term"]
    assert len(missing) == 2  # Roscosmos and Astana
    for f in missing:
        s = draft.sentences[f.sentence]
        assert s.source == source[s.start : s.end]
        assert s.source[slice(*f.source_span)] in ("Roskosmostyñ", "Astanağa")
    assert draft.findings[0].code == "latin-source"


def test_cli_reads_latin_kazakh(run_cli, tmp_path):
    src = tmp_path / "doc.kk.txt"
    src.write_text(to_latin(CYRILLIC, "2018"), encoding="utf-8")
    result = run_cli(["glossary", "match", src])
    assert result.exit_code == 0, result.stderr
    assert "Baikonur" in result.stdout and "Baıqońyrda" in result.stdout
    tgt = tmp_path / "doc.en.txt"
    tgt.write_text("The Baiterek complex is located in Baikonur. Roscosmos officials came to Astana.", encoding="utf-8")
    result = run_cli(["check", src, tgt])
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
