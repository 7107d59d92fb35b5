"""Triage decision: red-flag rules plus severity-dependent condition thresholds.

The level is the most urgent of

1. every fired red-flag rule's level, and
2. the care level of every condition whose posterior passes the threshold of its severity
   (critical conditions escalate at a lower probability than mild ones).

Red-flag findings must only ever raise the level, yet in a Bayesian model a new finding can
lower some condition's probability. So (2) is taken as the *most cautious* reading over every
subset of the red-flag answers given (``present`` for red-flag findings, or an option a rule
names; the other evidence held fixed): adding a
red-flag finding only adds subsets, and the maximum over a larger family cannot fall.

Up to :data:`MAX_EXACT_RED_FLAGS` red-flag answers every subset is tried. Beyond that, each
condition's best case over all subsets is bounded from above by choosing, against each
competing cause separately, only the answers that favour the condition (see
:func:`subset_upper_bound`). The bound is at least the exact maximum and can only grow when
an answer is added, so the level stays monotone across the switch too (it may be more
cautious than the exact value, never less).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations
from weakref import WeakKeyDictionary

import numpy as np

from symptomatic.engine.config import EngineConfig
from symptomatic.engine.model import FloatArray, IntArray, Model, _normalise, parse_sex
from symptomatic.kb.schema import CareLevel, Severity
from symptomatic.triage import CARE_ORDER, DEFAULT_LEVEL, FiredRule, rank

#: Up to this many red-flag answers, every subset is tried (2^k posteriors); above it the
#: monotone upper bound of :func:`subset_upper_bound` is used.
MAX_EXACT_RED_FLAGS = 10
#: Subsets whose posteriors are computed together (bounds the memory: rows x conditions).
SUBSET_BATCH = 256


def subset_upper_bound(base: FloatArray, flags: FloatArray) -> FloatArray:
    """Per cause c, an upper bound of max over subsets S of P(c | base + S).

    ``base`` is the log joint without the red-flag answers (length C + 1); ``flags`` is
    k x (C + 1), the log-likelihood column of each red-flag answer. For each competitor j the
    exponent log(joint_j / joint_c) is minimised separately (keeping only the answers with
    flags[f, j] < flags[f, c]); minimising each term of the denominator separately can only
    undershoot the true minimum of the sum, so the result is >= the exact maximum. Adding an
    answer adds a term min(0, .) <= 0 to each exponent: the bound never falls.
    """
    finite = np.isfinite(base)
    b = np.where(finite, base, 0.0)
    f = np.where(np.isfinite(flags), flags, -1e300)
    diff = f[:, :, None] - f[:, None, :]  # [flag, j, c] = flags[j] - flags[c]
    gain = np.minimum(diff, 0.0).sum(axis=0)  # [j, c]
    expo = b[:, None] - b[None, :] + gain
    expo[~finite, :] = -np.inf  # causes that do not apply never compete
    np.fill_diagonal(expo, -np.inf)
    with np.errstate(over="ignore"):
        bound: FloatArray = 1.0 / (1.0 + np.exp(expo).sum(axis=0))
    bound[~finite] = 0.0
    return bound


def _flag_units(model: Model, evidence: Mapping[str, str]) -> list[FloatArray]:
    """The red-flag answers as additive log-likelihood units over the non-flag evidence.

    Each red flag that carries evidence is one unit; an ancestor it makes present (unknown
    without the flags) is a unit of its own, together with the answered findings under it
    that only then carry evidence. Every subset of units is a cautious reading, and adding a
    red flag only adds units, so the maximum over subsets never falls; all units together
    give exactly the posterior of the whole evidence.
    """
    full = model.closure(evidence)
    rest = {f: v for f, v in evidence.items() if (f, v) not in model.red_flag_answers}
    base = model.closure(rest)
    counted = {f for f, _ in model.scored(evidence)}
    units: dict[str, FloatArray] = {}
    in_base = {f for f in counted if f in base and model.chain_present(f, base)}
    flags: set[str] = set()
    for fid, value in evidence.items():
        if (fid, value) in model.red_flag_answers and fid in counted - in_base:
            col = model.column(fid, value)
            assert col is not None
            units[fid] = model.log_likelihood_column(col)
            flags.add(fid)
    # in a fixed order: an ancestor's unit may already hold a child's column, and must then
    # still gain its own (a set's order varies with the hash seed)
    for fid in sorted(counted - in_base):
        if fid in flags:
            continue
        # newly carrying evidence: its topmost ancestor not present without the flags
        top, up = fid, model.parent_of.get(fid)
        while up is not None:
            if base.get(up) != "present":
                top = up
            up = model.parent_of.get(up)
        key = top
        col = model.column(fid, full[fid])
        assert col is not None
        column = model.log_likelihood_column(col)
        units[key] = units[key] + column if key in units else column
    return list(units.values())


@dataclass(frozen=True)
class Escalation:
    """A condition whose probability passed its severity threshold."""

    condition_id: str
    probability: float
    level: CareLevel


@dataclass(frozen=True)
class TriageDecision:
    """The triage level, why (plain sentences), the fired rules and escalating conditions."""

    level: CareLevel
    reasons: tuple[str, ...]
    fired: tuple[FiredRule, ...]
    escalations: tuple[Escalation, ...]


class LevelTable:
    """Per-condition threshold and care rank as arrays, for one model and config."""

    def __init__(self, model: Model, config: EngineConfig) -> None:
        conds = [model.kb.conditions[c] for c in model.condition_ids]
        self.threshold: FloatArray = np.array(
            [config.thresholds.get(c.severity, config.thresholds[Severity.MILD]) for c in conds]
        )
        self.care_rank: IntArray = np.array([rank(c.care_level) for c in conds], dtype=np.int64)

    def level_rank(self, probs: FloatArray) -> int:
        """Most urgent care rank among conditions passing their threshold (default: routine)."""
        mask = probs[: len(self.threshold)] >= self.threshold
        if not mask.any():
            return rank(DEFAULT_LEVEL)
        return int(self.care_rank[mask].max())

    def level_ranks(self, probs: FloatArray) -> IntArray:
        """:meth:`level_rank` of every row of ``probs``."""
        mask = probs[:, : len(self.threshold)] >= self.threshold
        top: IntArray = np.where(mask, self.care_rank, -1).max(axis=1, initial=-1)
        top[top < 0] = rank(DEFAULT_LEVEL)
        return top


#: Model -> thresholds -> table: an Assessor is built per request, the table once per model.
_TABLES: WeakKeyDictionary[Model, dict[tuple[tuple[Severity, float], ...], LevelTable]] = (
    WeakKeyDictionary()
)


def _sum_rows(stacked: FloatArray, subsets: IntArray) -> FloatArray:
    """Per row of ``subsets``: the sum of those rows of ``stacked``, added in order (as
    ``np.sum(rows, axis=0)`` does, to the bit); zeros for empty subsets."""
    out: FloatArray = np.zeros((len(subsets), stacked.shape[1]))
    if subsets.shape[1]:
        out = stacked[subsets[:, 0]].copy()
        for j in range(1, subsets.shape[1]):
            out += stacked[subsets[:, j]]
    return out


def _normalise_rows(log_joint: FloatArray) -> FloatArray:
    """``_normalise`` of every row (the same arithmetic, so the same result to the bit)."""
    finite = np.isfinite(log_joint)
    top = np.where(finite, log_joint, -np.inf).max(axis=1, keepdims=True)
    top[~finite.any(axis=1)] = 0.0
    out: FloatArray = np.where(finite, np.exp(np.where(finite, log_joint - top, 0.0)), 0.0)
    total = out.sum(axis=1, keepdims=True)
    total[total == 0.0] = 1.0
    out /= total
    return out


class Assessor:
    """Triage for one compiled model and config (cheap to build; cache one per model)."""

    def __init__(self, model: Model, config: EngineConfig | None = None) -> None:
        self.model = model
        self.config = config or EngineConfig()

    @cached_property
    def table(self) -> LevelTable:
        """The model's :class:`LevelTable` for these thresholds (built once per model)."""
        tables = _TABLES.setdefault(self.model, {})
        key = tuple(sorted(self.config.thresholds.items()))
        table = tables.get(key)
        if table is None:
            table = tables[key] = LevelTable(self.model, self.config)
        return table

    def condition_rank(self, probs: FloatArray) -> int:
        return self.table.level_rank(probs)

    def cautious_rank(
        self, sex: str, age: int, evidence: Mapping[str, str]
    ) -> tuple[int, FloatArray, FloatArray]:
        """Max condition rank over subsets of the red-flag answers.

        Returns (that rank, the posterior of the subset that first reached it, the posterior
        given all the evidence).
        """
        model = self.model
        sx = parse_sex(sex)
        base = model.log_prior(sx, age).copy()
        flags = _flag_units(model, evidence)
        for _fid, col in model.scored(
            {f: v for f, v in evidence.items() if (f, v) not in model.red_flag_answers}
        ):
            base += model.log_likelihood_column(col)
        full_probs = _normalise(base + (np.sum(flags, axis=0) if flags else 0.0))
        best, best_probs = self.condition_rank(full_probs), full_probs
        k = len(flags)
        if k > MAX_EXACT_RED_FLAGS:
            bound = subset_upper_bound(base, np.asarray(flags))
            return max(best, self.condition_rank(bound)), best_probs, full_probs
        stacked = np.array(flags).reshape(k, len(base))
        # Subsets in order of size then ``combinations`` order, a batch at a time; the
        # posterior kept is that of the first subset reaching the highest rank.
        for size in range(k):
            combos = list(combinations(range(k), size))
            subsets = np.array(combos, dtype=np.int64).reshape(len(combos), size)
            for at in range(0, len(subsets), SUBSET_BATCH):
                if best == len(CARE_ORDER) - 1:
                    return best, best_probs, full_probs
                batch = subsets[at : at + SUBSET_BATCH]
                probs = _normalise_rows(base + _sum_rows(stacked, batch))
                ranks = self.table.level_ranks(probs)
                top = int(ranks.max())
                if top > best:
                    best, best_probs = top, probs[int(np.argmax(ranks == top))]
        return best, best_probs, full_probs

    def _escalations(self, probs: FloatArray) -> list[Escalation]:
        kb = self.model.kb
        order = np.argsort(-probs[:-1], kind="stable")
        order = order[probs[order] >= self.table.threshold[order]]
        out: list[Escalation] = []
        for i, p in zip(order.tolist(), probs[order].tolist(), strict=True):
            cond = kb.conditions[self.model.condition_ids[i]]
            out.append(Escalation(cond.id, p, cond.care_level))
        return out

    def assess(self, sex: str, age: int, evidence: Mapping[str, str]) -> TriageDecision:
        """The triage decision for this person and evidence; never lowered by a red flag."""
        cond_rank, best_probs, probs = self.cautious_rank(sex, age, evidence)  # validates
        rules = self.model.rules
        fired = rules.fired(rules.evaluate(self.model.closure(evidence), parse_sex(sex), age))
        level = max([r.level for r in fired] + [CARE_ORDER[cond_rank]], key=rank)
        # the rules' own messages are listed once, as the warning signs; here only why the level
        reasons: list[str] = []
        if any(rank(r.level) == rank(level) for r in fired):
            reasons.append("Warning signs in your answers call for this level of care")
        escalations = self._escalations(probs)
        kb = self.model.kb
        for esc in self._escalations(best_probs):
            if rank(esc.level) == rank(level):
                name = kb.conditions[esc.condition_id].common_name
                reasons.append(
                    f"{name} is possible (about {esc.probability:.0%}); it calls for this"
                    " level of care"
                )
        if not reasons:
            reasons.append(
                "No single cause stands out clearly, so a check with a doctor is the safe advice"
            )
        return TriageDecision(level, tuple(reasons), fired, tuple(escalations))
