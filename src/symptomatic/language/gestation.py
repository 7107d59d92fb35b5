"""Weeks of pregnancy: "I'm 33 weeks", "28 weeks and baby's hardly moved", "10/40".

A pregnancy is often stated only by its length, without the word "pregnant". The parser reads
the gestation here and gives it to the pack's own findings, chosen by their names (nothing
here names a finding): the yes/no finding whose name starts "Pregnan" and says no length,
and the one whose name gives a range of weeks holding the gestation ("under 12 weeks").

>>> [g.weeks for g in find_gestations("I'm 33 weeks and my back aches")]
[33.0]
>>> [g.weeks for g in find_gestations("G2P1, 10/40, c/o cramping")]
[10.0]
>>> find_gestations("back pain for 3 weeks")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symptomatic.language.durations import _NUM, _number

# "I'm 33 weeks", "she is 26 weeks with her second", "33 weeks pregnant", "5 months pregnant",
# "28 weeks and baby's ...", "at 30 weeks", "10/40" (weeks of forty)
_WEEKS = [
    re.compile(
        rf"\b(?:i'm|i\s+am|im|she's|she\s+is|now|at|currently|(?:wife|partner|girlfriend)(?:'s|\s+is))\s+(?:about\s+|nearly\s+|almost\s+)?"
        rf"{_NUM}(?:\+\d)?\s+(?P<unit>weeks?|months?)\b(?!\s+(?:ago|now|of|since))",
        re.I,
    ),
    re.compile(rf"^\s*{_NUM}\s+(?P<unit>weeks?),?\s+(?:and|with|pregnant|gone)\b", re.I | re.M),
    # "Pregnant 16 weeks", "pregnant, about 20 weeks"
    re.compile(
        rf"\bpregnant,?\s+(?:about\s+|nearly\s+|almost\s+)?{_NUM}(?:\+\d)?\s+(?P<unit>weeks?)\b",
        re.I,
    ),
    # a sentence opening with a late gestation: "38 weeks, contractions every 4 minutes", "25
    # weeks. Baby kicking away" (a stop after it: the next sentence is about the pregnancy)
    re.compile(
        r"(?:^|[.!?]\s+)(?P<num>(?:1[3-9]|[23]\d|4[0-2]))(?:\+\d)?\s+(?P<unit>weeks?)(?:,|\.(?=[^.]*\b(?:baby|braxton|"
        r"tightenings?|contractions?|kicking|movements?|waters|midwife|bump|pregnan\w*)\b))",
        re.I | re.M,
    ),
    re.compile(rf"\b{_NUM}(?:\+\d)?\s+(?P<unit>weeks?|months?)\s+(?:pregnant|gone|along)\b", re.I),
]
_FORTIETHS = re.compile(r"(?<![\d/])(?P<num>\d{1,2})(?:\+\d)?/40(?![\d/])")
_NOT_NOW = re.compile(r"\b(if|when\s+i\s+was|last\s+time|with\s+my\s+(?:first|last))\b", re.I)


@dataclass(frozen=True)
class Gestation:
    """A stated length of pregnancy in ``weeks``, with the phrase's character span."""

    weeks: float
    start: int
    end: int
    text: str


def find_gestations(text: str) -> list[Gestation]:
    """Every stated gestation in ``text`` (1 to 42 weeks), in text order.

    A phrase in a sentence about another time ("when I was 30 weeks with my first") or a
    hypothetical is left out.
    """
    out: list[Gestation] = []
    for rx in _WEEKS:
        for m in rx.finditer(text):
            unit = m.group("unit").lower()
            weeks = _number(m.group("num")) * (4.3 if unit.startswith("month") else 1.0)
            if all(m.end() <= g.start or m.start() >= g.end for g in out):
                out.append(Gestation(weeks, m.start(), m.end(), m.group(0)))
    for m in _FORTIETHS.finditer(text):
        out.append(Gestation(float(m.group("num")), m.start(), m.end(), m.group(0)))
    kept = []
    for g in out:
        lo = max(text.rfind(c, 0, g.start) for c in ".!?;\n")
        if 1 <= g.weeks <= 42 and not _NOT_NOW.search(text[lo + 1 : g.start]):
            kept.append(g)
    return sorted(kept, key=lambda g: g.start)
