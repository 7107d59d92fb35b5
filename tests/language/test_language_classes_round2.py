"""Classes of phrasing found missing on blind set 9, each tested with new sentences (none
copied from a blind set).

Each test names the class; a sentence here is one example of many a different writer
might use.
"""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse
from symptomatic.language.parser import stated_sex

TODAY = date(2026, 12, 7)  # a Monday


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("core", "back-pelvic")


def ev(
    kb: KnowledgeBase, text: str, sex: str | None = None, age: int | None = None
) -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age, today=TODAY).to_evidence()


LOW_TUMMY = ("pelvic_pain", "right_lower_abdominal_pain", "left_lower_abdominal_pain",
             "one_sided_pelvic_pain")  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "My back's been grumbling for a week, worst low down on the left.",
        "Aching low in my spine on the right hand side when I stand up.",
        "Sharp pain at the back of my pelvis on the left when I climb stairs.",
        "Backache, mainly low down and on the right, since I moved house.",
    ],
)
def test_a_side_said_of_the_back_is_not_the_low_tummy(kb: KnowledgeBase, text: str) -> None:
    got = ev(kb, text, sex="female")
    assert got.get("low_back_pain") == "present"
    assert not set(got) & set(LOW_TUMMY), got


def test_a_side_said_of_the_tummy_beside_a_back_pain_is_the_tummy(kb: KnowledgeBase) -> None:
    got = ev(kb, "Sore back, and a stabbing pain low on the left of my belly.", sex="female")
    assert got.get("left_lower_abdominal_pain") == "present"
    assert got.get("low_back_pain") == "present"


@pytest.mark.parametrize(
    "text",
    ["Pain low down on the left of my tummy since yesterday.", "Right sided lower abdo pain."],
)
def test_one_sided_low_tummy_pain_needs_a_woman(kb: KnowledgeBase, text: str) -> None:
    """Unisex words for a pain low on one side say the woman's one-sided finding only when the
    person is known (or said) to be a woman; a man's is his low tummy pain on that side."""
    assert "one_sided_pelvic_pain" not in ev(kb, text)
    assert ev(kb, text, sex="female").get("one_sided_pelvic_pain") == "present"
    man = ev(kb, text, sex="male")
    assert man.get("pelvic_pain") == "present" and "one_sided_pelvic_pain" not in man
    assert ev(kb, text + " My period is due next week.").get("one_sided_pelvic_pain") == "present"


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("Guy, 31. Pain in my groin.", "male"),
        ("Female, 28 - pain low down.", "female"),
        ("Pain on the left low down. 41 year old man", "male"),
        ("Lower tummy ache, 22 yo female.", "female"),
        ("My 12 year old boy has tummy ache", None),
    ],
)
def test_a_sex_word_beside_an_age(text: str, sex: str | None) -> None:
    got = stated_sex(text)
    assert (got.value if got else None) == sex
