"""The language tests' one way to read a sentence of their own: parse it as of a fixed day (a
Monday, so that "since Saturday" always means the same) and keep the evidence."""

from __future__ import annotations

from datetime import date

from symptomatic.kb import KnowledgeBase
from symptomatic.language import parse

TODAY = date(2026, 12, 7)  # a Monday


def ev(kb: KnowledgeBase, text: str, age: int | None = None) -> dict[str, str]:
    return parse(kb, text, age=age, today=TODAY).to_evidence()


def has(got: dict[str, str], want: dict[str, str | None]) -> bool:
    """True when ``got`` says each finding of ``want`` as ``want`` does (None: not said)."""
    return {k: got.get(k) for k in want} == want
