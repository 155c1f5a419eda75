"""Line layout: a sentence hard-wrapped over several source lines is written over as many lines.

Golden tables for ``spread`` and ``nearest``, properties (line count, words in order, no empty
line, line starts, idempotence) and the txt draft through ``Draft.text`` and the writers.
"""

from __future__ import annotations

import json as stdjson

import pytest
from hypothesis import given
from hypothesis import strategies as st
from writers_drafts import SIGNATURE

from kkaligner import writers
from kkaligner.layout import gaps, line_breaks, nearest, spread
from kkaligner.pipeline import separators
from kkaligner.split import segment
from kkaligner.types import Draft, Sentence

# --- spread: golden table -------------------------------------------------------------------------

SPREAD = [  # (target, source, expected)
    # one source line: the target as it is
    ("It works.", "Ол жұмыс істейді.", "It works."),
    # outer whitespace is the caller's; a line break of the target's own becomes a space
    ("  It\nworks. ", "Ол жұмыс істейді.", "It works."),
    # the break goes to the gap nearest the source's break by character share
    ("The port at Baikonur works well.", "Байқоңыр айлағы\nжақсы жұмыс істейді.",
     "The port at\nBaikonur works well."),
    ("one two three four five six", "аааа ббб\nвв\nг дддддд ееее",
     "one two\nthree\nfour five six"),
    # the break is the source's, verbatim: CR LF, trailing spaces, the next line's indentation
    ("Aa bb cc dd", "Аа бб \r\n    вв гг", "Aa bb \r\n    cc dd"),
    ("Aa bb cc dd", "Аа бб\n\tвв гг", "Aa bb\n\tcc dd"),
    # a blank line inside the sentence stays blank
    ("Aa bb cc dd", "Аа бб\n\nвв гг", "Aa bb\n\ncc dd"),
    # other gaps keep their own whitespace
    ("Aa\tbb  cc dd", "Аа бб\nвв гг", "Aa\tbb\ncc dd"),
    # a no-break space is never a break, though it lies nearest the source's (here 10.5 of 24)
    ("Over 10\u00a0000\u00a0000 people", "Он миллион\nадамнан асады",
     "Over\n10\u00a0000\u00a0000 people"),
    # as many words as lines: one word a line
    ("Aa bb cc", "а\nб\nв", "Aa\nbb\ncc"),
    # fewer words than lines: one word a line, the remaining breaks dropped (no empty line)
    # fewer words than lines: the longest words are parted between letters, no line left empty
    ("Yes.", "Иә,\nсолай\nболды.", "Y\ne\ns."),
    ("Yes, indeed.", "Иә,\nсолай\nболды.", "Yes,\nind\need."),
    ("", "Иә,\nсолай.", ""),
]


@pytest.mark.parametrize("target, source, expected", SPREAD)
def test_spread(target, source, expected):
    assert spread(target, source) == expected


def test_spread_is_proportional_to_the_source_lines():
    source = "аааааааааааааааааааааааааааааа\nбббббббббб"  # 30 and 10 characters
    target = " ".join(["word"] * 20)  # 99 characters: the break goes near 76
    first, second = spread(target, source).split("\n")
    assert len(first.split()) == 15 and len(second.split()) == 5


NEAREST = [  # (few, many, expected)
    ([], [0.2, 0.5], []),
    ([0.5], [0.1, 0.4, 0.7], [1]),
    ([0.5], [0.4, 0.6], [0]),  # a tie goes left
    ([0.1, 0.12], [0.1, 0.5, 0.9], [0, 1]),  # strictly ascending
    ([0.9, 0.95], [0.1, 0.5, 0.9], [1, 2]),  # the first leaves room for the second
    ([0.2, 0.5, 0.8], [0.2, 0.5, 0.8], [0, 1, 2]),
]


@pytest.mark.parametrize("few, many, expected", NEAREST)
def test_nearest(few, many, expected):
    assert nearest(few, many) == expected


def test_gaps_count_each_run_as_one_character():
    g = gaps("  ab   cd\n\n ef ")
    assert [(x.start, x.end, x.text) for x in g] == [(4, 7, "   "), (9, 12, "\n\n ")]
    assert [x.at for x in g] == [2.5 / 8, 5.5 / 8]  # as in "ab cd ef"
    assert [x.text for x in line_breaks("  ab   cd\n\n ef ")] == ["\n\n "]


# --- spread: properties ---------------------------------------------------------------------------

WORD = st.text(st.characters(blacklist_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1,
               max_size=12)
SPACE = st.sampled_from([" ", "  ", "\t", " \u00a0"])
BREAK = st.sampled_from(["\n", "\r\n", "\n  ", " \n\t", "\n\n", "\u2028"])
ANY = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def lines(draw, min_lines=1):
    """A hard-wrapped source: non-empty lines joined by line breaks, with their indentation."""
    rows = draw(st.lists(st.lists(WORD, min_size=1, max_size=6), min_size=min_lines, max_size=8))
    text = " ".join(rows[0])
    for row in rows[1:]:
        text += draw(BREAK) + draw(SPACE).join(row)
    return text


@st.composite
def words(draw, min_size=0):
    """A one-line target: words joined by breakable spaces."""
    ws = draw(st.lists(WORD, min_size=min_size, max_size=30))
    out = ws[0] if ws else ""
    for w in ws[1:]:
        out += draw(SPACE) + w
    return out


def _lines(text: str) -> list[str]:
    return text.splitlines() or [""]


@given(st.data())
def test_line_count_is_kept(data):
    source = data.draw(lines())
    k = len(line_breaks(source)) + 1
    target = data.draw(words(min_size=k))
    out = spread(target, source)
    assert len(_lines(out)) == len(_lines(source))
    for o, s in zip(_lines(out), _lines(source)):
        assert bool(o.strip()) == bool(s.strip())  # a line is empty only where the source's is
        assert o[: len(o) - len(o.lstrip())] == s[: len(s) - len(s.lstrip())]  # indentation


@given(lines(), words())
def test_fewer_words_one_word_a_line(source, target):
    """Fewer words than lines: words are parted, so every line gets some of the translation (as
    long as it has a letter for each line), and nothing is added or lost."""
    out = spread(target, source)
    letters = "".join(target.split())
    assert "".join(out.split()) == letters
    if len(target.split()) < len(line_breaks(source)) + 1 and "\n\n" not in source and len(letters) > len(line_breaks(source)):
        assert len(_lines(out)) == len(line_breaks(source)) + 1
        assert all(ln.strip() for ln in _lines(out))


@given(ANY, ANY)
def test_words_are_kept_in_order(target, source):
    out = spread(target, source)
    assert "".join(out.split()) == "".join(target.split())
    assert out == out.strip()


@given(ANY, ANY)
def test_spread_is_idempotent(target, source):
    once = spread(target, source)
    assert spread(once, source) == once


@given(ANY, st.text(st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), max_size=40))
def test_one_line_source_keeps_the_target(target, source):
    if not any(c.isspace() and c not in " \t\u00a0" for c in target):
        assert spread(target, source) == target.strip()


# --- the txt draft --------------------------------------------------------------------------------

# Ten lines, four sentences hard-wrapped over them (the splitter joins the lines that continue).
DOC = (
    "Қазақстан Республикасы – Орталық Азиядағы\n"
    "мемлекет, оның астанасы Астана қаласы.\n"
    "Елдің аумағы 2,7 млн шаршы шақырым, бұл\n"
    "әлемдегі тоғызыншы орын.\n"
    "  Халқының саны 2023 жылы 20 миллионнан\n"
    "  асты, олардың көпшілігі қалаларда\n"
    "  тұрады.\n"
    "Байқоңыр ғарыш айлағы Қызылорда облысында\n"
    "орналасқан және оны Ресей жалға алады,\n"
    "ол әлемдегі ең ірі ғарыш айлағы.\n"
)
TARGETS = [
    "The Republic of Kazakhstan is a state in Central Asia, its capital is the city of Astana.",
    "The country's area is 2.7 million square kilometres, the ninth in the world.",
    "Its population passed 20 million in 2023, most of whom live in cities.",
    "The Baikonur Cosmodrome is located in the Kyzylorda region and is leased by Russia, "
    "it is the largest spaceport in the world.",
]


def wrapped_draft() -> Draft:
    """DOC as the pipeline assembles it, with TARGETS standing in for the engine's output."""
    segments = list(segment(DOC, "kk"))
    assert len(segments) == len(TARGETS)
    sentences = tuple(
        Sentence(i, s.text, t, s.start, s.end, s.paragraph)
        for i, (s, t) in enumerate(zip(segments, TARGETS))
    )
    return Draft(DOC, sentences, separators(DOC, segments), SIGNATURE)


def test_ten_wrapped_lines_give_ten_lines():
    out = writers.render(wrapped_draft(), "txt")
    assert out == (
        "The Republic of Kazakhstan is a state in Central\n"
        "Asia, its capital is the city of Astana.\n"
        "The country's area is 2.7 million square kilometres,\n"
        "the ninth in the world.\n"
        "  Its population passed 20 million\n"
        "  in 2023, most of whom live in\n"
        "  cities.\n"
        "The Baikonur Cosmodrome is located in the\n"
        "Kyzylorda region and is leased by Russia, it is\n"
        "the largest spaceport in the world.\n"
    )
    assert len(out.splitlines()) == len(DOC.splitlines()) == 10


def test_tsv_and_json_keep_each_target_as_one_string():
    draft = wrapped_draft()
    rows = [ln.split("\t") for ln in writers.render(draft, "tsv").splitlines()
            if not ln.startswith("#")][1:]
    assert [r[2] for r in rows] == TARGETS
    report = stdjson.loads(writers.render(draft, "json"))
    assert [s["target"] for s in report["sentences"]] == TARGETS
