"""A check result as a FHIR R4 ``Bundle`` (collection): QuestionnaireResponse, Observations,
RiskAssessment. Built with ``fhir.resources`` (its R4B models: R4B is R4 with corrections and
these three resources are unchanged), so the output is validated on construction.

No patient identity is included: the subject is an anonymous contained ``Patient`` carrying
only sex (and birth year is not derived), as the check is anonymous.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment

from symptomatic.interview import CheckResult

ICD10 = "http://hl7.org/fhir/sid/icd-10"
SYSTEM = "urn:symptomatic:finding"
LEVEL_SYSTEM = "urn:symptomatic:care-level"


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _observation(entry: Any, patient_ref: str, when: str) -> dict[str, Any]:
    value: dict[str, Any]
    if entry.answer in ("present", "absent"):
        value = {"valueBoolean": entry.answer == "present"}
    else:
        value = {
            "valueCodeableConcept": {
                "coding": [
                    {
                        "system": f"{SYSTEM}:{entry.finding_id}",
                        "code": entry.answer,
                        "display": entry.answer_label,
                    }
                ],
                "text": entry.answer_label,
            }
        }
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                        "display": "Survey",
                    }
                ]
            }
        ],
        "code": {
            "coding": [{"system": SYSTEM, "code": entry.finding_id, "display": entry.name}],
            "text": entry.name,
        },
        "subject": {"reference": patient_ref},
        "effectiveDateTime": when,
        **value,
    }


def fhir_bundle(res: CheckResult, now: datetime | None = None) -> dict[str, Any]:
    """The result as a FHIR R4 collection Bundle (a JSON-able dict, validated)."""
    when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    patient_url, qr_url, ra_url = _urn(), _urn(), _urn()
    patient = Patient.model_validate({"resourceType": "Patient", "gender": res.sex})
    answered = [t for t in res.transcript if t.answer != "unknown"]
    qr = QuestionnaireResponse.model_validate(
        {
            "resourceType": "QuestionnaireResponse",
            "status": "completed",
            "authored": when,
            "subject": {"reference": patient_url},
            "item": [
                {"linkId": "age", "text": "Age in years", "answer": [{"valueInteger": res.age}]},
                *(
                    {
                        "linkId": t.finding_id,
                        "text": t.question,
                        "answer": [{"valueString": t.answer_label}],
                    }
                    for t in res.transcript
                ),
            ],
        }
    )
    observations = [
        (_urn(), Observation.model_validate(_observation(t, patient_url, when))) for t in answered
    ]
    ra = RiskAssessment.model_validate(
        {
            "resourceType": "RiskAssessment",
            "status": "final",
            "subject": {"reference": patient_url},
            "occurrenceDateTime": when,
            "basis": [{"reference": url} for url, _ in observations] or None,
            "method": {
                "text": f"Symptomatic engine {res.engine_version}; packs "
                + ", ".join(f"{k} {v}" for k, v in res.packs.items())
            },
            "prediction": [
                {
                    "outcome": {
                        "coding": [
                            {"system": ICD10, "code": code, "display": c.name} for code in c.icd10
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
        }
    )
    entries: list[dict[str, Any]] = [
        {"fullUrl": patient_url, "resource": patient},
        {"fullUrl": qr_url, "resource": qr},
        *({"fullUrl": url, "resource": obs} for url, obs in observations),
        {"fullUrl": ra_url, "resource": ra},
    ]
    bundle = Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": when,
            "entry": [
                {
                    "fullUrl": e["fullUrl"],
                    "resource": e["resource"].model_dump(
                        mode="json", exclude_none=True, by_alias=True
                    ),
                }
                for e in entries
            ],
        }
    )
    out: dict[str, Any] = bundle.model_dump(mode="json", exclude_none=True, by_alias=True)
    return out
