"""Enforcement on a model that has its own opinion: the trained tiny kk→en model.

``kkaligner.testing.train`` trains (once, about a minute, then cached) a tiny model that writes
Байқоңыр as "Baykonur" and Бәйтерек as "Bayterek". On its held-apart sentences a glossary saying
Baikonur/Baiterek disagrees with it; enforcement must win, in both engines, and the model must keep
the sentence it meant.
"""

from __future__ import annotations

import re

import pytest

from kkaligner.engines.base import DecodeOptions
from kkaligner.terms import finalize, occurrences, plan, repaired
from kkaligner.glossary import Glossary
from kkaligner.types import Term

pytestmark = pytest.mark.slow

GLOSSARY = Glossary.from_terms(
    [
        Term(source="Байқоңыр", target="Baikonur", forbidden=("Baykonur",)),
        Term(source="Бәйтерек", target="Baiterek", forbidden=("Bayterek",)),
    ]
)
UNLISTED = Glossary.from_terms([Term(source="Байқоңыр", target="Baikonur"), Term(source="Бәйтерек", target="Baiterek")])
UNRELATED = Glossary.from_terms([Term(source="Байқоңыр", target="Tyuratam"), Term(source="Бәйтерек", target="Poplar")])
N = 16  # held-apart sentences used


@pytest.fixture(scope="module")
def trained():
    from kkaligner.testing.train import trained_tiny_nllb

    return trained_tiny_nllb()


@pytest.fixture(scope="module", params=["transformers", "ct2"])
def engine(request, trained, tmp_path_factory):
    from kkaligner.engines import available, load_engine

    if not available(request.param):
        pytest.skip(f"engine {request.param} is not installed")
    kwargs = {}
    if request.param == "ct2":
        kwargs = dict(compute_type="float32", cache_dir=tmp_path_factory.mktemp("ct2-trained"),
                      status=lambda m: None, intra_threads=1)
    loaded = load_engine(request.param, str(trained.path), device="cpu", **kwargs)
    yield loaded
    loaded.close()


def _sources(trained):
    return [kk for kk, _ in trained.held_out[:N]]


def _has(text: str, word: str) -> bool:
    return re.search(r"(?<!\w)" + word, text) is not None


def test_the_model_writes_its_own_spelling(engine, trained):
    sources = _sources(trained)
    out = engine.translate(sources, "kk", "en", DecodeOptions(beam_size=1, max_length=48))
    texts = [h[0].text for h in out]
    own = sum(_has(t, "Baykonur") or _has(t, "Bayterek") for t in texts)
    assert own >= 0.9 * len(sources), texts
    assert not any(_has(t, "Baikonur") or _has(t, "Baiterek") for t in texts)


@pytest.mark.parametrize("beam", [1, 4])
def test_glossary_wins_and_the_sentence_stays(engine, trained, beam):
    sources = _sources(trained)
    plans = plan(sources, GLOSSARY)
    constraints = [list(p.constraints) for p in plans]
    plain = engine.translate(sources, "kk", "en", DecodeOptions(beam_size=beam, max_length=48))
    out = engine.translate(sources, "kk", "en", DecodeOptions(beam_size=beam, max_length=48), constraints)
    kept = 0
    for p, before, after in zip(plans, plain, out):
        text = repaired(after[0].text, p.constraints, "en", p.source)  # as finalize leaves it
        for c in p.constraints:
            assert occurrences(text, c), (p.source, text)
        assert not _has(text, "Baykonur") and not _has(text, "Bayterek"), text
        kept += text == before[0].text.replace("Baykonur", "Baikonur").replace("Bayterek", "Baiterek")
    assert kept >= 0.9 * len(sources)  # the model's own sentence, with the approved names
    outcomes = finalize(plans, out)
    # The repair runs once, in finalize: a rendering the model wrote is 'applied', one the repair put
    # in place of the model's spelling is 'forced' (both were 'applied' while the engines repaired).
    forced = 0
    for p, hyps, o in zip(plans, out, outcomes):
        for c, u in zip(p.constraints, o.terms):
            assert u.status == ("applied" if occurrences(hyps[0].text, c) else "forced"), (hyps[0].text, u)
            forced += u.status == "forced"
    assert forced  # the trained model writes Baykonur / Bayterek


@pytest.mark.parametrize("beam", [1, 4])
def test_an_unlisted_spelling_is_recognised(engine, trained, beam):
    """No forbidden list: the model's Baykonur is taken for Baikonur by its likeness, and replaced."""
    sources = _sources(trained)
    plans = plan(sources, UNLISTED)
    out = engine.translate(sources, "kk", "en", DecodeOptions(beam_size=beam, max_length=48),
                           [list(p.constraints) for p in plans])
    for p, hyps in zip(plans, out):
        text = repaired(hyps[0].text, p.constraints, "en", p.source)  # as finalize leaves it
        assert all(occurrences(text, c) for c in p.constraints), text
        assert not _has(text, "Baykonur") and not _has(text, "Bayterek"), text


@pytest.mark.parametrize("beam", [1, 4])
def test_unrelated_renderings_are_forced(engine, trained, beam, monkeypatch, request):
    """Renderings unlike anything the model writes, and the model's own spelling not recognised
    (the transliteration repair off): decoding alone must put each one in."""
    import kkaligner.terms.repair

    monkeypatch.setattr(kkaligner.terms.repair, "NAME_LIKENESS", 2.0)  # no similarity reaches it
    kkaligner.terms.repair._repaired.cache_clear()  # answers given under the real threshold
    request.addfinalizer(kkaligner.terms.repair._repaired.cache_clear)  # and those given under this one
    sources = _sources(trained)
    plans = plan(sources, UNRELATED)
    out = engine.translate(sources, "kk", "en", DecodeOptions(beam_size=beam, max_length=48),
                           [list(p.constraints) for p in plans])
    for p, hyps in zip(plans, out):
        assert hyps[0].text.strip()
        for c in p.constraints:
            assert len(occurrences(hyps[0].text, c)) >= sum(1 for d in p.constraints if d == c), hyps[0].text


@pytest.mark.parametrize("beam", [1, 4])
def test_unrelated_renderings_take_the_place_of_the_models_spelling(engine, trained, beam):
    """The model's "Baykonur" reads like Байқоңыр: it is taken for the term and replaced by the
    unrelated rendering Tyuratam, and the sentence is the model's own (forcing the term in by
    decoding would leave "Baykonur" beside it, or cut the sentence short)."""
    sources = _sources(trained)
    plans = plan(sources, UNRELATED)
    options = DecodeOptions(beam_size=beam, max_length=48)
    plain = engine.translate(sources, "kk", "en", options)
    out = engine.translate(sources, "kk", "en", options, [list(p.constraints) for p in plans])
    kept = 0
    for p, before, after in zip(plans, plain, out):
        text = repaired(after[0].text, p.constraints, "en", p.source)  # as finalize leaves it
        assert all(occurrences(text, c) for c in p.constraints), text
        assert not _has(text, "Baykonur") and not _has(text, "Bayterek"), text
        kept += text == before[0].text.replace("Baykonur", "Tyuratam").replace("Bayterek", "Poplar")
    assert kept >= 0.9 * len(sources)


@pytest.mark.parametrize("beam", [1, 4])
def test_both_engines_translate_a_batch_alike(trained, beam, tmp_path):
    """The same trained model gives the same drafts through transformers and CTranslate2 (float32),
    for a batch of sentences of different lengths (a random model's output is too degenerate to
    show such differences)."""
    from kkaligner.engines import available, load_engine

    if not available("ct2"):
        pytest.skip("engine ct2 is not installed")
    sources = [kk for kk, _ in trained.held_out[:32]]
    assert len({len(s.split()) for s in sources}) > 1
    options = DecodeOptions(beam_size=beam, max_length=48)
    texts = {}
    for name, kwargs in (("transformers", {}), ("ct2", dict(compute_type="float32", cache_dir=tmp_path,
                                                             status=lambda m: None, intra_threads=1))):
        engine = load_engine(name, str(trained.path), device="cpu", **kwargs)
        texts[name] = [h[0].text for h in engine.translate(sources, "kk", "en", options)]
        engine.close()
    assert texts["ct2"] == texts["transformers"]
