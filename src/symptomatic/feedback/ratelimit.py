"""Per-client rate limit in fixed windows that never stores the client key itself.

The client key (the feedback cookie's random id with the article, or for the admin form the
address) is hashed with HMAC-SHA-256 under a random salt that is replaced at the start of
every window, and only the hash and a count are kept, in memory. When the window rolls over,
the salt and all counts are dropped, so nothing links a client across windows and nothing
reaches the disk.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Allows ``limit`` events per client in each fixed window of ``window_seconds``."""

    def __init__(
        self,
        limit: int,
        window_seconds: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window_seconds <= 0:
            raise ValueError("limit must be >= 1 and window_seconds > 0")
        self.limit = limit
        self.window_seconds = window_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._window_start = clock()
        self._salt = secrets.token_bytes(32)
        self._counts: dict[bytes, int] = {}

    def _roll(self, now: float) -> None:
        if now - self._window_start >= self.window_seconds:
            self._window_start = now
            self._salt = secrets.token_bytes(32)
            self._counts = {}

    def key(self, client: str) -> bytes:
        """Returns the keyed hash under which ``client`` is counted in the current window."""
        return hmac.new(self._salt, client.encode("utf-8"), hashlib.sha256).digest()

    def allow(self, client: str) -> bool:
        """Counts one event for ``client``; returns False once it is over the limit."""
        with self._lock:
            self._roll(self._clock())
            digest = self.key(client)
            count = self._counts.get(digest, 0)
            if count >= self.limit:
                return False
            self._counts[digest] = count + 1
            return True

    def exceeded(self, client: str) -> bool:
        """True when ``client`` has used up the current window (counts nothing)."""
        with self._lock:
            self._roll(self._clock())
            return self._counts.get(self.key(client), 0) >= self.limit

    def seconds_left(self) -> float:
        """Seconds until the current window ends and every count starts again."""
        with self._lock:
            now = self._clock()
            self._roll(now)
            return max(0.0, self._window_start + self.window_seconds - now)

    def tracked(self) -> int:
        """Returns how many distinct clients are counted in the current window."""
        with self._lock:
            self._roll(self._clock())
            return len(self._counts)
