"""The whole app on a real PostgreSQL server: migrations on start, a check through the pages
recorded anonymously, purge."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient
from tests.conftest import TINY_PACK

from symptomatic.app import create_app
from symptomatic.settings import Settings
from symptomatic.storage import CompletedCheck, count_checks, purge

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_client(fresh_postgres_url: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=fresh_postgres_url, packs=[TINY_PACK]))
    with TestClient(app) as client:
        yield client
    app.state.context.db.dispose()


def test_check_recorded_on_postgres(pg_client: TestClient) -> None:
    ctx = pg_client.app.state.context  # type: ignore[attr-defined]
    assert ctx.db.dialect.name == "postgresql"
    r = pg_client.post(
        "/check", data={"age": "33", "sex": "male", "text": ""}, follow_redirects=False
    )
    path = r.headers["location"]
    for _ in range(30):
        page = pg_client.get(path).text
        if "Your result" in page:
            break
        fid = re.search(r'name="finding" value="([a-z_]+)"', page).group(1)  # type: ignore[union-attr]
        if 'name="item"' in page:  # a group question ("any of these?"): none of these
            data = {"finding": fid, "answer": "group", "none": "1"}
        else:
            data = {
                "finding": fid,
                "answer": re.findall(r'name="answer" value="([a-z0-9_]+)"', page)[0],
            }
        path = pg_client.post(path, data=data, follow_redirects=False).headers["location"]
    assert "Your result" in pg_client.get(path).text
    with ctx.sessions() as s:
        row = s.query(CompletedCheck).one()
    assert row.age_band == "30-39" and row.free_text is None
    assert purge(ctx.sessions, older_than_days=0).completed_checks == 1
    assert count_checks(ctx.sessions) == 0
