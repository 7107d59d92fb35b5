"""The tables of the symptom check: anonymous completed checks and interview steps.

Neither holds a name, an account, an IP address or a cookie id, and nothing links a completed
check to the steps of its interview. Free text is stored only when ``Settings.store_free_text``
is on.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from symptomatic.storage.base import Base, utcnow


class CompletedCheck(Base):
    """One finished symptom check, kept for quality review until purged."""

    __tablename__ = "completed_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    #: The day of the check (UTC), never the time: a time could be matched with server logs.
    created_on: Mapped[date] = mapped_column(Date, default=lambda: utcnow().date(), index=True)
    source: Mapped[str] = mapped_column(String(16), default="web")
    packs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    engine_version: Mapped[str] = mapped_column(String(32), default="")
    sex: Mapped[str] = mapped_column(String(8))
    #: Ten-year band such as ``"40-49"``, never the exact age.
    age_band: Mapped[str] = mapped_column(String(8))
    focus: Mapped[str | None] = mapped_column(String(64), nullable=True)
    triage_level: Mapped[str] = mapped_column(String(16), index=True)
    red_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    top_conditions: Mapped[list[Any]] = mapped_column(JSON, default=list)
    questions_asked: Mapped[int] = mapped_column(Integer, default=0)
    free_text: Mapped[str | None] = mapped_column(Text, nullable=True)


class CheckStep(Base):
    """One step of an interview in progress, addressed by a random token in the page URL.

    A new answer makes a new step whose ``parent`` is the previous one, so the browser's back
    button (and ours) simply shows an earlier step. Refused and deleted once older than
    ``Settings.interview_retention_hours``.
    """

    __tablename__ = "check_steps"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    pack: Mapped[str] = mapped_column(String(64))
    state_json: Mapped[str] = mapped_column(Text)
    free_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: True once the result of this step was kept as a completed check (so a reload does not
    #: keep it twice); the completed check itself does not say which step it came from.
    recorded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
