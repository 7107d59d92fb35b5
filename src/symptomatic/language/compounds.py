"""Findings stated by two things said together: a pack's ``compounds``.

Some findings are never named in one phrase. "Nurofen, paracetamol - nothing touches it" says
"not helped by painkillers" through a painkiller and a failure said in one sentence; "my
periods finished at 50 and now I've seen some blood" says "bleeding after the menopause"
through two findings. A pack lists such compounds in its ``synonyms.yaml``: each part is a
named word list (``parts:``, matched by the lexicon but meaningless alone) or a finding said
present (and counting) in the sentence.

>>> # compounds: [{finding: otc_no_relief, parts: [painkiller, no_effect]}]  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from symptomatic.kb import KnowledgeBase
from symptomatic.language.durations import Duration
from symptomatic.language.matching import Match
from symptomatic.language.result import Mention


def compound_mentions(
    kb: KnowledgeBase,
    doc: Any,
    part_matches: Sequence[Match],
    mentions: Sequence[Mention],
    applies: Callable[[str], bool],
    durations: Sequence[Duration] = (),
) -> list[Mention]:
    """One mention per compound whose parts are all said in one sentence of ``doc``.

    ``part_matches`` are the lexicon's matches of part words (token spans); ``mentions`` the
    findings already read (a finding part needs a counting ``present`` mention in the
    sentence, a ``denied`` finding a counting ``absent`` one, an ``unless`` finding none
    present anywhere); ``applies(finding_id)`` says
    whether the finding applies to the person; ``durations`` the lengths of time said in the
    text, for compounds that need one (``lasting_days``).
    Returns the new mentions (value = the compound's answer), spanning their parts; an
    overruling compound's have the source ``overruling`` (see :func:`taken_back`).
    """
    if not kb.compounds:
        return []
    days_of: dict[tuple[int, int], float] = {}  # a length of time's span -> its days
    # sentence start (token) -> part id -> character span
    sentence_of = {t.i: t.sent.start for t in doc}
    spans: dict[int, dict[str, tuple[int, int]]] = {}
    for m in part_matches:
        span = doc[m.start : m.end]
        spans.setdefault(sentence_of[m.start], {}).setdefault(
            m.entry.finding_id, (span.start_char, span.end_char)
        )
    char_sentence = {t.idx: t.sent.start for t in doc}
    # a compound's length of time is a part of its own: "lasting:" and the days said
    for dur in durations:
        tok = next((t for t in doc if t.idx <= dur.start < t.idx + len(t.text)), None)
        if tok is not None:
            said = spans.setdefault(tok.sent.start, {})
            longest = said.get("lasting:")
            if longest is None or dur.days > days_of[longest]:
                said["lasting:"] = (dur.start, dur.end)
                days_of[(dur.start, dur.end)] = dur.days
    for men in mentions:
        if men.counts and men.value in ("present", "absent") and men.start in char_sentence:
            # a denied finding is a part of its own: "no:" and its id
            name = men.finding_id if men.value == "present" else "no:" + men.finding_id
            spans.setdefault(char_sentence[men.start], {}).setdefault(name, (men.start, men.end))
    # a finding named in a sentence only as asked, supposed or over ("Are tightenings every
    # 10 minutes normal?") is not stated there by its parts either
    unsaid = {
        (char_sentence[men.start], men.finding_id)
        for men in mentions
        if not men.counts and men.start in char_sentence
    }
    # the words of a finding only asked, supposed or said of someone else ("If my poo turned
    # black, ...?", "my brother's ...") do not state another finding as parts either
    not_counting = [(men.start, men.end) for men in mentions if not men.counts]
    said_present = {men.finding_id for men in mentions if men.counts and men.value == "present"}
    out: list[Mention] = []
    # a finding a compound denies in a sentence ("chest pain" + "didn't come on suddenly") is
    # not stated present there by other parts ("suddenly"): compounds that deny are read first
    denied: set[tuple[int, str]] = set()
    for comp in sorted(kb.compounds, key=lambda c: c.answer != "absent"):
        if not applies(comp.finding) or said_present.intersection(comp.unless):
            continue
        wanted = [*comp.parts, *("no:" + f for f in comp.denied)]
        if comp.lasting_days is not None:
            wanted.append("lasting:")
        scopes = list(spans.items())
        if comp.scope == "text":
            merged: dict[str, tuple[int, int]] = {}
            for said in spans.values():
                for name, where in said.items():
                    if name != "lasting:":
                        merged.setdefault(name, where)
                    elif name not in merged or days_of[where] > days_of[merged[name]]:
                        merged[name] = where  # the longest length of time said
            scopes = [(-1, merged)] if merged else []
        for sentence, said in scopes:
            if not all(p in said for p in wanted) or (sentence, comp.finding) in unsaid:
                continue
            if comp.lasting_days is not None and days_of[said["lasting:"]] < comp.lasting_days:
                continue
            if comp.answer == "present" and (sentence, comp.finding) in denied:
                continue
            if comp.answer == "present" and comp.scope != "text" and "no:" + comp.finding in said:
                # a finding denied in so many words elsewhere in the sentence is not said
                # present there by its parts ("not had a poo for 3 days, passing wind fine");
                # a denial inside the parts' words is theirs to correct ("Paracetamol isn't
                # helping the back pain")
                lo = min(said[p][0] for p in wanted)
                hi = max(said[p][1] for p in wanted)
                no_lo, no_hi = said["no:" + comp.finding]
                if not (lo <= no_lo and no_hi <= hi):
                    continue
            words_of = [said[p] for p in comp.parts if p in kb.parts]
            if words_of and all(
                any(s <= a and b <= e for s, e in not_counting) for a, b in words_of
            ):
                continue
            # a part said inside a denial of the finding that holds its own negation ("no
            # floaters or flashes"), or inside a denial of a finding above it ("eyes" in "no
            # problems with my eyes"; not one the compound needs denied), is that denial's
            # word, not the finding said present
            if comp.answer == "present" and any(
                men.counts
                and men.value == "absent"
                and men.finding_id in _line_of(kb, comp.finding) - set(comp.denied)
                and (men.finding_id != comp.finding or _OWN_NEGATION.search(men.text))
                and men.start <= said[p][0]
                and said[p][1] <= men.end
                for p in wanted
                for men in mentions
            ):
                continue
            if comp.scope == "text":
                start, end = said[wanted[0]]
                # the anchor said inside a finding's own words has its place ("no blood in
                # my poo"); a finding only asked about is not stated by the text either
                if any(f == comp.finding for _, f in unsaid) or any(
                    men.start < end and start < men.end and not _within(men, start, end)
                    for men in mentions
                ):
                    continue
            else:
                start = min(said[p][0] for p in wanted)
                end = max(said[p][1] for p in wanted)
            how = "overruling" if comp.overrules and comp.answer == "absent" else "compound"
            made = Mention.stated(doc.text, comp.finding, comp.answer, start, end, how)
            out.append(made)
            if comp.answer == "absent":
                denied.add((sentence, comp.finding))
                # a text-wide denial holds in its own sentence too ("not red or sore" is no
                # sore lump there)
                if start in char_sentence:
                    denied.add((char_sentence[start], comp.finding))
            # a finding a compound states is a part of the compounds after it ("vision is
            # blurry" is a blurred sight and so a change in sight)
            if start in char_sentence:
                name = comp.finding if comp.answer == "present" else "no:" + comp.finding
                spans.setdefault(char_sentence[start], {}).setdefault(name, (start, end))
                if comp.answer == "present":
                    said_present.add(comp.finding)
            break
    return out


def taken_back(mentions: Sequence[Mention], compounds: Sequence[Mention]) -> list[Mention]:
    """``mentions`` less the lexicon's present readings that an overruling denial (a compound
    with ``overrules: true``) of the same finding shares words with: "a sharp tearing pain"
    said of passing a poo is no tearing chest pain."""
    overruling = [c for c in compounds if c.source == "overruling"]
    return [
        m
        for m in mentions
        if not (m.source == "lexicon" and m.value == "present" and _overruled(m, overruling))
    ]


def _overruled(men: Mention, overruling: Sequence[Mention]) -> bool:
    """True when an overruling denial of ``men``'s finding shares words with it."""
    return any(
        c.finding_id == men.finding_id and c.start < men.end and men.start < c.end
        for c in overruling
    )


def _line_of(kb: KnowledgeBase, fid: str) -> set[str]:
    """``fid`` and the findings above it (its parent, the parent's parent, ...)."""
    line = {fid}
    parent = kb.findings[fid].parent if fid in kb.findings else None
    while parent is not None and parent not in line:
        line.add(parent)
        parent = kb.findings[parent].parent if parent in kb.findings else None
    return line


_OWN_NEGATION = re.compile(r"\b(?:no|not|never|none|nothing|without)\b|n't\b", re.I)


def _within(men: Mention, start: int, end: int) -> bool:
    """True when a denied finding's words lie inside the anchor's ("headache" in "no
    headache") or are the anchor's own (a leg's "not hot or red" also said of an eyelid), or
    deny a finding that does not count: the mention does not hold the anchor's place."""
    if men.value != "absent":
        return False
    if not men.counts:
        return True
    return start <= men.start and men.end <= end
