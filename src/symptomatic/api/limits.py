"""ASGI middleware refusing request bodies larger than ``Settings.max_body_bytes`` with 413.

It checks ``Content-Length`` up front and also counts the bytes of bodies sent without one
(chunked), so a client cannot stream past the limit. The API gets a problem document; a page
(a form post) gets an error page, like every other page error.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from symptomatic.api.problems import PROBLEM_MEDIA_TYPE, html_page


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


class BodySizeLimit:
    """Wraps an ASGI app; answers 413 ``application/problem+json`` for oversized bodies."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(scope, receive, send)
                return
        seen = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # Once the limit is passed, whatever the app answers (frameworks turn the
            # exception into a 400) is replaced by the 413 below.
            nonlocal started
            if exceeded:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with contextlib.suppress(BodyTooLarge):
            await self.app(scope, counting_receive, guarded_send)
        if exceeded and not started:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        if "app" in scope:  # set by Starlette before the middleware runs
            page = html_page(
                Request(scope),
                413,
                "What you sent is longer than this form accepts. Go back and shorten it.",
            )
            if page is not None:
                await page(scope, receive, send)
                return
        body: dict[str, Any] = {
            "type": "urn:symptomatic:problem:body-too-large",
            "title": "Request body too large",
            "status": 413,
            "detail": f"The request body is larger than {self.max_bytes} bytes; send less"
            " (for example fewer evidence items).",
            "instance": scope.get("path"),
        }
        data = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                    (b"content-length", str(len(data)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": data})
