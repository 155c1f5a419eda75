"""The CUDA code paths of both engines and the pipeline, on the tiny models.

Skipped, with the reason, where no CUDA GPU is visible (torch and CTranslate2 each asked). On a
machine with one: decoding in the GPU compute types, glossary forcing there, and the same texts as
the CPU in float32 where the arithmetic allows it (greedy search on a tiny model).
"""

from __future__ import annotations

import pytest

from kkaligner.engines.base import DecodeOptions
from kkaligner.types import Constraint, Term

KK = ["Ресей президенті Владимир Путин Қазақстан.", "Бәйтерек зымыран кешенін Байқоңырда атауды ұсынды."]
BAIKONUR = Term(source="Байқоңыр", target="Baikonur")


def _torch_gpus() -> int:
    try:
        import torch
    except ImportError:
        return 0
    return torch.cuda.device_count() if torch.cuda.is_available() else 0


def _ct2_gpus() -> int:
    try:
        import ctranslate2
    except ImportError:
        return 0
    return ctranslate2.get_cuda_device_count()


TORCH_GPU = pytest.mark.skipif(_torch_gpus() == 0, reason="no CUDA GPU visible to torch (a CPU build, or no GPU)")
CT2_GPU = pytest.mark.skipif(_ct2_gpus() == 0, reason="no CUDA GPU visible to CTranslate2")


@CT2_GPU
@pytest.mark.parametrize("compute", ["float16", "int8_float16", "float32"])
def test_ct2_on_cuda_decodes_and_forces(tiny_nllb_dir, tmp_path, compute):
    from kkaligner.engines.ct2 import Ct2Engine

    engine = Ct2Engine(str(tiny_nllb_dir), device="cuda", compute_type=compute, cache_dir=tmp_path,
                       status=lambda m: None)
    try:
        assert (engine.device, engine.compute_type) == ("cuda", compute)
        options = DecodeOptions(beam_size=2, max_length=16)
        plain = engine.translate(KK, "kk", "en", options)
        assert all(h and h[0].text for h in plain)
        constraints = [[], [Constraint(options=("Baikonur",), term=BAIKONUR)]]
        forced = engine.translate(KK, "kk", "en", options, constraints)
        assert "Baikonur" in forced[1][0].text
        if compute == "float32":
            cpu = Ct2Engine(str(tiny_nllb_dir), device="cpu", compute_type="float32", cache_dir=tmp_path,
                            status=lambda m: None)
            greedy = DecodeOptions(beam_size=1, max_length=16)
            assert [h[0].text for h in cpu.translate(KK, "kk", "en", greedy)] == \
                [h[0].text for h in engine.translate(KK, "kk", "en", greedy)]
            cpu.close()
    finally:
        engine.close()


@TORCH_GPU
@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32"])
def test_transformers_on_cuda_decodes_and_forces(tiny_nllb_dir, dtype):
    from kkaligner.engines.transformers import TransformersEngine

    engine = TransformersEngine(str(tiny_nllb_dir), device="cuda", dtype=dtype)
    try:
        assert engine.device.startswith("cuda")
        options = DecodeOptions(beam_size=2, max_length=16)
        constraints = [[], [Constraint(options=("Baikonur",), term=BAIKONUR)]]
        out = engine.translate(KK, "kk", "en", options, constraints)
        assert out[0][0].text and "Baikonur" in out[1][0].text
    finally:
        engine.close()


@CT2_GPU
def test_the_pipeline_on_cuda(tiny_nllb_dir, tmp_path):
    from kkaligner.pipeline import Translator

    with Translator(str(tiny_nllb_dir), engine="ct2", device="cuda", memory=False, beam_size=2, max_length=16,
                    engine_options={"cache_dir": tmp_path, "status": lambda m: None}) as translator:
        draft = translator.translate(" ".join(KK))
    assert len(draft.sentences) == 2 and all(s.target for s in draft.sentences)
    assert draft.signature.compute_type == "float16"  # CTranslate2's default on CUDA
