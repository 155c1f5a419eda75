"""Translation engines: one module per engine, one registry line each.

Engine modules import torch / transformers / ctranslate2 only when an engine is loaded.
"""

from __future__ import annotations

import importlib
import importlib.util

from kkaligner.engines.base import LANGUAGES, DecodeOptions, Engine  # noqa: F401
from kkaligner.errors import UsageError, choices

# Registry: engine name -> "module:Class". The class is imported only when the engine is loaded.
ENGINES: dict[str, str] = {
    "transformers": "kkaligner.engines.transformers:TransformersEngine",
    "ct2": "kkaligner.engines.ct2:Ct2Engine",
}

# Python packages an engine needs beyond the base install (checked by "auto").
_REQUIRES = {"ct2": "ctranslate2"}


def available(name: str) -> bool:
    """Whether ``name`` is registered and its optional package is installed."""
    if name not in ENGINES:
        return False
    package = _REQUIRES.get(name)
    return package is None or importlib.util.find_spec(package) is not None


def auto_engine() -> str:
    """The engine ``auto`` picks: CTranslate2 when registered and installed (faster), else transformers."""
    return "ct2" if available("ct2") else "transformers"


def engine_class(name: str):
    """The engine class registered as ``name`` (``auto`` resolved); UsageError for unknown names."""
    if name in (None, "", "auto"):
        name = auto_engine()
    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r}. Choose {choices(['auto', *ENGINES])}.")
    module, _, cls = ENGINES[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def load_engine(name: str, model: str, *, device: str = "auto", **kwargs) -> Engine:
    """Load ``model`` with engine ``name`` (``auto``, ``transformers``, ...) on ``device``."""
    return engine_class(name)(model, device=device, **kwargs)


__all__ = ["ENGINES", "DecodeOptions", "Engine", "LANGUAGES", "available", "auto_engine", "engine_class", "load_engine"]
