"""Glossary enforcement on a model that disagrees with the glossary: term success and speed.

    python benchmarks/bench_enforce.py [--repeats 3] [--engines transformers,ct2]

The model is ``kkaligner.testing.train``'s tiny kk→en model (trained once, about a minute, then
cached), which writes Байқоңыр as "Baykonur" and Бәйтерек as "Bayterek". It translates its
held-apart sentences (new combinations of known names and templates) under a glossary that
disagrees: Байқоңыр → Baikonur (forbidden: Baykonur), Бәйтерек → Baiterek (forbidden: Bayterek).

For each engine available, greedy and beam 4, enforcement off (the baseline, same process) and on:

* terms: share of sentences whose translation holds every required rendering (as many times as the
  source has the term; 's and plurals count) and no forbidden variant -- target 100% with
  enforcement on;
* lost: sentences whose translation came back empty -- target 0;
* tok/s: target tokens per second (the output's token count under the model's tokenizer, over the
  best of ``--repeats`` timed runs after one warm-up; the constraint tables are compiled afresh in
  every run), the tok/s ratio on/off and the wall-time ratio off/on for the same sentences (the
  approved renderings take more tokens than the model's own spellings, which flatters tok/s) --
  target >= 0.85 for both;
* own spelling left: share of translations that still hold the model's Baykonur/Bayterek;
* chrF: against the held-apart reference translations with the model's spellings replaced by
  the table's renderings (chrF, character 6-grams, beta 2): whether enforcement kept the sentence
  the model meant around the term (off: the model's sentence with its own spelling).

Last, on the FLORES-200 dev human translations (when ../shared/data is there): how many of the
sentences with a glossary term the repair would change, given the source (a good translation
should stay as it is; each change is printed).

Two more tables (terms and losses checked, speed for information): the same renderings without
the forbidden list, where the model's spelling is recognised by its likeness to the rendering, and
renderings unlike anything the model writes (Tyuratam, Poplar). There the model's "Baykonur" still
reads like the source's Байқоңыр (``kkaligner.terms.NameLikeness``): the transformers engine
counts it as the term while decoding and CTranslate2 takes it for the term before it would force,
and the repair replaces it; forcing by decoding alone would leave it beside the forced term
("own spelling left"; tests/test_enforce_trained.py covers that path with the likeness off).

Engines run on one CPU thread each and time is the process's CPU time, so the figures depend little
on what else the machine runs (tok/s is per CPU second).
Enforcement here is the engine's (decoding only): ``finalize``'s repair pass is not applied.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from kkaligner.engines.base import DecodeOptions  # noqa: E402
from kkaligner.terms import plan  # noqa: E402
from kkaligner.glossary import Glossary  # noqa: E402
from kkaligner.types import Term  # noqa: E402

GLOSSARY = Glossary.from_terms(
    [
        Term(source="Байқоңыр", target="Baikonur", forbidden=("Baykonur",)),
        Term(source="Бәйтерек", target="Baiterek", forbidden=("Bayterek",)),
    ],
    name="bench",
)
# The same renderings without the forbidden list: the model's spelling is recognised by its
# likeness to the rendering (``kkaligner.lang.spelling.near_variant``).
UNLISTED = Glossary.from_terms(
    [Term(source="Байқоңыр", target="Baikonur"), Term(source="Бәйтерек", target="Baiterek")], name="bench-unlisted"
)
# Renderings unlike anything the model writes (Tyuratam, the site's old name; Poplar, what
# Бәйтерек means): only the model's spelling's likeness to the source name tells where they go.
UNRELATED = Glossary.from_terms(
    [Term(source="Байқоңыр", target="Tyuratam"), Term(source="Бәйтерек", target="Poplar")], name="bench-unrelated"
)
FORBIDDEN = {"Байқоңыр": ("Baykonur",), "Бәйтерек": ("Bayterek",)}


def chrf(hypothesis: str, reference: str, n: int = 6, beta: float = 2.0) -> float:
    """Sentence chrF (Popović 2015): character n-gram F-score, n = 1..6, spaces removed, recall
    weighted by ``beta``; 0..100."""
    from collections import Counter

    hyp, ref = hypothesis.replace(" ", ""), reference.replace(" ", "")
    precision = recall = 0.0
    orders = 0
    for k in range(1, n + 1):
        h = Counter(hyp[i : i + k] for i in range(len(hyp) - k + 1))
        r = Counter(ref[i : i + k] for i in range(len(ref) - k + 1))
        if not h or not r:
            continue
        common = sum((h & r).values())
        precision += common / sum(h.values())
        recall += common / sum(r.values())
        orders += 1
    if not orders or precision + recall == 0:
        return 0.0
    precision, recall = precision / orders, recall / orders
    return 100 * (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def references(model, glossary) -> list[str]:
    """The held-apart references with the model's spellings replaced by ``glossary``'s renderings."""
    rendering = {t.source: t.target for t in glossary}
    out = []
    for _, en in model.held_out:
        for source, spellings in FORBIDDEN.items():
            for spelling in spellings:
                en = re.sub(r"(?<!\w)" + spelling, rendering[source], en)
        out.append(en)
    return out


def human_translations() -> None:
    """How often the repair, given the source, would change a FLORES human translation."""
    # The FLORES documents and their loader are the alignment benchmark's (run as a script, this
    # folder is on sys.path); checked here first, as its loader ends the process when they are absent.
    from bench_align import DOCS, load

    if not DOCS.exists():
        print(f"\nhuman translations: skipped, {DOCS} not found (../shared/data beside the repository)")
        return
    from kkaligner.terms import repair_text

    glossary = Glossary.default()
    docs = load()
    print("\nrepair on FLORES-200 dev human translations (shipped glossary; a good translation should stay)")
    for sl, tl in (("kk", "en"), ("en", "kk")):
        with_terms = changed = 0
        shown = []
        for doc in docs:
            for p, target in zip(plan(doc[sl], glossary, sl, tl), doc[tl]):
                if not p.constraints:
                    continue
                with_terms += 1
                fixed = repair_text(target, p.constraints, tl, source=p.source)[0]
                if fixed != repair_text(target, p.constraints, tl)[0]:
                    changed += 1
                    shown.append((target, fixed))
        print(f"  {sl}->{tl}: {changed} of {with_terms} sentences with a term changed by the source-name likeness")
        for before, after in shown:
            print(f"    {before}\n    -> {after}")


def model_spelling_left(text: str) -> bool:
    """Whether the model's own spelling (Baykonur, Bayterek) is still in ``text``."""
    return any(re.search(r"(?<!\w)" + v, text, re.IGNORECASE) for vs in FORBIDDEN.values() for v in vs)


def term_ok(text: str, constraints) -> bool:
    """Every required rendering present as often as required, no forbidden variant."""
    for c in constraints:
        need = sum(1 for d in constraints if d.options == c.options)
        found = sum(len(re.findall(r"(?<!\w)" + re.escape(o), text, re.IGNORECASE)) for o in c.options)
        if found < need:
            return False
        if any(re.search(r"(?<!\w)" + re.escape(f), text, re.IGNORECASE) for f in c.forbidden):
            return False
    return True


def load(name: str, path: Path):
    if name == "ct2":
        from kkaligner.engines.ct2 import Ct2Engine

        return Ct2Engine(str(path), device="cpu", compute_type="float32", status=lambda m: None, intra_threads=1)
    import torch

    from kkaligner.engines.transformers import TransformersEngine

    torch.set_num_threads(1)
    return TransformersEngine(str(path), device="cpu")


def measure(engine, tokenizer, sources, constraints, options, repeats: int):
    from kkaligner.engines.tokens import clear_cache
    from kkaligner.terms import repair_text
    from kkaligner.terms.repair import _repaired

    def run():
        # The engine decodes; the repair runs once afterwards, as finalize runs it in the pipeline.
        out = engine.translate(sources, "kk", "en", options, constraints)
        return [repair_text(h[0].text, c, "en", source=s)[0] if h and c and options.enforce else (h[0].text if h else "")
                for h, c, s in zip(out, constraints, sources)]

    run()  # warm-up
    best = float("inf")
    texts = []
    for _ in range(repeats):
        clear_cache()  # each run is a fresh document: its constraint tables are compiled anew
        _repaired.cache_clear()
        t0 = time.process_time()
        texts = run()
        best = min(best, time.process_time() - t0)
    ok = sum(term_ok(t, c) for t, c in zip(texts, constraints))
    lost = sum(1 for s, t in zip(sources, texts) if s.strip() and not t.strip())
    tokens = sum(len(ids) for ids in tokenizer(text_target=texts, add_special_tokens=False)["input_ids"])
    left = sum(model_spelling_left(t) for t in texts)
    return ok, lost, tokens, best, texts, left


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3, help="timed runs per cell (the best counts)")
    ap.add_argument("--engines", default="transformers,ct2", help="comma-separated engines to run")
    ap.add_argument("--show", type=int, default=0, help="print this many translations per cell")
    args = ap.parse_args(argv)

    from kkaligner.engines import available
    from kkaligner.testing.train import trained_tiny_nllb

    model = trained_tiny_nllb(log=lambda m: print("  train:", m, file=sys.stderr))
    sources = [kk for kk, _ in model.held_out]
    n = len(sources)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    loaded = {}
    for name in engines:
        if not available(name):
            print(f"{name}: skipped, not installed")
            continue
        loaded[name] = load(name, model.path)
    worst = float("inf")
    failures = []
    tables = (
        ("disagreeing glossary (forbidden Baykonur/Bayterek)", GLOSSARY, True),
        ("no forbidden list (Baikonur/Baiterek; the model's spelling recognised by likeness)", UNLISTED, False),
        ("unrelated renderings (Tyuratam/Poplar: the model's spelling recognised by its likeness to the source name)",
         UNRELATED, False),
    )
    for label, glossary, targeted in tables:
        constraints = [list(p.constraints) for p in plan(sources, glossary)]
        assert all(constraints), "every held-apart sentence has a glossary term"
        print(f"\n{label}: {n} held-apart sentences, {sum(map(len, constraints))} term occurrences, "
              f"model {model.path.name}")
        refs = references(model, glossary)
        header = (f"{'engine':<13} {'beam':>4}  {'terms off':>9} {'terms on':>9} {'lost':>5}  "
                  f"{'tok/s off':>9} {'tok/s on':>9} {'tok/s ratio':>11} {'time ratio':>10} {'own spelling left':>17}"
                  f" {'chrF off':>8} {'chrF on':>7}")
        print(header)
        print("-" * len(header))
        for name, engine in loaded.items():
            for beam in (1, 4):
                base = DecodeOptions(beam_size=beam, max_length=48, batch_size=16, enforce=False)
                on = DecodeOptions(beam_size=beam, max_length=48, batch_size=16, enforce=True)
                ok0, lost0, tok0, t0, texts0, _ = measure(engine, engine.tokenizer, sources, constraints, base, args.repeats)
                ok1, lost1, tok1, t1, texts1, left = measure(engine, engine.tokenizer, sources, constraints, on, args.repeats)
                tps0, tps1 = tok0 / t0, tok1 / t1
                # time ratio: the same sentences' wall time off/on (tok/s counts the longer renderings)
                ratio = min(tps1 / tps0, t0 / t1)
                if targeted:
                    worst = min(worst, ratio)
                chrf0 = sum(chrf(t, r) for t, r in zip(texts0, refs)) / n
                chrf1 = sum(chrf(t, r) for t, r in zip(texts1, refs)) / n
                print(
                    f"{name:<13} {beam:>4}  {ok0 / n:>9.1%} {ok1 / n:>9.1%} {lost0 + lost1:>5}  "
                    f"{tps0:>9.0f} {tps1:>9.0f} {tps1 / tps0:>11.2f} {t0 / t1:>10.2f} {left / n:>17.1%}"
                    f" {chrf0:>8.1f} {chrf1:>7.1f}"
                )
                for i in range(min(args.show, n)):
                    print(f"    {sources[i]}\n      off: {texts0[i]}\n      on:  {texts1[i]}")
                if ok1 < n or lost1:
                    failures.append(f"{label}, {name} beam {beam}: {n - ok1} sentences without their terms, {lost1} lost")
    for engine in loaded.values():
        engine.close()
    human_translations()
    print(f"\ntargets: terms on 100% and lost 0 in every table; speed ratio >= 0.85 in the first "
          f"(worst of its tok/s and time ratios: {worst:.2f})")
    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
