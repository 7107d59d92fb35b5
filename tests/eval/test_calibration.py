"""Calibration metrics on forecasts worked by hand (module docstring of eval/calibration.py)."""

from __future__ import annotations

import pytest

from symptomatic.eval import Scored, Shown, calibrate
from symptomatic.eval.calibration import (
    bin_index,
    brier,
    expected_calibration_error,
    reliability_bins,
    shown_brier,
)
from symptomatic.kb.schema import CareLevel


def test_brier_of_the_top_condition_by_hand() -> None:
    # ((0.9-1)^2 + (0.6-0)^2 + (0.3-1)^2 + (0.2-0)^2) / 4 = (0.01 + 0.36 + 0.49 + 0.04) / 4
    assert brier([(0.9, True), (0.6, False), (0.3, True), (0.2, False)]) == pytest.approx(0.225)
    assert brier([(1.0, True), (0.0, False)]) == 0.0
    assert brier([(0.5, True), (0.5, False)]) == pytest.approx(0.25)
    assert brier([]) is None


@pytest.mark.parametrize(
    ("p", "index"),
    [(0.0, 0), (0.05, 0), (0.1, 1), (0.3, 3), (0.7, 7), (0.99, 9), (1.0, 9)],
)
def test_bins_are_equal_width_lower_edge_included_and_one_in_the_last(p: float, index: int) -> None:
    assert bin_index(p) == index


def test_bins_and_ece_by_hand() -> None:
    forecasts = [(0.95, True), (0.85, True), (0.85, False), (0.8, True), (0.35, False)]
    bins = reliability_bins(forecasts)
    assert [b.count for b in bins] == [0, 0, 0, 1, 0, 0, 0, 0, 3, 1]
    assert bins[8].lower == pytest.approx(0.8) and bins[8].upper == pytest.approx(0.9)
    assert bins[8].confidence == pytest.approx(2.5 / 3)
    assert bins[8].accuracy == pytest.approx(2 / 3)
    assert bins[0].confidence is None and bins[0].accuracy is None
    # bin 3: |0.35 - 0| = 0.35; bin 8: |0.8333 - 0.6667| = 1/6; bin 9: |0.95 - 1| = 0.05
    expected = (1 * 0.35 + 3 * (1 / 6) + 1 * 0.05) / 5
    assert expected_calibration_error(bins) == pytest.approx(expected)  # 0.18
    assert expected_calibration_error(reliability_bins([])) is None


def test_a_perfectly_calibrated_bin_has_no_error() -> None:
    # four forecasts of 0.75, three right: confidence equals accuracy
    forecasts = [(0.75, True), (0.75, True), (0.75, True), (0.75, False)]
    assert expected_calibration_error(reliability_bins(forecasts)) == pytest.approx(0.0)
    assert brier(forecasts) == pytest.approx((3 * 0.0625 + 0.5625) / 4)


def test_shown_brier_merges_the_right_conditions_and_scores_what_is_not_shown() -> None:
    # right first: (0.6-1)^2 + 0.3^2 + rest 0.1^2
    assert shown_brier([Shown(0.6, True), Shown(0.3, False)]) == pytest.approx(0.26)
    # two conditions both match the dx: one class of 0.5 + 0.3 = 0.8; (0.8-1)^2 + 0.1^2 + 0.1^2
    assert shown_brier([Shown(0.5, True), Shown(0.3, True), Shown(0.1, False)]) == pytest.approx(
        0.06
    )
    # none right: the truth is "not shown" (0.2): 0.7^2 + 0.1^2 + (0.2-1)^2
    assert shown_brier([Shown(0.7, False), Shown(0.1, False)]) == pytest.approx(1.14)
    assert shown_brier([Shown(1.0, True)]) == pytest.approx(0.0)
    assert shown_brier([Shown(1.0, False)]) == pytest.approx(2.0)


def _scored(shown: tuple[Shown, ...], dx: bool = True) -> Scored:
    return Scored(
        has_dx=dx,
        triage=None,
        triage_ok=(),
        predicted=CareLevel.ROUTINE,
        questions=3,
        shown=shown,
    )


def test_calibrate_scores_the_top_condition_of_cases_with_dx() -> None:
    cases = [
        _scored((Shown(0.9, True), Shown(0.05, False))),
        _scored((Shown(0.6, False), Shown(0.3, True))),
        _scored(()),  # dx, but nothing shown: counted apart, not scored
        _scored((Shown(0.99, False),), dx=False),  # no dx: not scored
    ]
    cal = calibrate(cases)
    assert (cal.n, cal.no_condition) == (2, 1)
    assert cal.confidence == pytest.approx(0.75) and cal.accuracy == pytest.approx(0.5)
    assert cal.brier_top == pytest.approx((0.01 + 0.36) / 2)
    # bins 6 (0.6, wrong) and 9 (0.9, right): (|0.6 - 0| + |0.9 - 1|) / 2
    assert cal.ece == pytest.approx(0.35)
    # (0.1^2 + 0.05^2 + 0.05^2) and (0.6^2 + (0.3-1)^2 + 0.1^2)
    assert cal.brier_shown == pytest.approx((0.015 + 0.86) / 2)
    assert [b["count"] for b in cal.as_dict()["bins"]] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 1]


def test_the_top_condition_is_the_most_probable_shown_not_the_first() -> None:
    # a warning sign's condition is listed first at 2 %; the top condition is the 70 % one
    cal = calibrate([_scored((Shown(0.02, False), Shown(0.7, True), Shown(0.2, False)))])
    assert cal.confidence == pytest.approx(0.7) and cal.accuracy == 1.0
    assert cal.brier_top == pytest.approx(0.09)
    assert [b.count for b in cal.bins][7] == 1


def test_calibrate_with_nothing_to_score() -> None:
    cal = calibrate([_scored((), dx=True)])
    assert cal.n == 0 and cal.no_condition == 1
    assert cal.brier_top is None and cal.ece is None and cal.brier_shown is None
