"""Apply the Alembic migrations shipped inside the package (``storage/migrations``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from symptomatic.storage.base import make_engine


@contextmanager
def alembic_config(engine: Engine) -> Iterator[Config]:
    """An Alembic :class:`Config` whose scripts are the package's and whose connection is
    ``engine``'s (yields it; the migrations folder is a real path for the duration)."""
    with resources.as_file(resources.files("symptomatic.storage") / "migrations") as folder:
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(folder)))
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
        cfg.attributes["engine"] = engine
        yield cfg


def upgrade(target: Engine | str, revision: str = "head") -> None:
    """Bring the database (an engine, or a URL) to ``revision`` (default: the newest).

    Idempotent: a database already at ``revision`` is left alone. Pass the engine itself for
    an in-memory SQLite database (a URL would open a second, empty one).
    """
    engine = make_engine(target) if isinstance(target, str) else target
    try:
        with alembic_config(engine) as cfg:
            command.upgrade(cfg, revision)
    finally:
        if isinstance(target, str):
            engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    """The newest revision shipped in the package."""
    with resources.as_file(resources.files("symptomatic.storage") / "migrations") as folder:
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(folder)))
        return ScriptDirectory.from_config(cfg).get_current_head()
