"""Why a condition is (or is not) likely: per-answer log-likelihood-ratio contributions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from symptomatic.engine.model import FloatArray, Model


@dataclass(frozen=True)
class Contribution:
    """One answer's weight for a condition: log(P(answer | condition) / P(answer | the rest)),
    where "the rest" is every other cause (listed or not) weighted by its current probability.

    Positive weights support the condition, negative ones count against it; a weight of
    log(2) ~ 0.69 means the answer made the condition twice as likely relative to the rest.
    An answer every cause shares (the complaint itself) weighs about nothing.
    """

    finding_id: str
    name: str
    answer: str
    weight: float


def contributions(
    model: Model,
    condition_id: str,
    evidence: Mapping[str, str],
    probs: FloatArray,
    min_abs: float = 0.05,
) -> tuple[tuple[Contribution, ...], tuple[Contribution, ...]]:
    """(supporting, conflicting) answers for one condition, strongest first.

    ``probs`` is the posterior given ``evidence`` (it weights "the rest"). Answers whose
    |weight| is below ``min_abs`` (nats) are left out; ``unknown`` never counts.
    """
    ci = model.condition_index[condition_id]
    rest = np.array(probs, dtype=np.float64)
    rest[ci] = 0.0
    total = rest.sum()
    rest = rest / total if total > 0.0 else np.full_like(rest, 1.0 / max(len(rest) - 1, 1))
    support: list[Contribution] = []
    against: list[Contribution] = []
    for fid, col in model.scored(evidence):
        value = model.answer_ids[col]
        lk = np.exp(model.log_likelihood_column(col))
        weight = float(np.log(lk[ci]) - np.log(float(rest @ lk)))
        if abs(weight) < min_abs:
            continue
        item = Contribution(fid, model.kb.findings[fid].name, value, weight)
        (support if weight > 0 else against).append(item)
    support.sort(key=lambda c: -c.weight)
    against.sort(key=lambda c: c.weight)
    return tuple(support), tuple(against)
