"""``symptomatic backup`` / ``restore`` as an operator runs them: feedback and checks survive
the round trip on SQLite and on PostgreSQL, whatever happened to the database in between."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select
from tests.cli_run import run

from symptomatic.feedback import record_feedback
from symptomatic.feedback.tables import ArticleFeedback
from symptomatic.storage import (
    CheckRecord,
    make_engine,
    record_check,
    session_factory,
    upgrade,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/live.sqlite3"
    return str(request.getfixturevalue("fresh_postgres_url"))


def feedback_rows(url: str) -> list[tuple[str, bool, str | None]]:
    engine = make_engine(url)
    try:
        with session_factory(engine)() as s:
            rows = s.execute(
                select(
                    ArticleFeedback.slug, ArticleFeedback.helpful, ArticleFeedback.reason
                ).order_by(ArticleFeedback.id)
            )
            return [tuple(r) for r in rows]  # type: ignore[misc]
    finally:
        engine.dispose()


def test_feedback_survives_backup_and_restore(database_url: str, tmp_path: Path) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    sessions = session_factory(engine)
    record_feedback(sessions, "sciatica", helpful=True)
    record_feedback(sessions, "sciatica", helpful=False, reason="hard_to_understand")
    record_feedback(sessions, "kidney-stones", helpful=False, reason="other")
    record_check(
        sessions,
        CheckRecord(
            sex="female", age_band="40-49", triage_level="routine", packs={"tiny": "1.0.0"}
        ),
    )
    before = feedback_rows(database_url)
    assert len(before) == 3

    backup = tmp_path / "saved.backup"
    made = run("backup", str(backup), "--database-url", database_url)
    assert made.returncode == 0, made.stderr
    assert backup.stat().st_size > 0

    # after the backup: new feedback, then the table wiped
    record_feedback(sessions, "sciatica", helpful=True)
    with sessions.begin() as s:
        s.execute(delete(ArticleFeedback))
    engine.dispose()
    assert feedback_rows(database_url) == []

    refused = run("restore", str(backup), "--database-url", database_url, stdin="n\n")
    assert refused.returncode == 1 and feedback_rows(database_url) == []
    done = run("restore", str(backup), "--database-url", database_url, "--yes")
    assert done.returncode == 0, done.stderr
    assert feedback_rows(database_url) == before
    engine = make_engine(database_url)
    try:
        with session_factory(engine)() as s:
            assert s.scalar(select(ArticleFeedback.id).order_by(ArticleFeedback.id.desc())) == 3
    finally:
        engine.dispose()
    # the restored database takes new answers (ids go on after the restored ones)
    engine = make_engine(database_url)
    try:
        assert record_feedback(session_factory(engine), "sciatica", helpful=True) == 4
    finally:
        engine.dispose()


def test_restore_into_a_new_empty_database(postgres_url: str, tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    from sqlalchemy import create_engine, text

    base = postgres_url.rsplit("/", 1)[0]
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('CREATE DATABASE "backup_from"'))
        conn.execute(text('CREATE DATABASE "backup_to"'))
    try:
        source, target = f"{base}/backup_from", f"{base}/backup_to"
        upgrade(source)
        engine = make_engine(source)
        record_feedback(session_factory(engine), "sciatica", helpful=False, reason="other")
        engine.dispose()
        backup = tmp_path / "pg.backup"
        assert run("backup", str(backup), "--database-url", source).returncode == 0
        done = run("restore", str(backup), "--database-url", target, "--yes")
        assert done.returncode == 0, done.stderr
        assert feedback_rows(target) == [("sciatica", False, "other")]
    finally:
        with admin.connect() as conn:
            for name in ("backup_from", "backup_to"):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_wrong_or_missing_backup_file_is_one_clear_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/live.sqlite3"
    upgrade(url)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    for path, message in (
        (not_a_backup, "is not a SQLite backup"),
        (tmp_path / "missing.backup", "cannot read"),
    ):
        proc = run("restore", str(path), "--database-url", url, "--yes")
        assert proc.returncode == 2
        assert proc.stderr.startswith("error: cannot restore:") and message in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    proc = run("backup", str(tmp_path / "x"), "--database-url", f"sqlite:///{tmp_path}/none.db")
    assert proc.returncode == 2 and "no SQLite database" in proc.stderr
