"""The result of a check: triage, conditions worth discussing and why, advice, summary."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace
from typing import Any

from symptomatic.engine import (
    ENGINE_VERSION,
    Assessor,
    Contribution,
    EngineConfig,
    Model,
    contributions,
)
from symptomatic.engine.assessment import TriageDecision
from symptomatic.engine.model import FloatArray
from symptomatic.interview.flow import (
    covered_complaints,
    emergency_now,
    next_question,
    uncovered_complaints,
)
from symptomatic.interview.state import InterviewState
from symptomatic.kb.schema import CareLevel
from symptomatic.triage import rank

DISCLAIMER = (
    "Symptomatic gives information, not a diagnosis. It cannot examine you and can be wrong. "
    "If you are worried, or getting worse, contact a doctor; in an emergency call your local "
    "emergency number."
)
INTENDED_USE = (
    "For people who want to understand a symptom and decide where to seek care, for "
    "themselves, their child or someone they look after, at the ages the loaded checks cover. "
    "Not a substitute for a clinician, and not for use in an emergency."
)
#: Who the check was for, as the doctor's summary says it.
FOR_WHOM_WORDS = {
    "child": "a child (answered by a parent or carer)",
    "other": "someone else (answered on their behalf)",
}
#: Conditions shown: at most this many, each at least this probable.
MAX_SHOWN, MIN_SHOWN_P = 6, 0.01


def format_probability(p: float) -> str:
    """A probability as people read it: "35%", "<1%" for small non-zero values, "0%"."""
    if p <= 0.0:
        return "0%"
    if p < 0.01:
        return "<1%"
    if p > 0.99:
        return ">99%"
    return f"{p:.0%}"


#: "about 1 in N" for these N (a chance between 1 in 100 and 1 in 2), nearest on a log scale.
_ONE_IN = (2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100)


def probability_in_words(p: float) -> str:
    """A probability as natural frequencies people read correctly.

    "fewer than 1 in 1,000", "fewer than 1 in 100", "about 1 in 20", "about 7 in 10",
    "more than 99 in 100"; 0 is "none".
    """
    if p <= 0.0:
        return "none"
    if p < 0.001:
        return "fewer than 1 in 1,000"
    if p < 0.01:
        return "fewer than 1 in 100"
    if p > 0.99:
        return "more than 99 in 100"
    if p >= 0.95:
        return "more than 9 in 10"
    if p < 0.45:
        n = min(_ONE_IN, key=lambda k: abs(math.log(k * p)))
        return f"about 1 in {n}"
    return f"about {round(p * 10)} in 10"


def answer_statement(model: Model, finding_id: str, value: str) -> str:
    """One answer as a person reads it, always with the answer itself: "Yes: Fever",
    "No: Periods stopped (after the menopause)", "How long the pain has lasted: 6 to 12
    weeks" (the option's label, never its id), "Don't know: Fever"."""
    fnd = model.kb.findings[finding_id]
    if value == "unknown":
        return f"Don't know: {fnd.name}"
    if fnd.options:
        return f"{fnd.name}: {_label(model, finding_id, value)}"
    return f"{'Yes' if value == 'present' else 'No'}: {fnd.name}"


@dataclass(frozen=True)
class RankedCondition:
    id: str
    name: str
    common_name: str
    icd10: tuple[str, ...]
    probability: float
    severity: str
    care_level: str
    specialty: str | None
    article: str | None
    supporting: tuple[Contribution, ...]
    conflicting: tuple[Contribution, ...]
    #: the probability in words ("about 1 in 20"), see :func:`probability_in_words`
    chance: str
    #: the supporting / conflicting answers as read by a person (:func:`answer_statement`)
    reasons_for: tuple[str, ...]
    reasons_against: tuple[str, ...]
    #: a warning sign in the answers points at it (it is shown whatever its probability)
    warning_sign: bool = False


@dataclass(frozen=True)
class TranscriptEntry:
    finding_id: str
    name: str
    question: str
    answer: str
    answer_label: str
    source: str


@dataclass(frozen=True)
class CheckResult:
    """Everything a person (and their doctor) needs from one check; ``to_dict`` is JSON-able."""

    sex: str
    age: int
    #: Who the check is for: ``self``, ``child`` or ``other`` (wording follows it).
    for_whom: str
    focus: str | None
    triage: TriageDecision
    title: str
    advice: str
    safety_net: tuple[str, ...]
    conditions: tuple[RankedCondition, ...]
    focus_probability: float | None
    other_cause_probability: float
    transcript: tuple[TranscriptEntry, ...]
    questions_asked: int
    should_stop: bool
    #: An emergency warning sign was found (the interview stopped there unless the person
    #: chose to answer more questions for the doctor's summary).
    emergency: bool
    #: Names of complaints the person has that this check does not cover.
    not_covered: tuple[str, ...]
    packs: dict[str, str]
    engine_version: str
    disclaimer: str
    intended_use: str
    summary: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (enums as their string values)."""
        out = asdict(self)
        out["triage"] = {
            "level": self.triage.level.value,
            "reasons": list(self.triage.reasons),
            "fired": [
                {
                    "id": r.id,
                    "level": r.level.value,
                    "message": r.message,
                    "source": r.source,
                    "conditions": list(r.conditions),
                }
                for r in self.triage.fired
            ],
            "escalations": [
                {
                    "condition_id": e.condition_id,
                    "probability": e.probability,
                    "level": e.level.value,
                }
                for e in self.triage.escalations
            ],
        }
        return out


def _label(model: Model, finding_id: str, value: str) -> str:
    fnd = model.kb.findings[finding_id]
    if value == "unknown":
        return "Don't know"
    if fnd.options:
        return next((o.label for o in fnd.options if o.id == value), value)
    return "Yes" if value == "present" else "No"


def result(model: Model, state: InterviewState, config: EngineConfig | None = None) -> CheckResult:
    """The result for the interview so far (it may be asked before the interview stops)."""
    cfg = config or EngineConfig()
    evidence = state.evidence
    post = model.posterior(state.sex, state.age, evidence)
    decision = Assessor(model, cfg).assess(state.sex, state.age, evidence)
    not_covered = tuple(model.kb.findings[f].name for f in uncovered_complaints(model, state))
    if not_covered and not covered_complaints(model, state):
        decision = _with_not_covered(decision, not_covered)
    # 1. the conditions the warning signs point at, first among equals while they are likely
    # enough to be shown on their own; an unlikelier one first only when a warning sign that
    # sets the level of care points at it and no likelier cause calls for that level itself
    # (a possible cauda equina at 0.6 % heads a back strain in an emergency; a spine infection
    # at 0.1 % follows a kidney infection that explains the same-day advice). The rest follow
    # the likelier causes, so a near-0 % cause never heads the list (issue 17 review S6).
    named = dict.fromkeys(
        cid
        for rule in sorted(decision.fired, key=lambda r: -rank(r.level))
        for cid in rule.conditions
        if cid in model.condition_index and post.of(cid) > 0.0
    )
    setting = {
        cid for rule in decision.fired if rule.level == decision.level for cid in rule.conditions
    }
    # the causes likely enough to call for the level of care on their own
    explains = [
        post.of(e.condition_id)
        for e in decision.escalations
        if rank(e.level) >= rank(decision.level) and post.of(e.condition_id) >= MIN_SHOWN_P
    ]
    pinned = sorted(
        (
            cid
            for cid in named
            if post.of(cid) >= MIN_SHOWN_P
            or (cid in setting and not any(p > post.of(cid) for p in explains))
        ),
        key=lambda cid: (cid not in setting, -post.of(cid)),
    )
    shown: list[RankedCondition] = [
        _ranked(model, cid, post.of(cid), evidence, post.probs, warning_sign=True) for cid in pinned
    ]
    # 2. then the most probable others
    for cid, p in post.ranked():
        if cid not in model.kb.conditions or cid in named:
            continue
        if len(shown) >= max(MAX_SHOWN, len(pinned)) or p < MIN_SHOWN_P:
            break
        shown.append(_ranked(model, cid, p, evidence, post.probs))
    # 3. then the unlikely ones the warning signs point at
    shown += [
        _ranked(model, cid, post.of(cid), evidence, post.probs, warning_sign=True)
        for cid in named
        if cid not in pinned
    ]
    focus_p: float | None = None
    if state.focus is not None:
        focus_p = post.of(state.focus)
        if all(c.id != state.focus for c in shown):
            shown.append(_ranked(model, state.focus, focus_p, evidence, post.probs))
    transcript = tuple(
        TranscriptEntry(
            a.finding_id,
            model.kb.findings[a.finding_id].name,
            model.kb.findings[a.finding_id].question_for(state.for_whom),
            a.value,
            _label(model, a.finding_id, a.value),
            a.source,
        )
        for a in state.answers
    )
    level = decision.level
    involved = involved_packs(model, evidence, [c.id for c in shown])
    title, advice, safety = level_wording(model, level, involved, state.for_whom)
    res = CheckResult(
        sex=state.sex,
        age=state.age,
        for_whom=state.for_whom,
        focus=state.focus,
        triage=decision,
        title=title,
        advice=advice,
        safety_net=safety,
        conditions=tuple(shown),
        focus_probability=focus_p,
        other_cause_probability=float(post.probs[-1]),
        transcript=transcript,
        questions_asked=state.questions_asked,
        should_stop=next_question(model, state, cfg) is None,
        emergency=bool(emergency_now(model, state)),
        not_covered=not_covered,
        packs=model.kb.pack_versions,
        engine_version=ENGINE_VERSION,
        disclaimer=DISCLAIMER,
        intended_use=INTENDED_USE,
        summary="",
    )
    return _with_summary(res)


def _with_not_covered(decision: TriageDecision, names: tuple[str, ...]) -> TriageDecision:
    """A complaint this check does not cover needs a person's judgement today: at least
    urgent, with the reason said plainly."""
    level = decision.level if rank(decision.level) >= rank(CareLevel.URGENT) else CareLevel.URGENT
    reason = (
        f"This check does not cover {', '.join(n.lower() for n in names)}. Speak to a doctor or"
        " a nurse advice line about it today."
    )
    return replace(decision, level=level, reasons=(reason, *decision.reasons))


def involved_packs(
    model: Model, evidence: dict[str, str], condition_ids: list[str]
) -> frozenset[str]:
    """Packs whose findings are present (after the hierarchy) or whose conditions are shown."""
    kb = model.kb
    ids = {kb.origin[f"finding:{f}"] for f, v in model.closure(evidence).items() if v == "present"}
    ids |= {kb.origin[f"condition:{c}"] for c in condition_ids}
    return frozenset(ids)


def level_wording(
    model: Model, level: CareLevel, involved: frozenset[str], for_whom: str = "self"
) -> tuple[str, str, tuple[str, ...]]:
    """(title, advice, safety-net lines) for a care level, from pack data (docs/packs.md 7).

    The title is the first one a loaded pack states; advice and safety-net lines come from
    every pack that states the level's wording and is involved (a pack stating a title, such
    as ``core``, always is); below emergency, the involved packs' ``emergency_note`` follows.
    For a check done for a child or someone else, the packs' wording for that audience
    (``advice_for``, docs/children.md) replaces the person's own, field by field.
    """
    spoken = model.kb.spoken_to(for_whom, level)
    title, advice, safety = _own_wording(model, level, involved)
    if spoken is None:
        return title, advice, safety
    return (
        spoken.title or title,
        spoken.advice or advice,
        (spoken.safety_net,) if spoken.safety_net else safety,
    )


def _own_wording(
    model: Model, level: CareLevel, involved: frozenset[str]
) -> tuple[str, str, tuple[str, ...]]:
    """The wording spoken to the person themselves (see :func:`level_wording`)."""
    title = level.value.replace("_", " ").capitalize()
    titled = False
    advice: list[str] = []
    safety: list[str] = []
    notes: list[str] = []
    for info in model.kb.packs:
        meta = model.kb.metas[info.id]
        text = meta.advice.get(level)
        own_title = text is not None and text.title is not None
        if not own_title and info.id not in involved:
            continue
        if text is not None:
            if text.title is not None and not titled:
                title, titled = text.title, True
            advice += [text.advice] if text.advice else []
            safety += [text.safety_net] if text.safety_net else []
        if meta.emergency_note and level is not CareLevel.EMERGENCY:
            notes.append(meta.emergency_note)
    return title, " ".join(advice), (*safety, *notes)


def _ranked(
    model: Model,
    cid: str,
    p: float,
    evidence: dict[str, str],
    probs: FloatArray,
    *,
    warning_sign: bool = False,
) -> RankedCondition:
    cond = model.kb.conditions[cid]
    support, against = contributions(model, cid, evidence, probs)
    support, against = support[:5], against[:5]
    return RankedCondition(
        id=cid,
        name=cond.name,
        common_name=cond.common_name,
        icd10=tuple(cond.icd10),
        probability=p,
        severity=cond.severity.value,
        care_level=cond.care_level.value,
        specialty=cond.specialty,
        article=cond.article,
        supporting=support,
        conflicting=against,
        chance=probability_in_words(p),
        reasons_for=tuple(answer_statement(model, s.finding_id, s.answer) for s in support),
        reasons_against=tuple(answer_statement(model, s.finding_id, s.answer) for s in against),
        warning_sign=warning_sign,
    )


def _with_summary(res: CheckResult) -> CheckResult:
    """Attach a plain-text summary to bring to a doctor."""
    age = "under 1 year" if res.age == 0 else f"{res.age} years"
    lines = [f"Symptom check summary ({res.sex}, {age})"]
    if res.for_whom in FOR_WHOM_WORDS:
        lines.append(f"For: {FOR_WHOM_WORDS[res.for_whom]}.")
    lines.append(f"Advice given: {res.title}.")
    present = [t for t in res.transcript if t.answer not in ("absent", "unknown")]
    absent = [t for t in res.transcript if t.answer == "absent"]
    if present:
        lines.append("Reported: " + "; ".join(_say(t) for t in present) + ".")
    if absent:
        lines.append("Denied: " + "; ".join(_say(t) for t in absent) + ".")
    if res.triage.fired:
        lines.append("Warning signs: " + "; ".join(r.message for r in res.triage.fired))
    if res.conditions:
        lines.append(
            "Possibilities to discuss: "
            + ", ".join(
                f"{c.name} ({c.chance}, {format_probability(c.probability)})"
                for c in res.conditions
            )
            + "."
        )
    lines.append(
        f"Knowledge packs: {', '.join(f'{k} {v}' for k, v in res.packs.items())}; "
        f"engine {res.engine_version}."
    )
    lines.append(res.disclaimer)
    return replace(res, summary="\n".join(lines))


def _say(t: TranscriptEntry) -> str:
    if t.answer in ("present", "absent"):
        return t.name
    return f"{t.name}: {t.answer_label}"
