"""Free text -> findings: what a person says, as evidence for the interview.

>>> from symptomatic.kb import load_knowledge_base  # doctest: +SKIP
>>> kb = load_knowledge_base("back-pelvic")  # doctest: +SKIP
>>> parse(kb, "My lower back has hurt for three weeks, no fever").to_evidence()  # doctest: +SKIP
{'low_back_pain': 'present', 'pain_duration': 'w1_6', 'fever': 'absent'}

The parser of a knowledge base (spaCy pipeline, ConText rules, lexicon) is built on first use
and cached for that knowledge base; nothing is built at import time.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.schema import Sex
from symptomatic.language.parser import Parser
from symptomatic.language.result import Mention, ParseResult

__all__ = ["Mention", "ParseResult", "Parser", "parse", "parser_for"]

_CACHE: dict[int, tuple[KnowledgeBase, Parser]] = {}
_CACHE_LOCK = threading.Lock()


@lru_cache(maxsize=8)
def _packs(names: tuple[str, ...]) -> KnowledgeBase:
    """The knowledge base of a set of packs, loaded once per set (so its parser is built once)."""
    return load_knowledge_base(*names)


def _knowledge_base(kb_or_model: Any) -> KnowledgeBase:
    if isinstance(kb_or_model, KnowledgeBase):
        return kb_or_model
    kb = getattr(kb_or_model, "kb", None)
    if isinstance(kb, KnowledgeBase):
        return kb
    if isinstance(kb_or_model, str | Path):
        return _packs((str(kb_or_model),))
    if isinstance(kb_or_model, Sequence) and all(isinstance(n, str | Path) for n in kb_or_model):
        return _packs(tuple(sorted(str(n) for n in kb_or_model)))
    raise TypeError(f"expected a KnowledgeBase, a Model or pack names, not {kb_or_model!r}")


def parser_for(kb_or_model: Any) -> Parser:
    """The cached :class:`Parser` of a knowledge base, a compiled Model, a pack name or a
    sequence of pack names (a pack set is loaded and its parser built once)."""
    kb = _knowledge_base(kb_or_model)
    with _CACHE_LOCK:
        hit = _CACHE.get(id(kb))
        # the stored kb keeps its id from being reused while the entry lives
        if hit is not None and hit[0] is kb:
            return hit[1]
        parser = Parser(kb)
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[id(kb)] = (kb, parser)
        return parser


def parse(
    kb_or_model: Any,
    text: str,
    sex: str | Sex | None = None,
    age: int | None = None,
    today: date | None = None,
) -> ParseResult:
    """Parse ``text`` into finding mentions (present / absent / option, with their spans).

    ``kb_or_model`` is a :class:`KnowledgeBase`, a compiled ``Model``, a pack name or a
    sequence of pack names.
    ``ParseResult.to_evidence()`` gives the evidence for ``interview.start``.
    """
    return parser_for(kb_or_model).parse(text, sex=sex, age=age, today=today)
