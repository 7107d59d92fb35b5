"""Server-rendered pages (Jinja2): the symptom check from start to printable result.

Every page works without JavaScript. :func:`build_web` returns the router and registers the
template environment on ``app.state.templates`` for the other page modules (library).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from symptomatic.web.templating import make_templates

__all__ = ["build_web"]


def build_web(app: FastAPI) -> APIRouter:
    """The page routes; also sets ``app.state.templates`` and the HTML error renderer."""
    from symptomatic.web import api_docs, check_pages, errors, favicon, result_pages, start_pages

    app.state.templates = make_templates()
    app.state.html_error = errors.render_error
    router = APIRouter(include_in_schema=False)
    router.include_router(start_pages.router)
    router.include_router(check_pages.router)
    router.include_router(result_pages.router)
    router.include_router(api_docs.router)
    router.include_router(favicon.router)
    return router
