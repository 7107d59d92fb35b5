"""HTML error pages for the page routes (the API answers with problem documents instead)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from symptomatic.web.templating import render

TITLES = {
    400: "Something in the form was not right",
    404: "Page not found",
    405: "That does not work here",
    413: "That was too much text",
    422: "Something in the form was not right",
    503: "The service is briefly unavailable",
}


def render_error(request: Request, status: int, detail: str) -> HTMLResponse:
    """An error page with a way back to the start."""
    return render(
        request,
        "error.html",
        status_code=status,
        title=TITLES.get(status, "Something went wrong"),
        detail=detail,
    )
