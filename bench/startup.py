"""Cold start of ``symptomatic serve --workers N``: seconds until it answers, and the first /parse.

Starts the server on a free loopback port with a throwaway SQLite database, polls
``GET /api/v1/packs`` until it answers 200 (and reads the CPU time its processes used by
then: a figure that other work on the machine does not inflate), then times the first
``POST /api/v1/parse`` on each worker (one request per connection; the kernel spreads new
connections over the workers) and stops the server. Repeats ``--runs`` times and prints
each figure::

    .venv/bin/python bench/startup.py                  # built-in packs, 2 workers
    .venv/bin/python bench/startup.py --replicate 10   # the real packs copied 10 times

Goal: <= 5 s until it answers with 2 workers.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from load import group_cpu_seconds
from replicate import replicated_pack, write_pack


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cold_start(workers: int, packs: list[str], tmp: Path) -> tuple[float, float, list[float]]:
    """(seconds until the server answers, CPU seconds its processes used by then, first
    /parse latencies in seconds)."""
    port = free_port()
    db = tmp / f"start-{port}.sqlite3"
    env = dict(os.environ, SYMPTOMATIC_DATABASE_URL=f"sqlite:///{db}")
    exe = Path(sys.executable).with_name("symptomatic")
    cmd = [str(exe), "serve", "--port", str(port), "--workers", str(workers)]
    for pack in packs:
        cmd += ["--pack", pack]
    url = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        while True:
            try:
                if httpx.get(f"{url}/api/v1/packs", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise SystemExit(f"symptomatic serve exited during start-up:\n{err[-2000:]}")
            if time.perf_counter() - t0 > 120:
                raise SystemExit("symptomatic serve did not answer within 120 s")
            time.sleep(0.02)
        ready = time.perf_counter() - t0
        cpu = group_cpu_seconds(proc.pid)
        parses: list[float] = []
        body = {"text": "my lower back hurts and I have no fever", "sex": "female"}
        for _ in range(workers):
            t1 = time.perf_counter()
            with httpx.Client(timeout=60) as client:  # a new connection each time
                client.post(f"{url}/api/v1/parse", json=body).raise_for_status()
            parses.append(time.perf_counter() - t1)
        return ready, cpu, parses
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--replicate", type=int, default=0, help="serve the real packs copied N times")
    ap.add_argument(
        "--condition-copies",
        type=int,
        help="with --replicate: copies of the conditions (13 and 6: 400 x 1,500, issue 11's goal)",
    )
    ap.add_argument("--pack", action="append", default=[], help="pack id or folder (repeat)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="symptomatic-start-"))
    try:
        packs = list(args.pack)
        if args.replicate:
            replica = replicated_pack(args.replicate, args.condition_copies)
            packs.append(str(write_pack(replica, tmp / "replicated")))
        readies: list[float] = []
        for run in range(args.runs):
            load = os.getloadavg()[0]
            ready, cpu, parses = cold_start(args.workers, packs, tmp)
            readies.append(ready)
            firsts = ", ".join(f"{p * 1000:.0f}" for p in parses)
            print(
                f"run {run + 1}: answers after {ready:.2f} s (server CPU {cpu:.2f} s); first"
                f" /parse per connection: {firsts} ms (load average {load:.2f})"
            )
        print(
            f"serve --workers {args.workers} ({', '.join(packs) or 'packs from settings'}):"
            f" median {statistics.median(readies):.2f} s until it answers"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
