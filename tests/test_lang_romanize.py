"""Names spelt as English texts spell them (kkaligner.lang.romanize): golden table and properties."""

from __future__ import annotations

from pathlib import Path

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kkaligner
from kkaligner.errors import UsageError
from kkaligner.glossary import Glossary
from kkaligner.lang.romanize import (
    EXCEPTIONS,
    LETTERS,
    PLACE_HEADS,
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
    ("Солтүстік Қазақстан", "North Kazakhstan", "place"),  # the exonym inside a name; the compass word in English
    ("Бейімбет", "Beimbet", "person"),
    ("Нұрпейісова", "Nurpeisova", "person"),
    ("Тайынша", "Tayynsha", "place"),
    ("Ильин", "Ilyin", "person"),
    ("Рудный", "Rudny", "place"),
    ("Горький", "Gorky", ""),
    ("Геннадий", "Gennady", "person"),
    ("Александр", "Alexander", "person"),
    ("Юлия", "Yulia", "person"),
    ("Василий", "Vassiliy", "person"),
    ("Александрдың", "Alexanderdyn", "person"),
    ("Александровка", "Aleksandrovka", "place"),
    # foreign names as Kazakh texts spell them, back to their own spelling; one Kazakhstanis share in
    # its Russian form keeps the rules' (Артур Artur)
    ("Джон Грант", "John Grant", "person"),
    ("Стив Джобс", "Steve Jobs", "person"),
    ("Уильям Шекспир", "William Shakespeare", "person"),
    ("Си Цзиньпин", "Xi Jinping", "person"),
    ("Дональд Трамп", "Donald Trump", "person"),
    ("Джо Байден", "Joe Biden", "person"),
    ("Барак Обама", "Barack Obama", "person"),
    ("Кир Стармер", "Keir Starmer", "person"),
    ("Илон Маск", "Elon Musk", ""),
    ("Кир", "Kir", "person"),  # Кир alone is Cyrus too: Keir only in the whole name (Кир Стармер)
    ("Артур", "Artur", "person"),
    ("Джонсон", "Johnson", "place"),  # a foreign name whatever it names
    ("Джордж Смит", "George Smith", "person"),  # the commonest surnames of world news
    ("Кристофер Гарсия", "Christopher Garcia", "person"),
    ("Мария Родригес", "Maria Rodriguez", "person"),
    ("Шимон Перес", "Shimon Peres", "person"),  # one Cyrillic spelling of two names (Peres, Perez): the rules'
    ("Сэр Ричард Брэнсон", "Sir Richard Branson", "person"),
    ("Мэлс", "Mels", "person"),  # э is e where no table says otherwise (Мэлс Елеусізов)
    ("АрселорМиттал Теміртау", "ArselorMittal Temirtau", "organisation"),  # capitals inside a word stay
    ("ҚазМұнайГаздың", "KazMunayGazdyn", ""),
    ("Сергеевка", "Sergeyevka", "place"),
    ("Өтемұратов", "Utemuratov", "person"),
    ("Төлегенова", "Tulegenova", "person"),
    ("Өтемұратовтың", "Utemuratovtyn", "person"),
    ("Ілияс", "Ilyas", "person"),
    ("Бейбіт", "Beibut", "person"),
    ("Бақыт", "Bakhyt", "person"),
    ("Бақыттың", "Bakhyttyn", "person"),
    ("Әсет", "Asset", "person"), ("Ләззат", "Lyazzat", "person"), ("Күләш", "Kulyash", "person"),
    ("Ықылас Дүкенұлы", "Ykylas Dukenuly", "person"), ("Шаһкәрім", "Shakarim", "person"),  # the bearer's spelling keeps y (ы opening a word is i)
    ("Урсула фон дер Ляйен", "Ursula von der Leyen", "person"),
    ("фон", "fon", ""),
]


# ы opening a word is i, as the Russian spelling's и (Искаков, Иргиз) that English follows: the
# rules' own spelling of names the table also has
@pytest.mark.parametrize("kazakh,english,kind", [
    ("Ысқақов", "Iskakov", "person"), ("Ысмайылов", "Ismailov", "person"), ("Ысқақ", "Iskak", "person"),
    # ... and the ы of the next syllable goes, as in the Russian spelling (Ибраимов)
    ("Ыбырайымов", "Ibraimov", "person"), ("Ыбырай", "Ibray", "person"),
])
def test_y_opening_a_word_is_i(kazakh, english, kind):
    assert romanize(kazakh, kind=kind, exceptions=False) == english


def test_a_german_name_s_particle_is_written_as_german_writes_it_in_a_person_s_name_only():
    assert romanize("Урсула фон дер Ляйен", kind="person", exceptions=False).startswith("Ursula von der ")
    assert romanize("Қазақстан фон Алматы", kind="place") == "Kazakhstan fon Almaty"


@pytest.mark.parametrize("kazakh,english,kind", GOLDEN, ids=[g[0] for g in GOLDEN])
def test_golden_spellings(kazakh, english, kind):
    assert romanize(kazakh, kind=kind) == english


def test_a_title_is_capitalised_only_after_a_name():
    assert romanize("Абылай хан", exceptions=False) == "Abylay Khan"
    assert romanize("Абылай хан") == "Ablai Khan"  # the exceptions table's, as a whole
    assert romanize("Біржан сал") == "Birzhan Sal" and romanize("Ақан сері") == "Akan Seri"
    assert romanize("ол хан") == "ol khan" and romanize("ол сал") == "ol sal"


def test_a_body_s_head_written_bare_is_translated_as_its_possessive_is():
    # a foreign body's name as Kazakh news writes it, the head without the possessive
    assert romanize("Мемлекеттік департамент", kind="organisation") == "State Department"
    assert romanize("Мемлекеттік департаменті", kind="organisation") == "State Department"
    assert romanize("Ұлттық құрылтай", kind="organisation") == "National Kurultai"  # akorda.kz/en


def test_a_body_named_after_a_name_of_the_table_keeps_its_spaces():
    assert romanize("әл-Фараби атындағы Қазақ ұлттық университеті", kind="organisation") == "Al-Farabi Kazakh National University"


def test_a_place_s_words_are_all_capitalised():
    assert romanize("Жібек жолы", kind="place") == "Zhibek Zholy" and romanize("Жібек жолы") == "Zhibek zholy"
    # but a foreign name's particle, and a street's, a square's or an airport's word is English
    assert romanize("Шарль де Голль әуежайы", kind="place", exceptions=False) == "Sharl de Goll Airport"
    assert romanize("Шарль де Голль әуежайы", kind="place") == "Charles de Gaulle Airport"  # the table's person
    assert romanize("Сейфуллин көшесі", kind="place") == "Seifullin Street" and romanize("Абай даңғылы", kind="place") == "Abai Avenue"


def test_an_arabic_name_s_particles_are_the_english_press_s():
    assert romanize("Салман бен Әбделазиз Әл Сауд", kind="person") == "Salman bin Abdelaziz Al Saud"
    assert romanize("Мұхаммед ибн Салман") == "Mukhammed ibn Salman"
    # "and" between two bodies, a place's word, a particle opening the text: no particle
    assert romanize("Ақ жол бен Ауыл", kind="organisation") == "Ak Zhol ben Auyl"
    assert romanize("бен Әли") == "ben Ali"
    # after ж, з бен is Kazakh's "and", unless the name goes on as an Arabic one
    assert romanize("Тараз бен Шымкент") == "Taraz ben Shymkent"
    assert romanize("Абдулазиз бен Салман Әл Сауд", kind="person") == "Abdulaziz bin Salman Al Saud"
    assert romanize("Абдулазиз бен Салман", kind="person") == "Abdulaziz bin Salman"  # one person's name


def test_a_work_s_or_a_programme_s_name_is_capitalised_word_by_word():
    assert romanize("Нұрлы жол", kind="name") == "Nurly Zhol" and romanize("Нұрлы жол") == "Nurly zhol"


def test_a_foreign_name_s_table_spells_capitalised_words_only():
    assert romanize("Пол Маккартни") == "Paul Makkartni" and romanize("Ол пол жуды") == "Ol pol zhudy"
    assert cyrillize("Neil Young").text == "Неил Янг" and cyrillize("young").text != "янг"


def test_a_word_of_no_stated_kind_keeps_a_person_s_conventions():
    # a lone word may be a given name no list has (Ердос, Айзере): only a stated kind makes a place
    assert romanize("Ердос") == "Yerdos" and romanize("Айзере") == "Aizere"
    assert romanize("Есік", kind="place") == "Esik" and romanize("Тайынша", kind="place") == "Tayynsha"


def test_a_place_keeps_the_boards_y_and_a_person_the_press_i():
    assert romanize("Сайрам", kind="place") == "Sayram"
    assert romanize("Қайрат") == "Kairat"


def test_the_russian_form_u_for_o_is_a_surname_s_and_a_kazakh_given_name_a_person_s():
    # ө is u only in a surname of the Russian form (-ов, -ев, -ин); other words keep o
    assert romanize("Оралхан Бөкей", kind="person") == "Oralkhan Bokey"
    assert romanize("Ақтөбе", kind="place", exceptions=False) == "Aktobe"
    assert romanize("Төлебаев", kind="place") == "Tolebayev"
    # ... the surname of a person, or of a name of no stated kind, inflected too
    assert romanize("Төлегенова") == "Tulegenova"
    assert romanize("Төлебаевтың", kind="person") == "Tulebayevtyn"
    # a given name's conventional form is a person's: a place and an organisation keep the rules
    assert romanize("Бейбіт", kind="place") == "Beibit"
    assert romanize("Бейбіт", kind="person") == "Beibut"
    assert romanize("«Бейбіт» қоры", kind="organisation") == "Beibit Fund"
    assert romanize("Төлебаев", kind="organisation") == "Tolebayev"


def test_exceptions_say_where_they_come_from_and_can_be_turned_off():
    rows = [r for rs in EXCEPTIONS.values() for r in rs]
    assert len(rows) >= 200
    assert all(r.source and r.english and r.kind in ("", "person", "place") for r in rows)
    assert romanize("Қарағанды") == "Karaganda"
    assert romanize("Қарағанды", exceptions=False) == "Karagandy"
    assert propose_latin("Қарағанды").by == "exception" and propose_latin("Қарағанды").checked
    assert propose_latin("Жұмағалиев").by == "rules" and not propose_latin("Жұмағалиев").checked
    # a published place's name opening a body's name spelt by rule makes no published name
    assert propose_latin("Орал трансформатор зауыты", "organisation").by == "rules"
    assert propose_latin("Шымкент цемент зауыты", "organisation").by == "rules"
    assert propose_latin("Атырау мұнай өңдеу зауыты", "organisation").text == "Atyrau Refinery"  # the table has it whole
    assert propose_latin("Солтүстік Қазақстан облысы", "place").by == "exception"
    assert propose_latin("Тоқаев Қасым-Жомарт Кемелұлы", "person").by == "exception"


# The world's countries and territories: the shipped glossary's CLDR names (its English press
# forms), read by romanize from there; among words spelt one by one, spelt too (no half-translation).
COUNTRIES = [
    ("Ресей", "Russia"),
    ("Қытай", "China"),
    ("Өзбекстан", "Uzbekistan"),
    ("Ұлыбритания", "United Kingdom"),
    ("Біріккен Араб Әмірліктері", "United Arab Emirates"),
    ("Оңтүстік Корея", "South Korea"),
    ("Түркия", "Turkey"),  # the press's form; CLDR's Türkiye is an alternative
    ("Аустрия", "Austria"),  # CLDR's Kazakh name
    ("Австрия", "Austria"),  # the press's
    ("Сан-Марино", "San Marino"),
    ("Кюрасао", "Curaçao"),  # a territory (CLDR)
    ("Мәскеу", "Moscow"),  # the romanization table's own row
    ("АҚШ", "United States"),  # an initialism the glossary names
    ("АҚШ-тың", "United States"),  # its case ending after a hyphen goes too
    ("АҚШ-ның", "United States"),  # ... as the letters' names are read too
    ("Ресей-Украина", "Russia-Ukraine"),  # every word a country's
]


@pytest.mark.parametrize("kazakh,english", COUNTRIES, ids=[k for k, _ in COUNTRIES])
def test_a_country_s_name_is_the_glossary_s(kazakh, english):
    assert romanize(kazakh, kind="place") == english
    assert romanize(kazakh) == english


# A place's name the table or the glossary gives takes no Kazakh case ending in English, as a
# generic word English translates takes none; with another ending (-дағы "the one in", a possessive)
# the word is spelt by rule; a person's name keeps its ending, spelt by rule after the table's stem.
PLACE_FORMS = [
    ("Мәскеудің", "Moscow"),
    ("Ресейде", "Russia"),
    ("Америка Құрама Штаттарының", "United States"),
    ("Кеңес Одағының", "Soviet Union"),
    ("Жаңа Зеландияда", "New Zealand"),
    ("Омбыда", "Omsk"),
    ("Алматыда", "Almaty"),
    ("Қарағандыда", "Karaganda"),
    ("Германияда", "Germany"),
    ("Сауд Арабиясында", "Saudi Arabia"),  # a case after the name's possessive
    ("Мәскеудегі", "Maskeudegi"),
    ("Қазақстанда", "Kazakhstan"),  # a country the table has with no kind
    ("Қазақстандағы", "Kazakhstandagy"),  # ... keeps another ending after its stem, as a name of any kind does
    ("Алматы облысындағы", "Almaty Region"),  # after a generic word English translates, any ending goes
    ("Нидерланды", "Niderlandy"),
    ("Назарбаевтың", "Nazarbayevtyn"),
]


@pytest.mark.parametrize("kazakh,english", PLACE_FORMS, ids=[k for k, _ in PLACE_FORMS])
def test_a_place_s_name_takes_no_kazakh_case_ending(kazakh, english):
    assert romanize(kazakh) == english


def test_every_country_of_the_glossary_is_spelt_as_the_glossary_writes_it():
    from kkaligner.glossary import Glossary

    countries = [t for t in Glossary.default().terms if t.kind == "country" and not any(len(w) > 1 and w.isupper() for w in t.source.split())]
    assert len(countries) > 200
    assert [(t.source, romanize(t.source, kind="place")) for t in countries if romanize(t.source, kind="place") != t.target] == []
    assert romanize("Ресей", exceptions=False) == "Resey"


# A surname of the table in its other forms: feminine, joined patronymic, inflected; kinds apart.
TABLE_FORMS = [
    ("Мәсімов", "", "Massimov"),
    ("Мәсімова", "", "Massimova"),
    ("Назарбаева", "person", "Nazarbayeva"),
    ("Құлыбаева", "person", "Kulibayeva"),
    ("Досаевтың", "", "Dossayevtyn"),
    ("Сағынтаевқа", "", "Sagintayevka"),
    ("Қасым-Жомарт Тоқаевтың", "person", "Kassym-Jomart Tokayevtyn"),
    ("Абай Құнанбайұлы", "person", "Abai Qunanbaiuly"),
    ("Қонаев", "person", "Kunaev"),
    ("Қонаев", "place", "Konaev"),
    ("Дінмұхамед Қонаев", "person", "Dinmukhamed Kunaev"),
    ("Даниал Ахметов", "person", "Daniyal Akhmetov"),
    ("Даниал Ахметовтың", "person", "Daniyal Akhmetovtyn"),
    ("Солтүстік Қазақстан облысы", "place", "North Kazakhstan Region"),
    ("МӘСІМОВ", "", "MASSIMOV"),
]


@pytest.mark.parametrize("kazakh,kind,english", TABLE_FORMS, ids=[f"{g[0]}-{g[1]}" for g in TABLE_FORMS])
def test_a_name_of_the_table_keeps_its_spelling_in_its_other_forms(kazakh, kind, english):
    assert romanize(kazakh, kind=kind) == english
    assert propose_latin(kazakh, kind).checked


def test_a_given_name_of_the_table_is_spelt_its_way_only_with_its_surname():
    assert romanize("Даниал Ахметов", kind="person") == "Daniyal Akhmetov"
    assert romanize("Даниал Серікұлы", kind="person") == "Danial Serikuly"


def test_a_place_s_generic_word_is_english_and_a_table_word_inside_a_name_is_not_taken():
    assert romanize("Ақтөбе облысы", kind="place") == "Aktobe Region"
    assert romanize("Балқаш көлі", kind="place") == "Lake Balkhash"
    assert romanize("Ертіс өзені", kind="place") == "Irtysh River"
    assert romanize("Балқаш-Алакөл бассейні", kind="place") == "Balkhash-Alakol Basin"  # a water basin
    assert romanize("Қарасай ауданы", exceptions=False) == "Karasay District"
    assert romanize("ол облысы") == "ol oblysy"
    assert romanize("Аралбаев") == "Aralbayev"  # Арал + баев is no ending of Арал
    assert romanize("Екібастұз", kind="place", exceptions=False) == "Ekibastuz"
    assert romanize("Ерлан", kind="person") == "Yerlan"


@pytest.mark.parametrize(
    ("kazakh", "kind", "english"),
    [
        # Kazakh joins a foreign place's first word by a hyphen; English writes it apart
        ("Лас-Пальмас", "place", "Las Palmas"),
        ("Рио-Гранде", "", "Rio Grande"),
        ("Лос-Аламос", "place", "Los Alamos"),
        ("Санта-Фе", "place", "Santa Fe"),
        ("САНТА-ФЕ", "place", "SANTA FE"),
        ("Сан Ремо", "place", "San Remo"),  # a place's, with a space
        ("Нью-Гэмпшир", "place", "New Hampshire"),  # the table's row
        ("Нью Мехико", "place", "New Mexico"),  # the table's row, written with a space
        ("Сан-Франсиско", "", "San Francisco"),
        ("Санта-Кларада", "place", "Santa Clara"),  # in a case
        ("Сент-Луис", "place", "St. Louis"),
        ("Санкт-Петербург", "place", "Saint Petersburg"),
        ("Форт-Шевченко", "place", "Fort-Shevchenko"),  # a Kazakhstani town keeps its hyphen in English
        ("Пуэрто-Плата", "place", "Puerto Plata"),
        # not a person's name, nor Сан "number" with a space where no kind is said
        ("Сан-Жан", "person", "San-Zhan"),
        ("Сан Ремо", "", "San Remo"),
    ],
)
def test_a_foreign_place_s_first_word_stands_apart(kazakh, kind, english):
    assert romanize(kazakh, kind=kind) == english


@pytest.mark.parametrize(
    ("english", "kind", "kazakh"),
    [
        ("Las Palmas", "place", "Лас-Палмас"),
        ("Los Alamos", "place", "Лос-Аламос"),
        ("St. Louis", "place", "Сент-Луис"),  # the table's row
        ("St. Moritz", "place", "Сент-Моритз"),
        ("Los Alamos", "", "Лос Аламос"),  # a place's only: New is also a party's, a film's
    ],
)
def test_a_foreign_place_s_first_word_is_hyphened_read_back(english, kind, kazakh):
    assert cyrillize(english, kind).text == kazakh


def test_world_figures_are_named_as_english_names_them_both_ways():
    # whole names are the table's, both ways; a surname alone is the shipped glossary's (a row's one
    # word would apply inside any person's name: Асқар Гомер)
    assert romanize("Галилео Галилей", kind="person") == "Galileo Galilei"
    assert cyrillize("Albert Einstein", "person").text == "Альберт Эйнштейн"
    assert romanize("Асқар Гомер", kind="person") == "Askar Gomer"
    assert {(t.source, t.target) for t in Glossary.default() if t.source in ("Гомер", "Пифагор", "Альберт Эйнштейн")} == {
        ("Гомер", "Homer"), ("Пифагор", "Pythagoras"), ("Альберт Эйнштейн", "Albert Einstein")}  # and the whole names
    # a given name in use is a row only whole; read back, a row word for word only (not Timur Әмір Темір)
    assert romanize("Платон Лебедев", kind="person") == "Platon Lebedev"
    assert romanize("Карл Маркс", kind="person") == "Karl Marx"
    assert cyrillize("Timur", "person").text != "Әмір Темір"


def test_given_names_of_world_news_are_spelt_as_english_writes_them():
    assert romanize("Карлос Гомес", kind="person") == "Carlos Gomes"
    assert romanize("Лука Модрич", kind="person") == "Luka Modrich"  # Лука is Luca and Luka: the rules'
    assert romanize("Мишель Обама", kind="person") == "Mishel Obama"  # Michel and Michelle
    assert romanize("Франсуа Олланд", kind="person") == "François Olland"
    assert romanize("Юрген Клопп", kind="person") == "Jürgen Klopp"
    assert romanize("Филипп Кириллов", kind="person") == "Filipp Kirillov"  # a Kazakhstani's Russian name
    assert cyrillize("Carlos Santana", "person").text.startswith("Карлос ")


def test_a_loanword_head_read_back_bare_keeps_its_double_consonant():
    assert cyrillize("National Congress", "organisation").text == "Ұлттық конгресс"  # конгресі, but конгресс
    # a field the table knows before a word it lacks, after "of": a name's words, the head read
    assert cyrillize("Association of Investment Funds", "organisation").text.endswith(" қауымдастығы")


def test_ancient_before_a_place_of_the_table_is_english():
    assert romanize("Ежелгі Мысыр", kind="place") == "Ancient Egypt"
    assert romanize("ЕЖЕЛГІ МЫСЫР", kind="place") == "ANCIENT EGYPT"  # a heading's capitals
    assert romanize("Ежелгі Римде") == "Ancient Rome"
    assert romanize("Ежелгі Жасыбай", kind="place") == "Ezhelgi Zhasybay"  # no half-translation of a name spelt by rule
    assert romanize("Үлкен Алматы көлі", kind="place") == "Big Almaty Lake"
    assert romanize("Ежелгі Тараз", kind="place") != "Ancient Taraz"  # a city: ancient Taraz, itself the name
    assert romanize("Орта Еуропа", kind="place") == "Central Europe"  # a modifier and a continent: the table's rows


@pytest.mark.parametrize(
    ("kazakh", "english"),
    [
        ("Солтүстік және Оңтүстік Корея", "North and South Korea"),
        ("Орталық және Шығыс Азия", "Central and East Asia"),
        ("Солтүстік және Оңтүстік Италия", "Northern and Southern Italy"),  # the second's form
        ("Солтүстік және Оңтүстік Тәжік", "Soltustik zhane Ontustik Tazhik"),  # no name of its own after them
    ],
)
def test_two_compass_words_and_a_name_are_one_name_both_ways(kazakh, english):
    assert romanize(kazakh, kind="place") == english
    if not english.startswith("Soltustik"):
        assert cyrillize(english, "place").text == kazakh


def test_a_compass_word_opening_a_place_s_name_is_english():
    # where the rest has a rendering of its own (the exceptions table's, a caller's)
    assert romanize("Солтүстік Қазақстан", kind="place") == "North Kazakhstan"
    assert romanize("Орталық Қазақстан", kind="place") == "Central Kazakhstan"
    assert romanize("Солтүстік Ирландия", kind="place", names={"Ирландия": "Ireland"}) == "Northern Ireland"
    # a part of a country takes the adjective, a state the compass word (Southern Italy, South Korea)
    assert romanize("Оңтүстік Италия", kind="place") == "Southern Italy"
    assert romanize("Шығыс Украина", kind="place") == "Eastern Ukraine"
    assert romanize("Солтүстік Сирия", kind="place") == "Northern Syria"  # any of the glossary's countries
    assert romanize("Батыс Германия", kind="place") == "West Germany"  # the table's: a state's name
    # ... in a case too, the whole name's read first (Оңтүстік Кореяда South Korea)
    assert romanize("Оңтүстік Италияда", kind="place") == "Southern Italy"
    assert romanize("Оңтүстік Кореяда") == "South Korea"
    assert romanize("Шығыс Германияда", kind="place") == "East Germany"
    assert romanize("Оңтүстік Қытай теңізі", kind="place") == "South China Sea"  # the table's names
    assert romanize("Оңтүстік Вьетнам", kind="place") == "South Vietnam"
    assert cyrillize("Southern Italy", "place").text == "Оңтүстік Италия"
    # read back, the table's row first: Georgia the country (its row stands before the US state's),
    # Hong Kong as Kazakh news writes it, not CLDR's Сянган АӘА
    assert cyrillize("Georgia", "place").text == "Грузия"
    assert cyrillize("Hong Kong", "place").text == "Гонконг"
    # with no kind stated, where the table says the rest is a place's
    assert romanize("Солтүстік Ирландия") == "Northern Ireland"
    assert romanize("Оңтүстік Қазақстан") == "South Kazakhstan"
    # not before common words or a name spelt by rule (no half-translation), nor outside a place's name
    assert romanize("Оңтүстік Тынық мұхиты", kind="place") == "South Pacific Ocean"
    assert romanize("Орталық Базар", kind="place") == "Ortalyk Bazar"
    assert romanize("Оңтүстік Осетияда", kind="place") == "Ontustik Osetiyada"
    assert romanize("Шығыс Қазақстан", kind="person") == "Shygys Kazakhstan"
    assert cyrillize("North Kazakhstan", "place").text == "Солтүстік Қазақстан"
    assert cyrillize("Eastern Europe", "place", names={"Europe": "Еуропа"}).text == "Шығыс Еуропа"
    assert cyrillize("North Sea", "place").text.startswith("Норт")
    assert cyrillize("East of Eden", "place").text.startswith("Ист")


def test_names_the_caller_renders_are_taken_whole_where_a_name_stands_whole():
    nz = {"Жаңа Зеландия": "New Zealand"}
    assert romanize("Жаңа Зеландия полициясы", kind="organisation", names=nz) == "New Zealand Police"
    # "glossary" where the names change the proposal (the table knows New Zealand itself)
    assert propose_latin("Жаңа Орлеан полициясы", "organisation", names={"Жаңа Орлеан": "New Orleans"}).by == "glossary"
    assert romanize("Шығыс Еуропа", kind="place", names={"Еуропа": "Europe"}) == "Eastern Europe"
    # a state's word still places the state last; a person's name before атындағы is spelt
    state = {"Қазақстан Республикасының": "Republic of Kazakhstan", "Қазақстан": "Kazakhstan"}
    assert romanize("Қазақстан Республикасының Ұлттық музейі", kind="organisation", names=state) == "National Museum of the Republic of Kazakhstan"
    named = romanize("Қ.И. Сәтбаев атындағы Қазақ ұлттық университеті", kind="organisation", names={"Сәтбаев": "Satpayev"})
    assert "Satbayev" in named
    # never a word inside another name, nor common words the table lacks (no half-translation)
    assert romanize("Жаңа Орлеан", kind="place", names={"Орлеан": "Orleans"}) == "Zhana Orlean"
    assert "Méjico" not in romanize("Нью Мексика университеті", kind="organisation", names={"Мексика": "Méjico"})
    assert "Мексика" not in cyrillize("New Mexico State University", "organisation", names={"Mexico": "Мексика"}).text
    assert romanize("Қытай ұлттық шайханасы", kind="organisation", names={"Қытай": "China"}) == "Kytay Ulttyk Shaikhanasy"
    assert romanize("Дания Еспаева") == "Daniya Yespayeva"  # a given name a country's is no country among spelt words
    assert romanize("Қытай орталық радиосы", kind="organisation", names={"Қытай": "China"}) == "China Central Radio"  # all known
    assert cyrillize("New Zealand Police", "organisation", names={"New Zealand": "Жаңа Зеландия"}).text == "Жаңа Зеландия полициясы"
    with pytest.raises(UsageError, match="mapping of names"):
        romanize("Жаңа Зеландия", names=["New Zealand"])


def test_a_states_official_name_puts_its_state_word_first_after_a_countrys_name():
    # (akorda.kz, the UN's member list) a country's own name: Republic of Kazakhstan, Kingdom of
    # Saudi Arabia; a people's name: Kyrgyz Republic
    assert romanize("Қазақстан Республикасы", kind="place") == "Republic of Kazakhstan"
    assert romanize("Корея Республикасы", kind="place", names={"Корея": "Korea"}) == "Republic of Korea"
    assert romanize("Сауд Арабиясы Корольдігі", kind="place", names={"Сауд Арабиясы": "Saudi Arabia"}) == "Kingdom of Saudi Arabia"
    assert romanize("Қырғыз Республикасы", kind="place") == "Kyrgyz Republic"
    assert romanize("Қырғыз Республикасы", kind="place", names={"Қырғыз": "Kyrgyz"}) == "Kyrgyz Republic"
    assert romanize("Өзбекстан Республикасы", kind="place") == "Republic of Uzbekistan"
    assert romanize("Өзбекстан Республикасы", kind="place", exceptions=False) == "Republic of Ozbekstan"  # spelt: still first
    assert romanize("Қырғыз Республикасы Үкіметі", kind="organisation") == "Government of the Kyrgyz Republic"
    # a country's English name that is the state's already, and "the" where English writes it
    assert romanize("Чехия Республикасы", kind="place") == "Czech Republic"
    assert romanize("Нидерланд Корольдігі", kind="place") == "Kingdom of the Netherlands"
    assert romanize("Конго Республикасы", kind="place") == "Republic of the Congo"  # the table's, not the glossary's bare Конго
    assert romanize("Конго Республикасының елшілігі", kind="organisation") == "Embassy of the Republic of the Congo"
    assert romanize("Корея Республикасы", kind="place", names={"Корея": "Republic of Korea"}) == "Republic of Korea"
    # an adjective inside the state's name: no half-translation (the People's, the Islamic Republic)
    assert romanize("Қытай Халық Республикасы", kind="place") == "People's Republic of China"  # the glossary's whole name
    assert romanize("Қытай Халық Республикасы", kind="place", exceptions=False) == "Kytay Khalyk Respublikasy"
    assert romanize("Иран Ислам Республикасы Үкіметі", kind="organisation") == "Iran Islam Respublikasy Ukimeti"
    assert romanize("Өзбекстан Республикасы") == "Ozbekstan Respublikasy"  # no kind: spelt (the glossary has Қазақстан Республикасы whole)
    assert romanize("Алматы облысы", kind="place") == "Almaty Region"
    # ... and back: the state's word after its country's name in Kazakh
    assert cyrillize("Republic of Korea", "place", names={"Korea": "Корея"}).text == "Корея Республикасы"
    assert cyrillize("Kyrgyz Republic", "place").text == "Қырғыз Республикасы"
    assert cyrillize("Kingdom of Saudi Arabia", "place", names={"Saudi Arabia": "Сауд Арабиясы"}).text == "Сауд Арабиясы Корольдігі"


# An organisation's name: its common words in English (data/body-words-kk-en.tsv), its names
# romanized, a head English puts first with "of" first; no half-translation.
BODIES = [
    ("Павлодар мемлекеттік университеті", "Pavlodar State University"),  # a name, a word, a head
    ("Ұлттық қауіпсіздік комитеті", "National Security Committee"),  # the glossary's own English name
    ("Қорғаныс министрлігі", "Ministry of Defence"),  # a head that takes "of"
    # a place's name opening it owns it, last (the state with "the" where English writes one)
    ("Ресей Сыртқы істер министрлігі", "Ministry of Foreign Affairs of Russia"),
    ("Ресейдің Сыртқы істер министрлігі", "Ministry of Foreign Affairs of Russia"),
    ("Ресей Федерациясының Төтенше жағдайлар министрлігі", "Ministry of Emergency Situations of the Russian Federation"),
    ("Алматы облысының әкімдігі", "Akimat of Almaty Region"),  # the generic word is the place's
    ("Біріккен Араб Әмірліктерінің Сыртқы істер министрлігі", "Ministry of Foreign Affairs of the United Arab Emirates"),  # a country of several words
    ("Оңтүстік Корея Сыртқы істер министрлігі", "Ministry of Foreign Affairs of South Korea"),  # ... its compass word no body's word
    ("Біріккен Араб Әмірліктері мұнайшылар одағы", "Birikken Arab Amirlikteri Munaishylar Odagy"),  # ... among words spelt, spelt
    ("Алматы облыс әкімдігі", "Akimat of Almaty Region"),  # a territorial unit's word, bare before a head
    ("Ұлттық музей", "National Museum"),  # a head written bare after an adjective
    ("Лондон қор биржасы", "London Stock Exchange"),  # words the table has together
    ("Халықаралық қатынастар факультеті", "Faculty of International Relations"),  # a faculty takes "of"
    ("Металлургия институты", "Institute of Metallurgy"),
    ("Қарағанды металлургия институты", "Karaganda Institute of Metallurgy"),  # a name before a field stays first
    ("Ақтөбе педагогикалық институты", "Aktobe Pedagogical Institute"),  # ... and an adjective
    ("Сыртқы істер министрлігі", "Ministry of Foreign Affairs"),  # words of several Kazakh words
    # a place in the genitive before a body's capitalised words owns it, last in English; not
    # before lower-case words, nor a person (Абайдың) nor a place's unit (Алматының Медеу ауданы)
    ("Қазақстанның Ұлттық банкі", "National Bank of Kazakhstan"),
    ("Жапонияның Ұлттық банкі", "National Bank of Japan"),
    ("Қазақстанның шахмат федерациясы", "Kazakhstan Chess Federation"),
    ("Абайдың Ұлттық музейі", "Abai National Museum"),
    ("Алматының Медеу ауданы", "Almaty Medeu District"),
    ("Қазақстан Ұлттық банкі", "Kazakhstan National Bank"),  # in the nominative, in Kazakh order
    ("Жапонияның Халықаралық ынтымақтастық агенттігі", "Japan International Cooperation Agency"),  # no state's own institution
    ("Қазақстанның Мемлекеттік кірістер комитеті", "State Revenue Committee of Kazakhstan"),  # the first word of several
    ("Ақтөбенің Өңірлік мемлекеттік университеті", "Aktobe Regional State University"),  # a city's
    ("АҚШ Конгресі", "United States Congress"),  # other states' legislatures and forces
    ("Ресейдің Мемлекеттік думасы", "State Duma of Russia"),
    ("Қазақстанның Ұлттық гвардиясы", "National Guard of Kazakhstan"),
    ("АҚШ Өкілдер палатасы", "United States House of Representatives"),  # the table's row
    ("Парламент Сенаты", "Senate of the Parliament"),  # the table's row (no half-translation Parlament Senate)
    ("Ұлттық инвестиция қоры", "National Investment Fund"),  # more fields of work
    ("Тіл комитеті", "Language Committee"),
    # an adjective of a field's noun goes after "of" with it; one of the head's stays first
    ("Қазақстан стратегиялық зерттеулер институты", "Kazakhstan Institute of Strategic Studies"),
    ("Мәскеу мемлекеттік халықаралық қатынастар институты", "Moscow State Institute of International Relations"),
    ("Қазақстан ауыр атлетика федерациясы", "Kazakhstan Weightlifting Federation"),  # ... a sport's too
    ("Қазақстан бокс федерациясы", "Kazakhstan Boxing Federation"),
    ("Ұлттық баскетбол ассоциациясы", "National Basketball Association"),
    # a body in the genitive owns the one after it, which English names first, "the" before the
    # owner but for a name
    ("Ішкі істер министрлігінің баспасөз қызметі", "Press Service of the Ministry of Internal Affairs"),
    ("Қазақстан Республикасы Қаржы министрлігінің Мемлекеттік кірістер комитеті",
     "State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan"),
    ("Алматы қаласы әкімдігінің білім басқармасы", "Education Department of the Akimat of Almaty"),
    ("Теңіз ауданының әкімдігі", "Akimat of Tengiz District"),  # a common word before a place's word: its name
    ("Қарағанды металлургия институтының кітапханасы", "Library of the Karaganda Institute of Metallurgy"),
    ("Стэнфорд университетінің медицина факультеті", "Medical Faculty of Stanford University"),  # no "the": a university
    ("Каспи банкінің баспасөз қызметі", "Press Service of Kaspi Bank"),  # ... or a company named first
    ("Шымкент әуежайының баспасөз қызметі", "Press Service of Shymkent Airport"),  # an airport owns
    ("Аманат партиясының Жоғарғы кеңесі", "Supreme Council of the Amanat Party"),
    ("Абай даңғылының көпірі", "Abai Avenue Bridge"),  # an avenue owns no body
    # ... or in the nominative before the capitalised name of the body it owns, as gov.kz writes
    ("Ішкі істер министрлігі Көші-қон қызметі", "Migration Service of the Ministry of Internal Affairs"),
    ("Қазақстан Республикасы Білім және ғылым министрлігі Ғылым комитетінің Философия институты",
     "Institute of Philosophy of the Science Committee of the Ministry of Education and Science of the Republic of Kazakhstan"),
    # the state's initials are its name
    ("ҚР Қорғаныс министрлігі", "Ministry of Defence of the Republic of Kazakhstan"),
    ("ҚР-ның Ұлттық банкі", "National Bank of the Republic of Kazakhstan"),
    ("ҚР ІІМ Көші-қон қызметі", "KR IIM Migration Service"),  # ... not before a ministry's initials
    ("Азия даму банкінің баспасөз қызметі", "Press Service of the Asia Development Bank"),  # a word between: "the"
    # a government agency's work after "Agency for"; not an adjective's, a news agency's, the space agency's
    ("Қазақстан Республикасының Стратегиялық жоспарлау және реформалар агенттігі",
     "Agency for Strategic Planning and Reforms of the Republic of Kazakhstan"),
    ("Мемлекеттік қызмет істері агенттігі", "Agency for Civil Service Affairs"),
    ("Қаржылық мониторинг агенттігі", "Agency for Financial Monitoring"),
    ("Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі", "Anti-Corruption Agency"),
    ("«ҚазАқпарат» халықаралық ақпарат агенттігі", "KazAkparat International Information Agency"),
    ("Ұлттық ғарыш агенттігі", "National Space Agency"),
    ("Халықаралық атом энергиясы агенттігі", "International Atomic Energy Agency"),  # the agency's standing first
    ("Ұлттық даму агенттігі", "National Development Agency"),
    ("Халықаралық даму агенттігі", "Agency for International Development"),  # USAID's
    ("ҚР Стратегиялық жоспарлау және реформалар агенттігі", "Agency for Strategic Planning and Reforms of the Republic of Kazakhstan"),
    ("«Астана» даму агенттігі", "Astana Development Agency"),  # a name first
    ("Әл-Фараби атындағы Қазақ ұлттық университеті", "Al-Farabi Kazakh National University"),  # "named after" left out
    ("Қазақстанның шахмат федерациясы", "Kazakhstan Chess Federation"),  # a name's genitive
    ("Астана халықаралық қаржы орталығы", "Astana International Financial Centre"),  # the longest entry first
    ("«Бейбіт» қоры", "Beibit Fund"),  # quotes left out, the fund's name no person's
    ("Аманат партиясы", "Amanat Party"),  # a capitalised word the table lacks: a name
    ("Консерваторлар партиясы", "Conservative Party"),  # ... but a party's people's word it has
    ("Гарвард бизнес мектебі", "Harvard Business School"),
    ("Мақамы мәшһүр Маңғыстау", "Makamy Mashhur Mangystau"),  # lower-case words it lacks: romanized whole, a proper name's capitals
    ("Ресей мұнайшылар одағы", "Resey Munaishylar Odagy"),  # ... before a head too: no half-translation
    ("Хабар 24", "Khabar 24"),  # no head: romanized
    ("Ұлттық Хабар", "Ulttyk Khabar"),
    # the person it is named after, their name spelt as a whole (the exceptions table's)
    ("Ілияс Есенберлин атындағы мектебі", "Ilyas Yesenberlin School"),
    ("Ш.Ш. Уәлиханов атындағы Тарих және этнология институты", "Sh.Sh. Ualikhanov Institute of History and Ethnology"),
    ("М.Әуезов атындағы Оңтүстік Қазақстан университеті", "M. Auezov South Kazakhstan University"),  # initial, surname
    ("Алматы қаласының әкімдігі", "Akimat of Almaty"),  # "city" left out
    ("Қазақстан Республикасының Ұлттық музейі", "National Museum of the Republic of Kazakhstan"),  # the state last
    ("Беларусь Республикасы Ұлттық банкі", "National Bank of the Republic of Belarus"),
    ("Қазақстан Республикасы Үкіметі", "Government of the Republic of Kazakhstan"),  # the state last
    ("Балалар парламенті", "Children's Parliament"),  # the Parliament is a head, no "of" after a common word
    ("Қазақстан Республикасы Парламенті", "Parliament of the Republic of Kazakhstan"),
    ("Ә. Қастеев атындағы Қазақстан Республикасының Мемлекеттік өнер музейі", "A. Kasteyev Kazakhstan State Arts Museum"),  # inside: the name
    ("«Даму» кәсіпкерлікті дамыту қоры", "Damu Entrepreneurship Development Fund"),  # a quoted word is a name
    ("«Бәйтерек» ұлттық басқарушы холдингі", "Baiterek National Managing Holding"),  # ... an organisation's, not a place's
    ("«Ауыл» халықтық-демократиялық патриоттық партиясы", "Auyl People's Democratic Patriotic Party"),  # a compound
    # a name only where it opens the body's name, follows атындағы or a compass word: no half-translation
    ("Ұлттық банк Алматы филиалы", "Ulttyk Bank Almaty Filialy"),
    ("Орталық Азия ынтымақтастық ұйымы", "Central Asia Cooperation Organization"),  # the table's Central Asia
    ("Жас ұлан", "Zhas Ulan"),  # a common word opening it is no name
    ("Ғылым және білім министрлігі", "Ministry of Science and Education"),
    ("Әл-Фараби атындағы Бақытты отбасы", "Al-Farabi atyndagy Bakytty Otbasy"),  # "named after" and "and" stay lower case
    ("Алматы облысы бойынша полиция департаменті", "Almaty Region boinsha Politsiya Departamenti"),  # "for" too
    ("БҰҰ-ның Даму бағдарламасы", "BUU-nyn Damu Bagdarlamasy"),  # and an ending after a hyphen
    ("ҚР-дың Жоғарғы соты", "Supreme Court of the Republic of Kazakhstan"),  # the state's initials, in the genitive
    ("Біріккен Ұлттар Ұйымы", "Birikken Ulttar Uimy"),  # ... nor one shaped like it before a name's word
    ("Талдықорған университеті", "Taldykorgan University"),
    ("Кеңес Рахметов атындағы мектебі", "Kenes Rakhmetov School"),  # a head's word, capitalised inside: a name
    ("Халықаралық сауда орталықтары қауымдастығы", "Khalykaralyk Sauda Ortalyktary Kauymdastygy"),  # a plural: no table word
    ("« Астана » халықаралық қаржы орталығы", "Astana International Financial Centre"),  # spaced quotes
    ("«» қоры", "«» Kory"),
    ("- қоры", "- Fund"),  # a hyphen of the text is kept
    ("Бостандық ауданының әкімдігі", "Akimat of Bostandyk District"),  # a place's generic word (PLACE_HEADS)
]


@pytest.mark.parametrize("kazakh,english", BODIES, ids=[k for k, _ in BODIES])
def test_an_organisation_s_name_in_english(kazakh, english):
    assert romanize(kazakh, kind="organisation") == english


def test_only_an_organisation_s_name_is_translated():
    assert romanize("Павлодар мемлекеттік университеті") == "Pavlodar memlekettik universiteti"


@pytest.mark.parametrize("kazakh,english", [
    ("Жасанды интеллект және цифрлық даму министрлігі", "Ministry of Artificial Intelligence and Digital Development"),
    ("Көші-қон қызметі", "Migration Service"), ("Макинск құс фабрикасы", "Makinsk Poultry Farm"),
    ("Ветеринарлық бақылау және қадағалау комитеті", "Veterinary Control and Supervision Committee"),
    ("Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі", "Anti-Corruption Agency"),
    ("Еңбек және халықты әлеуметтік қорғау министрлігі", "Ministry of Labour and Social Protection of the Population"),
    # a comma between the words of a list stays after its word
    ("Экология, геология және табиғи ресурстар министрлігі", "Ministry of Ecology, Geology and Natural Resources"),
    ("Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі", "Ministry of Digital Development, Innovations and Aerospace Industry"),
])
def test_more_of_the_bodies_common_words_are_english(kazakh, english):
    assert romanize(kazakh, kind="organisation") == english


def test_a_comma_in_a_body_s_name_and_its_words_read_back():
    # a comma after a head lists names: no "Ministry, of Defence"; after an adjective, it stays
    assert "Ministry," not in romanize("Қорғаныс министрлігі, Ішкі істер министрлігі", kind="organisation")
    assert romanize("Ақтөбе педагогикалық, экономикалық институты", kind="organisation") == "Aktobe Pedagogical, Economic Institute"
    assert romanize("Ұлттық паралимпиада комитеті", kind="organisation") == "National Paralympic Committee"
    assert romanize("Шаһкәрім университеті", kind="organisation") == "Shakarim University"  # the poet's name, any kind
    # read back: a sea's name keeps its possessive, a verbal noun's object its accusative, a head
    # of two English words after an adjective its bare form
    assert cyrillize("Caspian Sea Institute", "organisation").text == "Каспий теңізі институты"
    assert cyrillize("Competition Protection and Development Agency", "organisation").text.startswith("Бәсекелестікті қорғау")
    assert cyrillize("City Maternity Hospital", "organisation").text == "Қалалық перзентхана"


def test_the_body_words_table_is_well_formed():
    path = Path(kkaligner.__file__).parent / "data" / "body-words-kk-en.tsv"
    rows = [x.split("\t") for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    assert rows and all(len(r) == 3 and r[2] in ("word", "head", "of", "field", "state", "named") and r[0] == r[0].casefold() for r in rows)
    assert len({r[0] for r in rows}) == len(rows)  # one English word a Kazakh entry


def _rows(name):
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / name
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    return [x.split("\t") for x in lines[1:]]


# The held-out lists were written without sight of the rules, and the table's rows entered by
# category in 2026 were collected without sight of the lists: a list's name may be a row too, and
# benchmarks/bench_names.py scores every list with the table and with the rules alone and counts the
# names the table holds. The first three lists have been looked at: where one of them and the table
# both spell a name, the two sources agree (so do the published spellings the table was first
# written from). The fourth, never looked at, is held to its form only.
@pytest.mark.parametrize("name", ["published-names-en.tsv", "published-names-heldout-en.tsv", "published-names-heldout2-en.tsv", "published-names-heldout3-en.tsv", "published-names-heldout4-en.tsv"])
def test_the_held_out_lists_agree_with_the_table_and_keep_apart(name):
    held = _rows(name)
    assert len(held) >= 100 and all(len(r) == 4 and r[3] for r in held)
    for kazakh, english, kind, _src in held if name != "published-names-heldout4-en.tsv" else ():
        proposal = propose_latin(kazakh, kind)
        if proposal.checked:
            assert proposal.text in english.split("|"), kazakh
    others = {
        "published-names-en.tsv", "published-names-heldout-en.tsv", "published-names-heldout2-en.tsv", "published-names-heldout3-en.tsv", "published-names-heldout4-en.tsv"
    } - {name}
    names = [r[0] for r in held]
    assert len(set(names)) == len(names)
    for other in sorted(others):
        assert not {r[0] for r in _rows(other)} & set(names), other


def test_other_text_is_kept_and_the_package_exports_it():
    assert romanize("«Бәйтерек» 2024-ші, iPhone") == "«Baiterek» 2024-shi, iPhone"
    assert kkaligner.romanize("Ақтау") == "Aktau"


def test_bad_arguments_say_what_to_do():
    with pytest.raises(UsageError, match="str"):
        romanize(None)
    with pytest.raises(UsageError, match="'person', 'place', 'organisation', 'facility' or 'name'"):
        romanize("Ақтау", kind="city")


CYRILLIC = "".join(LETTERS)
PLACE_HEADS_KK = {kk for kk, _en, _first in PLACE_HEADS}


@given(st.text(alphabet=CYRILLIC, min_size=1, max_size=20))
def test_output_is_latin_and_never_empty_for_a_name(word):
    name = word[0].upper() + word[1:]
    out = romanize(name)
    assert all(c.isascii() for c in out)
    if any(LETTERS[c] for c in word):
        assert out[:1].isupper()


@given(st.lists(st.text(alphabet=CYRILLIC, min_size=1, max_size=8), min_size=1, max_size=4))
def test_words_are_spelt_one_by_one(words):
    words = [w for w in words if w.casefold() not in TITLES and not propose_latin(w).checked]
    words = [w for i, w in enumerate(words) if not (i and w.casefold() in PLACE_HEADS_KK)]
    assert romanize(" ".join(words), exceptions=False) == " ".join(romanize(w, exceptions=False) for w in words)


# --- the reverse: English spelling -> Kazakh Cyrillic proposals ----------------------------------

EN_GOLDEN = [
    ("Trump", "Трамп"), ("Baker", "Бейкер"), ("Biden", "Байден"), ("Johnson", "Джонсон"),
    ("Smith", "Смит"), ("Blake", "Блейк"), ("James", "Джеймс"), ("Hunter", "Хантер"),
    ("Kate", "Кейт"), ("Mike", "Майк"), ("Kelly", "Келли"), ("Harris", "Харрис"),
    ("Clinton", "Клинтон"), ("Obama", "Обама"), ("Blinken", "Блинкен"), ("Miller", "Миллер"),
    ("Taylor", "Тейлор"), ("Sullivan", "Салливан"), ("Jones", "Джонс"), ("Bush", "Буш"),
    ("Hunter Biden", "Хантер Байден"),
    # the long a, i before an e of the last syllable only (not Alex Ейлекс, Palermo Пейлермо)
    ("Alex", "Алекс"), ("Palermo", "Палермо"), ("Liberal", "Либерал"), ("Craven", "Крейвен"), ("Haley", "Хейли"),
    ("Abe", "Эйб"), ("Ayers", "Эйерс"),  # the sound ей opening a word is written эй
    ("Foundation", "Фаундейшн"), ("Constitution", "Конститушн"), ("Guinness", "Гиннесс"), ("Guest", "Гест"),
    ("Iverson", "Айверсон"), ("Question", "Квестион"), ("Penguin", "Пенгуин"), ("Firestone", "Файрестон"),
    ("Garcia", "Гарсия"), ("Lopez", "Лопес"), ("Dupont", "Дюпон"), ("Lefebvre", "Лефевр"),
    # a given name keeps its everyday Kazakh form whatever a historic ruler's row spells (Timur: Тимур, not Темір)
    ("Timur Kulibayev", "Тимур Құлыбаев"),
    ("William Shakespeare", "Уильям Шекспир"), ("Charles Darwin", "Чарльз Дарвин"), ("David Cameron", "Дэвид Кэмерон"),
    # y as a word's first vowel before a consonant and e is long (not Polynesia Полинесиа)
    ("Skype", "Скайп"), ("Tyler", "Тайлер"), ("Kyle", "Кайл"), ("Polynesia", "Полинесиа"), ("Lysenko", "Лисенко"),
    # a Kazakh name as the exceptions table publishes it in English: its Kazakh, not English sounds
    ("Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев"), ("Nazarbayev", "Назарбаев"), ("Coca-Cola", "Кока-Кола"),
    # a name spelt from Kazakh or Russian (zh, kh, a surname's ending, a Kazakh given name) is read
    # so: k g u by the syllable's vowel, i in a front word, ye, y, the given names list's spelling
    ("Zhumagaliyev", "Жұмағалиев"), ("Nurlan Nogayev", "Нұрлан Ноғаев"), ("Kuanysh Sultanov", "Қуаныш Сұлтанов"),
    ("Kairat Nurtas", "Қайрат Нұртас"), ("Serik Akhmetov", "Серік Ахметов"), ("Bekzat Sattarkhanov", "Бекзат Саттарханов"),
    ("Yerlan Karin", "Ерлан Қарин"), ("Sergei Lavrov", "Сергей Лавров"), ("Maulen Ashimbayev", "Маулен Әшімбаев"),
    ("Anna Smith", "Анна Смит"),  # an international given name marks nothing
    ("Erik Solheim", "Эрик Солхеим"), ("Steven Chu", "Стивен Чу"),  # not the table's Ерік, Шу
    ("Almaty", "Алматы"), ("Karaganda", "Қарағанды"),  # a published one-word name, wherever it stands
]


@pytest.mark.parametrize(
    ("kazakh", "english"),
    [
        # Хуан is the Spanish Juan before a foreign name the list has, else the Chinese Huang's spelling by rule
        ("Хуан Карлос", "Juan Carlos"),
        ("Хуан Мануэль Сантос", "Juan Manuel Santos"),
        ("ХУАН КАРЛОС", "JUAN CARLOS"),
        ("Хуан Цзинь", "Khuan Tszin"),
        ("Хуан", "Khuan"),
        # Spanish surnames in -ес are English's -ez (Суарес Suarez), not Torres's -es
        ("Луис Суарес", "Luis Suarez"),
        ("Фернандо Торрес", "Fernando Torres"),
        # nor Фернандес, the Spanish Fernández's and the Portuguese Fernandes's one spelling
        ("Бруно Фернандес", "Bruno Fernandes"),
        # nor Хуан before the list's Chinese names; Juan before its others, after any spacing
        ("Хуан Си", "Khuan Xi"),
        ("Хуан Гарсия", "Juan Garcia"),
        ("Хуан Фернандес", "Juan Fernandes"),
        ("Хуан\u00a0Карлос", "Juan\u00a0Carlos"),
    ],
)
def test_spanish_names_as_english_writes_them(kazakh, english):
    assert romanize(kazakh, kind="person") == english


def test_spanish_names_read_back():
    assert cyrillize("Juan Carlos").text == "Хуан Карлос"
    assert cyrillize("Felipe Massa").text == "Фелипе Масса"  # not Фелайп, an English long i
    # (Fernandez, Perez read back one way: their Cyrillic stands for Fernandes, Peres too)
    assert cyrillize("Alberto Fernandez", "person").text == "Алберто Фернандес"
    assert cyrillize("Luis Suarez").text == "Луис Суарес"
    assert cyrillize("Puerto Princesa", "place").text == "Пуэрто-Принсеса"


# (Kazakh, English): each read both ways
NUMBERED_UNITS = [
    ("316-атқыштар дивизиясы", "316th Rifle Division"),
    ("8-гвардиялық атқыштар дивизиясы", "8th Guards Rifle Division"),
    ("12-мотоатқыштар бригадасы", "12th Motor Rifle Brigade"),
    ("22-армия", "22nd Army"),
    ("2-армия корпусы", "2nd Army Corps"),
    ("55/12 әскери бөлімі", "Military Unit 55/12"),
]


@pytest.mark.parametrize(("kazakh", "english"), NUMBERED_UNITS)
def test_numbered_military_units_read_both_ways(kazakh, english):
    assert romanize(kazakh, kind="organisation") == english
    assert cyrillize(english, "organisation").text == kazakh


def test_a_corps_alone_reads_back_bare_but_is_a_building_s_block_in_kazakh():
    assert cyrillize("11th Corps", "organisation").text == "11-корпус"  # not 11-корпу
    assert romanize("11-ші танк корпусы", kind="organisation") == "11th Tank Corps"


@pytest.mark.parametrize(
    ("kazakh", "english"),
    [
        ("101-інші атқыштар бригадасы", "101st Rifle Brigade"),
        ("22-ші армиясы", "22nd Army"),
        ("11-ші танк корпусы", "11th Tank Corps"),
        ("2-ші армия корпусы", "2nd Army Corps"),
        ("55 / 12 әскери бөлімі", "Military Unit 55/12"),
        ("№5512 әскери бөлімі", "Military Unit 5512"),
        ("5512 нөмірлі әскери бөлім", "Military Unit 5512"),
        ("316-АТҚЫШТАР ДИВИЗИЯСЫ", "316TH RIFLE DIVISION"),
        (" 316-атқыштар дивизиясы", "316th Rifle Division"),
    ],
)
def test_numbered_military_units_as_english_names_them(kazakh, english):
    assert romanize(kazakh, kind="organisation") == english


@pytest.mark.parametrize(
    "kazakh",
    # a numbered school, a count of units, a building's block (корпус alone), a year, a date
    ["2-нші мектеп", "5 әскери бөлім", "3-корпусы", "2015-жылы армия", "1-мамырда дивизия", "5--қ армия"],
)
def test_what_no_numbered_unit_is_gets_no_unit_s_name(kazakh):
    english = romanize(kazakh, kind="organisation")
    assert "Military Unit" not in english and not re.search(r"\d(?:st|nd|rd|th)\b", english)


def test_numbered_units_are_found_in_running_text_with_their_base_form():
    from kkaligner.lang.romanize import numbered_units, numbered_units_en

    text = "Момышұлы 1073-атқыштар полкінің батальон командирі болды, 12-ші полк командирі полковник Асанов."
    assert [(text[a:b], base) for a, b, base in numbered_units(text)] == [
        ("1073-атқыштар полкінің", "1073-атқыштар полкі"),
        ("12-ші полк", "12-ші полк"),
    ]
    # not a year's, a date's, a count's, a plural, another word opening alike (армиялық)
    for text in ["Ол 2015-жылы армияға шақырылды.", "18-жасында армияға", "3-ші рет армияға", "20-дан астам полк",
                 "2-ші армиялар", "5-армиялық корпуста", "Ауруханың жаңа 3-корпусы ашылды.", "5 әскери бөлімдер"]:
        assert numbered_units(text) == [], text
    # in the accusative after the possessive, and the attributive
    for text, base in [("Ол 3-ші танк армиясын басқарды.", "3-ші танк армиясы"), ("Ол 62-ші армиядағы жауынгер.", "62-ші армия"),
                       ("Ол 5512 әскери бөлімін басқарады.", "5512 әскери бөлімі"), ("52 нөмірлі әскери бөлімде", "52 нөмірлі әскери бөлім")]:
        assert [b for _a, _b, b in numbered_units(text)] == [base], text
    for text in ["It is the 2nd largest army in Europe.", "A military unit 30 kilometres away.", "The paramilitary unit 12 men strong.",
                 "The company's 3rd division reported profits."]:
        assert numbered_units_en(text) == [], text
    assert numbered_units_en("He said military unit 3057 was involved.") == [(8, 26)]  # a unit's number, in lower case
    assert numbered_units_en("THE 316TH RIFLE DIVISION") == [(4, 24)]


@pytest.mark.parametrize(
    ("kazakh", "english"),
    [
        # English's last word of a foreign place apart, as a word (Kazakh hyphens it or not)
        ("Лонг-Айленд", "Long Island"),
        ("Палм-Бич", "Palm Beach"),
        ("Гранд Каньонға", "Grand Canyon"),  # a place's case ending goes
        ("Канзас-Сити", "Kansas City"),
        ("Таймс-сквер", "Tayms Square"),
        ("ЛОНГ-АЙЛЕНД", "LONG ISLAND"),
        ("ГРАНД КАНЬОНҒА", "GRAND CANYON"),
        ("Нью-Йорк Сити", "New York City"),  # after the table's place
        ("Мехико-Сити", "Mexico City"),  # not Mexico City City
        ("Род-Айленд", "Rhode Island"),  # the table's whole name
        ("Тампа-Бэй", "Tampa Bay"),  # Бэй hyphened only
        # not a Kazakh сквер after a space in lower case, nor the word alone
        ("Абай скверінде", "Abai skverinde"),
        ("Сити", "Siti"),
    ],
)
def test_a_foreign_place_s_english_last_word_stands_apart(kazakh, english):
    assert romanize(kazakh) == english


def test_a_long_chain_of_such_words_is_no_crash():
    assert romanize("Канзас-Сити" + "-Сити" * 500).startswith("Kansas")


def test_a_long_text_is_spelt_whole_a_sentence_at_a_time():
    # 2,000 names of the table in a row: spelt, where the recursion of the table's names ran out
    text = " ".join(["Солтүстік Қазақстан облысы"] * 2000)
    assert romanize(text) == " ".join([romanize("Солтүстік Қазақстан облысы")] * 2000)
    # every character kept, the sentences' ends too
    text = "Алматы. " * 400 + "а" * 3000 + "\n Ақтау!"
    assert romanize(text) == "Almaty. " * 400 + "a" * 3000 + "\n Aktau!"


def test_a_foreign_place_s_english_last_word_is_read_back_as_kazakh_transcribes_it():
    assert cyrillize("Long Island", "place").text == "Лонг Айленд"
    assert cyrillize("Grand Canyon", "place").text == "Гранд Каньон"
    assert cyrillize("Salt Lake City", "place").text.endswith(" Лейк Сити")
    # a street's, a square's hyphened in lower case
    assert cyrillize("Times Square", "place").text == "Таймс-сквер"
    # not after a place Kazakh names itself (its generic word is Kazakh's)
    assert cyrillize("Charyn Canyon", "place").text == "Шарын шатқалы"


def test_a_person_s_surname_that_is_a_place_s_english_word():
    assert romanize("Лю Бэй", kind="person") == "Lyu Bey"  # Бэй apart is a Chinese name too
    assert romanize("Пол Хиллс", kind="person") == "Paul Hills"  # after an English given name, the English word
    assert romanize("Иван Бич", kind="person") == "Ivan Bich"  # after another, spelt by rule
    assert romanize("Манчестер Сити", kind="person") == "Manchester City"


def test_a_site_s_domain_stays_lower_case():
    assert romanize("Жерұйық.кз", kind="organisation").endswith(".kz")


def test_a_place_s_generic_word_from_english_is_kazakh():
    assert cyrillize("Berezovka Village", kind="place").text == "Березовка ауылы"
    assert cyrillize("Medeu District", kind="place").text == "Медеу ауданы"
    assert cyrillize("Lake Balkhash", kind="place").text == "Балқаш көлі"
    # not a sea's, a city's or a street's word, part of a name of its own
    assert "теңізі" not in cyrillize("Black Sea", kind="place").text and "қаласы" not in cyrillize("Kansas City", kind="place").text


def test_a_street_s_word_is_a_place_s_only():
    assert cyrillize("Park University", kind="organisation").text == "Парк университеті"


def test_a_facility_is_spelt_as_a_body_is():
    # extract_terms' kinds are romanize's and cyrillize's
    assert romanize("Абай даңғылы", kind="facility") == "Abai Avenue"
    assert propose_latin("Қаллеки театры", "facility").text == "Kalleki Theatre"
    assert cyrillize("Kostanay Airport", "facility").text == "Қостанай әуежайы"


def test_a_facility_s_english_words_are_read_in_kazakh():
    assert cyrillize("Kabanbay Batyr Avenue", kind="organisation").text == "Қабанбай батыр даңғылы"
    assert cyrillize("Abylai Khan Avenue", kind="organisation").text == "Абылай хан даңғылы"
    assert cyrillize("Tole Bi Street", kind="organisation").text == "Төле би көшесі"
    # Sultan, Ana are given names and words of their own, no titles (Prince Sultan University)
    assert cyrillize("Prince Sultan University", kind="organisation").text == "Принс Сұлтан университеті"
    # a title word is no table word: the rest of a party's name is still read (Ata Meken Party)
    assert cyrillize("Ata Meken Party", kind="organisation").text == "Ата Мекен партиясы"
    # a person's name inside a facility's is spelt as the person's (Baitursynov, Ablai Khan)
    assert propose_latin("Байтұрсынов көшесі", "facility").text == "Baitursynov Street"
    assert propose_latin("Абылай хан даңғылы", "facility").text == "Ablai Khan Avenue"
    assert propose_latin("Қабанбай батыр даңғылы", "facility").text == "Kabanbay Batyr Avenue"
    assert propose_latin("Мұхаммед пайғамбар мешіті", "facility").text.endswith(" Paigambar Mosque")
    # ... unless the table knows the name as a place's (Висконсин, not a surname in -ин)
    assert propose_latin("Висконсин университеті", "organisation").text == "Wisconsin University"
    # English words before the table's are spelt by English sounds (Ice, not Іке)
    assert cyrillize("Kazakhstan Ice Hockey Federation", kind="organisation").text.split()[1] == "Айс"


def test_a_site_and_a_lone_compass_word_in_kazakh():
    assert cyrillize("Tengrinews.kz", kind="organisation").text == "Tengrinews.kz"
    assert cyrillize("South", kind="place").text == "Оңтүстік" and cyrillize("South", kind="person").text == "Саут"


@pytest.mark.parametrize("english,kazakh", EN_GOLDEN, ids=[g[0] for g in EN_GOLDEN])
def test_foreign_names_get_a_kazakh_spelling(english, kazakh):
    assert cyrillize(english).text == kazakh


# An English organisation's name in Kazakh: the body-words table read the other way, after a
# leading name, the part after "of" first; a head's bare form after adjectives alone.
EN_BODIES = [
    ("Harvard University", "Гарвард университеті"),  # the table's Harvard, as Kazakh writes it
    ("World Health Organization", "Дүниежүзілік денсаулық сақтау ұйымы"),
    ("Ministry of Defence", "Қорғаныс министрлігі"),
    ("University of Virginia", "Вирджиния университеті"),  # the exceptions table's Kazakh spelling of the state
    ("the Supreme Court", "Жоғарғы сот"),
    ("Royal Society", "Корольдік қоғам"),
    ("Ecuadorian Ministry of Foreign Affairs", "Экуадориан сыртқы істер министрлігі"),
    ("National Museum of the Republic of Kazakhstan", "Қазақстан Республикасының ұлттық мұражайы"),
    ("Ministry of Foreign Affairs of the Republic of Kazakhstan", "Қазақстан Республикасының сыртқы істер министрлігі"),
    ("Embassy of the Republic of the Congo", "Конго Республикасының елшілігі"),
    ("Supreme Court of Kazakhstan", "Қазақстан жоғарғы соты"),  # a name after "of" owns it: first
    # a place owning a body with an "of" of its own (romanize's Ministry of Foreign Affairs of Russia)
    ("Ministry of Foreign Affairs of Russia", "Ресей сыртқы істер министрлігі"),
    ("Ministry of Defence of the Russian Federation", "Ресей Федерациясы қорғаныс министрлігі"),
    ("Ministry of Foreign Affairs of Georgia", "Грузия сыртқы істер министрлігі"),  # the country's, not the US state's
    ("Ministry of Foreign Affairs of South Korea", "Оңтүстік Корея сыртқы істер министрлігі"),  # South, a body's word too
    ("Embassy of South Korea", "Оңтүстік Корея елшілігі"),
    ("Embassy of Georgia", "Грузия елшілігі"),
    ("Health Department of Almaty Region", "Алматы облысының денсаулық сақтау департаменті"),  # a region owns in the genitive
    ("Royal Academy of Arts", "Корольдік өнер академиясы"),  # the table's words after "of": before the head
    ("Security Council", "Қауіпсіздік кеңесі"), ("City Hospital", "Қалалық аурухана"),  # a noun, adjectives
    ("District Court", "Аудандық сот"), ("Medeu District", "Медеу ауданы"),  # a word's form, a head's
    ("State Department", "Мемлекеттік департамент"), ("Ministry Of Defence", "Қорғаныс министрлігі"),
    ("National Hurricane Center", "Натионал Харрикейн Сентер"),  # a word the table lacks inside: spelt
    ("National Testing Centre", "Ұлттық тестілеу орталығы"),  # British and American spellings alike
    # a body "of the" body that owns it: the owner first, in the genitive
    # (the owned body's head possessed; a unit's generic name in lower case; a head alone owns bare)
    ("Press Service of the Ministry of Internal Affairs", "Ішкі істер министрлігінің баспасөз қызметі"),
    ("State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan",
     "Қазақстан Республикасының Қаржы министрлігінің Мемлекеттік кірістер комитеті"),
    ("Border Service of the National Security Committee", "Ұлттық қауіпсіздік комитетінің Шекара қызметі"),
    ("Military Institute of the Ministry of Defence", "Қорғаныс министрлігінің Әскери институты"),
    ("Press Service of Kaspi Bank", "Каспи банкінің баспасөз қызметі"),  # "of" a named body, without "the"
    ("Press Service of the Club", "Клубтың баспасөз қызметі"),  # a loanword's voiced consonant kept
    ("Press Service of the Government", "Үкіметтің баспасөз қызметі"),
    ("Press Service of the Supreme Council", "Жоғарғы кеңестің баспасөз қызметі"),  # кеңес, no кеңе + сі
    ("Ministry of Labour and Social Protection of the Population", "Еңбек және халықты әлеуметтік қорғау министрлігі"),  # the table's "the"
    # "for" as "of"
    ("Agency for Civil Service Affairs", "Мемлекеттік қызмет істері агенттігі"),
    ("Committee for Water Resources", "Су ресурстары комитеті"),
    ("Centre for Disease Control", "Сентр фор Дисис Контрол"),  # ... before the table's words only
    ("Kennedy School of Government", "Кеннеди үкіметі мектебі"),  # "of" a field, no owner: a name opens an owner
    ("African Union", "Африка Одағы"),  # the exceptions table's name whole
    ("Socialist Party", "Социалистік партия"),  # an adjective in -ist
]


@pytest.mark.parametrize("english,kazakh", EN_BODIES, ids=[e for e, _ in EN_BODIES])
def test_an_english_organisation_s_name_in_kazakh(english, kazakh):
    assert cyrillize(english, kind="organisation").text == kazakh


def test_only_an_english_organisation_s_name_is_translated():
    assert cyrillize("Harvard University").text == "Гарвард Университи"


def test_a_published_spelling_is_read_back_only_where_it_is_one_name_s():
    assert cyrillize("Kassym-Jomart").text == "Қасым-Жомарт"  # a hyphenated name, whole
    # a place's row of several words is read back whole (Балқаш көлі), never word by word (Lake as Балқаш)
    assert cyrillize("Lake Balkhash").text == "Балқаш көлі"
    assert cyrillize("New York").text == "Нью-Йорк" and cyrillize("Los Angeles", kind="place").text == "Лос-Анджелес"


def test_a_place_s_published_spelling_is_no_person_s_and_the_first_row_wins():
    assert cyrillize("Florence Nightingale", kind="person").text.startswith("Флоренс ")  # not Флоренция
    assert cyrillize("Cologne", kind="place").text == "Кёльн"  # the first of Кёльн, Кельн
    assert cyrillize("Kasymov", kind="person").text == "Қасымов"  # not Kenesary Kasymov's Қасымұлы
    assert cyrillize("Tashkent").text == "Ташкент"


@pytest.mark.parametrize("kazakh,english", [
    ("Шарын шатқалы", "Charyn Canyon"),
    ("Бурабай ұлттық паркі", "Burabay National Park"),
    ("Қапшағай су қоймасы", "Kapchagay Reservoir"),
    ("Қашаған кен орны", "Kashagan Field"),
    ("Қызылқұм шөлі", "Kyzylkum Desert"),
    # a mausoleum's, a mosque's word after the name, a person's with a title too
    ("Райымбек батыр кесенесі", "Raiymbek Batyr Mausoleum"),
    ("Домалақ ана кесенесі", "Domalak Ana Mausoleum"),
    ("Иманғали мешіті", "Imangali Mosque"),
    ("Қайрақ сарқырамасы", "Kayrak Waterfall"),
    # the official long forms: the longest generic word is the name's
    ("Наурызым мемлекеттік табиғи қорығы", "Naurzum Nature Reserve"),
    ("Бурабай мемлекеттік ұлттық табиғи паркі", "Burabay National Park"),
    # after a name of the table's, a hyphenated or a multiword one
    ("Ақсу-Жабағлы қорығы", "Aksu-Zhabagly Nature Reserve"),
    ("Хан Тәңірі шыңы", "Khan Tengri Peak"),
    # a name the table has with its word is its own, whatever stands before it
    ("Есіл өзені", "Ishim River"),
    ("Жоғарғы Есіл өзені", "Zhogargy Ishim River"),
    # gorges, mountains and ranges, valleys, islands, caves; an ancient town by its name alone
    ("Талғар шатқалы", "Talgar Gorge"), ("Ақбет тауы", "Mount Akbet"), ("Саян таулары", "Sayan Mountains"),
    # a range English knows by a plural name of its own is that name; an island keeps its word
    # after a name the table has as another place's (Ванкувер аралы: Vancouver Island)
    ("Альпі таулары", "Alps"), ("Ванкувер аралы", "Vancouver Island"),
    # a village or a settlement by its name alone, in a case too
    ("Қоғалы ауылы", "Kogaly"), ("Ақсу кентінде", "Aksu"),
])
def test_a_landform_s_generic_word_is_written_as_english_titles_write_it(kazakh, english):
    assert romanize(kazakh, kind="place") == english


# the rules' own spelling of names the table has whole (English Wikipedia's titles and the pages in
# the table's rows): what they give a landform nobody entered
@pytest.mark.parametrize("kazakh,english", [
    ("Қазығұрт тауы", "Mount Kazygurt"), ("Қаратау таулары", "Karatau Mountains"), ("Көкарал аралы", "Kokaral Island"),
    ("Ақмешіт үңгірі", "Akmeshit Cave"), ("Ферғана аңғары", "Fergana Valley"), ("Сауран қалашығы", "Sauran"),
    # a place named after a saint is one hyphenated word; the saint's mausoleum keeps name and title
    ("Қараман ата", "Karaman-Ata"), ("Сисем ата", "Sisem-Ata"), ("Ибраһим ата кесенесі", "Ibrahim Ata Mausoleum"),
])
def test_a_landform_s_generic_word_by_the_rules_alone(kazakh, english):
    assert romanize(kazakh, kind="place", exceptions=False) == english


# English has no case endings: a name whose generic word English writes loses the Kazakh ending
# that word takes, by rule or by the table's row (not North Kazakhstan Regionnda)
@pytest.mark.parametrize("kazakh,english", [
    ("Солтүстік Қазақстан облысында", "North Kazakhstan Region"), ("Балқаш көлінде", "Lake Balkhash"),
    ("Хан Тәңірі шыңына", "Khan Tengri Peak"), ("Талғар шатқалынан", "Talgar Gorge"), ("Есіл өзенінің", "Ishim River"),
    ("Шарын шатқалында", "Charyn Canyon"), ("Жерорта теңізінде", "Mediterranean Sea"), ("Абай даңғылымен", "Abai Avenue"),
    ("Қара теңізде", "Black Sea"), ("Корей түбегінде", "Korean Peninsula"), ("Алтын Ордада", "Golden Horde"),
])
def test_a_generic_word_written_in_english_drops_its_case_ending(kazakh, english):
    assert romanize(kazakh, kind="place") == english


def test_a_word_that_only_begins_like_a_generic_one_keeps_its_ending():
    # аралығы "the interfluve" is no island's word with an ending
    assert romanize("Еділ мен Жайық аралығы", kind="place").endswith("Aralygy")


@pytest.mark.parametrize("kazakh,english", [
    ("Корей түбегі", "Korean Peninsula"), ("Ормуз бұғазы", "Strait of Hormuz"), ("Фин шығанағы", "Gulf of Finland"),
    ("Бенгал шығанағы", "Bay of Bengal"), ("Корея түбегінде", "Korean Peninsula"), ("Ла-Манш бұғазы", "English Channel"),
])
def test_the_peninsulas_gulfs_and_straits_the_news_names_are_the_table_s(kazakh, english):
    assert romanize(kazakh, kind="place") == english


@pytest.mark.parametrize("kazakh", ["Корей түбегі", "Ормуз бұғазы", "Ноғай хандығы", "Парсы шығанағы", "Қазақстан көлдері"])
def test_a_generic_word_english_writes_after_an_adjective_or_an_exonym_is_not_half_translated(kazakh):
    # Korean Peninsula, Strait of Hormuz, Nogai Horde, Persian Gulf: no Korey Peninsula
    assert not any(w in romanize(kazakh, kind="place", exceptions=False) for w in ("Peninsula", "Strait", "Khanate", "Bay", "Lakes"))


@pytest.mark.parametrize("kazakh,english", [
    ("Қырым хандығы", "Crimean Khanate"), ("Орал таулары", "Ural Mountains"),
    # whole before a compass word's rule and a state word's: not "West First Turkic Khaganate"
    ("Батыс Түрік қағанаты", "Western Turkic Khaganate"), ("Бұхар әмірлігі", "Emirate of Bukhara"),
    # a sea's word bare, as speech has it
    ("Тынық мұхит", "Pacific Ocean"), ("Жерорта теңіз", "Mediterranean Sea"),
])
def test_a_name_the_table_has_whole_is_its_row(kazakh, english):
    assert romanize(kazakh, kind="place") == english


def test_a_street_named_after_a_person_keeps_the_person_s_published_spelling():
    assert romanize("Қасым-Жомарт Тоқаев көшесі") == "Kassym-Jomart Tokayev Street"
    assert romanize("Жамбыл Жабаев көшесі") == "Jambyl Jabayev Street"


def test_a_landform_s_english_generic_word_is_read_back_after_a_published_name():
    assert cyrillize("Charyn Canyon", "place").text == "Шарын шатқалы"
    assert cyrillize("Khan Tengri Peak", "place").text == "Хан Тәңірі шыңы"
    # English writes some gorges as canyons: either is шатқалы; a valley is аңғары
    assert cyrillize("Aksu Canyon", "place").text == "Ақсу шатқалы"
    assert cyrillize("Aksu Valley", "place").text == "Ақсу аңғары"
    # after another name the English word is the name's own (a stadium, not an oil field)
    assert "кен орны" not in cyrillize("Wrigley Field", "place").text


def test_the_table_spells_names_not_common_words():
    assert romanize("Теңіз кен орны") == "Tengiz Field" and romanize("Кең теңіз", kind="place") == "Ken Teniz"
    assert romanize("Асан қайғы") == "Asan Kaigy" and romanize("Ол қайғы шекті") == "Ol kaigy shekti"


def test_the_kazakh_reading_can_be_turned_off():
    assert cyrillize("Nurlan Nogayev", kazakh_names=False).text == "Нарлан Ногейев"


def test_a_foreign_spelling_is_marked_a_proposal():
    p = cyrillize("Sullivan")
    assert p.by == "rules" and not p.checked and p.source == "Sullivan"
    assert cyrillize("Bush").by == "exception" and cyrillize("Baker").by == "exception"
    # a name is published where all its words are, or for a person any of them is
    assert cyrillize("Kentucky Fried Chicken", "organisation").by == "rules"
    assert cyrillize("George Bush", "person").by == "exception" and cyrillize("Donald Trump", "person").by == "exception"


_BODY_WORDS = ["ұлттық", "мемлекеттік", "университеті", "министрлігінің", "қоры", "атындағы", "облысының", "және", "«", "»", "-", "Павлодар", "Қазақстан", "Республикасының", "мектеп", "Әл-Фараби"]
_EN_BODY_WORDS = ["of", "the", "University", "National", "Ministry", "Defence", "Republic", "Harvard", "Bank", "Centre", "Court", "Supreme", "-"]


@given(st.lists(st.sampled_from(_BODY_WORDS), min_size=1, max_size=7))
def test_an_organisation_s_name_comes_out_latin_whatever_its_words(words):
    out = romanize(" ".join(words), kind="organisation")
    assert isinstance(out, str) and not any("а" <= c.lower() <= "я" or c in "әғқңөұүһі" for c in out.lower())


@given(st.lists(st.sampled_from(_EN_BODY_WORDS), min_size=1, max_size=7))
def test_an_english_organisation_s_name_comes_out_cyrillic_whatever_its_words(words):
    out = cyrillize(" ".join(words), kind="organisation").text
    assert not any("a" <= c.lower() <= "z" for c in out)
    assert out.strip() or not any(w.strip("-") for w in words)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=15))
def test_a_foreign_name_comes_out_cyrillic(word):
    out = cyrillize(word.capitalize()).text
    assert out and not any("a" <= c <= "z" or "A" <= c <= "Z" for c in out)
