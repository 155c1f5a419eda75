"""Over-long sentences and failing batches: never a lost sentence, never a failed document."""

from __future__ import annotations

import pytest

from kkaligner.errors import EngineError
from kkaligner.pipeline import Translator

ENGINES = ["transformers", "ct2"]

CLAUSE = "Бәйтерек кешенінің құрылысы жалғасып жатыр, ал жоба бойынша жұмыстар кестеге сәйкес жүргізілуде"


def _long(n: int) -> str:
    return ", ".join([CLAUSE] * n) + "."


@pytest.fixture(scope="module", params=ENGINES)
def translator(request, tiny_nllb_dir):
    if request.param == "ct2":
        pytest.importorskip("ctranslate2")
    with Translator(str(tiny_nllb_dir), engine=request.param, beam_size=1, max_length=40, memory=False,
                    engine_options={"allow_download": False}) as t:
        yield t


def test_an_over_long_sentence_is_cut_into_windows_and_translated_whole(translator):
    """A sentence far beyond what the model can read (and answer within max_length) is cut at
    clause boundaries; every piece is translated; nothing is truncated or lost."""
    text = "Қысқа сөйлем.\n" + _long(12) + "\nТағы бір сөйлем."
    budget = translator.window_tokens()
    engine = translator.engine
    assert engine.source_lengths([_long(12)], "kk", "en")[0] > budget  # the case is real
    draft = translator.translate(text)
    cut = [f for f in draft.findings if f.code == "sentence-cut"]
    assert cut and all("pieces" in f.message and f.sentence is not None for f in cut)
    assert len(draft.sentences) > 3
    for s in draft.sentences:
        assert s.source == text[s.start : s.end]  # every piece is a span of the document
        assert s.target.strip()
        assert engine.source_lengths([s.source], "kk", "en")[0] <= budget
    # every character of the source lies in a sentence or a separator, in order
    covered = "".join(sep + s.source for sep, s in zip(draft.separators, draft.sentences)) + draft.separators[-1]
    assert covered == text
    assert draft.text.count("\n") == text.count("\n")


def test_decoding_never_runs_past_the_models_positions(tiny_nllb_dir):
    """max_length beyond the model's target positions is bounded by them (the decoder has no
    position encodings past them: CTranslate2 aborted the batch, transformers failed)."""
    pytest.importorskip("ctranslate2")
    with Translator(str(tiny_nllb_dir), engine="ct2", beam_size=1, max_length=100_000, memory=False) as t:
        cap = t.engine.target_cap(t.options)
        assert cap == t.engine.max_target_tokens - 1
        draft = t.translate("Бәйтерек туралы сөйлем.")
        assert draft.sentences[0].target


def test_an_engine_error_is_isolated_to_its_sentence(tiny_nllb_dir, monkeypatch):
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=64, memory=False) as t:
        engine = t.engine
        real = engine.translate

        def flaky(texts, *args, **kwargs):
            if any("бұзылған" in x for x in texts):
                raise EngineError("out of memory on this batch")
            return real(texts, *args, **kwargs)

        monkeypatch.setattr(engine, "translate", flaky)
        text = "Бірінші сөйлем.\nБұл сөйлем бұзылған.\nҮшінші сөйлем."
        draft = t.translate(text)
    assert [bool(s.target.strip()) for s in draft.sentences] == [True, True, True]
    assert draft.sentences[1].target == "Бұл сөйлем бұзылған."  # kept as written, not lost
    (failed,) = [f for f in draft.findings if f.code == "translation-failed"]
    assert failed.sentence == 1 and failed.severity == "error" and "out of memory" in failed.message
    assert draft.sentences[0].target != draft.sentences[0].source


def test_a_large_document_is_translated_piece_by_piece(tiny_nllb_dir, run_cli, tmp_path, monkeypatch):
    """translate_chunks yields one Draft a piece; their texts joined keep every line; the CLI's txt
    output is written that way (memory holds one piece) and has the same layout."""
    import kkaligner.split

    paragraph = "Бәйтерек кешені салынды.\nЖұмыс жалғасып жатыр.\n\n"
    text = "".join(f"{i}. {paragraph}" for i in range(40))
    with Translator(str(tiny_nllb_dir), engine="transformers", beam_size=1, max_length=6, memory=False) as t:
        drafts = list(t.translate_chunks(text, size=300))
    assert len(drafts) > 5
    assert "".join(d.source_text for d in drafts) == text
    joined = "".join(d.text for d in drafts)
    assert joined.count("\n") == text.count("\n")
    monkeypatch.setattr(kkaligner.split, "CHUNK_CHARS", 300)
    src, out = tmp_path / "big.kk.txt", tmp_path / "big.en.txt"
    src.write_text(text, encoding="utf-8")
    result = run_cli(["translate", src, "-o", out, "--model", tiny_nllb_dir, "--engine", "transformers",
                      "--beam", "1", "--max-length", "6", "--no-memory"])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().decode("utf-8").count("\n") == text.count("\n")
    assert "80 sentences" in result.stderr
    calls = []
    real = Translator.translate
    monkeypatch.setattr(Translator, "translate", lambda self, text: calls.append(len(text)) or real(self, text))
    result = run_cli(["translate", src, "--model", tiny_nllb_dir, "--engine", "transformers", "--beam", "1",
                      "--max-length", "6", "--no-memory", "-q"])
    assert result.exit_code == 0 and len(calls) > 5 and max(calls) <= 400  # piece by piece
    assert result.stdout.count("\n") == text.count("\n")
