"""RFC 9457 problem details: every error of the API is ``application/problem+json``.

A problem has ``type`` (a URN naming the kind of problem), ``title``, ``status``, ``detail``
(what to change, in words a developer can act on) and, for validation problems, ``errors``:
one entry per bad field with its JSON pointer-like ``loc``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from symptomatic.errors import (
    ConflictingEvidenceError,
    DemographicsError,
    PackNotFoundError,
    SymptomaticError,
    UnknownConditionError,
    UnknownFindingError,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
#: Seconds a client is asked to wait when the database cannot be reached.
RETRY_AFTER_SECONDS = 5


class ProblemError(BaseModel):
    """One invalid field."""

    loc: list[str | int] = Field(description="Where the problem is, e.g. ['body', 'age', 'value'].")
    msg: str = Field(description="What is wrong with it.")
    type: str = Field(description="Machine-readable kind of error.")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request and how to fix it.")
    instance: str | None = Field(default=None, description="The request path.")
    errors: list[ProblemError] | None = Field(default=None, description="Each invalid field.")


class ApiProblem(Exception):
    """Raise from a route to answer with a problem document."""

    def __init__(self, status: int, slug: str, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail, self.extra = (
            status,
            slug,
            title,
            detail,
            extra,
        )


def problem_response(
    request: Request | None,
    status: int,
    slug: str,
    title: str,
    detail: str,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """A ``application/problem+json`` response; echoes ``Interview-Id`` when the request had one."""
    body: dict[str, Any] = {
        "type": f"urn:symptomatic:problem:{slug}",
        "title": title,
        "status": status,
        "detail": detail,
    }
    if request is not None:
        body["instance"] = request.url.path
    body.update({k: v for k, v in extra.items() if v is not None})
    out_headers = dict(headers or {})
    if request is not None and (iid := request.headers.get("interview-id")):
        out_headers["Interview-Id"] = iid
    return JSONResponse(
        body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=out_headers
    )


def _malformed_json(request: Request, reason: str) -> JSONResponse:
    return problem_response(
        request,
        400,
        "malformed-json",
        "Malformed JSON",
        "The request body is not valid JSON"
        + (f" ({reason})" if reason else "")
        + ". Send a JSON object with Content-Type: application/json.",
    )


def _unparsable_body(exc: StarletteHTTPException) -> str | None:
    """Why the body could not be parsed, when ``exc`` is FastAPI's 400 for a body the JSON
    decoder raised on without a JSONDecodeError: bad UTF-8 (UnicodeDecodeError), an integer
    past Python's digit limit (ValueError), nesting past the recursion limit."""
    cause = exc.__cause__
    if exc.status_code != 400 or not isinstance(cause, ValueError | RecursionError):
        return None
    if isinstance(cause, UnicodeDecodeError):
        return "not UTF-8"
    if isinstance(cause, RecursionError):
        return "nested too deeply"
    return str(cause).split(":")[0][:120] or "unreadable"


def _validation_problem(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = []
    malformed = None
    for err in exc.errors():
        if err.get("type") == "json_invalid":
            malformed = err
        errors.append(
            {
                "loc": [str(p) if not isinstance(p, int) else p for p in err.get("loc", ())],
                "msg": str(err.get("msg", "")),
                "type": str(err.get("type", "")),
            }
        )
    if malformed is not None:
        ctx = malformed.get("ctx") or {}
        return _malformed_json(request, str(ctx.get("error") or ""))
    first = errors[0] if errors else {"loc": [], "msg": "invalid"}
    where = ".".join(str(p) for p in first["loc"] if p != "body") or "body"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return problem_response(
        request,
        422,
        "invalid-request",
        "Invalid request",
        f"{where}: {first['msg']}{more}. See /api/docs for the request schema.",
        errors=errors,
    )


_DOMAIN = [
    (UnknownFindingError, 422, "unknown-finding", "Unknown finding"),
    (UnknownConditionError, 422, "unknown-condition", "Unknown condition"),
    (ConflictingEvidenceError, 422, "conflicting-evidence", "Conflicting evidence"),
    (DemographicsError, 422, "invalid-demographics", "Age or sex not supported"),
    (PackNotFoundError, 404, "unknown-pack", "Unknown pack"),
]


def html_page(
    request: Request, status: int, detail: str, headers: dict[str, str] | None = None
) -> Response | None:
    """The page-style error for requests outside ``/api`` (when the pages are mounted);
    None for API requests, which get a problem document instead."""
    if request.url.path.startswith("/api/"):
        return None
    render = getattr(request.app.state, "html_error", None)
    if render is None:
        return None
    response: Response = render(request, status, detail)
    response.headers.update(headers or {})
    return response


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into a problem document (API) or an
    error page (pages)."""

    @app.exception_handler(ApiProblem)
    async def _api_problem(request: Request, exc: ApiProblem) -> JSONResponse:
        return problem_response(request, exc.status, exc.slug, exc.title, exc.detail, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        page = html_page(request, 400, "Some of the information sent was not valid.")
        return page or _validation_problem(request, exc)

    @app.exception_handler(SymptomaticError)
    async def _domain(request: Request, exc: SymptomaticError) -> Response:
        for kind, status, slug, title in _DOMAIN:
            if isinstance(exc, kind):
                page = html_page(request, status, str(exc))
                return page or problem_response(request, status, slug, title, str(exc))
        return problem_response(request, 422, "unprocessable", "Cannot process", str(exc))

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    async def _database_down(request: Request, exc: Exception) -> Response:
        # The database is unreachable (stopped, restarting, network): nothing was stored by
        # this request (each write is one transaction), and the pool reconnects by itself
        # (pre-ping) once the database is back, so the client only has to retry.
        detail = (
            "The database is not reachable at the moment, so nothing was saved. "
            "Please try again in a few seconds."
        )
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        page = html_page(request, 503, detail, headers)
        return page or problem_response(
            request, 503, "database-unavailable", "Service unavailable", detail, headers=headers
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {404: "Not found", 405: "Method not allowed", 413: "Request body too large"}
        detail = str(exc.detail) if exc.detail else titles.get(exc.status_code, "Error")
        page = html_page(request, exc.status_code, detail, dict(exc.headers or {}))
        if page is not None:
            return page
        reason = _unparsable_body(exc)
        if reason is not None:
            return _malformed_json(request, reason)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is nothing at {request.url.path}. See /api/docs for the endpoints."
        return problem_response(
            request,
            exc.status_code,
            "http-" + str(exc.status_code),
            titles.get(exc.status_code, "HTTP error"),
            detail,
            headers=dict(exc.headers or {}),
        )
