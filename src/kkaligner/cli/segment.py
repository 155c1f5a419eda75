"""kkalign segment: split a document into sentences (one a line, or JSON lines with offsets)."""

from __future__ import annotations

import typer

from kkaligner.cli.app import app

FORMATS = ("text", "jsonl")


@app.command("segment")
def segment_command(
    file: str = typer.Argument(..., help="UTF-8 text file to split, or '-' for standard input."),
    lang: str = typer.Option("kk", "--lang", "-l", help="Language of the text: kk or en."),
    fmt: str = typer.Option(
        "text",
        "--format",
        "-f",
        help="text: one sentence a line; jsonl: one object a line with start, end (character offsets "
        "into the decoded input, a leading BOM dropped), text and paragraph.",
    ),
    max_length: int = typer.Option(
        1000, "--max-length", help="Cut sentences longer than this many characters."
    ),
) -> None:
    """Split FILE into sentences (Kazakh-aware; English with --lang en)."""
    import json
    import sys

    from kkaligner.errors import UsageError, choices
    from kkaligner.io import read_text
    from kkaligner.split import LANGS, segment

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use {choices(FORMATS)}.")
    if lang not in LANGS:
        raise UsageError(f"unknown language {lang!r}; use {choices(LANGS)}.")
    segments = segment(read_text(file), lang, max_length=max_length)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        try:
            out.reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # pragma: no cover - a stream that cannot be reconfigured
            pass
    for s in segments:
        if fmt == "jsonl":
            row = {"start": s.start, "end": s.end, "text": s.text, "paragraph": s.paragraph}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            # One sentence a line: a sentence joined across a hard wrap keeps its inner line
            # breaks in jsonl, but is written on one line here.
            out.write(" ".join(s.text.split()) + "\n")
    out.flush()
