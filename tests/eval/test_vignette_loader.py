"""The vignette loader: the shared development file loads; malformed files fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.eval import Patient, VignetteFileError, load_vignettes, parse_vignettes
from symptomatic.kb.schema import CareLevel

SHARED = Path(__file__).resolve().parents[3] / "shared" / "vignettes"
DEV = SHARED / "back-pelvic-dev.yaml"
SIMULATED_DEV = SHARED / "back-pelvic-simulated-dev.yaml"


def _one(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "A1",
        "age": 40,
        "sex": "female",
        "text": "My back hurts.",
        "dx": ["M54.5"],
        "triage": "self_care",
    }
    base.update(over)
    return {"version": 1, "vignettes": [{k: v for k, v in base.items() if v is not None}]}


def test_defaults_triage_ok_to_triage_and_ignores_other_keys() -> None:
    [v] = parse_vignettes(_one(notes="ignored"))
    assert v.triage is CareLevel.SELF_CARE
    assert v.triage_ok == (CareLevel.SELF_CARE,)
    assert v.dx == ("M54.5",)


def test_a_baby_gives_its_age_in_months() -> None:
    [v] = parse_vignettes(_one(age=0, age_months=2, text="My baby's eye is sticky."))
    assert (v.age, v.age_months) == (0, 2)
    [older] = parse_vignettes(_one())
    assert older.age_months is None


def test_a_plain_vignette_is_parse_only() -> None:
    [v] = parse_vignettes(_one())
    assert v.patient is None and v.mode == "parse-only"


def test_simulated_patient_fields() -> None:
    [v] = parse_vignettes(
        _one(present=["low_back_pain", "fever"], options={"onset": "sudden"}, unknown=["smoking"])
    )
    assert v.mode == "simulated"
    assert v.patient == Patient(
        present=frozenset({"low_back_pain", "fever"}),
        options=(("onset", "sudden"),),
        unknown=frozenset({"smoking"}),
    )
    assert v.patient.findings == {"low_back_pain", "fever", "onset", "smoking"}
    # any one of the three keys makes a simulated patient, even an empty list
    [empty] = parse_vignettes(_one(unknown=[]))
    assert empty.mode == "simulated" and empty.patient == Patient()


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"present": "fever"}, "present: expected a list of finding ids"),
        ({"unknown": [1]}, "unknown: expected a list of finding ids"),
        ({"options": ["onset"]}, "options: expected a mapping finding id -> option id"),
        ({"present": ["fever"], "unknown": ["fever"]}, "unknown: 'fever' is also in present"),
        ({"present": ["fever", "fever"]}, "present: 'fever' is also in present"),
    ],
)
def test_bad_simulated_patients(over: dict[str, object], message: str) -> None:
    with pytest.raises(VignetteFileError) as info:
        parse_vignettes(_one(**over), "cases.yaml")
    assert f"cases.yaml: vignettes[0] (A1): {message}" in str(info.value)


@pytest.mark.skipif(not DEV.is_file(), reason="shared/ vignettes not beside the checkout")
def test_loads_the_shared_development_file() -> None:
    vignettes = load_vignettes(DEV)
    assert len(vignettes) >= 10
    assert all(v.triage is None or v.triage in v.triage_ok for v in vignettes)
    assert {v.mode for v in vignettes} == {"parse-only"}


@pytest.mark.skipif(not SIMULATED_DEV.is_file(), reason="shared/ vignettes not beside the checkout")
def test_loads_the_shared_simulated_file() -> None:
    vignettes = load_vignettes(SIMULATED_DEV)
    assert vignettes and {v.mode for v in vignettes} == {"simulated"}
    assert all(v.patient is not None and v.patient.present for v in vignettes)


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"sex": "woman"}, "sex: expected 'female' or 'male'"),
        ({"age": "forty"}, "age: expected whole years"),
        ({"age": 200}, "age: expected whole years"),
        ({"text": ""}, "text: missing or empty"),
        ({"triage": "soonish"}, "triage: 'soonish' is not one of"),
        ({"triage_ok": ["routine"]}, "triage_ok: must include triage 'self_care'"),
        ({"dx": None, "triage": None}, "needs dx, triage, or both"),
        ({"dx": ["M5"]}, "shorter than 3 characters"),
        ({"id": None}, "id: missing"),
        ({"age": 0, "age_months": 14}, "age_months: expected whole months matching age"),
        ({"age": 1, "age_months": "six"}, "age_months: expected whole months matching age"),
    ],
)
def test_bad_vignettes_name_the_vignette_and_the_key(over: dict[str, object], message: str) -> None:
    with pytest.raises(VignetteFileError) as info:
        parse_vignettes(_one(**over), "cases.yaml")
    text = str(info.value)
    assert message in text
    assert "cases.yaml: vignettes[0]" in text


def test_every_problem_is_listed_and_duplicates_are_caught() -> None:
    data = {
        "version": 1,
        "vignettes": [
            {"id": "X", "age": 30, "sex": "male", "text": "a", "triage": "routine"},
            {"id": "X", "age": 30, "sex": "male", "text": "b", "triage": "routine"},
            {"id": "Y", "age": -1, "sex": "male", "text": "c", "triage": "routine"},
        ],
    }
    with pytest.raises(VignetteFileError) as info:
        parse_vignettes(data, "f.yaml")
    assert len(info.value.problems) == 2
    assert "duplicate of vignettes[0]" in str(info.value)
    assert "vignettes[2] (Y): age" in str(info.value)


def test_file_level_errors(tmp_path: Path) -> None:
    with pytest.raises(VignetteFileError, match="file not found"):
        load_vignettes(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nvignettes: [\n", encoding="utf-8")
    with pytest.raises(VignetteFileError, match=r"not valid YAML \(line"):
        load_vignettes(bad)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("version: 2\nvignettes: []\n", encoding="utf-8")
    with pytest.raises(VignetteFileError, match="version: expected 1"):
        load_vignettes(wrong)
    empty = tmp_path / "empty.yaml"
    empty.write_text("version: 1\nvignettes: []\n", encoding="utf-8")
    with pytest.raises(VignetteFileError, match="non-empty list"):
        load_vignettes(empty)


def test_a_babys_age_in_months_is_read_and_checked() -> None:
    base = {"id": "B1", "age": 0, "sex": "male", "text": "my baby has a cough", "triage": "urgent"}
    (v,) = parse_vignettes({"version": 1, "vignettes": [{**base, "age_months": 7}]})
    assert v.age_months == 7
    (older,) = parse_vignettes({"version": 1, "vignettes": [{**base, "age": 2}]})
    assert older.age_months is None
    for months in (14, -1, "six", True):
        with pytest.raises(VignetteFileError, match="age_months"):
            parse_vignettes({"version": 1, "vignettes": [{**base, "age_months": months}]})
