"""Period timing: "my last period was seven weeks ago", "I haven't had a period for two months".

How long ago the last period was is a number, not a phrase, so no synonym can say it. The
parser reads the gap here and gives it to the pack's own late-period finding: the finding
whose name or synonyms say "late period" or "missed period" (nothing here names a finding).
A gap of five weeks or more is late; a gap of a year or more is the menopause, which packs
describe in their own words ("no periods for years").

>>> [round(g.days) for g in find_period_gaps("My last period was seven weeks ago.")]
[49]
>>> [round(g.days) for g in find_period_gaps("I haven't had a period for two months")]
[60]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from symptomatic.language.durations import _NUM, _UNIT, _number, _unit_days

# a cycle longer than 35 days is outside the usual range: the period is late
LATE_AFTER_DAYS = 35.0
# a year without periods is the menopause (or a condition the pack names), not a late period
MENOPAUSE_DAYS = 365.0

_APPROX = r"(?:(?:about|around|roughly|nearly|almost|over|more\s+than|at\s+least|a\s+good)\s+)*"
_PERIOD = r"(?:menstrual\s+)?(?:period|menstruation|menses|bleed|time\s+of\s+the\s+month)"
_LAST = re.compile(
    rf"\b(?:(?:last|previous|latest)\s+{_PERIOD}|lmp)\s+(?:was|started|came|began|ended|finished|"
    rf"stopped|'s|is)?\s*(?:on\s+)?{_APPROX}{_NUM}\s+{_UNIT}\s+ago\b",
    re.I,
)
_NONE_FOR = re.compile(
    rf"\b(?:(?:have|has)\s*(?:n't|not|nt)|haven't|hasn't|havent|hasnt|not|no|without(?:\s+a)?)"
    rf"\s+(?:had\s+|seen\s+|come\s+|been\s+)?(?:a\s+|my\s+|any\s+)?{_PERIOD}s?\s+"
    rf"(?:for|in)\s+(?:the\s+)?(?:(?:last|past)\s+)?{_APPROX}{_NUM}\s+{_UNIT}\b",
    re.I,
)
_NO_PERIOD_SINCE_AGO = re.compile(
    rf"\b{_PERIOD}\s+(?:has\s*n't|hasn't|hasnt|has\s+not|did\s*n't|didn't|didnt|did\s+not)\s+"
    rf"(?:come|arrived|started|turned\s+up)\s+(?:for|in)\s+{_APPROX}{_NUM}\s+{_UNIT}\b",
    re.I,
)
# phrases that make the gap expected or someone else's
_NOT_LATE = re.compile(
    r"\b(pregnan\w*|menopaus\w*|the\s+change|coil|implant|injection|pill|contracepti\w*|"
    r"hysterectomy|breast\s*feeding|breastfeeding|daughter|sister|mum|mother|if|when\s+i\s+was)\b",
    re.I,
)

LATE_PERIOD_WORDS = re.compile(r"\b(late|missed|overdue)\s+(menstrual\s+)?period\b", re.I)


@dataclass(frozen=True)
class PeriodGap:
    """Days since the last period as stated in the text, with the phrase's character span."""

    days: float
    start: int
    end: int
    text: str

    @property
    def late(self) -> bool:
        """True when the gap is long enough for the period to be late but short of a year."""
        return LATE_AFTER_DAYS <= self.days < MENOPAUSE_DAYS


def find_period_gaps(text: str) -> list[PeriodGap]:
    """Every stated gap since the last period, in text order.

    A gap in a sentence that explains it (pregnancy, menopause, contraception) or is about
    someone else or hypothetical is left out. Returns an empty list when none is stated.
    """
    gaps: list[PeriodGap] = []
    for rx in (_LAST, _NONE_FOR, _NO_PERIOD_SINCE_AGO):
        for m in rx.finditer(text):
            lo = max(text.rfind(c, 0, m.start()) for c in ".!?;\n")
            hi_candidates = [i for i in (text.find(c, m.end()) for c in ".!?;\n") if i >= 0]
            sentence = text[lo + 1 : min(hi_candidates, default=len(text))]
            if _NOT_LATE.search(sentence):
                continue
            days = _number(m.group("num")) * _unit_days(m.group("unit"))
            gaps.append(PeriodGap(days, m.start(), m.end(), m.group(0)))
    return sorted(gaps, key=lambda g: g.start)


def is_late_period_finding(name: str, synonyms: Sequence[str]) -> bool:
    """True for a finding that means a late or missed period, judged by its own words."""
    return any(LATE_PERIOD_WORDS.search(s) for s in [name, *synonyms])
