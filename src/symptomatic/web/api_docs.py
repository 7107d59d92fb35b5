"""``/api/docs``: the API reference rendered here from the OpenAPI document (the usual
Swagger UI would load scripts from a CDN, which this project never does)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from symptomatic.api.diagnosis import COMMON_LEVEL
from symptomatic.web.templating import render

router = APIRouter()


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            body = (
                op.get("requestBody", {})
                .get("content", {})
                .get("application/json", {})
                .get("schema", {})
                .get("$ref", "")
            )
            ok = op.get("responses", {}).get("200", {}).get("content", {})
            out_ref = ok.get("application/json", {}).get("schema", {})
            ops.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "request": body.rsplit("/", 1)[-1] if body else None,
                    "response": (
                        out_ref.get("$ref") or out_ref.get("items", {}).get("$ref", "")
                    ).rsplit("/", 1)[-1],
                    "errors": sorted(k for k in op.get("responses", {}) if k[0] in "45"),
                }
            )
    return ops


@router.get("/api/docs", response_class=HTMLResponse, name="api_docs")
def api_docs(request: Request) -> HTMLResponse:
    """The API reference: endpoints, schemas (as JSON Schema), errors and the level mapping."""
    spec = request.app.openapi()
    schemas = spec.get("components", {}).get("schemas", {})
    return render(
        request,
        "api_docs.html",
        spec=spec,
        operations=_operations(spec),
        schemas=schemas,
        common_levels=COMMON_LEVEL,
    )
