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

- ``loop``: one ``kkalign translate`` process a document, as a shell loop runs them; timed on
  ``--loop-sample`` documents spread evenly over the corpus (every n-th file, so that their sentences
  per document are the corpus's, not those of the first folder), reported as a per-document rate
  (the loop over all of them takes too long to wait for: about 30 minutes at the NLLB-600M shape),
  and projected for every document; half of them are timed before ``batch`` and half after, so that
  a shared machine's changing load falls on both;
- ``batch``: ``kkalign batch`` on the whole folder, one process, one model load (``--batch-size``
  passed on when given, else the command's default);
- ``ray 1`` / ``ray 2``: ``kkalign batch --ray auto --actors N`` (a local Ray started by the command).

Memory: peak RSS of each translating process (the loop's largest ``kkalign translate``; ``batch``'s
process; each Ray actor, from the job's report). CPU: user + system seconds of the row's own
process (not Ray's actors), a figure that a shared machine's other load disturbs less than the
wall clock; the load average is printed with the table. Target (issue #16): ``batch`` >= 3 x the loop
in documents/s on 200 documents.

The table goes to stdout (``--json`` also writes the rows as JSON); progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import random
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


def timed(cmd: list[str], env: dict) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds (user + system) and peak RSS in bytes of one command's process."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd[:6])}... failed ({proc.returncode}):\n{err.read().decode()[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def sample(files: list, n: int) -> list:
    """``n`` files spread evenly over ``files`` (all of them when ``n`` is as many or more)."""
    if n >= len(files):
        return list(files)
    return [files[(2 * k + 1) * len(files) // (2 * n)] for k in range(n)]


def fit(timings: list[tuple], column: int) -> tuple[float, float]:
    """``(a, b)`` of the least-squares line ``seconds = a + b x sentences`` through the loop's
    documents (``column`` 1: wall clock, 2: CPU); a flat rate when they all have as many sentences."""
    xs = [t[0] for t in timings]
    ys = [t[column] for t in timings]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0
    if b < 0:  # noise on a shared machine: a document never costs less for more sentences
        b = 0.0
    return my - b * mx, b


def table(rows: list[dict]) -> str:
    head = ("row", "documents", "sentences", "seconds", "CPU s", "documents/s", "sentences/s", "peak RSS MB", "note")
    body = [(r["row"], str(r["documents"]), str(r["sentences"]), f"{r['seconds']:.1f}",
             "-" if r["cpu_s"] is None else f"{r['cpu_s']:.1f}", f"{r['documents_per_s']:.3f}",
             f"{r['sentences_per_s']:.2f}", ", ".join(map(str, r["peak_rss_mb"])), r["note"]) for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    return "\n".join([line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, body)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="a small model instead of the NLLB-600M shape")
    ap.add_argument("--documents", type=int, default=200)
    ap.add_argument("--loop-sample", type=int, default=10,
                    help="documents the loop row translates, spread evenly over the corpus")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="kkalign batch --batch-size (default: the command's own)")
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
    batch_opts = [] if args.batch_size is None else ["--batch-size", str(args.batch_size)]
    load = os.getloadavg()
    rows = []

    def row(name, docs, sents, seconds, cpu, memory, note):
        rows.append({"row": name, "documents": docs, "sentences": sents, "seconds": round(seconds, 2),
                     "cpu_s": None if cpu is None else round(cpu, 1),
                     "documents_per_s": round(docs / seconds, 3), "sentences_per_s": round(sents / seconds, 2),
                     "peak_rss_mb": [round(m / MB) for m in memory], "note": note})
        print(f"{name}: {docs / seconds:.2f} documents/s, {sents / seconds:.1f} sentences/s "
              f"({seconds:.1f} s), peak RSS {[round(m / MB) for m in memory]} MB", file=sys.stderr)

    from kkaligner.split import segment

    chosen = sample(files, args.loop_sample) if "loop" in args.rows else []
    (tmp / "loop").mkdir(exist_ok=True)
    timings = []  # (sentences, seconds, cpu, peak RSS) a document of the loop

    def loop(part):
        for f in part:
            s, c, m = timed(kkalign("translate", f, "-o", tmp / "loop" / f.name, *common), env)
            timings.append((len(segment(f.read_text(encoding="utf-8"), "kk")), s, c, m))

    # A shared machine's load changes over a run: half the loop's documents are timed before
    # ``batch``, half after it, so that both rows meet the same load.
    loop(chosen[0::2])
    for name, extra in (("batch", batch_opts), ("ray1", ["--ray", "auto", "--actors", "1", *batch_opts]),
                        ("ray2", ["--ray", "auto", "--actors", "2", *batch_opts])):
        if name not in args.rows:
            continue
        out = tmp / name
        seconds, cpu, _ = timed(kkalign("batch", corpus, "-o", out, *common, *extra), env)
        report = json.loads((out / ".kkalign" / "report.json").read_text(encoding="utf-8"))
        assert report["translated"] == len(files) and report["failed"] == 0, report
        note = f"all {len(files)} documents, one process" if name == "batch" else \
            f"all {len(files)} documents; CPU: the driver only"
        row(name, len(files), report["sentences"], seconds, cpu if name == "batch" else None,
            report["worker_memory"], note)
        if name == "batch":
            loop(chosen[1::2])
    if len(timings) < len(chosen):
        loop(chosen[1::2])
    batch_rows, rows[:] = list(rows), []
    if chosen:
        peak = max(t[3] for t in timings)
        n = sum(t[0] for t in timings)
        seconds, cpu = sum(t[1] for t in timings), sum(t[2] for t in timings)
        if len(chosen) < len(files):
            note = (f"measured: {len(chosen)} of the {len(files)} documents, every {len(files) // len(chosen)}th "
                    f"({n / len(chosen):.2f} sentences a document; the corpus {sentences / len(files):.2f})")
            row("loop", len(chosen), n, seconds, cpu, [peak], note)
            a, b = fit(timings, 1)
            ac, bc = fit(timings, 2)
            row("loop-200" if len(files) == 200 else f"loop-{len(files)}", len(files), sentences,
                a * len(files) + b * sentences, ac * len(files) + bc * sentences, [peak],
                "projected for every document: seconds = a + b x sentences, fitted on the measured documents")
        else:
            row("loop", len(chosen), n, seconds, cpu, [peak], "every document")
    rows += batch_rows
    same = None
    if "batch" in [r["row"] for r in rows] and "ray2" in [r["row"] for r in rows]:
        same = all((tmp / "batch" / f.relative_to(corpus)).read_bytes() == (tmp / "ray2" / f.relative_to(corpus)).read_bytes()
                   for f in files)
    by = {r["row"]: r for r in rows}
    shape = "d_model 256, 2+2 layers (--quick)" if args.quick else "NLLB-200-distilled-600M shape"
    print(f"kkalign batch vs a kkalign translate loop: {len(files)} documents, {sentences} sentences; {shape}, "
          f"random weights, {args.engine}, beam {args.beam}, {args.max_length} tokens a sentence"
          f"{'' if args.batch_size is None else f', --batch-size {args.batch_size}'}; {os.cpu_count()} CPUs, "
          f"load average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print()
    print(table(rows))
    print()
    if "loop" in by and "batch" in by:
        ratio = by["batch"]["documents_per_s"] / by["loop"]["documents_per_s"]
        per_sentence = by["batch"]["sentences_per_s"] / by["loop"]["sentences_per_s"]
        print(f"batch / loop (measured documents): {ratio:.1f} x documents/s, {per_sentence:.1f} x sentences/s")
        projected = next((r for r in rows if r["row"].startswith("loop-")), None)
        if projected is not None:
            print(f"batch / {projected['row']} (projected): {by['batch']['documents_per_s'] / projected['documents_per_s']:.1f} x "
                  f"documents/s (target >= 3 x), CPU {projected['cpu_s'] / by['batch']['cpu_s']:.1f} x less")
    if same is not None:
        print(f"ray 2 actors wrote the same bytes as batch: {same}")
    if args.json:
        args.json.write_text(json.dumps({"model": model, "quick": args.quick, "engine": args.engine, "beam": args.beam,
                                         "max_length": args.max_length, "batch_size": args.batch_size,
                                         "cpus": os.cpu_count(), "documents": len(files),
                                         "corpus_sentences": sentences, "rows": rows}, indent=2), encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
