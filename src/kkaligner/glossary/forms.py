"""Deprecated: moved to ``kkaligner.lang.kazakh`` (language knowledge has one home, ``kkaligner.lang``).

Names imported from here still work, with a DeprecationWarning saying where they live now.
"""

from __future__ import annotations

import importlib
import warnings

_NEW = "kkaligner.lang.kazakh"


def __getattr__(name: str):
    module = importlib.import_module(_NEW)
    if name.startswith("__") or not hasattr(module, name):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(f"{__name__}.{name} is deprecated; import it from {_NEW} instead", DeprecationWarning, stacklevel=2)
    return getattr(module, name)
