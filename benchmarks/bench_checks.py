"""Reviewer checks on human translations: false alarms and injected errors caught.

    python benchmarks/bench_checks.py [--seed 7] [--cli] [--show]

Data: the 281 FLORES-200 dev articles (997 kk/en sentence pairs, good human translations), checked in
both directions (kk -> en, en -> kk) with the shipped names glossary.

* sentences: ``kkaligner.check`` on the gold sentence pairs.
* documents: each article's sentences joined with spaces into two texts and checked with
  ``kkaligner.check_documents`` (split, align, check: what ``kkalign check`` does); ``--cli`` runs
  these through ``kkalign check --format json`` in-process instead.

``--show`` lists, after the table, the document-level false alarms (article, sentence, findings) and
the injected errors that were not caught on their sentence, for a look at what the checks get wrong.

Rows:

* clean: share of gold sentences flagged by an error or warning finding (false alarms, since these
  are good human translations; target <= 1%); ``errors`` counts error findings only, ``info``
  sentences with only info notes (a glossary name spelt another way, which a reviewer may keep).
* one row per injected error, at most one per article (seeded), the rest of the article unchanged:
  ``forbidden`` swaps a glossary rendering in the translation for one of the entry's forbidden
  variants; ``number`` changes one digit of a number the translation shares with the source;
  ``delete`` drops one translated sentence (sentences: its translation becomes empty; documents: it is
  removed from the text); ``untranslated`` leaves one sentence in the source language. Caught = a
  finding of the expected codes on the injected sentence (documents: on an aligned pair containing
  it); target 100%. ``±1`` also counts a finding on a neighbouring sentence: the deletion was seen but
  the alignment put the gap one sentence off. ``n/a``: no article offers a place for the injection (the shipped glossary has no
  forbidden Kazakh forms). ``forbidden*``: the same with every entry (turned round for en -> kk)
  given one made-up forbidden variant by a transliteration habit (Kazakhstan -> Kazahstan), so that
  every glossary name in the articles is a place for the injection.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

# The FLORES documents and their loader are the alignment benchmark's (run as a script, this
# folder is on sys.path).
from bench_align import load  # noqa: E402

EXPECTED = {
    "forbidden": {"forbidden-variant"},
    "number": {"number-mismatch"},
    "delete": {"empty-output", "unaligned-source", "dropped-sentence", "length-ratio"},
    "untranslated": {"untranslated"},
}
KINDS = tuple(EXPECTED)


# --- injections: each returns (new target sentences, index of the injected sentence) or None -------


def inject_forbidden(src, tgt, rng, glossary, sl, tl):
    places = []
    for i, (s, t) in enumerate(zip(src, tgt)):
        in_source = {m.term.key for m in glossary.match(s, lang=sl)}
        for m in glossary.match(t, lang=tl):
            if (
                not m.forbidden
                and not m.variant
                and m.term.target_lang == tl
                and m.term.forbidden
                and m.term.key in in_source
            ):
                places.append((i, m))
    if not places:
        return None
    i, m = rng.choice(places)
    variant = rng.choice(m.term.forbidden)
    t = tgt[i][: m.start] + variant + tgt[i][m.start + len(m.term.target) :]
    return tgt[:i] + [t] + tgt[i + 1 :], i


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def inject_number(src, tgt, rng, *_):
    places = []
    for i, (s, t) in enumerate(zip(src, tgt)):
        src_digits = {re.sub(r"\D", "", m.group()) for m in _DIGITS.finditer(s)}
        for m in _DIGITS.finditer(t):
            if re.sub(r"\D", "", m.group()) in src_digits:
                places.append((i, m))
    if not places:
        return None
    i, m = rng.choice(places)
    digits = [k for k in range(m.start(), m.end()) if tgt[i][k].isdigit()]
    k = rng.choice(digits)
    old = tgt[i][k]
    new = rng.choice([c for c in "0123456789" if c != old and not (c == "0" and k == digits[0])])
    t = tgt[i][:k] + new + tgt[i][k + 1 :]
    return tgt[:i] + [t] + tgt[i + 1 :], i


def inject_delete(src, tgt, rng, *_):
    i = rng.randrange(len(tgt))
    return tgt[:i] + [""] + tgt[i + 1 :], i


def inject_untranslated(src, tgt, rng, *_):
    places = [i for i in range(len(tgt)) if src[i].strip() != tgt[i].strip()]  # a change, not a name kept
    if not places:
        return None
    i = rng.choice(places)
    return tgt[:i] + [src[i]] + tgt[i + 1 :], i


# Spelling changes that give a plausible wrong variant of a name (transliteration habits).
_VARIANTS = {
    "en": (("kh", "h"), ("zh", "j"), ("y", "i"), ("i", "y"), ("ts", "c"), ("c", "k"), ("ph", "f"), ("e", "a")),
    "kk": (("и", "ы"), ("ы", "и"), ("ц", "с"), ("қ", "к"), ("ғ", "г"), ("ұ", "у"), ("ә", "а"), ("е", "э")),
}


def with_variants(glossary, source_lang, target_lang):
    """The glossary's entries for ``source_lang -> target_lang`` (entries of the other direction
    turned round), each given one forbidden variant made by a transliteration habit."""
    from dataclasses import replace

    from kkaligner import Glossary

    out = []
    for t in glossary:
        if t.dnt:
            continue
        if (t.source_lang, t.target_lang) != (source_lang, target_lang):
            t = replace(t, source=t.target, target=t.source, alternatives=(), forbidden=(),
                        source_lang=source_lang, target_lang=target_lang)
        for a, b in _VARIANTS[target_lang]:
            # keep the first letter (the variant must still look like the name) and the last two (a
            # Kazakh ending attaches there: a changed stem end would change the ending too)
            if a in t.target[1:-2]:
                variant = t.target[0] + t.target[1:-2].replace(a, b, 1) + t.target[-2:]
                out.append(replace(t, forbidden=tuple(dict.fromkeys((*t.forbidden, variant)))))
                break
        else:
            out.append(t)
    return Glossary.from_terms(out, name=f"variants-{source_lang}-{target_lang}")


INJECT = {
    "forbidden": inject_forbidden,
    "number": inject_number,
    "delete": inject_delete,
    "untranslated": inject_untranslated,
}


# --- running the checks -----------------------------------------------------------------------------


def flagged_sentences(src, tgt, glossary, sl, tl):
    """Sentence level: {sentence index: set of (code, severity)}."""
    from kkaligner import check

    out: dict = {}
    for f in check(src, tgt, glossary, source_lang=sl, target_lang=tl):
        out.setdefault(f.sentence, set()).add((f.code, f.severity))
    return out


def join(sentences):
    """Join non-empty sentences with spaces; return the text and each sentence's span (None: dropped)."""
    text, spans = "", []
    for s in sentences:
        if not s:
            spans.append(None)
            continue
        if text:
            text += " "
        spans.append((len(text), len(text) + len(s)))
        text += s
    return text, spans


class _Cli:
    """``kkalign check --format json`` run in-process; returns the aligned pairs' source spans and
    the findings. A glossary other than the shipped one is saved and passed with ``--glossary``."""

    def __init__(self, shipped):
        import tempfile

        from typer.testing import CliRunner

        from kkaligner.cli.app import app

        self.runner, self.app, self.shipped = CliRunner(), app, shipped
        self.tmp = Path(tempfile.mkdtemp())
        self.saved: dict = {}

    def _glossary_args(self, glossary):
        if glossary is self.shipped:
            return []
        if id(glossary) not in self.saved:
            path = self.tmp / f"glossary-{len(self.saved)}.tsv"
            glossary.save(path)
            self.saved[id(glossary)] = path
        return ["--glossary", str(self.saved[id(glossary)]), "--no-default-glossary"]

    def __call__(self, s_text, t_text, sl, tl, glossary):
        (self.tmp / "s.txt").write_text(s_text, encoding="utf-8")
        (self.tmp / "t.txt").write_text(t_text, encoding="utf-8")
        r = self.runner.invoke(
            self.app,
            ["check", str(self.tmp / "s.txt"), str(self.tmp / "t.txt"), "--from", sl, "--to", tl, "--format", "json",
             *self._glossary_args(glossary)],
        )
        if r.exit_code != 0:
            raise RuntimeError(f"kkalign check failed: {r.output}")
        data = json.loads(r.stdout)
        spans = [(s["start"], s["end"]) for s in data["sentences"]]
        findings = [(f["sentence"], f["code"], f["severity"]) for f in data["findings"]]
        return spans, findings


def flagged_documents(src, tgt, glossary, sl, tl, cli=None):
    """Document level: {gold source sentence index: set of (code, severity)} via check_documents."""
    from kkaligner import check_documents

    s_text, s_spans = join(src)
    t_text, _ = join(tgt)
    if not t_text:
        return {i: {("empty", "error")} for i in range(len(src))}
    if cli is not None:
        spans, findings = cli(s_text, t_text, sl, tl, glossary)
    else:
        draft = check_documents(s_text, t_text, glossary, source_lang=sl, target_lang=tl)
        spans = [(s.start, s.end) for s in draft.sentences]
        findings = [(f.sentence, f.code, f.severity) for f in draft.findings]
    out: dict = {}
    for k, code, severity in findings:
        if k is None:
            continue
        a, b = spans[k]
        for i, span in enumerate(s_spans):
            if span and (span[0] < b and a < span[1] or (a == b and span[0] <= a <= span[1])):
                out.setdefault(i, set()).add((code, severity))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--cli", action="store_true", help="documents through `kkalign check --format json`")
    ap.add_argument("--show", action="store_true", help="list document-level false alarms and misses")
    args = ap.parse_args()
    docs = load()
    from kkaligner import Glossary

    glossary = Glossary.default()
    cli = _Cli(glossary) if args.cli else None
    rows = []
    shown: list = []  # (direction, what, article, sentence, findings) for --show
    t0 = time.perf_counter()
    for sl, tl in (("kk", "en"), ("en", "kk")):
        for level in ("sentences", "documents"):
            run = (
                (lambda s, t: flagged_sentences(s, t, glossary, sl, tl))
                if level == "sentences"
                else (lambda s, t: flagged_documents(s, t, glossary, sl, tl, cli))
            )
            n = flagged = flagged_err = info = 0
            for d in docs:
                found = run(d[sl], d[tl])
                n += len(d[sl])
                if level == "documents":
                    shown += [
                        (f"{sl}->{tl}", "false alarm", d["doc"], k, sorted(v))
                        for k, v in sorted(found.items())
                        if {sev for _, sev in v} & {"error", "warning"}
                    ]
                for v in found.values():
                    severities = {sev for _, sev in v}
                    flagged += bool(severities & {"error", "warning"})
                    flagged_err += "error" in severities
                    info += severities == {"info"}
            rows.append((f"{sl}->{tl}", level, "clean (false alarms)", n, flagged, (flagged_err, info)))
            for kind in KINDS:
                rng = random.Random(f"{args.seed}-{kind}-{sl}")
                tried = caught = near = 0
                for d in docs:
                    inj = INJECT[kind](d[sl], d[tl], rng, glossary, sl, tl)
                    if inj is None:
                        continue
                    tgt, i = inj
                    found = run(d[sl], tgt)
                    tried += 1
                    hit = any(code in EXPECTED[kind] for code, _ in found.get(i, ()))
                    if level == "documents" and not hit:
                        shown.append((f"{sl}->{tl}", f"missed {kind}", d["doc"], i, sorted(found.items())))
                    caught += hit
                    near += any(code in EXPECTED[kind] for k in (i - 1, i, i + 1) for code, _ in found.get(k, ()))
                rows.append((f"{sl}->{tl}", level, f"injected {kind}", tried, caught, near))
            # forbidden variants need entries that have them: the same with one made up per entry
            varied = with_variants(glossary, sl, tl)
            run_v = (
                (lambda s, t: flagged_sentences(s, t, varied, sl, tl))
                if level == "sentences"
                else (lambda s, t: flagged_documents(s, t, varied, sl, tl, cli))
            )
            rng = random.Random(f"{args.seed}-forbidden*-{sl}")
            tried = caught = near = 0
            for d in docs:
                inj = inject_forbidden(d[sl], d[tl], rng, varied, sl, tl)
                if inj is None:
                    continue
                tgt, i = inj
                tried += 1
                found = run_v(d[sl], tgt)
                caught += any(code == "forbidden-variant" for code, _ in found.get(i, ()))
                near += any(code == "forbidden-variant" for k in (i - 1, i, i + 1) for code, _ in found.get(k, ()))
            rows.append((f"{sl}->{tl}", level, "injected forbidden*", tried, caught, near))
    seconds = time.perf_counter() - t0

    head = (
        f"{'dir':<6} {'level':<10} {'row':<22} {'n':>5} {'flagged':>8} {'share':>7} {'errors':>7} {'share':>7} "
        f"{'info':>5}  target"
    )
    print("Reviewer checks on FLORES-200 dev (281 articles, 997 pairs), shipped names glossary")
    print(head)
    print("-" * len(head))
    for direction, level, name, n, k, err in rows:
        if name.startswith("clean"):
            e, info = err
            print(
                f"{direction:<6} {level:<10} {name:<22} {n:>5} {k:>8} {k / n:>7.2%} {e:>7} {e / n:>7.2%} "
                f"{info:>5}  <= 1%"
            )
        elif n == 0:
            print(f"{direction:<6} {level:<10} {name:<22} {n:>5} {'n/a':>8} {'n/a':>7} {'':>7} {'':>7} {'':>5}  100%")
        else:
            print(
                f"{direction:<6} {level:<10} {name:<22} {n:>5} {k:>8} {k / n:>7.2%} {'±1:':>7} {err / n:>7.2%} "
                f"{'':>5}  100%"
            )
    print(
        f"{seconds:.1f} s in all. flagged: sentences with an error or warning finding; errors: with an error; "
        "info: with only info notes (term-variant: a glossary name spelt another way). caught: a finding of "
        "the expected code on the injected sentence; ±1: on it or a neighbour (the alignment put the gap one "
        "sentence off)."
    )
    if args.show:
        print()
        for direction, what, doc, k, found in shown:
            print(f"{direction}  {what:<20} article {doc:>3} sentence {k:>2}: {found}")


if __name__ == "__main__":
    main()
