"""The sentence splitter: golden tables, rules data, layout, invariants (hypothesis), bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kkaligner
from kkaligner.errors import KkalignerError, SegmentationError, UsageError
from kkaligner.split import DEFAULT_MAX_LENGTH, LANGS, segment, split_lines

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
RULES = HERE.parent / "src" / "kkaligner" / "data"
# Line breaks as str.splitlines() sees them; "\r\n" is one.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BLANK_LINE = re.compile(rf"[{LINE_BREAKS}][^\S{LINE_BREAKS}]*[{LINE_BREAKS}]|\u2029")


class BLANK:
    """Does a piece of text hold a blank line (two line breaks with only spaces between)?"""

    @staticmethod
    def search(text: str):
        return _BLANK_LINE.search(text.replace("\r\n", "\n"))


def _golden(lang: str) -> list:
    """pytest params (input, expected sentences) of tests/data/split_golden_<lang>.tsv, id = rule."""
    rows = []
    path = HERE / "data" / f"split_golden_{lang}.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rule, text, expected = line.split("\t")
        text = text.replace("\\n", "\n").replace("\\t", "\t")
        sentences = [text.strip()] if expected == "=" else [s.replace("\\n", "\n") for s in expected.split(" ⏎ ")]
        rows.append(pytest.param(text, sentences, id=rule))
    return rows


def check_invariants(source: str, segments, max_length: int = DEFAULT_MAX_LENGTH) -> None:
    """What every result of segment() must satisfy (Segment's documented invariants)."""
    prev_end, prev_par = 0, 0
    for i, s in enumerate(segments):
        assert 0 <= prev_end <= s.start < s.end <= len(source), (i, s)
        assert s.text == source[s.start : s.end]
        assert s.text == s.text.strip(), f"segment {i} has outer whitespace: {s.text!r}"
        assert len(s.text) <= max_length
        gap = source[prev_end : s.start]
        assert not gap.strip(), f"non-space text lost before segment {i}: {gap!r}"
        assert BLANK.search(s.text) is None, f"a blank line inside segment {i}"
        if i == 0:
            assert s.paragraph == 0
        else:
            # A new paragraph exactly where the gap holds a blank line.
            assert s.paragraph == prev_par + (1 if BLANK.search(gap) else 0), (i, gap)
        prev_end, prev_par = s.end, s.paragraph
    assert not source[prev_end:].strip(), "non-space text lost at the end"
    if source.strip():
        assert segments, "text without any segment"


# --- golden tables ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", _golden("kk"))
def test_golden_kk(text, expected):
    got = segment(text, "kk")
    assert [s.text for s in got] == expected
    check_invariants(text, got)


@pytest.mark.parametrize("text, expected", _golden("en"))
def test_golden_en(text, expected):
    got = segment(text, "en")
    assert [s.text for s in got] == expected
    check_invariants(text, got)


def test_golden_tables_are_well_formed():
    for lang, minimum in (("kk", 120), ("en", 25)):
        rows = _golden(lang)
        assert len(rows) >= minimum
        ids = [r.id for r in rows]
        assert len(ids) == len(set(ids)), "rule names must be unique"
        for r in rows:
            text, expected = r.values
            # Expected sentences are pieces of the input in order: a typo in the table would
            # otherwise make a row that tests nothing.
            pos = 0
            for sentence in expected:
                i = text.find(sentence, pos)
                assert i >= 0, (r.id, sentence)
                pos = i + len(sentence)


def test_golden_covers_every_kazakh_capital_initial():
    texts = " ".join(r.values[0] for r in _golden("kk"))
    for capital in "ӘҒҚҢӨҰҮҺІ":
        assert re.search(rf"(?<!\w){capital}\. \w", texts), capital


def test_pragmatic_segmenter_cases(shared_data):
    path = shared_data / "segmentation" / "pragmatic-segmenter-kk-cases.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cases) == 13
    wrong = [c["case"] for c in cases if [s.text for s in segment(c["text"], "kk")] != c["expected_sentences"]]
    assert wrong == []


def test_flores_dev_gold_f1(shared_data):
    """Boundary F1 on the FLORES dev articles (benchmarks/bench_split.py prints the full table)."""
    path = shared_data / "segmentation" / "flores200-dev-kk-gold.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    tp = fp = fn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        got = segment(article["text"], "kk")
        check_invariants(article["text"], got)
        pred = {s.start for s in got[1:]}
        gold, optional = set(article["boundaries"]), set(article["optional"])
        tp += len(pred & gold)
        fp += len(pred - gold - optional)
        fn += len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.99, (tp, fp, fn)


def test_seed_article_one_sentence_a_line(shared_data):
    """The seed article has no final stops: every line is a sentence, blank lines are paragraphs."""
    path = shared_data / "seed" / "baiterek-news.kk.txt"
    if not path.exists():
        pytest.skip(f"{path} not found")
    text = path.read_text(encoding="utf-8-sig")
    got = segment(text, "kk")
    assert [s.text for s in got] == [line.strip() for line in text.splitlines() if line.strip()]
    assert got[-1].paragraph == len(re.split(r"\n\s*\n", text.strip())) - 1
    check_invariants(text, got)


# --- layout -------------------------------------------------------------------------------------


def test_paragraphs_counted_from_blank_lines():
    text = (
        "Бірінші сөйлем. Екінші сөйлем.\n\n  Үшінші сөйлем\nТөртінші сөйлем.\r\n\r\n"
        "Бесінші.\u2029Алтыншы!\r\nЖетінші\r\nСегізінші.\r\n \r\nТоғызыншы"
    )
    got = segment(text)
    assert [(s.text, s.paragraph) for s in got] == [
        ("Бірінші сөйлем.", 0),
        ("Екінші сөйлем.", 0),
        ("Үшінші сөйлем", 1),
        ("Төртінші сөйлем.", 1),
        ("Бесінші.", 2),
        ("Алтыншы!", 3),
        ("Жетінші", 3),  # "\r\n" is one line break, not a blank line
        ("Сегізінші.", 3),
        ("Тоғызыншы", 4),
    ]
    # The layout between segments is whitespace only, so a caller can rebuild the document.
    assert text[got[1].end : got[2].start] == "\n\n  "


def test_hard_wrapped_sentence_keeps_its_line_break():
    text = "Қазақстан Республикасының Президенті\nжаңа заңға қол қойды.\nКелесі сөйлем."
    got = segment(text)
    assert [s.text for s in got] == ["Қазақстан Республикасының Президенті\nжаңа заңға қол қойды.", "Келесі сөйлем."]
    assert got[0].paragraph == got[1].paragraph == 0


def test_crlf_and_tabs():
    text = "Бірінші жол\r\nЕкінші жол.\tҮшінші сөйлем.\r\n"
    assert [s.text for s in segment(text)] == ["Бірінші жол", "Екінші жол.", "Үшінші сөйлем."]


def test_url_is_never_split():
    url = "https://egov.kz/cms/kk/articles/about?id=5&lang=kk#top"
    got = segment(f"Толығырақ: {url}. Ал e-mail: aidos.bekov+kk@mail.gov.kz. Сұрақ қойыңыз!")
    assert [s.text for s in got] == [f"Толығырақ: {url}.", "Ал e-mail: aidos.bekov+kk@mail.gov.kz.", "Сұрақ қойыңыз!"]
    # A capital right after a stop inside an address is no sentence start there.
    got = segment("Жазыңыз: Aidos.Bekov@Mail.Kz немесе www.Gov.Kz/Info.Html сайтына.")
    assert len(got) == 1


def test_split_lines_one_segment_a_line():
    text = "  Бір. Екі.\nҮш\n\n\nТөрт  \n"
    got = split_lines(text)
    assert [(s.text, s.paragraph) for s in got] == [("Бір. Екі.", 0), ("Үш", 0), ("Төрт", 1)]
    check_invariants(text, got)


def test_segments_are_ordinary_frozen_segments():
    """The splitter builds segments without Segment.__init__ for speed: they must not differ."""
    import dataclasses

    from kkaligner.types import Segment

    got = segment("Бір. Екі.\n\nҮш " * 3 + "сөз " * 400, max_length=100)
    for s in got:
        twin = Segment(s.start, s.end, s.text, s.paragraph)
        assert s == twin and hash(s) == hash(twin) and repr(s) == repr(twin)
        assert dataclasses.replace(s) == s
        with pytest.raises(dataclasses.FrozenInstanceError):
            s.start = 0


def test_exported_from_the_package():
    assert kkaligner.segment is segment
    assert set(LANGS) == {"kk", "en"}


# --- rules data ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviation_files_parse(lang):
    path = RULES / f"abbreviations-{lang}.txt"
    text = path.read_text(encoding="utf-8")
    assert "Provenance" in text
    seen = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert 2 <= len(cols) <= 3, line
        entry, kind = cols[0], cols[1]
        assert entry == entry.strip().lower() and entry.endswith(".") and " " not in entry, line
        assert kind in {"title", "amount", "date", "final"}, line
        assert cols[2:] in ([], ["word"]), line
        assert entry not in seen, f"duplicate {entry}"
        seen.add(entry)


@pytest.mark.parametrize("lang", LANGS)
def test_sentence_starter_files_parse(lang):
    text = (RULES / f"sentence-starters-{lang}.txt").read_text(encoding="utf-8")
    assert "Provenance" in text
    words = [w for w in text.splitlines() if w.strip() and not w.startswith("#")]
    assert all(w == w.strip().lower() and " " not in w for w in words)
    assert len(words) == len(set(words))


def test_every_amount_abbreviation_continues_before_a_capital():
    """'1 млрд. АҚШ долларына': each amount abbreviation of the table, exercised in one sentence."""
    path = RULES / "abbreviations-kk.txt"
    amounts = [
        line.split("\t")[0]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and line.split("\t")[1] == "amount"
    ]
    assert "млрд." in amounts and "трлн." in amounts
    for abbr in amounts:
        text = f"Бұған 5 {abbr} Қазақстан қаражаты жұмсалды."
        assert len(segment(text)) == 1, abbr
        # ... and a sentence opener after it still starts a new sentence.
        assert len(segment(f"Бұған 5 {abbr} Бұл аз емес.")) == 2, abbr


def test_every_date_abbreviation_before_a_lower_case_word():
    path = RULES / "abbreviations-kk.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        abbr = line.split("\t")[0]
        text = f"Ол 1901 {abbr} ағылшындармен кездесті."
        assert [s.text for s in segment(text)] == [text], abbr


# --- invariants ---------------------------------------------------------------------------------

# Pieces that hit the rules often: abbreviations, initials, quotes, dashes, URLs, line breaks.
PIECES = [
    "Қазақстан", "ел", "1991", "ж.", "жж.", "ғ.", "млн.", "млрд.", "т.б.", "т. б.", "б.з.б.", "проф.",
    "Қ.", "Ә.", "І.", "Ұ.", "ағылшындар", "АҚШ", "Бұл", "Ол", "деді", "деп", "«", "»", "„", "“", '"',
    "'", "(", ")", "—", "–", "-", ".", "!", "?", "?..", "!..", "...", "…", ",", ";", ":", "2-сынып",
    "12.05.2004", "3,5", "3.14", "www.gov.kz", "https://a.kz/x.y?z=1", "info@gov.kz", "1.", "а)", "•",
    "Qazaqstan", "j.", "mlrd.", "Mr.", "e.g.", "U.S.", "No.", "in.", " ", " ", "  ", "\n", "\n\n",
    "\r\n", "\r", "\t", "\u2029", "\x0c", "\x00", "\u200b", "\xa0", "😀", "你好。", "مرحبا",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from(LANGS))
def test_invariants(text, lang):
    check_invariants(text, segment(text, lang))


@settings(max_examples=200, deadline=None)
@given(text=texts, lang=st.sampled_from(LANGS), max_length=st.integers(1, 40))
def test_invariants_with_a_short_max_length(text, lang, max_length):
    check_invariants(text, segment(text, lang, max_length=max_length), max_length)


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(LANGS))
def test_idempotent_on_its_own_output(text, lang):
    """A sentence, split again on its own, is one sentence; the sentences, one a line, split the
    same way again."""
    got = segment(text, lang)
    for s in got:
        again = segment(s.text, lang)
        assert [x.text for x in again] == [s.text], s.text
    rejoined = "\n\n".join(s.text for s in got)
    assert [s.text for s in segment(rejoined, lang)] == [s.text for s in got]


@pytest.mark.parametrize("text", [r.values[0] for r in _golden("kk")][::3])
def test_golden_inputs_are_idempotent(text):
    for s in segment(text):
        assert [x.text for x in segment(s.text)] == [s.text]


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\t  \r\n", "\u2029\xa0\u3000"])
def test_empty_and_whitespace_only(text):
    assert segment(text) == []
    assert segment(text, "en") == []


def test_a_long_line_without_punctuation_is_cut_at_the_maximum_length():
    text = "сөз " * 50_000  # 200,000 characters, no punctuation, no line break
    got = segment(text)
    check_invariants(text, got)
    assert max(len(s.text) for s in got) <= DEFAULT_MAX_LENGTH
    assert len(got) >= len(text) // DEFAULT_MAX_LENGTH
    assert all(len(s.text) > DEFAULT_MAX_LENGTH // 2 for s in got[:-1]), "cut too early"


def test_a_long_word_without_spaces_is_cut_hard():
    text = "а" * 200_000
    got = segment(text, max_length=500)
    assert [len(s.text) for s in got] == [500] * 400
    check_invariants(text, got, 500)


def test_a_long_sentence_is_cut_after_a_comma():
    text = ", ".join(["бір екі үш"] * 200) + "."
    got = segment(text, max_length=100)
    check_invariants(text, got, 100)
    assert all(s.text.endswith(",") for s in got[:-1])


def test_long_runs_of_abbreviation_like_tokens():
    """Inputs that defeat naive rules (an e-mail scan over a long dotted run was quadratic)."""
    for text in ("ab.Cd" * 20_000 + " x… y @", "А. " * 20_000, "1. " * 20_000, "." * 100_000, "«" * 50_000):
        got = segment(text)
        check_invariants(text, got)
        assert max(len(s.text) for s in got) <= DEFAULT_MAX_LENGTH


def test_control_characters_and_mixed_scripts():
    text = "Бір.\x00Екі.\x07 Үш \x1b[31mқызыл\x1b[0m. Hello, мир! 你好。 مرحبا. 😀 Qazaqstan – ülken el.\x0cСоңы"
    for lang in LANGS:
        got = segment(text, lang)
        check_invariants(text, got)
        assert got[-1].text == "Соңы"  # \x0c is a line break (str.splitlines)


@pytest.mark.parametrize("bad", [b"\xd0\x91\xd1\x96\xd1\x80.", None, 42, ["Бір."]])
def test_non_text_input_is_a_clear_error(bad):
    with pytest.raises(SegmentationError, match="needs text"):
        segment(bad)


def test_unknown_language_lists_the_choices():
    with pytest.raises(UsageError, match=r"'ru'.*'kk' or 'en'"):
        segment("Бір.", "ru")


@pytest.mark.parametrize("bad", [0, -5, 2.5, "100"])
def test_bad_max_length(bad):
    with pytest.raises(UsageError, match="max_length"):
        segment("Бір.", max_length=bad)


def test_errors_are_kkaligner_errors():
    """What the splitter refuses, the CLI's one edge catches (every error is a KkalignerError)."""
    for bad in (lambda: segment(b"bytes"), lambda: segment("x", "ru"), lambda: segment("x", max_length=0)):
        with pytest.raises(KkalignerError) as err:
            bad()
        assert err.value.exit_code in (1, 2) and str(err.value)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kkaligner.split import chunks  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(
    text=st.lists(st.sampled_from(["Бір сөйлем.", " ", "\n", "\n\n", "Екінші сөйлем", "!", "ж.", "т.б."]),
                  max_size=200).map("".join),
    size=st.integers(5, 200),
)
def test_chunks_join_to_the_text_and_never_cut_a_sentence(text, size):
    spans = chunks(text, size)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans) or text == ""
    whole = {(s.start, s.end) for s in segment(text)}
    for a, b in spans[:-1]:
        # a cut is never inside a sentence the splitter finds in the whole text
        assert not any(s < b < e for s, e in whole), (text, spans)


def test_chunks_prefer_paragraphs_then_sentences():
    text = "Бір. Екі.\n\nҮш. Төрт.\nБес.\n\nАлты."
    assert [text[a:b] for a, b in chunks(text, 12)] == ["Бір. Екі.\n\n", "Үш. Төрт.\n", "Бес.\n\nАлты."]
    wrapped = "Бірінші сөйлем\nекі жолға созылады. Екінші сөйлем."
    assert [wrapped[a:b] for a, b in chunks(wrapped, 20)] == ["Бірінші сөйлем\nекі жолға созылады. ", "Екінші сөйлем."]
