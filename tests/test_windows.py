"""Windows of an over-long sentence: golden cuts, the rules data, invariants (hypothesis), cost."""

from __future__ import annotations

import json
import math
import re
import zlib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kkaligner.errors import UsageError
from kkaligner.windows import CLAUSE_WORDS, NOT_CLAUSE_WORDS, TIERS, Window, join, separators, windows


def chars(n: int):
    """A ``fits`` that allows at most ``n`` characters."""
    return lambda s: len(s) <= n


def show(text: str, n: int, lang: str = "kk") -> str:
    """The windows of ``text`` for at most ``n`` characters: " | " where the cut replaced whitespace,
    "|" where it went inside a word."""
    wins = windows(text, chars(n), lang)
    out = wins[0].text
    for sep, w in zip(separators(text, wins), wins[1:]):
        out += (" | " if sep else "|") + w.text
    return out


# --- golden ----------------------------------------------------------------------------------------
# (lang, at most this many characters, the cuts). The input is the expected text with the cuts
# taken out. Written by the kkaligner developers, one row for each rule.
GOLDEN = [
    # a colon beats the commas nearer the middle
    ("kk", 90, "Жоба үш кезеңнен тұрады: | алдымен ғимарат салынады, содан кейін жабдық орнатылады, ең соңында мамандар оқытылады."),
    # a semicolon beats the comma and the clause word after it
    ("kk", 100, "Зерттеушілер жаңа әдісті бірнеше қалада сынап көрді; | нәтижелері күтілгеннен әлдеқайда жақсы болды, алайда қаржыландыру мәселесі әлі шешілген жоқ."),
    # a comma beats a dash
    ("kk", 70, "Кеше кешке қалада қатты жаңбыр жауды, | көшелерді су басты — көлік қозғалысы екі сағатқа тоқтады."),
    # a dash beats a clause word; the dash stays with the clause before it
    ("kk", 80, "Түнде қалада қатты жаңбыр жауды — | көшелерді су басып көлік қозғалысы тоқтады бірақ таңертең жол ашылды."),
    # a spaced hyphen is a dash
    ("kk", 60, "Сарапшылар биыл бағаның өсуін күтеді - | ресми болжам әлі жарияланған жоқ және ол келесі айда шығады."),
    # clause words: the cut goes before them, the one nearest the middle wins
    ("kk", 80, "Комиссия есепті мұқият қарап шықты | және оны келесі отырыста талқылауға ұсынды өйткені мерзім таяп қалды."),
    ("kk", 40, "Бала сұрады бірақ бала болмады | сондықтан ол ылғи ішінен тілейтін еді"),
    # a sentence end inside the line beats everything
    ("kk", 60, "Министр жиында сөз сөйледі. | Ол жаңа бағдарлама туралы егжей-тегжейлі айтып берді."),
    # a comma after a closing quote
    ("kk", 60, "Әкімдік «жаңа саябақ», | «спорт кешені» және «кітапхана» салуды жоспарлап отыр."),
    # a word longer than the limit gets windows of its own, cut after marks inside it
    ("kk", 20, "Толығырақ: | https://example.org/|kk/zhanalyqtar/|2024/baiterek-keshen"),
    ("en", 80, "The committee reviewed the report carefully and recommended it for discussion, | because the deadline was close."),
    ("en", 60, "Prices rose sharply in the spring; | analysts expected a fall by the summer, but it never came."),
    ("en", 70, "The bridge was closed for repairs which took most of the year | while traffic went through the old town."),
    # the fewest pieces come first: no room for the semicolon here
    ("en", 50, "Prices rose sharply in the spring; analysts | expected a fall by the summer, but it never came."),
    # balanced, not greedy (5 + 5 + 2)
    ("en", 5, "abcd|efgh|ijkl"),
    ("en", 12, "one two | three four | five six | seven eight | nine ten"),
    # not inside a grapheme (e + combining acute) while a grapheme fits
    ("en", 4, "ab|e\u0301cd"),
]


@pytest.mark.parametrize(("lang", "n", "expected"), GOLDEN, ids=[f"{g[0]}-{g[1]}-{g[2][:24]}" for g in GOLDEN])
def test_golden(lang, n, expected):
    text = expected.replace(" | ", " ").replace("|", "")
    assert show(text, n, lang) == expected


# FLORES-200 dev (../shared/data/parallel): (doc, sentence, lang, at most this many characters,
# the last word of each window).
FLORES = [
    (40, 1, "kk", 100, ["айналды.", "веб-сайты,", "желісі,", "шығарды."]),
    (40, 1, "en", 100, ["edition,", "ads,", "World."]),
    (0, 0, "kk", 100, ["ғалымдары", "жариялады:", "принтерлерді", "чип."]),
    (0, 0, "en", 160, ["type:", "each."]),
    (225, 1, "kk", 160, ["физикалық", "салыстырғанда)."]),
    (225, 1, "en", 100, ["swimming,", "to", "example)."]),
    (18, 1, "kk", 100, ["болған", "қуат", "ұстанған."]),
    (18, 1, "en", 100, ["Palermo", "pursued", "network."]),
    (271, 1, "en", 100, ["Belgium", "France,", "different."]),
]


@pytest.fixture(scope="module")
def flores(shared_data):
    rows = [json.loads(line) for line in (shared_data / "parallel" / "flores200-dev-docs.jsonl").open(encoding="utf-8")]
    return {row["doc"]: row for row in rows}


@pytest.mark.parametrize(("doc", "index", "lang", "n", "last_words"), FLORES)
def test_golden_flores(flores, doc, index, lang, n, last_words):
    text = flores[doc][lang][index]
    wins = windows(text, chars(n), lang)
    assert [w.text.split()[-1] for w in wins] == last_words
    assert all(len(w.text) <= n for w in wins)


def test_flores_every_long_sentence(flores):
    """Every FLORES sentence, in both languages, cut for 120 characters and for 15 words."""
    for row in flores.values():
        for lang in ("kk", "en"):
            for text in row[lang]:
                for fits in (chars(120), lambda s: len(s.split()) <= 15):
                    wins = windows(text, fits, lang)
                    assert all(fits(w.text) for w in wins)
                    assert " ".join(" ".join(w.text.split()) for w in wins) == " ".join(text.split())


# --- rules data ------------------------------------------------------------------------------------
def test_clause_words_cover_the_ud_sample(shared_data):
    """Every CCONJ/SCONJ lemma of the UD Kazakh sample is a clause word or left out with a reason."""
    lemmas = set()
    for line in (shared_data / "morphology" / "kk_ktb-ud-train.conllu").open(encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) == 10 and cols[3] in ("CCONJ", "SCONJ"):
            lemmas.add(cols[2].casefold())
    assert lemmas
    assert lemmas <= CLAUSE_WORDS["kk"] | set(NOT_CLAUSE_WORDS["kk"])
    assert not CLAUSE_WORDS["kk"] & set(NOT_CLAUSE_WORDS["kk"])


def test_clause_word_list_of_the_brief():
    assert {"және", "бірақ", "алайда", "себебі", "өйткені", "сондықтан", "ал", "яғни", "немесе"} <= CLAUSE_WORDS["kk"]
    assert {"and", "but", "because", "which", "while", "so", "or"} <= CLAUSE_WORDS["en"]
    assert all(w == w.casefold() for ws in CLAUSE_WORDS.values() for w in ws)


def test_enclitic_da_is_not_a_place_to_cut():
    """"да" belongs to the word before it; "және" opens a clause."""
    assert show("Ол кеше жұмысқа келді да бүгін таңертең қайта шықты", 40) == (
        "Ол кеше жұмысқа келді да | бүгін таңертең қайта шықты"
    )
    assert show("Ол кеше жұмысқа келді және бүгін таңертең қайта шықты", 40) == (
        "Ол кеше жұмысқа келді | және бүгін таңертең қайта шықты"
    )


def test_tiers_are_ordered():
    assert list(TIERS.values()) == sorted(TIERS.values())


# --- kept spans ------------------------------------------------------------------------------------
KEEP_TEXT = "Кеше министр Қазақстан Республикасы Үкіметінің отырысында баяндама жасады"
TERM = "Республикасы Үкіметінің"


def test_keep_moves_the_cut_out_of_a_term():
    keep = [(KEEP_TEXT.index(TERM), KEEP_TEXT.index(TERM) + len(TERM))]
    assert [w.text for w in windows(KEEP_TEXT, chars(50))][0].endswith("Республикасы")
    assert [w.text for w in windows(KEEP_TEXT, chars(50), keep=keep)] == [
        "Кеше министр Қазақстан Республикасы Үкіметінің",
        "отырысында баяндама жасады",
    ]


def test_keep_never_costs_a_window():
    """At 45 characters no cut outside the term gives two windows: the term is cut."""
    keep = [(KEEP_TEXT.index(TERM), KEEP_TEXT.index(TERM) + len(TERM))]
    assert [w.text for w in windows(KEEP_TEXT, chars(45), keep=keep)][0].endswith("Республикасы")


# --- edges and errors ------------------------------------------------------------------------------
def test_fitting_text_is_one_window_without_outer_whitespace():
    assert windows("  Сәлем, әлем!\n", chars(100)) == [Window(2, 14, "Сәлем, әлем!")]


def test_blank_text_has_no_windows():
    assert windows("", chars(1)) == []
    assert windows(" \n\t", chars(1)) == []


def test_a_character_that_does_not_fit_is_an_error():
    with pytest.raises(UsageError, match="does not fit"):
        windows("abc", lambda s: False)


def test_unknown_language_and_bad_text():
    with pytest.raises(UsageError, match="'kk' or 'en'"):
        windows("abc", chars(1), "ru")
    with pytest.raises(UsageError, match="str"):
        windows(b"abc", chars(1))  # type: ignore[arg-type]


def test_surrogate_pair_is_not_torn():
    # A lone pair as a str may reach us from surrogateescape decoding; cut around it while 2 fit.
    text = "ab\ud83d\ude00cd"
    assert [w.text for w in windows(text, chars(2))] == ["ab", "\ud83d\ude00", "cd"]


def test_join():
    assert join(["It rained,", "the streets flooded."], [" "]) == "It rained, the streets flooded."
    assert join(["It rained,", "the streets flooded."], ["\n  "]) == "It rained, the streets flooded."
    assert join(["https://example.org/", "kk"], [""]) == "https://example.org/kk"
    assert join([" It rained, ", "", " it stopped. "], [" ", " "]) == "It rained, it stopped."
    assert join([], []) == ""
    with pytest.raises(UsageError, match="one separator fewer"):
        join(["a", "b"], [])


def test_join_translated_windows_of_a_sentence():
    text = "Кеше кешке қалада қатты жаңбыр жауды, көшелерді су басты — көлік қозғалысы екі сағатқа тоқтады."
    wins = windows(text, chars(70))
    english = {"Кеше кешке қалада қатты жаңбыр жауды,": "Yesterday evening it rained hard in the city,"}
    pieces = [english.get(w.text, "the streets flooded — traffic stopped for two hours.") for w in wins]
    assert join(pieces, separators(text, wins)) == (
        "Yesterday evening it rained hard in the city, the streets flooded — traffic stopped for two hours."
    )


# --- invariants ------------------------------------------------------------------------------------
ALPHABET = st.one_of(
    st.sampled_from(list("аәбқңөүұі ab АӘB  ,;:.!?—–-«»()\u0301\u200d\n\t")),
    st.sampled_from(["және", "and", "бірақ", "but", " - ", "\ud83d\ude00", "👍🏽", "🇰🇿"]),
    st.characters(),
)
TEXTS = st.lists(ALPHABET, max_size=80).map("".join)


def _weighted(n: int):
    return lambda s: sum(2 if ord(c) > 127 else 1 for c in s) <= n


def _tokens(n: int):
    return lambda s: len(re.findall(r"\w+|[^\w\s]", s)) <= n


FITS = st.one_of(
    st.integers(1, 40).map(chars),
    st.integers(2, 40).map(_weighted),  # every code point fits from 2 on
    st.integers(1, 12).map(_tokens),
)


def check_invariants(text: str, wins: list[Window], fits) -> None:
    assert all(w.text and w.text == text[w.start : w.end] for w in wins)
    assert all(not w.text[0].isspace() and not w.text[-1].isspace() for w in wins)
    assert all(fits(w.text) for w in wins)
    assert all(a.end <= b.start for a, b in zip(wins, wins[1:]))
    seps = separators(text, wins)
    assert all(not s.strip() for s in seps)
    if not wins:
        assert not text.strip()
        return
    lead, tail = text[: wins[0].start], text[wins[-1].end :]
    assert not lead.strip() and not tail.strip()
    rebuilt = lead + "".join(w.text + s for w, s in zip(wins, seps)) + wins[-1].text + tail
    assert rebuilt == text
    assert join([w.text for w in wins], seps) == "".join(
        w.text + (" " if s else "") for w, s in zip(wins, seps)
    ) + wins[-1].text


@given(text=TEXTS, fits=FITS, lang=st.sampled_from(["kk", "en"]))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_invariants(text, fits, lang):
    check_invariants(text, windows(text, fits, lang), fits)


@given(text=TEXTS, fits=FITS, data=st.data())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_invariants_with_kept_spans(text, fits, data):
    bounds = st.integers(0, len(text))
    keep = data.draw(st.lists(st.tuples(bounds, bounds).map(sorted).map(tuple), max_size=4))
    wins = windows(text, fits, keep=keep)
    check_invariants(text, wins, fits)
    assert len(wins) == len(windows(text, fits))


def _greedy_count(units: list[str], fits) -> int:
    """How many pieces the longest-first cut makes of ``units`` joined by spaces (the fewest)."""
    count, i = 0, 0
    while i < len(units):
        j = i + 1
        while j < len(units) and fits(" ".join(units[i : j + 1])):
            j += 1
        count, i = count + 1, j
    return count


@given(words=st.lists(st.text("абвгқң,;—", min_size=1, max_size=8), min_size=1, max_size=40), n=st.integers(8, 60))
def test_fewest_windows_when_every_word_fits(words, n):
    text = " ".join(words)
    assert len(windows(text, chars(n))) == _greedy_count(words, chars(n))


@given(word=st.text("abcdefgh/-.", min_size=1, max_size=120), n=st.integers(1, 30))
def test_fewest_windows_inside_a_word(word, n):
    assert len(windows(word, chars(n))) == math.ceil(len(word) / n)


@given(size=st.integers(1, 300), n=st.integers(1, 40))
def test_balanced_inside_a_word(size, n):
    lengths = [len(w.text) for w in windows("x" * size, chars(n))]
    assert max(lengths) - min(lengths) <= 1


@given(text=TEXTS, n=st.integers(2, 30), salt=st.integers(0, 2**16))
@settings(max_examples=200, deadline=None)
def test_invariants_when_fits_is_not_monotone(text, n, salt):
    """Windows fit and cover the text even when ``fits`` says no to some pieces inside ones it took."""

    def fits(s: str) -> bool:
        return len(s) == 1 or (len(s) <= n and zlib.crc32(f"{salt}{s}".encode("utf-8", "surrogatepass")) % 3 != 0)

    check_invariants(text, windows(text, fits), fits)


# --- cost ------------------------------------------------------------------------------------------
WORDS = "Қазақстан Республикасы, жаңа бағдарлама туралы және алайда ғалымдар; зерттеу нәтижелері".split()


def _line(n: int, sep: str) -> str:
    out, size, i = [], 0, 0
    while size < n:
        out.append(WORDS[i % len(WORDS)])
        size += len(out[-1]) + len(sep)
        i += 1
    return sep.join(out)[:n]


def _cost(text: str, limit: int) -> tuple[int, int, int]:
    """(windows, calls of fits, characters given to fits) for at most ``limit`` characters."""
    calls = [0, 0]

    def fits(s: str) -> bool:
        calls[0] += 1
        calls[1] += len(s)
        return len(s) <= limit

    wins = windows(text, fits)
    check_invariants(text, wins, chars(limit))
    return len(wins), calls[0], calls[1]


@pytest.mark.parametrize("sep", [" ", ""], ids=["words", "no-spaces"])
def test_a_200000_character_line_costs_n_log_n(sep):
    """Counted, not timed: calls of ``fits`` grow with the number of windows times a log, and the
    characters given to it with the length times a log; four times the text costs about four times."""
    n, limit = 200_000, 400
    wins, calls, read = _cost(_line(n, sep), limit)
    assert wins <= 1.05 * n / limit + 2  # words are not cut: a little over n / limit
    assert calls <= 4 * wins * math.log2(n)
    assert read <= 4 * n * math.log2(limit)
    small_wins, small_calls, small_read = _cost(_line(n // 4, sep), limit)
    assert calls <= 5 * small_calls and read <= 5 * small_read
