"""Translation models: presets by short name, Hub ids, local folders, and the Hugging Face cache.

A model is named by a preset (``nllb-600m``), a Hub id (``facebook/nllb-200-distilled-600M``) or a
local folder saved with ``save_pretrained``. ``locate`` turns that name into a folder on disk:
local files first, the Hub only when they are missing. When neither works the user gets one
``ModelNotFoundError`` naming the model and the two fixes, never a traceback and never a long hang
(a quick probe of the Hub comes before any download, so no retry loop runs against a dead network).

The cache is the standard Hugging Face one: ``HF_HUB_CACHE``, else ``$HF_HOME/hub``, else
``~/.cache/huggingface/hub``; ``HF_HUB_OFFLINE=1`` forbids any network access. Both are read when a
function is called, not when this module is imported.

Importing this module is cheap: huggingface_hub is imported inside the functions.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from kkaligner.errors import ModelNotFoundError, UsageError, choices


@dataclass(frozen=True)
class Preset:
    """A model known by a short name.

    ``size_gb`` is the download size of the weights as published on the Hub; ``chrf_kk_en`` the
    published FLORES-200 devtest kk→en chrF++ (NLLB-200 paper's metrics table, kaz_Cyrl-eng_Latn),
    None when unknown. ``licence`` is the weights' licence, which binds the user, not kkaligner.
    """

    name: str
    hub_id: str
    params: str
    size_gb: float
    licence: str
    chrf_kk_en: Optional[float] = None
    note: str = ""

    @property
    def commercial_use(self) -> bool:
        return "NC" not in self.licence.upper()


NLLB_NOTE = "non-commercial use only (CC-BY-NC-4.0)"

# Sizes: the pytorch_model.bin files of the two repos on the Hub; chrF++ from the NLLB-200 model
# card metrics (FLORES-200 devtest, kaz_Cyrl -> eng_Latn).
PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            name="nllb-600m",
            hub_id="facebook/nllb-200-distilled-600M",
            params="600M",
            size_gb=2.46,
            licence="CC-BY-NC-4.0",
            chrf_kk_en=54.2,
            note=f"default: runs on a laptop CPU; {NLLB_NOTE}",
        ),
        Preset(
            name="nllb-1.3b",
            hub_id="facebook/nllb-200-distilled-1.3B",
            params="1.3B",
            size_gb=5.48,
            licence="CC-BY-NC-4.0",
            chrf_kk_en=57.2,
            note=f"+3.0 chrF++ kk→en for 2.2× the size and time; best with a GPU; {NLLB_NOTE}",
        ),
    )
}

# The default is the 600M distilled model: 54.2 chrF++ kk→en against 57.2 for the distilled 1.3B.
# The 1.3B is better, but it is a 5.5 GB download, needs ~6 GB of RAM in float32 and translates at
# about half the speed on CPU. A draft is reviewed by a person and glossary names are enforced
# either way, so the first run should work on an ordinary laptop; `--model nllb-1.3b` is one flag.
DEFAULT_MODEL = "nllb-600m"

# Weights in formats other than PyTorch's are never needed; `.bin` is skipped when the repo has
# safetensors (both are often published, and downloading both doubles the size).
_IGNORE = ["*.h5", "*.msgpack", "*.ot", "*.onnx", "onnx/*", "tf_model*", "flax_model*", "rust_model*", "*.tflite"]

_TRUE = {"1", "on", "yes", "true"}


@dataclass(frozen=True)
class ModelRef:
    """What a model name refers to.

    ``kind`` is ``local`` (``path`` is an existing folder) or ``hub`` (``hub_id`` is a Hub repo id).
    ``name`` is what the user wrote; ``preset`` is set when it is a preset's short name.
    """

    name: str
    kind: str
    hub_id: str = ""
    path: Optional[Path] = None
    preset: Optional[Preset] = None

    @property
    def model_id(self) -> str:
        """The id that goes into signatures: the Hub id, or the folder's absolute path."""
        return self.hub_id if self.kind == "hub" else str(self.path)


def _looks_like_path(name: str) -> bool:
    return (
        name.startswith(("/", "./", "../", "~", "\\"))
        or name in (".", "..")
        or (len(name) > 1 and name[1] == ":")  # C:\...
        or name.count("/") > 1
        or "\\" in name
    )


DEMO = "demo"
"""The name of the toy model ``kkalign models demo`` builds: a tiny NLLB-shaped model trained for
about a minute on synthetic Kazakh–English sentences. It shows kkaligner's mechanics (splitting,
glossary enforcement and repair, checks, outputs) on a machine without network access; its
translations are not translations of real text."""


def demo_folder(build: bool = False, log=None) -> Optional[Path]:
    """The demo model's folder: built now when ``build`` (about a minute, offline), else None when
    it has not been built on this machine."""
    from kkaligner.testing.train import Recipe, default_cache_dir, trained_tiny_nllb

    path = default_cache_dir() / f"tiny-nllb-names-{Recipe().key()}"
    if build:
        return trained_tiny_nllb(log=log).path
    return path if (path / "config.json").is_file() else None


def resolve_model(name_or_path: str | os.PathLike) -> ModelRef:
    """Resolve a preset name, ``demo``, an existing folder or a Hub id (in that order) into a ModelRef."""
    name = str(name_or_path).strip()
    if not name:
        raise UsageError(f"no model given. Pass a preset ({choices(PRESETS)}), a Hub id, or a local folder.")
    if name.lower() == DEMO and not Path(name).is_dir():
        folder = demo_folder()
        if folder is None:
            raise ModelNotFoundError(
                "the demo model is not built on this machine yet. Run `kkalign models demo` (about a "
                "minute, no network needed), then --model demo again."
            )
        return ModelRef(name=DEMO, kind="local", path=folder)
    preset = PRESETS.get(name.lower())
    if preset is not None:
        return ModelRef(name=name, kind="hub", hub_id=preset.hub_id, preset=preset)
    try:
        path = Path(name).expanduser()
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, RuntimeError, ValueError) as exc:  # too long, NUL byte, unknown ~user
        raise ModelNotFoundError(
            f"model {name[:80]!r}{'…' if len(name) > 80 else ''} is neither a usable folder path nor a "
            f"Hub id ({exc}). Pass a preset ({choices(PRESETS)}), a Hub id such as "
            "facebook/nllb-200-distilled-600M, or a local folder."
        ) from None
    if is_dir:
        return ModelRef(name=name, kind="local", path=path.resolve())
    if exists or _looks_like_path(name):
        what = "is a file, not a folder" if exists else "does not exist"
        raise ModelNotFoundError(
            f"model folder {name} {what}. Pass a folder saved with save_pretrained (config.json and the "
            f"weights inside), a preset ({choices(PRESETS)}), or a Hub id."
        )
    for preset in PRESETS.values():
        if preset.hub_id.lower() == name.lower():
            return ModelRef(name=name, kind="hub", hub_id=preset.hub_id, preset=preset)
    if not _HUB_ID.fullmatch(name):
        raise ModelNotFoundError(
            f"model {name[:80]!r}{'…' if len(name) > 80 else ''} is not a preset, an existing folder or a "
            f"Hub id (owner/name of letters, digits, '-', '_' and '.'). Choose a preset ({choices(PRESETS)}), "
            "a Hub id, or a local folder."
        )
    return ModelRef(name=name, kind="hub", hub_id=name)


# A Hugging Face Hub repo id: [owner/]name, each of letters, digits, '-', '_', '.', at most 96 long.
_HUB_ID = re.compile(r"(?:[\w.-]{1,96}/)?[\w.-]{1,96}", re.ASCII)


# --- the cache --------------------------------------------------------------------------------


def cache_dir() -> Path:
    """The Hugging Face hub cache folder, from the environment as it is now."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "huggingface" / "hub"


def offline() -> bool:
    """True when HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) forbids network access."""
    return any(os.environ.get(v, "").strip().lower() in _TRUE for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def cached_snapshot(hub_id: str, revision: Optional[str] = None) -> Optional[Path]:
    """The cached snapshot folder of ``hub_id`` (with its config.json), or None when not cached."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(hub_id, "config.json", cache_dir=cache_dir(), revision=revision)
    if isinstance(found, str):
        return Path(found).parent
    return None


def is_cached(name: str) -> bool:
    """Whether a model (preset, Hub id or folder) can be loaded without the network."""
    ref = resolve_model(name)
    return ref.kind == "local" or cached_snapshot(ref.hub_id) is not None


def cached_size(hub_id: str) -> Optional[int]:
    """Bytes the cached repo takes on disk, or None when it is not cached."""
    from huggingface_hub import scan_cache_dir

    folder = cache_dir()
    if not folder.is_dir():
        return None
    try:
        info = scan_cache_dir(folder)
    except Exception:  # a half-written or foreign cache must not break `models list`
        return None
    for repo in info.repos:
        if repo.repo_type == "model" and repo.repo_id.lower() == hub_id.lower():
            return repo.size_on_disk
    return None


def revision_of(path: Path) -> str:
    """The commit hash of a Hub snapshot folder (``.../snapshots/<hash>``), else ``local``."""
    path = Path(path)
    if path.parent.name == "snapshots" and len(path.name) == 40:
        return path.name
    return "local"


# --- errors -----------------------------------------------------------------------------------


def not_found(ref: ModelRef, reason: str) -> ModelNotFoundError:
    """The one message a user gets when a model is neither cached nor downloadable."""
    short = ref.preset.name if ref.preset else ref.hub_id
    return ModelNotFoundError(
        f"model {ref.name!r} ({ref.hub_id}) is not in the local cache ({cache_dir()}) and {reason}. "
        f"Either run `kkalign models download {short}` on a machine with internet access and copy "
        f"its Hugging Face cache folder here (or point HF_HOME at it), or pass `--model PATH` with "
        f"a local model folder saved with save_pretrained."
    )


def _probe(ref: ModelRef, timeout: float = 5.0) -> list[str]:
    """Ask the Hub for the repo's file list, quickly; raise ModelNotFoundError when that fails."""
    from huggingface_hub import HfApi
    from huggingface_hub.utils import (
        GatedRepoError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    try:
        info = HfApi().model_info(ref.hub_id, timeout=timeout)
    except GatedRepoError:
        raise not_found(ref, "it is a gated repo: accept its terms on huggingface.co and log in "
                        "with `hf auth login`") from None
    except (RepositoryNotFoundError, RevisionNotFoundError):
        raise ModelNotFoundError(
            f"model {ref.name!r} is not a preset ({choices(PRESETS)}), not a local folder, and not a "
            f"model on the Hugging Face Hub. Check the name, or pass `--model PATH` with a local model folder."
        ) from None
    except Exception as exc:  # any transport failure (DNS, proxy, TLS, timeout) means: unreachable
        raise not_found(ref, f"the Hugging Face Hub cannot be reached ({type(exc).__name__})") from None
    return [s.rfilename for s in (info.siblings or [])]


def download(name: str, progress: bool = True) -> Path:
    """Download a model into the Hugging Face cache (with a tqdm progress bar); return its folder.

    A local folder is returned as it is. Offline or unreachable Hub: ModelNotFoundError.
    """
    ref = resolve_model(name)
    if ref.kind == "local":
        assert ref.path is not None
        return ref.path
    if offline():
        raise not_found(ref, "HF_HUB_OFFLINE is set, so it cannot be downloaded")
    files = _probe(ref)
    ignore = list(_IGNORE)
    if any(f.endswith(".safetensors") for f in files):
        ignore.append("*.bin")
    from huggingface_hub import snapshot_download
    from huggingface_hub.utils import (
        are_progress_bars_disabled,
        disable_progress_bars,
        enable_progress_bars,
    )

    was_disabled = are_progress_bars_disabled()
    if not progress:
        disable_progress_bars()
    try:
        folder = snapshot_download(ref.hub_id, cache_dir=cache_dir(), ignore_patterns=ignore)
    except Exception as exc:  # network dropped mid-download, disk full...
        if isinstance(exc, OSError) and getattr(exc, "errno", None) is not None and exc.errno == 28:
            raise ModelNotFoundError(f"no space left in {cache_dir()} while downloading {ref.hub_id}. "
                                     "Free some space or set HF_HOME to a bigger disk.") from None
        raise not_found(ref, f"the download failed ({type(exc).__name__}: {exc})") from None
    finally:
        if not progress and not was_disabled:
            enable_progress_bars()
    return Path(folder)


# What a folder written by save_pretrained holds: the model's config, its weights (whole or in
# shards with an index) and the tokenizer's files (one of these is enough to find it).
_WEIGHTS = ("model.safetensors", "pytorch_model.bin", "model.safetensors.index.json", "pytorch_model.bin.index.json")
_TOKENIZER = ("tokenizer.json", "tokenizer_config.json", "sentencepiece.bpe.model", "source.spm", "spiece.model", "vocab.json")


def check_local_folder(path: Path) -> None:
    """Raise ModelNotFoundError naming what is missing when ``path`` is not a saved model folder.

    Checked before any loading library sees the folder: an empty one would otherwise fail deep in
    the tokenizer code with a message about sentencepiece, which is not what is wrong.
    """
    missing = []
    if not (path / "config.json").is_file():
        missing.append("config.json")
    if not any((path / f).is_file() for f in _WEIGHTS):
        missing.append("weights")
    if not any((path / f).is_file() for f in _TOKENIZER):
        missing.append("tokenizer files")
    if not missing:
        return
    what = "is empty" if not any(path.iterdir()) else "has no " + " and no ".join(missing)
    raise ModelNotFoundError(
        f"model folder {path} {what}. A saved model folder holds config.json, the weights "
        "(model.safetensors or pytorch_model.bin) and the tokenizer files (tokenizer.json or "
        "sentencepiece/vocabulary files with tokenizer_config.json): save both into it with "
        "model.save_pretrained(folder) and tokenizer.save_pretrained(folder), or pass a preset "
        f"({choices(PRESETS)}) or a Hub id instead."
    )


def locate(name: str, *, allow_download: bool = True, progress: bool = True) -> tuple[ModelRef, Path]:
    """The folder to load ``name`` from: a local folder, the cache, or (when allowed) a fresh download.

    A local folder must look like a saved model (``check_local_folder``).
    """
    ref = resolve_model(name)
    if ref.kind == "local":
        assert ref.path is not None
        check_local_folder(ref.path)
        return ref, ref.path
    snapshot = cached_snapshot(ref.hub_id)
    if snapshot is not None:
        return ref, snapshot
    if offline():
        raise not_found(ref, "HF_HUB_OFFLINE is set, so it cannot be downloaded")
    if not allow_download:
        raise not_found(ref, "downloading is turned off")
    return ref, download(name, progress=progress)


@dataclass(frozen=True)
class ModelInfo:
    """One row of ``kkalign models list``."""

    preset: Preset
    cached: bool
    size_on_disk: Optional[int]
    default: bool


def list_models() -> list[ModelInfo]:
    """The presets with their cache state (no network access)."""
    rows = []
    for preset in PRESETS.values():
        size = cached_size(preset.hub_id)
        cached = cached_snapshot(preset.hub_id) is not None
        rows.append(ModelInfo(preset=preset, cached=cached, size_on_disk=size if cached else None,
                              default=preset.name == DEFAULT_MODEL))
    return rows


__all__ = [
    "DEFAULT_MODEL",
    "PRESETS",
    "Preset",
    "ModelRef",
    "ModelInfo",
    "resolve_model",
    "cache_dir",
    "offline",
    "cached_snapshot",
    "cached_size",
    "is_cached",
    "revision_of",
    "download",
    "locate",
    "check_local_folder",
    "list_models",
    "not_found",
]
