"""The translation memory inside the pipeline and ``kkalign translate``, on the tiny models.

Hits, misses and invalidation (model, options, glossary), resume after an interrupted run, a corrupt
memory file (one warning, the run goes on), ``--memory`` / ``--no-memory`` and the environment.
"""

from __future__ import annotations

import os
import shutil

import pytest

from kkaligner.pipeline import Translator

DOC = (
    "Бірінші сөйлем осы. Екінші сөйлем мұнда!\n"
    "Астана қаласы туралы үшінші сөйлем.\n\n"
    "Төртінші сөйлем жаңа абзацта? Бесінші сөйлем.\n"
)
N_SENTENCES = 5
FAST = dict(engine="transformers", max_length=6, beam_size=2, use_default_glossary=False)


class Interrupted(Exception):
    pass


def spy(translator: Translator, fail_on_call: int | None = None) -> list[str]:
    """Record every sentence that reaches the model; raise Interrupted on call number ``fail_on_call``."""
    engine = translator.engine
    real = engine.translate
    seen: list[str] = []
    calls = [0]

    def translate(texts, *args, **kwargs):
        calls[0] += 1
        if fail_on_call is not None and calls[0] >= fail_on_call:
            raise Interrupted()
        seen.extend(texts)
        return real(texts, *args, **kwargs)

    engine.translate = translate  # instance attribute: the memory wrapper calls it
    return seen


def run(model, memory, doc=DOC, **kwargs):
    """Translate ``doc`` with a fresh Translator; return (draft, sentences the model saw, stats)."""
    options = {**FAST, **kwargs}
    with Translator(str(model), memory=memory, **options) as translator:
        seen = spy(translator)
        draft = translator.translate(doc)
        return draft, seen, translator.memory_stats


def test_rerun_is_served_from_the_memory(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    first, seen1, stats1 = run(tiny_nllb_dir, path)
    assert len(seen1) == N_SENTENCES and stats1.stored == N_SENTENCES
    second, seen2, stats2 = run(tiny_nllb_dir, path)
    assert seen2 == []
    assert stats2.hits == N_SENTENCES
    assert second.text == first.text
    assert [s.score for s in second.sentences] == [s.score for s in first.sentences]
    assert second.signature == first.signature


def test_memory_off_translates_every_time(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    for _ in range(2):
        _, seen, stats = run(tiny_nllb_dir, False)
        assert len(seen) == N_SENTENCES and stats is None
    assert not path.exists()


@pytest.mark.parametrize(
    "change",
    [{"beam_size": 1}, {"max_length": 5}, {"enforce": False}, {"num_hypotheses": 1}, {"source_lang": "en", "target_lang": "kk"}],
    ids=lambda c: ",".join(c),
)
def test_a_change_of_decoding_options_misses(tiny_nllb_dir, tmp_path, change):
    path = tmp_path / "tm.sqlite"
    run(tiny_nllb_dir, path)
    _, seen, stats = run(tiny_nllb_dir, path, **change)
    assert len(seen) == N_SENTENCES and stats.hits == 0


def test_speed_only_options_still_hit(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    run(tiny_nllb_dir, path)
    _, seen, _ = run(tiny_nllb_dir, path, batch_size=2, batch_tokens=64)
    assert seen == []


def test_a_glossary_change_misses(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    gloss = tmp_path / "g.tsv"
    gloss.write_text("source\ttarget\nсөйлем\tsentence\n", encoding="utf-8")
    run(tiny_nllb_dir, path, glossary=gloss)
    _, seen, _ = run(tiny_nllb_dir, path, glossary=gloss)
    assert seen == []
    # A term added elsewhere in the glossary changes its hash: even sentences without the term miss.
    gloss.write_text("source\ttarget\nсөйлем\tsentence\nабзац\tparagraph\n", encoding="utf-8")
    _, seen, _ = run(tiny_nllb_dir, path, glossary=gloss)
    # every sentence decoded again (one may be decoded twice: forced after its name reading missed)
    assert len(set(seen)) == N_SENTENCES


def test_another_model_misses(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    run(tiny_nllb_dir, path)
    copy = shutil.copytree(tiny_nllb_dir, tmp_path / "copy")
    _, seen, _ = run(copy, path)  # another folder is another model id
    assert len(seen) == N_SENTENCES
    _, seen, _ = run(copy, path)
    assert seen == []


def test_a_model_saved_again_in_the_same_folder_misses(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    model = shutil.copytree(tiny_nllb_dir, tmp_path / "model")
    run(model, path)
    weights = next(p for p in model.iterdir() if p.suffix == ".safetensors")
    st = weights.stat()
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # retrained: same name, revision "local"
    _, seen, _ = run(model, path)
    assert len(seen) == N_SENTENCES


def test_interrupted_run_resumes_where_it_stopped(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    doc = " ".join(f"Сөйлем нөмірі {i} осында." for i in range(12))
    # batch_size 1: the memory commits every 4 sentences; the third chunk is interrupted.
    with Translator(str(tiny_nllb_dir), memory=path, batch_size=1, **FAST) as translator:
        seen = spy(translator, fail_on_call=3)
        with pytest.raises(Interrupted):
            translator.translate(doc)
    assert len(seen) == 8
    with Translator(str(tiny_nllb_dir), memory=path, batch_size=1, **FAST) as translator:
        rest = spy(translator)
        draft = translator.translate(doc)
        assert translator.memory_stats.hits == 8
    assert len(rest) == 4 and not set(rest) & set(seen)
    assert len(draft.sentences) == 12
    uninterrupted, again, _ = run(tiny_nllb_dir, False, doc=doc, batch_size=1)
    assert len(again) == 12 and draft.text == uninterrupted.text


def test_corrupt_memory_warns_once_and_the_run_goes_on(tiny_nllb_dir, tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"not a database at all " * 300)
    warnings: list[str] = []
    with Translator(str(tiny_nllb_dir), memory=path, warn=warnings.append, **FAST) as translator:
        seen = spy(translator)
        first = translator.translate(DOC)
        second = translator.translate(DOC)
        assert translator.memory_stats is None
    assert len(seen) == 2 * N_SENTENCES
    assert first.text == second.text and len(first.sentences) == N_SENTENCES
    assert len(warnings) == 1
    assert "corrupt" in warnings[0] and "continuing without the translation memory" in warnings[0]
    assert path.read_bytes().startswith(b"not a database")  # a cache we cannot read is never overwritten


def test_default_memory_follows_the_environment(tiny_nllb_dir, tmp_path, monkeypatch):
    target = tmp_path / "env" / "tm.sqlite"
    monkeypatch.setenv("KKALIGNER_MEMORY", str(target))
    run(tiny_nllb_dir, True)
    assert target.is_file()
    _, seen, _ = run(tiny_nllb_dir, True)
    assert seen == []


CLI_FAST = ["--max-length", "6", "--beam", "2", "--engine", "transformers", "--no-default-glossary"]


def test_cli_rerun_reuses_and_no_memory_does_not(run_cli, tiny_nllb_dir, tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text(DOC, encoding="utf-8")
    tm = tmp_path / "cli.sqlite"
    first = run_cli(["translate", src, "--model", tiny_nllb_dir, *CLI_FAST, "--memory", tm])
    assert first.exit_code == 0, first.stderr
    assert tm.is_file() and "translation memory" not in first.stderr
    second = run_cli(["translate", src, "--model", tiny_nllb_dir, *CLI_FAST, "--memory", tm])
    assert second.exit_code == 0, second.stderr
    assert second.stdout == first.stdout
    assert f"translation memory: {N_SENTENCES} sentences reused, 0 translated" in second.stderr
    off = run_cli(["translate", src, "--model", tiny_nllb_dir, *CLI_FAST, "--memory", tm, "--no-memory"])
    assert off.exit_code == 0 and "translation memory" not in off.stderr
    assert off.stdout == first.stdout


def test_cli_corrupt_memory_is_one_warning(run_cli, tiny_nllb_dir, tmp_path):
    tm = tmp_path / "bad.sqlite"
    tm.write_bytes(b"\x00garbage" * 500)
    result = run_cli(["translate", "-", "--model", tiny_nllb_dir, *CLI_FAST, "--memory", tm], input=DOC)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("kkalign: warning:") == 1
    assert "corrupt" in result.stderr and "Traceback" not in result.stderr
    assert len([line for line in result.stdout.splitlines() if line.strip()]) == 3


@pytest.mark.parametrize("fast", [{"quantize": True}, {"dtype": "bfloat16"}], ids=["int8-dynamic", "bf16"])
def test_speed_options_that_change_the_numbers_miss(tiny_nllb_dir, tmp_path, fast):
    path = tmp_path / "tm.sqlite"
    reference, _, _ = run(tiny_nllb_dir, path)
    with Translator(str(tiny_nllb_dir), memory=path, **FAST, **fast) as translator:
        expected = "int8_dynamic" if fast.get("quantize") else "bfloat16"
        assert translator.engine.compute_type == expected
        seen = spy(translator)
        draft = translator.translate(DOC)
    assert len(seen) == N_SENTENCES  # int8 / bf16 decode differently: never served float32 results
    assert len(draft.sentences) == N_SENTENCES and all(s.target for s in draft.sentences)
    _, again, _ = run(tiny_nllb_dir, path, **fast)
    assert again == []


def test_quantize_is_refused_off_float32(tiny_nllb_dir):
    from kkaligner.errors import UsageError

    with pytest.raises(UsageError, match="float32"):
        Translator(str(tiny_nllb_dir), memory=False, **FAST, dtype="bfloat16", quantize=True).engine


def test_cli_speed_options(run_cli, tiny_nllb_dir, tmp_path):
    tm = tmp_path / "tm.sqlite"
    plain = run_cli(["translate", "-", "--model", tiny_nllb_dir, *CLI_FAST, "--memory", tm], input=DOC)
    fast = run_cli(["translate", "-", "--model", tiny_nllb_dir, *CLI_FAST, "--memory", tm, "--quantize"], input=DOC)
    assert plain.exit_code == 0 and fast.exit_code == 0, fast.stderr
    assert "translation memory" not in fast.stderr  # int8 is another key: nothing reused from float32
    bad = run_cli(["translate", "-", "--model", tiny_nllb_dir, *CLI_FAST, "--dtype", "float8"], input=DOC)
    assert bad.exit_code == 2
    assert "unknown dtype 'float8'" in bad.stderr and "'bfloat16'" in bad.stderr and "Traceback" not in bad.stderr


def test_a_rerun_reports_an_unforceable_term_as_the_first_run_did(tiny_nllb_dir, tmp_path):
    """The engine's "cannot spell this rendering" travels with the sentence through the memory: a
    rerun in another process, served from the memory, reports the same findings."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from kkaligner.glossary import Glossary\n"
        "from kkaligner.pipeline import Translator\n"
        "from kkaligner.types import Term\n"
        "glossary = Glossary.from_terms([Term(source='Бейжің', target='北京')])\n"  # no CJK in the tiny vocabulary
        "with Translator(sys.argv[1], memory=sys.argv[2], glossary=glossary, engine='transformers',"
        " max_length=6, beam_size=2, use_default_glossary=False) as t:\n"
        "    draft = t.translate('Бейжің үлкен қала.\\n')\n"
        "    print(json.dumps([t.memory_stats.hits, sorted(f.code for f in draft.findings)]))\n"
    )
    path = tmp_path / "tm.sqlite"
    runs = []
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", code, str(tiny_nllb_dir), str(path)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    (hits1, codes1), (hits2, codes2) = runs
    assert hits1 == 0 and hits2 == 1
    assert "term-unforceable" in codes1 and codes2 == codes1
