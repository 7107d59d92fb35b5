"""Triage levels and their order; advice wording for each level."""

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


LEVEL_TITLES: dict[CareLevel, str] = {
    CareLevel.EMERGENCY: "Emergency: get help now",
    CareLevel.URGENT: "Urgent: see a doctor today",
    CareLevel.SOON: "See a doctor soon: within 2 weeks",
    CareLevel.ROUTINE: "Book a routine appointment",
    CareLevel.SELF_CARE: "Look after yourself at home",
}

LEVEL_ADVICE: dict[CareLevel, str] = {
    CareLevel.EMERGENCY: (
        "Call the emergency number or go to the nearest emergency department now. "
        "Do not drive yourself."
    ),
    CareLevel.URGENT: (
        "Get a doctor's assessment today (within 24 hours): your GP's same-day service, an "
        "urgent care centre or an out-of-hours service."
    ),
    CareLevel.SOON: (
        "Book an appointment with a doctor within the next 2 weeks and mention these symptoms. "
        "Some of them need checking to rule out a serious cause."
    ),
    CareLevel.ROUTINE: (
        "Book an ordinary appointment with your GP or a suitable clinician to talk it through."
    ),
    CareLevel.SELF_CARE: (
        "This can usually be looked after at home: keep gently active, use simple pain relief "
        "as the pack label says, and give it time."
    ),
}

SAFETY_NET: dict[CareLevel, str] = {
    CareLevel.EMERGENCY: "If you feel worse while waiting, call the emergency number again.",
    CareLevel.URGENT: (
        "Go to an emergency department now if the pain becomes severe, you faint, or you develop "
        "numbness around your bottom or problems passing urine."
    ),
    CareLevel.SOON: (
        "Seek help sooner, today, if the symptoms get quickly worse, or if you develop fever, "
        "heavy bleeding, leg weakness or problems with your bladder or bowels."
    ),
    CareLevel.ROUTINE: (
        "See a doctor sooner if things get worse, new symptoms appear, or it has not improved in "
        "a few weeks."
    ),
    CareLevel.SELF_CARE: (
        "See a doctor if it is not getting better after 2 to 4 weeks, if it gets worse, or if "
        "new symptoms appear such as fever, weight loss, leg numbness or weakness."
    ),
}
