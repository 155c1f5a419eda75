"""kkaligner.terms: one verdict per sentence from plan, presence, repair and finalize, and the checks."""

from __future__ import annotations

from kkaligner.checks import check
from kkaligner.glossary import Glossary
from kkaligner.terms import finalize, plan
from kkaligner.types import Hypothesis, Term


def _verdicts(source: str, target: str, glossary: Glossary, langs=("kk", "en")):
    plans = plan([source], glossary, *langs)
    outcome = finalize(plans, [[Hypothesis(target)]], source_lang=langs[0], target_lang=langs[1])[0]
    findings = check([source], [target], glossary, source_lang=langs[0], target_lang=langs[1])
    return outcome, {f.code for f in findings}


def test_finalize_and_the_check_agree_on_a_glued_rendering():
    """Ол Астанаға ұшты / He flew to Astanaville: finalize's status and the check's finding come
    from one presence test (they disagreed: applied, and missing-term)."""
    glossary = Glossary.default()
    outcome, codes = _verdicts("Ол Астанаға ұшты.", "He flew to Astanaville.", glossary)
    (use,) = [u for u in outcome.terms if u.term.target == "Astana"]
    assert (use.status == "missing") == ("missing-term" in codes)
    outcome, codes = _verdicts("Ол Астанаға ұшты.", "He flew to Paris.", glossary)
    assert [u.status for u in outcome.terms] == ["missing"] and "missing-term" in codes
    outcome, codes = _verdicts("Ол Астанаға ұшты.", "He flew to Astana.", glossary)
    assert [u.status for u in outcome.terms] == ["applied"] and "missing-term" not in codes


def test_a_derived_use_satisfies_both_verdicts():
    """The Chinese mainland for Қытай: the check never called it missing; now finalize agrees."""
    glossary = Glossary.from_terms([Term("Қытай", "China", kind="country")])
    outcome, codes = _verdicts("Қытай материгінде жаңбыр жауды.", "It rained on the Chinese mainland.", glossary)
    assert [u.status for u in outcome.terms] == ["applied"] and "missing-term" not in codes


def test_a_repaired_rendering_is_forced_once_and_reported_so():
    """The repair runs once, in finalize: a variant the engine returned is replaced there and the
    use is 'forced' (the engines repaired first and finalize then said 'applied')."""
    term = Term("Бәйтерек", "Baiterek", forbidden=("Bayterek",))
    glossary = Glossary.from_terms([term])
    outcome, codes = _verdicts("Бәйтерек ұшырылды.", "Bayterek was launched.", glossary)
    assert outcome.target == "Baiterek was launched."
    assert [u.status for u in outcome.terms] == ["forced"]
    assert "forbidden-variant" in codes  # as a human translation, the unrepaired text is wrong
    assert not check(["Бәйтерек ұшырылды."], [outcome.target], glossary)


def test_the_check_reports_a_forbidden_variant_where_the_rendering_is_missing():
    term = Term("Бәйтерек", "Baiterek", forbidden=("Bayterek",))
    glossary = Glossary.from_terms([term])
    findings = check(["Бәйтерек ұшырылды."], ["Bayterek was launched."], glossary)
    (f,) = [f for f in findings if f.code == "forbidden-variant"]
    assert f.suggestion == "Baiterek" and f.target_span == (0, 8)


def test_a_name_inside_a_longer_name_is_not_reported_missing():
    """Sezen Aksu is not the city Ақсу: the check does not call the city's rendering missing, though
    finalize records, as a fact, that it is not in the target."""
    glossary = Glossary.from_terms([Term("Ақсу", "Aksu", kind="city")])
    outcome, codes = _verdicts("Әнші Сезен Ақсу келді.", "The singer Sezen came.", glossary)
    assert [u.status for u in outcome.terms] == ["missing"] and "missing-term" not in codes
    outcome, codes = _verdicts("Ақсу қаласына барды.", "He went to the town.", glossary)
    assert [u.status for u in outcome.terms] == ["missing"] and "missing-term" in codes
