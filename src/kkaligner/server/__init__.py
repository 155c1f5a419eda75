"""``kkalign serve``: a LibreTranslate-compatible HTTP service and a review page, over the public API.

``create_app(translator_factory, settings)`` builds the FastAPI app; ``kkaligner.cli.serve`` runs it
with uvicorn. Importing this package imports FastAPI: ``import kkaligner`` never does.
"""

from __future__ import annotations

from kkaligner.server.app import create_app, default_factory
from kkaligner.server.settings import Settings, read_api_keys

__all__ = ["create_app", "default_factory", "Settings", "read_api_keys"]
