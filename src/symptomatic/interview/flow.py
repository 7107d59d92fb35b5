"""The interview steps: start, next question, answer, undo. Pure functions over state."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from symptomatic.engine import EngineConfig, Model, check_age, parse_sex, select
from symptomatic.errors import DemographicsError, UnknownConditionError
from symptomatic.interview.state import Answer, InterviewState
from symptomatic.kb.schema import FindingGroup


@dataclass(frozen=True)
class QuestionOption:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    """What to ask next. ``type`` is ``yes_no``, ``single`` or ``duration``.

    For yes/no questions ``options`` are present / absent / unknown with plain labels; for
    choice questions the finding's options followed by ``unknown``.
    """

    finding_id: str
    name: str
    text: str
    help: str
    type: str
    options: tuple[QuestionOption, ...]
    group: str
    red_flag: bool
    number: int  # 1-based position of this question in the interview


YES_NO_OPTIONS = (
    QuestionOption("present", "Yes"),
    QuestionOption("absent", "No"),
    QuestionOption("unknown", "Don't know"),
)
UNKNOWN_OPTION = QuestionOption("unknown", "Don't know")


def start(
    model: Model,
    sex: str,
    age: int,
    evidence: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    focus: str | None = None,
    complaint_text: str | None = None,
) -> InterviewState:
    """A new interview for this person with the evidence stated up front.

    Raises :class:`DemographicsError` for a bad sex or age (or a focus condition that does
    not apply to this person), :class:`UnknownFindingError` / :class:`ConflictingEvidenceError`
    for bad evidence, :class:`UnknownConditionError` for an unknown focus.
    """
    sx = parse_sex(sex)
    check_age(age)
    items = list(evidence.items()) if isinstance(evidence, Mapping) else list(evidence or [])
    merged = model.merge_evidence(items)
    if focus is not None:
        cond = model.kb.conditions.get(focus)
        if cond is None:
            raise UnknownConditionError(f"unknown condition id {focus!r} for focus")
        if not cond.applies_to.admits(sx, age):
            raise DemographicsError(f"{cond.common_name} does not apply to a {sx.value} aged {age}")
    answers = tuple(Answer(fid, value, "initial") for fid, value in merged.items())
    return InterviewState(
        sex=sx.value, age=age, answers=answers, focus=focus, complaint_text=complaint_text
    )


def next_question(
    model: Model, state: InterviewState, config: EngineConfig | None = None
) -> Question | None:
    """The next question to ask, or None when the interview should stop."""
    sel = select(model, state.sex, state.age, state.evidence, state.asked, state.focus, config)
    if sel.finding_id is None:
        return None
    return question_for(model, sel.finding_id, number=len(state.asked) + 1)


def question_for(model: Model, finding_id: str, number: int = 1) -> Question:
    """The :class:`Question` that asks about one finding."""
    fnd = model.kb.findings[finding_id]
    if fnd.options:
        options = (*(QuestionOption(o.id, o.label) for o in fnd.options), UNKNOWN_OPTION)
    else:
        options = YES_NO_OPTIONS
    return Question(
        finding_id=fnd.id,
        name=fnd.name,
        text=fnd.question,
        help=fnd.help,
        type=fnd.type.value,
        options=options,
        group=fnd.group.value,
        red_flag=bool(model.red_flag[model.finding_index[fnd.id]])
        or fnd.group is FindingGroup.RED_FLAG,
        number=number,
    )


def answer(model: Model, state: InterviewState, finding_id: str, value: str) -> InterviewState:
    """The state after answering ``finding_id`` with ``value`` (present/absent/unknown/option).

    Raises :class:`UnknownFindingError` for an unknown finding or answer.
    """
    model.column(finding_id, value)
    return state.with_answer(Answer(finding_id, value, "question"))


def undo(state: InterviewState) -> InterviewState:
    """The state before the last answered question; raises :class:`InterviewError` if none."""
    return state.without_last_question()
