"""Glossary enforcement: the guarantee on a useless (random-weight) model, repair, consistency.

The tiny NLLB model of ``tests/conftest.py`` has random weights, so whatever it writes is noise:
every required rendering in its output is there because enforcement put it there. Its target
vocabulary spells Baikonur as ``▁ B a ikonur`` and Baiterek as ``▁ B a iterek`` (terms whose tokens
overlap), Байқоңыр as one token, and cannot spell 北京 (``<unk>``).
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkaligner.engines.base import DecodeOptions
from kkaligner.lang.spelling import near_variant
from kkaligner.terms import (
    Outcome,
    SentencePlan,
    finalize,
    occurrences,
    plan,
    repair_text,
    repaired,
    satisfied_count,
    substitute_near,
    substitute_transliterated,
    substitute_variants,
)
from kkaligner.errors import UsageError
from kkaligner.glossary import Glossary
from kkaligner.types import Constraint, Hypothesis, Term

BAIKONUR = Term(source="Байқоңыр", target="Baikonur", forbidden=("Baykonur",))
BAITEREK = Term(source="Бәйтерек", target="Baiterek", forbidden=("Bayterek",))
ASTANA = Term(source="Астана", target="Astana", alternatives=("Nur-Sultan",))
COSMODROME = Term(source="Байқоңыр ғарыш айлағы", target="Baikonur Cosmodrome")
BEIJING = Term(source="Бейжің", target="北京")  # the tiny vocabulary has no CJK letters
SINGLE = Term(source="Байқоңыр", target="Байқоңыр", dnt=True)  # one target token: ▁Байқоңыр


def c(term: Term) -> Constraint:
    return Constraint(options=(term.source if term.dnt else term.target, *term.alternatives),
                      forbidden=term.forbidden, term=term)


SOURCES = {
    "single-token": ("Байқоңыр қаласы.", [c(SINGLE)]),
    "multi-token": ("Байқоңырда зымыран ұшырылды.", [c(BAIKONUR)]),
    "multi-word": ("Байқоңыр ғарыш айлағы жұмыс істейді.", [c(COSMODROME)]),
    "two-terms": ("Астанадан Байқоңырға ұшты.", [c(ASTANA), c(BAIKONUR)]),
    "required-twice": ("Байқоңыр мен Байқоңыр.", [c(BAIKONUR), c(BAIKONUR)]),
    "overlapping-tokens": ("Бәйтерек Байқоңырда тұр.", [c(BAITEREK), c(BAIKONUR)]),
    "three-with-repeat": ("Байқоңыр, Бәйтерек және Байқоңыр.", [c(BAIKONUR), c(BAITEREK), c(BAIKONUR)]),
}


def assert_enforced(text: str, constraints, lang: str = "en") -> None:
    """Every rendering as often as required, no forbidden variant, once the text is repaired as
    finalize repairs it (engines return what the model wrote; a variant counts as the term)."""
    text = repaired(text, constraints, lang)
    for constraint, need in Counter(constraints).items():
        assert len(occurrences(text, constraint, lang)) >= need, (text, constraint.options, need)
        for variant in constraint.forbidden:
            assert not re.search(r"(?<!\w)" + re.escape(variant), text, re.IGNORECASE), (text, variant)


@pytest.fixture(scope="module")
def engines(tiny_nllb_dir, tmp_path_factory):
    """Both registered engines on the random tiny model (ct2 only when installed)."""
    from kkaligner.engines import available, load_engine

    loaded = {"transformers": load_engine("transformers", str(tiny_nllb_dir), device="cpu")}
    if available("ct2"):
        loaded["ct2"] = load_engine(
            "ct2", str(tiny_nllb_dir), device="cpu", compute_type="float32",
            cache_dir=tmp_path_factory.mktemp("ct2-enforce"), status=lambda m: None, intra_threads=1,
        )
    yield loaded
    for engine in loaded.values():
        engine.close()


ENGINES = ["transformers", "ct2"]


def _engine(engines, name):
    if name not in engines:
        pytest.skip(f"engine {name} is not installed")
    return engines[name]


# --- the guarantee on a random model --------------------------------------------------------------


@pytest.mark.parametrize("beam", [1, 4])
@pytest.mark.parametrize("name", ENGINES)
def test_every_term_is_forced_on_a_random_model(engines, name, beam):
    engine = _engine(engines, name)
    cases = list(SOURCES.values())
    options = DecodeOptions(beam_size=beam, max_length=40)
    plain = engine.translate([s for s, _ in cases], "kk", "en", replace_enforce(options, False), [cs for _, cs in cases])
    # The model is useless: without enforcement (almost) nothing is rendered.
    assert sum(all(occurrences(h[0].text, x) for x in cs) for h, (_, cs) in zip(plain, cases)) <= 1
    out = engine.translate([s for s, _ in cases], "kk", "en", options, [cs for _, cs in cases])
    assert len(out) == len(cases)
    for (source, constraints), hyps in zip(cases, out):
        assert hyps and hyps[0].text.strip(), source  # no sentence lost
        assert_enforced(hyps[0].text, constraints)


def replace_enforce(options: DecodeOptions, enforce: bool) -> DecodeOptions:
    from dataclasses import replace

    return replace(options, enforce=enforce)


@pytest.mark.parametrize("name", ENGINES)
def test_forbidden_variant_never_appears(engines, name):
    """Whatever the model likes to write, declared a forbidden variant, is gone from the draft."""
    engine = _engine(engines, name)
    source = "Ресей президенті Қазақстанға келді."
    options = DecodeOptions(beam_size=2, max_length=24)
    plain = engine.translate([source], "kk", "en", options)[0][0].text
    word = max(re.findall(r"\w+", plain), key=len)
    term = Term(source="Ресей", target="Russia", forbidden=(word,))
    out = engine.translate([source], "kk", "en", options, [[c(term)]])[0][0].text
    assert_enforced(out, [c(term)])


@pytest.mark.parametrize("name", ENGINES)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    picks=st.lists(st.sampled_from([BAIKONUR, BAITEREK, ASTANA, COSMODROME, SINGLE]), min_size=1, max_size=3),
    beam=st.sampled_from([1, 3]),
)
def test_guarantee_holds_for_any_term_set(engines, name, picks, beam):
    """Property: any multiset of forceable terms is honoured, by either engine."""
    constraints = [c(t) for t in picks]
    out = _engine(engines, name).translate(
        ["Байқоңыр мен Бәйтерек Астанада."], "kk", "en", DecodeOptions(beam_size=beam, max_length=48), [constraints]
    )
    assert_enforced(out[0][0].text, constraints)


# --- unforceable terms ------------------------------------------------------------------------------


@pytest.mark.parametrize("beam", [1, 4])
@pytest.mark.parametrize("name", ENGINES)
def test_unforceable_term_is_flagged_not_looped(engines, name, beam):
    engine = _engine(engines, name)
    source = "Бейжің мен Байқоңыр."
    constraints = [c(BEIJING), c(BAIKONUR)]
    out = engine.translate([source], "kk", "en", DecodeOptions(beam_size=beam, max_length=24), [constraints])
    text = out[0][0].text
    assert text.strip()  # returned, within the length limit, not lost
    assert len(text.split()) <= 24
    assert out[0][0].unforceable == ("北京",)  # reported with the sentence, Baikonur is not
    assert_enforced(text, [c(BAIKONUR)])  # the forceable term still is forced
    glossary = Glossary.from_terms([BEIJING, BAIKONUR])
    [outcome] = finalize(plan([source], glossary), out)
    by_term = {u.term.target: u for u in outcome.terms}
    assert by_term["北京"].status == "missing" and by_term["Baikonur"].status == "applied"
    [finding] = [f for f in outcome.findings if f.code == "term-unforceable"]
    assert finding.severity == "error" and finding.source_span == (0, 6) and finding.suggestion == "北京"


def test_unforceable_but_present_is_not_flagged():
    hyps = [[Hypothesis("Beijing 北京")]]
    [outcome] = finalize(plan(["Бейжің"], Glossary.from_terms([BEIJING])), hyps)
    assert outcome.terms[0].status == "applied" and not outcome.findings


def test_pipeline_reports_unforceable_terms(tiny_nllb_dir):
    from kkaligner.pipeline import Translator

    glossary = Glossary.from_terms([BEIJING, BAIKONUR])
    with Translator(str(tiny_nllb_dir), engine="transformers", glossary=glossary, use_default_glossary=False,
                    beam_size=2, max_length=24, device="cpu") as translator:
        draft = translator.translate("Бейжің туралы.\n\nБайқоңырда зымыран ұшырылды.")
    assert [u.status for s in draft.sentences for u in s.terms] == ["missing", "applied"]
    [finding] = [f for f in draft.findings if f.code == "term-unforceable"]
    assert finding.sentence == 0
    assert "Baikonur" in draft.sentences[1].target


def test_cli_reports_terms_and_strict_fails_on_enforcement_errors(run_cli, tiny_nllb_dir, tmp_path):
    gl = tmp_path / "g.tsv"
    gl.write_text("source\ttarget\tforbidden\nБейжің\t北京\t\nБайқоңыр\tBaikonur\tBaykonur\n", encoding="utf-8")
    report = tmp_path / "report.json"
    args = ["translate", "-", "--model", tiny_nllb_dir, "--engine", "transformers", "--glossary", gl,
            "--no-default-glossary", "--beam", "1", "--max-length", "24", "--report", report]
    result = run_cli([*args, "--strict"], input="Бейжің туралы. Байқоңырда зымыран ұшырылды.\n")
    assert result.exit_code == 1, result.output
    assert "glossary terms 1/2 applied" in result.stderr
    assert "term-unforceable" in result.stderr
    assert "0 put in by repair, 1 the model cannot spell" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert "term-unforceable" in {f["code"] for f in data["findings"]}
    assert {t["status"] for t in data["matches"]} == {"applied", "missing"}
    ok = run_cli(args, input="Байқоңырда зымыран ұшырылды.\n")
    assert ok.exit_code == 0, ok.output
    assert "glossary terms 1/1 applied" in ok.stderr


# --- en→kk: Kazakh targets in any inflected form --------------------------------------------------


def test_plan_reverses_entries_for_english_sources():
    glossary = Glossary.from_terms([BAIKONUR, BAITEREK])
    [p] = plan(["The Baiterek complex at Baikonur."], glossary, "en", "kk")
    assert [x.options for x in p.constraints] == [("Бәйтерек",), ("Байқоңыр",)]
    assert all(not x.forbidden for x in p.constraints)  # English spellings mean nothing in Kazakh
    [p] = plan(["Байқоңырда"], glossary, "kk", "en")
    assert p.constraints[0].options == ("Baikonur",) and p.constraints[0].forbidden == ("Baykonur",)


@pytest.mark.parametrize(
    "text, lemma, found",
    [
        ("Байқоңырда зымыран", "Байқоңыр", ["Байқоңырда"]),
        ("Бәйтерегі биік", "Бәйтерек", ["Бәйтерегі"]),  # к voiced to г before a vowel
        ("Бәйтеректің құрылысы", "Бәйтерек", ["Бәйтеректің"]),
        ("байқоңырдан және Байқоңырға", "Байқоңыр", ["байқоңырдан", "Байқоңырға"]),
        ("Жаңабайқоңыр", "Байқоңыр", []),  # not at a word start
        ("Бәйтерексіз", "Астана", []),
    ],
)
def test_kazakh_occurrences_accept_inflected_forms(text, lemma, found):
    spans = occurrences(text, Constraint(options=(lemma,)), "kk")
    assert [text[a:b] for a, b in spans] == found


@pytest.mark.parametrize("name", ENGINES)
def test_en_kk_terms_are_forced(engines, name):
    engine = _engine(engines, name)
    glossary = Glossary.from_terms([BAIKONUR, BAITEREK, ASTANA])
    sources = ["The Baiterek complex is at Baikonur.", "Astana and Astana again."]
    plans = plan(sources, glossary, "en", "kk")
    out = engine.translate(sources, "en", "kk", DecodeOptions(beam_size=2, max_length=40),
                           [list(p.constraints) for p in plans])
    for p, hyps in zip(plans, out):
        assert_enforced(hyps[0].text, p.constraints, "kk")
    outcomes = finalize(plans, out, source_lang="en", target_lang="kk")
    assert all(u.status == "applied" for o in outcomes for u in o.terms)


def test_en_kk_term_use_points_at_the_inflected_form():
    glossary = Glossary.from_terms([BAITEREK])
    [p] = plan(["Near Baiterek."], glossary, "en", "kk")
    [o] = finalize([p], [[Hypothesis("Бәйтерегінің жанында.")]], source_lang="en", target_lang="kk")
    assert o.terms[0].status == "applied" and o.target[slice(*o.terms[0].target_span)] == "Бәйтерегінің"


# --- choosing among hypotheses, repair ----------------------------------------------------------------


def test_finalize_prefers_the_hypothesis_with_the_terms():
    p = plan(["Байқоңыр мен Байқоңыр"], Glossary.from_terms([BAIKONUR]))
    hyps = [[Hypothesis("Baikonur and Moscow", -0.1), Hypothesis("Baikonur and Baikonur", -0.5)]]
    [o] = finalize(p, hyps)
    assert o.target == "Baikonur and Baikonur" and [u.target_span for u in o.terms] == [(0, 8), (13, 21)]
    assert satisfied_count(o.target, p[0].constraints) == 2


def test_alternatives_are_repaired_distinct_and_keep_the_renderings():
    from kkaligner.terms import alternatives_of

    [p] = plan(["Байқоңыр мен Мәскеу"], Glossary.from_terms([BAIKONUR]))
    hyps = [Hypothesis("Baikonur and Moscow"), Hypothesis("Baykonur and Moscow"), Hypothesis("Moscow only"),
            Hypothesis("Baykonur with Moscow"), Hypothesis("Baikonur with Moscow"), Hypothesis("Baikonur, Moscow")]
    assert alternatives_of(p, hyps, "Baikonur and Moscow") == ("Baikonur with Moscow", "Baikonur, Moscow")
    assert alternatives_of(p, hyps, "Baikonur and Moscow", limit=1) == ("Baikonur with Moscow",)
    # without a glossary term every other text is an alternative
    [free] = plan(["Мәскеу"], Glossary.from_terms([BAIKONUR]))
    assert alternatives_of(free, [Hypothesis("Moscow"), Hypothesis("Moscow."), Hypothesis(" ")], "Moscow") == ("Moscow.",)


@pytest.mark.parametrize("engine", ["transformers", "ct2"])
def test_translator_alternatives(tiny_nllb_dir, engine):
    from kkaligner.pipeline import Translator

    pytest.importorskip("ctranslate2") if engine == "ct2" else None
    glossary = Glossary.from_terms([BAIKONUR])
    text = "Байқоңырда зымыран ұшырылды.\nЕкінші сөйлем осында."
    with Translator(str(tiny_nllb_dir), engine=engine, glossary=glossary, use_default_glossary=False, beam_size=2,
                    max_length=16, device="cpu", memory=False) as tr:
        plain = tr.translate(text)
        draft = tr.translate(text, alternatives=3)
        with pytest.raises(UsageError, match="whole number"):
            tr.translate(text, alternatives=-1)
    assert [s.target for s in draft.sentences] == [s.target for s in plain.sentences]  # the draft is the same
    assert all(not s.alternatives for s in plain.sentences)
    for s in draft.sentences:
        assert len(s.alternatives) <= 3 and s.target not in s.alternatives
        assert len(set(s.alternatives)) == len(s.alternatives)
    assert all("Baikonur" in a for a in draft.sentences[0].alternatives)
    assert draft.sentences[1].alternatives  # a sentence without terms: the n-best of a wider beam
    texts = draft.alternative_texts()
    assert texts and draft.text not in texts and all(t.count("\n") == 1 for t in texts)  # the layout kept
    assert texts[0].split("\n")[1] == draft.sentences[1].alternatives[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Launched from Baykonur.", "Launched from Baikonur."),
        ("Baykonur's pad and baykonur", "Baikonur's pad and Baikonur"),  # 's kept, any case found
        ("The Baykonurs", "The Baikonurs"),
    ],
)
def test_repair_replaces_forbidden_variants(text, expected):
    [p] = plan(["Байқоңырдан"], Glossary.from_terms([BAIKONUR]))
    [o] = finalize([p], [[Hypothesis(text)]])
    assert o.target == expected
    assert o.terms[0].status == "forced" and o.target[slice(*o.terms[0].target_span)].startswith("Baikonur")


def test_repair_keeps_kazakh_endings():
    term = Term(source="Baikonur", target="Байқоңыр", forbidden=("Байконур",), source_lang="en", target_lang="kk")
    [p] = plan(["At Baikonur."], Glossary.from_terms([term]), "en", "kk")
    [o] = finalize([p], [[Hypothesis("Байконурда болды.")]], source_lang="en", target_lang="kk")
    assert o.target == "Байқоңырда болды." and o.terms[0].status == "forced"


def test_repair_leaves_ambiguous_variants():
    shared = Term(source="Бәйтерек", target="Baiterek", forbidden=("Bay",))
    other = Term(source="Байқоңыр", target="Baikonur", forbidden=("Bay",))
    cons = [c(shared), c(other)]
    assert substitute_variants("Bay and more", cons)[0] == "Bay and more"  # which term? unknown
    # A variant that begins the approved rendering is never "replaced" inside it.
    long = Term(source="Байқоңыр ғарыш айлағы", target="Baikonur Cosmodrome", forbidden=("Baikonur",))
    assert substitute_variants("Baikonur Cosmodrome", [c(long)])[0] == "Baikonur Cosmodrome"
    # No repair when asked not to: the variant stays and the term is missing.
    [p] = plan(["Байқоңыр"], Glossary.from_terms([BAIKONUR]))
    [o] = finalize([p], [[Hypothesis("Baykonur")]], repair=False)
    assert o.target == "Baykonur" and o.terms[0].status == "missing"


@pytest.mark.parametrize(
    "word, option, near",
    [
        ("Baykonur", "Baikonur", True),
        ("Bayterek", "Baiterek", True),
        ("baikonurr", "Baikonur", True),
        ("Baikonur", "Baikonur", False),  # the rendering itself
        ("Bayterek", "Baikonur", False),  # another name
        ("Kazakhstan", "Baikonur", False),
        ("Arol", "Aral", False),  # too short to tell
        ("Baikonurskaya", "Baikonur", False),  # too long: a derived word
    ],
)
def test_near_variants(word, option, near):
    assert near_variant(word, option) is near


def test_repair_takes_an_unlisted_spelling_for_a_missing_rendering():
    unlisted = Term(source="Байқоңыр", target="Baikonur")
    [p] = plan(["Байқоңыр мен Бәйтерек"], Glossary.from_terms([unlisted, BAITEREK]))
    [o] = finalize([p], [[Hypothesis("Baykonur and Baiterek")]])
    assert o.target == "Baikonur and Baiterek"  # Baiterek, a rendering, is never taken for Baikonur
    assert [u.status for u in o.terms] == ["forced", "applied"]
    # Present already: a look-alike elsewhere is left as it is.
    assert substitute_near("Baikonur and Baykonur", [c(unlisted)])[0] == "Baikonur and Baykonur"
    # Required twice: look-alikes are taken in order until it is there twice.
    assert substitute_near("Baykonur, Baykonurr, Baykonur", [c(unlisted)] * 2)[0] == "Baikonur, Baikonur, Baykonur"


TYURATAM = Term(source="Байқоңыр", target="Tyuratam")  # a rendering unlike the model's "Baykonur"
NUR_SULTAN = Term(source="Астана", target="Nur-Sultan")


@pytest.mark.parametrize(
    "source, text, term, expected",
    [
        # the model's own spelling of the name, found by its likeness to the source name
        ("Шымкент мен Байқоңыр келісім жасады.", "Shymkent and Baykonur signed.", TYURATAM,
         "Shymkent and Tyuratam signed."),
        ("Байқоңырдың ұшырылымы.", "Baykonur's launch.", TYURATAM, "Tyuratam's launch."),  # 's stays
        ("Алматы мен Астана.", "Almaty and Astana.", NUR_SULTAN, "Almaty and Nur-Sultan."),
        # nothing reads like the name: left for decoding to force
        ("Алматы мен Астана.", "Almaty and the capital.", NUR_SULTAN, "Almaty and the capital."),
        ("Шымкент мен Байқоңыр.", "Shymkent and Moscow.", TYURATAM, "Shymkent and Moscow."),
        # two words read alike: the first is taken, as many as are missing
        ("Байқоңыр келді.", "Baykonur and Baykonyr came.", TYURATAM, "Tyuratam and Baykonyr came."),
        # the rendering is there already
        ("Байқоңыр келді.", "Tyuratam came, Baykonur too.", TYURATAM, "Tyuratam came, Baykonur too."),
        # an adjective or demonym reads like the country's name but is not the name
        ("Польша үкіметі шешті.", "The Polish government decided.", Term(source="Польша", target="Poland"),
         "The Polish government decided."),
        ("Бельгия азаматтары келді.", "Belgians came.", Term(source="Бельгия", target="Belgium"), "Belgians came."),
        # a name of several words is not a one-word spelling to replace
        ("Байқоңыр ғарыш айлағы.", "Baykonur space port.", COSMODROME, "Baykonur space port."),
    ],
)
def test_transliterated_spelling_is_replaced(source, text, term, expected):
    assert substitute_transliterated(text, source, [c(term)])[0] == expected


def test_transliterated_spelling_closer_to_another_source_name_stays():
    # "Bayqonys" reads like Байқоныс, another name of the sentence, more than like Байқоңыр.
    term = Term(source="Байқоңыр", target="Tyuratam")
    source = "Байқоныс пен Байқоңыр."
    assert substitute_transliterated("Bayqonys and Mars.", source, [c(term)])[0] == "Bayqonys and Mars."


@pytest.mark.parametrize(
    "word, expected",
    [("Байтеректің", "Бәйтеректің"), ("Байтерегінде", "Бәйтерегінде"), ("Байтерекке", "Бәйтерекке"),
     ("Байтерек", "Бәйтерек"), ("Байтеректегі", "Бәйтеректегі")],
)
def test_transliterated_spelling_in_a_kazakh_target_keeps_its_form(word, expected):
    """The rendering takes the replaced word's case form, its stem cut where it reads like the name."""
    [p] = plan(["Baiterek officials came to Astana."], Glossary.from_terms([BAITEREK]), "en", "kk")
    text, done = substitute_transliterated(f"{word} өкілдері Астанаға келді.", p.source, p.constraints, "kk")
    assert text == f"{expected} өкілдері Астанаға келді."
    assert [text[a:b] for (a, b), _ in done] == [expected]


def test_kazakh_form_is_read_off_the_stem_that_reads_like_the_name():
    # Стамбұл-дың (genitive), not Стамбұлд-ың (second person possessive)
    [p] = plan(["The Istanbul orchestra played."], Glossary.from_terms([Term(source="Ыстамбұл", target="Istanbul")]),
               "en", "kk")
    text, _ = substitute_transliterated("Стамбұлдың оркестрі ойнады.", p.source, p.constraints, "kk")
    assert text == "Ыстамбұлдың оркестрі ойнады."


def test_repair_with_the_source_marks_the_replaced_name_forced():
    glossary = Glossary.from_terms([TYURATAM, BAITEREK])
    [p] = plan(["Байқоңыр мен Бәйтерек келісім жасады."], glossary)
    [o] = finalize([p], [[Hypothesis("Baykonur and Bayterek signed an agreement.")]])
    assert o.target == "Tyuratam and Baiterek signed an agreement."
    assert sorted(u.status for u in o.terms) == ["forced", "forced"]
    # Without the source sentence the repair cannot tell what Baykonur spells.
    assert repair_text("Baykonur and Baiterek.", p.constraints)[0] == "Baykonur and Baiterek."


def test_empty_hypotheses_give_an_empty_target():
    assert finalize([SentencePlan(source="")], [[]]) == [Outcome(target="")]


# --- consistency across a document -------------------------------------------------------------------


def test_glossary_alternatives_follow_the_first_rendering():
    glossary = Glossary.from_terms([ASTANA])
    sources = ["Астана үлкен.", "Астанада жиналыс.", "Астанадан келді."]
    hyps = [[Hypothesis("Nur-Sultan is big.")], [Hypothesis("A meeting in Astana.")], [Hypothesis("Came from Nur-Sultan.")]]
    out = finalize(plan(sources, glossary), hyps)
    assert [o.target for o in out] == ["Nur-Sultan is big.", "A meeting in Nur-Sultan.", "Came from Nur-Sultan."]
    assert all(u.status == "applied" and u.target_span for o in out for u in o.terms)


def test_names_outside_the_glossary_keep_their_first_rendering():
    sources = ["Шымкентте жиналыс болды.", "Шымкенттің әкімі келді.", "Түркістан мен Шымкент."]
    hyps = [[Hypothesis("A meeting was held in Shymkent.")], [Hypothesis("The mayor of Chimkent came.")],
            [Hypothesis("Turkistan and Shimkent.")]]
    out = finalize(plan(sources, None), hyps)
    assert [o.target for o in out] == ["A meeting was held in Shymkent.", "The mayor of Shymkent came.",
                                       "Turkistan and Shymkent."]
    assert [f.code for o in out for f in o.findings] == ["rendering-unified", "rendering-unified"]
    assert out[1].target[slice(*out[1].findings[0].target_span)] == "Shymkent"


def test_names_in_kazakh_targets_keep_their_endings():
    sources = ["Shymkent is big.", "The mayor of Shymkent."]
    hyps = [[Hypothesis("Шымкент үлкен.")], [Hypothesis("Чимкенттің әкімі.")]]
    out = finalize(plan(sources, None, "en", "kk"), hyps, source_lang="en", target_lang="kk")
    assert out[1].target == "Шымкенттің әкімі."


def test_inconsistent_name_is_a_finding_when_the_alignment_is_ambiguous():
    sources = ["Шымкентте жиналыс болды.", "Шымкент Шымкентпен кездесті."]  # named twice: which word is which?
    hyps = [[Hypothesis("A meeting in Shymkent.")], [Hypothesis("Chimkent met Shimkent.")]]
    out = finalize(plan(sources, None), hyps)
    assert out[1].target == "Chimkent met Shimkent."
    codes = [f.code for f in out[1].findings]
    assert codes and set(codes) == {"inconsistent-name"}
    assert out[1].findings[0].suggestion == "Shymkent" and out[1].findings[0].severity == "warning"


def test_derived_words_and_common_words_are_left_alone():
    sources = ["Ол Президентпен кездесті.", "Ол Президенттің жарлығын оқыды."]
    hyps = [[Hypothesis("He met the President.")], [Hypothesis("He read the Presidential decree.")]]
    out = finalize(plan(sources, None), hyps)
    assert [o.target for o in out] == ["He met the President.", "He read the Presidential decree."]
    assert not [f for o in out for f in o.findings]


def test_consistency_can_be_turned_off():
    sources = ["Шымкентте.", "Шымкенттің."]
    hyps = [[Hypothesis("In Shymkent.")], [Hypothesis("Of Chimkent.")]]
    out = finalize(plan(sources, None), hyps, consistent=False)
    assert out[1].target == "Of Chimkent." and not out[1].findings


# --- token tables ----------------------------------------------------------------------------------


def test_forbidden_variants_are_banned_without_aliases(engines):
    from kkaligner.engines.hf_forcing import HFEncoder
    from kkaligner.engines.tokens import compile_sentence

    encoder = HFEncoder(engines["transformers"].tokenizer)
    term = Term(source="Ресей", target="Russia", forbidden=("Rossiya", "Baikonur"))
    banned = compile_sentence(encoder, [c(term)], aliases=False)
    assert banned.bans or banned.ban_always
    aliased = compile_sentence(encoder, [c(term)])
    assert not (aliased.bans or aliased.ban_always)
    done = [k for k, v in aliased.table.items() if any(e[0] == "done" for e in v)]
    assert encoder.word_start("Rossiya") in done and encoder.word_start("Russia") in done


# --- the cost of forcing (ct2) ----------------------------------------------------------------------


def _spy_decode(engine, monkeypatch):
    """Record every ``Ct2Engine.decode`` call's batch, prefixes and overrides."""
    calls = []
    real = type(engine).decode

    def spy(self, source, prefixes, options, **kw):
        results = real(self, source, prefixes, options, **kw)
        calls.append(dict(n=len(source), prefixes=[list(p) for p in prefixes],
                          results=[len(r.hypotheses[0]) for r in results], **kw))
        return results

    monkeypatch.setattr(type(engine), "decode", spy)
    return calls


def test_forcing_decodes_are_greedy_single_and_bounded(engines, monkeypatch):
    """After a beam-4 first pass, a forcing decode continues greedily with one hypothesis, asks for
    attention only when another term may follow, and runs no further than the first pass's length
    plus the rendering and the slack; the guarantee holds all the same."""
    from kkaligner.engines.ct2 import forcing as enforce_ct2

    engine = _engine(engines, "ct2")
    calls = _spy_decode(engine, monkeypatch)
    cases = [SOURCES["multi-token"], SOURCES["two-terms"]]
    options = DecodeOptions(beam_size=4, max_length=40)
    out = engine.translate([s for s, _ in cases], "kk", "en", options, [cs for _, cs in cases])
    for (_, constraints), hyps in zip(cases, out):
        assert_enforced(hyps[0].text, constraints)
    first, *forcing = calls
    assert first["n"] == 2 and first.get("beam_size") is None and first["num_hypotheses"] == 4
    assert forcing, "the random model writes no term: something must be forced"
    longest_first = max(first["results"])
    for call in forcing:
        assert call["beam_size"] == enforce_ct2.FORCE_BEAM == 1 and call["num_hypotheses"] == 1
        slack = max(enforce_ct2.FORCE_SLACK, longest_first // 4)
        longest_prefix = max(map(len, call["prefixes"]))
        bound = min(options.max_length, longest_first + longest_prefix + slack)
        assert call["max_length"] <= max(bound, longest_prefix + 1)  # a prefix is never cut
        assert all(r <= call["max_length"] for r in call["results"])
    calls.clear()
    source, constraints = SOURCES["two-terms"]
    out = engine.translate([source], "kk", "en", options, [constraints])
    assert_enforced(out[0][0].text, constraints)
    assert calls[1]["attention"] is True  # after the first forced term, the second is located
    calls.clear()
    source, constraints = SOURCES["multi-token"]
    out = engine.translate([source], "kk", "en", options, [constraints])
    assert_enforced(out[0][0].text, constraints)
    assert len(calls) == 2 and calls[1]["attention"] is False  # the one missing term: nothing to locate after it


def test_forced_sentences_of_different_batches_are_decoded_together(engines, monkeypatch):
    """Three batches of one sentence (a tight token budget), one forcing decode for all three;
    progress counts every sentence once."""
    engine = _engine(engines, "ct2")
    calls = _spy_decode(engine, monkeypatch)
    texts = ["Байқоңырда зымыран ұшырылды.", "Байқоңыр қаласы үлкен.", "Ресей президенті Қазақстанға келді."]
    constraints = [[c(BAIKONUR)], [c(BAIKONUR)], []]
    done = []
    options = DecodeOptions(beam_size=2, max_length=24, batch_tokens=1)
    out = engine.translate(texts, "kk", "en", options, constraints, progress=done.append)
    assert [call["n"] for call in calls[:3]] == [1, 1, 1]  # the first pass keeps the batches
    assert [call["n"] for call in calls[3:4]] == [2]  # both forced sentences in one decode
    assert sum(done) == len(texts)
    for hyps, cons in zip(out, constraints):
        assert hyps[0].text.strip()
        assert_enforced(hyps[0].text, cons)


# --- the model's own spelling of a name, counted while decoding --------------------------------------


class WordEncoder:
    """A ``tokens.TermEncoder`` whose tokens are whole words (``▁word``) and punctuation."""

    owner = None

    def word_start(self, text):
        return tuple("\u2581" + w for w in text.split())

    def glued(self, text):
        return None

    def decode(self, tokens):
        return "".join(tokens).replace("\u2581", " ").strip()

    def is_unknown(self, token):
        return False

    def is_boundary(self, token):
        return not token[-1].isalnum()


def _decode_count(constraints, source, tokens):
    """What the transformers processor counts, token by token, for ``tokens`` as the draft."""
    from kkaligner.engines import tokens as tk
    from kkaligner.terms import name_likeness

    sent = tk.compile_sentence(WordEncoder(), constraints)
    names = [name_likeness(source, t.constraint, "en", constraints) for t in sent.terms]
    state = tk.TailState(tuple(frozenset() for _ in sent.terms))
    for n in range(1, len(tokens) + 1):
        state = tk.advance(sent, tokens[:n], None, WordEncoder().is_boundary)
        state = tk.near_word(sent, tokens[:n], state, tk.unmet_terms(sent, state), lambda t: t, False, names)
        if not tk.unmet_terms(sent, state):
            break
    return tk.unmet_terms(sent, state)


@pytest.mark.parametrize(
    "terms, source, tokens, counted, repaired",
    [
        # the model's Baykonur is counted for Tyuratam, and the repair puts Tyuratam there
        ([TYURATAM], "Шымкент мен Байқоңыр.", ["▁Shymkent", "▁and", "▁Baykonur", "."], True,
         "Shymkent and Tyuratam."),
        # a word that begins with another rendering (Kazakhstan: Kazakh) is that rendering, not a name
        ([Term(source="Қазақстан", target="Qazaqstan"), Term(source="қазақ", target="Kazakh")],
         "Қазақстандағы қазақ мәдениеті.", ["▁Kazakh", "▁culture", "▁in", "▁Kazakhstan", "."], False,
         "Kazakh culture in Kazakhstan."),
        # the first part of a hyphenated compound is no name on its own
        ([TYURATAM], "Байқоңыр қаласы.", ["▁Baykonur", "-", "Leninsk", "▁town", "."], False,
         "Baykonur-Leninsk town."),
    ],
)
def test_decoding_counts_what_the_repair_replaces(terms, source, tokens, counted, repaired):
    constraints = [c(t) for t in terms]
    assert (not _decode_count(constraints, source, tokens)) is counted
    text = WordEncoder().decode(tokens).replace(" -", "-").replace("- ", "-").replace(" .", ".")
    assert repair_text(text, constraints, "en", source=source)[0] == repaired


def test_spans_of_earlier_replacements_follow_later_edits():
    a, b = Term(source="Байқоңыр", target="Tyuratam"), Term(source="Ақмола", target="Tselinogradskaya")
    source = "Байқоңыр мен Ақмола."
    text, done = substitute_transliterated("Akmola and Baykonur.", source, [c(a), c(b)])
    assert text == "Tselinogradskaya and Tyuratam."
    assert sorted(text[x:y] for (x, y), _ in done) == ["Tselinogradskaya", "Tyuratam"]


def test_sentences_decoded_one_by_one_stop_at_their_own_limits():
    """A forcing round decoded sentence by sentence gives each sentence its own length limit, not the
    longest one's (a batch decodes to its longest member's limit and cuts the others)."""
    from types import SimpleNamespace

    from kkaligner.engines import tokens as tk
    from kkaligner.engines.ct2 import forcing as enforce_ct2

    calls = []

    class Engine:
        device = "cpu"

        def decode(self, source, prefixes, options, **kw):
            calls.append((len(source), kw["max_length"], kw["prefix_at_once"]))
            return [SimpleNamespace(hypotheses=[list(p) + ["x"] * (kw["max_length"] - len(p))], scores=[0.0],
                                    attention=[]) for p in prefixes]

    states = []
    for i, (prefix, first) in enumerate([(2, 10), (30, 40), (3, 60)]):
        st = enforce_ct2._State(index=i, source="s", pieces=["a"] * 5, constraints=[],
                                sent=tk.SentenceTokens(terms=[]), suppress=())
        st.prefix, st.first_length = ["p"] * prefix, first
        states.append(st)
    limits = {0: 12, 1: 44, 2: 66}
    options = DecodeOptions(beam_size=1, max_length=100, batch_size=8)
    out = enforce_ct2._decode_groups(Engine(), states, options, 1, beam=1, max_length=lambda st: limits[st.index])
    assert enforce_ct2._prefixes_at_once(Engine(), states, options)  # short prefixes: cheaper one by one
    assert sorted(calls) == [(1, 12, True), (1, 44, True), (1, 66, True)]
    assert {i: len(r.hypotheses[0]) for i, r in out.items()} == limits
