"""Reviewer checks: every check on a positive and a negative example, both directions; the Finding
fields; check() / check_documents() arguments; spans always index the sentence texts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkaligner import Glossary, Term, check, check_documents
from kkaligner.checks import CHECKS, CODES
from kkaligner.checks.numbers import mentions
from kkaligner.errors import InputError, UsageError
from kkaligner.types import SEVERITIES

GLOSSARY = Glossary.from_terms(
    [
        Term("Байқоңыр", "Baikonur", forbidden=("Baykonur",)),
        Term("Астана", "Astana", alternatives=("Nur-Sultan",)),
        Term("Бәйтерек", "Baiterek", forbidden=("Bayterek",), case_sensitive=True),
        Term("Роскосмос", "Roscosmos", forbidden=("Roskosmos",)),
        Term("Мальдив аралдары", "Maldives"),
        Term("Ақсу", "Aksu"),
    ],
    name="test",
)

# A clean pair put before every case, so that the case is sentence 1 and indices are tested too.
LEAD = {
    ("kk", "en"): ("Бүгін күн ашық болды.", "The day was sunny today."),
    ("en", "kk"): ("The day was sunny today.", "Бүгін күн ашық болды."),
}

# (id, source, target, direction, code the case must raise on sentence 1, or None: no finding)
CASES = [
    # glossary terms
    ("missing-term", "Зымыран Байқоңырдан ұшты.", "The rocket took off.", "kk-en", "missing-term"),
    ("term-present", "Зымыран Байқоңырдан ұшты.", "The rocket took off from Baikonur.", "kk-en", None),
    ("term-possessive", "Байқоңырдың тарихы ұзақ.", "Baikonur's history is long.", "kk-en", None),
    ("missing-term-en-kk", "The rocket took off from Baikonur.", "Зымыран ұшты.", "en-kk", "missing-term"),
    ("term-head-noun-left-out", "It is the language of the Maldives.", "Бұл — Мальдив тілі.", "en-kk", None),
    ("term-head-noun-missing", "It is the language of the Maldives.", "Бұл — жергілікті тіл.", "en-kk", "missing-term"),
    ("part-of-longer-name", "The singer Sezen Aksu sang.", "Әнші Сезен ән айтты.", "en-kk", None),
    ("title-before-name", "Mayor Aksu spoke.", "Әкім сөйледі.", "en-kk", "missing-term"),
    ("republic-after-name", "Ақсу Республикасы шағын.", "The republic is small.", "kk-en", "missing-term"),
    ("russian-spelling", "The town of Aksu is small.", "Аксу қаласы шағын.", "en-kk", "term-variant"),
    ("term-inflected-kk", "The rocket took off from Baikonur.", "Зымыран Байқоңырдан ұшты.", "en-kk", None),
    ("forbidden", "Зымыран Байқоңырдан ұшты.", "The rocket took off from Baykonur.", "kk-en", "forbidden-variant"),
    ("forbidden-2", "Роскосмос мәлімдеме жасады.", "Roskosmos made a statement.", "kk-en", "forbidden-variant"),
    ("near-spelling", "Зымыран Байқоңырдан ұшты.", "The rocket took off from Baikonour.", "kk-en", "term-variant"),
    # a case-sensitive name that is also a common noun, capitalised only as the first word
    ("case-sensitive-initial", "Бәйтерек биік өсті.", "The poplar grew tall.", "kk-en", None),
    ("case-sensitive-inside", "Жаңа Бәйтерек кешені дайын.", "The new complex is ready.", "kk-en", "missing-term"),
    # numbers: digits, decimals, Kazakh number words
    ("number-same", "Бағасы 2 250 теңге.", "It costs 2,250 tenge.", "kk-en", None),
    ("number-changed", "Бағасы 2 250 теңге.", "It costs 2,350 tenge.", "kk-en", "number-mismatch"),
    ("decimal-comma", "Өсім 6,34 пайыз болды.", "Growth was 6.34 percent.", "kk-en", None),
    ("decimal-changed", "Өсім 6,34 пайыз болды.", "Growth was 6.43 percent.", "kk-en", "number-mismatch"),
    ("million-words", "Жобаға 115 миллион доллар бөлінді.", "115 million dollars were allocated.", "kk-en", None),
    ("million-digits", "Жобаға 115 миллион доллар бөлінді.", "115,000,000 dollars were allocated.", "kk-en", None),
    ("million-changed", "Жобаға 115 миллион доллар бөлінді.", "115 billion dollars were allocated.", "kk-en", "number-mismatch"),
    ("more-than", "Оны 300 миллионнан астам адам көрді.", "More than 300 million people saw it.", "kk-en", None),
    ("more-than-changed", "Оны 300 миллионнан астам адам көрді.", "More than 30 million people saw it.", "kk-en", "number-mismatch"),
    ("kk-words", "Жиырма бес адам келді.", "25 people came.", "kk-en", None),
    ("number-lost", "Ол 1958 жылы келді.", "He came that year.", "kk-en", "number-mismatch"),
    ("year-short", "The 1990s were hard.", "90-жылдары қиын болды.", "en-kk", None),
    ("year-changed", "He stayed until 1958.", "Ол 1558 жылға дейін қалды.", "en-kk", "number-mismatch"),
    ("number-twice", "He had 2 goals and 2 assists.", "Ол 3 гол соқты және 2 пас берді.", "en-kk", "number-mismatch"),
    ("code-same", "Flight CG4684 landed.", "CG4684 рейсі қонды.", "en-kk", None),
    ("code-changed", "Flight CG4684 landed.", "CG4284 рейсі қонды.", "en-kk", "number-mismatch"),
    ("en-kk-million", "More than 300 million people saw it.", "Оны 300 миллионнан астам адам көрді.", "en-kk", None),
    # script left in
    ("cyrillic-in-en", "Ол ғарыш айлағына барды.", "He went to the ғарыш port.", "kk-en", "untranslated"),
    ("latin-in-kk", "He went to the spaceport.", "Ол spaceport айлағына барды.", "en-kk", "untranslated"),
    ("latin-name-kept", "Mossack Fonseca is a law firm in Panama.", "Mossack Fonseca — Панамадағы заң фирмасы.", "en-kk", None),
    ("latin-quoted-word", 'The word comes from Latin "cella".', '"cella" деген латын сөзінен шыққан.', "en-kk", None),
    ("latin-address-kept", "See www.example.com for details.", "Толығырақ www.example.com сайтында.", "en-kk", None),
    ("latin-site-file-kept", "Today Tengrinews.kz published its report in report.pdf.",
     "Бүгін Tengrinews.kz сайты өз есебін report.pdf файлында жариялады.", "en-kk", None),
    ("kazakh-latin-as-published", "The garden of the city is green.", "Qalanyŋ baǧy jasyl.", "en-kk", None),
    # Spanish, Polish and Czech letters are no Kazakh: a copied sentence is still untranslated
    ("copied-accented", "Pedro Sánchez met the king in Madrid.", "Pedro Sánchez met the king in Madrid.", "en-kk", "untranslated"),
    ("latin-other-addresses-kept", "Run setup.exe from yna.co.kr today.", "Бүгін yna.co.kr сайтынан setup.exe файлын іске қосыңыз.", "en-kk", None),
    ("kazakh-latin-alphabet", "Kazakh is spoken here.", "Mūnda qazaq tılınde söileidı.", "en-kk", None),
    ("name-heading", "Jardín de la Unión.", "Jardín de la Unión.", "kk-en", None),
    ("name-heading-en-kk", "Jardín de la Unión.", "Jardín de la Unión.", "en-kk", None),
    ("copied-title-case", "Player of the Day is Alex Ovechkin.", "Player of the Day is Alex Ovechkin.", "en-kk", "untranslated"),
    ("copied-english", "He went to the spaceport.", "He went to the spaceport.", "en-kk", "untranslated"),
    ("copied-source", "Ол ғарыш айлағына барды.", "Ол ғарыш айлағына барды.", "kk-en", "untranslated"),
    ("symbol-x", "Пленка 36 x 24 мм.", "The film is 36 x 24 mm.", "kk-en", None),
    ("latin-technical-kept", "It routes all traffic, not only http.", "Ол тек http емес, бүкіл трафикті бағыттайды.", "en-kk", None),
    ("latin-technical-not-in-source", "It routes all traffic.", "Ол бүкіл http трафикті бағыттайды.", "en-kk", "untranslated"),
    ("latin-name-misspelt", "Details are on their Corcovado page.", "Мәліметтер Corvocado бетінде.", "en-kk", None),
    ("latin-name-other", "Details are on their Corcovado page.", "Мәліметтер Cordoba бетінде.", "en-kk", "untranslated"),
    # empty or dropped output
    ("empty", "Ол ғарыш айлағына барды.", "", "kk-en", "empty-output"),
    ("blank", "He went to the spaceport.", "  ", "en-kk", "empty-output"),
    (
        "dropped",
        "Зымыран таңертең ұшты. Ұшу сәтті өтті деп хабарлады агенттік.",
        "The rocket took off in the morning.",
        "kk-en",
        "dropped-sentence",
    ),
    (
        "not-dropped",
        "Зымыран таңертең ұшты. Ұшу сәтті өтті деп хабарлады агенттік.",
        "The rocket took off in the morning. The agency reported that the launch went well.",
        "kk-en",
        None,
    ),
    # length
    (
        "too-long",
        "Ол келді.",
        "He came, and then he talked for a very long time about everything that had happened to him "
        "on the way, the weather, the roads and the people he met.",
        "kk-en",
        "length-ratio",
    ),
    ("too-short", "Ол ғарыш айлағына барып, онда үш күн бойы жұмыс істеп, кейін үйіне қайтты.", "He went.", "kk-en", "length-ratio"),
    ("length-ok", "Ол ғарыш айлағына барды.", "He went to the spaceport.", "kk-en", None),
    # repeated n-grams
    ("loop", "Ол ғарыш айлағына барды.", "He went to the the the the spaceport.", "kk-en", "repeated-ngram"),
    ("loop-phrase", "He went to the spaceport.", "Ол ғарыш айлағына айлағына айлағына айлағына барды.", "en-kk", "repeated-ngram"),
    ("refrain-in-source", "Алға, алға, алға, батыр!", "Forward, forward, forward, hero!", "kk-en", None),
    # quotes and brackets
    ("open-bracket", "Ол (бас инженер) келді.", "He (the chief engineer came.", "kk-en", "unbalanced-brackets"),
    ("open-quote", "Ол «Бәйтерек» туралы айтты.", "He spoke about «Baiterek.", "kk-en", "unbalanced-brackets"),
    ("balanced", "Ол «Бәйтерек» туралы айтты.", 'He spoke about "Baiterek".', "kk-en", None),
    ("crossed", "Ол (бас «инженер») келді.", "Ол (бас «инженер)» келді.", "en-kk", "unbalanced-brackets"),
]


def _run(case):
    _id, src, tgt, direction, _code = case
    sl, tl = direction.split("-")
    lead_s, lead_t = LEAD[(sl, tl)]
    return check([lead_s, src], [lead_t, tgt], GLOSSARY, source_lang=sl, target_lang=tl)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_golden_cases(case):
    _id, src, tgt, direction, code = case
    findings = _run(case)
    assert not [f for f in findings if f.sentence == 0], "the clean lead pair must not be flagged"
    codes = {f.code for f in findings if f.sentence == 1}
    if code is None:
        assert not codes, f"unexpected findings: {[(f.code, f.message) for f in findings]}"
    else:
        assert code in codes, f"expected {code}, got {[(f.code, f.message) for f in findings]}"


def test_every_check_has_a_positive_and_a_negative_case():
    positive = {c[4] for c in CASES if c[4]} | {"inconsistent-rendering"}  # a document-level check
    for name, chk in CHECKS.items():
        assert positive & set(chk.codes), f"no positive case for check {name}"
    assert {c[3] for c in CASES if c[4]} == {"kk-en", "en-kk"}
    assert {c[3] for c in CASES if not c[4]} == {"kk-en", "en-kk"}


@pytest.mark.parametrize("case", [c for c in CASES if c[4]], ids=[c[0] for c in CASES if c[4]])
def test_finding_fields_and_spans(case):
    _id, src, tgt, _direction, code = case
    for f in _run(case):
        assert f.code in CODES
        assert f.severity in SEVERITIES
        assert f.message and f.message[0].islower() or f.message[0] in "'\"«"
        assert f.sentence in (0, 1)
        for span, text in ((f.source_span, src), (f.target_span, tgt)):
            if span is not None:
                a, b = span
                assert 0 <= a <= b <= len(text)


# The exact finding for a few cases: what a reviewer reads.
def test_forbidden_variant_finding():
    (f,) = check(["Зымыран Байқоңырдан ұшты."], ["The rocket took off from Baykonur's pad."], GLOSSARY)
    assert (f.code, f.severity, f.sentence) == ("forbidden-variant", "error", 0)
    src, tgt = "Зымыран Байқоңырдан ұшты.", "The rocket took off from Baykonur's pad."
    assert src[slice(*f.source_span)] == "Байқоңырдан"
    assert tgt[slice(*f.target_span)] == "Baykonur's"
    assert f.suggestion == "Baikonur's"
    assert "Baikonur" in f.message


def test_missing_term_finding():
    src = "Ол кеше Байқоңырға барды."
    (f,) = check([src], ["He went there yesterday."], GLOSSARY)
    assert (f.code, f.severity) == ("missing-term", "error")
    assert src[slice(*f.source_span)] == "Байқоңырға"
    assert f.target_span is None
    assert "'Baikonur'" in f.message


def test_number_mismatch_finding_suggests_the_source_number():
    src, tgt = "Өсім 6,34 пайыз болды.", "Growth was 6.43 percent."
    (f,) = check([src], [tgt])
    assert src[slice(*f.source_span)] == "6,34"
    assert tgt[slice(*f.target_span)] == "6.43"
    assert f.suggestion == "6.34"
    (g,) = check([tgt.replace("6.43", "6.34")], ["Өсім 6,43 пайыз болды."], source_lang="en", target_lang="kk")
    assert g.suggestion == "6,34"


def test_repeated_ngram_suggests_one_copy():
    tgt = "He went to the the the the spaceport."
    (f,) = check(["Ол ғарыш айлағына барды."], [tgt], skip=["length"])
    assert tgt[slice(*f.target_span)] == "the the the the"
    assert f.suggestion == "the"


def test_untranslated_word_span():
    tgt = "He went to the ғарыш port."
    (f,) = check(["Ол ғарыш айлағына барды."], [tgt])
    assert (f.code, f.severity) == ("untranslated", "warning")
    assert tgt[slice(*f.target_span)] == "ғарыш"


def test_inconsistent_rendering_across_the_document():
    sources = ["Астана үлкен қала.", "Мен Астанаға бардым.", "Астанада қар жауды."]
    targets = ["Astana is a big city.", "I went to Astana.", "It snowed in Nur-Sultan."]
    (f,) = check(sources, targets, GLOSSARY)
    assert (f.code, f.severity, f.sentence) == ("inconsistent-rendering", "warning", 2)
    assert targets[2][slice(*f.target_span)] == "Nur-Sultan"
    assert f.suggestion == "Astana"
    assert "sentence(s) 0, 1" in f.message
    # one form throughout: no finding, whichever accepted form it is
    assert check(sources, [t.replace("Astana", "Nur-Sultan") for t in targets], GLOSSARY) == []
    assert check(sources, [t.replace("Nur-Sultan", "Astana") for t in targets], GLOSSARY) == []


def test_quote_over_several_sentences_is_balanced():
    sources = ["Ол: «Мен келемін.", "Ертең барамын», – деді."]
    targets = ['He said: "I will come.', 'I will go tomorrow."']
    assert check(sources, targets, only=["brackets"]) == []


@pytest.mark.parametrize(
    "text, lang, values",
    [
        ("115 миллион", "kk", {115e6}),
        ("300 миллионнан астам", "kk", {300e6}),
        ("жиырма бес", "kk", {25}),
        ("бір жарым миллион", "kk", {1.5e6}),
        ("екі мың он сегізінші", "kk", {2018}),
        ("115 million", "en", {115e6}),
        ("twenty-five", "en", {25}),
        ("one hundred and twenty", "en", {120}),
        ("2,250", "en", {2250, 2.25}),
        ("12 000", "kk", {12000}),
    ],
)
def test_number_values(text, lang, values):
    (m,) = mentions(text, lang)
    assert {v for v in m.values if not isinstance(v, tuple)} == values


def test_only_and_skip():
    src, tgt = ["Бағасы 2 250 теңге."], ["It costs 2,350 tenge tenge tenge."]
    assert {f.code for f in check(src, tgt)} == {"number-mismatch", "repeated-ngram"}
    assert {f.code for f in check(src, tgt, only=["numbers"])} == {"number-mismatch"}
    assert {f.code for f in check(src, tgt, only="repeated-ngram")} == {"repeated-ngram"}
    assert {f.code for f in check(src, tgt, skip=["numbers"])} == {"repeated-ngram"}
    with pytest.raises(UsageError, match="valid: .*'numbers'"):
        check(src, tgt, only=["digits"])


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        ((["a", "b"], ["a"]), {}, "2 source sentences but 1 target"),
        (("a text", ["a"]), {}, "lists of source sentences"),
        ((["a"], [None]), {}, "target sentence 0 is a NoneType"),
        ((["a"], ["b"]), {"source_lang": "ru"}, "unknown source language 'ru'. Choose 'kk' or 'en'"),
        ((["a"], ["b"]), {"source_lang": "en", "target_lang": "en"}, "both 'en'"),
    ],
)
def test_check_bad_arguments(args, kwargs, message):
    with pytest.raises(UsageError, match=message):
        check(*args, **kwargs)


def test_check_no_sentences():
    assert check([], []) == []


# --- check_documents --------------------------------------------------------------------------------

SOURCE_DOC = (
    "Зымыран Байқоңырдан таңертең ұшты. Ұшу сәтті өтті, деп хабарлады агенттік. "
    "Келесі ұшу 2026 жылы жоспарланған.\n\nАстанада жиналыс болды."
)
TARGET_DOC = (
    "The rocket took off from Baikonur in the morning. The launch went well, the agency reported. "
    "The next launch is planned for 2026.\n\nA meeting was held in Astana."
)


def test_check_documents_clean():
    draft = check_documents(SOURCE_DOC, TARGET_DOC, GLOSSARY)
    assert draft.findings == ()
    assert len(draft.sentences) == 4
    for s in draft.sentences:
        assert SOURCE_DOC[s.start : s.end] == s.source
    assert [s.paragraph for s in draft.sentences] == [0, 0, 0, 1]
    assert draft.signature.engine == "human"


def test_check_documents_finds_a_deleted_sentence_and_changed_number():
    target = TARGET_DOC.replace("The launch went well, the agency reported. ", "").replace("2026", "2027")
    draft = check_documents(SOURCE_DOC, target, GLOSSARY)
    by_code = {f.code: f for f in draft.findings}
    assert "unaligned-source" in by_code or "dropped-sentence" in by_code
    f = by_code.get("unaligned-source") or by_code["dropped-sentence"]
    pair = draft.sentences[f.sentence]
    assert "Ұшу сәтті өтті" in pair.source[slice(*f.source_span)]
    n = by_code["number-mismatch"]
    assert draft.sentences[n.sentence].target[slice(*n.target_span)] == "2027"


def test_check_documents_en_kk():
    draft = check_documents(TARGET_DOC, SOURCE_DOC.replace("Байқоңырдан", "Baykonur-дан"), GLOSSARY,
                            source_lang="en", target_lang="kk")
    assert {f.code for f in draft.findings} >= {"missing-term"}
    assert all(f.sentence is not None for f in draft.findings)


def test_check_documents_aligned_lines():
    src = "Бірінші жол.\nЕкінші жол 5.\n"
    tgt = "First line.\nSecond line 6.\n"
    draft = check_documents(src, tgt, aligned=True)
    assert [s.source for s in draft.sentences] == ["Бірінші жол.", "Екінші жол 5."]
    assert [(f.code, f.sentence) for f in draft.findings] == [("number-mismatch", 1)]
    assert draft.signature.splitter == "lines"
    with pytest.raises(InputError, match="source has 2 non-empty lines and the target 1"):
        check_documents(src, "First line.\n", aligned=True)


@pytest.mark.parametrize("src, tgt", [("", "Text."), ("Мәтін.", "  \n"), ("Мәтін.", "")])
def test_check_documents_empty(src, tgt):
    with pytest.raises(InputError, match="is empty: nothing to check"):
        check_documents(src, tgt)


# --- invariants -------------------------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("аәбғқңөұүһіАБҚ abcXYZ 0123456789.,;:!?«»\"()[]-'’\n")), max_size=60
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TEXT, _TEXT), max_size=4), st.booleans())
def test_findings_are_well_formed(pairs, kk_en):
    sl, tl = ("kk", "en") if kk_en else ("en", "kk")
    sources, targets = [p[0] for p in pairs], [p[1] for p in pairs]
    findings = check(sources, targets, GLOSSARY, source_lang=sl, target_lang=tl)
    assert [f.sentence for f in findings] == sorted(f.sentence for f in findings)
    for f in findings:
        assert f.code in CODES and f.severity in SEVERITIES
        assert 0 <= f.sentence < len(pairs)
        for span, text in ((f.source_span, sources[f.sentence]), (f.target_span, targets[f.sentence])):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(text)
