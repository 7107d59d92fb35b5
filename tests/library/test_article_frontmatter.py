"""Front-matter validation: every problem names the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.library import ArticleError, load_library
from symptomatic.library.loader import parse_article

GOOD = (Path(__file__).parent / "data" / "test-article.md").read_text(encoding="utf-8")


def test_good_article_parses():
    art = parse_article(GOOD, "test-article.md")
    assert art.meta.symptom_check.query == "focus=sciatica"
    assert art.meta.reviewer_label == "Not yet clinically reviewed"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("title: Is this a good test article?", "title: A statement, not a question"), "title"),
        (("slug: test-article", "slug: Test Article"), "slug"),
        (("topics: [back-pain]\n", ""), "topics"),
        (("{pack: back-pelvic, focus: sciatica}", "{pack: back-pelvic}"), "symptom_check"),
        (("next_review_due: 2027-01-01", "next_review_due: 2025-01-01"), "published <="),
        (("red_flags: [Numbness around the bottom.]", "red_flags: []"), "red_flags"),
        (("authors: [{name: Symptomatic contributors, role: writer}]", "authors: []"), "authors"),
        (("published: 2026-01-01", "published: soon"), "published"),
        (("[ref:r1]", "[ref:r9]"), "[ref:r9]"),
        (("summary:", "sumary:"), "sumary"),
    ],
)
def test_bad_front_matter_names_file_and_field(change, expected):
    old, new = change
    with pytest.raises(ArticleError) as info:
        parse_article(GOOD.replace(old, new), "test-article.md")
    message = str(info.value)
    assert "test-article.md" in message
    assert expected in message


def test_slug_must_match_file_name():
    with pytest.raises(ArticleError, match="must match the file name"):
        parse_article(GOOD, "other-name.md")


def test_missing_fences_and_bad_yaml_are_reported():
    with pytest.raises(ArticleError, match="must start with"):
        parse_article("no front matter", "x.md")
    with pytest.raises(ArticleError, match="not YAML"):
        parse_article("---\ntitle: [unclosed\n---\nbody\n", "x.md")


def test_folder_errors_are_collected_across_files(tmp_path: Path):
    (tmp_path / "topics.yaml").write_text(
        "topics:\n  - {id: back-pain, name: Back pain, description: About back pain.}\n"
    )
    (tmp_path / "test-article.md").write_text(GOOD.replace("[back-pain]", "[nope]"))
    (tmp_path / "broken.md").write_text("nothing")
    with pytest.raises(ArticleError) as info:
        load_library(tmp_path)
    problems = info.value.problems
    assert any("test-article.md: topics: unknown topic 'nope'" in p for p in problems)
    assert any(p.startswith("broken.md") for p in problems)


def test_reviewer_is_shown_only_when_recorded():
    art = parse_article(
        GOOD.replace("published:", "medical_reviewer: {name: A Person, role: GP}\npublished:"),
        "test-article.md",
    )
    assert art.meta.reviewer_label == "A Person (GP)"


def test_review_date_needs_a_reviewer():
    dated = GOOD.replace("published:", "last_reviewed: 2026-06-01\npublished:")
    with pytest.raises(ArticleError) as info:
        parse_article(dated, "test-article.md")
    assert any("medical_reviewer" in p for p in info.value.problems)
    reviewed = dated.replace(
        "published:", "medical_reviewer: {name: A Person, role: GP}\npublished:", 1
    )
    art = parse_article(reviewed, "test-article.md")
    assert art.meta.last_reviewed is not None
