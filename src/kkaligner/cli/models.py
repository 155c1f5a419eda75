"""kkalign models: list the presets and their cache state, download one."""

from __future__ import annotations

import typer

from kkaligner.cli.app import app

models_app = typer.Typer(
    help="Translation models: list presets, download one into the Hugging Face cache.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(models_app, name="models")


def _size(n) -> str:
    if n is None:
        return "-"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return "-"


@models_app.command("list")
def list_() -> None:
    """Presets: Hub id, parameters, size, whether cached here, licence, FLORES-200 kk→en chrF++."""
    import io
    import sys

    from rich.console import Console
    from rich.table import Table

    from kkaligner.models import DEFAULT_MODEL, cache_dir, list_models

    table = Table(title=None, box=None, pad_edge=False)
    for column in ("name", "hub id", "params", "download", "cached", "on disk", "licence", "kk→en chrF++"):
        table.add_column(column, no_wrap=True)
    rows = list_models()
    for row in rows:
        p = row.preset
        licence = p.licence + ("" if p.commercial_use else " (non-commercial)")
        table.add_row(
            p.name + (" *" if row.default else ""),
            p.hub_id,
            p.params,
            f"{p.size_gb:.1f} GB",
            "yes" if row.cached else "no",
            _size(row.size_on_disk),
            licence,
            f"{p.chrf_kk_en:.1f}" if p.chrf_kk_en is not None else "-",
        )
    # Rendered to a string and written by kkalign itself: rich would end a broken pipe on its own.
    terminal = Console()
    console = Console(file=io.StringIO(), width=terminal.width if terminal.is_terminal else 200,
                      force_terminal=terminal.is_terminal, color_system=terminal.color_system)
    console.print(table)
    console.print(f"* default (--model {DEFAULT_MODEL}). Cache: {cache_dir()}")
    if any(not r.preset.commercial_use for r in rows):
        console.print(
            "NLLB weights are licensed CC-BY-NC-4.0: non-commercial use only. kkaligner itself is Apache-2.0."
        )
    console.print("Any Hub id or local folder (--model PATH) works too.")
    sys.stdout.write(console.file.getvalue())


@models_app.command("download")
def download(
    name: str = typer.Argument(..., help="Preset name (see `kkalign models list`) or Hub id."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no status line."),
) -> None:
    """Download a model into the Hugging Face cache (honours HF_HOME / HF_HUB_CACHE)."""
    import sys

    from kkaligner.models import download as download_model

    folder = download_model(name, progress=not quiet)
    if not quiet:
        print(f"kkalign: {name} is in {folder}", file=sys.stderr)


@models_app.command("demo")
def demo(quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the model's folder.")) -> None:
    """Build the demo model (about a minute, offline): a toy that shows the mechanics, not translations."""
    import sys

    from kkaligner.models import demo_folder

    if not quiet:
        print("kkalign: building the demo model (a tiny model trained for about a minute on synthetic "
              "sentences; once per machine)...", file=sys.stderr, flush=True)
    folder = demo_folder(build=True)
    print(folder)
    if not quiet:
        print(
            "kkalign: the demo model is a toy: it shows splitting, glossary enforcement, checks and the output\n"
            "  formats on a machine without network, but its drafts are not translations of real text.\n"
            "  Try: kkalign translate examples/baiterek-news.kk.txt --model demo -o draft.html",
            file=sys.stderr,
        )
