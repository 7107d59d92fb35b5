"""CPU cost of the app-wide middleware per request (rate limit, HEAD/OPTIONS, headers, body
limit), measured around a no-op ASGI app so that nothing else is in the figure.

    .venv/bin/python bench/middleware.py
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from starlette.routing import Router

from symptomatic.api.headers import ResponseHeaders
from symptomatic.api.limits import BodySizeLimit
from symptomatic.api.methods import HeadAndOptions
from symptomatic.api.throttle import ApiRateLimit, TokenBuckets

N = 50_000


async def noop(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


def stack(rate_limit: bool) -> Any:
    app: Any = BodySizeLimit(noop, max_bytes=65536)
    app = HeadAndOptions(app, router=Router())
    if rate_limit:
        app = ApiRateLimit(app, TokenBuckets(per_minute=10**9, burst=10**9))
    return ResponseHeaders(app)


async def run(app: Any) -> float:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/api/v1/diagnosis",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"2")],
        "client": ("203.0.113.5", 4000),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        return None

    t0 = time.perf_counter()
    for _ in range(N):
        await app(scope, receive, send)
    return (time.perf_counter() - t0) / N * 1e6


def main() -> None:
    bare = asyncio.run(run(noop))
    for label, app in (("all but rate limit", stack(False)), ("all", stack(True))):
        cost = asyncio.run(run(app)) - bare
        print(f"middleware ({label}): {cost:.1f} µs per request over a no-op app (n={N})")


if __name__ == "__main__":
    main()
