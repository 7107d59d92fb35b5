"""Words one pack reads that another pack's text means otherwise, found when the abdomen pack
was loaded with every other (its own text set: a coil fitted read as a fit, a tearing pain on
passing a poo as a tearing chest pain). Each class is tested with new sentences, none copied
from a vignette.

The classes: a compound part's phrase that holds a negation is negation-immune, not its whole
part ("No confusion" beside "not making sense"); "fitted" for something put in; "winded" is not
wind passed; "several" is a word, not a slip for "severe"; "dropped from the 50th centile" is
no faint; a sticky eye's name does not make every discharge an eye's; swollen neck glands are
no spreading neck swelling; a streak on the poo's surface is not blood mixed in; only a
complaint's words hide a finding said over the same words (a cough's "worse at night" leaves a
back pain's night pain); an overruling denial takes back a lexicon reading (a tearing pain with
passing a poo, said either way round), and a plain denial does not; "ten minutes ago" says
when a loss of sight began, not that it came back; blood on the tissue in a text about the
bowels is not coughed up; a word that says a finding is absent, said with a negation inside
("heal in a couple of weeks" over "weeks that isn't healing"), denies nothing; ears "bunged up"
are no constipation.
"""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.kb import KnowledgeBase
from symptomatic.language import parse

TODAY = date(2026, 12, 8)


@pytest.fixture(scope="module")
def every(kb: KnowledgeBase) -> KnowledgeBase:
    return kb


def ev(
    kb: KnowledgeBase, text: str, age: int | None = 40, sex: str | None = None
) -> dict[str, str]:
    return parse(kb, text, age=age, sex=sex, today=TODAY).to_evidence()


def test_a_denied_confusion_is_not_read_through_a_part_that_holds_not(every: KnowledgeBase) -> None:
    said = ev(every, "My eyes have gone yellow and my pee is dark. No confusion, no bleeding.")
    assert said.get("jaundice") == "present"
    assert said.get("drowsy_or_confused") != "present"
    # the phrase that holds its own "not" still says it
    said = ev(every, "Her skin is yellow and she's not making sense this evening.", age=70)
    assert said.get("drowsy_or_confused") == "present" or said.get("sepsis_signs") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "Since my IUD was fitted last month I get a dull ache low down.",
        "I had a pacemaker fitted in March and feel fine.",
        "My coil got fitted on Monday and I've been crampy since.",
    ],
)
def test_fitted_for_something_put_in_is_no_fit(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text, sex="female").get("seizure_or_fit") != "present"


def test_fitting_is_still_a_fit(every: KnowledgeBase) -> None:
    assert (
        ev(every, "My little boy was fitting for about ten minutes.", age=3).get("seizure_or_fit")
        == "present"
    )


def test_winded_is_breathless_and_wind_is_not(every: KnowledgeBase) -> None:
    assert ev(every, "I get winded walking up one flight.").get("breathlessness") == "present"
    said = ev(every, "Loose stools and lots of wind for a few weeks.")
    assert said.get("breathlessness") != "present"


def test_several_is_not_a_slip_for_severe(every: KnowledgeBase) -> None:
    said = ev(every, "I've had a dull tummy ache on and off for several weeks.")
    assert said.get("severe_pain") != "present"
    assert said.get("abd_pain_severe") != "present"


def test_a_drop_down_the_centiles_is_no_faint(every: KnowledgeBase) -> None:
    said = ev(every, "She's dropped from the 75th to the 25th centile this year.", age=1)
    assert said.get("fainting") != "present"
    assert ev(every, "My dad just dropped in the kitchen.", age=80).get("fainting") == "present"


def test_a_discharge_with_no_eye_is_not_a_sticky_eye(every: KnowledgeBase) -> None:
    said = ev(every, "Pelvic ache and a smelly discharge since last week.", age=28, sex="female")
    assert said.get("vaginal_discharge") == "present"
    assert said.get("sticky_eye") != "present"
    assert said.get("recent_antibiotics_hospital") != "present"
    assert (
        ev(every, "Her eye is sticky with yellow discharge.", age=4).get("sticky_eye") == "present"
    )


def test_swollen_neck_glands_are_not_a_spreading_neck_swelling(every: KnowledgeBase) -> None:
    said = ev(every, "He has a fever and the glands in his neck are really swollen.", age=6)
    assert said.get("swollen_neck_glands") == "present"
    assert said.get("swelling_under_tongue_or_neck") != "present"


def test_a_streak_on_the_surface_is_not_blood_mixed_in(every: KnowledgeBase) -> None:
    said = ev(every, "There was a streak of bright blood on the outside of his poo.", age=2)
    assert said.get("blood_on_paper_only") == "present"
    assert said.get("blood_mixed_in_stool") != "present"


def test_a_qualifier_said_over_the_same_words_does_not_hide_a_back_pain_at_night(
    every: KnowledgeBase,
) -> None:
    said = ev(every, "My lower back has hurt for six weeks and it is worse at night.", age=72)
    assert said.get("night_pain") == "present"


def test_an_overruling_denial_takes_back_a_tearing_pain_of_a_poo(every: KnowledgeBase) -> None:
    said = ev(every, "Passing a poo feels like a tearing pain and there's blood on the paper.")
    assert said.get("pain_passing_stool") == "present"
    assert said.get("cp_tearing") != "present"
    # blood on the tissue in a text about the bowels is no coughed-up blood
    said = ev(every, "Loose poo for a week and blood on the tissue when I wipe.")
    assert said.get("coughing_blood") != "present"
    assert ev(every, "I keep coughing and there's blood on the tissue.").get("coughing_blood") == (
        "present"
    )
    # said alone, or of the chest, it stays a tearing chest pain
    assert (
        ev(every, "A sudden tearing pain went through to my back.", age=66).get("cp_tearing")
        == "present"
    )


def test_minutes_ago_is_when_it_began_not_how_long_it_lasted(
    every: KnowledgeBase,
) -> None:
    said = ev(every, "Ten minutes ago the sight in my left eye suddenly went completely.", age=72)
    assert said.get("sudden_vision_loss") == "present"


def test_a_denying_word_said_with_a_negation_inside_denies_nothing(every: KnowledgeBase) -> None:
    said = ev(every, "A sore white patch under my tongue for 5 weeks that isn't healing.", age=61)
    assert said.get("mouth_ulcer_over_3_weeks") == "present"


def test_a_chest_pain_through_to_the_back_keeps_its_red_flag(every: KnowledgeBase) -> None:
    said = ev(
        every, "Crushing pain at the front of my chest boring through to my upper back.", age=64
    )
    assert said.get("cp_to_back") == "present"
    # a tummy pain through to the back is the tummy's
    said = ev(every, "Awful upper tummy pain going through to my back since the curry.", age=45)
    assert said.get("abd_pain_to_back") == "present"
    assert said.get("cp_to_back") != "present"


def test_bunged_up_ears_are_no_constipation(every: KnowledgeBase) -> None:
    said = ev(every, "Both my ears ache and feel bunged up since a cold.")
    assert said.get("constipated") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "My skin and eyes have turned yellow and I've lost over a stone without trying.",
        "Both eyes are itchy and watery and I've lost my appetite this week.",
        "My eyes are gritty and I lost my voice on Saturday.",
        "Her eye suddenly went red at breakfast, no pain.",
        "The redness in his eye disappeared overnight and then came back.",
        "I lost a contact lens and now my eye feels scratchy.",
    ],
)
def test_a_bare_lost_or_went_said_near_an_eye_is_no_sight_lost(
    every: KnowledgeBase, text: str
) -> None:
    # "lost", "went" and "disappeared" say the sight went only when it is the sight that
    # went: the eye's other troubles and other losses are not an emergency loss of sight
    said = ev(every, text)
    assert said.get("sudden_vision_loss") != "present", said
    assert said.get("transient_vision_loss") != "present", said


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("I suddenly lost the sight in my right eye an hour ago.", "sudden_vision_loss"),
        ("The vision in my left eye just went about twenty minutes ago.", "sudden_vision_loss"),
        ("Half an hour ago the sight in my left eye disappeared.", "sudden_vision_loss"),
        ("My eye went dark like a blind coming down.", "sudden_vision_loss"),
        (
            "Yesterday I lost the vision in one eye for a couple of minutes and then it came back.",
            "transient_vision_loss",
        ),
    ],
)
def test_a_sight_that_went_is_still_read(every: KnowledgeBase, text: str, fid: str) -> None:
    assert ev(every, text).get(fid) == "present"


@pytest.mark.parametrize(
    "text",
    [
        "Brought up dark blood that looked like coffee grounds about an hour ago.",
        "I've been sick all night and this morning I brought up some blood.",
    ],
)
def test_blood_brought_up_with_a_vomit_is_vomited_not_coughed(
    every: KnowledgeBase, text: str
) -> None:
    said = ev(every, text)
    assert said.get("vomit_blood") == "present", said
    assert said.get("coughing_blood") != "present", said


def test_blood_brought_up_with_no_vomit_is_still_coughed_up(every: KnowledgeBase) -> None:
    said = ev(every, "Chesty cough for a week and today I brought up a bit of blood.")
    assert said.get("coughing_blood") == "present", said


@pytest.mark.parametrize(
    "text",
    [
        "I wiped my nose and there was blood on the tissue.",
        "Every time I blow my nose there are streaks of blood.",
    ],
)
def test_blood_on_a_tissue_from_the_nose_is_a_nosebleed(every: KnowledgeBase, text: str) -> None:
    said = ev(every, text)
    assert said.get("nose_bleeding") == "present", said
    assert said.get("coughing_blood") != "present", said
    assert said.get("rectal_bleeding") != "present", said


def test_blood_on_the_tissue_after_a_poo_is_still_the_bottoms(every: KnowledgeBase) -> None:
    said = ev(every, "A little bright red blood on the tissue when I wipe after a poo.")
    assert said.get("rectal_bleeding") == "present", said
    assert said.get("nose_bleeding") != "present", said


def test_a_jaw_that_aches_on_chewing_is_no_chest_pain_spreading(every: KnowledgeBase) -> None:
    said = ev(every, "Whenever I chew my jaw aches on the left, and a back tooth throbs.", age=55)
    assert said.get("cp_spreads_arm_jaw") != "present", said


def test_a_red_eye_after_coughing_is_no_coughed_up_blood(every: KnowledgeBase) -> None:
    said = ev(every, "A blood red patch in the white of my eye after coughing all night.")
    assert said.get("coughing_blood") != "present", said


@pytest.mark.parametrize(
    "text", ["My back tooth is killing me.", "A bad back tooth on the top right since Monday."]
)
def test_a_back_tooth_is_no_back_pain(every: KnowledgeBase, text: str) -> None:
    said = ev(every, text)
    assert said.get("toothache") == "present", said
    assert said.get("low_back_pain") != "present", said


def test_a_back_pain_said_beside_a_toothache_is_still_read(every: KnowledgeBase) -> None:
    said = ev(every, "My back is killing me and I have toothache as well.")
    assert said.get("low_back_pain") == "present", said
