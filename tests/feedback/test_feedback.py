"""Feedback: stored on SQLite and PostgreSQL via the shipped migrations, privacy rules,
the rate limit without stored addresses, CSRF tokens, reports and the chart."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import inspect, text

from symptomatic.feedback import (
    MAX_COMMENT,
    RateLimiter,
    feedback_report,
    helpfulness_svg,
    period_key,
    record_feedback,
    scrub_comment,
)
from symptomatic.feedback.csrf import new_token, tokens_match
from symptomatic.storage import make_engine, session_factory, upgrade


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def sessions(request: pytest.FixtureRequest, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path}/fb.sqlite3")
    else:
        engine = make_engine(request.getfixturevalue("postgres_url"))
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM article_feedback"))
    yield session_factory(engine)
    engine.dispose()


def test_migration_creates_the_table(sessions):  # type: ignore[no-untyped-def]
    engine = sessions.kw["bind"]
    columns = {c["name"] for c in inspect(engine).get_columns("article_feedback")}
    assert columns == {"id", "created_at", "slug", "helpful", "reason", "comment"}
    assert not any("ip" in c or "address" in c for c in columns)


def test_feedback_is_stored_and_reported_per_article_over_time(sessions):  # type: ignore[no-untyped-def]
    t0 = datetime(2026, 11, 2, 9, 0)
    record_feedback(sessions, "sciatica", True, now=t0)
    record_feedback(sessions, "sciatica", False, "hard_to_understand", now=t0)
    record_feedback(sessions, "sciatica", True, now=t0 + timedelta(days=7))
    record_feedback(sessions, "kidney-stones", False, "made-up-reason", now=t0)
    reports = {r.slug: r for r in feedback_report(sessions, period="week")}
    sci = reports["sciatica"]
    assert (sci.yes, sci.no) == (2, 1)
    assert [(p.period, p.yes, p.no) for p in sci.periods] == [
        ("2026-W45", 1, 1),
        ("2026-W46", 1, 0),
    ]
    assert sci.reasons == {"hard_to_understand": 1}
    assert reports["kidney-stones"].reasons == {}  # unknown reason codes are not kept
    assert feedback_report(sessions, since=t0 + timedelta(days=1))[0].total == 1


def test_comments_are_dropped_unless_enabled_and_scrubbed_when_kept(sessions):  # type: ignore[no-untyped-def]
    record_feedback(sessions, "sciatica", False, "other", "call me on 07700 900123")
    record_feedback(
        sessions,
        "sciatica",
        False,
        "other",
        "mail jo.bloggs@example.com or +44 (0)20 7946 0958 " + "x" * 900,
        allow_comment=True,
    )
    (report,) = feedback_report(sessions)
    assert len(report.comments) == 1
    kept = report.comments[0]
    assert "[email]" in kept and "[number]" in kept
    assert "example.com" not in kept and "7946" not in kept
    assert len(kept) <= MAX_COMMENT


def test_a_yes_never_keeps_a_reason(sessions):  # type: ignore[no-untyped-def]
    record_feedback(sessions, "sciatica", True, "hard_to_understand")
    assert feedback_report(sessions)[0].reasons == {}


def test_scrub_comment():
    assert scrub_comment("a@b.co  said   hi") == "[email] said hi"
    assert scrub_comment("ring 0207 946 0958 now") == "ring [number] now"
    assert scrub_comment("I am 45, pain for 3 weeks") == "I am 45, pain for 3 weeks"
    assert len(scrub_comment("y" * 2000)) == MAX_COMMENT


def test_rate_limit_refuses_past_the_limit_and_keeps_no_address():
    now = [0.0]
    limiter = RateLimiter(limit=3, window_seconds=60, clock=lambda: now[0])
    assert [limiter.allow("203.0.113.7") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("198.51.100.2") is True  # another client is counted separately
    stored = repr(vars(limiter))
    assert "203.0.113.7" not in stored and "198.51.100.2" not in stored
    old_key = limiter.key("203.0.113.7")
    now[0] = 61.0  # new window: counts and salt are dropped
    assert limiter.allow("203.0.113.7") is True
    assert limiter.key("203.0.113.7") != old_key
    assert limiter.tracked() == 1


def test_csrf_tokens():
    token = new_token()
    assert tokens_match(token, token)
    assert not tokens_match(token, new_token())
    assert not tokens_match(None, token)
    assert not tokens_match("short", "short")


def test_period_keys_and_chart():
    when = datetime(2026, 11, 25, 12)
    assert period_key(when, "day") == "2026-11-25"
    assert period_key(when, "week") == "2026-W48"
    assert period_key(when, "month") == "2026-11"
    from symptomatic.feedback import PeriodCount

    svg = helpfulness_svg([PeriodCount("2026-W47", 3, 1), PeriodCount("2026-W48", 0, 2)])
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<rect") == 2
    assert "3 of 4 helpful" in svg
    assert "<script" not in helpfulness_svg([PeriodCount("<script>", 1, 0)])
