"""A lexicon built from the knowledge base's findings, and matching of text against it.

Every finding contributes phrases: its name and synonyms (value ``present``) and, for choice
findings, its option labels (value = the option id). Phrases and text are reduced to keys by
:mod:`symptomatic.language.normalise`; a phrase matches when its keys appear in order inside
one clause of the text, with at most one unrelated word between two keys (never a negation or
a conjunction). Spelling slips are corrected word by word against the lexicon's own
vocabulary with a strict edit-distance limit, so ordinary words are left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein
from rapidfuzz.process import extract

from symptomatic.kb import KnowledgeBase
from symptomatic.kb.schema import FindingGroup, FindingType
from symptomatic.language.normalise import (
    BARRIERS,
    FILLERS,
    LINK_VERBS,
    _words,
    normalise_words,
    phrase_keys,
    same_word_class,
    word_key,
)

Tokenizer = Callable[[str], Sequence[str]]

# Words that symptoms attach to; "back pain" also matches "pain in my back".
_HEADS = frozenset({"pain", "stiff", "numb", "tingl", "weak", "swell", "cramp", "burn", "sting"})
_BARRIER_KEYS = frozenset(word_key(w) for w in BARRIERS)
_COORD = frozenset({"and", "or"})
_SOFT_KEYS = frozenset(word_key(w) for w in _words("feel feels felt look looks seem seems"))
_NEGATION_KEYS = frozenset(word_key(w) for w in _words("no not n't nt never"))
# Place words dropped when a symptom word moves to the end ("numb around X" -> "X numb").
_LINKS = frozenset(word_key(w) for w in _words("around near over across under below behind into"))
_POSITIVE, _NEGATIVE = word_key("positive"), word_key("negative")
# degree words that may stand between "and" and a joined word ("heavier and more painful")
_DEGREE_WORDS = frozenset(_words("more less so too even very really quite much a bit"))
_DEGREE = frozenset(word_key(w) for w in _words("more less so too even"))
# Words that order what they join ("after the toilet" is not "the toilet after"): a phrase
# with one of them is never reversed.
_RELATIONAL = frozenset(
    word_key(w) for w in _words("after before when during since than while until once from")
)
# Everyday words one edit away from a lexicon word; never "corrected".
_COMMON = frozenset(
    _words(
        "sitting standing walking passing waiting getting setting letting putting cutting "
        "breeding reading leading feeding heading needing seeding weeding wedding "
        "fewer never lever later water wider longer linger finger hunger there where three "
        "though through thought tough touch watch match catch worst worse whole while "
        "house horse hours other mother brother either rather better bitter butter "
        "stopped stepped dropped started sorted sister mister tired tried cried dried "
        "month mouth south north worth weight eight height right night light sight tight fight "
        "bloated floated coated boated plants paints points saint faint "
        # months and days are never slips ("since March" is not "since match")
        "january february march april june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday"
    )
)
_CLAUSE_BREAK = re.compile(r"^[.,;:!?()\[\]\"…]+$|^(--|—|–)$")


@dataclass(frozen=True)
class Entry:
    """One lexicon phrase: matching ``keys`` means ``finding_id`` has answer ``value``."""

    finding_id: str
    value: str
    keys: tuple[str, ...]
    phrase: str
    # a several-word phrase that reduces to one key ("the runs", "been sick") loses its meaning
    # without its small words, so it must appear word for word
    words: tuple[str, ...] = ()
    # a generated word order ("urine is pink" for "pink urine") must match without gaps
    strict: bool = False


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


_QUALIFIERS = frozenset(_words("men women male female adults adult children child"))


def _split_name(name: str) -> list[str]:
    """A finding's name as phrases: "Osteoporosis (thin bones)" -> both parts.

    A qualifier in brackets ("Pain between the legs (men)") is not a phrase of its own.
    """
    parts = [p.strip() for p in re.split(r"[()/;]", name) if p.strip()]
    return [p for p in parts if p.lower() not in _QUALIFIERS]


def _plain(words: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased words without punctuation, for word-for-word matching."""
    return tuple(
        w.lower().replace("’", "'") for w in words if re.search(r"[A-Za-z0-9]", w) or w == "n't"
    )


class Lexicon:
    """Phrases of every finding, indexed by their first key."""

    def __init__(self, entries: Iterable[Entry], extra_words: Iterable[str] = ()) -> None:
        self.entries: list[Entry] = []
        self._by_first: dict[str, list[Entry]] = defaultdict(list)
        self._exact_by_first: dict[str, list[Entry]] = defaultdict(list)
        self._by_second: dict[str, list[Entry]] = defaultdict(list)
        entries = list(entries)
        vocab = {w.lower() for e in entries for w in re.findall(r"[A-Za-z]+", e.phrase)}
        # one entry per (finding, value, keys, words); a phrase the pack gives as written wins
        # over the same keys generated as a strict reordering ("sweating at night" may have a
        # gap, although "night sweats" reversed may not)
        unique: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Entry] = {}
        for entry in entries:
            ident = (entry.finding_id, entry.value, entry.keys, entry.words)
            if entry.keys and (ident not in unique or unique[ident].strict > entry.strict):
                unique[ident] = entry
        for entry in unique.values():
            self.entries.append(entry)
            if entry.words:
                self._exact_by_first[entry.words[0]].append(entry)
            else:
                self._by_first[entry.keys[0]].append(entry)
                if len(entry.keys) >= 3:
                    self._by_second[entry.keys[1]].append(entry)
        self.keys: frozenset[str] = frozenset(k for e in self.entries for k in e.keys)
        self.known_words: frozenset[str] = frozenset(
            vocab | {w.lower() for w in extra_words} | _COMMON | FILLERS | BARRIERS
        )
        # only words long enough for a slip to be recognisable are correction targets
        self._targets: list[str] = sorted(w for w in vocab if len(w) >= 5)

    @classmethod
    def from_kb(cls, kb: KnowledgeBase, tokenize: Tokenizer) -> Lexicon:
        """Build the lexicon of every finding in ``kb``; ``tokenize`` splits a phrase into words."""
        entries: list[Entry] = []
        extra: list[str] = []

        def add(finding_id: str, value: str, phrase: str) -> None:
            tokens = tokenize(phrase)
            keys = phrase_keys(tokens)
            plain = _plain(tokens)
            # "getting more painful" without its verb would be "more painful": word for word
            if len(plain) > 1 and plain[0] in LINK_VERBS:
                entries.append(Entry(finding_id, value, keys, phrase, words=plain))
                return
            units = normalise_words(plain)
            if len(keys) == 1 and len(plain) > 1 and len(units) == 1:
                # "been sick", "pins and needles": one lay unit, matched by its key; but "in
                # agony" is a word plus a filler and must be said word for word, or it would
                # match every pain
                if units[0][1] - units[0][0] > 1:
                    entries.append(Entry(finding_id, value, keys, phrase))
                else:
                    entries.append(Entry(finding_id, value, keys, phrase, words=plain))
                return
            entries.append(Entry(finding_id, value, keys, phrase))
            for variant, strict in _variants(keys):
                entries.append(Entry(finding_id, value, variant, phrase, strict=strict))

        # an umbrella complaint ("pain") is the parent of the complaints people actually name
        # (back pain, pelvic pain): text is matched to those, and they imply the umbrella
        umbrellas = {
            f.parent
            for f in kb.findings.values()
            if f.parent is not None and f.group is FindingGroup.COMPLAINT
        }
        for finding in kb.findings.values():
            extra.extend(re.findall(r"[A-Za-z]+", f"{finding.question} {finding.help}"))
            if finding.id in umbrellas:
                continue
            if finding.type is FindingType.YES_NO:
                for phrase in [*_split_name(finding.name), *finding.synonyms]:
                    add(finding.id, "present", phrase)
            elif finding.type is FindingType.SINGLE:
                for option in finding.options:
                    for part in _split_name(option.label):
                        # a bare one-word label ("Left", "Yes") is too vague to match on its own
                        if len(phrase_keys(tokenize(part))) >= 2 or len(finding.options) <= 3:
                            add(finding.id, option.id, part)
        return cls(entries, extra)

    def correct(self, word: str) -> str | None:
        """The lexicon word a slip most likely meant, or None to leave ``word`` alone."""
        w = word.lower()
        if len(w) < 5 or not w.isalpha() or w in self.known_words or word_key(w) in self.keys:
            return None
        limit = 1 if len(w) < 11 else 2
        best: str | None = None
        for cand, _, _ in extract(w, self._targets, scorer=DamerauLevenshtein.distance, limit=3):
            if cand[0] != w[0] or DamerauLevenshtein.distance(w, cand) > limit:
                continue
            if best is None:
                best = cand
        return best

    def match(self, words: Sequence[str]) -> list[Match]:
        """Every phrase found in ``words`` (the doc's token texts), longest matches kept."""
        found: list[Match] = []
        clause: list[int] = []
        for idx, w in enumerate([*words, "."]):
            if _CLAUSE_BREAK.match(w) or idx == len(words):
                found.extend(self._match_clause(words, clause))
                clause = []
            elif re.search(r"[A-Za-z0-9]", w) or w.lower() == "n't":
                clause.append(idx)
        return longest(found)

    def match_words(self, words: Sequence[str], idxs: list[int]) -> list[Match]:
        """Phrases found in the words at positions ``idxs`` of ``words``, read as one clause.

        The positions need not be side by side ("a test ... it was positive"); a match spans
        from its first word's position to its last's. Returns every match, none dropped.
        """
        return self._match_clause(words, idxs)

    def _match_clause(self, words: Sequence[str], idxs: list[int]) -> list[Match]:
        fixed: list[str] = []
        corrected: list[bool] = []
        for i in idxs:
            fix = self.correct(words[i])
            fixed.append(fix if fix is not None else words[i])
            corrected.append(fix is not None)
        keyed = normalise_words(fixed)
        keys = [k for _, _, k in keyed]
        out: list[Match] = []
        plain = [w.lower().replace("’", "'") for w in fixed]
        adverbs = frozenset(
            p for p, (a, b, _) in enumerate(keyed) if b - a == 1 and _adverb(plain[a])
        )
        for pos, word in enumerate(plain):
            for entry in self._exact_by_first.get(word, ()):
                n = len(entry.words)
                if tuple(plain[pos : pos + n]) == entry.words:
                    fuzzy = any(corrected[pos : pos + n])
                    out.append(Match(entry, idxs[pos], idxs[pos + n - 1] + 1, 0, fuzzy))
        for pos, first in enumerate(keys):
            for entry in self._by_first.get(first, ()):
                end_pos, gaps, negated = _extend(
                    keys, pos, entry.keys, 0 if entry.strict else 2, adverbs
                )
                if end_pos < 0 or (negated and entry.value != "present"):
                    continue
                if _names_another_test(entry, plain, keyed[end_pos][1]):
                    continue
                lo = idxs[keyed[pos][0]]
                hi = idxs[keyed[end_pos][1] - 1] + 1
                fuzzy = any(
                    corrected[keyed[p][0] : keyed[p][1]].count(True)
                    for p in range(pos, end_pos + 1)
                )
                out.append(Match(entry, lo, hi, gaps, fuzzy, negated))
                if len(entry.keys) == 2:
                    out.extend(
                        self._coordinated(keys, keyed, idxs, pos, end_pos, entry, negated, plain)
                    )
        out.extend(self._ellipsis(keys, keyed, idxs, corrected))
        out.extend(self._negative_results(keys, keyed, idxs, plain))
        out.extend(self._paired(keys, keyed, idxs, plain))
        return out

    def _paired(
        self,
        keys: list[str],
        keyed: list[tuple[int, int, str]],
        idxs: list[int],
        plain: list[str],
    ) -> list[Match]:
        """The second of two words said of one thing: "my belly is hard *and swollen*",
        "leg pain *and weakness*".

        For "thing word1 and word2" (word1 a lexicon word, "and word2" side by side), the
        phrase (thing, word2) matches from the thing to word2, when the two words are alike
        ("late and pain" says two things). Returns those matches.
        """
        out: list[Match] = []
        for c in range(2, len(keys) - 1):
            if keys[c] not in _COORD or keys[c - 1] not in self.keys:
                continue
            # "heavier and *more* painful", "hard and *very* swollen": degree words between
            n = c + 1
            while n < len(keys) - 1 and keys[n] in _DEGREE:
                n += 1
            between = plain[keyed[c][1] : keyed[n][0]]
            if keyed[c][0] != keyed[c - 1][1] or not all(w in _DEGREE_WORDS for w in between):
                continue
            if not same_word_class(plain[keyed[c - 1][0]], plain[keyed[n][0]]):
                continue
            thing, word = keys[c - 2], keys[n]
            for entry in self._by_first.get(thing, ()):
                if entry.keys == (thing, word):
                    lo = idxs[keyed[c - 2][0]]
                    hi = idxs[keyed[n][1] - 1] + 1
                    out.append(Match(entry, lo, hi, 2, False, joined=True))
        return out

    def _negative_results(
        self,
        keys: list[str],
        keyed: list[tuple[int, int, str]],
        idxs: list[int],
        plain: list[str],
    ) -> list[Match]:
        """A negative result denies what a positive one says: "the test was negative".

        Phrases with "positive" are matched with "negative" in its place and come out negated
        ("HIV negative" answers "HIV positive" with absent). Returns those matches.
        """
        if _NEGATIVE not in keys:
            return []
        swapped = [_POSITIVE if k == _NEGATIVE else k for k in keys]
        out: list[Match] = []
        for pos, first in enumerate(swapped):
            for entry in self._by_first.get(first, ()):
                if _POSITIVE not in entry.keys or entry.value != "present":
                    continue
                end_pos, gaps, negated = _extend(swapped, pos, entry.keys, 0 if entry.strict else 2)
                if end_pos < 0 or negated or _NEGATIVE not in keys[pos : end_pos + 1]:
                    continue
                if _names_another_test(entry, plain, keyed[end_pos][1]):
                    continue
                lo = idxs[keyed[pos][0]]
                hi = idxs[keyed[end_pos][1] - 1] + 1
                out.append(Match(entry, lo, hi, gaps, False, True))
        return out

    def _coordinated(
        self,
        keys: list[str],
        keyed: list[tuple[int, int, str]],
        idxs: list[int],
        pos: int,
        end_pos: int,
        found: Entry,
        negated: bool,
        plain: list[str],
    ) -> list[Match]:
        """A second attribute joined to a matched one: "my leg is numb *and weak*".

        After a two-key phrase (thing, attribute) comes "and"/"or" and another word; when
        (thing, that word) is a phrase too, it matches, spanning from the thing to the word.
        Returns those matches (none when the pattern is absent).
        """
        nxt = end_pos + 1
        if nxt + 1 >= len(keys) or keys[nxt] not in _COORD:
            return []
        # the three words stand side by side: "numb and weak", not "late and I've got pain"
        if keyed[nxt][0] != keyed[end_pos][1] or keyed[nxt + 1][0] != keyed[nxt][1]:
            return []
        if not same_word_class(plain[keyed[end_pos][0]], plain[keyed[nxt + 1][0]]):
            return []  # "my leg is numb and pain ...": a new thing, not a second attribute
        out: list[Match] = []
        for entry in self._by_first.get(keys[pos], ()):
            if entry.keys == (keys[pos], keys[nxt + 1]) and entry.finding_id != found.finding_id:
                lo = idxs[keyed[pos][0]]
                hi = idxs[keyed[nxt + 1][1] - 1] + 1
                out.append(Match(entry, lo, hi, 1, False, negated, joined=True))
        return out

    def _ellipsis(
        self,
        keys: list[str],
        keyed: list[tuple[int, int, str]],
        idxs: list[int],
        corrected: list[bool],
    ) -> list[Match]:
        """Phrases whose first word was said once for two things.

        "bleeding after sex and between periods" also says "bleeding between periods": after
        "and"/"or", a phrase of three or more keys may take its first key from up to six keys
        back in the same clause. The match covers only the words after the conjunction.
        """
        out: list[Match] = []
        for pos in range(1, len(keys)):
            if keys[pos - 1] not in _COORD:
                continue
            before = keys[max(0, pos - 7) : pos - 1]
            for entry in self._by_second.get(keys[pos], ()):
                if entry.keys[0] not in before:
                    continue
                end_pos, gaps, negated = _extend(
                    keys, pos, entry.keys[1:], 0 if entry.strict else 1
                )
                if end_pos < 0 or negated:
                    continue
                lo = idxs[keyed[pos][0]]
                hi = idxs[keyed[end_pos][1] - 1] + 1
                fuzzy = any(corrected[keyed[pos][0] : keyed[end_pos][1]])
                out.append(Match(entry, lo, hi, gaps, fuzzy))
        return out


# words ending in "-ly" that are not adverbs
_NOT_ADVERBS = frozenset(
    _words("belly family only early july italy ugly holy jelly bully rally reply supply apply ally")
)


def _adverb(word: str) -> bool:
    """True for an adverb of manner or degree ("suddenly", "severely", "badly")."""
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


def _names_another_test(entry: Entry, plain: Sequence[str], after: int) -> bool:
    """True when a result phrase is followed by what was tested: "tested positive *for* ...".

    "I tested positive for chlamydia" is not "I tested positive" of a pregnancy phrase.
    """
    return entry.keys[-1] == _POSITIVE and after < len(plain) and plain[after] == "for"


def _variants(keys: tuple[str, ...]) -> list[tuple[tuple[str, ...], bool]]:
    """Other word orders of a phrase's keys that say the same thing.

    "lower back pain" -> "pain (in my) lower back"; "numb around my back passage" ->
    "back passage (feels) numb"; any other two-word phrase reversed, word for word
    ("pink urine" -> "urine is pink"). Returns (keys, strict) pairs; strict = no gaps.
    """
    out: list[tuple[tuple[str, ...], bool]] = []
    if 2 <= len(keys) <= 4 and keys[-1] in _HEADS and keys[0] not in _HEADS:
        out.append(((keys[-1], *keys[:-1]), False))
    elif 2 <= len(keys) <= 4 and keys[0] in _HEADS and keys[-1] not in _HEADS:
        rest = list(keys[1:])
        while len(rest) > 1 and rest[0] in _LINKS:
            rest.pop(0)
        out.append(((*rest, keys[0]), False))
    elif len(keys) == 2 and not set(keys) & _RELATIONAL:
        out.append(((keys[1], keys[0]), True))
    return out


def _extend(
    keys: Sequence[str],
    pos: int,
    want: tuple[str, ...],
    max_gaps: int = 2,
    adverbs: frozenset[int] = frozenset(),
) -> tuple[int, int, bool]:
    """Match ``want`` from ``pos``: (position of its last key, gaps, negated), or (-1, 0, False).

    Between two keys one unrelated word may be skipped (never "and", "but", "if"...), a
    linking verb ("feels", "looks") is skipped freely, and a negation inside the phrase ("my
    period is *not* late") is skipped and reported. When gaps are allowed, up to two adverbs
    (positions in ``adverbs``) are skipped freely too: "my back *suddenly* became *severely*
    painful" still says "back painful" (the adverbs are matched as findings of their own).
    """
    cur, gaps, negated = pos, 0, False
    for k in want[1:]:
        nxt = cur + 1
        # "my belly feels swollen" says "swollen belly": a linking verb costs nothing
        if nxt < len(keys) and keys[nxt] in _SOFT_KEYS and k not in _SOFT_KEYS:
            nxt += 1
        skipped = 0
        while max_gaps and nxt in adverbs and keys[nxt] != k and skipped < 2:
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
            and gaps < max_gaps
        ):
            cur = nxt + 1
            gaps += 1
        else:
            return -1, 0, False
    return cur, gaps, negated


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
    # 2. the same finding inside itself, and a word of the longer phrase
    keep = [
        m
        for m in matches
        if not any(
            within(m, o)
            and (
                o.entry.finding_id == m.entry.finding_id
                # a one-key word of the longer phrase; a lay unit said word for word ("in
                # agony") says more than its key and stays
                or (
                    len(m.entry.keys) < 2
                    and len(m.entry.words) < 2
                    and m.entry.keys[0] in o.entry.keys
                )
            )
            for o in matches
        )
    ]
    # the same finding and value found twice over the same span: keep the tightest
    best: dict[tuple[str, str, int, int], Match] = {}
    for m in keep:
        key = (m.entry.finding_id, m.entry.value, m.start, m.end)
        if key not in best or m.gaps < best[key].gaps:
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.start, m.end, m.entry.finding_id))
