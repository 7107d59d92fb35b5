"""``symptomatic serve --workers 2``: workers forked from the loaded parent, replaced when one
dies, all stopped cleanly by SIGINT; a broken pack stops it before any worker starts."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from tests.conftest import TINY_PACK

EXE = str(Path(sys.executable).with_name("symptomatic"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return {int(p) for p in out.stdout.split()}


def _wait(predicate, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/v1/packs", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_forked_workers_serve_are_replaced_and_stop_cleanly(tmp_path):
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SYMPTOMATIC_DATABASE_URL=f"sqlite:///{tmp_path}/serve.sqlite3")
    cmd = [EXE, "serve", "--port", str(port), "--workers", "2", "--pack", TINY_PACK]
    log = (tmp_path / "serve.log").open("w")  # a file: a pipe nobody reads could fill up
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: _answers(url))
        workers = _children(proc.pid)
        assert len(workers) == 2
        # both workers parse at once: the parser was built before they were forked
        body = {"text": "my lower back hurts", "sex": "male", "age": {"value": 40}}
        for _ in range(4):
            with httpx.Client(timeout=10) as client:  # new connections reach both workers
                mentions = client.post(f"{url}/api/v1/parse", json=body).json()["mentions"]
                assert [m["id"] for m in mentions] == ["low_back_pain"]
        # a worker that dies while serving is replaced
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)
        _wait(lambda: len(_children(proc.pid)) == 2 and victim not in _children(proc.pid))
        _wait(lambda: _answers(url))
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        assert not _answers(url)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()


def test_a_broken_pack_stops_serve_before_the_workers(tmp_path):
    pack = tmp_path / "broken"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: broken\nname: Broken\nversion: 1.0.0\n")
    (pack / "conditions.yaml").write_text("conditions: [{id: x}]\n")
    env = dict(os.environ, SYMPTOMATIC_DATABASE_URL=f"sqlite:///{tmp_path}/serve.sqlite3")
    cmd = [EXE, "serve", "--port", str(_free_port()), "--workers", "2", "--pack", str(pack)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2  # bad input (cli.inputs.fail)
    assert "cannot serve" in done.stderr and "conditions.yaml" in done.stderr
