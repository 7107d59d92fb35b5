"""Calibration against published primary-care PPVs (tests/packs/data/ppv_table.yaml).

For every row the posterior of the target condition(s), given the presentation (sex, age,
the feature(s) present, everything else unknown), is within a factor of 2 of the published
figure. Rows the model cannot meet without distorting the rest say so (``known_miss``, with
the reason) and are checked to be still missed, so that the note never goes stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from symptomatic.engine import Model
from symptomatic.kb import load_knowledge_base

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "ppv_table.yaml").read_text())
FACTOR = 2.0


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base("back-pelvic"))


def _presentations(row: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    sexes = row["sex"] if isinstance(row["sex"], list) else [row["sex"]]
    answers = row.get("answers") or dict.fromkeys(row.get("present", []), "present")
    return [(sex, answers) for sex in sexes]


def _posterior(model: Model, row: dict[str, Any], sex: str, answers: dict[str, str]) -> float:
    post = model.posterior(sex, row["age"], answers)
    return sum(post.of(t) for t in row["target"])


def test_table_is_sourced_and_maps_onto_the_pack(model: Model) -> None:
    rows = TABLE["rows"] + TABLE["cases"]
    assert len(TABLE["rows"]) >= 15
    for row in rows:
        assert row["source"] and row["locator"], row["id"]
        assert 0.0 < row["ppv"] < 1.0, row["id"]
        for target in row["target"]:
            assert target in model.kb.conditions, (row["id"], target)
        for _sex, answers in _presentations(row):
            model.normalise_evidence(answers)  # every finding and answer exists


@pytest.mark.parametrize("row", TABLE["rows"] + TABLE["cases"], ids=lambda r: r["id"])
def test_posterior_within_a_factor_of_two(model: Model, row: dict[str, Any]) -> None:
    for sex, answers in _presentations(row):
        p = _posterior(model, row, sex, answers)
        ratio = p / row["ppv"]
        within = 1.0 / FACTOR <= ratio <= FACTOR
        if "known_miss" in row:
            assert not within, f"{row['id']} ({sex}) is now met: drop its known_miss note"
        else:
            assert within, f"{row['id']} ({sex}): model {p:.4f}, published {row['ppv']}"
