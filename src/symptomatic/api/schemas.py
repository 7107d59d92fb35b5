"""Request and response bodies of the REST API (Pydantic; they make the OpenAPI document).

Shaped like the common symptom-checker APIs: ``sex``, ``age: {"value": ...}`` and an evidence
list of ``{"id", "choice_id", "source"}`` in every request, so the API is stateless.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationInfo, field_validator

#: Evidence sources that count as stated up front; anything else counts as an asked question
#: (which is what the question budget counts).
INITIAL_SOURCES = frozenset({"initial", "predefined", "suggest", "parsed"})
#: The oldest age in months the API accepts (130 years and 11 months).
MAX_AGE_MONTHS = 130 * 12 + 11


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Age(Strict):
    """An age in whole years, or in whole months (a baby's age: give months under 1 year)."""

    unit: Literal["year", "month"] = Field(
        default="year",
        description="year (default) or month: months become whole years, and a baby's age in"
        " months sets the findings that depend on it (e.g. under 3 months).",
    )
    value: int = Field(
        ge=0, le=MAX_AGE_MONTHS, strict=True, description="Whole years (0 to 130) or months."
    )

    @field_validator("value")
    @classmethod
    def _years_in_range(cls, value: int, info: ValidationInfo) -> int:
        # ``unit`` is declared first, so it is known here (absent only when it was invalid)
        if info.data.get("unit", "year") == "year" and value > 130:
            raise ValueError("an age in years is at most 130")
        return value

    @property
    def years(self) -> int:
        """The age in whole years."""
        return self.value // 12 if self.unit == "month" else self.value

    @property
    def months(self) -> int | None:
        """The age in months when it was given in months, else None."""
        return self.value if self.unit == "month" else None


class EvidenceItem(Strict):
    id: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        min_length=1,
        max_length=64,
        description="Finding id (see GET /api/v1/packs/{id}/findings).",
    )
    choice_id: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        min_length=1,
        max_length=64,
        description="present, absent or unknown for yes/no findings; an option id (or unknown)"
        " for choice findings such as pain_duration.",
    )
    source: (
        Literal["initial", "predefined", "suggest", "parsed", "interview", "red_flags"] | None
    ) = Field(
        default=None,
        description="Where the answer came from: initial/predefined/suggest/parsed (stated up"
        " front) or interview/red_flags/omitted (answer to a question; counts towards the"
        " question budget).",
    )


class CaseRequest(Strict):
    """A person and what is known so far."""

    sex: Literal["female", "male"] = Field(description="Sex assigned at birth.")
    age: Age
    evidence: list[EvidenceItem] = Field(
        default_factory=list, description="Everything answered so far, in order."
    )
    pack: str | None = Field(
        default=None,
        pattern=r"^[a-z][a-z0-9_-]*$",
        max_length=64,
        description="Knowledge pack id; the server's default pack when omitted.",
    )
    focus: str | None = Field(
        default=None,
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=64,
        description="Condition id for a 'could it be ...?' check (questions favour it).",
    )
    for_whom: Literal["self", "child", "other"] = Field(
        default="self",
        description="Who the check is for: the person answering, their child, or someone else"
        " they answer for; questions and advice are worded for them.",
    )
    continue_after_emergency: StrictBool = Field(
        default=False,
        description="After an emergency was found the interview stops; true asks a few more"
        " questions for the doctor's summary.",
    )


class ExplainRequest(CaseRequest):
    target: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$", max_length=64, description="Condition id to explain."
    )


class ParseRequest(Strict):
    text: str = Field(min_length=1, max_length=4000, description="What is bothering the person.")
    sex: Literal["female", "male"] | None = None
    age: Age | None = None
    pack: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)


class Choice(BaseModel):
    id: str
    label: str


class QuestionItem(BaseModel):
    id: str = Field(description="Finding id; send it back as evidence id.")
    name: str
    text: str = Field(default="", description="The item asked as a question of its own.")
    choices: list[Choice] = Field(description="Send the chosen id back as choice_id.")


class Question(BaseModel):
    type: Literal["single", "choice", "group_multiple"] = Field(
        description="single: one yes/no/don't know item; choice: pick one of the options;"
        " group_multiple: several yes/no items asked together ('any of these?'), send one"
        " evidence item per item (present, absent or unknown)."
    )
    text: str
    help: str = ""
    finding_type: Literal["yes_no", "single", "duration", "group_multiple"]
    red_flag: bool = Field(description="True for a warning-sign question.")
    items: list[QuestionItem]


class ConditionOut(BaseModel):
    id: str
    name: str
    common_name: str
    probability: float = Field(ge=0.0, le=1.0)
    icd10: list[str]


class DiagnosisResponse(BaseModel):
    question: Question | None = Field(description="The next question; null when done.")
    conditions: list[ConditionOut]
    should_stop: bool
    has_emergency_evidence: bool = Field(
        description="True as soon as an emergency warning sign has been answered: show the"
        " emergency number now."
    )


class RedFlagOut(BaseModel):
    id: str
    level: str
    message: str
    source: str | None
    conditions: list[str] = Field(description="Condition ids the warning sign points at.")


class SeriousOut(BaseModel):
    id: str
    name: str
    common_name: str
    probability: float
    seriousness: str
    is_emergency: bool


class TriageResponse(BaseModel):
    triage_level: Literal["emergency", "urgent", "soon", "routine", "self_care"]
    common_level: Literal[
        "emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"
    ] = Field(description="The same level on the common five-level scale (see /api/docs).")
    title: str
    serious: list[SeriousOut]
    red_flags: list[RedFlagOut]
    reasons: list[str]
    advice: str
    safety_net: list[str]
    emergency_number: str
    disclaimer: str


class ContributionOut(BaseModel):
    id: str
    name: str
    choice_id: str
    weight: float = Field(description="log likelihood ratio (nats); > 0 supports the condition.")


class ExplainResponse(BaseModel):
    condition: ConditionOut
    supporting_evidence: list[ContributionOut]
    conflicting_evidence: list[ContributionOut]


class Mention(BaseModel):
    id: str
    choice_id: str
    name: str
    span: list[int] = Field(description="[start, end) character offsets in the text.")


class ParseResponse(BaseModel):
    mentions: list[Mention]


class PackOut(BaseModel):
    id: str
    name: str
    version: str
    review_status: str
    includes: dict[str, str] = Field(description="Every pack composed in, id -> version.")
    conditions: int
    findings: int


class ConditionInfo(BaseModel):
    id: str
    name: str
    common_name: str
    icd10: list[str]
    severity: str
    care_level: str
    article: str | None
    pack: str


class FindingInfo(BaseModel):
    id: str
    name: str
    question: str
    type: str
    group: str
    choices: list[Choice]
