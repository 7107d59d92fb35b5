"""SNOMED CT identifier checks: digits, length, partition and Verhoeff check digit."""

from __future__ import annotations

import pytest

from symptomatic.kb.codes import snomed_concept_problem, verhoeff_is_valid


@pytest.mark.parametrize(
    "sctid",
    [
        "22298006",  # myocardial infarction (disorder)
        "279039007",  # low back pain (finding)
        "404684003",  # clinical finding (the top of the hierarchy)
        "999000011000000103",  # an 18-digit, namespaced concept id (partition 10)
    ],
)
def test_well_formed_concept_ids_pass(sctid: str) -> None:
    assert snomed_concept_problem(sctid) is None


@pytest.mark.parametrize(
    ("sctid", "problem"),
    [
        ("22298007", "check digit"),  # one digit off
        ("22928006", "check digit"),  # two digits swapped: Verhoeff catches transpositions
        ("12345", "5 digits"),
        ("1234567890123456789", "19 digits"),
        ("0279039007", "leading zero"),
        ("2790390O7", "not all digits"),
        ("", "not all digits"),
        ("279039017", "partition '01'"),  # a description id's partition
    ],
)
def test_malformed_ids_are_explained(sctid: str, problem: str) -> None:
    found = snomed_concept_problem(sctid)
    assert found is not None and problem in found


def test_verhoeff_reference_example() -> None:
    # The textbook example: the check digit of 236 is 3.
    assert verhoeff_is_valid("2363")
    assert not any(verhoeff_is_valid(f"236{d}") for d in "012456789")
