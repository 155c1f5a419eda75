"""kkalign glossary extract: names no glossary has yet, written as a glossary to pass back."""

from __future__ import annotations

from kkaligner.glossary import Glossary

TEXT = (
    "Кеше Ерлан Жұмағалиев Ұлытауда болды. Жұмағалиевтің сапары екі күнге созылды.\n"
    "Ұлытау облысы әкімдігі жиын өткізді. Жол жөнделді, ол жол бойында тұрды.\n"
)


def test_extract_writes_a_glossary_the_loader_reads_back(tmp_path, run_cli):
    doc = tmp_path / "doc.kk.txt"
    doc.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "new-terms.tsv"
    result = run_cli(["glossary", "extract", doc, "-o", out, "--no-default-glossary"])
    assert result.exit_code == 0, result.stderr
    g = Glossary.load(out)
    rows = {t.source: t for t in g.terms}
    assert rows["Жұмағалиев"].target == "Zhumagaliyev" and rows["Жұмағалиев"].kind == "person"
    assert rows["Ерлан Жұмағалиев"].target == "Yerlan Zhumagaliyev"
    assert "Жол" not in rows
    assert all("check" in t.provenance for t in g.terms)
    # passed back with -g, the names are known and nothing is left to extract
    again = run_cli(["glossary", "extract", doc, "-g", out, "--no-default-glossary"])
    assert again.exit_code == 0, again.stderr
    assert "Жұмағалиев" not in again.stdout


def test_extract_to_stdout_csv_and_tbx(tmp_path, run_cli):
    doc = tmp_path / "doc.kk.txt"
    doc.write_text(TEXT, encoding="utf-8")
    result = run_cli(["glossary", "extract", doc, "--no-default-glossary"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("source\ttarget\t") and "Ұлытау" in result.stdout
    for suffix in (".csv", ".tbx"):
        out = tmp_path / f"names{suffix}"
        assert run_cli(["glossary", "extract", doc, "-o", out, "--no-default-glossary"]).exit_code == 0
        assert "Жұмағалиев" in {t.source for t in Glossary.load(out).terms}


def test_extract_reads_word_and_xliff_documents(tmp_path, run_cli):
    import docx

    word = docx.Document()
    for line in TEXT.splitlines():
        word.add_paragraph(line)
    word.save(tmp_path / "doc.docx")
    (tmp_path / "doc.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="a.txt" source-language="kk" target-language="en" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Кеше <g id="b">Ерлан Жұмағалиев</g> Ұлытауда болды.</source><target/></trans-unit>'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    for name in ("doc.docx", "doc.xlf"):
        result = run_cli(["glossary", "extract", tmp_path / name, "--no-default-glossary"])
        assert result.exit_code == 0, result.stderr
        assert "Ерлан Жұмағалиев\tYerlan Zhumagaliyev" in result.stdout and "Ұлытау\t" in result.stdout


def test_extract_english_and_bad_options(tmp_path, run_cli):
    doc = tmp_path / "doc.en.txt"
    doc.write_text("The minister met Mr Baker in London. Baker said the talks went well.\n", encoding="utf-8")
    result = run_cli(["glossary", "extract", doc, "--from", "en", "--no-default-glossary"])
    assert result.exit_code == 0, result.stderr
    assert "Baker\tБейкер" in result.stdout
    bad = run_cli(["glossary", "extract", doc, "--from", "ru"])
    assert bad.exit_code == 2 and "'kk' or 'en'" in bad.stderr
    bad = run_cli(["glossary", "extract", doc, "-o", tmp_path / "x.docx"])
    assert bad.exit_code == 2 and ".tsv" in bad.stderr


def test_translate_can_turn_automatic_names_off_and_says_so_in_the_signature(tmp_path, run_cli, tiny_nllb_dir):
    import json

    fast = ["--max-length", "6", "--beam", "2", "--engine", "transformers", "--no-memory", "-q"]
    for flag, marked in (([], False), (["--no-auto-names"], True)):
        report = tmp_path / f"report{len(flag)}.json"
        result = run_cli(["translate", "-", "--model", tiny_nllb_dir, *fast, *flag, "--report", report],
                         input="Біз Ақтауға бардық. Ақтауда жиын болды.\n")
        assert result.exit_code == 0, result.stderr
        signature = json.loads(report.read_text(encoding="utf-8"))["signature"]
        assert ("auto_names:off" in signature["string"]) is marked


def test_extract_never_writes_over_its_inputs(tmp_path, run_cli):
    doc = tmp_path / "doc.kk.txt"
    doc.write_text(TEXT, encoding="utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("source\ttarget\nАбай\tAbai\n", encoding="utf-8")
    for args in ([doc, "-o", doc], [doc, "-g", mine, "-o", tmp_path / "." / "mine.tsv"]):
        result = run_cli(["glossary", "extract", *args, "--no-default-glossary"])
        assert result.exit_code == 2 and "one of the inputs" in result.stderr and "Choose another path" in result.stderr
    assert doc.read_text(encoding="utf-8") == TEXT
    assert mine.read_text(encoding="utf-8") == "source\ttarget\nАбай\tAbai\n"


def test_extract_reads_the_language_from_the_text_and_warns_on_a_wrong_from(tmp_path, run_cli):
    english = tmp_path / "news.en.txt"
    english.write_text("President Tokayev met Joe Biden in Washington.\n", encoding="utf-8")
    result = run_cli(["glossary", "extract", english, "--no-default-glossary"])
    assert result.exit_code == 0, result.stderr
    assert "Joe Biden\tДжо Байден\t" in result.stdout  # read as English, without --from en
    doc = tmp_path / "doc.kk.txt"
    doc.write_text(TEXT, encoding="utf-8")
    wrong = run_cli(["glossary", "extract", doc, "--from", "en", "--no-default-glossary"])
    assert wrong.exit_code == 0 and "doc.kk.txt reads as Kazakh, not as --from en" in wrong.stderr and "Pass --from kk" in wrong.stderr
    # files in two languages are each read as written only in two runs: refused, none lost unsaid
    mixed = run_cli(["glossary", "extract", doc, english, "--no-default-glossary"])
    assert mixed.exit_code == 2 and "two languages" in mixed.stderr and "doc.kk.txt (Kazakh)" in mixed.stderr
    # Kazakh news full of Latin brand names is Kazakh; "-o -" is standard output
    brands = tmp_path / "brands.txt"
    brands.write_text("Кеше Tengizchevroil, North Caspian Operating Company және Karachaganak өкілдері «Halyk» банкінде жиналды.\n", encoding="utf-8")
    read = run_cli(["glossary", "extract", brands, "-o", "-", "--no-default-glossary"])
    assert read.exit_code == 0 and "Tengizchevroil\t" in read.stdout and "warning" not in read.stderr
