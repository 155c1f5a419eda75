"""kkalign batch: a corpus in, a folder of drafts out (kkaligner.batch), a summary on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from kkaligner.cli.app import app

# Repeated from kkaligner.models so that `kkalign --help` stays light.
DEFAULT_MODEL = "nllb-600m"


def _summary(report) -> str:
    findings = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in report.findings if n) or "none"
    terms = dict(report.terms)
    present = terms.get("applied", 0) + terms.get("forced", 0)
    lines = [
        f"kkalign batch: {report.documents} documents: {report.translated} translated, {report.skipped} "
        f"already current, {report.failed} failed; {report.sentences} sentences; glossary terms "
        f"{present}/{sum(terms.values())} applied; findings: {findings}; {report.seconds:.1f} s ({report.workers})",
    ]
    for f in report.failures[:10]:
        lines.append(f"  failed {f.origin}: {f.reason}")
    if len(report.failures) > 10:
        lines.append(f"  ... and {len(report.failures) - 10} more (see the report)")
    lines.append(f"  report: {Path(report.outdir) / '.kkalign' / 'report.json'}")
    if report.output:
        lines.append(f"  drafts: {report.output}")
    return "\n".join(lines)


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Folders (walked), globs or files; .jsonl/.parquet files hold one document a row."),
    outdir: Path = typer.Option(..., "-o", "--output", help="Output folder (created when missing); a rerun resumes in it."),
    format: str = typer.Option("txt", "--format", "-f", help="Per-document format: txt, tsv, json, html, xliff, tmx; or jsonl/parquet for one table."),
    id_field: str = typer.Option("id", "--id-field", help="The id column of JSONL/Parquet inputs."),
    text_field: str = typer.Option("text", "--text-field", help="The text column of JSONL/Parquet inputs."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first document that fails (rerun to resume)."),
    ray: Optional[str] = typer.Option(None, "--ray", help="Run on Ray: auto (start or join a local one) or a cluster ADDRESS."),
    actors: int = typer.Option(1, "--actors", help="Ray: Translator actors (one model each)."),
    cpus_per_actor: float = typer.Option(1, "--cpus-per-actor", help="Ray: CPUs reserved by each actor."),
    gpus_per_actor: float = typer.Option(0, "--gpus-per-actor", help="Ray: GPUs reserved by each actor (fractions share one)."),
    group_sentences: int = typer.Option(256, "--group-sentences", help="Sentences translated together in one call (documents are not split)."),
    batch_size: int = typer.Option(64, "--batch-size", help="Sentences the engine decodes together, from several documents."),
    model: str = typer.Option(DEFAULT_MODEL, "--model", "-m", help="Preset (see `kkalign models list`), Hub id, or local model folder."),
    engine: str = typer.Option("auto", "--engine", help="Translation engine: auto, transformers, ct2."),
    source_lang: str = typer.Option("kk", "--from", help="Source language: kk or en."),
    target_lang: str = typer.Option("en", "--to", help="Target language: en or kk."),
    glossary: Optional[List[Path]] = typer.Option(None, "--glossary", "-g", help="Glossary file (repeatable); added to the shipped names glossary."),
    no_default_glossary: bool = typer.Option(False, "--no-default-glossary", help="Do not use the shipped names glossary."),
    no_enforce: bool = typer.Option(False, "--no-enforce", help="Do not enforce the glossary while decoding (checks still run)."),
    beam: int = typer.Option(4, "--beam", help="Beam size."),
    max_length: int = typer.Option(256, "--max-length", help="Maximum tokens per translated sentence."),
    device: str = typer.Option("auto", "--device", help="auto (CUDA if present, else CPU), cpu, cuda, cuda:N."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the JSON summary here."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary on stderr."),
    memory: Optional[Path] = typer.Option(None, "--memory", help="Translation memory file (default: $KKALIGNER_MEMORY, else the cache dir's)."),
    no_memory: bool = typer.Option(False, "--no-memory", help="Neither reuse nor store translations in the translation memory."),
    dtype: str = typer.Option("auto", "--dtype", help="Weights' type: auto, float32, float16, bfloat16."),
    quantize: Optional[bool] = typer.Option(None, "--quantize/--no-quantize", help="int8 weights (ct2 quantizes by default on CPU)."),
) -> None:
    """Translate a corpus with one model load; resumable; exits 1 when some documents failed."""
    from kkaligner.batch import translate_corpus

    if quiet:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    options = dict(
        model=model, engine=engine, glossary=[str(g) for g in glossary] if glossary else None,
        use_default_glossary=not no_default_glossary, source_lang=source_lang, target_lang=target_lang,
        beam_size=beam, max_length=max_length, enforce=not no_enforce, device=device, batch_size=batch_size,
        memory=False if no_memory else (str(memory) if memory is not None else True), dtype=dtype, quantize=quantize,
    )
    translator = None
    if ray is None:
        from kkaligner.pipeline import Translator

        translator = Translator(
            **options, warn=lambda message: print(f"kkalign: warning: {message}", file=sys.stderr, flush=True)
        )
    try:
        result = translate_corpus(
            inputs, outdir, translator, translator_options=options, format=format, id_field=id_field,
            text_field=text_field, fail_fast=fail_fast, group_sentences=group_sentences, progress=not quiet,
            ray=ray, actors=actors, cpus_per_actor=cpus_per_actor, gpus_per_actor=gpus_per_actor, report=report,
        )
    finally:
        if translator is not None:
            translator.close()
    if not quiet:
        print(_summary(result), file=sys.stderr)
    if result.failed:
        raise typer.Exit(1)
