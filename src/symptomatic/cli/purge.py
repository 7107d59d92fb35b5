"""``symptomatic purge``: delete stored checks older than a number of days."""

from __future__ import annotations

import typer

from symptomatic.settings import Settings


def register(app: typer.Typer) -> None:
    """Add the ``purge`` command."""

    @app.command()
    def purge(
        older_than: float | None = typer.Option(
            None,
            "--older-than",
            min=0,
            metavar="DAYS",
            help="Delete completed checks older than DAYS (default: the retention setting).",
        ),
        database_url: str | None = typer.Option(None, help="Database URL; overrides settings."),
    ) -> None:
        """Delete anonymous completed-check records older than DAYS, and expired interviews."""
        from symptomatic.cli.inputs import open_database
        from symptomatic.storage import purge as do_purge
        from symptomatic.storage import session_factory

        settings = Settings()
        engine = open_database(database_url or settings.database_url)
        try:
            days = settings.retention_days if older_than is None else older_than
            report = do_purge(
                session_factory(engine),
                older_than_days=days,
                steps_older_than_hours=settings.interview_retention_hours,
            )
        finally:
            engine.dispose()
        typer.echo(
            f"Deleted {report.completed_checks} completed checks older than {days:g} days and"
            f" {report.check_steps} interview steps older than"
            f" {settings.interview_retention_hours} hours."
        )
