"""kkalign serve: the translation service (LibreTranslate's API and kkaligner's) and the review page."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kkaligner.cli.app import app

# Repeated here so that `kkalign --help` does not import kkaligner.models.
DEFAULT_MODEL = "nllb-600m"


@app.command()
def serve(
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Preset, Hub id, or local model folder."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(5000, "--port", help="Port to listen on."),
    glossary: Optional[List[Path]] = typer.Option(None, "--glossary", "-g", help="Glossary offered to requests by its file name's stem (repeatable)."),
    no_default_glossary: bool = typer.Option(False, "--no-default-glossary", help="Do not use the shipped names glossary."),
    engine: str = typer.Option("auto", "--engine", help="Translation engine: auto, transformers, ct2."),
    device: str = typer.Option("auto", "--device", help="auto (CUDA if present, else CPU), cpu, cuda, cuda:N."),
    beam: int = typer.Option(4, "--beam", help="Beam size."),
    max_length: int = typer.Option(256, "--max-length", help="Maximum tokens per translated sentence."),
    api_keys: Optional[Path] = typer.Option(None, "--api-keys", help="File of API keys, one a line: requests without one get 403."),
    max_chars: int = typer.Option(20_000, "--max-chars", help="Characters a request may carry (more: 413)."),
    max_texts: int = typer.Option(128, "--max-texts", help="Texts in one request's q list."),
    max_file_size: float = typer.Option(10, "--max-file-size", help="MiB an uploaded file may have (more: 413); its text counts against --max-chars."),
    max_alternatives: int = typer.Option(5, "--max-alternatives", help="Alternative translations a request may ask for (more: 400; 0: none)."),
    rate_limit: int = typer.Option(120, "--rate-limit", help="Requests a minute per API key, or per address without keys (0: no limit)."),
    cors: Optional[List[str]] = typer.Option(None, "--cors", help="Allow browser pages from this origin (repeatable; off by default)."),
    batch_size: int = typer.Option(32, "--batch-size", help="Sentences decoded together across concurrent requests."),
    batch_wait_ms: float = typer.Option(5.0, "--batch-wait-ms", help="How long the queue waits, at least, for other requests to share a batch (longer under load, at most 100 ms or this)."),
    memory: Optional[Path] = typer.Option(None, "--memory", help="Translation memory file (default: $KKALIGNER_MEMORY, else the cache dir)."),
    no_memory: bool = typer.Option(False, "--no-memory", help="No translation memory."),
) -> None:
    """Serve translations over HTTP: LibreTranslate's API, kkaligner's /v1 API and a review page at /."""
    import uvicorn

    from kkaligner.server import Settings, create_app, default_factory, read_api_keys

    settings = Settings(
        host=host, port=port, api_keys=read_api_keys(api_keys) if api_keys else frozenset(),
        max_chars=max_chars, max_texts=max_texts, rate_limit=rate_limit, cors_origins=tuple(cors or ()),
        glossaries=tuple(glossary or ()), default_glossary=not no_default_glossary,
        batch_size=batch_size, batch_wait_ms=batch_wait_ms, max_file_bytes=int(max_file_size * 2**20),
        max_alternatives=max_alternatives,
    )
    factory = default_factory(
        model, engine=engine, device=device, beam_size=beam, max_length=max_length, batch_size=batch_size,
        use_default_glossary=not no_default_glossary,
        memory=False if no_memory else (memory if memory is not None else True),
    )
    application = create_app(factory, settings)
    # uvicorn finishes in-flight requests on SIGTERM and SIGINT, then runs the app's shutdown.
    uvicorn.run(application, host=host, port=port, log_level="info", timeout_graceful_shutdown=60,
                limit_concurrency=512)
