"""Articles -> search documents (plain text with the lay keywords and related ids)."""

from __future__ import annotations

from symptomatic.library.loader import Library
from symptomatic.library.render import plain_text
from symptomatic.search.base import SearchDocument


def documents_from_library(library: Library) -> list[SearchDocument]:
    """Returns one :class:`SearchDocument` per article: keywords are the article's lay
    keywords, topic names and related condition ids (as words)."""
    topic_names = {t.id: t.name for t in library.topics}
    docs = []
    for art in library.articles:
        meta = art.meta
        keywords = [
            *meta.keywords,
            *(topic_names.get(t, t) for t in meta.topics),
            *(c.replace("_", " ") for c in meta.conditions),
        ]
        docs.append(
            SearchDocument(
                slug=meta.slug,
                title=meta.title,
                summary=meta.summary,
                keywords=" ; ".join(keywords),
                body=plain_text(art.body),
            )
        )
    return docs
