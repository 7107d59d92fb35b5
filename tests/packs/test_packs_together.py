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
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import CareLevel
from symptomatic.triage import rank


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base())


def _answered(model: Model, sex: str, age: int, evidence: dict[str, str]) -> CheckResult:
    """The result for these answers, no other question answered."""
    state = drive(model, start(model, sex, age, evidence), answers_from(evidence))
    return result(model, state)


def _shown(res: CheckResult) -> list[str]:
    return [c.id for c in res.conditions]


# --- a blood test that may be anaemia, calcium or inflammation names no one cancer -----------


def test_abnormal_blood_tests_at_60_keep_at_least_the_two_week_level_naming_no_bowel_cancer(
    model: Model,
) -> None:
    res = _answered(
        model,
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
