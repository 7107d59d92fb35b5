"""The breathing-ent pack (issue 15): its own vignettes as a regression suite, the blind batch
at its floors, and the behaviours the issue names (an emergency from a bland first sentence,
a cold or glue ear kept calm)."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.engine import Model
from symptomatic.eval.runner import run_vignettes
from symptomatic.eval.vignettes import load_vignettes
from symptomatic.interview import answer, answer_group, next_question, result, start
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse

VIGNETTES = Path(__file__).parents[1] / "eval" / "vignettes"
OWN = VIGNETTES / "breathing-ent-own.yaml"
SIMULATED = VIGNETTES / "breathing-ent-simulated.yaml"
BLIND = VIGNETTES / "breathing-ent-blind.yaml"

#: Under-triaged cases, listed exactly so that a new miss fails the test.
KNOWN_UNDER: dict[Path, set[str]] = {OWN: set(), SIMULATED: set()}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("breathing-ent")


@pytest.fixture(scope="module")
def model(kb: KnowledgeBase) -> Model:
    return Model.compile(kb)


@pytest.fixture(scope="module")
def all_model() -> Model:
    return Model.compile(load_knowledge_base())


@pytest.mark.slow
@pytest.mark.parametrize("which", ["pack", "all"])
@pytest.mark.parametrize("path", [OWN, SIMULATED], ids=["own", "simulated"])
def test_own_vignettes_meet_the_targets(
    model: Model, all_model: Model, path: Path, which: str
) -> None:
    """The targets hold with the pack alone and with every built-in pack loaded."""
    vignettes = load_vignettes(path)
    assert len(vignettes) >= 110
    cases, summary = run_vignettes(model if which == "pack" else all_model, vignettes)
    figures = summary.as_dict()
    assert figures["top3"] >= 0.9, figures
    assert figures["triage_acceptable"] >= 0.9, figures
    assert figures["mean_questions"] <= 15, figures
    assert figures["emergency_sensitivity"] == 1.0, figures
    under = {c.vignette.id for c in cases if c.under_triaged}
    assert under == KNOWN_UNDER[path], under


#: The blind batch's under-triaged cases after the fixes made from its first run: a 7-week-old
#: with whooping cough whose "until I picked him up" reads as the parent's own lifting strain
#: (so the baby's symptoms are not counted), a toddler's bead up one nostril (no nasal foreign
#: body condition) and noise-induced hearing loss with tinnitus (not a condition of the pack).
BLIND_UNDER = {"BB009", "BB020", "BB029"}


@pytest.mark.slow
def test_blind_batch_keeps_its_floors(all_model: Model) -> None:
    """The blind batch (64 cases written without reading the pack) was first run with every
    pack loaded: top-3 0.766, acceptable 0.781, under-triage 7 cases, emergency sensitivity
    12/14. Fixes were then made from it by class (a child named by age as one word, 'my 14yo';
    swelling round an eye with sinus pain; a reliever needed every few hours; hoarse for
    'weeks now'; noisy breathing that is not stridor), so it is a development set now: top-3
    0.81, acceptable 0.83, under-triage 3 cases, emergency sensitivity 13/14; with the eyes pack
    merged: top-3 0.80 (0.797), acceptable 0.86."""
    cases, summary = run_vignettes(all_model, load_vignettes(BLIND))
    figures = summary.as_dict()
    assert figures["top3"] >= 0.79, figures
    assert figures["triage_acceptable"] >= 0.85, figures
    assert figures["emergency_sensitivity"] >= 0.92, figures
    under = {c.vignette.id for c in cases if c.under_triaged}
    assert under == BLIND_UNDER, under


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my child has a cough", 2),
        ("I've got a sore throat", 30),
        ("my ear hurts", 8),
        ("I have toothache", 40),
        ("my lips are swelling up", 25),
        ("I'm wheezy", 30),
        ("my nose is bleeding", 70),
        ("I have a blocked nose and my face hurts", 35),
    ],
)
def test_a_bland_first_sentence_leads_to_the_warning_signs(
    all_model: Model, text: str, age: int
) -> None:
    """The first question after a bland sentence is a warning sign (a screen's "any of these?"
    group, or a single red flag), and answering yes to it reaches an emergency."""
    ev = parse(all_model, text, sex="female", age=age).to_evidence()
    state = start(all_model, "female", age, ev)
    q = next_question(all_model, state)
    assert q is not None and q.red_flag, (text, q)
    if q.type == "group_multiple":
        answers = {i.finding_id: "present" for i in q.items}
        state = answer_group(all_model, state, q.finding_id, answers)
    else:
        state = answer(all_model, state, q.finding_id, "present")
    assert result(all_model, state).triage.level.value == "emergency", text


def test_a_febrile_baby_under_three_months_is_an_emergency(all_model: Model) -> None:
    ev = parse(all_model, "my baby feels hot and has a runny nose", sex="male", age=0).to_evidence()
    state = start(all_model, "male", 0, ev, for_whom="child", age_months=1)
    state = start(all_model, "male", 0, {**state.evidence, "fever": "present"}, age_months=1)
    assert result(all_model, state).triage.level.value == "emergency"


@pytest.mark.parametrize(
    ("evidence", "age", "top", "levels"),
    [
        (
            {
                "blocked_runny_nose": "present",
                "sneezing_itchy": "present",
                "sore_throat": "present",
                "cough": "present",
                "fever": "absent",
                "struggling_to_breathe": "absent",
                "stridor": "absent",
                "drooling_cant_swallow": "absent",
            },
            30,
            "common_cold",
            ("self_care",),
        ),
        (
            {
                "hearing_loss": "present",
                "ear_blocked_feeling": "present",
                "earache": "absent",
                "fever": "absent",
                "hearing_loss_sudden": "absent",
                "swelling_behind_ear": "absent",
            },
            4,
            "glue_ear",
            ("self_care", "routine"),
        ),
        (
            {
                "hearing_loss": "present",
                "ear_blocked_feeling": "present",
                "ear_wax_history": "present",
                "earache": "absent",
                "hearing_loss_sudden": "absent",
                "ringing_or_spinning": "absent",
            },
            70,
            "ear_wax",
            ("self_care", "routine"),
        ),
    ],
    ids=["cold", "glue_ear", "wax"],
)
def test_common_harmless_causes_are_not_frightening(
    all_model: Model, evidence: dict[str, str], age: int, top: str, levels: tuple[str, ...]
) -> None:
    res = result(all_model, start(all_model, "female", age, evidence))
    assert res.conditions[0].id == top, [c.id for c in res.conditions[:3]]
    assert res.triage.level.value in levels, res.triage.reasons
