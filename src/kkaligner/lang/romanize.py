"""Names in the spelling English-language texts give them: Kazakh Cyrillic → Latin, and back.

``romanize`` writes a Kazakh (or Russian-spelt) name the way English-language press and official
sites of Kazakhstan write it: Тоқаев → Tokayev, Жұмағалиев → Zhumagaliyev, Ерлан → Yerlan, Әлихан →
Alikhan, Ұлытау → Ulytau, Қызылорда → Kyzylorda, Байтұрсынұлы → Baitursynuly. It is not one of the
official Latin alphabets (those are ``kkaligner.lang.latin``): the press spelling drops the Kazakh
letters' marks and follows the BGN/PCGN romanization of Russian for the shared letters.

``cyrillize`` is the reverse for foreign names in en→kk: English spelling → the Cyrillic spelling
Kazakh (like Russian) gives them (Trump → Трамп, Baker → Бейкер). English spelling does not fix the
sound, so its answer is always a ``Proposal`` to be checked.

Everything is data: ``LETTERS``, ``CONTEXT`` and ``PLACE_HEADS`` below (with their sources), the
exceptions table ``data/romanize-exceptions-kk-en.tsv`` (``EXCEPTIONS``: established spellings no
rule gives, Мәсімов → Massimov, Қасым-Жомарт → Kassym-Jomart, Балқаш → Balkhash, each with the page
that publishes it; a surname there keeps its spelling in its feminine, patronymic and inflected
forms, Назарбаева → Nazarbayeva), the words of organisations' names that English translates
(``data/body-words-kk-en.tsv``: Павлодар мемлекеттік университеті → Pavlodar State University), and
the reverse ``EN_RULES``, and ``FOREIGN_NAMES`` (foreign names as Kazakh texts spell them, read both
ways: William Уильям, Джон John). Tested by a
golden table (tests/test_lang_romanize.py) and measured on lists of published spellings, one of
them held out of the exceptions table (benchmarks/bench_names.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kkaligner.errors import UsageError, choices
from kkaligner.lang.casing import fold_kk
from kkaligner.lang.kazakh import (
    AND_WORDS,
    ATTRIBUTIVE,
    CASES,
    CASES_AFTER_P3,
    DIGIT_ORDINAL,
    common_words,
    final_class,
    folded_given_names,
    given_names,
    inflect,
    possessive_stems,
    suffix_set,
)
from kkaligner.lang.web import SITE

# --- Kazakh Cyrillic → English spelling ----------------------------------------------------

# One letter → its spelling. Shared Cyrillic letters: BGN/PCGN romanization of Russian (1947, as
# the US Board on Geographic Names publishes it): ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ы y, ю yu,
# я ya, ё yo, soft and hard signs dropped (the press drops BGN's apostrophe). Kazakh-only letters as
# English-language press and the akorda.kz / gov.kz English pages write names: ә a (Әлихан Alikhan),
# ғ g (Жезқазған Zhezkazgan), қ k (Қызылорда Kyzylorda), ң n (Жаңаөзен Zhanaozen, Қаскелең Kaskelen,
# Маңғыстау Mangystau: ңғ is ng), ө o (Өскемен Oskemen), ұ ү u (Ұлытау
# Ulytau, Түркістан Turkistan), і i (Екібастұз Ekibastuz), һ h.
LETTERS = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}

_V = "аәеёиоөұүуыіэюя"  # Cyrillic vowel letters
_V_NO_I = _V.replace("у", "").replace("и", "")
_C = "бвгғджзйкқлмнңпрстфхһцчшщ"  # consonant letters
_LETTER = "а-яёәғқңөұүһі"

# Letters whose spelling depends on their neighbours, tried in order at each position of the
# lower-case word: (regex, spelling, source).
CONTEXT: tuple[tuple[str, str, str], ...] = (
    # е at the start of a word, after a vowel or a sign is ye: BGN/PCGN (Ерлан Yerlan, Тоқаев
    # Tokayev, Жұмағалиев Zhumagaliyev, Назарбаева Nazarbayeva); not after у, which after a vowel
    # is the glide w (Әуезов Auezov).
    # After и only in the surname ending -иев(а) (Шиелі Shieli, Киелі Kieli).
    (rf"(?:(?<![а-яёәғқңөұүһі])|(?<=[{_V_NO_I}ьъ]))е|(?<=и)е(?=в)", "ye", "BGN/PCGN romanization of Russian"),
    # й ы or й і between a vowel and a consonant is i: the Russian-mediated spelling of Kazakh
    # names that drops the ы, і (Смайылов Smailov, Айымбетов Aimbetov, Бейімбет Beimbet,
    # Нұрпейісова Nurpeisova; as on gov.kz and in the press).
    (rf"(?<=[аәоөұүуе])й[ыі](?=[{_C}])", "i", "press spelling of Kazakh surnames (gov.kz)"),
    # ы opening a word is i: the Russian spelling of those names, which English follows, has и there
    # (Ысқақов Искаков Iskakov, Ысмайылов Исмаилов Ismailov: English Wikipedia's titles and the
    # press); and it drops the ы of the next syllable, which only Kazakh spelling writes (Ыбырайымов
    # Ибраимов Ibraimov, Ыбырай Ibray)
    (r"(?<![а-яёәғқңөұүһі])ы", "i", "English-language press usage (the Russian spelling's и)"),
    (rf"(?<=(?<![а-яёәғқңөұүһі])ы[{_C}])ы", "", "English-language press usage (the Russian spelling)"),
    # the soft sign before и is y (Ильин Ilyin, Ильич Ilyich): English-language press usage, which
    # writes BGN/PCGN's apostrophe there as y.
    (r"ь(?=и)", "y", "English-language press usage"),
    # -ий, -ый at a word's end are -y (Рудный Rudny, Иглинский Iglinsky, Горький Gorky): the
    # simplified BGN/PCGN of English-language press and Wikipedia (BGN/PCGN itself: -iy, -yy).
    (rf"[иы]й(?![{_LETTER}])", "y", "English-language press usage (simplified BGN/PCGN)"),
    # й after а ә о ө ұ ү and before a consonant is i (Қайрат Kairat, Бәйтерек Baiterek, Байбек
    # Baibek, Бөкейхан Bokeikhan, Байтұрсынұлы Baitursynuly); elsewhere y (Қостанай Kostanay, Семей
    # Semey, Аяжан Ayazhan): English-language press usage, as in the shipped glossary.
    (rf"(?<=[аәоөұүуе])й(?=[{_C}])", "i", "English-language press usage"),
)
_CONTEXT = tuple((re.compile(rx), out) for rx, out, _src in CONTEXT)

# Place names keep BGN/PCGN's y for й after а (Сайрам Sayram, Зайсан Zaysan, Қапшағай Kapshagay):
# the US and UK boards romanize geographic names, and English maps and Wikipedia follow them.
# An е that starts a place's name is e, as in the BGN/PCGN romanization of Kazakh (1979), which has
# no ye, and in English Wikipedia's titles (Екібастұз Ekibastuz).
PLACE_CONTEXT: tuple[tuple[str, str, str], ...] = (
    (r"(?<![а-яёәғқңөұүһі])е", "e", "BGN/PCGN romanization of Kazakh (1979)"),
    (rf"(?<=[аә])й(?=[{_C}])", "y", "BGN/PCGN romanization of geographic names"),
    # and write й ы after a vowel as yy, the ы kept (Тайынша Tayynsha)
    (rf"(?<=[{_V}])й(?=ы)", "y", "BGN/PCGN romanization of geographic names"),
)
_PLACE_CONTEXT = tuple((re.compile(rx), out) for rx, out, _src in PLACE_CONTEXT) + _CONTEXT

# Foreign names as Kazakh texts spell them (English -> Kazakh Cyrillic) where the rules below give
# another spelling in either direction: the Russian practical transcription of English and other
# names (Гиляревский and Старостин, "Иностранные имена и названия в русском тексте", 1985) that
# Kazakh news sites follow (kazinform.kz, egemen.kz: Уильям, Чарльз, Дэвид, Джексон; Говард for
# Howard, Гамильтон for Hamilton by tradition). Entered from that usage, not fetched. Read both
# ways: ``cyrillize`` (William Уильям) and ``romanize`` for a person's word (Джон Грант John Grant;
# where one Kazakh spelling stands for two, the first: Стивен Stephen). Not the names Kazakhstanis
# share in their Russian forms (Артур Artur, Гарри Garry Kasparov): ``RUSSIAN_GIVEN`` and the rules.
# The given names first, apart: alone in a text, they name a person.
FOREIGN_GIVEN_NAMES: dict[str, str] = {
    "John": "Джон", "George": "Джордж", "Joe": "Джо", "Michael": "Майкл", "James": "Джеймс",
    "William": "Уильям", "Charles": "Чарльз", "David": "Дэвид", "Thomas": "Томас",
    "Christopher": "Кристофер", "Daniel": "Дэниел", "Matthew": "Мэттью", "Anthony": "Энтони",
    "Donald": "Дональд", "Stephen": "Стивен", "Steven": "Стивен", "Paul": "Пол", "Andrew": "Эндрю",
    "Joshua": "Джошуа", "Kenneth": "Кеннет", "Brian": "Брайан", "Timothy": "Тимоти",
    "Ronald": "Рональд", "Jason": "Джейсон", "Jeffrey": "Джеффри", "Ryan": "Райан", "Jacob": "Джейкоб",
    "Gary": "Гэри", "Nicholas": "Николас", "Jonathan": "Джонатан", "Larry": "Ларри",
    "Justin": "Джастин", "Scott": "Скотт", "Brandon": "Брэндон", "Benjamin": "Бенджамин",
    "Samuel": "Сэмюэл", "Gregory": "Грегори", "Frank": "Фрэнк", "Patrick": "Патрик", "Jack": "Джек",
    "Jerry": "Джерри", "Henry": "Генри", "Peter": "Питер", "Walter": "Уолтер",
    "Ralph": "Ральф", "Lewis": "Льюис", "Tony": "Тони", "Jim": "Джим", "Mike": "Майк", "Steve": "Стив",
    "Tommy": "Томми", "Johnny": "Джонни", "Jimmy": "Джимми", "Hillary": "Хиллари",
    "Elizabeth": "Элизабет", "Mary": "Мэри", "Jennifer": "Дженнифер", "Susan": "Сьюзан",
    "Margaret": "Маргарет", "Karen": "Карен", "Nancy": "Нэнси", "Emily": "Эмили", "Julia": "Джулия",
    "Jane": "Джейн", "Anne": "Энн", "Catherine": "Кэтрин", "Kate": "Кейт", "Joseph": "Джозеф",
    "Edward": "Эдвард", "Emmanuel": "Эммануэль", "Recep": "Режеп", "Giovanni": "Джованни",
    "Giuseppe": "Джузеппе", "Javier": "Хавьер", "Rafael": "Рафаэль", "Jens": "Йенс",
    "Winston": "Уинстон", "Dwight": "Дуайт", "Theodore": "Теодор", "Woodrow": "Вудро",
    "Gerald": "Джеральд", "Nelson": "Нельсон", "Luther": "Лютер", "Jeremy": "Джереми",
    "Nigel": "Найджел", "Newt": "Ньют", "Cliff": "Клифф", "Leslie": "Лесли",
    # Spanish, Portuguese, Italian, French and German ones, as English writes them, accents kept;
    # not those Kazakhstanis bear in their Russian forms (Филипп Filipp, Генрих Genrikh), nor one
    # Cyrillic spelling of two (Лука Luca and Luka Modrić, Марко, Мишель Michel and Michelle, Хуан
    # Juan and the Chinese Huang)
    "Carlos": "Карлос", "Manuel": "Мануэль", "Pablo": "Пабло", "Antonio": "Антонио", "Felipe": "Фелипе", "José": "Хосе", "Miguel": "Мигель", "Francisco": "Франсиско",
    "Jorge": "Хорхе", "Ricardo": "Рикардо", "Sergio": "Серхио", "Julio": "Хулио", "João": "Жоао",
    "Francesco": "Франческо", "Lorenzo": "Лоренцо", "Pierre": "Пьер",
    "Jacques": "Жак", "François": "Франсуа", "Louis": "Луи", "Nicolas": "Николя",
    "Alain": "Ален", "Gérard": "Жерар", "Olivier": "Оливье", "Hans": "Ханс", "Wolfgang": "Вольфганг",
    "Friedrich": "Фридрих", "Jürgen": "Юрген", "Isabel": "Изабель", "Carmen": "Кармен",
}
FOREIGN_NAMES: dict[str, str] = FOREIGN_GIVEN_NAMES | {
    # a title before a name
    "Sir": "Сэр",
    # surnames, and names of people Kazakh news writes often
    "Branson": "Брэнсон",
    "Johnson": "Джонсон", "Williams": "Уильямс", "Brown": "Браун", "Davis": "Дэвис",
    "Jackson": "Джексон", "Harris": "Харрис", "Thompson": "Томпсон", "Clark": "Кларк",
    "Walker": "Уокер", "Hall": "Холл", "Young": "Янг", "Wright": "Райт", "Baker": "Бейкер",
    "Mitchell": "Митчелл", "Turner": "Тернер", "Phillips": "Филлипс", "Campbell": "Кэмпбелл",
    "Edwards": "Эдвардс", "Collins": "Коллинз", "Stewart": "Стюарт", "Murphy": "Мерфи", "Cook": "Кук",
    "Rogers": "Роджерс", "Cooper": "Купер", "Howard": "Говард", "Ward": "Уорд", "Watson": "Уотсон",
    "Hughes": "Хьюз", "Price": "Прайс", "Russell": "Рассел", "Hamilton": "Гамильтон",
    "Jefferson": "Джефферсон", "Lincoln": "Линкольн", "Washington": "Вашингтон",
    "Roosevelt": "Рузвельт", "Kennedy": "Кеннеди", "Reagan": "Рейган", "Churchill": "Черчилль",
    "Shakespeare": "Шекспир", "Dickens": "Диккенс", "Newton": "Ньютон", "Darwin": "Дарвин",
    "Jobs": "Джобс", "Gates": "Гейтс", "Musk": "Маск", "Zuckerberg": "Цукерберг", "Blair": "Блэр",
    "Cameron": "Кэмерон", "Macron": "Макрон", "Merkel": "Меркель", "Scholz": "Шольц",
    "Guterres": "Гутерриш", "Xi": "Си", "Jinping": "Цзиньпин",
    # the commonest English, Spanish, Italian and French surnames in world news, in the same
    # practical transcription (not those that are everyday English words and open place names:
    # Long Beach, Green Bay, White, King; nor those Kazakhstanis bear in their Russian form: Diaz,
    # German surnames; nor one Cyrillic spelling of two names: Перес Peres and Perez, Фернандес
    # Fernandes and Fernandez, Моро Moro and Moreau, Руссо Russo and Rousseau)
    "Smith": "Смит", "Jones": "Джонс", "Wilson": "Уилсон", "Taylor": "Тейлор", "Moore": "Мур",
    "Carter": "Картер", "Bailey": "Бейли", "Kelly": "Келли", "Brooks": "Брукс",
    "Garcia": "Гарсия", "Rodriguez": "Родригес", "Martinez": "Мартинес", "Hernandez": "Эрнандес",
    "Lopez": "Лопес", "Gonzalez": "Гонсалес", "Sanchez": "Санчес", "Ramirez": "Рамирес",
    "Suarez": "Суарес", "Alvarez": "Альварес", "Jimenez": "Хименес",
    "Gutierrez": "Гутьеррес", "Dominguez": "Домингес", "Vazquez": "Васкес",
    "Torres": "Торрес", "Rivera": "Ривера", "Esposito": "Эспозито", "Bianchi": "Бьянки",
    "Dupont": "Дюпон", "Dubois": "Дюбуа", "Durand": "Дюран", "Lefebvre": "Лефевр", "Hopkins": "Хопкинс",
    # leaders and public figures of the 2020s whose Kazakh spelling the rules read back wrong
    # (Трамп is no Tramp, Байден no Baiden): their English Wikipedia titles, the Kazakh as
    # kazinform.kz and egemen.kz write them
    "Trump": "Трамп", "Biden": "Байден", "Barack": "Барак", "Starmer": "Стармер",
    "Ursula": "Урсула", "Giorgia": "Джорджа", "Kishida": "Кисида", "Elon": "Илон",
}

# Russian given names (lower case) whose usual English form is not the letter-by-letter one:
# the forms English-language press and English Wikipedia give them (Alexander, not Aleksandr;
# Yulia, Gennady, Yevgeny, Yuri), the simplified BGN/PCGN the press uses for Russian names. Where
# Kazakhstani bearers are published with a form of their own, that form (Василий Vassiliy:
# Vassiliy Jirov, Vassiliy Levit; Дмитрий Dmitriy: Dmitriy Balandin). A person's own published
# spelling (the exceptions table) comes first; places named after people keep the rules
# (Сергеевка Sergeyevka).
RUSSIAN_GIVEN: dict[str, str] = {
    "александр": "Alexander", "александра": "Alexandra", "алексей": "Alexey", "анатолий": "Anatoly",
    "анастасия": "Anastasia", "аркадий": "Arkady", "валерий": "Valery", "василий": "Vassiliy",
    "виталий": "Vitaly", "геннадий": "Gennady", "георгий": "Georgy", "григорий": "Grigory",
    "дмитрий": "Dmitriy", "евгений": "Yevgeny", "евгения": "Yevgenia", "юлия": "Yulia", "юрий": "Yuri",
    "мария": "Maria", "виктория": "Viktoria", "валерия": "Valeria", "максим": "Maxim",
    "ксения": "Ksenia", "наталия": "Natalia", "лидия": "Lidia",
}

# Kazakh given names (lower case) whose usual English form is the one of their Russian spelling
# (Бахыт, Бейбут, Ильяс), not the letter-by-letter one: as English-language press and English
# Wikipedia write them for several bearers each (Bakhyt Sultanov, Bakhyt Sarsekbayev; Beibut
# Atamkulov, Beibut Shumenov; Ilyas Yesenberlin, Ilyas Zhansugurov; Bakhytzhan Zhumagulov,
# Bakhytzhan Kanapyanov, Bakhytzhan Toregozhina, Bakhytzhan Izmukhambetov; Asset Issekeshev, Asset
# Irgaliyev, Asset Magauov; Lyazzat Kiinov, Lyazzat Kungeibayeva, Lyazzat Kaltaeva; Kulyash
# Baiseitova, Kulyash Shamshidinova).
KAZAKH_GIVEN: dict[str, str] = {
    "бақыт": "Bakhyt", "бейбіт": "Beibut", "ілияс": "Ilyas", "бақытжан": "Bakhytzhan",
    "әсет": "Asset", "ләззат": "Lyazzat", "күләш": "Kulyash",
}

# A surname of the Russian form (-ов, -ев, -ин and their feminine -а) is written in English from
# its Russian spelling, which has у for the Kazakh ө (Төлебаев → Тулебаев → Tulebayev, Өтемұратов
# Utemuratov, Төлегенова Tulegenova, Шөкеев Shukeyev, Бөкейханов Bukeikhanov, Көлгінов Kulginov):
# English Wikipedia's titles and the press (a bearer may keep o: Көшербаев Kosherbayev, in the
# exceptions table). A person's word only (or a word of no stated kind); places and organisations
# keep o (Ақтөбе Aktobe), other words too (Бөкей). The endings are ``FEMININE_AFTER``'s.
RUSSIAN_FORM_LETTERS = {"ө": "ү"}  # ө is spelt as ү (u), in the same contexts

# Titles that follow a name are capitalised in English as part of it (Төле би Tole Bi, Абылай хан
# Ablai Khan, Қабанбай батыр Kabanbai Batyr, the singers' and poets' epithets: Біржан сал Birzhan Sal, Ақан
# сері Akan Seri): English Wikipedia's article titles; and a hajji's title (Наурызбай қажы Тағанұлы
# Nauryzbay Kazhy Taganuly, the mufti, as the Spiritual Administration's English pages write it), and
# the Prophet's (Мұхаммед пайғамбар мешіті Mukhammed Paigambar Mosque, a mosque's own name).
TITLES = frozenset({"би", "хан", "батыр", "ана", "ата", "ханым", "бек", "сұлтан", "жырау", "ақын", "сал", "сері", "қажы", "пайғамбар"})
# The particles of Arabic names, "son of" and "daughter of", as Kazakh writes them (after the
# Russian бен, бин, ибн) and as the English press writes them (Salman bin Abdulaziz Al Saud,
# Mohammed bin Salman; AP and Reuters style).
ARABIC_PARTICLES = {"бен": "bin", "бин": "bin", "ибн": "ibn", "бинт": "bint"}
# The particles of European names, written in lower case between a person's names, as their
# languages write them (Урсула фон дер Ляйен: Ursula von der ...; Людвиг ван Бетховен, Шарль де
# Голль, Леонардо да Винчи); German's фон is von, the others are spelt as their letters are.
EUROPEAN_PARTICLES = {
    "фон": "von", "ван": "van", "дер": "der", "ден": "den", "дю": "du", "ди": "di", "ла": "la", "ле": "le",
    "дель": "del", "делла": "della", "де": "de", "да": "da",
}

KINDS = ("", "person", "place", "organisation", "facility", "name")


def _spelt_as(kind: str) -> str:
    """The kind a name is spelt as: a facility's as a body's, its common words translated
    (Абай даңғылы Abai Avenue, Kostanay Airport Қостанай әуежайы); an unknown kind as none."""
    return "organisation" if kind == "facility" else kind if kind in KINDS else ""

# Generic words after a place's name that English writes as a word of the name: (Kazakh word,
# English word, whether English puts it first). gov.kz and English Wikipedia: Ақтөбе облысы
# Aktobe Region, Қарасай ауданы Karasay District, Іле өзені Ili River, Балқаш көлі Lake Balkhash,
# Арал теңізі Aral Sea.
PLACE_HEADS: tuple[tuple[str, str, bool], ...] = (
    ("облысы", "Region", False),
    ("ауданы", "District", False),
    ("өзені", "River", False),
    ("көлі", "Lake", True),
    ("теңізі", "Sea", False),
)
# Streets, avenues, parks and airports, as English maps and the cities' English pages name them
# (Abai Avenue, Seifullin Street, First President's Park, Shymkent Airport): a place's name
# only, never a body's words (Park University is no саябағы).
STREET_HEADS: tuple[tuple[str, str, bool], ...] = (
    ("көшесі", "Street", False),
    ("даңғылы", "Avenue", False),
    ("саябағы", "Park", False),
    ("әуежайы", "Airport", False),
    # mausoleums and mosques, often named after a person too (Айша бибі кесенесі Aisha Bibi
    # Mausoleum, Райымбек батыр кесенесі, Нұр Астана мешіті Nur-Astana Mosque): English Wikipedia's
    # titles put the word after the name
    ("кесенесі", "Mausoleum", False),
    ("мешіті", "Mosque", False),
)
# Landforms, waters and reserves, as English Wikipedia and the parks' and tour operators' English
# pages title Kazakhstan's (Талғар шатқалы Talgar Gorge, Талғар шыңы Talgar Peak, Қазығұрт тауы
# Mount Kazygurt, Қаратау таулары Karatau Mountains, Көкарал аралы Kokaral Island, Ақмешіт үңгірі
# Akmeshit Cave, Ақсу-Жабағлы қорығы Aksu-Zhabagly Nature Reserve, Бурабай ұлттық паркі Burabay
# National Park, Қапшағай су қоймасы Kapchagay Reservoir, Қашаған кен орны Kashagan Field, Қызылқұм
# шөлі Kyzylkum Desert); an ancient town by its name alone (Отырар қалашығы Otrar, Сауран қалашығы
# Sauran). Names English writes its own way are the table's (Шарын шатқалы Charyn Canyon, Орал
# таулары Ural Mountains); a range named after a town is the town's (Алматы таулары Almaty
# Mountains, as the English press writes "the mountains around Almaty"). Not the words English writes after an adjective or an exonym of its own
# more often than after a Kazakh name (Korean Peninsula, Persian Gulf, Strait of Hormuz, Crimean
# Khanate: Бозашы түбегі and Қайдақ шығанағы are the table's), nor those a phrase means otherwise
# (Қазақстан көлдері "the lakes of Kazakhstan"; the Volga-Ural interfluve is Еділ мен Жайық аралығы).
NATURE_HEADS: tuple[tuple[str, str, bool], ...] = (
    ("жотасы", "Range", False),
    ("шатқалы", "Gorge", False),
    ("тауы", "Mount", True),
    ("таулары", "Mountains", False),
    ("аңғары", "Valley", False),
    ("аралы", "Island", False),
    ("үңгірі", "Cave", False),
    ("қалашығы", "", False),
    # a village or a settlement too, as English Wikipedia titles them and the press names them
    # (Қоғалы ауылы Kogaly, "the village of Kogaly")
    ("ауылы", "", False),
    ("аулы", "", False),
    ("кенті", "", False),
    ("селосы", "", False),
    ("шыңы", "Peak", False),
    ("мұздығы", "Glacier", False),
    ("асуы", "Pass", False),
    ("сарқырамасы", "Waterfall", False),
    ("шөлі", "Desert", False),
    ("ойпаты", "Depression", False),
    # a river's or a lake's basin, as water management names them (Нарын-Сырдария бассейні,
    # Балқаш-Алакөл бассейні: the Balkhash-Alakol Basin)
    ("бассейні", "Basin", False),
    ("қорығы", "Nature Reserve", False),
    # the official long forms, "state natural reserve", "state national natural park": English
    # Wikipedia titles them alike (Naurzum Nature Reserve, Ile-Alatau National Park)
    ("табиғи қорығы", "Nature Reserve", False),
    ("мемлекеттік табиғи қорығы", "Nature Reserve", False),
    ("ұлттық паркі", "National Park", False),
    ("ұлттық табиғи паркі", "National Park", False),
    ("мемлекеттік ұлттық табиғи паркі", "National Park", False),
    ("су қоймасы", "Reservoir", False),
    ("кен орны", "Field", False),
)
_PLACE_HEADS = {kk: (en, first) for kk, en, first in PLACE_HEADS + STREET_HEADS + NATURE_HEADS}
_STREET_WORDS = frozenset(kk for kk, _, _ in STREET_HEADS)
# The words of a body's units' generic names, which Kazakh writes in lower case after the owner
# (Ішкі істер министрлігінің баспасөз қызметі, ... әкімдігінің денсаулық сақтау басқармасы).
_UNIT_WORDS = frozenset(["баспасөз", "басқармасы", "бөлімі", "бөлімшесі", "департаменті", "факультеті", "кафедрасы"])
# The heads of a body English names without "the" when its name opens it (Stanford University, Kaspi
# Bank, Shymkent Airport): an owner's, after "of"; a university whatever its words, the others with
# none between name and head.
_NAMED_WITHOUT_THE = frozenset(["University", "Bank", "Corporation", "Holding", "Group", "Airport"])
# Streets, avenues and squares own no body: what is on them is none (Абай даңғылының көпірі)
_STREET_EN = frozenset(["Street", "Avenue", "Square"])
_PLACE_WORDS = frozenset(kk for kk, _, _ in PLACE_HEADS)
# A state's English name that takes "the": one made of common nouns or a plural (the United Kingdom,
# the Russian Federation, the United States, the Netherlands; not Russia, Kazakhstan).
_THE_STATE = re.compile(r"\b(?:Kingdom|Federation|Republic|States|Emirates|Union|Islands|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros)\b")
# ... read back only after a name the table publishes (Charyn Canyon Шарын шатқалы, Khan Tengri Peak
# Хан Тәңірі шыңы), one English word each
# (the first Kazakh word of an English one: Valley аңғары), and Canyon too, as English writes some
# gorges (Aksu Canyon, Charyn Canyon)
_NATURE_HEADS_EN = {en.casefold(): (kk, first) for kk, en, first in reversed(NATURE_HEADS) if en and " " not in en} | {"canyon": ("шатқалы", False)}
# English generic words of places read back into Kazakh, after the name (Berezovka Village
# Березовка ауылы, Medeu District Медеу ауданы, Lake Balkhash Балқаш көлі): the heads above and a
# village's word; not a sea's, a city's or a street's, parts of names of their own (the Black Sea
# Қара теңіз, Kansas City, Wall Street).
_PLACE_HEADS_EN = {en.casefold(): (kk, first) for kk, en, first in PLACE_HEADS + (("ауылы", "Village", False),) if en != "Sea"}

# Compass words opening a place's name, which English translates (English Wikipedia's article
# titles: Оңтүстік Корея South Korea, Орталық Азия Central Asia, Солтүстік Америка North America):
# (Kazakh, English, the English adjective some names take instead: Eastern Europe, Western
# Siberia, Northern California).
COMPASS: tuple[tuple[str, str, str], ...] = (
    ("солтүстік", "North", "Northern"),
    ("оңтүстік", "South", "Southern"),
    ("шығыс", "East", "Eastern"),
    ("батыс", "West", "Western"),
    ("орталық", "Central", "Central"),
)
# The names that take the adjective, besides the glossary's countries, whose parts are named so
# (en.wikipedia.org/wiki/Southern_Italy, Northern_England, Eastern_Ukraine; a state named with its
# compass word is a name of its own: South Korea, West Germany).
COMPASS_ADJECTIVAL = frozenset(["Europe", "Siberia", "California", "Sahara", "England"])
_COMPASS = {kk: (en, adjective) for kk, en, adjective in COMPASS}
_COMPASS_FROM_EN = {en.casefold(): kk for kk, *forms in COMPASS for en in forms}
_COMPASS_RX = re.compile(rf"({'|'.join(_COMPASS)}) (?=[{_LETTER.upper()}A-Z])", re.IGNORECASE)
def _capitalised(words) -> str:
    """A regex alternation of ``words`` as a name opens with them, capitalised or in capitals."""
    return "|".join(f"{w.capitalize()}|{w.upper()}" for w in words)


# Epithets of a place's name that English translates before a country's (Ежелгі Мысыр Ancient
# Egypt, Ежелгі Қытай Ancient China: English Wikipedia's titles; Ежелгі Рим Ancient Rome is the
# table's row), not before a city's (ancient Taraz) nor a name spelt by rule (no half-translation);
# not Үлкен "big", Greater Almaty but Big Almaty Lake.
PLACE_EPITHETS = {"ежелгі": "Ancient"}
_EPITHET_RX = re.compile(rf"({_capitalised(PLACE_EPITHETS)}) (?=[{_LETTER.upper()}])")
_COMPASS_PAIR_RX = re.compile(
    rf"((?i:{'|'.join(_COMPASS)})) (?:{'|'.join(AND_WORDS)}) (?=((?i:{'|'.join(_COMPASS)})) [{_LETTER.upper()}A-Z])"
)

# The first words of foreign places' names that Kazakh, as Russian, joins to the rest by a hyphen
# and English writes apart, translating "new" and "saint" (Санта-Клара Santa Clara, Лас-Пальмас Las
# Palmas, Рио-Гранде Rio Grande, Нью-Гэмпшир New Hampshire; English Wikipedia's titles; St. as in
# St. Louis, St. Moritz). A name the table has whole is its row (Санкт-Петербург Saint Petersburg).
PLACE_OPENERS = {
    "нью": "New", "сан": "San", "санта": "Santa", "санкт": "St.", "сент": "St.", "шри": "Sri",
    "лос": "Los", "лас": "Las", "рио": "Rio", "буэнос": "Buenos", "форт": "Fort", "пуэрто": "Puerto",
}
# The English words that end foreign places' names, which Kazakh, as Russian, transcribes and joins
# by a hyphen or writes apart (Уолл-стрит Wall Street, Лонг-Айленд Long Island, Гранд Каньон Grand
# Canyon, Канзас-Сити Kansas City): English writes them apart, as words. After a hyphen in any case,
# after a space capitalised only (Абай скверi is the Kazakh сквер "garden", a facility's word). A
# person's surname that is such a word is the English word too (Пол Хиллс Paul Hills).
PLACE_ENDERS = {
    "стрит": "Street", "авеню": "Avenue", "сквер": "Square", "айленд": "Island", "бич": "Beach",
    "вэлли": "Valley", "сити": "City", "лейк": "Lake", "ривер": "River", "гарденс": "Gardens",
    "саунд": "Sound", "фоллс": "Falls", "каньон": "Canyon", "харбор": "Harbor", "хиллс": "Hills",
    "спрингс": "Springs", "бэй": "Bay",
}
# (those that stand apart too: not Бэй, a Chinese name too, Лю Бэй; hyphened only, Тампа-Бэй)
PLACE_ENDERS_APART = frozenset(PLACE_ENDERS) - {"бэй"}
_ENDER_RX = re.compile(
    rf"(.*[{_LETTER}{_LETTER.upper()}])(?:-((?i:{'|'.join(PLACE_ENDERS)}))| ({_capitalised(PLACE_ENDERS_APART)}))([{_LETTER}{_LETTER.upper()}]*)"
)
_ENDERS_FROM_EN = {en.casefold(): kk for kk, en in PLACE_ENDERS.items()}
_PARTS = re.compile(r"[- \u00a0]")
_MOST_PARTS = 6
# (a street's, a square's and an avenue's: a facility's words, kkaligner.names reads them so)
STREET_ENDERS = frozenset(["стрит", "сквер", "авеню"])
# (read back: St. is Сент, as in Сент-Луис; the later key wins)
_OPENERS_FROM_EN = {en.casefold(): kk.capitalize() for kk, en in PLACE_OPENERS.items()}
_OPENER_RX = re.compile(rf"({_capitalised(PLACE_OPENERS)})([- ])(?=[{_LETTER.upper()}])")


@dataclass(frozen=True)
class Published:
    """A name's established English spelling (a row of data/romanize-exceptions-kk-en.tsv).

    ``kazakh`` is the name as written (one word, a hyphenated or a multiword name); ``kind`` is
    ``person``, ``place`` or ``""`` (any kind); ``source`` the page that publishes ``english``.
    """

    kazakh: str
    english: str
    kind: str
    source: str


def _tsv_rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file under data/ (comments and blank lines left out; the
    header first)."""
    path = resources.files("kkaligner").joinpath("data", *name.split("/"))
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


# The world's countries and territories have their home in the shipped glossary, whose country
# rows are CLDR's Kazakh and English territory names with the English press's forms (built by
# data/glossary/tools/build_names.py): romanize reads them from there, so Ресей is Russia, АҚШ
# the United States and Біріккен Араб Әмірліктері the United Arab Emirates, not Resey; ҚР stays
# the rules' (``_KR`` reads it inside a body's name). A row of this module's own table wins. A
# territory is spelt so where it is the whole name or a part a rule places (a body's owner, a
# compass word's place); among words spelt one by one it is spelt too (Ресей мұнайшылар одағы
# Resey Munaishylar Odagy, Дания Еспаева Daniya Yespayeva: no half-translation).
TERRITORY_SOURCE = "CLDR territory names and English press forms (data/glossary/kk-en-names.tsv)"


@lru_cache(maxsize=1)
def _glossary_territories() -> tuple[Published, ...]:
    rows = _tsv_rows("glossary/kk-en-names.tsv")
    col = {name: i for i, name in enumerate(rows[0])}
    out = []
    for row in rows[1:]:
        kazakh, english, kind, provenance = (row[col[c]] for c in ("source", "target", "kind", "provenance"))
        if (kind == "country" or (kind == "place" and provenance.startswith("CLDR"))) and kazakh != "ҚР":
            out.append((not provenance.startswith("CLDR"), Published(kazakh, english, "place", TERRITORY_SOURCE)))
    return tuple(row for _, row in sorted(out, key=lambda x: x[0]))  # CLDR's names first (Нидерланд before Голландия)


def _load_exceptions() -> dict[str, tuple[Published, ...]]:
    out: dict[str, list[Published]] = {}
    for kazakh, english, kind, source in _tsv_rows("romanize-exceptions-kk-en.tsv")[1:]:
        out.setdefault(kazakh.casefold(), []).append(Published(kazakh, english, kind, source))
    for row in _glossary_territories():
        out.setdefault(row.kazakh.casefold(), [row])
    return {k: tuple(v) for k, v in out.items()}


# The glossary's countries and territories (lower case), whether their row is the glossary's or
# the table's own (Қазақстан, Америка Құрама Штаттары): a country's name, for the rules that place
# one (a ministry's owner, a compass word's place, an ending that goes).
TERRITORIES: frozenset[str] = frozenset(row.kazakh.casefold() for row in _glossary_territories())


# Names (lower case) whose established English spelling no rule gives, or that a person has
# checked: data/romanize-exceptions-kk-en.tsv, a source per row, and the glossary's countries
# (``TERRITORY_SOURCE``). Each key maps to its rows (one a kind: Қонаев is Kunaev the statesman
# and Konaev the city named after him).
EXCEPTIONS: dict[str, tuple[Published, ...]] = _load_exceptions()
_MULTI = sorted((k for k in EXCEPTIONS if " " in k or "-" in k), key=len, reverse=True)
_MULTI_RX = re.compile(rf"(?<![{_LETTER}])(?:{'|'.join(map(re.escape, _MULTI))})(?P<rest>[{_LETTER}]*)") if _MULTI else None

# What may follow a surname of the table and keep its spelling: the feminine ending (Назарбаева
# Nazarbayeva: Russian-form surnames in -ов, -ев, -ин), and the patronymic words written joined
# (Сағырбайұлы, Сәтқызы); any Kazakh case or possessive ending (``kazakh.suffix_set``) too.
FEMININE_AFTER = ("ов", "ев", "ёв", "ин")
PATRONYMIC = ("ұлы", "улы", "қызы")


def _published(low: str, kind: str, territories: bool = True) -> Published | None:
    """The table's row for ``low`` that fits ``kind``: its own kind, else one for any kind; a
    caller with no kind takes the first row. Without ``territories``, not the glossary's countries
    (``TERRITORY_SOURCE``)."""
    rows = EXCEPTIONS.get(low)
    if rows and not territories:
        rows = tuple(r for r in rows if r.source != TERRITORY_SOURCE)
    if not rows:
        return None
    for want in (kind, ""):
        for r in rows:
            if r.kind == want:
                return r
    return rows[0] if kind in ("", "organisation") else None


# A sea's and an ocean's word as speech has it, bare, and as the table writes it, possessed (Тынық
# мұхит, the table's Тынық мұхиты; Жерорта теңіз, Жерорта теңізі).
SEA_WORDS = {"мұхит": "мұхиты", "теңіз": "теңізі"}


# The last words of the table's names that English translates, not spells: the generic words above,
# a sea's, and those of the peninsulas, gulfs, straits and states English names its own way (Корей
# түбегі Korean Peninsula, Ормуз бұғазы Strait of Hormuz, Қоқан хандығы Kokand Khanate); a case
# ending after them goes (Корей түбегінде Korean Peninsula).
_TRANSLATED_LAST = (
    frozenset(_PLACE_HEADS)
    | frozenset(SEA_WORDS)
    | frozenset(SEA_WORDS.values())
    | frozenset(["түбегі", "шығанағы", "бұғазы", "империясы", "хандығы", "қағанаты", "әмірлігі", "конфедерациясы", "ордасы", "орда"])
)


def published_whole(name: str, kind: str = "") -> Published | None:
    """The table's row for a multiword ``name`` (any case) that fits ``kind``, a sea's word bare
    too (Тынық мұхит: the table's Тынық мұхиты); None where the table has no such name."""
    low = name.casefold()
    hit = _published(low, kind)
    lead, _, last = low.rpartition(" ")
    if hit is None and lead and last in SEA_WORDS:
        hit = _published(f"{lead} {SEA_WORDS[last]}", kind)
    return hit


def _ending_ok(stem: str, rest: str) -> bool:
    """``rest`` may follow the table's ``stem`` (both lower case) and leave its spelling alone."""
    if rest in PATRONYMIC:
        return True
    if rest[:1] == "а" and stem.endswith(FEMININE_AFTER):
        rest = rest[1:]
        stem += "а"
        if not rest:
            return True
    return rest in suffix_set(final_class(stem)) or rest in suffix_set(final_class(stem), True)


@dataclass(frozen=True)
class Proposal:
    """A spelling of a name in the other script and how it was reached.

    ``by`` is ``"exception"`` (a published spelling from the exceptions table) or ``"rules"`` (the
    rule set: a proposal for a person to check).
    """

    text: str
    source: str
    by: str = "rules"

    @property
    def checked(self) -> bool:
        return self.by == "exception"


_PREV_WORD = re.compile(r"(\w+) $")  # the word right before, one space apart
_LONGEST_WORD = 100  # how far back the word before is looked for (no word is longer)
# An Arabic name going on after its next word (бен Салман Әл Сауд, бен Салман бен ...).
_ARABIC_GOES_ON = re.compile(rf" \w+ (?:Әл|әл|{'|'.join(ARABIC_PARTICLES)})(?!\w)")
_CYR_RUN = re.compile(r"[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+")
_HYPHENED_ENDING = re.compile(r"([а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]+)-([а-яёәғқңөұүһі]+)")


def _rule_at(rules: tuple[tuple[re.Pattern, str], ...], low: str, i: int) -> tuple[str, int] | None:
    """The first of ``rules`` (regex, spelling) that matches ``low`` at ``i``: (spelling, end)."""
    for rx, spelling in rules:
        m = rx.match(low, i)
        if m:  # every rule takes at least one letter
            return spelling, m.end()
    return None


def _rules(low: str, place: bool = False) -> str:
    out = []
    i = 0
    while i < len(low):
        hit = _rule_at(_PLACE_CONTEXT if place else _CONTEXT, low, i)
        out.append(hit[0] if hit else LETTERS.get(low[i], low[i]))
        i = hit[1] if hit else i + 1
    return "".join(out)


def _recase(original: str, latin: str) -> str:
    if not latin:
        return latin
    if len(original) > 1 and original.isupper():
        return latin.upper()
    if original[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def _cased(word: str, spelling: str) -> str:
    """A table's spelling with the capitals of ``word`` as written (ТОҚАЕВ TOKAYEV, тоқаев tokayev)."""
    if len(word) > 1 and word.isupper():
        return spelling.upper()
    return spelling if word[:1].isupper() else spelling.lower()


def _tail(low: str, k: int, place: bool) -> str:
    """The spelling by rule of ``low[k:]``, an ending after a stem spelt from the table."""
    whole, head = _rules(low, place), _rules(low[:k], place)
    return whole[len(head) :] if whole.startswith(head) else _rules(low[k:], place)


def _place_row(row: Published) -> bool:
    """``row`` names a place: its kind says so, or it is a country's (Қазақстан, of any kind)."""
    return row.kind == "place" or row.kazakh.casefold() in TERRITORIES


def _case_ending(stem: str, rest: str, any_class: bool = False) -> bool:
    """``rest`` is a case ending of ``stem`` (``kazakh.CASES``, after a 3rd-person possessive too:
    Мәскеудің, Сауд Арабиясында), no other ending (Мәскеудегі "the one in", Мәскеуі, -лар); with
    ``any_class``, of any stem (after an initialism's hyphen: АҚШ-тың and АҚШ-ның alike)."""
    allomorphs = (pair for case in CASES.values() for pair in (case.values() if any_class else [case[final_class(stem)]]))
    forms = {form for pair in allomorphs for form in pair}
    if stem.endswith(("ы", "і")):
        forms |= {f for pair in CASES_AFTER_P3.values() for f in pair}
    return rest in forms


def _table(low: str, kind: str, territories: bool = True) -> tuple[str, int] | None:
    """(spelling, length of the table's stem) for a word the table has, bare or with an ending
    that keeps its spelling (Назарбаева, Мәсімовтің, Құнанбайұлы). A place's name English writes
    takes no Kazakh ending: its case ending goes (Мәскеудің Moscow, Алматыда Almaty, as after a
    generic word English translates), and with any other ending the word is no row's
    (Мәскеудегі "the one in Moscow" is spelt by rule)."""
    hit = _published(low, kind, territories)
    if hit:
        return hit.english, len(low)
    for k in range(len(low) - 1, 2, -1):
        stem = low[:k]
        if stem in EXCEPTIONS and _ending_ok(stem, low[k:]):
            hit = _published(stem, kind, territories)
            if hit and (hit.kind != "place" or _case_ending(stem, low[k:])):
                return hit.english, k
    return None


# ``FOREIGN_NAMES`` read from Kazakh: the first English name of a spelling (lower-case Kazakh -> English).
_FROM_FOREIGN: dict[str, str] = {kk.casefold(): en for en, kk in reversed(FOREIGN_NAMES.items())}
# (the list's Chinese names, before which Хуан is the Chinese Huang's: Хуан Си)
_CHINESE_NAMES = frozenset(["си", "цзиньпин"])
# (and Фернандес, Перес, Spanish after Хуан whatever they are elsewhere: Хуан Перес Juan Perez)
_SPANISH_ONE_WAY = {"фернандес": "Fernandez", "перес": "Perez"}


def _given(low: str, tables: tuple[dict[str, str], ...] = (RUSSIAN_GIVEN, KAZAKH_GIVEN, _FROM_FOREIGN)) -> str | None:
    """The English form of a Russian given name (``RUSSIAN_GIVEN``), of a Kazakh one that has a
    conventional form (``KAZAKH_GIVEN``) or of a foreign name (``FOREIGN_NAMES``), bare or with a
    Kazakh ending spelt by the rules (Александрдың Alexanderdyn, Бақыттың Bakhyttyn)."""
    for table in tables:
        if low in table:
            return table[low]
        for k in range(len(low) - 1, 3, -1):
            stem = low[:k]
            if stem in table and low[k:] in suffix_set(final_class(stem)):
                return table[stem] + _tail(low, k, False)
    return None


def _russian_form(low: str) -> bool:
    """``low`` is a surname of the Russian form (ending in ``FEMININE_AFTER``, feminine -а too),
    bare or with a Kazakh ending (Төлебаевтың)."""

    def surname_ends(k: int) -> bool:  # low[:k] ends like one (the endings are two letters each)
        return low[k - 2 : k] in FEMININE_AFTER or (low[k - 1 : k] == "а" and low[k - 3 : k - 1] in FEMININE_AFTER)

    # only a cut after such an ending is tried: a long word is not sliced at every cut
    return surname_ends(len(low)) or any(surname_ends(k) and _ending_ok(low[:k], low[k:]) for k in range(len(low) - 1, 3, -1))


# Where a capital inside a word starts a part (Қаз|Мұнай|Газ, Арселор|Миттал).
_CAMEL = re.compile(r"(?<=[a-zа-яёәғқңөұүһі])(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _word(word: str, exceptions: bool, kind: str, after_name: bool, territories: bool = True) -> tuple[str, bool]:
    """One Cyrillic run: its spelling and whether the exceptions table gave it (the glossary's
    countries only with ``territories``)."""
    low = word.casefold()
    place = kind == "place"
    # the table spells names, written with a capital: a lower-case word is a common one (теңіз "sea",
    # not the Tengiz field)
    hit = _table(low, kind, territories) if exceptions and word[:1].isupper() else None
    if hit:
        spelling, k = hit
        row = _published(low[:k], kind, territories)
        if row and row.kazakh.isupper() and len(row.kazakh) > 1:
            return spelling, True  # an initialism's name as English writes it (АҚШ United States)
        # (a place's case ending goes; a name of any kind keeps another, Қазақстандағы Kazakhstandagy)
        drop = row is not None and _place_row(row) and (k == len(low) or _case_ending(low[:k], low[k:]))
        return _cased(word, spelling + ("" if drop else _tail(low, k, place))), True
    parts = _CAMEL.split(word)
    if len(parts) > 1:
        # capitals inside a word (ҚазМұнайГаз, АрселорМиттал) stay where they are: each part spelt
        spelt = [_word(part, exceptions, kind, after_name, territories) for part in parts]
        return "".join(p for p, _ in spelt), any(e for _, e in spelt)
    # a person's conventions: not a place's, nor an organisation's («Бейбіт» қоры, the fund Peace)
    personal = kind in ("person", "")
    if personal and after_name and low in ARABIC_PARTICLES and word.islower():
        return ARABIC_PARTICLES[low], False  # Салман бен Әбделазиз Salman bin Abdelaziz (not Тараз бен: "and")
    if personal and after_name and low in EUROPEAN_PARTICLES and word.islower():
        return EUROPEAN_PARTICLES[low], False
    # a foreign name (capitalised: пол "floor" is no Paul) is spelt its own way whatever it names
    # (Джонсон Johnson, a place's too); Russian and Kazakh given names only in a person's name
    # (Сергеевка Sergeyevka)
    foreign = (_FROM_FOREIGN,) if word[:1].isupper() else ()
    given = _given(low, (RUSSIAN_GIVEN, KAZAKH_GIVEN, *foreign) if personal else foreign)
    if given:
        return _cased(word, given), False
    if personal and _russian_form(low):
        low = "".join(RUSSIAN_FORM_LETTERS.get(c, c) for c in low)
    # a run is letters only; ``_rules`` sees the whole run so that "initial" means the run's start
    spelled = _recase(word, _rules(low, place))
    if after_name and low in TITLES:
        spelled = spelled[:1].upper() + spelled[1:]
    return spelled, False


# the longest generic word (мемлекеттік ұлттық табиғи паркі, not паркі after lower-case words), and
# the case ending it may take (Ақтөбе облысында)
_HEAD = re.compile(rf"(.*?[{_LETTER}]) ({'|'.join(_PLACE_HEADS)})([{_LETTER}]*)", re.IGNORECASE)


_SAINT_PLACE = re.compile(rf"([{_LETTER.upper()}][{_LETTER}]+) (ата|Ата|АТА)")


# Renderings a caller already has for names inside the one to spell (a glossary's: Жаңа Зеландия New
# Zealand), as (case-folded name, rendering) pairs: used for a whole name, a run of a body's names,
# and a place's name after its compass word or before its generic word; never word by word inside
# another name (Жаңа Орлеан is no Жаңа + Орлеан) nor for a person's name (Сәтбаев атындағы).
Names = tuple[tuple[str, str], ...]


def _known(text: str, names: Names) -> str | None:
    """The rendering ``names`` has for ``text`` (or it without a genitive ending), if any."""
    if not names:
        return None
    folded = text.strip().casefold()
    bare = _GENITIVE.sub("", folded)
    return next((en for kk, en in names if kk in (folded, bare)), None)


def _names(names: Mapping[str, str] | None) -> Names:
    if names is None:
        return ()
    if not isinstance(names, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise UsageError("names= takes a mapping of names to their renderings (str to str), e.g. {'Жаңа Зеландия': 'New Zealand'}.")
    return tuple(sorted((k.strip().casefold(), v) for k, v in names.items() if k.strip() and v.strip()))


@lru_cache(maxsize=1)
def _territory_names() -> Names:
    """The glossary's countries of several capitalised words as ``Names`` (Оңтүстік Корея South
    Korea; not Францияның оңтүстік аймақтары, whose common words a body's name may hold)."""
    rows = (r for rs in EXCEPTIONS.values() for r in rs if r.source == TERRITORY_SOURCE and " " in r.kazakh)
    return tuple(sorted((r.kazakh.casefold(), r.english) for r in rows if all(w[:1].isupper() for w in r.kazakh.split())))


@lru_cache(maxsize=1)
def _of_heads() -> frozenset[str]:
    """The English heads the body table puts first with "of" (Ministry, Akimat)."""
    return frozenset(english for _, english, role in _body_rows() if role == "of")


@lru_cache(maxsize=1)
def _body_rows() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """data/body-words-kk-en.tsv's rows: (Kazakh words, lower case), English ("" for "-"), role."""
    return tuple((tuple(kazakh.casefold().split()), "" if english == "-" else english, role) for kazakh, english, role in _tsv_rows("body-words-kk-en.tsv"))


@lru_cache(maxsize=1)
def _body_words() -> tuple[dict[tuple[str, ...], tuple[str, str]], int]:
    """data/body-words-kk-en.tsv: (Kazakh words) -> (English, role), and the longest entry's length."""
    # a place's generic word inside a body's name (Қарағанды облысының әкімдігі) from PLACE_HEADS
    table: dict[tuple[str, ...], tuple[str, str]] = {(kk,): (en, "word") for kk, en, _first in PLACE_HEADS}
    for kazakh, english, role in _body_rows():
        table[kazakh] = (english, role)
    # a head's bare form where only its possessive is written (Мемлекеттік департамент, a foreign
    # body's name as Kazakh news writes it: State Department, like Мемлекеттік департаменті)
    for key, (english, role) in list(table.items()):
        for bare in possessive_stems(key[-1]) if role in ("head", "of", "field") else ():
            table.setdefault((*key[:-1], bare), (english, role))
    return table, max(len(k) for k in table)


# The initials of the Republic of Kazakhstan opening a body's name (ҚР Қорғаныс министрлігі, ҚР-ның
# Ұлттық банкі), read as the state's name; not before a ministry's initials (ҚР ДСМ), left as they were.
_KR = re.compile(r"ҚР(?:-(?:дың|ның|нің|тың|тің))?")
# The words of a government agency's work, which English puts after "Agency for" (gov.kz: Agency for
# Strategic Planning and Reforms, Agency for Civil Service Affairs, Agency for Financial Monitoring;
# the US Agency for International Development); not after a name or a word of the agency's standing,
# nor where no such word is among them (Astana Development Agency, National Development Agency,
# International Atomic Energy Agency, Anti-Corruption Agency, National Space Agency).
_AGENCY_FOR = re.compile(r"(?:Planning|Monitoring|Protection|Regulation|Development|Affairs|Reforms),?$")
_STANDING = frozenset(["National", "State", "Republican", "Interstate", "Regional", "Kazakh", "Eurasian"])
# ... which, with International, stand before a field's head too (Moscow State Institute of
# International Relations)
_HEAD_STANDING = _STANDING | {"International"}
# The first words of a state's own institutions, which English names "of" the state (National Bank
# of Kazakhstan, Supreme Court of ..., Central Bank of China, State Duma of Russia, Development Bank
# of Kazakhstan; not Japan International Cooperation Agency)
_STATE_OWNED = frozenset(["National", "Supreme", "Central", "Constitutional", "State", "Development"])
# English adjectives among a body's words, which stand before a field's head (Pedagogical Institute,
# Military Institute; not History, a field: Institute of History).
_FIELD_ADJECTIVE = re.compile(r"(?:al|ic|ive|an|ese|ish),?$|^(?:military|veterinary|state|higher|royal),?$")
# The genitive's endings (kazakh.CASES): a word of a body's name before the next one (Қазақстанның
# шахмат федерациясы, министрлігінің баспасөз қызметі) is looked up and spelt without it; and the
# accusative's, for a table word (кәсіпкерлікті дамыту қоры).
_GENITIVE = re.compile(f"(?:{'|'.join(sorted({e for pair in CASES['gen'].values() for e in pair}))})$")
_ACCUSATIVE = re.compile(f"(?:{'|'.join(sorted({e for pair in CASES['acc'].values() for e in pair}))})$")
# English words before a place's name inside a body's (Оңтүстік Қазақстан South Kazakhstan).
_COMPASS_EN = frozenset(en for _kk, en, _adjective in COMPASS)
# A quoted name, to its closing quote or the text's end, or a word (« Астана », «Даму қоры).
# The shape of a common word, a participle or a derived adjective (Біріккен Ұлттар Ұйымы, Тұрақты
# даму қоры): no name of its own, though capitalised.
_WORD_SHAPE = re.compile(r"(?:ған|ген|қан|кен|лық|лік|дық|дік|тық|тік)$")
_BODY_TOKEN = re.compile(r"[«\"“„]\s*([^«»\"“”„]*?)\s*(?:[»\"”]|$)|[^\s«»\"“”„,]+|,")


def _known_run(tokens: list[tuple[str, bool]], names: Names) -> bool:
    """The unquoted ``tokens`` are a name ``names`` renders, with no state's word or атындағы of the
    body table among them, which place the words around them (a body's head may end it: Біріккен
    Ұлттар Ұйымы)."""
    if not names or any(quoted for _, quoted in tokens):
        return False
    table = _body_words()[0]
    if any(table.get((_GENITIVE.sub("", w.casefold()),), table.get((w.casefold(),), ("", "word")))[1] in ("state", "named") for w, _ in tokens):
        return False
    return _known(" ".join(w for w, _ in tokens), names) is not None


def _body_name(text: str, exceptions: bool, names: Names = ()) -> str | None:
    """An organisation's name in English where its words allow (``_body_words``): the common words
    translated in Kazakh order, the names among them romanized (a run of them together, so that
    the exceptions table's multiword names apply), a head English puts first with "of" first
    (Павлодар мемлекеттік университеті Pavlodar State University, Қорғаныс министрлігі Ministry
    of Defence), a body owned by one in the genitive before the owner (Ішкі істер министрлігінің
    баспасөз қызметі Press Service of the Ministry of Internal Affairs); None where a lower-case
    word is not in the table or the name does not end in a head."""
    table, longest = _body_words()
    if exceptions:
        names = names + _territory_names()  # a country of several words is one name (Оңтүстік Корея)
    tokens = [(m.group(1), True) if m.group(1) is not None else (m.group(), False) for m in _BODY_TOKEN.finditer(text)]
    if tokens and not tokens[0][1] and _KR.fullmatch(tokens[0][0]) and not (len(tokens) > 1 and tokens[1][0].isupper()):
        tokens[:1] = [("Қазақстан", False), ("Республикасы", False)]  # ҚР, ҚР-ның: the state's initials
    items: list[tuple[str, str]] = []  # (English or Kazakh name words, role)
    owners: set[int] = set()  # the items that are the heads of a body that owns the next
    owned = False  # the name opens in the genitive and owns the body's capitalised words after it
    longest_name = max((len(k.split()) for k, _ in names), default=0)
    i = 0
    while i < len(tokens):
        word, quoted = tokens[i]
        if quoted:
            if not word:
                return None
            items.append((word, "quoted"))  # a quoted word is a name, never a table word («Даму» қоры)
            i += 1
            continue
        if word == ",":
            # a comma between the words of a list stays after its word (Цифрлық даму, инновациялар
            # және аэроғарыш өнеркәсібі министрлігі: Digital Development, Innovations and ...)
            if not items or items[-1][1] in ("head", "of", "field", "state", "named"):
                return None  # after a head: names listed, not one name's words
            items[-1] = (items[-1][0] + ",", items[-1][1])
            i += 1
            continue
        # a run of words the caller has a rendering for, a common word among them or not (Жаңа
        # Зеландия), but not a person's before атындағы nor a state's word the table places
        # (Қазақстан Республикасының Ұлттық музейі National Museum of the Republic of Kazakhstan)
        after_name = bool(items) and items[-1][1] in ("name", "quoted", "known")
        run = 0 if after_name else next((n for n in range(min(longest_name, len(tokens) - i), 0, -1) if _known_run(tokens[i : i + n], names)), 0)
        nxt = tokens[i + run][0].casefold() if run and i + run < len(tokens) else ""
        if run and table.get((nxt,), ("", ""))[1] != "named":
            items.append((_known(" ".join(w for w, _ in tokens[i : i + run]), names), "known"))
            i += run
            continue
        last = i == len(tokens) - 1
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if any(q for _, q in tokens[i : i + n]):
                continue
            seq = [w.casefold() for w, _ in tokens[i : i + n]]
            # an inner word may be in the genitive (министрлігінің баспасөз қызметі)
            keys = [(*seq[:-1], seq[-1]), (*seq[:-1], _GENITIVE.sub("", seq[-1])), (*seq[:-1], _ACCUSATIVE.sub("", seq[-1]))]
            key = next((k for k in keys if k in table), None)
            hit = table[key] if key else None
            # a capitalised head inside the name is a name's word (Кеңес Рахметов, Кеңес Одағы)
            if hit and not (hit[1] in ("head", "of", "field") and word[:1].isupper() and not last and n == 1):
                # a body in the genitive, another's owner (министрлігінің ... комитеті), or in the
                # nominative before the capitalised name of the body it owns, as gov.kz often writes
                # (Қаржы министрлігі Мемлекеттік кірістер комитеті); not an avenue's (Абай даңғылының көпірі)
                genitive = key != keys[0] and key == keys[1]
                stems = possessive_stems(seq[-1])
                nominative = key == keys[0] and bool(stems) and seq[-1] not in stems
                after = tokens[i + n] if i + n < len(tokens) else ("", True)
                if hit[1] in ("head", "of", "field") and after[0] and hit[0] not in _STREET_EN and (
                    genitive or (nominative and not after[1] and after[0][:1].isupper())
                ):
                    owners.add(len(items))
                items.append(hit)
                i += n
                break
        else:
            parts = [table.get((part.casefold(),)) for part in word.split("-")]
            if "-" in word and all(parts):
                # a compound of the table's words (халықтық-демократиялық People's Democratic)
                items.append((" ".join(part[0] for part in parts), parts[-1][1]))
                i += 1
                continue
            after_named = bool(items) and (items[-1][1] == "named" or items[-1][0] in _COMPASS_EN)
            opening = all(role in ("name", "quoted", "known") for _, role in items)
            if items and items[-1][1] == "name" and word.casefold() in TITLES:
                # a title after a person's name is the name's (Қабанбай батыр даңғылы, Қорқыт ата
                # атындағы университет: Kabanbay Batyr Avenue)
                items[-1] = (f"{items[-1][0]} {word}", "name")
                i += 1
                continue
            if not word[:1].isupper() and _CYR_RUN.match(word):
                return None  # a common word the table does not know: no half-translation
            nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            # a word shaped like a common one before another name's word (Біріккен Ұлттар; not
            # Бостандық ауданы, Талдықорған университеті: places of that shape)
            run = nxt[:1].isupper() and (nxt.casefold(),) not in table
            # (a common word before a place's generic word is the place's name: Теңіз ауданы)
            place = _GENITIVE.sub("", nxt.casefold()) in _PLACE_WORDS
            common = not place and (fold_kk(word) in common_words() or (run and _WORD_SHAPE.search(word.casefold())))
            if not (opening or after_named) or (not after_named and common):
                # a name after the table's words, or a common word opening the name (Жасыл ел
                # қоры, Бала жаны қоры): no half-translation
                return None
            # Қазақстанның шахмат федерациясы; an ending after a hyphen goes with its hyphen (ҚР-дың)
            bare = _GENITIVE.sub("", word) if not last else word
            bare = bare[:-1] if bare != word and bare.endswith("-") else bare
            # a country in the genitive before its institution's capitalised words owns it
            # (Қазақстанның Ұлттық банкі: the body is Ұлттық банк, National Bank of Kazakhstan; not
            # Қазақстанның шахмат федерациясы, whose lower-case words make it Kazakhstan Chess Federation)
            owned = owned or (not items and bare != word and i + 1 < len(tokens) and tokens[i + 1][0][:1].isupper())
            if items and items[-1][1] == "name":
                items[-1] = (f"{items[-1][0]} {bare}", "name")
            else:
                items.append((bare, "name"))
            i += 1
    if len(items) < 2 or items[-1][1] not in ("head", "of", "field"):
        return None

    def spelt(i: int) -> str:
        # a person's name before атындағы ("named after"), else a place's (Павлодар); an initial
        # and the surname after it stand apart in English (М.Әуезов M. Auezov)
        if items[i][1] == "known":
            return items[i][0]
        personal = items[i][1] == "name" and _personal_name(items[i][0])
        person = personal or (i + 1 < len(items) and items[i + 1][1] == "named")
        kind = "organisation" if items[i][1] == "quoted" else "person" if personal else "" if person else "place"
        return _INITIAL.sub(r"\1 ", _romanize(items[i][0], exceptions, kind, () if person else names)[0])

    state = ""
    if len(items) > 2 and items[1][1] == "state" and items[0][1] == "name" and " " in items[0][0]:
        return None  # Иран Ислам Республикасы Үкіметі: an adjective inside the state's name, no half-translation
    if len(items) > 2 and items[0][1] in ("name", "known") and items[1][1] == "state":
        # a state opening a longer name goes to its end (Қазақстан Республикасының Ұлттық музейі
        # National Museum of the Republic of Kazakhstan)
        state = f" of the {_state_english(items[1][0], items[0][0], spelt(0))}"
        items = items[2:]
        owners = {o - 2 for o in owners}
    out: list[str] = []
    segment: list[str] = []
    lead = 0  # how many of the segment's first words are names (Karaganda in Қарағанды металлургия институты)
    cuts: list[tuple[int, bool]] = []  # where an owner's name ends in ``out``; whether it takes no "the"
    opener = 0  # the first item of the current owner's name
    for i, (english, role) in enumerate(items):
        if role == "state":
            continue  # inside a longer name the state's name alone (Қастеев атындағы Қазақстан Республикасының музейі)
        if role in ("name", "quoted", "known"):
            english = spelt(i)
            if i + 1 < len(items) and items[i + 1][1] == "named":
                out.extend(segment)  # the person it is named after stays first (Ш.Ш. Уәлиханов
                out.append(english)  # атындағы Тарих институты: Sh.Sh. Ualikhanov Institute of History)
                segment, lead = [], 0
                continue
        if role in ("of", "field"):
            # the words go after "of": all of them for an owner (Akimat of Almaty Region, Ministry
            # of Defence), a field's nouns only after a field's head (Karaganda Institute of
            # Metallurgy; Aktobe Pedagogical Institute)
            keep = segment[:lead] if role == "field" else []
            adjectives = keep
            while role == "field" and len(adjectives) < len(segment) and _FIELD_ADJECTIVE.search(segment[len(adjectives)].split()[-1].casefold()):
                adjectives = segment[: len(adjectives) + 1]
            # an adjective of the head stays first too (Aktobe Pedagogical Institute, Moscow State
            # Institute of International Relations); one of a field's noun goes with it after "of"
            # (Kazakhstan Institute of Strategic Studies): a status's adjective, or the last words
            while len(keep) < len(adjectives) and (
                len(adjectives) == len(segment) or segment[len(keep)] in _HEAD_STANDING
            ):
                keep = segment[: len(keep) + 1]
            rest = segment[len(keep) :]
            out.extend(keep)
            if (
                role == "of"
                and 0 < lead < len(rest)
                and rest[lead].casefold() not in _PLACE_HEADS_EN
                and all(items[j][1] in ("name", "known") for j in range(i - len(rest), i - len(rest) + lead))
            ):
                # a place's name before the body's own words owns it, last in English (Ресей Сыртқы
                # істер министрлігі Ministry of Foreign Affairs of Russia, not of Russia Foreign
                # Affairs; not a place's generic word: Akimat of Almaty Region)
                owner = " ".join(rest[:lead])
                rest = [*rest[lead:], "of", *(["the"] if _THE_STATE.search(owner) else []), owner]
            out.append(f"{english} of {' '.join(rest)}" if rest else english)
            segment, lead = [], 0
        elif english:
            if role in ("name", "quoted", "known") and lead == len(segment):
                lead += 1
            segment.append(english)
            if role == "head":
                if english == "Agency" and not lead and segment[0] not in _STANDING and any(_AGENCY_FOR.search(w) for w in segment[:-1]):
                    segment = [f"Agency for {' '.join(segment[:-1])}"]
                out.extend(segment)
                segment, lead = [], 0
        if i in owners and not segment:
            # "the" before the owner, but a university or a company opening with its name (Faculty of
            # Medicine of Stanford University, Press Service of Kaspi Bank; of the Amanat Party, of
            # the Ministry of Finance)
            named = items[opener][1] in ("name", "quoted", "known") and english in _NAMED_WITHOUT_THE and (
                english == "University" or i - opener == 1  # Kaspi Bank; not the Asia Development Bank
            )
            cuts.append((len(out), named))
            opener = i + 1
    if cuts:
        # an owner's body after the one it owns, which English names first: State Revenue
        # Committee of the Ministry of Finance, Press Service of the Ministry of Internal Affairs;
        # no "the" where ``cuts`` says (Faculty of Medicine of Stanford University)
        words = out + segment
        ends = [0, *(c for c, _ in cuts), len(words)]
        parts = [" ".join(words[a:b]) for a, b in zip(ends, ends[1:])]
        text = parts[-1]
        for part, (_end, name) in reversed(list(zip(parts, cuts))):
            text += f" of {part}" if name else f" of the {part}"
        return text + state
    if (
        owned and not state and len(out) > 1 and items[0][1] == "name" and items[-1][1] == "head" and items[1][1] != "name"
        and (len(items) == 2 or items[1][0].split(" ")[0] in _STATE_OWNED) and exceptions and items[0][0].casefold() in TERRITORIES
    ):
        # (a country's own institution: its National Bank, its Parliament; not a city's nor a person's,
        # Ақтөбенің Өңірлік мемлекеттік университеті, Абайдың Ұлттық музейі)
        owner = spelt(0)
        if out[0] == owner:
            return f"{' '.join(out[1:] + segment)} of {'the ' if _THE_STATE.search(owner) else ''}{owner}"
    return " ".join(out + segment) + state


@lru_cache(maxsize=1)
def _latin_titles() -> dict[str, str]:
    """``TITLES`` as English spells them, lower case -> the Kazakh title (batyr батыр, bi би);
    not those English writes as a given name or a word of its own (Sultan, Bek, Ana: Prince Sultan
    University, Santa Ana)."""
    return {_romanize(t, False)[0].casefold(): t for t in TITLES - {"сұлтан", "бек", "ана", "сал", "сері", "ханым", "ақын"}}


def _personal_name(name: str) -> bool:
    """``name``, a run of a body's or a facility's name, reads as a person's: a surname of the
    Russian form or a patronymic last, or a title after a name (Байтұрсынов көшесі Baitursynov
    Street, Абылай хан даңғылы Ablai Khan Avenue), spelt as the person's name is."""
    words = name.casefold().split()
    if not words or any(r.kind == "place" for r in EXCEPTIONS.get(" ".join(words), ())):
        return False  # a place the table knows, whatever it ends in (Висконсин университеті Wisconsin University)
    return _russian_form(words[-1]) or words[-1].endswith(PATRONYMIC) or (len(words) > 1 and words[-1] in TITLES)


_STATE = re.compile(rf"([{_LETTER}].*[{_LETTER}]) ([{_LETTER}]+)", re.IGNORECASE)


# The peoples whose name, not their country's, opens a state's official name, and their English
# adjective (the UN's member list: Kyrgyz Republic, Czech Republic, Slovak Republic, Dominican
# Republic); any other state's word goes first with "of" (Republic of Kazakhstan, Kingdom of
# Saudi Arabia).
STATE_PEOPLES = {"қырғыз": "Kyrgyz", "чех": "Czech", "словак": "Slovak", "доминикан": "Dominican"}


def _state_english(state: str, kazakh: str, name: str) -> str:
    """A state's official name in English from its state word (Republic) and its country's name in
    Kazakh and as spelt."""
    people = STATE_PEOPLES.get(kazakh.casefold()) or next(
        (en for en in STATE_PEOPLES.values() if en.casefold() in (kazakh.casefold(), name.casefold())), None
    )  # a caller's rendering of the people's name (Қырғыз Kyrgyz) too
    if people:
        return f"{people} {state}"
    whole = next((r for words, en, role in _body_rows() if role == "state" and en == state if (r := published_whole(f"{kazakh} {' '.join(words)}", "place"))), None)
    if whole:
        return whole.english  # the table's whole name (Конго Республикасы Republic of the Congo)
    if re.search(rf"\b{re.escape(state)}\b", name):
        return name  # the country's English name is the state's (Чехия Республикасы Czech Republic)
    return f"{state} of the {name}" if _THE_STATE.search(name) else f"{state} of {name}"


def _state_name(text: str, exceptions: bool, names: Names = ()) -> tuple[str, bool] | None:
    """A state's official name, its state word (``_body_words``' role "state") after a country's
    name of one word or one with a rendering (``_state_english``: Қазақстан Республикасы Republic
    of Kazakhstan, Оман Сұлтандығы Sultanate of Oman, Қырғыз Республикасы Kyrgyz Republic); None
    for any other place, and where an adjective stands between (Иран Ислам Республикасы)."""
    m = _STATE.fullmatch(text)
    if not m or not m.group(1)[:1].isupper():
        return None
    if " " in m.group(1) and not (_known(m.group(1), names) or (exceptions and _published(m.group(1).casefold(), "place"))):
        return None  # Қытай Халық Республикасы, Иран Ислам Республикасы: the People's, the Islamic Republic
    hit = _body_words()[0].get((m.group(2).casefold(),))
    if not hit or hit[1] != "state":
        return None
    name, used = _romanize(m.group(1), exceptions, "place", names)
    return _state_english(hit[0], m.group(1), name), used


def _spaced(source: str, spelt: tuple[str, bool]) -> tuple[str, bool]:
    """``spelt`` with the spaces around ``source`` kept: a part of a name spelt on its own (a body's
    words after a name of the table: әл-Фараби | атындағы Қазақ ұлттық университеті) is stripped."""
    english, used = spelt
    if not english:
        return spelt
    lead = source[: len(source) - len(source.lstrip())]
    trail = source[len(source.rstrip()) :]
    return lead + english.strip() + trail, used


_INITIAL = re.compile(r"(?<![A-Za-z])([A-Z][a-z]?\.)(?=[A-Z][a-z]{2,})")


# Numbered military units and formations, names in news and histories: a unit's number after
# "military unit" in English (55 / 12 әскери бөлімі Military Unit 55/12, № 5512 әскери бөлімі, 52
# нөмірлі әскери бөлім Military Unit 52: a number with a slash, after № or нөмірі, before нөмірлі
# "numbered", or of four digits, as 5 әскери бөлім is five units), a formation's ordinal before its
# words (316-атқыштар дивизиясы 316th Rifle Division, 101-інші атқыштар бригадасы 101st Rifle
# Brigade, 22-ші армия 22nd Army, as English Wikipedia titles the Red Army's formations). Between the
# number and the formation only the body-words table's words (атқыштар Rifle, гвардиялық Guards,
# танк Tank): not a year's, a date's or a count's (2015-жылы армияға, 1-мамырда дивизияға, 20-дан
# астам полк). A numbered school's or hospital's is no name of its own in KazNERD (2-нші мектеп:
# School No. 2).
MILITARY_FORMATIONS = ("бригада", "дивизия", "полк", "корпус", "батальон", "армия")
# (a corps is a building's block too, 3-корпусы: a formation only after one of the table's words, танк корпусы)
_BUILDINGS_TOO = frozenset({"корпус"})
_SP = r"[ \u00a0]"
_UNIT = re.compile(
    rf"(?<![\d/])(?:(?:нөмірі|№){_SP}*)?(\d+{_SP}*/{_SP}*\d+|(?<=№){_SP}*\d+|(?<=нөмірі){_SP}*\d+|\d{{4,}}|\d+(?={_SP}+нөмірлі))"
    rf"{_SP}+(?:нөмірлі{_SP}+)?әскери{_SP}+бөлім([^\W\d_]*)",
    re.IGNORECASE,
)
_ORDINAL_LEAD = re.compile(rf"(?<![\d/-])(\d+)-(?:{DIGIT_ORDINAL}{_SP}+)?(?=[^\W\d_])", re.IGNORECASE)
# what may follow a unit's head: its possessive, a case (after the possessive too: дивизиясын,
# бөлімінде), the attributive (армиядағы); not a plural nor a derived word (армиялар, армиялық)
_CASE_FORMS = sorted({f for case in CASES.values() for pair in case.values() for f in pair} | {f for pair in CASES_AFTER_P3.values() for f in pair}, key=len, reverse=True)
_POSSESSIVE = r"(?:с[ыі]|[ыі])"  # the 3rd person's possessive (дивизиясы, полкі)
_UNIT_TAIL = re.compile(rf"{_POSSESSIVE}?(?:{'|'.join(_CASE_FORMS)})?(?:{'|'.join(ATTRIBUTIVE)})?")
_NEXT = re.compile(rf"([^\W\d_]+(?:-[^\W\d_]+)*)({_SP}+)?")


def _formation(word: str) -> str | None:
    """The formation ``word`` names in a case or possessive form (дивизиясының: дивизия), or None
    (армиялар: plural; армиялық, полковник: other words)."""
    low = word.casefold()
    head = next((f for f in MILITARY_FORMATIONS if low.startswith(f)), None)
    tail = low[len(head) :] if head else ""
    if head is None or not _UNIT_TAIL.fullmatch(tail):
        return None
    return head


@lru_cache(maxsize=1)
def _formation_words() -> frozenset[str]:
    """The body-words table's words of one word (атқыштар, гвардиялық, танк: a formation's)."""
    return frozenset(k[0] for k, (_en, role) in _body_words()[0].items() if role == "word" and len(k) == 1)


_POSSESSIVE_LEAD = re.compile(rf"{_POSSESSIVE}(?=(?:н|д|т|м|б|п|ғ|г|қ|к|а|е|$))")


def _unit_base(text: str, start: int, head_end: int, end: int) -> str:
    """The unit's name from ``start`` to ``end`` without the case ending after its head (which ends
    at ``head_end``): its possessive kept (полкінің: полкі, бөлімінде: бөлімі, армияға: армия)."""
    possessive = _POSSESSIVE_LEAD.match(text[head_end:end].casefold())
    return text[start : head_end + (possessive.end() if possessive else 0)]


def numbered_units(text: str) -> list[tuple[int, int, str]]:
    """The numbered military units and formations in Kazakh ``text`` (``_UNIT`` and a formation of
    ``MILITARY_FORMATIONS`` after an ordinal, ``_ORDINAL_LEAD``): (start, end,
    the name without its case ending: 1073-атқыштар полкі for 1073-атқыштар полкінің)."""
    found = []
    for m in _UNIT.finditer(text):
        if _UNIT_TAIL.fullmatch(m.group(2).casefold()):
            found.append((m.start(), m.end(), _unit_base(text, m.start(), m.start(2), m.end())))
    for lead in _ORDINAL_LEAD.finditer(text):
        pos, qualified = lead.end(), False
        for _ in range(4):
            word = _NEXT.match(text, pos)
            if not word:
                break
            head = _formation(word.group(1))
            after = _NEXT.match(text, word.end()) if word.group(2) else None
            # a formation's word before another's is its qualifier (2-ші армия корпусы Army Corps)
            if head and not (after and word.group(1).casefold() == head and _formation(after.group(1))):
                if qualified or head not in _BUILDINGS_TOO:
                    found.append((lead.start(), word.end(1), _unit_base(text, lead.start(), word.start(1) + len(head), word.end(1))))
                break
            if not (head or word.group(1).casefold() in _formation_words()) or not word.group(2):
                break
            pos, qualified = word.end(), True
    return sorted(found)


def _numbered_unit(text: str, exceptions: bool, names: Names) -> str | None:
    """A numbered military unit's or formation's English name (see ``numbered_units``), or None."""
    if text.isupper():
        lower = _numbered_unit(text.lower(), exceptions, names)
        return lower.upper() if lower else None
    text = text.strip()
    if [(a, b) for a, b, _base in numbered_units(text)] != [(0, len(text))]:
        return None
    unit = _UNIT.fullmatch(text)
    if unit:
        return "Military Unit " + re.sub(_SP, "", unit.group(1))
    lead = _ORDINAL_LEAD.match(text)
    rest = text[lead.end() :]
    head = _body_words()[0].get(tuple(rest.casefold().split()))  # a head alone (22-ші армиясы 22nd Army, армия корпусы)
    rest = head[0] if head and head[1] == "head" else _body_name(rest, exceptions, names)
    return f"{_en_ordinal(int(lead.group(1)))} {rest}" if rest else None


def _en_ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


@lru_cache(maxsize=16384)
def _romanize(text: str, exceptions: bool = True, kind: str = "", names: Names = ()) -> tuple[str, bool]:
    # a work's, a programme's or an event's name: spelt as any name, its words capitalised as a
    # body's are («Нұрлы жол» Nurly Zhol, «Рухани жаңғыру» Rukhani Zhangyru)
    # a place's too: English capitalises every word of it (Жібек жолы Zhibek Zholy)
    proper = kind in ("organisation", "name", "place")
    kind = "" if kind == "name" else kind
    known = _known(text, names)
    if known:
        return known, False
    # a multiword name the table has whole is its row before any rule reads its words (Батыс Түрік
    # қағанаты Western Turkic Khaganate, not a compass word before a khaganate; Бұхар әмірлігі
    # Emirate of Bukhara, not a state's word after a city)
    whole = published_whole(text, kind) if exceptions and " " in text.strip() else None
    if whole:
        return (_cased(text.split()[-1], whole.english) if text.isupper() else whole.english), True
    if kind == "organisation":
        unit = _numbered_unit(text, exceptions, names)
        if unit:
            return unit, False
        body = _body_name(text, exceptions, names)
        if body:
            return body, False
    if kind == "place":
        state = _state_name(text, exceptions, names)
        if state:
            return state
    low = text.casefold()
    # a place's generic word (Ақтөбе облысы Aktobe Region, Балқаш көлі Lake Balkhash), after a name
    # of the table's too (Хан Тәңірі шыңы Khan Tengri Peak); a name the table has with its word is
    # its own (Есіл өзені Ishim River, Жоғарғы Есіл өзені)
    head = _HEAD.fullmatch(text)
    # (the case ending of a generic word English writes goes: English has no case endings, Ақтөбе
    # облысында Aktobe Region, not Regionnda)
    if head and head.group(3) and not _ending_ok(head.group(2).split()[-1].casefold(), head.group(3).casefold()):
        head = None
    name_words = head.group(1).split() if head else []
    # (its name may end in a title after a person's name: Райымбек батыр кесенесі, Домалақ ана)
    named = bool(name_words) and (name_words[-1][:1].isupper() or (name_words[-1] in TITLES and name_words[0][:1].isupper()))
    if head and head.group(2).islower() and named:
        words = f"{head.group(1)} {head.group(2)}".casefold().split()  # without its ending
        if not (exceptions and any(" ".join(words[i:]) in EXCEPTIONS for i in range(len(words) - 1))):
            # a street, an avenue, a park, an airport is often named after a person (Қасым-Жомарт
            # Тоқаев көшесі Kassym-Jomart Tokayev Street); the others after a place
            generic = head.group(2).casefold()
            name, used = _romanize(head.group(1), exceptions, "" if generic in _STREET_WORDS else "place", names)
            english, first = _PLACE_HEADS[generic]
            if not english or (used and generic == "таулары" and name.endswith("s")):
                # a range English knows by a plural name of its own is that name (Альпі таулары the Alps)
                return name, used
            return (f"{english} {name}" if first else f"{name} {english}"), used
    # a place named after a saint, "father X", is one hyphenated word in English (Қошқар ата Koshkar-Ata,
    # Бекет ата Beket-Ata, Қараман ата Karaman-Ata: English Wikipedia's and the sites' pages), not the
    # saint's name and title (Ибраһим ата кесенесі Ibrahim Ata Mausoleum)
    saint = _SAINT_PLACE.fullmatch(text) if kind == "place" else None
    if saint:
        name, used = _romanize(saint.group(1), exceptions, kind, names)
        return f"{name}-Ata", used
    # two compass words "and" before a name, one name (Солтүстік және Оңтүстік Корея North and South
    # Korea, Орталық және Шығыс Азия Central and East Asia): the first as English writes the second
    pair = _COMPASS_PAIR_RX.match(text) if kind in ("place", "") else None
    if pair:
        rest, used = _romanize(text[pair.end() :], exceptions, kind, names)
        forms = _COMPASS[pair.group(1).casefold()]
        second = _COMPASS[pair.group(2).casefold()]
        form = next((i for i in (1, 0) if rest.split(" ")[0] == second[i]), None)
        if form is not None:
            return f"{forms[form]} and {rest}", used
    # a place's epithet before a country's name, in a case or not (Ежелгі Мысыр Ancient Egypt; a
    # city is ancient Taraz, itself the name)
    epithet = _EPITHET_RX.match(text) if kind in ("place", "") and exceptions else None
    rest = text[epithet.end() :].casefold() if epithet else ""
    if epithet and any(rest[:k] in TERRITORIES and (k == len(rest) or _case_ending(rest[:k], rest[k:])) for k in range(len(rest), 2, -1)):
        name, used = _romanize(text[epithet.end() :], exceptions, "place", names)
        english = PLACE_EPITHETS[epithet.group(1).casefold()]
        return f"{english.upper() if epithet.group(1).isupper() else english} {name}", used
    # a compass word opening a place's name (Оңтүстік Корея South Korea, Шығыс Еуропа Eastern Europe)
    # (a place's, or a name of no stated kind where the table says the rest is a place's: Солтүстік Ирландия)
    compass = _COMPASS_RX.match(text) if kind in ("place", "") else None
    rest = text[compass.end() :] if compass else ""
    row = _published(rest.casefold(), kind) if compass and exceptions else None
    folded_text = text.casefold()
    if compass and exceptions and any(
        folded_text[:k] in EXCEPTIONS and _case_ending(folded_text[:k], folded_text[k:]) for k in range(len(folded_text) - 1, compass.end(), -1)
    ):
        compass = None  # the table's whole name in a case (Оңтүстік Кореяда South Korea): read below
    if compass and exceptions and row is None:
        # ... the rest in a case (Оңтүстік Италияда, Солтүстік Ирландияның): the name without it
        bare = next((k for k in range(len(rest) - 1, 2, -1) if _case_ending(rest[:k].casefold(), rest[k:].casefold()) and _published(rest[:k].casefold(), kind)), 0)
        if bare:
            rest, row = rest[:bare], _published(rest[:bare].casefold(), kind)
    if compass and kind == "" and not (row and row.kind in ("place", "")):
        compass = None
    if compass and (_known(rest, names) or row):
        # the rest a name with a rendering of its own (Қазақстан; a caller's: Еуропа Europe); not
        # common words or a name spelt by rule (Орталық Стадион, Оңтүстік Осетияда: no half-translation)
        name, used = _romanize(rest, exceptions, kind, names)
        en, adjective = _COMPASS[compass.group(1).casefold()]
        # a country's part takes the adjective (Southern Italy, Northern Syria: a state named with its
        # compass word is a name of its own, the glossary's or the table's: South Korea, West Germany)
        # (the glossary's row: Kazakhstan's parts are its regions' names, North Kazakhstan)
        country = row is not None and row.source == TERRITORY_SOURCE
        return f"{adjective if country or name.split(' ')[0] in COMPASS_ADJECTIVAL else en} {name}", used
    # a foreign place's last English word apart, as English writes it (Уолл-стрит Wall Street,
    # Гранд Каньонға Grand Canyon: a place's case ending goes; Нью-Йорк Сити New York City, the
    # table's place then the word, which a name ending in it already has: Мехико-Сити Mexico City),
    # unless the table has the whole name (Род-Айленд Rhode Island); a facility's too (spelt as a
    # body's), and a surname after an English given name (Пол Хиллс Paul Hills; Иван Бич is Bich)
    # (a name of a few words only: the branch recurses on the words before the last)
    ender = _ENDER_RX.fullmatch(text) if len(_PARTS.findall(text)) <= _MOST_PARTS else None
    first = ender.group(1).split()[0] if ender else ""
    if ender and kind == "person" and first.casefold() not in _FROM_FOREIGN and (_given(first.casefold()) or fold_kk(first) in folded_given_names()):
        ender = None
    if ender and ender.group(1)[:1].isupper():
        word = (ender.group(2) or ender.group(3)).casefold()
        whole = text[: ender.start(4)].casefold()
        if (not ender.group(4) or _case_ending(word, ender.group(4).casefold())) and not (exceptions and (_published(whole, kind) or _published(whole, "place"))):
            name, used = _romanize(ender.group(1), exceptions, "place", names)
            english = PLACE_ENDERS[word]
            english = english.upper() if text.isupper() else english
            return (name if name.casefold().endswith(" " + english.casefold()) else f"{name} {english}"), used
    # hyphenated and multiword names of the table first (Қасым-Жомарт, Солтүстік Қазақстан облысы)
    for m in _MULTI_RX.finditer(low) if exceptions and _MULTI_RX else ():
        rest = m.group("rest")
        key = m.group()[: len(m.group()) - len(rest)]
        hit = _published(key, kind)
        if hit and (not rest or _ending_ok(re.split(r"[ -]", key)[-1], rest)):
            i, j = m.start(), m.end()
            before = _spaced(text[:i], _romanize(text[:i], exceptions, kind))
            after = _spaced(text[j:], _romanize(text[j:], exceptions, kind))
            spelled = _cased(text[i:j].split()[-1], hit.english) if text[i:j].isupper() else hit.english
            last = re.split(r"[ -]", key)[-1]
            # (the case ending of a generic word English writes goes, as above)
            if rest and _place_row(hit) and last not in _TRANSLATED_LAST and not _case_ending(key, rest):
                continue  # a place's name with an ending other than a case's: spelt by rule (see _table)
            translated = last in _TRANSLATED_LAST or _place_row(hit)
            ending = "" if translated and _ending_ok(last, rest) else _tail(low[i:j], len(key), kind == "place")
            # published as a whole only where the words around it are too, or there are none; a
            # person's wherever one word is (Тоқаев Қасым-Жомарт Кемелұлы)
            whole = kind == "person" or all(used or not _CYR_RUN.search(part) for part, (_, used) in ((text[:i], before), (text[j:], after)))
            if hit.source == TERRITORY_SOURCE and not whole:
                # a country of the glossary before a ministry's or an akimat's name owns it, last
                # in English (Біріккен Араб Әмірліктерінің Сыртқы істер министрлігі Ministry of
                # Foreign Affairs of the United Arab Emirates); among words spelt, it is spelt too
                if kind == "organisation" and not text[:i].strip() and after[0].strip().split(" ")[0] in _of_heads():
                    return f"{after[0].strip()} of {'the ' if _THE_STATE.search(spelled) else ''}{spelled}", True
                continue
            return before[0] + spelled + ending + after[0], whole
    # a foreign place's first word apart, in English (Санта-Клара Santa Clara): hyphened, or with a
    # space where the word is no Kazakh one too (Сан is also "number"); the table's row written
    # with a space too (Нью Мехико New Mexico)
    opener = _OPENER_RX.match(text) if kind in ("place", "") else None
    if opener and (opener.group(2) == "-" or kind == "place" or opener.group(1).casefold() != "сан"):
        row = _published(f"{opener.group(1)}-{text[opener.end() :]}".casefold(), kind) if exceptions else None
        if row:
            return row.english, True
        # (the rest is no name of its own: not a caller's Мексика inside Нью Мексика)
        name, used = _romanize(text[opener.end() :], exceptions, "place")
        first = PLACE_OPENERS[opener.group(1).casefold()]
        return f"{first.upper() if text[: opener.end(1)].isupper() else first} {name}", used
    # published where every word is, or, for a person, any word is (the table names the bearer,
    # whichever word stands first: Дінмұхамед Қонаев, Тоқаев Қасым-Жомарт Кемелұлы); not where a
    # place's name opens a body's spelt by rule (Орал трансформатор зауыты: Oral is published, the
    # rest is the rules')
    # a place's name and its case ending after a hyphen (АҚШ-тың, РФ-да): the ending goes, as a
    # place's does (see _table)
    hyphened = _HYPHENED_ENDING.fullmatch(text)
    if hyphened and exceptions:
        row = _published(hyphened.group(1).casefold(), kind)
        if row and _place_row(row) and _case_ending(hyphened.group(1).casefold(), hyphened.group(2), any_class=True):
            return row.english, True
    # every word the table's (Ресей-Украина Russia-Ukraine): the glossary's countries too; else they
    # are spelt with the rest (see TERRITORY_SOURCE)
    spelt = _spelt_words(text, exceptions, kind, proper, True)
    if not spelt[1] and kind != "person":
        spelt = _spelt_words(text, exceptions, kind, proper, False)
    return spelt


# Given names whose one Cyrillic spelling stands for two names (Хуан: the Spanish Juan and the Chinese
# Huang): the foreign list's only before a name that list has (Хуан Карлос Juan Carlos, Хуан Гарсия;
# not before its Chinese names, Хуан Си).
_SHARED_GIVEN = {"хуан": "Juan"}
_NEXT_WORD = re.compile(r"[ \u00a0]+(\w+)")  # the word right after


def _spelt_words(text: str, exceptions: bool, kind: str, proper: bool, territories: bool) -> tuple[str, bool]:
    """``text`` spelt word by word, and whether the table gave every word (for a person, any)."""
    used, spelt_words, any_exc = True, 0, False
    parts = []
    pos = 0
    for m in _CYR_RUN.finditer(text):
        parts.append(text[pos : m.start()])
        prev = _PREV_WORD.search(text, max(0, m.start() - _LONGEST_WORD), m.start())  # (bounded: linear on long text)
        after_name = bool(prev) and prev.group(1)[:1].isupper()
        if m.group() == "бен" and after_name and kind != "person" and prev.group(1)[-1:].casefold() in ("ж", "з") and not _ARABIC_GOES_ON.match(text, m.end()):
            # Тараз бен Шымкент: бен after ж, з is Kazakh's "and" (not in one person's name, nor where the
            # name goes on as an Arabic one: Абдулазиз бен Салман Әл Сауд)
            after_name = False
        spelled, exc = _word(m.group(), exceptions, kind, after_name, territories)
        shared = _SHARED_GIVEN.get(m.group().casefold())
        if shared and kind in ("person", "") and (following := _NEXT_WORD.match(text, m.end())) and _given(following.group(1).casefold(), (_FROM_FOREIGN, _SPANISH_ONE_WAY)) and following.group(1).casefold() not in _CHINESE_NAMES:
            spelled = _cased(m.group(), shared)  # Хуан Карлос Juan Carlos (Хуан Цзинь, Хуан Си: Khuan, by rule)
        if proper and spelled[:1].islower() and m.group().casefold() not in _LOWER_IN_NAMES and not text[: m.start()].endswith(("-", ".")):
            # a body's name spelt word by word is a proper name in English, every word capitalised
            # (Ақ жол Ak Zhol, Қазақстан темір жолы Kazakhstan Temir Zholy)
            spelled = spelled[:1].upper() + spelled[1:]
        used, spelt_words, any_exc = used and exc, spelt_words + 1, any_exc or exc
        parts.append(spelled)
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), spelt_words > 0 and (used or (kind == "person" and any_exc))


# Words a body's name spelt word by word keeps in lower case: "and", "with", "named after", "for",
# "on", "attached to", "about"; and an ending after a hyphen (ҚР-дың KR-dyn), a domain after a dot
# (Жерұйық.кз Zheruik.kz).
_LOWER_IN_NAMES = frozenset([*AND_WORDS, "атындағы", "бойынша", "жөніндегі", "жанындағы", "үшін", "туралы"]) | (
    # and the particles of foreign names, as their languages write them (Шарль де Голль Charles de
    # Gaulle, фон Браун, ван Гог, ибн Сина)
    frozenset(EUROPEAN_PARTICLES) | frozenset(ARABIC_PARTICLES) | frozenset(["эль", "аль"])
)


def romanize(text: str, *, kind: str = "", exceptions: bool = True, names: Mapping[str, str] | None = None) -> str:
    """``text`` with every Kazakh Cyrillic word spelt as English texts spell Kazakh names.

    Other characters are kept (spaces, hyphens, digits, Latin letters). Capitals follow the source:
    Тоқаев → Tokayev, ТОҚАЕВ → TOKAYEV, ҚазМұнайГаз → KazMunayGaz; a body's name spelt word by word
    takes a capital on every word, as English writes proper names (Ақ жол → Ak Zhol). Meant for names; common words come out transliterated, but
    ``kind="organisation"`` gives a body's name in English where the table knows all its common
    words (Қорғаныс министрлігі → Ministry of Defence; ``_body_name``), and ``kind="facility"`` a
    facility's the same way (Абай даңғылы → Abai Avenue).
    ``kind="place"`` spells a place name as the geographic boards do (Сайрам Sayram, not Sairam);
    ``kind="name"`` (a work's, a programme's, an event's) capitalises its words (Нұрлы жол Nurly Zhol);
    ``exceptions=False`` applies the rules alone (to measure them). ``names`` maps names inside
    ``text`` to renderings the caller has (a glossary's): a body's names, a place's name after its
    compass word (Жаңа Зеландия полициясы New Zealand Police, Шығыс Еуропа Eastern Europe).
    """
    if not isinstance(text, str):
        raise UsageError(f"romanize() takes text (str), not {type(text).__name__}.")
    if kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r} for romanize(); use {choices(KINDS[1:])} or leave it out.")
    spelt_as, known = _spelt_as(kind), _names(names)
    return "".join(_romanize(piece, exceptions, spelt_as, known)[0] for piece in _pieces(text))


# A text longer than a name is spelt a sentence at a time (a name has no sentence's end inside it), a
# sentence longer still a run of words at a time: the name readers look at the whole of what they are
# given, some recursively, so a long text would take quadratic time and Python's recursion limit.
_LONG_TEXT = 2000
_SENTENCE_END = re.compile(r"(?<=[.!?;\n])\s+")


def _pieces(text: str) -> list[str]:
    """``text`` cut into pieces of at most ``_LONG_TEXT`` characters where it is longer (see above)."""
    if len(text) <= _LONG_TEXT:
        return [text]
    pieces, start = [], 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        while end - start > _LONG_TEXT:
            cut = text.rfind(" ", start + 1, start + _LONG_TEXT) + 1 or start + _LONG_TEXT
            pieces.append(text[start:cut])
            start = cut
        if end > start:
            pieces.append(text[start:end])
        start = end
    return pieces



def propose_latin(name: str, kind: str = "", names: Mapping[str, str] | None = None) -> Proposal:
    """``romanize(name, kind=kind, names=names)`` with how it was reached: an exception, the rules,
    or ``names`` (``"glossary"``: the rendering differs from the one without them)."""
    kind = _spelt_as(kind)
    text, exc = _romanize(name, True, kind, _names(names))
    if names:
        alone, exc = _romanize(name, True, kind)  # the same without them: theirs add nothing
        if text != alone:
            return Proposal(text=text, source=name, by="glossary")
    return Proposal(text=text, source=name, by="exception" if exc else "rules")


# --- English spelling → Kazakh Cyrillic ------------------------------------------------------

# English spelling → Cyrillic, as Kazakh (following Russian practice) writes English names: the
# practical transcription in Д. И. Ермолович, «Имена собственные: теория и практика межъязыковой
# передачи» (2005), simplified to spelling rules. Longest match first; ``C`` is one consonant
# letter, ``$`` the end of the word. (regex on the lower-case word, Cyrillic).
_EC = "bcdfghjklmnpqrstvwxz"
# The second parts of English compound names, after which a first part's e is silent (Wakefield,
# Whitehall, Firestone, Jameson, Lakewood, Pipeline, Milestone).
_EN_SECOND_PARTS = "(?:field|hall|stone|wood|son|line|ford|man|more|head|land|ton|ville|worth|way|well|house|smith|side)"
EN_RULES: tuple[tuple[str, str], ...] = (
    # a final -tion after a vowel as English says it (Foundation Фаундейшн, Constitution Конститушн:
    # the practical transcription's -шн; not Question, Bastion); sc before e, i is с (Science); gu
    # before e, i is г (Guinness Гиннесс; not after n: Penguin Пенгуин)
    ("ation$", "ейшн"), (r"(?<=[aeiou])tion$", "шн"), (r"sc(?=[eiy])", "с"), (r"(?<!n)gu(?=[ei])", "г"),
    ("tch", "ч"), ("sch", "ш"), ("sh", "ш"), ("ch", "ч"), ("ck", "к"), ("ph", "ф"), ("th", "т"),
    ("kh", "х"), ("zh", "ж"), ("qu", "кв"), ("wh", "у"), ("ee", "и"), ("ea", "и"), ("oo", "у"),
    ("ou", "ау"), ("ai", "ей"), ("ay", "ей"), ("ey$", "и"), ("ey", "ей"), ("oy", "ой"),
    # a, i before one consonant and a vowel e of the last syllable, or of a compound's first part:
    # their long sound (Baker Бейкер, Biden Байден, Kate Кейт, Mike Майк, Wakefield, Whitehall; not
    # Alex Алекс, Palermo Палермо, Liberal Либерал); an i opening the word, before any (Iverson
    # Айверсон, Irene); u before any (Luke Люк, UNESCO ЮНЕСКО); a final e and the e of a final -es
    # are silent (James Джеймс).
    *((rf"{v}(?=[{_EC}]e(?:(?:[rsdnlty]|rs|st|ss)?$|{_EN_SECOND_PARTS}))", kk) for v, kk in (("a", "ей"), ("i", "ай"))),
    (rf"^i(?=[{_EC}]e)", "ай"), (rf"u(?=[{_EC}]e)", "ю"),
    # y so too, as a word's first vowel before a final e, -er, -es, -ed, -el (Skype Скайп, Kyle
    # Кайл, Tyler Тайлер, Styles Стайлс; not Polynesia, Lysenko Лисенко)
    (rf"(?:(?<=^[{_EC}])|(?<=^[{_EC}]{{2}})|(?<=^[{_EC}]{{3}}))y(?=[{_EC}]e[rsdl]?$)", "ай"),
    (r"(?<=[a-z])e$", ""), (r"(?<=[a-z][" + _EC + r"])e(?=s$)", ""),
    # u in a closed syllable is the a of "but" (Trump Трамп, Hunter Хантер, Sullivan Салливан)
    (rf"u(?=[{_EC}](?:[{_EC}]|$))", "а"), (rf"u(?=[{_EC}]$)", "а"),
    # y: a consonant before a vowel, else и; e at the start is э (Edward Эдвард)
    (r"^y(?=[aeiou])", "й"), ("y", "и"), (r"^e", "э"),
    # c is с before e i y, else к; h is х before a vowel, else silent (John Джон)
    (r"c(?=[eiy])", "с"), ("c", "к"), (r"^h", "х"), (r"h(?=[aeiouy])", "х"), ("h", ""),
    ("j", "дж"), ("x", "кс"), ("w", "у"), ("q", "к"),
    ("a", "а"), ("b", "б"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("i", "и"), ("k", "к"),
    ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
    ("u", "у"), ("v", "в"), ("z", "з"),
)
_EN_RULES = tuple((re.compile(rx), out) for rx, out in EN_RULES)

# Foreign names whose Kazakh spelling no rule gives (lower-case English → Kazakh): ``FOREIGN_NAMES``.
EN_EXCEPTIONS: dict[str, str] = (
    # (one way: Фернандес and Перес stand for two names each, Fernandes and Fernandez, Peres and
    # Perez, so FOREIGN_NAMES lacks them)
    {"bush": "Буш"}
    | {en.casefold(): kk.capitalize() for kk, en in _SPANISH_ONE_WAY.items()}
    | {en.casefold(): kk.capitalize() for kk, en in _SHARED_GIVEN.items()}
    | {en.casefold(): kk for en, kk in FOREIGN_NAMES.items()}
)

_LATIN_RUN = re.compile(r"[A-Za-z]+")
_HYPHENATED = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@lru_cache(maxsize=4)
def _published_kazakh(person: bool = False, territories: bool = True) -> dict[str, str]:
    """The exceptions table read the other way: a published English spelling of a Kazakh name ->
    its Kazakh (Tokayev Тоқаев, Kassym-Jomart Қасым-Жомарт), from a one-word row or a person's
    words in order (not Lake Balkhash, whose words English reorders); where rows differ, the
    table's first (Kasymov Қасымов, not Kenesary Kasymov's Қасымұлы; Cologne Кёльн, not Кельн).
    With ``person``, people's rows and rows of no kind only (Florence Nightingale: no Флоренция);
    without ``territories``, not the glossary's countries (``TERRITORY_SOURCE``)."""
    seen: dict[str, str] = {}
    for rows in EXCEPTIONS.values():
        for row in rows:
            if (person and row.kind not in ("person", "")) or (not territories and row.source == TERRITORY_SOURCE):
                continue
            kazakh, english = row.kazakh.split(), row.english.split()
            if len(kazakh) == len(english) and (len(kazakh) == 1 or row.kind == "person"):
                for k, e in zip(kazakh, english):
                    seen.setdefault(e.casefold(), k)
    return seen


@lru_cache(maxsize=1)
def _published_places() -> frozenset[str]:
    """Published spellings of one-word rows of four letters or more (Almaty, Karaganda, Shymkent):
    read back into Kazakh wherever they stand in a name that is no person's, as a name of their own
    (not Chu, Ili: English too)."""
    return frozenset(
        row.english.casefold() for rows in EXCEPTIONS.values() for row in rows if " " not in row.english and len(row.english) > 3
    )


@lru_cache(maxsize=1)
def _published_wholes() -> dict[str, str]:
    """Places' and any kind's rows of several English words, read back whole (New York Нью-Йорк,
    Los Angeles Лос-Анджелес, Trans-Ili Alatau Іле Алатауы, African Union Африка Одағы):
    case-folded English -> Kazakh, the first row's."""
    return _published_places_en(True)


# A Kazakh (or Russian) name as English texts spell it, back to Kazakh Cyrillic: the inverse of the
# press romanization above (LETTERS, CONTEXT: zh ж, kh х, sh ш, ye е, y ы), longest match first.
# English spelling merges Kazakh letters: k, g are қ, ғ in a syllable of a back vowel (a o u y: the
# vowel after them, or before them where a consonant follows: Tokayev Тоқаев, Akmaral Ақмарал,
# Bekzat Бекзат), else к, г; u is ұ before a back vowel's syllable, ү before a front one, у next to
# a vowel (Kuanysh Қуаныш, Maulen Маулен); i is і in a word of front vowels only (Serik Серік). ә
# and ө are not told apart from а and о: a proposal to check. Given names of
# data/given-names-kk.txt are spelt as that list writes them (Kairat Қайрат), and mark the name.
KAZAKH_FROM_LATIN: tuple[tuple[str, str], ...] = (
    (r"shch", "щ"), (r"zh", "ж"), (r"kh", "х"), (r"sh", "ш"), (r"ch", "ч"), (r"ts", "ц"),
    (r"iyeva$", "иева"), (r"iyev$", "иев"), (r"ya", "я"), (r"yu", "ю"), (r"yo", "ё"),
    (r"(?:^|(?<=[aeiouy]))ye", "е"), (r"(?<=[aeio])[iy](?![aeiou])", "й"), (r"y", "ы"),
    (r"j", "ж"), (r"q", "қ"), (r"w", "у"), (r"x", "кс"), (r"c", "к"), (r"h", "х"),
    (r"a", "а"), (r"b", "б"), (r"v", "в"), (r"d", "д"), (r"e", "е"), (r"z", "з"), (r"i", "и"),
    (r"l", "л"), (r"m", "м"), (r"n", "н"), (r"o", "о"), (r"p", "п"), (r"r", "р"), (r"s", "с"),
    (r"t", "т"), (r"f", "ф"),
)
_KAZAKH_FROM_LATIN = tuple((re.compile(rx), out) for rx, out in KAZAKH_FROM_LATIN)
# What marks a name spelt from Kazakh or Russian: zh, kh, a Kazakh or Russian surname's or given
# name's ending, Ye before a consonant (Yerlan): then every word of the name is read so.
_KAZAKH_SPELT = re.compile(r"zh|kh|(?:ov|ev|ova|eva|uly|kyzy|bek|bay|bai|zhan|khan)$|^ye[^aeiouy]", re.IGNORECASE)
_BACK_VOWELS, _VOWELS = "aouy", "aeiouy"


def kazakh_spelt(word: str) -> bool:
    """``word`` (Latin letters) is spelt from Kazakh or Russian (``_KAZAKH_SPELT``: Zhumagaliyev,
    Yerlan, Baibek), not an English word."""
    return bool(_KAZAKH_SPELT.search(word))


_KAZAKH_LETTER = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@lru_cache(maxsize=1)
def given_from_latin() -> dict[str, str]:
    """A given name of data/given-names-kk.txt by its press spelling (``romanize``): Kairat Қайрат;
    a spelling two names share (Asel: Асел, Әсел) is left out."""
    seen: dict[str, set[str]] = {}
    for name in given_names():
        seen.setdefault(_romanize(name, True, "person")[0].casefold(), set()).add(name)
    return {latin: next(iter(names)) for latin, names in seen.items() if len(names) == 1}


def _kazakh_word(word: str) -> str:
    """``word``, a Kazakh name's press spelling, in Kazakh Cyrillic (``KAZAKH_FROM_LATIN``)."""
    low = word.lower()
    given = given_from_latin().get(low)
    if given:
        return given if word[:1].isupper() else given.lower()
    front_only = not any(x in _BACK_VOWELS for x in low.replace("ye", "e"))
    out, i = [], 0
    while i < len(low):
        c = low[i]
        if c in "kgu" and not (c == "k" and low[i : i + 2] == "kh"):
            nxt = low[i + 1 : i + 2]
            after = next((x for x in low[i + 1 :] if x in _VOWELS), "")
            before = next((x for x in reversed(low[:i]) if x in _VOWELS), "")
            # a consonant's syllable: the vowel after it, unless a consonant follows it
            vowel = after if (nxt in tuple(_VOWELS) and nxt) or not before else before
            back = vowel in _BACK_VOWELS if vowel else True
            if c == "u":
                near = (nxt and nxt in _VOWELS) or (i and low[i - 1] in _VOWELS)
                out.append("у" if near else ("ұ" if (after or before) in _BACK_VOWELS else "ү"))
            else:
                out.append({"k": "қк", "g": "ғг"}[c][0 if back else 1])
            i += 1
            continue
        if c == "i" and front_only and not (low[i + 1 : i + 2] and low[i + 1] in _VOWELS) and not (i and low[i - 1] in _VOWELS):
            out.append("і")  # Serik Серік, Berdibek Бердібек
            i += 1
            continue
        hit = _rule_at(_KAZAKH_FROM_LATIN, low, i)
        out.append(hit[0] if hit else low[i])
        i = hit[1] if hit else i + 1
    return _recase(word, "".join(out))


def _en_word(word: str, kazakh_names: bool = True, published: bool = True, person: bool = False, territories: bool = True) -> tuple[str, bool]:
    low = word.lower()
    if low in EN_EXCEPTIONS and word[:1].isupper():  # a name's word: young, price are no Янг, Прайс
        return EN_EXCEPTIONS[low], True
    # a name's word (capitalised; nice is no Ницца): the table's, in a name spelt from Kazakh, or a
    # place's in a name that is no person's (Florence Nightingale, Sydney Sweeney: spelt by sound)
    read = word[:1].isupper() and (kazakh_names or (published and not person and low in _published_places()))
    kazakh = _published_kazakh(person, territories).get(low) if read else None
    if kazakh:  # in a name spelt from Kazakh, a Kazakh name as published (Tokayev Тоқаев; not Erik Solheim)
        return kazakh, True
    out, i = [], 0
    while i < len(low):
        hit = _rule_at(_EN_RULES, low, i)
        out.append(hit[0] if hit else low[i])
        i = hit[1] if hit else i + 1
    # a word opening with the sound ей is written with э, as a foreign name's е is (Abe Эйб, Ayers Эйерс)
    return _recase(word, re.sub(r"^ей", "эй", "".join(out))), False


# English words of adjectives in an organisation's name (Supreme, World, National, Republican,
# Specialised): after them alone a Kazakh head takes its bare form (Жоғарғы сот, Дүниежүзілік банк,
# Республикалық партия), after a noun its possessive one (Қауіпсіздік кеңесі, Салық палатасы).
_EN_ADJECTIVE = re.compile(r"(?:al|ic|ive|an|ese|ish|ed|ary|ory|ern|ist)$|^(?:supreme|world|state|royal|higher|central|city|district)$")

# English spellings of one word of an organisation's name (Centre, Center), as the table writes it.
_EN_VARIANTS = {"centre": "center", "organisation": "organization", "theater": "theatre", "defense": "defence", "sport": "sports"}


@lru_cache(maxsize=1)
def _known_stems() -> frozenset[str]:
    """The last words of the body-words table's entries and the words Kazakh writes in lower case."""
    return frozenset(kazakh[-1] for kazakh, _en, _role in _body_rows()) | common_words()


def _bare(head: str) -> str:
    """A head's form without its possessive ending: ауруханасы аурухана, одағы одақ, мектебі мектеп;
    where the ending reads two ways, the stem the body-words table or lower-case Kazakh has
    (кеңесі кеңес, not кеңе + сі; a loanword's voiced consonant kept: клубы клуб, not клуп)."""
    stems = possessive_stems(head)
    written = (head[:-1],) if head.endswith(("ы", "і")) and len(head) > 3 else ()
    # (a loanword's double consonant, one before the possessive: конгресі конгресс)
    doubled = tuple(stem + stem[-1] for stem in stems if stem)
    return next((stem for stem in (*stems, *written, *doubled) if stem in _known_stems()), stems[0] if stems else head)


@lru_cache(maxsize=1)
def _body_words_en() -> tuple[dict[tuple[str, ...], dict[str, str]], int]:
    """The body-words table read the other way: (English words) -> {role: Kazakh}, the first
    Kazakh entry of a role (a word's and a head's: District аудандық before a head, ауданы last)."""
    table: dict[tuple[str, ...], dict[str, str]] = {}
    place_heads = {(kk,) for kk, _en, _first in PLACE_HEADS}
    for kazakh, (english, role) in _body_words()[0].items():
        if english and role not in ("named", "state"):
            roles = table.setdefault(tuple(_EN_VARIANTS.get(w, w) for w in english.casefold().split()), {})
            # a place's generic word ends a name (Medeu District Медеу ауданы)
            roles.setdefault("word" if role == "word" and kazakh not in place_heads else "head", " ".join(kazakh))
    return table, max(len(k) for k in table)


def _kazakh_place(name: str, names: Names = ()) -> str | None:
    """The Kazakh name of the place ``name`` (English) where the caller's names or the exceptions
    table have it whole (Russia Ресей, the Russian Federation Ресей Федерациясы); None otherwise."""
    folded = " ".join(w for w in name.casefold().split() if w != "the")
    kazakh = _known(folded, tuple((en.casefold(), kk) for kk, en in names)) if names else None
    return kazakh or _published_wholes().get(folded) or _published_places_en().get(folded)


@lru_cache(maxsize=2)
def _published_places_en(several: bool = False) -> dict[str, str]:
    """The table's places (and names of any kind) of one English word (with ``several``, of
    several), read back: case-folded English -> Kazakh, the first row's (Russia Ресей, Kazakhstan
    Қазақстан; the table's row for Georgia the country stands before the US state's)."""
    seen: dict[str, str] = {}
    for rows in EXCEPTIONS.values():  # the table's rows first, as _published_kazakh reads them
        for row in rows:
            if row.kind in ("place", "") and (" " in row.english) == several:
                seen.setdefault(row.english.casefold(), row.kazakh)
    return seen


@lru_cache(maxsize=1)
def _published_people() -> dict[str, str]:
    """The table's people's rows read back whole: case-folded English -> Kazakh, the first row's
    (Homer Гомер, Julius Caesar Юлий Цезарь, Tokayev Тоқаев)."""
    seen: dict[str, str] = {}
    for rows in EXCEPTIONS.values():
        for row in rows:
            # word for word (not Timur Әмір Темір, Jochi Жошы хан: a title or an epithet of the row's)
            if row.kind == "person" and len(row.english.split()) == len(row.kazakh.split()):
                seen.setdefault(row.english.casefold(), row.kazakh)
    return seen


# English's numbered units and formations (Military Unit 5512, the 316th Rifle Division): the
# formations' English is the body-words table's for MILITARY_FORMATIONS.
# (capitalised as a name is, or of the shapes only a unit's number has: military unit 3057, 55/12)
_EN_UNIT_NUMBER = re.compile(
    r"\b(?:(?:Military|MILITARY)[ \u00a0](?:Unit|UNIT)[ \u00a0](?:No\.[ \u00a0]?)?(\d+(?:/\d+)?)"
    r"|(?i:military[ \u00a0]unit[ \u00a0](?:No\.[ \u00a0]?)?)(\d{4,}|\d+/\d+))"
)
_EN_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _en_formation() -> re.Pattern:
    table = _body_words()[0]
    heads = sorted({table[(f,)][0] for f in MILITARY_FORMATIONS if (f,) in table})
    # (capitalised, as a name is: not the 2nd largest army, the company's 3rd division, a military unit 30 km away)
    return re.compile(
        rf"\b(?i:{_EN_ORDINAL.pattern})(?:[ \u00a0][A-Z][A-Za-z]+){{0,3}}[ \u00a0](?:{_capitalised(heads)})\b"
        rf"|{_EN_UNIT_NUMBER.pattern}"
    )


def numbered_units_en(text: str) -> list[tuple[int, int]]:
    """The spans of numbered military units and formations in English ``text`` (the 316th Rifle
    Division, Military Unit 5512): organisations' names, the number theirs."""
    return [m.span() for m in _en_formation().finditer(text)]


def _kazakh_body_name(name: str, names: Names = (), owned: bool = False) -> str | None:
    """An English organisation's name in Kazakh where the body-words table knows every word after
    a leading name, the last a head: Harvard University Гарвард университеті, World Health
    Organization Дүниежүзілік денсаулық сақтау ұйымы, Ministry of Defence Қорғаныс министрлігі,
    Royal Academy of Arts Корольдік өнер академиясы (the part after "of" before the head), a
    state's "of the Republic of" first (Қазақстан Республикасының ...); None otherwise (National
    Hurricane Center: a word it lacks between its words). ``owned``: the name of a body another
    owns, which Kazakh writes after the owner's genitive, its head possessed (министрлігінің
    Әскери институты), a unit's generic name in lower case (министрлігінің баспасөз қызметі)."""
    table, longest = _body_words_en()
    words = [w for w in name.split() if w.strip("-")]
    while words and words[0].casefold() == "the":
        words = words[1:]
    # a numbered military unit or formation (Military Unit 5512 5512 әскери бөлімі, 316th Rifle
    # Division 316-атқыштар дивизиясы: the ordinal's digits joined to the next word, as Kazakh writes it)
    unit = _EN_UNIT_NUMBER.fullmatch(" ".join(words))
    if unit:
        return f"{unit.group(1) or unit.group(2)} әскери бөлімі"
    ordinal = _EN_ORDINAL.fullmatch(words[0]) if words else None
    if ordinal and len(words) > 1:
        head = table.get((words[1].casefold(),), {}).get("head") if len(words) == 2 else None
        # a head alone is bare after the number (22nd Army 22-армия, 11th Corps 11-корпус; 316-атқыштар
        # дивизиясы is possessed): the bare form a row of the table has (корпусы: корпус, not корпу)
        kazakh = _body_words()[0]
        rows = {k for k, _en, _role in _body_rows()}
        rest = next((b for b in possessive_stems(head) if (b,) in rows), head) if head else _kazakh_body_name(" ".join(words[1:]), names)
        last = table.get((words[-1].casefold(),), {}).get("head")
        if not rest and last and len(words) > 2:
            # words the table lacks before the formation are names, spelt (101st Airborne Brigade
            # 101-Эйрборн бригадасы)
            rest = f"{_cyrillize(' '.join(words[1:-1]), '', True, names).text} {last}"
        if rest and (rest.split()[0].casefold(),) in kazakh:
            rest = rest[:1].lower() + rest[1:]  # a table word, lower case after the number (316-атқыштар)
        return f"{ordinal.group(1)}-{rest}" if rest else None
    folded = [w.casefold() for w in words]
    state = ""
    for k in range(len(folded) - 3):
        if folded[k : k + 4] == ["of", "the", "republic", "of"] and k + 4 < len(folded):
            rest = [w for w in words[k + 4 :] if w.casefold() != "the"]
            state, words, folded = f"{_cyrillize(' '.join(rest), '', True, names).text} Республикасының ", words[:k], folded[:k]
            break

    # a body "of the" body that owns it, read back as Kazakh writes it, the owner first in the
    # genitive (Press Service of the Ministry of Internal Affairs Ішкі істер министрлігінің
    # баспасөз қызметі; State Revenue Committee of the Ministry of Finance)
    for k in range(2, len(folded) - 1):
        if folded[k] != "of":
            continue
        after = k + 2 if folded[k + 1] == "the" else k + 1  # of the Ministry, of Stanford University
        # (without "the", only a name opens the owner: not School of Government, a field)
        # (or a place the table knows: of South Korea, whose South is the body table's too)
        place = _kazakh_place(" ".join(words[after:]), names) if after < len(folded) else None
        if after < len(folded) and (after == k + 2 or (folded[after],) not in _body_words_en()[0] or place):
            body, owner = _kazakh_body_name(" ".join(words[:k]), names, owned=True), _kazakh_body_name(" ".join(words[after:]), names)
            if body and owner:
                # a head alone owns in its bare form (Үкіметтің, not Үкіметінің)
                owner = owner if " " in owner else owner[:1] + _bare(owner.casefold())[1:]
                return f"{state}{inflect(owner, 'gen')} {body}"
            if body and place and not state and "of" in folded[1:k]:
                # a place the table knows owns a body with an "of" of its own, and comes first, as
                # after a body's one "of" below (Ministry of Foreign Affairs of Russia Ресей сыртқы
                # істер министрлігі; Supreme Court of Kazakhstan Қазақстан жоғарғы соты)
                return f"{place} {body[:1].lower()}{body[1:]}"
        break

    def part(ws: list[str], head: bool, spell: int = 0, opens: bool = False) -> tuple[list[str], list[str], str, int, int] | None:
        """(names, words, head, how many of ``ws`` the names are, how many the head is) of ``ws``
        in Kazakh, or None; the first ``spell`` words are a name's whatever the table has; with
        ``opens``, table words before a word it lacks open a name."""
        lowered = [w.casefold() for w in ws]
        if len(ws) > 2 and lowered[:2] == ["republic", "of"]:
            place = [w for w in ws[2:] if w.casefold() != "the"]
            return [f"{_cyrillize(' '.join(place), '', True, names).text} Республикасы"], [], "", len(ws), 0
        spelt: list[str] = []
        named = 0
        out: list[tuple[str, str]] = []  # (Kazakh, English)

        def key_at(i: int, n: int) -> tuple[str, ...]:  # the table's key for n words from word i
            return tuple(_EN_VARIANTS.get(w, w) for w in (x.strip(",") for x in lowered[i : i + n]))

        def whole(i: int, n: int) -> bool:
            """n words from word i are a name of the exceptions table, read as one (New Mexico
            State University: Нью-Мексико, not Неу + Mexico's Мексика): a country's, or one of
            words the body table lacks (the Russian Federation; not Almaty Region, whose Region
            the table reads as a place's word)."""
            kazakh = _published_wholes().get(" ".join(lowered[i : i + n]))
            return kazakh is not None and (
                any(r.source == TERRITORY_SOURCE for r in EXCEPTIONS.get(kazakh.casefold(), ()))
                or not any(key_at(i + x, 1) in table for x in range(1, n))
            )

        i = 0
        while i < len(ws):
            for n in range(min(longest, len(ws) - i), 0, -1):
                key = key_at(i, n)
                if key in table and i >= spell:
                    roles = table[key]
                    last = head and i + n == len(ws)
                    kazakh = roles.get("head", roles.get("word")) if last else roles.get("word", roles.get("head"))
                    out.append((kazakh, " ".join(key)))
                    i += n
                    break
            else:
                if out:
                    # a word the table lacks after its words: no half-translation; after "of", the
                    # words before it open a name where no name came before (Association of
                    # Investment Funds: Investment Funds is a name, as words the table lacks all are)
                    # (not a list: Health and Wellness stays a word it lacks)
                    return part(ws, head, i + 1) if opens and not spelt and not spell and "and" not in lowered else None
                # a run of words the caller has a rendering for (New Zealand Police), else one word
                # (only opening the name: not Mexico in New Mexico State University)
                known = names if not spelt else ()
                longest_name = max((len(k.split()) for k, _ in known), default=1)
                run = next((n for n in range(min(longest_name, len(ws) - i), 1, -1) if _known(" ".join(ws[i : i + n]), known)), 1)
                title = _latin_titles().get(lowered[i + 1], "") if run == 1 and i + 1 < len(ws) else ""
                if title:
                    run = 2  # a name and its title, read as one (Kabanbay Batyr Қабанбай батыр, Abylai Khan)
                run = next((n for n in range(len(ws) - i, run, -1) if whole(i, n)), run)
                while not head and i + run < len(ws) and not any(key_at(i + run, n) in table for n in range(1, longest + 1)):
                    # after "of", the words up to the table's next are one name, read as one
                    # (Mausoleum of Khoja Ahmed Yasawi: Қожа Ахмед Ясауи, not Амед Йасауи word by word)
                    run += 1
                # (a country among the name's other words spelt is spelt too: Turkey Creek
                # Elementary School Тарки Крик ...; not Ministry of Foreign Affairs of Russia)
                among = bool(spelt) or (i + run < len(ws) and not any(key_at(i + run, n) in table for n in range(1, longest + 1)))
                name = _cyrillize(" ".join(ws[i : i + run]), "", True, known, not among).text.split(" ")
                if title and len(name) == 2:
                    name[1] = title  # the title as Kazakh writes it, in lower case (Қабанбай батыр, Төле би)
                spelt.append(" ".join(name))
                i += run
                named += run
        if not head:
            return (spelt, [k for k, _ in out], "", named, 0) if (spelt or out) else None
        if not out or "head" not in table[tuple(_EN_VARIANTS.get(w, w) for w in out[-1][1].split())]:
            return None
        return spelt, [k for k, _ in out[:-1]], out[-1][0], named, len(out[-1][1].split())

    if "of" in folded[1:-1] or "for" in folded[1:-1]:
        # "for" as "of", before the table's words only (Agency for Civil Service Affairs Мемлекеттік
        # қызмет істері агенттігі; not Centre for Disease Control, a word it lacks spelt as a name)
        k = next(i for i in range(1, len(folded)) if folded[i] in ("of", "for"))
        rest = [w for w in words[k + 1 :] if w.casefold() != "the"] or words[k + 1 :]
        # "the" kept where the table has it among its words (Social Protection of the Population)
        first, second = part(words[:k], True), part(rest, False) or part(words[k + 1 :], False) or part(rest, False, opens=True)
        place = _kazakh_place(" ".join(rest), names) if folded[k] == "of" else None
        if place and first:
            second = ([place], [], "", len(rest), 0)  # a place the table knows whole (Embassy of South Korea)
        if not (first and second) or (folded[k] == "for" and second[0]):
            return None
        # a name after "of" owns the body and comes first (Council of Europe Еуропа кеңесі, Supreme
        # Court of Kazakhstan Қазақстан Жоғарғы соты); the table's words after "of" stand before the
        # head (Royal Academy of Arts Корольдік өнер академиясы); the head keeps its possessive
        if second[0]:
            kazakh = " ".join(second[0] + second[1] + first[0] + first[1] + [first[2]])
        else:
            kazakh = " ".join(first[0] + first[1] + second[1] + [first[2]])
        named = bool(second[0] or first[0])
    else:
        found = part(words, True)
        if not found:
            return None
        spelt, inner, head, named, head_n = found
        # the English words before the head, which may be two words (Maternity Hospital)
        english = [w.casefold() for w in words[named : len(words) - head_n]]
        if not spelt and not state and not owned and inner and all(_EN_ADJECTIVE.search(w) for w in english):
            head = _bare(head)  # only adjectives before it: Жоғарғы сот, Дүниежүзілік банк
        kazakh = " ".join(spelt + inner + [head])
        named = bool(spelt)
    kazakh = state + kazakh
    if owned and not named and not state and any(w in _UNIT_WORDS for w in kazakh.split()):
        return kazakh  # a unit's generic name, in lower case (министрлігінің баспасөз қызметі)
    return kazakh[:1].upper() + kazakh[1:]


def cyrillize(name: str, kind: str = "", *, kazakh_names: bool = True, names: Mapping[str, str] | None = None) -> Proposal:
    """A Kazakh Cyrillic spelling proposed for the foreign (English-spelt) ``name``.

    Trump → Трамп, Baker → Бейкер, Biden → Байден; with ``kind="organisation"``, its common words
    in Kazakh where the body-words table knows them (Harvard University → Гарвард университеті).
    A Kazakh name spelt as the exceptions table publishes it gets its Kazakh back (Tokayev →
    Тоқаев, Kassym-Jomart → Қасым-Жомарт), and a name spelt from Kazakh or Russian is read so
    (``KAZAKH_FROM_LATIN``: Nurlan Nogayev → Нұрлан Ноғаев), not by English sounds;
    ``kazakh_names=False`` reads every name by English sounds (to measure the Kazakh reading).
    ``names`` maps names inside ``name`` to Kazakh renderings the caller has, as in ``romanize``
    (New Zealand Police Жаңа Зеландия полициясы). Always a proposal: English spelling does not fix
    the sound, so a person checks it (``Proposal.by``: ``exception``, ``rules``, or ``glossary``
    where ``names`` changed it).
    """
    if not isinstance(name, str):
        raise UsageError(f"cyrillize() takes text (str), not {type(name).__name__}.")
    kind = _spelt_as(kind)
    p = _cyrillize(name, kind, kazakh_names, _names(names))
    if names and p.text != _cyrillize(name, kind, kazakh_names).text:
        return Proposal(text=p.text, source=name, by="glossary")
    return p


def _kazakh_state_name(name: str, kazakh_names: bool, names: Names) -> Proposal | None:
    """A state's official English name in Kazakh, the state's word after its country's name
    (Republic of Korea Корея Республикасы, Kyrgyz Republic Қырғыз Республикасы: ``STATE_PEOPLES``,
    the state words of ``_body_words``), or None."""
    states = {en.casefold(): kk for (kk,), (en, role) in ((k, v) for k, v in _body_words()[0].items() if len(k) == 1) if role == "state"}
    m = re.fullmatch(r"(?:the )?([A-Za-z]+) of (?:the )?([A-Z].*)", name)
    if m and m.group(1).casefold() in states:
        country = _cyrillize(m.group(2), "place", kazakh_names, names)
        return Proposal(text=f"{country.text} {states[m.group(1).casefold()].capitalize()}", source=name, by=country.by)
    peoples = {en.casefold(): kk for kk, en in STATE_PEOPLES.items()}
    m = re.fullmatch(r"([A-Za-z]+) ([A-Za-z]+)", name)
    if m and m.group(1).casefold() in peoples and m.group(2).casefold() in states:
        return Proposal(text=f"{peoples[m.group(1).casefold()].capitalize()} {states[m.group(2).casefold()].capitalize()}", source=name)
    return None


def _cyrillize(name: str, kind: str = "", kazakh_names: bool = True, names: Names = (), territories: bool = True) -> Proposal:
    if SITE.fullmatch(name):
        return Proposal(text=name, source=name)  # Tengrinews.kz: Kazakh writes a site's domain as it is
    known = _known(name, names)
    if known:
        return Proposal(text=known, source=name, by="rules")
    # the table's whole name before a body's words (African Union Африка Одағы, not Африкан одағы);
    # a person's where the table has the whole name as a person's (Homer Гомер, Galileo Galilei
    # Галилео Галилей: not a word of it alone, Erik of Erik Solheim)
    whole = (_published_people() if kind == "person" else _published_wholes()).get(" ".join(name.split()).casefold()) if kazakh_names else None
    if whole:
        return Proposal(text=whole, source=name, by="exception")  # New York Нью-Йорк
    if kind == "organisation":
        body = _kazakh_body_name(name, names)
        if body:
            return Proposal(text=body, source=name, by="rules")
    words = name.split()
    if kind == "place" and len(words) > 1:
        # a place's generic word, last (first for a lake: Lake Balkhash), in Kazakh after the name
        for head, rest, first in ((words[-1], words[:-1], False), (words[0], words[1:], True)):
            kazakh = _PLACE_HEADS_EN.get(head.casefold())
            named = " ".join(rest).casefold()
            if kazakh is None and (_known(" ".join(rest), names) or (kazakh_names and (named in _published_kazakh() or named in _published_wholes()))):
                kazakh = _NATURE_HEADS_EN.get(head.casefold())  # Charyn Canyon, not Wrigley Field
            if kazakh and kazakh[1] == first and rest[0][:1].isupper() and not (
                len(rest) == 1 and rest[0].casefold() in _COMPASS_FROM_EN  # North Sea: a name of its own
            ):
                spelt = _cyrillize(" ".join(rest), kind, kazakh_names, names)
                return Proposal(text=f"{spelt.text} {kazakh[0]}", source=name, by=spelt.by)
    if kind == "place":
        state = _kazakh_state_name(name, kazakh_names, names)
        if state is not None:
            return state
    if kind == "place" and name.casefold() in _COMPASS_FROM_EN:
        return Proposal(text=_COMPASS_FROM_EN[name.casefold()].capitalize(), source=name)  # the South Оңтүстік
    pair = re.match(r"([A-Za-z]+) and (?=([A-Za-z]+) [^\W\d_])", name) if kind == "place" else None
    if pair and pair.group(1).casefold() in _COMPASS_FROM_EN and pair.group(2).casefold() in _COMPASS_FROM_EN:
        # North and South Korea Солтүстік және Оңтүстік Корея
        spelt = _cyrillize(name[pair.end() :], kind, kazakh_names, names)
        return Proposal(text=f"{_COMPASS_FROM_EN[pair.group(1).casefold()].capitalize()} және {spelt.text}", source=name, by=spelt.by)
    compass = re.match(r"([A-Za-z]+) (?=[^\W\d_])", name) if kind == "place" else None
    rest = name[compass.end() :] if compass else ""
    if compass and compass.group(1).casefold() in _COMPASS_FROM_EN and (_known(rest, names) or (kazakh_names and rest.casefold() in _published_kazakh())):
        # Eastern Europe Шығыс Еуропа, where the rest has a rendering of its own (not North Sea)
        spelt = _cyrillize(rest, kind, kazakh_names, names)
        return Proposal(text=f"{_COMPASS_FROM_EN[compass.group(1).casefold()].capitalize()} {spelt.text}", source=name, by=spelt.by)
    # a foreign place's first word and its one other word, hyphened (Los Alamos Лос-Аламос)
    opener = re.fullmatch(r"(\S+) ([A-Z][a-z]+)", name) if kind == "place" else None
    if opener and opener.group(1).casefold() in _OPENERS_FROM_EN:
        spelt = _cyrillize(opener.group(2), kind, kazakh_names, names)
        return Proposal(text=f"{_OPENERS_FROM_EN[opener.group(1).casefold()]}-{spelt.text}", source=name, by=spelt.by)
    # a foreign place's last English word as Kazakh transcribes it, apart as the FLORES-200
    # translators write it (Long Island Лонг Айленд, Grand Canyon Гранд Каньон), a street's, a
    # square's and an avenue's hyphened in lower case, as Kazakh news writes them (Times Square
    # Таймс-сквер; a facility's name is translated, Таймс алаңы), after one word or another such
    # word (Salt Lake City; not Singapore Botanic Gardens); not after a place Kazakh has a name of its
    # own for, nor a compass word (Alakol Lake, East River: the rules read them)
    ender = re.fullmatch(r"((?:(\S+) )?(\S+)) ([A-Z][a-z]+)", name) if kind == "place" else None
    last = _ENDERS_FROM_EN.get(ender.group(4).casefold(), "") if ender else ""
    if (
        last
        and (not ender.group(2) or ender.group(3).casefold() in _ENDERS_FROM_EN)
        and not (_kazakh_place(ender.group(1), names) or kazakh_spelt(ender.group(3)) or ender.group(3).casefold() in _COMPASS_FROM_EN)
    ):
        spelt = _cyrillize(ender.group(1), kind, kazakh_names, names)
        return Proposal(text=f"{spelt.text}-{last}" if last in STREET_ENDERS else f"{spelt.text} {last.capitalize()}", source=name, by=spelt.by)
    # a Kazakh given name marks the name (Kairat, Серік), an international one does not (Anna Smith)
    from_kazakh = kazakh_names and any(kazakh_spelt(w) or _KAZAKH_LETTER.search(given_from_latin().get(w.casefold(), "")) for w in _LATIN_RUN.findall(name))
    # published as romanize's proposals are: every word, or for a person any (Donald Trump; not
    # Kentucky Fried Chicken, only its first word a published name)
    parts, pos, used, any_exc = [], 0, True, False
    for m in _LATIN_RUN.finditer(name):
        if m.start() < pos:
            continue  # inside a hyphenated name spelt whole
        parts.append(name[pos : m.start()])
        whole = _HYPHENATED.match(name, m.start())
        kazakh = _published_kazakh(kind == "person").get(whole.group().casefold()) if "-" in whole.group() and kazakh_names else None
        if kazakh:  # Kassym-Jomart Қасым-Жомарт
            w, exc, pos = kazakh, True, whole.end()
        else:
            # (the glossary's countries only where one stands alone: Jordan River Foundation is spelt)
            (w, exc), pos = _en_word(m.group(), from_kazakh, kazakh_names, kind == "person", territories and len(_LATIN_RUN.findall(name)) == 1), m.end()
            if from_kazakh and not exc:
                w = _kazakh_word(m.group())  # Nurlan Nogayev Нұрлан Ноғаев, not Нарлан
        used, any_exc = used and exc, any_exc or exc
        parts.append(w)
    parts.append(name[pos:])
    published = len(parts) > 1 and (used or (kind == "person" and any_exc))
    return Proposal(text="".join(parts), source=name, by="exception" if published else "rules")


__all__ = [
    "ARABIC_PARTICLES",
    "EUROPEAN_PARTICLES",
    "COMPASS",
    "COMPASS_ADJECTIVAL",
    "CONTEXT",
    "EN_EXCEPTIONS",
    "EN_RULES",
    "EXCEPTIONS",
    "FOREIGN_GIVEN_NAMES",
    "FOREIGN_NAMES",
    "KAZAKH_FROM_LATIN",
    "KAZAKH_GIVEN",
    "KINDS",
    "LETTERS",
    "PLACE_CONTEXT",
    "PLACE_EPITHETS",
    "PLACE_HEADS",
    "STREET_HEADS",
    "RUSSIAN_FORM_LETTERS",
    "RUSSIAN_GIVEN",
    "SEA_WORDS",
    "TITLES",
    "Proposal",
    "Published",
    "cyrillize",
    "given_from_latin",
    "kazakh_spelt",
    "propose_latin",
    "published_whole",
    "romanize",
]
