"""Posteriors checked against values computed by hand from tests/fixtures/packs/tiny."""

from __future__ import annotations

import math

import pytest

from symptomatic.errors import DemographicsError, UnknownFindingError


def test_prior_only_female_40(tiny_model):
    # priors: mech .6, sciatica .2, cauda .01, stone (female) .04, endo .05 -> other = 1 - .9
    post = tiny_model.posterior("female", 40, {})
    assert post.of("mechanical_lbp") == pytest.approx(0.6)
    assert post.of("other_cause") == pytest.approx(0.1)
    assert post.probs.sum() == pytest.approx(1.0)


def test_hand_computed_low_back_pain(tiny_model):
    # joint = prior * P(lbp | c): .6*.95, .2*.8, .01*.9, .04*.3, .05*.5 (default), .1*.5
    joint = {
        "mechanical_lbp": 0.57,
        "sciatica": 0.16,
        "cauda_equina": 0.009,
        "kidney_stone": 0.012,
        "endometriosis": 0.025,
        "other_cause": 0.05,
    }
    total = sum(joint.values())
    post = tiny_model.posterior("female", 40, {"low_back_pain": "present"})
    for cid, j in joint.items():
        assert post.of(cid) == pytest.approx(j / total)


def test_hand_computed_male_two_findings(tiny_model):
    # male: endometriosis does not apply; stone prior .08; sum = .89 -> other = .11
    # evidence: leg_pain absent, onset sudden
    lk = {  # P(leg absent | c) * P(sudden | c)
        "mechanical_lbp": (0.6, 0.9 * 0.3),
        "sciatica": (0.2, 0.1 * 0.3),
        "cauda_equina": (0.01, 0.3 * 0.5),
        "kidney_stone": (0.08, 0.9 * 0.9),
        "other_cause": (0.11, 0.9 * 0.3),
    }
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
