"""Command-line shell over the Python API: parse arguments, call kkaligner, format the result.

Heavy libraries (torch, transformers) are imported only inside the commands that need them, so
``kkalign --help`` stays fast. ``KkalignerError`` is caught here, at the edge, and turned into one
message on stderr and a non-zero exit code.
"""

from __future__ import annotations

import sys
from typing import Optional, Sequence

from kkaligner.cli import batch as _batch  # noqa: F401,E402
from kkaligner.cli import glossary as _glossary  # noqa: F401,E402
from kkaligner.cli import models as _models  # noqa: F401,E402
from kkaligner.cli import review as _review  # noqa: F401,E402
from kkaligner.cli import segment as _segment  # noqa: F401,E402

# Each module registers its commands on `app` (one line per command module).
from kkaligner.cli import translate as _translate  # noqa: F401,E402
from kkaligner.cli.app import app
from kkaligner.errors import KkalignerError


def main(argv: Optional[Sequence[str]] = None) -> None:
    """Entry point of ``kkalign``; exits with the command's status.

    typer handles usage errors and ``--help`` itself (standalone mode); kkaligner's own errors are
    turned into one line on stderr here.
    """
    try:
        app(args=list(argv) if argv is not None else None, prog_name="kkalign")
    except KkalignerError as exc:
        print(f"kkalign: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("kkalign: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
