"""Every error kkaligner raises on purpose.

Each message says what happened and how to fix it, listing the valid choices where there are some.
The CLI catches ``KkalignerError`` at its edge, prints the message and exits non-zero; library users
catch the narrow subclass they care about.
"""

from __future__ import annotations


class KkalignerError(Exception):
    """Base class of all kkaligner errors. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(KkalignerError):
    """The input document cannot be read or decoded (missing file, not UTF-8, empty where text is needed)."""

    exit_code = 2


class UsageError(KkalignerError):
    """An option or argument has a value that is not allowed (unknown language, format, engine...)."""

    exit_code = 2


class GlossaryError(KkalignerError):
    """A glossary file cannot be loaded: unknown format, malformed row, bad encoding."""

    exit_code = 2


class GlossaryConflictError(GlossaryError):
    """Two entries give one source term two different approved renderings."""


class GlossaryRowError(GlossaryError):
    """One row (or the header) of a glossary file is malformed.

    ``where`` names the file and line, ``detail`` says what is wrong and how to fix it, ``code``
    names the problem; ``kkalign glossary lint`` lists every such row instead of stopping at the first.
    """

    def __init__(self, where: str, detail: str, code: str = "malformed-row"):
        super().__init__(f"{where}: {detail}")
        self.where = where
        self.detail = detail
        self.code = code


class ModelNotFoundError(KkalignerError):
    """A model is neither cached locally nor reachable on the Hub."""

    exit_code = 3


class EngineError(KkalignerError):
    """A translation engine failed to load or to run (missing optional package, bad model folder)."""

    exit_code = 3


class DeviceError(EngineError):
    """The device asked for (``--device cuda:1``) is not there on this machine."""


class SegmentationError(KkalignerError):
    """The splitter was given something it cannot split (not text)."""


class OutputError(KkalignerError):
    """An output cannot be written (unknown format, unwritable path)."""

    exit_code = 2


class MemoryStoreError(KkalignerError):
    """The translation memory database is corrupt or locked; callers continue without it."""


class BatchError(KkalignerError):
    """A corpus job stopped: a document failed under --fail-fast, or another job holds the output folder."""


def choices(values) -> str:
    """Format valid choices for an error message: 'a', 'b' or 'c'."""
    items = [f"'{v}'" for v in values]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


class DocumentError(InputError):
    """A document (DOCX, HTML, SRT, XLIFF...) cannot be read as its format: damaged, of another
    format than its suffix says, or holding something kkaligner will not translate (tracked changes)."""


class EncryptedDocumentError(DocumentError):
    """The document is password-protected; kkaligner cannot read it without the password."""


class UnsafeDocumentError(DocumentError):
    """The document holds XML that could attack the reader (a DTD, entity expansion, external entities)."""


class DocumentTooLargeError(DocumentError):
    """The document (or what it unpacks to) is larger than the size limit."""


class RequestError(UsageError):
    """A request to ``kkalign serve`` is malformed (bad JSON, unknown language, empty text).
    ``status`` is the HTTP status the server answers with."""

    status = 400


class AccessDeniedError(RequestError):
    """The server requires an API key and the request has none or a wrong one."""

    status = 403


class RequestTooLargeError(RequestError):
    """A request is over the server's limits (characters, body size)."""

    status = 413


class RateLimitError(RequestError):
    """A client sent more requests than the server's rate limit allows."""

    status = 429
