"""A complaint said by its place alone: "my back is on fire", "fed up with the back".

People describe back pain in endless ways ("my back is on fire", "it's only my back",
"felt something go in my back", "lying down makes my back feel better") that no list of
phrases can hold. In a text that names no back complaint otherwise, the person's back
spoken of as a body part *is* the complaint: :func:`bare_place_matches` returns a match of
the finding the knowledge base reads for "back pain" at that word, and the context step then
decides whether it is denied, hypothetical or someone else's, as for any other phrase.

It is not the complaint when the word is a place for something else: "lying on my back",
"at the back", "the back of my thigh", "upper back", "mid back", "between the shoulder
blades", "under the ribs at the back" (the flank), "back passage", "came back" (again).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from symptomatic.language.lexicon import Entry, Lexicon
from symptomatic.language.matching import Match, match_words

# words before "back" that make it the person's back
_OWNERS = frozenset(["my", "his", "her", "their", "your", "the", "our", "'s", "s"])
# the word before the owner that makes "back" a position or another region's part
_NOT_BEFORE_OWNER = frozenset(
    [
        "on",
        "at",
        "upper",
        "mid",
        "middle",
        "top",
        "from",
        "behind",
        "across",
        "off",
        "flat",
        "round",
        "around",
        "through",
        "for",
        "to",
    ]
)
# the word right before "back" that makes it another part of the back
_NOT_BEFORE = frozenset(["upper", "mid", "middle", "top", "thoracic", "lower", "low", "small"])
# the word after "back" that makes it something else
_NOT_AFTER = frozenset(
    ["of", "passage", "to", "home", "again", "then", "later", "in", "up", "down",
     "out", "off", "on", "into", "round", "around", "forth", "pain", "ache", "aches", "brace",
     "support", "teeth", "garden", "door", "seat", "street", "yard", "/",
     # "my back went" says how it began; the fixture pack reads only the onset there
     "went"]
)  # fmt: skip
# in the same sentence, these put the pain somewhere other than the low back
_ELSEWHERE = re.compile(
    r"shoulder[\s-]*blade|thoracic|upper\s+back|mid[\s-]*back|middle\s+of\s+(?:my|the|his|her)"
    r"\s+back|\bribs?\b|neck|\bside\b|\bloins?\b|\bkidneys?\b",
    re.I,
)
# stiffness said without pain is its own finding ("my back is stiff every morning")
_STIFF = re.compile(r"\bstiff", re.I)
_PAIN = re.compile(
    r"\b(pain\w*|hurt\w*|ache[sd]?|aching|achy|sore\w*|agony|killing|twinge\w*|throb\w*|"
    r"burn\w*|fire|spasm\w*)\b",
    re.I,
)


# a back pain put above the low back, or at the flank ("side at the back", "under the ribs"),
# or a pain from the front going through to the back (the aorta, the pancreas)
_NOT_LOW = re.compile(
    r"shoulder[\s-]*blade|\bthoracic\b|upper\s+back|\bmid[\s-]*back|middle\s+of\s+(?:my|the|his|"
    r"her)\s+back|\b(?:side|ribs|loin)\b.{0,20}\bat\s+the\s+back\b|\bunder\s+(?:my|the|her|his)\s+"
    r"ribs\b|\bthrough\s+to\s+(?:my|the|his|her)\s+back\b",
    re.I,
)
_LOW_WORDS = re.compile(r"\b(?:low|lower|lumbar|lumbosacral|lbp|bottom|base|coccyx|tailbone)", re.I)


def not_low_back(
    entry: Entry | None,
    words: Sequence[str],
    found: Sequence[Match],
    sentence_of: Sequence[tuple[int, int]],
) -> list[Match]:
    """``found`` without the matches of ``entry``'s finding that the sentence places higher up
    the back or at the flank ("back pain between the shoulder blades", "mid back pain",
    "my back hurts on the left under my ribs"), unless the match itself says low."""
    if entry is None:
        return list(found)
    out = []
    for m in found:
        if m.entry.finding_id == entry.finding_id and m.entry.value == "present":
            lo, hi = sentence_of[m.start]
            said = " ".join(words[m.start : m.end])
            if _NOT_LOW.search(" ".join(words[lo:hi])) and not _LOW_WORDS.search(said):
                continue
        out.append(m)
    return out


def back_pain_entry(lexicon: Lexicon) -> Entry | None:
    """The lexicon entry the words "back pain" match (the knowledge base's back complaint)."""
    found = match_words(lexicon, ["back", "pain"], [0, 1])
    found = [m for m in found if m.entry.value == "present" and not m.entry.system]
    return found[0].entry if found else None


def bare_place_matches(
    entry: Entry | None,
    words: Sequence[str],
    found: Sequence[Match],
    sentence_of: Sequence[tuple[int, int]],
) -> list[Match]:
    """At most one match of ``entry`` at a bare "back" of ``words`` (see the module doc).

    ``found`` are the matches already made; none is added when one of them is of ``entry``'s
    finding or covers the word. ``sentence_of[i]`` is the (start, end) of word ``i``'s sentence.
    """
    if entry is None or any(m.entry.finding_id == entry.finding_id for m in found):
        return []
    low = [w.lower() for w in words]
    for i, w in enumerate(low):
        if w not in ("back", "backs", "bak"):
            continue
        if any(m.start <= i < m.end for m in found):
            continue
        prev = low[i - 1] if i else ""
        prev2 = low[i - 2] if i > 1 else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        at_start = not prev or not re.search(r"[a-z0-9]", prev)
        if prev in _NOT_BEFORE or nxt in _NOT_AFTER:
            continue
        if nxt == "and" and i + 2 < len(low) and low[i + 2] == "forth":
            continue
        if prev in _OWNERS:
            if prev2 in _NOT_BEFORE_OWNER:
                continue
        elif not (at_start and nxt in ("'s", "is", "has", "was", "feels", "hurts", "still")):
            continue
        lo, hi = sentence_of[i]
        sentence = " ".join(words[lo:hi])
        if _ELSEWHERE.search(sentence) or (_STIFF.search(sentence) and not _PAIN.search(sentence)):
            continue
        return [Match(entry, i, i + 1, 0, False)]
    return []


# a side said of the belly or pelvis is not the flank ("left side of my lower tummy")
_BELLY = frozenset(
    ["tummy", "belly", "stomach", "abdomen", "abdominal", "abdo", "pelvis", "pelvic",
     "ovary", "ovaries", "womb", "bladder", "iliac", "suprapubic"]
)  # fmt: skip
# nor is a side said of the chest ("sharp pain on the left side of his chest")
_CHEST = frozenset(["chest", "breastbone", "sternum"])
_FLANK_PLACE = frozenset(
    ["back", "loin", "loins", "kidney", "kidneys", "rib", "ribs", "flank", "renal", "spine"]
)
_PAIN_WORD = re.compile(r"pain|ach|hurt|sore|agony|tender|stab|throb|cramp")
_PUNCT = frozenset([",", ".", ";", "!", "?", ":", "(", ")"])


def side_entry(lexicon: Lexicon) -> str | None:
    """The finding the words "pain in my side" match (the flank), if any."""
    found = match_words(lexicon, ["pain", "in", "my", "side"], [0, 1, 2, 3])
    found = [m for m in found if m.entry.value == "present" and not m.entry.system]
    return found[0].entry.finding_id if found else None


def not_the_flank(flank: str | None, words: Sequence[str], found: Sequence[Match]) -> list[Match]:
    """``found`` without matches of the ``flank`` finding whose "side" is the side of the belly
    or pelvis, or of the chest, named in the same clause ("pain on the left side of my lower
    tummy", "lower tummy pain both sides", "left-sided pelvic pain", "the left side of his
    chest"), or the front ("under my ribs at the front"), when the clause names no place of the
    flank."""
    if flank is None:
        return list(found)
    low = [w.lower() for w in words]
    out = []
    for m in found:
        if m.entry.finding_id == flank and any(
            low[i].startswith(("side", "rib")) for i in range(m.start, m.end)
        ):
            lo = m.start
            while lo > 0 and low[lo - 1] not in _PUNCT:
                lo -= 1
            hi = m.end
            while hi < len(low) and low[hi] not in _PUNCT:
                hi += 1
            clause = set(low[lo:hi])
            # "pain on my right side low down": the side low down is the belly's
            low_down = any(
                low[i] in ("low", "lower") and i + 1 < hi and low[i + 1] == "down"
                for i in range(lo, hi)
            )
            sides = [i for i in range(m.start, m.end) if low[i].startswith("side")]
            # "lower left side", "left lower side": the low side is the tummy's
            low_side = any(
                low[j] in ("low", "lower")
                for i in sides
                for j in range(max(lo, i - 2), i)
                if all(low[k] in ("low", "lower", "left", "right") for k in range(j, i))
            )
            if low_side and not clause & _FLANK_PLACE - {"rib", "ribs"}:
                continue
            # "earache on the left side and my lower back hurts": the side is the ear's
            if (
                sides
                and any(low[k] == "and" for k in range(sides[0], m.end))
                and not any(_PAIN_WORD.match(low[k]) for k in range(m.start, sides[0]))
            ):
                continue
            if (
                clause & (_BELLY | _CHEST) or "front" in clause or low_down
            ) and not clause & _FLANK_PLACE - {
                "rib",
                "ribs",
            }:
                continue  # "under my right ribs at the front" is the upper tummy
        out.append(m)
    return out


def upper_belly_entry(lexicon: Lexicon) -> str | None:
    """The finding the words "pain in my upper tummy" match, if any."""
    found = match_words(lexicon, ["pain", "in", "my", "upper", "tummy"], [0, 1, 2, 3, 4])
    found = [m for m in found if m.entry.value == "present" and not m.entry.system]
    return found[0].entry.finding_id if found else None


def not_the_upper_belly(
    upper: str | None, words: Sequence[str], found: Sequence[Match]
) -> list[Match]:
    """``found`` without matches of the ``upper`` tummy finding said by the ribs when the clause
    puts the pain at the back ("under my ribs at the back", "my back hurts under my ribs")."""
    if upper is None:
        return list(found)
    low = [w.lower() for w in words]
    out = []
    for m in found:
        if m.entry.finding_id == upper and any(
            low[i].startswith("rib") for i in range(m.start, m.end)
        ):
            lo = m.start
            while lo > 0 and low[lo - 1] not in _PUNCT:
                lo -= 1
            hi = m.end
            while hi < len(low) and low[hi] not in _PUNCT:
                hi += 1
            if {"back", "loin", "loins", "kidney"} & set(low[lo:hi]):
                continue
            # "an ache in my right side under the ribs": the side, not the tummy, unless the
            # clause names the tummy or the front
            if {"side", "sides"} & set(low[lo:hi]) and not (
                _BELLY | {"front", "middle", "centre", "center"}
            ) & set(low[lo:hi]):
                continue
        out.append(m)
    return out


def the_low_backs_low(
    back: Entry | None, words: Sequence[str], found: Sequence[Match]
) -> list[Match]:
    """``found`` without matches of other findings that took the "lower" of "lower back" as
    their own ("lower back and right side hurting" is not a lower right tummy pain, "both
    sides of my lower back" not the flanks)."""
    if back is None:
        return list(found)
    low = [w.lower() for w in words]
    out = []
    for m in found:
        i = m.start
        if (
            m.entry.finding_id != back.finding_id
            and low[i] in ("low", "lower")
            and i + 1 < len(low)
            and low[i + 1] in ("back", "bak")
            and m.end > i + 2
        ):
            continue  # the match starts with the low back's "lower" and goes on past it
        out.append(m)
    return out
