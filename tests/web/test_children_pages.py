"""A child's check through the pages, the API and the CLI: parent wording end to end on the
child-fever fixture pack; a child's age refused clearly when only adult packs are loaded."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from tests.conftest import CHILD_PACK

from symptomatic.app import create_app
from symptomatic.settings import Settings

FINDING = re.compile(r'name="finding" value="([a-z_]+)"')
LEGEND = re.compile(r"<legend><h1>(.*?)</h1></legend>", re.S)
ERRORS = re.compile(r'<p class="error" id="[a-z-]+">(.*?)</p>')


@pytest.fixture
def adult_client(tmp_path: Path) -> Iterator[TestClient]:
    """The real app serving only back-pelvic (written for ages 16 and over)."""
    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path}/a.sqlite3", packs=["back-pelvic"])
    )
    with TestClient(app) as c:
        yield c
    app.state.context.db.dispose()


def submit(client: TestClient, **form: str) -> Any:
    data = {"age": "", "sex": "female", "text": "", **form}
    return client.post("/check", data=data, follow_redirects=False)


def walk(client: TestClient, path: str, present: set[str]) -> tuple[list[str], str]:
    """Answer every question (the findings in ``present`` yes, the rest no); returns the
    questions seen and the result page."""
    seen: list[str] = []
    for _ in range(40):
        page = client.get(path).text
        fid = FINDING.search(page)
        if fid is None:
            return seen, page
        legend = LEGEND.search(page)
        assert legend, page[:1000]
        seen.append(legend.group(1).strip())
        data: dict[str, Any] = {"finding": fid.group(1)}
        if 'name="item"' in page:
            items = re.findall(r'name="item" value="([a-z0-9_]+)"', page)
            ticked = [i for i in items if i in present]
            data |= {"answer": "group"} | ({"item": ticked} if ticked else {"none": "1"})
            item_texts = re.findall(r'<span class="hint">(.*?)</span>', page)
            seen += item_texts
        else:
            data["answer"] = "present" if fid.group(1) in present else "absent"
        r = client.post(path, data=data, follow_redirects=False)
        assert r.status_code == 303, r.text[:1000]
        path = r.headers["location"]
    raise AssertionError("no result page")


def test_the_start_page_asks_who_the_check_is_for(child_client: TestClient) -> None:
    page = child_client.get("/check").text
    assert "Who is this check for?" in page
    for value, label in [("self", "Me"), ("child", "My child"), ("other", "Someone else")]:
        assert re.search(rf'type="radio" name="for_whom" value="{value}"[^>]*> {label}<', page)
    assert 'name="months"' in page and "This check covers ages 0 to 15." in page


def test_a_childs_check_speaks_to_the_parent_end_to_end(child_client: TestClient) -> None:
    r = submit(child_client, for_whom="child", age="3", sex="male")
    assert r.status_code == 303
    questions, result = walk(
        child_client, r.headers["location"], {"fever", "ear_pulling", "earache"}
    )
    assert questions[0].startswith("Has your child had a high temperature")
    assert "Since the fever started, has your child had any of these?" in questions
    # earache (core) is asked of a parent with its pulling-at-the-ear wording
    assert any("pulling" in q and "your child" in q for q in questions), questions
    assert not any(q.startswith(("Have you", "Do you", "Are you")) for q in questions), questions
    assert "This result is about your child" in result
    title = re.search(r'<h2 id="triage-title">(.*?)</h2>', result)
    assert title and "your child" in title.group(1)
    assert "Middle ear infection" in result
    token = r.headers["location"].rsplit("/", 1)[-1]
    steps = re.findall(r'href="/check/s/([^/"]+)/print"', result)
    assert steps, result[:500]
    printed = child_client.get(f"/check/s/{steps[0]}/print").text
    assert "a child, answered by a parent or carer" in printed and token
    data = child_client.get(f"/check/s/{steps[0]}/result.json").json()
    assert data["for_whom"] == "child" and "For: a child" in data["summary"]


def test_free_text_about_a_child_keeps_the_parent_wording(child_client: TestClient) -> None:
    r = submit(
        child_client, for_whom="child", age="0", months="2", sex="female", text="she has a fever"
    )
    assert r.status_code == 200 and "Is this right?" in r.text
    assert "Yes, they have this" in r.text
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', r.text))
    assert hidden["for_whom"] == "child" and hidden["months"] == "2"
    checked = dict(re.findall(r'name="(f_\w+)" value="(present)" checked', r.text))
    assert checked == {"f_fever": "present"}
    r = child_client.post("/check/confirm", data=hidden | checked, follow_redirects=True)
    # a baby of 2 months with a fever: the emergency at once, no question asked
    assert 'name="finding"' not in r.text
    assert "Emergency: call" in r.text and "Emergency: get help for your child now" in r.text
    assert "A baby younger than 3 months with a temperature" in r.text


def test_a_babys_months_are_asked_for_and_checked(child_client: TestClient) -> None:
    r = submit(child_client, for_whom="child", age="0", sex="male")
    assert r.status_code == 400
    assert ERRORS.findall(r.text) == [
        "For a baby under 1 year, enter the age in months too (0 to 11)."
    ]
    r = submit(child_client, for_whom="child", age="0", months="14", sex="male")
    assert r.status_code == 400 and "from 0 to 11" in r.text
    r = submit(child_client, for_whom="nobody", age="4", sex="male")
    assert r.status_code == 400 and "Choose who this check is for." in r.text
    assert 'href="#for-self"' in r.text


def test_a_childs_age_is_a_form_error_with_only_adult_packs(adult_client: TestClient) -> None:
    r = submit(adult_client, for_whom="child", age="3", sex="female", text="her back hurts")
    assert r.status_code == 400
    assert ERRORS.findall(r.text) == [
        "This check does not cover age 3: it is written for ages 16 and over. Ask a doctor, a"
        " pharmacist or a nurse advice line instead; in an emergency, call the emergency number."
    ]
    assert 'value="3"' in r.text and 'value="child" checked' in r.text  # the form is kept
    assert submit(adult_client, for_whom="self", age="16", sex="female").status_code == 303


def test_api_refuses_a_childs_age_with_only_adult_packs(adult_client: TestClient) -> None:
    for age in ({"value": 3}, {"value": 30, "unit": "month"}):
        r = adult_client.post(
            "/api/v1/diagnosis", json={"sex": "male", "age": age, "for_whom": "child"}
        )
        assert r.status_code == 422
        assert r.headers["content-type"].startswith("application/problem+json")
        body = r.json()
        assert body["type"] == "urn:symptomatic:problem:invalid-demographics"
        assert "does not cover age" in body["detail"] and "16 and over" in body["detail"]


def case(age: dict[str, Any], *evidence: tuple[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "sex": "female",
        "age": age,
        "evidence": [{"id": f, "choice_id": c, "source": "initial"} for f, c in evidence],
        **extra,
    }


def test_api_ages_in_months(child_client: TestClient) -> None:
    baby = case({"value": 2, "unit": "month"}, ("fever", "present"), for_whom="child")
    r = child_client.post("/api/v1/diagnosis", json=baby)
    assert r.status_code == 200
    assert r.json()["should_stop"] is True and r.json()["has_emergency_evidence"] is True
    triage = child_client.post("/api/v1/triage", json=baby).json()
    assert triage["triage_level"] == "emergency"
    assert [f["id"] for f in triage["red_flags"]] == ["fever_in_baby_under_3_months"]
    assert triage["title"] == "Emergency: get help for your child now"
    # 5 months: no longer under 3 months; 30 months is 2 years
    older = case({"value": 5, "unit": "month"}, ("fever", "present"), for_whom="child")
    assert child_client.post("/api/v1/triage", json=older).json()["red_flags"] == []
    toddler = child_client.post("/api/v1/diagnosis", json=case({"value": 30, "unit": "month"}))
    assert toddler.status_code == 200
    # a baby's age in years alone is not enough; 131 years is refused
    r = child_client.post("/api/v1/diagnosis", json=case({"value": 0}))
    assert r.status_code == 422 and "in months" in r.json()["detail"]
    r = child_client.post("/api/v1/diagnosis", json=case({"value": 131}))
    assert r.status_code == 422
    r = child_client.post("/api/v1/diagnosis", json=case({"value": 2, "unit": "week"}))
    assert r.status_code == 422


def test_api_questions_follow_for_whom(child_client: TestClient) -> None:
    texts = {}
    for who in ("self", "child", "other"):
        r = child_client.post("/api/v1/diagnosis", json=case({"value": 6}, for_whom=who))
        texts[who] = r.json()["question"]["text"]
    assert texts["self"].startswith("Have you had a high temperature")
    assert texts["child"].startswith("Has your child had a high temperature")
    assert texts["other"].startswith("Have they had a high temperature")
    r = child_client.post("/api/v1/diagnosis", json=case({"value": 6}, for_whom="dog"))
    assert r.status_code == 422


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "symptomatic", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"COLUMNS": "60", "PATH": "/usr/bin:/bin"},
    )


def test_cli_refuses_a_childs_age_in_one_line() -> None:
    proc = cli("check", "--pack", "back-pelvic", "--sex", "male", "--age", "3", "--for", "child")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: This check does not cover age 3")


def test_cli_checks_a_baby_in_months_for_a_parent() -> None:
    import json

    proc = cli(
        "check", "--pack", CHILD_PACK, "--sex", "male", "--months", "2", "--for", "child",
        "--text", "he has a fever", "--json",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["age"] == 0 and res["for_whom"] == "child"
    assert res["triage"]["level"] == "emergency" and res["questions_asked"] == 0
    assert res["title"] == "Emergency: get help for your child now"
