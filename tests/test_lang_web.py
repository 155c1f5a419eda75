"""Web addresses: URLs, e-mail addresses and sites named by their domain (kkaligner.lang.web)."""

from __future__ import annotations

import pytest

from kkaligner.lang.web import address_spans

# text, the addresses found with sites=True
GOLDEN = [
    ("деп хабарлайды Egemen.kz.", ["Egemen.kz"]),
    ("Tengrinews.kz сайты, Zakon.kz порталы", ["Tengrinews.kz", "Zakon.kz"]),
    ("Толығырақ: https://www.gov.kz/memleket/entities?lang=kk.", ["https://www.gov.kz/memleket/entities?lang=kk"]),
    ("www.akorda.kz сайтында", ["www.akorda.kz"]),
    ("hat info@mail.ru arqyly", ["info@mail.ru"]),
    ("aikyn.kz/253091/tok-aev сілтемесі", ["aikyn.kz/253091/tok-aev"]),
    ("BBC.com мен Kazinform.kz", ["BBC.com", "Kazinform.kz"]),
    ("деп хабарлайды Жерұйық.кз, BAQ.KZ", ["Жерұйық.кз", "BAQ.KZ"]),  # Cyrillic, capitals
    ("Министр Tengrinews.kz-ке сұхбат берді", ["Tengrinews.kz"]),  # a case ending after a hyphen
    ("жарияланды Tengrinews.kz-те.", ["Tengrinews.kz"]),  # ... before a full stop
    # a capitalised word after a full stop missing its space is no domain in capitals
    ("қол қойылды.РФ Президенті, Monday.US", []),
    # a sentence's end before a capital, a number, an abbreviation: no address
    ("jatyr.Bul", []),
    ("3.5 млн теңге, т.б. және т.с.с.", []),
    ("the U.S. and St. Petersburg", []),
    ("a file named report.docx", ["report.docx"]),  # a file with its extension
    ("Ереже_2024.pdf файлын жүктеңіз", ["Ереже_2024.pdf"]),
]


@pytest.mark.parametrize("text, found", GOLDEN)
def test_golden_addresses(text, found):
    assert [text[a:b] for a, b in address_spans(text, sites=True)] == found


def test_sites_only_when_asked():
    # a sentence is split after "Egemen.kz." as after any word; only links and e-mail addresses
    # are never split inside
    assert address_spans("деп хабарлайды Egemen.kz.") == []
    assert address_spans("info@mail.ru") == [(0, 12)]

