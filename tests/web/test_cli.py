"""``symptomatic purge`` and ``symptomatic serve --help`` through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from symptomatic.cli import app
from symptomatic.storage import (
    CheckRecord,
    count_checks,
    make_engine,
    record_check,
    session_factory,
    upgrade,
)


def test_purge_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/db.sqlite3"
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    record_check(sessions, CheckRecord("male", "30-39", "routine", {"tiny": "1.0.0"}))
    result = CliRunner().invoke(app, ["purge", "--older-than", "0", "--database-url", url])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 completed checks" in result.output
    assert count_checks(sessions) == 0
    engine.dispose()


def test_serve_help() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--workers" in result.output and "--port" in result.output


def test_serve_refuses_a_broken_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # serve passes --pack/--database-url to its workers through the environment: restore it
    monkeypatch.setenv("SYMPTOMATIC_PACKS", '["back-pelvic"]')
    monkeypatch.setenv("SYMPTOMATIC_DATABASE_URL", "sqlite://")
    (tmp_path / "pack.yaml").write_text("id: broken\n")
    result = CliRunner().invoke(
        app, ["serve", "--pack", str(tmp_path), "--database-url", f"sqlite:///{tmp_path}/d.db"]
    )
    assert result.exit_code == 2
    assert "cannot serve" in result.output
