"""The OpenAPI 3.1 document, with the problem responses every ``/api/v1`` operation can give.

Any operation may answer 400 (malformed JSON), 404 (unknown pack, article or path), 413 (body
too large), 422 (invalid input) or 429 (rate limit, with ``Retry-After``), always as
``application/problem+json``. Rather than each router repeating that, the document is
completed here once.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from symptomatic.api.problems import PROBLEM_MEDIA_TYPE, Problem

COMMON_PROBLEMS = {
    "400": "Malformed JSON",
    "404": "Not found: unknown pack, condition list or article",
    "413": "Request body too large",
    "422": "Invalid input (see the problem's detail and errors)",
    "429": "Too many requests from this client; Retry-After says when to try again",
}


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def install(app: FastAPI, prefix: str) -> None:
    """Replace ``app.openapi`` with one that documents the problem responses (cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in schemas["Problem"].pop("$defs", {}).items():
            schemas.setdefault(name, sub)
        for path, methods in spec.get("paths", {}).items():
            if not path.startswith(prefix):
                continue
            for op in methods.values():
                responses = op.setdefault("responses", {})
                for code, text in COMMON_PROBLEMS.items():
                    description = responses.get(code, {}).get("description") or text
                    responses[code] = _problem_response(description)
        for unused in ("HTTPValidationError", "ValidationError"):
            if f"#/components/schemas/{unused}" not in json.dumps(spec["paths"]):
                schemas.pop(unused, None)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
