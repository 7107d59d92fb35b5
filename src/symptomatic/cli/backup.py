"""``symptomatic backup FILE`` and ``symptomatic restore FILE``: the whole database to and
from one file (see :mod:`symptomatic.storage.backup`)."""

from __future__ import annotations

from pathlib import Path

import typer

from symptomatic.settings import Settings


def register(app: typer.Typer) -> None:
    """Add the ``backup`` and ``restore`` commands."""

    @app.command()
    def backup(
        file: Path = typer.Argument(..., help="File to write (overwritten when it exists)."),
        database_url: str | None = typer.Option(None, help="Database URL; overrides settings."),
    ) -> None:
        """Write a consistent copy of the database (safe while the server runs)."""
        from symptomatic.cli.inputs import fail
        from symptomatic.storage.backup import BackupError
        from symptomatic.storage.backup import backup as do_backup

        url = database_url or Settings().database_url
        try:
            do_backup(url, file)
        except BackupError as exc:
            raise fail(f"cannot back up: {exc}") from exc
        typer.echo(f"Backed up the database to {file} ({file.stat().st_size} bytes).")

    @app.command()
    def restore(
        file: Path = typer.Argument(..., help="A file written by `symptomatic backup`."),
        database_url: str | None = typer.Option(None, help="Database URL; overrides settings."),
        yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
    ) -> None:
        """Replace everything in the database with the backup FILE, then migrate it."""
        from symptomatic.cli.inputs import fail
        from symptomatic.storage.backup import BackupError
        from symptomatic.storage.backup import restore as do_restore

        url = database_url or Settings().database_url
        if not yes and not typer.confirm(
            f"Replace everything in the database with {file}?", default=False
        ):
            raise typer.Exit(1)
        try:
            do_restore(url, file)
        except BackupError as exc:
            raise fail(f"cannot restore: {exc}") from exc
        typer.echo(f"Restored the database from {file}.")
