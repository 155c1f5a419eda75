"""Names no glossary has yet: extraction, romanization and document consistency, one table.

    python benchmarks/bench_names.py [--limit N] [--skip-model] [--kaznerd IOB2_test.txt]

One table: extraction rows fill the per-type recall and precision columns, romanization and
consistency rows the share column.

* **Extraction** on KazNERD validation (../shared/data/names/kaznerd-valid.iob2, the 11,167
  sentences joined into one text, one a line, so that the document is the case evidence): every
  gold mention of PERSON (PER), GPE and LOCATION (LOC), ORGANISATION (ORG) against the mentions
  ``kkaligner.extract_terms`` reports (every occurrence of every extracted name, with its kind
  guess: person, place, organisation; a facility's or a thing's name, kinds these three types
  lack, is a prediction of none of them: a gold ORGANISATION extract_terms calls a facility is
  missed, as a few hospitals are, which KazNERD marks FACILITY most often), exact span. Recall per type: gold mentions found with the
  right kind. Precision per type: predicted mentions of that kind that are gold mentions of that
  type; a prediction that is exactly another kind of gold name (FACILITY, EVENT, ART, PRODUCT,
  PROJECT, LAW, POSITION...), or lies inside one (KazNERD marks only the outer name: Алматы in
  the FACILITY Алматы әуежайы), is out of scope and counted neither way (one row counts the
  nested ones as wrong, one more both: what a scorer that knows only PER, LOC and ORG counts;
  KazNERD's transcripts sign off each report with the programme's quoted name, «Қорытынды
  жаңалықтар», an ART, which extract_terms reads as a body's). "any" ignores the kind. No glossary
  is used (every name counts). Two baselines in the same run: **capitalisation only** (every run
  of capitalised words not at a sentence start; kinds from the same guess) and **exact form**
  (the capitalised runs, but grouped by exact spelling and kept only where the same spelling
  occurs mid-sentence: what a tool without Kazakh endings finds). One more row reads the same
  text as documents of 30 lines, each alone: a user's article gives far less case evidence than a
  whole split. KazNERD's lines are shuffled sentences (most twice: numbers in words, in digits),
  so 30 of them share fewer names than an article's sentences do: less evidence still. The
  extraction rules were written against the validation split, and the common-words list that
  short texts lean on (src/kkaligner/data/common-words-kk.txt) is counted from it, so its figures
  overstate what unseen text gets: ``--kaznerd FILE`` measures the same on another KazNERD-format
  file, such as the test split (KazNERD/IOB2_test.txt in github.com/IS2AI/KazNERD, CC BY 4.0; not
  shipped here) or a part of it. Two more rows read the text as a user does by default, with the
  shipped names glossary: the gold names it matches whole are covered, no new names, and are left
  out; the rest (rarer names, and longer names with a glossary name inside: Павлодар мемлекеттік
  университеті, Алтай Көлгінов) are scored, with the glossary and without it.
* **Extraction on other text**: the FLORES-200 dev documents in Kazakh (../shared/data/parallel:
  translated news, travel and how-to pages, each read alone with the shipped glossary), and the
  same documents in English (``--from en``). No gold names there, so the share of the mentions
  found whose sentence in the other language has a capitalised word spelt like one of their
  words, against capitalisation only: a proxy for precision (a name is one in both languages,
  spelt alike unless translated), not for recall.
* **Proposed renderings on other text**: on the same FLORES-200 documents, the share of the names
  listed whose proposed rendering stands in the document's human translation, against spelling
  each word of the same names (a proxy: a translator may render a name otherwise).
* **Romanization**: exact match of ``kkaligner.romanize`` on benchmarks/data/published-names-en.tsv
  (Kazakh names with the English spelling an official site or English Wikipedia publishes, a
  source per row), with the exceptions table (src/kkaligner/data/romanize-exceptions-kk-en.tsv)
  and with the rules alone, against unidecode; and the same on
  benchmarks/data/published-names-heldout-en.tsv, names written apart from the exceptions table,
  which measures what the rules give a name nobody entered; and on
  benchmarks/data/published-names-heldout2-en.tsv, a second held-out list written before the rules
  of a round were changed; the rules of the following round (KAZAKH_GIVEN, RUSSIAN_FORM_LETTERS)
  were judged on it too, so like the first it measures names kept out of the table, not names
  never looked at; and on benchmarks/data/published-names-heldout3-en.tsv, a third, written by
  someone who had not seen the rules, scored on the rules of its time and only then looked at.
  And on benchmarks/data/published-names-heldout4-en.tsv, a fourth, written by category by someone
  who had not seen the rules, checked against public sources without running the software, and
  never used to judge a rule. The table's rows entered by category since were collected by people
  who had not seen these lists, so a list's name may be a row too: for each list the benchmark
  prints the share the table spells (a row for the name or its words) beside the figure with the
  table and the rules-alone one, which is the figure for
  names nobody entered. A row may publish several spellings (separated by ``|``); any of them
  counts as exact.
* **Kazakh names read back from English** (what en→kk proposes for a Kazakh name in English text):
  the same lists' published spellings read back with ``cyrillize`` against the Kazakh they write,
  exact, with the Kazakh reading (``KAZAKH_FROM_LATIN``, the exceptions table, the given names)
  and by English sounds alone. Its rules were written from the first list's misses only.
* **Organisations' names**: exact match of the proposal for an organisation
  (``romanize(kind="organisation")``, its common words in English where
  src/kkaligner/data/body-words-kk-en.tsv knows them all) on benchmarks/data/published-bodies-en.tsv
  (Kazakhstan organisations' Kazakh names with the English names they publish, written without
  sight of the table or the rules; the table's later words and rules were written from its misses)
  and on benchmarks/data/published-bodies-heldout-en.tsv (a second such list, written after those
  rules; its misses never looked at, but a summary of what bodies it holds was read before the
  table's last words were added) and benchmarks/data/published-bodies-heldout2-en.tsv (a third,
  written after the table's words and never looked at, only its score read, before and after a
  review's fixes of the rules: the honest figure), against spelling every word and unidecode.
* **Consistency**: the trained tiny kk→en model (``kkaligner.testing.train``), which writes
  names its own way, translates its held-apart sentences as one document, no glossary; for every
  source name outside the glossary, the share whose renderings are one spelling throughout the
  document, with automatic names off and on. The tiny model spells each name one way already, so
  the same is measured once more on its translations with the names respelt at random per sentence
  (Aktau, Aqtau, Actau...), finalized without and with automatic names.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
KAZNERD = DATA / "names" / "kaznerd-valid.iob2"
PUBLISHED = HERE / "data" / "published-names-en.tsv"
HELD_OUT = HERE / "data" / "published-names-heldout-en.tsv"
HELD_OUT_2 = HERE / "data" / "published-names-heldout2-en.tsv"
HELD_OUT_3 = HERE / "data" / "published-names-heldout3-en.tsv"
HELD_OUT_4 = HERE / "data" / "published-names-heldout4-en.tsv"
# The romanization lists, with their labels (see the module doc).
ROMANIZATION_LISTS = (
    ("published spellings", PUBLISHED),
    ("first held-out list", HELD_OUT),
    ("second held-out list", HELD_OUT_2),
    ("third held-out list", HELD_OUT_3),
    ("fourth held-out list, never tuned on", HELD_OUT_4),
)
BODIES = HERE / "data" / "published-bodies-en.tsv"
BODIES_HELD_OUT = HERE / "data" / "published-bodies-heldout-en.tsv"
BODIES_HELD_OUT_2 = HERE / "data" / "published-bodies-heldout2-en.tsv"
FLORES = DATA / "parallel" / "flores200-dev-docs.jsonl"
TYPES = {"PERSON": "person", "GPE": "place", "LOCATION": "place", "ORGANISATION": "organisation"}
SHORT = {"person": "PER", "place": "LOC", "organisation": "ORG"}
# About a news article's length in sentences: a document a user extracts from is this short.
SHORT_DOCUMENT = 30


def read_kaznerd(path: Path, limit: int = 0):
    """(text, gold): the sentences' tokens joined by spaces (no space before , . » etc. is needed:
    offsets come from the join), one sentence a line; gold = {(start, end): type}."""
    sentences, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sentences.append(cur)
                cur = []
            continue
        tok, _, tag = line.rpartition(" ")
        cur.append((tok, tag))
    if cur:
        sentences.append(cur)
    if limit:
        sentences = sentences[:limit]
    parts, gold, pos = [], {}, 0
    for sent in sentences:
        starts = []
        for k, (tok, _) in enumerate(sent):
            if k:
                pos += 1
            starts.append(pos)
            pos += len(tok)
        pos += 1  # the newline
        parts.append(" ".join(t for t, _ in sent))
        k = 0
        while k < len(sent):
            tag = sent[k][1]
            if tag.startswith("B-"):
                typ = tag[2:]
                j = k + 1
                while j < len(sent) and sent[j][1] == "I-" + typ:
                    j += 1
                gold[(starts[k], starts[j - 1] + len(sent[j - 1][0]))] = typ
                k = j
            else:
                k += 1
    return "\n".join(parts), gold


def score(pred: dict, gold: dict, nested: bool = True, other_kinds: bool = True) -> dict:
    """Per kind: (recall, precision, gold count, predicted count), and 'any'.

    A prediction that is exactly a gold name of another type (FACILITY, EVENT, LAW...) is out of
    scope (without ``other_kinds``, it counts as wrong: a person's, place's or organisation's kind
    given to a work's name); with ``nested``, so is one inside such a name (KazNERD marks the outer
    name only: Қазақстанның in the POSITION Қазақстанның Тұңғыш Президенті, Алматы in the FACILITY
    Алматы әуежайы), since it cannot be a gold name of its own."""
    other = sorted(s for s, t in gold.items() if t not in TYPES)
    starts = [s[0] for s in other]

    def in_scope(span) -> bool:
        if not other_kinds:
            return True
        if span in gold:
            return gold[span] in TYPES
        if not nested:
            return True
        i = bisect.bisect_right(starts, span[0]) - 1
        while i >= 0 and other[i][1] > span[0]:
            if other[i][0] <= span[0] and span[1] <= other[i][1]:
                return False
            i -= 1
        return True

    pred = {s: k for s, k in pred.items() if in_scope(s)}
    out = {}
    for kind in ("person", "place", "organisation"):
        g = {s for s, t in gold.items() if TYPES.get(t) == kind}
        p = {s for s, k in pred.items() if k == kind}
        tp_r = sum(1 for s in g if pred.get(s) == kind)
        tp_p = sum(1 for s in p if TYPES.get(gold.get(s, "")) == kind)
        out[SHORT[kind]] = (tp_r / max(1, len(g)), tp_p / max(1, len(p)), len(g), len(p))
    g = {s for s, t in gold.items() if t in TYPES}
    p = set(pred)
    out["any"] = (len(g & p) / max(1, len(g)), len(p & g) / max(1, len(p)), len(g), len(p))
    return out


def baselines(text: str) -> tuple[dict, dict]:
    """Capitalisation-only and exact-form predictions: {(start, end): kind}."""
    import re

    from kkaligner.glossary.matcher import sentence_initial
    from kkaligner.names import _kind

    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)]
    runs = []
    k = 0
    while k < len(words):
        if not words[k][2][:1].isupper():
            k += 1
            continue
        j = k
        while j + 1 < len(words) and text[words[j][1] : words[j + 1][0]] == " " and words[j + 1][2][:1].isupper():
            j += 1
        runs.append((words[k][0], words[j][1], tuple(w for _, _, w in words[k : j + 1]), sentence_initial(text, words[k][0])))
        k = j + 1
    caps = {(s, e): _kind(ws, (), "") for s, e, ws, ini in runs if not ini}
    mid = {" ".join(ws) for s, e, ws, ini in runs if not ini}
    exact = {(s, e): _kind(ws, (), "") for s, e, ws, ini in runs if " ".join(ws) in mid}
    return caps, exact


def in_documents(text: str, size: int) -> dict:
    """extract_terms' predictions ({(start, end): kind}) with ``text`` cut into documents of ``size``
    lines, each read alone: what a user's article gives as evidence, not a whole split's."""
    from kkaligner import extract_terms
    from kkaligner.glossary import Glossary

    lines = text.split("\n")
    pred, offset = {}, 0
    for i in range(0, len(lines), size):
        document = "\n".join(lines[i : i + size])
        for n in extract_terms(document, Glossary.empty(), use_default_glossary=False):
            pred.update({(a + offset, b + offset): n.kind for a, b in n.spans})
        offset += len(document) + 1
    return pred


def extraction(limit: int, path: Path = KAZNERD) -> list[tuple[str, dict]]:
    from kkaligner import extract_terms
    from kkaligner.glossary import Glossary

    text, gold = read_kaznerd(path, limit)
    t0 = time.process_time()
    names = extract_terms(text, Glossary.empty(), use_default_glossary=False)
    took = time.process_time() - t0
    pred = {span: n.kind for n in names for span in n.spans}
    caps, exact = baselines(text)
    print(f"extraction: {len(names)} names, {len(pred)} mentions in {took:.1f} s CPU", file=sys.stderr)
    # what a user gets by default: the shipped glossary on, so the names it matches whole are no
    # new names (gold without them); against the same gold read with no glossary
    covered = [(m.start, m.end) for m in Glossary.default().match(text, "kk")]
    starts = [a for a, _ in covered]
    uncovered = {
        s: t for s, t in gold.items()
        if not any(a <= s[0] and s[1] <= b for a, b in covered[: bisect.bisect_right(starts, s[0])][-8:])
    }
    shipped = {span: n.kind for n in extract_terms(text) for span in n.spans}
    return [
        ("extract_terms", score(pred, gold)),
        (f"extract_terms, documents of {SHORT_DOCUMENT} lines", score(in_documents(text, SHORT_DOCUMENT), gold)),
        ("extract_terms, nested names counted wrong", score(pred, gold, nested=False)),
        ("extract_terms, nested names and other kinds' names counted wrong", score(pred, gold, nested=False, other_kinds=False)),
        ("extract_terms with the shipped glossary, names it does not match whole", score(shipped, uncovered)),
        ("extract_terms without it, the same names", score(pred, uncovered)),
        ("capitalisation only", score(caps, gold)),
        ("exact form", score(exact, gold)),
    ]


def flores_attested(lang: str = "kk") -> list[tuple[str, float, int]]:
    """(system, share, mentions) on the FLORES-200 dev documents (translated news, travel and how-to
    pages, one document at a time, with the shipped glossary, as a user runs it; no gold names),
    read in ``lang`` (kk or en): the share of the mentions found outside the glossary whose
    sentence in the other language has a capitalised word spelt like one of the mention's words
    (``name_similarity`` at least the aligner's ``ALIGN_MIN``): a name is one in both languages,
    spelt alike unless translated (Қара теңіз, the Black Sea), where a common word is not (Ұлттық,
    National; He, Since). The other sentence's function words (The, Бұл) match nothing. The
    baseline: capitalised words not at a sentence's start."""
    import json
    import re

    from kkaligner import extract_terms
    from kkaligner.glossary import Glossary
    from kkaligner.glossary.matcher import sentence_initial
    from kkaligner.lang.spelling import ALIGN_MIN, name_similarity

    from kkaligner.split import sentence_starters

    other = "en" if lang == "kk" else "kk"
    openers = sentence_starters(other)  # The, He, Бұл: no name to match
    capital = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'-]+")
    glossary = Glossary.default()
    counts = {"extract_terms": [0, 0], "capitalisation only": [0, 0]}
    for line in FLORES.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = "\n".join(doc[lang])
        starts = [0]
        for sentence in doc[lang][:-1]:
            starts.append(starts[-1] + len(sentence) + 1)
        found = {span for n in extract_terms(text, lang=lang) for span in n.spans}
        covered = [(m.start, m.end) for m in glossary.match(text, lang)]
        if lang == "kk":
            caps = set(baselines(text)[0])
        else:
            caps = {(m.start(), m.end()) for m in capital.finditer(text) if not sentence_initial(text, m.start())}
        caps = {(a, b) for a, b in caps if not any(a < y and x < b for x, y in covered)}
        for system, spans in (("extract_terms", found), ("capitalisation only", caps)):
            for a, b in spans:
                words = [w for w in capital.findall(doc[other][bisect.bisect_right(starts, a) - 1]) if w.lower() not in openers]
                alike = any(name_similarity(w, e) >= ALIGN_MIN for w in text[a:b].split() for e in words)
                counts[system][0] += alike
                counts[system][1] += 1
    return [(system, hit / max(1, n), n) for system, (hit, n) in counts.items()]


def read_published(path: Path) -> list[tuple[str, frozenset[str], str, str]]:
    """Rows (kazakh, accepted English spellings, kind, source) of a list of published spellings."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    rows = [line.split("\t") for line in lines[1:]]
    return [(k, frozenset(e.split("|")), kind, src) for k, e, kind, src in rows]


def romanization() -> list[tuple[str, str, float, int]]:
    """(list, system, exact share, rows) on the published spellings and on the held-out ones."""
    from kkaligner import romanize
    from kkaligner.lang.romanize import propose_latin

    try:
        from unidecode import unidecode
    except ImportError:
        unidecode = None
    out = []
    for label, path in ROMANIZATION_LISTS:
        rows = read_published(path)
        n = len(rows)
        out.append((label, "romanize (rules and exceptions table)", sum(romanize(k, kind=kind) in e for k, e, kind, _ in rows) / n, n))
        out.append((label, "romanize, rules alone", sum(romanize(k, kind=kind, exceptions=False) in e for k, e, kind, _ in rows) / n, n))
        # how much of the list the table spells (a row for the name or for its words): the share the
        # figure with the table owes to rows, not rules
        out.append((label, "names the exceptions table spells", sum(propose_latin(k, kind).checked for k, _, kind, _ in rows) / n, n))
        if unidecode is None:
            out.append((label, "unidecode (not installed)", float("nan"), n))
        else:
            out.append((label, "unidecode", sum(unidecode(k) in e for k, e, _, _ in rows) / n, n))
    return out


def read_back() -> list[tuple[str, str, float, int]]:
    """(list, system, exact share, rows): the published English spellings of the romanization
    lists read back into Kazakh (``cyrillize``, as en->kk proposals do) against the Kazakh the list
    writes, with the Kazakh reading and by English sounds alone (``kazakh_names=False``)."""
    from kkaligner.lang.romanize import cyrillize

    out = []
    for label, path in ROMANIZATION_LISTS:
        rows = read_published(path)
        n = len(rows)
        for system, kazakh_names in (("cyrillize, a Kazakh name read as one", True), ("cyrillize, English sounds alone", False)):
            hit = sum(any(cyrillize(e, kazakh_names=kazakh_names).text == k for e in es) for k, es, _, _ in rows)
            out.append((label, system, hit / n, n))
    return out


def bodies(path: Path = BODIES) -> list[tuple[str, float, int]]:
    """(system, exact share, rows) on a list of the Kazakh names of organisations with the English
    names they publish: the proposal for an organisation (``romanize(kind="organisation")``: its
    common words in English) against romanizing every word, and unidecode."""
    from kkaligner import romanize

    try:
        from unidecode import unidecode
    except ImportError:
        unidecode = None
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    rows = [(k, frozenset(e.split("|"))) for k, e, _src in (x.split("\t") for x in lines[1:])]
    n = len(rows)
    out = [
        ("romanize, an organisation's (common words in English)", sum(romanize(k, kind="organisation") in e for k, e in rows) / n, n),
        ("romanize, every word spelt", sum(romanize(k) in e for k, e in rows) / n, n),
    ]
    if unidecode is not None:
        out.append(("unidecode", sum(unidecode(k) in e for k, e in rows) / n, n))
    return out


def consistency() -> list[tuple[str, float, int]]:
    """Share of source names whose aligned renderings are one spelling, auto names off and on."""
    from kkaligner import Translator
    from kkaligner.glossary import Glossary
    from kkaligner.terms.consistency import name_alignments, name_spellings
    from kkaligner.testing.train import trained_tiny_nllb

    model = trained_tiny_nllb()
    sources = [kk for kk, _ in model.held_out]
    out = []
    for auto in (False, True):
        with Translator(str(model.path), engine="transformers", glossary=Glossary.empty(), use_default_glossary=False,
                        memory=False, device="cpu", auto_names=auto) as tr:
            draft = tr.translate("\n".join(sources))
        srcs = [s.source for s in draft.sentences]
        tgts = [s.target for s in draft.sentences]
        spellings = name_spellings(name_alignments(srcs, tgts), "en")
        consistent = sum(1 for c in spellings.values() if len(c) == 1)
        uses = sum(1 for s in draft.sentences for u in s.terms if u.status == "auto")
        rewritten = sum(1 for f in draft.findings if f.code == "rendering-unified")
        label = f"auto names {'on' if auto else 'off'} ({uses} auto uses, {rewritten} words rewritten)"
        out.append((label, consistent / max(1, len(spellings)), len(spellings)))
    return out


# Spellings English texts also give the same name (the letters Kazakh romanizations disagree on).
_RESPELL = (("y", "i"), ("k", "q"), ("ai", "ay"), ("u", "ou"), ("sh", "ch"))


def respelt_consistency(seed: int = 0) -> list[tuple[str, float, int]]:
    """The tiny model's translations with each name respelt at random in each sentence (a model
    that spells a name three ways in one document), finalized with automatic names off and on."""
    import random

    from kkaligner.glossary import Glossary
    from kkaligner.terms import finalize, plan
    from kkaligner.terms.consistency import name_alignments, name_spellings
    from kkaligner.testing.train import trained_tiny_nllb
    from kkaligner.types import Hypothesis

    rng = random.Random(seed)
    pairs = trained_tiny_nllb().held_out
    sources = [kk for kk, _ in pairs]
    targets = []
    for _, en in pairs:
        words = en.split(" ")
        for i, w in enumerate(words):
            if w[:1].isupper() and i and rng.random() < 0.5:
                a, b = rng.choice(_RESPELL)
                words[i] = w[0] + w[1:].replace(a, b, 1)
        targets.append(" ".join(words))
    plans = plan(sources, Glossary.empty())
    out = []
    for label, consistent_, auto in (
        ("no document consistency", False, False),
        ("first rendering wins (auto names off)", True, False),
        ("auto names on", True, True),
    ):
        outcomes = finalize(plans, [[Hypothesis(t)] for t in targets], consistent=consistent_, auto_names=auto)
        spellings = name_spellings(name_alignments(sources, [o.target for o in outcomes]))
        one = sum(1 for c in spellings.values() if len(c) == 1)
        out.append((label, one / max(1, len(spellings)), len(spellings)))
    return out


def flores_proposals(lang: str = "kk") -> list[tuple[str, float, int]]:
    """(system, share, names) on the FLORES-200 dev documents read in ``lang`` with the shipped
    glossary, one document at a time: the share of the names ``extract_terms`` lists whose proposed
    rendering stands in the document's human translation (case aside; in Kazakh as the start of a
    word group, which Kazakh inflects at its end), against spelling the same names word by word
    (``romanize`` or ``cyrillize`` with no kind and no glossary). A proxy: a translator may render a
    name otherwise, and a name the proposal gets right may not be in the translation."""
    import json

    from kkaligner import extract_terms, romanize
    from kkaligner.lang.romanize import cyrillize

    other = "en" if lang == "kk" else "kk"
    spelt = romanize if lang == "kk" else (lambda name: cyrillize(name).text)
    hits = {"extract_terms' proposals": 0, "every word spelt": 0}
    n = 0
    for line in FLORES.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        translation = "\n".join(doc[other]).casefold()
        for name in extract_terms("\n".join(doc[lang]), lang=lang):
            n += 1
            hits["extract_terms' proposals"] += name.rendering.casefold() in translation
            hits["every word spelt"] += spelt(name.lemma).casefold() in translation
    return [(system, hit / max(1, n), n) for system, hit in hits.items()]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N KazNERD sentences")
    ap.add_argument("--skip-model", action="store_true", help="leave out the consistency rows (no torch)")
    ap.add_argument("--kaznerd", type=Path, action="append", default=[], metavar="IOB2",
                    help="also measure extraction on this KazNERD-format file (e.g. the test split, "
                         "KazNERD/IOB2_test.txt from github.com/IS2AI/KazNERD, or a part of it); repeatable")
    args = ap.parse_args(argv)
    print("| part | system | PER R | PER P | LOC R | LOC P | ORG R | ORG P | all R | all P | share | n |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    sets = [("KazNERD valid", KAZNERD)] + [(f"{p.name}", p) for p in args.kaznerd]
    for label, path in sets:
        if not path.exists():
            print(f"| extraction | ({path} missing) | | | | | | | | | | |")
            continue
        for name, s in extraction(args.limit, path):
            cells = " | ".join(f"{s[t][0]:.3f} | {s[t][1]:.3f}" for t in ("PER", "LOC", "ORG", "any"))
            print(f"| extraction ({label}) | {name} | {cells} | | {s['any'][2]} gold |")
    blank = " | ".join([""] * 8)
    if FLORES.exists():
        for name, share, n in flores_attested("kk"):
            print(f"| extraction (FLORES-200 dev documents, no gold: a like-spelt word in the English) | {name} | {blank} | {share:.3f} | {n} mentions |")
        for name, share, n in flores_attested("en"):
            print(f"| extraction from English (FLORES-200 dev documents, no gold: a like-spelt word in the Kazakh) | {name} | {blank} | {share:.3f} | {n} mentions |")
        for name, share, n in flores_proposals("kk"):
            print(f"| proposed renderings (FLORES-200 dev documents, found in the English translation) | {name} | {blank} | {share:.3f} | {n} names |")
        for name, share, n in flores_proposals("en"):
            print(f"| proposed renderings from English (FLORES-200 dev documents, found in the Kazakh translation) | {name} | {blank} | {share:.3f} | {n} names |")
    else:
        print(f"| extraction (FLORES-200 dev documents) | ({FLORES} missing) | {blank} | | |")
    for part, name, share, n in romanization():
        print(f"| romanization ({part}, exact) | {name} | {blank} | {share:.3f} | {n} names |")
    for part, name, share, n in read_back():
        print(f"| Kazakh names read back from English ({part}, exact) | {name} | {blank} | {share:.3f} | {n} names |")
    for label, path in (
        ("the first list, the table's words written from its misses", BODIES),
        ("a second list, its misses never looked at", BODIES_HELD_OUT),
        ("a third list, written after the table's words, never looked at", BODIES_HELD_OUT_2),
    ):
        if path.exists():
            for name, share, n in bodies(path):
                print(f"| organisations' names ({label}, exact) | {name} | {blank} | {share:.3f} | {n} names |")
    if not args.skip_model:
        for name, share, n in consistency():
            print(f"| consistency (tiny trained model, one spelling) | {name} | {blank} | {share:.3f} | {n} names |")
        for name, share, n in respelt_consistency():
            print(f"| consistency (its output, names respelt per sentence) | {name} | {blank} | {share:.3f} | {n} names |")

if __name__ == "__main__":
    main()
