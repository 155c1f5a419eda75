"""Sentence alignment quality and speed on FLORES-200 dev articles.

    python benchmarks/bench_align.py [--seed 13] [--seeds 1-10]

For each of the 281 articles, the kk and en sentences (1-1 translations) are the gold links.

* clean: the article as given.
* perturbed: in each article one random sentence is deleted on one side and two adjacent sentences
  are merged into one on the other side (seeded), so the gold has one 1-0 / 0-1 link and one 2-1 /
  1-2 link (articles of fewer than 3 sentences are left out of this row).
* lines: the sentences are given pre-split (``align_sentences``); text: each side is joined into one
  running text with spaces, split again with ``kkaligner.split.segment`` and aligned with
  ``kkaligner.align``; predicted links are projected onto the gold units by character overlap and
  links sharing a unit merged, so a unit the splitter cuts in two counts as one link (and so does a
  merged pair the splitter cuts again).
* long document: all articles of one side concatenated (997 sentences), with the perturbations of
  every article, to exercise the banded DP.

``--seeds`` repeats the perturbed rows for several perturbation seeds (a list such as ``1,2,5`` or a
range such as ``1-10``) and reports each seed's F1 with the mean and the minimum: one lucky seed
says little about robustness.

Links are compared as (source indices, target indices) pairs, null links included. The baseline is
the same dynamic programme with lengths only (Gale & Church without anchors), run in the same
process; the table reports F1 and time for both and the ratios.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DOCS = DATA / "parallel" / "flores200-dev-docs.jsonl"


def load():
    if not DOCS.exists():
        print(f"skipped: {DOCS} not found (../shared/data beside the repository)")
        sys.exit(0)
    with open(DOCS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def perturb(kk, en, rng):
    """Delete one sentence on one side, merge two adjacent ones on the other.

    Returns (kk_units, en_units, gold) where units are lists of sentences and gold a set of
    (kk unit indices, en unit indices) links; None when the article is too short.
    """
    n = len(kk)
    delete_kk = rng.random() < 0.5
    k = rng.randrange(n)
    merge_at = [j for j in range(n - 1) if k not in (j, j + 1)]
    if not merge_at:
        return None
    j = rng.choice(merge_at)
    a_side, b_side = (kk, en) if delete_kk else (en, kk)
    a_keep = [i for i in range(n) if i != k]
    b_units, i = [], 0
    while i < n:
        b_units.append([j, j + 1] if i == j else [i])
        i += 2 if i == j else 1
    a_texts = [[a_side[i]] for i in a_keep]
    b_texts = [[b_side[x] for x in u] for u in b_units]
    a_index = {orig: new for new, orig in enumerate(a_keep)}
    gold = set()
    for bu, members in enumerate(b_units):
        a = tuple(a_index[x] for x in members if x in a_index)
        gold.add((a, (bu,)) if delete_kk else ((bu,), a))
    return (a_texts, b_texts, gold) if delete_kk else (b_texts, a_texts, gold)


def score(pred, gold):
    tp = len(pred & gold)
    return tp, len(pred) - tp, len(gold) - tp


def project(links, src_units, tgt_units):
    """Map links between re-split sentences onto gold units by character overlap.

    Links that touch one gold unit are merged (connected components), so a unit the splitter cut in
    two and linked piece by piece counts as one link, as it would have been with the gold split.
    """

    def units(span, bounds):
        if span is None:
            return ()
        a, b = span
        return tuple(u for u, (s, e) in enumerate(bounds) if s < b and a < e)

    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        nodes = [("s", u) for u in units(link.source_span, src_units)]
        nodes += [("t", u) for u in units(link.target_span, tgt_units)]
        for a in nodes:
            find(a)
        for a, b in zip(nodes, nodes[1:]):
            parent[find(a)] = find(b)
    groups = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    return {
        (tuple(sorted(u for k, u in g if k == "s")), tuple(sorted(u for k, u in g if k == "t")))
        for g in groups.values()
    }


def join(units):
    """Join units (lists of sentences) with spaces; return the text and each unit's span."""
    text, bounds = "", []
    for u in units:
        if text:
            text += " "
        start = len(text)
        text += " ".join(u)
        bounds.append((start, len(text)))
    return text, bounds


def run(cases, mode, align_mod):
    tp = fp = fn = 0
    t0 = time.perf_counter()
    for src_units, tgt_units, gold in cases:
        if mode == "lines":
            links = align_mod.align_sentences([" ".join(u) for u in src_units], [" ".join(u) for u in tgt_units])
            pred = {(l.source, l.target) for l in links}
        else:
            s_text, s_bounds = join(src_units)
            t_text, t_bounds = join(tgt_units)
            links = align_mod.align(s_text, t_text)
            pred = project(links, s_bounds, t_bounds)
        a, b, c = score(pred, gold)
        tp, fp, fn = tp + a, fp + b, fn + c
    seconds = time.perf_counter() - t0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, seconds


class _LengthsOnly:
    """The same aligner with every anchor weight set to zero: Gale & Church lengths only."""

    def __init__(self, module):
        self.module = module

    def _patched(self, fn, *args):
        m = self.module
        saved = (m._anchor_cost, m._UNSHARED_NUMBER, m._UNSUPPORTED)
        m._anchor_cost = lambda f, g: 0.0
        m._UNSHARED_NUMBER = 0.0
        m._UNSUPPORTED = 0.0
        try:
            return fn(*args)
        finally:
            m._anchor_cost, m._UNSHARED_NUMBER, m._UNSUPPORTED = saved

    def align_sentences(self, s, t):
        return self._patched(self.module.align_sentences, s, t)

    def align(self, s, t):
        return self._patched(self.module.align, s, t)


def parse_seeds(text):
    """``1,2,5`` or ``1-10`` (or a mix: ``1-3,7``) -> a list of seeds."""
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        a, sep, b = part.partition("-")
        try:
            out += list(range(int(a), int(b) + 1)) if sep else [int(a)]
        except ValueError:
            raise argparse.ArgumentTypeError(f"bad seed list {text!r}: use numbers and ranges, e.g. 1,2,5 or 1-10")
    if not out:
        raise argparse.ArgumentTypeError("empty seed list")
    return out


def seeds_table(docs, seeds, align_mod):
    """Perturbed rows for each seed: F1 per seed, mean and minimum (and the lengths-only baseline)."""
    baseline = _LengthsOnly(align_mod)
    per = {}
    for seed in seeds:
        rng = random.Random(seed)
        cases = [c for c in (perturb(d["kk"], d["en"], rng) for d in docs) if c is not None]
        for mode in ("lines", "text"):
            f = run(cases, mode, align_mod)[2]
            bf = run(cases, mode, baseline)[2]
            per.setdefault(mode, []).append((seed, f, bf))
    print()
    print(f"Perturbed articles over {len(seeds)} seeds ({', '.join(map(str, seeds))})")
    head = f"{'input':<6} {'F1 mean':>8} {'F1 min':>7} {'min seed':>8} {'F1 max':>7} {'GC mean':>8} {'ratio':>6}  per seed"
    print(head)
    print("-" * len(head))
    for mode, rows in per.items():
        fs = [f for _, f, _ in rows]
        mean, gc = sum(fs) / len(fs), sum(b for *_, b in rows) / len(rows)
        worst = min(rows, key=lambda r: r[1])
        print(
            f"{mode:<6} {mean:>8.3f} {worst[1]:>7.3f} {worst[0]:>8} {max(fs):>7.3f} {gc:>8.3f} {mean / gc:>6.2f}  "
            + " ".join(f"{f:.3f}" for f in fs)
        )
    print("target: F1 >= 0.95 perturbed, for every seed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--seeds", type=parse_seeds, default=None, help="perturbation seeds: 1,2,5 or 1-10")
    args = ap.parse_args()
    docs = load()
    import importlib

    align_mod = importlib.import_module("kkaligner.align")  # the module; kkaligner.align is the function

    rng = random.Random(args.seed)
    clean = [([[s] for s in d["kk"]], [[s] for s in d["en"]], {((i,), (i,)) for i in range(len(d["kk"]))}) for d in docs]
    perturbed = [c for c in (perturb(d["kk"], d["en"], rng) for d in docs) if c is not None]

    # one long document: every perturbed article (or the clean one when too short) in a row
    long_src, long_tgt, long_gold = [], [], set()
    rng_long = random.Random(args.seed + 1)
    for d in docs:
        case = perturb(d["kk"], d["en"], rng_long) or clean[d["doc"]]
        s_units, t_units, gold = case
        so, to = len(long_src), len(long_tgt)
        long_src += s_units
        long_tgt += t_units
        long_gold |= {(tuple(x + so for x in a), tuple(y + to for y in b)) for a, b in gold}
    long_case = [(long_src, long_tgt, long_gold)]

    rows = []
    baseline = _LengthsOnly(align_mod)
    for name, cases in (("clean", clean), ("perturbed", perturbed), ("long document", long_case)):
        for mode in ("lines", "text"):
            p, r, f, sec = run(cases, mode, align_mod)
            _, _, bf, bsec = run(cases, mode, baseline)
            n_links = sum(len(c[2]) for c in cases)
            rows.append((name, mode, len(cases), n_links, p, r, f, bf, sec, bsec))

    head = f"{'set':<14} {'input':<6} {'docs':>5} {'links':>6} {'P':>6} {'R':>6} {'F1':>6} {'F1 GC':>6} {'ratio':>6} {'sec':>7} {'sec GC':>7} {'x GC':>6}"
    print("Sentence alignment on FLORES-200 dev (281 articles, 997 pairs); GC = lengths-only baseline")
    print(head)
    print("-" * len(head))
    for name, mode, nd, nl, p, r, f, bf, sec, bsec in rows:
        print(
            f"{name:<14} {mode:<6} {nd:>5} {nl:>6} {p:>6.3f} {r:>6.3f} {f:>6.3f} {bf:>6.3f} "
            f"{(f / bf if bf else 0):>6.2f} {sec:>7.2f} {bsec:>7.2f} {(sec / bsec if bsec else 0):>6.2f}"
        )
    print("targets: F1 >= 0.98 clean, >= 0.95 perturbed")
    if args.seeds:
        seeds_table(docs, args.seeds, align_mod)


if __name__ == "__main__":
    main()
