"""Measurements stated in free text: blood-pressure readings, pulse rates and temperatures.

"BP 232/134", "my blood pressure was 195 over 110", "top number 165, bottom 98", "pulse 38",
"HR 112", "heart rate of 150", "a steady beat about 180 bpm". A finding with a ``reading:``
block in its pack (:class:`symptomatic.kb.schema.Reading`) is set from them: present when a
number crosses its limit, absent when the numbers it needs are stated and none does. The
limits are pack data; this module only finds the numbers. A reading in a question ("is
190/100 too high?") or a supposition ("if it goes over 180") states nothing.

>>> [(r.measure, r.values) for r in find_readings("The home monitor says 184/96.")]
[('blood_pressure', (184, 96))]
>>> [(r.measure, r.values) for r in find_readings("Paramedic said her pulse was 38.")]
[('pulse', (38,))]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from symptomatic.kb import KnowledgeBase
from symptomatic.kb.schema import Finding, Reading
from symptomatic.language.result import Mention

# limits of a plausible reading: anything else is a date, a score or a count
_SYSTOLIC = (70, 300)
_DIASTOLIC = (30, 200)
_RATE = (20, 300)

_BP_WORD = (
    r"(?:\bbp\b|blood[- ]?pressure|\bpressure\b|\breadings?\b|\bmonitor\b|\bmachine\b|\bsystolic\b)"
)
# "184/96", "184 / 96", "195 over 110" (the latter only where a BP word is said)
_SLASH = re.compile(r"(?<![\d/.])(\d{2,3})\s*/\s*(\d{2,3})(?![\d/]|\s*(?:mg|ml|mcg|kg)\b)")
_OVER = re.compile(r"(?<![\d/.])(\d{2,3})\s+over\s+(\d{2,3})(?![\d/])", re.I)
# "upper"/"lower" of a body part ("lower back ache, temp 99.1F") name no blood pressure; a
# number with a decimal or a degree sign is a temperature
_NOT_BP_PLACE = (
    r"(?!\s+(?:back|tummy|belly|abdo\w*|stomach|pelvis|spine|body|legs?|arms?|limbs?|chest|"
    r"lip|jaw|teeth|half|part|left|right|side|end|bowel|bum|rib|ribs|quadrant|abdominal)\b)"
)
_NOT_TEMP = r"(?![\d.]|\s*(?:°|degrees?\b|f\b|c\b))"
_TOP = re.compile(
    r"\b(?:top|upper|systolic)" + _NOT_BP_PLACE + r"(?:\s+(?:number|one|reading|figure))?"
    r"[^\d.;!?]{0,50}?(\d{2,3})\b" + _NOT_TEMP,
    re.I,
)
_BOTTOM = re.compile(
    r"\b(?:bottom|lower|diastolic)" + _NOT_BP_PLACE + r"(?:\s+(?:number|one|reading|figure))?"
    r"[^\d.;!?]{0,50}?(\d{2,3})\b" + _NOT_TEMP,
    re.I,
)
# "over 180 on top", "120 on the bottom"
_TOP_AFTER = re.compile(r"(?<![\d/.])(\d{2,3})\s+(?:on|for|at)\s+(?:the\s+)?top\b", re.I)
_BOTTOM_AFTER = re.compile(r"(?<![\d/.])(\d{2,3})\s+(?:on|for|at)\s+(?:the\s+)?bottom\b", re.I)
# "pulse 38", "pulse was 38", "pulse is irregular around 130", "HR 112", "heart rate of 150",
# "heart beating at 160"; the number within a few words of the pulse word
# "over 150", "under 50", ">150": the rate is only bounded on one side
_BOUND = (
    r"(?:(?P<bound>over|above|more\s+than|greater\s+than|higher\s+than|under|below|less\s+than|"
    r"lower\s+than|>=?|<=?|≥|≤)\s*)?"
)
_PULSE = re.compile(
    r"\b(?:pulse|heart[- ]?rate|hr|heart ?beat|heart (?:is )?beating|beat)\b"
    r"(?:\s+(?!over\b|under\b|below\b|above\b)[a-z',]+){0,4}?\s*:?\s*(?:of|at|around|about|~)?\s*"
    + _BOUND
    + r"(\d{2,3})\b(?!\s*/)",
    re.I,
)
# "38 bpm", "150 beats a minute", "over 150 beats a minute"
_RATE_UNIT = re.compile(
    _BOUND + r"\b(\d{2,3})\s*(?:bpm|beats?\s*(?:a|per|/)\s*min(?:ute)?)\b", re.I
)
_ABOVE = frozenset([">", ">=", "≥", "over", "above", "more than", "greater than", "higher than"])
#: how far a bounded rate may lie from its number: (lowest, highest) added to it
_OPEN = 10**6
_SUPPOSED = re.compile(r"^\W*(?:if|what if|should|would|could|is|are|does|do)\b", re.I)
# a measured temperature: after a word for it ("temp of 38.9", "T 38.1", "pyrexial 38.2",
# "thermometer says 38.2") or a bare reading with its decimal ("shivery with 38.7")
_TEMPERATURE = re.compile(
    r"\b(?:temp(?:erature)?s?|temprature|fever|pyrexi(?:al|a)|febrile|t|thermometer\s+says|"
    r"reading)(?:'s)?\b(?:\s+(?:was|is|of|at|reading|reads|read|up\s+to|now|normal|been|"
    r"around|about|went\s+up\s+to|=|:|,))*\s*(?P<v>\d{2,3}(?:\.\d)?)(?![\d/.])"
    r"(?!\s*(?:weeks?|days?|hours?|mins?|minutes|kg|mg|ml|mm|cm|%|bpm|x\b))"
    r"|(?<![\d./])(?P<bare>(?:3[4-9]|4[0-3])\.\d)(?![\d/])"
    r"(?=\s*(?:°|c\b|degrees|on\b|and\b|this\b|today|last\b|since\b|now\b|at\b|[,.;!?)]|$))",
    re.I,
)
# a threshold said before a number ("if it goes above 38") is no reading
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:if|over|above|below|under|more\s+than|less\s+than|reaches|hits|higher\s+than|"
    r"lower\s+than|bmi|weight|hb|crp|score|gets\s+to|goes\s+to)\b[^.,;]*$",
    re.I,
)
#: plausible body temperatures, in degrees Celsius and Fahrenheit
_CELSIUS = (34.0, 44.0)
_FAHRENHEIT = (93.0, 111.0)


@dataclass(frozen=True)
class Measurement:
    """One reading in the text: ``values`` are (systolic, diastolic) for blood pressure, with
    None where one number is not said, (rate,) for a pulse, or (degrees Celsius,) for a
    temperature; ``start``/``end`` its span."""

    measure: str
    values: tuple[float | None, ...]
    start: int
    end: int
    #: "over 150", "under 50" (a pulse): the number bounds the rate, (lowest, highest) it may be
    bounds: tuple[int, int] | None = None


def _in(value: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"[.!?\n]+(?=\s|$)", text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _stated(sentence: str) -> bool:
    """False for a question or a supposition: it states no reading."""
    return not (sentence.rstrip().endswith("?") or _SUPPOSED.match(sentence))


def _celsius(value: float) -> float | None:
    """A body temperature in degrees Celsius, from Celsius or Fahrenheit; None if neither."""
    if _CELSIUS[0] <= value < _CELSIUS[1]:
        return value
    if _FAHRENHEIT[0] <= value < _FAHRENHEIT[1]:
        return round((value - 32) * 5 / 9, 2)
    return None


def _temperatures(text: str, start: int, sentence: str) -> list[Measurement]:
    out = []
    for m in _TEMPERATURE.finditer(sentence):
        group = "v" if m.group("v") else "bare"
        if _THRESHOLD_BEFORE.search(sentence, max(0, m.start() - 30), m.start(group)):
            continue
        degrees = _celsius(float(m.group(group)))
        if degrees is not None:
            out.append(Measurement("temperature", (degrees,), start + m.start(), start + m.end()))
    return out


def find_readings(text: str) -> list[Measurement]:
    """The blood-pressure readings, pulse rates and temperatures stated in ``text``, in text
    order."""
    out: list[Measurement] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or e <= a for s, e in taken)

    for start, end in _sentences(text):
        sentence = text[start:end]
        if not _stated(sentence):
            continue
        bp_word = re.search(_BP_WORD, sentence, re.I) is not None
        for pattern, needs_word in ((_SLASH, False), (_OVER, True)):
            for m in pattern.finditer(sentence):
                high, low = int(m.group(1)), int(m.group(2))
                if needs_word and not bp_word:
                    continue
                if _in(high, _SYSTOLIC) and _in(low, _DIASTOLIC) and high > low:
                    a, b = start + m.start(), start + m.end()
                    out.append(Measurement("blood_pressure", (high, low), a, b))
                    taken.append((a, b))
        top = _TOP_AFTER.search(sentence) or _TOP.search(sentence)
        bottom = _BOTTOM_AFTER.search(sentence) or _BOTTOM.search(sentence)
        if top or bottom:
            high_v = int(top.group(1)) if top and _in(int(top.group(1)), _SYSTOLIC) else None
            low_v = (
                int(bottom.group(1)) if bottom and _in(int(bottom.group(1)), _DIASTOLIC) else None
            )
            spans = [m.span(1) for m in (top, bottom) if m]
            a, b = start + min(s for s, _ in spans), start + max(e for _, e in spans)
            if (high_v or low_v) and free(a, b):
                out.append(Measurement("blood_pressure", (high_v, low_v), a, b))
                taken.append((a, b))
        for pattern in (_PULSE, _RATE_UNIT):
            for m in pattern.finditer(sentence):
                rate = int(m.group(2))
                a, b = start + m.start(2), start + m.end(2)
                if _in(rate, _RATE) and free(a, b):
                    out.append(
                        Measurement("pulse", (rate,), start + m.start(), b, _bounds(m, rate))
                    )
                    taken.append((a, b))
        out.extend(t for t in _temperatures(text, start, sentence) if free(t.start, t.end))
    out.sort(key=lambda r: r.start)
    return out


def _bounds(m: re.Match[str], rate: int) -> tuple[int, int] | None:
    """(lowest, highest) rate a bounded number allows ("over 150": 151 up), else None."""
    word = m.group("bound")
    if not word:
        return None
    word = " ".join(word.lower().split())
    strict = word not in (">=", "≥", "<=", "≤")
    if word in _ABOVE:
        return (rate + strict, _OPEN)
    return (-_OPEN, rate - strict)


def _crosses(kind: int, value: float, limit: float) -> bool:
    return value >= limit if kind == 0 else value > limit if kind == 1 else value < limit


def answer(reading: Reading, values: Sequence[float | None]) -> str | None:
    """``present``/``absent`` for a finding's ``reading`` limits and the stated ``values``,
    or None when the numbers needed are not stated."""
    for limits, kind in ((reading.at_least, 0), (reading.above, 1), (reading.below, 2)):
        if not limits:
            continue
        pairs = list(zip(values, limits, strict=False))
        if any(v is not None and _crosses(kind, v, lim) for v, lim in pairs):
            return "present"
        if len(pairs) == len(limits) and all(v is not None for v, _ in pairs):
            return "absent"
    return None


def reading_findings(kb: KnowledgeBase) -> tuple[Finding, ...]:
    """The findings of ``kb`` that a measurement can set."""
    return tuple(f for f in kb.findings.values() if f.reading is not None)


def reading_mentions(
    findings: Sequence[Finding], text: str, applies: Callable[[str], bool]
) -> list[Mention]:
    """One mention per finding and reading in ``text`` that sets it (source ``reading``)."""
    if not findings:
        return []
    out: list[Mention] = []
    for r in find_readings(text):
        for f in findings:
            assert f.reading is not None
            if f.reading.measure != r.measure or not applies(f.id):
                continue
            if r.bounds is None:
                value = answer(f.reading, r.values)
            else:
                # the answer only when every rate the bound allows gives it
                lowest, highest = (answer(f.reading, (v,)) for v in r.bounds)
                value = lowest if lowest == highest else None
            if value is not None:
                out.append(Mention.stated(text, f.id, value, r.start, r.end, "reading"))
    return out
