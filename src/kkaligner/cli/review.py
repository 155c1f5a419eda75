"""kkalign check / kkalign align: review an existing translation, print a sentence alignment."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kkaligner.cli.app import app

CHECK_FORMATS = ("text", "json", "html")
ALIGN_FORMATS = ("tsv", "jsonl")


def _langs(source_text: str, target_text: str, src: Optional[str], tgt: Optional[str]) -> tuple[str, str]:
    """--from/--to, or the direction read from the scripts (Cyrillic = kk, Latin = en)."""
    from kkaligner.errors import UsageError, choices

    valid = ("kk", "en")
    for value, flag in ((src, "--from"), (tgt, "--to")):
        if value is not None and value not in valid:
            raise UsageError(f"unknown language {value!r} for {flag}; use {choices(valid)}.")

    from kkaligner.lang.detect import detect_language

    def guess(text: str) -> str:
        return detect_language(text).lang

    if src is None and tgt is None:
        src = guess(source_text)
        tgt = "en" if src == "kk" else "kk"
        if guess(target_text) == src:
            language = "Kazakh (kk), as any Cyrillic text does," if src == "kk" else "English (en)"
            raise UsageError(
                f"SOURCE and TARGET both read as {language}: TARGET should be the translation of "
                "SOURCE (kk -> en or en -> kk). Check the file order, or set --from and --to."
            )
    elif src is None:
        src = "en" if tgt == "kk" else "kk"
    elif tgt is None:
        tgt = "en" if src == "kk" else "kk"
    if src == tgt:
        raise UsageError(f"--from and --to are both {src!r}; a translation goes kk -> en or en -> kk.")
    return src, tgt


def _read_pair(source: str, target: str):
    from kkaligner.errors import InputError, UsageError
    from kkaligner.io import read_text

    if source == "-" and target == "-":
        raise UsageError("SOURCE and TARGET cannot both be '-' (standard input); give at least one file.")
    source_text, target_text = read_text(source), read_text(target)
    for name, path, text in (("source", source, source_text), ("target", target, target_text)):
        if not text.strip():
            raise InputError(f"the {name} file {path} is empty: give a document with text in it.")
    return source_text, target_text


def _glossary(paths: Optional[List[Path]], no_default: bool):
    from kkaligner.glossary import Glossary

    return Glossary.load_many(list(paths or ()), include_default=not no_default)


def _text_report(draft) -> str:
    """One block per sentence with findings: index, source and target, then each finding."""
    by_sentence: dict = {}
    for f in draft.findings:
        by_sentence.setdefault(f.sentence, []).append(f)
    lines = []
    for idx, findings in sorted(by_sentence.items(), key=lambda kv: -1 if kv[0] is None else kv[0]):
        if idx is None:
            lines.append("document:")
        else:
            s = draft.sentences[idx]
            number = str(idx + 1)  # counted from 1, as in the translate summary and the HTML page
            lines.append(f"[{number}] {draft.source_lang}: {' '.join(s.source.split()) or '(none)'}")
            lines.append(f"{' ' * (len(number) + 3)}{draft.target_lang}: {' '.join(s.target.split()) or '(none)'}")
        for f in findings:
            where = ""
            if f.target_span and idx is not None:
                a, b = f.target_span
                where = f" «{draft.sentences[idx].target[a:b]}»" if b - a <= 60 and b > a else ""
            fix = f" -> {f.suggestion}" if f.suggestion else ""
            lines.append(f"  {f.severity}: {f.code}{where}: {f.message}{fix}")
        lines.append("")
    counts = draft.findings_by_severity()
    flagged = len({f.sentence for f in draft.findings if f.sentence is not None})
    lines.append(
        f"{len(draft.sentences)} aligned sentence(s), {flagged} flagged: "
        f"{counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s), {counts.get('info', 0)} info."
    )
    return "\n".join(lines) + "\n"


@app.command("check")
def check_command(
    source: str = typer.Argument(..., help="The source document (UTF-8), or '-' for standard input."),
    target: str = typer.Argument(..., help="Its translation (UTF-8), or '-' for standard input."),
    glossary: Optional[List[Path]] = typer.Option(None, "--glossary", "-g", help="Glossary file (repeatable); added to the shipped names glossary."),
    no_default_glossary: bool = typer.Option(False, "--no-default-glossary", help="Do not use the shipped names glossary."),
    src_lang: Optional[str] = typer.Option(None, "--from", help="Source language, kk or en (default: read from the script)."),
    tgt_lang: Optional[str] = typer.Option(None, "--to", help="Target language, kk or en (default: the other one)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (a listing), json or html (the draft writers' formats)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report here instead of standard output."),
    aligned: bool = typer.Option(False, "--aligned", help="The files are line-aligned: line i translates line i."),
    lines: bool = typer.Option(False, "--lines", help="Every non-empty line is one sentence (pre-split files); still aligned."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 when an error-severity finding exists."),
    only: Optional[List[str]] = typer.Option(None, "--only", help="Run only these checks or codes (repeatable)."),
    skip: Optional[List[str]] = typer.Option(None, "--skip", help="Skip these checks or codes (repeatable)."),
) -> None:
    """Check an existing translation: split, align sentences, run the reviewer checks."""
    from kkaligner.checks import check_documents
    from kkaligner.errors import UsageError, choices
    from kkaligner.io import atomic_write

    if fmt not in CHECK_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use {choices(CHECK_FORMATS)}.")
    from kkaligner.writers import check_outputs

    check_outputs([(output, "txt" if fmt == "text" else fmt)], inputs=[source, target])
    source_text, target_text = _read_pair(source, target)
    s_lang, t_lang = _langs(source_text, target_text, src_lang, tgt_lang)
    gloss = _glossary(glossary, no_default_glossary)
    draft = check_documents(
        source_text, target_text, gloss, source_lang=s_lang, target_lang=t_lang,
        aligned=aligned, lines=lines, only=only or None, skip=skip or None,
    )
    if fmt == "text":
        report = _text_report(draft)
        if output and output != "-":
            atomic_write(output, report)
        else:
            typer.echo(report, nl=False)
    else:
        from kkaligner.writers import write

        write(draft, output, format=fmt)
    if strict and any(f.severity == "error" for f in draft.findings):
        raise typer.Exit(1)


@app.command("align")
def align_command(
    source: str = typer.Argument(..., help="The source document (UTF-8), or '-' for standard input."),
    target: str = typer.Argument(..., help="Its translation (UTF-8), or '-' for standard input."),
    fmt: str = typer.Option("tsv", "--format", "-f", help="tsv: source indices, target indices, score, texts; jsonl: one link a line."),
    lines: bool = typer.Option(False, "--lines", help="Every non-empty line is one sentence (pre-split files)."),
    src_lang: Optional[str] = typer.Option(None, "--from", help="Source language, kk or en (default: read from the script)."),
    tgt_lang: Optional[str] = typer.Option(None, "--to", help="Target language, kk or en (default: the other one)."),
    glossary: Optional[List[Path]] = typer.Option(None, "--glossary", "-g", help="Glossary whose names anchor the alignment (repeatable)."),
    no_default_glossary: bool = typer.Option(False, "--no-default-glossary", help="Do not use the shipped names glossary as anchors."),
) -> None:
    """Print the sentence alignment of a document and its translation."""
    import json
    import sys

    from kkaligner.align import align
    from kkaligner.errors import UsageError, choices

    if fmt not in ALIGN_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use {choices(ALIGN_FORMATS)}.")
    source_text, target_text = _read_pair(source, target)
    s_lang, t_lang = _langs(source_text, target_text, src_lang, tgt_lang)
    gloss = _glossary(glossary, no_default_glossary)
    links = align(source_text, target_text, source_lang=s_lang, target_lang=t_lang, glossary=gloss, lines=lines)
    out = []
    for link in links:
        s_txt = source_text[slice(*link.source_span)] if link.source_span else ""
        t_txt = target_text[slice(*link.target_span)] if link.target_span else ""
        if fmt == "jsonl":
            row = {
                "source": list(link.source),
                "target": list(link.target),
                "score": link.score,
                "source_start": link.source_span[0] if link.source_span else None,
                "source_end": link.source_span[1] if link.source_span else None,
                "target_start": link.target_span[0] if link.target_span else None,
                "target_end": link.target_span[1] if link.target_span else None,
            }
            out.append(json.dumps(row, ensure_ascii=False))
        else:
            out.append("\t".join((
                ",".join(map(str, link.source)),
                ",".join(map(str, link.target)),
                f"{link.score:.4f}",
                " ".join(s_txt.split()),
                " ".join(t_txt.split()),
            )))
    data = ("\n".join(out) + "\n") if out else ""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(data)
