"""Every setting is documented and readable from the environment."""

from __future__ import annotations

import pytest

from symptomatic.settings import Settings


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_has_a_description(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.description and len(field.description) > 20, f"{name} needs a description"


def test_defaults_are_safe() -> None:
    s = Settings()
    assert s.store_free_text is False
    assert s.feedback_free_text is False
    assert s.admin_token is None
    assert s.database_url.startswith("sqlite:///")
    assert s.packs == ["all"]


def test_environment_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYMPTOMATIC_EMERGENCY_NUMBER", "112")
    monkeypatch.setenv("SYMPTOMATIC_PACKS", '["tiny", "other"]')
    s = Settings()
    assert s.emergency_number == "112"
    assert s.packs == ["tiny", "other"]
