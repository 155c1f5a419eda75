"""Names spelt as English texts spell them (kkaligner.lang.romanize): golden table and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kkaligner
from kkaligner.errors import UsageError
from kkaligner.lang.romanize import (
    EXCEPTIONS,
    LETTERS,
    TITLES,
    cyrillize,
    propose_latin,
    romanize,
)

# (Kazakh, English spelling, kind): spellings as akorda.kz, gov.kz and English Wikipedia print them.
GOLDEN = [
    ("Тоқаев", "Tokayev", "person"),
    ("Жұмағалиев", "Zhumagaliyev", "person"),
    ("Ерлан", "Yerlan", "person"),
    ("Әлихан", "Alikhan", "person"),
    ("Ұлытау", "Ulytau", "place"),
    ("Қызылорда", "Kyzylorda", "place"),
    ("Байтұрсынұлы", "Baitursynuly", "person"),
    ("Назарбаева", "Nazarbayeva", "person"),
    ("Смайылов", "Smailov", "person"),
    ("Қайрат", "Kairat", "person"),
    ("Мұхтар Әуезов", "Mukhtar Auezov", "person"),
    ("Жаңаөзен", "Zhanaozen", "place"),
    ("Маңғыстау", "Mangystau", "place"),
    ("Шиелі", "Shieli", "place"),
    ("Семей", "Semey", "place"),
    ("Сайрам", "Sayram", "place"),
    ("Бейнеу", "Beineu", "place"),
    ("Төле би", "Tole Bi", "person"),
    ("Қасым-Жомарт Тоқаев", "Kassym-Jomart Tokayev", "person"),
    ("Екібастұз", "Ekibastuz", "place"),
    ("Есенберлин", "Yesenberlin", "person"),
    ("Айгерім Қызы", "Aigerim Kyzy", "person"),
    ("ТОҚАЕВ", "TOKAYEV", ""),
    ("Солтүстік Қазақстан", "Soltustik Kazakhstan", "place"),
]


@pytest.mark.parametrize("kazakh,english,kind", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_spellings(kazakh, english, kind):
    assert romanize(kazakh, kind=kind) == english


def test_a_title_is_capitalised_only_after_a_name():
    assert romanize("Абылай хан") == "Abylay Khan"
    assert romanize("ол хан") == "ol khan"


def test_a_place_keeps_the_boards_y_and_a_person_the_press_i():
    assert romanize("Сайрам", kind="place") == "Sayram"
    assert romanize("Қайрат") == "Kairat"


def test_exceptions_say_where_they_come_from_and_can_be_turned_off():
    assert all(src for _spelling, src in EXCEPTIONS.values())
    assert romanize("Қарағанды") == "Karaganda"
    assert romanize("Қарағанды", exceptions=False) == "Karagandy"
    assert propose_latin("Қарағанды").by == "exception" and propose_latin("Қарағанды").checked
    assert propose_latin("Тоқаев").by == "rules" and not propose_latin("Тоқаев").checked


def test_other_text_is_kept_and_the_package_exports_it():
    assert romanize("«Бәйтерек» 2024-ші, iPhone") == "«Baiterek» 2024-shi, iPhone"
    assert kkaligner.romanize("Ақтау") == "Aktau"


def test_bad_arguments_say_what_to_do():
    with pytest.raises(UsageError, match="str"):
        romanize(None)
    with pytest.raises(UsageError, match="'person', 'place' or 'organisation'"):
        romanize("Ақтау", kind="city")


CYRILLIC = "".join(LETTERS)


@given(st.text(alphabet=CYRILLIC, min_size=1, max_size=20))
def test_output_is_latin_and_never_empty_for_a_name(word):
    name = word[0].upper() + word[1:]
    out = romanize(name)
    assert all(c.isascii() for c in out)
    if any(LETTERS[c] for c in word):
        assert out[:1].isupper()


@given(st.lists(st.text(alphabet=CYRILLIC, min_size=1, max_size=8), min_size=1, max_size=4))
def test_words_are_spelt_one_by_one(words):
    words = [w for w in words if w.casefold() not in EXCEPTIONS and w.casefold() not in TITLES]
    assert romanize(" ".join(words), exceptions=False) == " ".join(romanize(w, exceptions=False) for w in words)


# --- the reverse: English spelling -> Kazakh Cyrillic proposals ----------------------------------

EN_GOLDEN = [
    ("Trump", "Трамп"), ("Baker", "Бейкер"), ("Biden", "Байден"), ("Johnson", "Джонсон"),
    ("Smith", "Смит"), ("Blake", "Блейк"), ("James", "Джеймс"), ("Hunter", "Хантер"),
    ("Kate", "Кейт"), ("Mike", "Майк"), ("Kelly", "Келли"), ("Harris", "Харрис"),
    ("Clinton", "Клинтон"), ("Obama", "Обама"), ("Blinken", "Блинкен"), ("Miller", "Миллер"),
    ("Taylor", "Тейлор"), ("Sullivan", "Салливан"), ("Jones", "Джонс"), ("Bush", "Буш"),
    ("Hunter Biden", "Хантер Байден"),
]


@pytest.mark.parametrize("english,kazakh", EN_GOLDEN, ids=[g[0] for g in EN_GOLDEN])
def test_foreign_names_get_a_kazakh_spelling(english, kazakh):
    assert cyrillize(english).text == kazakh


def test_a_foreign_spelling_is_marked_a_proposal():
    p = cyrillize("Baker")
    assert p.by == "rules" and not p.checked and p.source == "Baker"
    assert cyrillize("Bush").by == "exception"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=15))
def test_a_foreign_name_comes_out_cyrillic(word):
    out = cyrillize(word.capitalize()).text
    assert out and not any("a" <= c <= "z" or "A" <= c <= "Z" for c in out)
