"""The retention the home page states is the one enforced, and pages are never cached."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, update
from starlette.testclient import TestClient
from tests.conftest import TINY_PACK
from tests.web.test_pages import finish, start

from symptomatic.app import create_app
from symptomatic.settings import Settings
from symptomatic.storage import CheckStep, CompletedCheck, utcnow


def _age(client: TestClient, token: str, hours: float) -> None:
    sessions = client.app.state.context.sessions  # type: ignore[attr-defined]
    with sessions.begin() as s:
        s.execute(
            update(CheckStep)
            .where(CheckStep.token == token)
            .values(created_at=utcnow() - timedelta(hours=hours))
        )


def test_home_page_retention_is_the_one_enforced(tmp_path: Path) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/db.sqlite3",
        packs=[TINY_PACK],
        interview_retention_hours=2,
        retention_days=30,
    )
    with TestClient(create_app(settings)) as client:
        home = client.get("/").text
        hours = re.search(
            r'id="retention-steps">Answers in progress are kept for (\d+) hours', home
        )
        days = re.search(r'id="retention-checks">A finished check is kept for (\d+) days', home)
        assert hours and days
        assert int(hours.group(1)) == settings.interview_retention_hours
        assert int(days.group(1)) == settings.retention_days
        # A step just older than the stated hours is refused like an unknown token ...
        old = start(client).rsplit("/", 1)[1]
        _age(client, old, hours=int(hours.group(1)) + 0.05)
        page = client.get(f"/check/s/{old}")
        assert page.status_code == 404 and "has expired or does not exist" in page.text
        for suffix in ("/result", "/print", "/result.json", "/fhir.json"):
            assert client.get(f"/check/s/{old}{suffix}").status_code == 404
        sessions = client.app.state.context.sessions  # type: ignore[attr-defined]
        with sessions() as s:
            assert s.get(CheckStep, old) is None  # ... and deleted
        # ... while one just younger still opens.
        young = start(client).rsplit("/", 1)[1]
        _age(client, young, hours=int(hours.group(1)) - 0.05)
        assert client.get(f"/check/s/{young}").status_code == 200


def test_a_finished_check_is_kept_unlinked_with_its_day(client: TestClient) -> None:
    path = finish(client, start(client))
    client.get(path)
    client.get(path)  # a reload keeps it once
    sessions = client.app.state.context.sessions  # type: ignore[attr-defined]
    with sessions() as s:
        (row,) = s.scalars(select(CompletedCheck)).all()
        assert row.created_on == utcnow().date() and row.age_band == "40-49"
        assert not hasattr(row, "step_token")
