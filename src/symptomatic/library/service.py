"""Everything the library pages and API share, built once per app: the validated articles,
the search index over the app's database, the rate limiters (feedback answers, wrong admin
tokens) and the settings.

Built lazily on first use (so ``create_app`` needs no library-specific wiring) and kept on the
app context; the search index is (re)built from the shipped articles at that moment.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.feedback.ratelimit import RateLimiter
from symptomatic.library.loader import Library, load_library
from symptomatic.search import SearchBackend, build_synonyms, documents_from_library, make_search
from symptomatic.settings import Settings

_LOCK = threading.Lock()
_KEY = "library"


@dataclass(frozen=True)
class LibraryService:
    """The library of one running app."""

    library: Library
    search: SearchBackend
    limiter: RateLimiter
    sessions: sessionmaker[Session]
    settings: Settings
    #: Wrong admin tokens per client address and hour.
    admin_failures: RateLimiter


def build_library_service(
    settings: Settings,
    engine: Engine,
    sessions: sessionmaker[Session],
    findings: Iterable[Any] = (),
) -> LibraryService:
    """Returns a ready :class:`LibraryService`: articles loaded and validated, search index
    rebuilt, lay synonyms taken from ``findings`` (pack findings with ``synonyms``)."""
    library = load_library()
    synonyms = build_synonyms((f.id, f.name, list(f.synonyms)) for f in findings)
    search = make_search(engine, synonyms)
    search.rebuild(documents_from_library(library))
    limiter = RateLimiter(limit=settings.feedback_rate_limit, window_seconds=3600.0)
    admin_failures = RateLimiter(limit=settings.admin_login_attempts, window_seconds=3600.0)
    return LibraryService(library, search, limiter, sessions, settings, admin_failures)


def shared_library_service(
    extras: MutableMapping[str, Any],
    settings: Settings,
    engine: Engine,
    sessions: sessionmaker[Session],
    findings: Iterable[Any] = (),
) -> LibraryService:
    """Returns the service cached in ``extras`` (the app context's extras), building it
    once under a lock on first use."""
    service = extras.get(_KEY)
    if service is None:
        with _LOCK:
            service = extras.get(_KEY)
            if service is None:
                service = build_library_service(settings, engine, sessions, findings)
                extras[_KEY] = service
    assert isinstance(service, LibraryService)
    return service
