"""Reading and writing the symptom-check tables: steps, completed checks and the purge.

Every function takes a ``sessionmaker`` and opens its own short transaction, so callers (page
routes, the CLI) never hold a session across a request.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.storage.base import utcnow
from symptomatic.storage.tables import CheckStep, CompletedCheck


@dataclass(frozen=True)
class Step:
    """An interview step as stored: its token, its parent's token, pack and state JSON."""

    token: str
    parent: str | None
    pack: str
    state_json: str
    free_text: str | None = None


@dataclass(frozen=True)
class CheckRecord:
    """What is kept of a completed check: nothing that names or locates the person."""

    sex: str
    age_band: str
    triage_level: str
    packs: dict[str, str]
    engine_version: str = ""
    focus: str | None = None
    red_flags: list[str] = field(default_factory=list)
    top_conditions: list[dict[str, Any]] = field(default_factory=list)
    questions_asked: int = 0
    free_text: str | None = None
    source: str = "web"
    step_token: str | None = None


def age_band(age: int) -> str:
    """Ten-year band of ``age``: ``"0-9"``, ``"40-49"``, ... ``"90+"`` from 90 on."""
    if age >= 90:
        return "90+"
    low = (age // 10) * 10
    return f"{low}-{low + 9}"


def new_token() -> str:
    """A random, unguessable URL-safe token (128 bits)."""
    return secrets.token_urlsafe(16)


def save_step(
    sessions: sessionmaker[Session],
    *,
    pack: str,
    state_json: str,
    parent: str | None = None,
    free_text: str | None = None,
) -> str:
    """Store one interview step; returns its new token."""
    token = new_token()
    with sessions.begin() as session:
        session.add(
            CheckStep(
                token=token,
                parent=parent,
                pack=pack,
                state_json=state_json,
                free_text=free_text,
                created_at=utcnow(),
            )
        )
    return token


def load_step(sessions: sessionmaker[Session], token: str) -> Step | None:
    """The step stored under ``token``, or None when unknown or purged."""
    if not token or len(token) > 64:
        return None
    with sessions() as session:
        row = session.get(CheckStep, token)
        if row is None:
            return None
        return Step(row.token, row.parent, row.pack, row.state_json, row.free_text)


def record_check(sessions: sessionmaker[Session], record: CheckRecord) -> bool:
    """Store a completed check; returns False when this step was already recorded."""
    row = CompletedCheck(
        created_at=utcnow(),
        step_token=record.step_token,
        source=record.source,
        packs=dict(record.packs),
        engine_version=record.engine_version,
        sex=record.sex,
        age_band=record.age_band,
        focus=record.focus,
        triage_level=record.triage_level,
        red_flags=list(record.red_flags),
        top_conditions=list(record.top_conditions),
        questions_asked=record.questions_asked,
        free_text=record.free_text,
    )
    if record.step_token is not None:
        with sessions() as session:
            seen = session.scalar(
                select(CompletedCheck.id).where(CompletedCheck.step_token == record.step_token)
            )
        if seen is not None:
            return False
    try:
        with sessions.begin() as session:
            session.add(row)
    except IntegrityError:  # a concurrent reload recorded it first
        return False
    return True


def count_checks(sessions: sessionmaker[Session]) -> int:
    """Number of completed checks stored."""
    with sessions() as session:
        return len(session.scalars(select(CompletedCheck.id)).all())


@dataclass(frozen=True)
class PurgeReport:
    """How many rows a purge deleted, per table."""

    completed_checks: int
    check_steps: int


def purge(
    sessions: sessionmaker[Session], older_than_days: float, steps_older_than_hours: float = 24
) -> PurgeReport:
    """Delete completed checks older than ``older_than_days`` and interview steps older than
    ``steps_older_than_hours``; returns the counts deleted."""
    if older_than_days < 0 or steps_older_than_hours < 0:
        raise ValueError("ages must not be negative")
    now = utcnow()
    with sessions.begin() as session:
        checks = session.execute(
            delete(CompletedCheck).where(
                CompletedCheck.created_at < now - timedelta(days=older_than_days)
            )
        )
        steps = session.execute(
            delete(CheckStep).where(
                CheckStep.created_at < now - timedelta(hours=steps_older_than_hours)
            )
        )
        return PurgeReport(int(checks.rowcount or 0), int(steps.rowcount or 0))  # type: ignore[attr-defined]
