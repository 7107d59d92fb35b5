"""Alembic environment: runs the package's migrations on the engine given by ``upgrade``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import symptomatic.storage.tables  # noqa: F401  (registers the tables on Base.metadata)
from symptomatic.storage.base import Base, make_engine

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = config.attributes.get("engine") or make_engine(
        config.get_main_option("sqlalchemy.url") or ""
    )
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
