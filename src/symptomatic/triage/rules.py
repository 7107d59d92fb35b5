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
    RuleAny,
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
    """A red-flag rule that fired: its id, the level it forces, the message, its source, and
    the conditions it points at."""

    id: str
    level: CareLevel
    message: str
    source: str | None
    conditions: tuple[str, ...] = ()


def evaluate(expr: RuleExpr, evidence: Mapping[str, str], sex: Sex, age: int) -> Truth:
    """Truth of ``expr`` given answers (finding id -> value); unanswered findings are MAYBE."""
    return _TRUTHS[_eval(expr, evidence, sex, age)]


_FALSE, _MAYBE, _TRUE = 0, 1, 2
_TRUTHS = (Truth.FALSE, Truth.MAYBE, Truth.TRUE)


def _eval(expr: RuleExpr, evidence: Mapping[str, str], sex: Sex, age: int) -> int:
    """:func:`evaluate` on plain ints (0 false, 1 maybe, 2 true), short-circuiting.

    This runs for every candidate answer of every question choice, so it avoids enum
    lookups and intermediate lists.
    """
    if isinstance(expr, str):
        value = evidence.get(expr)
        return _TRUE if value == "present" else _FALSE if value == "absent" else _MAYBE
    if isinstance(expr, RuleAll):
        low = _TRUE
        for sub in expr.all:
            v = _eval(sub, evidence, sex, age)
            if v == _FALSE:
                return _FALSE
            low = min(low, v)
        return low
    if isinstance(expr, RuleAny):
        high = _FALSE
        for sub in expr.any:
            v = _eval(sub, evidence, sex, age)
            if v == _TRUE:
                return _TRUE
            high = max(high, v)
        return high
    if isinstance(expr, RuleNot):
        value = evidence.get(expr.not_)
        return _TRUE if value == "absent" else _FALSE if value == "present" else _MAYBE
    if isinstance(expr, RuleAnswer):
        value = evidence.get(expr.finding)
        if value is None or value == "unknown":
            return _MAYBE
        return _TRUE if value in expr.in_ else _FALSE
    if isinstance(expr, RuleAge):
        return _TRUE if expr.age[0] <= age <= expr.age[1] else _FALSE
    assert isinstance(expr, RuleSex)
    return _TRUE if expr.sex == sex else _FALSE


def fire(rule: RedFlagRule) -> FiredRule:
    """The :class:`FiredRule` a rule gives when it fires."""
    return FiredRule(rule.id, rule.level, rule.message, rule.source, rule.condition_ids)


def fired_rules(
    rules: tuple[RedFlagRule, ...], evidence: Mapping[str, str], sex: Sex, age: int
) -> tuple[FiredRule, ...]:
    """The rules that are definitely true for this evidence, in pack order."""
    return tuple(fire(r) for r in rules if _eval(r.when, evidence, sex, age) == _TRUE)
