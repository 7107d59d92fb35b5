"""Phrases of the abdomen pack that misread the earlier packs' texts once every pack was loaded
together (issue 17: "the earlier packs' figures do not fall"). Each class is tested with new
sentences, none copied from a vignette.

The classes: "out of it" is drowsiness only said as a state ("she's out of it"), not light
seen out of an eye or nothing coming out of an ear; "nothing has come out" is a blocked bowel
only when the bowel or the toilet is named with it; a place said inside another pack's longer
phrase stays said when it has a word of its own that the longer phrase skipped over (the side
and height in "severe pain in my left lower tummy", which the abdomen pack's severe tummy pain
reads without them); a tummy pain said eased when passing a stool ("cramps that settle when I
go") is relieved by opening the bowels, not a pain on passing a stool; others ill said without
naming the illness ("the whole family", "it's going round") is the same sickness or diarrhoea
only in a text that says sickness or diarrhoea.
"""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.kb import KnowledgeBase
from symptomatic.language import parse

TODAY = date(2026, 12, 8)


def ev(kb: KnowledgeBase, text: str, age: int = 45, sex: str = "female") -> dict[str, str]:
    return parse(kb, text, age=age, sex=sex, today=TODAY).to_evidence()


@pytest.mark.parametrize(
    "text",
    [
        "My right eye went dim this morning and I can only make out shapes out of it.",
        "No sound gets through since yesterday and some wax came out of it.",
        "He pulled the splinter out of it and the finger is throbbing.",
    ],
)
def test_out_of_it_said_of_a_thing_is_no_drowsiness(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("drowsy_or_confused") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "Mum has been vomiting since last night and now she's completely out of it.",
        "He's out of it and keeps being sick, and his eyes look yellow.",
        "I feel out of it and I have had diarrhoea all day.",
    ],
)
def test_out_of_it_said_as_a_state_is_drowsiness(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text, age=70).get("drowsy_or_confused") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "My left ear feels full and there is nothing coming out of it, no pain.",
        "The cut on my knee is clean, nothing has come out of it since I dressed it.",
    ],
)
def test_nothing_coming_out_of_another_place_is_no_blocked_bowel(
    kb: KnowledgeBase, text: str
) -> None:
    assert ev(kb, text).get("no_stool_or_wind") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "My belly is bloated and I sit on the toilet for ages but nothing comes out.",
        "Cramping tummy for two days and nothing has come out of my bowels, not even wind.",
    ],
)
def test_nothing_coming_out_of_the_bowel_is_still_read(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("no_stool_or_wind") == "present"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Out of nowhere I got a severe pain in my right lower tummy.",
            "right_lower_abdominal_pain",
        ),
        (
            "Since lunch I have had a really severe pain in my left lower tummy.",
            "left_lower_abdominal_pain",
        ),
    ],
)
def test_a_side_inside_a_severe_or_sudden_tummy_pain_is_still_said(
    kb: KnowledgeBase, text: str, place: str
) -> None:
    said = ev(kb, text, age=24)
    assert said.get(place) == "present", said
    assert said.get("one_sided_pelvic_pain") == "present", said
    assert said.get("abdominal_pain") == "present" or said.get("pelvic_pain") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "For ages my stomach has cramped on and off, and it settles when I go to the loo.",
        "Crampy belly ache most weeks that eases when I poo.",
    ],
)
def test_a_pain_eased_by_passing_a_stool_is_relief_not_pain_on_passing(
    kb: KnowledgeBase, text: str
) -> None:
    said = ev(kb, text, age=30)
    assert said.get("relief_with_bowel_opening") == "present", said
    assert said.get("pain_passing_stool") != "present", said


def test_a_pain_on_passing_a_stool_is_still_read(kb: KnowledgeBase) -> None:
    said = ev(kb, "It really hurts when I poo and the paper has bright blood on it.", age=30)
    assert said.get("pain_passing_stool") == "present", said


@pytest.mark.parametrize(
    "text",
    [
        "Everyone at home had flu last week and now my ribs hurt when I breathe in.",
        "The whole family has had a cough and sore throat, and I have a fever.",
    ],
)
def test_others_ill_with_no_tummy_bug_said_is_no_contact_with_the_same_sickness(
    kb: KnowledgeBase, text: str
) -> None:
    assert ev(kb, text, age=35).get("contacts_same_illness") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "I have been throwing up since midnight and the whole family has it too.",
        "Watery diarrhoea for two days, it is going round my office.",
    ],
)
def test_others_ill_in_a_text_about_a_tummy_bug_is_contact_with_the_same_sickness(
    kb: KnowledgeBase, text: str
) -> None:
    assert ev(kb, text, age=35).get("contacts_same_illness") == "present"
