"""The eyes pack (issue 15): its own vignettes as a regression suite, and the behaviours the
issue names (an emergency from a bland first sentence, benign causes kept benign)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.packs.targets import assert_meets_the_targets

from symptomatic.engine import Model
from symptomatic.eval.runner import run_vignettes
from symptomatic.eval.vignettes import load_vignettes
from symptomatic.interview import answer_group, next_question, result, start
from symptomatic.kb import load_knowledge_base
from symptomatic.language import parse

VIGNETTES = Path(__file__).parents[1] / "eval" / "vignettes"
OWN = VIGNETTES / "eyes-own.yaml"
SIMULATED = VIGNETTES / "eyes-simulated.yaml"
#: Eye complaints whose causes the pack does not list (migraine aura, squint, thyroid eye
#: disease, a white pupil): triage only.
OUTSIDE = VIGNETTES / "eyes-outside.yaml"

#: Under-triaged cases, listed exactly so that a new miss fails the test. None.
KNOWN_UNDER: dict[Path, set[str]] = {OWN: set(), SIMULATED: set()}


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base("eyes"))


@pytest.fixture(scope="module")
def every_pack() -> Model:
    return Model.compile(load_knowledge_base())


@pytest.mark.slow
@pytest.mark.parametrize("path", [OWN, SIMULATED], ids=["own", "simulated"])
def test_own_vignettes_meet_the_targets(model: Model, path: Path) -> None:
    assert len(load_vignettes(path)) >= (90 if path == OWN else 60)
    assert_meets_the_targets(model, path, KNOWN_UNDER[path])


@pytest.mark.slow
@pytest.mark.parametrize("path", [OWN, SIMULATED], ids=["own", "simulated"])
def test_own_vignettes_meet_the_targets_with_every_pack(every_pack: Model, path: Path) -> None:
    assert_meets_the_targets(every_pack, path, KNOWN_UNDER[path])


@pytest.mark.slow
def test_look_alikes_outside_the_pack_are_not_under_triaged(model: Model) -> None:
    """A white pupil, a new squint, thyroid eye disease, migraine aura: the pack names none of
    them; none is sent to a less urgent level than a careful clinician would (flashes of a
    migraine aura are still sent the same day, as a retinal tear cannot be told apart)."""
    cases, summary = run_vignettes(model, load_vignettes(OUTSIDE))
    assert not {c.vignette.id for c in cases if c.under_triaged}
    assert summary.as_dict()["triage_acceptable"] >= 0.8


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my eye hurts", 45),
        ("my eye is red", 60),
        ("something is wrong with my eyesight", 70),
        ("my child's eyelid is swollen", 6),
        ("I've got something in my eye", 35),
    ],
)
def test_a_bland_first_sentence_reaches_an_emergency(model: Model, text: str, age: int) -> None:
    """The first question after a bland sentence is a screen of warning signs, and answering
    yes to every sign asked reaches an emergency within a few questions."""
    ev = parse(model, text, sex="female", age=age).to_evidence()
    assert ev, text
    state = start(model, "female", age, ev)
    q = next_question(model, state)
    assert q is not None and q.type == "group_multiple", (text, q)
    for _ in range(6):
        if q is None or q.type != "group_multiple":
            break
        state = answer_group(model, state, q.finding_id, {i.finding_id: "present" for i in q.items})
        if result(model, state).triage.level.value == "emergency":
            return
        q = next_question(model, state)
    assert result(model, state).triage.level.value == "emergency", text


def _calm(model: Model, sex: str, age: int, ev: dict[str, str], top: set[str]) -> None:
    res = result(model, start(model, sex, age, ev))
    assert res.triage.level.value in ("self_care", "routine"), res.triage.reasons
    assert res.conditions[0].id in top, [c.id for c in res.conditions[:3]]


def test_a_sticky_red_eye_in_a_well_child_is_looked_after_at_home(model: Model) -> None:
    ev = {
        "red_eye": "present",
        "sticky_eye": "present",
        "glued_eyes_morning": "present",
        "both_eyes": "present",
        "eye_pain": "absent",
        "vision_change": "absent",
        "light_sensitivity": "absent",
        "eyelid_swelling": "absent",
        "eye_injury": "absent",
        "fever": "absent",
    }
    _calm(model, "male", 4, ev, {"bacterial_conjunctivitis", "viral_conjunctivitis"})


def test_a_stye_is_a_stye(model: Model) -> None:
    ev = {
        "eyelid_lump": "present",
        "lump_tender": "present",
        "lump_at_lash": "present",
        "eyelid_swelling": "present",
        "eyelid_red_hot": "absent",
        "vision_change": "absent",
        "pain_moving_eye": "absent",
        "fever": "absent",
    }
    _calm(model, "female", 30, ev, {"stye"})


def test_a_burst_blood_vessel_on_the_eye_is_not_frightening(model: Model) -> None:
    ev = {
        "red_eye": "present",
        "red_patch_blood": "present",
        "eye_pain": "absent",
        "vision_change": "absent",
        "sticky_eye": "absent",
        "eye_injury": "absent",
    }
    _calm(model, "male", 66, ev, {"subconjunctival_haemorrhage"})
    # review C3: the advice names the few reasons to see a GP about it
    assert "blood thinner" in model.kb.conditions["subconjunctival_haemorrhage"].description


def test_a_newborn_with_a_sticky_eye_is_seen_today(model: Model) -> None:
    state = start(model, "female", 0, {"sticky_eye": "present"}, age_months=0)
    assert result(model, state).triage.level.value == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "I splashed bleach in my eye",
        "My eye is really painful and red, my vision is blurry and I can see haloes around"
        " lights, and I've been sick",
        "A bit of metal flew into my eye while I was grinding",
        "I suddenly lost the sight in my right eye an hour ago",
    ],
)
def test_an_eye_emergency_said_at_once_is_an_emergency(model: Model, text: str) -> None:
    ev = parse(model, text, sex="male", age=62).to_evidence()
    assert result(model, start(model, "male", 62, ev)).triage.level.value == "emergency", ev


BLIND = VIGNETTES / "eyes-blind.yaml"


@pytest.mark.slow
def test_blind_batch_keeps_its_floors(model: Model) -> None:
    """The blind batch (50 cases written without reading the pack; fixes were made from its
    first run, so it is a development set now) keeps the figures reached. First run: top-3
    0.78, acceptable 0.80, under-triage 2 cases (an eyelid skin cancer at self care, a brief
    loss of sight in one eye at routine), emergency sensitivity 10/11. After the class fixes
    (a transient loss said as a shutter, a growing or bleeding lid lump, zigzag lines, a flash
    in photos, headache common among eye problems): top-3 0.78 (ten cases name causes the pack
    does not list: eyelid cancer, squint, migraine, needing glasses, chronic glaucoma,
    entropion, retinoblastoma), acceptable 0.90, no under-triage, emergency 10/11 (a 3-day-old
    with pus and swollen lids is sent the same day, gold emergency)."""
    cases, summary = run_vignettes(model, load_vignettes(BLIND))
    figures = summary.as_dict()
    assert figures["top3"] >= 0.76, figures
    assert figures["triage_acceptable"] >= 0.88, figures
    assert figures["emergency_sensitivity"] >= 0.9, figures
    under = {c.vignette.id for c in cases if c.under_triaged}
    assert not under, under


def _simulated(model: Model, age: int, sex: str, present: list[str]):
    """The issue's sentence, then a person who says yes to ``present`` only (no injury)."""
    from symptomatic.eval.runner import run_vignette
    from symptomatic.eval.vignettes import parse_vignettes

    [v] = parse_vignettes(
        {
            "version": 1,
            "vignettes": [
                {
                    "id": "M5",
                    "age": age,
                    "sex": sex,
                    "text": "sudden painful red eye and blurry vision",
                    "present": present,
                    "options": {"eye_problem_start": "under_24h"},
                    "dx": ["H40.2"],
                    "triage": "emergency",
                }
            ],
        }
    )
    return run_vignette(model, v)


AACG_SAID = ["eye_problem", "red_eye", "eye_pain", "eye_pain_severe", "blurred_vision"]
AACG_SAID += ["vision_change", "eye_sudden_onset", "light_sensitivity"]


def test_angle_closure_stays_in_view_without_headache_vomiting_or_haloes(
    every_pack: Model,
) -> None:
    """Review M5: a 65-year-old woman with a sudden, severe painful red eye, blurred sight and
    light sensitivity, no injury, who has no headache, vomiting or haloes (often absent or not
    noticed) had angle closure at 0.01 behind a scratch she denied. It is an emergency, and
    angle closure keeps a real share; with the headache and vomiting it leads."""
    res = _simulated(every_pack, 65, "female", AACG_SAID)
    assert res.triage.value == "emergency"
    probs = {c.id: c.probability for c in res.conditions}
    assert probs.get("acute_angle_closure_glaucoma", 0.0) >= 0.1, probs
    assert "chemical_eye_injury" not in probs, probs
    res = _simulated(every_pack, 65, "female", [*AACG_SAID, "brow_headache", "nausea_vomiting"])
    assert max(res.conditions, key=lambda c: c.probability).id == "acute_angle_closure_glaucoma"


@pytest.mark.parametrize("pack", ["eyes", "breathing-ent"])
def test_every_question_a_child_may_be_asked_is_worded_for_the_parent(pack: str) -> None:
    """Review S9: a finding asked in a child's check whose question says "you" has a
    ``question_child``, or the parent answers it about themselves."""
    import re

    from symptomatic.kb import load_pack

    unworded = [
        f.id
        for f in load_pack(pack).findings
        if f.askable
        and f.applies_to.min_age < 16
        and f.question_child is None
        and re.search(r"\byou(r)?\b", f.question, re.I)
    ]
    assert not unworded
