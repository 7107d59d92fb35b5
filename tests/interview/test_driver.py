"""The unattended driver: every question answered by the answerer until the interview stops."""

from __future__ import annotations

import pytest

from symptomatic.engine import EngineConfig
from symptomatic.errors import UnknownFindingError
from symptomatic.interview import (
    Question,
    answer,
    answers_from,
    asked_findings,
    drive,
    next_question,
    result,
    start,
)


def test_drive_answers_until_the_interview_stops(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    seen: list[Question] = []

    def answerer(q: Question) -> dict[str, str]:
        seen.append(q)
        return {"saddle_numbness": "present", "onset": "gradual", "fever": "absent"}

    done = drive(tiny_model, state, answerer)
    assert next_question(tiny_model, done) is None
    assert [q.number for q in seen] == list(range(1, len(seen) + 1))
    assert done.asked == tuple(q.finding_id for q in seen)
    given = {"saddle_numbness": "present", "onset": "gradual", "fever": "absent"}
    for fid in done.asked:  # what the answerer gave, "unknown" for what it left out
        assert done.evidence[fid] == given.get(fid, "unknown")
    assert "saddle_numbness" in done.asked
    assert result(tiny_model, done).triage.level.value == "emergency"


def test_drive_is_the_loop_it_replaces(tiny_model):
    state = start(tiny_model, "female", 30, {"low_back_pain": "present"})
    canned = {"fever": "present", "onset": "sudden"}
    by_hand = state
    while (q := next_question(tiny_model, by_hand)) is not None:
        by_hand = answer(tiny_model, by_hand, q.finding_id, canned.get(q.finding_id, "unknown"))
    assert drive(tiny_model, state, answers_from(canned)) == by_hand


def test_drive_keeps_to_the_question_budget(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    done = drive(tiny_model, state, answers_from({}), EngineConfig(max_questions=2))
    assert len(done.asked) == 2


def test_a_wrong_answer_is_refused(tiny_model):
    state = start(tiny_model, "male", 44, {"low_back_pain": "present"})
    with pytest.raises(UnknownFindingError):
        drive(tiny_model, state, lambda q: {q.finding_id: "maybe"})


def test_a_single_question_asks_about_its_own_finding(tiny_model):
    q = next_question(tiny_model, start(tiny_model, "male", 44, {"low_back_pain": "present"}))
    assert q is not None and asked_findings(q) == (q.finding_id,)
    assert answers_from({q.finding_id: "absent", "other": "present"})(q) == {q.finding_id: "absent"}
