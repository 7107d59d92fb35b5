"""The knowledge base of every built-in pack, loaded once for the language tests that read text
the way the product does (a test module needing fewer packs defines its own ``kb``)."""

from __future__ import annotations

import pytest

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.loader import builtin_pack_ids


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base(*builtin_pack_ids())
