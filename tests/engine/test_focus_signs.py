"""Step 3b of question choice: the focus condition's warning signs, as protocol."""

from __future__ import annotations

import pytest

from symptomatic.engine import EngineConfig, Model, select
from symptomatic.engine.selection import (
    applicable,
    focus_warning_signs,
    is_warning_signs_group,
)
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import Sex


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base("back-pelvic"))


def _next(model: Model, age: int, evidence: dict[str, str], focus: str):
    """focus_warning_signs for a woman of ``age`` with these answers."""
    known = model.closure(evidence)
    open_ = applicable(model, Sex.FEMALE, age, known)
    for fid in known:
        open_[model.finding_index[fid]] = False
    return focus_warning_signs(model, Sex.FEMALE, age, known, open_, focus)


def _settle(model: Model, age: int, evidence: dict[str, str], focus: str) -> dict[str, str]:
    """The answers after saying "no" to every warning-sign question (choices: don't know)."""
    evidence = dict(evidence)
    while (sel := _next(model, age, evidence, focus)) is not None:
        for fid in sel.items or (sel.finding_id,):
            yes_no = not model.kb.findings[str(fid)].options
            evidence[str(fid)] = "absent" if yes_no else "unknown"
    return evidence


def test_a_child_sign_waits_for_its_parent_and_an_ask_if_for_what_it_names(model):
    back = {"low_back_pain": "present"}
    first = _next(model, 58, back, "cervical_cancer")
    assert first is not None and is_warning_signs_group(str(first.finding_id))
    # the kinds of bleeding wait for "bleeding outside a normal period"
    assert "vaginal_bleeding" in first.items
    assert not {"postcoital_bleeding", "postmenopausal_bleeding", "postmenopausal"} & set(
        first.items
    )
    # bleeding: after sex is asked now; after the menopause waits for "periods stopped"
    bleeding = {**back, **dict.fromkeys(first.items, "absent"), "vaginal_bleeding": "present"}
    second = _next(model, 58, bleeding, "cervical_cancer")
    assert second is not None
    assert {"postcoital_bleeding", "postmenopausal"} <= set(second.items)
    assert "postmenopausal_bleeding" not in second.items
    stopped = {**bleeding, **dict.fromkeys(second.items, "absent"), "postmenopausal": "present"}
    third = _next(model, 58, stopped, "cervical_cancer")
    assert third is not None and "postmenopausal_bleeding" in third.items
    # a "no" to the parent settles its children: they are not asked
    settled = _settle(model, 58, back, "cervical_cancer")
    assert settled["vaginal_bleeding"] == "absent" and "postcoital_bleeding" not in settled
    assert model.closure(settled)["postcoital_bleeding"] == "absent"


def test_groups_are_at_most_six_and_as_even_as_may_be(model):
    evidence = {"low_back_pain": "present"}
    sizes = []
    while (sel := _next(model, 30, evidence, "cervical_cancer")) is not None:
        sizes.append(len(sel.items) or 1)
        evidence.update(dict.fromkeys(sel.items or (str(sel.finding_id),), "absent"))
    # 15 signs (the bleeding ones through their parent): 5 + 5 + 5, not 6 + 6 + 3
    assert sum(sizes) == 15 and max(sizes) <= 6
    assert len(sizes) == 3 and max(sizes) - min(sizes) <= 1


def test_a_choice_sign_is_asked_on_its_own(model):
    signs = model.kb.conditions["spinal_metastases"].warning_signs
    assert "pain_duration" in signs
    evidence = {"low_back_pain": "present"}
    seen = []
    while (sel := _next(model, 60, evidence, "spinal_metastases")) is not None:
        seen.append(sel)
        for fid in sel.items or (str(sel.finding_id),):
            evidence[fid] = "absent" if fid != "pain_duration" else "w6_12"
    alone = [s for s in seen if s.finding_id == "pain_duration"]
    assert len(alone) == 1 and alone[0].items == ()
    assert all("pain_duration" not in s.items for s in seen)


def test_warning_signs_are_protocol_past_the_budget_and_only_in_focus_mode(model):
    evidence = _settle_screens(model)
    cfg = EngineConfig(max_questions=1)
    focused = select(
        model, "female", 45, evidence, focus="cervical_cancer", config=cfg, questions_asked=50
    )
    assert focused.finding_id is not None and focused.reason.startswith("warning signs")
    assert focused.red_flag_phase
    plain = select(model, "female", 45, evidence, config=cfg, questions_asked=50)
    assert plain.finding_id is None and "budget" in plain.reason


def test_nothing_more_once_every_sign_is_answered(model):
    evidence = _settle(model, 45, _settle_screens(model), "cervical_cancer")
    assert _next(model, 45, evidence, "cervical_cancer") is None
    sel = select(model, "female", 45, evidence, focus="cervical_cancer")
    assert not sel.reason.startswith("warning signs")


def _settle_screens(model: Model) -> dict[str, str]:
    """A woman of 45 with back pain whose screens are all answered "no"."""
    evidence = {"low_back_pain": "present"}
    while True:
        sel = select(model, "female", 45, evidence)
        if sel.finding_id is None or not sel.reason.startswith("warning-sign screen"):
            return evidence
        evidence.update(dict.fromkeys(sel.items or (sel.finding_id,), "absent"))
