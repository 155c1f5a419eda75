"""Glossary matching in inflected Kazakh text: quality on KazNERD, and speed, in one run.

    python benchmarks/bench_glossary.py [--repeat N] [--errors K]

Quality (../shared/data/names/kaznerd-valid.iob2: names in context, no lemmas given). The
single-token PERSON, GPE, LOCATION and ORGANISATION spans are the gold; a span's lemma is the
shortest span of the same type in the file that it begins with, after undoing a final г→к, ғ→қ,
б→п (Назарбаевтың -> Назарбаев, Бәйтерегі -> Бәйтерек); the glossary is those lemmas. Sentences
are the tokens joined by spaces.

* recall: gold spans that a match covers exactly, with the span's lemma as its entry;
* precision: matches that land on a gold span of their lemma. A match on a token that is part of a
  multi-token name of the four types (Назарбаев in "Нұрсұлтан Назарбаевтың") is counted on its
  own line: it is a correct find of the name, but not a single-token gold span;
* both overall and for inflected spans alone (span != lemma), with kkaligner against an
  exact-form baseline (what exact-string glossary matchers do).

Speed: a 10,000-entry glossary (the KazNERD lemmas plus deterministic Kazakh-like synthetic
lemmas, one in five multiword) loaded from a rich TSV file, and matched over 1 MB and 2 MB (UTF-8)
of Kazakh text (the KazNERD sentences, repeated); the 2 MB / 1 MB ratio shows linearity. The
baseline is an exact-form token lookup over the same text; "no case evidence" is the same match
without the document case evidence (``find(..., case_evidence=False)``), to show what it costs.

Quality is measured three ways (sentence by sentence, documents of ``--doc-size`` consecutive
sentences, the whole file as one text); see ``main``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "names" / "kaznerd-valid.iob2"
TYPES = ("PERSON", "GPE", "LOCATION", "ORGANISATION")
UNDO = {"г": "к", "ғ": "қ", "б": "п"}


def read_iob2(path: Path):
    """[(tokens, tags)] per sentence."""
    sents, toks, tags = [], [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        tok, _, tag = line.rpartition(" ")
        toks.append(tok)
        tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def spans_of(tags):
    """(type, first token, last token + 1) for every entity span."""
    out, i = [], 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            typ = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + typ:
                j += 1
            out.append((typ, i, j))
            i = j
        else:
            i += 1
    return out


def lemma_of(token: str, candidates: set) -> str:
    """Shortest candidate that ``token`` begins with (after undoing a final voicing)."""
    for k in range(1, len(token) + 1):
        prefix = token[:k]
        if prefix in candidates:
            return prefix
        undone = prefix[:-1] + UNDO.get(prefix[-1], prefix[-1])
        if undone != prefix and undone in candidates:
            return undone
    return token


def build_gold(sents):
    """Sentence texts with token offsets, gold single-token spans with lemmas, multi-token tokens."""
    surfaces = defaultdict(set)
    for toks, tags in sents:
        for typ, a, b in spans_of(tags):
            if typ in TYPES and b - a == 1:
                surfaces[typ].add(toks[a])
    texts, gold, multi = [], [], []
    for toks, tags in sents:
        offs, pos = [], 0
        for t in toks:
            offs.append((pos, pos + len(t)))
            pos += len(t) + 1
        texts.append(" ".join(toks))
        g, mt = {}, {}
        for typ, a, b in spans_of(tags):
            if typ in TYPES and b - a == 1:
                g[offs[a]] = (toks[a], lemma_of(toks[a], surfaces[typ]))
            else:
                for k in range(a, b):
                    mt[offs[k][0]] = "multi" if typ in TYPES else "other"
        gold.append(g)
        multi.append(mt)
    return texts, gold, multi


def matches_by_sentence(match_fn, texts, doc_size):
    """Each sentence's matches, found sentence by sentence (``doc_size`` 0) or in documents of
    ``doc_size`` consecutive sentences, one a line, as a user's file is matched (offsets made
    relative to the sentence again)."""
    if not doc_size:
        return [match_fn(t) for t in texts]
    out = []
    for d in range(0, len(texts), doc_size):
        chunk = texts[d : d + doc_size]
        starts, pos = [], 0
        for t in chunk:
            starts.append(pos)
            pos += len(t) + 1
        per = [[] for _ in chunk]
        for m in match_fn("\n".join(chunk)):
            k = bisect_right(starts, m.start) - 1
            per[k].append(replace(m, start=m.start - starts[k], end=m.end - starts[k]))
        out += per
    return out


def evaluate(match_fn, texts, gold, multi, doc_size=0):
    """Counts for recall / precision, overall and for inflected spans."""
    c = Counter()
    fp_examples = []
    fn_examples = []
    found_all = matches_by_sentence(match_fn, texts, doc_size)
    for text, g, mt, matches in zip(texts, gold, multi, found_all):
        found = {}
        for m in matches:
            found[(m.start, m.end)] = m
        for span, (surface, lemma) in g.items():
            infl = surface != lemma
            c["gold"] += 1
            c["gold_infl"] += infl
            m = found.get(span)
            if m is not None and m.term.source.casefold() == lemma.casefold():
                c["tp_r"] += 1
                c["tp_r_infl"] += infl
            elif len(fn_examples) < 400:
                fn_examples.append((surface, lemma, m.surface if m else None, text))
        for m in matches:
            span = (m.start, m.end)
            hit = g.get(span)
            infl = m.suffix != ""
            c["pred"] += 1
            c["pred_infl"] += infl
            if hit is not None and hit[1].casefold() == m.term.source.casefold():
                c["tp_p"] += 1
                c["tp_p_infl"] += infl
            elif hit is None and m.start in mt:
                kind = mt[m.start]
                c["in_" + kind] += 1
                c[f"in_{kind}_infl"] += infl
            else:
                c["wrong"] += 1
                c["wrong_infl"] += infl
                if len(fp_examples) < 400:
                    fp_examples.append((m.surface, m.term.source, hit, text))
    return c, fp_examples, fn_examples


# Misses split by cause. The lemma rule of this file takes the shortest same-type span a token
# begins with, so a span's "lemma" is not always its morphological lemma:
# * a -лық/-лік/-дық/-дік/-тық/-тік derivation (Испаниялық "Spanish", Қазақстандықтар
#   "Kazakhstanis") is a new word with a lemma of its own (UD Kazakh lemmatises мемориалдық as
#   мемориалдық), so matching it as the name would be a wrong match on text lemmatised so;
# * a "lemma" that is itself an inflected form (Сирияда, Көкшетауда, Таразда: locatives), whose
#   other forms (Сириядан) are forms of Сирия, not of Сирияда;
# * a different, longer name that begins with a shorter one (Баянауыл / Баян, Аралбай / Арал,
#   Сырдария / Сыр, Алашұлы / Алаш): no suffix chain turns one into the other, and matching them
#   would break "the entry for the river must not match inside an unrelated longer word".
# None of these is reachable by a rule of Kazakh inflection; the rest are the matcher's own misses.
_DERIVATION = ("лық", "лік", "дық", "дік", "тық", "тік")


def miss_cause(surface: str, lemma: str) -> str:
    from kkaligner.glossary.matcher import find_forms

    if any((m.start, m.end) == (0, len(surface)) for m in find_forms(surface, lemma)):
        return "matcher"
    if surface.startswith(lemma) and surface[len(lemma) :].startswith(_DERIVATION):
        return "derivation"
    if any(m.start == 0 and m.end == len(lemma) and m.suffix for k in range(2, len(lemma))
           for m in find_forms(lemma, lemma[:k])):
        return "inflected lemma"
    return "longer name"


def explain_misses(fns, found_alone=()) -> str:
    """``found_alone``: misses of the sentence-by-sentence run; a miss not among them was found in
    its sentence alone and dropped for the document's lower-case evidence."""
    alone = Counter((s, lem, t) for s, lem, _, t in found_alone)
    causes = Counter()
    for s, lem, _, t in fns:
        if found_alone and alone[(s, lem, t)] == 0:
            causes["case evidence"] += 1
        else:
            alone[(s, lem, t)] -= 1
            causes[miss_cause(s, lem)] += 1
    order = ("derivation", "inflected lemma", "longer name", "case evidence", "matcher")
    return f"misses {len(fns)}: " + ", ".join(f"{causes[k]} {k}" for k in order)


def explain_wrong(fps) -> str:
    """Wrong matches split: on a gold span given another lemma, on the first word of a sentence
    (where a capital says nothing: Азаматтар "citizens" is not the name Азамат), elsewhere."""
    on_gold = sum(hit is not None for _, _, hit, _ in fps)
    initial = sum(hit is None and not text[: text.find(surface)].strip(" «\"'(—-") for surface, _, hit, text in fps)
    return (f"wrong {len(fps)}: {on_gold} on a gold span given another lemma, {initial} on the first word "
            f"of a sentence, {len(fps) - on_gold - initial} elsewhere")


def _ratio(a, b):
    return a / b if b else float("nan")


def synthetic_lemmas(n: int, seed: int = 0) -> list[str]:
    """Deterministic Kazakh-like names: harmonic CV(C) syllables, capitalised, one in five two words."""
    rng = random.Random(seed)
    back = ("а", "о", "ұ", "ы")
    front = ("ә", "е", "ө", "ү", "і")
    onsets = ("б", "ж", "қ", "к", "т", "с", "м", "н", "ш", "д", "ғ", "г", "л", "р", "", "")
    codas = ("", "", "н", "р", "л", "қ", "к", "т", "с", "й", "ң", "з", "п", "м", "ш")

    def word():
        vowels = back if rng.random() < 0.6 else front
        out = ""
        for _ in range(rng.choice((2, 2, 3, 3, 4))):
            on = rng.choice(onsets)
            if vowels is front and on in ("қ", "ғ"):
                on = {"қ": "к", "ғ": "г"}[on]
            if vowels is back and on in ("к", "г"):
                on = {"к": "қ", "г": "ғ"}[on]
            out += on + rng.choice(vowels)
        cd = rng.choice(codas)
        if vowels is front and cd == "қ":
            cd = "к"
        if vowels is back and cd == "к":
            cd = "қ"
        return (out + cd).capitalize()

    seen, out = set(), []
    while len(out) < n:
        w = word() if rng.random() < 0.8 else word() + " " + word()
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def bench_speed(lemmas, corpus_text: str, repeat: int, Glossary, Term):
    from kkaligner.glossary.matcher import TOKEN_RE
    from kkaligner.lang.casing import fold_kk

    entries = list(dict.fromkeys(lemmas))
    entries += synthetic_lemmas(10_000 - len(entries) + 200)
    entries = list(dict.fromkeys(entries))[:10_000]
    rows = ["source\ttarget\tkind"] + [f"{e}\tName {i}\tperson" for i, e in enumerate(entries)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g10k.tsv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        load_t = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            g = Glossary.load(path)
            t1 = time.perf_counter()
            g.index("kk")
            t2 = time.perf_counter()
            load_t.append((t1 - t0, t2 - t0))
    load_only = min(t[0] for t in load_t)
    load_index = min(t[1] for t in load_t)

    def text_of(nbytes):
        out, size = [], 0
        parts = corpus_text.split("\n")
        i = 0
        while size < nbytes:
            p = parts[i % len(parts)]
            out.append(p)
            size += len(p.encode("utf-8")) + 1
            i += 1
        return "\n".join(out)

    exact = {fold_kk(e): e for e in entries if " " not in e}

    def baseline(text):
        folded = fold_kk(text)
        return [m.span() for m in TOKEN_RE.finditer(folded) if folded[m.start() : m.end()] in exact]

    results = []
    for mb in (1, 2):
        text = text_of(mb * 1_000_000)
        tk, tn, tb, nm = [], [], [], 0
        for _ in range(repeat):
            t0 = time.perf_counter()
            nm = len(g.match(text, "kk"))
            tk.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            g.index("kk").find(text, "kk", case_evidence=False)
            tn.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            nb = len(baseline(text))
            tb.append(time.perf_counter() - t0)
        results.append((mb, len(text), min(tk), min(tn), min(tb), nm, nb))
    return len(g), load_only, load_index, results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (best is kept)")
    ap.add_argument("--errors", type=int, default=0, help="print this many misses and false matches")
    ap.add_argument("--doc-size", type=int, default=30, help="sentences per document in the docs mode")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (the shared development data sits beside the repository)")
        return 0
    from kkaligner.glossary import Glossary
    from kkaligner.glossary.matcher import TOKEN_RE
    from kkaligner.types import Match, Term

    sents = read_iob2(DATA)
    texts, gold, multi = build_gold(sents)
    lemmas = sorted({lemma for g in gold for _, lemma in g.values()})
    terms = [Term(source=lem, target=f"<{lem}>", kind="name") for lem in lemmas]
    t0 = time.perf_counter()
    g = Glossary.from_terms(terms)
    g.index("kk")
    build = time.perf_counter() - t0

    exact = {}
    for t in terms:
        exact.setdefault(t.source, t)

    def exact_match(text):
        out = []
        for m in TOKEN_RE.finditer(text):
            t = exact.get(text[m.start() : m.end()])
            if t is not None:
                out.append(Match(t, m.start(), m.end(), text[m.start() : m.end()]))
        return out

    # Three ways to feed the file to the matcher. Sentence by sentence: no context, a capital at
    # the start of a sentence is taken at its word. As documents (one sentence a line, the way a
    # user's file is matched): the text's own lower-case uses of a word overrule a
    # sentence-initial capital (document case evidence). The file's sentences are shuffled, so a
    # group of consecutive sentences is a sample of unrelated sentences, not an article, and the
    # whole file is a corpus pooled as one text: evidence is both thinner and noisier than in a
    # real document.
    def kk(text):
        return g.match(text, "kk")

    modes = [
        ("kkaligner, sentences", kk, 0),
        (f"kkaligner, docs of {args.doc_size}", kk, args.doc_size),
        ("kkaligner, whole file", kk, len(texts)),
        ("exact-form baseline", exact_match, 0),
    ]
    rows = []
    for name, fn, doc_size in modes:
        t0 = time.perf_counter()
        c, fps, fns = evaluate(fn, texts, gold, multi, doc_size)
        el = time.perf_counter() - t0
        rows.append((name, c, el, fps, fns))

    print(f"KazNERD valid: {len(texts)} sentences, {rows[0][1]['gold']} single-token gold spans "
          f"({rows[0][1]['gold_infl']} inflected), glossary of {len(g)} lemmas (built in {build:.2f} s)")
    print("sentences: each sentence matched alone; docs of N: N consecutive sentences, one a line, "
          "matched as one text; whole file: the file matched as one text")
    print()
    hdr = (f"| {'matcher':<24} | {'recall':>7} | {'recall infl.':>12} | {'precision':>9} | {'prec. infl.':>11} "
           f"| {'matches':>7} | {'right':>5} | {'in multi-token name':>19} | {'in other entity':>15} | {'wrong':>5} |")
    print(hdr)
    print("|" + "|".join("-" * (len(x)) for x in hdr.split("|")[1:-1]) + "|")
    for name, c, el, _, _ in rows:
        # A match on a token of a name annotated otherwise (part of a multi-token name, or of another
        # entity type: "Қазақстан" in the POSITION "Қазақстан Президенті") is neither a single-token
        # gold span nor a wrong match: it is left out of precision and shown in its own column.
        prec = _ratio(c["tp_p"], c["tp_p"] + c["wrong"])
        prec_i = _ratio(c["tp_p_infl"], c["tp_p_infl"] + c["wrong_infl"])
        print(
            f"| {name:<24} | {_ratio(c['tp_r'], c['gold']):>7.4f} | {_ratio(c['tp_r_infl'], c['gold_infl']):>12.4f} "
            f"| {prec:>9.4f} | {prec_i:>11.4f} | {c['pred']:>7} | {c['tp_p']:>5} | {c['in_multi']:>19} "
            f"| {c['in_other']:>15} | {c['wrong']:>5} |"
        )
    print()
    for name, c, _, fps, fns in rows[:3]:
        print(f"{name}: strict precision (every match off a single-token gold span counted wrong) "
              f"{_ratio(c['tp_p'], c['pred']):.4f} overall, {_ratio(c['tp_p_infl'], c['pred_infl']):.4f} inflected; "
              f"{explain_misses(fns, rows[0][4] if fns is not rows[0][4] else ())}; {explain_wrong(fps)}")
    if args.errors:
        for name, _, _, fps, fns in (rows[0], rows[2]):
            print(f"\n{name}: misses (surface, lemma, overlapping match):")
            for surface, lemma, got, _ in fns[: args.errors]:
                print(f"  {surface}\t{lemma}\t{got}")
            print(f"{name}: false matches (surface, entry, gold at that span, sentence):")
            for surface, src, hit, text in fps[: args.errors]:
                print(f"  {surface}\t{src}\t{hit}\t{text[:100]}")

    print()
    corpus = "\n".join(texts)
    n, load_only, load_index, res = bench_speed(lemmas, corpus, args.repeat, Glossary, Term)
    print(f"Speed: glossary of {n} entries; load {load_only:.3f} s, load + index {load_index:.3f} s")
    print()
    print("| text | chars | kkaligner s | MB/s | matches | no case evidence s | evidence cost | exact baseline s | ratio to baseline |")
    print("|------|-------|-------------|------|---------|--------------------|---------------|------------------|-------------------|")
    for mb, chars, tk, tn, tb, nm, nb in res:
        print(f"| {mb} MB | {chars} | {tk:.3f} | {mb / tk:.2f} | {nm} | {tn:.3f} | {tk / tn:.2f} | {tb:.3f} | {tk / tb:.2f} |")
    print(f"\nlinearity: time(2 MB) / time(1 MB) = {res[1][2] / res[0][2]:.2f} (2.00 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
