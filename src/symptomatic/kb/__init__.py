"""Knowledge packs: schema, loading, composition and validation.

>>> kb = load_knowledge_base("back-pelvic")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from symptomatic.errors import PackError
from symptomatic.kb.knowledge import KnowledgeBase, PackInfo, compose
from symptomatic.kb.loader import builtin_pack_ids, load_pack, load_with_dependencies
from symptomatic.kb.validate import Report, validate

__all__ = [
    "KnowledgeBase",
    "PackInfo",
    "Report",
    "builtin_pack_ids",
    "compose",
    "load_knowledge_base",
    "load_pack",
    "validate",
]


def load_knowledge_base(*names_or_paths: str | Path, check: bool = True) -> KnowledgeBase:
    """Load packs with their dependencies, compose them and (by default) validate.

    Raises :class:`PackError` listing every error when validation fails.
    """
    packs = []
    seen: set[str] = set()
    for ref in names_or_paths:
        for pack in load_with_dependencies(ref):
            if pack.meta.id not in seen:
                seen.add(pack.meta.id)
                packs.append(pack)
    kb = compose(packs)
    if check:
        report = validate(kb)
        if not report.ok:
            raise PackError("knowledge base is invalid", report.errors)
    return kb
