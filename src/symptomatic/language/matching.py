"""Matching the lexicon against the text, clause by clause.

A phrase matches when its keys appear in order inside one :class:`~.clause.Clause`, with at
most one unrelated word between two keys (never a negation or a conjunction); a linking verb
("feels") and up to two adverbs or qualifiers cost nothing. Besides the plain phrases, four
ways of speaking are read here: a second attribute joined to a matched one ("numb *and
weak*"), two words said of one thing ("hard and swollen"), a first word said once for two
things ("bleeding after sex and *between periods*") and a negative result ("HIV negative").
Overlapping matches are settled by :func:`~.overlaps.longest`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from symptomatic.language.clause import Clause, clauses
from symptomatic.language.lexicon import Entry, Lexicon
from symptomatic.language.normalise import (
    BARRIERS,
    _words,
    inflection_stems,
    same_word_class,
    word_key,
)
from symptomatic.language.overlaps import longest

_BARRIER_KEYS = frozenset(word_key(w) for w in BARRIERS)
# a place of its own that a phrase about another place never skips over: "lower eyelid on the
# left" is not "lower ... on the left" (the tummy), "back of my eye" not the back
_PLACE_KEYS = frozenset(word_key(w) for w in _words("eye eyes eyelid eyelids eyeball"))
_COORD = frozenset({"and", "or"})
_SOFT_KEYS = frozenset(word_key(w) for w in _words("feel feels felt look looks seem seems"))
_NEGATION_KEYS = frozenset(word_key(w) for w in _words("no not n't nt never"))
_POSITIVE, _NEGATIVE = word_key("positive"), word_key("negative")
_BOUND_KEYS = frozenset(word_key(w) for w in _words("over under above below than < > <= >= ≤ ≥"))
# degree words that may stand between "and" and a joined word ("heavier and more painful")
_DEGREE_WORDS = frozenset(_words("more less so too even very really quite much a bit"))
_DEGREE = frozenset(word_key(w) for w in _words("more less so too even"))
# what the body does (passing urine or stool, sex, periods, being sick), as against a place
_FUNCTION_KEYS = frozenset(word_key(w) for w in _words("pee poo sex period vomit"))


@dataclass(frozen=True)
class Match:
    """A lexicon phrase found in the text: token range ``[start, end)`` of the spaCy doc."""

    entry: Entry
    start: int
    end: int
    gaps: int
    corrected: bool
    negated: bool = False  # a negation inside the phrase: "my period is not late"
    joined: bool = False  # made by joining two words said of one thing ("hard and swollen")
    elliptic: bool = False  # a denied word whose place was said earlier ("..., no blood")


def match_text(lexicon: Lexicon, words: Sequence[str]) -> list[Match]:
    """Every phrase found in ``words`` (the doc's token texts), longest matches kept (a
    compound's part words are kept apart: they neither hide nor are hidden)."""
    found: list[Match] = []
    for idxs in clauses(words):
        found.extend(_match_clause(lexicon, Clause.read(words, idxs, lexicon.correct)))
    kept = longest([m for m in found if not m.entry.part])
    if lexicon.hides:
        kept = [m for m in kept if not _hidden(m, kept, lexicon)]
    kept = [m for m in kept if not _inside_another_packs(lexicon, m, kept)]
    return kept + [m for m in found if m.entry.part]


def _inside_another_packs(lexicon: Lexicon, m: Match, matches: Sequence[Match]) -> bool:
    """True when ``m`` lies inside a longer phrase of another pack's finding, not of its own
    line (parent or child), that opens before it: the words of one body part's complaint said
    after its place are not another pack's ("puffed up" in "face puffed up" is no testicle,
    "looks bigger" in "pupil looks bigger" no swelling). A phrase the longer one opens with
    ("leg went weak" in "leg went weak and numb") says the same thing in both packs, within
    a pack a phrase inside another says something of its own ("low on the left"), and so does
    a phrase with a word the longer one skipped over ("left lower tummy" in "severe pain in my
    left lower tummy", a severe tummy pain that does not say where)."""
    fid = m.entry.finding_id
    pack = lexicon.pack_of.get(fid)
    if pack is None or m.entry.part:
        return False
    for o in matches:
        other = o.entry.finding_id
        if (
            o.start < m.start
            and m.end <= o.end
            and lexicon.pack_of.get(other, pack) != pack
            and not o.entry.system
            # a linking verb ("looks") the longer phrase stepped over is no word of its own
            and set(m.entry.keys) - _SOFT_KEYS <= set(o.entry.keys)
            and fid not in lexicon.lineage.get(other, frozenset())
            and other not in lexicon.lineage.get(fid, frozenset())
        ):
            return True
    return False


def _hidden(
    m: Match,
    matches: Sequence[Match],
    lexicon: Lexicon,
) -> bool:
    """True when ``m`` lies inside a longer match of a finding that hides ``m``'s finding
    ("can't breathe" inside "can't breathe through my nose", said of a blocked nose), or over
    the same words as a match of such a finding that ``m``'s finding does not hide in turn,
    read as tightly as ``m``, when it is a complaint ("tummy ache", a pelvic pain to a pack
    without a general tummy pain, is the tummy pain of a pack that has one and hides the pelvic
    reading; "pain low in my tummy" stays a pelvic pain, read word for word there and with a gap
    as a tummy pain) or of the same pack as ``m`` or ``m`` is the core's ("pain in the upper
    right of my tummy" is no upper middle pain, "no blood in the sick" no denial of being sick;
    "worse at night", a cough's qualifier, leaves a back pain's night pain alone); never a
    parent over its child's words ("no black poo" denies both)."""
    hides, lineage, pack_of = lexicon.hides, lexicon.lineage, lexicon.pack_of
    mine = hides.get(m.entry.finding_id, frozenset())
    own_pack = pack_of.get(m.entry.finding_id)
    return any(
        o.start <= m.start
        and m.end <= o.end
        and (
            (o.end - o.start) > (m.end - m.start)
            or (
                o.start == m.start
                and o.end == m.end
                and o.gaps <= m.gaps
                and o.entry.finding_id not in mine
                and (
                    o.entry.finding_id in lexicon.complaints
                    or own_pack is None
                    or pack_of.get(o.entry.finding_id) == own_pack
                )
                and m.entry.finding_id not in lineage.get(o.entry.finding_id, frozenset())
            )
        )
        and m.entry.finding_id in hides.get(o.entry.finding_id, frozenset())
        for o in matches
    )


def match_words(lexicon: Lexicon, words: Sequence[str], idxs: list[int]) -> list[Match]:
    """Phrases found in the words at positions ``idxs`` of ``words``, read as one clause.

    The positions need not be side by side ("a test ... it was positive"); a match spans
    from its first word's position to its last's. Returns every match, none dropped.
    """
    clause = Clause.read(words, idxs, lexicon.correct)
    return [m for m in _match_clause(lexicon, clause) if not m.entry.part]


def _match_clause(lexicon: Lexicon, c: Clause) -> list[Match]:
    out: list[Match] = []
    for pos, word in enumerate(c.plain):
        for entry in lexicon.exact_by_first.get(word, ()):
            n = len(entry.words)
            if c.plain[pos : pos + n] == entry.words:
                fuzzy = any(c.corrected[pos : pos + n])
                out.append(Match(entry, c.idxs[pos], c.idxs[pos + n - 1] + 1, 0, fuzzy))
    if lexicon.inflected_by_first:
        stems = inflection_stems(c.plain)
        for pos, first in enumerate(stems):
            for entry, entry_stems in lexicon.inflected_by_first.get(first, ()):
                n = len(entry_stems)
                if tuple(stems[pos : pos + n]) == entry_stems:
                    fuzzy = any(c.corrected[pos : pos + n])
                    out.append(Match(entry, c.idxs[pos], c.idxs[pos + n - 1] + 1, 0, fuzzy))
    for pos, first in enumerate(c.keys):
        for entry in lexicon.by_first.get(first, ()):
            end_pos, gaps, negated = _extend(
                c.keys, pos, entry.keys, 0 if entry.strict else 2, c.skippable
            )
            # a word that says a finding is absent, said with a negation inside it ("heal in a
            # couple of weeks" over "weeks that isn't healing"), says no such thing
            if end_pos < 0 or (negated and (entry.value != "present" or entry.denies)):
                continue
            if first in _NEGATION_KEYS and len(entry.keys) > 1 and not entry.denies:
                # "no sensation down below" says a loss by its negation: a word of a finding
                # skipped after it makes it a denial of that ("no numbness down below")
                nxt = next(
                    (j for j in range(pos + 1, end_pos + 1) if c.keys[j] == entry.keys[1]), pos + 1
                )
                if any(
                    k in lexicon.keys and k not in _NEGATION_KEYS for k in c.keys[pos + 1 : nxt]
                ):
                    continue
            if _names_another_test(entry, c, end_pos):
                continue
            lo, hi = c.span(pos, end_pos)
            out.append(Match(entry, lo, hi, gaps, c.fuzzy(pos, end_pos), negated))
            if len(entry.keys) == 2:
                out.extend(_coordinated(lexicon, c, pos, end_pos, entry, negated))
    out.extend(_ellipsis(lexicon, c))
    out.extend(_negative_results(lexicon, c))
    out.extend(_paired(lexicon, c))
    return out


def _paired(lexicon: Lexicon, c: Clause) -> list[Match]:
    """The second of two words said of one thing: "my belly is hard *and swollen*",
    "leg pain *and weakness*".

    For "thing word1 and word2" (word1 a lexicon word, "and word2" side by side), the phrase
    (thing, word2) matches from the thing to word2, when the two words are alike ("late and
    pain" says two things). Returns those matches.
    """
    out: list[Match] = []
    keys = c.keys
    for k in range(2, len(keys) - 1):
        if keys[k] not in _COORD or keys[k - 1] not in lexicon.keys:
            continue
        # "heavier and *more* painful", "hard and *very* swollen": degree words between
        n = k + 1
        while n < len(keys) - 1 and keys[n] in _DEGREE:
            n += 1
        between = c.plain[c.keyed[k][1] : c.keyed[n][0]]
        if not c.side_by_side(k - 1, k) or not all(w in _DEGREE_WORDS for w in between):
            continue
        if not same_word_class(c.word_of(k - 1), c.word_of(n)):
            continue
        if (keys[k - 1] in _FUNCTION_KEYS) != (keys[n] in _FUNCTION_KEYS):
            continue  # "a heaviness in my pelvis and pee more often": a place, then a new thing
        thing, word = keys[k - 2], keys[n]
        for entry in lexicon.by_first.get(thing, ()):
            if entry.keys == (thing, word):
                lo, hi = c.span(k - 2, n)
                out.append(Match(entry, lo, hi, 2, False, joined=True))
    return out


def _negative_results(lexicon: Lexicon, c: Clause) -> list[Match]:
    """A negative result denies what a positive one says: "the test was negative".

    Phrases with "positive" are matched with "negative" in its place and come out negated
    ("HIV negative" answers "HIV positive" with absent). Returns those matches.
    """
    if _NEGATIVE not in c.keys:
        return []
    swapped = [_POSITIVE if k == _NEGATIVE else k for k in c.keys]
    out: list[Match] = []
    for pos, first in enumerate(swapped):
        for entry in lexicon.by_first.get(first, ()):
            if _POSITIVE not in entry.keys or entry.value != "present":
                continue
            end_pos, gaps, negated = _extend(swapped, pos, entry.keys, 0 if entry.strict else 2)
            if end_pos < 0 or negated or _NEGATIVE not in c.keys[pos : end_pos + 1]:
                continue
            if _names_another_test(entry, c, end_pos):
                continue
            lo, hi = c.span(pos, end_pos)
            out.append(Match(entry, lo, hi, gaps, False, True))
    return out


def _coordinated(
    lexicon: Lexicon, c: Clause, pos: int, end_pos: int, found: Entry, negated: bool
) -> list[Match]:
    """A second attribute joined to a matched one: "my leg is numb *and weak*".

    After a two-key phrase (thing, attribute) comes "and"/"or" and another word; when
    (thing, that word) is a phrase too, it matches, spanning from the thing to the word.
    Returns those matches (none when the pattern is absent).
    """
    nxt = end_pos + 1
    if nxt + 1 >= len(c.keys) or c.keys[nxt] not in _COORD:
        return []
    # the three words stand side by side: "numb and weak", not "late and I've got pain"
    if not (c.side_by_side(end_pos, nxt) and c.side_by_side(nxt, nxt + 1)):
        return []
    if not same_word_class(c.word_of(end_pos), c.word_of(nxt + 1)):
        return []  # "my leg is numb and pain ...": a new thing, not a second attribute
    if (c.keys[end_pos] in _FUNCTION_KEYS) != (c.keys[nxt + 1] in _FUNCTION_KEYS):
        return []  # "sore in my pelvis and peeing": a place, then something the body does
    out: list[Match] = []
    for entry in lexicon.by_first.get(c.keys[pos], ()):
        if entry.keys == (c.keys[pos], c.keys[nxt + 1]) and entry.finding_id != found.finding_id:
            lo, hi = c.span(pos, nxt + 1)
            out.append(Match(entry, lo, hi, 1, False, negated, joined=True))
    return out


def _ellipsis(lexicon: Lexicon, c: Clause) -> list[Match]:
    """Phrases whose first word was said once for two things.

    "bleeding after sex and between periods" also says "bleeding between periods": after
    "and"/"or", a phrase of three or more keys may take its first key from up to six keys
    back in the same clause. The match covers only the words after the conjunction.
    """
    out: list[Match] = []
    for pos in range(1, len(c.keys)):
        if c.keys[pos - 1] not in _COORD:
            continue
        before = c.keys[max(0, pos - 7) : pos - 1]
        for entry in lexicon.by_second.get(c.keys[pos], ()):
            if entry.keys[0] not in before:
                continue
            end_pos, gaps, negated = _extend(c.keys, pos, entry.keys[1:], 0 if entry.strict else 1)
            if end_pos < 0 or negated:
                continue
            lo, hi = c.span(pos, end_pos)
            out.append(Match(entry, lo, hi, gaps, c.fuzzy(pos, end_pos)))
    return out


def _names_another_test(entry: Entry, c: Clause, end_pos: int) -> bool:
    """True when a result phrase is followed by what was tested: "tested positive *for* ...".

    "I tested positive for chlamydia" is not "I tested positive" of a pregnancy phrase.
    """
    return entry.keys[-1] == _POSITIVE and c.word_after(end_pos) == "for"


def _extend(
    keys: Sequence[str],
    pos: int,
    want: tuple[str, ...],
    max_gaps: int = 2,
    skippable: frozenset[int] = frozenset(),
) -> tuple[int, int, bool]:
    """Match ``want`` from ``pos``: (position of its last key, gaps, negated), or (-1, 0, False).

    Between two keys one unrelated word may be skipped (never "and", "but", "if"...), a
    linking verb ("feels", "looks") is skipped freely, and a negation inside the phrase ("my
    period is *not* late") is skipped and reported. When gaps are allowed, up to two adverbs
    or qualifiers (positions in ``skippable``) are skipped freely too: "my back *suddenly*
    became *severely* painful" still says "back painful" (they are matched on their own).
    """
    cur, gaps, negated = pos, 0, False
    for k in want[1:]:
        nxt = cur + 1
        # "my belly feels swollen" says "swollen belly": a linking verb costs nothing
        if nxt < len(keys) and keys[nxt] in _SOFT_KEYS and k not in _SOFT_KEYS:
            nxt += 1
        skipped = 0
        while max_gaps and nxt in skippable and keys[nxt] != k and skipped < 2:
            nxt, skipped = nxt + 1, skipped + 1
        if (
            nxt < len(keys)
            and keys[nxt] in _NEGATION_KEYS
            and not negated
            and k not in _NEGATION_KEYS
        ):
            negated, nxt = True, nxt + 1
        if nxt < len(keys) and keys[nxt] == k:
            cur = nxt
        elif (
            nxt + 1 < len(keys)
            and keys[nxt + 1] == k
            and keys[nxt] not in _BARRIER_KEYS
            and keys[nxt] not in _PLACE_KEYS
            # "heart rate over 40" is not "heart rate 40": a bound before a number stays
            and not (keys[nxt] in _BOUND_KEYS and k[:1].isdigit())
            and gaps < max_gaps
        ):
            cur = nxt + 1
            gaps += 1
        else:
            return -1, 0, False
    return cur, gaps, negated
