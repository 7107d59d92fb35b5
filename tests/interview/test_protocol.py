"""The safe interview (issue 9): screens as protocol, group questions, stop at an emergency,
questions that follow from what is known, honest scope, contradictions refused."""

from __future__ import annotations

import pytest

from symptomatic.engine import Model
from symptomatic.errors import ContradictoryAnswerError, DemographicsError
from symptomatic.interview import (
    InterviewState,
    answer,
    answer_group,
    emergency_now,
    go_on_after_emergency,
    next_question,
    result,
    start,
    undo,
)
from symptomatic.interview.flow import uncovered_complaints
from symptomatic.kb import load_knowledge_base
from symptomatic.language import parse

CAUDA = {"saddle_numbness", "urinary_retention", "new_incontinence"}


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base("back-pelvic"))


def _run(model: Model, state: InterviewState, truth: dict[str, str], limit: int = 40):
    """Answer every question from ``truth`` (absent otherwise); return (state, questions)."""
    asked: list[list[str]] = []
    for _ in range(limit):
        q = next_question(model, state)
        if q is None:
            break
        if q.items:
            ids = [i.finding_id for i in q.items]
            state = answer_group(
                model, state, q.finding_id, {f: truth.get(f, "absent") for f in ids}
            )
        else:
            ids = [q.finding_id]
            value = truth.get(q.finding_id, "absent")
            if value not in {o.id for o in q.options}:
                value = "unknown"
            state = answer(model, state, q.finding_id, value)
        asked.append(ids)
    return state, asked


@pytest.mark.parametrize(("sex", "age"), [("male", 40), ("male", 70), ("female", 45)])
def test_cauda_equina_signs_are_always_screened_for_back_pain(model, sex, age):
    state = start(model, sex, age, {"low_back_pain": "present"})
    _, asked = _run(model, state, {"low_back_pain": "present"})
    flat = {f for q in asked for f in q}
    assert flat >= CAUDA  # whatever their prior probability
    # ... and early, before the questions chosen by information gain
    first = next(i for i, q in enumerate(asked) if CAUDA & set(q))
    assert first <= 1


def test_hidden_saddle_numbness_ends_in_an_emergency_and_stops(model):
    state = start(model, "male", 42, {"low_back_pain": "present"})
    truth = {"low_back_pain": "present", "saddle_numbness": "present", "severe_pain": "present"}
    state, asked = _run(model, state, truth)
    assert emergency_now(model, state)
    res = result(model, state)
    assert res.triage.level.value == "emergency" and res.emergency and res.should_stop
    # the condition the warning sign points at is shown, first
    assert res.conditions[0].id == "cauda_equina"
    # it stopped at once: the group with saddle numbness was the last question
    assert "saddle_numbness" in asked[-1]


def test_after_an_emergency_the_person_may_go_on(model):
    state = start(model, "male", 42, {"low_back_pain": "present", "saddle_numbness": "present"})
    assert next_question(model, state) is None
    more = next_question(model, go_on_after_emergency(state))
    assert more is not None
    back = InterviewState.from_json(go_on_after_emergency(state).to_json())
    assert back.after_emergency


def test_a_group_question_counts_once_and_undo_takes_it_back_whole(model):
    state = start(model, "female", 45, {"low_back_pain": "present"})
    q = next_question(model, state)
    assert q is not None and q.type == "group_multiple" and len(q.items) >= 3
    after = answer_group(model, state, q.finding_id, {i.finding_id: "absent" for i in q.items})
    assert after.questions_asked == 1
    assert len(after.asked) == len(q.items)
    assert undo(after) == state


def test_nothing_about_the_pain_without_a_pain(model):
    state = start(
        model,
        "female",
        45,
        {"low_back_pain": "absent", "pelvic_pain": "absent", "flank_pain": "absent"},
    )
    assert next_question(model, state) is None


def test_the_complaint_is_established_first(model):
    state = start(model, "female", 45, {}, focus="cervical_cancer")
    q = next_question(model, state)
    assert q is not None and q.finding_id == "complaint"
    assert {i.finding_id for i in q.items} == {"low_back_pain", "pelvic_pain", "flank_pain"}


def test_after_the_menopause_questions_wait_for_the_menopause(model):
    state = start(model, "female", 58, {"pelvic_pain": "present"})
    truth = {"pelvic_pain": "present", "postmenopausal": "absent"}
    _, asked = _run(model, state, truth)
    order = [f for q in asked for f in q]
    if "postmenopausal_bleeding" in order:
        assert "postmenopausal" in order[: order.index("postmenopausal_bleeding")]
    # periods stopped: "bleeding since your periods stopped" may come; period pain may not
    state2 = start(model, "female", 58, {"pelvic_pain": "present", "postmenopausal": "present"})
    _, asked2 = _run(model, state2, {"pelvic_pain": "present", "postmenopausal": "present"})
    assert "cyclical_pain" not in {f for q in asked2 for f in q}


def test_answers_that_contradict_the_person_are_refused(model):
    with pytest.raises(ContradictoryAnswerError):
        start(model, "male", 40, {"pregnant": "present"})
    state = start(model, "male", 40, {"low_back_pain": "present"})
    with pytest.raises(ContradictoryAnswerError):
        answer(model, state, "postcoital_bleeding", "present")
    # a "no" is not a contradiction
    assert answer(model, state, "postcoital_bleeding", "absent").evidence


def test_a_child_is_refused_when_no_pack_covers_children(model):
    with pytest.raises(DemographicsError, match="does not cover age 2"):
        start(model, "female", 2, {"low_back_pain": "present"})


def test_a_complaint_no_pack_covers_gets_honest_urgent_advice(model):
    ev = parse(model, "I have crushing chest pain", sex="male", age=55).to_evidence()
    assert ev.get("chest_pain") == "present"
    state = start(model, "male", 55, ev)
    assert next_question(model, state) is None  # no back-pain interview
    res = result(model, state)
    assert res.not_covered == ("Chest pain or tightness",)
    assert res.triage.level.value in ("urgent", "emergency")
    assert "does not cover chest pain" in res.triage.reasons[0]


@pytest.mark.parametrize(
    "text",
    ["my back hurts and honestly I want to kill myself", "I took too many tablets last night"],
)
def test_words_of_crisis_show_emergency_help_at_once(model, text):
    ev = parse(model, text, sex="female", age=30).to_evidence()
    state = start(model, "female", 30, ev)
    assert emergency_now(model, state)
    assert next_question(model, state) is None
    assert result(model, state).triage.level.value == "emergency"


def test_an_uncovered_symptom_beside_a_covered_complaint_is_noted_not_escalated(model):
    ev = parse(model, "pelvic pain and bloating with diarrhoea on and off", sex="male", age=26)
    state = start(model, "male", 26, ev.to_evidence())
    assert next_question(model, state) is not None  # the check goes on
    res = result(model, state)
    assert res.not_covered == ("Diarrhoea",)
    assert not any("does not cover" in r for r in res.triage.reasons)


def test_chest_pain_beside_back_pain_still_needs_assessment_today(model):
    state = start(model, "male", 50, {"low_back_pain": "present", "chest_pain": "present"})
    assert result(model, state).triage.level.value in ("urgent", "emergency")


def test_pain_is_covered_through_its_locations(model: Model) -> None:
    """``pain`` is the umbrella of the covered pain locations: a back pain is covered; a pain
    denied in every covered place (knee pain, say) is not, and is said so."""
    back = start(model, "female", 40, {"low_back_pain": "present"})
    assert uncovered_complaints(model, back) == ()
    assert "does not cover" not in " ".join(result(model, back).triage.reasons)
    only_pain = start(model, "female", 40, {"pain": "present"})
    assert uncovered_complaints(model, only_pain) == ()  # where is not known yet
    elsewhere = start(
        model,
        "female",
        40,
        {"pain": "present", "low_back_pain": "absent", "pelvic_pain": "absent"}
        | {"flank_pain": "absent"},
    )
    assert uncovered_complaints(model, elsewhere) == ("pain",)


@pytest.mark.parametrize("complaint", ["flank_pain", "pelvic_pain", "low_back_pain"])
def test_risk_factors_for_spinal_infection_are_asked_once_a_fever_is_known(model, complaint):
    risk = {"iv_drug_use", "immunosuppression", "recent_spinal_procedure_or_infection"}
    state = start(model, "male", 36, {complaint: "present"})
    _, asked = _run(model, state, {complaint: "present", "fever": "present"})
    flat = [f for q in asked for f in q]
    assert risk <= set(flat)
    assert flat.index("fever") < min(flat.index(f) for f in risk)
    if complaint == "low_back_pain":
        return  # asked with the back pain's own risk factors, fever or not
    assert any(risk <= set(q) for q in asked if len(q) > 1)  # in one group question
    # the screen waits for its condition: without a fever that group is never asked
    _, asked = _run(model, start(model, "male", 36, {complaint: "present"}), {complaint: "present"})
    assert not any(risk <= set(q) for q in asked if len(q) > 1)
