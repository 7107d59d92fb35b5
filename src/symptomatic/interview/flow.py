"""The interview steps: start, next question, answer, undo. Pure functions over state.

"Emergency now" is decided here, once (:func:`emergency_now`): the CLI, the pages and the API
all ask this function, and :func:`next_question` stops as soon as it is true unless the
person chose to answer more questions for the doctor's summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from symptomatic.engine import EngineConfig, Model, check_age, parse_sex, select
from symptomatic.engine.selection import COMPLAINT_GROUP, is_warning_signs_group
from symptomatic.errors import (
    ContradictoryAnswerError,
    DemographicsError,
    InterviewError,
    UnknownConditionError,
)
from symptomatic.interview.state import FOR_WHOM, Answer, InterviewState
from symptomatic.kb.schema import CareLevel, FindingGroup, ScreenGroup, Sex
from symptomatic.triage import FiredRule


@dataclass(frozen=True)
class QuestionOption:
    id: str
    label: str


@dataclass(frozen=True)
class QuestionItem:
    """One finding inside a group question."""

    finding_id: str
    name: str
    text: str
    help: str


@dataclass(frozen=True)
class Question:
    """What to ask next. ``type`` is ``yes_no``, ``single``, ``duration`` or ``group_multiple``.

    For yes/no questions ``options`` are present / absent / unknown with plain labels; for
    choice questions the finding's options followed by ``unknown``. A ``group_multiple``
    question ("Do you have any of these?") has ``finding_id`` = the group's id and ``items``
    = the yes/no findings asked together, each answered present / absent / unknown (see
    :func:`answer_group`); it counts as one question.
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
    items: tuple[QuestionItem, ...] = ()


YES_NO_OPTIONS = (
    QuestionOption("present", "Yes"),
    QuestionOption("absent", "No"),
    QuestionOption("unknown", "Don't know"),
)
UNKNOWN_OPTION = QuestionOption("unknown", "Don't know")
#: Wording of the question that establishes the complaint (generic: the items name it), and
#: of a group question without its own wording, by who the check is for.
COMPLAINT_TEXT = {
    "self": "Which of these is bothering you now?",
    "child": "Which of these is bothering your child now?",
    "other": "Which of these is bothering them now?",
}
GROUP_TEXT = {
    "self": "Do you have any of these?",
    "child": "Does your child have any of these?",
    "other": "Do they have any of these?",
}


def _check_applies(model: Model, sex: Sex, finding_id: str, value: str) -> None:
    """Refuse an answer that contradicts the person (e.g. a man "pregnant")."""
    fnd = model.kb.findings[finding_id]
    if value not in ("absent", "unknown") and fnd.applies_to.sex not in (None, sex):
        raise ContradictoryAnswerError(
            f"{fnd.name!r} applies only to {fnd.applies_to.sex.value} people, but this check is"
            f" for a {sex.value} person"
        )


def _age_evidence(model: Model, age: int, age_months: int | None) -> dict[str, str]:
    """The findings set from a baby's age in months (``age_months`` findings, never asked).

    Raises :class:`DemographicsError` when the months do not match the age in years, or when
    a baby's age (under 1 year) comes without months while the packs have such findings.
    """
    derived = model.age_month_findings
    if age_months is None:
        if age == 0 and derived:
            raise DemographicsError(
                "for a baby under 1 year, give the age in months as well (0 to 11)"
            )
        return {}
    if isinstance(age_months, bool) or not isinstance(age_months, int) or age_months < 0:
        raise DemographicsError(f"age in months must be a whole number, not {age_months!r}")
    if age_months // 12 != age:
        raise DemographicsError(f"an age of {age_months} months is not {age} years")
    return {
        fid: "present" if low <= age_months <= high else "absent"
        for fid, (low, high) in derived.items()
    }


def start(
    model: Model,
    sex: str,
    age: int,
    evidence: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
    focus: str | None = None,
    complaint_text: str | None = None,
    for_whom: str = "self",
    age_months: int | None = None,
) -> InterviewState:
    """A new interview for this person with the evidence stated up front.

    ``for_whom`` is ``self``, ``child`` or ``other`` (who the questions and advice speak
    about); ``age_months`` is a baby's age in months (``age`` is then ``age_months // 12``):
    the findings the packs set from it (e.g. "under 3 months") become initial evidence.

    Raises :class:`DemographicsError` for a bad sex or age, an age no loaded pack covers, a
    baby's age without months (or a focus condition that does not apply to this person),
    :class:`UnknownFindingError` / :class:`ConflictingEvidenceError` for bad evidence,
    :class:`ContradictoryAnswerError` for evidence that contradicts the age,
    :class:`UnknownConditionError` for an unknown focus.
    """
    sx = parse_sex(sex)
    check_age(age)
    if for_whom not in FOR_WHOM:
        raise DemographicsError(f"for_whom must be one of {', '.join(FOR_WHOM)}, not {for_whom!r}")
    items = list(evidence.items()) if isinstance(evidence, Mapping) else list(evidence or [])
    merged = model.merge_evidence(items)
    if not model.kb.covers_age(age):
        raise DemographicsError(
            f"This check does not cover age {age}: it is written for ages"
            f" {model.kb.ages_covered}. Ask a doctor, a pharmacist or a nurse advice line"
            " instead; in an emergency, call the emergency number."
        )
    from_age = _age_evidence(model, age, age_months)
    for fid, value in from_age.items():
        if merged.get(fid, value) != value:
            raise ContradictoryAnswerError(
                f"{model.kb.findings[fid].name!r} is set from the age in months, which says"
                f" {value!r}"
            )
    merged = {**from_age, **merged}
    for fid, value in merged.items():
        _check_applies(model, sx, fid, value)
    if focus is not None:
        cond = model.kb.conditions.get(focus)
        if cond is None:
            raise UnknownConditionError(f"unknown condition id {focus!r} for focus")
        if not cond.applies_to.admits(sx, age):
            raise DemographicsError(f"{cond.common_name} does not apply to a {sx.value} aged {age}")
    answers = tuple(Answer(fid, value, "initial") for fid, value in merged.items())
    return InterviewState(
        sex=sx.value,
        age=age,
        answers=answers,
        focus=focus,
        complaint_text=complaint_text,
        for_whom=for_whom,
    )


def emergency_now(model: Model, state: InterviewState) -> tuple[FiredRule, ...]:
    """The emergency-level red-flag rules that fire on what the person has said so far.

    Non-empty means: stop and tell them to get emergency help now. The one definition of
    "emergency now" (CLI, pages and API all use it).
    """
    rules = model.rules.evaluate(model.closure(state.evidence), parse_sex(state.sex), state.age)
    return tuple(r for r in model.rules.fired(rules) if r.level is CareLevel.EMERGENCY)


def uncovered_complaints(model: Model, state: InterviewState) -> tuple[str, ...]:
    """Complaint findings the person has that no loaded pack covers for their age (e.g. chest
    pain when only back and pelvic pain are loaded): the interview does not pretend to cover
    them."""
    kb = model.kb
    if not kb.scopes:
        return ()
    covered = kb.complaints_for(state.age)
    evidence = model.closure(state.evidence)

    def uncovered(fid: str) -> bool:
        # an umbrella complaint ("pain") whose children a pack covers is uncovered only
        # once every covered child is denied (pain, but not in the back, pelvis or side)
        kids = [c for c in model.children_of.get(fid, ()) if c in covered]
        return not kids or all(evidence.get(c) == "absent" for c in kids)

    return tuple(
        fid
        for fid, value in evidence.items()
        if value == "present"
        and fid not in covered
        and kb.findings[fid].group is FindingGroup.COMPLAINT
        and uncovered(fid)
    )


def covered_complaints(model: Model, state: InterviewState) -> tuple[str, ...]:
    """Complaint findings the person has that a loaded pack covers for their age (a complaint
    made present by a child said, "heartburn" for chest pain, counts: docs/packs.md 4)."""
    covered = model.kb.complaints_for(state.age)
    evidence = model.closure(state.evidence)
    return tuple(f for f, v in evidence.items() if v == "present" and f in covered)


def go_on_after_emergency(state: InterviewState) -> InterviewState:
    """The state of a person who chose to answer more questions for the doctor's summary."""
    return replace(state, after_emergency=True)


def next_question(
    model: Model, state: InterviewState, config: EngineConfig | None = None
) -> Question | None:
    """The next question to ask, or None when the interview should stop.

    It stops at once when :func:`emergency_now` is true, unless the person chose to go on, and
    when the person's only complaints are ones no loaded pack covers.
    """
    if not state.after_emergency and emergency_now(model, state):
        return None
    if uncovered_complaints(model, state) and not covered_complaints(model, state):
        return None
    sel = select(
        model,
        state.sex,
        state.age,
        state.evidence,
        state.asked,
        state.focus,
        config,
        questions_asked=state.questions_asked,
    )
    if sel.finding_id is None:
        return None
    number = state.questions_asked + 1
    if sel.items:
        return group_question(model, sel.finding_id, sel.items, number, state.for_whom, state.focus)
    return question_for(model, sel.finding_id, number=number, for_whom=state.for_whom)


def group_question(
    model: Model,
    group_id: str,
    finding_ids: tuple[str, ...],
    number: int = 1,
    for_whom: str = "self",
    focus: str | None = None,
) -> Question:
    """The "any of these?" :class:`Question` asking several yes/no findings at once.

    A screen's group takes the screen's wording; a group of the ``focus`` condition's warning
    signs the packs' ``warning_signs_question``, naming the condition.
    """
    text = (COMPLAINT_TEXT if group_id == COMPLAINT_GROUP else GROUP_TEXT)[for_whom]
    wording = model.kb.warning_signs_question
    cond = model.kb.conditions.get(focus) if focus is not None else None
    if is_warning_signs_group(group_id) and wording is not None and cond is not None:
        text = wording.worded(for_whom, cond.common_name)
    for screen in model.kb.screens:
        for item in screen.questions:
            if isinstance(item, ScreenGroup) and item.group == group_id:
                text = item.text_for(for_whom)
    fnds = [model.kb.findings[f] for f in finding_ids]
    return Question(
        finding_id=group_id,
        name=text,
        text=text,
        help="Tick every one that applies, or choose None of these.",
        type="group_multiple",
        options=YES_NO_OPTIONS,
        group="red_flag" if group_id != COMPLAINT_GROUP else "complaint",
        red_flag=group_id != COMPLAINT_GROUP,
        number=number,
        items=tuple(QuestionItem(f.id, f.name, f.question_for(for_whom), f.help) for f in fnds),
    )


def question_for(
    model: Model, finding_id: str, number: int = 1, for_whom: str = "self"
) -> Question:
    """The :class:`Question` that asks about one finding, worded for who the check is for."""
    fnd = model.kb.findings[finding_id]
    if fnd.options:
        options = (*(QuestionOption(o.id, o.label) for o in fnd.options), UNKNOWN_OPTION)
    else:
        options = YES_NO_OPTIONS
    return Question(
        finding_id=fnd.id,
        name=fnd.name,
        text=fnd.question_for(for_whom),
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

    Raises :class:`UnknownFindingError` for an unknown finding or answer,
    :class:`ContradictoryAnswerError` for an answer that contradicts the person.
    """
    model.column(finding_id, value)
    _check_applies(model, parse_sex(state.sex), finding_id, value)
    return state.with_answer(Answer(finding_id, value, "question"))


def answer_group(
    model: Model, state: InterviewState, group_id: str, values: Mapping[str, str]
) -> InterviewState:
    """The state after a group question: ``values`` maps each item's finding id to
    present / absent / unknown. It counts as one question; undo takes it back whole.

    Raises :class:`UnknownFindingError` for an unknown finding or answer,
    :class:`InterviewError` for an empty group, :class:`ContradictoryAnswerError` as in
    :func:`answer`.
    """
    if not values:
        raise InterviewError(f"group question {group_id!r} needs an answer for each item")
    sx = parse_sex(state.sex)
    answers: list[Answer] = []
    for fid, value in values.items():
        if value not in ("present", "absent", "unknown"):
            raise InterviewError(
                f"a group item is answered present, absent or unknown, not {value!r}"
            )
        model.column(fid, value)
        _check_applies(model, sx, fid, value)
        answers.append(Answer(fid, value, "question", group_id))
    return state.with_answers(tuple(answers))


def undo(state: InterviewState) -> InterviewState:
    """The state before the last answered question; raises :class:`InterviewError` if none."""
    return state.without_last_question()
