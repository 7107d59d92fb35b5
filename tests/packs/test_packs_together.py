"""Every pack loaded together (issue 17: "the earlier packs' figures do not fall"): the abdomen
pack's rules, likelihoods and screens must not crowd the earlier packs' conditions out of the
first places, and must not lower any care level. Each behaviour is pinned with cases written
here, none copied from a vignette.

A result lists first the conditions its fired warning signs name, then the most probable
others, so a rule naming a condition is a claim that the condition belongs at the top.
"""

from __future__ import annotations

import pytest

from symptomatic.engine import Model
from symptomatic.interview import answers_from, drive, result, start
from symptomatic.interview.result import CheckResult
from symptomatic.kb.schema import CareLevel
from symptomatic.triage import rank


def _answered(all_model: Model, sex: str, age: int, evidence: dict[str, str]) -> CheckResult:
    """The result for these answers, no other question answered."""
    state = drive(all_model, start(all_model, sex, age, evidence), answers_from(evidence))
    return result(all_model, state)


def _shown(res: CheckResult) -> list[str]:
    return [c.id for c in res.conditions]


# --- a blood test that may be anaemia, calcium or inflammation names no one cancer -----------


def test_abnormal_blood_tests_at_60_keep_at_least_the_two_week_level_naming_no_bowel_cancer(
    all_model: Model,
) -> None:
    res = _answered(
        all_model,
        "male",
        71,
        {
            "low_back_pain": "present",
            "pain_duration": "over_12w",
            "abnormal_blood_tests": "present",
        },
    )
    assert rank(res.triage.level) >= rank(CareLevel.SOON)
    fired = {r.id: r for r in res.triage.fired}
    assert "anaemia_over_60" in fired
    assert fired["anaemia_over_60"].conditions == ()
    # the back pain's own rule still puts myeloma first, and bowel cancer does not jump ahead
    # of the back pain's causes
    shown = _shown(res)
    assert shown[0] == "myeloma"
    assert "colorectal_cancer" not in shown[:3]


# --- fainting with a sudden or severe pain: internal bleeding, an aneurysm only where likely ---

_SEVERITY = ("sudden_onset", "severe_pain", "tearing_pain")
_PLACES = ("low_back_pain", "flank_pain", "pelvic_pain")


@pytest.mark.parametrize("age", [22, 35, 49, 50, 70])
@pytest.mark.parametrize("sex", ["female", "male"])
def test_pain_with_fainting_is_an_emergency_at_every_age(
    all_model: Model, sex: str, age: int
) -> None:
    for severity in _SEVERITY:
        for place in _PLACES:
            evidence = {severity: "present", place: "present", "fainting": "present"}
            level = _answered(all_model, sex, age, evidence).triage.level
            assert level is CareLevel.EMERGENCY, (sex, age, evidence)


def test_a_young_woman_fainting_with_sudden_low_tummy_pain_is_not_named_an_aneurysm(
    all_model: Model,
) -> None:
    res = _answered(
        all_model,
        "female",
        24,
        {
            "pelvic_pain": "present",
            "sudden_onset": "present",
            "severe_pain": "present",
            "fainting": "present",
            "pregnant": "absent",
        },
    )
    assert res.triage.level is CareLevel.EMERGENCY
    fired = {r.id: r for r in res.triage.fired}
    assert fired["pelvic_pain_with_collapse"].conditions == ()
    assert "aaa_rupture_collapse" not in fired
    assert "aaa" not in _shown(res)[:3]


@pytest.mark.parametrize(
    ("age", "severity"), [(67, "sudden_onset"), (58, "severe_pain"), (31, "tearing_pain")]
)
def test_fainting_with_back_pain_names_the_aneurysm_from_50_or_with_a_tearing_pain(
    all_model: Model, age: int, severity: str
) -> None:
    res = _answered(
        all_model,
        "male",
        age,
        {"low_back_pain": "present", severity: "present", "fainting": "present"},
    )
    assert res.triage.level is CareLevel.EMERGENCY
    assert "aaa_rupture_collapse" in {r.id for r in res.triage.fired}
    assert _shown(res)[0] == "aaa"


# --- the pain of labour comes and goes ------------------------------------------------------

_PREGNANT_ACHE = {
    "pregnant": "present",
    "pregnancy_over_12_weeks": "present",
    "pelvic_pain": "present",
    "abdominal_pain": "present",
    "low_back_pain": "present",
    "regular_tightenings": "absent",
}


def test_preterm_labour_is_less_likely_when_the_pain_does_not_come_and_go(all_model: Model) -> None:
    base = all_model.posterior("female", 31, _PREGNANT_ACHE).of("preterm_labour")
    steady = all_model.posterior(
        "female", 31, {**_PREGNANT_ACHE, "abd_pain_comes_goes": "absent"}
    ).of("preterm_labour")
    waves = all_model.posterior(
        "female", 31, {**_PREGNANT_ACHE, "abd_pain_comes_goes": "present"}
    ).of("preterm_labour")
    assert steady < base < waves


def test_tightenings_with_a_pain_that_comes_and_goes_in_pregnancy_stay_an_emergency(
    all_model: Model,
) -> None:
    evidence = {
        **_PREGNANT_ACHE,
        "regular_tightenings": "present",
        "abd_pain_comes_goes": "present",
    }
    res = _answered(all_model, "female", 29, evidence)
    assert res.triage.level is CareLevel.EMERGENCY
    assert "preterm_labour" in _shown(res)[:3]


# --- low tummy pain with a discharge: PID today on the signs above the cervix ---------------

_CERVIX = {
    "pelvic_pain": "present",
    "vaginal_discharge": "present",
    "postcoital_bleeding": "present",
}


def test_bleeding_after_sex_with_a_discharge_and_a_low_ache_is_seen_today_while_pid_is_likely(
    all_model: Model,
) -> None:
    res = _answered(all_model, "female", 23, _CERVIX)
    assert res.triage.level is CareLevel.URGENT
    assert "lower_tummy_pain_with_discharge" not in {r.id for r in res.triage.fired}
    assert "pid" in _shown(res)[:3]


def test_bleeding_after_sex_with_a_discharge_once_pid_signs_are_denied_is_seen_within_2_weeks(
    all_model: Model,
) -> None:
    evidence = {
        **_CERVIX,
        "pain_duration": "w1_6",
        "dyspareunia": "absent",
        "intermenstrual_bleeding": "absent",
        "fever": "absent",
        "new_sexual_partner": "absent",
        "nausea_vomiting": "absent",
        "pregnant": "absent",
        "late_period": "absent",
    }
    res = _answered(all_model, "female", 23, evidence)
    assert res.triage.level is CareLevel.SOON
    assert "postcoital_bleeding" in {r.id for r in res.triage.fired}


@pytest.mark.parametrize("sign", ["dyspareunia", "fever", "new_sexual_partner"])
def test_low_tummy_pain_with_a_discharge_and_a_sign_above_the_cervix_is_pid_today(
    all_model: Model, sign: str
) -> None:
    evidence = {"pelvic_pain": "present", "vaginal_discharge": "present", sign: "present"}
    res = _answered(all_model, "female", 27, evidence)
    assert rank(res.triage.level) >= rank(CareLevel.URGENT)
    fired = {r.id: r for r in res.triage.fired}
    assert fired["lower_tummy_pain_with_discharge"].conditions == ("pid",)


# --- a fever with a pain: a spine infection named only for a back, side or leg pain ----------


@pytest.mark.parametrize(
    "place",
    [
        "low_back_pain",
        "flank_pain",
        "leg_pain_below_knee",
        "pelvic_pain",
        "perineal_pain",
        "testicle_pain",
    ],
)
def test_a_fever_with_any_back_pelvic_or_groin_pain_is_seen_today(
    all_model: Model, place: str
) -> None:
    res = _answered(all_model, "male", 45, {"fever": "present", place: "present"})
    assert rank(res.triage.level) >= rank(CareLevel.URGENT), place


def test_a_fever_with_a_low_front_pain_names_no_spine_infection(all_model: Model) -> None:
    res = _answered(
        all_model,
        "male",
        38,
        {"fever": "present", "pelvic_pain": "present", "right_lower_abdominal_pain": "present"},
    )
    fired = {r.id: r for r in res.triage.fired}
    assert fired["fever_with_pelvic_pain"].conditions == ()
    assert "fever_with_back_pain" not in fired
    assert _shown(res)[0] != "spinal_infection"


def test_a_fever_with_back_pain_still_names_the_spine_infection_first(all_model: Model) -> None:
    res = _answered(all_model, "male", 52, {"fever": "present", "low_back_pain": "present"})
    fired = {r.id: r for r in res.triage.fired}
    assert fired["fever_with_back_pain"].conditions == ("spinal_infection",)
    assert _shown(res)[0] == "spinal_infection"
