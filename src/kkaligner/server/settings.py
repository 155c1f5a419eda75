"""What ``kkalign serve`` is configured with: one frozen value, read by every part of the server."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from kkaligner.errors import UsageError


@dataclass(frozen=True)
class Settings:
    """The server's limits and options. Safe by default: loopback only, a character and request
    limit, no CORS. ``api_keys`` empty means no key is asked for. ``rate_limit`` is requests per
    minute per API key (per client address without one), 0 for none. ``glossaries`` are offered to
    requests by their file name's stem; ``batch_size`` sentences at most are gathered for
    ``batch_wait_ms`` into one decode. ``max_file_bytes`` bounds an uploaded file (a DOCX may unpack
    to 4 times as much); its text is held to ``max_chars`` like any request's. ``max_alternatives``
    bounds the alternative translations a request may ask for (each one widens a decode's beam)."""

    host: str = "127.0.0.1"
    port: int = 5000
    api_keys: frozenset = frozenset()
    max_chars: int = 20_000
    max_texts: int = 128
    rate_limit: int = 120
    cors_origins: tuple = ()
    glossaries: tuple = ()
    default_glossary: bool = True
    batch_size: int = 32
    batch_wait_ms: float = 5.0
    upload_dir: Optional[Path] = None
    max_file_bytes: int = 10 << 20
    max_alternatives: int = 5

    def __post_init__(self) -> None:
        for name in ("max_chars", "max_texts", "batch_size", "max_file_bytes"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name.replace('_', '-')} must be at least 1 (got {getattr(self, name)}).")
        if self.max_alternatives < 0:
            raise UsageError(f"max alternatives must be 0 (none) or more (got {self.max_alternatives}).")
        if self.rate_limit < 0:
            raise UsageError(f"rate limit must be 0 (none) or more (got {self.rate_limit}).")
        if self.batch_wait_ms < 0:
            raise UsageError(f"batch wait must be 0 ms or more (got {self.batch_wait_ms}).")
        stems = [Path(g).stem for g in self.glossaries]
        if len(set(stems)) != len(stems):
            raise UsageError(f"glossaries are named by their file name; two share one: {sorted(stems)}.")

    @property
    def max_body_bytes(self) -> int:
        """The largest request body read: a full request in UTF-8 (4 bytes a character at most) with
        room for JSON quoting and form fields, never under 1 MiB."""
        return max(1 << 20, 8 * self.max_chars)

    @property
    def max_upload_bytes(self) -> int:
        """The largest /translate_file body read: the file and room for the form around it."""
        return self.max_file_bytes + (64 << 10)

    @property
    def glossary_names(self) -> dict:
        return {Path(g).stem: Path(g) for g in self.glossaries}


def read_api_keys(path) -> frozenset:
    """Keys from a file, one a line; blank lines and lines starting with # are skipped."""
    from kkaligner.io import read_text

    keys = frozenset(
        line.strip() for line in read_text(path).splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
    if not keys:
        raise UsageError(f"{path}: no API keys in the file (one a line). Remove --api-keys to serve without keys.")
    return keys
