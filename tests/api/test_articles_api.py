"""``/api/v1/articles``: list, search contract, one article, 404 problem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient


@pytest.fixture
def api(tmp_path: Path) -> Iterator[TestClient]:
    from symptomatic.app import create_app
    from symptomatic.settings import Settings

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/api.sqlite3"))
    with TestClient(app) as c:
        yield c
    app.state.context.db.dispose()


def test_list(api: TestClient) -> None:
    body = api.get("/api/v1/articles").json()
    slugs = [a["slug"] for a in body["articles"]]
    assert len(slugs) >= 15 and "sciatica" in slugs
    assert {"slug", "title", "summary", "topics", "url"} <= set(body["articles"][0])


def test_search_contract_best_first(api: TestClient) -> None:
    body = api.get("/api/v1/articles", params={"q": "bleeding after menopause"}).json()
    hits = body["articles"]
    assert hits[0]["slug"] == "postmenopausal-bleeding"
    assert all(set(h) == {"slug", "title", "summary", "score", "snippet"} for h in hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert "<mark>" in hits[0]["snippet"]


def test_search_odd_input_and_limits(api: TestClient) -> None:
    assert api.get("/api/v1/articles", params={"q": '"*:^('}).status_code == 200
    assert api.get("/api/v1/articles", params={"q": ""}).json() == {"articles": []}
    assert (
        len(api.get("/api/v1/articles", params={"q": "pain", "limit": 2}).json()["articles"]) <= 2
    )
    assert api.get("/api/v1/articles", params={"q": "x" * 500}).status_code == 422


def test_one_article(api: TestClient) -> None:
    art = api.get("/api/v1/articles/cervical-cancer-pelvic-back-pain").json()
    assert art["symptom_check"]["url"] == "/check?focus=cervical_cancer"
    assert art["medical_reviewer"] is None
    assert art["review_status"] == "Not yet clinically reviewed"
    assert art["references"] and art["red_flags"]
    assert "<script" not in art["html"]


def test_unknown_article_is_a_problem(api: TestClient) -> None:
    resp = api.get("/api/v1/articles/nope")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("application/problem+json")
