"""Interview steps: start, answer, undo, JSON round-trip, result contents."""

from __future__ import annotations

import json

import pytest

from symptomatic.errors import (
    ConflictingEvidenceError,
    DemographicsError,
    InterviewError,
    UnknownConditionError,
    UnknownFindingError,
)
from symptomatic.interview import (
    InterviewState,
    answer,
    answer_group,
    answer_statement,
    next_question,
    probability_in_words,
    result,
    start,
    undo,
)


def test_start_validates(tiny_model):
    with pytest.raises(DemographicsError):
        start(tiny_model, "x", 30)
    with pytest.raises(DemographicsError):
        start(tiny_model, "male", -1)
    with pytest.raises(UnknownFindingError):
        start(tiny_model, "male", 30, {"unheard_of": "present"})
    with pytest.raises(ConflictingEvidenceError):
        start(tiny_model, "male", 30, [("fever", "present"), ("fever", "absent")])
    with pytest.raises(UnknownConditionError):
        start(tiny_model, "male", 30, focus="nope")
    with pytest.raises(DemographicsError, match="does not apply"):
        start(tiny_model, "male", 30, focus="endometriosis")


def test_answer_undo_and_json_roundtrip(tiny_model):
    s0 = start(
        tiny_model,
        "female",
        30,
        {"low_back_pain": "present", "saddle_numbness": "absent", "bladder_retention": "absent"},
    )
    q = next_question(tiny_model, s0)
    assert q is not None and q.number == 1 and not q.items
    s1 = answer(tiny_model, s0, q.finding_id, q.options[0].id)
    assert s1.asked == (q.finding_id,)
    assert undo(s1) == s0
    with pytest.raises(InterviewError):
        undo(s0)
    assert InterviewState.from_json(s1.to_json()) == s1
    with pytest.raises(InterviewError):
        InterviewState.from_json("{not json")
    with pytest.raises(InterviewError):
        InterviewState.from_json('{"version": 99}')


def test_full_interview_result(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    script = {"saddle_numbness": "present"}
    while (q := next_question(tiny_model, state)) is not None:
        if q.items:
            values = {i.finding_id: script.get(i.finding_id, "absent") for i in q.items}
            state = answer_group(tiny_model, state, q.finding_id, values)
            continue
        default = "absent" if q.type == "yes_no" else q.options[1].id
        state = answer(tiny_model, state, q.finding_id, script.get(q.finding_id, default))
    res = result(tiny_model, state)
    assert res.triage.level.value == "emergency"
    ces = next(c for c in res.conditions if c.id == "cauda_equina")
    assert ces.supporting[0].finding_id == "saddle_numbness"
    assert res.packs == {"tiny": "1.0.0"} and res.engine_version
    assert "not a diagnosis" in res.disclaimer
    assert "Numbness around the bottom" in res.summary
    data = json.loads(json.dumps(res.to_dict()))
    assert data["triage"]["fired"][0]["id"] == "cauda_equina_signs"
    assert res.should_stop


def test_focus_result_reports_focus_probability(tiny_model):
    state = start(tiny_model, "female", 30, {"period_pain": "present"}, focus="endometriosis")
    res = result(tiny_model, state)
    assert res.focus == "endometriosis"
    assert res.focus_probability == pytest.approx(
        tiny_model.posterior("female", 30, {"period_pain": "present"}).of("endometriosis")
    )
    assert any(c.id == "endometriosis" for c in res.conditions)


@pytest.mark.parametrize(
    ("p", "words"),
    [
        (0.0, "none"),
        (0.0004, "fewer than 1 in 1,000"),
        (0.004, "fewer than 1 in 100"),
        (0.01, "about 1 in 100"),
        (0.048, "about 1 in 20"),
        (0.1, "about 1 in 10"),
        (0.08, "about 1 in 12"),
        (0.33, "about 1 in 3"),
        (0.5, "about 5 in 10"),
        (0.71, "about 7 in 10"),
        (0.96, "more than 9 in 10"),
        (0.995, "more than 99 in 100"),
    ],
)
def test_probability_in_words(p, words):
    assert probability_in_words(p) == words


def test_why_list_always_shows_the_answer(tiny_model):
    evidence = {"low_back_pain": "present", "leg_pain": "absent", "onset": "sudden"}
    state = start(tiny_model, "male", 44, evidence)
    res = result(tiny_model, state)
    stone = next(c for c in res.conditions if c.id == "kidney_stone")
    said = (*stone.reasons_for, *stone.reasons_against)
    assert "How it started: Suddenly" in said  # the option's label, never its id
    sciatica = next(c for c in res.conditions if c.id == "sciatica")
    assert "No: Pain below the knee" in sciatica.reasons_against
    assert answer_statement(tiny_model, "fever", "unknown") == "Don't know: Fever"
    assert stone.chance == probability_in_words(stone.probability)
    assert stone.chance in res.summary
