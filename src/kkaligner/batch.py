"""Translate a corpus: many documents, one model load, resumable.

    inputs (folders, globs, files; JSONL/Parquet with one document a row) → documents
    → groups (consecutive documents, up to ``group_sentences`` sentences) → ``Translator.translate_many``
    → each document's output written atomically → one manifest line → the next

Outputs mirror the input tree in any writer format (``notes.txt`` → ``OUTDIR/notes.txt``, ``a.md`` →
``OUTDIR/a.md.txt``; a table's rows → ``OUTDIR/<table>/<id>.<suffix>``), or with ``format="jsonl"``
/ ``"parquet"`` one ``OUTDIR/drafts.jsonl`` / ``drafts.parquet`` of rows (id, source, draft, terms,
findings, signature), assembled at the end from per-document parts.

Resuming: ``OUTDIR/.kkalign/manifest.jsonl`` gets one line per written document (its key, a digest of
its text, the Draft signature, the output path and a digest of the output), appended and fsynced
after the output is in place. A rerun skips a document whose line matches its text, the signature
and the file on disk, so an interrupted job translates only what is missing; a torn last line is
ignored. A document that cannot be read or translated is reported (``BatchReport.failures``) and
the job goes on, unless ``fail_fast``.

Documents are grouped the same way whatever runs them, so a run on Ray (``kkaligner.batch_ray``)
writes the same bytes as a local one: engines decode a sentence with the rest of its batch, and
padding can change the last digits of its scores.
"""

from __future__ import annotations

import codecs
import dataclasses
import glob as globlib
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union

from kkaligner.errors import BatchError, InputError, KkalignerError, OutputError, UsageError, choices
from kkaligner.io import atomic_write, decode, same_file
from kkaligner.split import segment
from kkaligner.types import Draft
from kkaligner.writers import FORMATS, SUFFIXES, render
from kkaligner.writers.json import as_dict

TABLE_SUFFIXES = (".jsonl", ".parquet")
TABLE_FORMATS = ("jsonl", "parquet")
STATE_DIR = ".kkalign"
MANIFEST = "manifest.jsonl"
REPORT = "report.json"
PARTS = "parts"
GROUP_SENTENCES = 256
"""Sentences per ``translate_many`` call: batches stay full and a failure or interrupt costs little."""

BATCH_SIZE = 64
"""Sentences an engine decodes together in a corpus job (``Translator(batch_size=...)``), where a
group's sentences from many documents fill every batch. On a CPU (NLLB-600M shape, int8, 2 cores) a
greedy forcing round of 64 sentences costs about 27% less CPU time decoded at once than in 4 batches
of 16; the beam-4 first pass, which costs the same per sentence from 16 sentences up, stays at 64
hypotheses (``engines.ct2.CPU_BEAM_ROWS``)."""

PLAIN_PROGRESS_SECONDS = 5.0


@dataclass(frozen=True)
class Document:
    """One document of a job. ``key`` is unique in the job (relative path, or ``table#id``);
    ``output`` is relative to OUTDIR; ``error`` says why it cannot be translated (then ``text`` is None)."""

    key: str
    id: str
    origin: str
    output: str
    text: Optional[str] = None
    error: Optional[str] = None
    source_digest: Optional[str] = None
    """The text's digest, kept when the text itself is dropped (``light``)."""

    @property
    def digest(self) -> str:
        return self.source_digest if self.source_digest is not None else _sha(self.text or "")

    def light(self) -> "Document":
        """This document without its text (its digest kept): what a job holds of every document."""
        return dataclasses.replace(self, text=None, source_digest=self.digest) if self.text is not None else self


@dataclass(frozen=True)
class Failure:
    """A document the job could not translate, and why."""

    key: str
    origin: str
    reason: str


@dataclass(frozen=True)
class Result:
    """What translating one document gives the writer: the output text (a file, or a JSON row in table
    mode) and counts for the report, or ``error``. Plain data: it travels between processes."""

    key: str
    payload: str = ""
    sentences: int = 0
    terms: tuple[tuple[str, int], ...] = ()
    findings: tuple[tuple[str, int], ...] = ()
    error: Optional[str] = None


@dataclass(frozen=True)
class BatchReport:
    """The job's summary. ``sentences``, ``terms`` (by status) and ``findings`` (by severity) count
    every document whose output is in OUTDIR, translated now or skipped as current."""

    documents: int
    translated: int
    skipped: int
    failed: int
    sentences: int
    terms: tuple[tuple[str, int], ...]
    findings: tuple[tuple[str, int], ...]
    failures: tuple[Failure, ...]
    seconds: float
    signature: str
    outdir: str
    format: str
    output: Optional[str] = None
    workers: str = "local"
    worker_memory: tuple[int, ...] = ()
    """Peak resident memory, in bytes, of each process that translated (this one, or each actor)."""

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["terms"], d["findings"] = dict(self.terms), dict(self.findings)
        d["failures"] = [dataclasses.asdict(f) for f in self.failures]
        return d


def _peak_rss() -> int:
    """This process's peak resident memory in bytes: VmHWM where /proc has it (ru_maxrss also
    counts what the parent held when it forked this process), else ru_maxrss, else 0."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        import resource
    except ImportError:  # pragma: no cover (Windows)
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def _sha(text: Union[str, bytes]) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


# --- inputs -------------------------------------------------------------------------------------


def _output_name(rel: str, fmt: str) -> str:
    """``rel`` (a POSIX path) with the format's suffix: kept when it already has it, else appended."""
    if fmt in TABLE_FORMATS:
        return f"{STATE_DIR}/{PARTS}/{_sha(rel)[:32]}.json"
    suffix = next(s for s, name in SUFFIXES.items() if name == fmt)
    return rel if rel.lower().endswith(suffix) else rel + suffix


def _safe_id(value: str) -> str:
    """A row id as a file name: path separators and control characters escaped, never '..'."""
    out = "".join(c if c.isprintable() and c not in '/\\:*?"<>|' else f"%{ord(c):02X}" for c in value)
    return out if out.strip(".") else out.replace(".", "%2E") or "%00"


_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # the UTF-32 marks begin with UTF-16's
CHUNK = 1 << 20


def _jsonl_lines(path: Path) -> Iterator[str]:
    """The lines of a JSONL file, as ``io.decode(data).splitlines()`` gives them: read a line at a
    time when the file is UTF-8 without a mark (checked first, a chunk at a time), else decoded
    whole (a byte-order mark, or bytes that ``decode`` refuses with its own message). Raises OSError
    and InputError before the first line."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
        plain = not head.startswith(_MARKS) and b"\x00" not in head
        if plain:
            check = codecs.getincrementaldecoder("utf-8")()
            try:
                check.decode(head)
                for chunk in iter(lambda: fh.read(CHUNK), b""):
                    check.decode(chunk)
                check.decode(b"", final=True)
            except UnicodeDecodeError:
                plain = False
    if not plain:
        return iter(decode(path.read_bytes(), str(path)).splitlines())
    return _utf8_lines(path)


def _utf8_lines(path: Path) -> Iterator[str]:
    with open(path, "rb") as fh:
        for raw in fh:
            yield from raw.decode("utf-8").splitlines()  # a line may hold other line breaks (\r, U+2028)


def _rows_jsonl(path: Path, id_field: str, text_field: str) -> Iterator[tuple[Optional[str], Any, str, Optional[str]]]:
    """(id, text, where, error) for each line of a JSONL file, read as they are asked for."""
    try:
        lines = _jsonl_lines(path)
    except OSError as exc:
        yield None, None, str(path), f"cannot read ({exc.strerror}); check its permissions"
        return
    except InputError as exc:
        yield None, None, str(path), str(exc)
        return
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path} line {n}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield None, None, where, f"not JSON ({exc}); each line must be one JSON object"
            continue
        if not isinstance(row, dict):
            yield None, None, where, f"a JSON {type(row).__name__}, not an object with '{id_field}' and '{text_field}'"
            continue
        yield (None if row.get(id_field) is None else str(row[id_field])), row.get(text_field, _MISSING), where, None


_MISSING = object()


def _rows_parquet(path: Path, id_field: str, text_field: str) -> Iterator[tuple[Optional[str], Any, str, Optional[str]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield None, None, str(path), "reading Parquet needs pyarrow: pip install 'kkaligner[ray]' (or pyarrow)"
        return
    try:
        table = pq.ParquetFile(path)
        names = table.schema_arrow.names
    except Exception as exc:  # pyarrow raises several types for a bad file
        yield None, None, str(path), f"cannot read as Parquet ({type(exc).__name__}: {exc})"
        return
    if text_field not in names:
        yield None, None, str(path), (
            f"no column '{text_field}' (columns: {', '.join(names)}); pass --text-field with the column that holds the text"
        )
        return
    columns = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    n = 0
    try:  # a batch of rows at a time, only the two columns
        for batch in table.iter_batches(batch_size=1024, columns=columns):
            texts = batch.column(batch.schema.get_field_index(text_field)).to_pylist()
            ids = (batch.column(batch.schema.get_field_index(id_field)).to_pylist() if id_field in names
                   else [None] * len(texts))
            for doc_id, text in zip(ids, texts):
                yield (None if doc_id is None else str(doc_id)), text, f"{path} row {n}", None
                n += 1
    except Exception as exc:  # a damaged row group: the rows before it stand
        yield None, None, f"{path} row {n}", f"cannot read as Parquet ({type(exc).__name__}: {exc})"


def _table_documents(path: Path, rel: str, fmt: str, id_field: str, text_field: str) -> Iterator[Document]:
    rows = _rows_parquet if path.suffix.lower() == ".parquet" else _rows_jsonl
    stem = rel[: -len(path.suffix)]
    seen: set[str] = set()
    for n, (doc_id, text, where, error) in enumerate(rows(path, id_field, text_field)):
        if error is None and doc_id is None:
            error = f"no '{id_field}' field; give each row an id, or pass --id-field with the field that holds it"
        if error is None and (text is _MISSING or text is None):
            error = f"no '{text_field}' field; pass --text-field with the field that holds the text"
        elif error is None and not isinstance(text, str):
            error = f"'{text_field}' is a {type(text).__name__}, not text"
        if error is None and doc_id in seen:
            error = f"id {doc_id!r} appears twice in {path}; ids must be unique"
        key = f"{rel}#{doc_id}" if doc_id is not None and error is None else f"{rel}#@{n}"
        if error is not None:
            yield Document(key, doc_id or "", where, "", error=error)
            continue
        seen.add(doc_id)
        yield Document(key, doc_id, where, _output_name(f"{stem}/{_safe_id(doc_id)}", fmt), text=text)


def _text_document(path: Path, rel: str, fmt: str) -> Document:
    output = _output_name(rel, fmt)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Document(rel, rel, str(path), output, error=f"cannot read ({exc.strerror}); check its permissions")
    try:
        return Document(rel, rel, str(path), output, text=decode(data, str(path)))
    except InputError as exc:
        return Document(rel, rel, str(path), output, error=str(exc))


def _files(arg: str) -> list[tuple[Path, str]]:
    """(file, path relative to the input's root, POSIX) for one input argument."""
    p = Path(arg)
    if p.is_dir():
        out = []
        for root, dirs, names in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    f = Path(root) / name
                    out.append((f, f.relative_to(p).as_posix()))
        return out
    if p.exists() or not globlib.has_magic(arg):
        return [(p, p.name)]
    # A glob's matches are relative to its last folder before the first wildcard.
    parts = Path(arg).parts
    fixed = next(i for i, part in enumerate(parts) if globlib.has_magic(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    return [(Path(m), Path(m).relative_to(root).as_posix())
            for m in sorted(globlib.glob(arg, recursive=True)) if Path(m).is_file()]


def _input_files(inputs: Sequence[Union[str, Path]]) -> list[list[tuple[Path, str]]]:
    """Each input's files; InputError for an input that names nothing."""
    out = []
    for arg in inputs:
        files = _files(str(arg))
        if not files:
            raise InputError(f"{arg}: no file matches. Check the pattern (quote it so the shell leaves it to kkalign).")
        if len(files) == 1 and not files[0][0].exists():
            raise InputError(f"{arg}: no such file or folder. Check the path.")
        out.append(files)
    return out


def iter_documents(
    inputs: Sequence[Union[str, Path]], format: str = "txt", id_field: str = "id", text_field: str = "text"
) -> Iterator[Document]:
    """``documents``, one at a time: a file is read when its document is reached (a JSONL or Parquet
    file when its first row is), so a caller holds only the documents it keeps. The inputs are
    checked before the first document is given."""
    return _iter_documents(_input_files(inputs), format, id_field, text_field)


def _iter_documents(inputs: list[list[tuple[Path, str]]], format: str, id_field: str, text_field: str) -> Iterator[Document]:
    keys: set[str] = set()
    n = 0
    for files in inputs:
        for path, rel in files:
            if path.suffix.lower() in TABLE_SUFFIXES:
                found: Iterable[Document] = _table_documents(path, rel, format, id_field, text_field)
            else:
                found = [_text_document(path, rel, format)]
            for doc in found:
                if doc.key in keys:
                    doc = dataclasses.replace(doc, key=f"{doc.key}@{n}", text=None, error=(
                        f"another input already gives a document at {doc.key}; pass folders whose files do not overlap"))
                keys.add(doc.key)
                n += 1
                yield doc


def documents(
    inputs: Sequence[Union[str, Path]], format: str = "txt", id_field: str = "id", text_field: str = "text"
) -> list[Document]:
    """The documents of ``inputs`` in order: folders (walked, hidden entries skipped), globs, files;
    ``.jsonl`` / ``.parquet`` files give one document a row. A document that cannot be read is
    returned with its ``error``; an input that names nothing raises InputError."""
    return list(iter_documents(inputs, format, id_field, text_field))


# --- translating --------------------------------------------------------------------------------


def groups(docs: Sequence[Document], sizes: dict, group_sentences: int = GROUP_SENTENCES) -> list[list[Document]]:
    """Consecutive documents up to ``group_sentences`` sentences a group (a longer document alone);
    ``sizes`` maps each document's key to its sentence count."""
    return list(iter_groups(docs, sizes, group_sentences))


def iter_groups(docs: Iterable[Document], sizes: dict, group_sentences: int = GROUP_SENTENCES) -> Iterator[list[Document]]:
    """``groups``, each given as soon as the document after it is read (or the documents end)."""
    group: list[Document] = []
    size = 0
    for doc in docs:
        n = sizes.get(doc.key, 0)
        if group and size + n <= group_sentences:
            group.append(doc)
            size += n
        else:
            if group:
                yield group
            group, size = [doc], n
    if group:
        yield group


def _counts(draft: Draft) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    terms: dict[str, int] = {}
    for s in draft.sentences:
        for use in s.terms:
            terms[use.status] = terms.get(use.status, 0) + 1
    return tuple(sorted(terms.items())), tuple((k, v) for k, v in draft.findings_by_severity().items() if v)


def payload(draft: Draft, doc_id: str, format: str) -> str:
    """The text written for one document: the rendered draft, or in table mode one JSON row."""
    if format not in TABLE_FORMATS:
        return render(draft, format)
    d = as_dict(draft)
    row = {
        "id": doc_id,
        "source": draft.source_text,
        "draft": draft.text,
        "terms": d["matches"],
        "findings": d["findings"],
        "signature": str(draft.signature),
    }
    return json.dumps(row, ensure_ascii=False, allow_nan=False)


def _result(doc: Document, draft: Draft, format: str) -> Result:
    terms, findings = _counts(draft)
    return Result(doc.key, payload(draft, doc.id, format), len(draft.sentences), terms, findings)


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, KkalignerError) else f"{type(exc).__name__}: {exc}"


def translate_group(translator, docs: Sequence[Document], format: str,
                    progress: Optional[Callable[[int], None]] = None) -> list[Result]:
    """Translate a group in one ``translate_many`` call; when it fails, each document alone, so a
    failure costs only its document. The one function local and Ray runs share."""
    try:
        drafts = translator.translate_many([d.text for d in docs], progress=progress)
        return [_result(doc, draft, format) for doc, draft in zip(docs, drafts)]
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        if len(docs) == 1:
            return [Result(docs[0].key, error=_reason(exc))]
    out = []
    for doc in docs:
        try:
            out.append(_result(doc, translator.translate(doc.text), format))
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            out.append(Result(doc.key, error=_reason(exc)))
    return out


# --- the output folder --------------------------------------------------------------------------


class Manifest:
    """``OUTDIR/.kkalign/manifest.jsonl``: one line per document written; the last line for a key wins."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.path = outdir / STATE_DIR / MANIFEST
        self.entries: dict[str, dict] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    entry = json.loads(line)
                    self.entries[entry["key"]] = entry
                except (ValueError, KeyError, TypeError):
                    continue  # a line torn by an interrupt: its document is done again
        self._fh = None

    def current(self, doc: Document, signature: str) -> Optional[dict]:
        """The entry when ``doc``'s output is complete and current: same text, signature and file."""
        entry = self.entries.get(doc.key)
        if not entry or entry.get("source") != doc.digest or entry.get("signature") != signature:
            return None
        if entry.get("output") != doc.output:
            return None
        try:
            data = (self.outdir / doc.output).read_bytes()
        except OSError:
            return None
        return entry if _sha(data) == entry.get("digest") else None

    def record(self, doc: Document, signature: str, result: Result, data: bytes) -> None:
        entry = {
            "key": doc.key, "id": doc.id, "source": doc.digest, "signature": signature, "output": doc.output,
            "digest": _sha(data), "sentences": result.sentences, "terms": dict(result.terms),
            "findings": dict(result.findings),
        }
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "a", encoding="utf-8")
            if self._fh.tell() and not self.path.read_bytes().endswith(b"\n"):
                self._fh.write("\n")  # end a line an interrupt tore, so this one stands alone
        self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.entries[doc.key] = entry

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class _Lock:
    """An exclusive lock on OUTDIR, so two jobs never write one folder."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / STATE_DIR / "lock"
        self._fh = None

    def __enter__(self) -> "_Lock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "a")
        try:
            import fcntl

            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover (Windows: no lock)
            pass
        except OSError:
            self._fh.close()
            raise BatchError(
                f"another kkalign batch is writing to {self.path.parent.parent}; wait for it to finish or choose another -o folder"
            ) from None
        return self

    def __exit__(self, *exc) -> None:
        if self._fh is not None:
            self._fh.close()


class Progress:
    """Documents and sentences done, with ETA: a rich bar on a terminal, else a plain line on
    ``stream`` every few seconds. ``enabled=False`` prints nothing."""

    def __init__(self, documents: int, sentences: int, enabled: bool = True, stream=None) -> None:
        self.documents, self.sentences = documents, max(1, sentences)
        self.done_docs = self.done_sents = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.start = self.last = time.monotonic()
        self._bar = self._task = None
        if enabled and getattr(self.stream, "isatty", lambda: False)():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(TextColumn("translating sentences"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=Console(file=self.stream), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("batch", total=self.sentences)

    def advance(self, documents: int, sentences: int) -> None:
        self.done_docs += documents
        self.update(self.done_sents + sentences)

    def update(self, sentences: int) -> None:
        """Set the sentences done (within a group, as its batches finish)."""
        self.done_sents = sentences
        if self._bar is not None:
            self._bar.update(self._task, completed=min(self.done_sents, self.sentences))
        elif self.enabled and time.monotonic() - self.last >= PLAIN_PROGRESS_SECONDS:
            self.last = time.monotonic()
            print(self.line(), file=self.stream, flush=True)

    def line(self) -> str:
        elapsed = time.monotonic() - self.start
        rate = self.done_sents / elapsed if elapsed > 0 else 0.0
        left = (self.sentences - self.done_sents) / rate if rate > 0 else None
        eta = "?" if left is None else f"{int(left // 60)}m{int(left % 60):02d}s"
        return (f"kkalign batch: {self.done_docs}/{self.documents} documents, {self.done_sents}/{self.sentences} "
                f"sentences, {rate:.1f} sentences/s, ETA {eta}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _assemble(outdir: Path, format: str, docs: Sequence[Document], manifest: Manifest, signature: str) -> Path:
    """Table mode: ``drafts.jsonl`` / ``drafts.parquet`` from the current parts, in input order."""
    rows = []
    for doc in docs:
        if doc.error is None and manifest.current(doc, signature) is not None:
            try:
                rows.append((outdir / doc.output).read_text(encoding="utf-8"))
            except OSError:
                continue
    target = outdir / f"drafts.{format}"
    if format == "jsonl":
        atomic_write(target, "".join(r + "\n" for r in rows))
        return target
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError("writing Parquet needs pyarrow: pip install 'kkaligner[ray]' (or pyarrow), or use --format jsonl") from None
    data = [json.loads(r) for r in rows]
    table = pa.table({
        "id": [d["id"] for d in data],
        "source": [d["source"] for d in data],
        "draft": [d["draft"] for d in data],
        "terms": [json.dumps(d["terms"], ensure_ascii=False) for d in data],
        "findings": [json.dumps(d["findings"], ensure_ascii=False) for d in data],
        "signature": [d["signature"] for d in data],
    })
    import io

    buf = io.BytesIO()
    pq.write_table(table, buf)
    atomic_write(target, buf.getvalue())
    return target


@dataclass
class _Job:
    """The state of one run between its steps (mutable, private)."""

    outdir: Path
    format: str
    signature: str
    manifest: Manifest
    progress: Progress
    fail_fast: bool
    by_key: dict
    translated: int = 0
    failures: list = field(default_factory=list)

    def commit(self, result: Result) -> None:
        """Write one document's output atomically, then its manifest line."""
        doc = self.by_key[result.key]
        if result.error is not None:
            self.fail(doc, result.error)
            return
        data = result.payload.encode("utf-8")
        target = self.outdir / doc.output
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
        except (KkalignerError, OSError) as exc:
            self.fail(doc, _reason(exc))
            return
        self.manifest.record(doc, self.signature, result, data)
        self.translated += 1

    def fail(self, doc: Document, reason: str) -> None:
        self.failures.append(Failure(doc.key, doc.origin, reason))
        if self.fail_fast:
            raise BatchError(f"{doc.origin}: {reason} (stopped by --fail-fast; rerun to resume)")


def translate_corpus(
    inputs: Sequence[Union[str, Path]],
    outdir: Union[str, Path],
    translator=None,
    *,
    translator_options: Optional[dict] = None,
    format: str = "txt",
    id_field: str = "id",
    text_field: str = "text",
    fail_fast: bool = False,
    group_sentences: int = GROUP_SENTENCES,
    progress: bool = True,
    ray: Optional[str] = None,
    actors: int = 1,
    cpus_per_actor: float = 1,
    gpus_per_actor: float = 0,
    report: Union[None, str, Path] = None,
    stream=None,
) -> BatchReport:
    """Translate every document of ``inputs`` into ``outdir``; return the summary (also written to
    ``OUTDIR/.kkalign/report.json`` and ``report``).

    ``translator`` is a ``Translator`` (loaded once, used for every document), or None to build one
    from ``translator_options`` (``Translator``'s keyword arguments, ``model`` included; its
    ``batch_size`` defaults to ``BATCH_SIZE`` here, for every process of the job alike). ``ray``
    (``"auto"`` or an address) runs the groups on Ray actors instead (``kkaligner.batch_ray``; it
    needs ``translator_options``: each actor builds its own Translator).
    """
    started = time.monotonic()
    fmt = str(format).lower()
    if fmt not in FORMATS and fmt not in TABLE_FORMATS:
        raise UsageError(f"unknown output format {format!r}. Choose {choices([*FORMATS, *TABLE_FORMATS])}.")
    if group_sentences < 1:
        raise UsageError(f"group size must be at least 1 sentence (got {group_sentences}).")
    if ray is not None and translator_options is None:
        raise UsageError("a Ray run builds a Translator in each actor: pass translator_options, not a Translator.")
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file; -o takes a folder (it is created when missing).")
    files = _input_files(inputs)  # an input that names nothing fails before the model loads
    if report is not None and any(same_file(report, path) for group in files for path, _rel in group):
        # the summary written over a document of the corpus would lose it
        raise OutputError(f"{report} is one of the input documents: --report would replace it. Choose another path.")
    out.mkdir(parents=True, exist_ok=True)
    if translator is None:
        translator_options = {"batch_size": BATCH_SIZE, **(translator_options or {})}
    owned = translator is None and ray is None
    if owned:
        from kkaligner.pipeline import Translator

        translator = Translator(**translator_options or {})
    try:
        with _Lock(out):
            return _run((files, fmt, id_field, text_field), out, fmt, translator, translator_options, fail_fast,
                        group_sentences, progress, ray, actors, cpus_per_actor, gpus_per_actor, report, stream, started)
    finally:
        if owned:
            translator.close()


def _local(translator, plan, fmt, sizes, bar: Progress) -> Iterator[list[Result]]:
    """Each group in this process; the progress follows its batches, then settles on its sentences."""
    for group in plan:
        base = bar.done_sents
        size = sum(sizes[d.key] for d in group)

        def step(n: int, base: int = base, size: int = size) -> None:
            bar.update(min(bar.done_sents + n, base + size))

        results = translate_group(translator, group, fmt, progress=step)
        bar.done_sents = base  # the caller advances by the group's sentences
        yield results


def _run(source, out, fmt, translator, translator_options, fail_fast, group_sentences, show, ray, actors,
         cpus_per_actor, gpus_per_actor, report, stream, started) -> BatchReport:
    """The job. The inputs are read twice, one document at a time: first to find what is to do
    (digests, sentence counts for grouping and progress; only each document's key, digest and output
    are kept), then group by group as the groups are translated, so that memory holds one group's
    texts, whatever the corpus's size."""
    manifest = Manifest(out)
    runner = None
    if ray is not None:
        from kkaligner import batch_ray

        runner = batch_ray.RayRunner(ray, translator_options, actors, cpus_per_actor, gpus_per_actor)
        signature = runner.signature()
    else:
        signature = str(translator.signature())
    lang = (translator_options or {}).get("source_lang", "kk") if translator is None else translator.source_lang
    docs: list[Document] = []  # every document, without its text
    sizes: dict[str, int] = {}  # sentences of each document to translate
    for doc in _iter_documents(*source):
        if doc.error is None and manifest.current(doc, signature) is None:
            sizes[doc.key] = len(segment(doc.text, lang))
        docs.append(doc.light())
    skipped = sum(1 for d in docs if d.error is None) - len(sizes)
    bar = Progress(len(sizes), sum(sizes.values()), enabled=show, stream=stream)
    job = _Job(out, fmt, signature, manifest, bar, fail_fast, {d.key: d for d in docs})

    def todo() -> Iterator[Document]:
        """The documents to translate, read again as their group is reached."""
        for doc in _iter_documents(*source):
            if doc.key not in sizes:
                continue
            if doc.error is not None:  # unreadable since the first reading
                job.fail(doc, doc.error)
                continue
            if doc.digest != job.by_key[doc.key].digest:  # changed since: its manifest line follows the text
                sizes[doc.key] = len(segment(doc.text, lang))
                job.by_key[doc.key] = doc.light()
            yield doc

    plan = iter_groups(todo(), sizes, group_sentences)
    stopped: Optional[BatchError] = None
    try:
        for doc in docs:
            if doc.error is not None:
                job.fail(doc, doc.error)
        if runner is not None:
            results: Iterable[list[Result]] = runner.run(plan, fmt)
        else:
            results = _local(translator, plan, fmt, sizes, bar)
        for group_results in results:
            for result in group_results:
                job.commit(result)
            bar.advance(len(group_results), sum(sizes.get(r.key, 0) for r in group_results))
        if runner is not None:
            runner.merge_memory()
    except BatchError as exc:
        stopped = exc  # the report is still written: what was done, and why it stopped
    finally:
        bar.close()
        manifest.close()
        if runner is not None:
            runner.close()
    target = _assemble(out, fmt, docs, manifest, signature) if fmt in TABLE_FORMATS else None
    live = [e for e in (manifest.entries.get(d.key) for d in docs if d.error is None)
            if e and e.get("signature") == signature and e.get("source") == job.by_key[e["key"]].digest]
    terms: dict[str, int] = {}
    findings: dict[str, int] = {}
    for entry in live:
        for k, v in entry.get("terms", {}).items():
            terms[k] = terms.get(k, 0) + v
        for k, v in entry.get("findings", {}).items():
            findings[k] = findings.get(k, 0) + v
    result = BatchReport(
        documents=len(docs), translated=job.translated, skipped=skipped, failed=len(job.failures),
        sentences=sum(e.get("sentences", 0) for e in live), terms=tuple(sorted(terms.items())),
        findings=tuple(sorted(findings.items())), failures=tuple(job.failures),
        seconds=round(time.monotonic() - started, 3), signature=signature, outdir=str(out), format=fmt,
        output=None if target is None else str(target),
        workers="local" if runner is None else runner.describe(),
        worker_memory=(_peak_rss(),) if runner is None else tuple(runner.rss.values()),
    )
    text = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    atomic_write(out / STATE_DIR / REPORT, text)
    if report is not None:
        atomic_write(report, text)
    if stopped is not None:
        raise stopped
    return result


__all__ = [
    "BATCH_SIZE", "GROUP_SENTENCES",
    "Document", "Failure", "Result", "BatchReport", "Manifest", "Progress",
    "documents", "iter_documents", "groups", "iter_groups", "payload", "translate_group", "translate_corpus",
]
