"""Calibration of the probabilities shown: Brier scores, expected calibration error, bins.

The forecast scored is the probability of the top condition (the most probable condition
shown; the list may put the conditions a warning sign points at first, whatever their
probability), and the event is "the top condition matches the gold dx" (FORMAT.md's code
match), over the vignettes with ``dx`` and at least one condition shown. With forecasts
``p_i`` and outcomes ``y_i`` (1 correct, 0 not):

- Brier score (top): ``mean((p_i - y_i)^2)``; 0 is perfect, 0.25 is what always saying 50 %
  scores.
- Expected calibration error: forecasts fall into ``B`` equal-width bins on [0, 1] (the last
  bin closed); ``ECE = sum_b (n_b / n) * |mean(p in b) - mean(y in b)|``.
- Brier score (shown): the multi-class score of the whole list. Classes are each condition
  shown plus "not shown" (the mass ``1 - sum p`` of the other conditions and of "another
  cause"); the true class is the shown conditions that match the dx, counted as one class
  (a vignette may accept several codes), or "not shown" when none matches. The score is the
  sum over classes of ``(p_class - y_class)^2``, from 0 (perfect) to 2.

>>> from symptomatic.eval.metrics import Shown
>>> round(shown_brier((Shown(0.6, True), Shown(0.3, False))), 4)  # (0.6-1)^2 + 0.3^2 + 0.1^2
0.26
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from symptomatic.eval.metrics import Scored, Shown

N_BINS = 10

#: A forecast and its outcome: (probability of the top condition, whether it was right).
Forecast = tuple[float, bool]


@dataclass(frozen=True)
class Bin:
    """One bin of forecasts in ``[lower, upper)`` (the last bin includes 1)."""

    lower: float
    upper: float
    count: int
    confidence: float | None  # mean forecast in the bin; None when empty
    accuracy: float | None  # share of the bin's forecasts that were right; None when empty

    def as_dict(self) -> dict[str, Any]:
        return {
            "lower": self.lower,
            "upper": self.upper,
            "count": self.count,
            "confidence": self.confidence,
            "accuracy": self.accuracy,
        }


@dataclass(frozen=True)
class Calibration:
    """Calibration figures over a set of cases; None where there is nothing to score.

    ``n`` forecasts scored (vignettes with dx and a condition shown); ``no_condition`` the
    vignettes with dx for which no condition was shown (not scored); ``confidence`` the mean
    top probability and ``accuracy`` the share of top conditions that were right.
    """

    n: int
    no_condition: int
    confidence: float | None
    accuracy: float | None
    brier_top: float | None
    brier_shown: float | None
    ece: float | None
    bins: tuple[Bin, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "no_condition": self.no_condition,
            "confidence": self.confidence,
            "accuracy": self.accuracy,
            "brier_top": self.brier_top,
            "brier_shown": self.brier_shown,
            "ece": self.ece,
            "bins": [b.as_dict() for b in self.bins],
        }


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def brier(forecasts: Sequence[Forecast]) -> float | None:
    """Mean squared difference between each forecast and its outcome (1 right, 0 wrong)."""
    return _mean([(p - float(y)) ** 2 for p, y in forecasts])


def bin_index(p: float, n_bins: int = N_BINS) -> int:
    """The bin of a probability: ``floor(p * n_bins)``, with 1.0 in the last bin.

    Rounded first so that 0.3 (stored as 0.29999...) falls in the bin that starts at 0.3.
    """
    return min(math.floor(round(p * n_bins, 9)), n_bins - 1)


def reliability_bins(forecasts: Sequence[Forecast], n_bins: int = N_BINS) -> tuple[Bin, ...]:
    """Every one of ``n_bins`` equal-width bins, with its count, confidence and accuracy."""
    members: list[list[Forecast]] = [[] for _ in range(n_bins)]
    for p, y in forecasts:
        members[bin_index(p, n_bins)].append((p, y))
    return tuple(
        Bin(
            lower=i / n_bins,
            upper=(i + 1) / n_bins,
            count=len(m),
            confidence=_mean([p for p, _ in m]),
            accuracy=_mean([float(y) for _, y in m]),
        )
        for i, m in enumerate(members)
    )


def expected_calibration_error(bins: Sequence[Bin]) -> float | None:
    """``sum_b (n_b / n) * |confidence_b - accuracy_b|`` over the non-empty bins."""
    n = sum(b.count for b in bins)
    if n == 0:
        return None
    return sum(
        b.count / n * abs(b.confidence - b.accuracy)
        for b in bins
        if b.confidence is not None and b.accuracy is not None
    )


def shown_brier(shown: Sequence[Shown]) -> float:
    """Multi-class Brier score of the shown list (see the module docstring), in [0, 2]."""
    rest = max(0.0, 1.0 - sum(s.probability for s in shown))
    right = [s.probability for s in shown if s.correct]
    wrong = sum(s.probability**2 for s in shown if not s.correct)
    if right:
        return (sum(right) - 1.0) ** 2 + wrong + rest**2
    return wrong + (rest - 1.0) ** 2


def calibrate(cases: Sequence[Scored], n_bins: int = N_BINS) -> Calibration:
    """Calibration of the top condition over the cases with dx (see the module docstring)."""
    with_dx = [c for c in cases if c.has_dx]
    scored = [c for c in with_dx if c.shown]
    tops = [max(c.shown, key=lambda s: s.probability) for c in scored]
    forecasts = [(top.probability, top.correct) for top in tops]
    bins = reliability_bins(forecasts, n_bins)
    return Calibration(
        n=len(forecasts),
        no_condition=len(with_dx) - len(scored),
        confidence=_mean([p for p, _ in forecasts]),
        accuracy=_mean([float(y) for _, y in forecasts]),
        brier_top=brier(forecasts),
        brier_shown=_mean([shown_brier(c.shown) for c in scored]),
        ece=expected_calibration_error(bins),
        bins=bins,
    )
