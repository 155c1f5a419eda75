"""Names no glossary has yet: found in a document, grouped by lemma, with a proposed rendering.

``extract_terms(text)`` reads a Kazakh (or English) document and lists the names of people, places
and organisations that the loaded glossaries do not cover, each once, in every inflected form it
takes (Тоқаев, Тоқаевтың, Тоқаевқа → Тоқаев), with its count, a guess at its kind, a proposed
rendering (``kkaligner.lang.romanize``) and one example sentence. ``ExtractedName.term()`` is the
glossary entry a translator checks and passes back with ``-g``.

This module sits at the glossary stage (it reads source text and the glossary, nothing a
translation produced), so that ``terms.consistency`` may ask it what the names of a document are.

How a name is found (Kazakh):

* a **capitalised word** not at the start of a sentence is a name, unless it is a title or a word
  Kazakh capitalises as a common noun (``TITLES``: Президент, Елбасы); consecutive capitalised
  words are one name (Нұрсұлтан Әбішұлы Назарбаев, Біріккен Ұлттар Ұйымы);
* at the **start of a sentence** a capital says nothing: the word is a name when the document
  capitalises it elsewhere mid-sentence, or it opens a run of names, or it reads like a surname or
  patronymic; a word the document also writes in lower case (Ақ, Нұр, Темір, Жол), or a word of
  the splitter's sentence-starters list, is not (the glossary matcher's case evidence); where the
  document says nothing about a word (a short text), usage does: ``data/common-words-kk.txt``,
  the words KazNERD writes in lower case (Машина жасауға ...);
* a capitalised word **alone before lower-case words** that describes them is no name by itself:
  a derived adjective, a number word, an epithet, an everyday word (Ұлттық валюта, Отыз жылдық
  соғыс, Ұлы дала, Алғыс айту күні);
* an **organisation** written with one capital extends over its lower-case words up to a head noun
  (``ORG_HEADS``: Денсаулық сақтау министрлігі, Гарвард университеті), through the postpositions
  of names (``IN_NAME``: Төтенше жағдайлар жөніндегі комитет); a **place** takes the word
  облысы, ауданы, өзені... right after it (``PLACE_HEADS``: Ақтөбе облысы);
* a body's name of two words or more that the **shipped glossary** has is found whole (Ұжымдық
  қауіпсіздік туралы шарт ұйымына, « Астана » халықаралық қаржы орталығында);
* a **quoted name** is the quotation when it starts with a capital and is short («Қазақстан темір
  жолы», «Хабар»): an organisation's, team's, channel's or work's name; an **acronym** is a name
  (БҰҰ, ҚТЖ), unless it abbreviates a common noun or a legal form (``COMMON_ACRONYMS``: БАҚ, СМС;
  ``LEGAL_FORMS``: ЖШС, АҚ);
* a **kind** comes from the name's shape (a head noun, quotes), its words' endings (surnames,
  patronymics, place endings) and cases, the shipped glossary and the given-names list; a single
  word otherwise read as a place is a person's name where its contexts say so (``PERSON_BEFORE``:
  a title, an occupation or an initial before it; ``PERSON_AFTER``: an honorific or a possessed
  word after it; the name someone is addressed by; a person's name beside it in a list).

English names are runs of capitalised words, less titles, function words (the splitter's English
starters), peoples' adjectives (``data/demonyms-en.txt``) and a sentence's first word the text
never capitalises elsewhere; a head, "of" and a name are one name (University of Virginia).

The lemma of an inflected name is the stem that best explains the document's forms of it
(``kazakh.suffix_set``: the ending must be a chain the stem's final sound allows); its own spelling
without ending, when the document has it, wins (Қызылорда, not Қызылор + да).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from kkaligner.errors import UsageError
from kkaligner.glossary import Glossary
from kkaligner.glossary.matcher import HONORIFICS, sentence_initial
from kkaligner.lang import check_language, is_kazakh
from kkaligner.lang.casing import fold_kk
from kkaligner.lang.detect import detect_language
from kkaligner.lang.kazakh import (
    AND_WORDS,
    CLASSES,
    DEVOICE,
    PLURAL,
    VOWELS,
    all_suffixes,
    common_words,
    final_class,
    folded_given_names,
    possessive_stems,
    suffix_chains,
)
from kkaligner.lang.numbers import is_kk_number_word
from kkaligner.lang.romanize import (
    ARABIC_PARTICLES,
    EUROPEAN_PARTICLES,
    EXCEPTIONS,
    FEMININE_AFTER,
    FOREIGN_GIVEN_NAMES,
    FOREIGN_NAMES,
    PLACE_ENDERS,
    PLACE_ENDERS_APART,
    PLACE_EPITHETS,
    PLACE_OPENERS,
    SEA_WORDS,
    STREET_ENDERS,
    TERRITORIES,
    Proposal,
    cyrillize,
    given_from_latin,
    kazakh_spelt,
    numbered_units,
    numbered_units_en,
    propose_latin,
    published_whole,
)
from kkaligner.lang.web import SITE, address_spans
from kkaligner.reading import read as read_in_cyrillic
from kkaligner.split import segment, sentence_starters, title_abbreviations
from kkaligner.types import Span, Term

KINDS = ("person", "place", "organisation", "facility", "name")

# --- data ------------------------------------------------------------------------------------

# Words Kazakh capitalises mid-sentence that are titles or institutions' common names, not names of
# one person or place (Қазақ тілінің емле ережелері, 2016, § бас әріп: lauazym ataulary — titles of
# office are capitalised in official texts). Folded, bare forms; their inflected forms are found by
# stem.
TITLES = frozenset(
    ["президент", "премьер-министр", "елбасы", "төраға", "төрағасы", "министр", "вице-министр", "әкім", "депутат", "сенатор", "спикер", "мемлекет", "отан", "тәуелсіздік", "жолдау", "республика", "республикалық", "конституция", "ата", "заң",
     # the presidency and the state's symbols (Президенттіктен үміткер, Елтаңбадағы жұлдыз)
     "президенттік", "елтаңба", "әнұран",
     # monarchs', princes' and governors' titles, written with a capital before the name (Сауд
     # Арабиясының Королі Салман, Катар Әмірі Тамим); the possessed forms only where the bare word
     # is a given name too (Әмір, Сұлтан)
     "король", "королі", "патша", "патшасы", "ханзада", "ханзадасы", "шейх", "әмірі", "сұлтаны", "губернатор",
     "губернаторы", "канцлер", "канцлері"]
)

# Institutions named by a capitalised common noun (the state's bodies): organisations.
# Ақорда, the President's residence, names his Administration in the news (Ақорда хабарлады).
INSTITUTIONS = frozenset(["үкімет", "парламент", "мәжіліс", "сенат", "ассамблея", "ақорда"])
# ... those of them one word names (Үкімет, Парламент, Ақорда); any other kind of body written alone
# with a capital is one named before, called by its kind (Ұйымның Бас хатшысы "the Organisation's
# Secretary-General", Ассамблеяның: KazNERD marks 8 of 10 such words as no name).
NAMED_BY_ONE_WORD = INSTITUTIONS - {"ассамблея"}

# Head nouns of facilities: buildings, sites and structures, named as bodies are (Қостанай
# әуежайы, Абай даңғылы, Қаллеки театры, Кеген аудандық ауруханасы, Сергеев су қоймасы, «Астана»
# концерт залы). KazNERD marks them FACILITY, after OntoNotes' FAC ("buildings, airports,
# highways, bridges"): not a body, nor the place or the person they are named after (Абай in Абай
# даңғылы). They close a name as a body's head does (ORG_HEADS holds them); the name's kind is
# "facility", and a translator renders its common word (Kostanay Airport, Abay Avenue).
FACILITY_HEADS = frozenset(
    ["әуежайы", "вокзалы", "автовокзалы", "айлағы", "порты", "стадионы", "көшесі", "даңғылы", "алаңы",
     "бульвары", "көпірі", "трассасы", "автожолы", "каналы", "қоймасы", "театры", "кинотеатры", "циркі", "залы",
     "ауруханасы", "кітапханасы", "музейі", "мұражайы", "зауыты", "кеніші", "сарайы",
     "кесенесі", "мешіті", "саябағы", "мейрамханасы", "полигоны", "монументі", "ескерткіші", "ғимараты", "шахтасы",
     "станциясы", "соборы", "мұнарасы", "телемұнарасы",
     # bare after an adjective (Орталық стадион, Ұлттық академиялық кітапхана); not a mosque's, a
     # palace's, a street's (Орталық мешіт ауданында "near the central mosque": a description)
     "стадион", "театр", "цирк", "аурухана", "кітапхана", "зауыт"]
)

# ... and their bare forms after атындағы ("named after"), where Kazakh writes no possessive
# (Махамбет Өтемісов атындағы көше, Абай атындағы саябақ: KazNERD marks them FACILITY whole).
FACILITIES_NAMED_AFTER = frozenset(["көше", "даңғыл", "алаң", "бульвар", "саябақ", "мешіт", "кесене", "көпір", "сарай", "әуежай"])
_FACILITY_WORDS = FACILITY_HEADS | FACILITIES_NAMED_AFTER

# Head nouns that close an organisation's name written with one capital (Денсаулық сақтау
# министрлігі, Гарвард университеті, Ұлттық банкі): the Kazakh generic words for kinds of
# organisation, bare (Ұлттық банк, Еуропалық одақ) and with the 3rd-person possessive they take
# after a noun (izafet: Қаржы министрлігі); never plural (Мамин тұрақтандыру қорларында is "in
# the stabilisation funds", after a person's name). Source: the names
# of Kazakhstan's ministries, agencies and companies on gov.kz.
# Not сайты: in Ақорда сайтында "on the Akorda's website" the name is Ақорда.
ORG_HEADS = frozenset(
    ["министрлік", "министрлігі", "комитет", "комитеті", "агенттік", "агенттігі", "университет", "университеті", "академия", "академиясы", "институт", "институты", "орталық", "орталығы", "банк", "банкі", "қор", "қоры", "партия", "партиясы", "одақ", "одағы", "ұйым", "ұйымы", "компания", "компаниясы", "фирма", "фирмасы", "корпорация", "корпорациясы", "қауымдастық", "қауымдастығы", "федерация", "федерациясы", "кеңес", "кеңесі", "комиссия", "комиссиясы", "кешен", "кешені", "палата", "палатасы", "сот", "соты", "прокуратура", "прокуратурасы", "холдинг", "холдингі", "мектеп", "мектебі", "колледж", "колледжі", "газет", "газеті", "телеарна", "телеарнасы", "телеканал", "телеканалы", "радио", "радиосы", "клуб", "клубы", "бюро", "бюросы", "конференция", "конференциясы", "арна", "арнасы", "агенттігі", "басылымы", "журналы", "порталы", "командасы", "әкімдігі",
     # regional bodies, the state's services and public institutions (gov.kz: Алматы қаласы Білім
     # басқармасы, Экономикалық тергеу департаменті; Ұлттық музей, Ұлттық гвардия, Мемлекеттік дума)
     "департамент", "департаменті", "басқарма", "басқармасы", "инспекция", "инспекциясы", "полиция", "полициясы",
     "гвардия", "гвардиясы", "дума", "думасы", "кабинет", "кабинеті", "елшілік", "елшілігі", "консулдық", "консулдығы",
     # a factory and a polyclinic are run as bodies (KazNERD: Макинск құс фабрикасы, «Шипагер»
     # емханасы), and the National Museum names the institution (Ұлттық музей)
     "фабрика", "фабрикасы", "емхана", "емханасы", "музей", "мұражай", "консерватория",
     "консерваториясы", "оркестр", "оркестрі", "ансамбль", "ансамблі", "телерадиокешен", "телерадиокешені", "альянс",
     "альянсы", "достастық", "достастығы", "серіктестік", "серіктестігі", "бірлестік", "бірлестігі", "биржа", "биржасы",
     # assemblies, local representative bodies and administrations, schools, enterprises (gov.kz:
     # Қазақстан халқы ассамблеясы, Алматы қалалық мәслихаты, Президент Әкімшілігі, Саратов әскери
     # училищесі, Ақмола облысы әкімдігі; ТМД Парламентаралық ассамблеясы; ассоциация in the
     # names of business associations; not the bare әкімшілік, the adjective "administrative")
     "ассамблея", "ассамблеясы", "ассоциация", "ассоциациясы", "мәслихат", "мәслихаты", "әкімдік", "әкімшілігі",
     "училище", "училищесі", "лицей", "лицейі", "гимназия", "гимназиясы", "кәсіпорын", "кәсіпорны", "балабақша", "балабақшасы",
     # departments (gov.kz: Түлкібас аудандық білім бөлімі; әскери бөлім, a military unit), possessed
     # only: the bare word is "a part"
     "бөлімі",
     # a body's units: subdivisions, faculties, military units (Қорғаныс министрлігі сапёрлік
     # бөлімшесі, ... университетінің заң факультеті, БҰҰ-ның үндістандық батальоны)
     "бөлімше", "бөлімшесі", "факультет", "факультеті", "батальон", "батальоны", "бригада", "бригадасы",
     "полк", "полкы", "дивизия", "дивизиясы",
     # industrial plants and film studios (Павлодар нан-тоқаш комбинаты, Біріккен Орталық киностудия)
     "комбинат", "комбинаты", "киностудия", "киностудиясы"]
) | FACILITY_HEADS

# The forms of a territorial unit's word that tie a body to the place before it (gov.kz, the names
# of local bodies: Өскемен қаласының әкімдігі, Атырау облысының өңірлік коммуникациялар қызметі,
# Алматы қаласындағы балалар ауруханасы, Түлкібас аудандық білім бөлімі, Бостандық аудандық Полиция
# басқармасы): the place, this word and the words up to a possessed head are one organisation's
# name (KazNERD marks them whole).
BODY_OF_PLACE = frozenset(
    ["қаласының", "облысының", "ауданының", "қаласындағы", "облысындағы", "ауданындағы", "қалалық", "облыстық", "аудандық"]
)
# After the genitive or -дағы forms ("the city's", "the one in the city") only the heads of the
# local state's bodies and public institutions close such a name: the city's water reserves, its
# historic centre, its farming complex are no bodies (Шымкент қаласының су қоры, Астана қаласының
# тарихи орталығы). After the adjectives (қалалық, облыстық, аудандық) any possessed head does.
LOCAL_BODY_HEADS = frozenset(
    ["әкімдігі", "әкімшілігі", "мәслихаты", "үкіметі", "басқармасы", "бөлімі", "департаменті", "қызметі", "комитеті",
     "инспекциясы", "полициясы", "прокуратурасы", "соты", "ауруханасы", "емханасы", "мектебі", "колледжі",
     "гимназиясы", "лицейі", "кітапханасы", "музейі", "театры"]
)
# Adjectives of status that open the names of national and international bodies (gov.kz: Ұлттық
# қауіпсіздік комитеті, Мемлекеттік кірістер комитеті, Халықаралық валюта қоры, Республикалық бюджет
# комиссиясы): at a sentence start before lower-case words and a possessed head, a name's first word.
STATUS_ADJECTIVES = frozenset(["ұлттық", "мемлекеттік", "халықаралық", "республикалық"])
# A service names a body after its place or its state and a word of its work (Ресей салық
# қызметі, Мемлекеттік күзет қызметі, Өскемендік жедел жәрдем қызметі); alone it is a description
# (Жедел жәрдем қызметі, Төтенше жағдайлар қызметі "the emergency service": KazNERD marks them no
# name), and right after a place it is someone's work there (Оның Ресей қызметі "his service in Russia").
SERVICE_HEADS = frozenset(["қызметі"])
# A local administration's units (gov.kz: ... қаласы Денсаулық сақтау басқармасы, ... аудандық білім
# бөлімі, ... облысының Төтенше жағдайлар департаменті), which a text often calls by their work alone.
LOCAL_UNITS = frozenset(["басқармасы", "бөлімі", "департаменті"])
# Foreign names as Kazakh texts spell them (romanize's table: Джо, Йенс, Трамп), folded.
_FOREIGN = frozenset(fold_kk(kk) for kk in FOREIGN_NAMES.values())
# The foreign given names among them: one alone names a person (Джон, Мэри).
_FOREIGN_GIVEN = frozenset(fold_kk(kk) for kk in FOREIGN_GIVEN_NAMES.values())

# Adjectives of time in -ғы/-гі (Бұрынғы "former", Қазіргі "current", Бүгінгі "today's"): they
# describe what follows, and opening a sentence they are never a name's first word.
TIME_ADJECTIVES = frozenset(
    ["бұрынғы", "қазіргі", "алдағы", "соңғы", "бүгінгі", "кешегі", "биылғы", "ертеңгі", "былтырғы", "алдыңғы", "кейінгі"]
)
# Words that make what follows a description, never a body's name (Алматы облысының бір бөлімі
# "one part of Almaty region"; академиясының қазіргі қызметі "the academy's current work"):
# numerals, determiners and adjectives of time, "new" and "old" among them (Оралхан Бөкей атындағы
# жаңа мектептің "of the new school named after O. B.").
_DETERMINERS = TIME_ADJECTIVES | frozenset(
    ["бұл", "осы", "сол", "әр", "барлық", "кейбір", "көптеген", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті",
     "сегіз", "тоғыз", "он", "жүз", "мың", "жаңа", "ескі"]
)

# Words of direction and position that open places' names as their first word, at a sentence
# start too (Батыс Қазақстан облысы, Оңтүстік Корея, Шығыс Азия, Жоғарғы Тобыл, Орталық Азия):
# common words alone, a name's before another capitalised word.
COMPASS_WORDS = frozenset(["батыс", "шығыс", "оңтүстік", "солтүстік", "орталық", "жоғарғы", "төменгі"])

# Countries whose regions are named by a compass word and the country's name (Солтүстік Қазақстан
# облысы, Батыс Қазақстан облысы: the Kazakh names of Kazakhstan's regions): without the region's
# word the compass word describes the country (Солтүстік Қазақстанға "to northern Kazakhstan",
# Шығыс Қазақстанның өзінде), the name is the country's alone, as KazNERD marks it. Other
# countries' compass names are names (Оңтүстік Корея, Солтүстік Америка).
COMPASS_REGIONS_OF = frozenset(["қазақстан"])

# Words of rank that open bodies' names before another capitalised word, a place's too (Жоғары
# Еуразия экономикалық кеңесі, the Supreme Eurasian Economic Council; Жоғарғы, "upper", is a
# compass word as well: Жоғарғы Сот, Жоғарғы Тобыл).
RANK_WORDS = frozenset(["жоғары"])

# Continents, whose adjectives open bodies' names (Еуразиялық экономикалық одақ, Еуропалық одақ,
# Азия даму банкі), unlike countries' and towns' (``_demonym``).
CONTINENTS = frozenset(["еуразия", "еуропа", "азия", "африка", "австралия", "антарктида"])
# Countries' everyday names the glossary keeps under their official ones (Америка for АҚШ).
COMMON_COUNTRY_NAMES = frozenset(["америка"])

# Words that open places' names before another name (Жаңа Зеландия, Оңтүстік Корея, Үлкен Алматы,
# Кіші Азия): a known place's name after one of them is part of the same name.
PLACE_MODIFIERS = COMPASS_WORDS | frozenset(["жаңа", "үлкен", "кіші", "ұлы", "ескі", "орта", "таяу", "алыс", "қиыр"]) | frozenset(PLACE_EPITHETS)

# Heads that close a name only written with a capital (Қарулы Күштері, the Armed Forces; Ресей
# күштері is "Russian forces").
CAPITALISED_HEADS = frozenset(["күштері"])

# Postpositions that close a phrase and so cannot stand inside a name (Біріккен Ұлттар Ұйымы
# секілді беделді ұйым "an organisation as respected as the UN": the name ends before секілді).
# (Not бойынша: gov.kz names local bodies "X қаласы бойынша Полиция департаменті".) And the words
# for "called", after a name and before what it names (Палмейрас деген бразилиялық клуб "a
# Brazilian club called Palmeiras", Ару атты қыз, Нұр есімді бала).
CALLED_WORDS = frozenset(["деген", "дейтін", "атты", "аталатын", "есімді"])
CLOSING_POSTPOSITIONS = frozenset(["секілді", "сияқты", "туралы", "арқылы", "үшін", "сайын", "қатысты"]) | CALLED_WORDS

# "and" between two names (Мәжіліс пен Үкімет); және is inside names too (Денсаулық сақтау және
# әлеуметтік даму министрлігі), so it does not part them.
_JOINING = frozenset(AND_WORDS) - {"және"}

# The particles of Arabic names (``ARABIC_PARTICLES``: бен, ибн "son of") written in lower case
# between a person's names (Салман бен Әбделазиз Әл Сауд, Бадр бен Сұлтан, Мұхаммед ибн Салман).
# бен is also the Kazakh "and", but only after ж and з, where the conjunction takes that form (мен
# after vowels and sonorants, пен after voiceless consonants: Kazakh grammar's harmony of the
# conjunction): Салман бен is the particle, Әбделазиз бен Фейсал may be "and".
ARABIC_NAME_PARTICLES = frozenset(ARABIC_PARTICLES)


# An honorific a person's name keeps between the given name and the surname (Наурызбай қажы
# Тағанұлы, the mufti: KazNERD marks the three words one PERSON).
_HONORIFICS_IN_NAMES = frozenset(["қажы"])


def _arabic_particle(words: list, j: int) -> bool:
    """Word ``j + 1`` joins the names on either side as an Arabic name's particle, or as an
    honorific before a surname or a patronymic (``_HONORIFICS_IN_NAMES``)."""
    if j + 2 >= len(words) or not _is_cap(words[j + 2][2]):
        return False
    particle = words[j + 1][2]
    if particle in _HONORIFICS_IN_NAMES:
        return _readings_end(fold_kk(words[j + 2][2]), PERSON_ENDINGS + PATRONYMIC_ENDINGS)
    if particle not in ARABIC_NAME_PARTICLES:
        return False
    if particle != "бен" or fold_kk(words[j][2])[-1:] not in ("ж", "з"):
        return True
    # after ж, з: the particle where the name goes on as an Arabic name does (Абдулазиз бен Салман Әл
    # Сауд, ... бен Салман бен ...) or a prince's or a sheikh's title stands before it
    after = fold_kk(words[j + 3][2]) if j + 3 < len(words) else ""
    before = fold_kk(words[j - 1][2]) if j else ""
    return after in ("әл", *ARABIC_NAME_PARTICLES) or before in _ARABIC_TITLES


# The particles of European names (``EUROPEAN_PARTICLES``) written in lower case between a person's
# names join them, one or two (Урсула фон дер Ляйен, Людвиг ван Бетховен, Винсент ван Гог); not де
# and да, Kazakh's "too" (Джон да Мэри де келді "John and Mary came"; Ливерпуль де Челси де),
# unless the romanization table has the whole name (Леонардо да Винчи, Шарль де Голль).
# Inside a run of a name's words, де and да stand only so.
EUROPEAN_NAME_PARTICLES = frozenset(EUROPEAN_PARTICLES)
_KAZAKH_TOO = frozenset(["де", "да"])


def _european_particles(doc: _Document, j: int) -> int:
    """How many particles of a European name (``EUROPEAN_NAME_PARTICLES``; де and да only where the
    romanization table has the name they make) stand between word ``j`` and the capitalised word
    after them, each a space apart: 0 where none do."""
    words = doc.words
    m = j + 1
    while m < len(words) and m - j <= 2 and words[m][2] in EUROPEAN_NAME_PARTICLES:
        m += 1
    if m == j + 1 or m >= len(words) or not _is_cap(words[m][2]) or not _is_cap(words[j][2]):
        return 0
    if not all(doc.spaced(i) for i in range(j + 1, m + 1)):
        return 0
    if any(words[i][2] in _KAZAKH_TOO for i in range(j + 1, m)):
        lead = " ".join(x[2] for x in words[j:m])
        if not any(published_whole(f"{lead} {lemma}") for lemma, _ in _readings(fold_kk(words[m][2]))):
            return 0
    return m - j - 1


# Titles before an Arabic name (ханзада Абдулазиз бен Салман).
_ARABIC_TITLES = frozenset(["ханзада", "шейх", "король", "королі", "әмірі"])  # not Әмір, a given name too


# Attributive postpositions inside an organisation's name, between its lower-case words and its
# head (gov.kz: Төтенше жағдайлар жөніндегі комитет, Президент жанындағы кеңес, Құрманғазы атындағы
# консерватория): they carry a case ending (-дағы, "the one at") but do not close the name as
# one does (Биылғы жарыстың ұтыс қоры); "named after" also opens a name to a person's before it.
IN_NAME = frozenset(["атындағы", "жөніндегі", "жанындағы"])

# Heads of the schools, universities and cultural bodies named after a person or a town without
# атындағы (Сәтбаев университеті, Назарбаев зияткерлік мектебі, Саратов әскери училищесі: a
# surname, or a town's name ending like one, opens the name): other heads after a surname are the
# person's words (Тоқаев қауіпсіздік кеңесінің отырысын өткізді).
NAMED_AFTER_HEADS = frozenset(
    ["университеті", "академиясы", "институты", "училищесі", "колледжі", "мектебі", "лицейі", "гимназиясы", "театры",
     "музейі", "консерваториясы", "қоры",
     # and the facilities named so (Сәтбаев көшесі, Сейфуллин даңғылы, Киров су қоймасы, Абай
     # ескерткіші: KazNERD marks them FACILITY whole)
     "көшесі", "даңғылы", "алаңы", "бульвары", "қоймасы", "кітапханасы", "стадионы", "саябағы", "ескерткіші"]
)

# ... those of them a person's full name opens too (Мұхтар Әуезов көшесі, Дінмұхамед Қонаев
# даңғылы, Нұрсұлтан Назарбаев халықаралық әуежайы), where other heads after a full name are the
# person's words (Асқар Мамин мектебін аралады "visited a school")
STREETS_NAMED_AFTER = frozenset(["көшесі", "даңғылы", "алаңы", "бульвары", "әуежайы"])
# ... those of them a common noun does not open alone: universities, military schools and
# conservatories (their names are a town's, a person's or an adjective's: Кембридж университеті;
# Неке институты is "the institution of marriage", Футбол академиясы a football academy); and the
# endings of Kazakh adjectives (-лық, -ғы, -лы) that tell a description from a name (Аграрлық
# университеті).
SCHOLARLY_HEADS = NAMED_AFTER_HEADS & frozenset(["университеті", "училищесі", "консерваториясы"])
_DERIVED_ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")  # Қазақстандық, Америкалық
_ADJECTIVE_ENDINGS = _DERIVED_ADJECTIVE_ENDINGS + ("ғы", "гі", "қы", "кі", "лы", "лі", "ды", "ді", "ты", "ті")

# Heads of kinds of business that a country's name right before describes, not names (Қытай
# компаниясы "a Chinese company", Германия компаниясы): a company's name has its own word
# («Қазақ Экспорт» сақтандыру компаниясы, Самұрық-Қазына).
COMPANY_HEADS = frozenset(["компаниясы", "фирмасы", "кәсіпорны"])

# ... and heads of the bodies every place has, which a place's name right before describes the same
# way (Қытай соты "a Chinese court", Атырау полициясы "the Atyrau police", Нидерланд командасы "the
# Dutch team": KazNERD marks the place).
DESCRIBED_HEADS = COMPANY_HEADS | frozenset(["соты", "полициясы", "командасы"])

# Words for kinds of product that follow a product's name (KazNERD: «Суперджет 100» ұшағы, «ЗиЛ»
# көлігі, «Smart Astana» қосымшасы, Ту-159 ұшағы): the name before one is a product's, not an
# organisation's; it is kept as a name.
# Among them the vehicles, named by their maker and a model: the first word before a model is the
# maker's name, an organisation's (``_maker_first``: Sukhoi Superjet 100 ұшағы); apps, trains and
# vaccines have names of their own («Smart Astana» қосымшасы, «Ақ Орда» пойызы).
MAKERS_PRODUCTS = frozenset(["ұшағы", "тікұшағы", "көлігі", "автокөлігі", "автобусы", "машинасы", "смартфоны"])
PRODUCT_GENERICS = MAKERS_PRODUCTS | frozenset(
    ["қосымшасы", "зымыраны", "кемесі", "пойызы", "вакцинасы", "препараты"]
)

# Heads of the state's bodies, one of each in the country, that always close a name, whatever opens
# it (Мәдениет министрлігі, Бас прокуратура at a sentence start; gov.kz: the Prosecutor General's
# Office is Бас прокуратура, a name, though бас "chief" is a common word).
STATE_BODIES = frozenset(["министрлік", "министрлігі", "прокуратура", "прокуратурасы"])

# Head nouns of titles of office written after an institution's or a country's name (Үкімет
# басшысы, Сенат төрағасы, Денсаулық сақтау министрі, Сыртқы істер министрінің): a title, not a name.
POSITION_HEADS = frozenset(
    ["басшы", "басшысы", "төраға", "төрағасы", "министр", "министрі", "әкім", "әкімі", "хатшы", "хатшысы", "орынбасар", "орынбасары", "депутат", "депутаты", "директор", "директоры", "ректор", "ректоры", "бастығы", "сенатор"]
)

# Generic words that follow a place's name and belong to it (Ақтөбе облысы).
# Peninsulas, bays, oceans and straits keep their generic word (Корей түбегі, Парсы шығанағы,
# Азия-Тынық мұхиты, Керчь бұғазы: KazNERD marks them whole, as English does: the Korean Peninsula);
# so do the states of history (Ресей империясы, Қазақ хандығы: the Russian Empire, the Kazakh Khanate)
# and a confederation (Швейцария конфедерациясы).
PLACE_HEADS = frozenset({"облысы", "облыстары", "түбегі", "шығанағы", "мұхиты", "бұғазы", "империясы", "хандығы", "қағанаты", "конфедерациясы"})  # Батыс Қазақстан және Ақтөбе облыстары
# (ауданы, қаласы, өзені are not: "Алматы қаласы" is "the city of Almaty", the name is Алматы;
# a region's official name is "X облысы", X Region.)

# The words for a kind of state that close a country's official name (Біріккен Араб Әмірліктері,
# Иордания Хашимит Корольдігі, Оман Сұлтандығы, Монако Княздігі, Люксембург Ұлы Герцогтігі,
# Қазақстан Республикасы): a place, though they end in the possessive as organisations' heads do.
STATE_HEADS = frozenset(
    ["корольдігі", "корольдік", "әмірлігі", "әмірліктері", "сұлтандығы", "княздігі", "герцогтігі", "штаттары", "штаттар", "штаты",
     "республикасы"]
)

# Generic words after a place's name that are not part of it in KazNERD's or the press's reading
# ("Қордай ауданында" is "in Korday district": the name is Қордай): the Kazakh terms of the
# administrative-territorial units (Law of the Republic of Kazakhstan "On the administrative-
# territorial structure", 1993: облыс, аудан, қала, кент, ауыл, село, ауылдық округ) and of
# geography (өзен, көл, тау, шатқал, өңір), in the possessive they take after a name. A
# capitalised word before one is a place's name, at a sentence start too. Among them: the plurals,
# after names joined by "and", where each name is a place (Махамбет, Индер және Исатай аудандарының:
# three districts, two named after people; Батыс Қазақстан және Ақтөбе облыстары, with облыстары a
# place's head); seas, islands, deserts, ridges and lowlands (Каспий теңізіне: the name is Каспий).
PLURAL_PLACE_GENERICS = frozenset(["аудандары", "қалалары", "ауылдары", "кенттері", "өзендері", "көлдері", "облыстары"])
LANDFORM_GENERICS = frozenset(["теңізі", "аралы", "шөлі", "жотасы", "ойпаты", "планетасы"])  # and planets: Шолпан планетасы, Venus
PLACE_GENERICS = frozenset(
    ["ауданы", "қаласы", "кенті", "ауылы", "аулы", "селосы", "ауылдық", "өзені", "көлі", "тауы", "таулары", "шатқалы", "өңірі", "облысы",
     "ықшамауданы", "шағынауданы", "мөлтекауданы", "қалашығы", "алабы", "қорығы", "селолық",
     # the units of other states (Мекке провинциясы, Хоккайдо префектурасы, Кент графтығы)
     "провинциясы", "префектурасы", "графтығы", "губерниясы"]
) | (PLURAL_PLACE_GENERICS - PLACE_HEADS) | LANDFORM_GENERICS

# The generic words a quoted name stands before in its own form, the word taking the endings
# («Алтын» компаниясына, «Самал» ықшамауданында, «Жаңа Жібек жолы» бағдарламасы): bodies',
# places', products' and works' kinds.
# Among them the kinds of things that are no body nor place: programmes and projects, works, events
# and awards (KazNERD marks «Нұрлы жол» бағдарламасы a PROJECT, «Абай» операсы ART): the name
# before one is a name of its own kind, not an organisation's (buildings and sites are
# FACILITY_HEADS: «Астана» концерт залы, «Байқоңыр» ғарыш айлағы). The press names a person after
# whom a thing is named before есімі ("the name": «Абай» есімі берілді).
THING_GENERICS = frozenset(
    ["бағдарламасы", "жобасы", "фильмі", "әні", "кітабы", "романы", "операсы", "спектаклі", "дастаны", "өлеңі",
     "жинағы", "сериалы", "фестивалі", "кинофестивалі", "байқауы", "марафоны", "форумы", "конкурсы",
     "турнирі", "чемпионаты", "көрмесі", "операциясы", "оқу-жаттығуы", "оқу-жаттығулары", "ордені", "медалі",
     "бекеті", "аймағы", "ойындары",
     # awards (KazNERD ART: «Алтын сапа» сыйлығы, «Құрмет» төсбелгісі, «Парыз» белгісі), events
     # (EVENT: «Абай оқулары» сайысы, not акциясы, a campaign's and a company's shares), laws
     # (LAW: «Жер» кодексі), brands (PRODUCT: «Брент» маркалы мұнай, «Ямал 401» жер серігі), a
     # format («Бес қосу бір» форматы) and a broadcast's column («Хабарлас» айдары); not a body's
     # possessions, which a company's or a party's quoted name stands before as often as a thing's
     # own (the system, the strategy, the meeting, the initiative, the card: «Kaspi» жүйесі,
     # «Самұрық-Қазына» стратегиясы, «Нұр Отан» жиыны, бастамасы, «Kaspi» картасы)
     "сыйлығы", "жүлдесі", "белгісі", "төсбелгісі", "грамотасы", "марапаты", "номинациясы",
     "шарасы", "сайысы", "бәйгесі", "заңы", "кодексі", "шығармасы", "туындысы", "айдары", "маркасы",
     "маркалы", "серігі", "форматы",
     # a field of study, a major (MISCELLANEOUS: «Азаматтық инженерия» мамандығы, «Әлем
     # экономикасы» мамандығы бойынша)
     "мамандығы"]
)
# The last words of programmes' and events' titles quoted whole, no generic word after them
# (KazNERD marks them PROJECT and EVENT: «Жастар жылы» "the Year of Youth", «Волонтёрлер жылы»,
# «Бес әлеуметтік бастама» "Five Social Initiatives", «Үшінші жаңғыру», «Чемпиондар кеші»; not
# "step", a kindergarten's or a club's name as often: «Бірінші қадам» балабақшасы): a body's
# possessions after a quoted name («Нұр Отан» бастамасы) are its own, but inside the quotes they end
# a thing's title.
TITLE_OWN_WORDS = frozenset(["кеші", "жылы", "бастама", "бастамасы", "бастамалары", "жаңғыру", "жаңғыруы"])
# The last word of a broadcast's title: a quoted name ending in "news" names a bulletin, a
# programme (KazNERD marks «Қорытынды жаңалықтар», Khabar's evening news that its transcripts'
# reporters sign off with, ART), unless a body's word follows («Жаңалықтар» газеті).
PROGRAMME_TITLE_HEADS = frozenset(["жаңалықтар", "жаңалықтары"])
# The events among them: an everyday word or the games' own word (EVENT_WORDS) before one is the
# event's, which a translator translates (Олимпиада ойындары the Olympic Games, Әлем чемпионаты the
# World Championship), as the English side's event heads are; a place's name is the place's (Азия
# ойындары, Бостон марафоны).
EVENT_WORDS = frozenset(["олимпиада", "паралимпиада", "универсиада", "спартакиада", "азиада", "дефлимпиада", "сурдлимпиада", "әлем"])
EVENT_GENERICS = frozenset(["ойындары", "чемпионаты", "турнирі", "фестивалі", "марафоны", "форумы", "көрмесі", "конкурсы", "байқауы"])
NAMED_GENERICS = ORG_HEADS | PLACE_GENERICS | PRODUCT_GENERICS | THING_GENERICS | frozenset(
    ["журналы", "газеті", "сайты", "есімі"]
)

# The words of streets, roads and landmarks (Сейфуллин көшесі, Абай даңғылы, Талғар трассасы,
# Бәйтерек монументі): a name before one is the street's or the landmark's, which a place's generic
# word after them (ауданында "in the area of") does not make a place of several words.
STREET_GENERICS = frozenset(["көшесі", "даңғылы", "алаңы", "трассасы", "автожолы", "базары", "монументі", "бульвары", "шағынауданы"])

# Words before a place's generic word that make one with it (шағын ауданы "microdistrict", тұрғын
# алабы "residential area", елді мекені "settlement").
PLACE_GENERIC_MODIFIERS = frozenset(["шағын", "ықшам", "тұрғын", "елді"])

# The geographic ones among them, and елді of елді мекен ("settlement"): what follows a river's,
# lake's, mountain's or village's name is not a body of it (Есіл өзені арнасы is the riverbed, not
# a channel; Қызылдала елді мекені аудан орталығынан "the village of K., from the district centre").
NATURE_GENERICS = frozenset(["өзені", "көлі", "тауы", "таулары", "шатқалы", "алабы", "елді"]) | LANDFORM_GENERICS

_POSSESSED_HEADS = frozenset(h for h in ORG_HEADS | PLACE_HEADS if h[-1] in "ыі")

# Generic nouns that never open a name (Облыс орталығы "the regional centre").
GENERIC = _POSSESSED_HEADS | POSITION_HEADS | frozenset(["облыс", "аудан", "қала", "ел", "мемлекет"])


# Given names that are everyday words too (сапар "trip", ислам "Islam", болат "steel", әділет
# "justice", қанат "wing", сұлтан "sultan", сәуле "ray", дана "wise", ерік "will", мирас
# "heritage", қайрат "vigour", бақыт "happiness", жеңіс "victory", нұр "light", ізгілік
# "kindness", бейбіт "peaceful", жұлдыз "star", гүл "flower", арман "dream", айгүл...): at a
# sentence start, with nothing else to go by, such a word is the word (Сапар барысында, Болаттың
# бағасы), not a person.
EVERYDAY_GIVEN = frozenset(
    ["сапар", "ислам", "болат", "әділет", "қанат", "сұлтан", "сәуле", "дана", "ерік", "мирас", "қайрат", "бақыт",
     "жеңіс", "нұр", "бейбіт", "жұлдыз", "гүл", "арман", "ақыл", "батыр", "айбын", "азамат", "досым", "мерей",
     "сезім", "талап", "үміт", "шаттық", "ырыс", "құдірет", "әсел", "тілек", "сая", "жанар", "ардақ", "марат",
     "мейрам", "салтанат", "азат"]  # "holiday", "ceremony" (салтанатты "solemn"), "free"
)

# The last elements of Kazakh given names (Kazakh anthroponymy: -жан "soul", -бек, -хан, -бай,
# -гүл "flower", -ғали, -ғазы: Өміржан, Нұрбек, Мұратхан, Тұрлыбай, Данагүл, Төреғали): a single
# word ending in one, with no place's case and a letter only Kazakh has before it, is a person's
# name; foreign places end alike (Исфахан, Мумбай, Азербайжан) and Kazakh ones may (Шыңжан).
GIVEN_NAME_ELEMENTS = ("жан", "бек", "хан", "бай", "гүл", "ғали", "ғазы")
# Names whose -ды, -ді, -ты, -ті is their own, not the accusative's: a verb's past form ("gave",
# "came", "stood", "sold": Құдайберді, Рахманберді, Амангелді, Жанкелді, Тұрды, Сатыбалды) and an
# adjective of having ("lucky", "blessed", "happy": Жолды, Құтты, Бақты). Any other surname after a
# given name in such a form is in the accusative (Берік Уәлиді, Асқар Құрметті, Денис Тенді).
VERBAL_NAME_ENDINGS = ("берді", "келді", "гелді", "тұрды", "балды", "жолды", "құтты", "бақты")

# The letters of Kazakh that Russian lacks: a name with the elements above and one of them is
# Kazakh (Өміржан, Нұрбек), a foreign place's is not (Исфахан, Мумбай, Астрахан).
_KAZAKH_LETTER = re.compile("[әғқңөұүһі]")

# Endings of surnames and patronymics (Тоқаев, Назарбаева, Путин, Байтұрсынұлы, Әбішұлы, Сәтқызы,
# Ахметович): a word with one is a person's name.
PERSON_ENDINGS = ("ов", "ев", "ёв", "ова", "ева", "ина", "ұлы", "улы", "қызы", "ович", "евич", "овна", "евна", "ский", "ская", "енко",
                  "цкий", "цкая")  # and Троцкий, Вишневецкая
# A woman's surname (Попкова, Ахметова, Ильина, Маевская): a word in -ина before one is her given
# name (Катерина, Марина, Ирина), not a surname of its own.
_WOMENS_SURNAMES = ("ова", "ева", "ина", "ская")
PATRONYMIC_ENDINGS = ("ұлы", "улы", "қызы", "ович", "евич", "овна", "евна")


def _ends_in(folded: str, endings: tuple[str, ...]) -> bool:
    """``folded`` ends in one of ``endings``; in -улы (a patronymic's ұ typed у: Байтурсынулы) only
    on seven letters or more, not an adjective in -лы on a stem in у (қару + лы "armed", тау + лы
    "mountainous", аяу + лы "dear": Қарулы Күштері, Таулы Қарабақ, Аяулы аналар)."""
    if not folded.endswith(endings) or folded in endings:
        return False  # Ұлы alone is "great" (Ұлы Британия, Ұлы Жібек жолы), no patronymic
    return len(folded) >= 7 or not ("улы" in endings and folded.endswith("улы"))

# Words right after a single name that say it is a person's: the honorifics and kinship words
# said after a name (the glossary matcher's HONORIFICS: Төле би, Құнанбай атамыз, Клара апамыз,
# Наурызбай қажы), religious and old titles, and "according to X" (Ниязың айтуынша: an
# organisation says it with its head noun, министрліктің айтуынша). Folded, bare forms; their
# inflected and possessed forms are found by stem. Source: Kazakh usage (Қазақ тілінің
# грамматикасы, 2002: атау сөздер, қаратпа сөздер).
PERSON_AFTER = HONORIFICS | frozenset(
    ["сұлтан", "пайғамбар", "ақсақал", "қария", "әулие", "әже", "бауырымыз", "есімді", "айтуынша", "сөзінше", "пікірінше",
     # what is someone's own after a name in the genitive (Ораз әулеті, Диастың үйі, Ясауи хикметтері)
     "әулеті", "отбасы", "үйі", "әкесі", "анасы", "балалары", "шығармалары", "шығармашылығы", "өлеңдері", "әндері",
     "хикметтері", "романстары",
     # a relative of the one named in the genitive (Дайырбайдың немересі, Асқардың жұбайы; not
     # бауыры, a mountain's foothills as often: Қазығұрттың бауырында)
     "немересі", "шөбересі", "жиені", "інісі", "ағасы", "апасы", "қарындасы", "сіңлісі", "жұбайы", "зайыбы",
     "күйеуі", "әйелі"]
)
# The kinship words of address among the honorifics, which follow a name in a case too (Сақыпжамал
# әжейдің); the titles (ақын, батыр, хан, би) follow common nouns as well (Жас ақынның).
KIN_ADDRESS = HONORIFICS - frozenset(["ақын", "батыр", "хан", "би", "мырза", "ханым", "қажы"])

# Words right before a single name that say it is a person's: a title of office (Франция
# президенті Макрон, облыс әкімі), an occupation or a relation (ойшыл Аристотель, император
# Нарухито, жазушы, әріптесім, зайыбы). Folded; inflected and possessed forms by stem.
PERSON_BEFORE = POSITION_HEADS | frozenset(
    ["император", "ойшыл", "ойшылы", "ақын", "ақыны", "жазушы", "жазушысы", "композитор", "композиторы", "сазгер", "сазгері",
     "әнші", "әншісі", "суретші", "суретшісі", "қолбасшы", "қолбасшысы", "ғалым", "ғалымы", "философ", "философы", "профессор",
     "академик", "дәрігер", "дәрігері", "спортшы", "боксшы", "палуан", "журналист", "тілші", "тілшісі", "бапкер", "бапкері",
     "патша", "патшасы", "король", "королі", "ханзада", "ханшайым", "әмірі", "шейх", "сұлтаны", "губернатор", "губернаторы", "әріптес", "әріптесі", "әріптесім", "жолдас", "жолдасы",
     "досы", "зайыбы", "жұбайы", "әкесі", "анасы", "інісі", "ағасы", "апасы", "қарындасы", "немересі", "шәкірті", "ұстазы",
     "мырза", "ханым", "азамат", "азаматша", "президент", "президенті", "премьер-министр", "премьер-министрі", "канцлер",
     "канцлері",
     # a court's, a police's and a trade's roles (Прокурор Сейітов, Судья Жұмабаев, Сотталушы
     # Ахметов: court reports' usage)
     "прокурор", "прокуроры", "судья", "судьясы", "сотталушы", "айыпталушы", "тергеуші", "тергеушісі", "адвокат",
     "адвокаты", "кәсіпкер", "мұғалім", "мұғалімі", "тренер", "тренері", "зейнеткер", "фермер", "шаруагер", "инспектор",
     "полицей", "куәгер",
     # a scholar's, an artist's, a player's occupation (математик Пифагор, тарихшы Страбон,
     # режиссер Тарковский: encyclopaedic and sports usage), and a famous figure (тұлғасы Гомер)
     "математик", "физик", "химик", "биолог", "астроном", "географ", "археолог", "тарихшы", "тарихшысы",
     "экономист", "инженер", "саясаткер", "саясаткері", "дипломат", "елші", "елшісі", "актер", "актеры",
     "актриса", "актрисасы", "режиссер", "режиссері", "продюсер", "продюсері", "футболшы", "футболшысы",
     "хоккейші", "шахматшы", "теннисші", "балуаны", "ғарышкер", "ғарышкері", "ұшқыш", "ұшқышы", "тұлға", "тұлғасы",
     "математигі", "физигі", "химигі", "биологы", "астрономы", "археологы", "экономисі", "инженері", "дипломаты",
     "шахматшысы", "теннисшісі", "хоккейшісі",
     # an age (он үш жасар Абзал "thirteen-year-old Abzal", 19 жастағы Қарасай), unless the name
     # is a town's whose resident the age is (24 жастағы Шелек тұрғыны: ``_OF_A_PLACE``)
     "жасар", "жастағы"]
)
# Military ranks and clergy's titles: before a name, a person's (генерал Макартур, имам Мұхаммед);
# opening a sentence, no word of the name (Майор Ахметов, Генерал Джеймс Эвинг), but of what is
# named after the bearer (Маршал Жуков даңғылы: ``_rank_in_a_name``).
RANKS = frozenset(
    ["генерал", "генерал-майор", "генерал-лейтенант", "генерал-полковник", "полковник", "подполковник", "майор",
     "капитан", "лейтенант", "сержант", "адмирал", "маршал", "командир", "командирі", "имам", "имамы", "митрополит",
     "епископ"]
)


def _rank_in_a_name(doc: "_Document", k: int) -> bool:
    """The rank at word ``k`` opens the name of what is named after its bearer: the capitalised
    words after it reach атындағы or a street's or a facility's head (Маршал Жуков даңғылы, Адмирал
    Нахимов атындағы мектеп, Имам Ағзам мешіті) or a body's (Генерал Электрик компаниясы)."""
    words = doc.words
    x = k + 1
    while x < len(words) and doc.spaced(x) and _is_cap(words[x][2]):
        x += 1
    if x == k + 1 or x >= len(words) or not doc.spaced(x):
        return False
    nxt = words[x][2]
    return nxt.islower() and (fold_kk(nxt) == "атындағы" or _stem_in(nxt, STREETS_NAMED_AFTER | NAMED_AFTER_HEADS | FACILITY_HEADS | ORG_HEADS))


# Nouns that make the name before them a place's: its resident, its native, its graduate, its young
# man or woman (Шелек тұрғыны, Алматының тумасы, 24 жастағы Шелек жігіті).
_OF_A_PLACE = frozenset(["тұрғыны", "тұрғындары", "тумасы", "түлегі", "азаматы", "жігіті", "баласы", "қызы"])
# A single capital and a full stop before a name is an initial (А. Байтұрсынов, Қ. Тоқаев).
_INITIAL_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_])\.[ \u00a0]*\Z")
# A name said to someone: "Зейін, ..." opening a sentence before a lower-case word, or ", Зейін."
# closing one (Қайырлы кеш, Риат! Рақмет, Лаура.) after a lower-case word.
_VOCATIVE_AFTER = re.compile(r"[ \u00a0]*,[ \u00a0]*(?=[а-яёәғқңөұүһі])")
_VOCATIVE_BEFORE = re.compile(r"[ \u00a0]*,[ \u00a0]*")
# A name, a comma, and "you": the person spoken to (Азамат, сіз эфирдесіз; Жігер, сен ...).
_ADDRESSED = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:сіз|сен|сіздер|сендер)(?![^\W\d_])", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[ \u00a0]*[.!?]")

# Acronyms of common nouns, not of one organisation (Қазақ тілінің қысқартылған сөздер сөздігі
# usage): БАҚ mass media, ЖОО higher school, ЖІӨ GDP, ҚҚС VAT, ЖСН/БСН personal and business
# numbers, ДНҚ DNA, АЭС/ЖЭС power stations, СМС. Those in Latin letters, in Kazakh and English
# text alike (IT, PhD, GPS, TV, UTC), are data/initialisms-en.txt; ``_thing_initials`` asks both.
COMMON_ACRONYMS = frozenset(
    ["бақ", "жоо", "жіө", "ққс", "жсн", "бсн", "днқ", "аэс", "жэс", "жэо", "смс", "іт", "нло", "пцр", "жқ", "тж",
     # kinds of vehicle and weapon (бронетранспортёр, ұшқышсыз ұшу аппараты)
     "бтр", "пуа", "ұұа",
     # the satellite navigation system (жаһандық позициялау жүйесі, GPS)
     "жпс"]
)

# Acronyms of legal forms (Civil Code of the Republic of Kazakhstan: ЖШС жауапкершілігі шектеулі
# серіктестік LLP, АҚ акционерлік қоғам JSC, КЕАҚ non-profit JSC, state enterprises РМК, МКК and
# the treasury ones РМҚК, МКҚК, ЖК sole trader, ШҚ farm; their Russian forms ТОО and АО, common in
# Kazakh text; and ҰК, a national company, a status the state gives a JSC, not a legal form): they
# say what kind of body a name is («Болашақ» ЖШС, «ҚТЖ» ҰК АҚ), not which one, so they are not
# names; in capitals only (Ақ is a word: Ақ Орда; the lower-case ақ, "white", is no head noun
# either), and not where a name in capitals follows (АҚ ЖОЛ).
LEGAL_FORMS = frozenset(["жшс", "ақ", "кеақ", "рмк", "мкк", "рмқк", "мкқк", "жк", "шқ", "тоо", "ао", "ұк"])

# Endings of place names (Қазақстан, Ашхабад, Көкшетау, Талдықорған no; Германия, Петропавл no).
PLACE_ENDINGS = ("стан", "абад", "тау", "төбе", "бұлақ", "көл", "су", "град", "бург", "поль", "ия", "ск")

# Analyses of an ending that a name rarely takes and that would cut a name short (Алматы is not
# Алмат + ы "my Almat": 1st and 2nd person possessives, predicative endings).
_RARE = ("p1sg", "p2sg", "p2pol", "p1pl", "cop")
# The last morpheme of a word with a case ending (a name inside a longer name takes none).
_CASES = frozenset({"gen", "dat", "acc", "loc", "abl", "ins", "attr", "ki"})
# Locative and ablative forms say "a place" (Атырауда, Өзбекстандағы, Алматыдан).
_PLACE_CASES = ("loc", "abl")

# Endings of Kazakh verb forms, looked for on quoted lower-case words of six letters or more
# (nouns like кен, мекен, теңіз, қымыз end alike but are shorter): participles (-ған, -ген, -қан,
# -кен and their cases: жүргендей), the first and second persons (сыйлаймыз, келемін,
# табыңдар, көрсеткіміз келеді's -міз), the present's third person in -ады/-еді/-йды/-йді.
_VERB_FORM = re.compile(r"(?:[ғгқк][ае]н(?:дай|дей|да|де|ға|ге|нан|нен|ның|нің)?|[мб][ыі][зн]|ң(?:дар|дер|ыз|із)|[ае]ді|[ае]ды|йды|йді)$")

# деген after a quoted word: "called" (a name) or "said" (words); деп, деді say words.
_CALLED = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?деген(?![^\W\d_])")
# "named", after quoted words: a name, however many words («Оскар Медикал» деп аталған жеке
# клиника "a private clinic called Oscar Medical"), not words said.
_NAMED_AS = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?деп[ \u00a0]+атал", re.IGNORECASE)
# "came to be called", after quoted words: a nickname or an epithet («Барлаушы ханшайым» атанды "she
# became known as the Explorer Princess"), a name of no body: kept as a name.
_NICKNAMED = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?атан", re.IGNORECASE)
# What follows деген when the quoted word is a word, not a name («Жекпе-жек» деген сөз "the word").
_WORDS_NOUN = r"(?:сөз|термин|ұғым|ұран|тіркес)"  # "word", "term", "notion", "slogan", "phrase"
_WORD_SAID = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?деген[ \u00a0]+" + _WORDS_NOUN, re.IGNORECASE)
# ... and what follows quoted words given as examples of words («Плюрализм», «саяси трансформация»
# сияқты сөздер "words such as ..."), after the last of a list of quotations.
_WORDS_LIKE = re.compile(r"[ \u00a0]*(?:сияқты|секілді|тәрізді)[ \u00a0]+" + _WORDS_NOUN, re.IGNORECASE)
# A verb of saying after a list of quotations («Жаздым, жаңылдым», «Кешіре гөр» деп ...): words said.
# (Not a dash or деген, which follow a list of names too: «Қайрат», «Астана» — ең мықты командалар.)
_SAID_AFTER_LIST = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?де(?:п|ді|йді)(?![^\W\d_])")

_QUOTE_OPEN = "«“„\""
_QUOTE_CLOSE = "»”“\""
# An ellipsis, "!" or "?" closing a quoted title before атты, inside its quotes (elsewhere a
# quotation's: «Тоқаев бұл мәселені көтерді…» – деді).
_TITLE_PUNCTUATION = re.compile(r"[ \u00a0]*(?:…|\.\.\.|[!?])")
# One more quotation of a list, after a comma.
_NEXT_QUOTED = re.compile(rf"[ \u00a0]*,[ \u00a0]*[{_QUOTE_OPEN}][^{_QUOTE_CLOSE}\n]{{1,80}}[{_QUOTE_CLOSE}]")
_WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*")
_AMPERSAND = re.compile(r"[ \u00a0]?&[ \u00a0]?")
_LATIN_CAPITAL = re.compile(r"[A-Z][A-Za-z]*")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
MAX_LOWER_WORDS = 6  # lower-case words an organisation's name may have before its head
MAX_QUOTED_WORDS = 4  # longer quotations are slogans and titles of works
# between a product's name and its kind: a closing quote, a model number in digits ("» ", " 100 ", "-154 ")
_NUMBER_GAP = re.compile(r"[ \u00a0]*[»”\"]?[ \u00a0]*(?:[-/]?\d[\d/-]*[ \u00a0]*[»”\"]?[ \u00a0]*)?")
_NUMBER_TAIL = re.compile(r"(?:[ \u00a0]*\d+)?")  # «Хабар 24»
_MODEL_DIGITS = re.compile(r"[ \u00a0]?\d")  # A320, A 320
_MODEL_NUMBER = re.compile(r"[ \u00a0]+(?:[^\W\d_][ \u00a0]?)?\d")  # Боинг 737, Airbus A320; not Ту-154
# What follows quoted words that someone said or that something is called (« ... » , — дейді;
# « ... » деген): a quotation, not a name.
_SPEECH_AFTER = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:[—–-]|де(?:п|генде|ген|йді|ді|лінген|лінді)\b)")


@lru_cache(maxsize=8)
def _word_list(name: str, english: bool = False) -> frozenset[str]:
    """The first column of a data file's lines, folded as Kazakh (``fold_kk``) or, for an English
    list, case-folded (``fold_kk`` would write its Latin a, e, o as Cyrillic)."""
    path = resources.files("kkaligner") / "data" / name
    fold = str.casefold if english else fold_kk
    return frozenset(
        fold(line.split("\t")[0].strip())
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


def _given_name(folded: str) -> bool:
    """A given name common in Kazakhstan (``kazakh.given_names``): Әсел, Дархан, Сергей; or one of
    world news (``FOREIGN_GIVEN_NAMES``: Джон, Карлос, Франсуа)."""
    return folded in folded_given_names() or folded in _FOREIGN_GIVEN


def _given_then_place(doc: "_Document", j: int) -> bool:
    """Word ``j`` is a given name and the next a place the glossary or the romanization table
    knows, in a case (Мадина Афинада тұрады, Ерлан Шардараға барды), or the first word of a
    place's name of two, a compass word or a place's modifier, which no surname is (Мадина
    Оңтүстік Кореяда, Ерлан Жаңа Зеландияда): a person, then a place."""
    nxt = doc.words[j + 1][2]
    if not _given_name(fold_kk(doc.words[j][2])):
        return False
    if j + 2 < len(doc.words) and doc.spaced(j + 2) and _is_cap(doc.words[j + 2][2]) and _opens_place(doc, j + 1):
        return True
    return doc.inflected(nxt) and any(
        _table_place(lemma) or (_known_kind(lemma) == "place" and not lemma.endswith(FEMININE_AFTER))
        for lemma, a in _readings(fold_kk(nxt))
        if a
    )  # not a surname a town is named after (Дінмұхамед Қонаевтың, Қаныш Сәтбаевтың, Игорь Курчатовтың)


def _table_place(folded: str) -> bool:
    """The romanization table (with the glossary's countries it reads) has ``folded`` as a place's
    name only (Афина, Шардара; not Қонаев, a person's and a town's, nor Абай, of any kind)."""
    rows = EXCEPTIONS.get(folded, ())
    return bool(rows) and all(r.kind == "place" for r in rows)


def _opens_table_name(doc: "_Document", k: int, j: int) -> bool:
    """Words ``k``.. of a run ending at ``j`` open a name of several words the romanization table
    has whole, as written (Қожа Ахмет Ясауи): its first word is the name's, though a common word
    (қожа "master") opens the sentence."""
    words = doc.words
    return any(
        fold_kk(" ".join(x[2] for x in words[k : k + m])) in EXCEPTIONS for m in range(min(4, j - k + 1), 1, -1)
    )


@lru_cache(maxsize=1)
def _table_first_names() -> frozenset[str]:
    """The folded first words of the romanization table's people of several words (Жамбыл of Жамбыл
    Жабаев, whom Kazakh calls by it alone)."""
    return frozenset(key.split(" ")[0] for key, rows in EXCEPTIONS.items() if " " in key and any(r.kind == "person" for r in rows))


@lru_cache(maxsize=1)
def _published_places() -> frozenset[str]:
    """The folded one-word places (and names of any kind) of the romanization exceptions table:
    towns, districts, rivers whose English spelling is published (Шардара, Жаркент, Зайсан), and
    the glossary's countries the table reads (``romanize.TERRITORY_SOURCE``)."""
    return frozenset(fold_kk(r.kazakh) for rows in EXCEPTIONS.values() for r in rows if r.kind in ("place", "") and " " not in r.kazakh)



# The shipped glossary's kinds of entry, as the kinds of names.
_GLOSSARY_KINDS = {"country": "place", "city": "place", "region": "place", "place": "place", "person": "person", "organisation": "organisation"}


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The folded Kazakh names of the countries the shipped names glossary has (kind country)."""
    return frozenset(fold_kk(t.source) for t in Glossary.default() if t.kind == "country")


@lru_cache(maxsize=2)
def _glossary_kinds(english: bool = False) -> dict[str, str]:
    """Person, place or organisation for the names of the shipped names glossary (its countries,
    cities, regions, people and organisations), by folded Kazakh source or, with ``english``, by
    case-folded English rendering, accepted alternative (U.S., US) or spelling it forbids (Kiev for
    Kyiv): what a name is, not how to render it, so it is asked even when the glossary is not used
    to leave names out."""
    out: dict[str, str] = {}
    for t in Glossary.default():
        kind = _GLOSSARY_KINDS.get(t.kind or "")
        keys = [x.casefold() for x in (t.target, *t.alternatives, *t.forbidden) if x] if english else [fold_kk(t.source)]
        for key in keys if kind else ():
            out.setdefault(key, kind)
    return out


def _known_kinds() -> dict[str, str]:
    """Folded Kazakh source -> kind for the shipped glossary's names (``_glossary_kinds``)."""
    return _glossary_kinds()


def _known_kind(key: str) -> str:
    """The shipped glossary's kind for a name's folded key (its last word's other readings too:
    құрама штаттарда -> құрама штаттар)."""
    known = _known_kinds()
    if key in known:
        return known[key]
    head, _, last = key.rpartition(" ")
    for lemma, _a in _readings(last):
        k = f"{head} {lemma}".strip()
        if k in known:
            return known[k]
    return ""


def _starter(folded: str) -> bool:
    """A function word that opens sentences (Бұл, Ал, Тіпті): the splitter's sentence starters."""
    return folded in _word_list("sentence-starters-kk.txt")


# The words that close a body's name: heads, institutions, the capitalised heads.
_BODY_HEADS = ORG_HEADS | INSTITUTIONS | CAPITALISED_HEADS


def _everyday_opener(word: str, nxt: str) -> bool:
    """``word``, opening a sentence before ``nxt``, is an everyday word (``_everyday``) that opens
    the sentence, not a name: alone, before a lower-case word (Облыстық білім басқармасы, "the
    regional education department") or before a name (Тілшіміз Алуа Маханбет, "our correspondent
    A. M."); a body's name opens with one before its capitalised head (Бас Прокуратура, Мемлекеттік
    Дума). Asked where the text says nothing about the word."""
    return _everyday(fold_kk(word)) and not (_is_cap(nxt) and _stem_in(nxt, _BODY_HEADS))


def _everyday(folded: str) -> bool:
    """The word ``folded`` (a form or a lemma) is one Kazakh writes in lower case: the bare word or
    a stem of it is in data/common-words-kk.txt (counted in KazNERD), and neither the word nor that
    stem is a given name or a name the shipped glossary knows (Тоқтар, not тоқ + тар). Asked only
    where the document says nothing about the word."""
    if _given_name(folded) or _known_kind(folded):
        return False
    usage = common_words()
    return any(lemma in usage and not _given_name(lemma) and not _known_kind(lemma) for lemma, _ in _readings(folded))


def _common_words() -> frozenset[str]:
    """Kazakh words that are not names: the sentence starters and the stems of the aligner's seed
    lexicon of everyday words (жол, ақ, темір, кеше)."""
    return _word_list("sentence-starters-kk.txt") | _word_list("align-lexicon-kk-en.tsv")


# --- the result ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractedName:
    """A name found in a document and not covered by the glossary.

    ``lemma`` is its dictionary form (Kazakh: the inflected forms' stem, capitals as written);
    ``forms`` the spellings seen, most frequent first; ``count`` the occurrences; ``spans`` where
    they stand in the text (``text[a:b]`` is the inflected occurrence); ``kind`` one of ``KINDS``
    (a guess); ``rendering`` the proposed spelling in the other language, ``rendering_by``
    ``"exception"`` (a published spelling), ``"glossary"`` (the glossary's names inside it as it
    renders them, the rest by rule) or ``"rules"`` (to be checked); ``example`` one sentence
    that uses it.
    """

    lemma: str
    kind: str
    count: int
    forms: tuple[str, ...]
    rendering: str
    rendering_by: str
    example: str
    spans: tuple[Span, ...]
    lang: str = "kk"

    def term(self) -> Term:
        """The glossary entry proposed for this name (rich TSV columns: kind, note, provenance)."""
        target_lang = "en" if is_kazakh(self.lang) else "kk"
        how = {
            "exception": "spelt as published (romanization exceptions); check it",
            "glossary": "the glossary's names inside it as the glossary renders them, the rest proposed by rule; check it",
        }.get(self.rendering_by, "proposed by rule; check it")
        if self.kind == "name" and self.rendering_by == "rules":
            # a work's, a law's, a programme's title («Байланыс туралы» заң): its words mean something
            how = "a title spelt by rule: translate it where it has an English title; check it"
        return Term(
            source=self.lemma,
            target=self.rendering,
            kind=self.kind,
            note=f"{self.count}× in the text ({', '.join(self.forms[:4])}); e.g. {self.example[:160]}",
            provenance=f"kkalign glossary extract: {how}",
            source_lang="kk" if is_kazakh(self.lang) else "en",
            target_lang=target_lang,
        )


# --- mentions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    words: tuple[str, ...]  # as written; the last one inflected
    kind: str  # a kind the mention's shape proves, or ""
    person_cue: bool = False  # its context says a person: a title before, an honorific after...
    # a common word opening a sentence opens it (Полиция департаменті): a name only where the
    # document writes it mid-sentence too
    opening: bool = False
    # the words are the name's own form: a quoted name before the word it names, which takes the
    # endings («Алтын» компаниясына: Алтын, not Алт + ын)
    bare: bool = False


# Arabic name particles written in lower case before a capital (әл-Фараби, ибн-Сина).
_PARTICLE = re.compile(r"(?:әл|ал|ад|ас|ибн)-(?=[^\W\d_])", re.IGNORECASE)


def _is_cap(w: str) -> bool:
    if w[:1].isupper():
        return True
    m = _PARTICLE.match(w)
    return bool(m) and w[m.end() : m.end() + 1].isupper()


# Roman numerals of centuries and monarchs, of I, V, X and L (not C, D, M: acronyms' letters);
# Kazakh texts write them with the Cyrillic І and Х too (ХХ ғасыр, ХІХ-ХХ ғасырлар).
_ROMAN = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_LOOKALIKES = str.maketrans("ІХ", "IX")


def _roman_numeral(w: str) -> bool:
    """``w`` is a Roman numeral or a range of two (ХІХ-ХХ)."""
    return all(p and _ROMAN.fullmatch(p) for p in w.translate(_ROMAN_LOOKALIKES).split("-"))


def _is_acronym(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def _heading_words(doc: "_Document") -> frozenset[int]:
    """The indices of the words on lines written wholly in capitals, two words or more (a heading:
    ҚАЗАҚСТАН РЕСПУБЛИКАСЫ ҰЛТТЫҚ БАНКІНІҢ АҚША-КРЕДИТ САЯСАТЫ), where the capitals mark no name."""
    out: set[int] = set()
    text, words = doc.text, doc.words
    line: list[int] = []
    for x, (s, _e, _w) in enumerate(words + [(len(text) + 1, 0, "")]):
        if line and (x == len(words) or "\n" in text[words[line[-1]][1] : s]):
            start, end = words[line[0]][0], words[line[-1]][1]
            letters = [c for c in text[start:end] if c.isalpha()]
            if len(line) >= 2 and letters and all(c.isupper() for c in letters):
                out.update(line)
            line = []
        line.append(x)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _shouted(w: str) -> bool:
    """``w``, written in capitals, is an everyday word or a verb's form (a headline's or a legal
    heading's: ЖАЛПЫ ЕРЕЖЕЛЕР, БЕКІТІЛГЕН, ТОҚАЕВ АҚШ-ҚА БАРДЫ), no name nor a body's initials;
    initials are no Kazakh word of four letters or more (ЖИТС, НАТО, ЕАЭО)."""
    letters = [c for c in w if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters) or not _CYRILLIC.search(w):
        return False
    f = fold_kk(w)
    if _stem_in(f, _BODY_HEADS | PLACE_HEADS | PLACE_GENERICS | STATE_HEADS):
        return False  # АҚТӨБЕ ОБЛЫСЫНЫҢ ӘКІМДІГІ: a name's generic word, in a heading too
    return _everyday(f) or bool(_VERB_FORM.search(f)) or _starter(f)


def _caps_before_generic(doc: "_Document", k: int) -> bool:
    """Word ``k`` opens a run of words in capitals that a lower-case generic word follows (АУЫЛ
    партиясы, ЖАСЫЛ ЕЛ жобасы): the run is a name, whatever its words mean."""
    words = doc.words
    j = k
    while j + 1 < len(words) and doc.spaced(j + 1) and words[j + 1][2].isupper():
        j += 1
    nxt = words[j + 1][2] if j + 1 < len(words) and doc.spaced(j + 1) else ""
    if not nxt.islower():
        return False
    if j == k and not _stem_in(nxt, _BODY_HEADS | PLACE_GENERICS):
        return False  # Президенттің ЖАҢА бағдарламасы: one word in capitals before a thing's, stressed
    return _stem_in(nxt, NAMED_GENERICS)


def _stem_in(word: str, table: frozenset, others: bool = True) -> bool:
    """``word`` is a word of ``table`` in some singular inflected form (министрлігінің -> министрлігі).
    Without ``others``, not with another's possessive: bare, in a case or "my", "our" (апамыз), not
    "your", "his" (атаңыз, атасына)."""
    w = fold_kk(word)
    if w in table:
        return True
    for k in range(2, len(w)):
        if w[:k] in table:
            analysis = _chains(w[:k]).get(w[k:])
            if analysis is None:
                continue
            parts = analysis.split("+")
            if "pl" not in parts and (others or not any(p.startswith(("p2", "p3")) for p in parts)):
                return True
    return False


def _chains(stem: str) -> dict[str, str]:
    """Ending -> analysis for ``stem`` (both harmonies; after a possessive when it ends like one)."""
    return _chains_of(final_class(stem), stem[-1:] in "ыі")


@lru_cache(maxsize=None)
def _chains_of(cls: str, after_possessive: bool) -> dict[str, str]:
    # one table per final sound's class, not per stem: a few dozen tables of ~50 kB, where one per
    # stem held hundreds of MB over a large document
    out: dict[str, str] = {}
    possessed = (False, True) if after_possessive else (False,)
    for p3 in possessed:
        for front in (False, True):
            for suf, analysis in suffix_chains(cls, front, p3):
                out.setdefault(suf, analysis)
    return out


def _ending_ok(stem: str, ending: str) -> bool:
    return ending in _chains(stem)


def _readings(form: str) -> list[tuple[str, str]]:
    """(lemma, analysis) readings of a folded word: the bare word, and stems with an ending that
    their final sound allows (voiced final consonant restored: бәйтерегі -> бәйтерек + і)."""
    out = [(form, "")]
    head, hyphen, tail = form.rpartition("-")
    if hyphen and head and tail in all_suffixes():  # НАТО-ның, АҚШ-та: the ending after a hyphen
        analysis = _chains(head).get(tail) or next(
            (a for cls in CLASSES for f in (False, True) for suf, a in suffix_chains(cls, f) if suf == tail), "case"
        )
        out.append((head, analysis))
        return out
    for k in range(3, len(form)):
        stem, ending = form[:k], form[k:]
        analysis = _chains(stem).get(ending)
        if analysis is not None and not any(r in analysis for r in _RARE):
            out.append((stem, analysis))
        last = stem[-1]
        if last in DEVOICE and ending[:1] in VOWELS and len(stem) >= 2 and stem[-2] in VOWELS:
            lemma = stem[:-1] + DEVOICE[last]
            analysis = _chains(lemma).get(ending)
            if analysis is not None and not any(r in analysis for r in _RARE):
                out.append((lemma, analysis))
    return out


def _ampersands_joined(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``words`` with Latin names an ampersand joins made one word of a name (Procter & Gamble,
    S&P, AT&T: the ampersand kept in its lemma), as in English (``_en_joined``): not after a
    body's head (Qatar Airways & Turkish Airlines: two names)."""
    out: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(words):
        if out and _LATIN_CAPITAL.match(w) and _AMPERSAND.fullmatch(text, out[-1][1], s):
            ps, _pe, pw = out[-1]
            # nor where the plural of a body's kind or "between" follows the two (Fitch & Moody's
            # агенттіктері, Apple & Google арасындағы: two names; but Ernst & Young аудиторлары)
            after = [x[2] for x in words[i + 1 : i + 3] if x[2] != "s"]  # (Moody's: its s apart)
            nxt = after[0] if after and after[0].islower() else ""
            two = fold_kk(nxt).startswith("арас") or bool(nxt and _plural_generic(nxt))
            if _LATIN_CAPITAL.fullmatch(pw.rsplit(" ", 1)[-1]) and pw.rsplit(" ", 1)[-1].casefold() not in _EN_OF_HEADS and not two:
                out[-1] = (ps, e, text[ps:e])
                continue
        out.append((s, e, w))
    return out


class _Document:
    """The words of one Kazakh text with what they say about case."""

    def __init__(self, text: str):
        self.text = text
        self.words = _ampersands_joined(text, [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)])
        self.initial = [sentence_initial(text, s) for s, _, _ in self.words]
        lower: dict[str, int] = {}
        capital: dict[str, int] = {}
        for (s, e, w), ini in zip(self.words, self.initial):
            f = fold_kk(w)
            if w[:1].islower() and not _is_cap(w):  # (әл-Фараби: a particle's capital, no lower-case use)
                lower[f] = lower.get(f, 0) + 1
            elif _is_cap(w) and not ini and not w.isupper():
                capital[f] = capital.get(f, 0) + 1
        self.lower, self.capital = lower, capital
        self.written_capital = {fold_kk(w) for _, _, w in self.words if _is_cap(w)}
        self._by_prefix: dict[str, list[str]] = {}
        for f in self.written_capital:
            self._by_prefix.setdefault(f[:4], []).append(f)
        self._lower_stems = self._stem_counts(lower)
        self._capital_stems = self._stem_counts(capital)

    def spaced(self, i: int) -> bool:
        """Words ``i - 1`` and ``i`` stand one space apart (a plain or a no-break space): nothing,
        no punctuation, no number between them, as between the words of one name."""
        return 0 < i < len(self.words) and self.text[self.words[i - 1][1] : self.words[i][0]] in (" ", "\u00a0")

    @staticmethod
    def _stem_counts(counts: dict[str, int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for f, n in counts.items():
            for lemma, _ in _readings(f):
                out[lemma] = out.get(lemma, 0) + n
        return out

    def evidence(self, word: str) -> tuple[int, int]:
        """(capitalised mid-sentence, lower-case) uses in the document of ``word``'s lemma(s)."""
        cap = low = 0
        for lemma, _ in _readings(fold_kk(word)):
            cap = max(cap, self._capital_stems.get(lemma, 0))
            low = max(low, self._lower_stems.get(lemma, 0))
        return cap, low

    def inflected(self, word: str) -> bool:
        """``word`` carries a case ending (Қарасайда мектеп: "a school in Karasay", not a school's
        name): a distinctive one, or a short one on a stem the text also writes capitalised."""
        f = fold_kk(word)
        if self.extended(f) or f in _known_kinds() or _given_name(f):
            # the text inflects this very form, or the shipped glossary has it, or it is a given
            # name: a lemma (Қазақстан, Қазақстанның; not Қазақс + тан "from"; Жарғын, not жарғы + н)
            return False
        for lemma, analysis in _readings(f):
            if analysis.split("+")[-1] not in _CASES:
                continue
            if lemma in self.written_capital or lemma in _known_kinds() or lemma in _published_places() or (analysis not in _WEAK and len(lemma) >= 4):
                # ... or on a name the shipped glossary or the romanization table has (Петропавлда
                # жаңа мектеп, Афинада Джордж Смитпен)
                return True
            if len(lemma) >= 4 and _case_shaped(lemma, f[len(lemma) :], analysis):
                return True  # Найробиде елшілік: "an embassy in Nairobi"
        return False

    def extended(self, folded: str, mid_sentence: bool = False) -> bool:
        """The text writes ``folded`` capitalised with an ending after it (with ``mid_sentence``,
        not at a sentence's start only: Еңбекке адал бол is a sentence's capital)."""
        forms = self._by_prefix.get(folded[:4], ())
        if mid_sentence:
            forms = [w for w in forms if w in self.capital]
        return any(lemma == folded for w in forms for lemma, a in _readings(w) if a)

    def lowered(self, word: str) -> bool:
        """The text writes ``word`` (any form) in lower case at least as often as capitalised."""
        cap, low = self.evidence(word)
        return low >= max(1, cap)

    def common(self, k: int) -> bool:
        """Word ``k`` (at a sentence start) is an everyday word: the text writes it in lower case
        far more often than capitalised mid-sentence, or, where the text is silent, it is in the
        common-words lists or usage's (``_everyday``: Облыстық білім басқармасы, "the regional
        education department")."""
        w = self.words[k][2]
        if _starter(fold_kk(w)):
            return True
        if _stem_in(w, NAMED_BY_ONE_WORD):
            # Үкімет, Парламент: the institution, which Kazakh writes with its capital, unless the
            # text writes the word in lower case more often (үкімет "a government")
            cap, low = self.evidence(w)
            return low > cap
        nxt = self.words[k + 1][2] if k + 1 < len(self.words) else ""
        if _stem_in(w, PERSON_BEFORE) and not _given_name(fold_kk(w)) and not _stem_in(w, NAMED_BY_ONE_WORD | TITLES):
            return True  # Прокурор Сейітов, Жазушы Мұқанов: an occupation before the name (not Азамат, a given name)
        if _stem_in(w, RANKS) and not _rank_in_a_name(self, k):
            return True  # Майор Ахметов, Генерал Пиночет: a rank before the name
        if _is_cap(nxt) and _readings_end(fold_kk(nxt), PERSON_ENDINGS + PATRONYMIC_ENDINGS):
            return False  # a first name before a surname (Азамат Алдоңғаров), whatever азамат means
        cap, low = self.evidence(w)
        if low and low >= 3 * cap:
            return True
        if cap:
            return False
        if fold_kk(w) in STATUS_ADJECTIVES and _body_follows(self, k) is not None:
            return False  # Ұлттық ядролық орталығы, Халықаралық валюта қоры: a state body's name opens so
        if any(lemma in _common_words() for lemma, _ in _readings(fold_kk(w))):
            return True
        if not _everyday_opener(w, nxt):
            return False
        # the text is silent: usage (Облыстық білім басқармасы); but an adjective of kind, not of a
        # territorial unit or a country, before one noun and a body's head names a body of the
        # state (Азаматтық авиация комитеті, Медициналық сақтандыру қоры)
        head = self.words[k + 2][2] if k + 2 < len(self.words) else ""
        return not (
            _derived_adjective(w) and fold_kk(w) not in BODY_OF_PLACE and not _demonym(w)
            and nxt.islower() and self.spaced(k + 1) and self.spaced(k + 2)
            and head.islower() and _stem_in(head, _BODY_HEADS)
        )

    def addressed(self, k: int) -> bool:
        """Word ``k`` is a given name (an everyday one too), a comma and "you" follow: the person
        spoken to (Азамат, сіз эфирдесіз; not Апа, сіз)."""
        f = fold_kk(self.words[k][2])
        return bool(_ADDRESSED.match(self.text, self.words[k][1])) and (_given_name(f) or f in EVERYDAY_GIVEN)

    def sentence_start_is_name(self, k: int, run_length: int) -> bool:
        """Word ``k`` starts a sentence (and a run of ``run_length`` capitalised words)."""
        w = self.words[k][2]
        f = fold_kk(w)
        nxt = self.words[k + 1][2] if k + 1 < len(self.words) else ""
        if _starter(f):
            return False
        bare, _, ending = w.partition("-")
        if _latin(w) and (_CYRILLIC.search(ending) or any(c.isupper() for c in bare[1:])):
            # FlyArystan, Fokker-дің: a word in Latin letters with an ending in Cyrillic or a
            # capital inside is a name (Live, Five may be English words)
            return True
        if _latin(w) and nxt.islower() and _stem_in(nxt, ORG_HEADS):
            return True  # Tesla компаниясы, Kaspi банкі: a body's name before its head
        after = self.words[k + 2][2] if k + 2 < len(self.words) else ""
        if run_length == 1 and _latin(w) and nxt in AND_WORDS and _latin(after) and _is_cap(after):
            return True  # Microsoft пен Amazon: a name listed with another in Latin letters
        if run_length == 1 and self.addressed(k):
            return True  # Азамат, сіз эфирдесіз: the person spoken to, whatever the word means
        if _after_initial(self.text, self.words[k][0]):
            return True  # the full stop is an initial's (Т. Рысқұлбек), not a sentence's end
        if run_length > 1 and _readings_end(fold_kk(nxt), PERSON_ENDINGS + PATRONYMIC_ENDINGS):
            return True  # a first name before a surname or patronymic (Дастан Сейілханұлы)
        if run_length > 1 and _opens_place(self, k):
            return True  # Жоғарғы Тобыл, Оңтүстік Корея, Таяу Шығыс
        cap, low = self.evidence(w)
        if low and low >= 3 * cap:
            return False  # the matcher's LOWER_RATIO: a common word that opens a sentence
        if cap:
            return True
        if run_length == 1 and _stem_in(w, NAMED_BY_ONE_WORD):
            return True  # Үкімет, Парламент: the institution, written with its capital (not in lower case more often)
        if any(lemma in _common_words() for lemma, _ in _readings(f)):
            return False
        if any(
            _known_kind(lemma) or (_given_name(lemma) and lemma not in EVERYDAY_GIVEN) for lemma, _ in _readings(f)
        ):
            return True  # a name the shipped names glossary knows, or a given name (Өскеменнің, Әбіш)
        if _everyday_opener(w, nxt):
            return False  # the text says nothing, usage does (Машина жасауға ...)
        if run_length > 1 and (f in TIME_ADJECTIVES or (
            not _stem_in(nxt, _BODY_HEADS | PLACE_GENERICS)
            and any(a in _PLACE_CASES and len(lemma) >= 4 for lemma, a in _readings(f))
        )):
            # only a name's last word takes a case ending: a word in the locative or ablative, or a
            # time's adjective, opening the sentence is no first word of the name after it (Клубта
            # Бобек "in the club, Bobek", Пресс-конференцияда Сирипорн, Бұрынғы Олимпиада чемпионы
            # "the former Olympic ..."); but a place may end like one before a body's word (Невада
            # Университеті)
            return False
        if run_length > 1 or _looks_like_person(f):
            return True
        # Сақыпжамал әжейдің, Клара апамыз: a kinship word of address after the word, bare, in a
        # case or "our", not another's (Келін атасына "the bride to her father-in-law", Майдангер
        # атаңыз "your veteran grandfather")
        return nxt.islower() and _stem_in(nxt, KIN_ADDRESS, others=False)


# Nouns of lands and waters, bare or possessed, that a place's everyday first word is written
# before (Шам елі "Syria", Қара теңіз "the Black Sea", Жер планетасы "planet Earth").
_PLACE_NOUNS = frozenset({"ел", "теңіз", "көл", "тау", "өзен", "мұхит", "арал", "шөл", "планета"})


def _generic_after(doc: _Document, j: int, close: int) -> str:
    """The first generic word (``NAMED_GENERICS``) among the three lower-case words of its sentence
    after a quoted name whose last word is ``j`` and whose words end at ``close`` («Астана» концерт
    залы: залы), or "". After атты, деген ("named") the generic word is bare, in any case, alone
    or closing a compound («Президент және Астана» атты фотокөрмені: көрмесі)."""
    text, words = doc.text, doc.words
    start = close
    named = False
    # past the list of quoted names this one opens, the generic word is theirs, in the plural
    # («Жас маман», «Жас кәсіпкер» бағдарламалары; «Құтты мекен» және «Ауыл — ел бесігі» жобалары)
    listed = False
    while (m := _LIST_NEXT.match(text, start)) is not None:
        start, listed = m.end(), True
    if listed:
        j = bisect.bisect_left(words, start, key=lambda w: w[0]) - 1
    for x in range(j + 1, min(len(words), j + 4)):
        if text[start : words[x][0]].strip(" \u00a0" + _QUOTE_CLOSE) or not words[x][2].islower():
            return ""
        if not listed and _stem_in(words[x][2], NAMED_GENERICS):
            return words[x][2]
        plural = _plural_generic(words[x][2])
        if plural:
            return plural
        if listed:
            return ""
        if named:
            bare = _bare_generic(words[x][2])
            if bare:
                return bare
        named = named or fold_kk(words[x][2]) in _NAMING_WORDS
        start = words[x][1]
    return ""


# The words of a project, a policy and a brand after a name in Latin letters.
_LATIN_THING_WORDS = frozenset(["жобасы", "саясаты", "маркасы", "маркалы", "бағдарламасы"])


def _latin_thing_follows(doc: "_Document", j: int) -> bool:
    """The word after word ``j`` is a project's, a policy's or a brand's (``_LATIN_THING_WORDS``)."""
    words = doc.words
    if j + 1 >= len(words) or not doc.spaced(j + 1) or not words[j + 1][2].islower():
        return False
    return _stem_in(words[j + 1][2], _LATIN_THING_WORDS)


# A closing quote and the next name of a list of quoted names, joined by a comma or "and".
_LIST_NEXT = re.compile(
    rf"[ \u00a0]*[{_QUOTE_CLOSE}]?[ \u00a0]*(?:,[ \u00a0]*(?:(?:және|немесе)[ \u00a0]+)?|(?:және|немесе|мен|пен|бен)[ \u00a0]+)"
    rf"[{_QUOTE_OPEN}][^{_QUOTE_CLOSE}\n]{{1,80}}[{_QUOTE_CLOSE}]"
)


def _plural_generic(word: str) -> str:
    """The possessed generic word (``NAMED_GENERICS``) whose plural ``word`` is, in a case or not
    (бағдарламаларына: бағдарламасы), or ""."""
    w = fold_kk(word)
    table = _bare_generics()
    for k in range(3, len(w) - 2):
        if w[:k] in table:
            analysis = _chains(w[:k]).get(w[k:])
            if analysis and analysis.startswith("pl+p3"):
                return table[w[:k]]
    return ""


# The legal forms after a company's quoted name (акционерлік қоғам JSC, жауапкершілігі шектеулі
# серіктестік LLP, and their initials АҚ, ЖШС, ЖАҚ, ММ, КМК, РМК).
_LEGAL_FORMS = frozenset(["ақ", "жшс", "жақ", "мм", "кмк", "рмк", "ашық", "акционерлік", "жауапкершілігі"])


def _legal_form_after(doc: "_Document", j: int) -> bool:
    """A legal form follows the quoted name whose last word is ``j`` («Алматы әуежайы» АҚ): a
    company's name, whatever its words."""
    words = doc.words
    if j + 1 >= len(words):
        return False
    nxt = words[j + 1][2]
    return fold_kk(nxt.split("-")[0]) in _LEGAL_FORMS and (nxt.isupper() or nxt.islower())


# After a quoted name, атты ("named") and a word no table knows: the name of a thing of that kind.
_NAMED_THING = re.compile(r"[»”\" \u00a0]*атты[ \u00a0]")

# "named", "called" between a quoted name and the generic word it names (атты кітап, деген фильм).
_NAMING_WORDS = CALLED_WORDS - {"есімді", "дейтін"}  # атты, деген, (деп) аталатын
# What a name before "called" names may be a person (Ару деген қыз).
_CALLED_PERSON = frozenset(["бала", "қыз", "жігіт", "адам", "әйел", "кісі", "ұл", "қарт", "азамат", "тұрғын"])


def _called_kind(doc: "_Document", j: int) -> str:
    """The kind of what the name ending at word ``j`` names where "called" follows it
    (``CALLED_WORDS``): a person's after есімді, "named"; else what the first noun among the three
    lower-case words after it says, a facility, a body, a place or a person, in any case
    (Палмейрас деген бразилиялық клубтан: a club; Алғыс деген ауыл тұрғыны: a village), up to a
    word in a case; where none says, a person's for a given name, else ""."""
    words = doc.words
    if j + 1 >= len(words) or not doc.spaced(j + 1) or fold_kk(words[j + 1][2]) not in CALLED_WORDS:
        return ""
    if fold_kk(words[j + 1][2]) == "есімді":
        return "person"  # Марат есімді жігіт банкке барды
    # a given name where no noun says otherwise (Қайрат деген футбол клубы: the club)
    given = "person" if _given_name(fold_kk(words[j][2])) else ""
    for x in range(j + 2, min(len(words), j + 5)):
        w = words[x][2]
        if not w.islower() or not doc.spaced(x):
            return given
        for lemma in {fold_kk(w), *(lemma for lemma, _ in _readings(fold_kk(w)))}:
            generic = _bare_generic(lemma) or lemma
            if _stem_in(generic, FACILITY_HEADS):
                return "facility"
            if _stem_in(generic, ORG_HEADS):
                return "organisation"
            if _stem_in(generic, PLACE_GENERICS):
                return "place"
            if lemma in _CALLED_PERSON:
                return "person"
        if _case_ending(w):
            return given
    return given


# "About", "on": a quoted name that ends in one is a work's or a law's title, never a body's.
_ABOUT = frozenset(["туралы", "жайлы", "жөнінде", "хақында"])


@lru_cache(maxsize=1)
def _bare_generics() -> dict[str, str]:
    """The bare form of each possessed generic word (фильм: фильмі, көрме: көрмесі, бағдарлама)."""
    out = {}
    for g in sorted(NAMED_GENERICS):
        for bare in possessive_stems(g):
            out.setdefault(bare, g)
    return out


def _bare_generic(word: str) -> str:
    """The possessed generic word (``NAMED_GENERICS``) whose bare form ``word`` is, in a case or not,
    or closes as a compound's last part (фотокөрме), or ""."""
    table = _bare_generics()
    for lemma, analysis in _readings(fold_kk(word)):
        if "p3" in analysis.split("+"):
            continue
        if lemma in table:
            return table[lemma]
        for bare, generic in table.items():
            if len(bare) >= 4 and len(lemma) > len(bare) + 2 and lemma.endswith(bare):
                return generic
    return ""


def _everyday_word(doc: _Document, j: int) -> bool:
    """Word ``j``, capitalised alone before a lower-case word, is an everyday word (``_everyday``)
    the text capitalises nowhere else mid-sentence: it opens a phrase, not a name (Алғыс айту күні,
    Еңбек сіңірген қайраткер), unless a place's word follows (Шам елі, Қара теңізде)."""
    w = doc.words[j][2]
    if not _everyday(fold_kk(w)) or doc.evidence(w)[0] > 1:
        return False
    nxt = doc.words[j + 1][2] if j + 1 < len(doc.words) else ""
    return not _stem_in(nxt, PLACE_GENERICS | _PLACE_NOUNS)


# An epithet written with a capital before the noun it praises (Ұлы дала "the Great Steppe", Ұлы
# ойшыл "the great thinker"): the phrase may be a name, the epithet alone is none.
_EPITHETS = frozenset({"ұлы"})


def _derived_adjective(word: str) -> bool:
    """``word`` ends like a derived adjective (ұлттық "national", Римдік "Roman") and is no name
    the shipped glossary or the given names know (Арқалық, Жақсылық: names of their own); before
    a lower-case word, it describes that word."""
    f = fold_kk(word)
    return f.endswith(_DERIVED_ADJECTIVE_ENDINGS) and not _known_kind(f) and not _given_name(f)


def _product_follows(doc: _Document, j: int) -> int | None:
    """The index of a kind of product (``PRODUCT_GENERICS``) that follows word ``j``, right after
    it or after a model number in digits (a letter may open it: Airbus A320), a closing quote
    between (Sukhoi Superjet 100 ұшағы, «Боинг 737» ұшағы; not Боинг екі ұшағы, "two of Boeing's
    planes"), or None."""
    words = doc.words
    look, start = j + 1, words[j][1]
    if look < len(words) and len(words[look][2]) == 1 and doc.spaced(look) and _MODEL_DIGITS.match(doc.text, words[look][1]):
        look, start = look + 1, words[look][1]  # Airbus A320: the model's letter
    if look >= len(words) or _NUMBER_GAP.fullmatch(doc.text, start, words[look][0]) is None:
        return None
    return look if words[look][2].islower() and _stem_in(words[look][2], PRODUCT_GENERICS) else None


def _maker_first(doc: _Document, k: int, j: int, generic: int) -> bool:
    """The name of words ``k``..``j``, before the vehicle ``generic`` names (``MAKERS_PRODUCTS``),
    opens with its maker's name, an organisation's (KazNERD marks it so: Sukhoi in Sukhoi Superjet
    100 ұшағы, Боинг in «Боинг 737» ұшағы): a model follows the first word, another word or a number
    after a space. A name of one word alone is the product's («ЗиЛ» көлігі), and so is one with its
    number after a hyphen (Ту-154 ұшағы)."""
    if not _stem_in(doc.words[generic][2], MAKERS_PRODUCTS):
        return False
    return j > k or bool(_MODEL_NUMBER.match(doc.text, doc.words[k][1]))


def _product_mentions(doc: _Document, k: int, j: int, end: int, generic: int, number: tuple[str, ...] = ()) -> list[_Mention]:
    """A product's name, words ``k``..``j`` (and a model ``number``) ending at ``end``, before the
    word ``generic``: its maker, an organisation, and its model's words, a name (``_maker_first``;
    a model number alone is no name); or the whole, a name."""
    words = doc.words
    if not _maker_first(doc, k, j, generic):
        return [_Mention(words[k][0], end, tuple(x[2] for x in words[k : j + 1]) + number, "name")]
    out = [_Mention(words[k][0], words[k][1], (words[k][2],), "organisation")]
    model = words[k + 1 : j + 1]
    if any(len(x[2]) > 1 for x in model):  # not the letter of Airbus A320 alone
        out.append(_Mention(model[0][0], end, tuple(x[2] for x in model) + number, "name"))
    return out


def _place_opener(first: str, second: str) -> bool:
    """Folded ``first``, before ``second``, opens a place's name: a compass word (Оңтүстік Корея,
    Жоғарғы Тобыл), a foreign place's first word (Шри Ланка, Сан Франциско: romanize's
    ``PLACE_OPENERS``, a place's whatever its case), or a
    modifier of places' names before a compass word (Таяу Шығыс, Қиыр Шығыс: the Middle, the Far
    East) or a continent (Орта Азия, Кіші Азия: Central Asia, Asia Minor), or of a place the glossary
    knows (Жаңа Зеландия, at a sentence's start too)."""
    if first in COMPASS_WORDS or first in PLACE_OPENERS:
        return True
    return first in PLACE_MODIFIERS and any(
        lemma in COMPASS_WORDS or _known_kind(f"{first} {lemma}") == "place"
        or (lemma in CONTINENTS and f"{first} {lemma}" in EXCEPTIONS)  # Орта Азия, Кіші Азия: rows of the table
        or (first in PLACE_EPITHETS and (lemma in TERRITORIES or f"{first} {lemma}" in EXCEPTIONS))  # Ежелгі Мысыр, Ежелгі Рим; not ancient Taraz
        for lemma, _ in _readings(second)
    )


def _opens_place(doc: _Document, k: int) -> bool:
    """Word ``k``, before another capitalised word, opens a place's name (``_place_opener``)."""
    nxt = fold_kk(doc.words[k + 1][2]) if k + 1 < len(doc.words) else ""
    return _place_opener(fold_kk(doc.words[k][2]), nxt)


def _titled_organisation(doc: _Document, k: int) -> bool:
    """Word ``k``, a title (Президент), opens an organisation's name: a head noun in its possessed
    form follows it, right after or after one lower-case word (Президент оркестрі, Президент
    телерадиокешені, Президент іс басқармасы)."""
    words = doc.words
    for look in (k + 1, k + 2):
        if look >= len(words) or not doc.spaced(look):
            return False
        lw = words[look][2]
        if not lw.islower():
            return False
        if _stem_in(lw, ORG_HEADS) and _possessed(lw):
            return True
        if _case_ending(lw):
            return False
    return False


def _common_noun(word: str, alone: bool = True) -> bool:
    """A capitalised word that is a common noun whatever its capital: an acronym of one
    (``_thing_initials``: БАҚ, СМС, TV; in Latin letters only ``alone``, not inside a longer name:
    Kazakh TV; ``LEGAL_FORMS``: ЖШС, АҚ), a plural of a title, an institution
    or an acronym (Үкіметтер, Президенттердің, БТР-лер: names of one body or person take no
    plural), or a compound whose hyphenated part is a lower-case noun, not an ending
    (АйТи-мамандарды, IT-технология; АҚШ-тың is a name and its ending)."""
    f = fold_kk(word)
    head, dash, tail = word.rpartition("-")
    initials = _thing_initials if alone else (lambda w: fold_kk(w) in COMMON_ACRONYMS)
    if initials(word) or (dash and tail.islower() and initials(head) and not _stem_in(tail, ORG_HEADS | PLACE_GENERICS)):
        return True  # БАҚ, DVD-ге: a thing's initials, with their ending (not Жастар IT-кеңесі)
    bare = word.split("-")[0]  # ЖШС-ның
    if bare.isupper() and fold_kk(bare) in LEGAL_FORMS:
        return True
    if (
        dash
        and tail.islower()
        and head
        and not head[:1].islower()
        and not _stem_in(tail, ORG_HEADS | PLACE_GENERICS)
        and not _stem_in(tail, _ENDER_WORDS)  # Уолл-стрит, Таймс-сквер: a foreign place's English word
        and not any(lemma == fold_kk(head) for lemma, _ in _readings(f))
    ):
        return True
    for lemma, analysis in _readings(f):
        if analysis.split("+")[0] == "pl" and (lemma in TITLES or lemma in INSTITUTIONS or (dash and _is_acronym(head))):
            return True
    return False


def _after_initial(text: str, start: int) -> bool:
    """An initial stands right before ``start``: a capital letter alone, its full stop, spaces (А.
    Байтұрсынов); not a word's last letter before the spaces and line break that end a sentence
    (аяқталды. \n Сахнада)."""
    m = _INITIAL_BEFORE.search(text, max(0, start - 8), start)
    return bool(m) and m.group(1).isupper()


_CAPITAL_TITLE_CUES = frozenset(["король", "королі", "патша", "патшасы", "ханзада", "шейх", "әмірі", "сұлтаны", "губернаторы", "канцлері"])


def _after_a_person(doc: _Document, k: int) -> bool:
    """Word ``k`` follows "and" after a person's surname (Тоқаев пен Реджеп Тайип Ердоған): the
    name it opens is another person's."""
    words = doc.words
    if k < 2 or fold_kk(words[k - 1][2]) not in _JOINING | {"және"} or not doc.spaced(k - 1):
        return False
    before = fold_kk(words[k - 2][2])
    if not (_is_cap(words[k - 2][2]) and (_known_kind(before) == "person" or _looks_like_person(before))):
        return False
    # ... and the name after it reads as a person's: a given name opens it or the glossary's or a
    # surname's ending closes it (not Сапарбаев пен Астана Опера театры: a body)
    j = k
    while j + 1 < len(words) and doc.spaced(j + 1) and _is_cap(words[j + 1][2]):
        j += 1
    first, last = fold_kk(words[k][2]), fold_kk(words[j][2])
    if _given_name(first) or first in _FOREIGN or _known_kind(last) == "person" or _looks_like_person(last):
        return True
    nxt = words[j + 1][2] if j + 1 < len(words) and doc.spaced(j + 1) else ""
    if nxt.islower() and any(a.split("+")[-1] == "p3" for _, a in _readings(fold_kk(nxt))):
        return False  # Түрік Әуе жолдары компаниясы: a possessed noun goes on with the name
    # ... or none of its words is a place's, a body's or a people's the glossary knows (Прабово
    # Субианто; not Астана Опера, Түрік Әуе жолдары)
    return not any(
        _known_kind(lemma) or _demonym(x[2]) for x in words[k : j + 1] for lemma, _ in _readings(fold_kk(x[2]))
    )


def _person_context(doc: _Document, k: int) -> bool:
    """Word ``k``, a name of one word, stands where a person's name stands: after a title, an
    occupation or an initial (``PERSON_BEFORE``), before an honorific (``PERSON_AFTER``), or as
    the name someone is addressed by."""
    text, words = doc.text, doc.words
    s, e, _w = words[k]
    nxt = words[k + 1] if k + 1 < len(words) else None
    if nxt and doc.spaced(k + 1) and nxt[2].islower() and _stem_in(nxt[2], PERSON_AFTER):
        return True
    if (
        nxt
        and doc.spaced(k + 1)
        and nxt[2].islower()
        and not doc.inflected(words[k][2])
        and _bare_head_in_a_case(words, k, k, k + 1)
        and any(a in ("dat", "acc") and lemma in ORG_HEADS for lemma, a in _readings(fold_kk(nxt[2])))
    ):
        # Әдиет мектепке барды, Жанель мектепті бітіреді: who goes to school or finishes it, the
        # clause's subject, is a person (not Голливуд компанияларының, "Hollywood companies'")
        return True
    prev = words[k - 1] if k else None
    # a monarch's, a prince's or a possessed office's title may be capitalised (Ұлыбритания Королі
    # Карл, Катар Әмірі Тамим, Шейх Тамим); not the bare President, the sentence's subject before a
    # place (Бүгін Президент Техасқа барды)
    # (an occupation opening the sentence too, before a name no table has as a place's: Тарихшы
    # Геродот; not Режиссер Венеция кинофестивалінде)
    opening = bool(prev) and doc.initial[k - 1] and not any(
        _table_place(lemma) or _known_kind(lemma) == "place" for lemma, _ in _readings(fold_kk(words[k][2]))
    )
    if prev and doc.spaced(k) and (
        _stem_in(prev[2], RANKS)
        or ((prev[2].islower() or _stem_in(prev[2], _CAPITAL_TITLE_CUES) or opening) and _stem_in(prev[2], PERSON_BEFORE))
    ):
        # not where the person goes, is or comes from (футболшы Барселонаға ауысты, актер Голливудта:
        # a place the table has in the dative, any word in the locative or the ablative); a person
        # is met in the dative too, one the table names by that first word (ақын Жамбылға)
        if doc.inflected(words[k][2]) and any(
            case in ("loc", "abl") or (case == "dat" and _table_place(lemma) and lemma not in _table_first_names())
            for lemma, case in ((lemma, a.split("+")[-1]) for lemma, a in _readings(fold_kk(words[k][2])) if a)
        ):
            return False
        return not (nxt and doc.spaced(k + 1) and nxt[2].islower() and _stem_in(nxt[2], _OF_A_PLACE))
    if _after_initial(text, s):
        return True
    if doc.initial[k] and _VOCATIVE_AFTER.match(text, e):
        return True
    return bool(
        prev
        and prev[2].islower()
        and _VOCATIVE_BEFORE.fullmatch(text, prev[1], s)
        and not doc.initial[k]
        and _SENTENCE_END.match(text, e)
    )


def _looks_like_person(folded: str) -> bool:
    return any(_ends_in(lemma, PERSON_ENDINGS) and len(lemma) > 4 for lemma, _ in _readings(folded))


def _case_ending(word: str) -> bool:
    """A lower-case word with a distinctive case ending (жарыстың, азаматтардың, алуға)."""
    return any(
        a.split("+")[-1] in _CASES and a not in _WEAK and len(lemma) >= 3 for lemma, a in _readings(fold_kk(word))
    ) and fold_kk(word) not in ORG_HEADS


def _demonym(word: str) -> bool:
    """``word`` is the adjective of a place the shipped glossary knows, or of a country's everyday
    name (``COMMON_COUNTRY_NAMES``: Америкалық, Қазақстандық, Атыраулық: "American",
    "Kazakhstani"), which KazNERD marks as a nationality, not as part of a name; not a continent's,
    which opens bodies' names (Еуразиялық экономикалық одақ, Еуропалық одақ)."""
    f = fold_kk(word)
    for suffix in _DERIVED_ADJECTIVE_ENDINGS:
        stem = f[: -len(suffix)]
        if f.endswith(suffix) and stem not in CONTINENTS and (_known_kind(stem) == "place" or stem in COMMON_COUNTRY_NAMES):
            return True
    return False


def _phrase_word(word: str) -> bool:
    """A lower-case word that a name's lower-case words never are: a noun in the locative (жағдайда
    "in conditions"; not сауда "trade", сау + да, a stem too short to tell) or an active participle
    (жазған "who wrote"): the words around it are a clause. A passive one is an adjective in names
    (мамандандырылған ауданаралық экономикалық сот "specialised inter-district economic court")."""
    f = fold_kk(word)
    if _VERB_FORM.search(f) and f.endswith(("ған", "ген", "қан", "кен")) and len(f) >= 6 and f[-4] not in "лн":
        return True
    # (the games' words end like a locative, but no Kazakh stem ends in иа: олимпиада, универсиада,
    # Ұлттық олимпиада комитеті)
    return any(a == "loc" and len(lemma) >= 4 and not lemma.endswith("иа") for lemma, a in _readings(f)) and f not in ORG_HEADS


# Personal pronouns, which stand in clauses, never in a body's name.
_PRONOUNS = frozenset(
    ["ол", "оны", "оның", "оған", "одан", "онда", "олар", "оларды", "олардың", "оларға", "мен", "мені", "менің",
     "маған", "сен", "сені", "сенің", "саған", "біз", "бізді", "біздің", "бізге", "сіз", "сізді", "сіздің", "сізге"]
)


def _clause_word(word: str, nxt: str) -> bool:
    """A lower-case word of a clause, never of a body's name: a personal pronoun (оны), or a noun in
    the accusative -ны/-ні (unlike -ды/-ті, no adjective's ending; not a possessive, ауданы) but
    before a verbal noun, the object of a body's work (оқиғаны қалалық полиция; not кәсіпорынды
    дамыту қоры)."""
    f = fold_kk(word)
    if f in _PRONOUNS:
        return True
    if not f.endswith(("ны", "ні")):
        return False
    # an accusative where its stem is an everyday word and the possessive's is not (оқиға + ны, not
    # оқиған + ы; but аудан + ы, not ауда + ны)
    readings = _readings(f)
    common = _common_words()
    if not any(a == "acc" and lemma in common for lemma, a in readings):
        return False
    if any(a == "p3" and lemma in common for lemma, a in readings):
        return False
    return not any(lemma.endswith(("у", "ю")) for lemma, _ in _readings(fold_kk(nxt)))


def _bare_or_genitive(word: str) -> bool:
    """A generic word in the form that joins it to a head after it (облысы әкімдігі, облысының
    әкімдігі), not a case that makes it an adverbial (облысында әкімшілік полиция: "in the region")."""
    return not _case_ending(word) or any(a.split("+")[-1] == "gen" for _, a in _readings(fold_kk(word)))


def _caps_name_after(doc: _Document, k: int) -> bool:
    """Word ``k``, a legal form's acronym (АҚ), opens a name written in capitals: a word in
    capitals that is no legal form follows it, one space apart (АҚ ЖОЛ, the party Ақ жол)."""
    words = doc.words
    if k + 1 >= len(words) or not doc.spaced(k + 1):
        return False
    bare, nxt = words[k][2].split("-")[0], words[k + 1][2].split("-")[0]
    return fold_kk(bare) in LEGAL_FORMS and len(nxt) > 1 and nxt.isupper() and fold_kk(nxt) not in LEGAL_FORMS


def _named_after_head(doc: _Document, j: int, heads: frozenset = NAMED_AFTER_HEADS) -> bool:
    """A head of ``heads`` (``NAMED_AFTER_HEADS``) follows word ``j`` right after it or after one lower-case
    word (Сәтбаев университеті, Саратов әскери училищесі), one space apart, no case ending before
    it, and no title or occupation stands before ``j`` (Министр Ахметов мектебін аралады: the
    minister visited a school; Президент Тоқаев жаңа зерттеу институтын ашты)."""
    words = doc.words
    if j and doc.spaced(j) and _stem_in(words[j - 1][2].lower(), PERSON_BEFORE):
        return False
    for look in range(j + 1, min(len(words), j + 3)):
        lw = words[look][2]
        if not doc.spaced(look) or not lw.islower():
            return False
        if _stem_in(lw, heads):
            return True
        if _case_ending(lw):
            return False
    return False


def _named_head_next(doc: _Document, k: int, j: int, heads: frozenset = STREETS_NAMED_AFTER) -> bool:
    """Word ``j``, closing a person's name that opens at word ``k``, is a status adjective (Ұлттық,
    Халықаралық) and a street's, a square's or an airport's head comes right after it (Әлия
    Молдағұлова Халықаралық әуежайы): the name is the facility named after the person. Not with a
    word between (Жұмағалиев | Халықаралық валюта қорының), nor after a title (Президент Тоқаев |
    Ұлттық музейін), nor after a noun in -лық (Асқар Мамин | Достық даңғылы)."""
    words = doc.words
    if fold_kk(words[j][2]) not in STATUS_ADJECTIVES or j + 1 >= len(words):
        return False
    if k and doc.spaced(k) and _stem_in(words[k - 1][2].lower(), PERSON_BEFORE):
        return False
    return doc.spaced(j + 1) and words[j + 1][2].islower() and _stem_in(words[j + 1][2], heads)


# Postpositions inside bodies' names, before their head (Сыбайлас жемқорлыққа қарсы агенттік, Алматы
# бойынша полиция департаменті).
_POSTPOSITIONS_IN_NAMES = frozenset(["қарсы", "бойынша"])


def _bare_head_after_noun(words: Sequence[tuple[int, int, str]], run_end: int, look: int) -> bool:
    """Word ``look``, a head without the possessive, follows a lower-case noun after the run of
    capitals that ends at ``run_end``: no izafet makes it the noun's, so it is a phrase of its own
    (Биылғы шара академияның ұйымдастыруымен "this year's event, organised by the academy", Екі
    километр мектепке), no body's name. An adjective before the head closes a name (Ұлттық банк,
    Жоғарғы сот, Ұлттық ғылыми орталық); so do a postposition, "called" (Жаңалық деген газет) and
    any words after "named after" (Абай атындағы орта мектеп)."""
    prev = fold_kk(words[look - 1][2])
    return (
        look > run_end + 1
        and words[look - 1][2].islower()
        and not _possessed(words[look][2])
        and not prev.endswith((*_ADJECTIVE_ENDINGS, "и"))
        and prev not in _POSTPOSITIONS_IN_NAMES | _NAMING_WORDS
        and not any(fold_kk(x[2]) in IN_NAME for x in words[run_end + 1 : look])
    )


# Heads that a body's own name takes bare, without the possessive (Отбасы банк, Береке банк,
# Бәйтерек холдинг, Самұрық қор): the companies' registered Kazakh names.
_BARE_HEADS_IN_NAMES = frozenset(["банк", "холдинг", "қор"])


# Meetings and events a status adjective may open the name of: no bodies (KazNERD marks them events).
_MEETINGS = frozenset(["конференция", "форум", "конгресс", "съезд", "сессия", "саммит", "симпозиум"])


def _named_with_its_generic(words: Sequence[tuple[int, int, str]], k: int, run_end: int, look: int) -> bool:
    """The capitals ``words[k..run_end]`` and the generic word at ``look`` (in any case) are one
    name the romanization table or the glossary knows, and the capitals alone are none: a sea's or
    an ocean's name made of an everyday word (Қара теңіз "the Black Sea", Жерорта теңізі, Тынық
    мұхиты), which KazNERD and English keep whole; not Каспий теңізі, Балқаш көлі, whose name stands
    alone (the generic word stays out, as KazNERD marks them)."""
    run = " ".join(fold_kk(x[2]) for x in words[k : run_end + 1])
    if run in _published_places() or run in EXCEPTIONS or _known_kind(run):
        return False
    # only a sea's word (``SEA_WORDS``, bare or possessed): not a district's, Есіл ауданы, nor a
    # dam's, Көкарал бөгеті, which KazNERD marks without their word
    f = fold_kk(words[look][2])
    lemmas = ({f} | {lemma for lemma, _ in _readings(f)}) & (SEA_WORDS.keys() | set(SEA_WORDS.values()))
    return any(
        published_whole(key) or _known_kind(key) == "place"
        for lemma in lemmas
        for key in (f"{run} {lemma}", f"{run} {SEA_WORDS.get(lemma, lemma)}")
    )


def _named_alone(words: Sequence[tuple[int, int, str]], k: int, run_end: int) -> bool:
    """The capitals ``words[k..run_end]`` are a name of their own: a place or a person the glossary
    knows, a place the romanization table spells, a given name (Қазақстан астығын тасымалдау
    орталығы: the place, then a description; not Қаржы, an everyday word opening a body's name)."""
    run = " ".join(fold_kk(x[2]) for x in words[k : run_end + 1])
    return bool(_known_kind(run)) or run in _published_places() or _given_name(run)


def _object_of_verbal_noun(doc: _Document, look: int) -> bool:
    """Word ``look`` is a noun in the accusative and a verbal noun in -у follows it, one space apart
    (нарығын реттеу "regulating the market", бәсекелестікті қорғау): the phrase a body's name
    states its task with, not a clause's end."""
    words = doc.words
    if look + 1 >= len(words) or not doc.spaced(look + 1):
        return False
    nxt = words[look + 1][2]
    return (
        nxt.islower()
        and len(nxt) >= 4
        and fold_kk(nxt).endswith("у")
        and any(a.split("+")[-1] == "acc" and len(lemma) >= 3 for lemma, a in _readings(fold_kk(words[look][2])))
    )


def _bare_head_in_a_case(words: Sequence[tuple[int, int, str]], k: int, run_end: int, look: int) -> bool:
    """Word ``look``, a head without the possessive and in a case (мектепке, мектепті), follows a
    one-word name right after it: a noun's own name takes its head in the possessive (Абай мектебіне),
    an adjective its head bare (Ұлттық банкке), so a bare head after a noun is an object of the
    clause (Әдиет мектепке барады "Adiet goes to school", Жанель мектепті бітірді), no body's name."""
    word = fold_kk(words[k][2])
    return (
        look == run_end + 1
        and run_end == k
        and not _possessed(words[look][2])
        # a bank's, a holding's, a fund's name takes the word bare (Отбасы банкке, Бәйтерек холдингке)
        and not _stem_in(words[look][2], _BARE_HEADS_IN_NAMES)
        # the head's own case (мектеп+acc: мектепті is no possessive, which is мектебі)
        and any(a.split("+")[-1] in _CASES and lemma in ORG_HEADS for lemma, a in _readings(fold_kk(words[look][2])))
        and not word.endswith((*_ADJECTIVE_ENDINGS, "и"))
        and word not in STATUS_ADJECTIVES
    )


def _place_body_head(doc: _Document, q: int) -> int | None:
    """Word ``q`` ties a body to the place before it (``BODY_OF_PLACE``): the index of that body's
    head (``LOCAL_BODY_HEADS`` or an institution; after an adjective, any possessed head), within
    ``MAX_LOWER_WORDS`` words one space apart
    (capitalised ones too, after an adjective: Бостандық аудандық Полиция басқармасы), or None where a joining word, a
    postposition, a title's head or a case ending comes first (Алматы облысының әкімі: a title;
    Алматы қаласындағы мектептерде: a description)."""
    words = doc.words
    located = fold_kk(words[q][2]).endswith("дағы")
    adjective = fold_kk(words[q][2]).endswith(_DERIVED_ADJECTIVE_ENDINGS)
    for look in range(q + 1, min(len(words), q + 1 + MAX_LOWER_WORDS)):
        if not doc.spaced(look) or doc.initial[look]:
            return None
        lw = words[look][2]
        if located and _is_cap(lw):
            return None  # Ақмола облысындағы Макинск құс фабрикасы: the body has a name of its own
        if _ends_body(lw):
            return None
        if _stem_in(lw, LOCAL_BODY_HEADS) or _stem_in(lw, INSTITUTIONS) or (adjective and _possessed(lw)):
            return look
        if _possessed(lw):
            return None  # Отырар ауданының орталығы, Шымкент қаласының су қоры: the place's, no body
        if _case_ending(lw):
            return None
    return None


def _ends_body(word: str) -> bool:
    """A lower-case word no body's name runs through: a joining word, a closing postposition, a
    determiner or numeral, a title's head (Алматы облысының әкімі, ... бір бөлімі)."""
    folded = fold_kk(word)
    return folded in _JOINING or folded in CLOSING_POSTPOSITIONS or folded in _DETERMINERS or _stem_in(word, POSITION_HEADS)


def _opens_quotation(text: str, start: int) -> bool:
    """The word at ``start`` follows an opening quote, a space or two apart at most; a straight
    quote (") opens only right before the word and after a space, a bracket or the text's start
    (in "Titanic" Smith, the quote before Smith closes)."""
    before = text[max(0, start - 3) : start].rstrip(" \u00a0")
    if not before or before[-1] not in _QUOTE_OPEN:
        return False
    if before[-1] == '"':
        return text[start - 1 : start] == '"' and (start < 2 or not text[start - 2].isalnum())
    return True


def _designation(text: str, word: tuple[int, int, str]) -> bool:
    """The word (start, end, word) of ``text`` is a model's or a disease's designation before a
    hyphen and a number: initials or a short word (COVID-19, Ту-154, Ил-76, МиГ-29, Su-35); or
    letters right after a digit, part of one (GP in A1GP)."""
    start, end, w = word
    if start > 0 and text[start - 1].isdigit():
        return True
    return (_is_acronym(w) or len(w) <= 3) and re.match(r"-\d", text[end : end + 2]) is not None


def _listed(word: str, words: frozenset[str]) -> bool:
    """Case-folded ``word``, or it without a plural -s, is one of ``words`` (Americans, MPs)."""
    w = word.casefold()
    return w in words or (w.endswith("s") and w[:-1] in words)


def _thing_initials(word: str) -> bool:
    """``word`` (a possessive, a plural -s and full stops aside) is the initials of a thing, a
    measure, a time or a title, no name: in Cyrillic ``COMMON_ACRONYMS`` (БАҚ, ЖІӨ), in Latin
    letters data/initialisms-en.txt (TV, GDP, UTC, PhD, MPs, A.D.)."""
    if fold_kk(word) in COMMON_ACRONYMS:
        return True
    return _listed(_en_possessive(word).replace(".", ""), _word_list("initialisms-en.txt", english=True))


def _latin(word: str) -> bool:
    """``word`` is written in Latin letters (its Kazakh ending after a hyphen aside: Twitter-дегі)."""
    return not _CYRILLIC.search(word.split("-")[0])


def _possessed_head(word: str) -> bool:
    """``word`` is an organisation's head or an institution in the 3rd-person possessive, which
    closes an izafet name (Ұлыбритания Парламенті, Денсаулық сақтау Министрлігі)."""
    return _possessed(word) or (
        _stem_in(word, INSTITUTIONS) and any("p3" in a.split("+") for _, a in _readings(fold_kk(word)))
    )


_LIST_JOINER = re.compile(rf"[ \u00a0]*(?:,|,?[ \u00a0]*(?:{'|'.join(AND_WORDS)}))[ \u00a0]*")
_JOINER_WORDS = frozenset(AND_WORDS)


def _closes_place_list(doc: _Document, k: int) -> bool:
    """Word ``k`` is a known place's name that closes a list of two or more known places before it
    (Қазақстан, Ресей және Беларусь | Кеден одағы): a member of the list, no part of the name that
    follows it."""
    text, words = doc.text, doc.words
    if _known_kind(fold_kk(words[k][2])) != "place":
        return False
    if k + 1 < len(words) and _stem_in(words[k + 1][2], STATE_HEADS):
        return False  # ... және Корея Республикасының: the member's own full name
    places, x = 0, k
    while x > 0:
        p = x - 1
        if words[p][2] in _JOINER_WORDS and p > 0:
            p -= 1
        joined = _LIST_JOINER.fullmatch(text, words[p][1], words[x][0])
        if not joined or _known_kind(fold_kk(words[p][2])) != "place":
            break
        places, x = places + 1, p
    return places >= 2


def _closes_run(doc: _Document, j: int) -> bool:
    """Word ``j`` is a possessed head (``_possessed_head``) and no possessed head follows among the
    next capitalised words of the run: the name ends there (Ұлыбритания Парламенті | Үкімет), unless
    the izafet goes on to a body of the body (Біріккен Ұлттар Ұйымы Бас Ассамблеясы)."""
    words = doc.words
    if not _possessed_head(words[j][2]):
        return False
    for look in range(j + 1, min(len(words), j + 1 + MAX_LOWER_WORDS)):
        if not doc.spaced(look) or not _is_cap(words[look][2]):
            return True
        if _possessed_head(words[look][2]):
            return False
    return True


def _body_follows(doc: _Document, j: int, capitals: bool = False) -> int | None:
    """The index of a possessed head that the lower-case words after word ``j`` reach before any
    case ending, joining word, postposition or title's head (the run up to ``j`` ends in a body's
    first words: Ауыл шаруашылығы министрлігі), or None. With ``capitals``, words with a capital
    too (after a body in the genitive: ... министрлігінің Төтенше жағдайлар департаменті)."""
    words = doc.words
    for look in range(j + 1, min(len(words), j + 1 + MAX_LOWER_WORDS)):
        lw = words[look][2]
        if not doc.spaced(look) or not (lw.islower() or (capitals and _is_cap(lw) and not doc.initial[look])):
            return None
        if not lw.islower() and any(_known_kind(lemma) or _given_name(lemma) for lemma, _ in _readings(fold_kk(lw))):
            return None  # ... министрлігінің Ресей елшілігі, Абай театры, Алматы облысы: another name
        if _ends_body(lw):
            return None
        if capitals and _stem_in(lw, FACILITY_HEADS):
            # a body's or a place's building keeps the owner's name apart (министрлігінің мәжіліс
            # залы "the ministry's session hall", Алматының Орталық стадионы)
            return None
        if _possessed(lw) or _stem_in(lw, LOCAL_BODY_HEADS):
            # a body's body has words of its own before its head (министрлігінің баспасөз қызметі);
            # a head right after the body's genitive is its meeting, its court, its centre
            # (Шанхай ынтымақтастық ұйымының кеңесінде "at the SCO's summit")
            return None if capitals and look == j + 1 and lw.islower() else look
        if _case_ending(lw):
            return None
    return None


def _body_of_body(doc: _Document, j: int) -> tuple[int, str] | None:
    """Word ``j`` closes a body's name in the genitive (Біріккен Ұлттар Ұйымының, ... Ішкі істер
    Министрлігінің) and the name of a body of it follows, capitalised or not, up to its head (...
    Ұйымының Тұрақты даму мақсаттары орталығы): one name, as for a head found after lower-case
    words (``_body_follows``). The caller asks only where words before the head name the body: a
    head alone is a common noun (Холдингінің аффинаж зауытының: "the holding's refinery's").
    Returns (the head's index, "organisation") or None."""
    word = doc.words[j][2]
    if _stem_in(word, PLACE_HEADS) or not any(
        a.split("+")[-1] == "gen" and lemma in _POSSESSED_HEADS for lemma, a in _readings(fold_kk(word))
    ):
        return None
    body = _body_follows(doc, j, capitals=True)
    return (body, "organisation") if body is not None else None


def _compass_describes(doc: _Document, k: int) -> bool:
    """Word ``k``, a compass word, describes the country after it (``COMPASS_REGIONS_OF``): no
    word of a region follows (Солтүстік Қазақстан облысы, облыстық, облысының is a region's name)."""
    words = doc.words
    if not any(lemma in COMPASS_REGIONS_OF for lemma, _ in _readings(fold_kk(words[k + 1][2]))):
        return False
    if doc.inflected(words[k + 1][2]):
        return True  # Солтүстік Қазақстанға: no region's word can follow an inflected name
    if _body_follows(doc, k + 1) is not None:
        return False  # Оңтүстік Қазақстан медицина академиясы: a body named after the region
    # the region's word may follow other regions' names (Батыс Қазақстан және Ақтөбе облыстары)
    prev, look = k + 1, k + 2
    while look < len(words) and look <= k + 2 + MAX_LOWER_WORDS:
        if doc.spaced(look) and fold_kk(words[look][2]).startswith("облыс"):
            return False
        # the next name, after a comma or "and" (one word: ", ", " және ") or a space
        nxt = next((x for x in (look, look + 1) if x < len(words) and _is_cap(words[x][2]) and not doc.initial[x]
                    and _COORDINATION.fullmatch(doc.text, words[prev][1], words[x][0])), None)
        if nxt is None and not (doc.spaced(look) and _is_cap(words[look][2]) and not doc.initial[look]):
            break
        prev = nxt if nxt is not None else look
        look = prev + 1
    return True


def _body_of_country(doc: _Document, k: int, j: int) -> tuple[int, str] | None:
    """Words ``k..j`` are a place's name in the genitive, a known one or a country's full name
    (Қытайдың, Қазақстан Республикасының), and a body of that place follows: an institution
    (Қазақстанның Парламентінде) or words up to a possessed head (Қазақстанның авиациялық
    әкімшілігі, Қытайдың денсаулық сақтау комиссиясы, Ресейдің Мемлекеттік думасы). The place opens
    the body's name (KazNERD marks them whole, as the bodies' own sites name them). A head right
    after the place is no body's name (Американың компаниясы "an American company", Алматының
    орталығында "in Almaty's centre"), nor is a company (Қытайдың ірі құрылыс компаниясы), nor
    қызметі, a country's "activity" as often as its "service" (Қазақстанның сыртқы саяси қызметі).
    Returns (the head's index, "organisation") or None."""
    words = doc.words
    lemmas = [lemma for lemma, a in _readings(fold_kk(words[j][2])) if a.split("+")[-1] == "gen"]
    if not lemmas:
        return None
    place = any(_known_kind(" ".join([*(fold_kk(x[2]) for x in words[k:j]), lemma])) == "place" for lemma in lemmas)
    if not place and not (j > k and any(lemma in STATE_HEADS for lemma in lemmas)):
        return None
    if j + 1 < len(words) and doc.spaced(j + 1) and _stem_in(words[j + 1][2], INSTITUTIONS) and _possessed_head(words[j + 1][2]):
        return (j + 1, "organisation")
    body = _body_follows(doc, j, capitals=True)
    if body is None or body == j + 1 or _stem_in(words[body][2], COMPANY_HEADS | FACILITY_HEADS | {"қызметі"}):
        return None  # (nor a facility: Жаңа Зеландияның Окленд айлағы "New Zealand's Auckland Harbour")
    return (body, "organisation")


def _against(doc: _Document, i: int) -> bool:
    """Word ``i``, in the dative, and қарсы ("against") after it: a phrase inside a body's name
    (gov.kz: Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі, Терроризмге қарсы орталық)."""
    words = doc.words
    return (
        i + 1 < len(words)
        and doc.spaced(i + 1)
        and fold_kk(words[i + 1][2]) == "қарсы"
        and any(a.split("+")[-1] == "dat" for _, a in _readings(fold_kk(words[i][2])))
    )


def _two_known_names(word: str, nxt: str) -> bool:
    """``word`` and ``nxt`` are each a name of one word the shipped glossary has (or ``nxt`` a
    compass word that opens a name), and not one name together (Алматы Қазақстанның ең ірі қаласы:
    Almaty, Kazakhstan's largest city)."""
    known = _known_kinds()
    first, second = fold_kk(word), fold_kk(nxt)
    if first in known and second in COMPASS_WORDS:
        return True  # Қазақстан Орталық Азияның көшбасшысы: a compass word opens the next name
    lemmas = [lemma for lemma, _ in _readings(second)]
    if any(f"{first} {lemma}" in known for lemma in lemmas):
        return False
    if _given_name(first) and any(
        _ends_in(lemma, PERSON_ENDINGS) and len(lemma) > 4 and a.split("+")[-1] not in ("loc", "abl", "dat")
        for lemma, a in _readings(second)
    ):
        # Данияр Сәтбаев, Ерлан Қонаевтың: a person whose surname a town bears (not Ерлан Сәтбаевта
        # тұрады "Yerlan lives in Satpayev")
        return False
    if first in known and any(lemma in known for lemma in lemmas):
        return True  # Алматы | Қазақстанның; Путин | Назарбаевтан: two known names, two names
    if not any(known.get(lemma) == "place" for lemma in lemmas):
        return False
    # a known place's name after a word that is no modifier of places' names: Мун Чжэ Ин |
    # Қазақстанның; but Жаңа Зеландия, Оңтүстік Корея are one name, and so is a body's name that
    # a word of rank opens (Жоғары Еуразия экономикалық кеңесі)
    return first not in PLACE_MODIFIERS and first not in RANK_WORDS


_PLAIN_ACCUSATIVE = ("ды", "ді", "ты", "ті", "ны", "ні")


def _accusative_name(word: str) -> bool:
    """``word`` is a person's name in the accusative, its stem a given name or a surname (Құнанбайды,
    Тоқаевты): a case ending, which only a name's last word takes."""
    f = fold_kk(word)
    if not f.endswith(_PLAIN_ACCUSATIVE) or f.endswith(VERBAL_NAME_ENDINGS) or _given_name(f):
        return False
    stem = f[:-2]
    return len(stem) >= 3 and (_given_name(stem) or _kazakh_given_form(stem) or _ends_in(stem, PERSON_ENDINGS))


def _first_name_before_surname(word: str, nxt: str) -> bool:
    """``word`` is a given name and ``nxt`` reads like a surname or a patronymic, or is a Kazakh
    given name's form (a father's name for a surname). A word in -н with no other ending than the
    accusative after a possessive counts as a given name (Гүлбаршын read as гүлбарш + ы + н): no
    name before a surname takes that ending."""
    first = fold_kk(word).split("-")[0]  # Қасым-Жомарт
    given = _given_name(first) or (first.endswith("н") and all(a.endswith("acc") or not a for _, a in _readings(first)))
    # a Kazakh surname may be a father's given name (Ақжарқын Тұрлыбайдың, Жандос Жұмабек)
    surname = _readings_end(fold_kk(nxt), PERSON_ENDINGS + PATRONYMIC_ENDINGS) or any(
        _kazakh_given_form(lemma) for lemma, _ in _readings(fold_kk(nxt))
    )
    return given and surname


def _kazakh_given_form(folded: str) -> bool:
    """``folded`` ends in an element of Kazakh given names after a letter only Kazakh has
    (``GIVEN_NAME_ELEMENTS``: Өміржан, Нұрбек, Төреғали)."""
    return folded.endswith(GIVEN_NAME_ELEMENTS) and len(folded) > 5 and bool(_KAZAKH_LETTER.search(folded[:-3]))


def _possessed(word: str) -> bool:
    """The head noun carries the 3rd-person possessive of a name (министрлігі, комиссиясының)."""
    return _stem_in(word, _POSSESSED_HEADS)


# Nouns of the country, its people and its symbols that the press writes with a capital out of
# respect when it says "our" (Еліміздің "of our country", Халқымыз, Отанымызға, Жерімізде,
# Астанамыз, көк Туымызды "our blue flag"): no name.
_OURS = frozenset(["ел", "жер", "отан", "халық", "халқ", "ұлт", "мемлекет", "астана", "өлке", "өңір", "тіл", "ту", "елтаңба", "әнұран"])


def _ours(word: str) -> bool:
    """``word`` is one of ``_OURS`` with the possessive "our" (and any case after it)."""
    f = fold_kk(word)
    return any(
        f.startswith(stem) and "p1pl" in (_chains(stem).get(f[len(stem) :]) or "").split("+") for stem in _OURS
    )


def _two_word_place(doc: _Document, j: int) -> bool:
    """Capitalised word ``j`` and the bare lower-case noun after it name the place whose generic word
    follows (Жібек жолы ауданы "Zhibek Zholy District", Жаңа қала ықшам ауданы, Ақ жол ауылы):
    Kazakh capitalises only a name's first word. Not a known place's name before a noun (Ресей
    шекарасы ауданында "in the area of the Russian border"), an adjective (Алматы облыстық),
    a word in a case, or a sentence's first word the text does not capitalise elsewhere."""
    words = doc.words
    if j + 2 >= len(words) or not (doc.spaced(j + 1) and doc.spaced(j + 2)):
        return False
    w, noun = words[j][2], words[j + 1][2]
    if doc.initial[j] and not doc.evidence(w)[0]:
        return False
    if doc.inflected(w) or _known_kind(fold_kk(w)) or _demonym(w) or _given_name(fold_kk(w)):
        return False
    if _derived_adjective(w) or fold_kk(w) in COMPASS_WORDS:
        return False  # Орталық мешіт ауданында: "in the area of the central mosque"
    f = fold_kk(noun)
    if not noun.islower() or len(f) < 3 or _derived_adjective(noun) or _case_ending(noun) or f in _JOINING | _DETERMINERS | CLOSING_POSTPOSITIONS:
        return False
    if _stem_in(noun, NAMED_GENERICS | POSITION_HEADS | STREET_GENERICS) or _bare_generics().get(f, "") not in ("", *PLACE_GENERICS) or f in PLACE_GENERIC_MODIFIERS or is_kk_number_word(noun):
        return False  # Сейфуллин көшесі ауданында, Самал саябағы ауданында: a street's, a site's area
    g = j + 2
    if fold_kk(words[g][2]) in PLACE_GENERIC_MODIFIERS and g + 1 < len(words) and doc.spaced(g + 1):
        g += 1
    generic = words[g][2]
    return generic.islower() and _stem_in(generic, PLACE_GENERICS - NATURE_GENERICS - PLURAL_PLACE_GENERICS)


# Common nouns Kazakh capitalises as English does and a translator translates (Жер the Earth, Күн
# the Sun, Құдай, Аллаһ, Тәңірі God, Allah, Tengri, Ғалам the Universe, Құран the Quran,
# Интернет): no name to spell, in any case (not Ай, the Moon: Айдар, Айша, Айдан are names); and
# the defined terms a company's documents capitalise (осы Жарғымен "by this Charter", Қоғам "the
# Company", Серіктестік "the Partnership").
# The games' own words, an event alone too (Олимпиада бағдарламасына "the Olympic programme";
# Биыл Олимпиада Парижде өтеді), never a word of a name of several (Қазақстан | Олимпиадаға).
_GAMES = EVENT_WORDS - {"әлем"}
_TRANSLATED_NOUNS = frozenset(["жер", "күн", "құдай", "ғалам", "интернет", "аллаһ", "тәңір", "тәңірі", "құран", "жарғы", "қоғам", "серіктестік"]) | _GAMES


def _translated_noun(word: str, inflected: bool = False) -> bool:
    """``word`` is one of ``_TRANSLATED_NOUNS``, bare or with an ending, or with ``inflected`` only
    in a case (Жерден; not Күнім, a given name's "my"); not a given name that reads as one
    (Жарғын, not жарғы + н)."""
    f = fold_kk(word)
    if _given_name(f):
        return False
    for noun in _TRANSLATED_NOUNS:
        rest = f[len(noun) :] if f.startswith(noun) else None
        if rest is None or (rest and rest not in all_suffixes()):
            continue
        if not inflected or (rest and (_chains(noun).get(rest) or "").split("+")[-1] in _CASES):
            return True
    return False


def _title(word: str) -> bool:
    return _stem_in(word, TITLES)


def _kazakh_mentions(doc: _Document) -> list[_Mention]:
    text, words = doc.text, doc.words
    out: list[_Mention] = []
    quoted: set[int] = set()
    # quoted names: «Қазақстан темір жолы», «Хабар 24» (spaces and a number inside the quotes)
    for k, (s, _e, w) in enumerate(words):
        if len(w) < 2 or not _is_cap(w) or not _opens_quotation(text, s):
            continue
        for j in range(k, min(len(words), k + MAX_QUOTED_WORDS)):
            if j > k and text[words[j - 1][1] : words[j][0]].strip(" \u00a0-"):
                break
            close = _NUMBER_TAIL.match(text, words[j][1]).end()
            shut = close  # where the closing quote may stand: after a title's own ellipsis or "!" too
            ending = _TITLE_PUNCTUATION.match(text, close)
            if ending and text[ending.end() : ending.end() + 3].lstrip(" \u00a0")[:1] in _QUOTE_CLOSE and _NAMED_THING.match(text, ending.end()):
                # «Адамзаттың бәрін сүй…» атты квест, «Ел бірлігі!» атты акция (not «Оралда алма өсе ме?»
                # деген сауал, «Ұлыс оң болсын!» деп: words said)
                shut = ending.end()
            after = text[shut : shut + 3].lstrip(" \u00a0")
            if after[:1] in _QUOTE_CLOSE and after[:1]:
                following = text[shut : shut + 40].lstrip(" \u00a0")[1:]
                # one quoted word that is no common word before деген is a name ("called"):
                # «Леново» деген компания; words someone said are more than one
                if j == k and _starter(fold_kk(w)):
                    break  # "Ендеше "Нұрсұлтан" деп атайық: a quotation opening with a conjunction
                said = _SPEECH_AFTER.match(following) and not _NAMED_AS.match(following) and not (
                    j == k and not doc.common(k) and _CALLED.match(following)
                    and not _WORD_SAID.match(following)
                )
                # after the list of quotations this one opens: words given as examples, or said
                rest, listed = text.index(after[:1], shut) + 1, False
                while (m := _NEXT_QUOTED.match(text, rest)) is not None:
                    rest, listed = m.end(), True
                tail = text[rest : rest + 40]
                said = said or _WORDS_LIKE.match(tail) or (listed and _SAID_AFTER_LIST.match(tail))
                if j == k and not w.isupper() and any(c.isupper() for c in w[1:]):
                    said = False  # «ҚазМұнайГаз», — ...: a word with a capital inside is a name, never a quotation
                if said or any(x[2].islower() and len(x[2]) >= 6 and _VERB_FORM.search(fold_kk(x[2])) for x in words[k + 1 : j + 1]):
                    # «Адам бол» , — деді; «Өз үйімде жүргендей сезімде»: words quoted (a verb
                    # among them), not a name; the capital starts the quotation's sentence
                    quoted.add(k)
                    break
                end = close if text[words[j][1] : close].strip() else words[j][1]
                # Kazakh quotes the names of organisations, teams, channels, works and products, not
                # of people («Хабар» арнасы, «Барыс» командасы); a quoted name before a place's
                # generic word is a place's («Алтын дала» ықшамауданы)
                nxt = next((x for x in words[j + 1 : j + 2]), None)
                if nxt and fold_kk(nxt[2]) in PLACE_GENERIC_MODIFIERS and j + 2 < len(words):
                    nxt = words[j + 2]  # «Самал» шағын ауданы, «Кирпичный» тұрғын алабы, «Көктал» елді мекені
                kind = "place" if nxt and nxt[2].islower() and _stem_in(nxt[2], PLACE_GENERICS | {"мекені"}) else "organisation"
                if _NICKNAMED.match(following):
                    kind = "name"  # «Барлаушы ханшайым» атанды: a nickname
                number = (text[words[j][1] : end].strip(),) if end > words[j][1] else ()
                generic = _product_follows(doc, j)
                if generic is not None:
                    out.extend(_product_mentions(doc, k, j, end, generic, number))  # «Боинг 737» ұшағы, «ЗиЛ» көлігі
                else:
                    # the word the quoted name names, adjectives aside («Алтын» ұлттық компаниясы), not a
                    # genitive's possession («Атамекеннің» гранты)
                    h = j + 1
                    while h < min(len(words), j + 4) and words[h][2].islower() and (
                        _derived_adjective(words[h][2]) or words[h][2].endswith("и")  # ғылыми, тарихи
                    ) and not _stem_in(words[h][2], NAMED_GENERICS):
                        h += 1
                    head = words[h][2] if h < len(words) else ""
                    named = head.islower() and (_stem_in(head, NAMED_GENERICS) or bool(_plural_generic(head))) and not any(
                        a.split("+")[-1] == "gen" for _, a in _readings(fold_kk(words[j][2]))
                    )
                    if kind == "organisation":
                        # the kind the first generic word after it says, modifiers before it aside
                        # («Павлодар» арнайы экономикалық аймағы, «Астана» концерт залы)
                        generic = _generic_after(doc, j, shut)
                        own = words[j][2]  # «Kaspi Bank» жүйесі, «Отбасы банк»: a bank's name, whatever follows
                        if _stem_in(generic, THING_GENERICS) and not _stem_in(generic, ORG_HEADS) and not (
                            _stem_in(own, ORG_HEADS) or _en_possessive(own).casefold() in _EN_ORG_HEADS
                        ):
                            kind = "name"
                        elif _stem_in(generic, FACILITY_HEADS) or (not generic and _stem_in(own, FACILITY_HEADS) and not _legal_form_after(doc, j)):
                            # «Астана» концерт залы, «Байқоңыр» ғарыш айлағы; «Жастар сарайында», a
                            # facility's name quoted whole (not «Алматы әуежайы» АҚ, a company)
                            kind = "facility"
                        elif j > k and fold_kk(words[j][2]) in _ABOUT:
                            kind = "name"  # «Байланыс туралы» заң, «Абай жайлы» фильм: a title "on ..."
                        elif not generic and fold_kk(words[j][2]) in PROGRAMME_TITLE_HEADS and j > k:
                            kind = "name"  # «Қорытынды жаңалықтар»: a bulletin's title
                        elif not generic and j > k and words[j][2].islower() and _stem_in(words[j][2], THING_GENERICS | TITLE_OWN_WORDS) and not _stem_in(words[j][2], ORG_HEADS) and not _legal_form_after(doc, j):
                            kind = "name"  # «Чемпиондар кеші», «Ұлы дала фестивалі», «Жастар жылы»: a thing's own word in its title
                        elif _stem_in(generic, PLACE_GENERICS):
                            kind = "place"  # «Ақсу-Жабағылы» табиғи қорығы, «Самал» шағын ауданы
                        elif not generic and _NAMED_THING.match(text, shut) and any(x[2].islower() for x in words[k + 1 : j + 1]):
                            kind = "name"  # «Адамзаттың бәрін сүй…» атты әдеби квест: a thing called so
                        elif _stem_in(generic, frozenset({"есімі"})):
                            # the name given: a person's, or a place's it is known as («Астана» есімі)
                            kind = _known_kind(fold_kk(" ".join(x[2] for x in words[k : j + 1]))) or "person"
                    out.append(_Mention(s, end, tuple(x[2] for x in words[k : j + 1]) + number, kind, bare=named))
                quoted.update(range(k, j + 1))
                break
    k = 0
    n = len(words)
    # a site named by its domain is an outlet's name, whole (BAQ.KZ, Almaty.tv); the words of a link
    # or an e-mail address are none
    addresses = address_spans(text, sites=True)
    heading = _heading_words(doc)
    while k < n:
        s, _e, w = words[k]
        if k in heading and not _known_kind(fold_kk(w)) and not (_is_acronym(w) and len(w) <= 4):
            # a heading's line in capitals (ДОЛЛАРДЫҢ ҚЫМБАТТАУЫ, ЖАЛПЫ ЕРЕЖЕЛЕР): its case says nothing;
            # the names known as such and short initials stay
            k += 1
            continue
        address = next(((a, b) for a, b in addresses if a <= s < b), None) if addresses else None
        if address is not None:
            a, b = address
            if a == s and SITE.fullmatch(text, a, b) and any(c.isupper() for c in text[a:b]):
                out.append(_Mention(a, b, (text[a:b],), "organisation", bare=True))
            while k < n and words[k][0] < b:
                k += 1
            continue
        if k in quoted or len(w) < 2 or not (_is_cap(w) or _is_acronym(w)) or _roman_numeral(w):
            # a single letter is an initial (А. Байтұрсынұлы), a Roman numeral a number (ХХ ғасыр)
            k += 1
            continue
        if not doc.initial[k] and _starter(fold_kk(w)) and (_opens_quotation(text, s) or not (
            k + 1 < n and doc.spaced(k + 1) and (_is_cap(words[k + 1][2]) or _stem_in(words[k + 1][2], ORG_HEADS))
        )):
            # Біз Сіздермен: a pronoun written with a capital out of respect; «Иә, әрине», «Мұндай
            # орталықтың ...»: a quotation's first word; but a name may open with such a word (Ал
            # Гор, Sol Group, Бірінші арна)
            k += 1
            continue
        if _demonym(w) and k + 1 < n and doc.spaced(k + 1) and _is_cap(words[k + 1][2]):
            # Америкалық Джонс Хопкинс университеті: "the American ...", no part of the name that
            # follows it (but Қазақстандық индустрия және экспорт орталығы is one name)
            k += 1
            continue
        if (
            k + 1 < n and doc.spaced(k + 1) and _is_cap(words[k + 1][2]) and _stem_in(words[k + 1][2], NAMED_BY_ONE_WORD)
            and _everyday(fold_kk(w))
        ):
            k += 1  # Ел Үкіметі, Ел Парламенті "the country's Government": the institution alone
            continue
        if _designation(text, words[k]):
            k += 1  # COVID-19, Ту-154, Ил-76, МиГ-29: a model or a disease, not a person, place or organisation
            continue
        if _common_noun(w) and (_is_acronym(w) or not _titled_organisation(doc, k)) and not _caps_name_after(doc, k):
            k += 1  # but a plural title before a body's head names the body (Министрлер кабинеті)
            continue
        if _translated_noun(w) and (_translated_noun(w, inflected=True) or _stem_in(w, _GAMES) or not (k + 1 < n and doc.spaced(k + 1) and _is_cap(words[k + 1][2]) and not _translated_noun(words[k + 1][2]))):
            # Жерге, Күнді: the Earth, the Sun, which a translator translates; with an ending, before
            # a name too (Тәңірінің Шолпанға: "God's ... to Sholpan"; Жерден Марсқа)
            k += 1
            continue
        if _ours(w) or (_shouted(w) and not _caps_before_generic(doc, k)):
            # Еліміздің, Халқымыз: "our country", "our people"; ЖАЛПЫ ЕРЕЖЕЛЕР: a heading's words
            # (not АУЫЛ партиясы, ЖАСЫЛ ЕЛ жобасы: a name in capitals before its kind)
            k += 1
            continue
        # a run of capitalised words, one space apart; only a name's last word inflects, so a word
        # with a case ending closes the run (Польшаның Гливице: two names)
        j = k
        while j + 2 < n and j + 2 not in quoted and doc.spaced(j + 1) and doc.spaced(j + 2) and (_arabic_particle(words, j) or _european_particles(doc, j)) or (
            j + 1 < n
            and j + 1 not in quoted
            and doc.spaced(j + 1)
            and (_is_cap(words[j + 1][2]) or _is_acronym(words[j + 1][2]))
            # a title ends the run, but a kind of state goes on with a country's name (Қазақстан
            # Республикасы, Иран Ислам Республикасымен: the country's full name)
            and (not _title(words[j + 1][2]) or _stem_in(words[j + 1][2], STATE_HEADS))
            and not doc.initial[j + 1]
            # a given name before a surname is not inflected, whatever it ends in (Дариға, not
            # Дари + ға, before Назарбаева)
            and (not doc.inflected(words[j][2]) or _first_name_before_surname(words[j][2], words[j + 1][2]))
            # Дональд Трамп Twitter-дегі: two names; Kaspi Банк, Жастар IT-кеңесі: one, a head follows
            and (_latin(words[j][2]) == _latin(words[j + 1][2]) or _stem_in(words[j + 1][2].rsplit("-", 1)[-1], ORG_HEADS))
            and len(words[j + 1][2]) > 1  # Airbus A320, Airbus A үш жүз жиырма: the maker, then a model
            and not _stem_in(words[j + 1][2], _GAMES)  # Қазақстан | Олимпиадаға, Олимпиада | Жұмабековке
            and not (_shouted(words[j + 1][2]) and not _caps_before_generic(doc, j + 1))  # ТОҚАЕВ АҚШ-ҚА БАРДЫ
            and not _closes_run(doc, j)  # Ұлыбритания Парламенті Үкімет ұсынған: two names
            and not (j == k and _closes_place_list(doc, k))  # Қазақстан, Ресей және Беларусь | Кеден одағы
            and not _accusative_name(words[j][2])  # Абай мен Құнанбайды | Әуезовтен
            # an institution closes the run but in the possessive of a body of it: Мәжіліс пен Үкімет
            # Ұлттық қордан, Үкіметімізде Қазақстан Республикасының: two names
            and not (_stem_in(words[j][2], INSTITUTIONS) and not _possessed_head(words[j][2]))
            and not _common_noun(words[j + 1][2], alone=False)  # Astana Hub IT-стартаптар алаңында
            and not _two_known_names(words[j][2], words[j + 1][2])  # Алматы Қазақстанның ... қаласы
            and not _given_then_place(doc, j)  # Мадина | Афинада тұрады
            and not _designation(text, words[j + 1])  # Ресей Ил-76 ұшағы: a place, then a model
            # a body's or a place's initials, then a person's given name (АҚШ | Джо Байден): two names
            and not (_is_acronym(words[j][2]) and (_given_name(fold_kk(words[j + 1][2])) or fold_kk(words[j + 1][2]) in _FOREIGN))
        ):
            europe = _european_particles(doc, j)
            j += 1 + europe if europe else 2 if words[j + 1][2] in ARABIC_NAME_PARTICLES | _HONORIFICS_IN_NAMES else 1
        if _title(w) and not _is_acronym(w) and not (j == k and _titled_organisation(doc, k)):
            k += 1
            continue
        # two people named one after the other (Тоқаев Ерлан Жұмағалиевпен): a surname ends a name
        # unless a patronymic follows it in the run (Қосанов Әміржан Сағидрахманұлы); an institution
        # or a body's name starts a new one (Асқар Мамин Үкімет мүшелерін, Асқар Мамин Ауыл
        # шаруашылығы министрлігі мен ...)
        # a word the text writes in lower case as often is a common one, however it ends (Қарулы
        # Күштері: "armed", not a patronymic in -улы)
        folded = [fold_kk(x[2]) if not doc.lowered(x[2]) else "" for x in words[k : j + 1]]
        for x in range(len(folded) - 1):
            here, after = folded[x], folded[x + 1]
            if x and words[k + x][2] in EUROPEAN_NAME_PARTICLES:
                continue  # a name's particle ends no name (Урсула фон дер | Ляйен Тоқаевпен)
            if _ends_in(here, PATRONYMIC_ENDINGS):
                ends = not _readings_end(after, PERSON_ENDINGS + ("ин",))  # Кемелұлы Тоқаев: one name
            else:
                # a given name that ends like a surname opens a name (Мадина Әбілқасымова, Дина ...)
                # (the patronymic in a case too: Разуев Әбен Тұйғынұлымен)
                ends = _ends_in(here, PERSON_ENDINGS) and not _given_name(here) and not any(
                    _readings_end(f, PATRONYMIC_ENDINGS) for f in folded[x + 1 : x + 3]
                ) and not (here.endswith("ина") and _readings_end(after, _WOMENS_SURNAMES))
                # a given name and a surname in -ин, two more words after: a second person (Асқар
                # Мамин | Марк Рюттемен)
                ends = ends or (x >= 1 and x + 2 < len(folded) and here.endswith("ин") and _given_name(folded[x - 1]))
                # a surname, then a given name, bare or in the genitive, and no more: one person,
                # surname first, as official texts write (Аманғалиев Серік, Қаражанова Гүлжанның;
                # not Тоқаев Ерланды құттықтады "Tokayev congratulated Yerlan")
                ends = ends and not (
                    x == 0 and len(folded) == 2 and any(_given_name(lemma) and a in ("", "gen") for lemma, a in _readings(after))
                )
            # the word after a European name's particles is its surname, the name's last word
            # (Урсула фон дер Ляйен | Тоқаевпен)
            ends = ends or (x >= 2 and words[k + x - 1][2] in EUROPEAN_NAME_PARTICLES)
            surname = _readings_end(here, PERSON_ENDINGS + ("ин",))
            given = x == 0 and (_given_name(here) or _kazakh_given_form(here))
            # two words of a person's name, then a given name and a surname: a second person
            # (Брижит Бардо | Қасым-Жомарт Тоқаевқа, Дархан Қыдырәлі | Нұрсұлтан Назарбаевқа)
            second = x >= 1 and x + 2 < len(folded) and _first_name_before_surname(words[k + x + 1][2], words[k + x + 2][2])
            # an adjective after a surname opens the name of what is named after the person, where a
            # head named so follows (Әлия Молдағұлова Халықаралық әуежайы, Мұхтар Әуезов Ұлттық
            # университеті), else another body's (Асқар Мамин | Ұлттық банкке барды)
            adjective = j == k + x + 1 and (_derived_adjective(words[j][2]) or after in STATUS_ADJECTIVES)
            named = adjective and _named_head_next(doc, k, j)
            body_after = adjective and not named and j + 1 < n and doc.spaced(j + 1) and words[j + 1][2].islower() and _stem_in(words[j + 1][2], ORG_HEADS)
            # a status adjective is no word of a person's name (Асқар Мамин | Ұлттық ұланға, Самат
            # Абиш | Мемлекеттік хатшы): the person's name ends before it, but where a head named
            # after a person follows it (Әлихан Бөкейхан Ұлттық кітапханасы)
            # and so is a place's adjective, capitalised as some texts write it (Асқар Мамин | Ресейлік
            # әріптесімен "with his Russian counterpart")
            status = (
                (surname or x >= 1)
                and (after in STATUS_ADJECTIVES or _demonym(words[k + x + 1][2]))
                and not _named_head_next(doc, k, k + x + 1, STREETS_NAMED_AFTER | NAMED_AFTER_HEADS)
            )
            ends = (ends and not named) or status
            # a place the table or the glossary knows after two words of a name a given name opens
            # ends the person's name, but before a patronymic (Джордж Николакопоулос | Афина
            # қаласының түрмесіне)
            ends = ends or (
                x >= 1
                and (_given_name(folded[0]) or folded[0] in _FOREIGN)
                and any(_known_kind(lemma) == "place" or lemma in _published_places() for lemma, _ in _readings(after))
                and not any(_readings_end(f, PATRONYMIC_ENDINGS) for f in folded[x + 2 : x + 3])
                and not _place_opener(here, after)  # Мадина Оңтүстік Кореяда: the compass word is the place's
            )
            # a person's name, then an institution or a body's name: two names (Гүлжан | Үкімет)
            if ends or second or ((surname or given) and _stem_in(words[k + x + 1][2], INSTITUTIONS)) or (
                surname and (body_after or (_body_follows(doc, j) is not None and not named))
            ):
                j = k + x
                break
        epithet_place = False
        if j == k + 1 and fold_kk(w) in _EPITHETS and not _known_last([w, words[j][2]]):
            if any(_known_kind(lemma) == "place" for lemma, _ in _readings(fold_kk(words[j][2]))):
                epithet_place = True  # Ұлы Қытай қорғаны, Ұлы Ресей: with a known place's name, a place's
            else:
                # Ұлы Абайдың "the great Abai's", Ұлы Тұран даласына: the epithet praises the name
                k += 1
                continue
        if j == k + 1 and fold_kk(w) in COMPASS_WORDS and _compass_describes(doc, k):
            k += 1  # Солтүстік Қазақстанға: "to northern Kazakhstan"; the name is the country's
            continue
        # at a sentence start, a word before a full name needs the text's evidence to be part of it
        # (Шаруагер Бақтыбай Нұрниязов: "farmer B. N."; Атыраулық Арыстанбек Кенже), not a given
        # name before a hajji's title (Бақытжан қажы Ахметов)
        # (the status adjective of a facility named after the person is no word of the name: Нұрсұлтан
        # Назарбаев Халықаралық әуежайы opening a sentence)
        last = j - 1 if j - k >= 2 and _named_head_next(doc, k, j) else j
        if doc.initial[k] and last - k >= 2 and not doc.evidence(w)[0] and words[k + 1][2] not in _HONORIFICS_IN_NAMES and (any(
            _readings_end(f, PERSON_ENDINGS + PATRONYMIC_ENDINGS) for f in folded[1 : last - k + 1]
        ) or (_given_name(folded[1]) and folded[1] not in EVERYDAY_GIVEN and not _given_name(folded[0]) and not _known_kind(folded[0]))) and not _opens_table_name(doc, k, j):
            # Кездесуде Дархан Қыдырәлі (not Иран Ислам Республикасы, Қожа Ахмет Ясауи)
            k += 1
            continue
        nxt = words[j + 1][2] if j + 1 < n else ""
        # a person's full name before a title is the person's (... Зухра Сейтімова Президент
        # Тоқаевқа; Нұрсұлтан Назарбаев Президент көмекшісі ...), no part of one title
        full_name = j > k and _readings_end(folded[j - k], PERSON_ENDINGS + PATRONYMIC_ENDINGS)
        if nxt and _is_cap(nxt) and _title(nxt) and doc.spaced(j + 1) and not doc.inflected(words[j][2]) and not full_name:
            # Тұңғыш Президент қоры: the title and the words before it open an organisation's name,
            # where the text writes those words with a capital mid-sentence (not Концертте Президент
            # оркестрі at a sentence start)
            if not (_titled_organisation(doc, j + 1) and (not doc.initial[k] or doc.evidence(w)[0])):
                k = j + 1  # Тұңғыш Президент, Қазақстан Президенті: a title, not a name
                continue
            j += 1
        kind = ""
        opening = False
        end = words[j][1]
        # an organisation's lower-case words up to its head noun; a place's generic word; a title's
        # head (Денсаулық сақтау министрі, Үкімет басшысы) makes the whole a title
        position = False
        person = any(_readings_end(f, PERSON_ENDINGS + PATRONYMIC_ENDINGS + ("ин",)) for f in folded[: j - k + 1])
        person = person and not (
            (j == k and _named_after_head(doc, j))
            or _named_after_head(doc, j, STREETS_NAMED_AFTER)
            # a full name and a status adjective before such a head (Нұрсұлтан Назарбаев Халықаралық әуежайы)
            or (j > k and _named_head_next(doc, k, j))
        )
        # a title before two or more capitalised words that are no everyday words: a person's full
        # name, which a body's lower-case words after it do not join (Президенті Реджеп Тайип Ердоған
        # қазақ-түрік стратегиялық серіктестігі туралы: "the partnership", no body's name); a body's
        # head right after them names the body (депутаты Нұр Отан партиясынан)
        person = person or (
            j > k
            and k > 0
            and doc.spaced(k)
            and (_stem_in(words[k - 1][2], PERSON_BEFORE) or _after_a_person(doc, k))
            and not any(_derived_adjective(f) or _everyday(f) for f in folded[: j - k + 1])
            and not (j + 1 < n and _stem_in(words[j + 1][2], ORG_HEADS))
            # (nor one opening with a country's name: Министр Ресей Сыртқы істер министрлігінің ...)
            and not (folded[0] in TERRITORIES or _known_kind(folded[0]) == "place")
        )
        # a head after a Latin or an acronym name is not part of it (CNN телеарнасы, КПРФ командасы)
        foreign = not _CYRILLIC.search(words[j][2]) or _is_acronym(words[j][2])
        run_end = j
        # a word before a territorial unit's word is bare whatever it ends in (Өскемен қаласының: not
        # Өске + мен "with")
        unit_after = j + 1 < n and fold_kk(words[j + 1][2]) in BODY_OF_PLACE
        # an institution named by one word is a whole name: a lower-case head after it is another
        # body's (Жалпы Үкімет әкімдіктің ... ұсынысын: "the Government ... the akimat's proposal")
        institution = j == k and _stem_in(w, NAMED_BY_ONE_WORD)
        searching = (unit_after or not doc.inflected(words[j][2])) and not foreign
        look = j + 1 if searching else n
        head = None  # the farthest head noun in reach (Қытай орталық радиосы, not Қытай орталық)
        reach = MAX_LOWER_WORDS
        while (
            look < n
            and look - run_end <= reach
            and doc.spaced(look)
        ):
            lw = words[look][2]
            if look == run_end + 1 and not person and fold_kk(lw) in BODY_OF_PLACE:
                body = _place_body_head(doc, look)
                if body is not None:
                    head = (body, "organisation")  # Өскемен қаласының әкімдігі
                    break
            if fold_kk(lw) in CLOSING_POSTPOSITIONS or fold_kk(lw) in _DETERMINERS:
                break  # ... секілді беделді ұйым; ... нөмірі төртінші емханаға: a description
            if look == run_end + 1 and lw.islower() and _demonym(lw) and not person:
                # Роскосмос ресейлік корпорациясы, plagiat.pl польшалық компаниясы: "the Russian
                # corporation Roscosmos", a description in apposition; the name is the run's
                # (KazNERD marks it so), a body's where the words reach a possessed head (not
                # Серік ресейлік агенттікке "Serik, to a Russian agency")
                if _body_follows(doc, look) is not None:
                    kind = "organisation"
                break
            if _is_cap(lw) and fold_kk(words[look - 1][2]) in IN_NAME:
                # әл-Фараби атындағы Қазақ ұлттық университеті: the name goes on, through a place's
                # words (... атындағы Батыс Қазақстан медицина университеті) to a capitalised head
                # (Абай атындағы Қазақ Ұлттық Педагогикалық Университеті)
                while True:
                    if _stem_in(words[look][2], ORG_HEADS):
                        head = (look, "organisation")
                    look += 1
                    if not (look < n and doc.spaced(look) and _is_cap(words[look][2]) and not doc.inflected(words[look - 1][2])):
                        break
                continue
            if _is_cap(lw) or not lw.islower():
                if head is None and not person and _stem_in(lw, INSTITUTIONS) and _possessed_head(lw):
                    # Қазақстан халқы Ассамблеясы (not Таяу арада Үкіметтің: "soon, the Government's")
                    head = (look, "organisation")
                break
            if fold_kk(lw) in _JOINING or any("pl" in a.split("+") and lemma in POSITION_HEADS for lemma, a in _readings(fold_kk(lw))):
                break  # Мәжіліс пен Үкімет, Мәжіліс депутаттары Үкімет сағатында: two names
            if _against(doc, look):
                look += 2  # Сыбайлас жемқорлыққа қарсы агенттік: "against" is inside names
                continue
            if fold_kk(lw) in IN_NAME:
                look += 1  # Құрманғазы атындағы ұлттық консерватория, ... жөніндегі агенттік
                person = False  # Гагарин атындағы академия: the person's name opens the organisation's
                reach = max(reach, look - run_end + MAX_LOWER_WORDS - 1)  # the body's own words after it
                continue
            if _stem_in(lw, POSITION_HEADS):
                position = head is None
                break
            if institution:
                break
            if person:
                break
            if look == run_end + 1 and _named_with_its_generic(words, k, run_end, look):
                head = (look, "place")  # Жерорта теңізінен, Қара теңізде: the sea's name has its word
                break
            if look == run_end + 1 and _stem_in(lw, NATURE_GENERICS):
                break  # Есіл өзені арнасынан: "from the Ishim's riverbed", a river has no bodies
            if look == run_end + 1 and fold_kk(lw) == "қаласы" and look + 1 < n and _is_cap(words[look + 1][2]):
                # a city's name, its word and a body's capitalised name are one organisation's name
                # (gov.kz: Алматы қаласы Қоғамдық денсаулық сақтау басқармасы)
                body = _body_follows(doc, look, capitals=True)
                head = (body, "organisation") if body is not None else head
                break
            if look == run_end + 1 and _stem_in(lw, PLACE_HEADS):
                head = (look, "place")
                after = words[look + 1][2] if look + 1 < n else ""
                if after and _bare_or_genitive(lw) and doc.spaced(look + 1) and _stem_in(after, ORG_HEADS):
                    head = (look + 1, "organisation")  # Түркістан облысы әкімдігі, облысының әкімдігі (not облысында)
                elif after and _bare_or_genitive(lw):
                    # Азия-Тынық мұхиты хабар тарату одағы, Ақмола облысы ауыл шаруашылығы басқармасы
                    body = _body_follows(doc, look)
                    head = (body, "organisation") if body is not None else head
                break
            if look == run_end + 1 and run_end == k and _stem_in(lw, DESCRIBED_HEADS) and (
                _known_kind(fold_kk(w)) == "place" or _readings_end(fold_kk(w), PLACE_ENDINGS)
            ):
                break  # Қытай компаниясы: a country's company; the name is the country's
            if look == run_end + 1 and run_end == k and _stem_in(lw, FACILITY_HEADS) and fold_kk(w) in _countries() - {"қазақстан"}:
                # Ресей порты, Қытай зауыты: a foreign country's port, plant (not Қостанай әуежайы, a
                # town's, nor Қазақстан стадионы, Kazakh texts' own names)
                break
            if head is None and fold_kk(words[look - 1][2]) in IN_NAME and _stem_in(lw, FACILITIES_NAMED_AFTER):
                head = (look, "organisation")  # Махамбет Өтемісов атындағы көше: the street named after him
            if _stem_in(lw, ORG_HEADS):
                if _bare_head_after_noun(words, run_end, look):
                    break  # Биылғы шара академияның ұйымдастыруымен: a phrase, no body's name
                if _bare_head_in_a_case(words, k, run_end, look):
                    break  # Әдиет мектепке барады: "Adiet goes to school", no body's name
                if head is not None and _possessed(words[head[0]][2]) and not _possessed(lw):
                    break  # a possessed head closes the name (... департаменті сотқа: "to the court")
                if head is not None and _stem_in(lw, FACILITY_HEADS) and not _stem_in(words[head[0]][2], FACILITY_HEADS):
                    break  # a body's platform, its hall (Еуразиялық экономикалық одақ алаңында)
                head = (look, "organisation")
            elif head is None and look > run_end + 1 and _stem_in(lw, SERVICE_HEADS) and (
                _known_kind(fold_kk(w)) == "place" or _demonym(w) or fold_kk(w) in STATUS_ADJECTIVES
            ):
                head = (look, "organisation")  # Ресей салық қызметі, Мемлекеттік күзет қызметі
            if head is None and look == run_end + 1 and not _named_alone(words, k, run_end) and _object_of_verbal_noun(doc, look):
                # Қаржы нарығын реттеу және дамыту агенттігі: an object and its verbal noun are the
                # body's words (the Agency for Regulation and Development of the Financial Market)
                look += 2
                reach += 1
                continue
            if _case_ending(lw):
                if head is not None and head[0] == look and any(a.split("+")[-1] == "gen" for _, a in _readings(fold_kk(lw))):
                    # capitals too: ... Ішкі істер министрлігінің Төтенше жағдайлар департаменті
                    body = _body_follows(doc, look, capitals=True)
                    if body is not None:  # Ішкі істер министрлігінің баспасөз қызметі: a body's body
                        head = (body, "organisation")
                break  # Биылғы жарыстың ұтыс қоры: a phrase, not one name
            if _phrase_word(lw) and (head is None or head[0] != look):
                break  # Ұшу ... қиын жағдайда кешенді, ... қария жазған ... клуб: a clause, no name
            if _clause_word(lw, words[look + 1][2] if look + 1 < n else ""):
                break  # Артынша оны ауруханаға, ... оқиғаны қалалық полиция: a clause, no name
            look += 1
        if not searching and head is None and not person and not foreign:
            head = _body_of_country(doc, k, j) or (_body_of_body(doc, j) if j > k else None)
        named_after = any(fold_kk(x[2]) in IN_NAME for x in words[run_end + 1 : head[0]]) if head is not None else False
        if head is not None and _given_name(folded[0]) and not _possessed(words[head[0]][2]) and not named_after:
            # Самат дереу ауруханаға; Алмас Сәдуақас сот процесіне: a person, then a place or a thing
            # (not Юрий Гагарин атындағы академия: a body named after the person)
            head = None
        if head is not None and not named_after and _stem_in(words[head[0]][2], FACILITY_HEADS):
            # Бауыржан Байбек Республика алаңында, Тоқаев Республика алаңында: a person, then the
            # facility they were at, which the next capitalised words name; not an adjective after
            # the person, who names the facility (Нұрсұлтан Назарбаев Халықаралық әуежайы, Әлихан
            # Бөкейхан Ұлттық кітапханасы), nor two words alone (Нұрсұлтан Назарбаев әуежайы)
            first, second = fold_kk(words[k][2]), fold_kk(words[k + 1][2]) if k + 1 < n else ""
            given = run_end - k >= 2 and _given_name(first) and not _given_name(second)
            surname = run_end - k >= 1 and len(first) > 4 and _readings_end(first, PERSON_ENDINGS)
            person_words = 2 if given else 1 if surname else 0
            after = fold_kk(words[k + person_words][2]) if person_words and person_words <= run_end - k else ""
            if after and not (_derived_adjective(after) or after in STATUS_ADJECTIVES | COMPASS_WORDS):
                head, j = None, k + person_words - 1
                end = words[j][1]
        if head is not None and _stem_in(words[run_end][2], STATE_HEADS) and not (
            _possessed(words[head[0]][2]) or _stem_in(words[head[0]][2], LOCAL_BODY_HEADS)
        ):
            # a country's full name takes a possessed head only (Қазақстан Республикасы ұлттық банкі,
            # Корея Республикасы елшілігі; not Беларусь Республикасы | социалистік елдер одағының)
            head = None
        if head is not None and head[1] == "organisation" and j == k and _known_kind(folded[0]) == "place" and not _possessed(words[head[0]][2]) and not _stem_in(words[head[0]][2], INSTITUTIONS | LOCAL_BODY_HEADS) and not unit_after:
            head = None  # Беларусь экономикалық одақтың төрағалығы: the country chairs the union
        if (
            head is None
            and j > k
            and _derived_adjective(words[j][2])
            and j + 1 < n
            and words[j + 1][2].islower()
            and not _personal([x[2] for x in words[k : j + 1]])  # Бауыржан Сыздық, Айдос Мәлік: a surname
        ):
            j -= 1  # ҚМГ Корпоративтік басқару құрылымы: a name ends in a noun, the adjective describes
            end = words[j][1]
        if head is not None:
            j, kind = head
            end = words[j][1]
        elif (
            not foreign
            and j + 1 < n
            and doc.spaced(j + 1)
            and words[j + 1][2].islower()
            and _stem_in(words[j + 1][2], PLACE_GENERICS)
            and not doc.inflected(words[j][2])
        ):
            kind = "place"  # Қордай ауданында, Бесқарағай аулында: the name before the generic word
        elif j == k and not foreign and _two_word_place(doc, j):
            j, kind = j + 1, "place"  # Жібек жолы ауданына, Жаңа қала ықшам ауданының
            end = words[j][1]
        if (
            head is None
            and j == k
            and j + 1 < n
            and doc.spaced(j + 1)
            and words[j + 1][2].islower()
            and _stem_in(words[j + 1][2], EVENT_GENERICS)
            and not doc.inflected(w)
            and (fold_kk(w) in EVENT_WORDS or _everyday(fold_kk(w)))
        ):
            # Олимпиада ойындары, Әлем чемпионаты: an event's words, translated, not spelt (not
            # Бостон марафоны, Уимблдон турнирі: a place's name)
            k = j + 1
            continue
        if position:
            k = j + 1
            continue
        product = _product_follows(doc, j) if kind != "place" else None
        if product is not None:
            kind = "name"  # Sukhoi Superjet 100 ұшағы, Ту-154 ұшағы: a product and its maker
        elif (
            not kind
            and _latin_thing_follows(doc, j)
            and not any(_CYRILLIC.search(x[2]) or _is_acronym(x[2]) or _en_possessive(x[2]).casefold() in _EN_ORG_HEADS for x in words[k : j + 1])
        ):
            # G-Global саясаты, Smart Aqköl жобасы, Brent маркалы мұнай: Latin letters (a body's by
            # default) before a project's, a policy's or a brand's word name that thing; not
            # initials (НАТО стратегиясы, TCO жобасы) nor a body's own head (BI Group жобасы)
            kind = "name"
        # an organisation's name capitalises its first word only: a common word before a capitalised
        # one is not part of it (Биыл Еуразиялық экономикалық одақ)
        generic = _stem_in(w, GENERIC) or _starter(fold_kk(w)) or fold_kk(w) in _DETERMINERS or (
            run_end > k and fold_kk(w) not in COMPASS_WORDS | RANK_WORDS
        )
        if (
            kind == "organisation"
            and doc.initial[k]
            and k < run_end
            and _stem_in(words[j][2], FACILITY_HEADS)
            and not _given_name(fold_kk(w))
            and any(lemma in _common_words() for lemma, _ in _readings(fold_kk(w)))
            and _readings_end(fold_kk(words[k + 1][2]), PERSON_ENDINGS)
            and not _readings_end(fold_kk(words[k + 1][2]), PATRONYMIC_ENDINGS)  # Толқын Сейітқызы көшесі
        ):
            # Оқиға Назарбаев даңғылында болды: an everyday word opening the sentence, then the
            # street named after a surname (not Азамат Алдоңғаров, a given name before a surname)
            k += 1
            continue
        if kind == "organisation" and doc.initial[k] and doc.common(k):
            # a common word opening the sentence before a head noun names one only where the head is
            # possessed (Күріш өңдейтін кешен: a description) and the text capitalises that word
            # mid-sentence too (Полиция департаменті, Нан зауытында: "the police department", "at
            # the bread factory"); a state body's head or a postposition of names (Төтенше жағдай
            # жөніндегі комиссия) makes it a name
            named = any(_stem_in(x[2], STATE_BODIES) for x in words[k : j + 1]) or any(fold_kk(x[2]) in IN_NAME for x in words[k:j])
            # a status adjective, another adjective and a head are an official name (Ұлттық ядролық
            # орталық, Республикалық бюджет комиссиясы), not a description
            # (not a meeting's: Халықаралық ғылыми-практикалық конференция is an event)
            named = named or (fold_kk(w) in STATUS_ADJECTIVES and j - k >= 2 and not _stem_in(words[j][2], _MEETINGS))
            # a place the glossary knows, whose name is also a word (астана "a capital"), before a
            # possessed head is the place's body (Астана қаласы әкімдігі, Астана әкімдігі)
            named = named or (_known_kind(fold_kk(w)) == "place" and _possessed(words[j][2]) and _stem_in(words[j][2], LOCAL_BODY_HEADS))
            generic = generic or not (named or (_possessed(words[j][2]) and doc.evidence(w)[0]))
            # a local administration's unit called by its work alone (Ауыл шаруашылығы басқармасы,
            # Төтенше жағдайлар департаменті: "the agriculture department" of the place the text is
            # about) is described, not named: its name has the place (Алматы қаласы Денсаулық
            # сақтау басқармасы, Түлкібас аудандық білім бөлімі)
            generic = generic or (
                _stem_in(words[j][2], LOCAL_UNITS)
                and all(x[2].islower() and fold_kk(x[2]) not in BODY_OF_PLACE for x in words[k + 1 : j])
            )
            # two words, a common word and a head (Полиция департаменті, Спорт мектебі): longer ones
            # are names (Қазақ ұлттық университеті)
            opening = not named and j - k == 1
        elif kind == "organisation" and doc.initial[k] and j - k == 1 and not doc.evidence(w)[0] and not _known_kind(fold_kk(w)):
            # the same for a word the text never writes with a capital mid-sentence (Жүлде қоры да
            # қомақты "the prize fund is large", Кезекші соттың шешімімен)
            # a university takes a name, not a common word, before it (Кембридж университеті at a
            # sentence start; not an adjective: Аграрлық университеті); so does any head named after
            # a person when the word reads as a surname (Бараев институтының)
            scholarly = (
                _stem_in(words[j][2], SCHOLARLY_HEADS) and not fold_kk(w).endswith(_ADJECTIVE_ENDINGS)
            ) or (_stem_in(words[j][2], NAMED_AFTER_HEADS) and _readings_end(fold_kk(w), PERSON_ENDINGS))
            opening = not _stem_in(words[j][2], STATE_BODIES) and not scholarly
        if j == k and not kind and any(lemma in COMPASS_WORDS for lemma, _ in _readings(fold_kk(w))):
            # Солтүстікте де жағдай ...: "in the north", a direction opening the sentence; Шығыс пен
            # Батысты: "the East and the West", no place's name (KazNERD marks none of them)
            k += 1
            continue
        addressed = j == k and doc.addressed(k)  # Азамат, сіз ...: a person, whatever the word means
        # a compass word opening a run of capitals opens a place's name (Оңтүстік Кореяға)
        compass = j > k and _opens_place(doc, k)
        if doc.initial[k] and not _is_acronym(w) and doc.common(k) and not addressed and not compass and (kind not in ("organisation", "place") or generic or (kind == "place" and _starter(fold_kk(w)))) and not _opens_table_name(doc, k, j):
            # a common word opens the sentence (Ал, Жалпы, Облыс орталығы); what follows is looked at
            # alone. An organisation's name may open with one (Денсаулық сақтау министрлігі).
            k += 1
            continue
        if doc.initial[k] and not kind and not _is_acronym(w) and not doc.sentence_start_is_name(k, j - k + 1):
            k += 1
            continue
        lower_follows = j + 1 < n and words[j + 1][2].islower() and doc.spaced(j + 1)
        # A word alone before lower-case ones may describe them and name nothing: a number word
        # counts them (Отыз жылдық соғыс, "the Thirty Years' War"), an epithet praises (Ұлы ақын),
        # a derived adjective or an everyday word qualifies them (Ұлттық валюта, Алғыс айту күні).
        # Not before "and" or "called" (Теңдік және ..., Алғыс деген ауыл); an adjective or an
        # everyday word not before an honorific or a kinship word of its own (Сыздық ағамен; but
        # Халық ақыны, "the People's poet"), nor where the text gives it a case ending
        # mid-sentence (Бостандықта: a name; an adjective takes none).
        qualifies = (_derived_adjective(w) or _everyday_word(doc, j)) and not (
            (lower_follows and _stem_in(words[j + 1][2], PERSON_AFTER, others=False))
            or doc.extended(fold_kk(w), mid_sentence=True)
        )
        joined = _COORDINATION.match(doc.text, words[j][1])
        describes = (
            (qualifies or is_kk_number_word(w) or fold_kk(w) in _EPITHETS)
            # "and" before another name (Теңдік және Кантемировское ауылдарына), not before common
            # words (Мәдениет және тілдерді дамыту бөлімі "the department of culture and ...")
            and not (joined and doc.text[joined.end() : joined.end() + 1].isupper())
            and not _CALLED.match(doc.text, words[j][1])
            and not (lower_follows and fold_kk(words[j + 1][2]) in CALLED_WORDS)  # Жаңалық атты газет
        )
        if j == k and not kind and not _is_acronym(w) and lower_follows and (doc.lowered(w) or describes) and not _stem_in(w, NAMED_BY_ONE_WORD):
            # Қылмыстық кодекс, Ұлы Отан соғысы: a common word opening a title-cased phrase (an
            # institution written with its capital is its name, "parliaments" in lower case or not);
            # a derived adjective too, however the text writes it (Ұлттық валютаның, Римдік сарбаздар)
            k += 1
            continue
        if j == k and not _is_acronym(w) and not _stem_in(w, NAMED_BY_ONE_WORD) and any(
            # a head in a case (not Қордай, қор + дай "like a fund": a place's name)
            lemma in ORG_HEADS and (not a or a.split("+")[-1] in _CASES or a == "p3") for lemma, a in _readings(fold_kk(w))
        ):
            k += 1  # Ұйымның Бас хатшысы, құрылған Ассамблея: a body named before, called by its kind
            continue
        if not kind and any(_stem_in(x[2], INSTITUTIONS) for x in words[k : j + 1]):
            kind = "organisation"
        if not kind and epithet_place:
            kind = "place"
        if not kind and any(x[2] in ARABIC_NAME_PARTICLES | EUROPEAN_NAME_PARTICLES for x in words[k + 1 : j]):
            kind = "person"  # Салман бен Әбделазиз, Людвиг ван Бетховен: a name's particle
        if (
            kind == "organisation"
            and k - 1 in quoted
            and any(c in _QUOTE_CLOSE for c in text[words[k - 1][1] : s])
            and _derived_adjective(w)
            and _possessed(words[j][2])
            and all(x[2].islower() or _derived_adjective(x[2]) for x in words[k + 1 : j])
        ):
            # «Qazaqstan» Ұлттық телеарнасы, «Самұрық-Қазына» Ұлттық әл-ауқат қоры: the quoted
            # name's kind, capitalised; the name is the quoted one (not «Қазпочта» Ұлттық банкпен,
            # "Kazpost with the National Bank": a body's own, unpossessed head)
            k = j + 1
            continue
        # a name before "called" takes the kind of what it names (Жаңалық деген газет, Палмейрас
        # деген бразилиялық клуб, Алғыс деген ауыл, Ару есімді қыз)
        kind = kind or _called_kind(doc, j)
        cue = not kind and j == k and _person_context(doc, k)
        if product is not None:
            out.extend(_product_mentions(doc, k, j, end, product))
        else:
            out.append(_Mention(s, end, tuple(x[2] for x in words[k : j + 1]), kind, cue, opening))
        k = j + 1
    out.sort(key=lambda m: m.start)
    return _numbered_units(doc, _compass_pairs(doc, _known_names(doc, _confirmed(_places_listed(doc, out)))))


def _numbered_units(doc: _Document, mentions: list[_Mention]) -> list[_Mention]:
    """``mentions`` and the numbered military units and formations no mention overlaps
    (``numbered_units``: 55 / 12 әскери бөлімінде, 316-атқыштар дивизиясы), bodies' names in
    lower-case words after a number, which KazNERD marks as organisations."""
    # (its words are its own form, the case ending off: bare)
    units = [
        _Mention(a, b, tuple(base.split()), "organisation", bare=True)
        for a, b, base in numbered_units(doc.text)
        if not any(m.start < b and a < m.end for m in mentions)
    ]
    return sorted(mentions + units, key=lambda m: m.start) if units else mentions


def _own_name(doc: _Document, m: _Mention) -> bool:
    """``m`` is a body's own name inside a longer one: a quoted name before its kind («Хабар»
    агенттігі: the agency is «Хабар», as Kazakh and KazNERD write it), unless the quotes hold a
    place's name (« Астана » халықаралық қаржы орталығы: the centre is named whole)."""
    return (
        m.kind == "organisation"
        and _opens_quotation(doc.text, m.start)
        and not (len(m.words) == 1 and _known_kind(fold_kk(m.words[0])) == "place")
    )


def _known_names(doc: _Document, mentions: list[_Mention]) -> list[_Mention]:
    """``mentions`` with the names of bodies of two words or more that the shipped glossary has put
    in whole where its matcher finds them, in any inflected form (Президент Әкімшілігінің, Ұжымдық
    қауіпсіздік туралы шарт ұйымына), quotes and all (« Астана » халықаралық қаржы орталығында):
    what a name is, not how to render it, as ``_known_kinds``. Such a name takes the place of the
    mentions inside it, not of one that reaches beyond it. (Its places are left to the rules:
    KazNERD and Kazakh usage name a sea without its word, Каспий теңізі -> Каспий.)"""
    text = doc.text
    known = []
    starts = [s for s, _e, _w in doc.words]
    for m in Glossary.default().match(text, "kk"):
        kind = _GLOSSARY_KINDS.get(m.term.kind or "")
        if kind != "organisation" or " " not in m.term.source.strip():
            continue
        start = before = m.start
        while before and text[before - 1] in " \u00a0":
            before -= 1
        if before and text[before - 1] in _QUOTE_OPEN and any(c in _QUOTE_CLOSE for c in text[start : m.end]):
            start = before - 1  # the quotes around its first words are the name's
        first, last = bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end)
        words = doc.words[first:last]
        if not words or words[0][0] != m.start or words[-1][1] != m.end:
            continue  # a match inside words (Одақ-шыл, экс-Ұлттық): no name of its own
        after = doc.words[last][2] if last < len(doc.words) and doc.spaced(last) else ""
        if (
            doc.initial[first]
            and all(w.islower() for _s, _e, w in words[1:])
            and not _stem_in(words[-1][2], _BODY_HEADS)
            and not (after and _stem_in(after, _BODY_HEADS))
            and not any(m.start <= x.start < m.end for x in mentions)
        ):
            # Ақ жол тілейміз! "bon voyage": the sentence's capital, no body's head in or after it
            # (Ақ жол партиясы is the party), no rule's name
            continue
        # its words as written, the commas between them kept (Цифрлық даму, инновациялар ...)
        written = (x.strip(_QUOTE_OPEN + _QUOTE_CLOSE) for x in text[m.start : m.end].split())
        known.append(_Mention(start, m.end, tuple(x for x in written if x), kind))
    out = list(mentions)
    for k in known:
        overlapping = [m for m in out if m.start < k.end and k.start < m.end]
        if all(k.start <= m.start and m.end <= k.end and not _own_name(doc, m) for m in overlapping):
            # a longer name found around it keeps its words (Қазақстан Республикасы Денсаулық сақтау
            # министрлігі); the known name takes the place of the pieces inside it
            out = [m for m in out if m not in overlapping] + [k]
    return sorted(out, key=lambda m: m.start)


_COMPASS_BEFORE = re.compile(rf"([^\W\d_]+)[ \u00a0]+(?:{'|'.join(AND_WORDS)})[ \u00a0]+\Z")


def _compass_pairs(doc: _Document, mentions: list[_Mention]) -> list[_Mention]:
    """A place's name opening with a compass word takes another compass word "and" before it
    (Солтүстік және Оңтүстік Корея, Орталық және Шығыс Азияда: North and South Korea, one name as
    KazNERD marks it and English writes it)."""
    out = []
    for m in mentions:
        before = _COMPASS_BEFORE.search(doc.text, max(0, m.start - 40), m.start)
        if (
            before
            and m.kind in ("place", "")
            and not _plural_generic(m.words[-1])  # Солтүстік және Оңтүстік Қазақстан облыстары: two regions
            and fold_kk(m.words[0]) in COMPASS_WORDS
            and fold_kk(before.group(1)) in COMPASS_WORDS
            and before.group(1)[:1].isupper()
            and not any(x.start < m.start and before.start() < x.end for x in mentions)
        ):
            words = tuple(doc.text[before.start() : m.start].split())
            m = _Mention(before.start(), m.end, words + m.words, "place", m.person_cue, m.opening, m.bare)
        out.append(m)
    return out


def _places_listed(doc: _Document, mentions: list[_Mention]) -> list[_Mention]:
    """A plural place generic after names joined by commas and "and" makes each of them a place
    (Махамбет, Индер және Исатай аудандарының: three districts, two named after people)."""
    out = list(mentions)
    for i, m in enumerate(out):
        after = _WORD.match(doc.text, m.end + 1) if doc.text[m.end : m.end + 1] in (" ", "\u00a0") else None
        if m.kind != "place" or after is None or not _stem_in(after.group(), PLURAL_PLACE_GENERICS):
            continue
        for p in range(i - 1, -1, -1):
            if not _COORDINATION.fullmatch(doc.text, out[p].end, out[p + 1].start):
                break
            if not out[p].kind:
                out[p] = dataclasses.replace(out[p], kind="place")
    return out


def _confirmed(mentions: list[_Mention]) -> list[_Mention]:
    """``mentions`` less those a common word opening a sentence opens (``_Mention.opening``) that
    the document does not write mid-sentence too, in some form (Полиция департаментінің at a
    sentence start alone: "the police department's"; Орталық сайлау комиссиясы, found mid-sentence
    as well, is a name)."""
    if not any(m.opening for m in mentions):
        return mentions

    def stems(m: _Mention) -> set[tuple[str, ...]]:
        head = tuple(fold_kk(w) for w in m.words[:-1])
        return {head + (lemma,) for lemma, _ in _readings(fold_kk(m.words[-1]))}

    seen = set().union(*(stems(m) for m in mentions if not m.opening))
    return [m for m in mentions if not m.opening or stems(m) & seen]


# --- lemmas and kinds ------------------------------------------------------------------------


# Endings that many names end in by themselves (Қызылорда, Алматы, Шиелі, Ақорда): a form that
# may carry one is read as bare unless the document has the shorter stem too. Other case endings
# (Тоқаевтың, Астанаға, Алматыдан) are read as endings.
_WEAK = frozenset({"loc", "acc", "p3", "equ", "sim", "pl"})
_PLURAL_ENDINGS = tuple(sorted({e for pair in PLURAL.values() for e in pair}))


def _strength(lemma: str, analysis: str, possessed: bool = False, person: bool = False) -> int:
    if person and analysis == "acc":
        return 2  # a surname after a given name: Смитті is Смит + ті, Кимді Ким + ді
    if possessed and lemma in ORG_HEADS and not analysis.startswith(("p3", "pl")):
        return 4  # a body's name ends in its head: орталықта is орталық + та (Атырау облыстық ... орталық)
    if possessed and lemma[-1:] in "ыі" and analysis and not analysis.startswith("p3"):
        return 3  # the last word of Ақтөбе облысы keeps its possessive: облысы + нда
    if not analysis:
        return 1
    if possessed and analysis.split("+")[0] in ("p3", "pl"):
        return -1  # a name of several words keeps its plural too (Қарулы Күштері, Құрама Штаттары)
    if analysis in _WEAK and not _ends_in(lemma, PERSON_ENDINGS) and not lemma.endswith(_PLURAL_ENDINGS):
        return 0  # Тоқаевты is Тоқаев + ты; Қарулы Күштерде is Күштер + де (a stem ending like a plural: a case after it)
    return 2


def _hyphenated(words: Iterable[str]) -> frozenset[str]:
    """The folded forms of ``words`` written with a lower-case ending after a hyphen (АҚШ-та,
    Twitter-де; not Чен-Ын, Бек-Тай): ``_lemmas`` reads that ending as one."""
    return frozenset(fold_kk(w) for w in words if "-" in w and w.rpartition("-")[2][:1].islower())


# Obstruents (written voiced or not) before which the locative is -та, -те and which no name ends
# in before them (Оксфордта, Бишкекте, Бангладеште; not ч, п, ф: Қазпочта, Гупта, Укрнафта; т only
# before -те: Бейрутте, not Калькутта).
_OBSTRUENTS = frozenset("кқдбгғш")


# Stems before which -да, -де is the locative and no name ends so: -ия (Вирджинияда, Италияда;
# Олимпиада is -иада) and the Russian forms of places (Березовкада, Шемонаихада, Глубокоеде,
# Ивановода). Not -й: Зубайда, Альмейда, Ходейда are names.
_LOCATIVE_STEMS = ("ия", "овка", "евка", "иха", "ое", "ово", "ево", "ино")


def _case_shaped(lemma: str, ending: str, analysis: str) -> bool:
    """``lemma`` + ``ending``, a locative or an accusative, is shaped so that no name's own last
    letters are. The locative: a stem in ``_LOCATIVE_STEMS`` before -да, -де (Вирджинияда,
    Шемонаихада), in -и before -де (Найробиде; not -ида: Флорида, Фарида), in an obstruent before -та, -те
    (Оксфордта; not Айбалта, Мальта: a sonorant). The accusative: a stem in -я before -ны, -ні
    (Италияны, Кореяны), in -и before -ді (Мусашиді; not -ни: Паганини, Пуччини). A stem of
    five letters at least (not Халиде, Фериде, Давиді: names, a possessive)."""
    if len(lemma) < 5:
        return False
    if analysis == "loc":
        if lemma.endswith(_LOCATIVE_STEMS) and ending in ("да", "де"):
            return True
        if lemma.endswith("и") and ending == "де":
            return True
        return (lemma[-1:] in _OBSTRUENTS and ending in ("та", "те")) or (lemma[-1:] == "т" and ending == "те")
    if analysis == "acc":
        return (lemma.endswith("я") and ending in ("ны", "ні")) or (lemma.endswith("и") and ending == "ді")
    return False


def _lemmas(
    forms: Iterable[str],
    possessed: bool = False,
    seen: frozenset = frozenset(),
    hyphenated: frozenset = frozenset(),
    person: bool = False,
) -> dict[str, tuple[str, str]]:
    """Folded form -> (folded lemma, analysis): the reading whose lemma explains most forms (a
    lemma the text writes bare in this or another name counts twice more); then a distinctive ending before the bare word before a
    weak ending (``_WEAK``), an ending written in lower case after a hyphen counting as distinctive
    (``hyphenated``: the forms so written); then the longer lemma."""
    forms = set(forms)
    score: dict[str, int] = {}
    readings = {f: _readings(f) for f in forms}
    known = _known_kinds()
    for f, rs in readings.items():
        for lemma in {r[0] for r in rs}:
            # a lemma the text writes bare, or a name the shipped glossary knows or a given name
            # (Түркістан, not Түркіс + тан "from"); not a known word whose possessive a name of
            # several words keeps (Қазақстанның Парламентінде: Парламенті, not Парламент)
            izafet = possessed and all(a.startswith("p3") for x, a in rs if x == lemma)
            bare = (
                (lemma != f and (lemma in forms or lemma in seen))
                or (lemma in known and not izafet)
                or _given_name(lemma)
                or (lemma != f and lemma in _published_places())  # Шардарада: Шардара, a town the table spells
            )
            score[lemma] = score.get(lemma, 0) + 1 + (2 if bare else 0)

    def strength(f: str, lemma: str, analysis: str) -> int:
        if analysis and f in hyphenated and f.startswith(lemma + "-"):
            return 2  # ХҚКО-да, АҚШ-та: an ending, whatever it is (not Чен-Ын, Бек-Тай: a name's part)
        if _case_shaped(lemma, f[len(lemma) :], analysis):
            return 2  # Вирджинияда, Найробиде, Оксфордта, Италияны: no name ends so
        if analysis and re.split(r"[- ]", lemma)[-1] in _ENDER_WORDS:
            return 2  # Таймс-скверде: a foreign place's English word, then an ending
        # the accusative's own endings only (not -н after a vowel: Зейін is no Зейі + н)
        plain_accusative = f.endswith(_PLAIN_ACCUSATIVE) and not f.endswith(VERBAL_NAME_ENDINGS)
        return _strength(lemma, analysis, possessed, person and plain_accusative)

    return {f: max(rs, key=lambda r: (score[r[0]], strength(f, *r), len(r[0]))) for f, rs in readings.items()}


def _personal(words: Sequence[str]) -> bool:
    """Two or three words opening with a given name, Kazakh or foreign, and no body's head or
    title among them: a person's name."""
    first = fold_kk(words[0])
    return (
        2 <= len(words) <= 3
        and (_given_name(first) or first in _FOREIGN)
        and not any(_stem_in(w, _BODY_HEADS | PLACE_GENERICS) or _title(w) for w in words)
    )


# A route's word after two places joined by a hyphen (Алматы-Бишкек бағытында, Алматы-Үрімжі
# пойызы, Ақтөбе-Орск автожолы): the places, no compound name.
_ROUTE_AFTER = re.compile(r"[»”\" \u00a0]*(?:бағыт|жол|пойыз|поезд|рейс|трасса|тасжол|автожол|магистрал|әуе)")


def _compound_beyond(text: str, a: int, b: int, spans: list) -> bool:
    """The word ``text[a:b]`` is a hyphenated compound whose capitalised part after the hyphen no
    glossary match in ``spans`` covers (Астана-Арена, where the glossary has Астана)."""
    starts = {ca for ca, _cb, _person in spans}
    for _ca, cb, _person in spans:
        if a < cb < b - 1 and text[cb] == "-" and text[cb + 1].isupper() and cb + 1 not in starts:
            rest = fold_kk(text[cb + 1 : b])
            # not a route between two places (Алматы-Бишкек бағыты, Алматы-Үрімжі пойызы)
            return not any(_known_kind(lemma) == "place" for lemma, _ in _readings(rest))
    return False


def _known_last(words: Sequence[str]) -> tuple[str, str] | None:
    """(lemma, analysis) of the last of a name's ``words`` where the words with that lemma are a
    name the shipped glossary (or the romanization table) knows, however short the lemma (Ақ үйдің: Ақ үй + дің, where a word of
    two letters is too short to read alone), or None."""
    if len(words) < 2:
        return None
    known = _known_kinds()
    before = " ".join(fold_kk(w) for w in words[:-1])
    f = fold_kk(words[-1])
    if f"{before} {f}" in known or f"{before} {f}" in EXCEPTIONS:
        return f, ""
    for k in range(len(f) - 1, 1, -1):
        # the glossary's, or the romanization table's (Жерорта теңізінен: Жерорта теңізі), a sea's
        # word bare too (Тынық мұхитта: Тынық мұхит, the table's Тынық мұхиты)
        if f"{before} {f[:k]}" in known or published_whole(f"{before} {f[:k]}"):
            analysis = _chains(f[:k]).get(f[k:])
            if analysis is not None and not analysis.startswith("p3"):
                return f[:k], analysis  # a name of several words keeps its possessive (Қарулы Күштері)
    return None


_ENDER_WORDS = frozenset(PLACE_ENDERS)
_CLUB_ENDERS = frozenset(["сити"])
_SURNAME_ENDERS = frozenset(["хиллс", "лейк", "бич"])


def _kind(words: Sequence[str], analyses: Iterable[str], shape: str, kazakh: bool = True) -> str:
    """person, place or organisation, from the name's shape (heads, quotes), its words' endings
    and the cases it takes; a single word without evidence is a place (most such names in news
    are places: countries, regions, towns), two or three capitalised words a person."""
    if shape:
        return shape
    folded = [fold_kk(w) for w in words]
    last = folded[-1]
    if all(_is_acronym(w) for w in words):  # ТМД, НАТО; АҚШ-та, АҚШ-тан: a place
        if kazakh and not any(_CYRILLIC.search(w) for w in words):
            return "organisation"  # KASE-дегі, NASA-да: Latin initials in Kazakh text are a body's
        return "place" if any(a.split("+")[0] in _PLACE_CASES for a in analyses) else "organisation"
    if kazakh and not any(_CYRILLIC.search(w.split("-")[0]) for w in words):
        # a name in Latin letters in Kazakh text (its Kazakh ending after a hyphen: Hyundai-лерді,
        # Twitter-дегі): a company, a brand, a service
        return "organisation"
    if _stem_in(last, STATE_HEADS):
        return "place"
    ender = last.rsplit("-", 1)[-1] if len(words) > 1 or "-" in last else ""
    apart = "-" not in last
    if ender and _stem_in(ender, PLACE_ENDERS_APART if apart else _ENDER_WORDS) and not (apart and (_stem_in(ender, _CLUB_ENDERS) or (_personal(words) and _stem_in(ender, _SURNAME_ENDERS)))):
        # an English word ending a foreign place's name (Гранд Каньон, Лонг-Айленд, Канзас-Сити,
        # Виктория Фоллс, Тампа-Бэй; Уолл-стрит a street's, a facility's); not apart a surname's
        # after a given name (Пол Хиллс, Иван Бич: people), nor Сити apart, a club's too (Манчестер Сити)
        return "facility" if _stem_in(ender, STREET_ENDERS) else "place"
    if len(words) > 1 and _is_cap(words[-1]) and not _personal(words) and (known := _known_last(words)):
        # a place the romanization table has, whatever its words say (Кеңестер Одағы, Бөкей Ордасы:
        # a body's head; Солтүстік Каролина, Таулы Қарабақ: two capitalised words), but not one
        # named after a person (Бейімбет Майлин, the town, is the writer too)
        row = published_whole(" ".join([*folded[:-1], known[0]]))
        if row is not None and row.kind == "place":
            return "place"
    capital_head = len(words) > 1 and _is_cap(words[-1]) and _stem_in(last, CAPITALISED_HEADS)
    if _stem_in(last.rsplit("-", 1)[-1], ORG_HEADS) or capital_head or any(_stem_in(w, INSTITUTIONS) for w in folded):
        return "organisation"  # Ұлттық банк; IT-кеңес, a head after a hyphen
    if any(_readings_end(w, PATRONYMIC_ENDINGS) for w in folded):
        return "person"
    if len(words) == 1 and any(_table_place(lemma) and lemma.endswith(("а", "я")) for lemma, _ in _readings(last)):
        # a place the romanization table has, though it ends like a woman's surname (Афина, Женева,
        # Молдова); not one that ends like a man's, as places named after people do (Панфилов,
        # Денисов, the Федченко glacier)
        return "place"
    if any(_readings_end(w, PERSON_ENDINGS) for w in folded):
        return "person"
    if _readings_end(last, PLACE_ENDINGS) and _personal(words) and _known_kind(last) != "place" and not _known_last(words):
        # a given name first: a person's, whatever the surname ends in (PLACE_ENDINGS: Джон
        # Гарсия, Мария Гинзбург; -ия, -бург are no place's ending there)
        return "person"
    # the locative and ablative say a place for one word; a person of two words is met in them too
    # (Нұртөре Жүсіптен естідік: "we heard from N. Zh.")
    if _readings_end(last, PLACE_ENDINGS) or (len(words) == 1 and any(a.split("+")[0] in _PLACE_CASES for a in analyses)):
        return "place"
    if len(words) >= 2 and _place_opener(folded[0], folded[1]):
        return "place"  # Жоғарғы Тобыл, Оңтүстік Корея, Қиыр Шығыс
    if 2 <= len(words) <= 3 and not _given_name(folded[0]) and any(a.split("+")[0] == "loc" for a in analyses):
        # Таулы Қарабақта beside Таулы Қарабақ: people are met "from", not "in" (the ending is read
        # as one only where the text writes the name without it: not Фумио Кисида)
        return "place"
    if len(words) >= 2 and any(_is_acronym(w) and (kazakh or w.isalpha()) for w in words):
        # БҰҰ Даму (бағдарламасы), ТМД Атқарушы (комитеті), the Kazakh MFA: a body's initials, no
        # person's (but J.R.R. Tolkien's initials are his)
        return "organisation"
    if len(words) >= 2:
        return "person" if len(words) <= 3 and not (kazakh and _readings_end(last, ("ы", "і"))) else "organisation"
    return "place"


def _readings_end(folded: str, endings: tuple[str, ...]) -> bool:
    """Some reading of ``folded`` has a lemma of 5+ letters ending in one of ``endings``."""
    return any(_ends_in(lemma, endings) and len(lemma) > 4 for lemma, _ in _readings(folded))


# --- English ---------------------------------------------------------------------------------

# Latin letters with their accented forms (São Paulo, Jiménez, Gürses), combining accents of
# decomposed text and the ʻokina (Hawaiʻi) inside a word: a name is cut at none of them; & joins
# capitals (AT&T, B&B).
_EN_LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_EN_WORD = re.compile(rf"[{_EN_LETTER}](?:[{_EN_LETTER}\u0300-\u036f\u02bb'’.-]|&(?=[A-Z]))*")
# Lower-case particles inside a person's or a place's name (Osama bin Laden, Charles de Gaulle,
# Ludwig van Beethoven, Rio Grande do Sul), and the words they open (Bashar al-Assad, Côte
# d'Ivoire).
_EN_PARTICLES = frozenset(["de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der", "den", "ter", "la", "le", "bin", "ibn", "bint", "al", "el"])
_EN_PARTICLE_WORD = re.compile(r"(?:al|el|ad|ar|as|at|an|d|l)['’-][A-Z]")
# A clitic ends a pronoun or a verb (They're, Don't, I'm): the word without it is asked whether it
# opens sentences.
_EN_CLITIC = re.compile(r"(?:n['’]t|['’](?:re|ve|ll|d|m))$", re.IGNORECASE)
# An adjective made of a name and a participle or a noun after a hyphen (Riina-driven,
# Spanish-speaking, Western-style, Kremlin-backed): the name is the part before. Only these
# endings: a lower-case part is a name's own elsewhere (Kim Jong-un, Ban Ki-moon, Lashkar-e-Taiba).
_EN_COMPOUND = re.compile(
    r"-(?:based|backed|led|run|owned|funded|made|born|bred|speaking|style|driven|controlled|held|"
    r"occupied|sponsored|allied|aligned|brokered|inspired|listed|registered|centred|centered|"
    r"oriented|friendly|affiliated|linked|language|era|type|like|wide|level|class|related)$"
)
# Companies' last words (General Motors, Nestlé Foods, Kazakhmys Holdings, Cisco Systems).
_EN_COMPANY_WORDS = frozenset(["motors", "foods", "holdings", "industries", "enterprises", "technologies", "systems", "electric", "dynamics"])
# A name's head: its last word, or the word before its "of" (a Roman numeral after it aside).
# Bodies' and places' heads give the kind; where the head says nothing, any word of theirs does
# (University College London, River Thames). Words that are as often surnames are none (Hill,
# Hall, Day: Lauryn Hill, Doris Day); a title before the name says a person all the same
# (President Park).
_EN_ORG_HEADS = frozenset(
    ["university", "ministry", "company", "corporation", "corp", "bank", "party", "committee", "subcommittee", "agency", "council", "institute", "association", "union", "foundation", "fund", "inc", "ltd", "llc", "plc", "group", "airlines", "airways", "school", "college", "academy", "department", "court", "house", "museum",
     "center", "centre", "congress", "parliament", "senate", "assembly", "government", "administration", "authority", "commission", "federation", "league", "club", "navy", "army", "forces", "fleet", "corps", "office", "service", "services", "bureau", "network", "hotel", "stadium", "consulate", "embassy", "orchestra", "theatre", "theater", "hospital", "library", "organisation", "organization", "society", "alliance", "coalition", "movement", "resistance", "nations", "forum", "international", "watch", "church",
     "times", "post", "herald", "tribune", "journal", "gazette", "news", "telegraph", "magazine", "press", "police"]
) | _EN_COMPANY_WORDS
# The heads of companies, of their buildings and of schools, which a title's word may open
# (President Hotel, General Motors, the Captain Cook Hotel, Officer Training School; not Senator
# Church, Colonel House, Governor Post: a title and a surname).
_EN_COMPANY_HEADS = _EN_COMPANY_WORDS | frozenset(
    ["hotel", "group", "airlines", "airways", "bank", "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "club", "stadium", "corps",
     "school", "college", "academy"]
)
_EN_PLACE_HEADS = frozenset(
    ["river", "lake", "region", "microdistrict", "city", "mountains", "sea", "ocean", "bay", "island", "district", "province", "gulf", "cape", "strait", "peninsula", "valley", "desert", "republic", "kingdom", "states", "emirates", "isle",
     "street", "road", "avenue", "square", "bridge", "park", "hemisphere", "pole", "highway", "harbour", "harbor", "port", "airport", "county", "mountain", "islands", "falls", "canal", "channel", "coast", "hills", "heights", "beach", "village", "town", "gardens", "plateau", "glacier", "volcano", "oblast", "territory", "continent", "station", "empire", "khanate", "caliphate", "sultanate", "country", "tower", "towers", "palace", "castle", "cathedral", "mosque", "building", "plaza", "basilica", "st", "ave", "rd", "blvd",
     "zone", "strip", "field", "steppe", "lowland", "range", "ridge", "gorge", "canyon", "pass", "oasis", "lagoon", "delta", "reservoir", "dam",
     "area", "speedway", "raceway"]
)
# The heads of facilities (OntoNotes' FAC, as FACILITY_HEADS): buildings, sites and structures
# among the bodies' and places' heads, and plants (Kostanay Airport, Abai Avenue, Ekibastuz Power
# Plant, Aktau Port; the last word only: Port Louis is a city). Not church (the Russian Orthodox
# Church is a body), nor a hotel, a business as often, nor a park or a road (Burabay National Park,
# the Great Silk Road: places).
_EN_FACILITY_HEADS = frozenset(
    ["airport", "station", "cosmodrome", "terminal", "refinery", "port", "harbour", "harbor", "stadium", "arena", "speedway", "raceway", "theatre", "theater", "hospital", "library", "museum", "palace", "castle",
     "cathedral", "mosque", "basilica", "tower", "towers", "building", "plaza", "street", "avenue", "square", "bridge",
     "highway", "st", "ave", "rd", "blvd", "dam", "reservoir", "canal", "plant", "factory", "cinema", "mausoleum",
     "monument", "memorial", "zoo"]
)
# English facilities' heads that stand first, before "of" (the Palace of Peace and Reconciliation,
# the Mausoleum of Khoja Ahmed Yasawi); not a library's or a museum's, institutions as often (the
# Library of Congress, the Museum of Modern Art).
_EN_FACILITY_OF = frozenset(["palace", "mausoleum", "cathedral", "castle", "basilica", "monument", "tower"])
# The heads of events, eras, laws, awards and classes: the words are no name of a person, place or
# body (World War II, Hungarian Grand Prix, Bronze Age, Broadcasting Services Act, First Class);
# a translator translates them rather than spells them. "Day" and "Year" alone (Player of the Day).
_EN_EVENT_HEADS = frozenset(
    ["war", "wars", "prix", "games", "olympics", "olympiad", "championship", "championships", "cup", "age", "era", "act", "treaty", "festival", "expo", "exposition", "expositions", "award", "awards", "prize", "revolution", "scale", "class", "web", "syndrome", "disorder", "disease", "summit", "civilization", "civilisation", "derby", "marathon", "open",
     "battle", "siege", "final", "finals"]
)
_EN_EVENT_WORDS = _EN_EVENT_HEADS | frozenset(["day", "year"])
# Common nouns English capitalises that Kazakh translates (the Earth Жер, the Sun Күн, the Moon Ай,
# the Internet Интернет, God Құдай, the New Year Жаңа жыл): no name to spell.
_EN_TRANSLATED = frozenset(["earth", "sun", "moon", "internet", "god", "world", "universe", "heaven", "television", "new year"])
# A first word that opens a place's name or a body's when no word says otherwise (South Pole, New
# Hampshire, Santa Clara; National Congress, Royal Navy).
_EN_PLACE_OPENERS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "new", "san", "santa", "santo", "são", "côte", "mt", "ft", "river", "saint", "st", "fort", "mount", "lake", "port", "puerto", "porto", "cape", "rio", "los", "las"]
)
_EN_BODY_OPENERS = frozenset(["national", "international", "royal", "federal", "global"])
# A single name before a verb of speech is a person's (Smith said, Zelensky told), where nothing
# else says its kind (a single name is otherwise a place's, for want of evidence).
_EN_SPEECH_AFTER = frozenset(
    ["said", "says", "told", "added", "wrote", "argued", "explained", "noted", "stated", "announced", "asked", "replied", "insisted", "warned",
     "suggested", "claimed", "admitted", "denied", "recalled", "stressed", "urged", "tweeted", "commented"]
)
# An age before a name (28-year-old Vidal): a person's; not before a noun the name qualifies (a
# 45-year-old Almaty resident, a 25-year-old Kairat striker).
_EN_AGE = re.compile(r"\d+-year-old[ \u00a0]$")
_EN_AGE_NOUNS = frozenset(
    ["resident", "residents", "man", "woman", "boy", "girl", "player", "striker", "forward", "defender", "midfielder", "goalkeeper",
     "driver", "student", "citizen", "native", "pensioner", "worker", "employee", "fan", "teacher", "doctor", "mother", "father",
     "son", "daughter", "businessman", "entrepreneur", "official", "officer", "soldier", "athlete", "boxer", "wrestler", "journalist"]
)
# The word that closes an office's portfolio (Secretary for South and Central Asian Affairs): the
# capitalised words after it in the same run are the holder's name.
_EN_PORTFOLIO_ENDS = frozenset(["affairs"])
# A news item's dateline: the town in capitals, then the agency (ASTANA. KAZINFORM –, ALMATY
# (Kazinform) –, URALSK, KAZINFORM -).
_EN_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z\-]{2,})(?:[.,][ \t]+|[ \t]*\([ \t]*)([A-Z][A-Za-z]{2,})[ \t]*\)?[ \t]*[–—-][ \t]*", re.M)


def _en_datelines(text: str) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Where the news items' datelines put their towns, their agencies and the first words of their
    first sentences (the starts of each)."""
    found = list(_EN_DATELINE.finditer(text))
    return (frozenset(m.start(1) for m in found), frozenset(m.start(2) for m in found), frozenset(m.end() for m in found))


# Lower-case nouns that describe the body named right after them (company Kazmunaigas, operator
# Eni, carrier Air Astana, newspaper Vlast); not those of people's work too (producer, developer).
_EN_BODY_NOUNS = frozenset(["company", "operator", "carrier", "airline", "firm", "bank", "newspaper", "outlet", "portal", "broadcaster", "manufacturer", "exporter", "importer", "retailer", "consortium", "holding"])
_EN_SURNAME = re.compile(r"(?:ov|ev|ova|eva|uly|kyzy)$")
_EN_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
# Heads that take "of" and a name after them, the whole one name (University of Virginia, Gulf
# of Mexico, Republic of Kazakhstan).
_EN_OF_HEADS = _EN_ORG_HEADS | _EN_PLACE_HEADS | _EN_FACILITY_OF | frozenset(["state"])
# Titles before a name: no part of it, and they say a person (President Putin, Dr. Smith); a
# title of office ends a run of capitals (UN Secretary-General Ban Ki-moon). Royal ones open the
# names of places and bodies too (Prince Edward Island, King's College London, Queen's Park) and
# stay inside a person's (Martin Luther King).
_EN_ROYAL_TITLES = frozenset(["king", "queen", "prince", "princess", "emperor", "pope"])
_EN_PERSON_TITLES = _EN_ROYAL_TITLES | frozenset(
    ["president", "minister", "prime", "mr", "mrs", "ms", "dr", "sir", "governor", "governor-general", "akim", "secretary-general", "senator", "speaker", "mayor", "chairman", "chairwoman", "secretary", "chancellor", "ambassador", "professor", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "gov", "sen", "rep", "rev", "hon", "ceo", "cfo", "mp", "pm",
     # ranks of the forces and offices of faiths (Marshal Italo Balbo, Ayatollah Ali Khamenei); not
     # those that are surnames or open names too (General Motors, Julie Bishop, Aaron Judge, Imam
     # Khomeini Airport, Cardinal Health, Detective Comics)
     "marshal", "colonel", "sergeant", "lieutenant", "admiral", "archbishop", "rabbi", "sheikh", "ayatollah",
     "captain", "commander",  # Captain Aidar Nurlanov, Commander Chris Hadfield
     # a company's and an agency's officers (Director Antonio Vella, Executive Vice-President Luca Vignati)
     "director", "vice-president", "vice-chairman", "vice-minister", "vice-premier", "officer", "manager"]
)
# An office's portfolio before or after a title is no name (Foreign Minister, Health Secretary,
# Secretary of State, Minister of Foreign Affairs).
_EN_PORTFOLIOS = frozenset(
    ["state", "foreign", "affairs", "defence", "defense", "health", "finance", "justice", "education", "interior", "energy", "agriculture", "trade", "labour", "labor", "culture", "transport", "economy", "industry", "home", "treasury", "environment", "information", "internal", "external"]
)
# The fields a body's or a building's name joins with "and" after its "of" (gov.kz's English names:
# Ministry of Culture and Sport, Ministry of Education and Science, Ministry of Labour and Social
# Protection of the Population; the Palace of Peace and Reconciliation).
_EN_FIELDS = _EN_PORTFOLIOS | frozenset(
    ["science", "sport", "sports", "tourism", "social", "ecology", "natural", "emergency", "digital", "peace", "religious",
     "youth", "communications", "development", "investments", "innovation", "higher", "public", "national", "water",
     "reconciliation", "accord", "harmony"]
)
# Words skipped where they open a run of capitals: titles and their qualifiers (President, Former,
# Governor), articles and prepositions, days and months.
# Words that qualify a title (Deputy Prime Minister, Assistant Secretary): those that open no name
# wherever they stand, and those that open none only before a title (the Executive Committee is a
# body's name, Executive Vice-President a title).
_EN_OPENING_QUALIFIERS = frozenset(["deputy", "vice", "acting"])
_EN_TITLE_QUALIFIERS = _EN_OPENING_QUALIFIERS | frozenset(
    ["assistant", "executive", "chief", "senior",
     # a company's officers' fields (Lead Operation Director, Managing Director, Project Director)
     "lead", "operation", "operations", "managing", "technical", "commercial", "financial", "regional", "project", "sales", "marketing"]
)
_EN_TITLES = _EN_PERSON_TITLES | _EN_WEEKDAYS | _EN_OPENING_QUALIFIERS | frozenset(
    ["former", "late", "the", "a", "an", "in", "on", "at", "of", "and", "for", "to", "by", "with", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "i"]
)


def _en_title_after(words: list, k: int) -> bool:
    """After word ``k`` come title qualifiers, then a title (Operation Director, Vice-President)."""
    for x in range(k + 1, min(len(words), k + 4)):
        w = _en_possessive(words[x][2]).casefold().rstrip(".")
        if w in _EN_PERSON_TITLES:
            return True
        if w not in _EN_TITLE_QUALIFIERS:
            return False
    return False


def _en_initial(token: str) -> bool:
    """An English token is an initial or a run of them: J., F., J.K."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", token))


def _en_joined(text: str, words: list, j: int) -> bool:
    """English words ``j`` and ``j + 1`` stand one space (or " & ") apart in one name: no full stop
    after word ``j`` other than an initial's or a title's (John F. Kennedy, J.K. Rowling, St.
    Petersburg; not Moscow. Russia), no possessive ending it (Ukraine's Zelensky, the
    Philippines' Duterte: two names; but Thirty Years' War, Workers' Party: one)."""
    end, w = words[j][1], words[j][2]
    plural = False
    if w.endswith(("s'", "s’")):
        # a plural's apostrophe ends a name only where the words before it are a place the
        # glossary knows (the Philippines', the United States')
        last = _en_possessive(w).casefold()
        before = f"{words[j - 1][2].casefold()} {last}" if j else last
        plural = "place" in (_glossary_kinds(english=True).get(last), _glossary_kinds(english=True).get(before))
    gap = text[end : words[j + 1][0]]
    # " & " inside one name (Procter & Gamble, Marks & Spencer), not between two whole ones
    # (Qatar Airways & Turkish Airlines)
    joint = gap == " & " and _en_possessive(w).casefold() not in _EN_OF_HEADS
    opening = _en_opening_abbreviation(text, words, j)
    # a possessive inside a name before its head (St. Peter's Basilica, St. Mary's Hospital)
    owned = w.endswith(("'s", "’s")) and words[j + 1][2].casefold() in _EN_ORG_HEADS | _EN_PLACE_HEADS
    return (
        (gap == " " or joint)
        and (text[end - 1] != "." or _en_initial(w) or opening)
        and (not w.endswith(("'s", "’s")) or owned)
        and not plural
        and words[j + 1][2].casefold() not in _EN_WEEKDAYS  # the Senate Monday
    )


def _en_opening_abbreviation(text: str, words: list, j: int) -> bool:
    """English word ``j`` is a title's abbreviation that opens a name (St. Petersburg, Dr. Smith):
    not one that closes a name, after which a sentence may begin (Baker St. The owner left)."""
    if words[j][2].casefold() not in title_abbreviations("en"):
        return False
    return not (j and words[j - 1][2][:1].isupper() and text[words[j - 1][1] : words[j][0]] == " ")


def _en_next(text: str, words: list, j: int) -> int:
    """The index of the word that goes on the name after word ``j``: the next, capitalised or a
    particle's word (al-Assad, d'Ivoire), or the one after a particle (bin Laden, de Gaulle); 0
    where none does."""
    if j + 1 >= len(words) or not _en_joined(text, words, j):
        return 0
    nxt = words[j + 1][2]
    if _en_possessive(nxt).casefold().rstrip(".") in _EN_PERSON_TITLES - _EN_ROYAL_TITLES:
        return 0
    after = words[j + 2][2].casefold().rstrip(".") if j + 2 < len(words) else ""
    if (nxt.casefold() in _EN_PORTFOLIOS or nxt.casefold() in _EN_TITLE_QUALIFIERS) and after in _EN_PERSON_TITLES:
        return 0  # Kazakh | Foreign Minister, US | Assistant Secretary
    if nxt[:1].isupper() or _EN_PARTICLE_WORD.match(nxt):
        return j + 1
    if nxt in _EN_PARTICLES and j + 2 < len(words) and _en_joined(text, words, j + 1) and words[j + 2][2][:1].isupper():
        return j + 2
    return 0


def _en_possessive(word: str) -> str:
    """An English word without its possessive ('s, or the apostrophe after a plural's -s): Russia's
    -> Russia, the Athens' jail -> Athens."""
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word.removesuffix("'s").removesuffix("’s")


def _en_run(text: str, words: list, j: int) -> int:
    """The last index of the words of a name joined to word ``j`` (``_en_next``)."""
    while nxt := _en_next(text, words, j):
        j = nxt
    return j


def _en_extent(text: str, words: list, k: int) -> int:
    """The last index of the name that opens at word ``k``: its run of capitals, and a body's or a
    place's head, "of" (the) and more capitalised words (University of Virginia, Bank of America,
    Gulf of Mexico); "the" is skipped when present."""
    j = _en_run(text, words, k)
    while j + 2 < len(words) and _en_possessive(words[j][2]).casefold() in _EN_OF_HEADS and words[j + 1][2] == "of":
        look = j + 3 if words[j + 2][2] == "the" and j + 3 < len(words) else j + 2
        if not words[look][2][:1].isupper() or not all(_en_joined(text, words, x) for x in range(j, look)):
            break
        j = _en_run(text, words, look)
        if (
            j + 2 < len(words)
            and words[j + 1][2] == "and"
            and words[j + 2][2].casefold() in _EN_FIELDS
            and all(w[2].casefold() in _EN_FIELDS for w in words[look : j + 1])
            and all(_en_joined(text, words, x) for x in (j, j + 1))
        ):
            # a portfolio's or a cause's two fields (Ministry of Culture and Sport, Palace of Peace
            # and Reconciliation; not Bank of America and Citigroup, Ministry of Defence and NATO:
            # two names)
            j = _en_run(text, words, j + 2)
    return j


def _en_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the English words of ``text``: a full stop ends a sentence, not the
    word, unless the word is an initial (John F. Kennedy); a hyphen before a number is no part of
    it (MiG-29); an adjective's ending is left off a name (Riina-driven -> Riina)."""
    out = []
    for m in _EN_WORD.finditer(text):
        kept = _en_initial(m.group()) or m.group().casefold() in title_abbreviations("en")
        w = m.group() if kept else m.group().rstrip(".").rstrip("-")
        w = _EN_COMPOUND.sub("", w) if w[:1].isupper() else w
        out.append((m.start(), m.start() + len(w), w))
    return out


def _en_kind(names: list[str]) -> str | None:
    """A name's kind from its head (the last word, or the word before its "of"), any word of it, or
    its first word (module constants); "" where they say nothing, None where the head names an
    event, an era, a law or a class, no person, place or body."""
    folded = [_en_possessive(x).casefold().rstrip(".") for x in names]
    if " ".join(folded) in _EN_TRANSLATED:
        return None
    head = folded[folded.index("of") - 1] if "of" in folded[1:] else folded[-1]
    numbered = len(names) > 1 and (names[-1].isupper() and _roman_numeral(names[-1]) or folded[-1] in ("jr", "sr"))
    if numbered:
        head = folded[-2]  # World War II, Henry VIII, Martin Luther King Jr.
    if head in _EN_ORG_HEADS:
        return "organisation"
    if head in _EN_PLACE_HEADS:
        return "place"
    if head in (_EN_EVENT_HEADS if len(folded) > 1 else _EN_EVENT_WORDS):
        return None
    if any(w in _EN_ORG_HEADS for w in folded):
        return "organisation"
    if any(w in _EN_PLACE_HEADS for w in folded[1:]):
        return "place"  # not a first word (Park Chan-wook); an opener says that (River Thames)
    if len(folded) > 1 and folded[0] in _EN_PLACE_OPENERS:
        return "place"
    if len(folded) > 1 and folded[0] in _EN_BODY_OPENERS:
        return "organisation"
    if any(x in _EN_PARTICLES for x in folded) or any(_EN_PARTICLE_WORD.match(x) for x in names[1:]):
        # a particle's name is a person's (Mohammed bin Rashid Al Maktoum, Luiz Inácio Lula da
        # Silva), or a place's before a place the glossary knows (Santiago de Chile)
        return "place" if _glossary_kinds(english=True).get(folded[-1]) == "place" else "person"
    if len(folded) == 1 and len(folded[0]) > 5 and _EN_SURNAME.search(folded[0]):
        return "person"  # a Kazakh or Russian surname's ending (Nogayev, Abenova, Baitursynuly)
    if not numbered and _en_place_opens(folded):
        return "organisation"  # Washington Capitals, Astana Opera, Kazakhstan Temir Zholy
    if len(folded) == 2 and _glossary_kinds(english=True).get(folded[1]) == "place" and (
        folded[0] in _EN_PLACE_QUALIFIERS or folded[0] in _word_list("demonyms-en.txt", english=True)
    ):
        return "place"  # a part of a country (European Turkey, Metropolitan France, Mainland China)
    return "person" if numbered else ""


# Words that make a country's name a part of it (Metropolitan France, Mainland China, Greater
# Manchester); a people's adjective does too (European Turkey, demonyms-en.txt).
_EN_PLACE_QUALIFIERS = frozenset(["metropolitan", "mainland", "greater", "continental", "inner", "outer", "upper", "lower"])


# Places' names that are given names too (Jordan Henderson, Paris Hilton, Victoria Beckham): a
# name they open may be a person's.
_EN_PLACE_GIVEN = frozenset(
    ["jordan", "georgia", "paris", "florence", "chad", "israel", "victoria", "sydney", "austin", "dallas", "brooklyn", "chelsea",
     "madison", "savannah", "phoenix", "devon", "lincoln", "washington", "houston", "dakota", "india", "jersey", "china", "kenya",
     "virginia", "carolina", "adelaide", "charlotte", "orlando", "santiago", "sofia", "alexandria", "regina", "lourdes", "eugene",
     "milan", "holland", "ireland", "montserrat"]
)


def _en_place_opens(folded: list[str]) -> bool:
    """A place the glossary knows, of one or two words, opens a longer name that no place's word
    closes and no given name opens: a body's, a team's or a work's name, no person's."""
    places = _en_places()
    if folded[0] in _EN_PLACE_GIVEN or folded[0] in given_from_latin() or _EN_SURNAME.search(folded[-1]):
        return False  # Ural Sultanov, Altai Kulginov: a Kazakh given name (Орал, Алтай), a surname
    for n in (2, 1):
        if len(folded) > n and " ".join(folded[:n]) in places:
            return " ".join(folded) not in places
    return False


# A people's adjective from its place's English name: Panama-nian, Brazil-ian, Ital(y)-ian, Chin(a)-ese,
# Iraq-i, Kore(a)-an, Turk(ey)-ish (the suffixes and the endings they replace).
_EN_ADJECTIVE_SUFFIXES = ("nian", "ian", "ean", "ese", "an", "i", "ish")
_EN_REPLACED_ENDINGS = ("", "a", "o", "y", "e", "ia", "ea", "ey")


def _en_place_adjective(word: str) -> str:
    """The place (its case-folded English name) whose adjective ``word`` is, where the shipped
    glossary knows the place (Panamanian, Ecuadorian, Kenyan, Bahraini), which data/demonyms-en.txt
    may lack; "" for a place's own name (Jordan, Mali), a given name (Julian, Adrian) or any word."""
    w = _en_possessive(word).casefold()
    places = _en_places()
    if w in places:
        return ""
    for suffix in _EN_ADJECTIVE_SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            place = next((stem + ending for ending in _EN_REPLACED_ENDINGS if stem + ending in places), "")
            if place:
                return place
    return ""


@lru_cache(maxsize=1)
def _en_places() -> frozenset[str]:
    return frozenset(k for k, kind in _glossary_kinds(english=True).items() if kind == "place")


def _en_place_then_person(text: str, words: list, k: int, j: int) -> int | None:
    """The last word of a place the glossary knows that opens the run ``k``..``j`` where the rest
    is a person's name of two or three words, its last ending like a surname (Almaty Yerbolat
    Dossayev, Republic of Kazakhstan Kairat Abdrakhmanov), else None."""
    if j - k < 2 or not _EN_SURNAME.search(_en_possessive(words[j][2]).casefold()):
        return None
    kinds = _glossary_kinds(english=True)
    for m in range(j - 2, max(k, j - 3) - 1, -1):
        place = " ".join(x[2] for x in words[k : m + 1]).casefold()
        rest = [x[2] for x in words[m + 1 : j + 1]]
        if (
            kinds.get(place) == "place"
            and text[words[m][1] : words[m + 1][0]] == " "
            and _en_kind(rest) not in ("place", "organisation")  # not Kazakhstan Temir Zholy
        ):
            return m
    return None


# A closing quote, then a company's legal form or a body's head ("Ozenmunaigaz" JSC, "Samruk-Kazyna"
# Fund, "KazMunayGas" NC JSC): English texts of Kazakh bodies quote their names as Kazakh does.
_EN_QUOTE_SHUT = re.compile(r"[ \u00a0]*[\"”»]")
_EN_AFTER_QUOTE = re.compile(r"[ \u00a0]*[\"”»][ \u00a0]+")
# Companies' legal forms: alone no name (JSC, LLP, Ltd: the company is the name beside it); and
# those that mark a body only beside its quoted name (NC "national company", RSE "republican state
# enterprise": alone, NC is North Carolina).
_EN_LEGAL_FORMS = frozenset(["jsc", "ojsc", "cjsc", "pjsc", "llp", "llc", "ltd", "plc", "inc", "gmbh"])
_EN_QUOTED_LEGAL_FORMS = _EN_LEGAL_FORMS | frozenset(["nc", "rse"])


# The small words a title of several capitalised words keeps in lower case.
_EN_TITLE_SMALL_WORDS = frozenset(["and", "of", "the", "in", "on", "for", "to", "a", "an", "at", "with", "from", "or", "by"])


def _en_quotation_end(text: str, words: list, x: int, limit: int, small: frozenset = frozenset()) -> int | None:
    """The last word of a quotation opening at word ``x`` of at most ``limit`` words, each
    capitalised but the ``small`` words after the first, one space or a hyphen apart, the quote
    shut right after it; else None."""
    for y in range(x, min(len(words), x + limit)):
        w = words[y][2]
        if not (w[:1].isupper() or (y > x and w in small)):
            return None
        if _EN_QUOTE_SHUT.match(text, words[y][1]):
            return y
        if y + 1 < len(words) and text[words[y][1] : words[y + 1][0]] not in (" ", "-"):
            return None
    return None


def _en_quoted_title(text: str, words: list, x: int) -> int | None:
    """The last word of a quoted title of two to six words opening at word ``x``, each capitalised
    but the small words (``_EN_TITLE_SMALL_WORDS``); None for a quotation of words said ("We Can
    Win", she said: never, it has a verb in lower case) or a single word ("Yes")."""
    y = _en_quotation_end(text, words, x, 6, _EN_TITLE_SMALL_WORDS)
    return y if y is not None and y > x and words[y][2][:1].isupper() else None


def _en_quoted_body(text: str, words: list, x: int) -> bool:
    """Word ``x`` opens a quotation of one to four capitalised words after a company's legal form
    (JSC "Kazakhtelecom") or closed before one or a body's head, a few capitalised words on ("Ozenmunaigaz"
    JSC, "Kazakh Invest" National Company): a body's quoted name, not a quotation's first word."""
    if x and words[x - 1][2].casefold() in _EN_QUOTED_LEGAL_FORMS and text[words[x - 1][1] : words[x][0]].strip(" \u00a0") in _QUOTE_OPEN:
        return True  # JSC "Kazakhtelecom" (not Glencore plc. "Copper": a sentence's end between)
    y = _en_quotation_end(text, words, x, 4)
    if y is None:
        return False
    end = words[y][1]
    for z in range(y + 1, min(len(words), y + 4)):
        if text[end : words[z][0]].strip(" \u00a0" + _QUOTE_CLOSE):
            return False  # a full stop, a comma: the quotation ends there
        after = _en_possessive(words[z][2]).casefold().rstrip(".")
        if after in _EN_QUOTED_LEGAL_FORMS or after in _EN_ORG_HEADS:
            return True
        if not words[z][2][:1].isupper():
            return False
        end = words[z][1]
    return False


def _en_full_name_after(text: str, words: list, k: int) -> bool:
    """Two capitalised words follow word ``k``, one space apart, neither a body's, a place's or a
    company's word: a person's full name (General James Ewing), which a rank stands before."""
    nxt = words[k + 1 : k + 3]
    return len(nxt) == 2 and all(
        x[2][:1].isupper() and x[2].casefold() not in _EN_HEAD_WORDS and _en_joined(text, words, k + i) for i, x in enumerate(nxt)
    )


# The heads that give an English name its kind, a body's, a place's or an event's.
_EN_HEAD_WORDS = _EN_ORG_HEADS | _EN_PLACE_HEADS | _EN_EVENT_HEADS


def _english_mentions(text: str) -> list[_Mention]:
    words = _en_words(text)
    lower = {w.casefold() for _, _, w in words if w[:1].islower()}
    towns, agencies, openers = _en_datelines(text)
    # a sentence's start, or a quotation's (He said, "It was ..."), not the word after an initial or
    # a title's abbreviation that opens a name (Dr. Smith)
    starters = sentence_starters("en")
    quoted_bodies = {x for x, (s, _, _) in enumerate(words) if _opens_quotation(text, s) and _en_quoted_body(text, words, x)}
    # "Menin Qazaqstanym", "War and Peace": a work's quoted title of several words, all capitalised
    # but its small words
    titles = {x: y for x, (s, _, _) in enumerate(words) if x not in quoted_bodies and _opens_quotation(text, s)
              and (y := _en_quoted_title(text, words, x)) is not None}
    initial = [
        (sentence_initial(text, s) or _opens_quotation(text, s) or s in openers)
        and x not in quoted_bodies
        and not (x and (_en_initial(words[x - 1][2]) or _en_opening_abbreviation(text, words, x - 1)))
        for x, (s, _, _) in enumerate(words)
    ]
    # capitalised mid-sentence: the evidence a sentence's first word lacks
    mid = {_en_possessive(w).casefold() for (_s, _e, w), ini in zip(words, initial) if w[:1].isupper() and not ini}
    demonyms = _word_list("demonyms-en.txt", english=True)
    out = []
    k, office = 0, False  # office: after a title and its "of" (Secretary of State)
    while k < len(words):
        s, _e, w = words[k]
        if k in titles:
            y = titles[k]
            out.append(_Mention(s, words[y][1], tuple(x[2] for x in words[k : y + 1]), "name"))
            k = y + 1
            continue
        base = _en_possessive(w).casefold()
        spoken = _EN_CLITIC.sub("", base).rstrip(".")  # They're -> they, Don't -> do, No. -> no
        title = base.rstrip(".") in _EN_PERSON_TITLES
        after = words[k + 1][2].casefold().rstrip(".") if k + 1 < len(words) else ""
        portfolio = (base in _EN_PORTFOLIOS and (office or after in _EN_PERSON_TITLES or after in _EN_PORTFOLIOS)) or (office and base == "general")
        office = title or portfolio or (office and w in ("of", "the"))
        # Executive | Vice-President, Lead | Operation | Director
        qualifier = w.casefold() in _EN_TITLE_QUALIFIERS and _en_title_after(words, k)
        if not w[:1].isupper() or w.casefold() in _EN_TITLES - _EN_PERSON_TITLES or (initial[k] and spoken in starters) or portfolio or qualifier:
            k += 1  # ... and a sentence's function word (He, After, It's, They're), whatever follows it
            continue
        if base == "general" and _en_full_name_after(text, words, k):
            k += 1  # General John Cadwalder: the rank, then a full name (not General Motors, the General Assembly)
            continue
        j = _en_extent(text, words, k)
        affairs = next((x for x in range(j - 1, k - 1, -1) if words[x][2].casefold() in _EN_PORTFOLIO_ENDS), None)
        if affairs is not None and text[words[affairs][1] : words[affairs + 1][0]] == " ":
            k = affairs + 1  # Assistant Secretary for South and Central Asian Affairs Robert O. Blake: the
            continue  # office's portfolio, then its holder
        m = _en_place_then_person(text, words, k, j)
        if m is not None:
            # the place of an office, then its holder, a surname's ending saying a person (Akim of
            # Almaty Yerbolat Dossayev, Minister of Foreign Affairs of the Republic of Kazakhstan
            # Kairat Abdrakhmanov; not the President of Kazakhstan Temir Zholy, a company): two names
            out.append(_Mention(s, words[m][1], tuple(x[2] for x in words[k : m + 1]), "place"))
            k = m + 1
            continue
        if s and text[s - 1].isdigit():
            k = j + 1  # letters right after a digit open a designation (A1GP, 3M Company): no name here
            continue
        if k and _EN_AFTER_QUOTE.fullmatch(text, words[k - 1][1], s) and (
            words[j][2].casefold() in _EN_QUOTED_LEGAL_FORMS or (j - k <= 2 and _en_possessive(words[j][2]).casefold() in _EN_ORG_HEADS)
        ):
            k = j + 1  # "Kazakh Invest" National Company JSC, "Samruk-Kazyna" Fund: the quoted body's kind and legal form
            continue
        if title:
            # a royal title opens a place's or a body's name (Prince Edward Island, King's College
            # London); a title stands before a person's name (President Putin, Prime Minister's)
            possessive = w.endswith(("'s", "’s"))
            if possessive and j == k and k + 1 < len(words) and text[words[k][1] : words[k + 1][0]] == " " and words[k + 1][2][:1].isupper():
                j = _en_extent(text, words, k + 1)  # Speaker's Corner, the Queen's Speech: one name
            whole = _en_kind([x[2] for x in words[k : j + 1]])
            # a body's head right after the title makes the title a word of the body's name
            # (President Hotel, General Motors; not Senator Frank Church), as a royal title opens a
            # place's too
            body = j > k and _en_possessive(words[j][2]).casefold() in _EN_COMPANY_HEADS
            if not (possessive and j > k) and not body and (base.rstrip(".") not in _EN_ROYAL_TITLES or whole not in ("organisation", "place")):
                k += 1
                continue
        names = []
        for x in range(k, j):
            names += [words[x][2], "&"] if text[words[x][1] : words[x + 1][0]] == " & " else [words[x][2]]
        names.append(_en_possessive(words[j][2]).rstrip(".") if j > k else _en_possessive(words[j][2]))
        if all(_listed(x, demonyms) or _en_place_adjective(x) for n in names for x in n.split("-")):
            # Canadian, the Chinese, Americans, Tibetan-Mongol, Roman Catholic: a people's
            # adjectives, no name (American Airlines is one)
            k = j + 1
            continue
        if j == k and not w.isupper():
            if spoken in starters:
                k += 1  # a function word capitalised mid-sentence (..., We are going to)
                continue
            plain = _en_possessive(w) == w and not re.search(r"\w['’-]\w|[a-z][A-Z]", w) and not kazakh_spelt(w)
            if initial[k] and (w.casefold() in lower or (plain and base not in mid and base not in _glossary_kinds(english=True))):
                # a sentence's first word alone: a common word where the text writes it in lower
                # case, or where it never writes it with a capital mid-sentence (Medicine,
                # Construction) and the glossary does not know it; a possessive, an inner capital,
                # an apostrophe, a hyphen or a Kazakh spelling say a name (Russia's, McDonald,
                # O'Brien, Coca-Cola, Nogayev)
                k += 1
                continue
        if (j == k and (len(base.replace(".", "")) == 1 or _designation(text, words[k]))) or all(
            _thing_initials(words[x][2]) or _listed(_en_possessive(words[x][2]).replace(".", ""), _EN_LEGAL_FORMS) for x in range(k, j + 1)
        ):
            k += 1  # a letter (the E ring, 90 F), a thing's initials (TV, GDP, BCE), a model (MiG-29)
            continue
        kind = _en_kind(names)
        # a title right before the name, one space apart (not "the President; Mandela Street")
        titled = k and words[k - 1][2].casefold().rstrip(".") in _EN_PERSON_TITLES and text[words[k - 1][1] : s] == " "
        if kind is None and titled and " ".join(names).casefold() in _EN_TRANSLATED:
            kind = "person"  # President Moon
        if kind is not None and titled and base.rstrip(".") not in _EN_PERSON_TITLES:
            kind = "person"  # President Park, Senator Frank Church (not Prime Minister's Office)
        if kind == "" and base.rstrip(".") in _EN_PERSON_TITLES and j > k:
            kind = "place"  # Speaker's Corner, King's Cross
        if kind == "" and j == k and _en_possessive(w) == w and not w.isupper():
            after = words[k + 1][2] if k + 1 < len(words) and text[words[k][1] : words[k + 1][0]] == " " else ""
            # (not a capital the glossary knows: Washington said, Moscow denied, its government)
            spoke = after in _EN_SPEECH_AFTER and _glossary_kinds(english=True).get(w.casefold(), "person") == "person"
            # (not a place's or a club's name before the noun it qualifies: a 45-year-old Almaty resident)
            aged = _EN_AGE.search(text, max(0, s - 20), s) and after not in _EN_AGE_NOUNS and w.casefold() not in _glossary_kinds(english=True)
            kind = "person" if spoke or aged else ""
        if kind is not None and SITE.fullmatch(" ".join(names)):
            kind = "organisation"  # El.kz, Tengrinews.kz: a site, a news outlet
        if j == k and w.isupper() and (s in towns or s in agencies):
            kind = "place" if s in towns else "organisation"  # URALSK. KAZINFORM –: the town, then the agency
        if k in quoted_bodies and kind is not None:
            kind = "organisation"  # "Ozenmunaigaz" JSC
        described = k and text[words[k - 1][1] : s] == " " and words[k - 1][2].islower() and words[k - 1][2] in _EN_ORG_HEADS | _EN_BODY_NOUNS
        if kind in ("", "person") and j == k and described and not _EN_SURNAME.search(base):
            kind = "organisation"  # State oil and gas company Kazmunaigas, uranium producer Kazatomprom
        if kind is not None:
            out.append(_Mention(s, words[j][0] + len(names[-1]), tuple(names), kind))
        k = j + 1
    return _en_numbered_units(text, out)


def _en_numbered_units(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """``mentions`` with the numbered units in ``text`` (``numbered_units_en``: the 316th Rifle
    Division) in place of those they overlap (Rifle Division, no person); what such a mention holds
    beyond the unit is read again alone (the 40th Army of the Soviet Union: the Soviet Union)."""
    units = numbered_units_en(text)
    if not units:
        return mentions
    out = [_Mention(a, b, tuple(text[a:b].split()), "organisation") for a, b in units]
    for m in mentions:
        over = [(a, b) for a, b in units if a < m.end and m.start < b]
        if not over:
            out.append(m)
            continue
        for start, end in ((m.start, min(a for a, _ in over)), (max(b for _, b in over), m.end)):
            if start < end:
                out += [dataclasses.replace(x, start=x.start + start, end=x.end + start) for x in _english_mentions(text[start:end])]
    return sorted(out, key=lambda m: m.start)


# --- the API -----------------------------------------------------------------------------------


def _glossary(glossary, use_default: bool) -> Glossary:
    if isinstance(glossary, Glossary):
        return Glossary.default().merge(glossary) if use_default else glossary
    if glossary is None:
        return Glossary.default() if use_default else Glossary.empty()
    paths = [glossary] if isinstance(glossary, (str, Path)) else list(glossary)
    return Glossary.load_many(paths, include_default=use_default)


def extract_terms(
    text: str,
    glossary: Glossary | str | Path | Sequence[str | Path] | None = None,
    lang: str | None = None,
    *,
    use_default_glossary: bool = True,
    min_count: int = 1,
) -> list[ExtractedName]:
    """The names in ``text`` that the glossary does not cover, most frequent first (module doc).

    ``glossary`` is a ``Glossary``, a path or paths, or None; the shipped names glossary is added
    unless ``use_default_glossary`` is False (pass ``Glossary.empty()`` and False to list every
    name). ``lang`` is the language of ``text`` (``kk`` or ``en``; None: read from the text, as
    ``kkaligner.lang.detect.detect_language`` does). Names seen fewer than ``min_count`` times are
    left out.
    """
    if not isinstance(text, str):
        raise UsageError(f"extract_terms() takes text (str), not {type(text).__name__}. Read the file first (kkaligner.io.read_text).")
    lang = detect_language(text).lang if lang is None else check_language(lang)
    reading = read_in_cyrillic(text, lang)
    if reading is not None:
        # Kazakh in a Latin alphabet: the names of its Cyrillic reading, which the glossary, the rules
        # and the proposals know (a lemma in Cyrillic serves a glossary for either script), found
        # where the text writes them
        found = extract_terms(reading.text, glossary, lang, use_default_glossary=use_default_glossary, min_count=min_count)
        sentences = segment(text, lang)
        starts = [s.start for s in sentences]
        out = []
        for n in found:
            spans = tuple(reading.source_span(a, b) for a, b in n.spans)
            counts = Counter(text[a:b] for a, b in spans)
            forms = tuple(sorted(counts, key=lambda f: (-counts[f], f)))
            out.append(dataclasses.replace(n, spans=spans, forms=forms, example=_sentence(sentences, starts, spans[0][0])))
        return out
    g = _glossary(glossary, use_default_glossary)
    matches = g.match(text, lang) if len(g) else []
    covered = sorted((m.start, m.end, m.term.kind == "person") for m in matches)
    kazakh = is_kazakh(lang)
    doc = _Document(text) if kazakh else None
    mentions = _kazakh_mentions(doc) if doc else _english_mentions(text)
    if covered:
        starts = [a for a, _, _ in covered]

        def covering(a: int, b: int) -> list[tuple[int, int, bool]]:
            i, out = bisect.bisect_left(starts, b) - 1, []
            while i >= 0 and covered[i][1] > a:
                out.append(covered[i])
                i -= 1
            return out

        def own_word(words: list[tuple[int, int, str]], i: int) -> bool:
            """Word ``i`` of a mention, outside the glossary's matches, makes the mention another
            name: a number («Хабар 24»), a modifier of a place's name before the glossary's place
            (Оңтүстік Орал, Үлкен Алматы, Орта Азия), or a capitalised word that is no sentence's
            first (Бұлар Жаңа Зеландиядан), no everyday word or derived adjective written with a
            capital (Қазақстан Республикасы Қылмыстық кодексі, Халық әртісі, АҚШ Теңіз әскери
            күштері)."""
            start, _, w = words[i]
            if any(c.isdigit() for c in w):
                return True
            if not w[:1].isupper() or sentence_initial(text, start):
                return False
            if not kazakh:
                return True
            if fold_kk(w) in PLACE_MODIFIERS and i + 1 < len(words) and covering(*words[i + 1][:2]):
                return True
            return not (_everyday(fold_kk(w)) or _derived_adjective(w))

        def covered_by_glossary(m: _Mention) -> bool:
            # the glossary covers a name it matches whole, a person's whose surname it has (Тоқаев in
            # Қасым-Жомарт Тоқаев) and a place with its generic word (Омбы облысында); a body's
            # name whose head is its own is another (Павлодар мемлекеттік университеті, Әл-Фараби
            # атындағы Қазақ ұлттық университеті), and so is a name with a word of its own beside a
            # place's or a body's (Алтай Көлгінов, Иран Ислам Республикасы, Qatar Airways)
            spans = covering(m.start, m.end)
            if not spans:
                return False
            words = [(m.start + w.start(), m.start + w.end(), w.group()) for w in re.finditer(r"\S+", text[m.start : m.end])]
            a, b, last = words[-1]
            if kazakh and not covering(a, b) and _stem_in(last, ORG_HEADS):
                return False
            if any(person and ca < b and a < cb for ca, cb, person in spans):
                return True  # the surname is the glossary's (not Нұрсұлтан in Нұрсұлтан Косшығұлов)
            if any(_compound_beyond(text, a, b, covering(a, b)) for a, b, _ in words) and not _ROUTE_AFTER.match(text, m.end):
                return False  # Астана-Арена: a compound with a name of its own after the glossary's place
            return not any(own_word(words, i) for i, (a, b, _) in enumerate(words) if not covering(a, b))

        mentions = [m for m in mentions if not covered_by_glossary(m)]
    if not mentions:
        return []
    if kazakh:
        lemma_of = {
            many: _lemmas(
                (fold_kk(m.words[-1]) for m in mentions if (len(m.words) > 1) == many),
                many,
                frozenset(fold_kk(w) for m in mentions for w in m.words),
                _hyphenated(m.words[-1] for m in mentions),
            )
            for many in (False, True)
        }
        # a given name and a surname: the surname takes a case, not the possessive a body's name
        # keeps (Джон Смитті "John Smith" in the accusative, not Смитт + і)
        lemma_of["person"] = _lemmas(
            (fold_kk(m.words[-1]) for m in mentions if _personal(m.words) or m.person_cue or len(m.words) == 1),
            False,
            frozenset(fold_kk(w) for m in mentions for w in m.words),
            _hyphenated(m.words[-1] for m in mentions),
            person=True,
        )
    groups: dict[str, list[tuple[_Mention, str]]] = {}
    bare_leads = _bare_head_leads(mentions) if kazakh else set()
    for m in mentions:
        if kazakh:
            f = fold_kk(m.words[-1])
            # a person's name: a given name and a surname, or one word a title or an honorific
            # marks (шейх Тамимді: Тамим)
            table = lemma_of["person"] if _personal(m.words) or m.person_cue else lemma_of[len(m.words) > 1]
            last, analysis = (f, "") if m.bare else (_known_last(m.words) or _possessed_head_reading(m.words, bare_leads) or table[f])
            key = " ".join(fold_kk(w) for w in m.words[:-1]) + " " + last
        else:
            key, analysis = " ".join(m.words).casefold(), ""
        groups.setdefault(key.strip(), []).append((m, analysis))
    # first names: the first word of a two- or three-word name whose last word is a surname
    given_names = set()
    if kazakh:
        for m in mentions:
            if 2 <= len(m.words) <= 3 and _readings_end(fold_kk(m.words[-1]), PERSON_ENDINGS + PATRONYMIC_ENDINGS):
                given_names.add(lemma_of[False].get(fold_kk(m.words[0]), (fold_kk(m.words[0]), ""))[0])
    sentences = segment(text, lang)
    starts = [s.start for s in sentences]
    # the words before an organisation's head (Айнұр Медиа компаниясы): those words alone name it too
    bodies = {" ".join(fold_kk(w) for w in m.words[:-1]) for m in mentions if m.kind == "organisation" and len(m.words) > 2}
    kinds = {key: _group_kind(key, ms, kazakh, given_names, bodies) for key, ms in groups.items()}
    if kazakh:
        _coordinated_people(text, groups, kinds)
    _surnames_alone(kinds)
    out = []
    for key, ms in groups.items():
        if len(ms) < min_count:
            continue
        first = ms[0][0]
        lemma = _written_lemma(first, key) if kazakh else " ".join(first.words)
        counts: dict[str, int] = {}
        for m, _ in ms:
            surface = text[m.start : m.end]
            counts[surface] = counts.get(surface, 0) + 1
        forms = tuple(sorted(counts, key=lambda f: (-counts[f], f)))
        kind = kinds[key][0]
        if kind in ("organisation", "place") and _facility(first.words, kazakh) and not _opens_quotation(text, first.start):
            # (a quoted name's kind is its generic word's: «Алматы әуежайы» АҚ, a company)
            kind = "facility"
        p = _proposal(lemma, kind, g, lang)
        out.append(
            ExtractedName(
                lemma=lemma,
                kind=kind,
                count=len(ms),
                forms=forms,
                rendering=p.text,
                rendering_by=p.by,
                example=_sentence(sentences, starts, first.start),
                spans=tuple((m.start, m.end) for m, _ in ms),
                lang=lang,
            )
        )
    out.sort(key=lambda x: (-x.count, x.spans[0][0]))
    return out


def _facility(words: Sequence[str], kazakh: bool) -> bool:
    """A body's or a place's name whose last word is a facility's head (``FACILITY_HEADS``:
    Қаллеки театры, Абай даңғылы; ``_EN_FACILITY_HEADS``: Kostanay Airport, Abai Avenue), or an
    English one whose head before "of" is a building's (``_EN_FACILITY_OF``: the Palace of Peace
    and Reconciliation; the Library of Congress is a body, Port Louis a city): a facility's name."""
    if kazakh:
        return len(words) > 1 and _stem_in(words[-1], _FACILITY_WORDS)
    first = words.index("of") - 1 if "of" in words[1:] else -1
    return len(words) > 1 and (
        _en_possessive(words[-1]).casefold() in _EN_FACILITY_HEADS or (first >= 0 and words[first].casefold() in _EN_FACILITY_OF)
    )


def _proposal(lemma: str, kind: str, g: Glossary, lang: str) -> Proposal:
    """The proposed rendering of an extracted name: romanized (or, from English, spelt in Cyrillic),
    with the glossary's names inside it (not people's) as the glossary renders them where romanize
    takes a name whole (a body's names, a place's after its compass word: Жаңа Зеландия полициясы
    New Zealand Police, Шығыс Еуропа Eastern Europe), ``by="glossary"`` then. People's names are
    spelt as they are (Алтай Көлгінов: the given name is no place)."""
    kazakh = is_kazakh(lang)
    propose = propose_latin if kazakh else cyrillize
    if kind not in ("place", "organisation", "facility") or not len(g):
        return propose(lemma, kind)
    known: dict[str, str] = {}
    if not kazakh:
        # a place's adjective opening a body's name: the place's Kazakh name (Ecuadorian Ministry of
        # Foreign Affairs Эквадор сыртқы істер министрлігі)
        place = _en_place_adjective(lemma.split()[0]) if kind in ("organisation", "facility") else ""
        for m in g.match(place.title(), lang) if place else ():
            known.setdefault(lemma.split()[0], m.term.source)
    for part in (lemma, *lemma.split()):
        for m in g.match(part, lang, case_evidence=False):
            # a place, a body, a programme, an entry of no kind; bare or in the genitive, as names
            # stand inside another (not Наурыз in Наурызым, "my Nauryz")
            bare = not m.suffix or (kazakh and any(a == "gen" for _, a in _readings(fold_kk(m.surface))))
            if _GLOSSARY_KINDS.get(m.term.kind or "") != "person" and bare:
                known.setdefault(m.surface, m.term.target if m.lang == m.term.source_lang else m.term.source)
    return propose(lemma, kind, names=known)


def _group_kind(
    key: str, ms: list[tuple[_Mention, str]], kazakh: bool, given_names: set[str], bodies: frozenset[str] | set[str] = frozenset()
) -> tuple[str, bool]:
    """(kind, open): a name's kind from its mentions, and whether it is only the default guess for
    a single word (a place for want of evidence), which a person's name beside it may change."""
    first = ms[0][0]
    shapes = Counter(m.kind for m, _ in ms if m.kind)
    shape = shapes.most_common(1)[0][0] if shapes and 2 * shapes.most_common(1)[0][1] >= len(ms) else ""
    if shape == "organisation" and len(first.words) == 1 and shapes["place"]:
        # a word quoted as a body's name and written before a place's generic word (Сарыарқа
        # ауданында): the generic word says more than the quotes
        shape = "place"
    if shape in ("organisation", "facility", "name") and len(first.words) == 1 and kazakh and _known_kind(key) == "place":
        # a place's name quoted as a facility's («Байқоңыр» ғарыш айлағы) and as often written
        # bare in the cases of places (Байқоңырда): the place (not «Тұран» университеті, Тұранда)
        places = sum(1 for m, a in ms if not m.kind and a.split("+")[0] in _PLACE_CASES)
        shape = "" if places >= shapes[shape] else shape
    kind = _kind(first.words, [a for _, a in ms], shape, kazakh)
    if not kazakh:
        known = shape or _glossary_kinds(english=True).get(key)  # Tokayev: the glossary's person
        return (known or kind), not known and kind == "place" and len(first.words) == 1
    if shape or any(_stem_in(w, INSTITUTIONS) for w in first.words):
        return kind, False
    known = _known_kind(key)
    if known:
        return known, False  # Украина, Молдова are countries whatever their ending
    opener = fold_kk(first.words[0])
    given_opener = opener in given_names or _given_name(opener) or _kazakh_given_form(opener) or opener in _FOREIGN
    if kind == "organisation" and key not in bodies and 2 <= len(first.words) <= 3 and given_opener and not any(
        _stem_in(w, ORG_HEADS) or _title(w) for w in first.words
    ):
        # two or three words read as an organisation only for their last word's ending (Берік
        # Уәлиді, Жандос Сұлтанғазы): a given name first makes them a person's, unless the text
        # names a body with them (Айнұр Медиа компаниясы)
        return "person", False
    if kind != "place" or len(first.words) != 1:
        return kind, False
    if key in _FOREIGN_GIVEN:
        # Джон, Мэри; people are met "from" (Джоннан хат келді), not "in": a place where every
        # mention is in the locative
        if not all(a.split("+")[0] == "loc" for _, a in ms):
            return "person", False
    elif key in given_names or _given_name(key):
        return "person", False
    places = sum(1 for _, a in ms if a.split("+")[0] in _PLACE_CASES)
    if _kazakh_given_form(key) and not places:
        return "person", False  # Өміржан, Нұрбек, Мұратхан: the elements of Kazakh given names
    # its contexts say a person more often than its case endings say a place
    cues = sum(m.person_cue for m, _ in ms)
    if cues > places:
        return "person", False
    return kind, not places and not _readings_end(fold_kk(first.words[0]), PLACE_ENDINGS)


# What joins two names of one kind: Диас пен Дархан, Әсел мен Әнел, Чайковский, Шопен, Дебюсси.
_COORDINATION = re.compile(rf"[ \u00a0]*(?:,|(?:{'|'.join(AND_WORDS)})(?![^\W\d_]))[ \u00a0]*")


def _coordinated_people(text: str, groups: dict, kinds: dict) -> None:
    """A single word whose kind is only the default guess (a place), joined by a comma or "and" to
    a person's name, is a person's name too (Диас пен Дархан, Шопен after Чайковский)."""
    order = sorted((m.start, m.end, key) for key, ms in groups.items() for m, _ in ms)
    votes: dict[str, int] = {}
    for (_s1, e1, k1), (s2, _e2, k2) in pairwise(order):
        if k1 == k2 or not _COORDINATION.fullmatch(text, e1, s2):
            continue
        for a, b in ((k1, k2), (k2, k1)):
            if kinds[a][1] and not kinds[b][1] and kinds[b][0] in ("person", "place"):
                votes[a] = votes.get(a, 0) + (1 if kinds[b][0] == "person" else -1)
    for key, n in votes.items():
        if n > 0:  # Лиссабон, Португалия after a list of people: its place neighbour wins
            kinds[key] = ("person", False)


def _surnames_alone(kinds: dict) -> None:
    """A single word whose kind is only the default guess (a place), and which the text also
    writes as the last word of a person's name, is that person's surname (Ромни after Митт Ромни,
    Ленц after Питер Ленц)."""
    surnames = {key.rsplit(" ", 1)[-1] for key, (kind, _open) in kinds.items() if kind == "person" and 1 <= key.count(" ") <= 2}
    for key, (_guess, open_) in kinds.items():
        if open_ and " " not in key and key in surnames:
            kinds[key] = ("person", False)


def _possessed_head_reading(words: Sequence[str], bare_leads: set[str] | frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(lemma, analysis) of a name's last word where it reads as a head in its possessive
    (``_POSSESSED_HEADS``, not a plural: облыстары) after a name's word: Жамбыл көшесінің ->
    көшесі + gen, whatever other names the text has with the bare head (Махамбет Өтемісов
    атындағы көшеде); None otherwise, and where the text writes the same words with the bare head
    (``bare_leads``: Ұлттық банк ... Ұлттық банкінің, one name)."""
    if len(words) < 2 or fold_kk(words[-2]) in IN_NAME or " ".join(fold_kk(w) for w in words[:-1]) in bare_leads:
        return None
    return next(
        ((lemma, a) for lemma, a in _readings(fold_kk(words[-1])) if lemma in _POSSESSED_HEADS and lemma not in PLURAL_PLACE_GENERICS),
        None,
    )


def _bare_head_leads(mentions) -> set[str]:
    """The leading words of the names the text writes with a bare head, in any case (Ұлттық банк,
    Ұлттық банктің: ұлттық)."""
    return {
        " ".join(fold_kk(w) for w in m.words[:-1])
        for m in mentions
        if len(m.words) > 1
        and any(lemma in ORG_HEADS and lemma not in _POSSESSED_HEADS and not a.startswith("p3") for lemma, a in _readings(fold_kk(m.words[-1])))
    }


def _written_lemma(m: _Mention, key: str) -> str:
    """The lemma with the capitals and words of the text (Біріккен Ұлттар Ұйымы)."""
    # (the key is the other words folded, then the last one's lemma: a word may hold a space, Procter & Gamble)
    last_lemma = key[len(" ".join(fold_kk(w) for w in m.words[:-1])) + 1 :] if len(m.words) > 1 else key
    last = m.words[-1]
    written = last[: len(last_lemma)]
    if fold_kk(written) != last_lemma:  # a voiced final consonant: Бәйтерег -> Бәйтерек
        written = written[:-1] + last_lemma[-1]
    return " ".join((*m.words[:-1], written))


def _sentence(sentences, starts, pos: int) -> str:

    i = max(0, bisect.bisect_right(starts, pos) - 1)
    return " ".join(sentences[i].text.split()) if sentences else ""


def name_words(sentences: Sequence[str], lang: str = "kk") -> list[list[tuple[int, int, str, str]]]:
    """The capitalised words of the names in each of a document's ``sentences``: per sentence
    ``(start, end, surface, lemma)``, offsets into that sentence. The sentences are read as one text
    (the case evidence); a Kazakh word's lemma is the stem its forms across the document share
    (Шымкенттің, Шымкентте -> Шымкент), an English word's is the word without 's."""
    check_language(lang)
    text = "\n".join(sentences)
    kazakh = is_kazakh(lang)
    mentions = _kazakh_mentions(_Document(text)) if kazakh else _english_mentions(text)
    found = []
    for m in mentions:
        for w in _WORD.finditer(text, m.start, m.end):
            if _is_cap(w.group()) and not _is_acronym(w.group()):
                found.append((w.start(), w.end(), w.group()))
    if kazakh:
        seen = frozenset(fold_kk(w) for _, _, w in found)
        lemma_of = _lemmas((fold_kk(w) for _, _, w in found), False, seen, _hyphenated(w for _, _, w in found))
    starts, pos = [], 0
    for sent in sentences:
        starts.append(pos)
        pos += len(sent) + 1
    out: list[list[tuple[int, int, str, str]]] = [[] for _ in sentences]
    for a, b, w in found:
        i = bisect.bisect_right(starts, a) - 1
        if kazakh:
            lemma = lemma_of[fold_kk(w)][0]
            written = w[: len(lemma)]
            lemma = written if fold_kk(written) == lemma else written[:-1] + lemma[-1]
        else:
            lemma = re.sub(r"['’]s$", "", w)
            b = a + len(lemma)
        out[i].append((a - starts[i], b - starts[i], text[a:b], lemma))
    return out


def terms_of(names: Iterable[ExtractedName]) -> list[Term]:
    """The glossary entries proposed for ``names`` (``ExtractedName.term``)."""
    return [n.term() for n in names]


__all__ = ["INSTITUTIONS", "KINDS", "ORG_HEADS", "PLACE_HEADS", "TITLES", "ExtractedName", "extract_terms", "terms_of"]
