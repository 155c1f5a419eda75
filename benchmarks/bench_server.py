"""The server under load: requests/s and latency with 1, 8 and 32 concurrent clients, and its
sentences/s under 32 clients against the pipeline's own batch throughput, in one run.

    python benchmarks/bench_server.py            # the NLLB-200-distilled-600M architecture
    python benchmarks/bench_server.py --quick    # a smaller model of the same vocabulary (CI-sized)

The model is bench_speed.py's (random weights, the real architecture, built once and reused from
its work folder); the engine is CTranslate2 int8 on CPU at beam 4, as ``kkalign serve`` runs by
default. The input is N distinct Kazakh sentences of about 30 tokens, a quarter with a glossary
name; each request is one sentence to ``POST /translate`` (the way LibreTranslate clients call),
so every level sends the same N requests. ``kkalign serve`` runs in its own process without a
translation memory, so nothing is served twice. Latency is per request, end to end (HTTP
included). The baseline row is ``Translator.translate`` on one document of the same N sentences
(batch size 32, no memory, in this process): the throughput the pipeline reaches when it holds all
the work at once. Every row is measured twice, the rows in turn (the baselines beside the levels,
so that all see the same load on shared CPUs), and the faster run of each is kept. Each level's sentences/s is compared with that
baseline, and so is the CPU time the server spent a sentence (all its threads, from /proc; on
shared CPUs, wall-clock figures carry other processes' load, CPU time much less of it). The ``queue`` row is 32 threads in this process
translating one sentence each through the batching queue, without HTTP: it tells the queue's cost
from the server process's. The run also checks that the 32-client answers equal the 1-client ones.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_speed  # noqa: E402  (the model builder, shared)

LEVELS = (1, 8, 32)
REPEAT = 2
SETTINGS = {"full": dict(sentences=96, max_length=40), "quick": dict(sentences=48, max_length=12)}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(model_dir: str, max_length: int, env: dict, log) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kkaligner", "serve", "--model", model_dir, "--port", str(port), "--engine", "ct2",
         "--device", "cpu", "--beam", "4", "--max-length", str(max_length), "--no-memory", "--rate-limit", "0",
         "--batch-size", "32"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 600
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}; see {log.name}")
        try:
            if httpx.get(url + "/health", timeout=5).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start in 600 s")


def cpu_seconds(pid: int) -> float:
    """CPU time of process ``pid`` so far, every thread counted (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(url: str, sentences: list[str], clients: int, pid: int) -> dict:
    """Every sentence once, by ``clients`` concurrent clients (each with its own connection)."""
    import httpx

    todo = iter(range(len(sentences)))
    lock = threading.Lock()
    latencies: list[float] = []
    answers: dict[int, str] = {}

    # Each client's connection is made before the clock starts: the figures are the server's, not
    # the cost of building 32 HTTP clients in this process.
    clients_ = [httpx.Client(timeout=600) for _ in range(clients)]
    for c in clients_:
        c.get(url + "/health").raise_for_status()

    def client(c):
        while True:
            with lock:
                i = next(todo, None)
            if i is None:
                return
            start = time.perf_counter()
            r = c.post(url + "/translate", json={"q": sentences[i], "source": "kk", "target": "en"})
            elapsed = time.perf_counter() - start
            r.raise_for_status()
            with lock:
                latencies.append(elapsed)
                answers[i] = r.json()["translatedText"]

    cpu = cpu_seconds(pid)
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(client, c) for c in clients_]:
            f.result()
    wall = time.perf_counter() - start
    cpu = cpu_seconds(pid) - cpu
    for c in clients_:
        c.close()
    latencies.sort()
    return {
        "clients": clients,
        "wall": wall,
        "rps": len(sentences) / wall,
        "p50": statistics.median(latencies),
        "p95": latencies[min(len(latencies) - 1, int(round(0.95 * len(latencies))) - 1)],
        "sps": len(sentences) / wall,
        "cpu_ms": 1000 * cpu / len(sentences),
        "answers": [answers[i] for i in range(len(sentences))],
    }


def timed(run) -> tuple[float, float]:
    cpu, start = time.process_time(), time.perf_counter()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


class InProcess:
    """The two in-process baselines over one loaded engine: the pipeline translating every sentence
    as one document, and 32 threads translating one sentence each through the batching queue
    (announced as the server announces each request), without HTTP."""

    def __init__(self, model_dir: str, sentences: list[str], max_length: int) -> None:
        from kkaligner.pipeline import Translator
        from kkaligner.server.batching import Batcher

        self.sentences = sentences
        options = dict(beam_size=4, max_length=max_length, batch_size=32, memory=False)
        self.plain = Translator(model_dir, engine="ct2", device="cpu", **options)
        self.batcher = Batcher(32, 0.005)
        self.queued = Translator(model_dir, engine=self.plain.engine, dispatch=self.batcher.wrap, **options)
        for tr in (self.plain, self.queued):
            tr.translate("Сынақ сөйлем.")  # warm-up: the engine, the splitter and the checks

    def pipeline(self) -> dict:
        doc = "\n".join(self.sentences) + "\n"
        drafts = []
        wall, cpu = timed(lambda: drafts.append(self.plain.translate(doc)))
        assert len(drafts[0].sentences) == len(self.sentences), "one sentence a line"
        return {"wall": wall, "sps": len(self.sentences) / wall, "cpu_ms": 1000 * cpu / len(self.sentences)}

    def queue(self) -> dict:
        def one(sentence):
            with self.batcher.incoming():  # as the server announces each request
                return self.queued.translate(sentence)

        def run():
            with ThreadPoolExecutor(32) as pool:
                list(pool.map(one, self.sentences))

        wall, cpu = timed(run)
        return {"wall": wall, "sps": len(self.sentences) / wall, "cpu_ms": 1000 * cpu / len(self.sentences)}

    def close(self) -> None:
        self.queued.close()
        self.batcher.close()
        self.plain.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the smaller model and 48 requests")
    ap.add_argument("--workdir", type=Path, default=None, help="bench_speed.py's work folder (the model is reused)")
    ap.add_argument("--levels", default=",".join(map(str, LEVELS)),
                    help="client counts, comma-separated (default %(default)s; the last is compared with 1 client)")
    ap.add_argument("--repeat", type=int, default=REPEAT, help="runs of each row, the fastest kept (default %(default)s)")
    args = ap.parse_args(argv)
    levels = tuple(int(x) for x in args.levels.split(",") if x.strip())
    repeat = max(1, args.repeat)
    mode = "quick" if args.quick else "full"
    settings = SETTINGS[mode]

    from kkaligner.cache import cache_dir

    workdir = (args.workdir or cache_dir() / "bench-speed").expanduser().resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["KKALIGNER_CACHE"] = str(workdir / "cache")  # the ct2 conversion lives beside the model
    env = dict(os.environ, TOKENIZERS_PARALLELISM="false",
               PYTHONPATH=os.pathsep.join([str(HERE.parent / "src"), os.environ.get("PYTHONPATH", "")]))
    manifest = bench_speed._child(["--workdir", str(workdir), "--_build", mode], env)

    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(manifest["model_dir"])
    sentences = list(dict.fromkeys(bench_speed._document(tokenizer, settings["sentences"])))
    arch = manifest["arch"]
    print(f"model: random M2M100 d_model {arch['d_model']}, {arch['encoder_layers']}+{arch['decoder_layers']} layers, "
          f"vocab {arch['vocab_size']} ({manifest['params'] / 1e6:.0f}M params); CTranslate2 int8, beam 4, "
          f"at most {settings['max_length']} new tokens")
    print(f"input: {len(sentences)} distinct sentences, one a request; {os.cpu_count()} CPUs "
          f"(load average {os.getloadavg()[0]:.1f} at start); mode {mode}")

    log = tempfile.NamedTemporaryFile(prefix="kkaligner-bench-server-", suffix=".log", delete=False)
    local = InProcess(manifest["model_dir"], sentences, settings["max_length"])
    proc, url = start_server(manifest["model_dir"], settings["max_length"], env, log)
    runs: dict = {n: [] for n in (*levels, "queue", "pipeline")}
    try:
        load(url, sentences[:8], 8, proc.pid)  # warm-up
        # Every measurement ``repeat`` times, taken in turn so that the baselines and the levels see the
        # same load on shared CPUs; the best run of each is kept (other work only ever adds time).
        for _ in range(repeat):
            runs["pipeline"].append(local.pipeline())
            for n in levels:
                runs[n].append(load(url, sentences, n, proc.pid))
            runs["queue"].append(local.queue())
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(120)
        local.close()
    best = {k: min(v, key=lambda r: r["wall"]) for k, v in runs.items()}
    rows, base, queue = [best[n] for n in levels], best["pipeline"], best["queue"]

    same = sum(a == b for a, b in zip(rows[0]["answers"], rows[-1]["answers"]))
    print()
    print(f"{'clients':>8} {'requests/s':>11} {'p50 ms':>8} {'p95 ms':>8} {'sentences/s':>12} {'vs pipeline':>12} "
          f"{'CPU ms/sent.':>13} {'vs pipeline':>12}")
    for r in rows:
        print(f"{r['clients']:>8} {r['rps']:>11.1f} {1000 * r['p50']:>8.0f} {1000 * r['p95']:>8.0f} "
              f"{r['sps']:>12.1f} {r['sps'] / base['sps']:>11.2f}x {r['cpu_ms']:>13.0f} {r['cpu_ms'] / base['cpu_ms']:>11.2f}x")
    print(f"{'queue':>8} {'':>11} {'':>8} {'':>8} {queue['sps']:>12.1f} {queue['sps'] / base['sps']:>11.2f}x "
          f"{queue['cpu_ms']:>13.0f} {queue['cpu_ms'] / base['cpu_ms']:>11.2f}x   (32 threads, the batching queue in "
          "process, no HTTP)")
    print(f"{'pipeline':>8} {'':>11} {'':>8} {'':>8} {base['sps']:>12.1f} {1.0:>11.2f}x {base['cpu_ms']:>13.0f} "
          f"{1.0:>11.2f}x   (one document of every sentence, batch 32)")
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    first, last = levels[0], levels[-1]
    print(f"{last} clients vs {first}: {rows[-1]['sps'] / rows[0]['sps']:.2f}x sentences/s; answers identical "
          f"to the {first}-client run: {same} of {len(sentences)}")
    if same < len(sentences):
        from kkaligner.pipeline import load_glossary
        from kkaligner.terms import plan

        differ = [i for i, (a, b) in enumerate(zip(rows[0]["answers"], rows[-1]["answers"])) if a != b]
        plans = plan([sentences[i] for i in differ], load_glossary(None), "kk", "en")
        with_term = sum(bool(p.constraints) for p in plans)
        # CTranslate2 decodes a sentence whose term it must force a second time, from a prefix, with
        # a length bound and strategy chosen per batch: its neighbours can change its answer (in the
        # pipeline too, between documents); the transformers engine does not (tests/test_server.py).
        print(f"  differing: sentences {differ}; {with_term} of them with a glossary name to force")
    return 0


if __name__ == "__main__":
    sys.exit(main())
