"""Shared fixtures: a throwaway PostgreSQL server on loopback, and the opt-in requirement flags.

PostgreSQL and browser tests are skipped when Debian's binaries are missing, unless
``SYMPTOMATIC_REQUIRE_POSTGRES=1`` / ``SYMPTOMATIC_REQUIRE_BROWSER=1`` (as CI sets), which turn
the skip into a failure.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.pgserver import PostgresServer, postgres_bindir

with warnings.catch_warnings():
    # starlette warns (UserWarning) that it prefers httpx2 to httpx for its TestClient.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

TINY_PACK = str(Path(__file__).parent / "fixtures" / "packs" / "tiny")
#: A fixture pack for children (ages 0-15, parent wording); made-up numbers, not clinical.
CHILD_PACK = str(Path(__file__).parent / "fixtures" / "packs" / "child-fever")


def _missing(what: str, env: str) -> None:
    if os.environ.get(env) == "1":
        pytest.fail(f"{what} is required ({env}=1) but not installed; run `make system-deps`")
    pytest.skip(f"{what} not installed (set {env}=1 to make this a failure)")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL (``postgresql+psycopg://``) of a fresh PostgreSQL server on 127.0.0.1, stopped at
    the end of the session."""
    server = postgres_server()
    try:
        yield server.createdb("symptomatic_test")
    finally:
        server.destroy()


def postgres_server() -> PostgresServer:
    """A started throwaway PostgreSQL server (a skip when PostgreSQL is not installed); the
    caller destroys it."""
    bindir = postgres_bindir()
    if bindir is None:
        _missing("PostgreSQL (Debian package postgresql)", "SYMPTOMATIC_REQUIRE_POSTGRES")
    server = PostgresServer(bindir)  # type: ignore[arg-type]
    try:
        server.start()
    except BaseException:
        server.destroy()
        raise
    return server


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's Chromium, or a skip (a failure with SYMPTOMATIC_REQUIRE_BROWSER=1)."""
    path = "/usr/bin/chromium"
    if not os.path.exists(path):
        _missing("Chromium (Debian package chromium)", "SYMPTOMATIC_REQUIRE_BROWSER")
    return path


@pytest.fixture(scope="session")
def tiny_kb():  # type: ignore[no-untyped-def]
    """The five-condition fixture pack, composed and validated."""
    from symptomatic.kb import load_knowledge_base

    return load_knowledge_base(TINY_PACK)


@pytest.fixture(scope="session")
def tiny_model(tiny_kb):  # type: ignore[no-untyped-def]
    """The fixture pack compiled into an engine model."""
    from symptomatic.engine import Model

    return Model.compile(tiny_kb)


@pytest.fixture(scope="session")
def child_model():  # type: ignore[no-untyped-def]
    """The children's fixture pack (with core) compiled into an engine model."""
    from symptomatic.engine import Model
    from symptomatic.kb import load_knowledge_base

    return Model.compile(load_knowledge_base(CHILD_PACK))


@pytest.fixture
def child_client(tmp_path: Path) -> Iterator[TestClient]:
    """A TestClient of the real app serving the children's fixture pack."""
    from symptomatic.app import create_app
    from symptomatic.settings import Settings

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path}/c.sqlite3", packs=[CHILD_PACK]))
    with TestClient(app) as c:
        yield c
    app.state.context.db.dispose()


@pytest.fixture
def tiny_settings(tmp_path: Path) -> object:
    """Settings serving the tiny fixture pack on a fresh SQLite file."""
    from symptomatic.settings import Settings

    return Settings(database_url=f"sqlite:///{tmp_path}/test.sqlite3", packs=[TINY_PACK])


@pytest.fixture
def client(tiny_settings: object) -> Iterator[TestClient]:
    """A TestClient of the app built on :func:`tiny_settings` (the real app, no mocks)."""
    from symptomatic.app import create_app

    app = create_app(tiny_settings)  # type: ignore[arg-type]
    with TestClient(app) as c:
        yield c
    app.state.context.db.dispose()


@pytest.fixture
def fresh_postgres_url(postgres_url: str) -> Iterator[str]:
    """URL of a new, empty database on the session's PostgreSQL server (dropped afterwards),
    so tests that create tables never see each other's rows."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = postgres_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
