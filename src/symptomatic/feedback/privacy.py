"""What a reader may tell us, and how free text is made safe to keep.

Reasons are a fixed list. A free-text comment exists only when the operator turns it on; it
is then cut to :data:`MAX_COMMENT` characters and e-mail addresses, phone numbers and long
digit runs (which could be ids) are replaced with placeholders before it is stored.
"""

from __future__ import annotations

import re

#: Reason code -> label shown on the form (only asked for on "No").
REASONS: dict[str, str] = {
    "not_what_i_needed": "It did not answer my question",
    "hard_to_understand": "It was hard to understand",
    "not_enough_detail": "It did not have enough detail",
    "worried_more": "It made me more worried",
    "seems_wrong": "Something looks wrong or out of date",
    "other": "Another reason",
}
MAX_COMMENT = 500

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# A run of 7+ digits, allowing spaces, dots, dashes and brackets between them; optional +.
_PHONE = re.compile(r"\+?\(?\d(?:[\s().-]*\d){6,}")
_SPACE = re.compile(r"\s+")


def scrub_comment(text: str, max_length: int = MAX_COMMENT) -> str:
    """Returns ``text`` with e-mail addresses and phone-like numbers replaced by
    ``[email]`` / ``[number]``, whitespace collapsed and the result cut to ``max_length``."""
    cleaned = _EMAIL.sub("[email]", text)
    cleaned = _PHONE.sub("[number]", cleaned)
    cleaned = _SPACE.sub(" ", cleaned).strip()
    return cleaned[:max_length]


def clean_reason(value: str | None) -> str | None:
    """Returns the reason code if it is one of :data:`REASONS`, else None."""
    return value if value in REASONS else None
