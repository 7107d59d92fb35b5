"""Kinds of lay language the parser must generalise to (back-pelvic pack), and heldout2's F1.

Each case is a *kind* of phrasing found missing by blind checks, not a tuned sentence:
pain words other than "pain" next to a body region, adjective and verb forms of a finding,
test results told as events, period timing, durations attached to the right thing, and broad
negatives that must not invent or over-negate findings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse
from symptomatic.language.periods import find_period_gaps, is_late_period_finding

HELDOUT2 = Path(__file__).parent / "data" / "heldout2.yaml"
HELDOUT3 = Path(__file__).parent / "data" / "heldout3.yaml"
REQUESTS = Path(__file__).parent / "data" / "pack_synonym_requests.yaml"
# heldout2: blind first run 0.814; 0.896 after the parser fixes, 0.957 once the lead added the
# requested pack synonyms. heldout3 (written after the fixes): blind 0.814, now 0.872.
# The floors sit a little below, so a pack edit elsewhere does not make them flaky.
MIN_HELDOUT2_F1 = 0.93
MIN_HELDOUT3_F1 = 0.84
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def ev(kb: KnowledgeBase, text: str, sex: str | None = "female", age: int = 30) -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age, today=TODAY).to_evidence()


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I've got a constant discomfort low down in my pelvis.", "pelvic_pain"),
        ("There's a heaviness in my pelvis.", "pelvic_pain"),
        ("Sharp twinges in my lower belly.", "pelvic_pain"),
        ("My lower tummy is sore.", "pelvic_pain"),
        ("It hurts in my pelvis.", "pelvic_pain"),
        ("A dull pelvic ache.", "pelvic_pain"),
        ("Niggling discomfort in my lower back.", "low_back_pain"),
        ("The bottom of my back aches.", "low_back_pain"),
    ],
)
def test_pain_words_next_to_a_region_give_the_complaint(
    kb: KnowledgeBase, text: str, finding: str
) -> None:
    assert ev(kb, text).get(finding) == "present"


def test_heaviness_is_pain_only_next_to_a_region(kb: KnowledgeBase) -> None:
    assert "leg_pain_below_knee" not in ev(kb, "My legs feel a heaviness when I walk far.")


@pytest.mark.parametrize(
    "text",
    ["My tummy has got swollen.", "My belly is bigger.", "My stomach has become swollen."],
)
def test_verb_and_adjective_forms_of_a_finding(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("bloating") == "present"


@pytest.mark.parametrize(
    "text",
    [
        "I did a test which was positive.",
        "The pregnancy test came back positive.",
        "I had a positive test on Sunday.",
        "I'm 30 weeks gone.",
    ],
)
def test_test_results_told_as_events(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text).get("pregnant") == "present"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My last period was seven weeks ago.", "present"),
        ("I haven't had a period for two months.", "present"),
        ("My period hasn't come for six weeks.", "present"),
        ("My last period was two weeks ago.", "absent"),
    ],
)
def test_period_timing_answers_the_late_period_finding(
    kb: KnowledgeBase, text: str, value: str
) -> None:
    assert ev(kb, text, age=29).get("late_period") == value


def test_period_timing_respects_who_it_applies_to(kb: KnowledgeBase) -> None:
    assert "late_period" not in ev(kb, "My last period was seven weeks ago.", sex="male")
    assert "late_period" not in ev(kb, "My last period was seven weeks ago.", age=70)
    # explained gaps and the menopause are not a late period
    assert "late_period" not in ev(kb, "No period for two months since I had the implant.")
    res = parse(kb, "I haven't had a period for three years.", sex="female", age=54)
    assert not [m for m in res.mentions if m.source == "period"]
    # the gap is not the pain's duration
    got = ev(kb, "My last period was seven weeks ago and my tummy hurts.")
    assert got.get("pelvic_pain") == "present"
    assert "pain_duration" not in got


def test_period_gaps_are_read_and_the_finding_found_by_its_words() -> None:
    assert [round(g.days) for g in find_period_gaps("My last period was 8 weeks ago")] == [56]
    assert find_period_gaps("My sister hasn't had a period for two months") == []
    assert is_late_period_finding("Late or missed period", [])
    assert is_late_period_finding("Amenorrhoea", ["missed period"])
    assert not is_late_period_finding("Heavy periods", ["flooding"])


def test_a_bout_length_does_not_date_the_pain(kb: KnowledgeBase) -> None:
    got = ev(kb, "I get stiff in the mornings for an hour or so and my back hurts.")
    assert got.get("morning_stiffness") == "present"
    assert "pain_duration" not in got


@pytest.mark.parametrize(
    ("text", "option"),
    [
        ("My back hurts. It's been going on over a year.", "over_12w"),
        ("Sharp pain low in my tummy, it started this afternoon.", "under_1w"),
        ("My back hurts, it started two hours ago.", "under_1w"),
    ],
)
def test_durations_of_the_complaint(kb: KnowledgeBase, text: str, option: str) -> None:
    assert ev(kb, text).get("pain_duration") == option


@pytest.mark.parametrize(
    "text", ["No pain.", "I'm otherwise fine.", "No pain at the moment, I'm otherwise fine."]
)
def test_broad_negatives_invent_nothing(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text) == {}


def test_no_bleeding_negates_only_bleeding(kb: KnowledgeBase) -> None:
    got = ev(kb, "No bleeding at all, just the pain in my back.", age=40)
    assert got.get("low_back_pain") == "present"
    assert {f for f, v in got.items() if v == "absent"} == {"vaginal_bleeding"}


def test_negation_ends_at_a_new_statement(kb: KnowledgeBase) -> None:
    assert ev(kb, "I've got no appetite and feel exhausted all the time.").get("fatigue") == (
        "present"
    )
    assert ev(kb, "The pain isnt there at night.").get("night_pain") == "absent"


def test_other_lay_forms(kb: KnowledgeBase) -> None:
    assert ev(kb, "I keep waking at 3am with it.").get("night_pain") == "present"
    assert ev(kb, "My wee looks pinkish.").get("blood_in_urine") == "present"
    # pain that moves is spreading, not pain on moving
    got = ev(kb, "The pain moves down into my groin.")
    assert got.get("pain_to_groin") == "present" and "mechanical_pain" not in got
    # "after the toilet" is not "the toilet after"
    assert "relief_with_bowel_opening" not in ev(kb, "Blood in the toilet after I poo.")
    # "since March" is a month, not a slip for another word
    assert set(ev(kb, "My back has been sore since March.")) == {"low_back_pain", "pain_duration"}
    got = ev(kb, "My leg is numb and weak.", sex="male")
    assert got.get("leg_numbness_tingling") == "present" and got.get("leg_weakness") == "present"


@pytest.mark.parametrize(
    ("path", "floor", "size"), [(HELDOUT2, MIN_HELDOUT2_F1, 80), (HELDOUT3, MIN_HELDOUT3_F1, 40)]
)
def test_heldout_f1_stays_up(kb: KnowledgeBase, path: Path, floor: float, size: int) -> None:
    items, today = load_labelled(path)
    assert len(items) >= size
    assert check_labels(kb, items) == []
    res = score_parser(kb, items, today)
    assert res.f1 is not None and res.precision is not None
    print(f"\n{path.name}: P {res.precision:.3f} R {res.recall:.3f} F1 {res.f1:.3f}")
    assert res.f1 >= floor, [
        (s.item.text, s.missed, s.extra) for s in res.items if s.missed or s.extra
    ]
    assert res.precision >= 0.9


def test_synonym_requests_name_real_findings(kb: KnowledgeBase) -> None:
    import yaml

    data = yaml.safe_load(REQUESTS.read_text(encoding="utf-8"))
    requests = data["requests"]
    assert requests and set(requests) <= set(kb.findings)
    assert all(isinstance(p, str) and p for phrases in requests.values() for p in phrases)


def test_negative_results_deny(kb: KnowledgeBase) -> None:
    assert ev(kb, "The pregnancy test came back negative.").get("pregnant") == "absent"
    assert ev(kb, "I'm HIV negative.").get("immunosuppression") == "absent"
    # a result for something else is not a pregnancy test
    assert "pregnant" not in ev(kb, "I tested positive for chlamydia.")
    assert "pregnant" not in ev(kb, "I tested negative for chlamydia.")


def test_a_time_anchor_is_not_what_is_denied(kb: KnowledgeBase) -> None:
    got = ev(kb, "I've not bled since the menopause.", age=62)
    assert got.get("postmenopausal") == "present"
    assert got.get("postmenopausal_bleeding") == "absent"


def test_comparatives_and_sensations(kb: KnowledgeBase) -> None:
    assert ev(kb, "My periods have got heavier.", age=44).get("heavy_periods") == "present"
    got = ev(kb, "An uncomfortable dragging sensation deep in my pelvis.")
    assert got.get("pelvic_pain") == "present"


def test_two_words_said_of_one_thing(kb: KnowledgeBase) -> None:
    assert ev(kb, "My belly has become hard and swollen.").get("bloating") == "present"
    got = ev(kb, "No leg pain or weakness.", sex="male")
    assert got.get("leg_pain_below_knee") == "absent" and got.get("leg_weakness") == "absent"
    # "and" followed by a new statement is not a second word about the first thing
    got = ev(kb, "My period is a week late and I've got pain low down on the right.")
    assert "cyclical_pain" not in got


def test_an_inability_is_not_a_denial(kb: KnowledgeBase) -> None:
    got = ev(kb, "I can't sleep because of the back pain.")
    assert got.get("low_back_pain") == "present" and got.get("night_pain") == "present"
    got = ev(kb, "I can't walk more than 100 yards before my legs get heavy and numb.", sex="male")
    assert got.get("walking_leg_pain") == "present"
    assert got.get("leg_numbness_tingling") == "present"
    assert ev(kb, "I can't pee.").get("urinary_retention") == "present"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My back suddenly became severely painful.",
            {"low_back_pain", "sudden_onset", "severe_pain"},
        ),
        ("My belly suddenly started hurting badly.", {"pelvic_pain", "sudden_onset"}),
        ("My back suddenly became very painful.", {"low_back_pain", "sudden_onset"}),
        # a reordered phrase with a word of its own survives inside another finding's phrase
        ("Periods heavy and painful.", {"heavy_periods", "cyclical_pain", "pelvic_pain"}),
    ],
)
def test_modifiers_inside_a_longer_phrase_keep_their_own_findings(
    kb: KnowledgeBase, text: str, expected: set[str]
) -> None:
    assert {f for f, v in ev(kb, text).items() if v == "present"} == expected


def test_a_word_of_the_longer_phrase_is_not_a_finding_of_its_own(kb: KnowledgeBase) -> None:
    got = ev(kb, "My back passage feels numb.")
    assert got.get("saddle_numbness") == "present"
    assert "leg_numbness_tingling" not in got


@pytest.mark.parametrize(
    "text",
    [
        "My period is late and I've got pain.",
        "Period late and pain.",
        "My period is a week late and I have pain.",
    ],
)
def test_a_late_period_and_a_pain_are_two_things(kb: KnowledgeBase, text: str) -> None:
    got = ev(kb, text)
    assert got.get("late_period") == "present"
    assert "cyclical_pain" not in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My belly is hard and swollen.", "bloating"),
        ("Leg pain and weakness.", "leg_weakness"),
        ("My leg is numb and weak.", "leg_weakness"),
        ("My periods are heavy and painful.", "cyclical_pain"),
    ],
)
def test_two_alike_words_are_still_said_of_one_thing(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert ev(kb, text).get(expected) == "present"


def test_joined_words_with_a_degree_word_and_a_span_of_time(kb: KnowledgeBase) -> None:
    # "more" between "and" and the word; "over the last year" is how long, not a past date
    got = ev(kb, "My periods have got heavier and more painful over the last year.")
    assert got.get("heavy_periods") == "present" and got.get("cyclical_pain") == "present"
    assert ev(kb, "My belly is hard and very swollen.").get("bloating") == "present"
    # a date still dates a symptom: an old fracture is not one now
    assert ev(kb, "I was put on steroids last year.").get("long_term_steroids") == "present"


def test_a_lay_unit_said_word_for_word_keeps_its_own_meaning(kb: KnowledgeBase) -> None:
    # "in agony" is the severe-pain phrase, inside the longer back-pain phrase
    got = ev(kb, "My back is in agony.")
    assert got.get("low_back_pain") == "present" and got.get("severe_pain") == "present"
