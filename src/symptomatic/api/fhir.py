"""FHIR R4 definitions of a served pack: its questions as a ``Questionnaire`` and the two code
systems that the questionnaire and the check records use.

``GET /api/v1/fhir/Questionnaire/{pack}``
    One ``choice`` item per finding (its question; ``answerOption`` codings for Yes / No /
    Don't know or the finding's options plus Don't know), after an ``age`` and a ``sex`` item.
    Item codes are SNOMED CT where the pack gives one, and always the pack's own finding code.
``GET /api/v1/fhir/CodeSystem/{pack}-findings`` and ``.../{pack}-answers``
    The pack's finding codes (finding ids) and answer codes (``present``, ``absent``,
    ``unknown``, and ``FINDING.OPTION`` for choice findings). With ``Settings.base_url`` set
    their canonical URLs are these addresses, so every ``system`` in our records can be looked
    up on the server that made it (see :class:`FhirUrls`).

Everything is built with ``fhir.resources`` (R4B models: R4B is R4 with corrections, and these
resources are unchanged), so it is validated on construction.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire

from symptomatic.api.context import AppContext, ServedPack, get_context
from symptomatic.api.diagnosis import PROBLEMS
from symptomatic.api.problems import ApiProblem
from symptomatic.kb.schema import Finding, FindingType

FHIR_MEDIA_TYPE = "application/fhir+json"
SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
GENDER = "http://hl7.org/fhir/administrative-gender"
#: Answer codes of every finding, with their display (choice findings add FINDING.OPTION).
BASE_ANSWERS = {"present": "Yes", "absent": "No", "unknown": "Don't know"}
AGE_ITEM, SEX_ITEM = "age", "sex"
#: Canonical URLs when no ``Settings.base_url`` is set: ``urn:symptomatic:fhir:KIND:ID``.
URN_PREFIX = "urn:symptomatic:fhir:"

router = APIRouter(
    prefix="/fhir",
    tags=["fhir"],
    responses={404: PROBLEMS[404] | {"description": "Unknown pack or code system"}},
)


class FhirUrls:
    """Canonical URLs of one served pack's FHIR definitions.

    With ``Settings.base_url`` they are this server's addresses of the resources
    (``https://symptoms.example.org/api/v1/fhir/Questionnaire/back-pelvic``), so they resolve.
    Without it they are URNs (``urn:symptomatic:fhir:Questionnaire:back-pelvic``): a canonical
    URL must be absolute, and the Host header of a request is never trusted to make one.
    """

    def __init__(self, request: Request, served: ServedPack) -> None:
        base_url = request.app.state.settings.base_url

        def canonical(route: str, kind: str, rid: str, **params: str) -> str:
            if base_url:
                return f"{base_url}{request.app.url_path_for(route, **params)}"
            return f"{URN_PREFIX}{kind}:{rid}"

        self.pack = served.id
        self.version = served.info.version
        self.questionnaire = canonical(
            "fhir_questionnaire", "Questionnaire", served.id, pack_id=served.id
        )
        self.findings, self.answers = (
            canonical("fhir_code_system", "CodeSystem", cs, cs_id=cs)
            for cs in (f"{served.id}-findings", f"{served.id}-answers")
        )

    @property
    def questionnaire_version(self) -> str:
        """The versioned canonical reference (``url|version``) a response points to."""
        return f"{self.questionnaire}|{self.version}"


def answer_code(finding_id: str, value: str) -> str:
    """The answer code of ``value`` for a finding: ``present`` / ``absent`` / ``unknown``, or
    ``FINDING.OPTION`` for an option of a choice finding."""
    return value if value in BASE_ANSWERS else f"{finding_id}.{value}"


def answer_codings(finding: Finding, urls: FhirUrls) -> list[dict[str, str]]:
    """Every answer a finding takes, as codings (Don't know last)."""
    if finding.type is FindingType.YES_NO:
        pairs = [(v, BASE_ANSWERS[v]) for v in ("present", "absent")]
    else:
        pairs = [(o.id, o.label) for o in finding.options]
    pairs.append(("unknown", BASE_ANSWERS["unknown"]))
    return [
        {"system": urls.answers, "code": answer_code(finding.id, v), "display": label}
        for v, label in pairs
    ]


def answer_coding(finding: Finding, value: str, urls: FhirUrls) -> dict[str, str]:
    """The coding of one answer ``value`` (``present``, an option id, ...) to ``finding``."""
    code = answer_code(finding.id, value)
    return next(c for c in answer_codings(finding, urls) if c["code"] == code)


def finding_codings(finding: Finding, urls: FhirUrls) -> list[dict[str, str]]:
    """The finding's codes: SNOMED CT when the pack gives one, then the pack's own code."""
    out = [{"system": SNOMED, "code": finding.snomed, "display": finding.name}]
    own = {"system": urls.findings, "code": finding.id, "display": finding.name}
    return [*out, own] if finding.snomed else [own]


def questionnaire(served: ServedPack, urls: FhirUrls) -> dict[str, Any]:
    """The pack's questions as a FHIR R4 ``Questionnaire`` (a JSON-able dict, validated)."""
    kb = served.kb
    items: list[dict[str, Any]] = [
        {"linkId": AGE_ITEM, "text": "Age in years", "type": "integer", "required": True},
        {
            "linkId": SEX_ITEM,
            "text": "Sex",
            "type": "choice",
            "required": True,
            "answerOption": [
                {"valueCoding": {"system": GENDER, "code": s, "display": s.capitalize()}}
                for s in ("female", "male")
            ],
        },
    ]
    for finding in kb.findings.values():
        item: dict[str, Any] = {
            "linkId": finding.id,
            "code": finding_codings(finding, urls),
            "text": finding.question,
            "type": "choice",
            "answerOption": [{"valueCoding": c} for c in answer_codings(finding, urls)],
        }
        if finding.help:
            item["item"] = [
                {"linkId": f"{finding.id}.help", "text": finding.help, "type": "display"}
            ]
        items.append(item)
    resource = Questionnaire.model_validate(
        {
            "resourceType": "Questionnaire",
            "id": served.id,
            "url": urls.questionnaire,
            "version": served.info.version,
            "name": "Symptomatic" + "".join(p.capitalize() for p in served.id.split("-")),
            "title": f"{served.info.name} (Symptomatic)",
            "status": "active" if served.info.review_status == "reviewed" else "draft",
            "subjectType": ["Patient"],
            "description": "The questions a Symptomatic check may ask with this pack "
            f"({', '.join(f'{k} {v}' for k, v in kb.pack_versions.items())}). "
            "Information, not a diagnosis.",
            "item": items,
        }
    )
    out: dict[str, Any] = resource.model_dump(mode="json", exclude_none=True, by_alias=True)
    return out


def code_system(served: ServedPack, kind: str, url: str) -> dict[str, Any]:
    """The pack's ``findings`` or ``answers`` code system as a FHIR R4 ``CodeSystem``."""
    kb = served.kb
    if kind == "findings":
        concepts = [
            {"code": f.id, "display": f.name, "definition": f.question}
            for f in kb.findings.values()
        ]
        title = "findings (symptoms, history, risk factors)"
    else:
        concepts = [{"code": c, "display": d} for c, d in BASE_ANSWERS.items()]
        concepts += [
            {"code": answer_code(f.id, o.id), "display": o.label}
            for f in kb.findings.values()
            for o in f.options
        ]
        title = "answers to its questions"
    resource = CodeSystem.model_validate(
        {
            "resourceType": "CodeSystem",
            "id": f"{served.id}-{kind}",
            "url": url,
            "version": served.info.version,
            "name": "Symptomatic"
            + "".join(p.capitalize() for p in served.id.split("-"))
            + kind.capitalize(),
            "title": f"{served.info.name}: {title}",
            "status": "active" if served.info.review_status == "reviewed" else "draft",
            "caseSensitive": True,
            "content": "complete",
            "count": len(concepts),
            "concept": concepts,
        }
    )
    out: dict[str, Any] = resource.model_dump(mode="json", exclude_none=True, by_alias=True)
    return out


def fhir_response(body: dict[str, Any]) -> Response:
    """``body`` as ``application/fhir+json``."""
    return Response(json.dumps(body, indent=2), media_type=FHIR_MEDIA_TYPE)


@router.get(
    "/Questionnaire/{pack_id}",
    name="fhir_questionnaire",
    summary="A pack's questions as a FHIR Questionnaire",
    response_class=Response,
    responses={200: {"content": {FHIR_MEDIA_TYPE: {}}, "description": "FHIR R4 Questionnaire"}},
)
def get_questionnaire(
    pack_id: str, request: Request, ctx: AppContext = Depends(get_context)
) -> Response:
    """Every question the pack can ask, as a FHIR R4 Questionnaire; check records (the FHIR
    download of a result) answer it with a QuestionnaireResponse."""
    served = ctx.pack(pack_id)
    return fhir_response(questionnaire(served, FhirUrls(request, served)))


@router.get(
    "/CodeSystem/{cs_id}",
    name="fhir_code_system",
    summary="A pack's finding or answer codes as a FHIR CodeSystem",
    response_class=Response,
    responses={200: {"content": {FHIR_MEDIA_TYPE: {}}, "description": "FHIR R4 CodeSystem"}},
)
def get_code_system(
    cs_id: str, request: Request, ctx: AppContext = Depends(get_context)
) -> Response:
    """``{pack}-findings`` or ``{pack}-answers``: the codes used in the Questionnaire and in the
    check records."""
    pack_id, _, kind = cs_id.rpartition("-")
    if kind not in ("findings", "answers") or not pack_id:
        raise ApiProblem(
            404,
            "unknown-code-system",
            "Unknown code system",
            f"There is no code system {cs_id!r}; use PACK-findings or PACK-answers"
            " (see GET /api/v1/packs).",
        )
    served = ctx.pack(pack_id)
    urls = FhirUrls(request, served)
    return fhir_response(
        code_system(served, kind, urls.findings if kind == "findings" else urls.answers)
    )
