"""The REST API under ``/api/v1``: routes, schemas and RFC 9457 problem documents.

:func:`build_api` returns the ``/api/v1`` router; :func:`symptomatic.app.create_app` mounts
it, installs the problem handlers (:func:`symptomatic.api.problems.install`) and the body-size
limit (:class:`symptomatic.api.limits.BodySizeLimit`).
"""

from __future__ import annotations

from fastapi import APIRouter

from symptomatic.api import diagnosis, fhir, packs, parse
from symptomatic.api.context import AppContext, ServedPack, compile_packs, get_context

API_PREFIX = "/api/v1"

__all__ = [
    "API_PREFIX",
    "AppContext",
    "ServedPack",
    "build_api",
    "compile_packs",
    "get_context",
]


def build_api() -> APIRouter:
    """A router with every ``/api/v1`` endpoint."""
    router = APIRouter(prefix=API_PREFIX)
    router.include_router(diagnosis.router)
    router.include_router(parse.router)
    router.include_router(packs.router)
    router.include_router(fhir.router)
    return router
