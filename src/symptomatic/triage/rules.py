"""Red-flag rules: evaluation over the evidence, in three-valued logic.

A rule *fires* only when its expression is definitely true. Findings named bare must be
answered ``present``; ``{not: X}`` needs X answered ``absent`` (an unknown answer never
satisfies it). Because of that, adding a ``present`` answer for a finding that was not yet
answered can never stop a rule from firing: rules only ever raise the triage level.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from symptomatic.kb.schema import (
    CareLevel,
    RedFlagRule,
    RuleAge,
    RuleAll,
    RuleAnswer,
    RuleExpr,
    RuleNot,
    RuleSex,
    Sex,
)


class Truth(Enum):
    """Kleene logic: MAYBE where the evidence does not say yet."""

    FALSE = 0
    MAYBE = 1
    TRUE = 2


@dataclass(frozen=True)
class FiredRule:
    """A red-flag rule that fired: its id, the level it forces, the message, its source."""

    id: str
    level: CareLevel
    message: str
    source: str | None
    condition: str | None = None


def evaluate(expr: RuleExpr, evidence: Mapping[str, str], sex: Sex, age: int) -> Truth:
    """Truth of ``expr`` given answers (finding id -> value); unanswered findings are MAYBE."""
    if isinstance(expr, str):
        value = evidence.get(expr)
        if value == "present":
            return Truth.TRUE
        if value == "absent":
            return Truth.FALSE
        return Truth.MAYBE
    if isinstance(expr, RuleNot):
        value = evidence.get(expr.not_)
        if value == "absent":
            return Truth.TRUE
        if value == "present":
            return Truth.FALSE
        return Truth.MAYBE
    if isinstance(expr, RuleAnswer):
        value = evidence.get(expr.finding)
        if value is None or value == "unknown":
            return Truth.MAYBE
        return Truth.TRUE if value in expr.in_ else Truth.FALSE
    if isinstance(expr, RuleAge):
        return Truth.TRUE if expr.age[0] <= age <= expr.age[1] else Truth.FALSE
    if isinstance(expr, RuleSex):
        return Truth.TRUE if expr.sex == sex else Truth.FALSE
    if isinstance(expr, RuleAll):
        values = [evaluate(sub, evidence, sex, age) for sub in expr.all]
        return Truth(min(v.value for v in values))
    values = [evaluate(sub, evidence, sex, age) for sub in expr.any]
    return Truth(max(v.value for v in values))


def fired_rules(
    rules: tuple[RedFlagRule, ...], evidence: Mapping[str, str], sex: Sex, age: int
) -> tuple[FiredRule, ...]:
    """The rules that are definitely true for this evidence, in pack order."""
    return tuple(
        FiredRule(r.id, r.level, r.message, r.source, r.condition)
        for r in rules
        if evaluate(r.when, evidence, sex, age) is Truth.TRUE
    )
