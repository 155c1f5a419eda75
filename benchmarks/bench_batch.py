"""Corpus throughput: a loop of `kkalign translate` calls vs `kkalign batch`, local and on Ray, one run.

    python benchmarks/bench_batch.py            # the NLLB-200-distilled-600M shape (bench_speed's model)
    python benchmarks/bench_batch.py --quick    # a small random model (d_model 256, 2+2 layers)

The corpus is ``--documents`` (default 200) Kazakh documents of 2 to 8 sentences, in a folder, built
from kkaligner.testing.tiny's synthetic sentences with a seeded generator; every configuration
translates the same files with the same options (engine ``--engine``, default ct2; beam 4; no
translation memory, so nothing is served from an earlier row; ``--max-length`` 32: a random model
never ends a sentence, so each sentence costs exactly that many tokens, about a real sentence's
translation) into a fresh folder. Each row is
timed from the command's start to its exit, model loads and Ray's start included: that is what a
user waits for. Rows:

- ``loop``: one ``kkalign translate`` process a document, as a shell loop runs them; timed on the
  first ``--loop-sample`` documents (a rate; the loop over all of them takes too long to wait for);
- ``batch``: ``kkalign batch`` on the whole folder, one process, one model load;
- ``ray 1`` / ``ray 2``: ``kkalign batch --ray auto --actors N`` (a local Ray started by the command).

Memory: peak RSS of each translating process (the loop's largest ``kkalign translate``; ``batch``'s
process; each Ray actor, from the job's report). Target (issue #16): ``batch`` >= 3 x the loop in
documents/s on 200 documents.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1024 * 1024


def build_model(workdir: Path, quick: bool, env: dict) -> str:
    """The model's folder, built (or reused) in a subprocess: a child process inherits its parent's
    peak RSS on Linux, so a model built here would inflate every row's memory figure."""
    if quick:
        path = workdir / "batch-model-quick"
        if not (path / "config.json").is_file():
            code = ("import sys; from kkaligner.testing.tiny import build_tiny_nllb; "
                    "build_tiny_nllb(sys.argv[1], d_model=256, layers=2, vocab_size=2000)")
            subprocess.run([sys.executable, "-c", code, str(path)], env=env, check=True, capture_output=True)
        return str(path)
    # the NLLB-600M-shaped model of bench_speed, built once and kept in its workdir
    proc = subprocess.run([sys.executable, str(HERE / "bench_speed.py"), "--workdir", str(workdir), "--_build", "full"],
                          env=env, check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])["model_dir"]


def build_corpus(folder: Path, n: int) -> int:
    """``n`` documents in 10 subfolders; returns the number of sentences."""
    from kkaligner.split import segment
    from kkaligner.testing.tiny import synthetic_corpus

    pool = [s for s in synthetic_corpus(2000, seed=3) if len(s.split()) >= 4]
    rng = random.Random(16)
    total = 0
    for i in range(n):
        sentences = rng.sample(pool, rng.randint(2, 8))
        text = " ".join(sentences[:3]) + ("\n\n" + " ".join(sentences[3:]) if len(sentences) > 3 else "") + "\n"
        path = folder / f"part{i % 10}" / f"doc{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        total += len(segment(text, "kk"))
    return total


def kkalign(*args: str) -> list[str]:
    return [sys.executable, "-m", "kkaligner", *map(str, args)]


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd[:6])}... failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small model instead of the NLLB-600M shape")
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--loop-sample", type=int, default=10, help="documents the loop row translates")
    ap.add_argument("--engine", default="ct2")
    ap.add_argument("--beam", type=int, default=4)
    ap.add_argument("--max-length", type=int, default=32,
                    help="tokens per sentence: a random model never ends a sentence, so each costs exactly this")
    ap.add_argument("--rows", nargs="*", default=["loop", "batch", "ray1", "ray2"])
    ap.add_argument("--workdir", type=Path, default=None, help="where the model is kept (reused)")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = ap.parse_args(argv)

    from kkaligner.cache import cache_dir

    workdir = args.workdir or cache_dir() / "bench-speed"
    workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), os.environ.get("PYTHONPATH", "")])}
    t0 = time.perf_counter()
    model = build_model(workdir, args.quick, env)
    print(f"model {model} ready in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    corpus = tmp / "corpus"
    sentences = build_corpus(corpus, args.documents)
    files = sorted(corpus.rglob("*.txt"))
    common = ["-m", model, "--engine", args.engine, "--beam", str(args.beam), "--max-length", str(args.max_length), "--no-memory", "-q"]
    rows = []

    def row(name, docs, sents, seconds, memory):
        rows.append({"row": name, "documents": docs, "sentences": sents, "seconds": round(seconds, 2),
                     "documents_per_s": round(docs / seconds, 3), "sentences_per_s": round(sents / seconds, 2),
                     "peak_rss_mb": [round(m / MB) for m in memory]})
        print(f"{name}: {docs / seconds:.2f} documents/s, {sents / seconds:.1f} sentences/s "
              f"({seconds:.1f} s), peak RSS {[round(m / MB) for m in memory]} MB", file=sys.stderr)

    if "loop" in args.rows:
        from kkaligner.split import segment

        sample = files[: args.loop_sample]
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        seconds = sum(timed(kkalign("translate", f, "-o", tmp / "loop" / f.name, *common), env)
                      for f in sample if (tmp / "loop").mkdir(exist_ok=True) or True)
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) * 1024
        n = sum(len(segment(f.read_text(encoding="utf-8"), "kk")) for f in sample)
        row("loop", len(sample), n, seconds, [peak])
    for name, extra in (("batch", []), ("ray1", ["--ray", "auto", "--actors", "1"]),
                        ("ray2", ["--ray", "auto", "--actors", "2"])):
        if name not in args.rows:
            continue
        out = tmp / name
        seconds = timed(kkalign("batch", corpus, "-o", out, *common, *extra), env)
        report = json.loads((out / ".kkalign" / "report.json").read_text(encoding="utf-8"))
        assert report["translated"] == len(files) and report["failed"] == 0, report
        row(name, len(files), report["sentences"], seconds, report["worker_memory"])
    if "batch" in [r["row"] for r in rows] and "ray2" in [r["row"] for r in rows]:
        same = all((tmp / "batch" / f.relative_to(corpus)).read_bytes() == (tmp / "ray2" / f.relative_to(corpus)).read_bytes()
                   for f in files)
        print(f"ray 2 actors wrote the same bytes as batch: {same}", file=sys.stderr)
    by = {r["row"]: r for r in rows}
    if "loop" in by and "batch" in by:
        ratio = by["batch"]["documents_per_s"] / by["loop"]["documents_per_s"]
        print(f"batch / loop: {ratio:.1f} x documents/s (target >= 3 x)", file=sys.stderr)
    print(json.dumps({"model": model, "quick": args.quick, "engine": args.engine, "beam": args.beam,
                      "max_length": args.max_length,
                      "cpus": os.cpu_count(), "corpus_sentences": sentences, "rows": rows}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
