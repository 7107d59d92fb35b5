"""One clause of the text as the matcher reads it: words, slips corrected, keys.

The text is cut into clauses at punctuation (:func:`clauses`); each becomes a
:class:`Clause`, the one value every matching step of :mod:`.matching` works on. Positions
come in two kinds: a *key position* (an index into ``keys``, one per lay unit after fillers are
dropped) and a *token* (an index into the doc); ``span`` turns key positions into tokens.

>>> c = Clause.read(["my", "tummy", "is", "swollen"], [0, 1, 2, 3], lambda w: None)
>>> c.keys, c.span(0, 1)
(('abdomen', 'swollen'), (1, 4))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from symptomatic.language.normalise import _words, is_word, normalise_words

_CLAUSE_BREAK = re.compile(r"^[.,;:!?()\[\]\"…]+$|^(--|—|–)$")
# words that qualify the thing they stand before, skipped like adverbs: "an ache deep in my
# *right* buttock" still says "ache in my buttock" (the side is matched on its own)
_QUALIFYING = frozenset(_words("left right deep dull sharp nagging constant proper real"))
# words ending in "-ly" that are not adverbs
_NOT_ADVERBS = frozenset(
    _words("belly family only early july italy ugly holy jelly bully rally reply supply apply ally")
)


def _adverb(word: str) -> bool:
    """True for an adverb of manner or degree ("suddenly", "severely", "badly")."""
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


def clauses(words: Sequence[str]) -> Iterator[list[int]]:
    """The token positions of each clause of ``words`` (punctuation dropped), in order."""
    clause: list[int] = []
    for idx, w in enumerate(words):
        if _CLAUSE_BREAK.match(w):
            if clause:
                yield clause
            clause = []
        elif is_word(w):
            clause.append(idx)
    if clause:
        yield clause


@dataclass(frozen=True)
class Clause:
    """Words of one clause, read for matching.

    ``idxs[i]`` is the doc token of word i; ``plain`` the words lower-cased after spelling
    correction (``corrected[i]`` says word i was corrected); ``keyed`` the lay units as
    ``(first_word, last_word_exclusive, key)``, ``keys`` their keys; ``skippable`` the key
    positions of adverbs and qualifiers a phrase may skip over.
    """

    idxs: tuple[int, ...]
    plain: tuple[str, ...]
    corrected: tuple[bool, ...]
    keyed: tuple[tuple[int, int, str], ...]
    keys: tuple[str, ...]
    skippable: frozenset[int]

    @classmethod
    def read(
        cls, words: Sequence[str], idxs: Sequence[int], correct: Callable[[str], str | None]
    ) -> Clause:
        """The clause of ``words`` at token positions ``idxs``; ``correct`` fixes a slip."""
        fixed: list[str] = []
        corrected: list[bool] = []
        for i in idxs:
            fix = correct(words[i])
            fixed.append(fix if fix is not None else words[i])
            corrected.append(fix is not None)
        keyed = tuple(normalise_words(fixed))
        plain = tuple(w.lower().replace("’", "'") for w in fixed)
        skippable = frozenset(
            p
            for p, (a, b, _) in enumerate(keyed)
            if b - a == 1 and (_adverb(plain[a]) or plain[a] in _QUALIFYING)
        )
        return cls(
            idxs=tuple(idxs),
            plain=plain,
            corrected=tuple(corrected),
            keyed=keyed,
            keys=tuple(k for _, _, k in keyed),
            skippable=skippable,
        )

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The doc token range ``[start, end)`` of key positions ``first`` to ``last``."""
        return self.idxs[self.keyed[first][0]], self.idxs[self.keyed[last][1] - 1] + 1

    def fuzzy(self, first: int, last: int) -> bool:
        """True when a word of key positions ``first`` to ``last`` was a corrected slip."""
        return any(self.corrected[self.keyed[first][0] : self.keyed[last][1]])

    def word_after(self, pos: int) -> str:
        """The plain word right after key position ``pos`` ("" at the clause's end)."""
        after = self.keyed[pos][1]
        return self.plain[after] if after < len(self.plain) else ""

    def word_of(self, pos: int) -> str:
        """The (first) plain word of key position ``pos``."""
        return self.plain[self.keyed[pos][0]]

    def side_by_side(self, a: int, b: int) -> bool:
        """True when key positions ``a`` and ``b = a + 1`` have no dropped word between them."""
        return self.keyed[b][0] == self.keyed[a][1]
