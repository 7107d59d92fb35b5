"""Parser fixes made from the chest-heart blind batch (2026-12-07): a side said of the chest
is not the flank, and a compound read inside a longer denial of the same finding is that
denial's part ("no breathing problems" is not "no breathing")."""

from __future__ import annotations

import pytest

from symptomatic.kb import KnowledgeBase
from symptomatic.language import parser_for


def _ev(kb: KnowledgeBase, text: str, age: int = 40) -> dict[str, str]:
    res = parser_for(kb).parse(text, sex="male", age=age)
    return dict(res.to_evidence())


def test_a_side_of_the_chest_is_not_the_flank(kb: KnowledgeBase) -> None:
    got = _ev(kb, "He has had a sharp pain on the left side of his chest since rugby.", age=10)
    assert got.get("chest_pain") == "present" and "flank_pain" not in got
    assert _ev(kb, "pain in my right side").get("flank_pain") == "present"


def test_a_denial_of_breathing_problems_is_not_a_stopped_breath(kb: KnowledgeBase) -> None:
    # a denial of breathlessness; the can't-breathe red flag is left to be asked (it is denied
    # by speech said normal), never read present from the denial's "no breathing"
    got = _ev(kb, "A rash came up on my ribs. No breathing problems.")
    assert got.get("cant_breathe") != "present"
    assert got.get("breathlessness") == "absent"
    assert _ev(kb, "He is not breathing").get("cant_breathe") == "present"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pain from my buttock down my leg into my foot for a week.", None),
        ("Low back pain. It hurts when I stand on that leg.", None),
        ("Ache low between my legs since yesterday.", None),
        ("My calf hurts and it is swollen.", "present"),
        ("My back is fine but my leg hurts when I walk.", "present"),
    ],
)
def test_a_leg_said_with_a_back_or_pelvic_pain_is_that_pains(
    kb: KnowledgeBase, text: str, expected: str | None
) -> None:
    """A leg and a pain word said together are the painful leg of the heart pack, unless the
    text has a back, buttock, pelvic or radiating leg pain they belong to (a compound's
    `unless`)."""
    got = _ev(kb, text, age=50)
    assert got.get("leg_pain") == expected, got


def test_a_chest_qualifier_needs_the_chest(kb: KnowledgeBase) -> None:
    """Words that qualify a pain ("much worse when I move") are the chest pain's only when the
    chest is said: said of the back they must not start a chest-pain check."""
    got = _ev(kb, "A sharp pain in the middle of my back. It's much worse when I move.", age=70)
    assert "cp_worse_moving" not in got, got
    got = _ev(kb, "My chest hurts and it is much worse when I move.", age=30)
    assert got.get("cp_worse_moving") == "present", got


@pytest.mark.parametrize(
    "text", ["A heavy dragging feeling low down.", "A heavy ache in my lower back since Monday."]
)
def test_a_heavy_ache_elsewhere_is_not_chest_pain(kb: KnowledgeBase, text: str) -> None:
    got = _ev(kb, text, age=45)
    assert "chest_pain" not in got and "cp_heavy_crushing" not in got, got
