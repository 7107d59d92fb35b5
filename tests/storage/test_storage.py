"""Storage against SQLite (file and memory) and a real PostgreSQL server on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, update
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.storage import (
    CheckRecord,
    CheckStep,
    CompletedCheck,
    age_band,
    count_checks,
    current_revision,
    head_revision,
    load_step,
    make_engine,
    purge,
    record_check,
    save_step,
    session_factory,
    upgrade,
    utcnow,
)


def _record(**kw: object) -> CheckRecord:
    base: dict[str, object] = {
        "sex": "female",
        "age_band": "40-49",
        "triage_level": "routine",
        "packs": {"tiny": "1.0.0"},
        "top_conditions": [{"id": "sciatica", "probability": 0.5}],
    }
    base.update(kw)
    return CheckRecord(**base)  # type: ignore[arg-type]


def _exercise(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)  # idempotent
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"completed_checks", "check_steps", "alembic_version"} <= tables
    sessions = session_factory(engine)

    token = save_step(sessions, pack="tiny", state_json='{"a": 1}')
    child = save_step(sessions, pack="tiny", state_json='{"a": 2}', parent=token)
    step = load_step(sessions, child)
    assert step is not None and step.parent == token and step.state_json == '{"a": 2}'
    assert load_step(sessions, "nope") is None
    assert load_step(sessions, "x" * 100) is None

    assert record_check(sessions, _record(), step_token=child) is True
    assert record_check(sessions, _record(), step_token=child) is False  # reload: once only
    assert record_check(sessions, _record()) is True
    assert count_checks(sessions) == 2

    _age_rows(sessions, days=40)
    report = purge(sessions, older_than_days=30, steps_older_than_hours=24)
    assert report.completed_checks == 2 and report.check_steps == 2
    assert count_checks(sessions) == 0
    assert load_step(sessions, token) is None


def _age_rows(sessions: sessionmaker[Session], days: int) -> None:
    old = utcnow() - timedelta(days=days)
    with sessions.begin() as session:
        session.execute(update(CompletedCheck).values(created_on=old.date()))
        session.execute(update(CheckStep).values(created_at=old))


def test_sqlite_memory() -> None:
    _exercise(make_engine("sqlite://"))


def test_sqlite_file_creates_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/deep/er/db.sqlite3"
    upgrade(url)  # by URL: opens and disposes its own engine
    assert (tmp_path / "deep" / "er" / "db.sqlite3").is_file()
    engine = make_engine(url)
    _exercise(engine)
    engine.dispose()


def test_purge_keeps_recent_rows() -> None:
    engine = make_engine("sqlite://")
    upgrade(engine)
    sessions = session_factory(engine)
    record_check(sessions, _record())
    save_step(sessions, pack="tiny", state_json="{}")
    assert purge(sessions, older_than_days=1).completed_checks == 0
    assert count_checks(sessions) == 1
    with pytest.raises(ValueError):
        purge(sessions, older_than_days=-1)


def test_free_text_only_when_given() -> None:
    engine = make_engine("sqlite://")
    upgrade(engine)
    sessions = session_factory(engine)
    record_check(sessions, _record())
    with sessions() as session:
        row = session.query(CompletedCheck).one()
        assert row.free_text is None and row.sex == "female" and row.age_band == "40-49"


@pytest.mark.parametrize(
    ("age", "band"), [(0, "0-9"), (9, "0-9"), (48, "40-49"), (89, "80-89"), (90, "90+")]
)
def test_age_band(age: int, band: str) -> None:
    assert age_band(age) == band


@pytest.fixture
def pg_engine(fresh_postgres_url: str) -> Iterator[Engine]:
    engine = make_engine(fresh_postgres_url)
    yield engine
    engine.dispose()


@pytest.mark.postgres
def test_postgresql(pg_engine: Engine) -> None:
    assert pg_engine.dialect.name == "postgresql"
    _exercise(pg_engine)
