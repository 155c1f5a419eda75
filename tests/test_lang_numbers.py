"""Kazakh number words (kkaligner.lang.numbers)."""

from __future__ import annotations

import pytest

from kkaligner.lang.numbers import is_kk_number_word


@pytest.mark.parametrize(
    "word,expected",
    [
        ("отыз", True),
        ("Отыз", True),  # a capital at a sentence start or in a title
        ("жүзден", True),  # with a case ending
        ("бес", True),
        ("екеу", True),  # a collective numeral
        ("бірге", False),  # "together", not бір + ге
        ("онда", False),  # "there", not он + да
        ("Бірлік", False),  # a name
        ("Бесқарағай", False),
        ("Мыңбаев", False),
    ],
)
def test_kazakh_number_words(word, expected):
    assert is_kk_number_word(word) is expected
