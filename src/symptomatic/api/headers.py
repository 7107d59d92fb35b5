"""Response headers every response gets: the echoed ``Interview-Id`` and security headers.

The Content-Security-Policy allows nothing but this server: no CDN, no third-party request.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: An Interview-Id is echoed only when it looks like an opaque id (never personal data).
INTERVIEW_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,64}$")
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]


class ResponseHeaders:
    """ASGI middleware adding the security headers and echoing a valid ``Interview-Id``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        echo = None
        for name, value in scope.get("headers") or []:
            if name == b"interview-id" and INTERVIEW_ID.match(value):
                echo = value

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"interview-id"
                ]
                present = {k.lower() for k, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                if echo is not None:
                    headers.append((b"interview-id", echo))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)
