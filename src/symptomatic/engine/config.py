"""Engine settings: stopping, question choice and triage thresholds (all configurable)."""

from __future__ import annotations

from dataclasses import dataclass, field

from symptomatic.kb.schema import Severity
from symptomatic.triage.levels import DEFAULT_THRESHOLDS


@dataclass(frozen=True)
class EngineConfig:
    """How the interview chooses questions, when it stops, and when conditions escalate.

    ``max_questions``: question budget of one interview.
    ``min_gain``: a question whose score (bits) is below this is not worth asking.
    ``settle_probability``: stop when the leading condition is at least this likely and no
    question could change the triage level.
    ``triage_weight``: bits of extra score per expected level of triage change.
    ``red_flag_min_p``: a red-flag question is screened early when P(present) is at least this.
    ``max_red_flag_questions``: how many red-flag questions may be screened before the rest.
    ``max_red_flag_questions_focus``: the same in focus mode ("could it be X?"), where a
    worried person expects every warning sign to be checked.
    ``thresholds``: posterior at which a condition's care level applies, by severity.
    """

    max_questions: int = 20
    min_gain: float = 0.05
    settle_probability: float = 0.9
    triage_weight: float = 0.5
    red_flag_min_p: float = 0.01
    max_red_flag_questions: int = 8
    max_red_flag_questions_focus: int = 14
    candidate_pool: int = 24
    thresholds: dict[Severity, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
