"""Build src/kkaligner/data/common-words-kk.txt: Kazakh words by usage, not names.

    python tools/common_words_kk.py [../shared/data/names/kaznerd-valid.iob2]

A word goes in when the KazNERD validation split (github.com/IS2AI/KazNERD, CC BY 4.0) writes it
in lower case outside names at least ``MIN_LOWER`` times and at least ``RATIO`` times as often as
with a capital mid-sentence or inside a name (the glossary matcher's LOWER_RATIO). Tokens of Latin
or mixed letters, and single letters, are left out. kkaligner.names
asks the list only where the document says nothing about a capitalised word (a short text).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    from kkaligner.glossary.matcher import LOWER_RATIO
    from kkaligner.lang.casing import fold_kk
except ImportError:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
    from kkaligner.glossary.matcher import LOWER_RATIO
    from kkaligner.lang.casing import fold_kk

SOURCE = ROOT.parent / "shared" / "data" / "names" / "kaznerd-valid.iob2"
TARGET = ROOT / "src" / "kkaligner" / "data" / "common-words-kk.txt"
MIN_LOWER = 3
RATIO = LOWER_RATIO
# a Kazakh word in Cyrillic letters, two or more (not Latin or mixed-script tokens)
WORD = re.compile(r"[а-яёәғқңөұүһі]{2,}(?:-[а-яёәғқңөұүһі]+)*", re.IGNORECASE)
# what may stand before a sentence's first word (its capital says nothing)
OPENERS = {".", "!", "?", "…", "«", '"', "—", "–", "-", ":", "("}

HEADER = f"""\
# Kazakh words by usage, not names: each is written in lower case outside names at least {MIN_LOWER}
# times, and at least {RATIO} times as often as with a capital mid-sentence or inside a name, in the
# KazNERD validation split (Yeshpanov, Khassanov and Varol, "KazNERD: Kazakh Named Entity Recognition
# Dataset", LREC 2022; github.com/IS2AI/KazNERD, CC BY 4.0). Counted, not copied: one folded word a
# line, sorted; made by tools/common_words_kk.py. kkaligner.names asks it only where a document says
# nothing about a capitalised word (a short text): a sentence's first word, or a word alone before
# lower-case ones (Машина жасауға ..., Алғыс айту күні), never a given name or a name the shipped
# glossary knows.
"""


def count(path: Path) -> tuple[Counter, Counter]:
    lower: Counter = Counter()
    named: Counter = Counter()
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            token, _, tag = line.rpartition(" ")
            sentence.append((token, tag))
            continue
        for i, (token, tag) in enumerate(sentence):
            if not WORD.fullmatch(token) or len(set(token.casefold())) == 1:
                continue  # ... nor a filler sound (ыы, әә)
            f = fold_kk(token)
            if tag != "O":
                named[f] += 1
            elif token[:1].islower():
                lower[f] += 1
            elif i and sentence[i - 1][0] not in OPENERS:
                named[f] += 1
        sentence = []
    return lower, named


def build(source: Path = SOURCE) -> str:
    """The file's text, from the KazNERD file ``source``."""
    lower, named = count(source)
    words = sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= RATIO * named[w])
    return HEADER + "\n".join(words) + "\n"


def main(argv: list[str]) -> None:
    text = build(Path(argv[0]) if argv else SOURCE)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - HEADER.count(chr(10))} words -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
