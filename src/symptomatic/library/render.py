"""Turn an article into safe HTML, plain text and schema.org JSON-LD.

Markdown is rendered with markdown-it-py (CommonMark + tables) and the result is always
passed through nh3 with a short allow-list: whatever an article contains (raw HTML, a
``<script>``, an ``onerror=`` attribute, a ``javascript:`` link), only plain formatting
reaches the page.
"""

from __future__ import annotations

import json
import re
from typing import Any

import nh3
from markdown_it import MarkdownIt

from symptomatic.library.frontmatter import REF_MARK
from symptomatic.library.loader import Article

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "li",
    "ol", "p", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"align"}, "th": {"align"}}
URL_SCHEMES = {"https", "http", "mailto"}


def sanitise(html: str) -> str:
    """Returns ``html`` with every tag, attribute and URL scheme outside the allow-list
    removed (scripts and styles with their content)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def _markdown() -> MarkdownIt:
    # html=True lets authors use simple inline HTML; nh3 is the gate either way.
    return MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")


def _link_citations(article: Article) -> str:
    numbers = {ref.id: i for i, ref in enumerate(article.meta.references, start=1)}

    def repl(match: re.Match[str]) -> str:
        ref_id = match.group(1)
        return f"<sup>[[{numbers[ref_id]}]](#ref-{ref_id.lower()})</sup>"

    return REF_MARK.sub(repl, article.body)


def render_body(article: Article) -> str:
    """Returns the sanitised HTML of the article body, citations as numbered links to the
    reference list (``#ref-<id>``)."""
    return sanitise(_markdown().render(_link_citations(article)))


def render_markdown(text: str) -> str:
    """Returns sanitised HTML for a short Markdown snippet (e.g. a red-flag line)."""
    return sanitise(_markdown().renderInline(text))


_MD_NOISE = re.compile(r"[*_`>#|]+")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Returns the readable text of a Markdown fragment: citations, link targets, heading
    and emphasis marks and table rules removed; one paragraph per line."""
    text = REF_MARK.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    lines = []
    for line in text.splitlines():
        if re.fullmatch(r"\s*\|?\s*:?-{3,}.*", line):
            continue
        lines.append(re.sub(r"\s{2,}", " ", _MD_NOISE.sub(" ", line)).strip())
    return re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip()


def json_ld(article: Article, url: str) -> dict[str, Any]:
    """Returns the schema.org ``MedicalWebPage`` description of the article.

    ``reviewedBy`` and ``lastReviewed`` appear only when a clinical review is recorded.
    """
    meta = article.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": meta.title,
        "headline": meta.title,
        "description": meta.summary,
        "url": url,
        "inLanguage": "en",
        "datePublished": meta.published.isoformat(),
        "audience": {"@type": "PeopleAudience", "audienceType": "Patient"},
        "author": [
            {"@type": "Organization", "name": a.name, "description": a.role} for a in meta.authors
        ],
        "keywords": ", ".join(meta.topics + meta.keywords),
        "citation": [
            {"@type": "CreativeWork", "name": r.citation, **({"url": r.url} if r.url else {})}
            for r in meta.references
        ],
    }
    if meta.medical_reviewer is not None:
        data["reviewedBy"] = {"@type": "Person", "name": meta.medical_reviewer.name}
    if meta.last_reviewed is not None:
        data["lastReviewed"] = meta.last_reviewed.isoformat()
    return data


def json_ld_script(article: Article, url: str) -> str:
    """Returns the JSON-LD as text safe to embed inside ``<script type=...>``."""
    text = json.dumps(json_ld(article, url), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
