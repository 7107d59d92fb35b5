"""Bounded load test on loopback: N concurrent simulated people, two flows.

``api`` (the diagnosis mix)
    Each person starts with a presenting complaint, calls ``POST /api/v1/diagnosis`` and
    answers each question (randomly, seeded) until ``should_stop`` or the question budget, then
    calls ``POST /api/v1/triage``.
``pages`` (the page flow)
    Each person fills in the start form (``POST /check``), then answers one question per page
    (``GET`` the step, ``POST`` the answer, follow the redirect) until the result page. Every
    answer writes a step to the database and the result records the check, so this flow
    measures the database too.

Prints requests/s, p50/p95/p99 latency and errors per flow. By default it starts
``symptomatic serve --workers 2`` itself on a free loopback port, on a throwaway SQLite
database and on a throwaway PostgreSQL server (Debian's binaries, as the tests use; see
``tests/pgserver.py``), and stops them at the end::

    .venv/bin/python bench/load.py --concurrency 32 --duration 20
    .venv/bin/python bench/load.py --database postgres --flow pages
    .venv/bin/python bench/load.py --replicate 10 --database sqlite --flow api
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000   # an already running server
    .venv/bin/python bench/load.py --rate 500 --flow api   # p99 at the goal's 500 req/s

Without ``--rate`` the load is a closed loop: each simulated person sends the next request as
soon as the last is answered, so the figures show the most the server does, with latency
that includes queueing behind the other 31 people. ``--rate R`` offers R requests/s in all on a
fixed schedule and counts each latency from the request's slot, so a server that falls
behind shows it in p99 (no coordinated omission): this is the check of the goal
">= 500 diagnosis req/s with p99 < 50 ms".

``--replicate N`` serves the built-in packs copied N times under new ids (see
``bench/replicate.py``; x10 is 680 conditions, 1,220 findings, 700 rules with the packs of
December 2026; ``--replicate 13 --condition-copies 6`` is 408 x 1,586), written to a
temporary pack folder: the size packs are heading for, with the real rule shapes.

Only 127.0.0.1 / localhost / ::1 URLs are accepted: this is not a tool to load other hosts.
A server given with ``--url`` needs ``SYMPTOMATIC_API_RATE_LIMIT=0``: all the load comes from
one client address, which the per-client rate limit would otherwise answer with 429.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import random
import re
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
from urllib.parse import urlencode, urlparse

import httpx
from replicate import replicated_pack, write_pack

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
        """(status, parsed JSON body) of one JSON request."""
        payload = b"" if body is None else json.dumps(body).encode()
        status, _, data = await self.send(method, path, payload, "application/json")
        return status, json.loads(data) if data else None

    async def send(
        self, method: str, path: str, payload: bytes = b"", content_type: str = ""
    ) -> tuple[int, dict[str, str], bytes]:
        """(status, headers with lower-case names, body) of one request; reconnects when the
        server closed the connection."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        head += f"Content-Length: {len(payload)}\r\n\r\n"
        self.writer.write(head.encode() + payload)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            self.writer = None
            raise ConnectionError("server closed the connection")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        data = await self.reader.readexactly(length) if length else b""
        return status, headers, data

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class Pacer:
    """When a rate is set, each request of one worker waits for its slot on a fixed schedule
    (``interval`` seconds apart) and its latency counts from that slot, not from when it was
    sent: a slow server cannot hide its queue by delaying the next request (no coordinated
    omission). Without a rate, requests go back to back (a closed loop)."""

    def __init__(self, interval: float | None, offset: float) -> None:
        self.interval = interval
        self.next = time.perf_counter() + offset

    async def slot(self) -> float:
        """Wait for the next slot; the time the request should have started."""
        if self.interval is None:
            return time.perf_counter()
        due = self.next
        self.next += self.interval
        wait = due - time.perf_counter()
        if wait > 0:
            await asyncio.sleep(wait)
        return due


class Stats:
    """Latencies (seconds) per kind of request, and error descriptions."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.latency: dict[str, list[float]] = {k: [] for k in kinds}
        self.errors: list[str] = []
        self.interviews = 0


API_KINDS = ("diagnosis", "triage")
PAGE_KINDS = ("start", "question", "answer", "result")
FINDING = re.compile(r'name="finding" value="([a-z0-9_]+)"')
OPTION = re.compile(r'name="answer" value="([a-z0-9_]+)"')
ITEM = re.compile(r'name="item" value="([a-z0-9_]+)"')


async def page_interview(
    conn: Connection,
    rng: random.Random,
    stats: Stats,
    complaints: list[str],
    deadline: float,
    pacer: Pacer,
) -> None:
    """One simulated check through the pages: start form, one question per page, result."""
    form = {"age": str(rng.randint(18, 85)), "sex": rng.choice(["female", "male"]), "text": ""}
    t0 = await pacer.slot()
    status, headers, _ = await conn.send(
        "POST", "/check", urlencode(form).encode(), "application/x-www-form-urlencoded"
    )
    stats.latency["start"].append(time.perf_counter() - t0)
    if status != 303:
        stats.errors.append(f"start {status}")
        return
    path = urlparse(headers["location"]).path
    complaint_given = False  # the first group question asks which complaint: one is ticked
    for _ in range(60):
        if time.perf_counter() > deadline:
            return
        t0 = await pacer.slot()
        status, _, body = await conn.send("GET", path)
        page = body.decode()
        done = "Your result" in page
        stats.latency["result" if done else "question"].append(time.perf_counter() - t0)
        if status != 200:
            stats.errors.append(f"step {status}: {page[:200]}")
            return
        if done:
            stats.interviews += 1
            return
        finding, options = FINDING.search(page), OPTION.findall(page)
        if finding is None or not (options or 'name="item"' in page):
            stats.errors.append(f"no question on {path}")
            return
        answer: list[tuple[str, str]] = [("finding", finding.group(1))]
        items = ITEM.findall(page)
        if items:  # a group question: the complaint asked first, then "any of these?" screens
            first = not complaint_given
            complaint_given = True
            ticked = [rng.choice(items)] if first or rng.random() < 0.05 else []
            answer += [("answer", "group"), *(("item", i) for i in ticked)]
            if not ticked:
                answer.append(("none", "1"))
        else:
            weights = [3 if o == "absent" else 1 for o in options]
            answer.append(("answer", rng.choices(options, weights)[0]))
        t0 = await pacer.slot()
        status, headers, body = await conn.send(
            "POST", path, urlencode(answer).encode(), "application/x-www-form-urlencoded"
        )
        stats.latency["answer"].append(time.perf_counter() - t0)
        if status != 303:
            stats.errors.append(f"answer {status}: {body[:200]!r}")
            return
        path = urlparse(headers["location"]).path
    stats.errors.append("no result after 60 pages")


async def interview(
    conn: Connection,
    rng: random.Random,
    stats: Stats,
    complaints: list[str],
    deadline: float,
    pacer: Pacer,
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
        t0 = await pacer.slot()
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
    t0 = await pacer.slot()
    status, data = await conn.request("POST", "/api/v1/triage", body)
    stats.latency["triage"].append(time.perf_counter() - t0)
    if status != 200:
        stats.errors.append(f"triage {status}: {str(data)[:200]}")
    stats.interviews += 1


async def worker(
    flow: str,
    n: int,
    host: str,
    port: int,
    stats: Stats,
    complaints: list[str],
    deadline: float,
    seed: int,
    pacer: Pacer,
) -> None:
    rng = random.Random(seed * 1000 + n)
    conn = Connection(host, port)
    one = interview if flow == "api" else page_interview
    while time.perf_counter() < deadline:
        try:
            await one(conn, rng, stats, complaints, deadline, pacer)
        except (OSError, ConnectionError, ValueError, asyncio.IncompleteReadError) as exc:
            stats.errors.append(f"{type(exc).__name__}: {exc}")
            conn = Connection(host, port)
    await conn.close()


async def run(
    flow: str, url: str, concurrency: int, duration: float, seed: int, rate: float | None = None
) -> Stats:
    """Drive ``concurrency`` interviews of ``flow`` (``api`` or ``pages``) in parallel for
    ``duration`` seconds; with ``rate``, offer that many requests per second in all."""
    parsed = urlparse(url)
    host, port = parsed.hostname or "127.0.0.1", parsed.port or 80
    conn = Connection(host, port)
    _, packs = await conn.request("GET", "/api/v1/packs")
    _, findings = await conn.request("GET", f"/api/v1/packs/{packs[0]['id']}/findings?limit=200")
    known = {f["id"] for f in findings}
    complaints = [c for c in COMPLAINTS if c in known] or [findings[0]["id"]]
    kinds = API_KINDS if flow == "api" else PAGE_KINDS
    one = interview if flow == "api" else page_interview
    # warm-up: one interview, not counted
    warm = Pacer(None, 0.0)
    await one(conn, random.Random(0), Stats(kinds), complaints, time.perf_counter() + 30, warm)
    await conn.close()
    stats = Stats(kinds)
    interval = concurrency / rate if rate else None
    deadline = time.perf_counter() + duration
    await asyncio.gather(
        *(
            # the workers' slots are spread evenly over one interval: a smooth offered load
            worker(
                flow,
                i,
                host,
                port,
                stats,
                complaints,
                deadline,
                seed,
                Pacer(interval, (interval or 0.0) * i / concurrency),
            )
            for i in range(concurrency)
        )
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


def start_server(
    workers: int, pack: str | None, database_url: str
) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``symptomatic serve`` on a free loopback port; returns (process, url)."""
    port = free_port()
    # One loopback client is the whole load: the per-client API rate limit is off here.
    env = dict(os.environ, SYMPTOMATIC_DATABASE_URL=database_url, SYMPTOMATIC_API_RATE_LIMIT="0")
    exe = Path(sys.executable).with_name("symptomatic")
    cmd = [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    if pack:
        cmd += ["--pack", pack]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(f"{url}/api/v1/packs", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit("symptomatic serve exited during start-up")
        time.sleep(0.1)
    stop_server(proc)
    raise SystemExit("symptomatic serve did not start within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def throwaway_postgres() -> tuple[Any, str]:
    """A throwaway PostgreSQL server on loopback (as the tests start one); returns (server,
    database URL). Needs Debian's ``postgresql`` package."""
    # by file: an installed dependency ships a top-level ``tests`` package that would shadow ours
    path = Path(__file__).resolve().parents[1] / "tests" / "pgserver.py"
    spec = importlib.util.spec_from_file_location("symptomatic_bench_pgserver", path)
    assert spec is not None and spec.loader is not None
    pgserver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pgserver)
    bindir = pgserver.postgres_bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL is not installed (Debian package postgresql)")
    server = pgserver.PostgresServer(bindir)
    server.start()
    return server, server.createdb("bench")


def report(
    flow: str, stats: Stats, span: float, cpu_used: float | None, database: str, args: Any
) -> None:
    """Print the figures of one flow on one database."""
    counts = {k: len(v) for k, v in stats.latency.items()}
    total = sum(counts.values())
    offered = f", offered {args.rate:g} req/s" if args.rate else " (closed loop)"
    print(
        f"-- {flow} flow on {database}: concurrency {args.concurrency}{offered},"
        f" {args.duration:g} s"
    )
    print(f"interviews completed: {stats.interviews}")
    print(
        f"requests: {total} ({total / span:.0f} req/s); "
        + "; ".join(f"{k}: {n} ({n / span:.0f} req/s)" for k, n in counts.items())
    )
    rows = list(stats.latency.items())
    if flow == "pages":
        rows.append(("all", [v for values in stats.latency.values() for v in values]))
    for name, values in rows:
        if values:
            ms = [v * 1000 for v in values]
            print(
                f"{name:9s} latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}"
                f"  p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}"
                f"  mean {statistics.fmean(ms):.1f}"
            )
    if cpu_used is not None and total:
        per = cpu_used / total * 1000
        cores = os.cpu_count() or 1
        print(
            f"server CPU per request: {per:.2f} ms (incl. warm-up) -> capacity on {cores} cores"
            f" with nothing else running: about {cores * 1000 / per:.0f} req/s"
        )
    print(f"errors: {len(stats.errors)}")
    for e in stats.errors[:5]:
        print(f"  {e}")


def measure(
    flow: str, url: str, proc: subprocess.Popen[bytes] | None, database: str, args: Any
) -> None:
    """Run one flow against ``url`` and print its figures."""
    cpu_before = group_cpu_seconds(proc.pid) if proc is not None else 0.0
    t0 = time.perf_counter()
    stats = asyncio.run(run(flow, url, args.concurrency, args.duration, args.seed, args.rate))
    elapsed = time.perf_counter() - t0
    cpu_used = group_cpu_seconds(proc.pid) - cpu_before if proc is not None else None
    report(flow, stats, min(elapsed, args.duration) or 1.0, cpu_used, database, args)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--url", help="an already running server (loopback only)")
    ap.add_argument(
        "--database",
        choices=["sqlite", "postgres", "both"],
        default="both",
        help="database(s) of the server started here, each throwaway (default: both)",
    )
    ap.add_argument(
        "--flow",
        choices=["api", "pages", "both"],
        default="both",
        help="the diagnosis mix (api), the page flow (pages) or both (default)",
    )
    ap.add_argument("--workers", type=int, default=2, help="server workers when started here")
    ap.add_argument("--pack", help="pack to serve when started here (default: settings)")
    ap.add_argument(
        "--replicate", type=int, default=0, help="serve the built-in packs copied N times"
    )
    ap.add_argument(
        "--condition-copies",
        type=int,
        help="with --replicate: copies of the conditions (fewer than the findings' copies share"
        " conditions across copies; 13 findings' copies with 6 of the conditions are the"
        " 400 conditions x 1,500 findings of issue 11's goal)",
    )
    ap.add_argument("--concurrency", type=int, default=32, help="simultaneous interviews (<=256)")
    ap.add_argument("--duration", type=float, default=15.0, help="seconds of load per flow (<=300)")
    ap.add_argument(
        "--rate",
        type=float,
        help="offer this many requests/s in all, latency counted from each request's slot"
        " (default: closed loop, as fast as answers come)",
    )
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not 1 <= args.concurrency <= 256 or not 0 < args.duration <= 300:
        raise SystemExit("bounded load only: concurrency 1..256, duration up to 300 s")
    if args.rate is not None and not 0 < args.rate <= 5000:
        raise SystemExit("--rate must be between 0 and 5000 requests/s")
    flows = ["api", "pages"] if args.flow == "both" else [args.flow]
    print(
        f"cpus: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.2f} (other work on"
        " the machine lowers the req/s below)"
    )
    if args.url:
        host = urlparse(args.url).hostname or ""
        if host not in LOOPBACK:
            raise SystemExit(f"refusing {host!r}: load tests run against loopback only")
        for flow in flows:
            measure(flow, args.url.rstrip("/"), None, "the given server", args)
        return
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    for database in databases:
        tmp = Path(tempfile.mkdtemp(prefix="symptomatic-bench-"))
        server = None
        try:
            if database == "sqlite":
                database_url = f"sqlite:///{tmp}/bench.sqlite3"
            else:
                server, database_url = throwaway_postgres()
            pack = args.pack
            if args.replicate:
                replica = replicated_pack(args.replicate, args.condition_copies)
                pack = str(write_pack(replica, tmp / "replicated"))
            proc, url = start_server(args.workers, pack, database_url)
            served = ""
            if args.replicate:
                served = f", packs x{args.replicate}"
                if args.condition_copies:
                    served += f" (conditions x{args.condition_copies})"
            print(f"== {database}: {url}, started here with {args.workers} workers{served}")
            try:
                for flow in flows:
                    measure(flow, url, proc, database, args)
            finally:
                stop_server(proc)
        finally:
            if server is not None:
                server.destroy()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
