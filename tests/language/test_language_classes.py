"""Classes of phrasing found missing on blind sets 5 and 6, each tested with new sentences
(none copied from a blind set): a back complaint said by the back alone or placed by a
landmark, back pain placed higher up or at the flank, note headings that are not a past
history, ...

Each test names the class; a sentence here is one example of many a different writer
might use.
"""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse

TODAY = date(2026, 12, 7)  # a Monday


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def ev(
    kb: KnowledgeBase, text: str, sex: str | None = None, age: int | None = None
) -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age, today=TODAY).to_evidence()


@pytest.mark.parametrize(
    "text",
    [
        "My back is in bits after the weekend.",
        "Honestly it's just my back that's the problem.",
        "I think I tweaked something in my back at the gym.",
        "Sitting makes my back so much worse.",
        "His back has been giving up on him all week.",
        "I'm fed up with this back.",
        "My lower bak is agony.",
        "lowerback sore since the weekend",
        "Thoracolumbar pain after the fall.",
        "Aching just below the waistband at the back.",
    ],
)
def test_a_back_complaint_said_by_the_back_alone(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("low_back_pain") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "I like to sleep on my back.",
        "There's a rash on the back of my knee.",
        "The pain comes round to the back.",
        "Pain through to my back with the indigestion.",
        "The pain is up between my shoulder blades at the back.",
        "Upper back ache from carrying my toddler.",
        "Back pain in the middle of my back, up near the bra strap line.",
        "It hurts at the back of my side under the ribs.",
        "It came back again last night.",
        "My back is stiff first thing.",
    ],
)
def test_the_back_as_another_place_is_not_low_back_pain(kb: KnowledgeBase, text: str) -> None:
    assert "low_back_pain" not in ev(kb, text) or ev(kb, text)["low_back_pain"] != "present"


def test_a_bare_back_is_denied_or_asked_about_like_any_phrase(kb: KnowledgeBase) -> None:
    assert ev(kb, "It isn't my back, it's lower down in my tummy.").get("low_back_pain") == (
        "absent"
    )
    assert "low_back_pain" not in ev(kb, "Should I worry if my back starts to go?")


def test_a_note_heading_is_not_a_past_history(kb: KnowledgeBase) -> None:
    got = ev(kb, "HPC: LBP 2/52, no trauma.")
    assert got.get("low_back_pain") == "present"
    assert got.get("pain_duration") == "w1_6"
    got = ev(kb, "Hx - low back pain 5/7.")
    assert got.get("low_back_pain") == "present"
    assert got.get("pain_duration") == "under_1w"
