"""Classes of misses fixed from the breathing-ent pack's blind set (blind_ent.yaml), each tested
with new sentences (none copied from a blind set): each duration finding dates its own
complaints, "plus" ends a denial, breathing said fine is no struggle to breathe, a qualifier
states its complaint, bare denials of an ear's pain or discharge and of a tooth's swelling in a
text about it, ringing said of an ear, hearing lost in one ear, both or slowly, coloured phlegm,
lay denials, a discharge without an eye word not read as the eye's, a first symptom said of
nobody in a report about one other person, an eye problem's start not dated by another pack's
complaint, a time said on its own or of all the complaints, lay words by concept (hives, a
heavy nosebleed, an outer ear, a patch that will not heal), more lay denials, and eye words by
concept. Read with every built-in pack, as the app reads text."""

from __future__ import annotations

import pytest
from tests.language.reading import ev

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Blocked nose and a chesty cough for five days now.",
            {"nose_duration": "under_10d", "cough_duration": "under_1w"},
        ),
        (
            "Earache and a blocked nose for 2 weeks.",
            {"nose_duration": "d10_28"},
        ),
        (
            "Cough for 4 weeks. Sore throat for 2 days.",
            {"cough_duration": "w3_8", "sore_throat_duration": "under_3d"},
        ),
    ],
)
def test_each_duration_finding_dates_its_own_complaints(
    kb: KnowledgeBase, text: str, want: dict[str, str]
) -> None:
    got = ev(kb, text)
    assert {k: got.get(k) for k in want} == want, got


def test_plus_ends_a_denial(kb: KnowledgeBase) -> None:
    got = ev(kb, "A sore throat that won't go, plus a high temperature.")
    assert got.get("fever") == "present", got


@pytest.mark.parametrize(
    "text",
    [
        "Bad cough, but breathing normally.",
        "Wheezy tonight, though no trouble breathing at the moment.",
        "Sore throat, can breathe fine.",
    ],
)
def test_breathing_said_fine_is_no_struggle_to_breathe(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("struggling_to_breathe") == "absent", ev(kb, text)


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        ("Came out in hives after the wasp sting.", "hives_rash", "rash"),
        ("Can't hear out of my right ear since Friday.", "hearing_loss_one_side", "hearing_loss"),
        ("She's got known asthma and a cough.", "known_asthma", "atopy"),
        ("He's bringing up green phlegm.", "cough_with_phlegm", "cough"),
    ],
)
def test_a_qualifier_states_its_complaint(
    kb: KnowledgeBase, text: str, child: str, parent: str
) -> None:
    got = ev(kb, text)
    assert got.get(child) == "present" and got.get(parent) == "present", got


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My left ear feels muffled since swimming. No pain at all.", "earache"),
        ("Ear is itchy, no gunk and no pus.", "ear_discharge"),
        ("Back tooth aches when I chew, not swollen.", "tooth_face_swelling"),
    ],
)
def test_bare_denials_in_a_text_about_an_ear_or_a_tooth(
    kb: KnowledgeBase, text: str, fid: str
) -> None:
    assert ev(kb, text).get(fid) == "absent", ev(kb, text)


def test_a_bare_denial_is_not_an_ears_without_an_ear(kb: KnowledgeBase) -> None:
    assert "earache" not in ev(kb, "Sore throat, no pain anywhere else.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("There's a whooshing in my right ear.", {"ringing_or_spinning": "present"}),
        ("Ears fine, no ringing or spinning.", {"ringing_or_spinning": "absent"}),
        (
            "Going deaf in both ears over the years.",
            {
                "hearing_loss": "present",
                "hearing_loss_one_side": "absent",
                "hearing_loss_sudden": "absent",
            },
        ),
    ],
)
def test_an_ears_hearing_and_noises(kb: KnowledgeBase, text: str, want: dict[str, str]) -> None:
    got = ev(kb, text)
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(
    "text",
    ["His sputum has turned yellowy.", "Coughing up thick brown mucus since Sunday."],
)
def test_coloured_phlegm(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("cough_with_phlegm") == "present", ev(kb, text)


def test_no_blood_in_a_text_about_a_cough(kb: KnowledgeBase) -> None:
    assert ev(kb, "Cough for a week, no blood, no fever.").get("coughing_blood") == "absent"


@pytest.mark.parametrize(
    ("text", "fid", "age"),
    [
        ("Snotty nose, 9 month old, still feeding ok.", "poor_feeding", 0),
        ("Nose bled this morning but stopped by itself.", "nosebleed_heavy", None),
        ("Sore throat but my voice is fine.", "hoarse_voice", None),
        ("Stuffy nose, smell is fine.", "loss_of_smell_taste", None),
        ("Sore mouth. I hardly drink and never smoked.", "heavy_drinking", None),
        ("Painful gum, but the jaw opens fine.", "cant_open_mouth", None),
    ],
)
def test_lay_denials(kb: KnowledgeBase, text: str, fid: str, age: int | None) -> None:
    assert ev(kb, text, age=age).get(fid) == "absent", ev(kb, text, age=age)


def test_a_discharge_without_an_eye_is_not_the_eyes(kb: KnowledgeBase) -> None:
    got = ev(kb, "Green gunk is oozing from her ear.", age=5)
    assert got.get("ear_discharge") == "present" and "sticky_eye" not in got, got
    assert ev(kb, "Her eye is full of green gunk.").get("sticky_eye") == "present"


@pytest.mark.parametrize(
    ("text", "fid", "age"),
    [
        ("Blotchy rash on his arms, sore throat too, he's 7", "sore_throat", 7),
        ("Keeps tugging at his ear and crying, runny nose, he's 2", "blocked_runny_nose", 2),
    ],
)
def test_a_first_symptom_said_of_nobody_is_the_patients(
    kb: KnowledgeBase, text: str, fid: str, age: int
) -> None:
    assert ev(kb, text, age=age).get(fid) == "present", ev(kb, text, age=age)


def test_an_eye_problems_start_is_not_another_packs_complaints(kb: KnowledgeBase) -> None:
    got = ev(kb, "His eye is puffy and sore, 6 yo, had a sinus infection last week", age=6)
    assert "eye_problem_start" not in got, got


@pytest.mark.parametrize(
    ("text", "fid", "want"),
    [
        ("He's had a barking cough. Nearly a fortnight now.", "cough_duration", "w1_3"),
        ("Blocked nose and a cough, both began yesterday.", "nose_duration", "under_10d"),
        ("Sore throat since wenesday.", "sore_throat_duration", "d3_7"),
    ],
)
def test_a_time_said_on_its_own_or_of_all_the_complaints(
    kb: KnowledgeBase, text: str, fid: str, want: str
) -> None:
    assert ev(kb, text).get(fid) == want, ev(kb, text)


@pytest.mark.parametrize(
    ("text", "fid", "age"),
    [
        ("Raised itchy bumps came up on his legs after the strawberries.", "hives_rash", 6),
        (
            "Nosebleed for twenty minutes, the blood soaked through a tea towel.",
            "nosebleed_heavy",
            None,
        ),
        ("It hurts when I pull on my earlobe.", "outer_ear_tender_itchy", None),
        ("A white patch under my tongue that hasn't healed.", "mouth_ulcer_over_3_weeks", None),
    ],
)
def test_lay_words_by_concept(kb: KnowledgeBase, text: str, fid: str, age: int | None) -> None:
    assert ev(kb, text, age=age).get(fid) == "present", ev(kb, text, age=age)


@pytest.mark.parametrize(
    ("text", "fid", "age"),
    [
        ("Sore throat, his glands are normal.", "swollen_neck_glands", 9),
        ("Nosebleeds in my 8 year old. Not on any medication.", "blood_thinners", 8),
        ("Coughing a lot, 4 month old, never gone blue.", "blue_lips", 0),
        ("Still coughing but the runny nose has gone.", "blocked_runny_nose", None),
        ("I get mouth ulcers that heal within a week.", "mouth_ulcer_over_3_weeks", None),
        ("Hoarse since the weekend, no pain when I swallow.", "sore_throat", None),
        (
            "Sinus pain, no swelling round my eyes and vision fine.",
            "eye_swelling_or_vision_change",
            None,
        ),
    ],
)
def test_more_lay_denials(kb: KnowledgeBase, text: str, fid: str, age: int | None) -> None:
    assert ev(kb, text, age=age).get(fid) == "absent", ev(kb, text, age=age)


def test_painless_swallowing_in_a_chest_pain_text_is_not_the_throats(kb: KnowledgeBase) -> None:
    got = ev(kb, "Tight chest since lunch, it doesn't hurt to swallow.")
    assert "sore_throat" not in got, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Awful headache behind my left eye since this morning.",
            {"headache": "present", "brow_headache": "present"},
        ),
        ("A painless little lump on my upper lid.", {"lump_tender": "absent"}),
        ("Cataract op years ago, now my eye is red.", {"recent_eye_surgery": "absent"}),
        ("Puffy eyelid, but the eye moves fine.", {"pain_moving_eye": "absent"}),
        ("Just one sticky eye, no fever.", {"both_eyes": "absent"}),
        ("Straight lines bend when I look with my left eye.", {"distorted_vision": "present"}),
        (
            "His eye watery and sticky on and off since birth.",
            {"watery_since_early_infancy": "present"},
        ),
    ],
)
def test_eye_words_by_concept(kb: KnowledgeBase, text: str, want: dict[str, str]) -> None:
    got = ev(kb, text)
    assert {k: got.get(k) for k in want} == want, got


def test_a_swelling_denied_of_another_place_does_not_deny_the_tooth_s() -> None:
    kb = load_knowledge_base("core", "breathing-ent")
    text = "Painful back tooth and a swollen gum. His cheek is puffy. His eye is not swollen."
    assert parse(kb, text).to_evidence().get("tooth_face_swelling") != "absent"
