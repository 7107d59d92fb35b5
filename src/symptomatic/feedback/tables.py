"""The feedback table: one row per "Was this page helpful?" answer.

It holds the article, yes/no, an optional reason code and (only when
``Settings.feedback_free_text`` is on) a short scrubbed comment, and the day (not the time).
No IP address, cookie id or account is stored.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from symptomatic.storage.base import Base, utcnow


class ArticleFeedback(Base):
    """One reader's answer to "Was this page helpful?"."""

    __tablename__ = "article_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    slug: Mapped[str] = mapped_column(String(80), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
