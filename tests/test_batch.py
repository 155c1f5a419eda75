"""kkaligner.batch and `kkalign batch` run locally: inputs, outputs, resume, failures, report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kkaligner.batch import STATE_DIR, documents, translate_corpus
from kkaligner.errors import BatchError, InputError, OutputError, UsageError
from kkaligner.pipeline import Translator
from kkaligner.writers import render

DOCS = {
    "a.txt": "Қазақстан Астана. Байқоңыр ғарыш айлағы.\n",
    "sub/b.md": "Мәскеу көрмесін аралап.\n\nПутин Назарбаев жоба бюджеті.\n",
    "sub/deep/c.txt": "Роскосмос Протон ұшырылды. Зенит Украина. Ангара жыл мерзімі.\n",
    "d.txt": "Үкімет елдер арасында келісім жасалды.\n",
}
ROWS = [
    {"id": "r1", "text": "Астана жоба. Бәйтерек зымыран кешенін атауды ұсынды."},
    {"id": 2, "text": "Премьер-министр сенбі күні павильон."},
    {"id": "x/y", "text": "Бірінші бұрынғы үкімет."},
]
# batch_size=1: each sentence is decoded alone, so batching documents together cannot change a
# digit of the arithmetic and drafts must equal Translator.translate's exactly.
OPTIONS = dict(engine="ct2", memory=False, max_length=12, beam_size=1, batch_size=1)


@pytest.fixture(scope="module")
def translator(tiny_nllb_dir):
    with Translator(str(tiny_nllb_dir), **OPTIONS) as t:
        yield t


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    for name, text in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / ".hidden.txt").write_text("Астана.", encoding="utf-8")
    return root


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and STATE_DIR not in p.relative_to(folder).parts}


class Counting:
    """Wraps an engine's translate: counts the sentences it decodes; raises KeyboardInterrupt on call
    number ``interrupt_at`` (1-based) to stand for Ctrl-C."""

    def __init__(self, inner, interrupt_at=None):
        self.inner, self.calls, self.sentences, self.interrupt_at = inner, 0, 0, interrupt_at

    def __call__(self, texts, *args, **kwargs):
        self.calls += 1
        if self.interrupt_at is not None and self.calls >= self.interrupt_at:
            raise KeyboardInterrupt
        self.sentences += len(texts)
        return self.inner(texts, *args, **kwargs)


def test_folder_mirrors_tree_and_equals_translate(corpus, tmp_path, translator):
    out = tmp_path / "out"
    report = translate_corpus([corpus], out, translator, group_sentences=4, progress=False)
    assert (report.documents, report.translated, report.skipped, report.failed) == (4, 4, 0, 0)
    tree = _tree(out)
    assert sorted(tree) == ["a.txt", "d.txt", "sub/b.md.txt", "sub/deep/c.txt"]
    for name, text in DOCS.items():
        out_name = name if name.endswith(".txt") else name + ".txt"
        assert tree[out_name].decode("utf-8") == translator.translate(text).text
    assert report.sentences == sum(len(translator.translate(t).sentences) for t in DOCS.values())
    saved = json.loads((out / STATE_DIR / "report.json").read_text(encoding="utf-8"))
    assert saved["translated"] == 4 and saved["failures"] == [] and saved["signature"] == str(translator.signature())


def test_translate_many_equals_translate(translator):
    texts = list(DOCS.values()) + [r["text"] for r in ROWS] + ["", "  \n"]
    assert translator.translate_many(texts) == [translator.translate(t) for t in texts]


def test_json_format_and_glob(corpus, tmp_path, translator):
    out = tmp_path / "out"
    translate_corpus([str(corpus / "**" / "*.txt")], out, translator, format="json", progress=False)
    tree = _tree(out)
    assert sorted(tree) == ["a.txt.json", "d.txt.json", "sub/deep/c.txt.json"]
    assert tree["sub/deep/c.txt.json"].decode() == render(translator.translate(DOCS["sub/deep/c.txt"]), "json")


def test_jsonl_rows_to_files_and_to_table(tmp_path, translator):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    out = tmp_path / "out"
    translate_corpus([rows], out, translator, progress=False)
    assert sorted(_tree(out)) == ["rows/2.txt", "rows/r1.txt", "rows/x%2Fy.txt"]
    assert (out / "rows" / "r1.txt").read_text(encoding="utf-8") == translator.translate(ROWS[0]["text"]).text

    table = tmp_path / "table"
    report = translate_corpus([rows], table, translator, format="jsonl", progress=False)
    lines = [json.loads(x) for x in (table / "drafts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["r1", "2", "x/y"]
    draft = translator.translate(ROWS[1]["text"])
    assert lines[1]["source"] == ROWS[1]["text"] and lines[1]["draft"] == draft.text
    assert lines[1]["signature"] == str(draft.signature)
    assert len(lines[1]["findings"]) == len(draft.findings)
    assert len(lines[0]["terms"]) == sum(len(s.terms) for s in translator.translate(ROWS[0]["text"]).sentences)
    assert report.output == str(table / "drafts.jsonl")


def test_parquet_in_and_out(tmp_path, translator):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"doc": ["p1", "p2"], "body": [ROWS[0]["text"], ROWS[2]["text"]]}), src)
    out = tmp_path / "out"
    report = translate_corpus([src], out, translator, format="parquet", id_field="doc", text_field="body",
                              progress=False)
    assert report.failed == 0
    table = pq.read_table(out / "drafts.parquet").to_pylist()
    assert [r["id"] for r in table] == ["p1", "p2"]
    assert table[1]["draft"] == translator.translate(ROWS[2]["text"]).text
    assert isinstance(json.loads(table[0]["terms"]), list)


def test_bad_inputs_are_reported_and_the_job_goes_on(corpus, tmp_path, translator):
    (corpus / "gone.txt").symlink_to(corpus / "missing-target.txt")  # unreadable: a dangling link
    (corpus / "binary.txt").write_bytes(b"\xff\xfe\x00\xd8\x00" * 3 + b"\xc3\x28" * 50)
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "ok", "text": "Астана жоба."}\n{not json\n{"id": "n"}\n[1, 2]\n', encoding="utf-8")
    failures = {"ok": 0}
    out = tmp_path / "out"
    inputs = [corpus, rows]
    if _has_pyarrow():
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), tmp_path / "notext.parquet")
        inputs.append(tmp_path / "notext.parquet")
        failures["parquet"] = 1
    report = translate_corpus(inputs, out, translator, progress=False)
    reasons = {f.origin: f.reason for f in report.failures}
    assert report.translated == 5  # four files and the good row
    assert "cannot read" in reasons[str(corpus / "gone.txt")]
    assert str(corpus / "binary.txt") in reasons
    assert "not JSON" in reasons[f"{rows} line 2"]
    assert "no 'text' field" in reasons[f"{rows} line 3"]
    assert "not an object" in reasons[f"{rows} line 4"]
    if "parquet" in failures:
        assert "no column 'text'" in reasons[str(tmp_path / "notext.parquet")]
        assert "--text-field" in reasons[str(tmp_path / "notext.parquet")]
    assert report.failed == len(reasons) == 5 + failures.get("parquet", 0)
    saved = json.loads((out / STATE_DIR / "report.json").read_text(encoding="utf-8"))
    assert len(saved["failures"]) == report.failed


def _has_pyarrow() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def test_a_failing_document_costs_only_itself(corpus, tmp_path, translator, monkeypatch):
    inner = translator._translate_read  # how translate and translate_many build each document's draft

    def translate(text, *args, **kwargs):
        if "Мәскеу" in text:
            raise RuntimeError("boom")
        return inner(text, *args, **kwargs)

    monkeypatch.setattr(translator, "_translate_read", translate)
    out = tmp_path / "out"
    report = translate_corpus([corpus], out, translator, group_sentences=100, progress=False)
    assert [(f.key, f.reason) for f in report.failures] == [("sub/b.md", "RuntimeError: boom")]
    assert report.translated == 3 and sorted(_tree(out)) == ["a.txt", "d.txt", "sub/deep/c.txt"]
    with pytest.raises(BatchError, match="fail-fast"):
        translate_corpus([corpus], tmp_path / "ff", translator, group_sentences=1, fail_fast=True, progress=False)
    assert json.loads((tmp_path / "ff" / STATE_DIR / "report.json").read_text())["failed"] == 1


def test_resume_translates_only_what_is_missing(corpus, tmp_path, translator, monkeypatch):
    reference = tmp_path / "reference"
    translate_corpus([corpus], reference, translator, group_sentences=1, progress=False)

    out = tmp_path / "out"
    engine = translator.engine
    inner = engine.translate
    counting = Counting(inner, interrupt_at=4)
    monkeypatch.setattr(engine, "translate", counting)
    with pytest.raises(KeyboardInterrupt):
        translate_corpus([corpus], out, translator, group_sentences=1, progress=False)
    done = [json.loads(x)["key"] for x in (out / STATE_DIR / "manifest.jsonl").read_text().splitlines()]
    assert 0 < len(done) < len(DOCS)
    left = [k for k in DOCS if k not in done]

    counting = Counting(inner)
    monkeypatch.setattr(engine, "translate", counting)
    report = translate_corpus([corpus], out, translator, group_sentences=1, progress=False)
    assert (report.translated, report.skipped) == (len(left), len(done))
    assert counting.sentences == sum(len(translator.translate(DOCS[k]).sentences) for k in left)
    assert _tree(out) == _tree(reference)

    # complete and current: nothing is decoded again
    counting = Counting(inner)
    monkeypatch.setattr(engine, "translate", counting)
    report = translate_corpus([corpus], out, translator, progress=False)
    assert (report.translated, report.skipped, counting.calls) == (0, len(DOCS), 0)
    assert report.sentences == sum(len(translator.translate(t).sentences) for t in DOCS.values())


def test_changed_text_deleted_output_and_torn_manifest_are_redone(corpus, tmp_path, translator, monkeypatch):
    out = tmp_path / "out"
    translate_corpus([corpus], out, translator, progress=False)
    (corpus / "d.txt").write_text("Астана жоба бюджеті.\n", encoding="utf-8")
    (out / "a.txt").unlink()
    (out / "sub" / "b.md.txt").write_text("edited by hand", encoding="utf-8")
    manifest = out / STATE_DIR / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])["key"]
    manifest.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][: len(lines[-1]) // 2], encoding="utf-8")
    report = translate_corpus([corpus], out, translator, progress=False)
    redone = {"d.txt", "a.txt", "sub/b.md", last}
    assert report.translated == len(redone) and report.skipped == len(DOCS) - len(redone)
    assert (out / "d.txt").read_text(encoding="utf-8") == translator.translate("Астана жоба бюджеті.\n").text
    entries = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines() if x.startswith("{") and x.endswith("}")]
    assert {e["key"] for e in entries} == set(DOCS)


def test_other_signature_translates_again(corpus, tmp_path, tiny_nllb_dir, translator):
    out = tmp_path / "out"
    translate_corpus([corpus], out, translator, progress=False)
    with Translator(str(tiny_nllb_dir), **{**OPTIONS, "max_length": 10}) as other:
        report = translate_corpus([corpus], out, other, progress=False)
    assert (report.translated, report.skipped) == (len(DOCS), 0)


def test_input_and_option_errors(tmp_path, translator, corpus):
    with pytest.raises(InputError, match="no such file"):
        documents([tmp_path / "nothing.txt"])
    with pytest.raises(InputError, match="no file matches"):
        documents([str(tmp_path / "*.nothing")])
    with pytest.raises(UsageError, match="unknown output format"):
        translate_corpus([corpus], tmp_path / "o", translator, format="docx")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="folder"):
        translate_corpus([corpus], tmp_path / "file", translator)
    with pytest.raises(UsageError, match="translator_options"):
        translate_corpus([corpus], tmp_path / "o", translator, ray="auto")


def test_plain_progress_line(corpus, tmp_path, translator, monkeypatch):
    import io

    import kkaligner.batch as batch

    monkeypatch.setattr(batch, "PLAIN_PROGRESS_SECONDS", 0.0)
    stream = io.StringIO()
    translate_corpus([corpus], tmp_path / "out", translator, group_sentences=1, stream=stream)
    lines = stream.getvalue().splitlines()
    total = sum(len(translator.translate(t).sentences) for t in DOCS.values())
    done = [int(line.split(" documents, ")[1].split("/")[0]) for line in lines]
    assert len(lines) > len(DOCS) and done == sorted(done)  # also within groups, as batches finish
    assert lines[-1].startswith(f"kkalign batch: {len(DOCS)}/{len(DOCS)} documents, {total}/{total} sentences")
    assert "ETA" in lines[-1]


def test_cli_batch(corpus, tmp_path, tiny_nllb_dir, run_cli):
    out = tmp_path / "out"
    (corpus / "bad.txt").write_bytes(b"\xc3\x28" * 20)
    args = ["batch", corpus, "-o", out, "-m", tiny_nllb_dir, "--engine", "ct2", "--beam", "1",
            "--max-length", "12", "--no-memory", "--format", "tsv", "--report", tmp_path / "r.json"]
    result = run_cli(args)
    assert result.exit_code == 1, result.output
    assert "4 translated" in result.stderr and "1 failed" in result.stderr and "bad.txt" in result.stderr
    assert sorted(_tree(out)) == ["a.txt.tsv", "d.txt.tsv", "sub/b.md.tsv", "sub/deep/c.txt.tsv"]
    assert json.loads((tmp_path / "r.json").read_text())["failed"] == 1
    os.remove(corpus / "bad.txt")
    again = run_cli(args)
    assert again.exit_code == 0 and "0 translated, 4 already current" in again.stderr
    assert "unknown output format" in run_cli([*args[:-4], "--format", "docx"]).stderr


@pytest.mark.parametrize("code", [["-m", "kkaligner", "batch", "--help"], ["-c", "import kkaligner.batch"]],
                         ids=["batch-help", "import-batch"])
def test_batch_imports_nothing_heavy(code):
    from test_imports import HEAVY, _imported

    heavy = _imported(code) & {*HEAVY, "ray", "pyarrow", "pandas"}
    assert not heavy, f"{' '.join(code)} imported {sorted(heavy)}"


def test_ray_missing_is_a_fix_it_message(corpus, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # as if it were not installed
    with pytest.raises(UsageError, match=r"pip install 'kkaligner\[ray\]'"):
        translate_corpus([corpus], tmp_path / "o", translator_options={"model": "m"}, ray="auto")


def test_a_job_that_builds_its_translator_decodes_in_corpus_batches(corpus, tmp_path, monkeypatch):
    from kkaligner import batch, pipeline

    made = []

    class Recording(Translator):
        def __init__(self, *args, **kwargs):
            made.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pipeline, "Translator", Recording)
    options = dict(model="demo", engine="ct2", memory=False, use_default_glossary=False)
    monkeypatch.setattr(batch, "_run", lambda *a: None)  # only the Translator is looked at
    translate_corpus([corpus], tmp_path / "out", translator_options=options)
    translate_corpus([corpus], tmp_path / "out", translator_options={**options, "batch_size": 8})
    assert [m["batch_size"] for m in made] == [batch.BATCH_SIZE, 8]
    with pytest.raises(UsageError, match="batch size"):
        Translator(batch_size=0)


def test_documents_are_read_again_group_by_group(corpus, tmp_path, translator, monkeypatch):
    """The job keeps no text beyond its group: the inputs are read once to plan, then again as each
    group is reached; the outputs are those of a job that read everything first."""
    from kkaligner import batch

    reference = tmp_path / "reference"
    translate_corpus([corpus], reference, translator, group_sentences=1, progress=False)
    reads: list[str] = []
    seen: list[tuple[int, int]] = []  # (texts read so far, documents in the group) at each group
    read, group = batch._text_document, batch.translate_group

    def reading(path, rel, fmt):
        reads.append(rel)
        return read(path, rel, fmt)

    def translating(tr, docs, fmt, progress=None):
        seen.append((len(reads), len(docs)))
        return group(tr, docs, fmt, progress=progress)

    monkeypatch.setattr(batch, "_text_document", reading)
    monkeypatch.setattr(batch, "translate_group", translating)
    out = tmp_path / "out"
    report = translate_corpus([corpus], out, translator, group_sentences=1, progress=False)
    assert report.translated == len(DOCS) and _tree(out) == _tree(reference)
    assert [n for n, _ in seen] == sorted(n for n, _ in seen) and seen[0][0] < 2 * len(DOCS)
    assert len(reads) == 2 * len(DOCS)


@pytest.mark.parametrize("data", [
    b'{"a": 1}\n{"b": "\xe2\x80\xa8x"}\r\n\n{"c": 2}', b"a\rb\n\n", b"", b'\xef\xbb\xbf{"a": 1}\n',
    '{"a": "ü"}\n'.encode("utf-16"), b'{"a": "\xc3\x28"}\n',
], ids=["breaks", "cr", "empty", "utf8-mark", "utf16", "not-utf8"])
def test_jsonl_read_a_line_at_a_time_as_read_whole(tmp_path, data):
    from kkaligner.batch import _jsonl_lines
    from kkaligner.io import decode

    path = tmp_path / "rows.jsonl"
    path.write_bytes(data)
    try:
        whole = decode(data, str(path)).splitlines()
    except InputError as exc:
        with pytest.raises(InputError, match="UTF-8"):
            list(_jsonl_lines(path))
        assert "UTF-8" in str(exc)
        return
    assert list(_jsonl_lines(path)) == whole


def test_a_report_over_an_input_document_is_refused_before_any_work(corpus, tmp_path, translator):
    before = (corpus / "a.txt").read_bytes()
    with pytest.raises(OutputError, match="one of the input documents"):
        translate_corpus([corpus], tmp_path / "out", translator, report=corpus / "a.txt", progress=False)
    assert (corpus / "a.txt").read_bytes() == before and not (tmp_path / "out").exists()
