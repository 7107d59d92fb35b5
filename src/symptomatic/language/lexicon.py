"""The lexicon: every phrase of a knowledge base's findings, as keys, indexed for matching.

Every finding contributes phrases: its name and synonyms (value ``present``) and, for choice
findings, its option labels (value = the option id); a pack's body systems (said only as
denials), denial words and compound parts add entries of their own kinds. Phrases are reduced
to keys by :mod:`symptomatic.language.normalise`, the same way as the text; other word orders
that say the same thing are generated. Spelling slips in the text are corrected against the
lexicon's own vocabulary (:meth:`Lexicon.correct`). Matching is :mod:`.matching`.
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
    LAY_WORDS,
    LINK_VERBS,
    _words,
    is_word,
    normalise_words,
    phrase_keys,
    stem,
    word_key,
)

Tokenizer = Callable[[str], Sequence[str]]

# Words that symptoms attach to; "back pain" also matches "pain in my back".
_HEADS = frozenset({"pain", "stiff", "numb", "tingl", "weak", "swell", "cramp", "burn", "sting"})
# Place words dropped when a symptom word moves to the end ("numb around X" -> "X numb").
_LINKS = frozenset(word_key(w) for w in _words("around near over across under below behind into"))
# Words that order what they join ("after the toilet" is not "the toilet after"): a phrase
# with one of them is never reversed ("150 over", a blood-pressure reading, is not "over 150").
_RELATIONAL = frozenset(
    word_key(w)
    for w in _words(
        "after before when during since than while until once from over under above below"
    )
)
# Everyday words one edit away from a lexicon word; never "corrected".
_COMMON = frozenset(
    _words(
        "sitting standing walking passing waiting getting setting letting putting cutting writing "
        "breeding reading leading feeding heading needing seeding weeding wedding "
        "fewer never lever later water wider longer linger finger hunger there where three "
        "though through thought tough touch watch match catch worst worse whole while "
        "house horse hours other mother brother either rather better bitter butter "
        "several stopped stepped dropped started sorted sister mister tired tried cried dried "
        "month mouth south north worth weight eight height right night light sight tight fight "
        "bloated floated coated boated plants paints points saint faint "
        # high blood pressure is not low blood pressure ("hypertensive" is not "hypotensive")
        "hypertensive hypertension "
        # months and days are never slips ("since March" is not "since match")
        "january february march april june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday"
    )
)
# the key every pain word shares ("agony", "sore", "twinge" are all "pain")
_PAIN_KEY = LAY_WORDS["pain"]


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
    # a body system's word ("waterworks"): it says something only when denied
    system: bool = False
    # a word that says the finding is absent ("apyrexial")
    denies: bool = False
    # a word of a compound's part ("nurofen"): ``finding_id`` is then the part's id
    part: bool = False
    # a word said with small words ("wakes me"): matched word for word, but any inflection of
    # its words ("doesn't wake me", "waking me")
    inflect: bool = False


# gerunds whose stem as a noun means something else: "spotting" (bleeding), not "a spot"
_OWN_GERUNDS = frozenset(["spotting", "spottings"])

# small words of direction and joining: a phrase of these alone ("on and off", "up and
# down") means something only as written
_PARTICLE_KEYS = frozenset(word_key(w) for w in _words("on off and or in out up down"))

_QUALIFIERS = frozenset(_words("men women male female adults adult children child"))


def _split_name(name: str) -> list[str]:
    """A finding's name as phrases: "Osteoporosis (thin bones)" -> both parts.

    A qualifier in brackets ("Pain between the legs (men)") is not a phrase of its own.
    """
    parts = [p.strip() for p in re.split(r"[()/;]", name) if p.strip()]
    return [p for p in parts if p.lower() not in _QUALIFIERS]


def _plain(words: Sequence[str]) -> tuple[str, ...]:
    """Lower-cased words without punctuation, for word-for-word matching."""
    return tuple(w.lower().replace("’", "'") for w in words if is_word(w))


class Lexicon:
    """Phrases of every finding, indexed for matching: ``by_first`` (first key),
    ``by_second`` (second key, phrases of three or more keys) and ``exact_by_first`` (first
    word, phrases matched word for word)."""

    def __init__(self, entries: Iterable[Entry], extra_words: Iterable[str] = ()) -> None:
        self.entries: list[Entry] = []
        #: finding id -> findings whose phrases inside its own phrases are not said
        #: (``hides:`` of the synonyms files)
        self.hides: dict[str, frozenset[str]] = {}
        #: finding id -> the pack defining it (not the core's findings, which every pack
        #: shares), and finding id -> itself and its ancestors; see :func:`matching.longest`
        self.pack_of: dict[str, str] = {}
        self.lineage: dict[str, frozenset[str]] = {}
        #: the complaints: a complaint's words hide another finding's said over the same words
        #: (``hides``), where a qualifier's hide only the shorter phrases inside its own
        self.complaints: frozenset[str] = frozenset()
        self.by_first: dict[str, list[Entry]] = defaultdict(list)
        self.exact_by_first: dict[str, list[Entry]] = defaultdict(list)
        self.inflected_by_first: dict[str, list[tuple[Entry, tuple[str, ...]]]] = defaultdict(list)
        self.by_second: dict[str, list[Entry]] = defaultdict(list)
        entries = list(entries)
        vocab = {w.lower() for e in entries for w in re.findall(r"[A-Za-z]+", e.phrase)}
        # one entry per (finding, value, keys, words); a phrase the pack gives as written wins
        # over the same keys generated as a strict reordering ("sweating at night" may have a
        # gap, although "night sweats" reversed may not)
        unique: dict[tuple[str, str, tuple[str, ...], tuple[str, ...], bool], Entry] = {}
        for entry in entries:
            ident = (entry.finding_id, entry.value, entry.keys, entry.words, entry.denies)
            if entry.part:
                ident = ("part:" + entry.finding_id, *ident[1:])
            if entry.keys and (
                ident not in unique
                or (unique[ident].system, unique[ident].strict) > (entry.system, entry.strict)
            ):
                unique[ident] = entry
        for entry in unique.values():
            self.entries.append(entry)
            if entry.words and entry.inflect:
                stems = tuple(stem(w) for w in entry.words)
                self.inflected_by_first[stems[0]].append((entry, stems))
            elif entry.words:
                self.exact_by_first[entry.words[0]].append(entry)
            else:
                self.by_first[entry.keys[0]].append(entry)
                if len(entry.keys) >= 3:
                    self.by_second[entry.keys[1]].append(entry)
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

        def add(
            finding_id: str,
            value: str,
            phrase: str,
            system: bool = False,
            denies: bool = False,
            part: bool = False,
        ) -> None:
            tokens = tokenize(phrase)
            keys = phrase_keys(tokens)
            plain = _plain(tokens)
            kind = {"system": system, "denies": denies, "part": part}
            # "peeing fine" is not "my wee looks fine": a system's words as written; a part's
            # too ("nothing touches it" is not "touch")
            if system or part:
                entries.append(Entry(finding_id, value, keys, phrase, words=plain, **kind))
                return
            # "getting more painful" without its verb would be "more painful": word for word
            if len(plain) > 1 and plain[0] in LINK_VERBS:
                entries.append(Entry(finding_id, value, keys, phrase, words=plain, **kind))
                return
            # "on and off" is only particles: with a word between them ("and is off") they say
            # nothing, so it is matched word for word
            if len(plain) > 1 and all(k in _PARTICLE_KEYS for k in keys):
                entries.append(Entry(finding_id, value, keys, phrase, words=plain, **kind))
                return
            units = normalise_words(plain)
            # a gerund that is a word of its own ("spotting", light bleeding) is not its
            # stem's noun ("a sore spot"): matched as written
            if len(plain) == 1 and plain[0] in _OWN_GERUNDS:
                entries.append(Entry(finding_id, value, keys, phrase, words=plain, **kind))
                return
            # "agony" for severe pain: a lay word that shares its key with others ("pain")
            # says more than the key, so it matches as written
            if len(plain) == 1 and keys == (_PAIN_KEY,) and plain[0] != _PAIN_KEY:
                entries.append(Entry(finding_id, value, keys, phrase, words=plain, **kind))
                return
            if len(keys) == 1 and len(plain) > 1 and len(units) == 1:
                # "been sick", "pins and needles": one lay unit, matched by its key; but "in
                # agony" is a word plus a filler and must be said word for word, or it would
                # match every pain
                words = () if units[0][1] - units[0][0] > 1 else plain
                entries.append(
                    Entry(finding_id, value, keys, phrase, words=words, inflect=bool(words), **kind)
                )
                return
            entries.append(Entry(finding_id, value, keys, phrase, **kind))
            for variant, strict in _variants(keys):
                entries.append(Entry(finding_id, value, variant, phrase, strict=strict, **kind))

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
        for system in kb.systems.values():
            for phrase in system.phrases:
                for finding_id in system.findings:
                    add(finding_id, "present", phrase, system=True)
        for finding_id, phrases in kb.denials.items():
            for phrase in phrases:
                add(finding_id, "present", phrase, denies=True)
        for part_id, phrases in kb.parts.items():
            for phrase in phrases:
                add(part_id, "present", phrase, part=True)
        lexicon = cls(entries, extra)
        lexicon.hides = dict(kb.hides)
        lexicon.pack_of = {
            fid: pack
            for fid in kb.findings
            if (pack := kb.origin.get("finding:" + fid)) not in (None, "core")
        }

        for fid, finding in kb.findings.items():
            line = {fid}
            parent = finding.parent
            while parent is not None and parent not in line:
                line.add(parent)
                parent = kb.findings[parent].parent
            lexicon.lineage[fid] = frozenset(line)
        lexicon.complaints = frozenset(
            f.id for f in kb.findings.values() if f.group is FindingGroup.COMPLAINT
        )
        return lexicon

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
