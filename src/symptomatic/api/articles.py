"""``/api/v1/articles``: list, search and read library articles (JSON).

``GET /api/v1/articles`` lists every article; with ``?q=`` it searches and answers
``{"articles": [{"slug", "title", "summary", "score", "snippet"}]}`` best first (the same
contract on SQLite and PostgreSQL). ``GET /api/v1/articles/{slug}`` returns one article with
its metadata, red flags, references and sanitised HTML.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from symptomatic.api.context import AppContext, get_context
from symptomatic.api.problems import ApiProblem
from symptomatic.library.loader import Article
from symptomatic.library.render import render_body
from symptomatic.library.service import LibraryService, shared_library_service

router = APIRouter(prefix="/api/v1", tags=["library"])


class ArticleHitOut(BaseModel):
    """A search result, best first: ``score`` is higher-is-better on each backend's scale;
    ``snippet`` is escaped HTML with matches in ``<mark>``."""

    slug: str
    title: str
    summary: str
    score: float
    snippet: str


class ArticleItemOut(BaseModel):
    """An article in the full list."""

    slug: str
    title: str
    summary: str
    topics: list[str]
    url: str


class ArticlesOut(BaseModel):
    """The article list (no ``q``) or the search results (with ``q``)."""

    articles: list[ArticleHitOut | ArticleItemOut] = Field(default_factory=list)


def get_library(request: Request) -> LibraryService:
    """FastAPI dependency: the app's :class:`LibraryService` (built on first use)."""
    ctx: AppContext = get_context(request)
    findings = [f for served in ctx.packs.values() for f in served.kb.findings.values()]
    return shared_library_service(ctx.extras, ctx.settings, ctx.db, ctx.sessions, findings)


def check_url(article: Article) -> str:
    """Returns the URL that starts the symptom check from this article."""
    entry = article.meta.symptom_check
    return f"/check?{entry.query}"


def article_summary(article: Article) -> dict[str, Any]:
    """Returns the list-view JSON of an article."""
    meta = article.meta
    return {
        "slug": meta.slug,
        "title": meta.title,
        "summary": meta.summary,
        "topics": meta.topics,
        "url": f"/library/{meta.slug}",
    }


def article_detail(article: Article) -> dict[str, Any]:
    """Returns the full JSON of an article (metadata, red flags, references, HTML body)."""
    meta = article.meta
    entry = meta.symptom_check
    return {
        **article_summary(article),
        "conditions": meta.conditions,
        "findings": meta.findings,
        "symptom_check": {
            "pack": entry.pack,
            "focus": entry.focus,
            "complaint": entry.complaint,
            "url": check_url(article),
        },
        "authors": [a.model_dump() for a in meta.authors],
        "medical_reviewer": meta.medical_reviewer.model_dump() if meta.medical_reviewer else None,
        "review_status": meta.reviewer_label,
        "published": meta.published.isoformat(),
        "last_reviewed": meta.last_reviewed.isoformat() if meta.last_reviewed else None,
        "next_review_due": meta.next_review_due.isoformat(),
        "red_flags": meta.red_flags,
        "references": [r.model_dump(exclude_none=True) for r in meta.references],
        "html": render_body(article),
    }


@router.get("/articles", summary="List or search library articles", response_model=ArticlesOut)
def list_articles(
    q: str | None = Query(default=None, max_length=200, description="Free-text search"),
    limit: int = Query(default=10, ge=1, le=50, description="Most search results"),
    service: LibraryService = Depends(get_library),
) -> dict[str, list[dict[str, Any]]]:
    """Every article (no ``q``), or the search results for ``q`` best first."""
    if q is None:
        return {"articles": [article_summary(a) for a in service.library.articles]}
    return {"articles": [h.to_dict() for h in service.search.search(q, limit=limit)]}


@router.get("/articles/{slug}", summary="One library article")
def get_article(slug: str, service: LibraryService = Depends(get_library)) -> dict[str, Any]:
    """The article with this slug; a 404 problem when there is none."""
    article = service.library.get(slug)
    if article is None:
        raise ApiProblem(404, "unknown-article", "Unknown article", f"No article {slug!r}.")
    return article_detail(article)
