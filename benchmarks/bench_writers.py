"""Output writers: time to render a large draft in each format, against baselines, in one run.

    python benchmarks/bench_writers.py [--sentences N] [--repeat R]

Builds a synthetic draft (N sentences cycling through three Kazakh/English pairs with glossary
terms, findings, tabs, quotes, emoji and RTL marks; no model or data needed), renders it with
every writer and prints one table: best-of-R time in ms, throughput in sentences/s, output size,
and the ratio to two baselines measured in the same run: ``json.dumps`` of the bare
(source, target) pairs (the floor of serialising the same text) and, for TMX, translate-toolkit
building and serialising the same units (skipped if translate-toolkit is absent).
"""

from __future__ import annotations

import argparse
import json
import time

from kkaligner.types import Draft, Finding, Sentence, Signature, Term, TermUse
from kkaligner.writers import FORMATS, glossary_tsv

PAIRS = [
    ('Байқоңырдағы "ғарыш" <айлағы> & 🚀\tжұмыс істейді.',
     'The "space" <port> at Baikonur & 🚀\tworks.'),
    ("\u200fҒарыш саласындағы ынтымақтастық туралы келісімге қол қойылды.",
     "\u200fAn agreement on cooperation in the space sector was signed."),
    ("Қазақстан Республикасының Үкіметі NASA-мен бірге жұмыс істейді.",
     "The Government of the Republic of Kazakhstan works together with NASA."),
]
TERMS = [Term("Байқоңыр", "Baikonur", kind="place"), Term("ғарыш", "space", kind="noun"),
         Term("NASA", "NASA", dnt=True)]


def synthetic(n: int) -> Draft:
    sentences, findings, seps, doc = [], [], [""], ""
    for i in range(n):
        source, target = PAIRS[i % 3]
        uses = []
        for term in TERMS:
            key = term.source[:4].lower()
            a = source.lower().find(key)
            b = target.lower().find(term.target.lower())
            if a >= 0:
                uses.append(TermUse(term, (a, a + len(term.source)),
                                    (b, b + len(term.target)) if b >= 0 else None,
                                    source[a:a + len(term.source)],
                                    "applied" if b >= 0 else "missing"))
        if i % 5 == 0:
            findings.append(Finding("number-mismatch", "warning", "check the numbers", i,
                                    (0, 5), (4, 9)))
        start = len(doc)
        doc += source
        sentences.append(Sentence(i, source, target, start, start + len(source), i // 4,
                                  tuple(uses), -0.5))
        sep = "\n\n" if i % 4 == 3 else " "
        seps.append(sep)
        doc += sep
    sig = Signature("0.1.0", "bench", "synthetic", splitter="kk", glossary="bench")
    return Draft(doc, tuple(sentences), tuple(seps), sig, tuple(findings))


def best(fn, repeat: int) -> tuple[float, str]:
    times, out = [], ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def ttk_tmx(draft: Draft):
    from translate.storage import tmx

    def run():
        store = tmx.tmxfile(sourcelanguage=draft.source_lang, targetlanguage=draft.target_lang)
        for s in draft.sentences:
            store.addtranslation(s.source, draft.source_lang, s.target, draft.target_lang)
        return bytes(store).decode("utf-8")

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    draft = synthetic(args.sentences)
    n = len(draft.sentences)

    base, _ = best(lambda: json.dumps([[s.source, s.target] for s in draft.sentences],
                                      ensure_ascii=False), args.repeat)
    rows = [("baseline: json.dumps pairs", base, None)]
    for name, writer in FORMATS.items():
        t, out = best(lambda w=writer: w(draft), args.repeat)
        rows.append((name, t, len(out.encode("utf-8"))))
    t, out = best(lambda: glossary_tsv.render(draft), args.repeat)
    rows.append(("applied-terms tsv", t, len(out.encode("utf-8"))))
    try:
        t, out = best(ttk_tmx(draft), args.repeat)
        rows.append(("baseline: translate-toolkit tmx", t, len(out.encode("utf-8"))))
    except ImportError:
        pass
    tmx_time = next(t for name, t, _ in rows if name == "tmx")

    print(f"{n} sentences, {len(draft.findings)} findings, "
          f"{sum(len(s.terms) for s in draft.sentences)} term uses; best of {args.repeat}")
    print(f"{'writer':34} {'ms':>9} {'sent/s':>10} {'KiB':>8} {'x json.dumps':>13} {'x tmx':>7}")
    for name, t, size in rows:
        kib = "" if size is None else f"{size / 1024:.0f}"
        print(f"{name:34} {t * 1000:9.1f} {n / t:10.0f} {kib:>8} {t / base:13.1f} "
              f"{t / tmx_time:7.2f}")


if __name__ == "__main__":
    main()
