"""GET /api/v1/packs, /packs/{id}/conditions, /packs/{id}/findings?q=, POST /parse, OpenAPI."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_packs(client: TestClient) -> None:
    packs = client.get("/api/v1/packs").json()
    assert packs[0]["id"] == "tiny" and packs[0]["conditions"] == 5
    assert packs[0]["includes"] == {"tiny": "1.0.0"}


def test_conditions(client: TestClient) -> None:
    conds = client.get("/api/v1/packs/tiny/conditions").json()
    ids = {c["id"] for c in conds}
    assert {"sciatica", "cauda_equina"} <= ids
    assert all(c["pack"] == "tiny" for c in conds)


def test_findings_autocomplete(client: TestClient) -> None:
    hits = client.get("/api/v1/packs/tiny/findings", params={"q": "numb"}).json()
    assert hits[0]["id"] == "saddle_numbness"
    assert client.get("/api/v1/packs/tiny/findings", params={"q": "zzzz"}).json() == []
    all_ = client.get("/api/v1/packs/tiny/findings", params={"limit": 3}).json()
    assert len(all_) == 3
    onset = client.get("/api/v1/packs/tiny/findings", params={"q": "how it"}).json()[0]
    assert [c["id"] for c in onset["choices"]] == ["sudden", "gradual"]


def test_parse(client: TestClient) -> None:
    text = "My lower back hurts and I have no fever"
    r = client.post("/api/v1/parse", json={"text": text, "sex": "female", "age": {"value": 40}})
    assert r.status_code == 200, r.text
    mentions = {m["id"]: m for m in r.json()["mentions"]}
    assert mentions["fever"]["choice_id"] == "absent"
    start, end = mentions["fever"]["span"]
    assert "fever" in text[start:end].lower()


def test_openapi_31_and_docs(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/diagnosis" in spec["paths"]
    assert "422" in spec["paths"]["/api/v1/diagnosis"]["post"]["responses"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "emergency_ambulance" in docs.text and "/api/v1/diagnosis" in docs.text
    assert "cdn" not in docs.text.lower()


def test_every_built_in_pack_is_served_by_default() -> None:
    from symptomatic.api.context import compile_packs
    from symptomatic.kb import builtin_pack_ids

    served = compile_packs([])
    leaves = [p for p in builtin_pack_ids() if p != "core"]
    if len(leaves) == 1:  # one complaint pack: served under its own id
        assert list(served) == leaves
    else:  # several: "all" first (the default), then each on its own
        assert next(iter(served)) == "all" and set(served) == {"all", *leaves}
    assert "core" not in served  # a dependency is not served on its own
