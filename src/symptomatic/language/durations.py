"""How long something has gone on: "for three weeks", "since March", "four days ago".

Durations are measured in days and mapped onto the options of a pack's ``duration`` finding by
reading the option labels ("Less than 6 weeks", "6 weeks to 3 months", "More than 3 months").

>>> [round(d.days) for d in find_durations("My back has hurt for three weeks.")]
[21]
>>> bands_from_label("6 weeks to 3 months")
(42.0, 90.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


def _words(text: str) -> list[str]:
    return text.split()


UNIT_DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "night": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.0,
    "year": 365.0,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "thirty": 30,
    "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 4, "half a": 0.5,
    "a half": 0.5, "many": 6, "some": 3,
}  # fmt: skip
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        _words(
            "january february march april may june july august september october november december"
        )
    )
}
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
# a weekday's index (Monday 0) by its name or the short forms notes use ("fall on Sat")
_DAY_INDEX = {
    **{d: i for i, d in enumerate(WEEKDAYS)},
    **{d: i for i, ds in enumerate(["mon", "tue tues", "wed weds", "thu thur thurs", "fri", "sat",
                                    "sun"]) for d in ds.split()},
    # common slips of the longer names ("sinse saterday")
    **{d: i for i, ds in enumerate(["monady", "tuseday teusday tusday",
                                    "wensday wednsday wedensday wenesday wednesay",
                                    "thrusday thursdy", "firday",
                                    "saterday satuday saturdy", "sundy"]) for d in ds.split()},
}  # fmt: skip
_DAY_RX = "|".join(sorted(_DAY_INDEX, key=len, reverse=True))

_NUM = (
    r"(?P<num>\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len)[::-1]) + r")"
)
_UNIT = r"(?P<unit>minute|min|hour|day|night|week|fortnight|month|year|hr|wk|yr|mo)s?"
# abbreviations people write ("2 wks", "5 yrs ago", "20 mins ago")
_ABBREVIATIONS = {"hr": "hour", "wk": "week", "yr": "year", "mo": "month", "min": "minute"}
_COUNTED = re.compile(
    rf"\b(?:for|over|in|during|past|last|about|around|nearly|almost|roughly|than|of|since)\s+"
    rf"(?:the\s+)?(?:(?:past|last|about|around|nearly|almost|over|roughly|more\s+than|well|just|like|"
    rf"less\s+than|a\s+good)\s+)*{_NUM}(?:\s+or\s+(?:so|two|three))?\s+{_UNIT}\b",
    re.I,
)
#: A counted time right after one of these words is the length or spacing of an episode
#: ("after ten minutes of walking", "within an hour", "every two hours"), not how long the
#: complaint has lasted.
_EPISODE_BEFORE = re.compile(
    r"\b(?:after|within|every|each)\s*(?:(?:about|around|nearly|almost|roughly|over)\s+)*$", re.I
)
#: "came on gradually over a few days", "crept up over a few weeks": how fast it began, not how
#: long it has lasted
_ONSET_BEFORE = re.compile(
    r"\b(?:came\s+on|come\s+on|crept\s+up|crept|built\s+up|gradually|slowly|steadily|"
    r"developed)\b[^.,;!?]{0,25}$",
    re.I,
)
# "back pain 2 weeks", "pelvic pain 4 months", "R iliac fossa pain 18h": a count right after the
# complaint, as in notes
_AFTER_COMPLAINT = re.compile(
    rf"\b(?:pain|ache|aches|aching|backache|lbp|sciatica|back|discomfort|twinges?)\s+(?:x\s*)?{_NUM}\s*"
    rf"(?P<unit>minute|hour|day|night|week|fortnight|month|year|hr|h|wk|yr|mo)s?\b(?!\s+ago)",
    re.I,
)
# a count standing alone between stops, as notes and terse texts give it ("pain left lower
# side, 48h", "LBP. 3 weeks.", "about 10 days now.")
_STANDALONE = re.compile(
    rf"(?:(?<=[,;:.!?-])|^)\s*(?:(?:it'?s\s+)?(?:been\s+)?(?:going\s+on\s+)?)"
    rf"(?:(?:about|around|approx\.?|roughly|nearly|almost|over|maybe)\s+)?"
    rf"{_NUM}\s*(?P<unit>minute|hour|day|night|week|fortnight|month|year|hr|h|wk|yr|mo|d|w)s?"
    r"(?:\s+(?:now|so\s+far|and\s+counting|in\s+total|total))?(?=\s*(?:[,;.!?]|$))",
    re.I,
)
_SHORT_UNITS = {"h": "hour", "d": "day", "w": "week"}
# a note's "x" for how long ("D&V x 12 hrs", "cough x3 days", "abdo pain x 2/7" is a fraction)
_TIMES_X = re.compile(
    rf"(?<![\w/])x\s*{_NUM}\s*(?P<unit>minute|hour|day|night|week|fortnight|month|year|hr|h|wk|"
    r"yr|mo|d|w)s?\b(?!\s+ago)",
    re.I,
)
# the day of the illness it is: "2nd day", "the third day of this", "day 4" (not of a period
# or a cycle)
_NTH_DAY = re.compile(
    r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>second|third|fourth|fifth|sixth))\s+day\b"
    r"(?!\s+(?:of|in)\s+(?:my|the|her|a)\s+(?:period|cycle|antibiotics|course|tablets))"
    r"|\bday\s+(?P<n2>\d{1,2})\b(?!\s*(?:of|in)\s+(?:my|the|her|a)\s+(?:period|cycle|"
    r"antibiotics|course|tablets))",
    re.I,
)
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_AGO = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b", re.I)
# "a 3-day history of", "8 months of low back pain", "ten weeks now with this back",
# "about 3 weeks now": a counted time said of what follows or as how long so far
_OF = re.compile(
    rf"\b{_NUM}(?:\s+and\s+a\s+half)?(?:\s+|-){_UNIT}(?:'s?)?\s+(?:history|hx|of|now)\b", re.I
)
# "I've had this back pain 3 weeks": a count straight after what was had, no preposition
_HAD = re.compile(
    rf"\b(?:had|been)\b(?:\s+(?!for\b|over\b|since\b|in\b|about\b|around\b)[\w']+){{0,4}}?"
    rf"\s+{_NUM}\s+{_UNIT}\b(?!\s+ago)",
    re.I,
)
# clinical shorthand: "2/7" days, "5/52" weeks, "4/12" months (not "10/40", a gestation)
_FRACTION = re.compile(r"(?<![\d/])(?P<num>\d{1,2})/(?P<of>7|52|12)(?![\d/])")
_FRACTION_DAYS = {"7": 1.0, "52": 7.0, "12": 30.0}
_ON_DAY = re.compile(
    r"\b(?:on|last|started|began|begun|sin[cs]e)\s+(?P<day>" + _DAY_RX + r")\b\.?(?!\s*\d)", re.I
)
_BARE = re.compile(r"\bfor\s+(?:the\s+(?:past|last)\s+)?(?P<unit>day|week|month|year)s\b", re.I)
#: "weeks and weeks", "months upon months", "for weeks on end": the speaker stresses that it
#: is long, longer than a bare "for weeks"; read as "many" of the unit (as "for many weeks")
_REPEATED = re.compile(
    r"\b(?:for\s+)?(?P<unit>day|week|month|year)s\s+(?:(?:and|upon|after)\s+(?P=unit)s\b|on\s+end\b)",
    re.I,
)
_MOST_OF = re.compile(
    r"\b(?:most|much|all|half)\s+of\s+(?:a|the|this|last)\s+(?P<unit>year|month|week)\b", re.I
)
_SINCE_MONTH = re.compile(
    r"\bsince\s+(?:(?:about|around|roughly|approximately|approx|maybe)\s+)?"
    r"(?:the\s+)?(?:early[-\s]+|mid[-\s]+|late[-\s]+|last\s+)?(?P<month>"
    + "|".join(MONTHS)
    + r")\b",
    re.I,
)
# days of the year people date things from: (month, day); Easter and Thanksgiving move
_FIXED_DAYS = {
    "halloween": (10, 31),
    "bonfire night": (11, 5),
    "christmas": (12, 25),
    "new year": (1, 1),
    "valentine's day": (2, 14),
}
_SINCE_DAY_OF_YEAR = re.compile(
    r"\b(?:ever\s+)?since\s+(?:last\s+)?(?P<name>halloween|bonfire\s+night|christmas|new\s+year|"
    r"valentine'?s\s+day|easter|thanksgiving)\b",
    re.I,
)
_MONTH_ALT = "|".join(MONTHS)
_ORD = r"(?P<dom>[0-3]?\d)(?:st|nd|rd|th)"
# "since the 20th of November", "since the 2nd", "from November 20th": a date this month or
# the month named, counted back from today
_SINCE_DATE = re.compile(
    rf"\b(?:since|from|started\s+on|began\s+on|on)\s+"
    rf"(?:(?:about|around|roughly|approximately|approx|maybe|possibly)\s+)?(?:the\s+)?"
    rf"(?:{_ORD}(?:\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_ALT}))?|(?P<month2>{_MONTH_ALT})\s+(?:the\s+)?(?P<dom2>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?)\b",
    re.I,
)
# "since the end of October", "since the first week of November", "start of September"
_SINCE_PART_OF_MONTH = re.compile(
    rf"\b(?:since|from)\s+(?:the\s+)?(?P<part>start|beginning|begining|early|middle|mid|end|"
    rf"late|first\s+week|second\s+week|third\s+week|last\s+week)\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_ALT})\b",
    re.I,
)
# "since the start of the month", "from the beginning of this week": counted from today
_SINCE_START_OF_THIS = re.compile(
    r"\b(?:since|from)\s+(?:the\s+)?(?:start|beginning|begining)\s+of\s+(?:the|this)\s+"
    r"(?P<unit>week|month|year)\b",
    re.I,
)
_PART_DAY = {"start": 2, "beginning": 2, "begining": 2, "early": 5, "first week": 4,
    "second week": 11, "middle": 15, "mid": 15, "third week": 18, "late": 25, "end": 28,
    "last week": 27}  # fmt: skip
# "since the summer", "since last spring": the middle of the latest such season
_SEASONS = {"spring": (4, 15), "summer": (7, 15), "autumn": (10, 15), "fall": (10, 15),
    "winter": (1, 15)}  # fmt: skip
_SINCE_SEASON = re.compile(
    r"\b(?:since|from|over)\s+(?:the\s+|last\s+|this\s+)?(?P<season>spring|summer|autumn|fall|"
    r"winter)\b(?!\s+(?:from|off|on|onto|down|out|of|in|at|over|when|while))"
    r"|\blast\s+(?P<season2>spring|summer|autumn|fall|winter)\b",
    re.I,
)
# "a bit of tummy ache today", "my side hurts today": a pain said with "today" began today
_PAIN_TODAY = re.compile(
    r"\b(?:ache|aches|aching|pain|pains|hurts|hurting|sore|cramps|cramping)\s+(?P<t>today)\b",
    re.I,
)
_REMEMBRANCE = re.compile(r"\bsince\s+(?:last\s+)?remembrance\s+(?:sunday|day)\b", re.I)
_SINCE_DAY = re.compile(r"\bsin[cs]e\s+(?:last\s+)?(?P<day>" + _DAY_RX + r")\b", re.I)
# "since the Monday before last", "on the Friday before last": a week before the last one
_DAY_BEFORE_LAST = re.compile(
    r"\b(?:since|on|from)\s+(?:the\s+)?(?P<day>" + _DAY_RX + r")\s+before\s+last\b",
    re.I,
)
_RELATIVE = {
    re.compile(r"\b(?:since|from)\s+(?:this\s+(?:morning|afternoon|evening)|today)\b", re.I): 0.3,
    re.compile(
        r"\b(?:started|began|begun|came\s+on|come\s+on|kicked\s+in|woke\s+me)\s+"
        r"(?:\w+\s+){0,2}?(?:this\s+(?:morning|afternoon|evening)|today|tonight)\b",
        re.I,
    ): 0.3,
    re.compile(r"\b(?:an?|one|few|couple\s+of)\s+hours?\s+ago\b|\bsince\s+an?\s+hour\b", re.I): 0.1,
    re.compile(r"\b(?:since\s+)?yesterday\b", re.I): 1.0,
    # last night is hours ago, within the last day
    re.compile(r"\b(?:since\s+)?last\s+night\b", re.I): 0.6,
    re.compile(r"\bthis\s+morning\b", re.I): 0.3,
    # "woke up at 5am with ...", "today I've got ...": today
    re.compile(r"\bwoke\s+(?:up\s+)?(?:at\s+(?:about\s+|around\s+)?\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b",
               re.I): 0.3,
    re.compile(r"\btoday\s+(?:i've|i\s+have|i'm|i\s+am|i\s+got|i\s+woke|it\s+started|it's\s+started|"
               r"it\s+came\s+on|out\s+of\s+nowhere)\b", re.I): 0.3,
    re.compile(r"\bthis\s+(?:afternoon|evening)\b|\bsince\s+(?:lunchtime|lunch|teatime|tea\s+time)\b",
               re.I): 0.3,
    re.compile(r"\bsince\s+(?:about\s+|around\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)|[0-2]\d[0-5]\d)\b",
               re.I): 0.3,
    re.compile(r"\bthis\s+week\b", re.I): 4.0,
    re.compile(r"\b(?:for|over|in)\s+the\s+(?:past|last)\s+week\b", re.I): 7.0,
    re.compile(r"\b(?:for|over|in)\s+the\s+(?:past|last)\s+month\b", re.I): 30.0,
    re.compile(r"\b(?:for|over|in)\s+the\s+(?:past|last)\s+year\b", re.I): 365.0,
    re.compile(r"\b(?:since|over|at)\s+the\s+weekend\b|\b(?:since\s+)?last\s+weekend\b", re.I): 4.0,
    re.compile(r"\b(?:since\s+)?last\s+week\b", re.I): 7.0,
    re.compile(r"\b(?:since\s+)?last\s+month\b", re.I): 30.0,
    re.compile(r"\bsince\s+last\s+year\b", re.I): 180.0,
    re.compile(r"\bfor\s+ages\b|\bfor\s+a\s+long\s+time\b|\bdonkey'?s\s+years\b", re.I): 120.0,
}  # fmt: skip


@dataclass(frozen=True)
class Duration:
    """A length of time stated in the text: ``days``, and where it was said ``[start, end)``."""

    days: float
    start: int
    end: int
    text: str


def _unit_days(unit: str) -> float:
    unit = unit.lower()
    return UNIT_DAYS[_ABBREVIATIONS.get(unit, unit)]


def _easter(year: int) -> date:
    """Easter Sunday of ``year`` (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    x = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * x) // 451
    month, day = divmod(h + x - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _day_of_year(name: str, year: int) -> date:
    name = re.sub(r"\s+", " ", name.lower())
    if name == "easter":
        return _easter(year)
    if name == "thanksgiving":  # the fourth Thursday of November
        first = date(year, 11, 1)
        return date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)
    month, day = _FIXED_DAYS[name.replace("valentines", "valentine's")]
    return date(year, month, day)


def _remembrance(year: int) -> date:
    first = date(year, 11, 1)
    return date(year, 11, 1 + (6 - first.weekday()) % 7 + 7)


def _date_back(today: date, month: int | None, dom: int) -> date | None:
    """The latest date on or before ``today`` with day ``dom`` (of ``month``, else any month)."""
    if not 1 <= dom <= 31:
        return None
    candidates = []
    for back in range(0, 13):
        y, mth = divmod(today.year * 12 + today.month - 1 - back, 12)
        if month is not None and mth + 1 != month:
            continue
        try:
            when = date(y, mth + 1, dom)
        except ValueError:
            continue
        if when <= today:
            candidates.append(when)
            break
    return candidates[0] if candidates else None


def _number(word: str) -> float:
    word = re.sub(r"\s+", " ", word.lower())
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    return float(word)


def find_durations(text: str, today: date | None = None) -> list[Duration]:
    """Every duration stated in ``text``, in order of appearance (overlaps removed).

    ``today`` anchors "since March"; defaults to the current date.
    """
    today = today or date.today()
    found: list[Duration] = []

    def add(days: float, m: re.Match[str]) -> None:
        found.append(Duration(days, m.start(), m.end(), m.group(0)))

    for rx in (_COUNTED, _AGO, _OF, _HAD):
        for m in rx.finditer(text):
            if _EPISODE_BEFORE.search(text, 0, m.start()):
                continue  # "after five minutes of walking": how long an episode takes
            if m.group(0).lower().startswith("over") and _ONSET_BEFORE.search(text, 0, m.start()):
                continue  # "came on gradually over a few days": how fast it began
            half = 0.5 if "half" in m.group(0).lower() and rx is _OF else 0.0
            add((_number(m.group("num")) + half) * _unit_days(m.group("unit")), m)
    for m in _STANDALONE.finditer(text):
        unit = _SHORT_UNITS.get(m.group("unit").lower(), m.group("unit"))
        if m.group("num").lower() in ("a", "an", "some", "many"):
            continue  # "a day.", "some weeks": not a count standing alone
        add(_number(m.group("num")) * _unit_days(unit), m)
    for m in _NTH_DAY.finditer(text):
        n = m.group("n") or m.group("n2")
        add(float(n) if n else float(_NTH[m.group("w").lower()]), m)
    for m in _TIMES_X.finditer(text):
        unit = _SHORT_UNITS.get(m.group("unit").lower(), m.group("unit"))
        add(_number(m.group("num")) * _unit_days(unit), m)
    for m in _AFTER_COMPLAINT.finditer(text):
        unit = "hour" if m.group("unit").lower() == "h" else m.group("unit")
        add(_number(m.group("num")) * _unit_days(unit), m)
    for m in _FRACTION.finditer(text):
        add(float(m.group("num")) * _FRACTION_DAYS[m.group("of")], m)
    for m in _ON_DAY.finditer(text):
        back = (today.weekday() - _DAY_INDEX[m.group("day").lower()]) % 7 or 7
        add(float(back), m)
    for m in _SINCE_DAY_OF_YEAR.finditer(text):
        when = _day_of_year(m.group("name"), today.year)
        if when > today:
            when = _day_of_year(m.group("name"), today.year - 1)
        add(float(max((today - when).days, 1)), m)
    for m in _BARE.finditer(text):
        # "for weeks" / "for months": a few of them
        add(3 * _unit_days(m.group("unit")), m)
    for m in _REPEATED.finditer(text):
        add(NUMBER_WORDS["many"] * _unit_days(m.group("unit")), m)
    for m in _MOST_OF.finditer(text):
        add(0.75 * _unit_days(m.group("unit")), m)
    for m in _SINCE_MONTH.finditer(text):
        month = MONTHS[m.group("month").lower()]
        months_back = (today.month - month) % 12 or 12
        add(30.0 * months_back, m)
    for m in _SINCE_DATE.finditer(text):
        dom = int(m.group("dom") or m.group("dom2"))
        name = m.group("month") or m.group("month2")
        when = _date_back(today, MONTHS[name.lower()] if name else None, dom)
        if when is not None:
            add(float(max((today - when).days, 1)), m)
    for m in _SINCE_START_OF_THIS.finditer(text):
        unit = m.group("unit").lower()
        back = {"week": today.weekday(), "month": today.day - 1,
                "year": today.timetuple().tm_yday - 1}[unit]  # fmt: skip
        add(float(max(back, 1)), m)
    for m in _SINCE_PART_OF_MONTH.finditer(text):
        part = re.sub(r"\s+", " ", m.group("part").lower())
        when = _date_back(today, MONTHS[m.group("month").lower()], _PART_DAY[part])
        if when is not None:
            add(float(max((today - when).days, 1)), m)
    for m in _SINCE_SEASON.finditer(text):
        month, dom = _SEASONS[(m.group("season") or m.group("season2")).lower()]
        when = _date_back(today, month, dom)
        if when is not None:
            add(float(max((today - when).days, 1)), m)
    for m in _REMEMBRANCE.finditer(text):
        # the second Sunday of November
        year = today.year if today >= _remembrance(today.year) else today.year - 1
        add(float(max((today - _remembrance(year)).days, 1)), m)
    for m in _DAY_BEFORE_LAST.finditer(text):
        back = (today.weekday() - _DAY_INDEX[m.group("day").lower()]) % 7 or 7
        add(float(back + 7), m)
    for m in _SINCE_DAY.finditer(text):
        back = (today.weekday() - _DAY_INDEX[m.group("day").lower()]) % 7 or 7
        add(float(back), m)
    for m in _PAIN_TODAY.finditer(text):
        found.append(Duration(0.3, m.start("t"), m.end("t"), m.group("t")))
    for rx, days in _RELATIVE.items():
        for m in rx.finditer(text):
            add(days, m)
    # longest first, then drop any that overlaps one already kept
    kept: list[Duration] = []
    for d in sorted(found, key=lambda d: (-(d.end - d.start), d.start)):
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: d.start)


_LABEL_AMOUNT = re.compile(rf"{_NUM}\s*{_UNIT}", re.I)


def _amounts(label: str) -> list[float]:
    """Amounts in a label, in days; "1 to 6 weeks" gives the unit to the bare first number."""
    out = [
        _number(m.group("num")) * _unit_days(m.group("unit")) for m in _LABEL_AMOUNT.finditer(label)
    ]
    shared = re.search(rf"\b(?P<a>\d+(?:\.\d+)?)\s*(?:-|–|to|and)\s*{_NUM}\s*{_UNIT}", label, re.I)
    if shared and len(out) == 1:
        out.insert(0, float(shared.group("a")) * _unit_days(shared.group("unit")))
    return out


def bands_from_label(label: str) -> tuple[float, float] | None:
    """The ``[low, high)`` range of days an option label describes, or None if unreadable."""
    low_words = re.search(r"\b(less|under|up to|within|fewer|shorter|below)\b", label, re.I)
    high_words = re.search(
        r"\b(more|over|longer|at least|or more|or longer|above|plus|beyond)\b", label, re.I
    )
    amounts = _amounts(label)
    if re.search(r"\btoday\b|\bhours\b", label, re.I) and not amounts:
        return (0.0, 1.0)
    if len(amounts) >= 2:
        return (min(amounts), max(amounts))
    if len(amounts) == 1:
        if low_words and not high_words:
            return (0.0, amounts[0])
        if high_words:
            return (amounts[0], float("inf"))
    return None


def option_for(days: float, labels: dict[str, str]) -> str | None:
    """The option id whose label's range holds ``days`` (lower bound inclusive), or None.

    Labels counted in whole units leave gaps ("1 to 3 days", "4 days to 2 weeks"): a time in
    such a gap (3 days, 3.5 days) is in the band below it, which runs to the end of its last
    day.

    >>> option_for(3, {"a": "1 to 3 days", "b": "4 days to 2 weeks"})
    'a'
    """
    bands = {oid: bands_from_label(label) for oid, label in labels.items()}
    for oid, band in bands.items():
        if band is not None and band[0] <= days < band[1]:
            return oid
    below = [(band[1], oid) for oid, band in bands.items() if band is not None and band[1] <= days]
    above = [band[0] for band in bands.values() if band is not None and band[0] > days]
    if below and above and days < max(below)[0] + 1 <= min(above) + 1e-9:
        return max(below)[1]
    return None
