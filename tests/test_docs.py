"""The README documents every setting a deployment behind a reverse proxy needs, in its
"Deploying behind a reverse proxy" section, and the retention settings in "Privacy"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from symptomatic.settings import Settings

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
DEPLOYMENT = [
    "trusted_proxies",
    "allowed_hosts",
    "base_url",
    "https",
    "api_rate_limit",
    "api_rate_burst",
    "feedback_rate_limit",
    "admin_login_attempts",
]
PRIVACY = ["interview_retention_hours", "retention_days"]


def section(title: str) -> str:
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.S | re.M)
    assert found, f"README has no section {title!r}"
    return found.group(1)


@pytest.mark.parametrize("name", DEPLOYMENT)
def test_deployment_settings_are_in_the_readme(name: str) -> None:
    assert name in Settings.model_fields
    assert f"`SYMPTOMATIC_{name.upper()}`" in section("Deploying behind a reverse proxy")


@pytest.mark.parametrize("name", PRIVACY)
def test_retention_settings_are_in_the_readme(name: str) -> None:
    assert name in Settings.model_fields
    assert f"`SYMPTOMATIC_{name.upper()}`" in section("Privacy")
