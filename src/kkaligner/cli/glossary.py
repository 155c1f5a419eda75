"""kkalign glossary commands: match, forms, lint, convert, extract."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import List, Optional

import typer

from kkaligner.cli.app import app

glossary_app = typer.Typer(
    help="Glossaries: find terms in inflected Kazakh text, show forms, lint, convert formats.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(glossary_app, name="glossary")

_OUTPUT_FORMATS = ("text", "jsonl")


def _load(paths: Optional[List[Path]], with_default: bool, fmt: Optional[str] = None, *, report: bool = True):
    """Load glossaries; what reading them found (folded columns, skipped dead entries) is printed
    as ``kkalign: warning:`` lines (``report``) rather than as Python warnings."""
    from kkaligner.glossary import Glossary

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        g = Glossary.default() if not paths else Glossary.load_many(paths, include_default=with_default, format=fmt)
    if report:
        _print_load_issues(g)
    return g


def _print_load_issues(g) -> None:
    for issue in g.load_issues:
        typer.echo(f"kkalign: {issue.severity}: {'; '.join(issue.where)}: {issue.message}", err=True)


@glossary_app.command("match")
def match_cmd(
    file: str = typer.Argument(..., help="Text file to search ('-' for standard input)."),
    glossary: Optional[List[Path]] = typer.Option(
        None, "--glossary", "-g", help="Glossary file (repeatable; later ones win). Default: the shipped names glossary."
    ),
    with_default: bool = typer.Option(False, "--with-default", help="Also load the shipped glossary under the given ones."),
    lang: str = typer.Option("kk", "--lang", "-l", help="Language of FILE: kk finds inflected lemmas, en the renderings."),
    output_format: str = typer.Option("text", "--format", "-f", help="Output: text or jsonl (one JSON object a match)."),
) -> None:
    """Find the glossary's terms in FILE, in every inflected form."""
    from kkaligner.errors import UsageError, choices
    from kkaligner.io import read_text

    if output_format not in _OUTPUT_FORMATS:
        raise UsageError(f"unknown --format {output_format!r}; use {choices(_OUTPUT_FORMATS)}.")
    g = _load(glossary, with_default)
    if len(g) == 0:
        typer.echo("kkalign: warning: the glossary is empty; nothing can match.", err=True)
    text = read_text(file)
    line_starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            line_starts.append(i + 1)
    import bisect

    for m in g.match(text, lang=lang):
        line = bisect.bisect_right(line_starts, m.start)
        if output_format == "jsonl":
            obj = {
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "source": m.term.source,
                "target": m.term.target,
                "suffix": m.suffix,
                "line": line,
                "lang": m.lang,
                "kind": m.term.kind,
                "variant": m.variant,
                "forbidden": m.forbidden,
            }
            typer.echo(json.dumps(obj, ensure_ascii=False))
        else:
            flag = " [forbidden]" if m.forbidden else (f" [variant of {m.term.target}]" if m.variant else "")
            typer.echo(
                f"{line}:{m.start}-{m.end}\t{m.surface}\t{m.term.source} -> {m.term.target}"
                f"\t{m.suffix or '-'}{flag}"
            )


@glossary_app.command("forms")
def forms_cmd(
    lemma: str = typer.Argument(..., help="A Kazakh lemma (dictionary form), e.g. Байқоңыр or 'Нұрсұлтан Назарбаев'."),
    output_format: str = typer.Option("text", "--format", "-f", help="Output: text or jsonl."),
) -> None:
    """Show the inflected forms generated for a Kazakh LEMMA, with their analysis."""
    from kkaligner.errors import UsageError, choices
    from kkaligner.glossary import kazakh_forms

    if output_format not in _OUTPUT_FORMATS:
        raise UsageError(f"unknown --format {output_format!r}; use {choices(_OUTPUT_FORMATS)}.")
    if not lemma.strip():
        raise UsageError("LEMMA is empty; give a Kazakh word, e.g. Байқоңыр.")
    for form, analysis in kazakh_forms(lemma):
        if output_format == "jsonl":
            typer.echo(json.dumps({"form": form, "analysis": analysis}, ensure_ascii=False))
        else:
            typer.echo(f"{form}\t{analysis or '(bare)'}")


@glossary_app.command("lint")
def lint_cmd(
    glossaries: List[Path] = typer.Argument(..., help="Glossary files (checked together, later ones win)."),
    input_format: Optional[str] = typer.Option(None, "--from", help="Format of the files (default: guessed)."),
) -> None:
    """Report every malformed row, conflict, duplicate and other problem; exit 1 when there are errors."""
    from kkaligner.glossary import Glossary

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # listed below with the other issues
        g = Glossary.load_many(glossaries, format=input_format, keep_going=True)
    issues = g.lint()
    for issue in issues:
        typer.echo(str(issue))
    counts = {sev: sum(i.severity == sev for i in issues) for sev in ("error", "warning", "info")}
    summary = f"{len(g)} entries, {counts['error']} errors, {counts['warning']} warnings"
    if counts["info"]:
        summary += f", {counts['info']} notes"
    typer.echo(summary, err=True)
    if counts["error"]:
        raise typer.Exit(1)


@glossary_app.command("convert")
def convert_cmd(
    input_path: Path = typer.Argument(..., metavar="IN", help="Glossary to read."),
    output_path: Path = typer.Argument(..., metavar="OUT", help="File to write (.tsv, .csv, .tbx, .txt = OmegaT)."),
    input_format: Optional[str] = typer.Option(None, "--from", help="Input format: tsv, omegat, csv, tbx (default: guessed)."),
    output_format: Optional[str] = typer.Option(None, "--to", help="Output format (default: from OUT's ending)."),
    merge_conflicts: bool = typer.Option(
        False,
        "--merge-conflicts",
        help="When a source has several rows with different renderings, keep the last row's rendering "
        "(the one kkalign uses) and accept the others as alternatives, instead of refusing.",
    ),
) -> None:
    """Convert a glossary between the rich TSV, CSV, OmegaT TSV and TBX-Basic.

    A source given with different renderings on several rows is a conflict: convert refuses and
    lists them, unless --merge-conflicts; nothing is dropped without a message on stderr.
    """
    from kkaligner.errors import GlossaryConflictError, OutputError
    from kkaligner.glossary import formats
    from kkaligner.io import same_file

    g = _load([input_path], False, input_format)
    fmt = formats.for_output(output_path, output_format)
    if fmt.LOSSY and same_file(input_path, output_path):
        # converting in place to a format that keeps only source and target would lose the rest
        raise OutputError(
            f"{output_path} is the input: {fmt.NAME} keeps only source, target and comment, so writing there would "
            "lose its other fields. Choose another path."
        )
    issues = g.lint()
    conflicts = [i for i in issues if i.code == "conflict"]
    if conflicts and not merge_conflicts:
        raise GlossaryConflictError(
            f"{input_path}: {len(conflicts)} source term{'s have' if len(conflicts) > 1 else ' has'} different "
            "renderings on different rows; nothing written:\n"
            + "\n".join(f"  {i.message} ({'; '.join(i.where)})" for i in conflicts)
            + "\nOr pass --merge-conflicts to keep the last row's rendering and accept the others as alternatives."
        )
    if merge_conflicts:
        g, merges = g.resolve_conflicts()
        for m in merges:
            typer.echo(f"kkalign: {m}", err=True)
    else:
        for i in issues:
            if i.code in ("duplicate", "empty-glossary") and i.severity == "warning":
                typer.echo(f"kkalign: warning: {i}".replace("warning: warning: ", "warning: "), err=True)
    dropped = [t.source for t in g.terms if (t.alternatives or t.forbidden or t.kind or t.pos or t.case_sensitive or t.dnt or t.provenance)]
    if fmt.LOSSY and dropped:
        typer.echo(
            f"kkalign: warning: {fmt.NAME} keeps only source, target and comment; the other fields of "
            f"{len(dropped)} entries (first: {dropped[0]!r}) are not written. Use .tsv, .csv or .tbx to keep them.",
            err=True,
        )
    g.save(output_path, fmt.NAME)
    typer.echo(f"wrote {len(g)} entries to {output_path} ({fmt.NAME})", err=True)


@glossary_app.command("extract")
def extract_cmd(
    files: List[str] = typer.Argument(
        ..., metavar="FILE...", help="Text files ('-' for standard input) or documents (.docx, .xliff, .html, .md, .srt, .vtt) to read."
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Glossary to write (.tsv, .csv, .tbx); default: rich TSV on standard output."
    ),
    lang: Optional[str] = typer.Option(
        None, "--from", help="Language of the files: kk (Kazakh names) or en (foreign names); default: read from the text."
    ),
    glossary: Optional[List[Path]] = typer.Option(
        None, "--glossary", "-g", help="Glossary whose names are known already (repeatable)."
    ),
    no_default: bool = typer.Option(False, "--no-default-glossary", help="Do not count the shipped names glossary as known."),
    min_count: int = typer.Option(1, "--min-count", help="Leave out names seen fewer times."),
) -> None:
    """List the names in FILE... that no glossary has yet, as a glossary to check and pass back with -g.

    Each row is one name in its dictionary form, with its kind, a proposed rendering (marked as a
    proposal in the provenance column), how often it occurs and an example sentence in the note.
    """
    from kkaligner import documents
    from kkaligner.errors import OutputError, UsageError
    from kkaligner.glossary import Glossary, formats
    from kkaligner.io import read_text, same_file
    from kkaligner.lang import LANGUAGE_NAMES, check_language
    from kkaligner.lang.detect import detect_language
    from kkaligner.names import extract_terms

    if output is not None and str(output) == "-":
        output = None  # standard output, as without -o
    if output is not None:
        # the names written over a file they were read from, or over a glossary given with -g,
        # would lose that file
        for path in [*files, *(glossary or [])]:
            if str(path) != "-" and same_file(output, path):
                raise OutputError(f"{output} is one of the inputs: writing the names there would replace it. Choose another path for -o.")
    known = _load(glossary, not no_default) if glossary else (Glossary.empty() if no_default else Glossary.default())
    # a document's words (a Word file's paragraphs, an XLIFF file's source), else the file's text
    texts = [(f, read_text(f) if f == "-" or documents.format_of(f) is None else documents.text_of(f)) for f in files]
    read_as = {f: detect_language(t).lang for f, t in texts if t.strip()}
    if lang is None:
        if len(set(read_as.values())) > 1:
            listing = ", ".join(f"{f} ({LANGUAGE_NAMES[x]})" for f, x in read_as.items())
            raise UsageError(
                f"the files are in two languages: {listing}. Extract the Kazakh and the English files in two runs, "
                "or name their language with --from."
            )
        lang = next(iter(read_as.values()), "kk")  # Cyrillic or Latin-script Kazakh is kk, other Latin text en
    else:
        check_language(lang, "--from")
        for f, x in read_as.items():
            if x != lang:
                typer.echo(
                    f"kkalign: warning: {f} reads as {LANGUAGE_NAMES[x]}, not as --from {lang}; "
                    f"its names may be missed. Pass --from {x}, or leave --from out to read the language from the text.",
                    err=True,
                )
    text = "\n\n".join(t for _, t in texts)
    names = extract_terms(text, known, lang, use_default_glossary=False, min_count=min_count)
    found = Glossary.from_terms([n.term() for n in names], name="extracted")
    if output is None:
        typer.echo(found.dumps("tsv"), nl=False)
    else:
        formats.for_output(output)  # an unknown ending is refused before anything is written
        found.save(output)
    typer.echo(f"{len(names)} name{'' if len(names) == 1 else 's'} not in the glossary" + (f"; wrote {output}" if output else ""), err=True)
