"""Automatic names: every name without a glossary entry is rendered one way through a document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kkaligner.glossary import Glossary
from kkaligner.terms import finalize, plan
from kkaligner.types import Hypothesis, Term


def _run(sources, targets, src="kk", tgt="en", glossary=None):
    hyps = [[Hypothesis(t)] for t in targets]
    return finalize(plan(sources, glossary, src, tgt), hyps, source_lang=src, target_lang=tgt, auto_names=True)


def test_the_models_majority_spelling_is_used_throughout():
    out = _run(
        ["Шымкентте жиналыс болды.", "Шымкенттің әкімі келді.", "Түркістан мен Шымкент."],
        ["A meeting was held in Chimkent.", "The mayor of Chimkent came.", "Turkistan and Shimkent."],
    )
    assert [o.target for o in out] == [
        "A meeting was held in Chimkent.", "The mayor of Chimkent came.", "Turkistan and Chimkent.",
    ]
    # Түркістан opens a sentence: a name the shipped glossary knows, its own automatic term (its
    # lemma is not Түркіс + тан, "from")
    assert [(u.term.source, u.term.target) for u in out[2].terms if u.surface == "Түркістан"] == [("Түркістан", "Turkistan")]
    uses = [u for o in out for u in o.terms if u.surface != "Түркістан"]
    assert {u.status for u in uses} == {"auto"} and len(uses) == 3
    assert all(u.term.source == "Шымкент" and u.term.target == "Chimkent" and u.term.kind == "name" for u in uses)
    assert "majority" in uses[0].term.provenance
    assert [f.code for f in out[2].findings] == ["rendering-unified"]
    assert out[2].target[slice(*uses[2].target_span)] == "Chimkent"


def test_the_romanization_is_used_where_the_model_disagrees_with_itself():
    out = _run(
        ["Ерлан Жұмағалиев келді.", "Жұмағалиевтің сөзі тыңдалды."],
        ["Yerlan Zhumagaliev came.", "Jumagaliyev's speech was heard."],
    )
    assert [o.target for o in out] == ["Yerlan Zhumagaliyev came.", "Zhumagaliyev's speech was heard."]
    assert "romanized" in out[1].terms[0].term.provenance


def test_a_spelling_that_does_not_read_like_the_name_is_not_kept():
    out = _run(
        ["Кеше Ұлытауда жиын болды.", "Біз Ұлытаудың тарихын оқыдық.", "Олар Ұлытауға барды."],
        ["There was a meeting in Ulitaw.", "We read the history of Ulitaw.", "They went to Ulytau."],
    )
    assert [o.target for o in out] == [
        "There was a meeting in Ulytau.", "We read the history of Ulytau.", "They went to Ulytau.",
    ]


def test_glossary_names_are_left_to_the_glossary():
    g = Glossary.from_terms([Term("Шымкент", "Shymkent")])
    out = _run(["Шымкентте.", "Шымкенттің әкімі."], ["In Shymkent.", "Mayor of Shymkent."], glossary=g)
    assert [u.status for o in out for u in o.terms] == ["applied", "applied"]


def test_kazakh_targets_get_the_right_case_form():
    out = _run(
        ["Trump is here.", "They met Trump.", "A letter to Trump."],
        ["Трамп осында.", "Олар Трумппен кездесті.", "Трумпқа хат."],
        src="en", tgt="kk",
    )
    # one Трамп, two Трумп: the majority spelling, with the model's endings kept in its case
    assert [o.target for o in out] == ["Трумп осында.", "Олар Трумппен кездесті.", "Трумпқа хат."]
    out = _run(
        ["Baker is here.", "They met Baker.", "A letter to Baker."],
        ["Бакер осында.", "Олар Бейкерменен кездесті.", "Бекерге хат."],
        src="en", tgt="kk",
    )
    # three spellings: the proposal Бейкер, each in its case (dative after a front vowel: -ге)
    assert out[0].target == "Бейкер осында." and out[2].target == "Бейкерге хат."


def test_every_auto_name_ends_up_with_one_spelling():
    from kkaligner.terms.consistency import name_alignments, name_spellings

    sources = ["Кеше Ақтауда жиын болды.", "Бүгін Ақтаудың әкімі келді.", "Біз Ақтаудан хат алдық.", "Біз Ақтауға бардық."]
    targets = ["A meeting in Aktau.", "The mayor of Aqtau came.", "A letter from Actau.", "We went to Aktaw."]
    out = _run(sources, targets)
    spellings = name_spellings(name_alignments(sources, [o.target for o in out]))
    assert spellings and all(len(c) == 1 for c in spellings.values())


def test_it_is_off_unless_asked_and_the_translator_turns_it_on(monkeypatch):
    hyps = [[Hypothesis("In Chimkent.")], [Hypothesis("Of Shimkent.")]]
    out = finalize(plan(["Шымкентте.", "Шымкенттің."], None), hyps)
    assert not [u for o in out for u in o.terms]
    import inspect

    from kkaligner.pipeline import Translator

    assert inspect.signature(Translator).parameters["auto_names"].default is True


@pytest.mark.slow
def test_the_trained_model_names_one_way_through_a_document():
    pytest.importorskip("torch")
    from kkaligner import Translator
    from kkaligner.terms.consistency import name_alignments, name_spellings
    from kkaligner.testing.train import trained_tiny_nllb

    model = trained_tiny_nllb()
    sources = [kk for kk, _ in model.held_out[:20]]
    with Translator(str(model.path), engine="transformers", glossary=Glossary.empty(),
                    use_default_glossary=False, memory=False, device="cpu") as tr:
        draft = tr.translate("\n".join(sources))
    assert any(u.status == "auto" for s in draft.sentences for u in s.terms)
    spellings = name_spellings(name_alignments([s.source for s in draft.sentences], [s.target for s in draft.sentences]))
    assert spellings and all(len(c) == 1 for c in spellings.values())
    assert draft.signature is None or ("auto_names", "off") not in draft.signature.extra


SPELLINGS = {
    "Ақтау": ["Aktau", "Aqtau", "Actau", "Aktaw"],
    "Шымкент": ["Shymkent", "Chimkent", "Shimkent"],
    "Жаңаөзен": ["Zhanaozen", "Janaozen", "Zhanaozen"],
}
FRAMES = [("Біз {} бардық.", "dat", "We went to {}."), ("Кеше {} жиын болды.", "loc", "There was a meeting in {} yesterday.")]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(SPELLINGS)), st.integers(0, 3), st.sampled_from(FRAMES)), min_size=2, max_size=6))
def test_whatever_the_model_writes_each_name_ends_with_one_spelling(rows):
    from kkaligner.lang.kazakh import inflect
    from kkaligner.terms.consistency import name_alignments, name_spellings

    sources, targets = [], []
    for name, k, (kk, case, en) in rows:
        sources.append(kk.format(inflect(name, case)))
        targets.append(en.format(SPELLINGS[name][k % len(SPELLINGS[name])]))
    out = _run(sources, targets)
    spellings = name_spellings(name_alignments(sources, [o.target for o in out]))
    assert all(len(c) == 1 for c in spellings.values())
    assert all(u.status == "auto" for o in out for u in o.terms)


def test_a_word_only_somewhat_like_the_name_beside_another_is_left_alone():
    out = _run(
        ["Біз Ұлытауға бардық.", "Кеше Ұлытауда жиын болды."],
        ["We went to Ulytau.", "Ulitaw and Ulutaw met yesterday."],
    )
    assert out[1].target == "Ulitaw and Ulutaw met yesterday."
    assert not out[1].terms
