"""Findings said across two clauses: a result told after its test, a denial naming only the thing.

The lexicon matches a phrase inside one clause. Two common ways of speaking split a phrase:

- a test and its result told apart, the result pointing back with "it" / "which":
  "I took a test this morning *and it was positive*", "did a pregnancy test, *it's
  negative*". The test's words and the result's words are matched as one phrase
  ("test was positive"), spanning from the test to the result.
- a bare denial whose place was named earlier in the sentence: "Peeing is fine, *no blood*",
  "I pee a lot but *no pain*", "my legs are fine, *no weakness*". The denied word and the
  place (urine, stool, back passage, legs) are matched as one phrase ("blood in urine"), on
  the denied word only; such a mention is kept only when ConText reads it as denied (see
  ``Parser.parse``), so "peeing is fine, some blood" is left to the lexicon.

Both return :class:`~symptomatic.language.matching.Match` objects like the lexicon's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from symptomatic.language.lexicon import Lexicon
from symptomatic.language.matching import Match, match_words
from symptomatic.language.normalise import word_key

_TESTS = frozenset(["test", "tests", "result", "results"])
_RESULTS = frozenset(["positive", "negative", "+ve", "-ve"])
_POINTERS = frozenset(["it", "which", "that", "this", "they", "both"])
# the words between the pointer and the result: "it *was* positive", "which *came back*
# negative", "it *'s not* positive", "they *both showed* positive"
_RESULT_VERBS = frozenset(
    [
        "was",
        "is",
        "'s",
        "were",
        "are",
        "came",
        "come",
        "comes",
        "coming",
        "back",
        "up",
        "out",
        "showed",
        "shows",
        "show",
        "turned",
        "turns",
        "said",
        "says",
        "to",
        "be",
        "been",
        "has",
        "have",
        "had",
        "not",
        "n't",
        "nt",
        "definitely",
        "clearly",
        "also",
    ]
)
_SENTENCE_END = frozenset([".", "!", "?", ";", "\n"])
_NEGATIONS = frozenset(["no", "not", "n't", "nt", "never", "nor", "without", "any"])
# a thing denied on its own, and the places that say which finding it is
_DENIED_KEYS = frozenset(["blood", "bleed", "pain", "weak", "numb", "tingl", "swell"])
_PLACE_KEYS = frozenset(["urin", "stool", "rectum", "leg"])


def _sentence_start(words: Sequence[str], i: int) -> int:
    while i > 0 and words[i - 1] not in _SENTENCE_END:
        i -= 1
    return i


def result_matches(lexicon: Lexicon, words: Sequence[str]) -> list[Match]:
    """Matches of a test and its result told in different clauses ("a test ... it was positive").

    Returns matches spanning from the test's words to the result.
    """
    out: list[Match] = []
    lowered = [w.lower().replace("’", "'") for w in words]
    for k, word in enumerate(lowered):
        if word not in _RESULTS:
            continue
        # the verb chain back to the pointer: "it was", "which came back"
        j = k - 1
        while j >= 0 and lowered[j] in _RESULT_VERBS:
            j -= 1
        if j < 0 or lowered[j] not in _POINTERS or j == k - 1:
            continue
        lo = _sentence_start(lowered, j)
        test = next((i for i in range(j - 1, max(lo, j - 15) - 1, -1) if lowered[i] in _TESTS), -1)
        if test < 0:
            continue
        # the test's own words ("a pregnancy test", "the test for chlamydia") and the result's
        head = [i for i in range(max(lo, test - 2), test + 1) if lowered[i].isalpha()]
        if test + 2 < j and lowered[test + 1] == "for":
            head += [test + 1, test + 2]
        tail = list(range(j + 1, k + 1))
        for m in match_words(lexicon, words, head + tail):
            if m.end == k + 1 and m.start <= test:
                out.append(m)
    return out


def place_named_before(words: Sequence[str], t: int) -> bool:
    """True if a place (the legs, the urine, the bowels) is named earlier in the sentence of
    word ``t`` ("My legs are fine, no numbness")."""
    lo = _sentence_start(words, t)
    return any(word_key(words[i].lower()) in _PLACE_KEYS for i in range(lo, t))


def denied_at_place_matches(
    lexicon: Lexicon, words: Sequence[str], found: Sequence[Match]
) -> list[Match]:
    """Candidate matches of a denied word whose place was named earlier ("peeing is fine, no
    blood"), on the denied word alone.

    A word already inside a lexicon match is left alone. The caller keeps a candidate only
    when it is read as denied. Returns the candidates.
    """
    covered = {i for m in found for i in range(m.start, m.end)}
    out: list[Match] = []
    for t, word in enumerate(words):
        if t in covered or word_key(word.lower()) not in _DENIED_KEYS:
            continue
        if not any(w.lower() in _NEGATIONS for w in words[max(0, t - 3) : t]):
            continue
        lo = _sentence_start(words, t)
        # a fragment ("My pee is cloudy. No blood.") goes on about the sentence before it
        end = next((i for i in range(t, len(words)) if words[i] in _SENTENCE_END), len(words))
        if lo > 0 and end - lo <= 4:
            lo = _sentence_start(words, lo - 1)
        place = next(
            (i for i in range(t - 1, lo - 1, -1) if word_key(words[i].lower()) in _PLACE_KEYS),
            -1,
        )
        if place < 0:
            continue
        for idxs in ([t, place], [place, t]):
            for m in match_words(lexicon, words, idxs):
                if m.entry.value == "present" and len(m.entry.keys) == 2:
                    out.append(replace(m, start=t, end=t + 1, elliptic=True))
    # one candidate per finding
    unique = {(m.entry.finding_id, m.start): m for m in out}
    return list(unique.values())
