"""Measurements in free text (blood pressure, pulse) and the findings packs set from them."""

from __future__ import annotations

import pytest

from symptomatic.kb.schema import Reading
from symptomatic.language import parse
from symptomatic.language.readings import answer, find_readings


@pytest.mark.parametrize(
    ("text", "measure", "values"),
    [
        ("My blood pressure was 195 over 110 at the pharmacy.", "blood_pressure", (195, 110)),
        ("The home monitor says 184/96.", "blood_pressure", (184, 96)),
        ("BP 232/134", "blood_pressure", (232, 134)),
        ("Top number was 165, bottom 98 on the machine.", "blood_pressure", (165, 98)),
        ("The chemist said it was over 180 on top.", "blood_pressure", (180, None)),
        ("Paramedic said her pulse was 38.", "pulse", (38,)),
        ("pulse is irregular around 130", "pulse", (130,)),
        ("HR 38 bpm", "pulse", (38,)),
        ("heart rate of 150", "pulse", (150,)),
        ("my watch says 172 bpm", "pulse", (172,)),
    ],
)
def test_readings_found(text: str, measure: str, values: tuple[int | None, ...]) -> None:
    found = find_readings(text)
    assert [(r.measure, r.values) for r in found] == [(measure, values)]


@pytest.mark.parametrize(
    "text",
    [
        "Chest pain 7/10, central",  # a score
        "2/7 hx pleuritic CP, 4/12 of SOB",  # clinical durations
        "My calves cramp after 100 yards",
        "Is 190/100 too high?",  # a question states no reading
        "If it goes over 180 over 120 should I call 999",  # a supposition
    ],
)
def test_no_reading(text: str) -> None:
    assert find_readings(text) == []


def test_answer_by_limits() -> None:
    very_high = Reading(measure="blood_pressure", at_least=[180, 120])
    assert answer(very_high, (195, 110)) == "present"
    assert answer(very_high, (170, 125)) == "present"
    assert answer(very_high, (150, 95)) == "absent"
    assert answer(very_high, (150, None)) is None  # the bottom number is not said
    slow = Reading(measure="pulse", below=[50])
    assert answer(slow, (38,)) == "present"
    assert answer(slow, (72,)) == "absent"


def test_reading_needs_one_limit() -> None:
    with pytest.raises(ValueError, match="one of"):
        Reading(measure="pulse")
    with pytest.raises(ValueError, match="at most 1"):
        Reading(measure="pulse", below=[50, 40])


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("BP 232/134 at the chemist", {"high_bp_reading": "present", "bp_180_120": "present"}),
        ("Home readings around 150/95", {"high_bp_reading": "present", "bp_180_120": "absent"}),
        ("Paramedic said my pulse was 38", {"slow_pulse": "present"}),
    ],
)
def test_pack_findings_from_readings(text: str, expect: dict[str, str]) -> None:
    evidence = parse(("chest-heart",), text, age=60).to_evidence()
    assert {k: evidence.get(k) for k in expect} == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # a bound sets the finding only when every rate it allows does
        ("heart racing at over 150 beats a minute", {"very_fast_pulse": "present"}),
        ("HR >150 at rest", {"very_fast_pulse": "present"}),
        ("my heart rate has been under 50", {"slow_pulse": "present", "very_fast_pulse": "absent"}),
        ("resting heart rate over 40", {"slow_pulse": None, "very_fast_pulse": None}),
        ("pulse over 100", {"slow_pulse": "absent", "high_bp_reading": None}),
    ],
)
def test_bounded_rates(text: str, expect: dict[str, str | None]) -> None:
    evidence = parse(("chest-heart",), text, age=60).to_evidence()
    assert {k: evidence.get(k) for k in expect} == expect


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chest pain lasting >15 min.", "present"),
        ("Chest pain, each bout lasting <15 min.", "absent"),
        ("Chest pain lasting less than 15 minutes.", "absent"),
    ],
)
def test_comparison_signs_are_read(text: str, value: str) -> None:
    assert parse(("chest-heart",), text, age=60).to_evidence().get("cp_lasted_15min") == value


def test_temperatures_are_readings_in_degrees_celsius() -> None:
    """A temperature said in Celsius or Fahrenheit is one reading, in Celsius; a threshold
    ("if it goes above 38") or a question states none."""
    [c] = find_readings("Temp was 38.4 last night.")
    assert (c.measure, c.values) == ("temperature", (38.4,))
    [f] = find_readings("thermometer says 101.3")
    assert f.measure == "temperature" and f.values[0] == pytest.approx(38.5, abs=0.01)
    assert find_readings("Should I worry if it goes above 38?") == []
    assert find_readings("If it goes above 38 I will ring") == []
