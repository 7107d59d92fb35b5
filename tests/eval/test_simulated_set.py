"""Our simulated-patient set for the back-pelvic pack: well formed, and it reaches every
red-flag rule the interview can ask about from a bland first complaint (issue: evaluation that
runs the interview). The figures it gives are measured by ``symptomatic eval vignettes``."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.engine import Model
from symptomatic.eval import Vignette, check_vignettes, load_vignettes
from symptomatic.eval.runner import run_vignette
from symptomatic.eval.simulated import truth
from symptomatic.interview import answer_group, next_question, start
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.knowledge import rule_findings
from symptomatic.kb.schema import Sex
from symptomatic.triage import fired_rules

SET = Path(__file__).parent / "vignettes" / "back-pelvic-simulated.yaml"
#: Written blind by a second author from the pack's findings and rules (see its header).
BLIND = Path(__file__).parent / "vignettes" / "back-pelvic-simulated-blind.yaml"


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base("back-pelvic"))


@pytest.fixture(scope="module")
def vignettes() -> list[Vignette]:
    return load_vignettes(SET) + load_vignettes(BLIND)


def _rules_reached(model: Model, v: Vignette) -> set[str]:
    """The rules the patient's whole truth fires (every finding answered as they would)."""
    assert v.patient is not None
    evidence = {fid: truth(model, v.patient, fid) for fid in model.kb.findings}
    return {r.id for r in fired_rules(model.kb.red_flags, evidence, Sex(v.sex), v.age)}


def test_the_set_is_simulated_and_names_only_what_the_pack_has(
    model: Model, vignettes: list[Vignette]
) -> None:
    assert len(vignettes) >= 160
    assert {v.mode for v in vignettes} == {"simulated"}
    check_vignettes(model, load_vignettes(SET), SET.name)
    check_vignettes(model, load_vignettes(BLIND), BLIND.name)


def test_every_red_flag_rule_is_reached_and_the_look_alikes_reach_none(
    model: Model, vignettes: list[Vignette]
) -> None:
    reached: set[str] = set()
    for v in vignettes:
        rules = _rules_reached(model, v)
        if v.id.startswith("SB"):  # benign look-alikes: no warning sign at all
            assert not rules, (v.id, rules)
        reached |= rules
    # a rule on a finding the interview never asks (words of crisis), or standing in for a
    # complaint no loaded pack covers (until_covered: chest pain with back-pelvic alone), is
    # reached by text alone
    text_only = {
        rule.id
        for rule in model.kb.red_flags
        if rule.until_covered is not None
        or any(not model.kb.findings[fid].askable for fid, _ in rule_findings(rule.when))
    }
    missing = [r.id for r in model.kb.red_flags if r.id not in reached | text_only]
    assert not missing, f"no simulated patient reaches {missing}"
    assert len(text_only) < len(model.kb.red_flags) // 4


@pytest.fixture(scope="module")
def all_packs() -> Model:
    return Model.compile(load_knowledge_base("all"))


def test_the_back_pain_screens_come_first_with_every_pack_loaded(all_packs: Model) -> None:
    """With every pack loaded, a back pain is still screened for its warning signs before any
    question of another pack (screens are protocol: docs/packs.md)."""
    state = start(all_packs, "male", 73, {"low_back_pain": "present"})
    first: list[str] = []
    for _ in range(4):
        q = next_question(all_packs, state)
        assert q is not None
        first.append(q.finding_id)
        state = answer_group(
            all_packs, state, q.finding_id, {i.finding_id: "absent" for i in q.items}
        )
    assert first == [
        "back_nerve_signs",
        "back_serious_cause_signs",
        "back_risk_factors",
        "aorta_signs",
    ]


def test_blind_myeloma_case_is_not_under_triaged_with_every_pack_loaded(all_packs: Model) -> None:
    """S015 (73, "sore back for weeks and weeks", myeloma): the long pain is read as 6-12
    weeks, not the 1-6 weeks a bare "for weeks" gives, and the interview reaches the
    older-person warning signs within the question budget although the other packs' questions
    compete for it."""
    [v] = [v for v in load_vignettes(BLIND) if v.id == "S015"]
    res = run_vignette(all_packs, v)
    assert res.parsed["pain_duration"] == "w6_12"
    assert not res.under_triaged
    assert res.triage in v.triage_ok
