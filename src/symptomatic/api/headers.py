"""Response headers every response gets: security headers, caching, HSTS, the echoed
``Interview-Id``, and redirects that never name a host the client made up.

* The Content-Security-Policy allows nothing but this server: no CDN, no third-party request.
* Private by default: every response except static files carries ``Cache-Control: no-store``
  (and ``Pragma: no-cache`` for old caches), so no browser or proxy keeps a health page, a
  download or an API answer, and the back/forward cache never reopens a result.
* With ``Settings.https``: ``Strict-Transport-Security`` for one year.
* Redirect ``Location`` headers are made canonical: this app never redirects to another site,
  so an absolute location (Starlette builds one from the Host header, e.g. for a trailing
  slash) is rewritten to :func:`canonical_url` of its path.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
NO_STORE = [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]
HSTS = (b"strict-transport-security", b"max-age=31536000")
#: Paths whose responses are the same for everyone and may be cached.
PUBLIC_PREFIXES = ("/static/", "/favicon.ico")


def canonical_url(base_url: str | None, path: str) -> str:
    """``path`` on the site's public address ``base_url`` (``Settings.base_url``); the path
    alone when there is none. Never built from the request's Host header."""
    return f"{base_url}{path}" if base_url else path


def _canonical_location(location: bytes, base_url: str | None) -> bytes:
    parts = urlsplit(location.decode("latin-1"))
    if not (parts.scheme or parts.netloc):
        return location
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return canonical_url(base_url, path).encode("latin-1")


class ResponseHeaders:
    """ASGI middleware adding the headers above and echoing a valid ``Interview-Id``."""

    def __init__(self, app: ASGIApp, https: bool = False, base_url: str | None = None) -> None:
        self.app, self.https, self.base_url = app, https, base_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        echo = None
        for name, value in scope.get("headers") or []:
            if name == b"interview-id" and INTERVIEW_ID.match(value):
                echo = value
        public = str(scope.get("path", "")).startswith(PUBLIC_PREFIXES)

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = []
                for k, v in message.get("headers", []):
                    key = k.lower()
                    if key == b"interview-id":
                        continue
                    if key == b"location":
                        v = _canonical_location(v, self.base_url)
                    headers.append((k, v))
                present = {k.lower() for k, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                if not public and b"cache-control" not in present:
                    headers.extend(NO_STORE)
                if self.https:
                    headers.append(HSTS)
                if echo is not None:
                    headers.append((b"interview-id", echo))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add_headers)
