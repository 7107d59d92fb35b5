"""Durations in text and in option labels."""

from __future__ import annotations

from datetime import date

import pytest

from symptomatic.language.durations import bands_from_label, find_durations, option_for

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("for three weeks", 21),
        ("for 3 weeks", 21),
        ("four days ago", 4),
        ("since yesterday", 1),
        ("since March", 240),
        ("since last Friday", 5),
        ("for most of a year", 273.75),
        ("for a couple of months", 60),
        ("for a fortnight", 14),
        ("over five years", 1825),
        ("for weeks", 21),
        # said twice or "on end", it is stressed as long: "many" of them, as "for many weeks"
        ("for weeks and weeks", 42),
        ("for months and months", 180),
        ("for weeks on end", 42),
        ("days and days", 6),
        ("an hour ago", 1 / 24),
        ("since this morning", 0.3),
        ("last week", 7),
    ],
)
def test_find_durations(text: str, days: float) -> None:
    [d] = find_durations(f"It has hurt {text}.", TODAY)
    assert d.days == pytest.approx(days)
    assert d.text.lower() in f"it has hurt {text}.".lower()


def test_a_repeated_vague_time_is_longer_than_a_single_one() -> None:
    """A back "sore for weeks and weeks" is not the 1-6 week option a bare "for weeks" gives
    (back-pelvic blind case S015: myeloma at 73 read as a few weeks)."""
    labels = {"w1_6": "1 to 6 weeks", "w6_12": "6 weeks to 3 months", "m3": "More than 3 months"}
    [bare] = find_durations("sore back for weeks", TODAY)
    [repeated] = find_durations("sore back for weeks and weeks", TODAY)
    assert option_for(bare.days, labels) == "w1_6"
    assert option_for(repeated.days, labels) == "w6_12"
    [months] = find_durations("my cough has gone on months and months", TODAY)
    assert option_for(months.days, labels) == "m3"


def test_several_durations_in_order_without_overlaps() -> None:
    found = find_durations("Three weeks ago it started; for the last two days it is worse.", TODAY)
    assert [round(d.days) for d in found] == [21, 2]


@pytest.mark.parametrize(
    ("label", "band"),
    [
        ("Less than a week", (0, 7)),
        ("1 to 6 weeks", (7, 42)),
        ("6 weeks to 3 months", (42, 90)),
        ("More than 3 months", (90, float("inf"))),
        ("Under 2 days", (0, 2)),
        ("28 weeks or more", (196, float("inf"))),
        ("Sometimes", None),
    ],
)
def test_bands_from_label(label: str, band: tuple[float, float] | None) -> None:
    assert bands_from_label(label) == band


def test_option_for_uses_inclusive_lower_bounds() -> None:
    labels = {"a": "Less than a week", "b": "1 to 6 weeks", "c": "More than 6 weeks"}
    assert option_for(3, labels) == "a"
    assert option_for(7, labels) == "b"
    assert option_for(42, labels) == "c"
    assert option_for(3, {"x": "Whenever"}) is None


@pytest.mark.parametrize(
    "text",
    [
        "after about five minutes of walking both legs go numb",
        "it eases within an hour",
        "I need to pee every two hours",
    ],
)
def test_episode_lengths_are_not_durations(text: str) -> None:
    assert find_durations(text) == []
