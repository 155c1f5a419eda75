"""Command-line shell over the Python API: parse arguments, call kkaligner, format the result.

Heavy libraries (torch, transformers) are imported only inside the commands that need them, so
``kkalign --help`` stays fast. ``KkalignerError`` is caught here, at the edge, and turned into one
message on stderr and a non-zero exit code; so is a standard output that fails or closes early.

Exit status: 0 success; 1 ``--strict`` (or ``glossary lint``) found errors, or an internal error;
2 bad usage, unreadable input or unwritable output (standard output included); 3 the model or
engine cannot be loaded; 130 interrupted; 141 standard output closed early (``| head``), silently.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Optional, Sequence

from kkaligner.cli import batch as _batch  # noqa: F401,E402
from kkaligner.cli import glossary as _glossary  # noqa: F401,E402
from kkaligner.cli import models as _models  # noqa: F401,E402
from kkaligner.cli import review as _review  # noqa: F401,E402
from kkaligner.cli import segment as _segment  # noqa: F401,E402
from kkaligner.cli import serve as _serve  # noqa: F401,E402

# Each module registers its commands on `app` (one line per command module).
from kkaligner.cli import translate as _translate  # noqa: F401,E402
from kkaligner.cli.app import app, click_module, readable_help
from kkaligner.errors import KkalignerError, OutputError

EXIT_INTERRUPTED = 130
# What a shell reports for a program killed by SIGPIPE (128 + 13), as coreutils are under `| head`.
EXIT_BROKEN_PIPE = 141

# Errors of a write to standard output; an OSError with a file name came from opening a file.
_STDOUT_ERRNOS = {errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EBADF, errno.EINVAL, errno.EROFS}


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so the flush at interpreter exit of what is still
    buffered neither fails again nor prints 'Exception ignored ... BrokenPipeError'."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture); nothing is flushed at exit
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def _flush_stdout() -> None:
    # Output still in the buffer would otherwise fail only at exit, with a traceback-like notice.
    if sys.stdout is not None:
        sys.stdout.flush()


def _stdout_error(exc: OSError) -> int:
    """The exit status for a failed write to standard output, after saying so (or not)."""
    _silence_stdout()
    if exc.errno == errno.EPIPE:
        return EXIT_BROKEN_PIPE  # the reader has what it wanted: no message, as coreutils
    print(f"kkalign: error: cannot write to standard output: {exc.strerror or exc}. "
          "Check free space, or write to a file with -o.", file=sys.stderr)
    return OutputError.exit_code


class _OutputFailed(Exception):
    """An OSError raised while a command ran, carried past typer (which would exit 1 on EPIPE)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _carry_os_errors(method):
    def carried(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except OSError as exc:
            raise _OutputFailed(exc) from exc

    return carried


def _run(args: Optional[list]) -> int:
    import typer

    exceptions = click_module("exceptions")
    command = readable_help(app)
    # Parsing (--version prints there) and running: typer would end a broken pipe with status 1.
    command.make_context = _carry_os_errors(command.make_context)
    command.invoke = _carry_os_errors(command.invoke)
    try:
        result = command.main(args=args, prog_name="kkalign", standalone_mode=False)
    except exceptions.ClickException as exc:  # usage errors: typer's own message and status 2
        exc.show()
        return exc.exit_code
    except typer.Abort:
        print("kkalign: aborted", file=sys.stderr)
        return 1
    return result if isinstance(result, int) else 0


def _is_output_failure(exc: OSError) -> bool:
    return exc.errno == errno.EPIPE or (exc.filename is None and exc.errno in _STDOUT_ERRNOS)


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Entry point of ``kkalign``; exits with the command's status."""
    args = list(argv) if argv is not None else None
    try:
        code = _run(args)
    except KkalignerError as exc:
        print(f"kkalign: error: {exc}", file=sys.stderr)
        code = exc.exit_code
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
    except _OutputFailed as carried:
        if not _is_output_failure(carried.error):
            raise carried.error  # not an output failure: an internal error, shown in full
        sys.exit(_stdout_error(carried.error))
    except OSError as exc:
        if not _is_output_failure(exc):
            raise
        sys.exit(_stdout_error(exc))
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into a bare status 130
        print("kkalign: interrupted", file=sys.stderr)
    try:
        _flush_stdout()
    except OSError as exc:
        if not _is_output_failure(exc):
            raise
        code = _stdout_error(exc)
    sys.exit(code)
