"""``POST /parse``: free text -> findings the person mentioned (to confirm, not to trust)."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from symptomatic.api.context import AppContext, get_context
from symptomatic.api.diagnosis import PROBLEMS
from symptomatic.api.schemas import Mention, ParseRequest, ParseResponse
from symptomatic.api.understand import understand

router = APIRouter(tags=["check"], responses=PROBLEMS)


@router.post("/parse", response_model=ParseResponse, summary="Understand free text")
def parse(body: ParseRequest, ctx: AppContext = Depends(get_context)) -> ParseResponse:
    """Findings mentioned in ``text`` with ``present``/``absent`` (negation understood) and the
    character span; send them as evidence with ``source: "initial"`` after the person has
    confirmed them."""
    served = ctx.pack(body.pack)
    mentions = understand(
        served.kb, body.text, body.sex, body.age.years if body.age is not None else None
    )
    return ParseResponse(
        mentions=[
            Mention(id=m.id, choice_id=m.choice_id, name=m.name, span=list(m.span))
            for m in mentions
        ]
    )
