"""Classes of phrasing found misread on blind set 11 (back-pelvic) in the fourth round, each
tested with new sentences (none copied from a blind set).

Each test names the class; a sentence here is one example of many a different writer might
use. The classes: "nope"/"nah" as a denial, a strain named by the effort the pain dates from,
relief by lying down or a position denied (rest gives no relief), a bare swelling denied in a
sentence about the testicles, a place said fine after denials of its own findings (it sums them
up), a pain dated from a point in time said before "now", and "since the start of the month".
"""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse

TODAY = date(2026, 12, 7)  # a Monday

LEGS = ("leg_pain_below_knee", "leg_numbness_tingling", "leg_weakness", "bilateral_leg_symptoms")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("core", "back-pelvic")


def ev(
    kb: KnowledgeBase, text: str, sex: str | None = None, age: int | None = None
) -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age, today=TODAY).to_evidence()


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("Sore lower back. Nope to a temperature.", "fever"),
        ("My back aches, nope to any weight loss.", "weight_loss"),
        ("Lower back pain. Nah, no temperature, nah to a fever.", "fever"),
    ],
)
def test_nope_and_nah_deny_what_follows(kb: KnowledgeBase, text: str, fid: str) -> None:
    e = ev(kb, text)
    assert e.get("low_back_pain") == "present"
    assert e.get(fid) == "absent"


@pytest.mark.parametrize(
    "text",
    [
        "My lower back has hurt since I dug over the vegetable patch on Sunday.",
        "Back went after a long day of DIY putting up shelves.",
        "Low back pain since decorating the spare room.",
        "Pulled something in my lower back while lifting my toddler into the car seat.",
        "The pain low in my back started when I turned to get a bag off the back seat.",
        "Lower back ache since a spin class last week.",
    ],
)
def test_a_strain_named_by_the_effort_the_pain_dates_from(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("pain_after_strain") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "Back pain, I can't do any lifting with it.",
        "Lower back pain that came on after I was knocked off my bike while cycling to work.",
    ],
)
def test_lifting_not_done_or_a_fall_is_not_a_strain(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("pain_after_strain") != "present"


@pytest.mark.parametrize(
    "text",
    [
        "Lower back pain for 3 weeks, it's no better lying down.",
        "The ache in my back isn't eased by lying down at all.",
        "My back hurts whatever position I'm in, even in bed.",
        "Back pain, no position is comfortable.",
    ],
)
def test_relief_by_lying_or_a_position_denied_is_rest_giving_no_relief(
    kb: KnowledgeBase, text: str
) -> None:
    assert ev(kb, text).get("rest_no_relief") == "present"


def test_relief_by_lying_down_still_denies_it(kb: KnowledgeBase) -> None:
    assert ev(kb, "My back is sore but it eases when I lie down.").get("rest_no_relief") == "absent"


@pytest.mark.parametrize(
    "text",
    [
        "Ache in my left testicle, no swelling.",
        "Male, 30, pain low in the tummy, balls not sore, not swollen.",
        "Scrotum feels heavy, isn't swollen, bit achy.",
    ],
)
def test_a_bare_swelling_denied_about_the_testicles(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text, sex="male").get("testicle_swelling") == "absent"


@pytest.mark.parametrize(
    "text",
    [
        "Back pain since Friday. No pins and needles, legs are fine.",
        "Lower back ache. No weakness, my legs feel normal.",
    ],
)
def test_a_place_said_fine_after_denials_sums_them_up(kb: KnowledgeBase, text: str) -> None:
    e = ev(kb, text)
    assert all(e.get(fid) == "absent" for fid in LEGS), e


def test_a_place_said_fine_before_a_denial_keeps_to_it(kb: KnowledgeBase) -> None:
    e = ev(kb, "Back pain since Friday. My legs are fine, no weakness.")
    assert e.get("leg_weakness") == "absent"
    assert "leg_pain_below_knee" not in e


def test_a_place_said_fine_after_a_question_denies_nothing(kb: KnowledgeBase) -> None:
    e = ev(kb, "Back pain. If my legs go numb should I worry? Legs are normal for now.")
    assert "leg_pain_below_knee" not in e


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("She slipped on the ice this morning, now her lower back is really sore.", "under_1w"),
        ("Came off my bike yesterday and now my lower back aches.", "under_1w"),
        ("Lower back hurts. Since the start of the month.", "under_1w"),
        ("Back ache since the beginning of this year.", "over_12w"),
    ],
)
def test_a_pain_dated_from_a_point_in_time(kb: KnowledgeBase, text: str, option: str) -> None:
    assert ev(kb, text).get("pain_duration") == option


def test_a_time_of_something_done_before_now_is_not_the_pains(kb: KnowledgeBase) -> None:
    e = ev(kb, "Last used two days ago, and now my lower back is agony.")
    assert "pain_duration" not in e


@pytest.mark.parametrize(
    "text",
    [
        "My nan fell in the bathroom last night and her lower back is sore.",
        "Dad tripped over the dog and now his back hurts.",
        "OT note: 90M, LBP since fall in kitchen 2/7.",
    ],
)
def test_a_fall_said_with_where_it_happened_is_an_injury(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("recent_trauma") == "present"


def test_falling_asleep_is_not_a_fall(kb: KnowledgeBase) -> None:
    assert "recent_trauma" not in ev(kb, "I fell asleep in the bath and woke with back ache.")


@pytest.mark.parametrize(
    "text", ["GP: 70M, LBP 6/52, PMH bowel Ca 2015.", "Hx lung Ca, now back pain."]
)
def test_an_organs_cancer_in_note_shorthand(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("cancer_history") == "present"


@pytest.mark.parametrize(
    "text", ["LBP 3/52. Saddle sensation normal.", "Back pain 2/7, no saddle or sphincter sx."]
)
def test_saddle_sensation_said_intact(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("saddle_numbness") == "absent"


def test_passing_urine_well_is_normal(kb: KnowledgeBase) -> None:
    e = ev(kb, "Back ache for a week. Peeing well, eating well.")
    assert e.get("dysuria") == "absent" and e.get("urinary_retention") == "absent"
    assert e.get("early_satiety") == "absent"
