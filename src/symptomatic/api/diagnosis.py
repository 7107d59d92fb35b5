"""``POST /diagnosis``, ``/triage`` and ``/explain``: one stateless step of the check.

Our five care levels on the common five-level scale of symptom-checker APIs:

=============  =====================  ====================================================
ours           common scale           meaning
=============  =====================  ====================================================
emergency      emergency_ambulance    call the emergency number / go to the emergency dept.
urgent         consultation_24        see a doctor today (within 24 hours)
soon           consultation           see a doctor within about 2 weeks
routine        consultation           book an ordinary appointment
self_care      self_care              look after yourself at home
=============  =====================  ====================================================

The common scale's ``emergency`` (go to the emergency department, no ambulance) has no
separate level here: our ``emergency`` covers both.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from symptomatic.api.case import state_for
from symptomatic.api.context import AppContext, get_context
from symptomatic.api.problems import Problem
from symptomatic.api.schemas import (
    CaseRequest,
    Choice,
    ConditionOut,
    ContributionOut,
    DiagnosisResponse,
    ExplainRequest,
    ExplainResponse,
    Question,
    QuestionItem,
    RedFlagOut,
    SeriousOut,
    TriageResponse,
)
from symptomatic.engine import Contribution, Model, contributions
from symptomatic.errors import UnknownConditionError
from symptomatic.interview import emergency_now, result

COMMON_LEVEL = {
    "emergency": "emergency_ambulance",
    "urgent": "consultation_24",
    "soon": "consultation",
    "routine": "consultation",
    "self_care": "self_care",
}
#: Conditions returned by /diagnosis: at most this many, each at least this probable.
MAX_CONDITIONS, MIN_P = 10, 0.01

PROBLEMS: dict[int | str, dict[str, object]] = {
    code: {"model": Problem, "content": {"application/problem+json": {}}, "description": text}
    for code, text in [
        (400, "Malformed JSON"),
        (404, "Unknown pack"),
        (413, "Request body too large"),
        (422, "Invalid input: unknown finding, bad age or sex, conflicting or too much evidence"),
    ]
}

router = APIRouter(tags=["check"], responses=PROBLEMS)
# The handlers are ``async``: they compute for a few milliseconds without any I/O, so running
# them on the event loop costs less than the hop to the thread pool (measured with
# bench/load.py: server CPU per request 1.4 ms -> 0.9 ms on the tiny pack).


def _conditions(model: Model, sex: str, age: int, evidence: dict[str, str]) -> list[ConditionOut]:
    post = model.posterior(sex, age, evidence)
    out: list[ConditionOut] = []
    for cid, p in post.ranked(MAX_CONDITIONS + 1):  # + 1: "another cause" may be among them
        cond = model.kb.conditions.get(cid)
        if cond is None:
            continue  # "another cause"
        if len(out) >= MAX_CONDITIONS or p < MIN_P:
            break
        out.append(
            ConditionOut(
                id=cid,
                name=cond.name,
                common_name=cond.common_name,
                probability=round(p, 4),
                icd10=list(cond.icd10),
            )
        )
    return out


@router.post("/diagnosis", response_model=DiagnosisResponse, summary="Next question")
async def diagnosis(body: CaseRequest, ctx: AppContext = Depends(get_context)) -> DiagnosisResponse:
    """The next question to ask and the conditions ranked so far.

    Send back the whole evidence list each time, adding the answer to the question
    (``{"id": item id, "choice_id": chosen id}``). Stop when ``should_stop`` is true and call
    ``/triage`` for the advice. ``has_emergency_evidence`` turns true the moment an emergency
    warning sign is answered: show the emergency number at once.
    """
    served, state = state_for(ctx, body)
    model = served.model
    q = ctx.next_question(served, state)
    evidence = state.evidence
    question = None
    if q is not None:
        choices = [Choice(id=o.id, label=o.label) for o in q.options]
        if q.items:
            items = [
                QuestionItem(id=i.finding_id, name=i.name, text=i.text, choices=choices)
                for i in q.items
            ]
            kind = "group_multiple"
        else:
            items = [QuestionItem(id=q.finding_id, name=q.name, text=q.text, choices=choices)]
            kind = "single" if q.type == "yes_no" else "choice"
        question = Question(
            type=kind,  # type: ignore[arg-type]
            text=q.text,
            help=q.help,
            finding_type=q.type,  # type: ignore[arg-type]
            red_flag=q.red_flag,
            items=items,
        )
    return DiagnosisResponse(
        question=question,
        conditions=_conditions(model, state.sex, state.age, evidence),
        should_stop=q is None,
        has_emergency_evidence=bool(emergency_now(model, state)),
    )


@router.post("/triage", response_model=TriageResponse, summary="Where to seek care")
async def triage(body: CaseRequest, ctx: AppContext = Depends(get_context)) -> TriageResponse:
    """The care level for the evidence so far, the warning signs found and the advice.

    ``triage_level`` is one of our five levels; ``common_level`` the same on the common
    scale (emergency -> emergency_ambulance, urgent -> consultation_24, soon and routine ->
    consultation, self_care -> self_care).
    """
    served, state = state_for(ctx, body)
    res = result(served.model, state, ctx.engine_config)
    level = res.triage.level.value
    serious = [
        SeriousOut(
            id=c.id,
            name=c.name,
            common_name=c.common_name,
            probability=round(c.probability, 4),
            seriousness=c.severity,
            is_emergency=c.care_level == "emergency",
        )
        for c in res.conditions
        if c.severity in ("severe", "critical")
    ]
    return TriageResponse(
        triage_level=level,  # type: ignore[arg-type]
        common_level=COMMON_LEVEL[level],  # type: ignore[arg-type]
        title=res.title,
        serious=serious,
        red_flags=[
            RedFlagOut(
                id=r.id,
                level=r.level.value,
                message=r.message,
                source=r.source,
                conditions=list(r.conditions),
            )
            for r in res.triage.fired
        ],
        reasons=list(res.triage.reasons),
        advice=res.advice,
        safety_net=list(res.safety_net),
        emergency_number=ctx.settings.emergency_number,
        disclaimer=res.disclaimer,
    )


@router.post("/explain", response_model=ExplainResponse, summary="Why a condition")
async def explain(body: ExplainRequest, ctx: AppContext = Depends(get_context)) -> ExplainResponse:
    """The answers that support and that count against one condition, strongest first.

    ``weight`` is the log likelihood ratio of the answer for the condition against any other
    cause (0.69 = twice as likely).
    """
    served, state = state_for(ctx, body)
    model = served.model
    cond = model.kb.conditions.get(body.target)
    if cond is None:
        raise UnknownConditionError(
            f"unknown condition id {body.target!r}; see GET /api/v1/packs/{served.id}/conditions"
        )
    evidence = state.evidence
    post = model.posterior(state.sex, state.age, evidence)
    p = post.of(body.target)
    support, against = contributions(model, body.target, evidence, post.probs)

    def out(items: tuple[Contribution, ...]) -> list[ContributionOut]:
        return [
            ContributionOut(
                id=c.finding_id, name=c.name, choice_id=c.answer, weight=round(c.weight, 4)
            )
            for c in items
        ]

    return ExplainResponse(
        condition=ConditionOut(
            id=cond.id,
            name=cond.name,
            common_name=cond.common_name,
            probability=round(p, 4),
            icd10=list(cond.icd10),
        ),
        supporting_evidence=out(support),
        conflicting_evidence=out(against),
    )
