"""The typer application object, shared by the command modules (kept apart to avoid import cycles)."""

from __future__ import annotations

import typer
import typer.main

app = typer.Typer(
    name="kkalign",
    help="Kazakh–English translation aid: split, translate with glossary enforcement, check drafts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        from kkaligner import __version__

        typer.echo(f"kkalign {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print kkaligner's version and exit."
    ),
) -> None:
    """Kazakh–English translation aid: split, translate with glossary enforcement, check drafts."""


@app.command()
def version() -> None:
    """Print kkaligner's version."""
    from kkaligner import __version__

    typer.echo(__version__)


# Placeholders in --help: typer would show `<str>`, `<list[Path]>` and `{file}`. Options are named
# by what they take, else by their type; arguments by their name in capitals.
_OPTION_METAVARS = {
    "--output": "FILE", "--report": "FILE", "--memory": "FILE", "--glossary": "FILE",
    "--model": "MODEL", "--engine": "ENGINE", "--from": "LANG", "--to": "LANG", "--lang": "LANG",
    "--format": "FORMAT", "--beam": "N", "--max-length": "N", "--device": "DEVICE", "--dtype": "TYPE",
    "--only": "CHECK", "--skip": "CHECK",
}
_TYPE_METAVARS = {"Path": "PATH", "int": "N", "float": "NUMBER", "str": "TEXT"}


def _type_metavar(param) -> str:
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    args = getattr(annotation, "__args__", None)
    if args:  # List[Path] -> Path
        annotation = args[0]
    return _TYPE_METAVARS.get(getattr(annotation, "__name__", ""), "VALUE")


def click_module(name: str):
    """A module of click: typer 0.29 and later carry their own copy as ``typer._click``."""
    import importlib

    try:
        return importlib.import_module(f"typer._click.{name}")
    except ImportError:
        return importlib.import_module(f"click.{name}")


def _relabel(command) -> None:
    for param in command.params:
        kind = getattr(param, "param_type_name", "")
        if kind == "argument":
            label = param.metavar or param.name.upper()
            param.metavar = label
            usage = (label if param.required else f"[{label}]") + ("..." if param.nargs != 1 else "")
            # typer's own hooks for the usage line and the type column (instance overrides).
            param._usage_display_name = lambda usage=usage: usage
            param.display_type_rich = lambda ctx: None
        elif kind == "option" and param.metavar is None and not param.is_flag:
            long = next((o for o in param.opts if o.startswith("--")), "")
            if "format" in param.name or param.name == "fmt":  # glossary's --from/--to name formats
                param.metavar = "FORMAT"
            else:
                param.metavar = _OPTION_METAVARS.get(long) or _type_metavar(param)
    for sub in getattr(command, "commands", {}).values():
        _relabel(sub)


def readable_help(typer_app: typer.Typer):
    """The click command of ``typer_app`` with readable placeholders in its help."""
    command = typer.main.get_command(typer_app)
    _relabel(command)
    return command
