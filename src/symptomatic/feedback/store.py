"""Store feedback answers and report helpfulness per article over time."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.feedback.privacy import clean_reason, scrub_comment
from symptomatic.feedback.tables import ArticleFeedback
from symptomatic.storage.base import utcnow

Period = Literal["day", "week", "month"]


def period_key(when: datetime, period: Period) -> str:
    """Returns the label of the period ``when`` falls in: ``2026-11-25``, ``2026-W48`` or
    ``2026-11``."""
    if period == "day":
        return when.strftime("%Y-%m-%d")
    if period == "month":
        return when.strftime("%Y-%m")
    year, week, _ = when.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class PeriodCount:
    """Yes and No answers for one article in one period."""

    period: str
    yes: int
    no: int

    @property
    def total(self) -> int:
        """Returns yes + no."""
        return self.yes + self.no

    @property
    def share_helpful(self) -> float:
        """Returns the fraction of answers that were Yes (0 when there are none)."""
        return self.yes / self.total if self.total else 0.0


@dataclass(frozen=True)
class ArticleReport:
    """Helpfulness of one article: totals, per period (oldest first) and No reasons."""

    slug: str
    yes: int
    no: int
    periods: tuple[PeriodCount, ...]
    reasons: dict[str, int] = field(default_factory=dict)
    comments: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Returns yes + no."""
        return self.yes + self.no

    @property
    def share_helpful(self) -> float:
        """Returns the fraction of answers that were Yes (0 when there are none)."""
        return self.yes / self.total if self.total else 0.0


def record_feedback(
    sessions: sessionmaker[Session],
    slug: str,
    helpful: bool,
    reason: str | None = None,
    comment: str | None = None,
    *,
    allow_comment: bool = False,
    now: datetime | None = None,
) -> int:
    """Stores one answer and returns its row id.

    A reason is kept only on a No and only when it is a known code; a comment only when
    ``allow_comment`` (the operator's setting) and then scrubbed and length-capped. The time
    is cut to the day (midnight UTC): a time of day could be matched with a proxy's logs.
    """
    kept_reason = None if helpful else clean_reason(reason)
    kept_comment = scrub_comment(comment) if (allow_comment and comment) else None
    row = ArticleFeedback(
        slug=slug,
        helpful=helpful,
        reason=kept_reason,
        comment=kept_comment or None,
        created_at=(now or utcnow()).replace(hour=0, minute=0, second=0, microsecond=0),
    )
    with sessions() as session, session.begin():
        session.add(row)
    return row.id


def feedback_report(
    sessions: sessionmaker[Session], period: Period = "week", since: datetime | None = None
) -> list[ArticleReport]:
    """Returns one :class:`ArticleReport` per article that has feedback, most answers first."""
    query = select(
        ArticleFeedback.slug,
        ArticleFeedback.created_at,
        ArticleFeedback.helpful,
        ArticleFeedback.reason,
        ArticleFeedback.comment,
    ).order_by(ArticleFeedback.created_at)
    if since is not None:
        query = query.where(ArticleFeedback.created_at >= since)
    counts: dict[str, dict[str, list[int]]] = defaultdict(dict)
    reasons: dict[str, Counter[str]] = defaultdict(Counter)
    comments: dict[str, list[str]] = defaultdict(list)
    with sessions() as session:
        for slug, created, helpful, reason, comment in session.execute(query):
            cell = counts[slug].setdefault(period_key(created, period), [0, 0])
            cell[0 if helpful else 1] += 1
            if reason:
                reasons[slug][reason] += 1
            if comment:
                comments[slug].append(comment)
    reports = []
    for slug, by_period in counts.items():
        periods = tuple(PeriodCount(p, yes, no) for p, (yes, no) in sorted(by_period.items()))
        reports.append(
            ArticleReport(
                slug=slug,
                yes=sum(p.yes for p in periods),
                no=sum(p.no for p in periods),
                periods=periods,
                reasons=dict(reasons[slug].most_common()),
                comments=tuple(comments[slug]),
            )
        )
    reports.sort(key=lambda r: (-r.total, r.slug))
    return reports
