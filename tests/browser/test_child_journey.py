"""A parent's check for their child in Chromium (child-fever fixture pack: made-up numbers),
a baby's fever stopping at once, and a child's age refused where only adult packs are served."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.browser.test_journeys import answer_until_result, axe_serious, go

pytestmark = pytest.mark.browser


def test_a_parent_checks_their_toddler(child_page: Any, tmp_path: Path) -> None:
    page = child_page
    page.goto("/check")
    assert axe_serious(page) == []
    page.get_by_label("My child", exact=True).check()
    page.get_by_label("Age in years").fill("3")
    page.get_by_label("Male", exact=True).check()
    go(page, page.get_by_role("button", name="Continue"))
    first = page.locator("legend h1").inner_text()
    assert first.startswith("Has your child had a high temperature")
    page.get_by_label("Yes", exact=True).check()
    go(page, page.get_by_role("button", name="Next"))
    assert page.locator("legend h1").inner_text() == (
        "Since the fever started, has your child had any of these?"
    )
    assert axe_serious(page) == []
    page.screenshot(path=tmp_path / "child-question.png", full_page=True)
    answer_until_result(page, prefer="No")
    assert "This result is about your child" in page.locator("p.lead").first.inner_text()
    assert "your child" in page.locator("#triage-title").inner_text()
    assert "your child" in page.locator("p.advice").inner_text()
    assert axe_serious(page) == []
    page.screenshot(path=tmp_path / "child-result.png", full_page=True)


def test_a_baby_of_two_months_with_fever_gets_the_emergency_at_once(child_page: Any) -> None:
    page = child_page
    page.goto("/check")
    page.get_by_label("My child", exact=True).check()
    page.get_by_label("Age in years").fill("0")
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill("she has a fever")
    go(page, page.get_by_role("button", name="Continue"))
    assert "age in months too" in page.locator(".error-summary").inner_text()
    page.get_by_label("Age in months, for a baby under 1 year").fill("2")
    go(page, page.get_by_role("button", name="Continue"))
    assert page.locator("h1").inner_text() == "Is this right?"
    go(page, page.get_by_role("button", name="Continue to the questions"))
    banner = page.locator(".emergency-banner")
    assert banner.count() == 1 and "younger than 3 months" in banner.inner_text()
    assert page.locator("#triage-title").inner_text() == "Emergency: get help for your child now"
    assert page.locator("legend h1").count() == 0  # no question asked


def test_a_childs_age_is_refused_on_the_adult_check(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("My child", exact=True).check()
    page.get_by_label("Age in years").fill("3")
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill("her back hurts")
    go(page, page.get_by_role("button", name="Continue"))
    summary = page.locator(".error-summary").inner_text()
    assert "This check does not cover age 3: it is written for ages 16 and over." in summary
    assert page.get_by_label("My child", exact=True).is_checked()
