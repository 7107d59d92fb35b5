"""The one unattended question loop: ask until the interview stops, answers from a callback.

``symptomatic check --answers`` and ``symptomatic eval vignettes`` both run interviews through
:func:`drive`; only the answerer differs (a file of canned answers, the text, a simulated
patient).

>>> state = start(model, "male", 42, {"low_back_pain": "present"})  # doctest: +SKIP
>>> state = drive(model, state, answers_from({"saddle_numbness": "present"}))  # doctest: +SKIP
>>> state.questions_asked  # a group question ("any of these?") counts once  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from symptomatic.engine import EngineConfig, Model
from symptomatic.errors import InterviewError
from symptomatic.interview.flow import Question, answer, answer_group, next_question
from symptomatic.interview.state import InterviewState

#: Finding id -> value (present / absent / unknown / option id) for the findings a question
#: asks about (see :func:`asked_findings`); a finding left out is answered ``unknown``.
Answerer = Callable[[Question], Mapping[str, str]]

UNKNOWN = "unknown"


def asked_findings(question: Question) -> tuple[str, ...]:
    """The finding ids one question asks about: each item of a group, else its own finding."""
    if question.type == "group_multiple":
        return tuple(item.finding_id for item in question.items)
    return (question.finding_id,)


def answers_from(values: Mapping[str, str]) -> Answerer:
    """An answerer that looks each finding up in ``values`` (``unknown`` when it is not there)."""

    def answerer(question: Question) -> Mapping[str, str]:
        return {fid: values[fid] for fid in asked_findings(question) if fid in values}

    return answerer


def drive(
    model: Model,
    state: InterviewState,
    answerer: Answerer,
    config: EngineConfig | None = None,
) -> InterviewState:
    """The state once the interview stops, every question answered by ``answerer``.

    Asks :func:`next_question` until it returns None (budget spent, nothing left worth
    asking, :func:`emergency_now`, or a complaint no pack covers). A group question is
    answered in one step (:func:`answer_group`), item by item, and counts as one question.
    Raises :class:`UnknownFindingError` for an answer the finding does not have,
    :class:`ContradictoryAnswerError` for one that contradicts the person,
    :class:`InterviewError` for a group item answered other than present / absent / unknown,
    or if the interview asks more questions than the model has findings (a question that
    never stops being asked).
    """
    for _ in range(len(model.kb.findings) + 1):
        question = next_question(model, state, config)
        if question is None:
            return state
        given = answerer(question)
        values = {fid: str(given.get(fid, UNKNOWN)) for fid in asked_findings(question)}
        if question.type == "group_multiple":
            state = answer_group(model, state, question.finding_id, values)
        else:
            state = answer(model, state, question.finding_id, values[question.finding_id])
    raise InterviewError("the interview did not stop: more questions than findings")
