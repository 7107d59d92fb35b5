"""Pydantic models of a knowledge pack's YAML files.

A pack is a folder with four files:

``pack.yaml``
    :class:`PackMeta`: id, name, version, authors, review status, dependencies and the
    reference list that every ``source`` must resolve to.
``conditions.yaml``
    ``conditions:`` a list of :class:`Condition` (with age/sex-banded priors).
``findings.yaml``
    ``findings:`` a list of :class:`Finding` (what can be asked or stated).
``likelihoods.yaml``
    ``likelihoods:`` a list of :class:`FindingLikelihoods`: P(answer | condition) for the
    conditions a finding tells something about, and P(answer | any other cause) as default.
``red_flags.yaml``
    ``red_flags:`` a list of :class:`RedFlagRule`.
``screens.yaml``
    ``screens:`` a list of :class:`Screen`: per entry complaint, the warning signs always asked.
``synonyms.yaml``
    ``synonyms:`` finding id -> lay phrasings for free text and search (:class:`SynonymsFile`);
    a pack may add phrasings to the findings of the packs it depends on. Also ``systems:``
    a body system or group of symptoms (:class:`BodySystem`): its words, and the findings
    that saying it is normal or denying it ("waterworks fine", "no bowel change") denies.
    ``denials:`` finding id -> words that say it is absent ("apyrexial"); ``parts:`` and
    ``compounds:`` a finding stated by two things said together (:class:`Compound`).
    The lexicon lives apart from the clinical model so that the two can be edited
    independently.

Every number carries either ``source`` (a reference id of this pack or one it depends on)
or ``evidence: expert estimate``; :mod:`symptomatic.kb.validate` enforces it.
"""

from __future__ import annotations

import re
import string
from enum import StrEnum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in a pack never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CareLevel(StrEnum):
    """Triage levels, most urgent first in :data:`CARE_ORDER`."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    ROUTINE = "routine"
    SELF_CARE = "self_care"


class Severity(StrEnum):
    """How bad it is to miss the condition; sets the probability at which it escalates triage."""

    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    CRITICAL = "critical"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class FindingType(StrEnum):
    YES_NO = "yes_no"
    SINGLE = "single"
    DURATION = "duration"


class FindingGroup(StrEnum):
    COMPLAINT = "complaint"
    SYMPTOM = "symptom"
    RISK_FACTOR = "risk_factor"
    HISTORY = "history"
    RED_FLAG = "red_flag"


class Evidence(StrEnum):
    LITERATURE = "literature"
    DERIVED = "derived"
    EXPERT_ESTIMATE = "expert estimate"


class Reference(Strict):
    citation: str = Field(min_length=5)
    doi: str | None = None
    url: str | None = None


class Author(Strict):
    name: str = Field(min_length=1)
    role: str = "author"


PackId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", min_length=1, max_length=64)]


class Audience(StrEnum):
    """Who a check is for, when it is not the person answering: wording changes with it."""

    CHILD = "child"
    OTHER = "other"


class LevelText(Strict):
    """Wording for one care level: the core pack gives all three; a complaint pack may add
    ``safety_net`` lines shown when its conditions or findings are involved."""

    title: str | None = None
    advice: str | None = None
    safety_net: str | None = None


class PackMeta(Strict):
    id: PackId
    name: str
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    description: str = ""
    authors: list[Author] = Field(default_factory=list)
    review_status: Literal["draft", "reviewed"] = "draft"
    reviewed_by: list[Author] = Field(default_factory=list)
    depends: list[PackId] = Field(default_factory=list)
    references: dict[str, Reference] = Field(default_factory=dict)
    #: Entry complaints and ages covered (a pack without a scope adds no coverage of its own).
    scope: Scope | None = None
    #: Per audience (a parent checking for their child, someone checking for another person):
    #: the care-level wording spoken to them ("Take your child to ..."), per care level.
    advice_for: dict[Audience, dict[CareLevel, LevelText]] = Field(default_factory=dict)
    #: Per care level: title, advice and safety-net wording (docs/packs.md, section 7).
    advice: dict[CareLevel, LevelText] = Field(default_factory=dict)
    #: Shown under every result below emergency level when this pack is involved.
    emergency_note: str | None = None
    #: The wording of the questions that ask a focus condition's warning signs (the first
    #: pack stating it, in load order, words them for every pack).
    warning_signs_question: WarningSignsText | None = None

    @model_validator(mode="after")
    def _reviewed_needs_reviewer(self) -> PackMeta:
        if self.review_status == "reviewed" and not self.reviewed_by:
            raise ValueError("review_status 'reviewed' needs reviewed_by (never invent a review)")
        return self


class Sourced(Strict):
    """A number's provenance: a reference id, or an honest ``expert estimate``."""

    source: str | None = None
    evidence: Evidence = Evidence.LITERATURE
    note: str | None = None


class AppliesTo(Strict):
    sex: Sex | None = None
    min_age: int = Field(default=0, ge=0, le=130)
    max_age: int = Field(default=130, ge=0, le=130)

    @model_validator(mode="after")
    def _ordered(self) -> AppliesTo:
        if self.min_age > self.max_age:
            raise ValueError("min_age must not exceed max_age")
        return self

    def admits(self, sex: Sex, age: int) -> bool:
        """True when a person of this sex and age is in scope."""
        if self.sex is not None and self.sex != sex:
            return False
        return self.min_age <= age <= self.max_age


class PriorBand(Sourced):
    """Population rate for one sex and age band: new presentations to primary care per 1,000
    person-years (see docs/packs.md); the engine turns it into a probability over its window."""

    sex: Sex | None = None
    ages: tuple[int, int] = (0, 130)
    rate: float = Field(gt=0.0, lt=1_000_000.0)

    @field_validator("ages")
    @classmethod
    def _ages_ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        if v[0] > v[1] or v[0] < 0 or v[1] > 130:
            raise ValueError("ages must be [low, high] within 0..130, low <= high")
        return v


class Condition(Strict):
    id: Identifier
    name: str
    common_name: str
    icd10: list[str] = Field(min_length=1)
    snomed: str | None = None
    severity: Severity
    care_level: CareLevel
    specialty: str | None = None
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    #: Yes/no findings whose presence this condition requires (``only_when``) or excludes
    #: (``never_when``), e.g. ``only_when: [pregnant]`` for ectopic pregnancy.
    only_when: list[Identifier] = Field(default_factory=list)
    never_when: list[Identifier] = Field(default_factory=list)
    article: str | None = None
    description: str = ""
    prior: list[PriorBand] = Field(min_length=1)
    #: The warning signs of this condition (finding ids, in the order they are asked): in
    #: focus mode ("could this be X?") every applicable one is asked, whatever its prior or
    #: how well it tells X apart (docs/packs.md, section 11). A sign asked only once something
    #: else is known (a parent, ``requires``, ``ask_if``) is reached through that finding.
    warning_signs: list[Identifier] = Field(default_factory=list)

    @field_validator("warning_signs")
    @classmethod
    def _signs_unique(cls, v: list[str]) -> list[str]:
        if len(set(v)) != len(v):
            raise ValueError("a warning sign is listed twice")
        return v

    @field_validator("icd10")
    @classmethod
    def _icd_shape(cls, v: list[str]) -> list[str]:
        for code in v:
            if not re.fullmatch(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?", code):
                raise ValueError(f"{code!r} is not shaped like an ICD-10 code (e.g. M54.5)")
        return v


class Option(Strict):
    id: Identifier
    label: str


class FindingAppliesTo(AppliesTo):
    requires: list[Identifier] = Field(
        default_factory=list, description="findings that must be present before this is asked"
    )
    requires_any: list[Identifier] = Field(
        default_factory=list, description="at least one of these must be present"
    )


class Reading(Strict):
    """A finding read from a measurement stated in the text ("BP 184/96", "pulse 38",
    "temp 38.4").

    ``measure`` names what is measured: ``blood_pressure`` (two numbers, top and bottom),
    ``pulse`` (beats a minute) or ``temperature`` (degrees Celsius; a reading in Fahrenheit is
    converted). The limits are given per number, in that order: the finding is
    present when any stated number is ``at_least`` (or ``above``, or ``below``) its limit,
    and absent when every number a limit needs is stated and none crosses it. Finding the
    numbers in the text is :mod:`symptomatic.language.readings`.
    """

    measure: Literal["blood_pressure", "pulse", "temperature"]
    at_least: list[float] = Field(default_factory=list)
    above: list[float] = Field(default_factory=list)
    below: list[float] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_limit(self) -> Reading:
        limits = [x for x in (self.at_least, self.above, self.below) if x]
        if len(limits) != 1:
            raise ValueError("a reading has one of at_least, above or below")
        most = 2 if self.measure == "blood_pressure" else 1
        if len(limits[0]) > most or min(limits[0]) <= 0:
            raise ValueError(f"a {self.measure} reading has at most {most} positive limits")
        return self


class Finding(Strict):
    id: Identifier
    name: str
    #: SNOMED CT concept id of the finding (checked by :mod:`symptomatic.kb.codes`).
    snomed: str | None = None
    question: str
    #: The question asked of a parent about their child ("Has your child ...?"), and of
    #: someone answering for another person; the plain ``question`` when not given.
    question_child: str | None = None
    question_other: str | None = None
    help: str = ""
    type: FindingType = FindingType.YES_NO
    options: list[Option] = Field(default_factory=list)
    group: FindingGroup = FindingGroup.SYMPTOM
    applies_to: FindingAppliesTo = Field(default_factory=FindingAppliesTo)
    #: Filled from the packs' ``synonyms.yaml`` when packs are composed (not set in findings.yaml).
    synonyms: tuple[str, ...] = ()
    askable: bool = True
    #: Asked only once this rule expression is definitely true (e.g. "after the menopause",
    #: "has a pain"): a question never assumes what has not been established.
    ask_if: RuleExpr | None = None
    #: Set from a baby's age in months, never asked: present when the age in months is
    #: within [low, high] (e.g. ``[0, 2]``: under 3 months), absent otherwise.
    age_months: tuple[int, int] | None = None
    #: Also read from a measurement in free text ("BP 195/110", "pulse 38"): :class:`Reading`.
    reading: Reading | None = None

    @model_validator(mode="after")
    def _reading_is_yes_no(self) -> Finding:
        if self.reading is not None and self.type is not FindingType.YES_NO:
            raise ValueError("a finding read from a measurement is yes_no")
        return self

    @model_validator(mode="after")
    def _age_months_is_set_not_asked(self) -> Finding:
        if self.age_months is None:
            return self
        low, high = self.age_months
        if not 0 <= low <= high:
            raise ValueError("age_months must be [low, high] with 0 <= low <= high")
        if self.type is not FindingType.YES_NO or self.askable:
            raise ValueError("a finding set from age_months is yes_no with askable: false")
        return self

    def question_for(self, for_whom: str) -> str:
        """The question worded for who the check is for (``self``, ``child`` or ``other``)."""
        if for_whom == Audience.CHILD and self.question_child:
            return self.question_child
        if for_whom == Audience.OTHER and self.question_other:
            return self.question_other
        return self.question

    #: The finding this one qualifies: asked only when the parent is present; its likelihoods
    #: (and default) are conditional on the parent being present (docs/packs.md, section 4).
    parent: Identifier | None = None

    @model_validator(mode="after")
    def _options_match_type(self) -> Finding:
        if self.type is FindingType.YES_NO and self.options:
            raise ValueError("a yes_no finding has no options")
        if self.type is not FindingType.YES_NO:
            if len(self.options) < 2:
                raise ValueError(f"a {self.type.value} finding needs at least two options")
            ids = [o.id for o in self.options]
            if len(set(ids)) != len(ids):
                raise ValueError("option ids must be unique")
        return self

    @property
    def answers(self) -> tuple[str, ...]:
        """The answer ids: ``present``/``absent`` for yes/no, else the option ids."""
        if self.type is FindingType.YES_NO:
            return ("present", "absent")
        return tuple(o.id for o in self.options)


class Likelihood(Sourced):
    """P(answer | cause). ``p`` is P(present) for yes/no findings, else option id -> P."""

    p: float | dict[str, float]


class FindingLikelihoods(Strict):
    """P(answer | condition) for some conditions; ``default`` is P(answer | none of the listed
    conditions) and is stated only by the pack that defines the finding."""

    finding: Identifier
    default: Likelihood | None = None
    conditions: dict[str, Likelihood] = Field(default_factory=dict)


class RuleAll(Strict):
    all: list[RuleExpr] = Field(min_length=1)


class RuleAny(Strict):
    any: list[RuleExpr] = Field(min_length=1)


class RuleNot(Strict):
    """True when the finding was explicitly answered ``absent`` (never on ``unknown``)."""

    not_: Identifier = Field(alias="not")


class RuleAnswer(Strict):
    """True when a choice finding was answered with one of ``in_``."""

    finding: Identifier
    in_: list[Identifier] = Field(alias="in", min_length=1)


class RuleAge(Strict):
    """True when the person's age is within [min, max]."""

    age: tuple[int, int]


class RuleSex(Strict):
    sex: Sex


RuleExpr = Union[Identifier, RuleAll, RuleAny, RuleNot, RuleAnswer, RuleAge, RuleSex]  # noqa: UP007 (forward refs)
RuleAll.model_rebuild()
RuleAny.model_rebuild()
Finding.model_rebuild()


class RedFlagRule(Sourced):
    """A warning sign: when ``when`` is definitely true, triage is at least ``level``.

    ``condition`` names the condition(s) the rule points at (one id or a list): the result
    always shows them, first, when the rule fires.
    """

    id: Identifier
    when: RuleExpr
    level: CareLevel
    message: str
    condition: Identifier | list[Identifier] | None = None
    #: A placeholder for a complaint no loaded pack may cover yet ("chest pain needs a doctor
    #: today"): the rule is left out when a loaded pack's scope covers this complaint, whose
    #: own screens and rules then refine it.
    until_covered: Identifier | None = None

    @property
    def condition_ids(self) -> tuple[str, ...]:
        """The conditions this rule points at (possibly none)."""
        if self.condition is None:
            return ()
        if isinstance(self.condition, str):
            return (self.condition,)
        return tuple(self.condition)


class GroupText(Strict):
    """The wording of an "any of these?" question, per who the check is for."""

    text: str = Field(min_length=3)
    #: The question worded for a parent / for someone answering for another person.
    text_child: str | None = None
    text_other: str | None = None

    def text_for(self, for_whom: str) -> str:
        """The question worded for who the check is for (``self``, ``child`` or ``other``)."""
        if for_whom == Audience.CHILD and self.text_child:
            return self.text_child
        if for_whom == Audience.OTHER and self.text_other:
            return self.text_other
        return self.text


#: Most findings one "any of these?" question asks together.
MAX_GROUP_ITEMS = 6


class ScreenGroup(GroupText):
    """Several related warning signs asked as one "any of these?" question."""

    group: Identifier
    findings: list[Identifier] = Field(min_length=2, max_length=MAX_GROUP_ITEMS)


class WarningSignsText(GroupText):
    """The wording of the "any of these?" questions that ask a focus condition's
    ``warning_signs``; ``{condition}`` in it stands for the condition's common name."""

    @model_validator(mode="after")
    def _only_the_condition_placeholder(self) -> WarningSignsText:
        for text in (self.text, self.text_child, self.text_other):
            names = {n for _, n, _, _ in string.Formatter().parse(text or "") if n is not None}
            if names - {"condition"}:
                raise ValueError("the only placeholder is {condition}")
        return self

    def worded(self, for_whom: str, condition: str) -> str:
        """The question for who the check is for, naming ``condition``."""
        return self.text_for(for_whom).format(condition=condition)


class ScreenQuestion(Strict):
    """One warning sign asked on its own."""

    finding: Identifier


ScreenItem = ScreenGroup | ScreenQuestion


class Screen(Sourced):
    """The warning signs a clinician always asks about for a complaint, in order.

    Asked when any of ``complaints`` is present and ``applies_to`` admits the person, before
    the interview may stop, whatever their prior probability.
    """

    id: Identifier
    complaints: list[Identifier] = Field(min_length=1)
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    #: Asked only once this is known to be true (for example a fever already answered yes):
    #: warning signs that matter only together with another answer.
    when: RuleExpr | None = None
    questions: list[ScreenItem] = Field(min_length=1)


class Scope(Strict):
    """What a pack covers: its entry complaints and the ages it was written for."""

    complaints: list[Identifier] = Field(min_length=1)
    min_age: int = Field(default=0, ge=0, le=130)
    max_age: int = Field(default=130, ge=0, le=130)


class ConditionsFile(Strict):
    conditions: list[Condition] = Field(default_factory=list)


class FindingsFile(Strict):
    findings: list[Finding] = Field(default_factory=list)


class LikelihoodsFile(Strict):
    likelihoods: list[FindingLikelihoods] = Field(default_factory=list)


class RedFlagsFile(Strict):
    red_flags: list[RedFlagRule] = Field(default_factory=list)


PackMeta.model_rebuild()


class ScreensFile(Strict):
    screens: list[Screen] = Field(default_factory=list)


class BodySystem(Strict):
    """A body system or group of symptoms as people name it ("waterworks", "leg symptoms").

    Said as normal or denied ("waterworks fine", "denies leg symptoms") it denies each of
    ``findings``; said otherwise ("problems with my waterworks") it says nothing on its own.
    """

    phrases: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    findings: list[Identifier] = Field(min_length=1)


class Compound(Strict):
    """A finding stated by its parts said in one sentence: named word lists (``parts:`` of
    the synonyms file) and/or findings said present. "Nurofen ... nothing touches it" is a
    painkiller and no effect; "periods stopped at 50 ... some blood" is after the menopause
    and bleeding. Compounds that deny (``answer: absent``) are read first, and a finding one
    denies in a sentence is not said present there by another ("chest pain" + "didn't come
    on suddenly" stops "chest pain" + "suddenly")."""

    finding: Identifier
    answer: Identifier = "present"
    parts: list[Identifier] = Field(min_length=1)
    #: findings that must be said absent in the sentence ("periods stopped ... no bleeding")
    denied: list[Identifier] = Field(default_factory=list)
    #: findings that, said present anywhere in the text, stop the compound: a leg and a pain
    #: word in a text about back pain are the back pain's leg pain, not a painful leg
    unless: list[Identifier] = Field(default_factory=list)
    #: where the parts must be said: one sentence, or anywhere in the text (then the mention
    #: spans the first part alone: "Burning when I wee. No blood." is no blood in the urine)
    scope: Literal["sentence", "text"] = "sentence"
    #: a length of time of at least this many days must be said with the parts (in the
    #: sentence, or the text for ``scope: text``): "hoarse since October", "a lump in my neck
    #: for 6 weeks" (read as the parser reads durations, dates against today included)
    lasting_days: float | None = Field(default=None, gt=0)
    #: a denying compound that also takes back the lexicon's reading of its finding over its
    #: words: "a sharp tearing pain" said of passing a poo is no tearing chest pain, though
    #: "tearing pain" alone is one
    overrules: bool = False


class SynonymsFile(Strict):
    synonyms: dict[Identifier, list[Annotated[str, Field(min_length=1)]]] = Field(
        default_factory=dict
    )
    systems: dict[Identifier, BodySystem] = Field(default_factory=dict)
    #: finding id -> words that say it is absent ("apyrexial" for fever)
    denials: dict[Identifier, list[Annotated[str, Field(min_length=1)]]] = Field(
        default_factory=dict
    )
    #: part id -> words; a part says nothing alone, only inside a compound
    parts: dict[Identifier, list[Annotated[str, Field(min_length=1)]]] = Field(default_factory=dict)
    compounds: list[Compound] = Field(default_factory=list)
    #: finding id -> findings whose phrases, said inside one of this finding's phrases, are
    #: not said at all: "can't breathe" inside "can't breathe through my nose" (a blocked
    #: nose), "burning up" (a fever) inside "acid burning up into my throat" (heartburn)
    hides: dict[Identifier, list[Identifier]] = Field(default_factory=dict)


class Pack(Strict):
    """One pack as read from its folder (not yet resolved against its dependencies)."""

    meta: PackMeta
    conditions: list[Condition]
    findings: list[Finding]
    likelihoods: list[FindingLikelihoods]
    red_flags: list[RedFlagRule]
    screens: list[Screen] = Field(default_factory=list)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    systems: dict[str, BodySystem] = Field(default_factory=dict)
    denials: dict[str, list[str]] = Field(default_factory=dict)
    parts: dict[str, list[str]] = Field(default_factory=dict)
    compounds: list[Compound] = Field(default_factory=list)
    hides: dict[str, list[str]] = Field(default_factory=dict)
