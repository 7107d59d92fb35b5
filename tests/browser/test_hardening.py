"""In Chromium: on a form error focus lands on the error summary (no JavaScript on the page:
autofocus does it) and the title starts with "Error:"; the feedback radios are at least
24 x 24 px; the favicon is an image Chromium decodes."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _focused_class(page: Any) -> str:
    return str(page.evaluate("document.activeElement && document.activeElement.className"))


def test_start_form_error_focuses_the_summary(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("Age in years").fill("abc")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.locator(".error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert _focused_class(page) == "error-summary"
    # the summary links to the field: following it focuses the age box
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "age"


def test_question_error_focuses_the_summary(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("Age in years").fill("40")
    page.get_by_label("Female").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.locator("legend h1").wait_for()
    assert not page.title().startswith("Error")
    # send the question without an answer (the browser's own check taken away)
    page.evaluate("document.querySelectorAll('input[required]').forEach(i => i.required = false)")
    with page.expect_navigation():
        page.get_by_role("button", name="Next").click()
    page.locator(".error-summary").wait_for()
    assert page.title().startswith("Error: ")
    assert _focused_class(page) == "error-summary"


def test_feedback_radios_are_at_least_24px(page: Any) -> None:
    page.goto("/library/sciatica")
    radios = page.locator(".feedback input[type=radio]")
    assert radios.count() >= 2
    for i in range(radios.count()):
        box = radios.nth(i).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, box


def test_favicon_is_an_image_chromium_can_show(browser: Any, live_server: str) -> None:
    # A context of its own: Playwright's request routing (the third-party guard of the
    # ``page`` fixture) makes Chromium fail every /favicon.ico request.
    context = browser.new_context(base_url=live_server)
    try:
        pg = context.new_page()
        pg.goto("/")
        width = pg.evaluate(
            """() => new Promise((resolve, reject) => {
                const img = new Image();
                img.onload = () => resolve(img.naturalWidth);
                img.onerror = () => reject(new Error("favicon did not decode"));
                img.src = "/favicon.ico";
            })"""
        )
    finally:
        context.close()
    assert width == 32
