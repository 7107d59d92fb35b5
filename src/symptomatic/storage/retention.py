"""Retention: what the home page promises is what the database holds.

Two limits from the settings: completed checks are kept ``retention_days`` days (they carry
their date only, so a record dated D goes once D is ``retention_days`` days ago) and
interview steps ``interview_retention_hours`` hours. Three ways enforce them:

1. :func:`symptomatic.storage.load_step` refuses and deletes an expired step when it is
   opened, so an old link never shows old answers;
2. :class:`Sweeper` runs :func:`purge` from the running server, at most once per interval,
   so rows nobody opens again do not outlive the promise;
3. :func:`purge` at start-up and from ``symptomatic purge``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.storage.base import utcnow
from symptomatic.storage.tables import CheckStep, CompletedCheck


@dataclass(frozen=True)
class PurgeReport:
    """How many rows a purge deleted, per table."""

    completed_checks: int
    check_steps: int


def purge(
    sessions: sessionmaker[Session], older_than_days: float, steps_older_than_hours: float = 24
) -> PurgeReport:
    """Delete completed checks dated ``older_than_days`` days ago or earlier, and interview
    steps older than ``steps_older_than_hours``; returns the counts deleted.

    ``older_than_days=0`` deletes every completed check, today's included.
    """
    if older_than_days < 0 or steps_older_than_hours < 0:
        raise ValueError("ages must not be negative")
    now = utcnow()
    last_day_to_delete = (now - timedelta(days=older_than_days)).date()
    with sessions.begin() as session:
        checks = session.execute(
            delete(CompletedCheck).where(CompletedCheck.created_on <= last_day_to_delete)
        )
        steps = session.execute(
            delete(CheckStep).where(
                CheckStep.created_at < now - timedelta(hours=steps_older_than_hours)
            )
        )
        return PurgeReport(int(checks.rowcount or 0), int(steps.rowcount or 0))  # type: ignore[attr-defined]


class Sweeper:
    """Runs :func:`purge` with the retention settings at most once per ``interval_seconds``.

    Call :meth:`maybe_run` whenever something is written; it costs a clock read when the
    last sweep is recent. Per process (each server worker sweeps on its own).
    """

    def __init__(
        self,
        sessions: sessionmaker[Session],
        retention_days: float,
        step_retention_hours: float,
        interval_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sessions = sessions
        self.retention_days = retention_days
        self.step_retention_hours = step_retention_hours
        self.interval_seconds = interval_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._last: float | None = None

    def maybe_run(self) -> PurgeReport | None:
        """Purge when the interval has passed since the last sweep; returns its report, or
        None when it was not yet time (or another thread is sweeping)."""
        now = self._clock()
        if self._last is not None and now - self._last < self.interval_seconds:
            return None
        if not self._lock.acquire(blocking=False):
            return None
        try:
            self._last = now
            return purge(self.sessions, self.retention_days, self.step_retention_hours)
        finally:
            self._lock.release()
