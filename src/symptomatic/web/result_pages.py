"""The result page, the printable "what to bring to your doctor" page and the downloads
(JSON and a FHIR R4 Bundle).

The summary and both downloads carry the time the check was completed: the stored time of the
step the result belongs to (not the time of the download), so every download of one result is
the same document.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.routing import NoMatchFound

from symptomatic.api.fhir import FhirUrls
from symptomatic.interview import CheckResult, result
from symptomatic.web.fhir import fhir_bundle, fhir_datetime
from symptomatic.web.steps import LoadedStep, load, record
from symptomatic.web.templating import render

router = APIRouter()


def _result(loaded: LoadedStep) -> CheckResult:
    return result(loaded.served.model, loaded.state, loaded.context.engine_config)


def related_articles(request: Request, res: CheckResult) -> list[dict[str, str]]:
    """Library articles of the conditions shown (and the focus), when the library is mounted."""
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for c in res.conditions:
        if not c.article or c.article in seen:
            continue
        seen.add(c.article)
        try:
            url = str(request.app.url_path_for("article", slug=c.article))
        except NoMatchFound:
            continue
        out.append({"url": url, "title": c.common_name, "condition": c.name})
    return out


def result_page(request: Request, loaded: LoadedStep, final: bool) -> HTMLResponse:
    """Render the result for a step; a finished interview is recorded anonymously once."""
    res = _result(loaded)
    if final:
        record(loaded, res)
    return render(
        request,
        "result.html",
        res=res,
        level=res.triage.level.value,
        final=final,
        token=loaded.step.token,
        parent=loaded.step.parent,
        articles=related_articles(request, res),
        after_emergency=loaded.state.after_emergency,
    )


@router.get("/check/s/{token}/result", response_class=HTMLResponse, name="check_result")
def check_result(request: Request, token: str) -> HTMLResponse:
    """The result for the answers so far (the person may stop early)."""
    loaded = load(request, token)
    return result_page(request, loaded, final=False)


@router.get("/check/s/{token}/print", response_class=HTMLResponse, name="check_print")
def check_print(request: Request, token: str) -> HTMLResponse:
    """A printable summary to bring to a doctor."""
    loaded = load(request, token)
    res = _result(loaded)
    return render(
        request,
        "print.html",
        res=res,
        level=res.triage.level.value,
        token=token,
        completed=loaded.step.created_at,
    )


@router.get("/check/s/{token}/result.json", name="check_json")
def check_json(request: Request, token: str) -> Response:
    """The whole result as JSON (download)."""
    loaded = load(request, token)
    record = {"completed_at": fhir_datetime(loaded.step.created_at), **_result(loaded).to_dict()}
    return Response(
        json.dumps(record, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="symptom-check.json"'},
    )


@router.get("/check/s/{token}/fhir.json", name="check_fhir")
def check_fhir(request: Request, token: str) -> Response:
    """The result as a FHIR R4 Bundle (download)."""
    loaded = load(request, token)
    bundle = fhir_bundle(
        _result(loaded),
        loaded.served,
        FhirUrls(request, loaded.served),
        token=loaded.step.token,
        completed=loaded.step.created_at,
    )
    return Response(
        json.dumps(bundle, indent=2),
        media_type="application/fhir+json",
        headers={"Content-Disposition": 'attachment; filename="symptom-check.fhir.json"'},
    )
