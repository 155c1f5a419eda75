"""Model presets, name resolution, the Hugging Face cache, downloads and the missing-model error."""

from __future__ import annotations

import pytest

from kkaligner import models
from kkaligner.errors import ModelNotFoundError, UsageError

HASH = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def hf_home(tmp_path, monkeypatch):
    """An empty Hugging Face home for this test, online unless the test says otherwise."""
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    for var in ("HF_HUB_CACHE", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path / "hf"


def fake_cached_repo(cache, hub_id: str, files=("config.json",), size: int = 10):
    """Lay out ``hub_id`` in the cache as huggingface_hub does: blobs, a snapshot of links, refs/main."""
    repo = cache / ("models--" + hub_id.replace("/", "--"))
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(HASH)
    snapshot = repo / "snapshots" / HASH
    snapshot.mkdir(parents=True)
    (repo / "blobs").mkdir()
    for i, name in enumerate(files):
        blob = repo / "blobs" / f"{i:040x}"
        blob.write_bytes(b"x" * size)
        (snapshot / name).symlink_to(blob)
    return snapshot


# Golden table: the presets and the published FLORES-200 kk→en chrF++ the README quotes.
PRESET_TABLE = [
    ("nllb-600m", "facebook/nllb-200-distilled-600M", "600M", "CC-BY-NC-4.0", 54.2),
    ("nllb-1.3b", "facebook/nllb-200-distilled-1.3B", "1.3B", "CC-BY-NC-4.0", 57.2),
]


@pytest.mark.parametrize("name,hub_id,params,licence,chrf", PRESET_TABLE)
def test_presets(name, hub_id, params, licence, chrf):
    p = models.PRESETS[name]
    assert (p.hub_id, p.params, p.licence, p.chrf_kk_en) == (hub_id, params, licence, chrf)
    assert not p.commercial_use
    assert "non-commercial" in p.note


def test_default_is_a_preset():
    assert models.DEFAULT_MODEL in models.PRESETS
    from kkaligner.cli import translate as cli_translate

    assert cli_translate.DEFAULT_MODEL == models.DEFAULT_MODEL  # the CLI's copy must not drift


def test_resolve_preset_hub_id_and_folder(tmp_path):
    ref = models.resolve_model("NLLB-600M")
    assert (ref.kind, ref.hub_id, ref.preset.name) == ("hub", "facebook/nllb-200-distilled-600M", "nllb-600m")
    assert models.resolve_model("facebook/nllb-200-distilled-1.3b").preset.name == "nllb-1.3b"
    ref = models.resolve_model("Helsinki-NLP/opus-mt-en-trk")
    assert (ref.kind, ref.hub_id, ref.preset) == ("hub", "Helsinki-NLP/opus-mt-en-trk", None)
    ref = models.resolve_model(tmp_path)
    assert (ref.kind, ref.path, ref.model_id) == ("local", tmp_path.resolve(), str(tmp_path.resolve()))


@pytest.mark.parametrize("name", ["./no-such-model", "/no/such/model", "../x/y/z", "~/nope-kkaligner"])
def test_missing_folder_is_not_taken_for_a_hub_id(name):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        models.resolve_model(name)


def test_file_is_not_a_model(tmp_path):
    f = tmp_path / "weights.bin"
    f.write_bytes(b"")
    with pytest.raises(ModelNotFoundError, match="is a file"):
        models.resolve_model(f)


def test_empty_name():
    with pytest.raises(UsageError, match="nllb-600m"):
        models.resolve_model("  ")


def test_cache_dir_follows_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "home"))
    assert models.cache_dir() == tmp_path / "home" / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    assert models.cache_dir() == tmp_path / "cache"


@pytest.mark.parametrize("value,expected", [("1", True), ("true", True), ("ON", True), ("0", False), ("", False)])
def test_offline(value, expected, monkeypatch):
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", value)
    assert models.offline() is expected


def test_cached_model_is_found_without_network(hf_home, monkeypatch):
    snapshot = fake_cached_repo(hf_home / "hub", "facebook/nllb-200-distilled-600M", ("config.json", "model.bin"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(models, "_probe", lambda *a, **k: pytest.fail("the Hub was asked for a cached model"))
    ref, folder = models.locate("nllb-600m")
    assert folder == snapshot
    assert models.revision_of(folder) == HASH
    assert models.is_cached("nllb-600m") and not models.is_cached("nllb-1.3b")
    rows = {r.preset.name: r for r in models.list_models()}
    assert rows["nllb-600m"].cached and rows["nllb-600m"].size_on_disk == 20
    assert not rows["nllb-1.3b"].cached and rows["nllb-1.3b"].size_on_disk is None
    assert rows["nllb-600m"].default


def test_revision_of_local_folder(tmp_path):
    assert models.revision_of(tmp_path) == "local"


def _assert_clear(message: str, name: str = "nllb-600m"):
    assert name in message
    assert f"kkalign models download {name}" in message
    assert "--model PATH" in message
    assert "\n" not in message


def test_offline_and_not_cached(hf_home, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotFoundError) as info:
        models.locate("nllb-600m")
    _assert_clear(str(info.value))
    assert "HF_HUB_OFFLINE" in str(info.value) and str(hf_home) in str(info.value)
    with pytest.raises(ModelNotFoundError):
        models.download("nllb-600m")


def test_unreachable_hub(hf_home, monkeypatch):
    import huggingface_hub

    def refuse(self, *a, **k):
        raise ConnectionError("Name or service not known")

    monkeypatch.setattr(huggingface_hub.HfApi, "model_info", refuse)
    with pytest.raises(ModelNotFoundError) as info:
        models.locate("nllb-1.3b")
    _assert_clear(str(info.value), "nllb-1.3b")
    assert "cannot be reached" in str(info.value)


def test_unknown_hub_repo(hf_home, monkeypatch):
    import huggingface_hub
    from huggingface_hub.utils import RepositoryNotFoundError

    def missing(self, *a, **k):
        exc = RepositoryNotFoundError.__new__(RepositoryNotFoundError)
        Exception.__init__(exc, "404")
        raise exc

    monkeypatch.setattr(huggingface_hub.HfApi, "model_info", missing)
    with pytest.raises(ModelNotFoundError, match="nllb-600m.*not a model on the Hugging Face Hub"):
        models.locate("someone/no-such-model")


def test_no_download_when_not_allowed(hf_home):
    with pytest.raises(ModelNotFoundError, match="downloading is turned off"):
        models.locate("nllb-600m", allow_download=False)


@pytest.mark.parametrize(
    "files,skips_bin", [(["config.json", "model.safetensors", "pytorch_model.bin"], True), (["config.json", "pytorch_model.bin"], False)]
)
def test_download_fetches_one_weights_format(files, skips_bin, hf_home, monkeypatch):
    import huggingface_hub

    calls = {}
    monkeypatch.setattr(models, "_probe", lambda ref, timeout=5.0: files)

    def snapshot_download(repo_id, **kwargs):
        calls.update(kwargs, repo_id=repo_id)
        return str(hf_home / "hub" / "snap")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", snapshot_download)
    folder = models.download("nllb-600m", progress=False)
    assert folder == hf_home / "hub" / "snap"
    assert calls["repo_id"] == "facebook/nllb-200-distilled-600M"
    assert calls["cache_dir"] == hf_home / "hub"
    assert ("*.bin" in calls["ignore_patterns"]) is skips_bin
    assert "*.h5" in calls["ignore_patterns"]


def test_download_of_local_folder_is_the_folder(tmp_path):
    assert models.download(str(tmp_path)) == tmp_path.resolve()


def test_models_list_cli(run_cli, hf_home):
    result = run_cli(["models", "list"])
    assert result.exit_code == 0, result.stderr
    for name, hub_id, _, licence, chrf in PRESET_TABLE:
        assert name in result.stdout and hub_id in result.stdout and str(chrf) in result.stdout
    assert "CC-BY-NC-4.0" in result.stdout and "non-commercial" in result.stdout
    assert "nllb-600m *" in result.stdout


def test_models_download_cli_offline(run_cli, hf_home):
    result = run_cli(["models", "download", "nllb-600m"], env={"HF_HUB_OFFLINE": "1"})
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr
    _assert_clear(result.stderr.strip().removeprefix("kkalign: error: "))


@pytest.mark.parametrize("files", [(), ("config.json",)], ids=["empty", "config-only"])
def test_incomplete_local_folder_says_what_a_saved_model_needs(files, tmp_path, run_cli):
    folder = tmp_path / "my-model"
    folder.mkdir()
    for name in files:
        (folder / name).write_text('{"model_type": "m2m_100"}', encoding="utf-8")
    result = run_cli(["translate", "-", "--model", folder, "--engine", "transformers", "-q"], input="Сәлем.\n")
    assert result.exit_code == 3
    message = result.stderr
    assert "Traceback" not in message and message.count("\n") == 1
    assert "sentencepiece" not in message.lower().replace("sentencepiece/", "")
    assert "models download" not in message
    assert "config.json" in message and "model.safetensors" in message and "tokenizer" in message
    assert ("is empty" if not files else "has no weights and no tokenizer files") in message


def test_complete_local_folder_passes_the_check(tiny_nllb_dir):
    from kkaligner.models import check_local_folder, locate

    check_local_folder(tiny_nllb_dir)
    assert locate(str(tiny_nllb_dir))[1] == tiny_nllb_dir.resolve()
