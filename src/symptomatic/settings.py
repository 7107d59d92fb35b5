"""Settings: one object, read from the environment (prefix ``SYMPTOMATIC_``) or given in code.

Every field carries a description; ``tests/test_settings.py`` fails when one does not.

>>> Settings(emergency_number="112").emergency_number
'112'
"""

from __future__ import annotations

import ipaddress
import json
from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _list_from_env(value: Any) -> Any:
    """A JSON list (``'["a", "b"]'``) or a comma-separated string (``"a, b"``) as a list."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        return json.loads(text)
    return [item.strip() for item in text.split(",") if item.strip()]


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
    pack_cache: str = Field(
        default="auto",
        description=(
            "Folder where parsed pack files are kept (as JSON, under the SHA-256 of each"
            " file, so an edited pack is never read stale) to make later starts faster: 'auto'"
            " is $XDG_CACHE_HOME/symptomatic/packs or ~/.cache/symptomatic/packs, 'off' (or"
            " empty) parses the YAML every time. Pack data only; nothing about any person is"
            " kept there."
        ),
    )
    retention_days: int = Field(
        default=90,
        ge=1,
        le=3650,
        description=(
            "Days an anonymous completed-check record is kept for quality review. The home"
            " page states this number; the server deletes older records as it runs (and"
            " `symptomatic purge` on demand). Records keep the date only, not the time."
        ),
    )
    interview_retention_hours: int = Field(
        default=24,
        ge=1,
        le=24 * 30,
        description=(
            "Hours the server keeps the answers of an interview in progress (the pages store"
            " each step under a random token so that the browser's back button works). The"
            " home page states this number; an older step is refused (as an expired check)"
            " and deleted when opened, and swept from the database as the server runs."
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
        description=(
            "Most 'Was this page helpful?' answers one browser may send per article per hour."
            " The browser is known by the random id in its feedback cookie (never its IP"
            " address); counts are kept in memory only."
        ),
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
    base_url: str | None = Field(
        default=None,
        description=(
            "The site's public origin, e.g. https://symptoms.example.org (scheme, host and"
            " port; no path). Used for absolute links (structured data on articles) and"
            " redirects; the Host header is never used for them. None: they are relative."
        ),
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["*"],
        description=(
            "Host names the server answers to (Host header), as a JSON list or comma-separated;"
            " other hosts get 400. Wildcards like *.example.org are allowed. Set it in"
            " production, e.g. symptoms.example.org; the default '*' accepts any host."
        ),
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description=(
            "Addresses or networks (e.g. 127.0.0.1, 10.0.0.0/8) of reverse proxies whose"
            " X-Forwarded-For and X-Forwarded-Proto headers `symptomatic serve` believes"
            " (uvicorn's forwarded_allow_ips). Empty: the headers are ignored and the client"
            " is the connecting address. '*' trusts every sender: only when nothing else can"
            " reach the server."
        ),
    )
    https: bool = Field(
        default=False,
        description=(
            "The site is served over HTTPS (by a TLS proxy in front): cookies get the Secure"
            " flag and every response carries Strict-Transport-Security (one year). Turn on"
            " only once HTTPS works, since browsers then refuse plain HTTP for a year."
        ),
    )
    api_rate_limit: int = Field(
        default=600,
        ge=0,
        le=1_000_000,
        description=(
            "Requests per minute one client may make to /api (a token bucket per client"
            " address, after trusted-proxy handling; kept in memory per server worker, never"
            " stored). Past it: 429 problem with Retry-After. 0 turns the limit off."
        ),
    )
    api_rate_burst: int = Field(
        default=60,
        ge=1,
        le=1_000_000,
        description="Requests one API client may make at once before api_rate_limit paces it.",
    )
    admin_login_attempts: int = Field(
        default=5,
        ge=1,
        le=1000,
        description=(
            "Wrong admin tokens one client address may try per hour; past it the admin pages"
            " answer 429 to that client until the hour is over."
        ),
    )

    @field_validator("allowed_hosts", "trusted_proxies", mode="before")
    @classmethod
    def _split_list(cls, value: Any) -> Any:
        return _list_from_env(value)

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        url = value.strip().rstrip("/")
        scheme, _, rest = url.partition("://")
        if scheme not in ("http", "https") or not rest or any(c in rest for c in "/?#@ \\"):
            raise ValueError("base_url must look like https://host[:port], without a path")
        return url

    @field_validator("trusted_proxies")
    @classmethod
    def _check_proxies(cls, value: list[str]) -> list[str]:
        for item in value:
            if item == "*":
                continue
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(f"{item!r} is not an IP address or network") from exc
        return value
