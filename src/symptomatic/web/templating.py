"""The Jinja2 environment (templates shipped in the package) and the page render helper."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.routing import NoMatchFound

from symptomatic import __version__

LEVEL_ICONS = {
    "emergency": "icon-emergency",
    "urgent": "icon-urgent",
    "soon": "icon-soon",
    "routine": "icon-routine",
    "self_care": "icon-self-care",
}


def _percent(p: float) -> str:
    """A probability in words a person reads easily: '<1%', '12%', '>99%'."""
    if p < 0.01:
        return "less than 1%"
    if p > 0.99:
        return "more than 99%"
    return f"{round(p * 100)}%"


def _lower_first(text: str) -> str:
    """'Cancer of the cervix' -> 'cancer of the cervix'; leaves 'HPV ...' alone."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def make_templates() -> Jinja2Templates:
    """Templates from ``symptomatic/web/templates`` with autoescaping and the shared filters."""
    env = Environment(
        loader=PackageLoader("symptomatic.web", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["percent"] = _percent
    env.filters["lower_first"] = _lower_first
    env.globals["version"] = __version__
    env.globals["level_icons"] = LEVEL_ICONS
    return Jinja2Templates(env=env)


def _has_route(request: Request, name: str) -> bool:
    """True when the app has a route called ``name`` (e.g. the library, when installed)."""
    try:
        request.app.url_path_for(name)
    except NoMatchFound:
        return False
    return True


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render template ``name`` with ``context`` plus the site-wide values."""
    templates: Jinja2Templates = request.app.state.templates
    settings = request.app.state.settings
    base = {
        "emergency_number": settings.emergency_number,
        "library": _has_route(request, "library_home"),
    }
    base.update(context)
    return templates.TemplateResponse(request, name, base, status_code=status_code)
