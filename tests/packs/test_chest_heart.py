"""The chest-heart pack (issue 16): its own vignettes as a regression suite, and the
behaviours the issue names (an emergency from a bland first sentence, benign causes kept)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.packs.targets import assert_meets_the_targets

from symptomatic.engine import Model
from symptomatic.eval.runner import run_vignettes
from symptomatic.eval.vignettes import load_vignettes
from symptomatic.interview import answer_group, next_question, result, start
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse

VIGNETTES = Path(__file__).parents[1] / "eval" / "vignettes"
OWN = VIGNETTES / "chest-heart-own.yaml"
SIMULATED = VIGNETTES / "chest-heart-simulated.yaml"

#: Under-triaged cases, listed exactly so that a new miss fails the test. None since CH019 (a
#: parent's report opening "Today at football he had chest pain", once read as the writer's
#: own strain) and CS037 (endocarditis with fevers alone: the fever screen is now asked when
#: every complaint is denied) were fixed.
KNOWN_UNDER: dict[Path, set[str]] = {OWN: set(), SIMULATED: set()}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("chest-heart")


@pytest.fixture(scope="module")
def model(kb: KnowledgeBase) -> Model:
    return Model.compile(kb)


@pytest.mark.slow
@pytest.mark.parametrize("path", [OWN, SIMULATED], ids=["own", "simulated"])
def test_own_vignettes_meet_the_targets(model: Model, path: Path) -> None:
    assert len(load_vignettes(path)) >= 90
    assert_meets_the_targets(model, path, KNOWN_UNDER[path])


BLIND = VIGNETTES / "chest-heart-blind.yaml"


@pytest.mark.slow
def test_blind_batch_keeps_its_floors(model: Model) -> None:
    """The blind batch (written without reading the pack; fixes were made from its first run,
    so it is a development set now) keeps the figures reached: first run top-3 0.81,
    acceptable 0.77, under-triage 4 cases, emergency sensitivity 12/14; after the class fixes,
    blood-pressure and pulse readings written as numbers and a same-day rule for a blackout at
    65 or over: top-3 0.85, acceptable 0.91, no under-triage, emergency sensitivity 14/14."""
    cases, summary = run_vignettes(model, load_vignettes(BLIND))
    figures = summary.as_dict()
    assert figures["top3"] >= 0.84, figures
    assert figures["triage_acceptable"] >= 0.90, figures
    assert figures["emergency_sensitivity"] == 1.0, figures
    under = {c.vignette.id for c in cases if c.under_triaged}
    assert not under, under


@pytest.mark.parametrize(
    "text",
    ["chest pain", "I fainted", "my heart is racing", "I'm short of breath", "my calf hurts"],
)
def test_a_bland_first_sentence_leads_to_the_warning_signs(model: Model, text: str) -> None:
    """The first question after a bland sentence is a screen of warning signs, and answering
    yes to all of it reaches an emergency."""
    ev = parse(model, text, sex="male", age=60).to_evidence()
    state = start(model, "male", 60, ev)
    q = next_question(model, state)
    assert q is not None and q.type == "group_multiple", (text, q)
    state = answer_group(model, state, q.finding_id, {i.finding_id: "present" for i in q.items})
    assert result(model, state).triage.level.value == "emergency", text


def test_chest_wall_pain_is_not_an_emergency(model: Model) -> None:
    """Sharp pain tender to press, worse on moving, with every heart-attack sign denied."""
    ev = {
        "chest_pain": "present",
        "cp_tender_to_touch": "present",
        "cp_worse_moving": "present",
        "cp_heavy_crushing": "absent",
        "cp_spreads_arm_jaw": "absent",
        "cold_sweat": "absent",
        "breathlessness": "absent",
        "cp_came_on_at_rest": "absent",
        "cp_lasted_15min": "absent",
        "fainting": "absent",
        "cp_exertional": "absent",
    }
    res = result(model, start(model, "female", 35, ev))
    assert res.triage.level.value in ("self_care", "routine"), res.triage.reasons
    assert res.conditions[0].id == "chest_wall_pain"


REVIEW_CASES = Path(__file__).parent / "data" / "chest_heart_review_cases.yaml"


def test_the_clinical_review_cases_end_at_an_acceptable_level(model: Model) -> None:
    cases, _ = run_vignettes(model, load_vignettes(REVIEW_CASES))
    wrong = {c.vignette.id: c.triage.value for c in cases if c.triage not in c.vignette.triage_ok}
    assert not wrong, wrong
