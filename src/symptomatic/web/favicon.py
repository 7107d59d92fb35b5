"""``/favicon.ico``: the small icon browsers ask for, served from the package's static files
(a 32 x 32 green disc with a white cross; no third-party request)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter()


@router.get("/favicon.ico", name="favicon")
def favicon() -> FileResponse:
    """The site icon; the same for everyone, so caches may keep it for a day."""
    path = Path(str(resources.files("symptomatic.web") / "static" / "favicon.ico"))
    return FileResponse(
        path, media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"}
    )
