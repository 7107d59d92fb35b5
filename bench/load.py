"""Bounded load test of the REST API on loopback: N concurrent simulated interviews.

Each simulated person starts with a presenting complaint, calls ``POST /api/v1/diagnosis``
and answers each question (randomly, seeded) until ``should_stop`` or the question budget,
then calls ``POST /api/v1/triage``. Prints requests/s, p50/p95/p99 latency and errors.

By default it starts ``symptomatic serve --workers 2`` itself on a free loopback port with a
throwaway SQLite database, and stops it at the end::

    .venv/bin/python bench/load.py --concurrency 32 --duration 20
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000   # an already running server

Only 127.0.0.1 / localhost / ::1 URLs are accepted: this is not a tool to load other hosts.
A server given with ``--url`` needs ``SYMPTOMATIC_API_RATE_LIMIT=0``: all the load comes from
one client address, which the per-client rate limit would otherwise answer with 429.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx

COMPLAINTS = ["low_back_pain", "pelvic_pain", "flank_pain", "leg_pain"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) of ``values`` by nearest rank; 0.0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


class Connection:
    """A minimal keep-alive HTTP/1.1 client for one connection (JSON in, JSON out).

    httpx costs about a millisecond of CPU per request; on a 2-core machine that is CPU taken
    from the server under test, so the load loop speaks HTTP directly.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: object | None = None) -> tuple[int, Any]:
        """(status, parsed JSON body) of one request; reconnects when the server closed."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        payload = b"" if body is None else json.dumps(body).encode()
        head = (
            f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        self.writer.write(head.encode() + payload)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            self.writer = None
            raise ConnectionError("server closed the connection")
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value.strip())
        data = await self.reader.readexactly(length) if length else b""
        return status, json.loads(data) if data else None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class Stats:
    """Latencies (seconds) per endpoint, and error descriptions."""

    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = {"diagnosis": [], "triage": []}
        self.errors: list[str] = []
        self.interviews = 0


async def interview(
    conn: Connection, rng: random.Random, stats: Stats, complaints: list[str], deadline: float
) -> None:
    """One simulated interview through the API."""
    evidence: list[dict[str, str]] = [
        {"id": rng.choice(complaints), "choice_id": "present", "source": "initial"}
    ]
    body = {
        "sex": rng.choice(["female", "male"]),
        "age": {"value": rng.randint(18, 85)},
        "evidence": evidence,
    }
    for _ in range(25):
        if time.perf_counter() > deadline:
            return
        t0 = time.perf_counter()
        status, data = await conn.request("POST", "/api/v1/diagnosis", body)
        stats.latency["diagnosis"].append(time.perf_counter() - t0)
        if status != 200:
            stats.errors.append(f"diagnosis {status}: {str(data)[:200]}")
            return
        if data["should_stop"]:
            break
        item = data["question"]["items"][0]
        choices = [c["id"] for c in item["choices"]]
        weights = [3 if c == "absent" else 1 for c in choices]
        evidence.append(
            {"id": item["id"], "choice_id": rng.choices(choices, weights)[0], "source": "interview"}
        )
    t0 = time.perf_counter()
    status, data = await conn.request("POST", "/api/v1/triage", body)
    stats.latency["triage"].append(time.perf_counter() - t0)
    if status != 200:
        stats.errors.append(f"triage {status}: {str(data)[:200]}")
    stats.interviews += 1


async def worker(
    n: int, host: str, port: int, stats: Stats, complaints: list[str], deadline: float, seed: int
) -> None:
    rng = random.Random(seed * 1000 + n)
    conn = Connection(host, port)
    while time.perf_counter() < deadline:
        try:
            await interview(conn, rng, stats, complaints, deadline)
        except (OSError, ConnectionError, ValueError, asyncio.IncompleteReadError) as exc:
            stats.errors.append(f"{type(exc).__name__}: {exc}")
            conn = Connection(host, port)
    await conn.close()


async def run(url: str, concurrency: int, duration: float, seed: int) -> Stats:
    """Drive ``concurrency`` interviews in parallel for ``duration`` seconds."""
    parsed = urlparse(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    conn = Connection(host, port)
    _, packs = await conn.request("GET", "/api/v1/packs")
    _, findings = await conn.request("GET", f"/api/v1/packs/{packs[0]['id']}/findings?limit=200")
    known = {f["id"] for f in findings}
    complaints = [c for c in COMPLAINTS if c in known] or [findings[0]["id"]]
    # warm-up: one interview, not counted
    await interview(conn, random.Random(0), Stats(), complaints, time.perf_counter() + 30)
    await conn.close()
    stats = Stats()
    deadline = time.perf_counter() + duration
    await asyncio.gather(
        *(worker(i, host, port, stats, complaints, deadline, seed) for i in range(concurrency))
    )
    return stats


def group_cpu_seconds(pgid: int) -> float:
    """CPU time (user + system, seconds) of every live process in process group ``pgid``
    (Linux /proc). Measures the server's own cost, whatever else shares the machine."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after "comm": state ppid pgrp ...
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workers: int, pack: str | None) -> tuple[subprocess.Popen[bytes], str, Path]:
    """Start ``symptomatic serve`` on a free loopback port; returns (process, url, tmp dir)."""
    tmp = Path(tempfile.mkdtemp(prefix="symptomatic-bench-"))
    port = free_port()
    # One loopback client is the whole load: the per-client API rate limit is off here.
    env = dict(
        os.environ,
        SYMPTOMATIC_DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
        SYMPTOMATIC_API_RATE_LIMIT="0",
    )
    exe = Path(sys.executable).with_name("symptomatic")
    cmd = [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    if pack:
        cmd += ["--pack", pack]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/api/v1/packs", timeout=1).status_code == 200:
                return proc, url, tmp
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit("symptomatic serve exited during start-up")
        time.sleep(0.1)
    proc.terminate()
    raise SystemExit("symptomatic serve did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--url", help="an already running server (loopback only)")
    ap.add_argument("--workers", type=int, default=2, help="server workers when started here")
    ap.add_argument("--pack", help="pack to serve when started here (default: settings)")
    ap.add_argument("--concurrency", type=int, default=32, help="simultaneous interviews (<=256)")
    ap.add_argument("--duration", type=float, default=15.0, help="seconds of load (<=300)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not 1 <= args.concurrency <= 256 or not 0 < args.duration <= 300:
        raise SystemExit("bounded load only: concurrency 1..256, duration up to 300 s")
    proc = tmp = None
    if args.url:
        host = urlparse(args.url).hostname or ""
        if host not in LOOPBACK:
            raise SystemExit(f"refusing {host!r}: load tests run against loopback only")
        url = args.url.rstrip("/")
    else:
        proc, url, tmp = start_server(args.workers, args.pack)
    cpu_before = group_cpu_seconds(proc.pid) if proc is not None else 0.0
    load_before = os.getloadavg()[0]
    try:
        t0 = time.perf_counter()
        stats = asyncio.run(run(url, args.concurrency, args.duration, args.seed))
        elapsed = time.perf_counter() - t0
        cpu_used = group_cpu_seconds(proc.pid) - cpu_before if proc is not None else 0.0
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    diag, tri = stats.latency["diagnosis"], stats.latency["triage"]
    total = len(diag) + len(tri)
    span = min(elapsed, args.duration) or 1.0
    print(
        f"server: {url} ({'started here, ' + str(args.workers) + ' workers' if proc else 'given'});"
        f" cpus: {os.cpu_count()}; concurrency {args.concurrency}; {args.duration:g} s"
    )
    print(f"interviews completed: {stats.interviews}")
    print(
        f"requests: {total} ({total / span:.0f} req/s); diagnosis: {len(diag)}"
        f" ({len(diag) / span:.0f} req/s); triage: {len(tri)}"
    )
    for name, values in (("diagnosis", diag), ("triage", tri)):
        if values:
            ms = [v * 1000 for v in values]
            print(
                f"{name:9s} latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}"
                f"  p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}"
                f"  mean {statistics.fmean(ms):.1f}"
            )
    if proc is not None and total:
        per = cpu_used / total * 1000
        cores = os.cpu_count() or 1
        print(
            f"server CPU per request: {per:.2f} ms (incl. warm-up) -> capacity on {cores} cores"
            f" with nothing else running: about {cores * 1000 / per:.0f} req/s"
        )
    print(
        f"load average before the run: {load_before:.2f} (other work on the machine"
        " lowers the req/s above)"
    )
    print(f"errors: {len(stats.errors)}")
    for e in stats.errors[:5]:
        print(f"  {e}")


if __name__ == "__main__":
    main()
