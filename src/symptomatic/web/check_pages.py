"""One question per page: ``GET /check/s/{token}`` shows the next question (or the result
when the interview is done); ``POST`` records the answer as a new step and redirects."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from symptomatic.engine import Assessor
from symptomatic.errors import UnknownFindingError
from symptomatic.interview import Question, answer
from symptomatic.kb.schema import CareLevel
from symptomatic.web.result_pages import result_page
from symptomatic.web.steps import LoadedStep, load, save
from symptomatic.web.templating import render

router = APIRouter()


def emergency_messages(loaded: LoadedStep) -> list[str]:
    """Messages of the emergency red-flag rules the answers so far have fired."""
    state = loaded.state
    decision = Assessor(loaded.served.model, loaded.context.engine_config).assess(
        state.sex, state.age, state.evidence
    )
    return [r.message for r in decision.fired if r.level is CareLevel.EMERGENCY]


def _question_page(
    request: Request, loaded: LoadedStep, q: Question, error: str | None = None
) -> HTMLResponse:
    budget = loaded.context.engine_config.max_questions
    return render(
        request,
        "question.html",
        400 if error else 200,
        token=loaded.step.token,
        parent=loaded.step.parent,
        question=q,
        number=q.number,
        budget=budget,
        emergency=emergency_messages(loaded),
        error=error,
        previous=loaded.state.evidence.get(q.finding_id),
    )


@router.get("/check/s/{token}", response_class=HTMLResponse, name="check_step")
def check_step(request: Request, token: str) -> Response:
    """The next question of this interview, or its result when no question is left."""
    loaded = load(request, token)
    q = loaded.context.next_question(loaded.served, loaded.state)
    if q is None:
        return result_page(request, loaded, final=True)
    return _question_page(request, loaded, q)


@router.post("/check/s/{token}", name="check_answer")
async def check_answer(request: Request, token: str) -> Response:
    """Record the answer to the question shown at ``token``; redirect to the next step."""
    loaded = load(request, token)
    form = await request.form()
    finding_id = str(form.get("finding", ""))
    value = str(form.get("answer", ""))
    model = loaded.served.model
    q = loaded.context.next_question(loaded.served, loaded.state)
    if q is None:
        return RedirectResponse(
            str(request.app.url_path_for("check_step", token=token)), status_code=303
        )
    allowed = {o.id for o in q.options}
    if finding_id != q.finding_id or value not in allowed:
        return _question_page(request, loaded, q, error="Choose one of the answers.")
    try:
        state = answer(model, loaded.state, finding_id, value)
    except UnknownFindingError:
        return _question_page(request, loaded, q, error="Choose one of the answers.")
    new = save(loaded.context, loaded.served, state, parent=token, free_text=loaded.step.free_text)
    return RedirectResponse(str(request.app.url_path_for("check_step", token=new)), status_code=303)
