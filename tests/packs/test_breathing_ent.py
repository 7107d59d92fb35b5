"""The breathing-ent pack (issue 15): its own vignettes as a regression suite, the blind batch
at its floors, and the behaviours the issue names (an emergency from a bland first sentence,
a cold or glue ear kept calm)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.packs.targets import assert_meets_the_targets

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


@pytest.mark.slow
@pytest.mark.parametrize("which", ["pack", "all"])
@pytest.mark.parametrize("path", [OWN, SIMULATED], ids=["own", "simulated"])
def test_own_vignettes_meet_the_targets(
    model: Model, all_model: Model, path: Path, which: str
) -> None:
    """The targets hold with the pack alone and with every built-in pack loaded."""
    assert len(load_vignettes(path)) >= 110
    assert_meets_the_targets(model if which == "pack" else all_model, path, KNOWN_UNDER[path])


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


# --- the draft clinical review's must-fixes (M1b-M7, M9): a bland first sentence, then a
# simulated person who says yes only to what is listed (no to every other yes/no question)


def _simulated_level(
    model: Model,
    text: str,
    age: int,
    present: set[str],
    options: dict[str, str] | None = None,
    age_months: int | None = None,
    sex: str = "female",
) -> str:
    from symptomatic.interview.driver import asked_findings, drive

    chosen = options or {}

    def answerer(question: object) -> dict[str, str]:
        out: dict[str, str] = {}
        for fid in asked_findings(question):  # type: ignore[arg-type]
            if fid in chosen:
                out[fid] = chosen[fid]
            elif fid in present:
                out[fid] = "present"
            elif model.kb.findings[fid].type == "duration":
                out[fid] = "unknown"
            else:
                out[fid] = "absent"
        return out

    ev = parse(model, text, sex=sex, age=age).to_evidence()
    for_whom = "child" if age < 16 else "self"
    state = start(model, sex, age, ev, for_whom=for_whom, age_months=age_months)
    state = drive(model, state, answerer)
    return result(model, state).triage.level.value


@pytest.mark.parametrize(
    ("text", "age", "months", "present", "options", "levels"),
    [
        # M1(b): a baby under 3 months is asked about fever whatever the first sentence says
        ("My baby is not herself.", 0, 1, {"fever"}, {}, ("emergency",)),
        # M2: a fit with a fever; a bulging soft spot in a feverish baby
        (
            "My daughter has a temperature.",
            1,
            None,
            {"fever", "seizure_or_fit"},
            {},
            ("emergency",),
        ),
        ("My baby has a temperature.", 0, 8, {"fever", "bulging_fontanelle"}, {}, ("emergency",)),
        # M3: 3 to 6 months with 39°C or more
        (
            "My baby has a runny nose.",
            0,
            4,
            {"blocked_runny_nose", "fever", "temp_39_or_more"},
            {},
            ("urgent", "emergency"),
        ),
        # M4: breathing trouble or faintness with a trigger or hives; a swelling tongue
        (
            "I'm wheezy and short of breath.",
            25,
            None,
            {"wheeze", "breathlessness", "hives_rash", "allergen_exposure"},
            {},
            ("emergency",),
        ),
        (
            "I was stung by a wasp and feel faint.",
            40,
            None,
            {"allergen_exposure", "fainting", "hives_rash"},
            {},
            ("emergency",),
        ),
        (
            "My lips have swollen up.",
            30,
            None,
            {"lips_tongue_swelling", "tongue_swelling"},
            {},
            ("emergency",),
        ),
        (
            "My daughter's lips are swelling up.",
            9,
            None,
            {"lips_tongue_swelling", "allergen_exposure", "hives_rash", "known_severe_allergy"},
            {},
            ("emergency",),
        ),
        # M5: a sore throat with a stiff, painful neck; with swelling spreading into the neck
        (
            "I have a sore throat.",
            30,
            None,
            {"sore_throat", "fever", "neck_pain_stiff_swelling"},
            {},
            ("urgent", "emergency"),
        ),
        (
            "I have a sore throat.",
            35,
            None,
            {"sore_throat", "fever", "swelling_under_tongue_or_neck"},
            {},
            ("emergency",),
        ),
        # M6: whooping-cough fits in a baby; a coughing baby under 3 months feeding well
        (
            "My baby has coughing fits.",
            0,
            2,
            {"cough", "cough_bouts_whoop", "blocked_runny_nose"},
            {"cough_duration": "w1_3"},
            ("urgent", "emergency"),
        ),
        (
            "My baby has coughing fits.",
            0,
            7,
            {"cough", "cough_bouts_whoop"},
            {"cough_duration": "w1_3"},
            ("urgent", "emergency"),
        ),
        (
            "My baby has a cough and a snotty nose.",
            0,
            1,
            {"cough", "blocked_runny_nose"},
            {"cough_duration": "under_1w"},
            ("urgent", "emergency"),
        ),
        # M7: NICE NG12, a cough of 3 weeks or more in an ever-smoker of 40 or over
        (
            "I've had a cough for five weeks.",
            67,
            None,
            {"cough", "smoking"},
            {"cough_duration": "w3_8"},
            ("soon", "urgent"),
        ),
        # M9: a drooling child with a fever, no sore throat said
        (
            "My son is drooling and has a high temperature.",
            4,
            None,
            {"drooling_cant_swallow", "fever", "feels_very_unwell"},
            {},
            ("emergency",),
        ),
        (
            "My son is drooling and has a high temperature.",
            4,
            None,
            {"drooling_cant_swallow", "fever"},
            {},
            ("emergency",),
        ),
        # ... but a toddler drooling with mouth blisters (gingivostomatitis) stays same-day
        (
            "My toddler has a sore mouth.",
            1,
            None,
            {"drooling_cant_swallow", "fever", "lip_blisters", "poor_feeding", "sore_mouth"},
            {},
            ("urgent",),
        ),
    ],
    ids=[
        "M1b_baby_not_herself",
        "M2_fit",
        "M2_fontanelle",
        "M3_4mo_39",
        "M4_wheeze_hives",
        "M4_wasp_faint",
        "M4_tongue",
        "M4_known_allergy",
        "M5_stiff_neck",
        "M5_neck_spread",
        "M6_whoop_2mo",
        "M6_whoop_7mo",
        "M6_cough_6wk",
        "M7_smoker_cough",
        "M9_drooling_fever_unwell",
        "M9_drooling_fever",
        "M9_mouth_blisters_stay_urgent",
    ],
)
def test_review_must_fixes_reach_their_level(
    all_model: Model,
    text: str,
    age: int,
    months: int | None,
    present: set[str],
    options: dict[str, str],
    levels: tuple[str, ...],
) -> None:
    level = _simulated_level(all_model, text, age, present, options, age_months=months)
    assert level in levels, (text, level)


@pytest.mark.parametrize(
    ("text", "age", "levels"),
    [
        ("My 18 month old had a fit with a high temperature, she has a cold", 1, ("emergency",)),
        ("my baby's soft spot is bulging and she feels hot", 0, ("emergency",)),
        (
            "I ate a peanut 20 minutes ago and now I'm wheezy and covered in hives",
            25,
            ("emergency",),
        ),
        ("My tongue is swelling up", 30, ("emergency",)),
    ],
)
def test_review_must_fixes_from_the_text_alone(
    all_model: Model, text: str, age: int, levels: tuple[str, ...]
) -> None:
    ev = parse(all_model, text, sex="female", age=age).to_evidence()
    who = "child" if age < 16 else "self"
    state = start(all_model, "female", age, ev, for_whom=who, age_months=6 if age == 0 else None)
    assert result(all_model, state).triage.level.value in levels, (text, ev)


def test_a_4_month_old_at_39_4_is_seen_today(all_model: Model) -> None:
    text = "My 4 month old has a temperature of 39.4 and a runny nose"
    ev = parse(all_model, text, sex="male", age=0).to_evidence()
    assert ev.get("temp_39_or_more") == "present", ev
    state = start(all_model, "male", 0, ev, for_whom="child", age_months=4)
    assert result(all_model, state).triage.level.value in ("urgent", "emergency")


def test_rules_with_age_guards_match_their_findings_ages(kb: KnowledgeBase) -> None:
    """Review M9 note: the age guards of the baby and child rules equal their findings'
    applies_to, so that neither drifts from the other."""
    guards = {
        "baby_breathing_pauses": "breathing_pauses",
        "child_floppy_or_drowsy": "floppy_drowsy",
        "baby_bulging_fontanelle": "bulging_fontanelle",
    }
    rules = {r.id: r for r in kb.red_flags}
    for rule_id, fid in guards.items():
        finding = kb.findings[fid]
        assert finding.applies_to is not None
        assert f"'age': ({finding.applies_to.min_age}, {finding.applies_to.max_age})" in str(
            rules[rule_id].when.model_dump(by_alias=True)
        ), rule_id


# --- the review's should-fix items done after the must-fixes


@pytest.mark.parametrize(
    ("text", "age", "present"),
    [
        # S4: a facial weakness with an ear problem, asked in the ear screen (child and adult)
        ("My son has earache.", 6, {"earache", "face_weak_one_side"}),
        ("My ear is really sore.", 40, {"earache", "face_weak_one_side"}),
        ("My ear has been leaking.", 30, {"ear_discharge", "face_weak_one_side"}),
    ],
    ids=["S4_child_earache", "S4_adult_earache", "S4_discharge"],
)
def test_review_should_fixes_reach_emergency(
    all_model: Model, text: str, age: int, present: set[str]
) -> None:
    assert _simulated_level(all_model, text, age, present) == "emergency", text


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("earache and one side of my face has gone droopy", 40),
        ("my daughter's ear hurts and her face has gone droopy on one side", 8),
        ("one side of my face has gone droopy", 60),
    ],
)
def test_a_face_gone_droopy_is_an_emergency_from_the_text_alone(
    all_model: Model, text: str, age: int
) -> None:
    """Review S4: "gone droopy" parsed nothing a rule used (routine); a new one-sided facial
    weakness is a stroke sign, and with an ear infection a spreading infection."""
    ev = parse(all_model, text, sex="female", age=age).to_evidence()
    assert ev.get("face_weak_one_side") == "present", ev
    who = "child" if age < 16 else "self"
    state = start(all_model, "female", age, ev, for_whom=who)
    assert result(all_model, state).triage.level.value == "emergency", (text, ev)


def test_a_drooling_feverish_child_is_asked_about_mouth_sores_first(all_model: Model) -> None:
    """Review M9 follow-up: said in text alone, "drooling with a high temperature" stays urgent,
    since the emergency rule needs mouth sores denied (a rule cannot fire on a sign left
    unknown without a "yes" to that sign lowering the level). The interview's first question
    (which complaint: mouth sores among them) asks it, so a "no" makes it an emergency at
    once, and the interview stops there."""
    text = "My son is drooling and has a high temperature"
    ev = parse(all_model, text, sex="male", age=4).to_evidence()
    state = start(all_model, "male", 4, ev, for_whom="child")
    assert result(all_model, state).triage.level.value == "urgent"
    q = next_question(all_model, state)
    assert q is not None and "sore_mouth" in {i.finding_id for i in q.items}
    state = answer_group(all_model, state, q.finding_id, {i.finding_id: "absent" for i in q.items})
    assert result(all_model, state).triage.level.value == "emergency"
    assert next_question(all_model, state) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("she put a battery in her ear", "emergency"),
        ("my son pushed a button battery up his nose", "emergency"),
        ("my daughter has a magnet up her nose", "emergency"),
        ("the battery in my hearing aid died and my ear hurts", "routine"),
    ],
)
def test_a_button_battery_in_a_nose_or_ear_is_an_emergency(
    all_model: Model, text: str, level: str
) -> None:
    """Review S7: a battery in an ear parsed nothing (routine); it burns within hours."""
    age = 30 if "hearing aid" in text else 3
    ev = parse(all_model, text, sex="female", age=age).to_evidence()
    state = start(all_model, "female", age, ev, for_whom="self" if age >= 16 else "child")
    got = result(all_model, state).triage.level.value
    assert got == level if level == "emergency" else got != "emergency", (text, ev, got)


def test_poor_feeding_asks_the_band_nice_refers_at(kb: KnowledgeBase) -> None:
    """Review S3: NG9 refers at 50-75 % of usual feeds; the question asked "less than half",
    so a baby at two-thirds of their feeds answered no."""
    fnd = kb.findings["poor_feeding"]
    for question in (fnd.question, fnd.question_child, fnd.question_other):
        assert question is not None and "three-quarters" in question


@pytest.mark.parametrize(
    "text",
    [
        "I woke up yesterday completely deaf in my left ear",
        "I suddenly can't hear out of my right ear",
        "my hearing went in one ear since this morning",
    ],
)
def test_sudden_hearing_loss_is_read_and_seen_within_a_day(all_model: Model, text: str) -> None:
    """Review S5: keep the sudden deafness phrasings read (one needed a synonym change)."""
    ev = parse(all_model, text, sex="female", age=40).to_evidence()
    assert ev.get("hearing_loss_sudden") == "present", ev
    assert "palpitations" not in ev
    state = start(all_model, "female", 40, ev)
    assert result(all_model, state).triage.level.value in ("urgent", "emergency")
