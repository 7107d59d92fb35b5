"""Per-client rate limit of the API: a token bucket per client address, in memory only.

Each client may make ``burst`` requests at once, then one more each ``60 / per_minute``
seconds. Past that the API answers ``429`` (``application/problem+json``) with
``Retry-After`` in whole seconds.

The client is the address in the ASGI scope: the connecting address, or, behind a reverse
proxy listed in ``Settings.trusted_proxies``, the address the proxy forwarded (uvicorn's
proxy-headers handling rewrites the scope before the app sees it). Addresses are kept only
as keyed hashes under a random per-process key, in memory; nothing reaches the disk, and a
bucket that has filled up again is forgotten.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import threading
import time
from collections.abc import Callable

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from symptomatic.api.problems import problem_response


class TokenBuckets:
    """One token bucket per client key: ``burst`` tokens, refilled at ``per_minute`` a minute."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        forget_every_seconds: float = 60.0,
    ) -> None:
        if per_minute <= 0 or burst < 1:
            raise ValueError("per_minute must be > 0 and burst >= 1")
        self.rate = per_minute / 60.0  # tokens per second
        self.burst = float(burst)
        self._clock = clock
        self._key = secrets.token_bytes(16)
        self._lock = threading.Lock()
        self._buckets: dict[bytes, tuple[float, float]] = {}  # key -> (tokens, updated at)
        self._forget_every = forget_every_seconds
        self._last_forget = clock()

    def _digest(self, client: str) -> bytes:
        return hashlib.blake2b(client.encode("utf-8"), key=self._key, digest_size=16).digest()

    def take(self, client: str) -> float:
        """Takes a token for ``client``: 0.0 when allowed, else the seconds until one is free."""
        now = self._clock()
        digest = self._digest(client)
        with self._lock:
            if now - self._last_forget >= self._forget_every:
                self._forget_full(now)
            tokens, updated = self._buckets.get(digest, (self.burst, now))
            tokens = min(self.burst, tokens + (now - updated) * self.rate)
            if tokens >= 1.0:
                self._buckets[digest] = (tokens - 1.0, now)
                return 0.0
            self._buckets[digest] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have refilled completely (they equal a new one)."""
        full_after = self.burst / self.rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full_after}
        self._last_forget = now

    def tracked(self) -> int:
        """How many clients have a bucket at the moment."""
        with self._lock:
            return len(self._buckets)


class ApiRateLimit:
    """ASGI middleware applying :class:`TokenBuckets` to requests under ``prefix``."""

    def __init__(self, app: ASGIApp, buckets: TokenBuckets, prefix: str = "/api/") -> None:
        self.app, self.buckets, self.prefix = app, buckets, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "")
        if wait <= 0.0:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        response = problem_response(
            Request(scope),
            429,
            "rate-limited",
            "Too many requests",
            f"This client sent more requests than the API allows"
            f" ({self.buckets.rate * 60:g} a minute); try again in {seconds} s.",
            headers={"Retry-After": str(seconds)},
        )
        await response(scope, receive, send)
