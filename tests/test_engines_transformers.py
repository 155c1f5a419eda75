"""The transformers engine on the tiny models: loading, language codes, batching, n-best, hooks."""

from __future__ import annotations

import dataclasses
import importlib.machinery
import json
import shutil
import sys
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkaligner.engines import ENGINES, auto_engine, engine_class, load_engine
from kkaligner.engines.base import DecodeOptions, Engine
from kkaligner.engines.transformers import TransformersEngine
from kkaligner.errors import DeviceError, KkalignerError, EngineError, UsageError
from kkaligner.types import Constraint, Hypothesis

OPTS = DecodeOptions(beam_size=2, max_length=6)
TEXTS = ["Ресей президенті Владимир Путин Астана.", "Байқоңыр", "Бәйтерек зымыран кешенін атауды ұсынды жоба бюджеті."]


@pytest.fixture(scope="module")
def nllb(tiny_nllb_dir):
    engine = load_engine("transformers", str(tiny_nllb_dir), device="cpu")
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def marian(tiny_marian_dir):
    engine = TransformersEngine(str(tiny_marian_dir), device="cpu")
    yield engine
    engine.close()


def test_registry():
    assert ENGINES["transformers"] == "kkaligner.engines.transformers:TransformersEngine"
    assert engine_class("transformers") is TransformersEngine
    assert auto_engine() in ENGINES
    with pytest.raises(UsageError, match="unknown engine 'marian'.*'transformers'"):
        engine_class("marian")


def test_loads_through_the_user_path(nllb, tiny_nllb_dir):
    assert isinstance(nllb, Engine)
    assert (nllb.name, nllb.family, nllb.device, nllb.revision) == ("transformers", "nllb", "cpu", "local")
    assert nllb.model_id == str(tiny_nllb_dir.resolve())
    assert nllb.model.config._attn_implementation == "eager"  # cross-attentions stay available


def test_nllb_language_codes(nllb):
    tok = nllb.tokenizer
    prefix, bos = nllb.language_setup("kk", "en")
    assert (prefix, bos) == ("", tok.convert_tokens_to_ids("eng_Latn"))
    assert tok("Сәлем")["input_ids"][0] == tok.convert_tokens_to_ids("kaz_Cyrl")
    prefix, bos = nllb.language_setup("en", "kk")
    assert bos == tok.convert_tokens_to_ids("kaz_Cyrl")
    assert tok("Hello")["input_ids"][0] == tok.convert_tokens_to_ids("eng_Latn")
    with pytest.raises(UsageError, match="no language code for 'de'"):
        nllb.language_setup("de", "en")


def test_output_starts_with_target_code(nllb):
    # The forced BOS is the target language: visible before special tokens are skipped.
    import torch

    nllb.language_setup("kk", "en")
    enc = nllb.tokenizer(["Сәлем"], return_tensors="pt")
    with torch.inference_mode():
        out = nllb.model.generate(**enc, max_new_tokens=3, forced_bos_token_id=nllb.tokenizer.convert_tokens_to_ids("eng_Latn"))
    assert nllb.tokenizer.convert_ids_to_tokens(int(out[0, 1])) == "eng_Latn"


def test_order_is_kept_across_length_sorting(nllb):
    together = nllb.translate(TEXTS, "kk", "en", OPTS)
    alone = [nllb.translate([t], "kk", "en", OPTS)[0] for t in TEXTS]
    assert [h[0].text for h in together] == [h[0].text for h in alone]
    small_batches = nllb.translate(TEXTS, "kk", "en", DecodeOptions(beam_size=2, max_length=6, batch_size=1))
    assert [h[0].text for h in small_batches] == [h[0].text for h in together]


def test_n_best_with_scores(nllb):
    result = nllb.translate(TEXTS, "kk", "en", DecodeOptions(beam_size=4, max_length=6, num_hypotheses=3))
    assert [len(h) for h in result] == [3, 3, 3]
    for hyps in result:
        assert all(isinstance(h, Hypothesis) for h in hyps)
        scores = [h.score for h in hyps]
        assert scores == sorted(scores, reverse=True) and all(s < 0 for s in scores)


def test_greedy_has_a_score(nllb):
    [[h]] = nllb.translate(["Астана"], "kk", "en", DecodeOptions(beam_size=1, max_length=6))
    assert h.text and h.score < 0


def test_max_length_bounds_output(nllb):
    short = nllb.translate(TEXTS, "kk", "en", DecodeOptions(beam_size=1, max_length=3))
    for hyps in short:
        assert len(nllb.tokenizer(hyps[0].text, add_special_tokens=False)["input_ids"]) <= 4


def test_progress_counts_sentences(nllb):
    seen = []
    nllb.translate(TEXTS, "kk", "en", DecodeOptions(beam_size=1, max_length=3, batch_size=1), progress=seen.append)
    assert seen == [1, 1, 1]


def test_empty_input(nllb):
    assert nllb.translate([], "kk", "en", OPTS) == []


def test_enforcement_hook_reaches_generate(nllb, monkeypatch):
    """Constraints go to kkaligner.engines.hf_forcing.generation_hooks; what it returns reaches generate."""
    import kkaligner.engines.transformers as tf_engine

    plain = nllb.translate(TEXTS[:1], "kk", "en", DecodeOptions(beam_size=2, max_length=6))[0][0].text
    banned = nllb.tokenizer(plain, add_special_tokens=False)["input_ids"][1]
    calls = []

    def generation_hooks(tokenizer, constraints, **kwargs):
        calls.append((constraints, kwargs))
        return {"bad_words_ids": [[banned]]}

    fake = types.SimpleNamespace(generation_hooks=generation_hooks)
    monkeypatch.setattr(tf_engine, "hf_forcing", fake)
    monkeypatch.setattr(tf_engine, "unforceable_constraints", lambda tokenizer, constraints: [[] for _ in constraints])
    constraint = Constraint(options=("Astana",))
    options = DecodeOptions(beam_size=2, max_length=6, num_hypotheses=2)
    out = nllb.translate(TEXTS[:1], "kk", "en", options, constraints=[[constraint]])
    (constraints, kwargs), *again = calls
    assert constraints == [[constraint]]
    assert kwargs["num_beams"] == 2 and kwargs["num_return_sequences"] == 2
    assert kwargs["target_lang_code"] == "eng_Latn"
    assert kwargs["max_length"] == 7 and kwargs["eos_token_id"] == 2
    assert kwargs["sources"] == TEXTS[:1] and kwargs["target_lang"] == "en"
    for h in out[0]:
        assert banned not in nllb.tokenizer(h.text, add_special_tokens=False)["input_ids"]
    # This hook forces nothing, so the draft lacks "Astana": the engine returns it as decoded (the
    # pipeline, not the engine, decodes such a sentence again without reading names).
    assert "Astana" not in out[0][0].text
    assert again == []
    unread = nllb.translate(TEXTS[:1], "kk", "en", dataclasses.replace(options, read_names=False), constraints=[[constraint]])
    assert unread and calls[-1][1]["sources"] is None
    # No constraints or enforcement off: the hook is not called.
    nllb.translate(TEXTS[:1], "kk", "en", options, constraints=[[]])
    nllb.translate(TEXTS[:1], "kk", "en", DecodeOptions(beam_size=2, max_length=6, enforce=False), constraints=[[constraint]])
    assert len(calls) == 2


def test_marian_without_metadata_passes_through(marian):
    assert marian.family == "marian"
    out = marian.translate(TEXTS, "kk", "en", OPTS)
    assert len(out) == 3 and all(h[0].text for h in out)
    assert marian.translate(TEXTS[:1], "en", "kk", OPTS)[0][0].text  # direction unknown: the caller decides


def test_marian_refuses_the_other_direction(tiny_marian_dir, tmp_path):
    folder = tmp_path / "opus-mt-kk-en"
    shutil.copytree(tiny_marian_dir, folder)
    config = json.loads((folder / "tokenizer_config.json").read_text())
    config.update(source_lang="kk", target_lang="en")
    (folder / "tokenizer_config.json").write_text(json.dumps(config))
    engine = TransformersEngine(str(folder), device="cpu")
    assert engine.translate(["Сәлем"], "kk", "en", OPTS)[0][0].text
    with pytest.raises(UsageError, match="kk→en only, not en→kk"):
        engine.translate(["Hello"], "en", "kk", OPTS)


def test_bad_model_folder(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(KkalignerError, match="has no weights and no tokenizer files") as err:
        TransformersEngine(str(tmp_path), device="cpu")
    assert err.value.exit_code == 3


def test_devices():
    import torch

    from kkaligner.engines.transformers import pick_device

    assert pick_device("auto") == ("cuda" if torch.cuda.is_available() else "cpu")
    assert pick_device("cpu") == "cpu"
    with pytest.raises(UsageError, match="unknown device 'tpu'"):
        pick_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="no CUDA GPU"):
            pick_device("cuda")


@settings(max_examples=200, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 300), max_size=60),
    batch_size=st.integers(1, 20),
    batch_tokens=st.integers(1, 2000),
)
def test_batches_cover_every_sentence_within_budget(lengths, batch_size, batch_tokens):
    from kkaligner.engines.base import batches as make_batches

    batches = make_batches(lengths, batch_size, batch_tokens)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert 1 <= len(b) <= batch_size
        padded = max(lengths[i] for i in b) * len(b)
        assert padded <= batch_tokens or len(b) == 1
