"""CSRF protection for the feedback form: double-submit token.

The page sets a random token in a ``SameSite=Strict``, ``HttpOnly`` cookie and repeats it in
a hidden form field; a submission is accepted only when both are present and equal (compared
in constant time). A cross-site form cannot read the cookie, so it cannot forge the field.
No server-side state, so it works across server workers.
"""

from __future__ import annotations

import hmac
import re
import secrets

COOKIE_NAME = "symptomatic_csrf"
FIELD_NAME = "csrf_token"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def new_token() -> str:
    """Returns a fresh random token (URL-safe, 43 characters)."""
    return secrets.token_urlsafe(32)


def valid_token(value: str | None) -> bool:
    """True when ``value`` looks like a token this module made."""
    return bool(value) and _TOKEN.match(value or "") is not None


def tokens_match(cookie: str | None, field: str | None) -> bool:
    """True when the cookie and form tokens are both well-formed and equal."""
    if not (valid_token(cookie) and valid_token(field)):
        return False
    return hmac.compare_digest(str(cookie), str(field))
