"""kkaligner.lang.detect: Kazakh (Cyrillic or Latin letters) or English."""

from __future__ import annotations

import pytest

from kkaligner.lang.detect import detect_language

DETECTED = [
    ("Кеше Астанада жиын өтті.", "kk"),
    ("Keşe Astanada jiyn ötti.", "kk"),  # the 2021 Latin alphabet
    ("The meeting was held in Astana yesterday.", "en"),
    # the letters of links, e-mail addresses and sites count for neither language
    ("Толығырақ https://Malim.kz/Article/1 сайтында, хат Info@Mail.ru арқылы.", "kk"),
    ("Толығырақ Egemen.kz сайтында.", "kk"),
    ("Read more at https://Tengrinews.kz/kazakhstan_news/12345.", "en"),
    ("", "en"),
    # lower-case words decide, not the letters of names and brands in Latin letters
    ("Tengizchevroil, North Caspian Operating Company және Karachaganak өкілдері қатысты.", "kk"),
    ("«Halyk», «Kaspi» және «Forte» банктері.", "kk"),
    ("Kazakhstan's Tokayev met Uzbekistan's Mirziyoyev in Astana.", "en"),
    ("Алматы", "kk"),  # a name alone: its letters
    ("Кеше {a}Ерлан Жұмағалиев{/a} келді. Ол {count} файл ашты.", "kk"),  # a document's placeholders are no words
    # a heading in capitals is its words
    ("ТОҚАЕВ ЖАПОНИЯҒА САПАРМЕН БАРДЫ (video)", "kk"),
    ("TOKAYEV MEETS XI JINPING IN ASTANA", "en"),  # no lower-case word: its letters
    # ... but Latin initials, brands and tags in capitals are no English words in a Kazakh text
    ("LIVE: Тоқаев Ақордада\nUPD: Мәжіліс Жолдауды талқылады", "kk"),
    ("Kaspi IPO: NASDAQ, LSE, AIX және KASE", "kk"),
    ("PDF, DOCX, XLSX файлдары", "kk"),
    # markup and printf placeholders count for nothing
    ('Сәлем, %(name)s! <span class="highlight">Жаңалықтар</span>', "kk"),
]


@pytest.mark.parametrize("text,lang", DETECTED)
def test_detected_language(text, lang):
    assert detect_language(text).lang == lang


def test_confidence_is_the_share_of_letters_for_the_language():
    assert detect_language("Алматы").confidence == 100.0
    assert detect_language("").confidence == 0.0
