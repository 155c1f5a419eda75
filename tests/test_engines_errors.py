"""Both engines refuse bad devices, bad model folders and unwritable caches the same clear way."""

from __future__ import annotations

import shutil

import pytest

from kkaligner.engines import load_engine
from kkaligner.errors import DeviceError, EngineError, KkalignerError, UsageError

ENGINES = ["transformers", "ct2"]


def _load(engine, folder, tmp_path, **kw):
    if engine == "ct2":
        pytest.importorskip("ctranslate2")
        kw.setdefault("cache_dir", tmp_path / "ct2")
    return load_engine(engine, str(folder), allow_download=False, **kw)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("device", ["cuda", "cuda:7"])
def test_an_absent_gpu_is_the_same_error_on_both_engines(engine, device, tiny_nllb_dir, tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is visible here")
    with pytest.raises(DeviceError) as err:
        _load(engine, tiny_nllb_dir, tmp_path, device=device)
    assert err.value.exit_code == 3
    assert f"'{device}'" in str(err.value) and "--device cpu" in str(err.value)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("device", ["tpu", "cuda:x", "cpu:1"])
def test_an_unknown_device_lists_every_choice(engine, device, tiny_nllb_dir, tmp_path):
    with pytest.raises(UsageError) as err:
        _load(engine, tiny_nllb_dir, tmp_path, device=device)
    assert "'cuda:N'" in str(err.value) and err.value.exit_code == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unknown_engine_option_is_the_same_error_on_both(engine, tiny_nllb_dir, tmp_path):
    with pytest.raises(UsageError, match="has no option 'beam_sise'"):
        _load(engine, tiny_nllb_dir, tmp_path, device="cpu", beam_sise=4)


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_weights_are_a_clean_error(engine, tiny_nllb_dir, tmp_path):
    folder = shutil.copytree(tiny_nllb_dir, tmp_path / "model")
    weights = next(p for p in folder.iterdir() if p.suffix in (".safetensors", ".bin"))
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 3])
    with pytest.raises(KkalignerError) as err:
        _load(engine, folder, tmp_path, device="cpu")
    message = str(err.value)
    assert isinstance(err.value, EngineError) and err.value.exit_code == 3
    assert "cut short" in message and "copy the whole folder again" in message
    assert "models download" not in message  # a local folder is not downloaded


def test_an_unwritable_conversion_cache_is_a_clean_error(tiny_nllb_dir, tmp_path, monkeypatch):
    pytest.importorskip("ctranslate2")
    import kkaligner.engines.ct2.convert as convert

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkdtemp", refuse)
    with pytest.raises(EngineError, match="KKALIGNER_CACHE"):
        _load("ct2", tiny_nllb_dir, tmp_path, device="cpu")
