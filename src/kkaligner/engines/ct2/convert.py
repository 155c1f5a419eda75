"""Converting a transformers model to CTranslate2, once, into the cache.

A transformers model (preset, Hub id or local folder) is converted into
``$KKALIGNER_CACHE/ct2/<model>--<revision>--<type>`` (``kkaligner.cache``) and reused afterwards.
The conversion is written to a temporary folder and renamed into place, so an interrupted
conversion never leaves a broken cache entry.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional

from kkaligner.cache import cache_dir
from kkaligner.engines.base import model_folder_problem, quiet
from kkaligner.errors import EngineError

Status = Callable[[str], None]
"""Called with a one-line human-readable status message (conversion start, end, cache reuse)."""

# Files that are weights (never fingerprinted by content, only by size and time).
_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth", ".h5", ".msgpack", ".ot")
_MARKER = "kkaligner.json"


def _import_ct2():
    try:
        import ctranslate2
    except ImportError:
        raise EngineError(
            "the 'ct2' engine needs CTranslate2, which is not installed. Install it with "
            "`pip install 'kkaligner[fast]'`, or use `--engine transformers`."
        ) from None
    return ctranslate2


def available() -> bool:
    """Whether ctranslate2 can be imported (without importing it)."""
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


def _stderr_status(message: str) -> None:
    print(f"kkaligner: {message}", file=sys.stderr, flush=True)


def ct2_cache_root() -> Path:
    """Where conversions are kept: ``ct2/`` in kkaligner's cache folder."""
    return cache_dir() / "ct2"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "--", text).strip("-.") or "model"


def local_fingerprint(folder: Path) -> str:
    """A digest of a local model folder: config bytes plus each weight file's name, size and mtime.

    Retraining a model into the same folder therefore gets a fresh conversion.
    """
    h = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        st = path.stat()
        if path.suffix in _WEIGHT_SUFFIXES:
            h.update(f"{path.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        elif path.name in ("config.json", "generation_config.json"):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\n")
    return h.hexdigest()[:12]


def cache_key(model_id: str, revision: str, quantization: str, folder: Optional[Path] = None) -> str:
    """Folder name of one conversion: model, revision (or local fingerprint) and quantization."""
    if revision and revision != "local":
        rev = revision[:12]
        name = _slug(model_id)
    else:
        path = str(folder if folder is not None else model_id)
        name = _slug(Path(path).name) + "-" + hashlib.sha256(path.encode()).hexdigest()[:8]
        rev = "local-" + (local_fingerprint(folder) if folder is not None else "0")
    return f"{name}--{rev}--{quantization}"


def is_converted(folder: Path) -> bool:
    """A finished conversion: the weights and our marker (written last, before the rename) exist."""
    return (folder / "model.bin").is_file() and (folder / _MARKER).is_file()


def convert(
    model_dir: Path,
    out_dir: Path,
    quantization: str,
    *,
    model_id: str = "",
    revision: str = "",
    status: Optional[Status] = None,
) -> Path:
    """Convert a transformers model folder into ``out_dir`` (atomically); return ``out_dir``.

    The converter writes into a sibling temporary folder that is renamed into place at the end; a
    concurrent conversion of the same model by another process simply wins the rename.
    """
    ctranslate2 = _import_ct2()
    status = status or _stderr_status
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    except OSError as exc:
        raise EngineError(
            f"cannot write the CTranslate2 conversion into {out_dir.parent} ({exc.strerror or exc}). Point "
            "KKALIGNER_CACHE at a writable folder, or use `--engine transformers`."
        ) from None
    status(f"converting {model_id or model_dir} to CTranslate2 {quantization} (once; cached in {out_dir})")
    start = time.perf_counter()
    try:
        with quiet():
            converter = ctranslate2.converters.TransformersConverter(str(model_dir), low_cpu_mem_usage=True)
            converter.convert(str(tmp), quantization=quantization, force=True)
        marker = {
            "model_id": model_id,
            "revision": revision,
            "quantization": quantization,
            "ctranslate2": ctranslate2.__version__,
            "source": str(model_dir),
            "converted": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        (tmp / _MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
        try:
            os.replace(tmp, out_dir)
        except OSError:
            if not is_converted(out_dir):  # a broken leftover, not a finished concurrent conversion
                shutil.rmtree(out_dir, ignore_errors=True)
                os.replace(tmp, out_dir)
    except EngineError:
        raise
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EROFS, errno.ENOSPC, errno.EDQUOT):
            raise EngineError(
                f"cannot write the CTranslate2 conversion into {out_dir.parent} ({exc.strerror}). Point "
                "KKALIGNER_CACHE at a writable folder with free space, or use `--engine transformers`."
            ) from None
        raise EngineError(model_folder_problem(model_dir, None, exc, "ct2")) from None
    except Exception as exc:  # noqa: BLE001 - the converter raises whatever the loaders raise
        if type(exc).__name__ == "SafetensorError":  # weights cut short or not safetensors at all
            raise EngineError(model_folder_problem(model_dir, None, exc, "ct2")) from None
        raise EngineError(
            f"converting {model_id or model_dir} to CTranslate2 failed ({type(exc).__name__}: {exc}). Check "
            "that the folder holds a transformers seq2seq model CTranslate2 supports (config.json and "
            "weights), or use `--engine transformers`."
        ) from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    status(f"converted {model_id or model_dir} in {time.perf_counter() - start:.1f} s")
    return out_dir


__all__ = ["Status", "available", "cache_key", "convert", "ct2_cache_root", "is_converted", "local_fingerprint"]
