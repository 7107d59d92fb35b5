"""``symptomatic serve --workers N`` for real: a subprocess on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from symptomatic.cli.serve import _listening_socket


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_listening_socket_sets_nodelay_for_workers() -> None:
    sock = _listening_socket("127.0.0.1", _free_port())
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert sock.get_inheritable()
        with socket.create_connection(sock.getsockname(), timeout=5) as client:
            accepted, _ = sock.accept()
            with accepted:
                # accepted connections inherit it: no delayed-ACK stall per response
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
            assert client
    finally:
        sock.close()


def test_serve_with_two_workers_answers(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "SYMPTOMATIC_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "symptomatic", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/v1/diagnosis"
        body = {
            "sex": "female",
            "age": {"value": 48},
            "evidence": [{"id": "low_back_pain", "choice_id": "present"}],
        }
        deadline = time.monotonic() + 90
        while True:
            try:
                first = httpx.post(url, json=body, timeout=5)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.5)
        assert first.status_code == 200
        with httpx.Client(timeout=5) as client:
            for _ in range(10):
                r = client.post(url, json=body)
                assert r.status_code == 200 and r.json()["question"] is not None
    finally:
        proc.terminate()
        proc.wait(timeout=30)
