"""Rendering: Markdown to sanitised HTML, citations, JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

from symptomatic.library import load_library, render_body, sanitise
from symptomatic.library.loader import parse_article
from symptomatic.library.render import json_ld, json_ld_script, plain_text

GOOD = (Path(__file__).parent / "data" / "test-article.md").read_text(encoding="utf-8")


EVIL = GOOD.replace(
    "Body text citing a source [ref:r1].",
    "Hello <script>alert(1)</script> <img src=x onerror=alert(2)>"
    ' <a href="javascript:alert(3)" onclick="x()">link</a>'
    ' <iframe src="https://evil.example"></iframe> <b style="color:red">bold</b>'
    " [click](javascript:alert(4)) [ref:r1]",
)


def test_scripts_event_handlers_and_js_urls_are_stripped():
    html = render_body(parse_article(EVIL, "test-article.md"))
    lowered = html.lower()
    for bad in (
        "<script",
        "alert(1)",
        "onerror",
        "onclick",
        'href="javascript',
        "<iframe",
        "style=",
    ):
        assert bad not in lowered, bad
    assert "<b>bold</b>" in html
    assert "Hello" in html


def test_sanitise_keeps_safe_links_with_rel():
    out = sanitise('<a href="https://www.nice.org.uk/guidance/ng12">NICE</a>')
    assert 'href="https://www.nice.org.uk/guidance/ng12"' in out
    assert "noopener" in out


def test_citations_become_numbered_links_and_tables_render():
    art = load_library().get("cervical-cancer-pelvic-back-pain")
    assert art is not None
    html = render_body(art)
    assert '<a href="#ref-walboomers" rel="noopener noreferrer">[2]</a>' in html
    assert "<table>" in html and "<h2>" in html
    assert "[ref:" not in html


def test_plain_text_drops_markup():
    text = plain_text(
        "## Title\n\n**Bold** [link](https://x.y) [ref:r1]\n\n| a | b |\n| --- | --- |"
    )
    assert "#" not in text and "*" not in text and "https" not in text and "ref:" not in text
    assert "Bold link" in text


def test_json_ld_is_a_medical_web_page_without_invented_review():
    art = load_library().get("sciatica")
    assert art is not None
    data = json_ld(art, "https://example.org/library/sciatica")
    assert data["@type"] == "MedicalWebPage"
    assert art.meta.medical_reviewer is None and art.meta.last_reviewed is None
    assert "reviewedBy" not in data and "lastReviewed" not in data
    assert data["citation"]
    script = json_ld_script(art, "https://example.org/library/sciatica")
    assert "<" not in script
    assert json.loads(script)["name"] == art.meta.title
