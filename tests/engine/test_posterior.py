"""Posteriors checked against values computed by hand from tests/fixtures/packs/tiny."""

from __future__ import annotations

import math

import pytest

from symptomatic.engine.model import WINDOW_DAYS, rate_to_probability
from symptomatic.errors import DemographicsError, UnknownFindingError


def _p(rate: float) -> float:
    """P(new presentation within the 14-day window) for a rate per 1,000 person-years."""
    return 1.0 - math.exp(-rate / 1000.0 * WINDOW_DAYS / 365.0)


def test_window_conversion():
    assert WINDOW_DAYS == 14
    assert rate_to_probability(124) == pytest.approx(0.0047, abs=1e-4)  # research notes 4.1
    assert rate_to_probability(97) == pytest.approx(0.0037, abs=1e-4)


def test_prior_only_female_40(tiny_model):
    # rates: mech 30, sciatica 10, cauda 0.5, stone (female) 2, endo 2.5; other = 1 - sum p
    post = tiny_model.posterior("female", 40, {})
    priors = [_p(r) for r in (30, 10, 0.5, 2, 2.5)]
    assert post.of("mechanical_lbp") == pytest.approx(priors[0])
    assert post.of("other_cause") == pytest.approx(1.0 - sum(priors))
    assert post.probs.sum() == pytest.approx(1.0)


def test_hand_computed_low_back_pain(tiny_model):
    # joint = prior * P(lbp | c); P(lbp | none of them) = 0.0001
    joint = {
        "mechanical_lbp": _p(30) * 0.95,
        "sciatica": _p(10) * 0.8,
        "cauda_equina": _p(0.5) * 0.9,
        "kidney_stone": _p(2) * 0.3,
        "endometriosis": _p(2.5) * 0.4,
    }
    joint["other_cause"] = (1.0 - sum(_p(r) for r in (30, 10, 0.5, 2, 2.5))) * 0.0001
    total = sum(joint.values())
    post = tiny_model.posterior("female", 40, {"low_back_pain": "present"})
    for cid, j in joint.items():
        assert post.of(cid) == pytest.approx(j / total)


def test_hand_computed_male_two_findings(tiny_model):
    # male: endometriosis does not apply; stone rate 4
    # evidence: leg_pain absent, onset sudden
    lk = {  # P(leg absent | c) * P(sudden | c)
        "mechanical_lbp": (_p(30), 0.9 * 0.3),
        "sciatica": (_p(10), 0.1 * 0.3),
        "cauda_equina": (_p(0.5), 0.3 * 0.5),
        "kidney_stone": (_p(4), 0.99 * 0.9),
    }
    lk["other_cause"] = (1.0 - sum(p for p, _ in lk.values()), 0.99 * 0.3)
    total = sum(p * q for p, q in lk.values())
    post = tiny_model.posterior("male", 60, {"leg_pain": "absent", "onset": "sudden"})
    for cid, (p, q) in lk.items():
        assert post.of(cid) == pytest.approx(p * q / total)
    assert post.of("endometriosis") == 0.0
    assert "endometriosis" not in dict(post.ranked())


def test_unknown_changes_nothing(tiny_model):
    a = tiny_model.posterior("male", 30, {"fever": "present"})
    b = tiny_model.posterior("male", 30, {"fever": "present", "leg_pain": "unknown"})
    assert list(a.probs) == pytest.approx(list(b.probs))


def test_bad_inputs(tiny_model):
    with pytest.raises(UnknownFindingError, match="nope"):
        tiny_model.posterior("male", 30, {"nope": "present"})
    with pytest.raises(UnknownFindingError, match="expected one of"):
        tiny_model.posterior("male", 30, {"onset": "present"})
    with pytest.raises(DemographicsError):
        tiny_model.posterior("other", 30, {})
    with pytest.raises(DemographicsError):
        tiny_model.posterior("male", 131, {})


def test_log_space_survives_many_strong_findings(tiny_model):
    ev = {"saddle_numbness": "present", "bladder_retention": "present", "leg_pain": "present"}
    post = tiny_model.posterior("male", 45, ev)
    assert math.isclose(post.probs.sum(), 1.0)
    assert post.ranked()[0][0] == "cauda_equina"
