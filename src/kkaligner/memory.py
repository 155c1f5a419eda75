"""Translation memory: sentences already translated are never translated again.

A SQLite database (stdlib ``sqlite3``) maps ``(context, source, constraints)`` to the hypotheses an
engine returned. ``context`` is a digest of everything that changes a translation besides the
sentence itself: engine, model, revision, compute type, decode options, languages and the glossary
hash. Reuse is exact-match only: a different model, option or glossary is a different context.

``MemoryEngine`` wraps any engine with the same ``Engine`` protocol: hits are served from the
memory, misses go to the wrapped engine in chunks and every chunk is committed in its own
transaction, so a run that is interrupted (Ctrl-C, crash, power cut) resumes where it stopped when
the same command is run again. A database that is corrupt or locked raises ``MemoryStoreError`` from
the constructor; ``MemoryEngine.wrap`` turns that into a warning and runs without the memory.

The database lives in the user cache directory (``$KKALIGNER_CACHE`` or ``~/.cache/kkaligner``)
unless a path (or ``$KKALIGNER_MEMORY``) says otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import warnings
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence

from kkaligner import __version__
from kkaligner.cache import cache_dir  # noqa: F401  (kept here for callers of earlier versions)
from kkaligner.engines.base import OUTPUT_OPTIONS as _OUTPUT_OPTIONS
from kkaligner.engines.base import DecodeOptions, Progress
from kkaligner.engines.ct2.convert import local_fingerprint
from kkaligner.errors import MemoryStoreError
from kkaligner.types import Constraint, Hypothesis

SCHEMA_VERSION = 1
MEMORY_FILENAME = "memory.sqlite"

OUTPUT_VERSION = 3
"""What the engines return for a given sentence, model and options: part of every entry's key and
raised whenever that changes, so entries written before miss instead of serving drafts this version
would not write (2: CTranslate2 no longer reads pad tokens inside a batch; a name the model spells
its own way is taken for the term in both engines; unforceable renderings are stored. 3: engines
return the text as decoded, the repair runs once, in finalize)."""

# SQLite's default limit on bound parameters is 999 on old builds; stay below it.
_LOOKUP_CHUNK = 400


def default_memory_path() -> Path:
    """Where the translation memory lives unless told otherwise (``$KKALIGNER_MEMORY`` wins)."""
    env = os.environ.get("KKALIGNER_MEMORY")
    return Path(env).expanduser() if env else cache_dir() / MEMORY_FILENAME


def _digest(obj) -> str:
    data = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=repr)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def memory_context(
    engine,
    options: DecodeOptions,
    source_lang: str,
    target_lang: str,
    glossary_hash: str = "",
    extra: Iterable[tuple[str, str]] = (),
) -> str:
    """Digest of everything besides the sentence that decides a translation.

    ``engine`` supplies ``name``, ``model_id``, ``revision`` and, when it has them, ``compute_type``
    (int8 and float32 decode differently). ``extra`` are further ``(key, value)`` pairs the caller
    wants in the key.
    """
    opts = asdict(options)
    return _digest(
        {
            "schema": SCHEMA_VERSION,
            "output": OUTPUT_VERSION,
            "engine": getattr(engine, "name", ""),
            "model": getattr(engine, "model_id", ""),
            "revision": getattr(engine, "revision", ""),
            "compute_type": str(getattr(engine, "compute_type", "") or ""),
            "options": {k: opts[k] for k in _OUTPUT_OPTIONS if k in opts},
            "langs": [source_lang, target_lang],
            "glossary": glossary_hash,
            "extra": sorted((str(k), str(v)) for k, v in extra),
        }
    )


def model_fingerprint(engine) -> str:
    """What identifies a local model's weights (``""`` for a Hub snapshot, whose revision does).

    A model saved again into the same folder keeps its name and the revision ``local``; the
    fingerprint (config bytes, weight files' sizes and times) makes its old translations misses.
    """
    if str(getattr(engine, "revision", "") or "local") != "local":
        return ""
    parts = []
    for attr in ("folder", "ct2_dir"):
        folder = getattr(engine, attr, None)
        if folder is not None and Path(folder).is_dir():
            try:
                parts.append(local_fingerprint(Path(folder)))
            except OSError:
                parts.append("unreadable")
    return "+".join(parts)


def pipeline_context(engine, glossary_hash: str) -> str:
    """``MemoryEngine`` context of the pipeline: the glossary hash, the local model's fingerprint and
    the kkaligner version (a release may decode or enforce differently)."""
    return _digest({"glossary": glossary_hash, "weights": model_fingerprint(engine), "kkaligner": __version__})


def constraints_key(constraints: Optional[Sequence[Constraint]]) -> str:
    """Digest of one sentence's constraints (``""`` for none), part of the memory key.

    Keying on the constraints themselves, not only on the glossary hash, keeps a hit exact even when
    a caller forgets to pass the glossary hash.
    """
    if not constraints:
        return ""
    return _digest([[list(c.options), list(c.forbidden), repr(c.term)] for c in constraints])[:32]


def _row(h: Hypothesis) -> list:
    """A hypothesis as stored: [text, score], then the renderings it could not have forced, if any."""
    return [h.text, h.score, list(h.unforceable)] if h.unforceable else [h.text, h.score]


def _describe(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[0].lower() + text[1:] if text else text


class TranslationMemory:
    """A SQLite store of translations, keyed by ``(context, source, constraints key)``.

    Opening checks that the file is a kkaligner memory that can be read and written; a corrupt,
    foreign or locked database raises ``MemoryStoreError`` saying how to proceed. ``timeout`` is
    how long to wait for another process's write lock before giving up.
    """

    def __init__(self, path: Optional[Path | str] = None, *, timeout: float = 5.0) -> None:
        self.path = Path(path).expanduser() if path is not None else default_memory_path()
        self._conn: Optional[sqlite3.Connection] = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MemoryStoreError(
                f"cannot create the folder of the translation memory {self.path}: {_describe(exc)}; "
                "pass another path (--memory PATH) or run without it (--no-memory)"
            ) from None
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per batch.
            conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            conn.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; WAL keeps it consistent
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " context TEXT NOT NULL, source TEXT NOT NULL, ckey TEXT NOT NULL,"
                " hypotheses TEXT NOT NULL, created REAL NOT NULL,"
                " PRIMARY KEY (context, source, ckey)) WITHOUT ROWID"
            )
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            elif row[0] != str(SCHEMA_VERSION):
                conn.execute("ROLLBACK")
                conn.close()
                raise MemoryStoreError(
                    f"the translation memory {self.path} has schema version {row[0]}, this kkaligner "
                    f"reads version {SCHEMA_VERSION}; delete the file or pass another path (--memory PATH)"
                )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                conn.close()
            except sqlite3.Error:
                pass
            raise self._error(exc) from None
        self._conn = conn

    def _error(self, exc: BaseException) -> MemoryStoreError:
        text = _describe(exc)
        if "locked" in text or "busy" in text:
            return MemoryStoreError(
                f"the translation memory {self.path} is locked by another process ({text}); wait for it "
                "to finish, pass another path (--memory PATH) or run without it (--no-memory)"
            )
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError) or (
            "not a database" in text or "malformed" in text or "corrupt" in text
        ):
            return MemoryStoreError(
                f"the translation memory {self.path} is corrupt ({text}); delete it (it is only a cache) "
                "or pass another path (--memory PATH)"
            )
        return MemoryStoreError(
            f"the translation memory {self.path} cannot be used ({text}); pass another path "
            "(--memory PATH) or run without it (--no-memory)"
        )

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise MemoryStoreError(f"the translation memory {self.path} is closed")
        return self._conn

    def lookup(
        self, context: str, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], list[Hypothesis]]:
        """Stored hypotheses for each ``(source, constraints key)`` found under ``context``."""
        found: dict[tuple[str, str], list[Hypothesis]] = {}
        unique = list(dict.fromkeys(keys))
        try:
            for i in range(0, len(unique), _LOOKUP_CHUNK):
                chunk = unique[i : i + _LOOKUP_CHUNK]
                sources = list(dict.fromkeys(s for s, _ in chunk))
                marks = ",".join("?" * len(sources))
                wanted = set(chunk)
                rows = self.conn.execute(
                    f"SELECT source, ckey, hypotheses FROM entries WHERE context = ? AND source IN ({marks})",
                    (context, *sources),
                )
                for source, ckey, blob in rows:
                    if (source, ckey) in wanted:
                        found[(source, ckey)] = [
                            Hypothesis(h[0], h[1], tuple(h[2]) if len(h) > 2 else ()) for h in json.loads(blob)
                        ]
        except (sqlite3.Error, ValueError, TypeError) as exc:
            raise self._error(exc) from None
        return found

    def store(self, context: str, items: Iterable[tuple[str, str, Sequence[Hypothesis]]]) -> int:
        """Store ``(source, constraints key, hypotheses)`` items in one transaction; return how many."""
        now = time.time()
        rows = [
            (context, source, ckey, json.dumps([_row(h) for h in hyps], ensure_ascii=False), now)
            for source, ckey, hyps in items
        ]
        if not rows:
            return 0
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", rows)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return len(rows)

    def rows_since(self, created: float) -> list[tuple]:
        """The raw entries stored at or after time ``created``, for ``merge`` into another memory."""
        try:
            return self.conn.execute("SELECT * FROM entries WHERE created >= ?", (created,)).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def merge(self, rows: Sequence[tuple]) -> int:
        """Add raw entries from ``rows_since`` of another memory, in one transaction; those already
        here are kept. Returns how many rows were offered."""
        if not rows:
            return 0
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany("INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?)", [tuple(r) for r in rows])
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return len(rows)

    def __len__(self) -> int:
        try:
            return self.conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def clear(self, context: Optional[str] = None) -> int:
        """Delete every entry (or those of one ``context``); return how many were deleted."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            if context is None:
                cur = self.conn.execute("DELETE FROM entries")
            else:
                cur = self.conn.execute("DELETE FROM entries WHERE context = ?", (context,))
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        return cur.rowcount

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def __enter__(self) -> "TranslationMemory":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for i in range(0, len(items), max(1, size)):
        yield items[i : i + size]


@dataclass
class MemoryStats:
    """What one ``MemoryEngine`` has done: sentences served from memory, translated, stored."""

    hits: int = 0
    misses: int = 0
    stored: int = 0


class MemoryEngine:
    """An ``Engine`` that serves known sentences from a ``TranslationMemory`` and translates the rest.

    ``context`` is what the caller adds to the key besides engine, options and languages, normally
    the glossary hash. Misses are sent to ``engine`` in chunks of ``chunk_sentences`` (default: four
    batches), sorted by length, and each chunk is committed before the next starts: an interrupted
    run loses at most one chunk. Identical sentences in one call are translated once. A memory that
    fails mid-run (disk full, locked too long) is dropped with a warning and the run goes on.
    """

    def __init__(
        self,
        engine,
        memory: TranslationMemory,
        context: str = "",
        *,
        chunk_sentences: Optional[int] = None,
        warn: Optional[Callable[[str], None]] = None,
    ) -> None:
        self.engine = engine
        self.memory: Optional[TranslationMemory] = memory
        self.context = context
        self.chunk_sentences = chunk_sentences
        self._warn = warn or (lambda message: warnings.warn(message, RuntimeWarning, stacklevel=3))
        self.stats = MemoryStats()

    @classmethod
    def wrap(
        cls,
        engine,
        path: Optional[Path | str] = None,
        context: str = "",
        *,
        warn: Optional[Callable[[str], None]] = None,
        **kw,
    ):
        """``engine`` behind the memory at ``path``; ``engine`` itself (with a warning) if it cannot be opened."""
        try:
            memory = TranslationMemory(path)
        except MemoryStoreError as exc:
            (warn or (lambda m: warnings.warn(m, RuntimeWarning, stacklevel=3)))(
                f"{exc}; continuing without the translation memory"
            )
            return engine
        return cls(engine, memory, context, warn=warn, **kw)

    # The Engine protocol's identity fields are the wrapped engine's.
    @property
    def name(self) -> str:
        return self.engine.name

    @property
    def model_id(self) -> str:
        return self.engine.model_id

    @property
    def revision(self) -> str:
        return self.engine.revision

    @property
    def device(self) -> str:
        return self.engine.device

    def __getattr__(self, item):
        # Anything else (tokenizer, compute_type...) is the wrapped engine's.
        if item == "engine":
            raise AttributeError(item)
        return getattr(self.engine, item)

    def _drop_memory(self, exc: MemoryStoreError) -> None:
        self._warn(f"{exc}; continuing without the translation memory")
        if self.memory is not None:
            try:
                self.memory.close()
            except Exception:  # noqa: BLE001 - already failing; the warning said why
                pass
        self.memory = None

    def translate(
        self,
        texts: Sequence[str],
        source_lang: str,
        target_lang: str,
        options: DecodeOptions = DecodeOptions(),
        constraints: Optional[Sequence[Sequence[Constraint]]] = None,
        progress: Optional[Progress] = None,
    ) -> list[list[Hypothesis]]:
        texts = list(texts)
        cons = list(constraints) if constraints is not None else [()] * len(texts)
        if len(cons) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(cons)} constraint lists")
        if self.memory is None:
            return self.engine.translate(texts, source_lang, target_lang, options, constraints, progress)

        context = memory_context(self.engine, options, source_lang, target_lang, self.context)
        keys = [(t, constraints_key(c)) for t, c in zip(texts, cons)]
        try:
            known = self.memory.lookup(context, keys)
        except MemoryStoreError as exc:
            self._drop_memory(exc)
            return self.engine.translate(texts, source_lang, target_lang, options, constraints, progress)

        results: dict[tuple[str, str], list[Hypothesis]] = dict(known)
        hit_count = sum(1 for k in keys if k in known)
        self.stats.hits += hit_count
        if progress and hit_count:
            progress(hit_count)

        # One representative per distinct missing key, longest first so chunks batch well.
        first_index: dict[tuple[str, str], int] = {}
        for i, key in enumerate(keys):
            if key not in known:
                first_index.setdefault(key, i)
        todo = sorted(first_index.items(), key=lambda kv: -len(kv[0][0]))
        counts = Counter(keys)
        size = self.chunk_sentences or max(1, options.batch_size) * 4
        for chunk in _chunks(todo, size):
            idx = [i for _, i in chunk]
            chunk_keys = [k for k, _ in chunk]
            out = self.engine.translate(
                [texts[i] for i in idx],
                source_lang,
                target_lang,
                options,
                [cons[i] for i in idx],
                progress,
            )
            self.stats.misses += len(chunk)
            for key, hyps in zip(chunk_keys, out):
                results[key] = list(hyps)
            if progress:
                extra = sum(counts[k] - 1 for k in chunk_keys)  # duplicates finished along with their first
                if extra:
                    progress(extra)
            if self.memory is not None:
                try:
                    self.stats.stored += self.memory.store(context, [(k[0], k[1], results[k]) for k in chunk_keys])
                except MemoryStoreError as exc:
                    self._drop_memory(exc)
        return [list(results[k]) for k in keys]

    def close(self) -> None:
        try:
            self.engine.close()
        finally:
            if self.memory is not None:
                self.memory.close()
