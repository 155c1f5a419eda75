"""kkalign translate: a document in, a draft out (stdout or -o), a short report on stderr."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer

from kkaligner.cli.app import app

# The default model's name, repeated here so that `kkalign --help` does not import kkaligner.models.
DEFAULT_MODEL = "nllb-600m"


class _Tally:
    """What the summary says of a draft, added up piece by piece (a large document is translated
    in pieces and never held whole)."""

    def __init__(self) -> None:
        self.sentences = self.present = self.terms = self.repaired = self.unforceable = 0
        self.counts: dict = {}
        self.errors: list = []  # (sentence number from 1 or None, code, message), the first five
        self.signature = None
        self.langs = ("", "")

    def add(self, draft) -> None:
        uses = [u for s in draft.sentences for u in s.terms]
        self.present += sum(u.status in ("applied", "forced", "auto") for u in uses)
        self.terms += len(uses)
        self.repaired += sum(u.status == "forced" for u in uses)
        self.unforceable += sum(f.code == "term-unforceable" for f in draft.findings)
        for sev, n in draft.findings_by_severity().items():
            self.counts[sev] = self.counts.get(sev, 0) + n
        for f in draft.findings:
            if f.severity == "error" and len(self.errors) < 5:
                where = None if f.sentence is None else self.sentences + f.sentence + 1
                self.errors.append((where, f.code, f.message))
        self.sentences += len(draft.sentences)
        self.signature, self.langs = draft.signature, (draft.source_lang, draft.target_lang)


def _summary(tally: "_Tally", glossary_size: int, memory_stats=None) -> str:
    """A few lines for a person: sentences, terms, findings by severity, the signature."""
    findings = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in tally.counts.items() if n) or "none"
    lines = [
        f"kkalign: {tally.sentences} sentences {tally.langs[0]}→{tally.langs[1]}; "
        f"glossary terms {tally.present}/{tally.terms} applied ({glossary_size} entries); findings: {findings}",
    ]
    if tally.repaired or tally.unforceable:
        lines.append(f"  terms: {tally.repaired} put in by repair, {tally.unforceable} the model cannot spell")
    if memory_stats is not None and memory_stats.hits:
        lines.append(f"  translation memory: {memory_stats.hits} sentences reused, {memory_stats.misses} translated")
    for where, code, message in tally.errors:
        lines.append(f"  error {code}: {f'sentence {where}: ' if where else ''}{message}")
    lines.append(f"  signature: {tally.signature}")
    return "\n".join(lines)


# Seconds between two plain progress lines when stderr is a log file or a pipe, not a terminal.
PROGRESS_EVERY = 5.0


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    minutes = (seconds + 30) // 60
    if minutes < 60:
        return f"{minutes}m"
    return f"{minutes // 60}h{minutes % 60:02d}m"


class ProgressLines:
    """A ``progress=`` callable ``(done, total)`` for Translator: one plain line on stderr every
    ``every`` seconds, for logs and pipes where a redrawn bar would be noise.

    The rate is measured from the first report on, so model loading does not count as
    translation time; a run shorter than ``every`` prints nothing.
    """

    def __init__(self, every: Optional[float] = None, clock=time.monotonic, stream=None) -> None:
        self.every = PROGRESS_EVERY if every is None else every
        self.clock = clock
        self.stream = stream
        self._start: Optional[tuple[float, int]] = None
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if self._start is None:
            self._start, self._last = (now, done), now
            return
        if now - self._last < self.every or done >= total:
            return
        self._last = now
        t0, done0 = self._start
        rate = (done - done0) / (now - t0) if now > t0 else 0.0
        left = f", {_duration((total - done) / rate)} left" if rate > 0 else ""
        print(f"kkalign: translated {done}/{total} sentences ({100 * done // max(total, 1)}%){left}",
              file=self.stream or sys.stderr, flush=True)


def _status(quiet: bool):
    """Engine status lines (a one-time model conversion): silent with --quiet."""
    if quiet:
        return lambda message: None
    return lambda message: print(f"kkalign: {message}", file=sys.stderr, flush=True)


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
    no_auto_names: bool = typer.Option(False, "--no-auto-names", help="Do not render each name the glossary lacks one way throughout the document."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="Output format: txt, tsv, json, html, xliff, tmx (default: from the -o suffix, else txt)."),
    beam: int = typer.Option(4, "--beam", help="Beam size."),
    max_length: int = typer.Option(256, "--max-length", help="Maximum tokens per translated sentence."),
    device: str = typer.Option("auto", "--device", help="auto (CUDA if present, else CPU), cpu, cuda, cuda:N."),
    report: Optional[Path] = typer.Option(None, "--report", help="Also write the JSON report (sentences, terms, findings, signature) here."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 when error-severity findings remain."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress, status lines or summary on stderr; only warnings and errors."),
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
    from kkaligner.writers import check_outputs, guess_format, write

    document = _document_format(file, input_format, format)
    destination = _document_output(output, document) if document is not None else None
    # Fail on a bad output (format, folder, a file given twice, the input itself) before spending
    # minutes on translation.
    if document is None and format is None and output is not None and str(output) != "-":
        format = guess_format(output)
    check_outputs(
        [(output, format if document is None else "txt"), *([(report, "json")] if report is not None else [])],
        inputs=[file],
    )
    text = read_text(file) if document is None else ""
    if quiet:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()  # a model download stays silent too
    from kkaligner.engines import auto_engine

    # Only the ct2 engine reports status (a model's one-time conversion); transformers takes no status.
    engine_options = {"status": _status(quiet)} if (auto_engine() if engine == "auto" else engine) == "ct2" else None
    if quiet:
        progress = False
    elif sys.stderr.isatty():
        progress = True  # the pipeline's bar, redrawn in place
    else:
        progress = ProgressLines()
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
        progress=progress,
        engine_options=engine_options,
        memory=False if no_memory else (memory if memory is not None else True),
        dtype=dtype,
        quantize=quantize,
        warn=lambda message: print(f"kkalign: warning: {message}", file=sys.stderr, flush=True),
    )
    tally = _Tally()
    to_stdout = output is None or str(output) == "-"
    with translator:
        if document is not None:
            draft = translator.translate_document(file, destination, document,
                                                  encoding=encoding, overwrite=overwrite,
                                                  max_bytes=int(max_size * 2**20))
            tally.add(draft)
        elif (format or "txt") == "txt" and report is None:
            # The txt draft is written piece by piece as the document is translated: memory holds
            # one piece (about CHUNK_CHARS characters) whatever the size of the input.
            with _sink(None if to_stdout else output) as sink:
                for draft in translator.translate_chunks(text):
                    sink.write(draft.text.encode("utf-8"))
                    tally.add(draft)
        else:
            draft = translator.translate(text)
            write(draft, None if to_stdout else output, format=format)
            tally.add(draft)
    if document is not None and to_stdout:
        with _sink(None) as sink:  # the document's own bytes, whatever the locale
            sink.write(draft.output)
    if report is not None:
        write(draft, report, format="json")
    if not quiet:
        size = len(translator.glossary) if translator.glossary is not None else 0
        print(_summary(tally, size, translator.memory_stats), file=sys.stderr)
        if document is not None:
            kept = f"; formatted pieces kept {draft.pieces_kept}/{draft.pieces}" if draft.pieces else ""
            print(f"  document: {document}, {draft.units} units{kept}", file=sys.stderr)
    if strict and tally.counts.get("error", 0):
        raise typer.Exit(1)


@contextmanager
def _sink(path):
    """A binary stream to the output: the file (written atomically, see io.atomic_writer) or stdout."""
    if path is None:
        out = getattr(sys.stdout, "buffer", None)
        sys.stdout.flush()
        if out is None:  # a text-only stdout (some embedding hosts)
            class _Text:
                def write(self, data: bytes) -> None:
                    sys.stdout.write(data.decode("utf-8"))

            yield _Text()
        else:
            yield out
            out.flush()
        return
    from kkaligner.io import atomic_writer

    with atomic_writer(path) as fh:
        yield fh
