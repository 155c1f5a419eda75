"""``kkaligner.batch`` on Ray: the same groups, translated by a pool of Translator actors.

    groups (driver: read, split, skip what is current) → Ray Data, one row a group
    → map_batches on an actor pool (one Translator, one model load, per actor; ``translate_group``)
    → rows back in order → the driver writes each document atomically and appends the manifest

Only the driver writes, and only what comes out of the stream, so an actor that dies costs the
retry of its group (``max_restarts`` / ``max_task_retries``): nothing is lost, nothing written twice.
The groups and the code that translates them are those of a local run, so the bytes are the same.

Translation memory: each actor starts from a snapshot of the driver's memory (copied with SQLite's
backup when the file is reachable from its node, else an empty one) and reads and stores in its own
copy; the entries it adds come back with each group and the driver merges them into its memory.
Actors never write the driver's file and never see each other's new entries during a run.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
import warnings
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from kkaligner.batch import Document, Result, _peak_rss, translate_group
from kkaligner.errors import EngineError, MemoryStoreError, UsageError
from kkaligner.memory import TranslationMemory, default_memory_path

ACTOR_RETRIES = 3
"""How often a dead actor is restarted and its group retried before the job gives up."""


def _import_ray():
    try:
        import ray
    except ImportError:
        raise UsageError("--ray needs Ray: pip install 'kkaligner[ray]' (or run without --ray).") from None
    return ray


def _memory_path(options: dict) -> Optional[str]:
    memory = options.get("memory", True)
    if memory is False or memory is None:
        return None
    return str(default_memory_path() if memory is True else Path(memory).expanduser())


def _absolute(options: dict) -> dict:
    """``options`` with local paths made absolute: Ray workers run in folders of their own."""
    out = dict(options)
    model = out.get("model")
    if isinstance(model, (str, Path)) and Path(model).expanduser().exists():
        out["model"] = str(Path(model).expanduser().resolve())
    glossary = out.get("glossary")
    if isinstance(glossary, (str, Path)):
        glossary = [glossary]
    if isinstance(glossary, (list, tuple)):
        out["glossary"] = [str(Path(g).expanduser().resolve()) if Path(g).expanduser().exists() else g
                           for g in glossary]
    memory = out.get("memory")
    if isinstance(memory, (str, Path)):
        out["memory"] = str(Path(memory).expanduser().resolve())
    return out


def _snapshot(path: Optional[str]) -> Optional[str]:
    """A private copy of the memory at ``path`` (empty when that file is not on this node)."""
    if path is None:
        return None
    folder = tempfile.mkdtemp(prefix="kkalign-memory-")
    copy = os.path.join(folder, "memory.sqlite")
    if os.path.isfile(path):
        try:
            src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            dst = sqlite3.connect(copy)
            src.backup(dst)
            src.close()
            dst.close()
        except sqlite3.Error:
            pass  # unreadable: start empty, the run is still right, only slower
    return copy


class _Worker:
    """One Ray actor: one Translator, one model, for every group it is given."""

    def __init__(self, options: dict, format: str, memory: Optional[str]) -> None:
        from kkaligner.pipeline import Translator

        snapshot = _snapshot(memory)
        opts = {**options, "memory": snapshot if snapshot is not None else False}
        self.translator = Translator(**opts)
        self.format = format
        self.mark = time.time()

    def _new_memory(self) -> list:
        store = getattr(self.translator, "_memory_engine", None)
        store = getattr(store, "memory", None)
        if store is None:
            return []
        mark, self.mark = self.mark, time.time()
        try:
            return [list(r) for r in store.rows_since(mark)]
        except MemoryStoreError:
            return []

    def __call__(self, batch: dict) -> dict:
        out = {"group": [], "results": [], "memory": [], "pid": [], "rss": []}
        for group, docs in zip(batch["group"], batch["docs"]):
            docs = [Document(key, doc_id, "", "", text=text) for key, doc_id, text in json.loads(docs)]
            results = translate_group(self.translator, docs, self.format)
            out["group"].append(int(group))
            out["results"].append(json.dumps([[r.key, r.payload, r.sentences, r.terms, r.findings, r.error] for r in results]))
            out["memory"].append(json.dumps(self._new_memory()))
            out["pid"].append(os.getpid())
            out["rss"].append(_peak_rss())
        return out


def _signature(options: dict) -> str:
    from kkaligner.pipeline import Translator

    with Translator(**{**options, "memory": False}) as translator:
        return str(translator.signature())


class RayRunner:
    """Connects to Ray (``"auto"``: the running local instance, else a new one; else an address)
    and translates groups on ``actors`` actors of ``cpus``/``gpus`` each."""

    def __init__(self, address: str, options: dict, actors: int = 1, cpus: float = 1, gpus: float = 0) -> None:
        if actors < 1:
            raise UsageError(f"--actors must be at least 1 (got {actors}).")
        if cpus < 0 or gpus < 0:
            raise UsageError("--cpus-per-actor and --gpus-per-actor cannot be negative.")
        self.ray = _import_ray()
        if not self.ray.is_initialized():
            try:
                self.ray.init(address=None if address == "auto" else address, log_to_driver=False,
                              logging_level="ERROR", include_dashboard=False)
            except (ConnectionError, ValueError, RuntimeError) as exc:
                raise UsageError(f"cannot connect to Ray at {address!r} ({exc}); start it (ray start --head) or use --ray auto.") from None
        self.options = _absolute(options)
        self.actors, self.cpus, self.gpus = actors, cpus, gpus
        self.memory_path = _memory_path(self.options)
        self.rss: dict[int, int] = {}

    def signature(self) -> str:
        task = self.ray.remote(_signature).options(num_cpus=self.cpus, num_gpus=self.gpus)
        try:
            return self.ray.get(task.remote(self.options))
        except self.ray.exceptions.RayTaskError as exc:
            cause = exc.cause if getattr(exc, "cause", None) is not None else exc
            raise EngineError(f"the Ray workers cannot load the model: {cause}") from None

    def run(self, plan: Iterable[Sequence[Document]], format: str) -> Iterator[list[Result]]:
        ray = self.ray
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        # Ray's dataset is built from every group at once: on Ray the driver holds the corpus's texts.
        items = [{"group": i, "docs": json.dumps([[d.key, d.id, d.text] for d in g], ensure_ascii=False)}
                 for i, g in enumerate(plan)]
        if not items:
            return
        ds = ray.data.from_items(items, override_num_blocks=len(items))
        with warnings.catch_warnings():
            # max_restarts / max_task_retries have no named parameter yet; pyproject pins Ray below their removal.
            warnings.simplefilter("ignore", DeprecationWarning)
            ds = self._map(ds, format)
        store = None
        if self.memory_path is not None:
            try:
                store = TranslationMemory(self.memory_path)
            except MemoryStoreError:
                store = None
        try:
            for row in ds.iter_rows():
                self.rss[int(row["pid"])] = int(row["rss"])
                if store is not None:
                    try:
                        store.merge(json.loads(row["memory"]))
                    except MemoryStoreError:
                        store = None
                yield [Result(key, payload, sentences, tuple(map(tuple, terms)), tuple(map(tuple, findings)), error)
                       for key, payload, sentences, terms, findings, error in json.loads(row["results"])]
        finally:
            if store is not None:
                store.close()

    def _map(self, ds, format: str):
        ray = self.ray
        return ds.map_batches(
            _Worker,
            fn_constructor_kwargs={"options": self.options, "format": format, "memory": self.memory_path},
            batch_size=1,
            batch_format="default",
            # one group at a time per actor: a slow model load or a dead actor holds up no queue
            compute=ray.data.ActorPoolStrategy(size=self.actors, max_tasks_in_flight_per_actor=1),
            num_cpus=self.cpus,
            num_gpus=self.gpus,
            max_restarts=ACTOR_RETRIES,
            max_task_retries=ACTOR_RETRIES,
        )

    def merge_memory(self) -> None:
        """Entries are merged as each group comes back; nothing is left for the end."""

    def describe(self) -> str:
        return f"ray: {self.actors} actor{'s' if self.actors != 1 else ''}"

    def close(self) -> None:
        """Ray stays up: a local instance ends with this process, a cluster is not ours to stop."""


__all__ = ["RayRunner"]
