"""Deployment settings through the real app: allowed hosts and a canonical base URL (the Host
header is never reflected), HTTPS (Secure cookies, HSTS), the feedback limit per browser and
article, wrong admin tokens limited, and the API's per-client token bucket."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from tests.conftest import TINY_PACK

from symptomatic.api.throttle import TokenBuckets
from symptomatic.app import create_app
from symptomatic.feedback import feedback_report
from symptomatic.settings import Settings

TOKEN = "admin-token-for-tests-0123456789"
EVIL = {"Host": "evil.example"}


def make(tmp_path: Path, **settings: object) -> TestClient:
    base: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path}/db.sqlite3",
        "packs": [TINY_PACK],
        "admin_token": TOKEN,
    }
    return TestClient(create_app(Settings(**{**base, **settings})))  # type: ignore[arg-type]


def _json_ld(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))  # type: ignore[no-any-return]


def test_the_host_header_is_never_reflected(tmp_path: Path) -> None:
    with make(tmp_path) as c:
        redirect = c.get("/library/", headers=EVIL, follow_redirects=False)
        assert redirect.status_code in (301, 307, 308)
        assert redirect.headers["location"] == "/library"
        article = c.get("/library/sciatica", headers=EVIL)
        assert "evil.example" not in article.text
        assert _json_ld(article.text)["url"] == "/library/sciatica"
        started = c.post("/check", data={"age": "40", "sex": "male"}, headers=EVIL)
        assert "evil.example" not in started.text
        assert all("evil.example" not in v for v in started.headers.values())


def test_canonical_base_url_for_redirects_and_structured_data(tmp_path: Path) -> None:
    with make(tmp_path, base_url="https://symptoms.example.org") as c:
        redirect = c.get("/library/", headers=EVIL, follow_redirects=False)
        assert redirect.headers["location"] == "https://symptoms.example.org/library"
        article = c.get("/library/sciatica", headers=EVIL)
        assert _json_ld(article.text)["url"] == "https://symptoms.example.org/library/sciatica"
        assert "evil.example" not in article.text


def test_allowed_hosts(tmp_path: Path) -> None:
    with make(tmp_path, allowed_hosts="symptoms.example.org, *.symptoms.example.org") as c:
        assert c.get("/", headers=EVIL).status_code == 400
        assert c.get("/api/v1/packs", headers=EVIL).status_code == 400
        assert c.get("/", headers={"Host": "symptoms.example.org"}).status_code == 200
        assert c.get("/", headers={"Host": "www.symptoms.example.org"}).status_code == 200


def test_https_setting_secures_cookies_and_adds_hsts(tmp_path: Path) -> None:
    with make(tmp_path / "plain") as c:
        r = c.get("/library/sciatica")
        assert "secure" not in r.headers["set-cookie"].lower()
        assert "strict-transport-security" not in r.headers
    (tmp_path / "tls").mkdir()
    with make(tmp_path / "tls", https=True) as c:
        r = c.get("/library/sciatica")
        assert "; secure" in r.headers["set-cookie"].lower()
        for path in ("/", "/api/v1/packs", "/static/symptomatic.css"):
            hsts = c.get(path).headers["strict-transport-security"]
            assert hsts == "max-age=31536000"


def _feedback(c: TestClient, slug: str) -> int:
    c.get(f"/library/{slug}")
    token = str(c.cookies.get("symptomatic_csrf"))
    return c.post(
        f"/library/{slug}/feedback",
        data={"csrf_token": token, "helpful": "yes"},
        follow_redirects=False,
    ).status_code


def test_feedback_limit_is_per_browser_and_per_article(tmp_path: Path) -> None:
    # Two browsers on one address (as behind a proxy): each has its own limit, per article.
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path}/db.sqlite3", feedback_rate_limit=1)
    )
    with TestClient(app) as first, TestClient(app) as second:
        assert _feedback(first, "sciatica") == 303
        assert _feedback(first, "sciatica") == 429  # this browser, this article: used up
        assert _feedback(first, "kidney-stones") == 303  # another article
        assert _feedback(second, "sciatica") == 303  # another browser, same address
        reports = {r.slug: r.yes for r in feedback_report(app.state.context.sessions)}
        assert reports == {"sciatica": 2, "kidney-stones": 1}


def test_wrong_admin_tokens_are_limited_per_client(tmp_path: Path) -> None:
    app = create_app(
        Settings(
            database_url=f"sqlite:///{tmp_path}/db.sqlite3",
            packs=[TINY_PACK],
            admin_token=TOKEN,
            admin_login_attempts=2,
        )
    )
    with TestClient(app, client=("203.0.113.5", 4000)) as guesser:
        assert guesser.post("/admin/library", data={"token": "a"}).status_code == 401
        wrong = guesser.get("/admin/library", headers={"Authorization": "Bearer b"})
        assert wrong.status_code == 401
        locked = guesser.post("/admin/library", data={"token": TOKEN})  # even the right one
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
        assert locked.text.count("Too many wrong tokens") == 1
    with TestClient(app, client=("198.51.100.7", 4000)) as admin:
        for _ in range(3):  # looking at the form (no token offered) counts nothing
            assert admin.get("/admin/library").status_code == 401
        assert admin.post("/admin/library", data={"token": TOKEN}).status_code == 200


def test_api_rate_limit_per_client(tmp_path: Path) -> None:
    app = create_app(
        Settings(
            database_url=f"sqlite:///{tmp_path}/db.sqlite3",
            packs=[TINY_PACK],
            # one token a minute: no token comes back while the test runs, however slow
            # the machine (at 60 a minute a loaded machine refilled one between requests)
            api_rate_limit=1,
            api_rate_burst=3,
        )
    )
    with TestClient(app, client=("203.0.113.5", 4000)) as busy:
        codes = [busy.get("/api/v1/packs").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = busy.get("/api/v1/packs")
        assert limited.headers["content-type"] == "application/problem+json"
        assert limited.json()["type"] == "urn:symptomatic:problem:rate-limited"
        assert 50 <= int(limited.headers["retry-after"]) <= 60  # one token a minute
        assert busy.get("/").status_code == 200  # pages are not counted
    with TestClient(app, client=("198.51.100.7", 4000)) as other:
        assert other.get("/api/v1/packs").status_code == 200
    off = Settings(database_url="sqlite://", packs=[TINY_PACK], api_rate_limit=0)
    with TestClient(create_app(off)) as unlimited:
        assert all(unlimited.get("/api/v1/packs").status_code == 200 for _ in range(100))


def test_token_buckets_refill_and_forget() -> None:
    now = [0.0]
    buckets = TokenBuckets(per_minute=60, burst=2, clock=lambda: now[0])
    a, b = "203.0.113.5", "198.51.100.7"
    assert [buckets.take(a), buckets.take(a)] == [0.0, 0.0]
    assert buckets.take(a) == pytest.approx(1.0)  # one token a second
    now[0] += 0.5
    assert buckets.take(a) == pytest.approx(0.5)
    now[0] += 0.5
    assert buckets.take(a) == 0.0
    assert buckets.take(b) == 0.0  # its own bucket
    assert buckets.tracked() == 2
    assert a not in repr(vars(buckets)) and a.encode() not in repr(vars(buckets)).encode()
    now[0] += 120  # both refilled long ago: forgotten at the next sweep
    buckets.take("c")
    assert buckets.tracked() == 1
    with pytest.raises(ValueError):
        TokenBuckets(per_minute=0, burst=1)
