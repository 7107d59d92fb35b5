"""``GET /api/v1/fhir/Questionnaire/{pack}`` and the code systems it uses."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient
from tests.conftest import TINY_PACK
from tests.web.fhir_profile import check_bundle, check_questionnaire
from tests.web.test_pages import finish, start

from symptomatic.api.fhir import SNOMED
from symptomatic.app import create_app
from symptomatic.settings import Settings


def test_questionnaire_has_every_finding_with_coded_answers(client: TestClient) -> None:
    r = client.get("/api/v1/fhir/Questionnaire/tiny")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/fhir+json")
    q = r.json()
    check_questionnaire(client, q)
    assert q["resourceType"] == "Questionnaire" and q["version"] == "1.0.0"
    items = {i["linkId"]: i for i in q["item"]}
    kb = client.app.state.context.packs["tiny"].kb  # type: ignore[attr-defined]
    assert set(items) == {"age", "sex", *kb.findings}
    assert items["age"]["type"] == "integer"
    yes_no = [o["valueCoding"]["code"] for o in items["fever"]["answerOption"]]
    assert yes_no == ["present", "absent", "unknown"]
    onset = [o["valueCoding"] for o in items["onset"]["answerOption"]]
    assert [(c["code"], c["display"]) for c in onset] == [
        ("onset.sudden", "Suddenly"),
        ("onset.gradual", "Gradually"),
        ("unknown", "Don't know"),
    ]
    assert {"system": SNOMED, "code": "279039007", "display": "Low back pain"} in items[
        "low_back_pain"
    ]["code"]
    assert all(c["system"] != SNOMED for c in items["leg_pain"]["code"])
    assert items["low_back_pain"]["text"] == kb.findings["low_back_pain"].question


def test_the_same_questionnaire_on_every_request(client: TestClient) -> None:
    a = client.get("/api/v1/fhir/Questionnaire/tiny").text
    assert a == client.get("/api/v1/fhir/Questionnaire/tiny").text


def test_unknown_pack_or_code_system_is_a_404_problem(client: TestClient) -> None:
    for path in (
        "/api/v1/fhir/Questionnaire/nope",
        "/api/v1/fhir/CodeSystem/nope-findings",
        "/api/v1/fhir/CodeSystem/tiny-other",
        "/api/v1/fhir/CodeSystem/answers",
    ):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"] == "application/problem+json"


def test_canonical_urls_are_urns_or_the_configured_public_address(tmp_path: Path) -> None:
    with TestClient(
        create_app(Settings(database_url=f"sqlite:///{tmp_path}/a.sqlite3", packs=[TINY_PACK]))
    ) as c:
        q = c.get("/api/v1/fhir/Questionnaire/tiny", headers={"host": "evil.example"}).json()
        assert q["url"] == "urn:symptomatic:fhir:Questionnaire:tiny"
        c.app.state.context.db.dispose()  # type: ignore[attr-defined]
    settings = Settings(
        database_url=f"sqlite:///{tmp_path}/b.sqlite3",
        packs=[TINY_PACK],
        base_url="https://symptoms.example.org",
    )
    app = create_app(settings)
    with TestClient(app) as c:
        q = c.get("/api/v1/fhir/Questionnaire/tiny", headers={"host": "evil.example"}).json()
        check_questionnaire(c, q)
        assert q["url"] == "https://symptoms.example.org/api/v1/fhir/Questionnaire/tiny"
        systems = {o["valueCoding"]["system"] for o in q["item"][2]["answerOption"]}
        assert systems == {"https://symptoms.example.org/api/v1/fhir/CodeSystem/tiny-answers"}
        path = finish(c, start(c))
        check_bundle(c, c.get(f"{path}/fhir.json").json(), app.state.context.packs["tiny"].kb)
    app.state.context.db.dispose()
