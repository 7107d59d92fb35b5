"""Public API of the library, search and feedback packages: every name in __all__ exists."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize(
    "module", ["symptomatic.library", "symptomatic.search", "symptomatic.feedback"]
)
def test_all_names_exist(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__all__ == sorted(mod.__all__, key=lambda n: (not n.isupper(), n))
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.{name}"
