"""Denials that point back at a finding just named: "nothing like that now", "I haven't had
that", "it hasn't happened", "mine is fine".

A finding is often named first as a question, a worry, a past episode or someone else's
illness ("What should I do if I get numbness around my bottom?", "Fainted once as a
teenager", "My sister's bladder went"), and only then denied for the person now, by a phrase
that names nothing itself. :func:`denied_by_reference` turns each such earlier mention of a
current complaint, in the same or the sentence before, into a denial.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from symptomatic.language.result import Mention

# a denial of what was just said, that names nothing itself
_BACK_REFERENCE = re.compile(
    r"\b(?:nothing|none|no(?:thing)?\s+sign)\s+(?:like\s+(?:that|this|it)|of\s+(?:that|those|them|"
    r"these|this))\b"
    r"|\b(?:have|has|had|do|does|did|have\s+not|has\s+not|had\s+not)(?:n'?t)?\s+(?:not\s+)?"
    r"(?:had|got|noticed|felt|seen)\s+(?:that|those|any\s+of\s+(?:that|those|them|these)|"
    r"anything\s+like\s+(?:that|this|it))\b"
    r"|\b(?:it|that|this|those)\s+(?:has|have|had)(?:n'?t|\s+not)\s+(?:ever\s+)?happened\b"
    r"|\bnever\s+(?:had|got|noticed|felt)\s+(?:that|those|anything\s+like\s+(?:that|this|it))\b"
    r"|\bnot\s+(?:had|got|noticed)\s+(?:that|those|any\s+of\s+(?:that|those|them))\b"
    # "Are tightenings every 10 minutes normal? I haven't had any yet."
    r"|\b(?:have|has|had)(?:n'?t|\s+not)\s+(?:had|got|noticed|felt|seen)\s+(?:any|one)"
    r"(?=\s*(?:yet|so\s+far|at\s+all|myself|though|[.,;!]|$|\s+but))",
    re.I,
)
# the person's own is fine, after someone else's was named ("Mine is fine", "mine hasn't")
_MINE = re.compile(
    r"\bmine(?:'s|\s+is|\s+are|\s+has\s+been|\s+feels?)\s+(?:fine|ok|okay|normal|all\s+right|"
    r"alright|good)\b|\bmine\s+(?:has|have|is|are|does|do|did|was|were)(?:n'?t|\s+not)\b",
    re.I,
)
# the person has none of what someone else was said to have ("My husband has diabetes and
# kidney stones, I've got neither", "Mum had cancer but I haven't", "not me though")
_NEITHER = re.compile(
    r"\b(?:i'?ve|i\s+have|i'?m|i\s+am|i)\s+(?:got\s+|had\s+|have\s+)?(?:neither|none)\b"
    r"|\bi\s+(?:do|have|did)(?:n'?t|\s+not)\s+(?:have\s+|got\s+|had\s+)?"
    r"(?:either|any|neither)(?:\s+of\s+(?:them|those|these|that))?\b"
    r"|\bneither\s+(?:do|have|am)\s+i\b|\bbut\s+i\s+(?:have|do|did)(?:n'?t|\s+not)\b"
    r"|\bi\s+(?:have|do|did|am)(?:n'?t|\s+not)(?:\s+though)?(?=\s*(?:[.,;!]|$))"
    r"|\bnot\s+me\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;\n]+")
# the writer as the subject just before a back-reference ("I haven't had any of that")
_WRITER_BEFORE = re.compile(r"\b(?:i|i'?ve|i'?m|i'?d|me|myself)\s*(?:'?ve\s*)?$", re.I)


def writer_denies_by_reference(text: str) -> bool:
    """True when the writer denies, for themself, what was just named ("My husband had
    bloody diarrhoea last week. I haven't had any of that"): the writer then speaks of their
    own symptoms, and the other person's are not a proxy report's."""
    for m in _BACK_REFERENCE.finditer(text):
        if _WRITER_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            return True
    return any(True for _ in _NEITHER.finditer(text))


def _sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text))]


def denied_by_reference(
    text: str, mentions: Sequence[Mention], is_current: Callable[[str], bool]
) -> list[Mention]:
    """Denials of the findings a back-reference points at (see the module doc).

    A mention is pointed at when it is in the same sentence as the reference or the one
    before, comes before it, is of a current complaint (``is_current(finding_id)``), says
    ``present``, and does not count as the person's now (asked about, hypothetical, over, or
    another person's; for "mine ...", another person's only). A finding the text states
    elsewhere as the person's now is left alone.
    """
    refs = [(m.start(), False) for m in _BACK_REFERENCE.finditer(text)]
    refs += [(m.start(), True) for m in _MINE.finditer(text)]
    refs += [(m.start(), True) for m in _NEITHER.finditer(text)]
    if not refs:
        return []
    starts = _sentence_starts(text)
    stated = {m.finding_id for m in mentions if m.counts}
    out: dict[str, Mention] = {}
    for pos, mine in refs:
        k = max(i for i, s in enumerate(starts) if s <= pos)
        lo = starts[max(0, k - 1)]
        for m in mentions:
            if not (lo <= m.start < pos) or m.value not in ("present", "absent") or m.counts:
                continue
            if mine and not m.family:
                continue
            # another person's history or risk is denied for the person too ("neither")
            if m.finding_id in stated or m.finding_id in out:
                continue
            if not (mine or is_current(m.finding_id)):
                continue
            out[m.finding_id] = replace(
                m,
                value="absent",
                negated=True,
                historical=False,
                hypothetical=False,
                uncertain=False,
                family=False,
                counts=True,
                source="reference",
            )
    return list(out.values())


# a place said to be fine on its own: "legs fine", "both legs are normal", "legs working fine"
_PLACE_FINE = re.compile(
    r"\b(?:(?:my|his|her|both(?:\s+my)?|the)\s+)?(?P<place>legs)\s*:?\s+(?:are\s+|feel\s+|seem\s+|"
    r"'re\s+|both\s+)?(?:absolutely\s+|totally\s+|completely\s+|totally\s+)?(?:fine|ok|okay|"
    r"normal|good|all\s+right|alright|working\s+(?:fine|ok|normally))\b",
    re.I,
)


def place_said_fine(
    text: str, mentions: Sequence[Mention], system_findings: dict[str, Sequence[str]]
) -> list[Mention]:
    """Denials of every finding of a place's body system when the place is said to be fine
    on its own ("None of that, legs fine"): only when nothing about that place was said in
    the same sentence or the one before ("My legs are fine, no weakness" denies only the
    weakness; "If my leg goes numb ...? Legs are normal" denies nothing), and not for a finding
    said elsewhere. A denial said before the place sums up to it ("No tingling, legs fine"
    denies every finding of the legs)."""
    out: list[Mention] = []
    starts = _sentence_starts(text)
    for m in _PLACE_FINE.finditer(text):
        fids = system_findings.get(m.group("place").lower(), ())
        k = max(i for i, s in enumerate(starts) if s <= m.start())
        lo = starts[max(0, k - 1)]
        hi = starts[k + 1] if k + 1 < len(starts) else len(text)
        # a denial of the place's own finding said near it ("legs are fine, no weakness"); a
        # word that denies more than the place's findings ("no numbness anywhere") is not one
        near = any(
            x.finding_id in fids
            and lo <= x.start < hi
            and (x.start >= m.end() or x.value != "absent")
            and not m.start() <= x.start < m.end()
            and not any(y.start == x.start and y.finding_id not in fids for y in mentions)
            for x in mentions
        )
        said = {x.finding_id for x in mentions}
        if near:
            continue
        for fid in fids:
            if fid not in said:
                out.append(Mention.stated(text, fid, "absent", m.start(), m.end(), "reference"))
    return out


# the pain said not to be on one side: "not one-sided", "not one side more than the other",
# "right across my tummy", "across the whole of my lower back"
_NOT_ONE_SIDE = re.compile(
    r"\bnot\s+(?:on\s+|just\s+|only\s+)?(?:one|1)[\s-]*sided?\b"
    r"|\bno(?:t|\s+more)\s+(?:on\s+)?one\s+side\s+(?:more\s+)?than\s+the\s+other\b"
    r"|\bright\s+across\b|\ball\s+across\b|\bacross\s+(?:my|the|her|his)\s+whole\b"
    r"|\b(?P<both>(?:on\s+)?both\s+sides)\b",
    re.I,
)
_BELLY_WORDS = re.compile(
    r"\b(?:tummy|belly|stomach|abdo\w*|pelvi\w*|womb|suprapubic|ovar\w*)\b", re.I
)
_BACK_WORDS = re.compile(r"\b(?:back|lumbar|lbp|spine|buttocks?|bum|sacr\w*|sij)\b", re.I)


def not_one_sided(
    text: str, mentions: Sequence[Mention], belly: str | None, back: str | None
) -> list[Mention]:
    """A denial of the one-sided finding of the region the sentence is about (``belly``: the
    one-sided low tummy pain, ``back``: the one-sided pain over the back of the pelvis) when
    the pain is said not to be on one side; none for a finding said elsewhere in the text."""
    out: list[Mention] = []
    said = {m.finding_id for m in mentions}
    starts = _sentence_starts(text)
    for m in _NOT_ONE_SIDE.finditer(text):
        k = max(i for i, s in enumerate(starts) if s <= m.start())
        sentence = text[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(text)]
        if m.group("both"):
            # "pain low on both sides": of the belly; both sides of the back are the loins
            fid = None if _BACK_WORDS.search(sentence) else belly
        else:
            fid = (
                belly
                if _BELLY_WORDS.search(sentence)
                else back
                if _BACK_WORDS.search(sentence) or _BACK_WORDS.search(text)
                else None
            )
        if fid is None or fid in said or any(o.finding_id == fid for o in out):
            continue
        out.append(Mention.stated(text, fid, "absent", m.start(), m.end(), "reference"))
    return out


# a pain denied without naming a place: "doesn't hurt", "painless", "not sore"
_PAINLESS = re.compile(
    r"\b(?:does|do|did|is|has)(?:n'?t|\s+not)\s+(?:really\s+|even\s+|actually\s+)?"
    r"(?:hurt|hurting|ache|sore|painful|tender)\b|\bpainless\b|\bnot\s+(?:really\s+|at\s+all\s+)?"
    r"(?:painful|sore|tender)\b|\bno\s+pain\s+(?:at\s+all|with\s+it)\b",
    re.I,
)


def painless_swelling(
    text: str, mentions: Sequence[Mention], pain_of: dict[str, str]
) -> list[Mention]:
    """A denial of the pain of a place whose swelling is said painless in the same sentence
    ("my testicle has got bigger, doesn't hurt at all"); ``pain_of`` maps a swelling finding to
    the pain finding of the same place."""
    out: list[Mention] = []
    said = {m.finding_id for m in mentions}
    starts = _sentence_starts(text)
    for p in _PAINLESS.finditer(text):
        k = max(i for i, s in enumerate(starts) if s <= p.start())
        lo = starts[k]
        hi = starts[k + 1] if k + 1 < len(starts) else len(text)
        for m in mentions:
            pain = pain_of.get(m.finding_id)
            if (
                pain is None
                or pain in said
                or m.value != "present"
                or not lo <= m.start < hi
                or any(o.finding_id == pain for o in out)
            ):
                continue
            out.append(Mention.stated(text, pain, "absent", p.start(), p.end(), "reference"))
    return out
