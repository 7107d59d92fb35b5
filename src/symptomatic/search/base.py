"""The search results contract shared by every backend.

A backend is built over an SQLAlchemy engine, (re)indexed from :class:`SearchDocument` values
with :meth:`SearchBackend.rebuild`, and answers :meth:`SearchBackend.search` with
:class:`SearchHit` values, best first. ``score`` is higher-is-better (each backend's own
scale); ``snippet`` is HTML-escaped text in which matched words are wrapped in ``<mark>``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

# Sentinels the databases put around matches; chosen so they never occur in article text.
MARK_START = "\u27e6"
MARK_END = "\u27e7"


@dataclass(frozen=True)
class SearchDocument:
    """One article as the index sees it (plain text, no Markdown)."""

    slug: str
    title: str
    summary: str
    keywords: str
    body: str


@dataclass(frozen=True)
class SearchHit:
    """One result: the article, its relevance score (higher is better) and a snippet."""

    slug: str
    title: str
    summary: str
    score: float
    snippet: str

    def to_dict(self) -> dict[str, str | float]:
        """Returns the JSON shape of a result: slug, title, summary, score, snippet."""
        return {
            "slug": self.slug,
            "title": self.title,
            "summary": self.summary,
            "score": round(self.score, 6),
            "snippet": self.snippet,
        }


class SearchBackend(Protocol):
    """What the library needs from a full-text index."""

    name: str

    def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        """Create the index if needed and replace its contents with ``documents``."""

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Returns up to ``limit`` hits for free text ``query``, best first; never raises on
        odd input (quotes, operators, punctuation) and returns [] for an empty query."""


def highlight(raw: str) -> str:
    """Returns ``raw`` HTML-escaped, with the database's match sentinels turned into
    ``<mark>`` elements."""
    escaped = html.escape(raw.replace(MARK_END + MARK_START, ""), quote=False)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
