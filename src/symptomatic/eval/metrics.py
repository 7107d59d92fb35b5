"""Scoring of vignette results, exactly as ``shared/vignettes/FORMAT.md`` defines it.

>>> codes_match("M48.06", ["M48.0"]), codes_match("N20", ["N20.0"]), codes_match("M5", ["M54"])
(True, True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from symptomatic.kb.schema import CareLevel
from symptomatic.triage.levels import rank

MIN_PREFIX = 3


def _norm(code: str) -> str:
    return code.strip().upper().replace(".", "")


def codes_match(code: str, gold: Iterable[str]) -> bool:
    """True when ``code`` starts with a gold code or a gold code starts with it.

    Dots are ignored and the shorter code must have at least 3 characters.
    """
    c = _norm(code)
    for g in map(_norm, gold):
        short = min(len(c), len(g))
        if short >= MIN_PREFIX and (c.startswith(g) or g.startswith(c)):
            return True
    return False


def is_under_triage(level: CareLevel, ok: Sequence[CareLevel]) -> bool:
    """Advice less urgent than every acceptable level (unsafe)."""
    return all(rank(level) < rank(o) for o in ok)


def is_over_triage(level: CareLevel, ok: Sequence[CareLevel]) -> bool:
    """Advice more urgent than every acceptable level."""
    return all(rank(level) > rank(o) for o in ok)


@dataclass(frozen=True)
class Shown:
    """One condition shown: its probability, and whether it matches the gold dx."""

    probability: float
    correct: bool


@dataclass(frozen=True)
class Scored:
    """What the metrics need from one run vignette.

    ``shown`` lists the conditions shown, most probable first (empty when none was shown).
    """

    has_dx: bool
    triage: CareLevel | None  # gold
    triage_ok: tuple[CareLevel, ...]
    predicted: CareLevel
    questions: int
    shown: tuple[Shown, ...] = ()

    @property
    def rank(self) -> int | None:
        """1-based rank of the first shown condition matching the dx; None without a match."""
        if not self.has_dx:
            return None
        return next((i for i, s in enumerate(self.shown, 1) if s.correct), None)


@dataclass(frozen=True)
class Summary:
    """File-level figures; fractions in 0-1, None where there is nothing to score."""

    n: int
    top1: float | None
    top3: float | None
    top5: float | None
    triage_exact: float | None
    triage_acceptable: float | None
    under_triage: float | None
    over_triage: float | None
    emergency_sensitivity: float | None
    mean_questions: float | None

    def as_dict(self) -> dict[str, float | int | None]:
        """The summary as a plain dict, keys in the documented order."""
        return {
            "n": self.n,
            "top1": self.top1,
            "top3": self.top3,
            "top5": self.top5,
            "triage_exact": self.triage_exact,
            "triage_acceptable": self.triage_acceptable,
            "under_triage": self.under_triage,
            "over_triage": self.over_triage,
            "emergency_sensitivity": self.emergency_sensitivity,
            "mean_questions": self.mean_questions,
        }


def _share(hits: Iterable[bool]) -> float | None:
    values = list(hits)
    return sum(values) / len(values) if values else None


def summarise(cases: Sequence[Scored]) -> Summary:
    """The file's figures from its scored vignettes.

    Top-k counts over vignettes with ``dx``; triage figures over vignettes with ``triage``;
    emergency sensitivity over vignettes whose gold triage is ``emergency``.
    """
    dx = [c for c in cases if c.has_dx]
    tri = [c for c in cases if c.triage is not None]
    emerg = [c for c in tri if c.triage is CareLevel.EMERGENCY]

    def top(k: int) -> float | None:
        return _share(c.rank is not None and c.rank <= k for c in dx)

    return Summary(
        n=len(cases),
        top1=top(1),
        top3=top(3),
        top5=top(5),
        triage_exact=_share(c.predicted == c.triage for c in tri),
        triage_acceptable=_share(c.predicted in c.triage_ok for c in tri),
        under_triage=_share(is_under_triage(c.predicted, c.triage_ok) for c in tri),
        over_triage=_share(is_over_triage(c.predicted, c.triage_ok) for c in tri),
        emergency_sensitivity=_share(c.predicted is CareLevel.EMERGENCY for c in emerg),
        mean_questions=(sum(c.questions for c in cases) / len(cases)) if cases else None,
    )
