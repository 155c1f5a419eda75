"""`kkalign batch --ray` on a local Ray (2 CPUs): the same bytes as a local run, and a worker killed
mid-run costs a retry, not a document."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'kkaligner[ray]')")

from kkaligner.batch import STATE_DIR, translate_corpus  # noqa: E402
from kkaligner.pipeline import Translator  # noqa: E402

WORDS = ("Қазақстан Астана Байқоңыр ғарыш айлағы Мәскеу көрмесін аралап Путин Назарбаев жоба бюджеті "
         "Роскосмос Протон ұшырылды Зенит Украина Ангара жыл мерзімі үкімет елдер арасында келісім").split()


def _text(i: int, sentences: int) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(sentences * 4)]
    return "\n".join(" ".join(words[k : k + 4]).capitalize() + "." for k in range(0, len(words), 4)) + "\n"


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def _corpus(root: Path, n: int, sentences: int) -> Path:
    for i in range(n):
        (root / f"part{i % 3}").mkdir(parents=True, exist_ok=True)
        (root / f"part{i % 3}" / f"doc{i:02d}.txt").write_text(_text(i, sentences), encoding="utf-8")
    return root


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and STATE_DIR not in p.relative_to(folder).parts}


def _manifest(folder: Path) -> list[dict]:
    return [json.loads(x) for x in (folder / STATE_DIR / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_ray_writes_the_bytes_a_local_run_writes(local_ray, tiny_nllb_dir, tmp_path):
    corpus = _corpus(tmp_path / "corpus", 10, 3)
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", "text": _text(i + 50, 2)}, ensure_ascii=False) + "\n"
                            for i in range(5)), encoding="utf-8")
    # default batch_size: sentences of several documents share batches, in the same groups both ways
    options = dict(model=str(tiny_nllb_dir), engine="ct2", memory=False, max_length=12, beam_size=2)
    with Translator(**options) as translator:
        local = translate_corpus([corpus, rows], tmp_path / "local", translator, group_sentences=8, progress=False)
    remote = translate_corpus([corpus, rows], tmp_path / "ray", translator_options=options, ray="auto", actors=2,
                              group_sentences=8, progress=False)
    assert _tree(tmp_path / "ray") == _tree(tmp_path / "local") and len(_tree(tmp_path / "local")) == 15
    assert _manifest(tmp_path / "ray") == _manifest(tmp_path / "local")
    assert (remote.translated, remote.sentences, remote.terms, remote.findings, remote.signature) == (
        local.translated, local.sentences, local.terms, local.findings, local.signature)
    assert remote.workers == "ray: 2 actors"
    again = translate_corpus([corpus, rows], tmp_path / "ray", translator_options=options, ray="auto",
                             group_sentences=8, progress=False)
    assert (again.translated, again.skipped) == (0, 15)


def _workers() -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"MapWorker(MapBatches(_Worker))" in cmd:
                found.append(int(pid))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the actor processes in /proc")
def test_a_killed_worker_loses_nothing_and_writes_nothing_twice(local_ray, tiny_nllb_dir, tmp_path):
    corpus = _corpus(tmp_path / "corpus", 12, 4)
    # transformers decodes slowly enough on the tiny model that the kill lands mid-run
    options = dict(model=str(tiny_nllb_dir), engine="transformers", memory=False, max_length=12, beam_size=1)
    out = tmp_path / "ray"
    killed: list[int] = []

    def kill_one():
        deadline = time.monotonic() + 120
        manifest = out / STATE_DIR / "manifest.jsonl"
        while time.monotonic() < deadline and not killed:
            workers = _workers()
            if workers and manifest.exists() and manifest.read_text().count("\n") >= 1:
                os.kill(workers[0], signal.SIGKILL)
                killed.append(workers[0])
            time.sleep(0.05)

    thread = threading.Thread(target=kill_one, daemon=True)
    thread.start()
    report = translate_corpus([corpus], out, translator_options=options, ray="auto", actors=2, group_sentences=4,
                              progress=False)
    thread.join(timeout=5)
    assert killed, "no worker was killed: the run ended before the first document was written"
    assert (report.translated, report.failed) == (12, 0)
    keys = [e["key"] for e in _manifest(out)]
    assert len(keys) == len(set(keys)) == 12  # each document written once
    with Translator(**options) as translator:
        local = translate_corpus([corpus], tmp_path / "local", translator, group_sentences=4, progress=False)
    assert local.translated == 12 and _tree(out) == _tree(tmp_path / "local")


def test_actors_new_memory_entries_are_merged_into_the_drivers(local_ray, tiny_nllb_dir, tmp_path, monkeypatch):
    from kkaligner.memory import TranslationMemory

    corpus = _corpus(tmp_path / "corpus", 4, 2)
    memory = tmp_path / "memory.sqlite"
    # paths relative to the driver's folder: the actors run elsewhere
    monkeypatch.chdir(tmp_path)
    model = os.path.relpath(tiny_nllb_dir, tmp_path)
    options = dict(model=model, engine="ct2", memory="memory.sqlite", max_length=12, beam_size=1)
    report = translate_corpus([corpus], tmp_path / "ray", translator_options=options, ray="auto", actors=2,
                              group_sentences=2, progress=False)
    assert report.translated == 4 and len(report.worker_memory) >= 1 and min(report.worker_memory) > 0
    with TranslationMemory(memory) as store:
        assert len(store) > 0
    with Translator(**options) as translator:  # every sentence is served from the merged memory
        translate_corpus([corpus], tmp_path / "local", translator, progress=False)
        assert translator.memory_stats.misses == 0 and translator.memory_stats.hits == report.sentences
    assert _tree(tmp_path / "local") == _tree(tmp_path / "ray")
