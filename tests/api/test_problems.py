"""Every bad input gets an RFC 9457 problem document (4xx) with an actionable message."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient
from tests.conftest import TINY_PACK

from symptomatic.app import create_app
from symptomatic.settings import Settings


def _problem(r: Any, status: int, slug: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = r.json()
    assert body["type"] == f"urn:symptomatic:problem:{slug}"
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def _case(**kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"sex": "female", "age": {"value": 48}, "evidence": []}
    body.update(kw)
    return body


def test_unknown_finding(client: TestClient) -> None:
    r = client.post(
        "/api/v1/diagnosis", json=_case(evidence=[{"id": "nope", "choice_id": "present"}])
    )
    assert "nope" in _problem(r, 422, "unknown-finding")["detail"]


@pytest.mark.parametrize("age", [-1, 131, 1000, "old", 48.5])
def test_age_out_of_range(client: TestClient, age: Any) -> None:
    body = _problem(
        client.post("/api/v1/diagnosis", json=_case(age={"value": age})), 422, "invalid-request"
    )
    assert body["errors"][0]["loc"][:3] == ["body", "age", "value"]
    assert "age.value" in body["detail"]


@pytest.mark.parametrize("sex", ["other", "", None, 1])
def test_bad_sex(client: TestClient, sex: Any) -> None:
    body = _problem(client.post("/api/v1/diagnosis", json=_case(sex=sex)), 422, "invalid-request")
    assert "sex" in body["detail"]


def test_conflicting_answers(client: TestClient) -> None:
    ev = [{"id": "fever", "choice_id": "present"}, {"id": "fever", "choice_id": "absent"}]
    body = _problem(
        client.post("/api/v1/triage", json=_case(evidence=ev)), 422, "conflicting-evidence"
    )
    assert "fever" in body["detail"] and "once" in body["detail"]


def test_too_many_evidence_items(tmp_path: Any) -> None:
    settings = Settings(database_url="sqlite://", packs=[TINY_PACK], max_evidence_items=2)
    with TestClient(create_app(settings)) as c:
        ev = [{"id": f, "choice_id": "absent"} for f in ("fever", "leg_pain", "low_back_pain")]
        body = _problem(
            c.post("/api/v1/diagnosis", json=_case(evidence=ev)), 422, "too-many-evidence"
        )
        assert "at most 2" in body["detail"]


def test_oversized_body(client: TestClient) -> None:
    big = '{"sex": "female", "age": {"value": 48}, "pad": "' + "x" * 70_000 + '"}'
    r = client.post("/api/v1/diagnosis", content=big, headers={"content-type": "application/json"})
    _problem(r, 413, "body-too-large")


def test_oversized_chunked_body(client: TestClient) -> None:
    def chunks() -> Any:
        for _ in range(20):
            yield b"x" * 8192

    r = client.post(
        "/api/v1/diagnosis", content=chunks(), headers={"content-type": "application/json"}
    )
    _problem(r, 413, "body-too-large")


@pytest.mark.parametrize("raw", ['{"sex": ', "not json", "[1, 2", '{"a": 1,}'])
def test_malformed_json(client: TestClient, raw: str) -> None:
    r = client.post(
        "/api/v1/diagnosis",
        content=raw,
        headers={"content-type": "application/json", "Interview-Id": "i-1"},
    )
    body = _problem(r, 400, "malformed-json")
    assert "JSON" in body["detail"]
    assert r.headers["interview-id"] == "i-1"


def test_wrong_shape(client: TestClient) -> None:
    _problem(client.post("/api/v1/diagnosis", json=[1, 2]), 422, "invalid-request")
    _problem(client.post("/api/v1/diagnosis", json=_case(extra=1)), 422, "invalid-request")


def test_unknown_pack(client: TestClient) -> None:
    body = _problem(client.post("/api/v1/diagnosis", json=_case(pack="nope")), 404, "unknown-pack")
    assert "tiny" in body["detail"]
    _problem(client.get("/api/v1/packs/nope/conditions"), 404, "unknown-pack")


def test_unknown_path_and_method(client: TestClient) -> None:
    _problem(client.get("/api/v1/nothing"), 404, "http-404")
    _problem(client.get("/api/v1/diagnosis"), 405, "http-405")
