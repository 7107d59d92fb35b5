"""Focus mode (issue 12): "could this be X?" asks every applicable warning sign of X.

Each condition's ``warning_signs`` (conditions.yaml) are asked after the complaint and the
screens, whatever how well they tell X apart, the question budget or the red-flag budget; but
never after an emergency stop.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

from symptomatic.engine import EngineConfig, Model
from symptomatic.engine.selection import is_warning_signs_group
from symptomatic.interview import (
    InterviewState,
    Question,
    asked_findings,
    drive,
    emergency_now,
    start,
)
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import ID_PATTERN, Condition, RuleAll, RuleAny, RuleExpr, Sex
from symptomatic.triage.rules import Truth, evaluate

MODEL = Model.compile(load_knowledge_base("back-pelvic"))
WITH_SIGNS = [c for c in MODEL.kb.conditions.values() if c.warning_signs]
AGES = (20, 45, 70)


def people(cond: Condition) -> list[tuple[Sex, int]]:
    """Several sexes and ages the condition applies to (and the packs cover)."""
    sexes = [cond.applies_to.sex] if cond.applies_to.sex else [Sex.FEMALE, Sex.MALE]
    ages = [a for a in AGES if cond.applies_to.min_age <= a <= cond.applies_to.max_age]
    ages = ages or [cond.applies_to.min_age]
    return [(s, a) for s in sexes for a in ages if MODEL.kb.covers_age(a)]


def say_no_but(complaint: str, log: list[Question]) -> object:
    """An answerer: "yes" to the complaint, "no" to every other yes/no finding, "don't know"
    to a choice (how long); every question is kept in ``log``."""

    def answerer(question: Question) -> Mapping[str, str]:
        log.append(question)
        if question.type not in ("yes_no", "group_multiple"):
            return {}
        return {f: "present" if f == complaint else "absent" for f in asked_findings(question)}

    return answerer


def prerequisites(fid: str) -> RuleExpr | None:
    """What must be true before the finding may be asked, read from the pack (independent of
    the engine's compiled form): a present parent, ``requires``, ``requires_any``, ``ask_if``."""
    fnd = MODEL.kb.findings[fid]
    parts: list[RuleExpr] = [*([fnd.parent] if fnd.parent else []), *fnd.applies_to.requires]
    if fnd.applies_to.requires_any:
        parts.append(RuleAny(any=list(fnd.applies_to.requires_any)))
    if fnd.ask_if is not None:
        parts.append(fnd.ask_if)
    return RuleAll(all=parts) if parts else None


def unasked_signs(cond: Condition, state: InterviewState) -> list[str]:
    """The condition's warning signs that apply to this person but were left unanswered.

    A sign counts as answered when it was asked or the answers settle it (a "no" to its
    parent); it is excused when it does not apply to the person's sex and age, or when its
    prerequisites are false given the answers (periods not stopped: no "bleeding after the
    menopause")."""
    sex = Sex(state.sex)
    known = MODEL.closure(state.evidence)
    left = []
    for fid in cond.warning_signs:
        fnd = MODEL.kb.findings[fid]
        if fid in known or not fnd.applies_to.admits(sex, state.age):
            continue
        pre = prerequisites(fid)
        if pre is not None and evaluate(pre, known, sex, state.age) is Truth.FALSE:
            continue
        left.append(fid)
    return left


@pytest.mark.parametrize("cond", WITH_SIGNS, ids=lambda c: c.id)
def test_focus_mode_asks_every_applicable_warning_sign(cond: Condition) -> None:
    """For every condition with warning signs, people it applies to, each covered complaint:
    a focus interview answered "no" throughout asks every applicable warning sign."""
    runs = 0
    for sex, age in people(cond):
        for complaint in sorted(MODEL.kb.complaints_for(age)):
            log: list[Question] = []
            state = start(MODEL, sex.value, age, {}, focus=cond.id)
            state = drive(MODEL, state, say_no_but(complaint, log))  # type: ignore[arg-type]
            where = f"{cond.id}, {sex.value} {age}, {complaint}"
            assert not emergency_now(MODEL, state), where
            assert unasked_signs(cond, state) == [], where
            # the complaint came first; every sign was asked by question, none assumed
            assert log[0].finding_id == "complaint", where
            assert all(a.source == "question" for a in state.answers), where
            runs += 1
    assert runs >= 3


def test_cervical_cancer_leg_and_kidney_signs_are_asked_from_a_back_pain() -> None:
    """The issue's case: leg numbness and weakness, sciatica-like pain and side pain."""
    for age in (28, 47, 66):
        log: list[Question] = []
        state = start(MODEL, "female", age, {}, focus="cervical_cancer")
        drive(MODEL, state, say_no_but("low_back_pain", log))  # type: ignore[arg-type]
        asked = {f for q in log for f in asked_findings(q)}
        want = {"leg_numbness_tingling", "leg_weakness", "leg_pain_below_knee", "flank_pain"}
        assert want | {"much_less_urine", "vaginal_discharge", "vaginal_bleeding"} <= asked


def test_warning_signs_come_after_the_screens_and_before_information_gain() -> None:
    log: list[Question] = []
    state = start(MODEL, "female", 52, {"pelvic_pain": "present"}, focus="cervical_cancer")
    drive(MODEL, state, say_no_but("pelvic_pain", log))  # type: ignore[arg-type]
    screen_groups = {
        item.group
        for screen in MODEL.kb.screens
        for item in screen.questions
        if hasattr(item, "group")
    }
    kinds = [
        "screen"
        if q.finding_id in screen_groups
        else "signs"
        if is_warning_signs_group(q.finding_id)
        else "other"
        for q in log
    ]
    assert "signs" in kinds
    first, last = kinds.index("signs"), len(kinds) - 1 - kinds[::-1].index("signs")
    assert set(kinds[:first]) == {"screen"}
    assert set(kinds[first : last + 1]) == {"signs"}  # no single question in between here
    assert "screen" not in kinds[last:]


def test_warning_signs_are_asked_past_the_question_and_red_flag_budgets() -> None:
    spent = EngineConfig(max_questions=1, max_red_flag_questions=0, max_red_flag_questions_focus=0)
    cond = MODEL.kb.conditions["cervical_cancer"]
    for complaint in ("low_back_pain", "pelvic_pain", "flank_pain"):
        log: list[Question] = []
        state = start(MODEL, "female", 58, {complaint: "present"}, focus="cervical_cancer")
        state = drive(MODEL, state, say_no_but(complaint, log), spent)  # type: ignore[arg-type]
        assert unasked_signs(cond, state) == [], complaint
        assert not [q for q in log if not q.red_flag]  # nothing chosen by information gain


def test_the_group_wording_comes_from_the_packs() -> None:
    wording = MODEL.kb.warning_signs_question
    assert wording is not None
    name = MODEL.kb.conditions["cervical_cancer"].common_name
    for for_whom in ("self", "other"):
        log: list[Question] = []
        state = start(
            MODEL,
            "female",
            40,
            {"low_back_pain": "present"},
            focus="cervical_cancer",
            for_whom=for_whom,
        )
        drive(MODEL, state, say_no_but("low_back_pain", log))  # type: ignore[arg-type]
        groups = [q for q in log if is_warning_signs_group(q.finding_id)]
        assert groups and len({q.finding_id for q in groups}) == len(groups)  # own ids
        assert all(re.fullmatch(ID_PATTERN, q.finding_id) for q in groups)  # shaped like ids
        for q in groups:
            assert q.text == wording.worded(for_whom, name)
            assert name in q.text and q.red_flag and 2 <= len(q.items) <= 6


def test_a_sign_behind_a_parent_is_reached_through_it() -> None:
    """Bleeding after sex waits for "bleeding outside a normal period"; once that is yes,
    the kinds of bleeding are asked."""
    truth = {"low_back_pain": "present", "vaginal_bleeding": "present"}
    log: list[Question] = []

    def answerer(question: Question) -> Mapping[str, str]:
        log.append(question)
        if question.type not in ("yes_no", "group_multiple"):
            return {}
        return {f: truth.get(f, "absent") for f in asked_findings(question)}

    state = start(MODEL, "female", 35, {"low_back_pain": "present"}, focus="cervical_cancer")
    state = drive(MODEL, state, answerer)
    order = [f for q in log for f in asked_findings(q)]
    assert order.index("vaginal_bleeding") < order.index("postcoital_bleeding")
    # the parent was asked as the way in to the warning signs, not left to chance
    asking = next(q for q in log if "vaginal_bleeding" in asked_findings(q))
    assert is_warning_signs_group(asking.finding_id)
    assert "intermenstrual_bleeding" in order
    assert unasked_signs(MODEL.kb.conditions["cervical_cancer"], state) == []


def test_no_warning_sign_is_asked_after_an_emergency_stop() -> None:
    truth = {"low_back_pain": "present", "saddle_numbness": "present"}
    log: list[Question] = []

    def answerer(question: Question) -> Mapping[str, str]:
        log.append(question)
        return {f: truth.get(f, "absent") for f in asked_findings(question)}

    state = start(MODEL, "female", 45, {"low_back_pain": "present"}, focus="cervical_cancer")
    state = drive(MODEL, state, answerer)
    assert emergency_now(MODEL, state)
    assert "saddle_numbness" in asked_findings(log[-1])  # it stopped at once
    assert not [q for q in log if is_warning_signs_group(q.finding_id)]


def test_without_focus_no_warning_signs_of_a_condition_are_added() -> None:
    log: list[Question] = []
    state = start(MODEL, "female", 45, {"low_back_pain": "present"})
    drive(MODEL, state, say_no_but("low_back_pain", log))  # type: ignore[arg-type]
    assert not [q for q in log if is_warning_signs_group(q.finding_id)]
