"""Reading documents and writing files safely.

Input is UTF-8 (a byte-order mark is dropped); ``-`` means standard input. Output files are written
atomically (a temporary file in the same folder, then a rename) so an interrupted run never leaves a
half-written file behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Union

from kkaligner.errors import InputError, OutputError

PathLike = Union[str, "os.PathLike[str]"]


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode UTF-8 bytes (BOM tolerated); raise InputError naming the byte offset otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (undecodable byte at offset {exc.start}). "
            "Convert it first, e.g. `iconv -f CP1251 -t UTF-8 FILE > FILE.utf8`, then run again."
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text(path: PathLike) -> str:
    """Read a document: a path, or ``-`` for standard input."""
    if str(path) == "-":
        return decode(sys.stdin.buffer.read(), "standard input")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file. Check the path, or pass '-' to read standard input.")
    if p.is_dir():
        raise InputError(f"{p} is a folder, not a text file. Pass a file, or '-' for standard input.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror}). Check its permissions.") from None
    return decode(data, str(p))


def atomic_write(path: PathLike, data: Union[str, bytes]) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename; return the path."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {p}: folder {folder} does not exist. Create it first.")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"cannot write {p}: {exc.strerror}. Check the path and free space.") from None
    return p
