"""Findings said across two clauses (back-pelvic pack): a result told after its test, and a
bare denial whose place was named earlier ("peeing is fine, no blood")."""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def ev(kb: KnowledgeBase, text: str) -> dict[str, str]:
    return parse(kb, text, sex="female", age=28, today=TODAY).to_evidence()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I took a test this morning and it was positive.", "present"),
        ("Took a test yesterday which came back positive.", "present"),
        ("I did a pregnancy test, it's negative.", "absent"),
        ("I did a test and it wasn't positive.", "absent"),
    ],
)
def test_a_result_told_after_its_test(kb: KnowledgeBase, text: str, value: str) -> None:
    assert ev(kb, text).get("pregnant") == value


def test_a_result_of_another_test_is_not_a_pregnancy(kb: KnowledgeBase) -> None:
    assert "pregnant" not in ev(kb, "I took a test for chlamydia and it was positive.")
    # no test named: nothing to point back to
    assert "pregnant" not in ev(kb, "My back hurts and it was positive thinking that helped.")


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Peeing is fine, no blood.", "blood_in_urine"),
        ("When I pee it stings, no blood.", "blood_in_urine"),
        ("My pee is cloudy. No blood.", "blood_in_urine"),
        ("My poo is normal, no blood.", "rectal_bleeding"),
        ("I pee a lot but no pain.", "dysuria"),
    ],
)
def test_a_bare_denial_takes_the_place_named_before(
    kb: KnowledgeBase, text: str, finding: str
) -> None:
    assert ev(kb, text).get(finding) == "absent"


def test_a_bare_word_is_not_placed_unless_denied(kb: KnowledgeBase) -> None:
    got = ev(kb, "When I pee it stings and there is blood.")
    assert got.get("blood_in_urine") != "absent"
    # no place named in the sentence: nothing is guessed
    assert "blood_in_urine" not in ev(kb, "My back hurts, no blood.")
    # a denial with its own place is the lexicon's, not re-placed
    got = ev(kb, "I pee a lot, no pain in my back.")
    assert got.get("low_back_pain") == "absent" and "dysuria" not in got


def test_a_denial_after_the_legs_were_named(kb: KnowledgeBase) -> None:
    got = ev(kb, "My legs are fine, no weakness or numbness.")
    assert got == {"leg_weakness": "absent", "leg_numbness_tingling": "absent"}
    # a denial that names its own place is read as said
    got = ev(kb, "My legs ache, no numbness in my bottom.")
    assert got.get("saddle_numbness") == "absent" and "leg_numbness_tingling" not in got


@pytest.mark.parametrize(
    "text",
    [
        "I did a pregnancy test this morning.",
        "I'm going to do a pregnancy test.",
        "Could I be pregnant?",
        "Am I pregnant?",
    ],
)
def test_naming_a_test_or_asking_is_not_a_result(kb: KnowledgeBase, text: str) -> None:
    assert "pregnant" not in ev(kb, text)


def test_a_result_still_counts_with_the_tests_name(kb: KnowledgeBase) -> None:
    assert ev(kb, "I did a pregnancy test and it was positive.").get("pregnant") == "present"
    assert ev(kb, "Positive pregnancy test yesterday.").get("pregnant") == "present"
    assert ev(kb, "I'm pregnant.").get("pregnant") == "present"
