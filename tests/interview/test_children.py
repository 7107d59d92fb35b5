"""Checks for children: who the check is for, parent wording, a baby's age in months, the
baby-fever rule, and ages no loaded pack covers (on the child-fever fixture pack)."""

from __future__ import annotations

import pytest
from tests.conftest import CHILD_PACK

from symptomatic.engine import Model
from symptomatic.errors import ContradictoryAnswerError, DemographicsError, InterviewError
from symptomatic.interview import (
    InterviewState,
    answer,
    answer_group,
    emergency_now,
    next_question,
    question_for,
    result,
    start,
)
from symptomatic.kb import load_knowledge_base


@pytest.fixture(scope="module")
def adult_model() -> Model:
    return Model.compile(load_knowledge_base("back-pelvic"))


@pytest.fixture(scope="module")
def both_model() -> Model:
    """back-pelvic (16+) and the children's pack loaded together."""
    return Model.compile(load_knowledge_base("back-pelvic", CHILD_PACK))


def test_for_whom_survives_the_json_round_trip(child_model: Model) -> None:
    state = start(child_model, "female", 4, {"fever": "present"}, for_whom="child")
    back = InterviewState.from_json(state.to_json())
    assert back == state and back.for_whom == "child"
    # a state stored before for_whom existed reads as the person themselves
    old = state.to_dict()
    del old["for_whom"]
    assert InterviewState.from_dict(old).for_whom == "self"
    with pytest.raises(InterviewError):
        InterviewState.from_dict({**state.to_dict(), "for_whom": "dog"})
    with pytest.raises(DemographicsError):
        start(child_model, "female", 4, for_whom="dog")


def test_questions_speak_to_a_parent_and_fall_back_to_the_plain_question(
    child_model: Model,
) -> None:
    first = {
        w: next_question(child_model, start(child_model, "male", 3, for_whom=w))
        for w in ("self", "child", "other")
    }
    assert first["child"] is not None and first["self"] is not None and first["other"] is not None
    assert first["child"].finding_id == first["self"].finding_id == "fever"
    assert first["child"].text.startswith("Has your child had a high temperature")
    assert first["self"].text.startswith("Have you had a high temperature")
    assert first["other"].text.startswith("Have they had a high temperature")
    # the fixture's ear_pulling has question_child but no question_other: the plain question
    fnd = child_model.kb.findings["ear_pulling"]
    assert question_for(child_model, "ear_pulling", for_whom="other").text == fnd.question
    assert question_for(child_model, "ear_pulling", for_whom="child").text == fnd.question_child


def test_a_screen_group_is_worded_for_a_parent(child_model: Model) -> None:
    state = start(child_model, "female", 6, {"fever": "present"}, for_whom="child")
    q = next_question(child_model, state)
    assert q is not None and q.type == "group_multiple"
    assert q.text == "Since the fever started, has your child had any of these?"
    assert all(i.text.startswith(("Is your child", "Does your child")) for i in q.items)
    own = next_question(child_model, start(child_model, "female", 14, {"fever": "present"}))
    assert own is not None and own.text == "Since the fever started, have you had any of these?"


def test_a_childs_whole_check_gives_parent_wording(child_model: Model) -> None:
    state = start(child_model, "female", 2, for_whom="child")
    while (q := next_question(child_model, state)) is not None:
        if q.items:
            state = answer_group(
                child_model, state, q.finding_id, {i.finding_id: "absent" for i in q.items}
            )
        else:
            value = "present" if q.finding_id in ("fever", "ear_pulling", "earache") else "absent"
            state = answer(child_model, state, q.finding_id, value)
    res = result(child_model, state)
    assert res.for_whom == "child" and res.to_dict()["for_whom"] == "child"
    assert res.conditions[0].id == "acute_otitis_media"
    assert "your child" in res.title and "your child" in res.advice
    assert all("your child" in line for line in res.safety_net)
    assert "bottom" not in " ".join(res.safety_net)  # no adult back-pain wording for a child
    assert res.summary.splitlines()[:2] == [
        "Symptom check summary (female, 2 years)",
        "For: a child (answered by a parent or carer).",
    ]
    assert all(
        t.question.startswith(("Has your child", "Is your child", "Does your child"))
        for t in res.transcript
        if t.finding_id in ("fever", "ear_pulling", "floppy_or_hard_to_wake")
    )


def test_wording_for_someone_else_and_for_oneself(child_model: Model) -> None:
    for_other = result(child_model, start(child_model, "male", 12, for_whom="other"))
    own = result(child_model, start(child_model, "male", 12))
    assert for_other.triage.level == own.triage.level
    spoken = child_model.kb.spoken_to("other", for_other.triage.level)
    assert spoken is not None and for_other.title == spoken.title != own.title
    assert any(w in for_other.title.lower().split() for w in ("they", "them", "their"))
    assert "your child" not in own.title + own.advice
    assert "For: someone else" in for_other.summary and "For:" not in own.summary


def test_a_baby_of_two_months_with_fever_is_an_emergency_at_once(child_model: Model) -> None:
    state = start(child_model, "male", 0, {"fever": "present"}, for_whom="child", age_months=2)
    assert state.evidence["age_under_3_months"] == "present"
    assert [r.id for r in emergency_now(child_model, state)] == ["fever_in_baby_under_3_months"]
    assert next_question(child_model, state) is None
    res = result(child_model, state)
    assert res.triage.level.value == "emergency" and res.emergency and res.should_stop
    assert res.questions_asked == 0
    assert res.title == "Emergency: get help for your child now"
    assert "under 1 year" in res.summary.splitlines()[0]


def test_the_baby_rule_needs_both_the_fever_and_the_young_age(child_model: Model) -> None:
    older = start(child_model, "male", 0, {"fever": "present"}, for_whom="child", age_months=5)
    assert older.evidence["age_under_3_months"] == "absent"
    assert not emergency_now(child_model, older)
    no_fever = start(child_model, "male", 0, {"fever": "absent"}, age_months=1)
    assert not emergency_now(child_model, no_fever)
    # asked rather than stated up front: the same stop
    state = start(child_model, "female", 0, for_whom="child", age_months=0)
    q = next_question(child_model, state)
    assert q is not None and q.finding_id == "fever"
    state = answer(child_model, state, "fever", "present")
    assert emergency_now(child_model, state) and next_question(child_model, state) is None


def test_a_babys_age_needs_months_that_match(child_model: Model) -> None:
    with pytest.raises(DemographicsError, match="in months"):
        start(child_model, "male", 0)
    with pytest.raises(DemographicsError, match="30 months is not 1 years"):
        start(child_model, "male", 1, age_months=30)
    toddler = start(child_model, "male", 2, age_months=30)
    assert toddler.evidence["age_under_3_months"] == "absent"
    assert "age_under_3_months" not in start(child_model, "male", 2).evidence
    with pytest.raises(ContradictoryAnswerError):
        start(child_model, "male", 0, {"age_under_3_months": "absent"}, age_months=1)


def test_an_age_no_loaded_pack_covers_is_refused_clearly(
    adult_model: Model, child_model: Model
) -> None:
    with pytest.raises(DemographicsError) as err:
        start(adult_model, "female", 3, {"low_back_pain": "present"}, for_whom="child")
    assert str(err.value).startswith("This check does not cover age 3: it is written for ages 16")
    assert adult_model.kb.ages_covered == "16 and over"
    with pytest.raises(DemographicsError, match="ages 0 to 15"):
        start(child_model, "female", 40)
    assert start(adult_model, "female", 16).age == 16


def test_complaints_count_only_for_the_ages_their_pack_covers(both_model: Model) -> None:
    kb = both_model.kb
    assert kb.ages_covered == "any age"
    assert "low_back_pain" not in kb.complaints_for(3) and "fever" in kb.complaints_for(3)
    assert "fever" not in kb.complaints_for(40) and "low_back_pain" in kb.complaints_for(40)
    child_first = next_question(both_model, start(both_model, "male", 3, for_whom="child"))
    assert child_first is not None and child_first.finding_id == "fever"
    adult_first = next_question(both_model, start(both_model, "male", 40))
    assert adult_first is not None and "fever" not in {i.finding_id for i in adult_first.items}
    # a child's back pain is not covered by a pack written for adults
    back = start(both_model, "male", 3, {"low_back_pain": "present"}, for_whom="child")
    res = result(both_model, back)
    assert res.not_covered and next_question(both_model, back) is None
