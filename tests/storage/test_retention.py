"""Privacy in the database: expired steps are refused and deleted, completed checks are not
linked to steps and keep the day only, the sweeper enforces retention as the server runs, and
migration 0003 converts an existing database (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Engine, inspect, select, text, update

from symptomatic.storage import (
    CheckRecord,
    CheckStep,
    CompletedCheck,
    Sweeper,
    count_checks,
    load_step,
    make_engine,
    record_check,
    save_step,
    session_factory,
    upgrade,
    utcnow,
)

RECORD = CheckRecord("female", "40-49", "routine", {"tiny": "1.0.0"})


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    if request.param == "sqlite":
        db = make_engine("sqlite://")
    else:
        db = make_engine(request.getfixturevalue("fresh_postgres_url"))
    yield db
    db.dispose()


def _age_step(engine: Engine, token: str, hours: float) -> None:
    with session_factory(engine).begin() as s:
        s.execute(
            update(CheckStep)
            .where(CheckStep.token == token)
            .values(created_at=utcnow() - timedelta(hours=hours))
        )


def test_an_expired_step_is_refused_and_deleted(engine: Engine) -> None:
    upgrade(engine)
    sessions = session_factory(engine)
    old = save_step(sessions, pack="tiny", state_json="{}")
    fresh = save_step(sessions, pack="tiny", state_json="{}")
    _age_step(engine, old, hours=3)
    _age_step(engine, fresh, hours=1)
    assert load_step(sessions, old, max_age=timedelta(hours=2)) is None
    assert load_step(sessions, fresh, max_age=timedelta(hours=2)) is not None
    with sessions() as s:
        assert s.get(CheckStep, old) is None  # deleted on read, not only hidden
        assert s.get(CheckStep, fresh) is not None
    # without a limit (the CLI's purge decides instead) an old step still loads
    assert load_step(sessions, fresh) is not None


def test_completed_checks_keep_no_step_link_and_only_the_day(engine: Engine) -> None:
    upgrade(engine)
    columns = {c["name"]: c for c in inspect(engine).get_columns("completed_checks")}
    assert "step_token" not in columns and "created_at" not in columns
    assert str(columns["created_on"]["type"]) == "DATE"
    assert not any("token" in name or name == "ip" for name in columns)
    sessions = session_factory(engine)
    token = save_step(sessions, pack="tiny", state_json="{}")
    assert record_check(sessions, RECORD, step_token=token) is True
    assert record_check(sessions, RECORD, step_token=token) is False  # a reload: once
    with sessions() as s:
        (row,) = s.scalars(select(CompletedCheck)).all()
        assert row.created_on == utcnow().date()
        assert s.get(CheckStep, token).recorded is True  # type: ignore[union-attr]


def test_the_sweeper_purges_at_most_once_per_interval(engine: Engine) -> None:
    upgrade(engine)
    sessions = session_factory(engine)
    now = [1000.0]
    sweeper = Sweeper(sessions, retention_days=30, step_retention_hours=2, clock=lambda: now[0])
    old = save_step(sessions, pack="tiny", state_json="{}")
    _age_step(engine, old, hours=3)
    record_check(sessions, RECORD)
    with session_factory(engine).begin() as s:
        s.execute(update(CompletedCheck).values(created_on=date.today() - timedelta(days=31)))
    report = sweeper.maybe_run()
    assert report is not None and (report.completed_checks, report.check_steps) == (1, 1)
    assert count_checks(sessions) == 0
    again = save_step(sessions, pack="tiny", state_json="{}")
    _age_step(engine, again, hours=3)
    now[0] += 299
    assert sweeper.maybe_run() is None  # too soon: nothing runs
    now[0] += 2
    report = sweeper.maybe_run()
    assert report is not None and report.check_steps == 1


def test_migration_0003_unlinks_and_coarsens_existing_rows(engine: Engine) -> None:
    upgrade(engine, "0002")
    stamp = datetime(2026, 11, 20, 14, 35, 12, 123456)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO completed_checks (created_at, step_token, source, packs,"
                " engine_version, sex, age_band, triage_level, red_flags, top_conditions,"
                " questions_asked) VALUES (:t, 'tok', 'web', '{}', '1', 'male', '30-39',"
                " 'routine', '[]', '[]', 3)"
            ),
            {"t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO check_steps (token, parent, created_at, pack, state_json)"
                " VALUES ('tok', NULL, :t, 'tiny', '{}')"
            ),
            {"t": stamp},
        )
        conn.execute(
            text("INSERT INTO article_feedback (created_at, slug, helpful) VALUES (:t, 's', :y)"),
            {"t": stamp, "y": True},
        )
    upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        (row,) = s.scalars(select(CompletedCheck)).all()
        assert row.created_on == date(2026, 11, 20) and row.age_band == "30-39"
        assert s.get(CheckStep, "tok").recorded is False  # type: ignore[union-attr]
    from symptomatic.feedback import ArticleFeedback

    with sessions() as s:
        fb = s.scalars(select(ArticleFeedback)).one()
        assert fb.created_at == datetime(2026, 11, 20)
    columns = {c["name"] for c in inspect(engine).get_columns("completed_checks")}
    assert "step_token" not in columns
    # and back down: the columns return (empty link, midnight time)
    upgrade_down(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("completed_checks")}
    assert {"created_at", "step_token"} <= columns and "created_on" not in columns


def upgrade_down(engine: Engine) -> None:
    from alembic import command

    from symptomatic.storage.migrate import alembic_config

    with alembic_config(engine) as cfg:
        command.downgrade(cfg, "0002")
