"""Records a clinician can use: the printable summary, the JSON and the FHIR download carry
the time the check was completed (stored with the step, not the download time); FHIR ids are
stable; every Bundle passes our profile checks (tests/web/fhir_profile.py)."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from starlette.testclient import TestClient
from tests.web.fhir_profile import check_bundle
from tests.web.test_pages import finish, start

from symptomatic.api.fhir import SNOMED
from symptomatic.app import create_app
from symptomatic.settings import Settings
from symptomatic.storage import CheckStep, utcnow


def _backdate(client: TestClient, path: str, hours: float) -> str:
    """Move the stored time of the step at ``path`` back; returns the time as FHIR shows it."""
    when = (utcnow() - timedelta(hours=hours)).replace(microsecond=0)
    token = path.rsplit("/", 1)[-1]
    with client.app.state.context.sessions.begin() as s:  # type: ignore[attr-defined]
        s.execute(update(CheckStep).where(CheckStep.token == token).values(created_at=when))
    return when.isoformat() + "Z"


def test_records_carry_the_time_of_the_check_not_of_the_download(client: TestClient) -> None:
    path = finish(client, start(client))
    when = _backdate(client, path, hours=2)
    completed = json.loads(client.get(f"{path}/result.json").text)["completed_at"]
    assert completed == when
    bundle = client.get(f"{path}/fhir.json").json()
    assert bundle["timestamp"] == when
    for entry in bundle["entry"]:
        res = entry["resource"]
        for key in ("authored", "effectiveDateTime", "occurrenceDateTime"):
            if key in res:
                assert res[key] == when, (res["resourceType"], key)
    printable = client.get(f"{path}/print").text
    hhmm = when[11:16]
    assert "Check completed" in printable and f"{hhmm} UTC" in printable
    assert f'datetime="{when}"' in printable


def test_fhir_download_is_the_same_document_every_time(client: TestClient) -> None:
    path = finish(client, start(client))
    first, second = client.get(f"{path}/fhir.json").text, client.get(f"{path}/fhir.json").text
    assert first == second
    bundle = json.loads(first)
    ids = [bundle["id"], *(e["resource"]["id"] for e in bundle["entry"])]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 5 for i in ids)
    token = path.rsplit("/", 1)[-1]
    assert token not in first  # the ids do not reveal the step's address
    # another check (another step) gets other ids
    other = client.get(f"{finish(client, start(client, age='30'))}/fhir.json").json()
    assert not set(ids) & {other["id"], *(e["resource"]["id"] for e in other["entry"])}


@pytest.mark.parametrize("value", ["present", "absent", "unknown"])
def test_every_bundle_passes_the_profile_checks(client: TestClient, value: str) -> None:
    path = finish(client, start(client), value=value)
    body = client.get(f"{path}/fhir.json").json()
    served = client.app.state.context.packs["tiny"]  # type: ignore[attr-defined]
    check_bundle(client, body, served.kb)
    qr = next(
        e["resource"]
        for e in body["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
    )
    codes = {i["answer"][0]["valueCoding"]["code"] for i in qr["item"][2:]}
    assert value in codes  # answered with valueCoding, never valueString
    assert "valueString" not in json.dumps(body)


def test_builtin_pack_bundle_passes_the_profile_checks_with_snomed(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/bp.sqlite3", packs=["back-pelvic"])
    app = create_app(settings)
    try:
        with TestClient(app) as c:
            path = finish(c, start(c), value="absent")
            body = c.get(f"{path}/fhir.json").json()
            check_bundle(c, body, app.state.context.packs["back-pelvic"].kb)
            q = c.get("/api/v1/fhir/Questionnaire/back-pelvic").json()
    finally:
        app.state.context.db.dispose()
    systems = {c["system"] for i in q["item"] for c in i.get("code", [])}
    assert SNOMED in systems
