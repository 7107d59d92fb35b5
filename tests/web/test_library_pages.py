"""Library pages through the real app: home, topics, search, article, feedback (CSRF, rate
limit, storage), admin report behind the token."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from symptomatic.feedback import feedback_report

TOKEN = "admin-token-for-tests-0123456789"


def make_client(tmp_path: Path, **settings: object) -> TestClient:
    from symptomatic.app import create_app
    from symptomatic.settings import Settings

    app = create_app(
        Settings(
            database_url=f"sqlite:///{tmp_path}/lib.sqlite3",
            packs=["back-pelvic"],
            admin_token=TOKEN,
            **settings,  # type: ignore[arg-type]
        )
    )
    return TestClient(app, base_url="http://testserver")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path) as c:
        yield c
        c.app.state.context.db.dispose()  # type: ignore[attr-defined]


def csrf(client: TestClient, slug: str) -> str:
    client.get(f"/library/{slug}")
    token = client.cookies.get("symptomatic_csrf")
    assert token
    return str(token)


def test_home_lists_topics_and_common_questions(client: TestClient) -> None:
    html = client.get("/library").text
    assert "Common questions" in html and "Topics" in html
    assert 'href="/library/cervical-cancer-pelvic-back-pain"' in html
    assert 'href="/library/topics/back-pain"' in html
    assert 'action="/library/search"' in html


def test_topic_page_and_unknown_topic(client: TestClient) -> None:
    html = client.get("/library/topics/urinary-and-kidney").text
    assert "kidney-stones" in html and "uti-and-pyelonephritis" in html
    assert client.get("/library/topics/nope").status_code == 404


def test_article_page_has_everything_the_issue_asks(client: TestClient) -> None:
    resp = client.get("/library/cervical-cancer-pelvic-back-pain")
    assert resp.status_code == 200
    html = resp.text
    assert 'class="flags red-flags"' in html  # red-flag box
    assert 'href="/check?focus=cervical_cancer"' in html  # symptom-check button
    assert "Take the symptom check" in html
    assert 'id="ref-walboomers"' in html  # references, linked from the text
    assert "Next review due" in html and "Not yet clinically reviewed" in html
    assert "Last reviewed" not in html  # no review date beside "not yet clinically reviewed"
    assert "not a diagnosis" in html
    assert "Was this page helpful?" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None
    data = json.loads(ld.group(1))
    assert data["@type"] == "MedicalWebPage"
    assert data["url"].endswith("/library/cervical-cancer-pelvic-back-pain")
    assert "reviewedBy" not in data
    cookie = resp.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_complaint_entry_links_to_the_check(client: TestClient) -> None:
    html = client.get("/library/low-back-pain-self-care").text
    assert 'href="/check?complaint=low_back_pain"' in html


def test_focus_links_open_the_check(client: TestClient) -> None:
    html = client.get("/library/cauda-equina-syndrome").text
    url = re.search(r'href="(/check\?focus=[a-z_]+)"', html)
    assert url is not None
    assert client.get(url.group(1)).status_code == 200


def test_unknown_article_is_404(client: TestClient) -> None:
    assert client.get("/library/no-such-article").status_code == 404


def test_search_page_shows_highlighted_results(client: TestClient) -> None:
    html = client.get("/library/search", params={"q": "smear test"}).text
    assert 'href="/library/cervical-screening-and-hpv"' in html
    assert "<mark>" in html
    html = client.get("/library/search", params={"q": '<script>alert(1)</script>"'}).text
    assert "<script>alert(1)" not in html


def test_feedback_is_stored_then_thanks(client: TestClient) -> None:
    token = csrf(client, "sciatica")
    resp = client.post(
        "/library/sciatica/feedback",
        data={"csrf_token": token, "helpful": "no", "reason": "hard_to_understand"},
        follow_redirects=False,
    )
    assert resp.status_code == 303
    assert resp.headers["location"] == "/library/sciatica/thanks"
    assert "Thank you" in client.get(resp.headers["location"]).text
    sessions = client.app.state.context.sessions  # type: ignore[attr-defined]
    (report,) = feedback_report(sessions)
    assert (report.slug, report.no, report.reasons) == ("sciatica", 1, {"hard_to_understand": 1})


def test_feedback_without_matching_csrf_is_refused(client: TestClient) -> None:
    csrf(client, "sciatica")
    forged = "A" * 43
    resp = client.post("/library/sciatica/feedback", data={"csrf_token": forged, "helpful": "yes"})
    assert resp.status_code == 403
    token = str(client.cookies.get("symptomatic_csrf"))
    resp = client.post(
        "/library/sciatica/feedback",
        data={"csrf_token": token, "helpful": "yes"},
        headers={"origin": "https://evil.example"},
    )
    assert resp.status_code == 403


def test_feedback_needs_yes_or_no(client: TestClient) -> None:
    token = csrf(client, "sciatica")
    resp = client.post("/library/sciatica/feedback", data={"csrf_token": token})
    assert resp.status_code == 400


def test_feedback_refused_past_the_rate_limit(tmp_path: Path) -> None:
    with make_client(tmp_path, feedback_rate_limit=2) as c:
        token = csrf(c, "kidney-stones")
        codes = [
            c.post(
                "/library/kidney-stones/feedback",
                data={"csrf_token": token, "helpful": "yes"},
                follow_redirects=False,
            ).status_code
            for _ in range(3)
        ]
        assert codes == [303, 303, 429]
        (report,) = feedback_report(c.app.state.context.sessions)  # type: ignore[attr-defined]
        assert report.yes == 2


def test_free_text_only_when_enabled(tmp_path: Path) -> None:
    with make_client(tmp_path, feedback_free_text=True) as c:
        assert 'name="comment"' in c.get("/library/sciatica").text
        token = str(c.cookies.get("symptomatic_csrf"))
        c.post(
            "/library/sciatica/feedback",
            data={
                "csrf_token": token,
                "helpful": "no",
                "reason": "other",
                "comment": "email me at a.b@example.org",
            },
        )
        (report,) = feedback_report(c.app.state.context.sessions)  # type: ignore[attr-defined]
        assert report.comments == ("email me at [email]",)


def test_no_comment_box_by_default(client: TestClient) -> None:
    assert 'name="comment"' not in client.get("/library/sciatica").text


def test_admin_report_needs_the_token(client: TestClient) -> None:
    token = csrf(client, "sciatica")
    client.post("/library/sciatica/feedback", data={"csrf_token": token, "helpful": "yes"})
    assert client.get("/admin/library").status_code == 401
    bad = client.get("/admin/library", headers={"Authorization": "Bearer wrong"})
    assert bad.status_code == 401
    good = client.get("/admin/library", headers={"Authorization": f"Bearer {TOKEN}"})
    assert good.status_code == 200
    assert "<svg" in good.text and "sciatica" in good.text
    via_form = client.post("/admin/library", data={"token": TOKEN, "period": "day"})
    assert via_form.status_code == 200 and "<svg" in via_form.text
    assert client.post("/admin/library", data={"token": "nope"}).status_code == 401


def test_admin_off_without_token(tmp_path: Path) -> None:
    from symptomatic.app import create_app
    from symptomatic.settings import Settings

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/x.sqlite3"))
    with TestClient(app) as c:
        assert c.get("/admin/library").status_code == 404


def test_check_result_links_to_library_articles(client: TestClient) -> None:
    """A finished 'could it be cervical cancer?' check links to the library article."""
    r = client.post(
        "/check",
        data={"age": "45", "sex": "female", "text": "", "focus": "cervical_cancer"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    path = str(r.headers["location"])
    for _ in range(40):
        page = client.get(path).text
        if "Your result" in page:
            break
        finding = re.search(r'name="finding" value="([a-z_0-9]+)"', page)
        assert finding, page[:500]
        data: dict[str, str] = {"finding": finding.group(1)}
        if 'name="item"' in page:  # a group question: pelvic pain, else none of these
            data |= {"answer": "group"}
            data |= {"item": "pelvic_pain"} if finding.group(1) == "complaint" else {"none": "1"}
        else:
            options = re.findall(r'name="answer" value="([a-z0-9_]+)"', page)
            data["answer"] = "absent" if "absent" in options else options[0]
        r = client.post(path, data=data, follow_redirects=False)
        path = str(r.headers["location"])
    assert "Your result" in page
    assert "/library/" in page
