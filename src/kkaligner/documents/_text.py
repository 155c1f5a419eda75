"""Decoding text documents (SRT, WebVTT, HTML, Markdown) that may not be UTF-8.

Order: the encoding the caller forces, a byte-order mark, the encoding the document declares
(HTML), UTF-8, then charset-normalizer's guess, named in a note so a reviewer knows it was a guess.
"""

from __future__ import annotations

import codecs

from kkaligner.documents.base import need
from kkaligner.errors import DocumentError, UsageError
from kkaligner.io import decode as decode_unicode

_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _known(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise UsageError(
            f"unknown encoding {encoding!r}. Use a Python codec name such as utf-8, cp1251, kz1048, koi8-r."
        ) from None


def decode(data: bytes, name: str, encoding: str | None = None, declared: str | None = None) -> tuple[str, str, bytes, tuple[str, ...]]:
    """(text, encoding, byte-order mark, notes) of a text document's bytes.

    ``encoding`` forces one; ``declared`` is what the document says of itself (used when it decodes)."""
    if encoding:
        codec = _known(encoding)
        try:
            return data.decode(codec), codec, b"", ()
        except UnicodeDecodeError as exc:
            raise DocumentError(
                f"{name} is not {encoding} (undecodable byte at offset {exc.start}). Pass its real encoding "
                "with --encoding, or leave the option out to have it detected."
            ) from None
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    if bom:
        return decode_unicode(data, name), {3: "utf-8"}.get(len(bom), "utf-16" if len(bom) == 2 else "utf-32"), bom, ()
    if declared:
        try:
            codec = _known(declared)
            if codec not in ("utf-16", "utf-32"):
                return data.decode(codec), codec, b"", ()
        except (UsageError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8", b"", ()
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        decode_unicode(data, name)  # names UTF-16 without a byte-order mark
    # A third-party detector, imported only for input that is not UTF-8.
    best = need("charset_normalizer", "charset-normalizer").from_bytes(data[:1 << 20]).best()
    if best is None:
        raise DocumentError(
            f"{name} is not UTF-8 and its encoding cannot be detected. Pass it with --encoding "
            "(e.g. --encoding cp1251 for Windows Cyrillic, kz1048 for Windows Kazakh)."
        )
    codec = _known(best.encoding)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise DocumentError(
            f"{name} is not UTF-8 and does not decode as {codec}, the detected encoding. Pass its "
            "encoding with --encoding."
        ) from None
    return text, codec, b"", (f"{name} is not UTF-8: read as {codec} (detected); pass --encoding if that is wrong.",)


__all__ = ["decode"]
