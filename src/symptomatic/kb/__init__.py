"""Knowledge packs: schema, loading, composition and validation.

>>> kb = load_knowledge_base("back-pelvic")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from symptomatic.errors import PackError
from symptomatic.kb.knowledge import KnowledgeBase, PackInfo, compose
from symptomatic.kb.loader import builtin_pack_ids, load_pack, load_with_dependencies
from symptomatic.kb.parse_cache import ParseCache
from symptomatic.kb.validate import Report, validate

__all__ = [
    "ALL_PACKS",
    "KnowledgeBase",
    "PackInfo",
    "ParseCache",
    "Report",
    "builtin_pack_ids",
    "compose",
    "load_knowledge_base",
    "load_pack",
    "validate",
]


#: The name that means "every built-in pack, composed into one knowledge base".
ALL_PACKS = "all"


def load_knowledge_base(
    *names_or_paths: str | Path, check: bool = True, cache: ParseCache | None = None
) -> KnowledgeBase:
    """Load packs with their dependencies, compose them and (by default) validate; with
    ``cache``, pack files parsed before are read from it.

    With no names, or the name ``"all"``, every built-in pack is loaded: one knowledge base
    for every complaint (a narrower check names its packs).
    Raises :class:`PackError` listing every error when validation fails.
    """
    if not names_or_paths or ALL_PACKS in names_or_paths:
        names_or_paths = (*builtin_pack_ids(), *(n for n in names_or_paths if n != ALL_PACKS))
    packs = []
    seen: set[str] = set()
    for ref in names_or_paths:
        for pack in load_with_dependencies(ref, cache):
            if pack.meta.id not in seen:
                seen.add(pack.meta.id)
                packs.append(pack)
    kb = compose(packs)
    if check:
        report = validate(kb)
        if not report.ok:
            raise PackError("knowledge base is invalid", report.errors)
    return kb
