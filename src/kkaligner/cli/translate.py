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
    no_auto_names: bool = typer.Option(False, "--no-auto-names", help="Do not render each name the glossary lacks one way throughout the document."),
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
) -> None:
    """Translate a document; the draft keeps the input's paragraphs and line breaks."""
    from kkaligner.io import read_text
    from kkaligner.pipeline import Translator
    from kkaligner.writers import guess_format, write

    # Fail on a bad output format before spending minutes on translation.
    if format is None and output is not None and str(output) != "-":
        format = guess_format(output)
    text = read_text(file)
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
        auto_names=not no_auto_names,
        device=device,
        progress=not quiet,
        memory=False if no_memory else (memory if memory is not None else True),
        dtype=dtype,
        quantize=quantize,
        warn=lambda message: print(f"kkalign: warning: {message}", file=sys.stderr, flush=True),
    )
    with translator:
        draft = translator.translate(text)
    write(draft, None if output is None or str(output) == "-" else output, format=format)
    if report is not None:
        write(draft, report, format="json")
    if not quiet:
        size = len(translator.glossary) if translator.glossary is not None else 0
        print(_summary(draft, size, translator.memory_stats), file=sys.stderr)
    if strict and draft.findings_by_severity().get("error", 0):
        raise typer.Exit(1)
