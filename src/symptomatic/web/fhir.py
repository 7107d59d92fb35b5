"""A check result as a FHIR R4 ``Bundle`` (collection): Patient, QuestionnaireResponse,
Observations, RiskAssessment. Built with ``fhir.resources`` (its R4B models: R4B is R4 with
corrections and these resources are unchanged), so the output is validated on construction.

A record a clinician can file:

- **Dated by the check**, not by the download: ``authored``, ``effectiveDateTime``,
  ``occurrenceDateTime`` and the Bundle's ``timestamp`` are the time the step was stored.
- **Stable ids**: every resource id (and the Bundle's) is a UUIDv5 of the step token and the
  resource's kind, so downloading the same result twice gives the same document and a record
  system can recognise a repeat. The token cannot be recovered from the ids.
- **Coded**: the QuestionnaireResponse answers the pack's published Questionnaire
  (:mod:`symptomatic.api.fhir`) with ``valueCoding``; findings carry SNOMED CT where the pack
  has it, conditions ICD-10 and SNOMED CT.

No patient identity is included: the subject is an anonymous ``Patient`` carrying only sex
(and birth year is not derived), as the check is anonymous.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from symptomatic.api.context import ServedPack
from symptomatic.api.fhir import (
    AGE_ITEM,
    GENDER,
    ICD10,
    SEX_ITEM,
    SNOMED,
    FhirUrls,
    answer_coding,
    finding_codings,
)
from symptomatic.interview import CheckResult

#: Namespace of the UUIDv5 ids of check records.
RECORD_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:symptomatic:check-record")
SURVEY = {
    "system": "http://terminology.hl7.org/CodeSystem/observation-category",
    "code": "survey",
    "display": "Survey",
}


def record_id(token: str, kind: str) -> str:
    """The stable id of the resource ``kind`` (e.g. ``Patient``, ``Observation/fever``) of the
    check stored under ``token``: a UUIDv5, the same on every call."""
    return str(uuid.uuid5(RECORD_NAMESPACE, f"{token}/{kind}"))


def fhir_datetime(when: datetime) -> str:
    """``when`` (UTC, naive as stored) as a FHIR dateTime to the second, e.g.
    ``2026-11-29T15:20:31Z``."""
    return when.replace(microsecond=0).isoformat() + "Z"


def fhir_bundle(
    res: CheckResult, served: ServedPack, urls: FhirUrls, token: str, completed: datetime
) -> dict[str, Any]:
    """The result as a FHIR R4 collection Bundle (a JSON-able dict, validated).

    ``token`` is the stored step the result belongs to and ``completed`` its stored time
    (UTC); both make the document identical on every download.
    """
    when = fhir_datetime(completed)
    findings = served.kb.findings

    def entry(kind: str, resource: dict[str, Any]) -> dict[str, Any]:
        rid = record_id(token, kind)
        return {"fullUrl": f"urn:uuid:{rid}", "resource": {**resource, "id": rid}}

    patient = entry("Patient", {"resourceType": "Patient", "gender": res.sex})
    subject = {"reference": patient["fullUrl"]}
    qr = entry(
        "QuestionnaireResponse",
        {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": urls.questionnaire_version,
            "status": "completed",
            "authored": when,
            "subject": subject,
            "item": [
                {"linkId": AGE_ITEM, "text": "Age in years", "answer": [{"valueInteger": res.age}]},
                {
                    "linkId": SEX_ITEM,
                    "text": "Sex",
                    "answer": [
                        {
                            "valueCoding": {
                                "system": GENDER,
                                "code": res.sex,
                                "display": res.sex.capitalize(),
                            }
                        }
                    ],
                },
                *(
                    {
                        "linkId": t.finding_id,
                        "text": t.question,
                        "answer": [
                            {"valueCoding": answer_coding(findings[t.finding_id], t.answer, urls)}
                        ],
                    }
                    for t in res.transcript
                ),
            ],
        },
    )
    observations = []
    for t in res.transcript:
        if t.answer == "unknown":
            continue
        finding = findings[t.finding_id]
        value: dict[str, Any]
        if t.answer in ("present", "absent"):
            value = {"valueBoolean": t.answer == "present"}
        else:
            coding = answer_coding(finding, t.answer, urls)
            value = {"valueCodeableConcept": {"coding": [coding], "text": t.answer_label}}
        observations.append(
            entry(
                f"Observation/{t.finding_id}",
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "category": [{"coding": [SURVEY]}],
                    "code": {"coding": finding_codings(finding, urls), "text": t.name},
                    "subject": subject,
                    "effectiveDateTime": when,
                    "derivedFrom": [{"reference": qr["fullUrl"]}],
                    **value,
                },
            )
        )
    conditions = served.kb.conditions
    ra = entry(
        "RiskAssessment",
        {
            "resourceType": "RiskAssessment",
            "status": "final",
            "subject": subject,
            "occurrenceDateTime": when,
            "basis": [{"reference": o["fullUrl"]} for o in observations] or None,
            "method": {
                "text": f"Symptomatic engine {res.engine_version}; packs "
                + ", ".join(f"{k} {v}" for k, v in res.packs.items())
            },
            "prediction": [
                {
                    "outcome": {
                        "coding": [
                            *(
                                {"system": ICD10, "code": code, "display": c.name}
                                for code in c.icd10
                            ),
                            *(
                                [{"system": SNOMED, "code": snomed, "display": c.name}]
                                if (snomed := conditions[c.id].snomed)
                                else []
                            ),
                        ],
                        "text": c.common_name,
                    },
                    "probabilityDecimal": round(c.probability, 4),
                }
                for c in res.conditions
            ]
            or None,
            "mitigation": f"{res.title}. {res.advice}",
            "note": [{"text": res.disclaimer}],
        },
    )
    bundle = Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "id": record_id(token, "Bundle"),
            "identifier": {
                "system": "urn:ietf:rfc:3986",
                "value": f"urn:uuid:{record_id(token, 'Bundle')}",
            },
            "type": "collection",
            "timestamp": when,
            "entry": [patient, qr, *observations, ra],
        }
    )
    out: dict[str, Any] = bundle.model_dump(mode="json", exclude_none=True, by_alias=True)
    return out
