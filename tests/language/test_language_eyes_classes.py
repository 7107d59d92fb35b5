"""Classes of misses fixed from the eyes pack's blind set (blind_eyes.yaml), each tested with
new sentences (none from the set): a qualifier states the complaint it qualifies, one eye
named is not both, a headache said with an eye,
coloured discharge, grit and scratches, crusty lid margins, sore styes, denials said of the
eye together ("isn't red or sore", "no floaters or flashes"), clinical shorthand, and "last
night" as within the last day. Read with every built-in pack, as the app reads text."""

from __future__ import annotations

import pytest

from symptomatic.kb import KnowledgeBase
from symptomatic.language import parse


def ev(kb: KnowledgeBase, text: str, age: int | None = None) -> dict[str, str]:
    return parse(kb, text, age=age).to_evidence()


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        ("My sight has gone all hazy in my right eye.", "blurred_vision", "vision_change"),
        ("I keep seeing two of everything when I watch telly.", "double_vision", "vision_change"),
        ("Bleach got into my eye while cleaning the bath.", "chemical_splash", "eye_injury"),
        ("There's thick green pus coming from his eye.", "pus_discharge", "sticky_eye"),
    ],
)
def test_a_qualifier_states_its_complaint(
    kb: KnowledgeBase, text: str, child: str, parent: str
) -> None:
    got = ev(kb, text)
    assert got.get(child) == "present" and got.get(parent) == "present", got


@pytest.mark.parametrize(
    "text",
    ["My right eye has been watering all week.", "Only my left eye is itchy and pink."],
)
def test_one_eye_named_is_not_both(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("both_eyes") == "absent"


def test_both_eyes_said_wins(kb: KnowledgeBase) -> None:
    assert ev(kb, "Both eyes are sticky, the left eye worse.").get("both_eyes") == "present"


def test_a_headache_with_an_eye_is_the_brow_ache(kb: KnowledgeBase) -> None:
    got = ev(kb, "I've had a headache all day and my eye is red.")
    assert got.get("headache") == "present" and got.get("brow_headache") == "present", got
    got = ev(kb, "My eye is red. No headache at all.")
    assert got.get("brow_headache") == "absent", got


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("His eye is full of green gunk this morning.", "pus_discharge"),
        ("My eyes feel gritty after the beach.", "gritty_eye"),
        ("The dog's claw scratched my eye yesterday.", "scratch_or_grit"),
        ("Her lid edges are flaky with crusts at the lashes.", "crusty_lid_margins"),
        ("There's a sore lump on my eyelid.", "lump_tender"),
        ("A stye on my top lid, really tender.", "lump_tender"),
    ],
)
def test_eye_sensations_and_lay_words(kb: KnowledgeBase, text: str, fid: str) -> None:
    assert ev(kb, text).get(fid) == "present", ev(kb, text)


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My eye isn't red or sore, it just waters.", "eye_pain"),
        ("His eyes aren't red or painful, he just rubs them.", "eye_pain"),
        ("Right eye a bit blurry, no floaters or flashes.", "flashes"),
        ("A small lump on my eyelid, not red or sore.", "lump_tender"),
        ("Eyelid swollen, not hot or red.", "red_eye"),
    ],
)
def test_denials_said_of_the_eye_together(kb: KnowledgeBase, text: str, fid: str) -> None:
    assert ev(kb, text).get(fid) == "absent", ev(kb, text)


def test_clinical_shorthand(kb: KnowledgeBase) -> None:
    got = ev(kb, "L red eye 3/7, pupils equal and reactive, no CL use, VA normal.")
    assert got.get("unequal_pupils") == "absent", got
    assert got.get("contact_lens_wearer") == "absent", got
    assert got.get("blurred_vision") == "absent", got
    assert ev(kb, "Bilat sticky eyes since the weekend.").get("both_eyes") == "present"


def test_last_night_is_within_the_last_day(kb: KnowledgeBase) -> None:
    got = ev(kb, "My left eye went red and painful last night.")
    assert got.get("eye_problem_start") == "under_24h", got
