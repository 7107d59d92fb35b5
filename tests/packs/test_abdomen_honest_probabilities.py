"""Honest chances for the abdomen's emergencies (the safety review's S3): a cause a warning sign
points at should not be shown at a near-0 % beside a cause that cannot explain the symptom.

- Vomiting blood is a bleed from the gullet or stomach (the upper GI bleed), not a sign of an
  anaemia, and seldom of a cause the packs do not list (it was shown at about 1 in 30; now
  about 1 in 7, the rest still "another cause": the bleed's chance stays too low, see the
  closing note).
- A green vomit in a baby of a few weeks: 7 of 91 newborns with bilious vomiting had a volvulus
  and 14.2 % a malrotation (Borooah 2010, the evidence file's section 29), so about 1 in 10,
  neither a near-0 % nor a certainty.
"""

from __future__ import annotations

import pytest

from symptomatic.engine import Model
from symptomatic.interview import result, start
from symptomatic.language import parse


def _shown(
    all_model: Model, sex: str, age: int, text: str, months: int | None = None
) -> dict[str, float]:
    ev = parse(all_model, text, sex=sex, age=age).to_evidence()
    res = result(all_model, start(all_model, sex, age, ev, complaint_text=text, age_months=months))
    assert res.triage.level.value == "emergency"
    return {c.id: c.probability for c in res.conditions}


@pytest.mark.parametrize(
    ("sex", "age", "text"),
    [
        ("male", 57, "I brought up dark blood like coffee grounds an hour ago."),
        ("female", 68, "Threw up a cupful of fresh red blood after a night of retching."),
    ],
)
def test_a_bleed_from_the_upper_gut_is_the_likeliest_cause(
    all_model: Model, sex: str, age: int, text: str
) -> None:
    shown = _shown(all_model, sex, age, text)
    assert next(iter(shown)) == "upper_gi_bleed", shown
    assert shown["upper_gi_bleed"] >= 0.1, shown
    assert shown["upper_gi_bleed"] > 5 * shown.get("anaemia", 0.0), shown


def test_green_vomit_in_a_young_baby_gives_a_volvulus_about_one_in_ten(all_model: Model) -> None:
    shown = _shown(
        all_model, "female", 0, "Our 3 week old daughter is bringing up bright green sick.", 0
    )
    assert 0.05 <= shown.get("midgut_volvulus", 0.0) <= 0.3, shown
