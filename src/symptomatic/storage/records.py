"""Reading and writing the symptom-check tables: interview steps and completed checks.

Every function takes a ``sessionmaker`` and opens its own short transaction, so callers (page
routes, the CLI) never hold a session across a request.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.storage.base import utcnow
from symptomatic.storage.tables import CheckStep, CompletedCheck


@dataclass(frozen=True)
class Step:
    """An interview step as stored: its token, its parent's token, pack, state JSON and when it
    was stored (UTC, naive): the time of the answers it holds."""

    token: str
    parent: str | None
    pack: str
    state_json: str
    created_at: datetime
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


def load_step(
    sessions: sessionmaker[Session], token: str, max_age: timedelta | None = None
) -> Step | None:
    """The step stored under ``token``, or None when unknown, purged or expired.

    A step older than ``max_age`` (the interview retention) is deleted here and answers
    None, exactly like a token that never existed.
    """
    if not token or len(token) > 64:
        return None
    with sessions.begin() as session:
        row = session.get(CheckStep, token)
        if row is None:
            return None
        if max_age is not None and row.created_at < utcnow() - max_age:
            session.delete(row)
            return None
        return Step(row.token, row.parent, row.pack, row.state_json, row.created_at, row.free_text)


def record_check(
    sessions: sessionmaker[Session], record: CheckRecord, step_token: str | None = None
) -> bool:
    """Store a completed check; returns False when the step ``step_token`` (the step whose
    result this is) was already recorded. The record itself keeps no reference to the step,
    and only the day it was made."""
    with sessions.begin() as session:
        if step_token is not None:
            # Marking the step and adding the record in one transaction: of two concurrent
            # reloads only one sees recorded = false.
            marked = session.execute(
                update(CheckStep)
                .where(CheckStep.token == step_token, CheckStep.recorded.is_(False))
                .values(recorded=True)
            )
            if not marked.rowcount:  # type: ignore[attr-defined]
                return False
        session.add(
            CompletedCheck(
                created_on=utcnow().date(),
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
        )
    return True


def count_checks(sessions: sessionmaker[Session]) -> int:
    """Number of completed checks stored."""
    with sessions() as session:
        return int(session.scalar(select(func.count(CompletedCheck.id))) or 0)
