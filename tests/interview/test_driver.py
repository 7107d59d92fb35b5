"""The unattended driver: every question answered by the answerer until the interview stops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from symptomatic.engine import EngineConfig, Model
from symptomatic.errors import UnknownFindingError
from symptomatic.interview import (
    Question,
    answer,
    answers_from,
    asked_findings,
    drive,
    emergency_now,
    next_question,
    result,
    start,
)
from symptomatic.kb import load_knowledge_base

TINY = Path(__file__).parents[1] / "fixtures" / "packs" / "tiny"
#: A warning-sign screen for back pain: two nerve signs asked together, then fever alone.
SCREENS = """\
screens:
  - id: back_warning_signs
    complaints: [low_back_pain]
    source: T1
    questions:
      - group: nerve_signs
        text: Do you have any of these?
        findings: [saddle_numbness, bladder_retention]
      - finding: fever
"""


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> Model:
    """The tiny pack with a warning-sign screen (so the interview asks a group question)."""
    folder = tmp_path_factory.mktemp("packs") / "tiny"
    shutil.copytree(TINY, folder)
    (folder / "screens.yaml").write_text(SCREENS, encoding="utf-8")
    return Model.compile(load_knowledge_base(str(folder)))


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


def test_a_group_question_is_answered_at_once_and_counts_once(screened):
    state = start(screened, "male", 44, {"low_back_pain": "present"})
    asked: list[Question] = []

    def answerer(q: Question) -> dict[str, str]:
        asked.append(q)
        return {"saddle_numbness": "absent"}  # bladder_retention left out: unknown

    done = drive(screened, state, answerer, EngineConfig(max_questions=3))
    group = asked[0]
    assert group.type == "group_multiple" and group.finding_id == "nerve_signs"
    assert asked_findings(group) == ("saddle_numbness", "bladder_retention")
    assert done.evidence["saddle_numbness"] == "absent"
    assert done.evidence["bladder_retention"] == "unknown"
    assert asked[1].finding_id == "fever"  # the screen goes on, one question at a time
    assert done.questions_asked == len(asked) == 3
    assert len(done.asked) == 4  # the group's two findings, then two single questions


def test_drive_stops_at_an_emergency(screened):
    state = start(screened, "male", 44, {"low_back_pain": "present"})
    done = drive(screened, state, answers_from({"bladder_retention": "present"}))
    assert emergency_now(screened, done)
    assert done.questions_asked == 1  # the group found it; nothing more was asked
    assert next_question(screened, done) is None
