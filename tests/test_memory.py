"""Translation memory: hits, misses, invalidation, resume after interruption, corrupt and locked files."""

from __future__ import annotations

import sqlite3
import warnings
from dataclasses import replace

import pytest

from kkaligner.engines.base import DecodeOptions, Engine
from kkaligner.errors import MemoryStoreError
from kkaligner.memory import (
    MemoryEngine,
    TranslationMemory,
    constraints_key,
    default_memory_path,
    memory_context,
)
from kkaligner.types import Constraint, Hypothesis, Term


class Interrupted(Exception):
    pass


class FakeEngine:
    """Upper-cases its input; counts what it was asked to translate; can fail after N calls."""

    name = "fake"
    model_id = "fake/model"
    revision = "r1"
    device = "cpu"

    def __init__(self, fail_after_calls=None):
        self.seen: list[str] = []
        self.calls = 0
        self.fail_after_calls = fail_after_calls

    def translate(self, texts, source_lang, target_lang, options=DecodeOptions(), constraints=None, progress=None):
        if self.fail_after_calls is not None and self.calls >= self.fail_after_calls:
            raise Interrupted()
        self.calls += 1
        self.seen.extend(texts)
        out = []
        for i, t in enumerate(texts):
            forced = " ".join(c.options[0] for c in (constraints[i] if constraints else ()))
            out.append([Hypothesis(text=(t.upper() + " " + forced).strip(), score=-0.5)])
        if progress:
            progress(len(texts))
        return out

    def close(self):
        pass


SENTENCES = [f"сөйлем {i} " + "ұзын " * (i % 5) for i in range(23)]


@pytest.fixture()
def tm(tmp_path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        yield memory


def test_wrapper_is_an_engine(tm):
    wrapped = MemoryEngine(FakeEngine(), tm)
    assert isinstance(wrapped, Engine)
    assert (wrapped.name, wrapped.model_id, wrapped.revision, wrapped.device) == ("fake", "fake/model", "r1", "cpu")


def test_miss_then_hit_returns_the_same_hypotheses(tm):
    engine = FakeEngine()
    wrapped = MemoryEngine(engine, tm)
    first = wrapped.translate(SENTENCES, "kk", "en")
    assert len(engine.seen) == len(SENTENCES)
    assert first == [[Hypothesis(t.upper().strip(), -0.5)] for t in SENTENCES]
    done = []
    second = wrapped.translate(SENTENCES, "kk", "en", progress=done.append)
    assert second == first
    assert len(engine.seen) == len(SENTENCES)  # nothing translated again
    assert sum(done) == len(SENTENCES)
    assert wrapped.stats.hits == len(SENTENCES) and wrapped.stats.misses == len(SENTENCES)


def test_partial_hits_translate_only_the_new_sentences(tm):
    engine = FakeEngine()
    wrapped = MemoryEngine(engine, tm)
    wrapped.translate(SENTENCES[:10], "kk", "en")
    out = wrapped.translate(SENTENCES, "kk", "en")
    assert sorted(engine.seen[10:]) == sorted(SENTENCES[10:])
    assert [h[0].text for h in out] == [t.upper().strip() for t in SENTENCES]


def test_duplicates_in_one_call_are_translated_once(tm):
    engine = FakeEngine()
    done = []
    out = MemoryEngine(engine, tm).translate(["а", "б", "а", "а"], "kk", "en", progress=done.append)
    assert sorted(engine.seen) == ["а", "б"]
    assert [h[0].text for h in out] == ["А", "Б", "А", "А"]
    assert sum(done) == 4


@pytest.mark.parametrize(
    "change",
    [
        {"engine": "model_id"},
        {"engine": "revision"},
        {"engine": "name"},
        {"options": {"beam_size": 1}},
        {"options": {"max_length": 20}},
        {"options": {"num_hypotheses": 2}},
        {"options": {"enforce": False}},
        {"langs": ("en", "kk")},
        {"glossary": "other-hash"},
    ],
)
def test_a_change_of_model_options_languages_or_glossary_misses(tm, change):
    engine = FakeEngine()
    MemoryEngine(engine, tm, context="gloss-1").translate(SENTENCES[:5], "kk", "en")
    assert len(engine.seen) == 5

    other = FakeEngine()
    if "engine" in change:
        setattr(other, change["engine"], "changed")
    options = replace(DecodeOptions(), **change.get("options", {}))
    langs = change.get("langs", ("kk", "en"))
    wrapped = MemoryEngine(other, tm, context=change.get("glossary", "gloss-1"))
    wrapped.translate(SENTENCES[:5], *langs, options=options)
    assert len(other.seen) == 5, f"{change} must not be served from the memory"


def test_speed_only_options_still_hit(tm):
    MemoryEngine(FakeEngine(), tm).translate(SENTENCES[:5], "kk", "en")
    engine = FakeEngine()
    options = replace(DecodeOptions(), batch_size=3, batch_tokens=100)
    MemoryEngine(engine, tm).translate(SENTENCES[:5], "kk", "en", options=options)
    assert engine.seen == []


def test_constraints_are_part_of_the_key(tm):
    term = Term(source="Байқоңыр", target="Baikonur")
    c1 = [[Constraint(options=("Baikonur",), term=term)]]
    c2 = [[Constraint(options=("Baykonur",), term=term)]]
    engine = FakeEngine()
    wrapped = MemoryEngine(engine, tm)
    a = wrapped.translate(["Байқоңыр"], "kk", "en", constraints=c1)
    b = wrapped.translate(["Байқоңыр"], "kk", "en", constraints=c2)
    c = wrapped.translate(["Байқоңыр"], "kk", "en", constraints=c1)
    assert len(engine.seen) == 2
    assert a == c and a != b
    assert constraints_key(None) == constraints_key([]) == ""
    assert constraints_key(c1[0]) != constraints_key(c2[0])


def test_context_digest_is_stable_and_sensitive():
    engine = FakeEngine()
    a = memory_context(engine, DecodeOptions(), "kk", "en", "g")
    assert a == memory_context(engine, DecodeOptions(), "kk", "en", "g")
    assert a != memory_context(engine, DecodeOptions(), "kk", "en", "h")
    engine.compute_type = "int8"
    assert a != memory_context(engine, DecodeOptions(), "kk", "en", "g")


def test_entries_of_an_older_engine_output_miss(monkeypatch):
    import kkaligner.memory

    engine = FakeEngine()
    now = memory_context(engine, DecodeOptions(), "kk", "en", "g")
    monkeypatch.setattr(kkaligner.memory, "OUTPUT_VERSION", kkaligner.memory.OUTPUT_VERSION - 1)
    assert memory_context(engine, DecodeOptions(), "kk", "en", "g") != now


def test_interrupted_run_resumes_without_retranslating(tmp_path):
    path = tmp_path / "tm.sqlite"
    options = replace(DecodeOptions(), batch_size=2)  # chunks of 8 sentences
    first = FakeEngine(fail_after_calls=2)
    with TranslationMemory(path) as memory:
        with pytest.raises(Interrupted):
            MemoryEngine(first, memory).translate(SENTENCES, "kk", "en", options=options)
    assert len(first.seen) == 16  # two chunks finished (and were committed) before the interruption

    second = FakeEngine()
    with TranslationMemory(path) as memory:  # a new process: a fresh connection to the same file
        out = MemoryEngine(second, memory).translate(SENTENCES, "kk", "en", options=options)
    assert len(second.seen) == len(SENTENCES) - 16
    assert not set(second.seen) & set(first.seen)
    assert [h[0].text for h in out] == [t.upper().strip() for t in SENTENCES]


def test_hypotheses_and_scores_round_trip(tm):
    hyps = [Hypothesis("Қазақстан — ел", -0.25), Hypothesis("b", -1.5)]
    tm.store("ctx", [("x", "", hyps)])
    assert tm.lookup("ctx", [("x", ""), ("y", "")]) == {("x", ""): hyps}
    assert tm.lookup("other", [("x", "")]) == {}
    assert len(tm) == 1
    assert tm.clear("other") == 0 and tm.clear() == 1 and len(tm) == 0


def test_unforceable_renderings_round_trip(tm):
    hyps = [Hypothesis("Beijing and Baikonur", -1.5, ("北京",)), Hypothesis("Baikonur", -2.0)]
    tm.store("ctx", [("x", "k", hyps)])
    assert tm.lookup("ctx", [("x", "k")]) == {("x", "k"): hyps}


def test_rows_of_text_and_score_only_still_read(tm):
    import json

    tm.conn.execute(
        "INSERT INTO entries (context, source, ckey, hypotheses, created) VALUES (?, ?, ?, ?, ?)",
        ("ctx", "old", "", json.dumps([["text", -1.0]]), 0),
    )
    assert tm.lookup("ctx", [("old", "")]) == {("old", ""): [Hypothesis("text", -1.0)]}


def test_lookup_of_many_sentences(tm):
    many = [f"s{i}" for i in range(1500)]  # more than SQLite's bound-parameter limit
    tm.store("c", [(s, "", [Hypothesis(s)]) for s in many])
    assert len(tm.lookup("c", [(s, "") for s in many])) == 1500


def test_corrupt_file_raises_a_clear_error(tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"this is not a database, it is text " * 200)
    with pytest.raises(MemoryStoreError, match="corrupt.*delete it"):
        TranslationMemory(path)


def test_damaged_pages_are_reported_as_corrupt(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as memory:
        memory.store("c", [(f"s{i}" * 50, "", [Hypothesis("t" * 200)]) for i in range(300)])
        memory.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # keep the header page, wreck the rest
    path.write_bytes(bytes(data))
    with pytest.raises(MemoryStoreError, match="corrupt"):
        with TranslationMemory(path) as memory:
            memory.lookup("c", [("s1" * 50, "")])
            len(memory)


def test_run_continues_without_a_corrupt_memory(tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"garbage" * 1000)
    engine = FakeEngine()
    messages = []
    wrapped = MemoryEngine.wrap(engine, path, warn=messages.append)
    assert wrapped is engine
    assert len(messages) == 1 and "corrupt" in messages[0] and "without the translation memory" in messages[0]
    assert wrapped.translate(["а"], "kk", "en")[0][0].text == "А"


def test_locked_database_raises_a_clear_error(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(MemoryStoreError, match="locked"):
            TranslationMemory(path, timeout=0.05)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_memory_failing_mid_run_is_dropped_with_a_warning(tmp_path):
    path = tmp_path / "tm.sqlite"
    memory = TranslationMemory(path, timeout=0.05)
    engine = FakeEngine()
    wrapped = MemoryEngine(engine, memory)
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock: our commit cannot happen
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = wrapped.translate(SENTENCES[:3], "kk", "en")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [h[0].text for h in out] == [t.upper().strip() for t in SENTENCES[:3]]
    assert wrapped.memory is None
    assert any("locked" in str(w.message) for w in caught)
    assert wrapped.translate(SENTENCES[:1], "kk", "en")[0][0].text == SENTENCES[0].upper().strip()


def test_default_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("KKALIGNER_MEMORY", raising=False)
    monkeypatch.setenv("KKALIGNER_CACHE", str(tmp_path / "cache"))
    assert default_memory_path() == tmp_path / "cache" / "memory.sqlite"
    monkeypatch.setenv("KKALIGNER_MEMORY", str(tmp_path / "elsewhere.db"))
    assert default_memory_path() == tmp_path / "elsewhere.db"


def test_unwritable_location_raises_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(MemoryStoreError, match="--memory PATH"):
        TranslationMemory(blocker / "sub" / "tm.sqlite")
