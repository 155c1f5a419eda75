"""kkalign segment commands."""

from __future__ import annotations

from kkaligner.cli.app import app  # noqa: F401
