"""Sentence alignment: documents of 0, 1 and many sentences, very unequal lengths, every bead type,
and the invariant that links cover every sentence of each side once, in order."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kkaligner
from kkaligner.align import align_segments, align_sentences, split_documents
from kkaligner.errors import UsageError
from kkaligner.types import Link

# Five kk/en sentence pairs written for these tests: names, numbers and lengths vary.
KK = [
    "Байқоңыр ғарыш айлағынан 2024 жылы 17 зымыран ұшырылды.",
    "Роскосмос басшысы Юрий Борисов бұл туралы Мәскеуде мәлімдеді.",
    "Ол жаңа «Бәйтерек» кешенінің құрылысы 2026 жылы аяқталатынын айтты.",
    "Кешенге 300 миллион доллардан астам қаржы бөлінді.",
    "Жобаның келесі кезеңі Астанада талқыланады.",
]
EN = [
    "In 2024, 17 rockets were launched from the Baikonur cosmodrome.",
    "Roscosmos head Yuri Borisov announced this in Moscow.",
    "He said that construction of the new Baiterek complex would be completed in 2026.",
    "More than 300 million dollars have been allocated to the complex.",
    "The next stage of the project will be discussed in Astana.",
]


def pairs(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.source, link.target) for link in links]


def one_to_one(n: int):
    return [((i,), (i,)) for i in range(n)]


def test_clean_one_to_one():
    assert pairs(align_sentences(KK, EN)) == one_to_one(5)
    assert pairs(align_sentences(EN, KK, source_lang="en", target_lang="kk")) == one_to_one(5)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_empty_and_single(n):
    assert pairs(align_sentences(KK[:n], EN[:n])) == one_to_one(n)


def test_one_side_empty():
    assert pairs(align_sentences(KK[:2], [])) == [((0,), ()), ((1,), ())]
    assert pairs(align_sentences([], EN[:2])) == [((), (0,)), ((), (1,))]
    assert kkaligner.align("", "") == []


def test_one_to_zero():
    """A sentence left out of the translation: a 1-0 link, the rest 1-1."""
    en = EN[:2] + EN[3:]
    assert pairs(align_sentences(KK, en)) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,)), ((4,), (3,))]


def test_zero_to_one():
    kk = KK[:1] + KK[2:]
    assert pairs(align_sentences(kk, EN)) == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,)), ((3,), (4,))]


def test_one_to_two():
    """Two translated sentences for one source sentence (the translator split it)."""
    kk = [KK[0], KK[1] + " " + KK[2], KK[3], KK[4]]
    assert pairs(align_sentences(kk, EN)) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]


def test_two_to_one():
    en = [EN[0] + " " + EN[1], EN[2], EN[3], EN[4]]
    assert pairs(align_sentences(KK, en)) == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,)), ((4,), (3,))]


def test_deleted_and_merged_together():
    """The benchmark's perturbation: one sentence deleted on one side, two merged on the other."""
    kk = KK[:1] + KK[2:]  # KK[1] deleted
    en = [EN[0], EN[1], EN[2] + " " + EN[3], EN[4]]
    assert pairs(align_sentences(kk, en)) == [((0,), (0,)), ((), (1,)), ((1, 2), (2,)), ((3,), (3,))]


def test_very_unequal_lengths():
    """One short sentence against a long paragraph: every sentence still lands in one link."""
    long_en = " ".join(EN)
    links = align_sentences(KK[:1], [long_en])
    assert set(pairs(links)) in ({((0,), (0,))}, {((0,), ()), ((), (0,))})
    many = align_sentences(KK * 4, EN[:1])
    assert [i for link in many for i in link.source] == list(range(20))
    assert [j for link in many for j in link.target] == [0]


def test_long_document_uses_the_band():
    """Over 200 x 200 sentences the DP runs in a band; the result must be the same alignment."""
    kk = [f"{s[:-1]} ({k})." for k in range(50) for s in KK]
    en = [f"{s[:-1]} ({k})." for k in range(50) for s in EN]
    del en[123]
    links = align_sentences(kk, en)
    assert len(kk) * len(en) > 40_000
    assert ((123,), ()) in pairs(links)
    assert sum(1 for link in links if len(link.source) == len(link.target) == 1) == len(en)


def test_text_spans_and_scores():
    src, tgt = " ".join(KK), "\n".join(EN)
    links = kkaligner.align(src, tgt)
    assert pairs(links) == one_to_one(5)
    for link, kk, en in zip(links, KK, EN):
        assert src[slice(*link.source_span)] == kk
        assert tgt[slice(*link.target_span)] == en
        assert 0.0 <= link.score <= 1.0


def test_lines_mode_keeps_each_line_one_sentence():
    src = "Бірінші жол. Сол жолда екінші сөйлем.\n\nЕкінші жол\n"
    tgt = "First line. Second sentence on it.\nSecond line\n"
    s, t = split_documents(src, tgt, "kk", "en", lines=True)
    assert [x.text for x in s] == ["Бірінші жол. Сол жолда екінші сөйлем.", "Екінші жол"]
    links = kkaligner.align(src, tgt, lines=True)
    assert pairs(links) == one_to_one(2)
    assert src[slice(*links[1].source_span)] == "Екінші жол"


def test_glossary_anchors():
    g = kkaligner.Glossary.from_terms([kkaligner.Term("Жайық", "Ural")])
    links = kkaligner.align("Жайық өзені ұзын. Ол арнасы кең.", "The Ural is long. Its bed is wide.", glossary=g)
    assert pairs(links) == one_to_one(2)


def test_review_mode_prefers_dropping_an_unmatched_piece():
    s = split_documents("Зымыран 2024 жылы ұшты. Ұшу сәтті өтті деп хабарлады агенттік.", "x", "kk", "en", False)[0]
    t = split_documents("x", "The rocket took off in 2024.", "kk", "en", False)[1]
    assert pairs(align_segments(s, t, review=True)) == [((0,), (0,)), ((1,), ())]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: align_sentences("one text", ["a"]), "takes lists of sentences"),
        (lambda: align_sentences([1], ["a"]), "sentences must be strings"),
        (lambda: kkaligner.align("a", "b", source_lang="de"), "unknown source language 'de'; valid: 'kk' or 'en'"),
        (lambda: kkaligner.align("a", None), "the target document must be a str"),
    ],
)
def test_bad_arguments(call, message):
    with pytest.raises(UsageError, match=message):
        call()


_SENTENCE = st.text(alphabet=st.sampled_from(list("абвгқңөү abcxyz 0123456789.,«»()ABCБҚ")), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCE, max_size=12), st.lists(_SENTENCE, max_size=12))
def test_links_cover_every_sentence_once_in_order(source, target):
    links = align_sentences(source, target)
    assert [i for link in links for i in link.source] == list(range(len(source)))
    assert [j for link in links for j in link.target] == list(range(len(target)))
    for link in links:
        assert link.source or link.target
        assert 0.0 <= link.score <= 1.0
        assert (link.source_span is None) == (not link.source)
        assert (link.target_span is None) == (not link.target)
        # consecutive indices: a link is a block of each side
        assert list(link.source) == list(range(link.source[0], link.source[0] + len(link.source))) if link.source else True
        assert list(link.target) == list(range(link.target[0], link.target[0] + len(link.target))) if link.target else True


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCE, min_size=1, max_size=8), st.lists(_SENTENCE, min_size=1, max_size=8))
def test_text_links_cover_every_sentence_and_spans_are_ordered(source, target):
    src, tgt = " ".join(source), "\n".join(target)
    links = kkaligner.align(src, tgt)
    s, t = split_documents(src, tgt, "kk", "en", False)
    assert [i for link in links for i in link.source] == list(range(len(s)))
    assert [j for link in links for j in link.target] == list(range(len(t)))
    starts = [link.source_span[0] for link in links if link.source_span]
    assert starts == sorted(starts)
    for link in links:
        if link.source_span:
            assert link.source_span == (s[link.source[0]].start, s[link.source[-1]].end)


# The seed lexicon (data/align-lexicon-kk-en.tsv): inflected Kazakh words and English word forms
# meet on one concept; a short stem does not match the start of an unrelated word.
@pytest.mark.parametrize(
    "kk, en, same",
    [
        ("2024 жылы", "in the year", True),
        ("қаңтарда", "in January", True),
        ("соғыстан кейін", "after the wars", True),
        ("судың", "the water", True),
        ("сурет", "water", False),  # су- is water only with a case ending after it
        ("өзендер", "rivers", True),
        ("айтты", "he said", True),
        ("кітап", "the river", False),
        # function words and everyday words of the second part of the file
        ("Бұл тек бір рет болды", "it happened only once", True),
        ("ғаламның кеңеюі", "the expansion of the universe", True),
        ("ол оны тапты", "he found it", True),
        ("табысы өсті", "he found it", False),  # табыс (income) is not таб- (find)
        ("құлағы ауырды", "the tower fell", False),  # құлақ (ear): құла- only as whole forms
        ("салық төлеушілер", "taxpayers paid the taxes", True),
        ("судың көлемі", "the volume of water", True),
        ("маусымда", "in the rainy season", True),
        ("шешесі", "he decided", False),  # шеше (mother): шеш- (decide) only as whole forms
    ],
)
def test_lexicon_concepts(kk, en, same):
    from kkaligner.align import _concepts

    assert bool(_concepts(kk, "kk") & _concepts(en, "en")) == same


def test_lexicon_file_is_well_formed():
    from importlib import resources

    text = resources.files("kkaligner").joinpath("data/align-lexicon-kk-en.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) > 300
    for row in rows:
        left, right = row.split("\t")
        for word in [*left.split("|"), *right.split("|")]:
            word = word.strip()
            assert word and " " not in word, f"one word per entry: {row!r}"
            assert word == word.casefold(), f"lower case: {row!r}"


def _moves(path):
    return [(i, j, move) for i, j, move, _ in path]


def test_lone_sentence_goes_where_the_evidence_is():
    """A 1-0 bead next to a 1-1 bead: the sentence that shares names and numbers with the target
    sentence keeps the pair, the other one is the sentence left out (either order, either side)."""
    from kkaligner.align import _features, _place_nulls

    x = "Юрий Борисов 2024 жылы Мәскеуде жаңа жоспарды жариялады."
    y = "Ауа райы күні бойы өте жылы әрі ашық болды."
    z = "Yuri Borisov announced the new plan in Moscow in 2024."
    f = lambda s, lang: _features(s, lang, None)  # noqa: E731
    wrong = [(0, 0, (1, 0), 5.6), (1, 0, (1, 1), 0.5)]  # x left out, y ~ z
    placed = _place_nulls(wrong, [len(x), len(y)], [len(z)], [f(x, "kk"), f(y, "kk")], [f(z, "en")], 0.97)
    assert _moves(placed) == [(0, 0, (1, 1)), (1, 1, (1, 0))]
    wrong = [(0, 0, (1, 1), 0.5), (1, 1, (1, 0), 5.6)]  # source [y, x]: y ~ z, x left out
    placed = _place_nulls(wrong, [len(y), len(x)], [len(z)], [f(y, "kk"), f(x, "kk")], [f(z, "en")], 0.97)
    assert _moves(placed) == [(0, 0, (1, 0)), (1, 0, (1, 1))]
    # the mirror case on the target side, and a placement that is already right stays
    wrong = [(0, 0, (0, 1), 5.6), (0, 1, (1, 1), 0.5)]
    placed = _place_nulls(wrong, [len(z)], [len(x), len(y)], [f(z, "en")], [f(x, "kk"), f(y, "kk")], 1 / 0.97)
    assert _moves(placed) == [(0, 0, (1, 1)), (1, 1, (0, 1))]
    right = [(0, 0, (1, 1), 0.5), (1, 1, (1, 0), 5.6)]
    assert _moves(_place_nulls(right, [len(x), len(y)], [len(z)], [f(x, "kk"), f(y, "kk")], [f(z, "en")], 0.97)) == _moves(right)


def test_an_unrelated_pair_costs_more_than_a_related_one():
    """Placing a lone sentence: a pair that shares no anchor pays what a merged member without
    evidence pays, on top of its anchor cost."""
    from kkaligner.align import _SUPPORT, _UNSUPPORTED, _bonus, _features, _pair_cost

    z = _features(EN[1], "en", None)
    related, unrelated = _features(KK[1], "kk", None), _features("Ауа райы күні бойы өте жылы әрі ашық болды.", "kk", None)
    assert _bonus(related, z) >= _SUPPORT > _bonus(unrelated, z)
    assert _pair_cost(60, 55, unrelated, z, 0.97) - _pair_cost(60, 55, related, z, 0.97) > _UNSUPPORTED
