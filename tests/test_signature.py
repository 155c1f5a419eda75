"""kkaligner.signature: every output-changing setting in the signature, built in one place."""

from __future__ import annotations

from kkaligner import signature
from kkaligner.engines.base import DecodeOptions


class _Engine:
    name = "ct2"
    model_id = "facebook/nllb-200-distilled-600M"
    revision = "abc123"
    device = "cpu"

    def __init__(self, compute_type: str) -> None:
        self.compute_type = compute_type


def _sig(engine, **options):
    return signature.translation(engine, DecodeOptions(**options), source_lang="kk", target_lang="en",
                                 splitter="kk-1.0", glossary="g")


def test_compute_type_and_hypotheses_change_the_signature():
    """Two drafts the memory keeps apart (int8 against float32, 1 against 4 hypotheses) had one signature."""
    base = _sig(_Engine("int8"), num_hypotheses=4)
    assert str(_sig(_Engine("float32"), num_hypotheses=4)) != str(base)
    assert str(_sig(_Engine("int8"), num_hypotheses=1)) != str(base)
    assert "type:int8" in str(base) and "nbest:4" in str(base)


def test_every_output_option_is_in_the_signature():
    from kkaligner.engines.base import OUTPUT_OPTIONS

    default = str(_sig(_Engine("int8")))
    changed = {"beam_size": 2, "max_length": 17, "num_hypotheses": 3, "enforce": False, "min_new_tokens": 2,
               "read_names": False}
    assert set(changed) == set(OUTPUT_OPTIONS)
    for option, value in changed.items():
        assert str(_sig(_Engine("int8"), **{option: value})) != default, option


def test_a_local_model_is_named_without_its_path(tmp_path):
    folder = tmp_path / "secret-place" / "my-model"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}")

    class Local(_Engine):
        model_id = str(folder)
        revision = "local"

        def __init__(self):
            super().__init__("int8")
            self.folder = folder

    sig = str(_sig(Local()))
    assert "my-model@" in sig and str(tmp_path) not in sig


def test_check_reports_have_a_signature_without_an_engine():
    sig = signature.check(source_lang="kk", target_lang="en", splitter="lines", glossary="none", aligned=True)
    assert sig.engine == "human" and ("aligned", "given") in sig.extra
