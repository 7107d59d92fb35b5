"""POST /api/v1/diagnosis, /triage and /explain on the tiny fixture pack."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient


def case(*evidence: tuple[str, str], **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "sex": "female",
        "age": {"value": 48},
        "evidence": [{"id": f, "choice_id": c, "source": "initial"} for f, c in evidence],
    }
    body.update(extra)
    return body


def test_diagnosis_returns_question_and_ranked_conditions(client: TestClient) -> None:
    r = client.post("/api/v1/diagnosis", json=case(("low_back_pain", "present")))
    assert r.status_code == 200
    data = r.json()
    assert data["should_stop"] is False
    q = data["question"]
    assert q["type"] in ("single", "choice", "group_multiple")
    item = q["items"][0]
    assert {c["id"] for c in item["choices"]} >= {"unknown"}
    probs = [c["probability"] for c in data["conditions"]]
    assert probs == sorted(probs, reverse=True)
    assert data["conditions"][0]["id"] == "mechanical_lbp"
    assert data["conditions"][0]["icd10"] == ["M54.5"]
    assert data["has_emergency_evidence"] is False


def test_a_full_interview_through_the_api_stops(client: TestClient) -> None:
    body = case(("low_back_pain", "present"))
    for _ in range(30):
        data = client.post("/api/v1/diagnosis", json=body).json()
        if data["should_stop"]:
            assert data["question"] is None
            break
        item = data["question"]["items"][0]
        choice = item["choices"][1]["id"]  # "absent" or the second option
        body["evidence"].append({"id": item["id"], "choice_id": choice, "source": "interview"})
    else:
        raise AssertionError("the interview never stopped")
    triage = client.post("/api/v1/triage", json=body).json()
    assert triage["triage_level"] in ("emergency", "urgent", "soon", "routine", "self_care")


def test_choice_finding_accepts_option_id(client: TestClient) -> None:
    r = client.post("/api/v1/diagnosis", json=case(("onset", "sudden")))
    assert r.status_code == 200
    r = client.post("/api/v1/diagnosis", json=case(("onset", "present")))
    assert r.status_code == 422
    assert "sudden" in r.json()["detail"]


def test_emergency_evidence_is_flagged_at_once(client: TestClient) -> None:
    body = case(("low_back_pain", "present"), ("saddle_numbness", "present"))
    data = client.post("/api/v1/diagnosis", json=body).json()
    assert data["has_emergency_evidence"] is True
    assert data["should_stop"] is True and data["question"] is None  # stop at an emergency
    more = client.post("/api/v1/diagnosis", json={**body, "continue_after_emergency": True})
    assert more.json()["should_stop"] is False  # unless the person chooses to go on
    triage = client.post("/api/v1/triage", json=body).json()
    assert triage["triage_level"] == "emergency"
    assert triage["common_level"] == "emergency_ambulance"
    assert triage["red_flags"][0]["id"] == "cauda_equina_signs"
    assert triage["red_flags"][0]["conditions"] == ["cauda_equina"]
    assert triage["serious"][0]["id"] == "cauda_equina"
    assert triage["emergency_number"] == "999"
    assert "not a diagnosis" in triage["disclaimer"]


def test_unknown_answer_changes_nothing(client: TestClient) -> None:
    a = client.post("/api/v1/diagnosis", json=case(("low_back_pain", "present"))).json()
    b = client.post(
        "/api/v1/diagnosis", json=case(("low_back_pain", "present"), ("fever", "unknown"))
    ).json()
    assert a["conditions"] == b["conditions"]


def test_same_answer_twice_is_accepted(client: TestClient) -> None:
    body = case(("fever", "absent"), ("fever", "absent"))
    assert client.post("/api/v1/diagnosis", json=body).status_code == 200


def test_focus(client: TestClient) -> None:
    r = client.post("/api/v1/diagnosis", json=case(focus="endometriosis"))
    assert r.status_code == 200
    r = client.post("/api/v1/diagnosis", json=case(focus="no_such_condition"))
    assert r.status_code == 422
    male = case(focus="endometriosis")
    male["sex"] = "male"
    assert client.post("/api/v1/diagnosis", json=male).status_code == 422


def test_explain(client: TestClient) -> None:
    body = case(("low_back_pain", "present"), ("leg_pain", "present"), target="sciatica")
    r = client.post("/api/v1/explain", json=body)
    assert r.status_code == 200
    data = r.json()
    assert data["condition"]["id"] == "sciatica"
    assert data["supporting_evidence"][0]["id"] == "leg_pain"
    assert data["supporting_evidence"][0]["weight"] > 0
    r = client.post("/api/v1/explain", json={**body, "target": "nothing_here"})
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"


def test_interview_id_is_echoed(client: TestClient) -> None:
    r = client.post("/api/v1/diagnosis", json=case(), headers={"Interview-Id": "abc-123"})
    assert r.headers["interview-id"] == "abc-123"
    r = client.post("/api/v1/diagnosis", json=case(), headers={"Interview-Id": "x y<z>"})
    assert "interview-id" not in r.headers


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api/v1/packs")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["referrer-policy"] == "no-referrer"


def test_next_questions_are_cached_by_canonical_state(client: TestClient) -> None:
    cache = client.app.state.context.questions  # type: ignore[attr-defined]
    a = case(("low_back_pain", "present"), ("fever", "absent"))
    b = case(("fever", "absent"), ("low_back_pain", "present"))  # same answers, other order
    first = client.post("/api/v1/diagnosis", json=a).json()
    hits = cache.hits
    assert client.post("/api/v1/diagnosis", json=b).json() == first
    assert cache.hits == hits + 1


def test_warning_signs_come_first_as_one_group_question(client: TestClient) -> None:
    data = client.post("/api/v1/diagnosis", json=case(("low_back_pain", "present"))).json()
    q = data["question"]
    assert q["type"] == "group_multiple" and q["red_flag"] is True
    assert [i["id"] for i in q["items"]] == ["saddle_numbness", "bladder_retention"]
    assert all(
        {c["id"] for c in i["choices"]} == {"present", "absent", "unknown"} for i in q["items"]
    )
    answered = case(
        ("low_back_pain", "present"),
        *[(i["id"], "absent") for i in q["items"]],
    )
    for item in answered["evidence"][1:]:
        item["source"] = "interview"
    nxt = client.post("/api/v1/diagnosis", json=answered).json()
    assert nxt["question"]["type"] != "group_multiple"


def test_an_answer_that_contradicts_the_person_is_refused(client: TestClient) -> None:
    body = case(("period_pain", "present"))
    body["sex"] = "male"
    r = client.post("/api/v1/diagnosis", json=body)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "applies only to female" in r.json()["detail"]
