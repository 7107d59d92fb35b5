"""Triage: ordered care levels and red-flag rules (rules only ever raise the level)."""

from symptomatic.triage.levels import (
    CARE_ORDER,
    DEFAULT_LEVEL,
    DEFAULT_THRESHOLDS,
    most_urgent,
    rank,
)
from symptomatic.triage.rules import FiredRule, Truth, evaluate, fired_rules

__all__ = [
    "CARE_ORDER",
    "DEFAULT_LEVEL",
    "DEFAULT_THRESHOLDS",
    "FiredRule",
    "Truth",
    "evaluate",
    "fired_rules",
    "most_urgent",
    "rank",
]
