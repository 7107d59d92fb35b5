"""Library in Chromium: search -> article -> "No" with a reason -> thanks; and axe on the
library pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_serious(page: Any) -> list[str]:
    """Returns the serious or critical axe violations on the page as 'rule: targets' lines."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{v['id']}: {[str(n.get('target')) for n in v.get('nodes', [])][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def test_search_article_feedback_no_with_reason(page: Any, tmp_path: Path) -> None:
    page.goto("/library")
    page.get_by_label("Search the health library").fill("back pain cervical cancer")
    page.get_by_role("button", name="Search").click()
    assert page.locator("mark").count() > 0
    page.screenshot(path=tmp_path / "1-results.png", full_page=True)
    page.get_by_role(
        "link", name="Can pelvic or lower back pain be related to cervical cancer?"
    ).click()
    assert page.locator("h1").inner_text().startswith("Can pelvic or lower back pain")
    assert page.locator(".red-flags").is_visible()
    button = page.get_by_role("link", name="Take the symptom check").first
    assert button.get_attribute("href") == "/check?focus=cervical_cancer"
    page.get_by_label("No", exact=True).check()
    page.get_by_label("It was hard to understand").check()
    page.screenshot(path=tmp_path / "2-feedback.png", full_page=True)
    page.get_by_role("button", name="Send feedback").click()
    assert page.locator("h1").inner_text() == "Thank you for your feedback"
    assert page.url.endswith("/library/cervical-cancer-pelvic-back-pain/thanks")


def test_feedback_form_works_without_javascript(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    try:
        pg = context.new_page()
        pg.goto("/library/sciatica")
        pg.get_by_label("Yes", exact=True).check()
        pg.get_by_role("button", name="Send feedback").click()
        assert pg.locator("h1").inner_text() == "Thank you for your feedback"
    finally:
        context.close()


@pytest.mark.parametrize(
    "path",
    ["/library", "/library/search?q=smear", "/library/topics/back-pain", "/library/sciatica"],
)
def test_library_pages_have_no_serious_axe_violations(page: Any, path: str) -> None:
    page.goto(path)
    assert axe_serious(page) == []
