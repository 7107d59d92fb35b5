"""A finding's phrase said inside another finding's longer phrase that hides it ("can't
breathe" inside "can't breathe through my nose"), and a child named by their age ("my 11 month
old", "my 14yo") as the person a parent writes about."""

from __future__ import annotations

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("breathing-ent")


def ev(kb: KnowledgeBase, text: str, age: int = 30, sex: str = "female") -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age).to_evidence()


def test_a_hidden_phrase_inside_a_longer_one_is_not_said(kb: KnowledgeBase) -> None:
    got = ev(kb, "I can't breathe through my nose.")
    assert got.get("blocked_runny_nose") == "present"
    assert "cant_breathe" not in got and "struggling_to_breathe" not in got
    # said on its own it still counts
    assert ev(kb, "I can't breathe.").get("cant_breathe") == "present"
    got = ev(kb, "I get acid burning up into my throat after meals.")
    assert got.get("heartburn") == "present" and "fever" not in got
    assert kb.hides["blocked_runny_nose"] >= {"cant_breathe"}


@pytest.mark.parametrize(
    "text",
    [
        "My 11 month old has a cough. Now he's grunting.",
        "My 14yo has a cough. He is grunting.",
        "My two and a half year old has a cough. He is grunting.",
        "My little boy has a cough. He is grunting.",
    ],
)
def test_a_child_named_by_age_is_the_patient(kb: KnowledgeBase, text: str) -> None:
    got = ev(kb, text, age=1, sex="male")
    assert got.get("cough") == "present" and got.get("struggling_to_breathe") == "present", got


def test_the_writers_own_complaint_stays_the_writers(kb: KnowledgeBase) -> None:
    got = ev(kb, "I have a cough. My 5 year old has a cold.")
    assert got.get("cough") == "present" and "blocked_runny_nose" not in got
