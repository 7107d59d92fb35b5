"""Library pages: home, topics, articles, search, "Was this page helpful?" and the admin report.

Everything works without JavaScript. The feedback form is protected by a double-submit CSRF
token and a rate limit per browser and article: the browser is known by the random token in
its CSRF cookie, never by its address (see :mod:`symptomatic.feedback`), so readers behind
one proxy or network do not share a limit. The admin report needs ``Settings.admin_token``
(as a Bearer header or typed into the form); wrong tokens are limited per client address.
"""

from __future__ import annotations

import secrets
from typing import Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from symptomatic.api.articles import check_url, get_library
from symptomatic.api.headers import canonical_url
from symptomatic.feedback import REASONS, feedback_report, helpfulness_svg, record_feedback
from symptomatic.feedback.csrf import COOKIE_NAME, FIELD_NAME, new_token, tokens_match, valid_token
from symptomatic.feedback.privacy import MAX_COMMENT
from symptomatic.library.render import json_ld_script, render_body
from symptomatic.library.service import LibraryService
from symptomatic.web.templating import render

router = APIRouter(include_in_schema=False)
DISCLAIMER = (
    "This page gives general information, not a diagnosis or personal medical advice. It has "
    "not yet been clinically reviewed. If you are worried about a symptom, speak to a doctor, "
    "nurse or pharmacist."
)


def _message(request: Request, title: str, text: str, status: int) -> HTMLResponse:
    return render(request, "library/message.html", status, title=title, text=text)


@router.get("/library", name="library_home")
def library_home(request: Request, service: LibraryService = Depends(get_library)) -> Response:
    """Library home: search box, topics and common questions."""
    lib = service.library
    topics = [(t, len(lib.in_topic(t.id))) for t in lib.topics]
    return render(
        request,
        "library/home.html",
        topics=topics,
        questions=lib.common_questions(),
        disclaimer=DISCLAIMER,
    )


@router.get("/library/search", name="library_search")
def library_search(
    request: Request,
    q: str = Query(default="", max_length=200),
    service: LibraryService = Depends(get_library),
) -> Response:
    """Search results with highlighted snippets (the snippet HTML is escaped by the backend)."""
    hits = service.search.search(q, limit=10) if q.strip() else []
    return render(request, "library/search.html", q=q, hits=hits, disclaimer=DISCLAIMER)


@router.get("/library/topics/{topic_id}", name="library_topic")
def library_topic(
    request: Request, topic_id: str, service: LibraryService = Depends(get_library)
) -> Response:
    """One topic and its articles."""
    topic = service.library.topic(topic_id)
    if topic is None:
        return _message(request, "Topic not found", "There is no topic with that name.", 404)
    articles = service.library.in_topic(topic_id)
    return render(
        request, "library/topic.html", topic=topic, articles=articles, disclaimer=DISCLAIMER
    )


@router.get("/library/{slug}", name="article")
def article_page(
    request: Request, slug: str, service: LibraryService = Depends(get_library)
) -> Response:
    """An article with its red-flag box, symptom-check button, references, review dates,
    disclaimer and the feedback form (sets the CSRF cookie)."""
    article = service.library.get(slug)
    if article is None:
        return _message(request, "Page not found", "There is no article at this address.", 404)
    topics = [t for t in service.library.topics if t.id in article.meta.topics]
    token = request.cookies.get(COOKIE_NAME)
    if not valid_token(token):
        token = new_token()
    response = render(
        request,
        "library/article.html",
        article=article,
        meta=article.meta,
        body_html=render_body(article),
        json_ld=json_ld_script(
            article,
            canonical_url(
                service.settings.base_url, request.app.url_path_for("article", slug=slug)
            ),
        ),
        check_url=check_url(article),
        topics=topics,
        reasons=REASONS,
        free_text=service.settings.feedback_free_text,
        max_comment=MAX_COMMENT,
        csrf_field=FIELD_NAME,
        csrf_token=token,
        disclaimer=DISCLAIMER,
    )
    response.set_cookie(
        COOKIE_NAME,
        str(token),
        httponly=True,
        samesite="strict",
        path="/library",
        secure=service.settings.https,
    )
    return response


def _same_origin(request: Request, base_url: str | None) -> bool:
    """False only when the browser names another origin than this site's: ``base_url`` when
    set (behind a proxy the Host header may be the proxy's upstream name), else the Host.
    With ``Referrer-Policy: no-referrer`` browsers send ``Origin: null`` on form posts; the
    token still decides."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return True
    if base_url:
        return origin.rstrip("/") == base_url
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _client_address(request: Request) -> str:
    """The client's address as the server sees it (the forwarded one behind a trusted proxy)."""
    return request.client.host if request.client else ""


@router.post("/library/{slug}/feedback", name="article_feedback")
async def article_feedback(
    request: Request, slug: str, service: LibraryService = Depends(get_library)
) -> Response:
    """Stores a Yes/No answer (and on No an optional reason); 403 without a matching CSRF
    token, 429 past the rate limit; then redirects to the thank-you page."""
    article = service.library.get(slug)
    if article is None:
        return _message(request, "Page not found", "There is no article at this address.", 404)
    form = await request.form()
    field = form.get(FIELD_NAME)
    browser = request.cookies.get(COOKIE_NAME)
    if not _same_origin(request, service.settings.base_url) or not tokens_match(
        browser, field if isinstance(field, str) else None
    ):
        return _message(
            request,
            "Please try again",
            "We could not accept this form. Go back, reload the page and send it again.",
            403,
        )
    helpful = form.get("helpful")
    if helpful not in ("yes", "no"):
        return _message(request, "Please choose Yes or No", "Go back and choose an answer.", 400)
    if not service.limiter.allow(f"{browser}/{slug}"):
        return _message(
            request,
            "Too many answers",
            "Thank you, we already have your feedback. Please try again later.",
            429,
        )
    reason, comment = form.get("reason"), form.get("comment")
    record_feedback(
        service.sessions,
        slug,
        helpful == "yes",
        reason if isinstance(reason, str) else None,
        comment if isinstance(comment, str) else None,
        allow_comment=service.settings.feedback_free_text,
    )
    target = request.url_for("article_thanks", slug=slug).path
    return RedirectResponse(target, status_code=303)


@router.get("/library/{slug}/thanks", name="article_thanks")
def article_thanks(
    request: Request, slug: str, service: LibraryService = Depends(get_library)
) -> Response:
    """The thank-you page after feedback."""
    article = service.library.get(slug)
    if article is None:
        return _message(request, "Page not found", "There is no article at this address.", 404)
    return render(request, "library/thanks.html", article=article)


def _offered_token(request: Request, typed: str | None) -> str:
    header = request.headers.get("authorization", "")
    return typed or (header[7:] if header.lower().startswith("bearer ") else "")


def _admin_gate(
    request: Request, service: LibraryService, offered: str, attempted: bool
) -> Response | None:
    """None when ``offered`` is the admin token; else the page to answer with: the token form
    (401; an ``attempted`` wrong token is counted against the client's address) or, once the
    client has used up ``Settings.admin_login_attempts`` this hour, 429 without looking at
    the token."""
    client = _client_address(request)
    if service.admin_failures.exceeded(client):
        wait = max(1, int(service.admin_failures.seconds_left()))
        response = render(request, "library/admin_login.html", status_code=429, locked=True)
        response.headers["Retry-After"] = str(wait)
        return response
    expected = service.settings.admin_token or ""
    if offered and secrets.compare_digest(offered.encode(), expected.encode()):
        return None
    if attempted:
        service.admin_failures.allow(client)
    return render(request, "library/admin_login.html", failed=attempted, status_code=401)


def _admin_page(
    request: Request, service: LibraryService, period: Literal["day", "week", "month"]
) -> Response:
    reports = feedback_report(service.sessions, period=period)
    rows = []
    for rep in reports:
        art = service.library.get(rep.slug)
        rows.append(
            {
                "report": rep,
                "title": art.meta.title if art else rep.slug,
                "chart": helpfulness_svg(rep.periods, f"Share helpful per {period}"),
                "reasons": [(REASONS.get(k, k), n) for k, n in rep.reasons.items()],
            }
        )
    return render(request, "library/admin.html", rows=rows, period=period)


@router.get("/admin/library", name="library_admin")
def library_admin(
    request: Request,
    period: Literal["day", "week", "month"] = "week",
    service: LibraryService = Depends(get_library),
) -> Response:
    """Helpfulness per article over time (Bearer token), or the token form."""
    if not service.settings.admin_token:
        return _message(request, "Not available", "The admin pages are switched off.", 404)
    offered = _offered_token(request, None)
    refused = _admin_gate(request, service, offered, attempted=bool(offered))
    return refused or _admin_page(request, service, period)


@router.post("/admin/library", name="library_admin_login")
async def library_admin_login(
    request: Request, service: LibraryService = Depends(get_library)
) -> Response:
    """The report for a token typed into the form (nothing is remembered afterwards)."""
    if not service.settings.admin_token:
        return _message(request, "Not available", "The admin pages are switched off.", 404)
    form = await request.form()
    token, period = form.get("token"), form.get("period", "week")
    typed = token if isinstance(token, str) else ""
    refused = _admin_gate(request, service, _offered_token(request, typed), attempted=True)
    if refused is not None:
        return refused
    chosen: Literal["day", "week", "month"] = (
        period if period in ("day", "month") else "week"  # type: ignore[assignment]
    )
    return _admin_page(request, service, chosen)
