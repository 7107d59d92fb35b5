"""Why a condition is (or is not) likely: per-answer log-likelihood-ratio contributions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from symptomatic.engine.model import Model


@dataclass(frozen=True)
class Contribution:
    """One answer's weight for a condition: log(P(answer | condition) / P(answer | other cause)).

    Positive weights support the condition, negative ones count against it; a weight of
    log(2) ~ 0.69 means the answer made the condition twice as likely relative to the rest.
    """

    finding_id: str
    name: str
    answer: str
    weight: float


def contributions(
    model: Model, condition_id: str, evidence: Mapping[str, str], min_abs: float = 0.05
) -> tuple[tuple[Contribution, ...], tuple[Contribution, ...]]:
    """(supporting, conflicting) answers for one condition, strongest first.

    Answers whose |weight| is below ``min_abs`` (nats) are left out; ``unknown`` never counts.
    """
    ci = model.condition_index[condition_id]
    support: list[Contribution] = []
    against: list[Contribution] = []
    for fid, value in evidence.items():
        col = model.column(fid, value)
        if col is None:
            continue
        lo, hi = int(model.ex_ptr[col]), int(model.ex_ptr[col + 1])
        rows = model.ex_rows[lo:hi]
        hit = np.flatnonzero(rows == ci)
        if hit.size == 0:
            continue
        weight = float(np.log(model.ex_p[lo + int(hit[0])]) - np.log(model.default[col]))
        if abs(weight) < min_abs:
            continue
        item = Contribution(fid, model.kb.findings[fid].name, value, weight)
        (support if weight > 0 else against).append(item)
    support.sort(key=lambda c: -c.weight)
    against.sort(key=lambda c: c.weight)
    return tuple(support), tuple(against)
