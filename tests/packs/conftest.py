"""The packs' shared fixture: one model of every built-in pack for the whole session (compiling
it takes a second or two; six test modules read it and none changes it)."""

from __future__ import annotations

import pytest

from symptomatic.engine import Model
from symptomatic.kb import load_knowledge_base


@pytest.fixture(scope="session")
def all_model() -> Model:
    return Model.compile(load_knowledge_base())
