"""Settling overlapping matches: which of two matches over the same words stands.

A longer phrase usually says more than a phrase inside it ("pain in my lower back" over
"back"), but not always: another finding's phrase of several keys, or a word the longer phrase
skipped over, says something of its own. :func:`longest` holds the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symptomatic.language.matching import Match


def longest(matches: list[Match]) -> list[Match]:
    """The matches left when those whose token span lies strictly inside a longer match are
    dropped, by these rules.

    A contained match of another finding survives when it is a phrase of several keys as the
    pack wrote it ("low on the left" inside "pain low on the left side"), or a single word the
    longer phrase skipped over ("suddenly" in "my back suddenly became painful"); a word of the
    longer phrase ("numb" inside "back passage feels numb") is part of that phrase's meaning,
    and a generated reordering is too weak to stand inside another finding's phrase, except
    as the first part of two joined words ("periods heavy" in "periods heavy and painful").
    """

    def within(m: Match, o: Match) -> bool:
        return o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)

    # 1. weak reorderings inside another finding's phrase go first, so that they do not in
    # turn swallow a word of their own finding ("suddenly" in "suddenly started")
    matches = [
        m
        for m in matches
        if not (
            m.entry.strict
            and any(
                within(m, o)
                and o.entry.finding_id != m.entry.finding_id
                # a joined phrase does not swallow its own first part ("periods heavy")
                and not (o.joined and not set(m.entry.keys) <= set(o.entry.keys))
                for o in matches
            )
        )
    ]
    # 2. the same finding inside itself, a word of the longer phrase, and a body system's
    # word inside a finding's phrase ("leg symptoms" in "bilateral leg symptoms")
    keep = [
        m
        for m in matches
        if not any(
            within(m, o)
            and (
                o.entry.finding_id == m.entry.finding_id
                or (m.entry.system and not o.entry.system)
                # a one-key word of the longer phrase; a lay unit said word for word ("in
                # agony") says more than its key and stays
                or (len(m.entry.keys) < 2 and not m.entry.words and m.entry.keys[0] in o.entry.keys)
            )
            for o in matches
        )
    ]
    # the same finding and value found twice over the same span: keep the tightest
    best: dict[tuple[str, str, int, int], Match] = {}
    for m in keep:
        key = (m.entry.finding_id, m.entry.value, m.start, m.end)
        if key not in best or (m.entry.system, m.gaps) < (best[key].entry.system, best[key].gaps):
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.start, m.end, m.entry.finding_id))
