"""kkalign translate: a document in, a draft out (stdout or -o), a short report on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from kkaligner.cli.app import app

# The default model's name, repeated here so that `kkalign --help` does not import kkaligner.models.
DEFAULT_MODEL = "nllb-600m"


def _summary(draft, glossary_size: int, memory_stats=None) -> str:
    """A few lines for a person: sentences, terms, findings by severity, the signature."""
    terms = [u for s in draft.sentences for u in s.terms]
    present = sum(u.status in ("applied", "forced") for u in terms)
    counts = draft.findings_by_severity()
    findings = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n) or "none"
    lines = [
        f"kkalign: {len(draft.sentences)} sentences {draft.source_lang}→{draft.target_lang}; "
        f"glossary terms {present}/{len(terms)} applied ({glossary_size} entries); findings: {findings}",
    ]
    repaired = sum(u.status == "forced" for u in terms)
    unforceable = sum(f.code == "term-unforceable" for f in draft.findings)
    if repaired or unforceable:
        lines.append(f"  terms: {repaired} put in by repair, {unforceable} the model cannot spell")
    if memory_stats is not None and memory_stats.hits:
        lines.append(f"  translation memory: {memory_stats.hits} sentences reused, {memory_stats.misses} translated")
    for f in [f for f in draft.findings if f.severity == "error"][:5]:
        where = f"sentence {f.sentence + 1}: " if f.sentence is not None else ""
        lines.append(f"  error {f.code}: {where}{f.message}")
    lines.append(f"  signature: {draft.signature}")
    return "\n".join(lines)


def _document_format(file: str, input_format: Optional[str], format: Optional[str]) -> Optional[str]:
    """The document format the input is read as (None: plain text, the draft writers' way).

    The input decides: a document is written back in its own format; ``--format`` may only name
    that format (the JSON report is ``--report``)."""
    from kkaligner.documents import FORMATS, format_of
    from kkaligner.errors import UsageError, choices

    if input_format is not None and input_format.lower() == "txt":
        return None
    if input_format is not None and input_format.lower() not in FORMATS:
        raise UsageError(f"unknown input format {input_format!r}. Choose {choices(['txt', *FORMATS])}.")
    name = input_format.lower() if input_format else (None if file == "-" else format_of(file))
    if name is None:
        return None
    if file == "-":
        raise UsageError(f"a {name} document is read from a file, not standard input. Pass its path.")
    if format is not None and format.lower() != name:
        raise UsageError(
            f"{file} is translated as a {name} document and written as one; --format {format} does not "
            "apply. Use --report PATH for the JSON report, or --input-format txt to translate it as plain text."
        )
    return name


def _document_output(output: Optional[Path], name: str) -> Optional[Path]:
    from kkaligner.documents import format_of
    from kkaligner.errors import UsageError

    if output is None or str(output) == "-":
        if name == "docx":
            raise UsageError("a .docx translation is a binary file: pass -o PATH (e.g. -o report.en.docx).")
        return None
    other = format_of(output)
    if (other is not None and other != name) or output.suffix.lower() in (".json", ".tsv", ".tmx"):
        raise UsageError(
            f"a {name} document is written as {name}, not to {output.name}. Give -o a {name} file name, "
            "and --report PATH for the JSON report."
        )
    return output


@app.command()
def translate(
    file: str = typer.Argument(..., help="The document to translate (UTF-8 text), or - for standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the draft here (default: standard output)."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Preset (see `kkalign models list`), Hub id, or local model folder."),
    engine: str = typer.Option("auto", "--engine", help="Translation engine: auto, transformers, ct2."),
    source_lang: str = typer.Option("kk", "--from", help="Source language: kk or en."),
    target_lang: str = typer.Option("en", "--to", help="Target language: en or kk."),
    glossary: Optional[List[Path]] = typer.Option(None, "--glossary", "-g", help="Glossary file (repeatable); added to the shipped names glossary."),
    no_default_glossary: bool = typer.Option(False, "--no-default-glossary", help="Do not use the shipped names glossary."),
    no_enforce: bool = typer.Option(False, "--no-enforce", help="Do not enforce the glossary while decoding (checks still run)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="Output format: txt, tsv, json, html, xliff, tmx (default: from the -o suffix, else txt)."),
    beam: int = typer.Option(4, "--beam", help="Beam size."),
    max_length: int = typer.Option(256, "--max-length", help="Maximum tokens per translated sentence."),
    device: str = typer.Option("auto", "--device", help="auto (CUDA if present, else CPU), cpu, cuda, cuda:N."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the JSON report (sentences, terms, findings, signature) here."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 when error-severity findings remain."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary on stderr."),
    memory: Optional[Path] = typer.Option(None, "--memory", help="Translation memory file (default: $KKALIGNER_MEMORY, else memory.sqlite in the kkaligner cache dir)."),
    no_memory: bool = typer.Option(False, "--no-memory", help="Neither reuse nor store translations in the translation memory."),
    dtype: str = typer.Option("auto", "--dtype", help="Weights' type: auto, float32, float16, bfloat16 (fast on CPUs with native bf16)."),
    quantize: Optional[bool] = typer.Option(None, "--quantize/--no-quantize", help="int8 weights: dynamic int8 for transformers on CPU; ct2 quantizes by default."),
    input_format: Optional[str] = typer.Option(None, "--input-format", help="Read the input as: srt, vtt, html, md, docx, xliff (translated in place, written in the same format), or txt (default: from the input's suffix)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="The input's encoding for SRT, HTML, Markdown (default: declared or detected)."),
    overwrite: bool = typer.Option(False, "--overwrite-targets", help="XLIFF: replace targets that already have text (default: fill only empty ones)."),
    max_size: float = typer.Option(50, "--max-size", help="Refuse documents larger than this many MiB (a DOCX may unpack to 4 times as much)."),
) -> None:
    """Translate a document; the draft keeps the input's paragraphs and line breaks. SRT, WebVTT,
    HTML, Markdown, DOCX and XLIFF files are translated in place and written in their own format."""
    from kkaligner.io import read_text
    from kkaligner.pipeline import Translator
    from kkaligner.writers import guess_format, write

    document = _document_format(file, input_format, format)
    destination = _document_output(output, document) if document is not None else None
    # Fail on a bad output format before spending minutes on translation.
    if document is None and format is None and output is not None and str(output) != "-":
        format = guess_format(output)
    text = read_text(file) if document is None else ""
    if quiet:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()  # a model download stays silent too
    translator = Translator(
        model,
        engine=engine,
        glossary=list(glossary) if glossary else None,
        use_default_glossary=not no_default_glossary,
        source_lang=source_lang,
        target_lang=target_lang,
        beam_size=beam,
        max_length=max_length,
        enforce=not no_enforce,
        device=device,
        progress=not quiet,
        memory=False if no_memory else (memory if memory is not None else True),
        dtype=dtype,
        quantize=quantize,
        warn=lambda message: print(f"kkalign: warning: {message}", file=sys.stderr, flush=True),
    )
    with translator:
        if document is not None:
            draft = translator.translate_document(file, destination, document,
                                                  encoding=encoding, overwrite=overwrite,
                                                  max_bytes=int(max_size * 2**20))
        else:
            draft = translator.translate(text)
    if document is None:
        write(draft, None if output is None or str(output) == "-" else output, format=format)
    elif output is None or str(output) == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)  # the document's own bytes, whatever the locale
        if buffer is not None:
            buffer.write(draft.output)
            buffer.flush()
        else:
            sys.stdout.write(draft.output.decode("utf-8", "replace"))
    if report is not None:
        write(draft, report, format="json")
    if not quiet:
        size = len(translator.glossary) if translator.glossary is not None else 0
        print(_summary(draft, size, translator.memory_stats), file=sys.stderr)
        if document is not None:
            kept = f"; formatted pieces kept {draft.pieces_kept}/{draft.pieces}" if draft.pieces else ""
            print(f"  document: {document}, {draft.units} units{kept}", file=sys.stderr)
    if strict and draft.findings_by_severity().get("error", 0):
        raise typer.Exit(1)
