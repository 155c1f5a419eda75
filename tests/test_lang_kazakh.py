"""Kazakh inflection (kkaligner.lang.kazakh): golden tables, suffix-table invariants, and the
agreement of the form generator with the matcher."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkaligner.lang import kazakh as forms
from kkaligner.lang.kazakh import (
    possessive_stems,
    CASES,
    CLASSES,
    PLURAL,
    POSSESSIVES,
    final_class,
    inflect,
    is_front,
    kazakh_forms,
    number_name,
)
from kkaligner.glossary.matcher import find_forms

DATA = Path(__file__).resolve().parent / "data"
UD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "morphology" / "kk_ktb-ud-train.conllu"
BACK = set("аоұы")
FRONT = set("әеөүі")


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _wide():
    header, *rows = _rows("forms-golden-kk.tsv")
    assert header[0] == "lemma"
    return header[1:], rows


ANALYSES, WIDE = _wide()
CHAINS = _rows("forms-golden-chains.tsv")[1:]
WIDE_CELLS = [(row[0], a, form) for row in WIDE for a, form in zip(ANALYSES, row[1:])]


def test_golden_tables_are_big_enough_and_cover_every_final_class():
    lemmas = [row[0] for row in WIDE]
    assert len(lemmas) >= 40 and len(set(lemmas)) == len(lemmas)
    assert all(len(row) == len(ANALYSES) + 1 for row in WIDE)
    assert {final_class(lemma) for lemma in lemmas} == set(CLASSES)
    assert {is_front(lemma) for lemma in lemmas} == {True, False}
    finals = {lemma[-1] for lemma in lemmas}
    assert {"к", "қ", "п"} <= finals
    for need in ("gen", "dat", "acc", "loc", "abl", "ins", "pl", "p3", "p1sg", "p1pl", "loc+attr", "loc+attr+pl"):
        assert need in ANALYSES


@pytest.mark.parametrize("lemma,analysis,form", WIDE_CELLS, ids=[f"{l}:{a}" for l, a, _ in WIDE_CELLS])
def test_golden_forms(lemma, analysis, form):
    assert inflect(lemma, analysis) == form


@pytest.mark.parametrize("lemma,analysis,form", CHAINS, ids=[f"{l}:{a}" for l, a, _ in CHAINS])
def test_golden_chains(lemma, analysis, form):
    assert inflect(lemma, analysis) == form


@pytest.mark.parametrize(
    "form,lemma",
    [
        ("Бәйтерегі", "Бәйтерек"),
        ("Байқоңырдан", "Байқоңыр"),
        ("Байқоңырдағы", "Байқоңыр"),
        ("Назарбаевпен", "Назарбаев"),
        ("Роскосмостың", "Роскосмос"),
        ("Қазақстанның", "Қазақстан"),
        ("Мәскеудегі", "Мәскеу"),
    ],
)
def test_the_forms_of_the_seed_article_are_generated(form, lemma):
    assert form in {f for f, _ in kazakh_forms(lemma)}


@pytest.mark.parametrize("lemma", sorted({row[0] for row in WIDE} | {c[0] for c in CHAINS}))
def test_the_matcher_finds_every_generated_form(lemma):
    for form, analysis in kazakh_forms(lemma):
        text = f"Бүгін {form} туралы"
        got = find_forms(text, lemma)
        assert [(m.start, m.end) for m in got] == [(6, 6 + len(form))], (form, analysis)
        assert got[0].surface == form


def test_generated_forms_are_unique_and_start_with_the_bare_lemma():
    for lemma in ("Астана", "Нұрсұлтан Назарбаев", "Қазақстан Республикасы", "Союз-5"):
        out = kazakh_forms(lemma)
        assert out[0] == (lemma, "")
        assert len({f for f, _ in out}) == len(out)
        assert len({a for _, a in out}) == len(out)
    assert kazakh_forms("  ") == []
    with pytest.raises(KeyError):
        inflect("Астана", "no+such")


def test_suffix_tables_cover_every_class_and_keep_harmony():
    for name, table in (*CASES.items(), ("pl", PLURAL)):
        assert set(table) == set(CLASSES)
        for back, front in table.values():
            if name == "ins":  # -мен/-бен/-пен has no back form
                assert back == front
                continue
            assert not set(back) & FRONT and not set(front) & BACK
    for kinds in POSSESSIVES.values():
        assert set(kinds) == {"vowel", "consonant"}
        for back, front in kinds.values():
            assert not set(back) & FRONT and not set(front) & BACK


def test_multiword_terms_inflect_only_their_last_word():
    for form, _ in kazakh_forms("Нұрсұлтан Назарбаев"):
        assert form.startswith("Нұрсұлтан Назарбаев")
    # izafet: the last word already has a 3rd-person possessive, so no plural or second possessive
    izafet = dict((a, f) for f, a in kazakh_forms("Алматы облысы"))
    assert izafet["loc"] == "Алматы облысында" and "pl" not in izafet


@pytest.mark.parametrize(
    "word,front,cls",
    [
        ("Астана", False, "V"), ("Ақтөбе", True, "V"), ("Назарбаев", False, "T"), ("Медведев", True, "T"),
        ("Тоқаев", False, "T"), ("Мәскеу", True, "R"), ("Атырау", False, "R"), ("Тараз", False, "Z"),
        ("Орал", False, "L"), ("Путин", True, "N"), ("ВДНХ", False, "T"), ("банк", True, "T"),
        ("Союз-5", True, "T"), ("Союз-20", False, "V"), ("Су", False, "R"), ("Үй", True, "R"),
    ],
)
def test_harmony_and_final_class(word, front, cls):
    assert is_front(word) is front
    assert final_class(word) == cls


@pytest.mark.parametrize(
    "digits,name",
    [("5", "бес"), ("20", "жиырма"), ("100", "жүз"), ("2000", "мың"), ("0", "нөл"), ("17", "жеті"), ("3000000", "миллион"),
     ("٣", "үш"), ("２０", "жиырма")],
)
def test_number_names(digits, name):
    assert number_name(digits) == name


@pytest.mark.parametrize("word", ["AA²", "м²", "Су①", "x³"])
def test_a_superscript_or_circled_digit_is_not_a_number_read_aloud(word):
    final_class(word)  # no KeyError: ² is a digit to str.isdigit but no decimal number


def test_stem_alternation_only_after_a_vowel_and_not_in_elided_words():
    assert forms.alternates("Бәйтерек") and forms.alternates("Қазақ") and forms.alternates("кітап")
    assert not forms.alternates("банк") and not forms.alternates("Нью-Йорк") and not forms.alternates("Астана")
    assert inflect("БӘЙТЕРЕК", "p3") == "БӘЙТЕРЕГІ"  # letter case is kept in headlines
    assert inflect("халық", "p3") == "халқы"


def test_hyphen_rules():
    assert forms.takes_hyphen("Союз-5") and forms.takes_hyphen("НАТО") and not forms.takes_hyphen("Астана")
    assert forms.looks_possessed("Қазақстан Республикасы") and not forms.looks_possessed("Алматы")


# Lemmas where qazaq-inflector and kkaligner knowingly differ: it reads и as harmony-neutral
# (Путинның; written Kazakh has Путиннің) and takes the harmony of -ов/-ев surnames from the stem.
_INFLECTOR_DIFFERS = {"Путин", "Мәмин", "Медведев"}
_CASE_NAMES = {"gen": "genitive", "dat": "dative", "acc": "accusative", "loc": "locative", "abl": "ablative", "ins": "instrumental"}


def test_case_forms_agree_with_qazaq_inflector():
    qi = pytest.importorskip("qazaq_inflector", reason="qazaq-inflector (MIT) is an optional cross-check")
    inflector = qi.QazaqNameInflector()
    checked = 0
    for row in WIDE:
        lemma = row[0]
        if lemma in _INFLECTOR_DIFFERS or lemma.lower() in ("парк", "банк"):
            continue
        for ours, theirs in _CASE_NAMES.items():
            assert inflect(lemma, ours) == inflector.inflect(lemma, theirs), (lemma, ours)
            checked += 1
    assert checked >= 200


def test_ud_kazakh_nouns_are_found_from_their_lemmas():
    """Every noun and proper noun of UD Kazakh-KTB (gold lemmas) is matched from its lemma."""
    if not UD.exists():
        pytest.skip(f"development data not found ({UD.name}); see ../shared/data/README.md")
    total = found = 0
    for line in UD.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) != 10 or not cells[0].isdigit() or cells[3] not in ("NOUN", "PROPN"):
            continue
        form, lemma = cells[1], cells[2]
        if not any(ch.isalpha() for ch in lemma):
            continue
        total += 1
        got = find_forms(form, lemma)
        found += bool(got) and (got[0].start, got[0].end) == (0, len(form))
    assert total > 150
    assert found == total


@pytest.mark.parametrize(
    "form, stems",
    [
        ("университеті", ("университет",)),
        ("министрлігі", ("министрлік",)),  # г voiced before the ending, к in the lemma
        ("айлағы", ("айлақ",)),
        ("бағдарламасы", ("бағдарлама", "бағдарламас")),
        ("кеңесі", ("кеңе", "кеңес")),  # -сі after a vowel or -і after с: the form cannot tell
        ("сот", ()),
        ("ауыл", ()),
    ],
)
def test_possessive_stems(form, stems):
    assert possessive_stems(form) == stems
