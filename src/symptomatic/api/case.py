"""Turn an API case (sex, age, evidence list) into an interview state, with clear problems."""

from __future__ import annotations

from symptomatic.api.context import AppContext, ServedPack
from symptomatic.api.problems import ApiProblem
from symptomatic.api.schemas import INITIAL_SOURCES, CaseRequest
from symptomatic.interview import InterviewState, answer, go_on_after_emergency, start


def state_for(ctx: AppContext, body: CaseRequest) -> tuple[ServedPack, InterviewState]:
    """(pack, interview state) for the request.

    Raises :class:`ApiProblem` 422 for too many evidence items or the same finding twice with
    different answers; the interview functions raise the domain errors (unknown finding, bad
    age or sex, unknown focus) that :mod:`symptomatic.api.problems` maps to 422.
    """
    served = ctx.pack(body.pack)
    limit = ctx.settings.max_evidence_items
    if len(body.evidence) > limit:
        raise ApiProblem(
            422,
            "too-many-evidence",
            "Too many evidence items",
            f"The request has {len(body.evidence)} evidence items; this server accepts at most"
            f" {limit}. Send each finding once.",
        )
    seen: dict[str, str] = {}
    initial: list[tuple[str, str]] = []
    asked: list[tuple[str, str]] = []
    for item in body.evidence:
        before = seen.get(item.id)
        if before is not None and before != item.choice_id:
            raise ApiProblem(
                422,
                "conflicting-evidence",
                "Conflicting evidence",
                f"Finding {item.id!r} is given twice with different answers ({before!r} and"
                f" {item.choice_id!r}); send each finding once with one answer.",
            )
        if before is not None:
            continue
        seen[item.id] = item.choice_id
        if item.source is not None and item.source in INITIAL_SOURCES:
            initial.append((item.id, item.choice_id))
        else:
            asked.append((item.id, item.choice_id))
    model = served.model
    state = start(
        model,
        body.sex,
        body.age.years,
        initial,
        focus=body.focus,
        for_whom=body.for_whom,
        age_months=body.age.months,
    )
    for fid, value in asked:
        state = answer(model, state, fid, value)
    if body.continue_after_emergency:
        state = go_on_after_emergency(state)
    return served, state
