"""Triage levels and their order (wording per level lives in pack data: ``advice:``)."""

from __future__ import annotations

from collections.abc import Iterable

from symptomatic.kb.schema import CareLevel, Severity

#: Least to most urgent; ``rank(level)`` is the index here.
CARE_ORDER: tuple[CareLevel, ...] = (
    CareLevel.SELF_CARE,
    CareLevel.ROUTINE,
    CareLevel.SOON,
    CareLevel.URGENT,
    CareLevel.EMERGENCY,
)
_RANK = {level: i for i, level in enumerate(CARE_ORDER)}

#: Posterior probability at which a condition's care level applies, by severity: a dangerous
#: condition escalates at a lower probability than a benign one (missing an emergency is the
#: worst failure; frightening someone with a benign problem the second worst).
DEFAULT_THRESHOLDS: dict[Severity, float] = {
    Severity.CRITICAL: 0.05,
    Severity.SEVERE: 0.10,
    Severity.MODERATE: 0.20,
    Severity.MILD: 0.30,
}

#: The level when no condition passes its threshold and no rule fires.
DEFAULT_LEVEL = CareLevel.ROUTINE


def rank(level: CareLevel) -> int:
    """0 for ``self_care`` up to 4 for ``emergency``."""
    return _RANK[level]


def most_urgent(levels: Iterable[CareLevel], default: CareLevel = DEFAULT_LEVEL) -> CareLevel:
    """The most urgent of ``levels``, or ``default`` when there are none."""
    best: CareLevel | None = None
    for level in levels:
        if best is None or rank(level) > rank(best):
            best = level
    return default if best is None else best
