"""Feedback ("Was this page helpful?"): answers, privacy rules, rate limit, CSRF, reports.

>>> record_feedback(sessions, "sciatica", helpful=False)  # doctest: +SKIP
>>> feedback_report(sessions, period="week")  # doctest: +SKIP
"""

from __future__ import annotations

from symptomatic.feedback.chart import helpfulness_svg
from symptomatic.feedback.privacy import MAX_COMMENT, REASONS, clean_reason, scrub_comment
from symptomatic.feedback.ratelimit import RateLimiter
from symptomatic.feedback.store import (
    ArticleReport,
    PeriodCount,
    feedback_report,
    period_key,
    record_feedback,
)
from symptomatic.feedback.tables import ArticleFeedback

__all__ = [
    "MAX_COMMENT",
    "REASONS",
    "ArticleFeedback",
    "ArticleReport",
    "PeriodCount",
    "RateLimiter",
    "clean_reason",
    "feedback_report",
    "helpfulness_svg",
    "period_key",
    "record_feedback",
    "scrub_comment",
]
