"""Storage: SQLAlchemy 2 engine and sessions, the tables, shipped Alembic migrations, purge.

Typical use (what :func:`symptomatic.app.create_app` does)::

    engine = make_engine(settings.database_url)
    upgrade(engine)                      # apply migrations shipped in the package
    sessions = session_factory(engine)

Other adapters (library, feedback) declare their tables on the same :class:`Base` and add
Alembic revisions ``0002`` and later in ``storage/migrations/versions``.
"""

from __future__ import annotations

from symptomatic.storage.base import Base, make_engine, session_factory, utcnow
from symptomatic.storage.migrate import current_revision, head_revision, upgrade
from symptomatic.storage.records import (
    CheckRecord,
    Step,
    age_band,
    count_checks,
    load_step,
    record_check,
    save_step,
)
from symptomatic.storage.retention import PurgeReport, Sweeper, purge
from symptomatic.storage.tables import CheckStep, CompletedCheck

__all__ = [
    "Base",
    "CheckRecord",
    "CheckStep",
    "CompletedCheck",
    "PurgeReport",
    "Step",
    "Sweeper",
    "age_band",
    "count_checks",
    "current_revision",
    "head_revision",
    "load_step",
    "make_engine",
    "purge",
    "record_check",
    "save_step",
    "session_factory",
    "upgrade",
    "utcnow",
]
