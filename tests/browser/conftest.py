"""A live server (uvicorn in a thread, real app, built-in back-pelvic pack) and Chromium."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CHILD_PACK

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the app served on 127.0.0.1 (a free port) for the whole session."""
    yield from _serve(tmp_path_factory.mktemp("browser") / "db.sqlite3", ["back-pelvic"])


@pytest.fixture(scope="session")
def child_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the app serving the children's fixture pack (made-up numbers)."""
    yield from _serve(tmp_path_factory.mktemp("browser-child") / "db.sqlite3", [CHILD_PACK])


def _serve(db: Path, packs: list[str]) -> Iterator[str]:
    """Serve the real app with ``packs`` on a free port of 127.0.0.1 until closed."""
    import uvicorn

    from symptomatic.app import create_app
    from symptomatic.settings import Settings

    app = create_app(Settings(database_url=f"sqlite:///{db}", packs=packs))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.context.db.dispose()


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh page; any request that leaves 127.0.0.1 fails the test."""
    yield from _page(browser, live_server)


@pytest.fixture
def child_page(browser: Any, child_server: str) -> Iterator[Any]:
    """A fresh page on the children's server; requests leaving 127.0.0.1 fail the test."""
    yield from _page(browser, child_server)


def _page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server, viewport={"width": 1024, "height": 800})
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(live_server) or url.startswith(("data:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    yield pg
    context.close()
    assert outside == [], f"third-party requests: {outside}"
