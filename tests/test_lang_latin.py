"""Latin-script Kazakh (kkaligner.lang.latin): the three alphabets, reading, writing, detection."""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkaligner.errors import UsageError
from kkaligner.lang import latin
from kkaligner.lang.latin import ALPHABETS, detect, to_cyrillic, to_cyrillic_with_map, to_latin

# --- golden spellings -------------------------------------------------------------------------

# (Cyrillic, 2017, 2018, 2021). Real phrases: the country's name (the 2017 and 2018 spellings as
# the decrees' announcements printed them), a line of the 1902 text that illustrates the alphabets
# on Wikipedia ("Kazakh alphabets"), news words with и/й, я, capitals and all-caps.
GOLDEN = [
    ("Қазақстан Республикасы", "Qazaqstan Respy'bli'kasy", "Qazaqstan Respýblıkasy", "Qazaqstan Respublikasy"),
    (
        "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен қазысының үйіне келіп қоныпты.",
        "Buryn'g'y o'tken zamanda, bir danys'pan kisi, Bag'dat s'aharynyn' bir u'lken qazysynyn' u'i'ine kelip qonypty.",
        "Buryńǵy ótken zamanda, bir danyshpan kisi, Baǵdat shaharynyń bir úlken qazysynyń úıine kelip qonypty.",
        "Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp qonypty.",
    ),
    ("Сый, қалайын, оқиға, тиіс, аяқталды.", "Syi', qalai'yn, oqi'g'a, ti'is, ai'aqtaldy.", "Syı, qalaıyn, oqıǵa, tıis, aıaqtaldy.", "Syi, qalaiyn, oqiğa, tiıs, aiaqtaldy."),
    ("Азия мен Ілияс", "Azi'i'a men Ili'i'as", "Azııa men Ilııas", "Aziia men Iliias"),
    ("ШЫҢҒЫС ХАН", "S'YN'G'YS HAN", "SHYŃǴYS HAN", "ŞYÑĞYS HAN"),
    ("Шығыс Қазақстан облысы, Өскемен", "S'yg'ys Qazaqstan oblysy, O'skemen", "Shyǵys Qazaqstan oblysy, Óskemen", "Şyğys Qazaqstan oblysy, Öskemen"),
    ("Нұр-Сұлтан, 2019 жылғы 20 наурыз", "Nur-Sultan, 2019 jylg'y 20 nay'ryz", "Nur-Sultan, 2019 jylǵy 20 naýryz", "Nūr-Sūltan, 2019 jylğy 20 nauryz"),
]


@pytest.mark.parametrize("row", GOLDEN, ids=lambda r: r[0][:20])
@pytest.mark.parametrize("name", ALPHABETS)
def test_golden_spellings_both_ways(row, name):
    cyrillic, spelled = row[0], dict(zip(("2017", "2018", "2021"), row[1:]))[name]
    assert to_latin(cyrillic, name) == spelled
    # х and һ are one letter in every alphabet, read back as х.
    assert to_cyrillic(spelled, name) == cyrillic.replace("шаһар", "шахар")


def test_readings_of_texts_as_published_in_2018():
    # Spellings from Kazakh web pages of 2018 (qazaqtili.com): Ś and Ć for Ш and Ч, "ya" for Я.
    assert to_cyrillic("Álipbıdiń ózgerýi", "2018") == "Әліпбидің өзгеруі"
    assert to_cyrillic("aǵylśyn tiliniń tarıhyndaǵy", "2018") == "ағылшын тілінің тарихындағы"
    assert to_cyrillic("YAǵnı, oılaımyz úśin", "2018") == "Яғни, ойлаймыз үшін"
    assert to_cyrillic("Ćeh", "2018") == "Чех"


def test_readings_of_texts_as_published_in_2021():
    # Spellings from the Latin pages of adyrna.kz: Ǧ with a caron for Ğ, the eng Ŋ for Ñ.
    assert to_cyrillic("Samal-3 şaǧyn audanyndaǧy", "2021") == "Самал-3 шағын ауданындағы"
    assert to_cyrillic("Şymkent qalasy äkımınıŋ baspasöz qyzmetı", "2021") == "Шымкент қаласы әкімінің баспасөз қызметі"
    assert to_cyrillic("ǦYLYM, Ŋ", "2021") == "ҒЫЛЫМ, Ң"
    assert detect("Şymkent qalasy äkımınıŋ baspasöz qyzmetı aǧymdaǧy jyly") == "2021"


def test_web_addresses_are_kept_as_written():
    # a link, an e-mail address and a site credited by its domain are no Kazakh words
    text = "Tolyǵyraq https://adyrna.kz/post/49954 saıtynda, hat info@mail.ru arqyly, dep habarlaıdy Egemen.kz."
    read = to_cyrillic_with_map(text, "2018")
    assert read.text == "Толығырақ https://adyrna.kz/post/49954 сайтында, хат info@mail.ru арқылы, деп хабарлайды Egemen.kz."
    assert read.offsets[-1] == len(text)
    # a word before a full stop and a capital is no domain
    assert to_cyrillic("Būl jaqsy.Kz jaq", "2021") == "Бұл жақсы.Кз жақ"


def test_an_apostrophe_stays_with_its_letter_in_2017():
    # "i'a'" is и + ә ("yes"), not я followed by a stray apostrophe.
    assert to_latin("Иә, иә", "2017") == "I'a', i'a'"
    assert to_cyrillic("I'a', i'a'", "2017") == "Иә, иә"
    assert to_cyrillic("i'a", "2017") == "я"


def test_apostrophes_of_any_keyboard_read_in_2017():
    for mark in ("'", "\u2019", "\u02bc", "`"):
        assert to_cyrillic(f"Qazaqstan Respy{mark}bli{mark}kasy", "2017") == "Қазақстан Республикасы"


def test_capitals_and_digraphs():
    assert to_latin("Чехия", "2021") == "Chehiia"
    assert to_latin("ЧЕХИЯ", "2021") == "CHEHİİA"
    assert to_latin("Шыңғыс", "2018") == "Shyńǵys"
    assert to_latin("ШЫҢҒЫС", "2018") == "SHYŃǴYS"
    assert to_cyrillic("CHEHİİA", "2021") == "ЧЕХИЯ"
    assert to_cyrillic("İ I ı i", "2021") == "И І і и"
    assert to_cyrillic("SHYŃǴYS Shyńǵys", "2018") == "ШЫҢҒЫС Шыңғыс"


def test_what_is_not_a_letter_of_the_alphabet_is_left_alone():
    text = "Qazaqstan (KZ) — 2024 ж., «Egemen» 15% Алматы!"
    assert to_cyrillic(text, "2021") == "Қазақстан (КЗ) — 2024 ж., «Егемен» 15% Алматы!"
    # A word with a letter the alphabet lacks is a name quoted as written.
    assert to_cyrillic("Northern Rock bankı, Wi-Fi jelısı", "2021") == "Нортхерн Rock банкі, Wi-Фи желісі"
    assert to_latin("Wi-Fi және 5G", "2021") == "Wi-Fi jäne 5G"


def test_combining_accents_are_read_like_precomposed_letters():
    nfd = unicodedata.normalize("NFD", "Álipbıdiń ózgerýi")
    assert nfd != "Álipbıdiń ózgerýi"
    result = to_cyrillic_with_map(nfd, "2018")
    assert result.text == "Әліпбидің өзгеруі"
    assert result.offsets[-1] == len(nfd)


def test_unknown_alphabet_is_a_usage_error():
    with pytest.raises(UsageError, match="2021, 2018, 2017"):
        to_latin("сөз", "2019")
    with pytest.raises(UsageError):
        to_cyrillic("söz", "latin")


def test_rules_come_from_the_data_file():
    rules = latin.alphabet_rules("2021")
    assert len({v for v in rules.write.values() if len(v) == 1}) >= 29
    assert [r.cyrillic for r in rules.read["i"]] == ["й", "и"]  # contextual one first
    assert [r.cyrillic for r in rules.read["h"]] == ["х", "һ"]
    assert "ts" not in rules.read  # ц is lost: ts reads as тс (айтса)


# --- round trips over generated Kazakh --------------------------------------------------------

# Letters every alphabet writes and reads back one to one. Left out: х/һ (one letter), the
# Russian-only letters (lossy by design); и and й are in, placed as Kazakh spelling places them.
_LETTERS = "аәбвгғдежзикқлмнңопрстуұүфшыі"
_VOWELS = set("аәеиоөуұүыі")


def _kazakh_spelling(word: str) -> str:
    """``word`` with и/й where Kazakh writes them: й after a vowel, и elsewhere."""
    out = []
    for ch in word:
        if ch in "ий":
            ch = "й" if out and out[-1] in _VOWELS else "и"
        out.append(ch)
    return "".join(out)


def _valid(word: str, name: str) -> bool:
    # Kazakh writes я, ю where и/й meets а/у at the start of a word or after a vowel (аяқ, аю):
    # "йа" and "иа" there are not Kazakh spelling, and read back as я.
    if re.search(r"(^|[аәеиоөуұүыі])[ий][ау]", word):
        return False
    if name == "2018" and (re.search(r"ыа|(^|[аәеиоөуұүыі])іа", word)):
        return False  # 2018 also reads the published "ya" and a capital-I "ia" as я
    return True


_words = st.text(alphabet=_LETTERS, min_size=1, max_size=12).map(_kazakh_spelling)
_cased = st.tuples(_words, st.sampled_from(["lower", "title", "upper"])).map(
    lambda wc: wc[0] if wc[1] == "lower" else wc[0].title() if wc[1] == "title" else wc[0].upper()
)


@pytest.mark.parametrize("name", ALPHABETS)
@settings(max_examples=300, deadline=None)
@given(words=st.lists(_cased, min_size=1, max_size=8), sep=st.sampled_from([" ", ", ", " — ", "-", ". "]))
def test_round_trip_is_lossless_on_the_letters_each_alphabet_covers(name, words, sep):
    words = [w for w in words if _valid(w.lower(), name)]
    if name == "2018":  # the capital I is і's and и's at once
        words = [w for w in words if not re.search("[ИЙ]", w)]
    text = sep.join(words)
    assert to_cyrillic(to_latin(text, name), name) == text


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=_LETTERS + "ӘҚҢӨҰҮІЁЦЩЭЮЯёцщэюяъь .,-—«»0123456789'’", max_size=40))
def test_the_map_covers_the_source_in_order(text):
    for name in ALPHABETS:
        source = to_latin(text, name)
        result = to_cyrillic_with_map(source, name)
        assert len(result.offsets) == len(result.text) + 1
        assert result.offsets[0] == 0 if result.text else True
        assert result.offsets[-1] == len(source)
        assert list(result.offsets) == sorted(result.offsets)


# --- the span map -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, source",
    [
        ("2021", "Şyğys Qazaqstan oblysynda jaña Chehiia zauyty aşyldy."),
        ("2018", "Shyǵys Qazaqstan oblysynda jańa Chehııa zaýyty ashyldy."),
        ("2017", "S'yg'ys Qazaqstan oblysynda jan'a C'ehi'i'a zay'yty as'yldy."),
    ],
)
def test_spans_found_in_the_cyrillic_map_back_to_the_source(name, source):
    result = to_cyrillic_with_map(source, name)
    assert result.text == "Шығыс Қазақстан облысында жаңа Чехия зауыты ашылды."
    for m in re.finditer(r"\w+", result.text):
        start, end = result.source_span(m.start(), m.end())
        written = source[start:end]
        assert to_cyrillic(written, name) == m.group()
        assert re.fullmatch(r"[^\W\d_][\w'’]*", written)
    start, end = result.source_span(*re.search("Чехия", result.text).span())
    assert source[start:end] == {"2021": "Chehiia", "2018": "Chehııa", "2017": "C'ehi'i'a"}[name]
    with pytest.raises(ValueError):
        result.source_span(5, len(result.text) + 1)


# --- detection --------------------------------------------------------------------------------

ENGLISH = [
    "On Monday, scientists announced the invention of a new diagnostic tool that can sort cells by type.",
    "Qatar and Iraq signed the deal in Doha; Al-Qaeda was not mentioned.",
    "I'm sure you'll like it: don't worry, it's O'Brien's call at nine o'clock.",
    "The conference in Zürich will discuss Kazakhstan's new Latin alphabet next year.",
    "Kazakhstan",
    "",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_not_kazakh(text):
    assert detect(text) is None


def test_other_texts_are_not_latin_kazakh():
    assert detect("Қазақстан Республикасы — Орталық Азиядағы мемлекет.") is None
    assert detect("Türkiye Cumhuriyeti ve Kazakistan arasında çok önemli bir anlaşma imzalandı.") is None
    assert detect("Die Konferenz in München und Zürich ist für nächstes Jahr geplant.") is None
    assert detect("12345 — 67%") is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken qazysynyñ üiıne kelıp qonypty.", "2021"),
        ("Tokaev Astanada şetel investorlarymen kezdestı.", "2021"),
        ("Álipbıdiń ózgerýi – qazaq ultynyń tarıhyndaǵy mańyzdy betburystardyń biri.", "2018"),
        ("Qazaqstan Respy'bli'kasy Ortalyq Azi'i'adag'y memleket.", "2017"),
        ("Qazaqstan Respy’bli’kasy Ortalyq Azi’i’adag’y memleket.", "2017"),
        ("Qazaqstan Respublikasy qalasy", "2021"),  # no distinguishing letter: the newest
    ],
)
def test_hand_written_kazakh_is_detected(text, name):
    assert detect(text) == name


def test_to_cyrillic_detects_the_alphabet_when_not_told():
    assert to_cyrillic("Álipbıdiń ózgerýi") == "Әліпбидің өзгеруі"
    assert to_cyrillic("S'yg'ys Qazaqstan") == "Шығыс Қазақстан"
    assert to_cyrillic_with_map("Şyğys Qazaqstan").alphabet == "2021"


@pytest.fixture(scope="module")
def flores(shared_data: Path) -> list[dict]:
    path = shared_data / "parallel" / "flores200-dev-docs.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_flores_english_never_detected(flores):
    sentences = [s for doc in flores for s in doc["en"]]
    fired = [s for s in sentences if detect(s) is not None]
    assert not fired, fired[:3]
    assert all(detect(" ".join(doc["en"])) is None for doc in flores)
    # The Kazakh side as written (Cyrillic) is not Latin Kazakh either.
    assert all(detect(" ".join(doc["kk"])) is None for doc in flores)


@pytest.mark.parametrize("name", ALPHABETS)
def test_flores_kazakh_transliterated_is_detected(flores, name):
    # Measured: every article, and 99.4% (2021), 99.1% (2018), 99.0% (2017) of the 997 sentences;
    # the misses are short sentences made mostly of English names ("Animal Liberation jäne Royal
    # Society for the Prevention of Cruelty to Animals ...").
    assert all(detect(to_latin(" ".join(doc["kk"]), name)) == name for doc in flores)
    sentences = [s for doc in flores for s in doc["kk"]]
    hits = sum(detect(to_latin(s, name)) == name for s in sentences)
    assert hits / len(sentences) >= 0.985


@pytest.mark.parametrize("name", ALPHABETS)
def test_flores_kazakh_round_trip(flores, name):
    # Measured: 95.7% (2021), 95.4% (2018), 95.7% (2017) of the words come back letter for letter;
    # the rest are loanwords with Russian-only letters (полиция, миля, электр), х/һ, and English
    # names spelt with the alphabet's letters (The).
    words = [w for doc in flores for s in doc["kk"] for w in re.findall(r"\w+", s)]
    same = sum(to_cyrillic(to_latin(w, name), name) == w for w in words)
    assert same / len(words) >= 0.95


# --- boundaries -------------------------------------------------------------------------------


def test_module_imports_nothing_from_kkaligner_but_errors():
    tree = ast.parse(Path(latin.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    # the web addresses kept as written are the language layer's own (kkaligner.lang.web)
    assert {m for m in imported if m.startswith("kkaligner")} <= {"kkaligner.errors", "kkaligner.lang.web"}
