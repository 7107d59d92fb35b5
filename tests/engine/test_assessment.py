"""Triage: rules, severity thresholds, reasons; red flags only raise."""

from __future__ import annotations

from symptomatic.engine import Assessor
from symptomatic.kb.schema import CareLevel


def test_benign_back_pain_is_self_care(tiny_model):
    ev = {
        "low_back_pain": "present",
        "leg_pain": "absent",
        "saddle_numbness": "absent",
        "bladder_retention": "absent",
        "colicky_flank_pain": "absent",
    }
    d = Assessor(tiny_model).assess("male", 30, ev)
    assert d.level is CareLevel.SELF_CARE
    assert d.reasons and not d.fired


def test_emergency_rule_fires_with_reason(tiny_model):
    d = Assessor(tiny_model).assess("male", 30, {"saddle_numbness": "present"})
    assert d.level is CareLevel.EMERGENCY
    assert [r.id for r in d.fired] == ["cauda_equina_signs"]
    assert any("Warning signs" in r for r in d.reasons)
    assert not any(d.fired[0].message in r for r in d.reasons)  # the message is said once


def test_choice_rule(tiny_model):
    a = Assessor(tiny_model)
    assert a.assess("female", 30, {"fever": "present", "onset": "sudden"}).fired
    assert not a.assess("female", 30, {"fever": "present", "onset": "gradual"}).fired
    assert not a.assess("female", 30, {"fever": "present"}).fired


def test_critical_condition_escalates_at_low_probability(tiny_model):
    # kidney stone is moderate/urgent: colicky pain + sudden onset push it past 20%
    d = Assessor(tiny_model).assess(
        "male", 45, {"colicky_flank_pain": "present", "onset": "sudden"}
    )
    assert d.level is CareLevel.URGENT
    assert any(e.condition_id == "kidney_stone" for e in d.escalations)
