"""kkaligner.io: decoding documents, and atomic writes that respect links, devices and modes."""

from __future__ import annotations

import codecs
import os
import stat
import threading

import pytest

from kkaligner.errors import InputError, OutputError
from kkaligner.io import atomic_write, decode

TEXT = "Сәлем, әлем! Hello 2024.\nҚош бол.\n"


# --- decode -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16"),  # Python's own: BOM in native order
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-native", "utf32le-bom"],
)
def test_decode_unicode_with_or_without_bom(data):
    assert decode(data, "doc.txt") == TEXT


@pytest.mark.parametrize("codec,order", [("utf-16-le", "LE"), ("utf-16-be", "BE")])
@pytest.mark.parametrize("text", [TEXT, "Hello world, plain ASCII.\n", "Сәлеметсіз"])
def test_decode_utf16_without_bom_is_named_not_cp1251(codec, order, text):
    with pytest.raises(InputError) as info:
        decode(text.encode(codec), "doc.txt")
    message = str(info.value)
    assert f"UTF-16 ({order})" in message and f"iconv -f UTF-16{order}" in message
    assert "CP1251" not in message


def test_decode_cp1251_suggests_a_conversion():
    with pytest.raises(InputError, match="CP1251") as info:
        decode("Сегодня хорошо.".encode("cp1251"), "doc.txt")
    assert "UTF-16" not in str(info.value) and "offset 0" in str(info.value)


def test_decode_broken_utf16_with_bom_is_an_input_error():
    with pytest.raises(InputError, match="UTF-16 byte-order mark"):
        decode(codecs.BOM_UTF16_LE + "Сәлем".encode("utf-16-le")[:-1] + b"\x00\xd8", "doc.txt")


def test_read_text_cli_reads_utf16(run_cli, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_bytes(codecs.BOM_UTF16_LE + "Бірінші сөйлем. Екінші сөйлем!\n".encode("utf-16-le"))
    result = run_cli(["segment", doc])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Бірінші сөйлем.\nЕкінші сөйлем!\n"


# --- atomic_write -------------------------------------------------------------------------------


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_file_gets_umask_mode_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.txt", "x")
        os.umask(0o002)
        atomic_write(tmp_path / "b.txt", "x")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a.txt") == 0o644
    assert _mode(tmp_path / "b.txt") == 0o664


def test_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert _mode(path) == 0o640


def test_symlink_target_is_written_and_the_link_kept(tmp_path):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    target = real_dir / "draft.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    atomic_write(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(os.listdir(real_dir)) == ["draft.txt"] and sorted(os.listdir(tmp_path)) == ["link.txt", "real"]


def test_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "made.txt")
    atomic_write(link, "new")
    assert link.is_symlink() and (tmp_path / "made.txt").read_text(encoding="utf-8") == "new"


def test_fifo_is_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = {}

    def reader():
        with open(fifo, "rb") as fh:
            got["data"] = fh.read()

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    atomic_write(fifo, "через трубу\n")
    t.join(10)  # a daemon: if the FIFO was replaced, the blocked reader cannot hold the run
    assert got["data"] == "через трубу\n".encode("utf-8")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not replaced by a file
    assert sorted(os.listdir(tmp_path)) == ["pipe"]


@pytest.fixture
def no_rename(monkeypatch):
    """Fail, before any harm, if atomic_write would put a temporary file beside a device and
    rename it over the device (as root, that would replace /dev/null with a regular file)."""
    import kkaligner.io

    def refuse(*args, **kwargs):
        pytest.fail(f"atomic_write tried to replace a device: {args}")

    monkeypatch.setattr(kkaligner.io.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(kkaligner.io.os, "replace", refuse)


def test_dev_null_is_written_through_not_replaced(no_rename):
    before = os.lstat("/dev/null")
    atomic_write("/dev/null", "x")
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_dev_full_is_an_output_error(no_rename):
    with pytest.raises(OutputError, match="No space left"):
        atomic_write("/dev/full", "x" * 100_000)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_an_output_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(OutputError, match="cannot create a file in folder .*Make the folder writable"):
            atomic_write(folder / "out.txt", "x")
    finally:
        os.chmod(folder, 0o755)


def test_mkstemp_failure_is_an_output_error(tmp_path, monkeypatch):
    """What a read-only folder does for a non-root user, simulated so root runs it too."""
    import kkaligner.io

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(kkaligner.io.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="Permission denied.*Make the folder writable"):
        atomic_write(tmp_path / "out.txt", "x")
    assert os.listdir(tmp_path) == []


def test_folder_as_output_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        atomic_write(tmp_path, "x")


def test_interrupt_leaves_no_temporary_file(tmp_path, monkeypatch):
    import kkaligner.io

    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(kkaligner.io.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file_is_not_clobbered(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o444)
    with pytest.raises(OutputError, match="read-only"):
        atomic_write(path, "new")
    assert path.read_text(encoding="utf-8") == "old"


def test_cli_output_onto_symlink(run_cli, tmp_path):
    src = tmp_path / "a.kk"
    src.write_text("Зымыран ұшты.\n", encoding="utf-8")
    tgt = tmp_path / "a.en"
    tgt.write_text("The rocket flew.\n", encoding="utf-8")
    real = tmp_path / "report.txt"
    real.write_text("", encoding="utf-8")
    link = tmp_path / "current.txt"
    link.symlink_to(real)
    result = run_cli(["check", src, tgt, "--no-default-glossary", "-o", link])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "1 aligned sentence(s)" in real.read_text(encoding="utf-8")
