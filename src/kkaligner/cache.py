"""kkaligner's cache folder: converted models, the translation memory."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """``$KKALIGNER_CACHE``, else the platform's user cache dir + ``kkaligner``."""
    env = os.environ.get("KKALIGNER_CACHE")
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "kkaligner"


__all__ = ["cache_dir"]
