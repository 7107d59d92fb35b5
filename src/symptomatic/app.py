"""``create_app(settings)``: the one place where Symptomatic is wired together.

Nothing happens at import time. ``create_app`` loads and compiles the configured packs once,
opens the database and applies the shipped migrations, then mounts the REST API
(``/api/v1``), the pages and the static files, and the article library when it is installed.
"""

from __future__ import annotations

import importlib
import importlib.util
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from symptomatic import __version__
from symptomatic.api import (
    API_PREFIX,
    AppContext,
    ServedPack,
    build_api,
    compile_packs,
)
from symptomatic.api.cache import LRUCache
from symptomatic.api.headers import ResponseHeaders
from symptomatic.api.limits import BodySizeLimit
from symptomatic.api.methods import HeadAndOptions
from symptomatic.api.openapi import install as install_openapi
from symptomatic.api.problems import install as install_problems
from symptomatic.api.throttle import ApiRateLimit, TokenBuckets
from symptomatic.engine import EngineConfig
from symptomatic.kb.parse_cache import from_setting
from symptomatic.settings import Settings
from symptomatic.storage import Sweeper, make_engine, session_factory, upgrade

API_DESCRIPTION = """\
Symptomatic's REST API: an explainable Bayesian symptom checker. **Information, not a
diagnosis.** Stateless: every request carries `sex`, `age` and the whole `evidence` list.

Flow: `POST /parse` (optional, free text -> findings to confirm) -> `POST /diagnosis`
repeatedly (add each answer to `evidence`) until `should_stop` -> `POST /triage`.

Care levels (`triage_level`) on the common five-level scale (`common_level`):
emergency -> emergency_ambulance; urgent -> consultation_24; soon -> consultation;
routine -> consultation; self_care -> self_care.

Every error is an RFC 9457 `application/problem+json` document. An optional `Interview-Id`
request header (letters, digits, `._:-`, up to 64) is echoed on the response for correlation.
"""

#: Optional routers: (module, attribute). Included when the module is installed.
OPTIONAL_ROUTERS = (
    ("symptomatic.api.articles", "router"),
    ("symptomatic.web.library_pages", "router"),
)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def create_app(
    settings: Settings | None = None, packs: dict[str, ServedPack] | None = None
) -> FastAPI:
    """A ready ASGI app for ``settings`` (read from the environment when None).

    ``packs``: the configured packs already compiled (``symptomatic serve`` compiles them once
    for all its workers); compiled here from the settings when None.
    """
    settings = settings or Settings()
    # 1. Knowledge: load, validate and compile every configured pack once.
    if packs is None:
        packs = compile_packs(list(settings.packs), from_setting(settings.pack_cache))
    # 2. Storage: engine, migrations shipped in the package, sessions.
    db = make_engine(settings.database_url)
    upgrade(db)
    # Retention: what is older than the settings allow goes at every start, then as the
    # server runs (the sweeper), and by the CLI.
    sessions = session_factory(db)
    sweeper = Sweeper(sessions, settings.retention_days, settings.interview_retention_hours)
    sweeper.maybe_run()
    context = AppContext(
        settings=settings,
        packs=packs,
        engine_config=EngineConfig(max_questions=settings.question_budget),
        db=db,
        sessions=sessions,
        questions=LRUCache(settings.question_cache_size),
        sweeper=sweeper,
    )
    # 3. The app: API, problem handlers, pages, static files.
    app = FastAPI(
        title="Symptomatic",
        version=__version__,
        description=API_DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,  # Swagger UI would load from a CDN; /api/docs is rendered here
        redoc_url=None,
    )
    app.state.context = context
    app.state.settings = settings
    install_problems(app)
    app.include_router(build_api())

    from symptomatic.web import build_web  # the pages need the templates only when used

    app.include_router(build_web(app))
    for module_name, attr in OPTIONAL_ROUTERS:
        if _module_exists(module_name):
            module = importlib.import_module(module_name)
            router = getattr(module, attr, None)
            if router is not None:
                app.include_router(router)
    install_openapi(app, API_PREFIX)
    static = Path(str(resources.files("symptomatic.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    # 4. Middleware (outermost last): body-size limit, HEAD and OPTIONS, the API's rate
    #    limit, response headers, and outermost the Host check (a request for a host this
    #    site is not gets 400 before anything else runs).
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(HeadAndOptions, router=app.router)
    if settings.api_rate_limit:
        buckets = TokenBuckets(settings.api_rate_limit, settings.api_rate_burst)
        app.add_middleware(ApiRateLimit, buckets=buckets, prefix="/api/")
    app.add_middleware(ResponseHeaders, https=settings.https, base_url=settings.base_url)
    if settings.allowed_hosts != ["*"]:
        app.add_middleware(
            TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts, www_redirect=False
        )
    return app
