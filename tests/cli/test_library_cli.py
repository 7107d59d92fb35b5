"""``symptomatic articles ...`` and ``symptomatic feedback report`` through the real CLI."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from symptomatic.cli import app
from symptomatic.feedback import record_feedback
from symptomatic.storage import make_engine, session_factory, upgrade

runner = CliRunner()


def test_articles_list_json() -> None:
    res = runner.invoke(app, ["articles", "list", "--json"])
    assert res.exit_code == 0
    assert len(json.loads(res.output)) >= 15


def test_articles_check_passes_and_reports_grades() -> None:
    res = runner.invoke(app, ["articles", "check"])
    assert res.exit_code == 0, res.output
    assert "reading grade max" in res.output


def test_articles_search_json() -> None:
    res = runner.invoke(app, ["articles", "search", "smear", "--json", "--limit", "3"])
    assert res.exit_code == 0
    hits = json.loads(res.output)["articles"]
    assert hits[0]["slug"] == "cervical-screening-and-hpv"


def test_feedback_report(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/fb.sqlite3"
    engine = make_engine(url)
    upgrade(engine)
    sessions = session_factory(engine)
    record_feedback(sessions, "sciatica", True, now=datetime(2026, 11, 24))
    record_feedback(sessions, "sciatica", False, "other", now=datetime(2026, 11, 25))
    engine.dispose()
    res = runner.invoke(app, ["feedback", "report", "--database-url", url, "--json"])
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.output)
    assert (row["slug"], row["yes"], row["no"]) == ("sciatica", 1, 1)
    assert row["periods"] == [{"period": "2026-W48", "yes": 1, "no": 1}]
    text = runner.invoke(app, ["feedback", "report", "--database-url", url, "--period", "day"])
    assert "2026-11-24" in text.output
