"""The journeys of issue 4 in Chromium: cervical-cancer worry, saddle numbness (emergency
banner at once), the back button, print view, keyboard only, 360 px, and axe on every page
type. Screenshots go to the test's tmp dir."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "rules": {"target-size": {"enabled": True}},
    "resultTypes": ["violations"],
}


def axe_serious(page: Any) -> list[str]:
    """Serious or critical axe violations on the page, as 'rule: target' lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    out = []
    for v in results.response["violations"]:
        if v.get("impact") in ("serious", "critical"):
            targets = [str(n.get("target")) for n in v.get("nodes", [])][:3]
            out.append(f"{v['id']} ({v['impact']}): {targets}")
    return out


def go(page: Any, target: Any) -> None:
    """Click a link or submit button and wait until the next page has loaded."""
    with page.expect_navigation(timeout=30_000):
        target.click()


def answer_until_result(page: Any, prefer: str = "No", limit: int = 30) -> int:
    """Answer each question (``prefer`` when offered, else the first option); returns how
    many questions were answered before the result page."""
    for n in range(limit):
        # wait for the next page (question or result) to be there: a POST-redirect-GET
        # navigation may still be under way after the click, above all on a loaded machine
        page.locator("legend h1, h1:has-text('Your result')").first.wait_for(timeout=30_000)
        if page.locator("h1", has_text="Your result").count():
            return n
        legend = page.locator("legend h1")
        assert legend.count() == 1, page.content()[:2000]
        if page.locator("input[name=item]").count():  # a group question ("any of these?")
            page.get_by_label("None of these", exact=True).check()
            go(page, page.get_by_role("button", name="Next"))
            continue
        choice = page.get_by_label(prefer, exact=True)
        if choice.count() == 0:
            choice = page.locator("input[name=answer]").first
        choice.check()
        go(page, page.get_by_role("button", name="Next"))
    raise AssertionError("no result page")


def test_cervical_cancer_worry_journey(page: Any, tmp_path: Path) -> None:
    page.goto("/check?focus=cervical_cancer")
    heading = page.locator("h1").inner_text()
    assert heading.startswith("Could it be") and "cervix" in heading
    page.screenshot(path=tmp_path / "1-focus-start.png", full_page=True)
    page.get_by_label("Age in years").fill("45")
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill(
        "Pain low in my pelvis and lower back for a few weeks, and bleeding after sex"
    )
    go(page, page.get_by_role("button", name="Continue"))
    assert page.locator("h1").inner_text() == "Is this right?"
    page.screenshot(path=tmp_path / "2-confirm.png", full_page=True)
    go(page, page.get_by_role("button", name="Continue to the questions"))
    assert page.locator("progress").count() == 1
    page.screenshot(path=tmp_path / "3-question.png", full_page=True)
    answer_until_result(page)
    page.screenshot(path=tmp_path / "4-result.png", full_page=True)
    text = page.locator("main").inner_text()
    assert "cervix" in text.lower() or "cervical" in text.lower()
    assert "What to do now" in text and "not a diagnosis" in text
    assert page.locator(".triage h2").inner_text()  # the level in words
    assert page.locator(".triage svg[aria-hidden=true]").count() == 1  # and an icon
    assert axe_serious(page) == []


def test_saddle_numbness_shows_the_emergency_banner_at_once(page: Any, tmp_path: Path) -> None:
    page.goto("/check")
    page.get_by_label("Age in years").fill("52")
    page.get_by_label("Male", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill(
        "Bad lower back pain and numbness around my bottom since this morning"
    )
    go(page, page.get_by_role("button", name="Continue"))
    go(page, page.get_by_role("button", name="Continue to the questions"))
    banner = page.locator(".emergency-banner")
    assert banner.is_visible(), page.content()[:3000]
    assert "999" in banner.inner_text()
    assert banner.get_attribute("role") == "alert"
    page.screenshot(path=tmp_path / "emergency.png", full_page=True)
    assert axe_serious(page) == []


def test_hidden_emergency_found_by_the_screen_stops_and_names_the_condition(
    page: Any, tmp_path: Path
) -> None:
    """A bland complaint; the warning sign is only found by the screen's group question."""
    page.goto("/check")
    page.get_by_label("Age in years").fill("42")
    page.get_by_label("Male", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill("lower back pain after lifting")
    go(page, page.get_by_role("button", name="Continue"))
    go(page, page.get_by_role("button", name="Continue to the questions"))
    assert page.locator("input[name=item]").count() >= 3  # the warning signs, together
    assert page.locator(".emergency-banner").count() == 0
    page.screenshot(path=tmp_path / "screen.png", full_page=True)
    assert axe_serious(page) == []
    page.get_by_label("Numbness around the bottom or genitals").check()
    go(page, page.get_by_role("button", name="Next"))
    # stopped at once: the result, with the banner, naming the condition
    assert page.locator("h1", has_text="Your result").count() == 1
    assert page.locator("legend h1").count() == 0
    banner = page.locator(".emergency-banner")
    assert banner.is_visible() and "999" in banner.inner_text()
    assert "Cauda equina syndrome" in page.locator(".conditions").inner_text()
    page.screenshot(path=tmp_path / "emergency-result.png", full_page=True)
    assert axe_serious(page) == []
    # the person may go on answering for the doctor's summary
    go(page, page.get_by_role("button", name="Answer a few more questions"))
    assert page.locator("legend h1").count() == 1
    assert page.locator(".emergency-banner").is_visible()


def test_back_button(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("Age in years").fill("30")
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill("lower back pain")
    go(page, page.get_by_role("button", name="Continue"))
    go(page, page.get_by_role("button", name="Continue to the questions"))
    first_url, first_q = page.url, page.locator("legend h1").inner_text()
    page.get_by_label("None of these", exact=True).check()  # the warning signs come first
    go(page, page.get_by_role("button", name="Next"))
    second_q = page.locator("legend h1").inner_text()
    assert "Question 2" in page.locator(".progress-text").inner_text()
    # The browser's back and forward buttons ...
    page.go_back()
    assert page.url == first_url and page.locator("legend h1").inner_text() == first_q
    page.go_forward()
    assert page.locator("legend h1").inner_text() == second_q
    # ... and our Back link.
    go(page, page.get_by_role("link", name="Back", exact=True))
    assert page.url == first_url and page.locator("legend h1").inner_text() == first_q


def test_print_view(page: Any, tmp_path: Path) -> None:
    page.goto("/check")
    page.get_by_label("Age in years").fill("40")
    page.get_by_label("Female", exact=True).check()
    go(page, page.get_by_role("button", name="Continue"))
    answer_until_result(page)
    go(page, page.get_by_role("link", name=re.compile("What to bring to your doctor")))
    assert page.locator("h1").inner_text() == "What to bring to your doctor"
    assert axe_serious(page) == []
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".no-print").is_visible()
    page.screenshot(path=tmp_path / "print.png", full_page=True)
    page.pdf(path=str(tmp_path / "print.pdf"))
    assert (tmp_path / "print.pdf").stat().st_size > 1000


def test_keyboard_only(page: Any) -> None:
    page.goto("/check")
    page.keyboard.press("Tab")  # skip link first
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.locator("#age").focus()
    page.keyboard.type("35")
    page.keyboard.press("Tab")  # the months field, for a baby's age: left empty
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # first radio: Female
    assert page.locator("#sex-female").is_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("my lower back hurts")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Continue
    assert page.locator("h1").inner_text() == "Is this right?"
    page.locator("button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(30):
        if page.locator("h1", has_text="Your result").count():
            break
        if page.locator("#i-none").count():  # a group question: tick "None of these"
            page.locator("#i-none").focus()
        else:
            page.locator("input[name=answer]").first.focus()
        page.keyboard.press("Space")
        page.keyboard.press("Tab")  # to Next
        assert page.evaluate("document.activeElement.textContent.trim()") == "Next"
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.locator("h1", has_text="Your result").count() == 1


@pytest.mark.parametrize("path", ["/", "/check", "/check?focus=cervical_cancer", "/api/docs"])
def test_axe_and_360px_on_static_pages(
    browser: Any, live_server: str, path: str, tmp_path: Path
) -> None:
    ctx = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    page.goto(path)
    assert axe_serious(page) == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path} scrolls sideways at 360 px ({width} px)"
    page.screenshot(path=tmp_path / "narrow.png", full_page=True)
    ctx.close()


def test_axe_and_360px_through_a_check(browser: Any, live_server: str, tmp_path: Path) -> None:
    ctx = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740})
    page = ctx.new_page()

    def check(name: str) -> None:
        assert axe_serious(page) == [], name
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
        page.screenshot(path=tmp_path / f"{name}.png", full_page=True)

    page.goto("/check")
    go(page, page.get_by_role("button", name="Continue"))  # empty form: error page type
    check("form-errors")
    page.get_by_label("Age in years").fill("61")
    page.get_by_label("Female", exact=True).check()
    page.get_by_label("Describe what is bothering you").fill("back pain, no fever")
    go(page, page.get_by_role("button", name="Continue"))
    check("confirm")
    go(page, page.get_by_role("button", name="Continue to the questions"))
    check("question")
    answer_until_result(page)
    check("result")
    page.goto("/check/s/unknown-token")
    check("not-found")
    ctx.close()
