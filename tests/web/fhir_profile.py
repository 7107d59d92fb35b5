"""Our own profile of a check record (FHIR R4 Bundle), checked on top of ``fhir.resources``
(which checks types, cardinality and required elements on construction).

The official HL7 validator needs its Java jar and the R4 core packages downloaded from the
network, which this project's machines cannot reach, so these checks stand in for it:

- every entry's ``fullUrl`` is ``urn:uuid:<resource id>`` and unique; every ``reference`` in
  the Bundle resolves to an entry;
- every coding has an absolute ``system`` and a ``code``; our own systems (URNs, or this
  server's addresses when a base URL is set) are served CodeSystems that contain the code;
- the QuestionnaireResponse names the served Questionnaire (``url|version``); each item's
  ``linkId`` is an item of it and each ``valueCoding`` one of that item's ``answerOption``;
- Observations and RiskAssessment carry a subject and a date; SNOMED CT / ICD-10 codes are
  the pack's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire
from starlette.testclient import TestClient

from symptomatic.api.fhir import SNOMED, URN_PREFIX
from symptomatic.kb.codes import icd10_is_valid, snomed_concept_is_valid

ICD10 = "http://hl7.org/fhir/sid/icd-10"


def _walk(node: Any, key: str) -> Iterator[Any]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _walk(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)


def _codings(node: Any) -> Iterator[dict[str, Any]]:
    for key in ("coding", "valueCoding"):
        for found in _walk(node, key):
            yield from found if isinstance(found, list) else [found]


def fetch(client: TestClient, url: str) -> dict[str, Any]:
    """GET the resource named by one of our canonical URLs (``urn:symptomatic:fhir:KIND:ID``,
    or this server's address of it when a base URL is set)."""
    if url.startswith(URN_PREFIX):
        kind, _, rid = url.removeprefix(URN_PREFIX).partition(":")
        path = f"/api/v1/fhir/{kind}/{rid}"
    else:
        path = urlparse(url).path
    r = client.get(path)
    assert r.status_code == 200, (url, r.text)
    assert r.headers["content-type"].startswith("application/fhir+json")
    return dict(r.json())


def check_questionnaire(client: TestClient, body: dict[str, Any]) -> None:
    """A served Questionnaire: valid, with coded answer options from a served CodeSystem."""
    Questionnaire.model_validate(body)
    assert body["url"] in (
        f"{URN_PREFIX}Questionnaire:{body['id']}",
        f"{client.app.state.settings.base_url}/api/v1/fhir/Questionnaire/{body['id']}",  # type: ignore[attr-defined]
    )
    link_ids = [i["linkId"] for i in body["item"]]
    assert len(link_ids) == len(set(link_ids))
    _check_codings(client, body)


def _check_codings(client: TestClient, node: Any) -> None:
    systems: dict[str, set[str]] = {}
    for coding in _codings(node):
        assert coding.get("system") and coding.get("code"), coding
        assert urlparse(coding["system"]).scheme in ("http", "https", "urn"), coding
        systems.setdefault(coding["system"], set()).add(coding["code"])
    for system, codes in systems.items():
        if system == SNOMED:
            assert all(snomed_concept_is_valid(c) for c in codes), codes
        elif system == ICD10:
            assert all(icd10_is_valid(c) for c in codes), codes
        elif system.startswith(f"{URN_PREFIX}CodeSystem:") or "/api/v1/fhir/CodeSystem/" in system:
            cs = fetch(client, system)
            CodeSystem.model_validate(cs)
            assert cs["url"] == system
            assert codes <= {c["code"] for c in cs["concept"]}, codes
        else:  # an HL7 system
            assert system.startswith("http://hl7.org/") or system.startswith(
                "http://terminology.hl7.org/"
            ), system


def check_bundle(client: TestClient, body: dict[str, Any], pack_kb: Any) -> None:
    """Every check of the module docstring on one downloaded Bundle; fails on the first."""
    bundle = Bundle.model_validate(body)
    assert bundle.type == "collection" and bundle.timestamp is not None
    entries = body["entry"]
    full_urls = [e["fullUrl"] for e in entries]
    assert len(full_urls) == len(set(full_urls))
    for e in entries:
        assert e["fullUrl"] == f"urn:uuid:{e['resource']['id']}"
    for ref in _walk(body, "reference"):
        assert ref in full_urls, f"unresolved reference {ref}"
    _check_codings(client, body)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        by_type.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
    assert len(by_type["Patient"]) == 1 and len(by_type["QuestionnaireResponse"]) == 1
    assert len(by_type["RiskAssessment"]) == 1
    qr = by_type["QuestionnaireResponse"][0]
    url, _, version = qr["questionnaire"].partition("|")
    q = fetch(client, url)
    check_questionnaire(client, q)
    assert q["version"] == version
    q_items = {i["linkId"]: i for i in q["item"]}
    for item in qr["item"]:
        q_item = q_items[item["linkId"]]
        assert item["text"] == q_item["text"]
        for answer in item["answer"]:
            if q_item["type"] == "integer":
                assert isinstance(answer["valueInteger"], int)
                continue
            allowed = [o["valueCoding"] for o in q_item["answerOption"]]
            assert answer["valueCoding"] in allowed, (item["linkId"], answer)
    for obs in by_type.get("Observation", []):
        assert obs["effectiveDateTime"] == qr["authored"]
        fid = next(c["code"] for c in obs["code"]["coding"] if c["system"] != SNOMED)
        snomed = [c["code"] for c in obs["code"]["coding"] if c["system"] == SNOMED]
        expected = pack_kb.findings[fid].snomed
        assert snomed == ([expected] if expected else [])
    ra = by_type["RiskAssessment"][0]
    assert ra["occurrenceDateTime"] == qr["authored"] == body["timestamp"]
    by_name = {c.common_name: c for c in pack_kb.conditions.values()}
    for prediction in ra.get("prediction", []):
        cond = by_name[prediction["outcome"]["text"]]
        coded = {(c["system"], c["code"]) for c in prediction["outcome"]["coding"]}
        expected = {(ICD10, code) for code in cond.icd10}
        if cond.snomed:
            expected.add((SNOMED, cond.snomed))
        assert coded == expected
