"""The unattended driver: every question answered by the answerer until the interview stops.

The tiny pack screens back pain with one group question (saddle numbness, cannot pass urine).
"""

from __future__ import annotations

import pytest

from symptomatic.engine import EngineConfig
from symptomatic.errors import UnknownFindingError
from symptomatic.interview import (
    Question,
    answer,
    answer_group,
    answers_from,
    asked_findings,
    drive,
    emergency_now,
    next_question,
    result,
    start,
)


def test_drive_answers_until_the_interview_stops(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    given = {"saddle_numbness": "absent", "onset": "gradual", "fever": "absent"}
    seen: list[Question] = []

    def answerer(q: Question) -> dict[str, str]:
        seen.append(q)
        return given

    done = drive(tiny_model, state, answerer)
    assert next_question(tiny_model, done) is None
    assert [q.number for q in seen] == list(range(1, len(seen) + 1))
    assert done.asked == tuple(fid for q in seen for fid in asked_findings(q))
    for fid in done.asked:  # what the answerer gave, "unknown" for what it left out
        assert done.evidence[fid] == given.get(fid, "unknown")
    assert done.questions_asked == len(seen)


def test_drive_is_the_loop_it_replaces(tiny_model):
    state = start(tiny_model, "female", 30, {"low_back_pain": "present"})
    canned = {"fever": "present", "onset": "sudden", "bladder_retention": "absent"}
    by_hand = state
    while (q := next_question(tiny_model, by_hand)) is not None:
        if q.items:
            values = {i.finding_id: canned.get(i.finding_id, "unknown") for i in q.items}
            by_hand = answer_group(tiny_model, by_hand, q.finding_id, values)
        else:
            by_hand = answer(tiny_model, by_hand, q.finding_id, canned.get(q.finding_id, "unknown"))
    assert drive(tiny_model, state, answers_from(canned)) == by_hand


def test_a_group_question_is_answered_at_once_and_counts_once(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    asked: list[Question] = []

    def answerer(q: Question) -> dict[str, str]:
        asked.append(q)
        return {"saddle_numbness": "absent"}  # bladder_retention left out: unknown

    done = drive(tiny_model, state, answerer, EngineConfig(max_questions=3))
    group = asked[0]
    assert group.type == "group_multiple" and group.finding_id == "nerve_signs"
    assert asked_findings(group) == ("saddle_numbness", "bladder_retention")
    assert done.evidence["saddle_numbness"] == "absent"
    assert done.evidence["bladder_retention"] == "unknown"
    assert all(q.items == () for q in asked[1:])
    assert done.questions_asked == len(asked) == 3
    assert len(done.asked) == 4  # the group's two findings, then two single questions


def test_drive_stops_at_an_emergency(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    done = drive(tiny_model, state, answers_from({"bladder_retention": "present"}))
    assert emergency_now(tiny_model, done)
    assert done.questions_asked == 1  # the group found it; nothing more was asked
    assert next_question(tiny_model, done) is None
    assert result(tiny_model, done).triage.level.value == "emergency"


def test_drive_keeps_to_the_question_budget(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    done = drive(tiny_model, state, answers_from({}), EngineConfig(max_questions=2))
    assert done.questions_asked == 2


def test_a_wrong_answer_is_refused(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present", "saddle_numbness": "absent"})
    with pytest.raises(UnknownFindingError):
        drive(tiny_model, state, lambda q: {fid: "maybe" for fid in asked_findings(q)})


def test_a_single_question_asks_about_its_own_finding(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present", "saddle_numbness": "absent"})
    q = next_question(tiny_model, state)
    assert q is not None and q.items == () and asked_findings(q) == (q.finding_id,)
    assert answers_from({q.finding_id: "absent", "other": "present"})(q) == {q.finding_id: "absent"}
