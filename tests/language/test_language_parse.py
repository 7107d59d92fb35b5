"""The free-text parser on a small fixture pack: matching, negation, context, spans."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from symptomatic.engine import Model
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import Mention, ParseResult, parse, parser_for

PACK = str(Path(__file__).parent / "fixtures" / "lexicon")
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(PACK)


def ev(kb: KnowledgeBase, text: str, **kw: object) -> dict[str, str]:
    return parse(kb, text, today=TODAY, **kw).to_evidence()  # type: ignore[arg-type]


def test_the_issue_example(kb: KnowledgeBase) -> None:
    text = (
        "My lower back has hurt for three weeks, worse at night, no fever, "
        "I had breast cancer in 2019"
    )
    res = parse(kb, text, today=TODAY)
    assert res.to_evidence() == {
        "low_back_pain": "present",
        "pain_duration": "w1_6",
        "fever": "absent",
        "cancer_history": "present",
    }
    by_id = {m.finding_id: m for m in res.mentions}
    # spans point at the words that were said
    for m in res.mentions:
        assert text[m.start : m.end] == m.text
    assert by_id["fever"].negated and by_id["fever"].text == "fever"
    assert by_id["cancer_history"].historical and by_id["cancer_history"].counts
    assert by_id["pain_duration"].text == "for three weeks"
    assert by_id["pain_duration"].span == (by_id["pain_duration"].start, by_id["pain_duration"].end)


@pytest.mark.parametrize(
    "text",
    [
        "No fever.",
        "I have never had a fever.",
        "Denies fever.",
        "I've been without a fever all week.",
        "I haven't had any fever.",
        "I do not have a temperature at all.",
        "Nothing like a fever.",
    ],
)
def test_lay_negation(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text) == {"fever": "absent"}


def test_nothing_down_my_legs(kb: KnowledgeBase) -> None:
    assert ev(kb, "Back pain but no pain down my leg.") == {
        "low_back_pain": "present",
        "leg_pain": "absent",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No fever and my back hurts.", {"fever": "absent", "low_back_pain": "present"}),
        ("No fever, but my back hurts.", {"fever": "absent", "low_back_pain": "present"}),
        ("No fever, my back is killing me.", {"fever": "absent", "low_back_pain": "present"}),
        ("No fever or pain down my leg.", {"fever": "absent", "leg_pain": "absent"}),
        (
            "Honestly it's nothing serious, just a sore back.",
            {"low_back_pain": "present"},
        ),
        ("Without any warning my back hurts.", {"low_back_pain": "present"}),
    ],
)
def test_negation_scope_stops_at_a_new_clause(
    kb: KnowledgeBase, text: str, expected: dict[str, str]
) -> None:
    assert ev(kb, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If I get a fever I'll call the doctor.",
        "What if it's a fever?",
        "I'm worried about a fever.",
        "Could it be a fever?",
        "My mum had breast cancer.",
        "I had a fever years ago.",
    ],
)
def test_hypotheticals_worries_relatives_and_the_past_give_nothing(
    kb: KnowledgeBase, text: str
) -> None:
    assert ev(kb, text) == {}


def test_history_and_family_findings_take_past_and_relatives(kb: KnowledgeBase) -> None:
    assert ev(kb, "I had bowel cancer five years ago.") == {"cancer_history": "present"}
    assert ev(kb, "I used to take prednisolone.") == {}  # over: not a current risk factor
    assert ev(kb, "I was put on steroids last year.") == {"steroids": "present"}
    assert ev(kb, "My father has back trouble.") == {"family_back": "present"}
    assert ev(kb, "I have back trouble.") == {}  # the person's own, not family history
    assert ev(kb, "No family history of back trouble.") == {"family_back": "absent"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There's blood in my pee.", {"blood_in_urine": "present"}),
        ("There's blood in my wee.", {"blood_in_urine": "present"}),
        ("I can't pee.", {"bladder_retention": "present"}),
        ("I cannot wee.", {"bladder_retention": "present"}),
        ("My bottom is numb.", {"saddle_numbness": "present"}),
        ("My tummy hurts in waves.", {"colicky_flank_pain": "present"}),
        ("My back is agony.", {"low_back_pain": "present"}),
    ],
)
def test_lay_words(kb: KnowledgeBase, text: str, expected: dict[str, str]) -> None:
    assert ev(kb, text) == expected


def test_spelling_slips_are_corrected_but_ordinary_words_are_left_alone(kb: KnowledgeBase) -> None:
    res = parse(kb, "I have a high temprature and sever back pain.", today=TODAY)
    assert res.to_evidence() == {"fever": "present", "low_back_pain": "present"}
    assert any(m.corrected for m in res.mentions)
    assert ev(kb, "I have a feaver.") == {"fever": "present"}
    # "fewer" and "sitting" are words, not slips of "fever" or anything else
    assert ev(kb, "Fewer people were sitting there.") == {}


def test_word_order_and_small_words(kb: KnowledgeBase) -> None:
    assert ev(kb, "The pain is in my lower back.") == {"low_back_pain": "present"}
    # "came back" is not the back
    assert ev(kb, "The pain came back.") == {}


def test_negation_inside_a_phrase(kb: KnowledgeBase) -> None:
    assert ev(kb, "The pain doesn't go down my leg.") == {"leg_pain": "absent"}
    # "between" is a place, not a gap: no pain in the legs here
    assert ev(kb, "An ache between my legs.") == {}


def test_a_word_said_once_for_two_things(kb: KnowledgeBase) -> None:
    # "pain in my back and [pain] down my leg"
    assert ev(kb, "Pain in my back and down my leg.") == {
        "low_back_pain": "present",
        "leg_pain": "present",
    }


def test_options_of_choice_findings(kb: KnowledgeBase) -> None:
    assert ev(kb, "It came on suddenly.") == {"onset": "sudden"}
    assert ev(kb, "Out of nowhere my back went.") == {"onset": "sudden"}
    assert ev(kb, "It came on gradually.") == {"onset": "gradual"}


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("My back has hurt for four days.", "under_1w"),
        ("My back pain started two weeks ago.", "w1_6"),
        ("Back pain since yesterday.", "under_1w"),
        ("My back has been sore since March.", "over_12w"),
        ("My back has hurt for most of a year.", "over_12w"),
        ("Back pain for about two months.", "w6_12"),
    ],
)
def test_durations_pick_the_option(kb: KnowledgeBase, text: str, option: str) -> None:
    assert ev(kb, text)["pain_duration"] == option


def test_durations_ignore_past_events_and_non_pain(kb: KnowledgeBase) -> None:
    # the only duration dates a past cancer, not the pain
    got = ev(kb, "My back hurts. I had breast cancer ten years ago.")
    assert "pain_duration" not in got
    assert ev(kb, "I've had a fever for two days.") == {"fever": "present"}
    # how long each morning's stiffness lasts is not how long the problem has lasted
    assert "pain_duration" not in ev(kb, "My back is sore for an hour every morning.")


def test_findings_that_cannot_apply_are_left_out(kb: KnowledgeBase) -> None:
    assert ev(kb, "Heavy periods and period pain.", sex="male") == {}
    assert ev(kb, "Heavy periods and period pain.", sex="female", age=30) == {
        "heavy_periods": "present",
        "period_pain": "present",
    }
    assert ev(kb, "Period pain.", sex="female", age=70) == {}


def test_evidence_keeps_present_over_absent(kb: KnowledgeBase) -> None:
    res = ParseResult(
        "x",
        (
            Mention("fever", "absent", 0, 1, "x", negated=True),
            Mention("fever", "present", 2, 3, "x"),
            Mention("leg_pain", "present", 4, 5, "x", hypothetical=True, counts=False),
        ),
    )
    assert res.to_evidence() == {"fever": "present"}
    assert res.to_dict()["evidence"] == {"fever": "present"}


def test_parse_takes_a_model_or_a_pack_name_and_caches_the_parser(kb: KnowledgeBase) -> None:
    model = Model.compile(kb)
    assert parser_for(model) is parser_for(kb)
    assert parse(model, "fever").to_evidence() == {"fever": "present"}
    assert parse(PACK, "no fever").to_evidence() == {"fever": "absent"}
    with pytest.raises(TypeError):
        parse(42, "fever")


def test_empty_and_unrelated_text(kb: KnowledgeBase) -> None:
    assert parse(kb, "").mentions == ()
    assert parse(kb, "The weather is lovely today.").to_evidence() == {}


@pytest.mark.parametrize(
    "text",
    [
        "My back hurts and I'll call if it gets worse or I get a temperature.",
        "My back hurts. I'll see the GP if it spreads, or if I get a fever.",
        "My back hurts; in case it gets worse or I get a fever, who do I call?",
    ],
)
def test_a_condition_carries_over_or(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text) == {"low_back_pain": "present"}


def test_or_outside_a_condition_is_a_plain_list(kb: KnowledgeBase) -> None:
    assert ev(kb, "If it rains I stay in, and I have a fever or back pain.") == {
        "fever": "present",
        "low_back_pain": "present",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't say I have a fever.", {"fever": "absent"}),
        ("I couldn't say I've had a temperature, but my back hurts.",
         {"fever": "absent", "low_back_pain": "present"}),
        ("I can't tell if I have a fever.", {}),
        ("I don't know whether it's a fever.", {}),
        # an inability is still not a denial
        ("I can't pee.", {"bladder_retention": "present"}),
    ],
)  # fmt: skip
def test_hedged_denials_and_not_knowing(
    kb: KnowledgeBase, text: str, expected: dict[str, str]
) -> None:
    assert ev(kb, text) == expected
