"""Finding glossary terms in running text: Kazakh inflected forms and English renderings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkaligner.errors import GlossaryError
from kkaligner.glossary import Glossary
from kkaligner.lang.casing import fold, fold_kk
from kkaligner.glossary.matcher import find_forms, sentence_initial
from kkaligner.types import Match, Term


def T(source: str, target: str, **kw) -> Term:
    return Term(source=source, target=target, **kw)


GLOSSARY = Glossary(
    [
        T("Нұрсұлтан", "Nursultan"),
        T("Нұрсұлтан Назарбаев", "Nursultan Nazarbayev"),
        T("Назарбаев", "Nazarbayev"),
        T("Бәйтерек", "Baiterek", forbidden=("Bayterek",)),
        T("Союз-5", "Soyuz-5"),
        T("Байқоңыр", "Baikonur", alternatives=("Baikonur Cosmodrome",), forbidden=("Baykonur",)),
        T("Роскосмос", "Roscosmos"),
        T("Қазақстан", "Kazakhstan"),
        T("Мәскеу", "Moscow"),
        T("Ресей", "Russia"),
        T("Алма", "Alma"),
        T("Алматы", "Almaty"),
        T("Ертіс", "Irtysh"),
        T("Арал", "Aral"),
        T("Сыр", "Syr"),
        T("Өскемен", "Oskemen"),
        T("Іле", "Ili"),
        T("Үкімет", "Government"),
        T("Ұлытау", "Ulytau"),
        T("Ғалым", "Galym"),
        T("Һиджра", "Hijra"),
        T("Әл-Фараби", "Al-Farabi"),
        T("Ақтөбе", "Aktobe"),
        T("Болат", "Bolat", case_sensitive=True),
        T("Арман", "Arman"),
        T("Астана", "Astana"),
    ]
)


def found(text: str, lang: str = "kk", glossary: Glossary = GLOSSARY) -> list[tuple[str, str, str]]:
    """(surface, source, suffix) of every match, checking the Match invariants on the way."""
    out = []
    last_end = 0
    for m in glossary.match(text, lang=lang):
        assert isinstance(m, Match)
        assert m.surface == text[m.start : m.end]
        assert m.start >= last_end
        last_end = m.end
        assert m.lang == lang
        out.append((m.surface, m.term.source, m.suffix))
    return out


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Елбасы Нұрсұлтан Назарбаевтың есімі Байқоңырдағы «Бәйтерек» кешеніне берілді",
            [("Нұрсұлтан Назарбаевтың", "Нұрсұлтан Назарбаев", "тың"), ("Байқоңырдағы", "Байқоңыр", "дағы"),
             ("Бәйтерек", "Бәйтерек", "")],
        ),
        (
            '"Союз-5" зымыраны Байқоңырдан ұшады, Союз-5-тің сынағы Мәскеудегі Роскосмостың жоспарында',
            [("Союз-5", "Союз-5", ""), ("Байқоңырдан", "Байқоңыр", "дан"), ("Союз-5-тің", "Союз-5", "-тің"),
             ("Мәскеудегі", "Мәскеу", "дегі"), ("Роскосмостың", "Роскосмос", "тың")],
        ),
        (
            "\"Бәйтерек\" кешені мен «Бәйтерек» кешенінің құрылысы, Бәйтерегі туралы",
            [("Бәйтерек", "Бәйтерек", ""), ("Бәйтерек", "Бәйтерек", ""), ("Бәйтерегі", "Бәйтерек", "і")],
        ),
        (
            "Қазақстанның Президенті Назарбаевпен Ресейге барды",
            [("Қазақстанның", "Қазақстан", "ның"), ("Назарбаевпен", "Назарбаев", "пен"), ("Ресейге", "Ресей", "ге")],
        ),
        ("Союз-5тің ұшырылымы", [("Союз-5тің", "Союз-5", "тің")]),
        ("Нұрсұлтан қаласы", [("Нұрсұлтан", "Нұрсұлтан", "")]),
    ],
)
def test_real_sentences(text, expected):
    assert found(text) == expected


def test_longest_match_wins():
    got = found("Нұрсұлтан Назарбаев пен Нұрсұлтан")
    assert [s for s, _, _ in got] == ["Нұрсұлтан Назарбаев", "Нұрсұлтан"]
    assert found("Алматыда")[0][1] == "Алматы"  # not Алма + -тыда


@pytest.mark.parametrize(
    "text",
    [
        "Алмалы ауданы",  # -лы is derivation, not inflection
        "Ертістік балықшылар",
        "Аралбай ағай",  # a different name that begins with Арал
        "Сырдария өзені",
        "Астанаша емес, Астанатай",  # not a suffix chain
        "болат балқыту зауыты",  # case-sensitive Болат is a name, болат is steel
        "арман қуу",  # a capitalised lemma needs a capital: арман is 'dream'
        "Бәйтеректікпен",
    ],
)
def test_ordinary_words_and_longer_words_do_not_fire(text):
    assert all(src not in ("Алма", "Ертіс", "Арал", "Сыр", "Болат", "Арман", "Бәйтерек") for _, src, _ in found(text))


def test_river_and_city_still_match_in_their_own_forms():
    got = found("Арал теңізі, Аралдың тағдыры, Сырдың суы, Ертіске құяды, Алмаға барды")
    assert [s for s, _, _ in got] == ["Арал", "Аралдың", "Сырдың", "Ертіске", "Алмаға"]


def test_kazakh_case_mapping():
    text = "РЕСЕЙДІҢ ҚАЗАҚСТАННЫҢ ӨСКЕМЕНДЕ ІЛЕДЕ ҮКІМЕТІ ҺИДЖРА ҒАЛЫМНЫҢ ҰЛЫТАУДА ӘЛ-ФАРАБИДІҢ АҚТӨБЕДЕ"
    got = found(text)
    assert [src for _, src, _ in got] == [
        "Ресей", "Қазақстан", "Өскемен", "Іле", "Үкімет", "Һиджра", "Ғалым", "Ұлытау", "Әл-Фараби", "Ақтөбе",
    ]
    assert got[0][2] == "ДІҢ"  # the suffix as written
    for upper, lower in zip("ІҮҰӨӘҒҚҢҺ", "іүұөәғқңһ"):
        assert fold(upper) == lower and fold_kk(upper) == lower


def test_folding_keeps_length_and_maps_latin_lookalikes():
    text = "İstanbul Бәйтepeк"  # Turkish dotted capital I; Latin e and p inside a Cyrillic word
    assert len(fold(text)) == len(text) and len(fold_kk(text)) == len(text)
    assert fold_kk("Бәйтepeк") == "бәйтерек"
    assert found("Бәйтepeктің") == [("Бәйтepeктің", "Бәйтерек", "тің")]


def test_case_sensitive_entry_matches_its_letters_with_any_suffix_case():
    assert found("Болаттың досы") == [("Болаттың", "Болат", "тың")]
    assert found("БОЛАТТЫҢ досы") == []


def test_find_forms_for_one_lemma():
    got = find_forms("Қазақстан халқының және халықтың", "халық")
    assert [m.surface for m in got] == ["халқының", "халықтың"]
    assert got[0].suffix == "ының"


def test_match_rejects_non_text():
    with pytest.raises(GlossaryError, match="needs text"):
        GLOSSARY.match(b"bytes")  # type: ignore[arg-type]
    assert GLOSSARY.match("") == []
    assert Glossary.empty().match("Байқоңыр") == []


# --- English ---------------------------------------------------------------------------------


def test_english_renderings_possessive_plural_and_variants():
    text = "Baikonur's pads, two Baiterek rockets, the Baikonurs; Bayterek; Soyuz-5's engine. Baikonur Cosmodrome."
    got = GLOSSARY.match(text, lang="en")
    for m in got:
        assert m.surface == text[m.start : m.end]
    rows = [(m.surface, m.term.source, m.suffix, m.variant, m.forbidden) for m in got]
    assert rows == [
        ("Baikonur's", "Байқоңыр", "'s", "", False),
        ("Baiterek", "Бәйтерек", "", "", False),
        ("Baikonurs", "Байқоңыр", "s", "", False),
        ("Bayterek", "Бәйтерек", "", "Bayterek", True),
        ("Soyuz-5's", "Союз-5", "'s", "", False),
        ("Baikonur Cosmodrome", "Байқоңыр", "", "Baikonur Cosmodrome", False),
    ]


def test_english_is_word_bounded_and_case_insensitive_where_allowed():
    g = Glossary([T("Қазақстан", "Kazakhstan"), T("спутник", "satellite"), T("Бәйтерек", "Baiterek")])
    assert [m.surface for m in g.match("Kazakhstani firms; KAZAKHSTAN and Kazakhstans'", lang="en")] == [
        "KAZAKHSTAN", "Kazakhstans'",
    ]
    assert [m.surface for m in g.match("Satellites and a satellite's orbit; satellitex", lang="en")] == [
        "Satellites", "satellite's",
    ]
    assert g.match("baiterek in lower case is not the name", lang="en") == []


# --- invariants --------------------------------------------------------------------------------

_WORDS = ["Байқоңыр", "Байқоңырдағы", "Бәйтерегі", "Союз-5-тің", "Нұрсұлтан", "Назарбаевтың", "Алматыда",
          "Алма", "«", "»", '"', "-", "тің", "5", "ҚАЗАҚСТАН", "кешені", "Ертістік", " ", "\n", "ы"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=25).map(" ".join))
def test_matches_are_ordered_non_overlapping_slices_of_the_text(text):
    for lang in ("kk", "en"):
        last_end = 0
        for m in GLOSSARY.match(text, lang=lang):
            assert 0 <= m.start < m.end <= len(text)
            assert m.start >= last_end
            assert m.surface == text[m.start : m.end]
            assert m.surface.endswith(m.suffix)
            last_end = m.end


# --- document case evidence ------------------------------------------------------------------------

CASE = Glossary(
    [
        T("Азамат", "Azamat", kind="person"),
        T("Бірлік", "Birlik", kind="organisation"),
        T("Болат", "Bolat", kind="person", case_sensitive=True),
        T("Барыс", "Barys", kind="organisation"),
        T("Әл-Фараби", "Al-Farabi", kind="person"),
        T("Қуандық", "Kuandyk", kind="person"),
        T("Ақ Орда", "Akorda", kind="organisation"),
    ]
)


def sources(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.surface, m.term.source) for m in CASE.index("kk").find(text, **kw)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # no lower-case use in the text: the sentence-initial name matches, as on its own
        ("Азаматтар жиналды.", [("Азаматтар", "Азамат")]),
        ("Азамат келді. Ол Астанада тұрады.", [("Азамат", "Азамат")]),
        ("Бірлік партиясы құрылды.\nБірлік бүгін съезд өткізді.", [("Бірлік", "Бірлік"), ("Бірлік", "Бірлік")]),
        # the text uses the word in lower case: the sentence-initial capital is the sentence's
        ("Азаматтар жиналды. Бұл азаматтардың құқығы.", []),
        ("Білім мен бірлік керек.\nБірлігі бекем ел.", []),
        ("Бұл азаматтың ісі. — Азаматтар, тыныш!", []),
        ('Ол айтты: «Азаматтарымызды ойлаймыз», азамат ретінде.', []),
        # a case-sensitive entry follows the same rule; its lower-case evidence is болат "steel"
        ("Болат берік. Зауыт болат балқытады.", []),
        ("Болат келді. Ол зауытта істейді.", [("Болат", "Болат")]),
        # capitalised mid-sentence uses outweigh a lower-case one: the text is about the person
        ("Азамат келді. Біз Азаматпен сөйлестік, ол азамат ретінде сөйледі.", [("Азамат", "Азамат"), ("Азаматпен", "Азамат")]),
        # ... unless lower case is LOWER_RATIO times as frequent
        (
            "Азамат келді. Біз Азаматпен сөйлестік: азамат, азаматтар, азаматтық, азаматқа.",
            [("Азаматпен", "Азамат")],
        ),
        # mid-sentence capitals are not ambiguous, lower-case evidence or not
        ("Біз Азаматпен сөйлестік, ол азамат ретінде сөйледі.", [("Азаматпен", "Азамат")]),
        # a name in quotes on its own, a name before a surname or an honorific, a capital inside
        # the name, or all capitals: not a common word at the sentence start
        ("«Барыс» командасы жеңді. Жарыс барысында гол соқты.", [("Барыс", "Барыс")]),
        ("Азамат Жұмабеков келді. Бұл азаматтың ісі.", [("Азамат", "Азамат")]),
        ("Қуандық ата келді. Біз қуандық.", [("Қуандық", "Қуандық")]),
        ("Әл-Фараби ойшыл. Біз әл-Фарабиді оқыдық.", [("Әл-Фараби", "Әл-Фараби")]),
        ("Ақ Орда мәлімдеді. Біз ақ орда тіктік.", [("Ақ Орда", "Ақ Орда")]),
        ("АЗАМАТТАР ЖИНАЛДЫ. Бұл азаматтардың құқығы.", [("АЗАМАТТАР", "Азамат")]),
    ],
)
def test_document_case_evidence(text, expected):
    assert sources(text) == expected


def test_case_evidence_off_is_the_plain_match():
    text = "Азаматтар жиналды. Бұл азаматтардың құқығы."
    assert sources(text, case_evidence=False) == [("Азаматтар", "Азамат")]
    assert [m.surface for m in CASE.match(text)] == []  # Glossary.match weighs the evidence


@pytest.mark.parametrize(
    "text,start,initial",
    [
        ("Азамат келді", 0, True),
        ("Бұл ел. Азамат келді", 8, True),
        ("Бұл ел!  Азамат", 9, True),
        ("Бұл ел…Азамат", 7, True),
        ("бұл ел\nАзамат", 7, True),
        ("бұл ел\n  — Азамат", 11, True),
        ("Ол айтты: «Азамат", 11, True),
        ("Ол айтты. «Азамат", 11, True),
        ("Ол айтты: Азамат", 10, False),  # after a colon only direct speech opens a sentence
        ("Ол, Азамат", 4, False),
        ("Ол «Азамат", 4, False),
        ("Ол — Азамат", 5, False),
        ("(Қазақстан) Азамат", 12, False),
    ],
)
def test_sentence_initial_positions(text, start, initial):
    assert sentence_initial(text, start) is initial


_DOC_WORDS = ["Азамат", "Азаматтар", "азамат", "азаматтардың", "Азаматпен", "Бірлік", "бірлігі", "Болат",
              "болат", "ата", "Жұмабеков", "«", "»", ".", ",", ":", "—", "\n", "келді", "Ақ", "Орда", "орда"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DOC_WORDS), max_size=30).map(" ".join))
def test_case_evidence_only_removes_sentence_initial_matches(text):
    idx = CASE.index("kk")
    plain = idx.find(text, case_evidence=False)
    got = idx.find(text)
    keys = {(m.start, m.end, m.term.source) for m in plain}
    assert all((m.start, m.end, m.term.source) in keys for m in got)
    for m in plain:
        if (m.start, m.end, m.term.source) not in {(g.start, g.end, g.term.source) for g in got}:
            assert sentence_initial(text, m.start)
            assert any(ch.islower() for ch in text)  # there was lower-case evidence to weigh
    if not any(c.islower() for c in text):
        assert got == plain


def test_glossary_match_passes_the_case_evidence_switch():
    text = "Азаматтар жиналды. Бұл азаматтардың құқығы."
    assert [m.surface for m in CASE.match(text, case_evidence=False)] == ["Азаматтар"]
    assert CASE.match("Azamat came.", lang="en", case_evidence=False)[0].surface == "Azamat"


def test_match_sentences_offsets_index_each_sentence_and_the_document_is_the_evidence():
    sentences = ["Азаматтар жиналды.", "Бұл азаматтардың құқығы.", "Біз «Барыс» командасымен кездестік."]
    found = CASE.match_sentences(sentences)
    assert [[m.surface for m in ms] for ms in found] == [[], [], ["Барыс"]]
    for sentence, ms in zip(sentences, found):
        assert all(sentence[m.start : m.end] == m.surface for m in ms)
    # each sentence alone gives no evidence: the first one then matches
    assert [m.surface for m in CASE.match(sentences[0])] == ["Азаматтар"]


def test_match_sentences_drops_a_name_across_two_sentences():
    g = Glossary([T("Нұрсұлтан Назарбаев", "Nursultan Nazarbayev", kind="person")])
    assert g.match_sentences(["Бізге Нұрсұлтан", "Назарбаев келді."]) == [[], []]
    assert g.match_sentences([]) == []
    with pytest.raises(GlossaryError, match="str"):
        g.match_sentences(["ok", 3])
