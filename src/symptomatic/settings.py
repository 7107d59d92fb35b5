"""Settings: one object, read from the environment (prefix ``SYMPTOMATIC_``) or given in code.

Every field carries a description; ``tests/test_settings.py`` fails when one does not.

>>> Settings(emergency_number="112").emergency_number
'112'
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can change. Built once and passed to :func:`create_app`."""

    model_config = SettingsConfigDict(env_prefix="SYMPTOMATIC_", extra="ignore", frozen=True)

    database_url: str = Field(
        default="sqlite:///./var/symptomatic.sqlite3",
        description=(
            "SQLAlchemy URL of the database. SQLite file by default (its folder is created on"
            " start); PostgreSQL as postgresql+psycopg://user:password@host/dbname."
        ),
    )
    packs: list[str] = Field(
        default_factory=lambda: ["all"],
        description=(
            "Knowledge packs to serve: built-in pack ids or folder paths, or 'all' (every"
            " built-in pack, the default). Dependencies (such as core) are loaded with them."
            " With several packs, 'all' (every pack composed into one model) is the default of"
            " the API and pages and each pack is also served on its own ('pack' narrows)."
        ),
    )
    retention_days: int = Field(
        default=90,
        ge=1,
        le=3650,
        description=(
            "Days an anonymous completed-check record is kept for quality review before"
            " `symptomatic purge` (or the purge on start) deletes it."
        ),
    )
    interview_retention_hours: int = Field(
        default=24,
        ge=1,
        le=24 * 30,
        description=(
            "Hours the server keeps the answers of an interview in progress (the pages store"
            " each step under a random token so that the browser's back button works)."
        ),
    )
    store_free_text: bool = Field(
        default=False,
        description=(
            "Keep the person's own description ('describe what is bothering you') with the"
            " completed-check record. Off by default: free text can identify a person."
        ),
    )
    emergency_number: str = Field(
        default="999",
        min_length=1,
        max_length=16,
        description=(
            "Telephone number shown in the emergency banner and advice. Configurable per"
            " country: e.g. 999 (UK), 112 (EU), 911 (US and Canada), 000 (Australia)."
        ),
    )
    max_evidence_items: int = Field(
        default=100,
        ge=1,
        le=10_000,
        description="Most evidence items one API request may carry; more is a 422 problem.",
    )
    max_body_bytes: int = Field(
        default=64 * 1024,
        ge=1024,
        description="Largest request body accepted, in bytes; a larger one gets a 413 problem.",
    )
    admin_token: str | None = Field(
        default=None,
        description=(
            "Bearer token for the admin endpoints (quality-review reports). None disables them."
        ),
    )
    feedback_free_text: bool = Field(
        default=False,
        description=(
            "Let readers add a comment to 'Was this page helpful?'. Off by default: free text"
            " can carry personal data and needs moderation."
        ),
    )
    feedback_rate_limit: int = Field(
        default=10,
        ge=1,
        le=10_000,
        description="Most feedback submissions one browser session may send per hour.",
    )
    question_cache_size: int = Field(
        default=4096,
        ge=0,
        le=1_000_000,
        description=(
            "Next questions kept in memory per server worker, keyed by the answers so far"
            " (no identity); 0 turns the cache off."
        ),
    )
    question_budget: int = Field(
        default=20,
        ge=1,
        le=100,
        description="Most questions the interview asks before it shows the result.",
    )
