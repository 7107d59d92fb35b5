"""Vignette scoring (FORMAT.md) on hand-made cases."""

from __future__ import annotations

import pytest

from symptomatic.eval import Scored, Shown, codes_match, summarise
from symptomatic.eval.metrics import is_over_triage, is_under_triage
from symptomatic.kb.schema import CareLevel as L


@pytest.mark.parametrize(
    ("code", "gold", "expected"),
    [
        ("M54.5", ["M54.5"], True),
        ("M48.06", ["M48.0"], True),  # predicted more specific than gold
        ("N20", ["N20.0"], True),  # gold more specific than predicted
        ("N20.0", ["N23", "N20"], True),
        ("M51.1", ["M54.5"], False),
        ("M5", ["M54"], False),  # prefixes shorter than 3 characters never count
        ("m545", ["M54.5"], True),  # case and dots do not matter
        ("C53.9", ["C54", "N95.0"], False),
    ],
)
def test_codes_match_prefix_both_ways(code: str, gold: list[str], expected: bool) -> None:
    assert codes_match(code, gold) is expected


def test_under_and_over_triage_are_relative_to_every_acceptable_level() -> None:
    ok = (L.URGENT, L.SOON)
    assert is_under_triage(L.ROUTINE, ok) and not is_over_triage(L.ROUTINE, ok)
    assert is_over_triage(L.EMERGENCY, ok) and not is_under_triage(L.EMERGENCY, ok)
    assert not is_under_triage(L.SOON, ok) and not is_over_triage(L.URGENT, ok)


def _case(rank, dx=True, gold=None, ok=(), pred=L.ROUTINE, q=5, shown=None) -> Scored:  # type: ignore[no-untyped-def]
    """A case whose first match is at ``rank`` (None: six conditions shown, none right)."""
    if shown is None:
        wrong = 6 if rank is None else rank - 1
        shown = (*(Shown(0.1, False) for _ in range(wrong)), *([Shown(0.1, True)] if rank else []))
    return Scored(
        has_dx=dx, triage=gold, triage_ok=tuple(ok), predicted=pred, questions=q, shown=shown
    )


def test_rank_is_the_first_shown_condition_that_matches_counted_from_one() -> None:
    shown = (Shown(0.5, False), Shown(0.3, True), Shown(0.1, True))
    assert _case(None, shown=shown).rank == 2
    assert _case(None, shown=shown[:1]).rank is None
    assert _case(None, dx=False, shown=shown).rank is None  # no dx: nothing to rank
    assert _case(None, shown=()).rank is None


def test_summary_on_hand_made_cases() -> None:
    cases = [
        # dx rank 1, emergency caught
        _case(1, gold=L.EMERGENCY, ok=[L.EMERGENCY], pred=L.EMERGENCY, q=4),
        # dx rank 3, emergency missed (urgent): under-triage
        _case(3, gold=L.EMERGENCY, ok=[L.EMERGENCY], pred=L.URGENT, q=10),
        # dx rank 5, triage acceptable but not exact
        _case(5, gold=L.SELF_CARE, ok=[L.SELF_CARE, L.ROUTINE], pred=L.ROUTINE, q=6),
        # dx missed, over-triaged
        _case(None, gold=L.ROUTINE, ok=[L.ROUTINE], pred=L.SOON, q=8),
        # triage only (no dx): not counted in top-k
        _case(None, dx=False, gold=L.SOON, ok=[L.SOON], pred=L.SOON, q=12),
        # dx only (no triage): not counted in triage figures
        _case(2, gold=None, pred=L.EMERGENCY, q=0),
    ]
    s = summarise(cases)
    assert s.n == 6
    assert s.top1 == pytest.approx(1 / 5)
    assert s.top3 == pytest.approx(3 / 5)
    assert s.top5 == pytest.approx(4 / 5)
    assert s.triage_exact == pytest.approx(2 / 5)
    assert s.triage_acceptable == pytest.approx(3 / 5)
    assert s.under_triage == pytest.approx(1 / 5)
    assert s.over_triage == pytest.approx(1 / 5)
    assert s.emergency_sensitivity == pytest.approx(1 / 2)
    assert s.mean_questions == pytest.approx(40 / 6)


def test_summary_says_null_where_there_is_nothing_to_score() -> None:
    s = summarise([_case(None, dx=False, gold=L.ROUTINE, ok=[L.ROUTINE], pred=L.ROUTINE)])
    assert s.top1 is None and s.top3 is None and s.top5 is None
    assert s.emergency_sensitivity is None
    assert s.triage_exact == 1.0
    empty = summarise([])
    assert empty.n == 0 and empty.mean_questions is None and empty.triage_exact is None
    assert list(empty.as_dict()) == [
        "n", "top1", "top3", "top5", "triage_exact", "triage_acceptable", "under_triage",
        "over_triage", "emergency_sensitivity", "mean_questions",
    ]  # fmt: skip
