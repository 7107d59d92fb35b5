"""The adaptive interview: immutable state, one question at a time, and the result.

>>> state = start(model, "female", 48, {"low_back_pain": "present"})  # doctest: +SKIP
>>> q = next_question(model, state)  # doctest: +SKIP
>>> state = answer(model, state, q.finding_id, "absent")  # doctest: +SKIP
>>> result(model, state).triage.level  # doctest: +SKIP
"""

from symptomatic.interview.driver import Answerer, answers_from, asked_findings, drive
from symptomatic.interview.flow import (
    Question,
    QuestionItem,
    QuestionOption,
    answer,
    answer_group,
    emergency_now,
    go_on_after_emergency,
    group_question,
    next_question,
    question_for,
    start,
    uncovered_complaints,
    undo,
)
from symptomatic.interview.result import (
    DISCLAIMER,
    INTENDED_USE,
    CheckResult,
    RankedCondition,
    TranscriptEntry,
    answer_statement,
    format_probability,
    probability_in_words,
    result,
)
from symptomatic.interview.state import Answer, InterviewState

__all__ = [
    "DISCLAIMER",
    "INTENDED_USE",
    "Answer",
    "Answerer",
    "CheckResult",
    "InterviewState",
    "Question",
    "QuestionItem",
    "QuestionOption",
    "RankedCondition",
    "TranscriptEntry",
    "answer",
    "answer_group",
    "answer_statement",
    "answers_from",
    "asked_findings",
    "drive",
    "emergency_now",
    "format_probability",
    "go_on_after_emergency",
    "group_question",
    "next_question",
    "probability_in_words",
    "question_for",
    "result",
    "start",
    "uncovered_complaints",
    "undo",
]
