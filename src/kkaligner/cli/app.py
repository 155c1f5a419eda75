"""The typer application object, shared by the command modules (kept apart to avoid import cycles)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="kkalign",
    help="Kazakh–English translation aid: split, translate with glossary enforcement, check drafts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root() -> None:
    """Kazakh–English translation aid: split, translate with glossary enforcement, check drafts."""


@app.command()
def version() -> None:
    """Print kkaligner's version."""
    from kkaligner import __version__

    typer.echo(__version__)
