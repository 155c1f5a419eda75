"""The CTranslate2 engine on the tiny models: same ids as transformers, conversion cache, enforcement."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("ctranslate2")

from kkaligner.engines.base import DecodeOptions, Engine  # noqa: E402
from kkaligner.terms import repaired, satisfies  # noqa: E402
from kkaligner.errors import EngineError, UsageError  # noqa: E402
from kkaligner.types import Constraint, Term  # noqa: E402

KK = [
    "Ресей президенті Владимир Путин Қазақстан.",
    "Бәйтерек зымыран кешенін Байқоңырда атауды ұсынды Роскосмос Астана жоба бюджеті.",
    "Мәскеу көрмесін аралап",
]
GREEDY = DecodeOptions(beam_size=1, max_length=16)


@pytest.fixture(scope="module")
def ct2_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("ct2-cache")


def _engine(model_dir, cache, compute="float32", **kw):
    from kkaligner.engines.ct2 import Ct2Engine

    messages = []
    engine = Ct2Engine(str(model_dir), device="cpu", compute_type=compute, cache_dir=cache,
                       status=messages.append, intra_threads=1, **kw)
    return engine, messages


@pytest.fixture(scope="module")
def nllb(tiny_nllb_dir, ct2_cache):
    engine, _ = _engine(tiny_nllb_dir, ct2_cache)
    yield engine
    engine.close()


@pytest.fixture(scope="module")
def marian(tiny_marian_dir, ct2_cache):
    engine, _ = _engine(tiny_marian_dir, ct2_cache)
    yield engine
    engine.close()


def _hf_greedy_ids(model_dir, texts, family, max_new_tokens):
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForSeq2SeqLM.from_pretrained(str(model_dir)).eval()
    kwargs = {}
    if family == "nllb":
        tok.src_lang = "kaz_Cyrl"
        kwargs["forced_bos_token_id"] = tok.convert_tokens_to_ids("eng_Latn")
    out = []
    for text in texts:  # one at a time: no padding, so nothing but the decoder can differ
        enc = tok([text], return_tensors="pt")
        with torch.inference_mode():
            ids = model.generate(**enc, num_beams=1, do_sample=False, max_new_tokens=max_new_tokens, **kwargs)
        seq = ids[0].tolist()[1:]  # drop the decoder start token
        while seq and seq[-1] == tok.pad_token_id:
            seq.pop()
        out.append(seq)
    return out


@pytest.mark.parametrize("family", ["nllb", "marian"])
def test_greedy_ids_equal_transformers_float32(family, request):
    engine = request.getfixturevalue(family)
    model_dir = request.getfixturevalue(f"tiny_{family}_dir")
    expected = _hf_greedy_ids(model_dir, KK, family, GREEDY.max_length)
    source, prefix = engine.encode(KK, "kk", "en")
    assert prefix == (["eng_Latn"] if family == "nllb" else [])
    results = engine.decode(source, [prefix] * len(KK), GREEDY)
    got = [engine.tokenizer.convert_tokens_to_ids(r.hypotheses[0]) for r in results]
    eos = engine.tokenizer.eos_token_id
    # CTranslate2 leaves the end token out; transformers keeps it.
    expected = [e[:-1] if e and e[-1] == eos else e for e in expected]
    assert got == expected


def test_texts_equal_the_transformers_engine(nllb, tiny_nllb_dir):
    from kkaligner.engines.transformers import TransformersEngine

    hf = TransformersEngine(str(tiny_nllb_dir), device="cpu")
    try:
        expected = hf.translate(KK, "kk", "en", GREEDY)
    finally:
        hf.close()
    got = nllb.translate(KK, "kk", "en", GREEDY)
    assert [h[0].text for h in got] == [h[0].text for h in expected]


def test_is_an_engine_with_identity(nllb, tiny_nllb_dir):
    assert isinstance(nllb, Engine)
    assert nllb.name == "ct2" and nllb.device == "cpu" and nllb.compute_type == "float32"
    assert nllb.model_id == str(Path(tiny_nllb_dir).resolve()) and nllb.revision == "local"


def test_language_codes_follow_the_direction(nllb):
    source, prefix = nllb.encode(["Russian president"], "en", "kk")
    assert source[0][0] == "eng_Latn" and source[0][-1] == "</s>" and prefix == ["kaz_Cyrl"]
    with pytest.raises(UsageError, match="no language code"):
        nllb.translate(["x"], "kk", "xx")


def test_batching_order_progress_and_empty(nllb):
    texts = [KK[1], "", KK[0], KK[2] * 3, KK[0]]
    done = []
    options = replace(GREEDY, batch_size=2, batch_tokens=40)
    out = nllb.translate(texts, "kk", "en", options, progress=done.append)
    assert len(out) == len(texts) and sum(done) == len(texts)
    assert out[1][0].text == ""
    one_by_one = [nllb.translate([t], "kk", "en", GREEDY)[0][0].text for t in texts]
    assert [h[0].text for h in out] == one_by_one
    assert nllb.translate([], "kk", "en") == []


def test_token_budget_batches():
    from kkaligner.engines.base import batches as make_batches

    lengths = [5, 30, 7, 12, 30, 1, 100]
    batches = make_batches(lengths, batch_size=3, batch_tokens=60)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 3
        assert len(b) == 1 or len(b) * max(lengths[i] for i in b) <= 60
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat, reverse=True)  # sorted by length: little padding


def test_beam_nbest_and_scores(nllb):
    options = DecodeOptions(beam_size=4, num_hypotheses=3, max_length=12)
    out = nllb.translate(KK[:2], "kk", "en", options)
    for hyps in out:
        assert len(hyps) == 3
        assert len({h.text for h in hyps}) == 3
        assert [h.score for h in hyps] == sorted((h.score for h in hyps), reverse=True)


def test_min_new_tokens_fixes_the_length(nllb):
    options = DecodeOptions(beam_size=2, max_length=10, min_new_tokens=10)
    source, prefix = nllb.encode(KK, "kk", "en")
    for r in nllb.decode(source, [prefix] * len(KK), options):
        assert len(r.hypotheses[0]) == 10  # the language code counts, as in transformers


# --- conversion cache ---------------------------------------------------------------------------


def test_conversion_is_cached_and_reused(tiny_marian_dir, tmp_path):
    first, m1 = _engine(tiny_marian_dir, tmp_path)
    folder = first.ct2_dir
    stamp = (folder / "model.bin").stat().st_mtime_ns
    first.close()
    assert any("converting" in m for m in m1) and any("converted" in m for m in m1)
    second, m2 = _engine(tiny_marian_dir, tmp_path)
    assert second.ct2_dir == folder and (folder / "model.bin").stat().st_mtime_ns == stamp
    assert any("using the CTranslate2 conversion" in m for m in m2) and not any("converting" in m for m in m2)
    second.close()
    # Another quantization is another entry; no temporary folders are left behind.
    third, _ = _engine(tiny_marian_dir, tmp_path, compute="int8")
    assert third.ct2_dir != folder and third.ct2_dir.name.endswith("--int8")
    third.close()
    assert sorted(p.name.startswith(".") for p in tmp_path.iterdir()) == [False, False]


def test_cache_key_has_model_revision_and_quantization(tmp_path):
    from kkaligner.engines.ct2 import cache_key

    hub = cache_key("facebook/nllb-200-distilled-600M", "f8d333a098d19b4fd9a8b18f94170487ad3f821d", "int8")
    assert hub == "facebook--nllb-200-distilled-600M--f8d333a098d1--int8"
    assert cache_key("facebook/nllb-200-distilled-600M", "0" * 40, "int8") != hub
    model = tmp_path / "m"
    model.mkdir()
    (model / "config.json").write_text('{"a": 1}')
    (model / "model.safetensors").write_bytes(b"x")
    key = cache_key(str(model), "local", "int8", model)
    assert key.endswith("--int8") and "local-" in key
    (model / "model.safetensors").write_bytes(b"xy")  # retrained in place: a new conversion
    assert cache_key(str(model), "local", "int8", model) != key


def test_interrupted_or_failed_conversion_leaves_no_cache(tiny_marian_dir, tmp_path, monkeypatch):
    import ctranslate2

    def boom(self, output_dir, **kw):
        Path(output_dir, "model.bin").write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(ctranslate2.converters.TransformersConverter, "convert", boom)
    with pytest.raises(KeyboardInterrupt):
        _engine(tiny_marian_dir, tmp_path)
    assert list(tmp_path.iterdir()) == []  # neither a final folder nor a temporary one

    def fail(self, output_dir, **kw):
        raise RuntimeError("unsupported architecture")

    monkeypatch.setattr(ctranslate2.converters.TransformersConverter, "convert", fail)
    with pytest.raises(EngineError, match="converting .* failed.*unsupported architecture"):
        _engine(tiny_marian_dir, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_broken_cache_entry_is_converted_again(tiny_marian_dir, tmp_path):
    from kkaligner.engines.ct2 import cache_key

    key = cache_key(str(Path(tiny_marian_dir).resolve()), "local", "float32", Path(tiny_marian_dir).resolve())
    broken = tmp_path / key
    broken.mkdir()
    (broken / "model.bin").write_bytes(b"truncated")  # no marker: an old interrupted copy
    engine, messages = _engine(tiny_marian_dir, tmp_path)
    assert any("converting" in m for m in messages)
    assert engine.translate(KK[:1], "kk", "en", GREEDY)[0][0].text
    engine.close()


def test_missing_ctranslate2_says_how_to_install(monkeypatch, tiny_marian_dir):
    from kkaligner.engines.ct2 import Ct2Engine

    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # import fails as if not installed
    with pytest.raises(EngineError, match=r"pip install 'kkaligner\[fast\]'"):
        Ct2Engine(str(tiny_marian_dir), device="cpu")


def test_bad_compute_type_and_device(tiny_marian_dir):
    from kkaligner.engines.ct2 import Ct2Engine

    with pytest.raises(UsageError, match="int8"):
        Ct2Engine(str(tiny_marian_dir), device="cpu", compute_type="int3")
    with pytest.raises(UsageError, match="'cpu'"):
        Ct2Engine(str(tiny_marian_dir), device="tpu")


def test_registry_and_auto(tiny_marian_dir, ct2_cache):
    from kkaligner.engines import ENGINES, auto_engine, load_engine
    from kkaligner.engines.ct2 import Ct2Engine

    assert "ct2" in ENGINES
    assert auto_engine() == "ct2"
    engine = load_engine("ct2", str(tiny_marian_dir), device="cpu", compute_type="float32",
                         cache_dir=ct2_cache, status=lambda m: None)
    assert isinstance(engine, Ct2Engine)
    engine.close()


def test_loading_an_already_converted_folder(nllb, tiny_nllb_dir):
    from kkaligner.engines.ct2 import Ct2Engine

    direct = Ct2Engine(str(nllb.ct2_dir), device="cpu", compute_type="float32", tokenizer=str(tiny_nllb_dir),
                       intra_threads=1)
    assert direct.translate(KK, "kk", "en", GREEDY) == nllb.translate(KK, "kk", "en", GREEDY)
    direct.close()


# --- enforcement ----------------------------------------------------------------------------------

BAIKONUR = Term(source="Байқоңыр", target="Baikonur", forbidden=("Baykonur",))


@pytest.mark.parametrize("family", ["nllb", "marian"])
@pytest.mark.parametrize("beam", [1, 3])
def test_prefix_forcing_puts_the_term_in(family, beam, request):
    engine = request.getfixturevalue(family)
    options = DecodeOptions(beam_size=beam, max_length=20)
    plain = engine.translate(KK, "kk", "en", options)
    assert all(satisfies(h[0].text, Constraint(options=("Baikonur",))) is None for h in plain)
    constraints = [[], [Constraint(options=("Baikonur",), forbidden=("Baykonur",), term=BAIKONUR)], []]
    out = engine.translate(KK, "kk", "en", options, constraints)
    assert satisfies(out[1][0].text, constraints[1][0]) is not None
    assert out[0] == plain[0] and out[2] == plain[2]  # sentences without terms are untouched


def test_two_terms_are_both_forced(nllb):
    astana = Term(source="Астана", target="Astana")
    constraints = [[Constraint(options=("Baikonur",), term=BAIKONUR), Constraint(options=("Astana",), term=astana)]]
    out = nllb.translate([KK[1]], "kk", "en", DecodeOptions(beam_size=2, max_length=24), constraints)
    text = out[0][0].text
    assert all(satisfies(text, c) for c in constraints[0]), text


def test_forbidden_variant_is_suppressed(nllb):
    options = DecodeOptions(beam_size=2, max_length=16)
    plain = nllb.translate([KK[0]], "kk", "en", options)[0][0].text
    word = max(plain.split(), key=len)  # whatever the random model likes to write
    term = Term(source="Ресей", target="Russia", forbidden=(word,))
    out = nllb.translate([KK[0]], "kk", "en", options, [[Constraint(options=("Russia",), forbidden=(word,), term=term)]])
    constraint = Constraint(options=("Russia",), forbidden=(word,), term=term)
    text = repaired(out[0][0].text, [constraint], "en")  # the variant counts as the term; the repair replaces it
    assert word not in text.split() and "Russia" in text


def test_unforceable_rendering_is_reported_with_the_sentence(nllb):
    c = Constraint(options=("北京",), term=Term(source="Бейжің", target="北京"))
    out = nllb.translate([KK[0], KK[1]], "kk", "en", GREEDY, [[c], []])
    assert out[0][0].text and out[0][0].unforceable == ("北京",)
    assert out[1][0].unforceable == ()


def test_enforce_off_ignores_constraints(nllb):
    constraints = [[Constraint(options=("Baikonur",), term=BAIKONUR)]]
    options = replace(GREEDY, enforce=False)
    assert nllb.translate([KK[1]], "kk", "en", options, constraints) == nllb.translate([KK[1]], "kk", "en", options)


@pytest.mark.parametrize(
    "source, lemma, expected",
    [
        ("Байқоңырдағы ұшыру", "Байқоңыр", ["Байқоңырдағы"]),
        ("Ол Байқоңырға барды", "байқоңыр", ["Байқоңырға"]),
        ("кітабы үстелде", "кітап", ["кітабы"]),  # stem-final п voiced to б
        ("Нұрсұлтан Назарбаевтың атымен", "Нұрсұлтан Назарбаев", ["Нұрсұлтан Назарбаевтың"]),
        ("Астана мен Астанада", "Астана", ["Астана", "Астанада"]),
        ("Жаңаастана", "Астана", []),  # not at a word start
        ("Мәскеу", "Байқоңыр", []),
    ],
)
def test_source_spans_find_inflected_forms(source, lemma, expected):
    from kkaligner.engines.ct2.forcing import source_spans

    assert [source[a:b] for a, b in source_spans(source, lemma)] == expected


def test_source_token_indices_cover_the_term(nllb):
    from kkaligner.engines.ct2.forcing import source_token_indices

    source = KK[1]
    pieces = nllb.encode([source], "kk", "en")[0][0]
    idx = source_token_indices(source, pieces, {"kaz_Cyrl", "</s>"}, Constraint(options=("Baikonur",), term=BAIKONUR))
    assert idx and "".join(pieces[i] for i in idx).replace("\u2581", "") == "Байқоңырда"


def test_memory_wrapper_over_ct2(nllb, tmp_path):
    from kkaligner.memory import MemoryEngine, TranslationMemory

    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        wrapped = MemoryEngine(nllb, memory, context="no-glossary")
        first = wrapped.translate(KK, "kk", "en", GREEDY)
        second = wrapped.translate(KK, "kk", "en", GREEDY)
    assert first == second == nllb.translate(KK, "kk", "en", GREEDY)
    assert wrapped.stats.hits == len(KK) and wrapped.stats.misses == len(KK)


@pytest.mark.parametrize(
    "dtype, quantize, device, expected",
    [
        ("auto", None, "cpu", "auto"),
        ("auto", None, "cuda", "auto"),
        ("auto", True, "cpu", "int8"),
        ("auto", True, "cuda", "int8_float16"),
        ("auto", False, "cpu", "float32"),
        ("auto", False, "cuda", "float16"),
        ("float32", True, "cpu", "int8"),
        ("float32", True, "cuda", "int8_float32"),
        ("bfloat16", None, "cpu", "bfloat16"),
        ("bfloat16", True, "cpu", "int8_bfloat16"),
        ("float16", False, "cuda", "float16"),
    ],
)
def test_engine_neutral_dtype_and_quantize_map_to_compute_types(dtype, quantize, device, expected):
    from kkaligner.engines.ct2 import _compute_from

    assert _compute_from(dtype, quantize, device) == expected


def test_no_quantize_gives_float_weights(tiny_marian_dir, ct2_cache):
    from kkaligner.engines.ct2 import Ct2Engine

    engine = Ct2Engine(str(tiny_marian_dir), device="cpu", quantize=False, cache_dir=ct2_cache,
                       status=lambda m: None, intra_threads=1)
    assert engine.compute_type == "float32" and engine.ct2_dir.name.endswith("--float32")
    engine.close()
    with pytest.raises(UsageError, match="not supported on this cpu"):
        Ct2Engine(str(tiny_marian_dir), device="cpu", dtype="float16", quantize=True, cache_dir=ct2_cache)


# --- the tokenizer without torch ------------------------------------------------------------------

TOKENIZER_TEXTS = ["Ресей президенті Владимир Путин Қазақстан.", "Hello , world ! It 's  fine .", "", "  a  b ",
                   "Байқоңыр ғарыш айлағы 1955 жылы", "don't 北京 ."]


@pytest.mark.parametrize("legacy", [False, True])
def test_nllb_json_tokenizer_reads_like_transformers(tiny_nllb_dir, tmp_path, legacy):
    """Golden comparison: same ids (language code first, or last with legacy_behaviour), pieces,
    decoded text, vocabulary and special tokens as transformers' NllbTokenizer."""
    import json
    import shutil

    from transformers import AutoTokenizer

    from kkaligner.engines.ct2 import NllbJsonTokenizer

    folder = tmp_path / "tok"
    folder.mkdir()
    for name in ("tokenizer.json", "tokenizer_config.json", "config.json"):
        shutil.copy(Path(tiny_nllb_dir) / name, folder / name)
    config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    config["legacy_behaviour"] = legacy
    (folder / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    ref, ours = AutoTokenizer.from_pretrained(str(folder)), NllbJsonTokenizer.load(folder)
    assert ours is not None
    for lang in ("kaz_Cyrl", "eng_Latn"):
        ref.src_lang = ours.src_lang = lang
        ids = ref(TOKENIZER_TEXTS, add_special_tokens=True)["input_ids"]
        assert ours(TOKENIZER_TEXTS, add_special_tokens=True)["input_ids"] == ids
        assert ours.convert_ids_to_tokens(ids[0]) == ref.convert_ids_to_tokens(ids[0])
        assert ours.batch_decode(ids, skip_special_tokens=True) == ref.batch_decode(ids, skip_special_tokens=True)
        assert ours.batch_decode(ids) == ref.batch_decode(ids)
    for text in TOKENIZER_TEXTS:
        assert (ours(text_target=text, add_special_tokens=False)["input_ids"]
                == ref(text_target=text, add_special_tokens=False)["input_ids"])
    assert ours.get_vocab() == ref.get_vocab() and len(ours) == len(ref)
    assert sorted(ours.all_special_tokens) == sorted(ref.all_special_tokens)
    assert ours.convert_tokens_to_ids(["no-such-piece", "eng_Latn"]) == ref.convert_tokens_to_ids(["no-such-piece", "eng_Latn"])
    assert (ours.eos_token_id, ours.unk_token_id, ours.pad_token_id) == (ref.eos_token_id, ref.unk_token_id, ref.pad_token_id)


def test_only_nllb_folders_get_the_json_tokenizer(nllb, marian, tiny_marian_dir):
    from kkaligner.engines.ct2 import NllbJsonTokenizer

    assert isinstance(nllb.tokenizer, NllbJsonTokenizer)
    assert NllbJsonTokenizer.load(Path(tiny_marian_dir)) is None  # sentencepiece files: transformers reads them
    assert not isinstance(marian.tokenizer, NllbJsonTokenizer)


def test_a_converted_nllb_model_runs_without_torch(nllb, tiny_nllb_dir, ct2_cache):
    """Loading and translating with an existing conversion imports neither torch nor transformers
    (about 0.2 GB of resident memory that CTranslate2 never uses)."""
    import subprocess

    code = (
        "import sys\n"
        "from kkaligner.engines.ct2 import Ct2Engine\n"
        f"e = Ct2Engine({str(tiny_nllb_dir)!r}, device='cpu', compute_type='float32', cache_dir={str(ct2_cache)!r},"
        " status=lambda m: None, intra_threads=1)\n"
        "from kkaligner.engines.base import DecodeOptions\n"
        "from kkaligner.types import Constraint\n"
        "out = e.translate(['Байқоңырда зымыран ұшырылды.'], 'kk', 'en', DecodeOptions(beam_size=2, max_length=12),"
        " [[Constraint(options=('Baikonur',))]])\n"
        "assert 'Baikonur' in out[0][0].text, out\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_a_tokenizer_saved_with_padding_does_not_pad_the_sources(tiny_nllb_dir, tmp_path, ct2_cache):
    """A fine-tuned model's tokenizer.json often keeps the padding (and truncation) of its last
    training call; a pad token inside a source changes its translation, so the engine drops both."""
    import json
    import shutil

    folder = tmp_path / "padded"
    shutil.copytree(tiny_nllb_dir, folder)
    path = folder / "tokenizer.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["padding"] = {"strategy": "BatchLongest", "direction": "Right", "pad_to_multiple_of": None,
                       "pad_id": 1, "pad_type_id": 0, "pad_token": "<pad>"}
    data["truncation"] = {"direction": "Right", "max_length": 4, "strategy": "LongestFirst", "stride": 0}
    path.write_text(json.dumps(data), encoding="utf-8")
    engine, _ = _engine(folder, ct2_cache)
    try:
        texts = [KK[0], "Иә."]
        batch, _ = engine.encode(texts, "kk", "en")
        alone = [engine.encode([t], "kk", "en")[0][0] for t in texts]
        assert batch == alone
        assert all("<pad>" not in tokens for tokens in batch) and len(batch[0]) > 6
        together = engine.translate(texts, "kk", "en", GREEDY)
        assert [h[0].text for h in together] == [engine.translate([t], "kk", "en", GREEDY)[0][0].text for t in texts]
    finally:
        engine.close()


def test_a_forced_sentence_decodes_the_same_whatever_its_batch_mates(nllb):
    # A server batches many clients' sentences: a forcing decode runs to its longest member's
    # length limit, and a sentence must not run on past its own because of a longer mate.
    texts = KK + ["Астана", "Қазақстан Ресей Мәскеу Астана Байқоңыр көрмесін аралап атауды ұсынды жоба"]
    constraints = [[Constraint(options=("Baikonur",), term=BAIKONUR)] for _ in texts]
    options = DecodeOptions(beam_size=2, max_length=40)
    together = nllb.translate(texts, "kk", "en", options, constraints)
    alone = [nllb.translate([t], "kk", "en", options, [c])[0] for t, c in zip(texts, constraints)]
    assert [h[0].text for h in together] == [h[0].text for h in alone]
    assert all("Baikonur" in h[0].text for h in together)
