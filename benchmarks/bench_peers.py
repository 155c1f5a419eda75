"""Speed against the peers, side by side: Argos Translate, LibreTranslate, kkaligner, raw CTranslate2.

    python benchmarks/bench_peers.py --quick --peers-python /tmp/peersvenv/bin/python
    python benchmarks/bench_peers.py --peers-python /tmp/peersvenv/bin/python   # NLLB-600M shape

One model for every row: the random NLLB-shaped model of bench_speed.py (``--quick``: its smaller
body, same 256206-entry vocabulary), converted once to CTranslate2 int8. Argos Translate and
LibreTranslate pin packages that kkaligner's environment cannot take, so their rows run under
``--peers-python`` (rows skipped, with the reason, when that interpreter lacks argostranslate).

The Argos package (``.argosmodel``: a zip of ``translate-kk_en-1_0/`` with ``metadata.json``, the
CTranslate2 folder ``model/``, ``sentencepiece.model`` and a ``spacy/`` sentence splitter) is
installed with ``argostranslate.package.install_from_path`` into a private ARGOS data dir
(``XDG_*_HOME`` and ``ARGOS_PACKAGES_DIR``), never into the user's. How it differs from what an
NLLB model expects, and what running offline took:

- Argos tokenizes with plain sentencepiece: no source language code and no ``</s>`` on the source
  (NLLB writes ``kaz_Cyrl ... </s>``), so its encoder input is 2 tokens shorter per sentence than
  every other row's (its pieces are otherwise the same: the sentencepiece model is the tiny BPE
  the padded NLLB tokenizer is built from). The target language code goes in ``metadata.json``
  (``target_prefix``: ``eng_Latn``) and CTranslate2 is given it, but Argos strips it only from the
  start of a paragraph and only after its decoder has turned ``_`` into a space, so it is never
  stripped: each sentence of Argos's output starts with ``eng Latn``. Argos cannot drive NLLB's
  language codes cleanly; the speed is unaffected (the code is one forced token in every row).
- Sentence splitting: Argos 1.11 defaults to MiniSBD, whose models are downloaded on first use
  (no Kazakh model can be fetched offline). ``ARGOS_CHUNK_TYPE=SPACY`` with a package-bundled
  ``spacy/`` pipeline works offline: ``spacy.blank("xx")`` (spaCy has no Kazakh class), to which
  Argos adds spaCy's rule sentencizer. The multilingual spaCy cache is marked present
  (``senter/model`` in the private cache dir) because ``argostranslate.sbd`` otherwise runs
  ``spacy download xx_sent_ud_sm`` at import.
- LibreTranslate's startup (``init.boot``) fetches the package index and MiniSBD models whenever
  fewer than two packages are installed (minutes of retries offline); it is started through this
  file with that step replaced by a no-op, then runs ``libretranslate.main`` with its own CLI
  (``--host 127.0.0.1 --port P --load-only kk,en``). Its formatter appends the source's final
  full stop when the translation does not end with it; a document ending in a line break gets
  the stop on a line of its own, so its layout is reported as not kept.
- ``kkalign serve`` is the same LibreTranslate API in front of kkaligner's pipeline (the shipped
  glossary, the batching queue): ``kkaligner.server.create_app`` as the CLI builds it, started
  through this file so that every sentence gets exactly N new tokens (``min_new_tokens``, as in the
  pipeline row) and without a translation memory; the document goes in one ``POST /translate``,
  as to LibreTranslate.

Same settings for every row: beam (4), CTranslate2 intra threads (the CPUs this process may use),
int8. Argos reads them from ``ARGOS_BEAM_SIZE``, ``ARGOS_INTRA_THREADS``, ``ARGOS_COMPUTE_TYPE``;
``ARGOS_BATCH_SIZE`` (tokens; default 32, i.e. one sentence per batch) is raised so that each
line is one batch: Argos cuts the input at every line break and decodes line by line, while
kkaligner batches up to 16 sentences of the document (most of the gap between Argos and raw
CTranslate2 is that per-line batching, not its decoding options). A random model never stops by itself, so
every row generates exactly N target tokens per sentence: ``min_new_tokens`` for kkaligner (as in
bench_speed.py), and for the peers a wrapper around ``ctranslate2.Translator`` that sets
``min/max_decoding_length`` and counts the tokens each call returns (nothing else changes). Argos's
and LibreTranslate's paragraph cache (``CachedTranslation``) is emptied before each timed call, as
kkaligner's translation memory is: every timed call is a first translation.

Columns: tokens/s = generated target tokens (the target language code included, as CTranslate2
returns them) over the wall time of the timed call, best of N after a warm-up call (no further
call once bench_speed's budget is spent: one timed call per row at full size); peak RSS of
the row's own process (LibreTranslate, kkalign serve: the server's); layout kept = the output has the input's
lines and blank lines; terms = share of the glossary renderings that ``kkaligner.terms.plan``
requires for the document's sentences found in the output (``satisfied_count``); the ratio is
against Argos Translate. Target (issue "Speed against the peers"): kkaligner's pipeline on
CTranslate2 with the shipped glossary >= 1.0 x Argos Translate's tokens/s, with 100 % terms.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_speed as speed  # stdlib-only at import: also loads under --peers-python

FROM, TO = "kk", "en"
PACKAGE = "translate-kk_en-1_0"
NAMES = ("Бәйтеректің", "Байқоңырдағы", "Роскосмоспен", "Бәйтерекке", "Байқоңырдан", "Роскосмостың")
# Paragraphs of lines of sentences: a heading line, one-line paragraphs, one with a line break.
LAYOUT = {"quick": [[1], [3], [2, 1], [1]], "full": [[1], [3], [2, 2], [3], [2, 1], [2]]}
BEAM = 4


def _threads() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# --- the document and the Argos package (kkaligner's environment) -------------------------------


def _document(tokenizer, mode: str) -> tuple[list[str], str]:
    """Sentences of about SOURCE_TOKENS tokens laid out in LAYOUT; every third carries an inflected
    glossary name (Бәйтерек, Байқоңыр, Роскосмос). Returns (sentences in order, document text)."""
    import random

    from kkaligner.pipeline import load_glossary
    from kkaligner.split import segment
    from kkaligner.terms import plan
    from kkaligner.testing.tiny import _KK_SUFFIXES, _KK_WORDS

    glossary = load_glossary(None)
    # Filler: common nouns and verbs only, so that the names in the text are exactly NAMES.
    plain = [w for w in _KK_WORDS if w.islower() and not plan([f"Бұл {w} еді."], glossary, FROM, TO)[0].constraints]
    n = sum(sum(p) for p in LAYOUT[mode])
    rng = random.Random(0)
    tokenizer.src_lang = "kaz_Cyrl"
    sentences: list[str] = []
    while len(sentences) < n:
        name = NAMES[(len(sentences) // 3) % len(NAMES)] if len(sentences) % 3 == 1 else None
        words = [rng.choice(plain) + rng.choice(_KK_SUFFIXES)]
        while len(tokenizer(speed._sentence(words))["input_ids"]) < speed.SOURCE_TOKENS - 1:
            words.append(rng.choice(plain) + rng.choice(_KK_SUFFIXES))
        if name:
            words[len(words) // 2] = name
        text = speed._sentence(words)
        if len(plan([text], glossary, FROM, TO)[0].constraints) == (1 if name else 0) and len(segment(text, FROM)) == 1:
            sentences.append(text)
    it = iter(sentences)
    paragraphs = ["\n".join(" ".join(next(it) for _ in range(k)) for k in lines) for lines in LAYOUT[mode]]
    return sentences, "\n\n".join(paragraphs) + "\n"


def prepare(workdir: Path, mode: str) -> dict:
    """bench_speed's model (built or reused), this benchmark's document, the Argos package folder."""
    from transformers import AutoTokenizer

    from kkaligner.testing.tiny import synthetic_corpus, train_sentencepiece

    manifest = speed.build(workdir, mode)
    tokenizer = AutoTokenizer.from_pretrained(manifest["model_dir"])
    sentences, text = _document(tokenizer, mode)
    tokenizer.src_lang = "kaz_Cyrl"
    ids = tokenizer(sentences)["input_ids"]
    manifest.update(sentences=sentences, text=text,
                    source_tokens=[tokenizer.convert_ids_to_tokens(x) for x in ids])

    pkg = workdir / f"argos-{mode}" / PACKAGE
    if pkg.exists():
        shutil.rmtree(pkg)
    (pkg / "model").mkdir(parents=True)
    for f in Path(manifest["ct2_dir"]).iterdir():
        if f.is_file():
            os.link(f, pkg / "model" / f.name)  # hard links: the zip reads them, no extra copy
    # The same deterministic training run the padded NLLB tokenizer was built from: the same pieces.
    (pkg / "sentencepiece.model").write_bytes(train_sentencepiece(synthetic_corpus(), 600))
    (pkg / "metadata.json").write_text(json.dumps({
        "package_version": "1.0", "argos_version": "1.11", "type": "translate",
        "from_code": FROM, "from_name": "Kazakh", "to_code": TO, "to_name": "English",
        "target_prefix": "eng_Latn", "links": [],
    }, indent=1), encoding="utf-8")
    (pkg / "README.md").write_text("Random-weight NLLB-shaped model for kkaligner's benchmarks.\n", encoding="utf-8")
    manifest["argos_package"] = str(pkg)
    (workdir / f"peers-{mode}.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return manifest


# --- the peers (run under --peers-python) ---------------------------------------------------------


def argos_env(workdir: Path, mode: str, threads: int) -> dict:
    root = workdir / f"argos-{mode}" / "home"
    return {
        "XDG_DATA_HOME": str(root / "data"), "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"), "ARGOS_PACKAGES_DIR": str(root / "packages"),
        "ARGOS_DEVICE_TYPE": "cpu", "ARGOS_BEAM_SIZE": str(BEAM), "ARGOS_INTRA_THREADS": str(threads),
        "ARGOS_INTER_THREADS": "1", "ARGOS_COMPUTE_TYPE": "int8", "ARGOS_BATCH_SIZE": "4096",
        "ARGOS_CHUNK_TYPE": "SPACY",
    }


def argos_install(manifest: dict, mode: str, workdir: Path) -> dict:
    """Zip the package (with a spaCy sentence splitter) and install it with Argos's own API."""
    root = Path(os.environ["ARGOS_PACKAGES_DIR"]).parent
    shutil.rmtree(os.environ["ARGOS_PACKAGES_DIR"], ignore_errors=True)
    # argostranslate.sbd would download xx_sent_ud_sm at import unless this cache marker exists.
    marker = Path(os.environ["XDG_CACHE_HOME"]) / "argos-translate" / "spacy" / "senter" / "model"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()
    import spacy

    pkg = Path(manifest["argos_package"])
    shutil.rmtree(pkg / "spacy", ignore_errors=True)
    spacy.blank("xx").to_disk(pkg / "spacy")  # spaCy has no Kazakh language class
    archive = root / f"{PACKAGE}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:  # stored: the weights do not compress
        for f in sorted(pkg.rglob("*")):
            z.write(f, f.relative_to(pkg.parent))
    from argostranslate import package

    package.install_from_path(archive)
    installed = [(p.from_code, p.to_code, str(p.packaged_sbd_path)) for p in package.get_installed_packages()]
    archive.unlink()
    return {"installed": installed}


def _fixed_length(new_tokens: int, count_file: str | None = None) -> list[int]:
    """Wrap ctranslate2.Translator so that every call generates exactly ``new_tokens`` tokens (a
    random model never stops) and count what it returns; the call is otherwise Argos's own."""
    import ctranslate2

    real, counted = ctranslate2.Translator, [0]

    class Fixed:
        def __init__(self, *args, **kwargs):
            self._t = real(*args, **kwargs)

        def translate_batch(self, source, *args, **kwargs):
            kwargs.update(min_decoding_length=new_tokens, max_decoding_length=new_tokens)
            results = self._t.translate_batch(source, *args, **kwargs)
            counted[0] += sum(len(r.hypotheses[0]) for r in results)
            if count_file:
                Path(count_file).write_text(str(counted[0]))
            return results

        def __getattr__(self, name):
            return getattr(self._t, name)

    ctranslate2.Translator = Fixed
    return counted


def argos_row(manifest: dict, new_tokens: int) -> dict:
    counted = _fixed_length(new_tokens)
    t0 = time.perf_counter()
    from argostranslate import translate

    translation = translate.get_translation_from_codes(FROM, TO)
    translation.translate("Сынақ сөйлем.")  # warm-up: loads the model and the splitter
    load_s = time.perf_counter() - t0

    def timed():
        translation.cache = {}  # CachedTranslation: every timed call is a first translation
        before = counted[0]
        start = time.perf_counter()
        out = translation.translate(manifest["text"])
        return time.perf_counter() - start, (counted[0] - before, out)

    seconds, (tokens, out), cpu = speed._best(timed)
    return dict(seconds=seconds, cpu_s=cpu, tokens=tokens, load_s=load_s, output=out)


def libre_serve(new_tokens: int, count_file: str, argv: list[str]) -> None:
    """LibreTranslate's own CLI, offline: no index or MiniSBD downloads at boot, fixed length."""
    _fixed_length(new_tokens, count_file)
    import libretranslate.init
    from argostranslate import translate

    libretranslate.init.check_and_install_models = lambda *a, **k: print("offline: models as installed")
    cached_hypotheses = translate.CachedTranslation.hypotheses

    def uncached(self, *args, **kwargs):
        self.cache = {}  # every request is a first translation, as in the Argos row
        return cached_hypotheses(self, *args, **kwargs)

    translate.CachedTranslation.hypotheses = uncached
    from libretranslate.main import main

    sys.argv = ["libretranslate", *argv]
    main()


def _post(port: int, text: str, timeout: float) -> str:
    body = json.dumps({"q": text, "source": FROM, "target": TO, "format": "text"}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/translate", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read())["translatedText"]


def _vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_row(name: str, command: list[str], port: int, ready: str, manifest: dict, workdir: Path, timeout: float,
             env: dict | None = None, tokens=None) -> dict:
    """Start a LibreTranslate-API server (``command``), wait until ``ready`` answers, warm it up, then
    time ``POST /translate`` of the document. ``tokens()`` counts the tokens generated so far (None:
    every sentence's fixed length). Returns the row with the server's peak RSS."""
    log = open(workdir / f"{name}.log", "w")
    t0 = time.perf_counter()
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.perf_counter() + timeout
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"{name} exited ({server.returncode}): "
                                   f"{(workdir / f'{name}.log').read_text()[-1500:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{ready}", timeout=5) as r:
                    r.read()
                break
            except OSError:
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"{name} did not answer within the timeout")
                time.sleep(0.5)
        _post(port, "Сынақ сөйлем.", timeout)  # warm-up: LibreTranslate loads its model on the first request
        load_s = time.perf_counter() - t0

        def timed():
            before = tokens() if tokens else 0
            start = time.perf_counter()
            out = _post(port, manifest["text"], timeout)
            seconds = time.perf_counter() - start
            return seconds, ((tokens() - before) if tokens else None, out)

        seconds, (counted, out), _ = speed._best(timed)
        rss = _vm_hwm_mb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    return dict(seconds=seconds, tokens=counted, load_s=load_s, output=out, rss_mb=rss)


def libre_row(manifest: dict, new_tokens: int, workdir: Path, timeout: float) -> dict:
    port = _free_port()
    count_file = workdir / "libre-count.txt"
    count_file.write_text("0")
    command = [sys.executable, __file__, "--workdir", str(workdir), "--_libre_serve", str(new_tokens), str(count_file),
               "--host", "127.0.0.1", "--port", str(port), "--load-only", f"{FROM},{TO}", "--disable-web-ui",
               "--disable-files-translation"]
    return http_row("libre", command, port, "/languages", manifest, workdir, timeout,
                    tokens=lambda: int(count_file.read_text() or 0))


# --- kkaligner and the floor (kkaligner's environment) -------------------------------------------


def pipeline_row(manifest: dict, new_tokens: int, threads: int) -> dict:
    import dataclasses

    from kkaligner.memory import TranslationMemory
    from kkaligner.pipeline import Translator

    t0 = time.perf_counter()
    memory = Path(tempfile.mkdtemp(prefix="kkaligner-bench-")) / "memory.sqlite"
    translator = Translator(manifest["model_dir"], engine="ct2", beam_size=BEAM, max_length=new_tokens,
                            batch_size=16, device="cpu", memory=memory,
                            engine_options={"compute_type": "int8", "intra_threads": threads, "status": lambda m: None})
    translator.options = dataclasses.replace(translator.options, min_new_tokens=new_tokens)
    translator.translate("Сынақ сөйлем.")  # warm-up
    load_s = time.perf_counter() - t0

    def timed():
        with TranslationMemory(memory) as store:
            store.clear()  # every timed run is a first translation
        start = time.perf_counter()
        draft = translator.translate(manifest["text"])
        return time.perf_counter() - start, draft

    seconds, draft, cpu = speed._best(timed)
    translator.close()
    return dict(seconds=seconds, cpu_s=cpu, tokens=len(draft.sentences) * new_tokens, load_s=load_s,
                output=draft.text)


def kk_serve(model_dir: str, new_tokens: int, port: int, threads: int) -> None:
    """``kkalign serve``'s app as the CLI builds it (``kkaligner.server``: the batching queue, the
    LibreTranslate API), on this benchmark's settings: no translation memory (every request is a
    first translation), every sentence decoded to exactly ``new_tokens`` tokens."""
    import dataclasses

    import uvicorn

    from kkaligner.server import Settings, create_app, default_factory

    make = default_factory(model_dir, engine="ct2", device="cpu", beam_size=BEAM, max_length=new_tokens,
                           batch_size=16, memory=False,
                           engine_options={"compute_type": "int8", "intra_threads": threads, "status": lambda m: None})

    def factory(**kwargs):
        translator = make(**kwargs)
        translator.options = dataclasses.replace(translator.options, min_new_tokens=new_tokens)
        return translator

    app = create_app(factory, Settings(port=port, rate_limit=0, max_chars=1_000_000, batch_size=16))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def serve_row(manifest: dict, new_tokens: int, workdir: Path, timeout: float, threads: int) -> dict:
    port = _free_port()
    command = [sys.executable, __file__, "--workdir", str(workdir), "--_kk_serve", manifest["model_dir"],
               str(new_tokens), str(port), str(threads)]
    row = http_row("serve", command, port, "/health", manifest, workdir, timeout)
    row["tokens"] = len(manifest["sentences"]) * new_tokens  # as the pipeline row: fixed by min_new_tokens
    return row


# --- the parent --------------------------------------------------------------------------------


ROWS = {
    "argos": "Argos Translate 1.11",
    "libre": "LibreTranslate (HTTP, 127.0.0.1)",
    "serve": "kkalign serve (HTTP, 127.0.0.1)",
    "pipe": "kkaligner pipeline ct2 + glossary",
    "ct2": "raw CTranslate2 (floor)",
}


def _run(python: str, args: list[str], env: dict, timeout: float) -> dict:
    proc = subprocess.run([python, __file__, *args], capture_output=True, text=True, env=env, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip()[-2000:] or f"exit {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _shape(text: str) -> list[bool]:
    return [bool(line.strip()) for line in text.rstrip("\n").split("\n")]


def layout_kept(source: str, output: str) -> bool:
    """The same lines, and blank lines, in the same places."""
    return _shape(source) == _shape(output)


def term_share(manifest: dict, output: str) -> tuple[int, int]:
    from kkaligner.pipeline import load_glossary
    from kkaligner.terms import plan
    from kkaligner.terms.presence import satisfied_count

    constraints = [c for p in plan(manifest["sentences"], load_glossary(None), FROM, TO) for c in p.constraints]
    return satisfied_count(output, constraints, TO), len(constraints)


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    ap.add_argument("--quick", action="store_true", help="bench_speed's smaller model and document")
    ap.add_argument("--peers-python", default="/tmp/peersvenv/bin/python",
                    help="interpreter with argostranslate and libretranslate installed")
    ap.add_argument("--workdir", type=Path, default=None, help="where the model and package are kept")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds per row (and per HTTP request)")
    ap.add_argument("--_prepare", metavar="MODE", help=argparse.SUPPRESS)
    ap.add_argument("--_row", nargs=2, metavar=("MODE", "ROW"), help=argparse.SUPPRESS)
    ap.add_argument("--_libre_serve", nargs=2, metavar=("NEW", "COUNT_FILE"), help=argparse.SUPPRESS)
    ap.add_argument("--_kk_serve", nargs=4, metavar=("MODEL", "NEW", "PORT", "THREADS"), help=argparse.SUPPRESS)
    args, rest = ap.parse_known_args(argv)

    if args._libre_serve:
        libre_serve(int(args._libre_serve[0]), args._libre_serve[1], rest)
        return 0
    if args._kk_serve:
        model_dir, new, port, threads = args._kk_serve
        kk_serve(model_dir, int(new), int(port), int(threads))
        return 0
    if args.workdir is None:
        from kkaligner.cache import cache_dir

        args.workdir = cache_dir() / "bench-peers"
    workdir = args.workdir.expanduser().resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    if args._prepare:
        os.environ["KKALIGNER_CACHE"] = str(workdir / "cache")
        print(json.dumps(prepare(workdir, args._prepare), ensure_ascii=False))
        return 0
    if args._row:
        mode, row = args._row
        settings = speed.SETTINGS[mode]
        speed.REPEAT, speed.REPEAT_BUDGET_S = settings["repeat"], settings["repeat_budget_s"]
        manifest = json.loads((workdir / f"peers-{mode}.json").read_text(encoding="utf-8"))
        new = settings["new_tokens"]
        if row == "install":
            result = argos_install(manifest, mode, workdir)
        elif row == "argos":
            result = argos_row(manifest, new)
        elif row == "libre":
            result = libre_row(manifest, new, workdir, args.timeout)
        elif row == "pipe":
            result = pipeline_row(manifest, new, _threads())
        elif row == "serve":
            result = serve_row(manifest, new, workdir, args.timeout, _threads())
        else:  # the floor: bench_speed's raw CTranslate2 row on this document's tokens
            result = speed._ct2_row(manifest, BEAM, new)
        result.setdefault("rss_mb", speed._peak_rss_mb())
        print(json.dumps(result, ensure_ascii=False))
        return 0

    mode = "quick" if args.quick else "full"
    settings = speed.SETTINGS[mode]
    threads = _threads()
    env = dict(os.environ, KKALIGNER_CACHE=str(workdir / "cache"), TOKENIZERS_PARALLELISM="false")
    wall = time.perf_counter()
    manifest = _run(sys.executable, ["--workdir", str(workdir), "--_prepare", mode], env, 3600)
    arch, new = manifest["arch"], settings["new_tokens"]
    n = len(manifest["sentences"])
    _, required = term_share(manifest, "")
    print(f"model: random M2M100 d_model {arch['d_model']}, {arch['encoder_layers']}+{arch['decoder_layers']} layers, "
          f"vocab {arch['vocab_size']} ({manifest['params'] / 1e6:.0f}M params), CTranslate2 int8")
    print(f"document: {n} sentences in {manifest['text'].count(chr(10) + chr(10)) + 1} paragraphs, "
          f"{manifest['text'].rstrip().count(chr(10)) + 1} lines, {required} glossary names required; "
          f"exactly {new} new tokens per sentence; beam {BEAM}; {threads} intra threads for every row; "
          f"best of {settings['repeat']} timed calls after a warm-up; mode {mode}; "
          f"load average {os.getloadavg()[0]:.1f} at start")

    results: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    peer_env = dict(env, **argos_env(workdir, mode, threads))
    probe = subprocess.run([args.peers_python, "-c", "import argostranslate, ctranslate2"], capture_output=True,
                           text=True, check=False) if Path(args.peers_python).exists() else None
    peers_ok = probe is not None and probe.returncode == 0
    if not peers_ok:
        why = f"{args.peers_python} " + ("not found" if probe is None else "lacks argostranslate")
        skipped["argos"] = skipped["libre"] = why
    else:
        try:
            info = _run(args.peers_python, ["--workdir", str(workdir), "--_row", mode, "install"], peer_env, 1800)
            print(f"argos package installed offline: {info['installed']}")
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            skipped["argos"] = skipped["libre"] = f"install failed: {str(e).splitlines()[-1]}"
    libre_probe = subprocess.run([args.peers_python, "-c", "import libretranslate.main"], capture_output=True,
                                 text=True, check=False) if peers_ok else None
    if peers_ok and libre_probe.returncode != 0:
        skipped["libre"] = f"{args.peers_python} lacks libretranslate"
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        skipped["serve"] = "the server's dependencies are missing: pip install 'kkaligner[server]'"

    for row in ("argos", "libre", "pipe", "serve", "ct2"):
        if row in skipped:
            continue
        python = args.peers_python if row in ("argos", "libre") else sys.executable
        try:
            res = _run(python, ["--workdir", str(workdir), "--timeout", str(args.timeout), "--_row", mode, row],
                       peer_env if python != sys.executable else env, args.timeout * 2)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            skipped[row] = f"failed: {str(e).strip().splitlines()[-1] if str(e).strip() else e!r}"
            continue
        res["tps"] = res["tokens"] / res["seconds"]
        results[row] = res
        print(f"  measured {ROWS[row]}: {res['tps']:.1f} tok/s", file=sys.stderr, flush=True)

    # Every row's output, to read what was judged.
    (workdir / f"outputs-{mode}.json").write_text(json.dumps(
        {"source": manifest["text"], **{r: v.get("output") for r, v in results.items()}}, ensure_ascii=False, indent=1),
        encoding="utf-8")
    base = results.get("argos")
    head = (f"{'row':<36} {'tok/s':>7} {'wall s':>7} {'load s':>6} {'RSS MB':>7} {'layout':>8} {'terms':>11} "
            f"{'vs Argos':>8}")
    print()
    print(head)
    print("-" * len(head))
    for row, label in ROWS.items():
        res = results.get(row)
        if res is None:
            print(f"{label:<36} skipped: {skipped.get(row, 'not run')}")
            continue
        if "output" in res:
            got, need = term_share(manifest, res["output"])
            terms = f"{got}/{need} {100 * got / need:.0f}%" if need else "-"
            layout = "yes" if layout_kept(manifest["text"], res["output"]) else \
                f"NO {len(_shape(res['output']))}/{len(_shape(manifest['text']))}"  # lines out / lines in
        else:
            terms, layout = "n/a", "n/a"  # token ids in, token ids out: no text to judge
        ratio = f"{res['tps'] / base['tps']:.2f}x" if base else "-"
        note = "" if res["tokens"] == n * new else f"  (generated {res['tokens']} tokens, expected {n * new})"
        print(f"{label:<36} {res['tps']:>7.1f} {res['seconds']:>7.2f} {res['load_s']:>6.1f} {res['rss_mb']:>7.0f} "
              f"{layout:>8} {terms:>11} {ratio:>8}{note}")

    print()
    pipe = results.get("pipe")
    if pipe and base:
        got, need = term_share(manifest, pipe["output"])
        agot, _ = term_share(manifest, base["output"])
        ratio = pipe["tps"] / base["tps"]
        ok = ratio >= 1.0 and got == need
        print(f"target: kkaligner pipeline ct2 >= 1.0x Argos Translate tokens/s with the glossary on, 100% terms: "
              f"{ratio:.2f}x, terms {100 * got / need:.0f}% (Argos, no glossary: {100 * agot / need:.0f}%) "
              f"-> {'met' if ok else 'NOT met'}")
    else:
        print("target: kkaligner pipeline ct2 >= 1.0x Argos Translate: not measured (a row is missing)")
    print(f"total wall {time.perf_counter() - wall:.0f} s; load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
