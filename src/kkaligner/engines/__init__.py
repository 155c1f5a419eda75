"""Translation engines: one module per engine, one registry line each.

Engine modules import torch / transformers / ctranslate2 only when an engine is loaded.
"""

from __future__ import annotations

from kkaligner.engines.base import DecodeOptions, Engine, LANGUAGES  # noqa: F401
