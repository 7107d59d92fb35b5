"""A warning sign names a cause only where the words fit it (the abdomen safety review's S6):
unexplained weight loss after 50 is checked within 2 weeks whatever the pain, but the spine's
cancer is named only with a back or pelvic pain; new jaundice at 40 or over is seen today, but
the pancreas's cancer is named only when the yellowing is said to be painless. Splitting the
rules keeps every level (rules only raise it) and stops a near-0 % cause heading the list.
"""

from __future__ import annotations

from symptomatic.engine import Model
from symptomatic.interview import result, start
from symptomatic.kb.schema import CareLevel
from symptomatic.triage.levels import rank


def _named(all_model: Model, sex: str, age: int, evidence: dict[str, str]) -> tuple[str, set[str]]:
    """(level, the conditions the fired rules name) for this evidence, no question asked."""
    res = result(all_model, start(all_model, sex, age, evidence))
    return res.triage.level.value, {c for r in res.triage.fired for c in r.conditions}


def test_weight_loss_after_50_is_checked_without_naming_the_spine(all_model: Model) -> None:
    level, named = _named(
        all_model, "female", 58, {"weight_loss": "present", "swallowing_difficulty": "present"}
    )
    assert "spinal_metastases" not in named
    assert rank(CareLevel(level)) >= rank(CareLevel.SOON)
    level, named = _named(all_model, "male", 63, {"weight_loss": "present"})
    assert rank(CareLevel(level)) >= rank(CareLevel.SOON)


def test_weight_loss_after_50_with_back_pain_names_the_spine(all_model: Model) -> None:
    level, named = _named(
        all_model, "male", 63, {"weight_loss": "present", "low_back_pain": "present"}
    )
    assert "spinal_metastases" in named
    assert rank(CareLevel(level)) >= rank(CareLevel.SOON)


def test_jaundice_with_pain_and_fever_does_not_name_pancreatic_cancer(all_model: Model) -> None:
    level, named = _named(
        all_model,
        "male",
        70,
        {"jaundice": "present", "fever": "present", "upper_abdominal_pain": "present"},
    )
    assert level == "emergency"
    assert "pancreatic_cancer" not in named


def test_new_jaundice_at_40_plus_is_seen_today_painless_names_the_pancreas(
    all_model: Model,
) -> None:
    level, named = _named(all_model, "female", 47, {"jaundice": "present"})
    assert rank(CareLevel(level)) >= rank(CareLevel.URGENT)
    level, named = _named(
        all_model, "female", 66, {"jaundice": "present", "abdominal_pain": "absent"}
    )
    assert rank(CareLevel(level)) >= rank(CareLevel.URGENT)
    assert "pancreatic_cancer" in named
