"""The pages without a browser: forms, one question per page, banner, result, downloads."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from starlette.testclient import TestClient
from tests.conftest import TINY_PACK
from tests.web.fhir_profile import check_bundle

from symptomatic.app import create_app
from symptomatic.settings import Settings
from symptomatic.storage import CompletedCheck

FINDING = re.compile(r'name="finding" value="([a-z_]+)"')


def start(client: TestClient, **form: str) -> str:
    """Start a check (no free text); returns the first step's path."""
    data = {"age": "48", "sex": "female", "text": "", **form}
    r = client.post("/check", data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    return str(r.headers["location"])


def answer(client: TestClient, path: str, value: str) -> str:
    """Answer the question shown at ``path``; returns the next step's path."""
    page = client.get(path).text
    fid = FINDING.search(page)
    assert fid, page
    data = {"finding": fid.group(1)}
    if 'name="item"' in page:  # a group question: "present" ticks every item, else none
        items = re.findall(r'name="item" value="([a-z0-9_]+)"', page)
        data |= {"answer": "group"}
        data |= {"item": items} if value == "present" else {"none": "1"}  # type: ignore[dict-item]
    else:
        options = re.findall(r'name="answer" value="([a-z0-9_]+)"', page)
        data["answer"] = value if value in options else options[0]
    r = client.post(path, data=data, follow_redirects=False)
    assert r.status_code == 303
    return str(r.headers["location"])


def finish(client: TestClient, path: str, value: str = "absent") -> str:
    for _ in range(30):
        page = client.get(path).text
        if "Your result" in page:
            return path
        assert FINDING.search(page)
        path = answer(client, path, value)
    raise AssertionError("no result after 30 questions")


def test_home_and_start(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "Start a symptom check" in home.text
    page = client.get("/check").text
    assert '<label for="age">' in page and "<legend>Sex assigned at birth</legend>" in page
    assert 'lang="en"' in page and "Skip to main content" in page


def test_start_form_errors_are_explained(client: TestClient) -> None:
    r = client.post("/check", data={"age": "abc", "sex": ""})
    assert r.status_code == 400
    assert "There is a problem" in r.text
    assert 'aria-invalid="true"' in r.text
    assert "Enter the age in whole years" in r.text and "Choose female or male" in r.text
    r = client.post("/check", data={"age": "200", "sex": "male"})
    assert "from 0 to 130" in r.text


def test_focus_entry(client: TestClient) -> None:
    page = client.get("/check?focus=endometriosis")
    assert page.status_code == 200
    assert "Could it be endometriosis?" in page.text
    assert 'name="focus" value="endometriosis"' in page.text
    assert client.get("/check?focus=nothing").status_code == 404
    # A focus that does not apply to this person is explained, not a crash.
    r = client.post("/check", data={"age": "40", "sex": "male", "focus": "endometriosis"})
    assert r.status_code == 400 and "does not apply" in r.text


def test_free_text_is_confirmed_before_use(client: TestClient) -> None:
    r = client.post(
        "/check", data={"age": "48", "sex": "female", "text": "my lower back hurts, no fever"}
    )
    assert r.status_code == 200
    assert "Is this right?" in r.text
    assert 'name="f_low_back_pain" value="present" checked' in r.text
    assert 'name="f_fever" value="absent" checked' in r.text
    r = client.post(
        "/check/confirm",
        data={
            "age": "48",
            "sex": "female",
            "pack": "tiny",
            "f_low_back_pain": "present",
            "f_fever": "present",
        },  # corrected by the person
        follow_redirects=False,
    )
    assert r.status_code == 303
    result = client.get(r.headers["location"] + "/result.json").json()
    answers = {t["finding_id"]: t["answer"] for t in result["transcript"]}
    assert answers == {"low_back_pain": "present", "fever": "present"}


def test_one_question_per_page_with_progress_and_back(client: TestClient) -> None:
    first = start(client)
    page = client.get(first).text
    assert page.count('name="finding"') == 1
    assert "Question 1 of at most 20" in page
    assert "Back to the start" in page
    for label in ("Yes", "No", "Don&#39;t know"):
        assert label in page
    second = answer(client, first, "present")  # the complaint: yes, so the check goes on
    page2 = client.get(second).text
    assert "Question 2 of at most 20" in page2
    assert f'href="{first}" rel="prev">Back</a>' in page2
    # Going back shows the earlier question again, unchanged.
    assert FINDING.search(client.get(first).text).group(1) == FINDING.search(page).group(1)  # type: ignore[union-attr]


def test_invalid_answer_is_refused_politely(client: TestClient) -> None:
    path = start(client)
    fid = FINDING.search(client.get(path).text).group(1)  # type: ignore[union-attr]
    r = client.post(path, data={"finding": fid, "answer": "maybe"})
    assert r.status_code == 400 and "Choose one of the answers" in r.text
    r = client.post(path, data={"finding": "fever_x", "answer": "present"})
    assert r.status_code == 400


def test_emergency_stops_the_interview_and_names_the_condition(client: TestClient) -> None:
    r = client.post(
        "/check/confirm",
        data={"age": "50", "sex": "male", "pack": "tiny", "f_low_back_pain": "present"},
        follow_redirects=False,
    )
    path = r.headers["location"]
    assert "emergency-banner" not in client.get(path).text
    # The warning signs come first, as one group question: tick saddle numbness.
    page = client.get(path).text
    assert 'name="item" value="saddle_numbness"' in page
    fid = FINDING.search(page).group(1)  # type: ignore[union-attr]
    r = client.post(
        path,
        data={"finding": fid, "answer": "group", "item": "saddle_numbness"},
        follow_redirects=False,
    )
    path = r.headers["location"]
    page = client.get(path).text
    assert 'class="emergency-banner" role="alert"' in page
    assert 'call <a href="tel:999">999</a> now' in page
    # the interview stopped: this is the result, naming the condition the warning sign is about
    assert "Your result" in page and 'name="finding"' not in page
    assert "Cauda equina syndrome" in page
    assert page.count("Numbness around the bottom or trouble passing urine") == 1
    # and says why it is listed, whatever its chance
    assert "A warning sign in your answers can point to this" in page
    # the health record carries the condition the warning sign points at, first
    bundle = client.get(path + "/fhir.json").json()
    risk = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "RiskAssessment"
    )
    assert risk["prediction"][0]["outcome"]["text"].startswith("Pressure on the nerves")
    # the person may choose to go on for the doctor's summary
    assert "/continue" in page
    r = client.post(path + "/continue", follow_redirects=False)
    assert r.status_code == 303
    more = client.get(r.headers["location"]).text
    assert 'name="finding"' in more and "emergency-banner" in more


def test_emergency_number_is_configurable(tmp_path: Path) -> None:
    settings = Settings(database_url="sqlite://", packs=[TINY_PACK], emergency_number="112")
    with TestClient(create_app(settings)) as c:
        assert 'href="tel:112"' in c.get("/check").text


def test_result_page(client: TestClient) -> None:
    path = finish(client, start(client))
    page = client.get(path).text
    assert "Your result" in page
    assert 'class="level-icon" aria-hidden="true"' in page  # icon, with the level in words
    assert "What to do now" in page and "When to get help sooner" in page
    assert "Causes worth discussing with a doctor" in page
    assert "not a diagnosis" in page and "Intended use" in page
    assert f"{path}/print" in page and f"{path}/fhir.json" in page


def test_result_is_recorded_once_without_free_text(client: TestClient) -> None:
    r = client.post("/check", data={"age": "48", "sex": "female", "text": "sore back"})
    r = client.post(
        "/check/confirm",
        data={
            "age": "48",
            "sex": "female",
            "pack": "tiny",
            "text": "sore back",
            "f_low_back_pain": "present",
        },
        follow_redirects=False,
    )
    path = finish(client, r.headers["location"])
    client.get(path)
    client.get(path)  # reload: still one record
    sessions = client.app.state.context.sessions  # type: ignore[attr-defined]
    with sessions() as s:
        rows = s.query(CompletedCheck).all()
    assert len(rows) == 1
    row = rows[0]
    assert row.free_text is None and row.age_band == "40-49" and row.sex == "female"
    assert row.packs == {"tiny": "1.0.0"} and row.triage_level


def test_free_text_kept_only_when_allowed(tmp_path: Path) -> None:
    settings = Settings(database_url="sqlite://", packs=[TINY_PACK], store_free_text=True)
    with TestClient(create_app(settings)) as c:
        r = c.post(
            "/check/confirm",
            data={
                "age": "48",
                "sex": "female",
                "pack": "tiny",
                "text": "sore back",
                "f_low_back_pain": "present",
            },
            follow_redirects=False,
        )
        path = finish(c, r.headers["location"])
        c.get(path)
        with c.app.state.context.sessions() as s:  # type: ignore[attr-defined]
            assert s.query(CompletedCheck).one().free_text == "sore back"


def test_print_and_downloads(client: TestClient) -> None:
    path = finish(client, start(client))
    printable = client.get(f"{path}/print")
    assert printable.status_code == 200 and "What to bring to your doctor" in printable.text
    data = client.get(f"{path}/result.json")
    assert "attachment" in data.headers["content-disposition"]
    assert json.loads(data.text)["triage"]["level"]
    fhir = client.get(f"{path}/fhir.json")
    assert fhir.headers["content-type"].startswith("application/fhir+json")
    bundle = Bundle.model_validate_json(fhir.text)
    kinds = [e.resource.get_resource_type() for e in bundle.entry]  # type: ignore[union-attr]
    assert kinds[0] == "Patient" and "QuestionnaireResponse" in kinds
    assert "Observation" in kinds and kinds[-1] == "RiskAssessment"
    served = client.app.state.context.packs["tiny"]  # type: ignore[attr-defined]
    check_bundle(client, json.loads(fhir.text), served.kb)


def test_unknown_or_expired_step_is_a_friendly_404(client: TestClient) -> None:
    r = client.get("/check/s/not-a-token")
    assert r.status_code == 404 and "start again" in r.text
    assert r.headers["content-type"].startswith("text/html")
    assert client.get("/no/such/page").status_code == 404


def test_no_third_party_urls_in_pages(client: TestClient) -> None:
    path = finish(client, start(client))
    for url in ("/", "/check", path, f"{path}/print", "/api/docs"):
        html = client.get(url).text
        for src in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not src.startswith(("http://", "https://", "//")), (url, src)


def test_complaint_entry_from_the_library(client: TestClient) -> None:
    page = client.get("/check?complaint=low_back_pain")
    assert page.status_code == 200 and "Check your symptoms: low back pain" in page.text
    assert client.get("/check?complaint=nope").status_code == 404
    r = client.post(
        "/check", data={"age": "40", "sex": "male", "text": "", "complaint": "low_back_pain"}
    )
    assert "Is this right?" in r.text
    assert 'name="f_low_back_pain" value="present" checked' in r.text


def test_result_links_related_library_articles(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/db.sqlite3", packs=["back-pelvic"])
    with TestClient(create_app(settings)) as c:
        r = c.post(
            "/check",
            data={"age": "45", "sex": "female", "focus": "cervical_cancer"},
            follow_redirects=False,
        )
        page = c.get(r.headers["location"] + "/result").text
        assert 'href="/library/cervical-cancer-pelvic-back-pain"' in page
        printable = c.get(r.headers["location"] + "/print").text
        assert "Intended use" in printable and "not a diagnosis" in printable


def test_navigation_links_the_library_when_installed(client: TestClient) -> None:
    assert '<a href="/library">Health library</a>' in client.get("/").text
