"""HEAD and OPTIONS on every route (FastAPI routes answer only the methods they declare).

* ``HEAD`` runs the ``GET`` route and sends its status and headers without the body.
* ``OPTIONS`` answers ``204`` with ``Allow`` listing the methods the path accepts (found by
  matching the app's own routes, so it can never disagree with them); 404 when none.

Done here rather than by adding the methods to each route so that the OpenAPI document
lists only the operations the API really has.
"""

from __future__ import annotations

from starlette.routing import Match, Mount, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Methods a route may declare, in the order ``Allow`` lists them.
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(router: Router, scope: Scope) -> list[str]:
    """The methods ``router`` has a route for at ``scope``'s path (HEAD and OPTIONS added
    when there is any); empty when no route matches the path."""
    found: list[str] = []
    for method in METHODS:
        probe = {**scope, "method": method}
        for route in router.routes:
            match, _ = route.matches(probe)
            if match is Match.FULL:
                # a mount (the static files) matches every method but serves GET only
                if not isinstance(route, Mount) or method == "GET":
                    found.append(method)
                break
    if not found:
        return []
    return [*found, *(["HEAD"] if "GET" in found else []), "OPTIONS"]


class HeadAndOptions:
    """ASGI middleware answering HEAD (as GET without the body) and OPTIONS (Allow)."""

    def __init__(self, app: ASGIApp, router: Router) -> None:
        self.app, self.router = app, router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            allow = allowed_methods(self.router, scope)
            if not allow:
                await self.app(scope, receive, send)  # the usual 404
                return
            headers = [(b"allow", ", ".join(allow).encode()), (b"content-length", b"0")]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)
