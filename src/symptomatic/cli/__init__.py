"""The ``symptomatic`` command: a thin Typer shell over the library.

Each sub-module registers its commands with ``register(app)``; this module only collects them.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import typer

from symptomatic import __version__

app = typer.Typer(
    name="symptomatic",
    help="Symptomatic: an explainable symptom checker. Information, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
)

# One line per command module; each defines ``register(app: typer.Typer) -> None``.
_COMMAND_MODULES: tuple[str, ...] = (
    "symptomatic.cli.packs",
    "symptomatic.cli.check",
    "symptomatic.cli.parse",
    "symptomatic.cli.eval",
    "symptomatic.cli.serve",
    "symptomatic.cli.purge",
    "symptomatic.cli.backup",
    "symptomatic.cli.library",
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"symptomatic {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Print the version."
    ),
) -> None:
    """Symptomatic: an explainable symptom checker. Information, not a diagnosis."""


for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point: runs ``argv`` (default: the process arguments) and exits;
    bad input is one ``error:`` line and exit code 2 (see :mod:`symptomatic.cli.inputs`)."""
    from symptomatic.cli.inputs import run

    run(app, argv)
