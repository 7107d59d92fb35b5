"""Classes of phrasing found misread in the fifth round (blind set 11 and the third blind helper's
red-flag phrasings), each tested with new sentences (none copied from a blind set or the
phrasings file).

The classes: a pain score in words ("4 out of 10", "not the worst") and a high one; a titled
name ("Mr T", "Mrs Jones") as the person a carer writes about; an aneurysm screen said clear;
a single infection counted; a finding that needs a length of time said with any length of 3
weeks or more (``lasting_days``: "since October", "for 6 weeks") and not with a shorter one; a
voice said rough in any word; an eye said troubling (an eye problem, its onset then dated); an
eye that hurts or sticks on looking; a sting said by the creature and the verb; a baby's soft
spot said with a bulge; jerking said with another sign of a fit; a stiff or swollen neck said
with pain; a past anaphylaxis; speech said garbled, and denied; a face said drooping on one
side; a battery or magnet put into a nose or an ear.
"""

from __future__ import annotations

import pytest
from tests.language.reading import ev

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.loader import builtin_pack_ids


@pytest.fixture(scope="module")
def bp() -> KnowledgeBase:
    return load_knowledge_base("core", "back-pelvic")


@pytest.fixture(scope="module")
def every() -> KnowledgeBase:
    return load_knowledge_base(*builtin_pack_ids())


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My back is sore, about 3 out of 10 most days.", "absent"),
        ("Lower back ache, two out of ten, nagging more than anything.", "absent"),
        ("Back pain after moving house, not the worst I've known.", "absent"),
        ("My lower back is 8 out of 10 since last night.", "present"),
        ("Back pain, nine out of ten, can't sit still.", "present"),
    ],
)
def test_a_pain_score_in_words_says_how_severe(bp: KnowledgeBase, text: str, value: str) -> None:
    assert ev(bp, text).get("severe_pain") == value


@pytest.mark.parametrize(
    "text",
    [
        "Care home nurse. Mr K, 84, back pain since Friday. This evening he is difficult to rouse.",
        "Mrs P, 91, has low back pain this week and now she won't wake properly.",
    ],
)
def test_a_titled_name_is_the_person_a_carer_writes_about(bp: KnowledgeBase, text: str) -> None:
    assert ev(bp, text).get("unconscious") == "present"


def test_a_titled_name_is_not_the_writer_when_the_writer_speaks(bp: KnowledgeBase) -> None:
    # the writer's own back pain stays the writer's
    assert ev(bp, "I'm Mr Dawson and my lower back hurts.").get("low_back_pain") == "present"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My aneurysm scan at 65 came back clear. Back ache for a month.", "absent"),
        ("They did the triple A screening last year and it was normal. Lower back pain.", "absent"),
        ("The AAA scan showed a 4.5 cm aneurysm. Now my back hurts.", "present"),
    ],
)
def test_an_aneurysm_screen_said_clear(bp: KnowledgeBase, text: str, value: str) -> None:
    assert ev(bp, text).get("known_aaa") == value


@pytest.mark.parametrize(
    "text",
    [
        "Only one UTI in my life, ages ago. Pain in my left side at the back.",
        "I've only ever had one water infection. Now my flank hurts.",
    ],
)
def test_a_single_infection_counted_is_not_recurrent(bp: KnowledgeBase, text: str) -> None:
    assert ev(bp, text).get("recurrent_infections") == "absent"


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My voice has been croaky since September.", "hoarse_over_3_weeks"),
        ("Hoarse for 7 weeks now and I smoke.", "hoarse_over_3_weeks"),
        ("An ulcer on the side of my tongue for about 5 weeks.", "mouth_ulcer_over_3_weeks"),
        ("A white patch inside my mouth since the summer.", "mouth_ulcer_over_3_weeks"),
        ("A swelling on the left of my neck for two months.", "neck_lump"),
    ],
)
def test_a_length_of_three_weeks_or_more_completes_the_finding(
    every: KnowledgeBase, text: str, fid: str
) -> None:
    assert ev(every, text, age=55).get(fid) == "present"


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My voice has been croaky for 4 days with this cold.", "hoarse_over_3_weeks"),
        ("An ulcer on my tongue since Thursday.", "mouth_ulcer_over_3_weeks"),
        ("A swelling on the left of my neck for a week with a sore throat.", "neck_lump"),
    ],
)
def test_a_shorter_length_does_not(every: KnowledgeBase, text: str, fid: str) -> None:
    assert ev(every, text, age=55).get(fid) is None


@pytest.mark.parametrize(
    "text", ["His voice is all raspy today.", "My voice went husky after the match."]
)
def test_a_voice_said_rough_in_any_word_is_hoarse(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("hoarse_voice") == "present"


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("My right eye has been playing up since this morning.", "under_24h"),
        ("Something has been wrong with my eye for about three weeks.", "w1_4"),
    ],
)
def test_an_eye_said_troubling_is_an_eye_problem_dated(
    every: KnowledgeBase, text: str, option: str
) -> None:
    found = ev(every, text)
    assert found.get("eye_problem") == "present"
    assert found.get("eye_problem_start") == option


@pytest.mark.parametrize(
    "text",
    [
        "My left eye aches when I look up.",
        "Her eye seems stuck when she tries to look right.",
        "Moving my eye is painful.",
    ],
)
def test_an_eye_that_hurts_or_sticks_on_looking(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("pain_moving_eye") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "My eye doesn't hurt when I look around, it's just red.",
        "I can't read well when I look down with this eye.",
    ],
)
def test_no_pain_on_looking_is_not_pain_moving_the_eye(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("pain_moving_eye") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "A wasp stung my son on the hand at lunch.",
        "My daughter is allergic to milk and she just ate a yoghurt by mistake.",
        "I took the first dose of a new antibiotic at tea time.",
    ],
)
def test_a_trigger_said_in_parts_is_a_possible_allergen(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("allergen_exposure") == "present"


def test_an_allergy_alone_is_not_an_exposure(every: KnowledgeBase) -> None:
    assert (
        ev(every, "I'm allergic to penicillin, my throat is sore.").get("allergen_exposure") is None
    )


@pytest.mark.parametrize(
    "text",
    [
        "The baby's fontanelle looks raised and tense today.",
        "My 4 month old's soft spot is pushing out.",
    ],
)
def test_a_soft_spot_said_with_a_bulge(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text, age=0).get("bulging_fontanelle") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "He stiffened and then his arms were jerking for a minute.",
        "My daughter's eyes rolled and she was twitching all over.",
    ],
)
def test_jerking_with_another_sign_is_a_fit(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text, age=3).get("seizure_or_fit") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "Tonsillitis and my neck is stiff and painful now.",
        "The side of her neck is swollen and sore with this throat infection.",
    ],
)
def test_a_stiff_or_swollen_neck_said_with_pain(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("neck_pain_stiff_swelling") == "present"


@pytest.mark.parametrize(
    "text",
    ["I've had anaphylaxis to peanuts in the past.", "He has a history of anaphylaxis to bees."],
)
def test_a_past_anaphylaxis_is_a_known_severe_allergy(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("known_severe_allergy") == "present"


def test_speech_said_garbled_is_trouble_speaking_and_denied_is_not(every: KnowledgeBase) -> None:
    assert (
        ev(every, "My words came out jumbled for a few minutes.").get("new_weakness_or_speech")
        == "present"
    )
    assert ev(every, "Blurry eye but no slurred speech.").get("new_weakness_or_speech") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "His smile has gone wonky on the left since he woke up.",
        "The corner of her mouth is sagging and she can't shut that eye.",
    ],
)
def test_a_face_said_drooping_on_one_side(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text).get("face_weak_one_side") == "present"


def test_a_face_said_not_drooping_is_denied(every: KnowledgeBase) -> None:
    assert ev(every, "Earache, but no droopy face and her smile is normal.").get(
        "face_weak_one_side"
    ) in (None, "absent")


@pytest.mark.parametrize(
    "text",
    [
        "My toddler pushed a watch battery up her nose an hour ago.",
        "He put a small magnet in his ear at nursery.",
    ],
)
def test_a_battery_or_magnet_put_in_a_nose_or_ear(every: KnowledgeBase, text: str) -> None:
    assert ev(every, text, age=3).get("battery_magnet_nose_ear") == "present"


def test_a_hearing_aid_battery_is_not_one_in_the_ear(every: KnowledgeBase) -> None:
    assert (
        ev(every, "My hearing aid battery is flat and my ear aches.").get("battery_magnet_nose_ear")
        is None
    )
