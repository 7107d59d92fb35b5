"""Classes of misses fixed from the chest-heart blind set (blind_chest.yaml), each tested with
new sentences (none from the set): other packs' findings on chest text, durations of a
complaint no duration finding dates, a sign asked with several complaints, reported
questions, a body part or an eponym with "'s", and qualifiers said to make no difference.
Read with every built-in pack, as the app reads text, unless said otherwise."""

from __future__ import annotations

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse


@pytest.fixture(scope="module")
def back_kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def ev(
    kb: KnowledgeBase, text: str, sex: str | None = None, age: int | None = None
) -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age).to_evidence()


# -- other packs' words: a gerund's stem, 'not heavy' and 'a normal colour' of another part


@pytest.mark.parametrize(
    "text",
    [
        "There's a tender spot just under my left collarbone that hurts when I reach up.",
        "A painful spot on my sternum, worse when I lean on it.",
    ],
)
def test_a_spot_is_not_spotting(kb: KnowledgeBase, text: str) -> None:
    assert "vaginal_bleeding" not in ev(kb, text, sex="female", age=40)


def test_spotting_is_still_bleeding(kb: KnowledgeBase) -> None:
    got = ev(kb, "I've had some spotting this week and a dull low tummy ache.", "female", 35)
    assert got.get("vaginal_bleeding") == "present"


def test_not_heavy_belongs_to_the_part_named(kb: KnowledgeBase) -> None:
    chest = ev(
        kb, "The chest pain comes and goes, it's not heavy, more of a prickle.", "female", 30
    )
    assert "heavy_periods" not in chest
    assert chest.get("cp_heavy_crushing") == "absent"
    periods = ev(kb, "My periods are regular and not heavy. Low back ache.", "female", 30)
    assert periods.get("heavy_periods") == "absent"
    assert "cp_heavy_crushing" not in periods


def test_a_normal_colour_belongs_to_the_part_named(kb: KnowledgeBase) -> None:
    leg = ev(kb, "My calf aches, but the foot's colour is normal and it feels warm.")
    assert "blood_in_urine" not in leg
    wee = ev(kb, "Weeing a lot, my wee is a normal colour though. Back ache.")
    assert wee.get("blood_in_urine") == "absent"
    assert "cold_pale_leg" not in wee


def test_black_poo_is_not_rectal_bleeding(kb: KnowledgeBase) -> None:
    got = ev(kb, "Short of breath on the stairs and my poo has gone black and sticky.")
    assert got.get("black_stools_or_blood_vomit") == "present"
    assert "rectal_bleeding" not in got
    denied = ev(kb, "Tired and breathless. No black poo, no blood when I'm sick.")
    assert "rectal_bleeding" not in denied


# -- pallor is not a faint; a sign asked with several complaints is that sign


@pytest.mark.parametrize(
    "text",
    [
        "My partner says I've looked a bit pale this week and I'm tired.",
        "He's gone white as a sheet.",
    ],
)
def test_pallor_alone_is_not_a_faint(kb: KnowledgeBase, text: str) -> None:
    assert "fainting" not in ev(kb, text)


def test_a_sweat_said_with_a_chest_pain_is_the_cold_sweat_not_a_faint(kb: KnowledgeBase) -> None:
    got = ev(kb, "Crushing pain in my chest and I've come out all clammy.")
    assert got.get("cold_sweat") == "present"
    assert "fainting" not in got


def test_a_sweat_without_the_complaints_it_is_asked_with_keeps_the_faint(
    kb: KnowledgeBase, back_kb: KnowledgeBase
) -> None:
    # no chest pain, breathlessness or palpitations said: the sweat of shock stays a red flag
    assert ev(kb, "Ache in my jaw and I feel clammy.").get("fainting") == "present"
    # with the back-pelvic pack alone there is no cold sweat finding
    got = ev(back_kb, "Sudden bad back pain, known aneurysm, cold and clammy.", age=75)
    assert got.get("fainting") == "present"


# -- another pack's symptoms and denials on chest text


@pytest.mark.parametrize(
    "text,fid",
    [
        ("Racing heart this afternoon. No tingling or numbness anywhere.", "leg_numbness_tingling"),
        ("Racing heart this afternoon. No tingling or numbness anywhere.", "saddle_numbness"),
        ("My chest hurts more when I cough, started yesterday.", "pain_worse_cough_sneeze"),
    ],
)
def test_another_packs_finding_is_not_read_on_chest_text(
    kb: KnowledgeBase, text: str, fid: str
) -> None:
    assert fid not in ev(kb, text)


def test_another_packs_finding_is_read_with_its_own_complaint(kb: KnowledgeBase) -> None:
    got = ev(kb, "Low back pain and chest pain since the weekend, no numbness in my legs.")
    assert got.get("leg_numbness_tingling") == "absent"


def test_another_packs_red_flag_said_present_is_kept(kb: KnowledgeBase) -> None:
    got = ev(kb, "Shooting pains going down both of my legs since Monday.")
    assert got.get("bilateral_leg_symptoms") == "present"


def test_the_persons_facts_of_another_pack_are_kept(kb: KnowledgeBase) -> None:
    got = ev(kb, "I'm 30 weeks pregnant and my heart keeps racing.", "female", 30)
    assert got.get("pregnancy_over_12_weeks") == "present"


# -- a back pain's duration is not the time of another complaint


@pytest.mark.parametrize(
    "text",
    [
        "My heart has been fluttering on and off for 3 days.",
        "Both ankles have been puffy for a fortnight.",
    ],
)
def test_no_back_pain_duration_for_another_complaint(kb: KnowledgeBase, text: str) -> None:
    assert "pain_duration" not in ev(kb, text)


def test_a_back_pain_still_gets_its_duration(kb: KnowledgeBase) -> None:
    assert ev(kb, "Lower back pain for 3 days.").get("pain_duration") == "under_1w"


# -- reported questions, then denied


def test_a_reported_question_then_nothing_like_that(kb: KnowledgeBase) -> None:
    got = ev(
        kb,
        "The paramedic asked about pain in my arm, sweating or passing out - none of that.",
    )
    assert got.get("fainting") != "present"
    assert got.get("cp_spreads_arm_jaw") != "present"


def test_a_reported_question_is_not_a_statement(kb: KnowledgeBase) -> None:
    got = ev(kb, "My GP asked whether I get palpitations.")
    assert "palpitations" not in got


# -- "'s" after a body part or an eponym is not a person


def test_a_body_part_with_s_is_not_a_person(kb: KnowledgeBase) -> None:
    got = ev(kb, "Lungs are fine. Heart's fine too, it's only my right calf that's swollen.")
    assert got.get("palpitations") == "absent"


def test_an_eponym_is_not_a_person(kb: KnowledgeBase) -> None:
    got = ev(kb, "Chest pain today. No Crohn's, no AF, no heart valve problems.")
    assert got.get("known_af") == "absent"
    assert got.get("heart_valve_problem") == "absent"


# -- a qualifier said to make no difference, or said absent


@pytest.mark.parametrize(
    "text,fid",
    [
        ("My chest has ached since lunch; movement makes no difference.", "cp_worse_moving"),
        ("My chest has ached since lunch, and it isn't burning.", "cp_burning_after_food"),
        ("Chest ache, position makes no difference to it.", "cp_better_leaning_forward"),
        ("My heart races at times but it isn't irregular.", "palp_irregular"),
    ],
)
def test_a_qualifier_said_absent(kb: KnowledgeBase, text: str, fid: str) -> None:
    assert ev(kb, text).get(fid) == "absent"
