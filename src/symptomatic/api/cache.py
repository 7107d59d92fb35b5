"""A small thread-safe LRU cache of next questions, keyed by the canonical interview state.

Choosing the next question is the expensive step of a check and a pure function of (pack,
sex, age, focus, evidence, which findings were asked). Many people start the same way, and
the pages compute the question of a step twice (show it, then check the answer), so a
bounded cache saves most of that work. Values are immutable; nothing personal is kept beyond
what the key is (answers without identity), and only in memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from symptomatic.interview import InterviewState

V = TypeVar("V")


class LRUCache(Generic[V]):
    """Least-recently-used cache of at most ``maxsize`` entries (0 disables it)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The cached value of ``key``, computing and storing it on a miss."""
        if self.maxsize <= 0:
            return compute()
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
        value = compute()  # outside the lock: two threads may compute the same value once
        with self._lock:
            self.misses += 1
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._data)


def state_key(pack_id: str, state: InterviewState) -> Hashable:
    """Canonical key of a state: answer order does not change the next question (its
    wording depends on who the check is for)."""
    asked = frozenset(state.asked)
    return (
        pack_id,
        state.sex,
        state.age,
        state.focus,
        tuple(sorted(state.evidence.items())),
        asked,
        state.questions_asked,
        state.after_emergency,
        state.for_whom,
    )
