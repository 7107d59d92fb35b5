"""The YAML front matter of a library article, as a Pydantic model.

An article file is ``---`` + YAML front matter + ``---`` + Markdown body. The front matter
says what the article is about (pack condition and finding ids), how to start the symptom
check from it, who wrote it, whether it has been clinically reviewed (honestly: ``null``
means "not yet clinically reviewed"), when it is due for review, and what it cites.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=2, max_length=80)]
PackItemId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
NOT_REVIEWED = "Not yet clinically reviewed"


class _Strict(BaseModel):
    """Unknown keys are errors, so a typo in front matter never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Author(_Strict):
    """A named author and their role. Never a made-up person or credential."""

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)


class ArticleReference(_Strict):
    """One cited source. ``id`` is used in the body as ``[ref:ID]``."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_-]*$", max_length=32)]
    citation: str = Field(min_length=10)
    url: str | None = Field(default=None, pattern=r"^https://")
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")


class SymptomCheckEntry(_Strict):
    """How the "take the symptom check" button starts the check: a focus condition or a
    presenting complaint (a finding id), within a pack."""

    pack: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    focus: PackItemId | None = None
    complaint: PackItemId | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> SymptomCheckEntry:
        if (self.focus is None) == (self.complaint is None):
            raise ValueError("give exactly one of 'focus' (a condition id) or 'complaint'")
        return self

    @property
    def query(self) -> str:
        """Returns the query string for ``/check``, e.g. ``focus=cervical_cancer``."""
        if self.focus is not None:
            return f"focus={self.focus}"
        return f"complaint={self.complaint}"


class ArticleMeta(_Strict):
    """Front matter of one article (all fields required unless they have a default)."""

    slug: Slug
    title: str = Field(min_length=10, max_length=120)
    summary: str = Field(min_length=30, max_length=400)
    topics: list[Slug] = Field(min_length=1)
    conditions: list[PackItemId] = Field(default_factory=list)
    findings: list[PackItemId] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    common_question: bool = False
    symptom_check: SymptomCheckEntry
    authors: list[Author] = Field(min_length=1)
    medical_reviewer: Author | None = None
    published: date
    #: Date of the last clinical review; None until a named medical reviewer has reviewed it.
    last_reviewed: date | None = None
    next_review_due: date
    red_flags: list[str] = Field(min_length=1)
    references: list[ArticleReference] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> ArticleMeta:
        if not self.title.endswith("?"):
            raise ValueError("title must be a question (end with '?')")
        if self.last_reviewed is not None and self.medical_reviewer is None:
            raise ValueError("last_reviewed needs a medical_reviewer (never imply a review)")
        reviewed = self.last_reviewed or self.published
        if not self.published <= reviewed < self.next_review_due:
            raise ValueError("dates must satisfy published <= last_reviewed < next_review_due")
        ids = [r.id for r in self.references]
        if len(set(ids)) != len(ids):
            raise ValueError("reference ids must be unique")
        return self

    @property
    def reviewer_label(self) -> str:
        """Returns the reviewer line shown on the page, never implying a review that did not
        happen."""
        if self.medical_reviewer is None:
            return NOT_REVIEWED
        return f"{self.medical_reviewer.name} ({self.medical_reviewer.role})"


REF_MARK = re.compile(r"\[ref:([A-Za-z][A-Za-z0-9_-]*)\]")


def cited_ids(body: str) -> list[str]:
    """Returns the reference ids cited in a Markdown body with ``[ref:ID]``, in order."""
    return REF_MARK.findall(body)
