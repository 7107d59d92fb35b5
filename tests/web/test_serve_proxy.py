"""``symptomatic serve`` behind a reverse proxy, for real (a subprocess on loopback): the
forwarded client address is believed only from the trusted proxies, and the API's rate
limit follows it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from tests.conftest import TINY_PACK


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(tmp_path: Path, **env: str) -> Iterator[str]:
    port = _free_port()
    full = {
        **os.environ,
        "SYMPTOMATIC_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "SYMPTOMATIC_PACKS": f'["{TINY_PACK}"]',
        "SYMPTOMATIC_API_RATE_LIMIT": "1",
        "SYMPTOMATIC_API_RATE_BURST": "2",
        **env,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "symptomatic", "serve", "--port", str(port)],
        env=full,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                httpx.get(f"{url}/", timeout=5)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _codes(url: str, forwarded_for: str, n: int) -> list[int]:
    headers = {"X-Forwarded-For": forwarded_for}
    return [httpx.get(f"{url}/api/v1/packs", headers=headers).status_code for _ in range(n)]


def test_forwarded_address_believed_only_from_a_trusted_proxy(tmp_path: Path) -> None:
    (tmp_path / "trusted").mkdir()
    with serving(tmp_path / "trusted", SYMPTOMATIC_TRUSTED_PROXIES="127.0.0.1") as url:
        # Behind the proxy (127.0.0.1), each forwarded client has its own bucket.
        assert _codes(url, "203.0.113.1", 3) == [200, 200, 429]
        assert _codes(url, "203.0.113.2", 2) == [200, 200]
    (tmp_path / "direct").mkdir()
    with serving(tmp_path / "direct") as url:
        # No trusted proxy: the header is ignored, so "different" clients share one bucket.
        assert _codes(url, "203.0.113.1", 2) == [200, 200]
        assert _codes(url, "203.0.113.2", 1) == [429]
