"""HTTP details through the real app: nothing personal is cached, HEAD and OPTIONS work,
the favicon is local, bad JSON is named as such, a too-large form gets a page, and form
errors are announced (title and focused summary)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from tests.conftest import TINY_PACK
from tests.web.test_pages import FINDING, finish, start

from symptomatic.app import create_app
from symptomatic.settings import Settings

TOKEN = "admin-token-for-tests-0123456789"
CASE = {
    "sex": "female",
    "age": {"value": 48},
    "evidence": [{"id": "low_back_pain", "choice_id": "present", "source": "initial"}],
}
API_ANSWERS = [
    ("/api/v1/diagnosis", CASE),
    ("/api/v1/triage", CASE),
    ("/api/v1/explain", {**CASE, "target": "sciatica"}),
    ("/api/v1/parse", {"text": "sore back, no fever", "sex": "female", "age": {"value": 40}}),
]


@pytest.fixture
def app_client(tmp_path: Path) -> Iterator[TestClient]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/db.sqlite3", packs=[TINY_PACK], admin_token=TOKEN
    )
    app = create_app(settings)
    with TestClient(app) as c:
        yield c
    app.state.context.db.dispose()


def _no_store(response: object) -> bool:
    headers = response.headers  # type: ignore[attr-defined]
    return headers.get("cache-control") == "no-store" and headers.get("pragma") == "no-cache"


def test_health_pages_downloads_and_answers_are_never_stored(app_client: TestClient) -> None:
    c = app_client
    step = start(c)
    assert _no_store(c.get(step))
    path = finish(c, step)
    for suffix in ("", "/result", "/print", "/result.json", "/fhir.json"):
        r = c.get(f"{path}{suffix}")
        assert r.status_code == 200 and _no_store(r), suffix
    assert _no_store(c.post("/check", data={"age": "40", "sex": "male"}, follow_redirects=False))
    assert _no_store(c.get("/admin/library"))
    admin = c.get("/admin/library", headers={"Authorization": f"Bearer {TOKEN}"})
    assert admin.status_code == 200 and _no_store(admin)
    assert _no_store(c.post("/admin/library", data={"token": TOKEN}))
    for url, body in API_ANSWERS:
        r = c.post(url, json=body)
        assert r.status_code == 200 and _no_store(r), url
    # The same for everyone: static files and the icon may be cached.
    css = c.get("/static/symptomatic.css")
    assert css.status_code == 200 and "no-store" not in css.headers.get("cache-control", "")


def test_favicon_is_a_local_icon(app_client: TestClient) -> None:
    r = app_client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"] == "image/x-icon"
    assert r.content[:4] == b"\x00\x00\x01\x00" and len(r.content) < 4096  # ICO header
    assert r.headers["cache-control"].startswith("public")


GET_PAGES = [
    "/",
    "/check",
    "/library",
    "/library/sciatica",
    "/api/docs",
    "/api/v1/packs",
    "/api/v1/openapi.json",
    "/static/symptomatic.css",
    "/favicon.ico",
]


@pytest.mark.parametrize("path", GET_PAGES)
def test_head_and_options_work_on_get_routes(app_client: TestClient, path: str) -> None:
    get = app_client.get(path)
    head = app_client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    options = app_client.options(path)
    assert options.status_code == 204
    assert {"GET", "HEAD", "OPTIONS"} <= set(options.headers["allow"].split(", "))


def test_options_names_each_routes_methods(app_client: TestClient) -> None:
    assert app_client.options("/api/v1/diagnosis").headers["allow"] == "POST, OPTIONS"
    assert app_client.options("/check").headers["allow"] == "GET, POST, HEAD, OPTIONS"
    step = start(app_client)
    assert app_client.head(step).status_code == 200
    assert app_client.options(step).headers["allow"] == "GET, POST, HEAD, OPTIONS"
    assert app_client.options("/nothing-here").status_code == 404
    # HEAD where there is no GET is still refused, with the methods that exist
    refused = app_client.head("/api/v1/diagnosis")
    assert refused.status_code == 405 and "POST" in refused.headers["allow"]


BAD_JSON = {
    "huge integer": b'{"sex": "male", "age": {"value": 1' + b"0" * 5000 + b'}, "evidence": []}',
    "bad UTF-8": b'{"sex": "\xff\xfe", "age": {"value": 40}, "evidence": []}',
    "deep nesting": b"[" * 20000 + b"]" * 20000,
    "deep objects": b'{"a":' * 10000 + b"1" + b"}" * 10000,
    "cut short": b'{"sex": "male", "age": ',
}


@pytest.mark.parametrize("url", [u for u, _ in API_ANSWERS])
@pytest.mark.parametrize("name", list(BAD_JSON))
def test_unreadable_json_is_the_malformed_json_problem(
    app_client: TestClient, url: str, name: str
) -> None:
    r = app_client.post(url, content=BAD_JSON[name], headers={"content-type": "application/json"})
    assert r.status_code == 400, r.text[:300]
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"] == "urn:symptomatic:problem:malformed-json"


def test_too_large_form_gets_a_page_and_the_api_a_problem(tmp_path: Path) -> None:
    settings = Settings(database_url="sqlite://", packs=[TINY_PACK], max_body_bytes=2048)
    with TestClient(create_app(settings)) as c:
        form = {"age": "40", "sex": "male", "text": "x" * 4000}
        page = c.post("/check", data=form)
        assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
        assert "<h1>That was too much text</h1>" in page.text and 'lang="en"' in page.text
        step = start(c)
        fid = FINDING.search(c.get(step).text).group(1)  # type: ignore[union-attr]
        answer = c.post(step, data={"finding": fid, "answer": "y" * 4000})
        assert answer.status_code == 413 and "too much text" in answer.text
        api = c.post("/api/v1/parse", json={"text": "x" * 4000})
        assert api.status_code == 413 and api.headers["content-type"] == "application/problem+json"


SUMMARY = re.compile(r'<div class="error-summary" role="alert"[^>]* tabindex="-1" autofocus>')


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found
    return found.group(1)


def test_form_errors_are_announced(app_client: TestClient) -> None:
    c = app_client
    bad_start = c.post("/check", data={"age": "abc", "sex": ""})
    assert bad_start.status_code == 400
    assert _title(bad_start.text).startswith("Error: ") and SUMMARY.search(bad_start.text)
    assert 'href="#age"' in bad_start.text and 'href="#sex-female"' in bad_start.text
    good_start = c.get("/check")
    assert not _title(good_start.text).startswith("Error") and not SUMMARY.search(good_start.text)
    step = start(c)
    fid = FINDING.search(c.get(step).text).group(1)  # type: ignore[union-attr]
    bad_answer = c.post(step, data={"finding": fid, "answer": "maybe"})
    assert bad_answer.status_code == 400
    assert _title(bad_answer.text).startswith("Error: ") and SUMMARY.search(bad_answer.text)
    assert not _title(c.get(step).text).startswith("Error")
    bad_token = c.post("/admin/library", data={"token": "wrong"})
    assert bad_token.status_code == 401
    assert _title(bad_token.text).startswith("Error: ") and SUMMARY.search(bad_token.text)
    assert not _title(c.get("/admin/library").text).startswith("Error")
