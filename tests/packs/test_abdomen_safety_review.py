"""The abdomen pack's answers to its safety review (/work/abdomen-review.md, an AI helper's
review, not a clinical sign-off): each MUST FIX item pinned with the real packs.

A simulated case starts from a bland first sentence and answers every question truthfully
(``present`` yes, everything else no), so the test fails when the question that reaches the
emergency is not asked, and not only when the rule is missing. A text case reads the words
alone, with no question answered.
"""

from __future__ import annotations

import pytest

from symptomatic.engine import Model
from symptomatic.eval.simulated import truthful
from symptomatic.eval.vignettes import Patient
from symptomatic.interview import InterviewState, answers_from, drive, result, start
from symptomatic.language import parse


def _simulated(
    all_model: Model,
    text: str,
    sex: str,
    age: int,
    present: set[str],
    months: int | None = None,
    options: dict[str, str] | None = None,
) -> tuple[str, list[str], InterviewState]:
    """(triage level, fired rule ids, final state) of a truthful patient from ``text``."""
    patient = Patient(present=frozenset(present), options=tuple(sorted((options or {}).items())))
    ev = parse(all_model, text, sex=sex, age=age).to_evidence()
    state = start(all_model, sex, age, ev, complaint_text=text, age_months=months)
    state = drive(all_model, state, truthful(all_model, patient))
    res = result(all_model, state)
    return res.triage.level.value, [r.id for r in res.triage.fired], state


def _from_text(all_model: Model, text: str, sex: str, age: int) -> tuple[str, dict[str, str]]:
    """(triage level, parsed evidence) of ``text`` with no question answered."""
    ev = parse(all_model, text, sex=sex, age=age).to_evidence()
    state = drive(all_model, start(all_model, sex, age, ev, complaint_text=text), answers_from(ev))
    return result(all_model, state).triage.level.value, dict(ev)


# --- M1: a symptomatic aortic aneurysm from this pack's tummy-pain places ------------------


def test_m1_pulsing_lump_with_tummy_and_back_ache_is_an_emergency(all_model: Model) -> None:
    level, fired, _ = _simulated(
        all_model,
        "I have an ache in my tummy and back",
        "male",
        76,
        {
            "pain",
            "abdominal_pain",
            "central_abdominal_pain",
            "abd_pain_to_back",
            "pulsating_abdomen",
            "low_back_pain",
        },
        options={"abd_pain_start": "under_24h"},
    )
    assert level == "emergency", fired
    assert "pulsing_lump_tummy_pain_50" in fired


def test_m1_new_tummy_pain_with_a_known_aneurysm_is_an_emergency(all_model: Model) -> None:
    level, fired, _ = _simulated(
        all_model,
        "my tummy hurts",
        "male",
        79,
        {"pain", "abdominal_pain", "central_abdominal_pain", "known_aaa"},
        options={"abd_pain_start": "under_24h"},
    )
    assert level == "emergency", fired
    assert "known_aaa_tummy_pain" in fired


# --- M2: upper tummy pain later in pregnancy (pre-eclampsia) --------------------------------


def test_m2_pain_under_the_ribs_late_in_pregnancy_asks_the_pre_eclampsia_signs(
    all_model: Model,
) -> None:
    level, fired, _ = _simulated(
        all_model,
        "I'm 32 weeks pregnant with pain under my ribs",
        "female",
        28,
        {
            "pain",
            "pregnant",
            "pregnancy_over_12_weeks",
            "abdominal_pain",
            "right_upper_abdominal_pain",
            "upper_abdominal_pain",
            "headache",
            "leg_swelling",
        },
        options={"abd_pain_start": "under_24h"},
    )
    assert level == "emergency", fired
    assert "upper_tummy_pain_later_pregnancy_signs" in fired


def test_m2_the_text_alone_reaches_the_emergency(all_model: Model) -> None:
    level, ev = _from_text(
        all_model,
        "I'm 34 weeks pregnant with pain under my right ribs, a headache and my vision is blurry.",
        "female",
        32,
    )
    assert level == "emergency", ev


def test_m2_upper_tummy_pain_later_in_pregnancy_alone_is_same_day(all_model: Model) -> None:
    level, fired, _ = _simulated(
        all_model,
        "I'm 30 weeks pregnant and have pain at the top of my tummy",
        "female",
        30,
        {"pain", "pregnant", "pregnancy_over_12_weeks", "abdominal_pain", "upper_abdominal_pain"},
        options={"abd_pain_start": "under_24h"},
    )
    assert level in ("urgent", "emergency"), fired
    assert "tummy_pain_in_pregnancy" in fired


# --- M3: any tummy pain in early pregnancy --------------------------------------------------


@pytest.mark.parametrize(
    "places",
    [
        {"central_abdominal_pain", "generalised_abdominal_pain"},
        {"left_lower_abdominal_pain"},
        {"upper_abdominal_pain"},
    ],
    ids=["central", "lower_left", "upper"],
)
def test_m3_tummy_pain_in_early_pregnancy_is_an_emergency(
    all_model: Model, places: set[str]
) -> None:
    level, fired, _ = _simulated(
        all_model,
        "I'm 7 weeks pregnant and have tummy pain",
        "female",
        26,
        {"pain", "abdominal_pain", "pregnant", "pregnancy_under_12_weeks"} | places,
        options={"abd_pain_start": "under_24h"},
    )
    assert level == "emergency", fired
    assert "early_pregnancy_tummy_pain" in fired


def test_m3_a_late_period_with_lower_tummy_pain_and_fainting_is_an_emergency(
    all_model: Model,
) -> None:
    level, fired, _ = _simulated(
        all_model,
        "I have pain in my stomach",
        "female",
        31,
        {"pain", "abdominal_pain", "left_lower_abdominal_pain", "late_period", "fainting"},
        options={"abd_pain_start": "under_24h"},
    )
    assert level == "emergency", fired


# --- M4: food stuck now is asked from "trouble swallowing" ----------------------------------


def test_m4_food_stuck_now_is_asked_and_is_an_emergency(all_model: Model) -> None:
    level, fired, state = _simulated(
        all_model,
        "I'm having trouble swallowing",
        "male",
        40,
        {"swallowing_difficulty", "food_stuck_now"},
    )
    assert state.evidence.get("food_stuck_now") == "present"
    assert level == "emergency", fired


# --- M5: paracetamol overdose in everyday words ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        (
            "I've been taking 12 paracetamol a day for my back for the last four days. I feel"
            " okay.",
            45,
        ),
        ("I took 12 paracetamol after an argument. I feel fine now.", 16),
        (
            "I've been taking co-codamol and paracetamol together for my toothache for three days.",
            40,
        ),
        ("I swallowed fourteen paracetamol tablets last night", 22),
    ],
    ids=["twelve_a_day", "after_an_argument", "two_products", "fourteen_tablets"],
)
def test_m5_paracetamol_overdose_from_everyday_words(all_model: Model, text: str, age: int) -> None:
    level, ev = _from_text(all_model, text, "female", age)
    assert ev.get("too_much_paracetamol") == "present", ev
    assert level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I took 2 paracetamol at 10 o'clock this morning for a headache.",
        "I took paracetamol at 10 pm and it helped.",
        "I take co-codamol, not paracetamol.",
    ],
)
def test_m5_a_time_or_an_ordinary_dose_is_not_an_overdose(all_model: Model, text: str) -> None:
    ev = parse(all_model, text, sex="female", age=40).to_evidence()
    assert ev.get("too_much_paracetamol") != "present", ev


# --- M6: ketone signs asked for a child's tummy pain without vomiting ------------------------


def test_m6_a_child_with_tummy_pain_is_asked_about_ketones(all_model: Model) -> None:
    level, fired, state = _simulated(
        all_model,
        "my son has a tummy ache and is very tired",
        "male",
        10,
        {"pain", "abdominal_pain", "ketone_signs", "fatigue", "weight_loss"},
    )
    assert state.evidence.get("ketone_signs") == "present"
    assert level == "emergency", fired
    assert "ketones_diabetes_emergency" in fired


# --- M7: screaming bouts (with pallor and sleepiness in the question) under 3 ----------------


def test_m7_screaming_bouts_in_a_baby_are_an_emergency(all_model: Model) -> None:
    level, fired, _ = _simulated(
        all_model,
        "my baby keeps screaming",
        "male",
        0,
        {"excessive_crying", "screaming_episodes"},
        months=7,
    )
    assert level == "emergency", fired
    assert "baby_screaming_bouts" in fired


def test_m7_screaming_bouts_at_four_stay_same_day(all_model: Model) -> None:
    """From 3 the bouts alone stay urgent; any other sign raises them (other rules)."""
    level, fired, _ = _simulated(
        all_model,
        "my daughter keeps getting tummy pains",
        "female",
        4,
        {"pain", "abdominal_pain", "screaming_episodes", "abd_pain_comes_goes"},
        options={"abd_pain_start": "under_24h"},
    )
    assert level in ("urgent", "emergency"), fired
    assert "baby_screaming_bouts" not in fired


# --- SHOULD FIX items ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my blood test showed I'm low in iron", 68),
        ("My GP blood test shows iron deficiency anaemia. I feel tired.", 70),
    ],
)
def test_s2_iron_deficiency_at_60_needs_a_gp_within_two_weeks(
    all_model: Model, text: str, age: int
) -> None:
    """NICE NG12 1.3.1: 60+ with iron-deficiency anaemia, no symptom needed."""
    level, ev = _from_text(all_model, text, "female", age)
    assert ev.get("abnormal_blood_tests") == "present", ev
    assert level in ("soon", "urgent", "emergency")


def test_s2_looser_stools_for_months_at_60_needs_a_gp_within_two_weeks(all_model: Model) -> None:
    level, fired, _ = _simulated(
        all_model,
        "my bowels have been loose",
        "male",
        66,
        {"diarrhoea", "bowel_habit_change"},
        options={"diarrhoea_duration": "over_4w"},
    )
    assert level in ("soon", "urgent", "emergency"), fired
    assert "bowel_change_over_60" in fired


def test_s2_a_short_tummy_bug_at_60_is_not_a_cancer_referral(all_model: Model) -> None:
    _, fired, _ = _simulated(
        all_model,
        "I've had diarrhoea since yesterday",
        "male",
        66,
        {"diarrhoea", "bowel_habit_change", "contacts_same_illness"},
        options={"diarrhoea_duration": "under_1w"},
    )
    assert "bowel_change_over_60" not in fired


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("My poo is dark but not black or tarry. I take iron tablets.", "black_stool", "absent"),
        ("My poo is dark but not black or tarry.", "black_stools_or_blood_vomit", "absent"),
        ("I've been sick, no blood in it", "vomit_blood", "absent"),
        ("I've had diarrhoea, no blood", "rectal_bleeding", "absent"),
        ("No blood in my sick but there is blood in my poo", "rectal_bleeding", "present"),
        ("my poo is black and tarry", "black_stool", "present"),
    ],
)
def test_s7_a_denial_of_blood_or_black_is_scoped_to_what_it_is_said_of(
    all_model: Model, text: str, finding: str, value: str
) -> None:
    ev = parse(all_model, text, sex="male", age=50).to_evidence()
    assert ev.get(finding) == value, ev


def test_s7_no_blood_in_the_sick_does_not_deny_blood_from_the_bottom(all_model: Model) -> None:
    ev = parse(all_model, "I've been sick, no blood in it", sex="male", age=50).to_evidence()
    assert "rectal_bleeding" not in ev, ev


def test_s8_hardly_weeing_after_a_tummy_bug_is_drying_out_not_hus(all_model: Model) -> None:
    text = (
        "I've had diarrhoea and vomiting since yesterday, I'm dizzy when I stand and I'm"
        " hardly weeing"
    )
    ev = parse(all_model, text, sex="female", age=25).to_evidence()
    assert ev.get("dehydration_signs") == "present", ev
    assert ev.get("hus_signs") != "present", ev


@pytest.mark.parametrize(
    ("text", "at_least"),
    [
        ("I took 12 paracetamol after an argument. I feel fine now.", 0.5),
        ("I took 30 paracetamol yesterday", 0.5),
    ],
)
def test_s3_a_stated_overdose_is_shown_as_likely(
    all_model: Model, text: str, at_least: float
) -> None:
    """The overdose is defined by the finding: it is not shown as "possible (about 1%)"."""
    ev = parse(all_model, text, sex="female", age=19).to_evidence()
    res = result(all_model, start(all_model, "female", 19, ev))
    probs = {c.id: float(c.probability) for c in res.conditions}
    assert probs.get("paracetamol_overdose", 0.0) >= at_least, probs


def test_s5_colic_is_unlikely_at_seven_months(all_model: Model) -> None:
    """Priors are by whole years; the age in months (a finding) tells 1 month from 7."""
    ev = {"excessive_crying": "present"}
    young = result(all_model, start(all_model, "male", 0, ev, age_months=1))
    older = result(all_model, start(all_model, "male", 0, ev, age_months=7))
    p_young = {c.id: float(c.probability) for c in young.conditions}.get("infant_colic", 0.0)
    p_older = {c.id: float(c.probability) for c in older.conditions}.get("infant_colic", 0.0)
    assert p_older < p_young / 3, (p_young, p_older)


def test_s4_severe_upper_pain_with_vomiting_and_gallstones_is_an_emergency(
    all_model: Model,
) -> None:
    """Pancreatitis cannot be told from a gallstone attack without a blood test."""
    level, fired, _ = _simulated(
        all_model,
        "I've got really bad stomach pain",
        "female",
        52,
        {
            "pain",
            "abdominal_pain",
            "upper_abdominal_pain",
            "abd_pain_severe",
            "nausea_vomiting",
            "vomiting",
            "known_gallstones",
        },
        options={"abd_pain_start": "under_24h"},
    )
    assert level == "emergency", fired
    assert "severe_upper_pain_vomiting_gallstones_or_drink" in fired


@pytest.mark.parametrize(
    ("text", "sex", "finding"),
    [
        ("sudden agonising stomach pain", "male", "abd_pain_sudden"),
        ("tummy ache and his privates hurt", "male", "testicle_pain"),
        ("my nuts are sore", "male", "testicle_pain"),
    ],
)
def test_s11_red_flag_words_in_plain_speech(
    all_model: Model, text: str, sex: str, finding: str
) -> None:
    ev = parse(all_model, text, sex=sex, age=12).to_evidence()
    assert ev.get(finding) == "present", ev


def test_m5_painkillers_not_helping_asks_about_too_much_paracetamol(all_model: Model) -> None:
    """A staggered overdose in a back-pain check is asked about, not only parsed."""
    level, fired, state = _simulated(
        all_model,
        "my back is killing me and painkillers aren't touching it",
        "female",
        45,
        {"pain", "low_back_pain", "otc_no_relief", "too_much_paracetamol"},
    )
    assert state.evidence.get("too_much_paracetamol") == "present"
    assert level == "emergency", fired


def test_m2_pain_later_in_pregnancy_asks_the_labour_and_bleeding_signs(all_model: Model) -> None:
    """Tummy or pelvic pain beyond 12 weeks: waters, heavy bleeding, fewer movements are asked
    at once (they were reached only when the question budget allowed)."""
    level, fired, state = _simulated(
        all_model,
        "My pelvis hurts.",
        "female",
        33,
        {"pelvic_pain", "pregnant", "pregnancy_over_12_weeks", "pregnancy_warning_signs"},
        options={"pain_duration": "under_1w"},
    )
    assert state.evidence.get("pregnancy_warning_signs") == "present"
    assert level == "emergency", fired
