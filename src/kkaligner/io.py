"""Reading documents and writing files safely.

Input is UTF-8, or UTF-16/UTF-32 with a byte-order mark (a UTF-8 byte-order mark is dropped); ``-``
means standard input. Output files are written atomically (a temporary file in the same folder,
then a rename) so an interrupted run never leaves a half-written file behind. A symbolic link is
followed (its target is replaced, the link stays), and anything that is not a regular file (a
FIFO, ``/dev/stdout``, ``/dev/null``) is written through, as a shell's ``>`` would.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

from kkaligner.errors import InputError, OutputError

PathLike = Union[str, "os.PathLike[str]"]

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def _utf16_order(data: bytes) -> Optional[str]:
    """'LE' or 'BE' when ``data`` looks like UTF-16 without a byte-order mark, else None.

    In UTF-16 text from Latin or Cyrillic script every other byte is the code point's high byte:
    0x00 (ASCII: spaces, digits, punctuation) or 0x04 (Cyrillic), while the bytes between vary and
    are almost never NUL. UTF-8 and the 8-bit code pages have no such pattern.
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]

    def nul(b: bytes) -> float:
        return b.count(0) / len(b)

    def high(b: bytes) -> float:
        return (b.count(0) + b.count(4)) / len(b)

    if nul(even) < 0.02 and (nul(odd) >= 0.1 or high(odd) >= 0.6):
        return "LE"
    if nul(odd) < 0.02 and (nul(even) >= 0.1 or high(even) >= 0.6):
        return "BE"
    return None


def _utf16_error(name: str, order: str) -> InputError:
    return InputError(
        f"{name} looks like UTF-16 ({order}) text without a byte-order mark. Convert it to UTF-8 first, "
        f"e.g. `iconv -f UTF-16{order} -t UTF-8 FILE > FILE.utf8`, or save it as UTF-8 (or UTF-16 "
        "with a byte-order mark), then run again."
    )


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode a document's bytes: UTF-8, or UTF-8/UTF-16/UTF-32 with a byte-order mark.

    Anything else raises InputError: UTF-16 without a mark is named as such (its ASCII characters
    are valid UTF-8 with NULs between, so it must not pass silently); other bytes get the offset of
    the first undecodable one and a conversion hint.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts with a {label} byte-order mark but is not valid {label} "
                    f"(undecodable bytes at offset {exc.start + len(bom)}). Save it again as UTF-8, then run again."
                ) from None
    order = _utf16_order(data) if b"\x00" in data[:4096] or not _is_utf8(data) else None
    if order is not None:
        raise _utf16_error(name, order)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (undecodable byte at offset {exc.start}). Convert it to UTF-8 "
            "first from its encoding, e.g. for Windows Cyrillic `iconv -f CP1251 -t UTF-8 FILE > FILE.utf8`, "
            "then run again."
        ) from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, what: str = "the text") -> str:
    """``text`` if it can be written out as UTF-8; an InputError naming the first lone surrogate
    otherwise (a str decoded with ``errors='surrogateescape'`` from bytes that are not UTF-8):
    such a character cannot reach any output, and dropping it would lose text silently."""
    m = _SURROGATE.search(text)
    if m is not None:
        raise InputError(
            f"{what} holds a lone surrogate (U+{ord(m.group()):04X} at offset {m.start()}): it was decoded "
            "from bytes that are not UTF-8 (errors='surrogateescape'). Decode the bytes with their real "
            "encoding (kkaligner.io.decode reads UTF-8 and UTF-16), or with errors='replace'."
        )
    return text


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


def _umask() -> int:
    # The only portable way to read the umask is to set it; it is put back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def same_file(a: PathLike, b: PathLike) -> bool:
    """``a`` and ``b`` name one file (one path, or links to one file): an output that would replace
    an input."""
    a, b = Path(a), Path(b)
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def atomic_write(path: PathLike, data: Union[str, bytes]) -> Path:
    """Write ``data`` to ``path``; return the path (see ``atomic_writer``)."""
    with atomic_writer(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


@contextmanager
def atomic_writer(path: PathLike) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through, piece by piece; the file appears whole or not at all.

    A regular file (new or existing) is written to a temporary file in the same folder and renamed
    over the old one when the block ends without an error, so readers see the old file or the new
    one, never half of one; an existing file keeps its permissions, a new one gets 0666 less the
    umask. A symbolic link is followed and its target replaced that way. Anything else that exists
    there (a FIFO, a character device such as /dev/null or /dev/stdout) is opened and written, as
    the shell's ``>`` would. An error or an interrupt inside the block leaves no temporary file.
    """
    p = Path(path)
    try:
        st: Optional[os.stat_result] = os.stat(p)  # follows symbolic links
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {p}: {exc.strerror}. Check the path.") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {p}: it is a folder. Give a file name, e.g. {p / 'out.txt'}.")
    # /dev/stdout and /proc/self/fd/N lead to whatever the descriptor is; if that is a regular
    # file the shell opened (maybe for appending), renaming over it would bypass the descriptor.
    if st is not None and (not stat.S_ISREG(st.st_mode) or str(p).startswith(("/dev/", "/proc/"))):
        try:
            fh = open(p, "wb")
        except OSError as exc:
            raise OutputError(f"cannot write {p}: {exc.strerror}. Check the path, or write to a regular file.") from None
        try:
            with fh:
                yield fh
        except OSError as exc:
            raise OutputError(f"cannot write {p}: {exc.strerror}. Check the path, or write to a regular file.") from None
        return
    target = Path(os.path.realpath(p)) if p.is_symlink() else p
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {p}: folder {folder} does not exist. Create it first.")
    if st is not None and not os.access(target, os.W_OK):
        raise OutputError(
            f"cannot write {p}: the file is read-only. Make it writable (chmod u+w {p}) or choose another path."
        )
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OutputError(
            f"cannot write {p}: cannot create a file in folder {folder} ({exc.strerror}). Make the "
            "folder writable, or choose an output path in a folder you can write to."
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)  # mkstemp creates 0600
        os.replace(tmp, target)
    except BaseException as exc:  # an interrupt too: no temporary file is left behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {p}: {exc.strerror}. Check the path and free space.") from None
        raise
