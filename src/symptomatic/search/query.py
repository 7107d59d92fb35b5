"""Free text -> a safe, expanded full-text query.

The user's text is reduced to lower-case alphanumeric words (so no quote, operator or column
filter can ever reach FTS5 or ``websearch_to_tsquery``), common function words are dropped,
misspelt words gain their nearest index word (rapidfuzz), and lay phrases gain their clinical
equivalents from the synonym table. Terms are OR-ed: the database's relevance ranking (bm25 or
``ts_rank_cd``) puts the documents that match more, and rarer, terms first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from symptomatic.search.synonyms import SynonymTable, tokens

_STOPWORDS_TEXT = """
    a about after all also am an and any are as at be been before being but by can cause
    caused causes could did do does doing for from get got had has have having how i if im in
    into is it its just me more my no not of off on or our out should so some than that the
    their them then there these they this those to too up very was we were what whats when
    where which who why will with would you your yours"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
MIN_FUZZY_LENGTH = 4
FUZZY_CUTOFF = 80.0
MAX_TERMS = 24


@dataclass(frozen=True)
class QueryPlan:
    """The words and phrases to search for, OR-ed together; all alphanumeric."""

    words: tuple[str, ...]
    phrases: tuple[str, ...]
    #: The person's own words (function words dropped, typos corrected); the rest of
    #: ``words`` and ``phrases`` were added by synonym expansion and count for less.
    typed: tuple[str, ...] = ()

    def fts5_typed(self) -> str:
        """Returns an FTS5 MATCH expression for the person's own (corrected) words only."""
        return " OR ".join(f'"{t}"' for t in self.typed)

    @property
    def empty(self) -> bool:
        """True when there is nothing to search for."""
        return not self.words and not self.phrases

    def fts5(self) -> str:
        """Returns an FTS5 MATCH expression: every term a quoted string, joined by OR."""
        return " OR ".join(f'"{t}"' for t in (*self.words, *self.phrases))

    def websearch(self) -> str:
        """Returns ``websearch_to_tsquery`` input: words and quoted phrases joined by ``or``."""
        return " or ".join([*self.words, *(f'"{p}"' for p in self.phrases)])


class QueryBuilder:
    """Builds :class:`QueryPlan` values against one index vocabulary and synonym table."""

    def __init__(self, vocabulary: Iterable[str], synonyms: SynonymTable) -> None:
        self._vocabulary = frozenset(vocabulary)
        self._choices = sorted(w for w in self._vocabulary if len(w) >= MIN_FUZZY_LENGTH - 1)
        self._synonyms = synonyms

    def correct(self, word: str) -> str | None:
        """Returns the closest index word to a word the index does not contain, or None when
        the word is known, short, or nothing is close enough."""
        if word in self._vocabulary or len(word) < MIN_FUZZY_LENGTH or word.isdigit():
            return None
        best = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return None if best is None else str(best[0])

    def plan(self, text: str) -> QueryPlan:
        """Returns the expanded, de-duplicated plan for free text (may be empty)."""
        raw = tokens(text)
        content = [w for w in raw if w not in STOPWORDS] or raw
        corrected = [self.correct(w) or w for w in content]
        words: list[str] = []
        for original, fixed in zip(content, corrected, strict=True):
            for w in (original, fixed):
                if w not in words:
                    words.append(w)
        phrases: list[str] = []
        for source in (content, corrected):
            for target in self._synonyms.expand(source):
                parts = target.split()
                if len(parts) == 1:
                    if parts[0] not in words:
                        words.append(parts[0])
                elif target not in phrases:
                    phrases.append(target)
                    for part in parts:  # each word too, so a partial match still counts
                        if part not in STOPWORDS and part not in words:
                            words.append(part)
        return QueryPlan(
            tuple(words[:MAX_TERMS]), tuple(phrases[:MAX_TERMS]), tuple(dict.fromkeys(corrected))
        )
