"""One question per page: ``GET /check/s/{token}`` shows the next question (or the result
when the interview is done); ``POST`` records the answer as a new step and redirects."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from symptomatic.errors import EvidenceError, InterviewError
from symptomatic.interview import (
    InterviewState,
    Question,
    answer,
    answer_group,
    emergency_now,
    go_on_after_emergency,
)
from symptomatic.web.result_pages import result_page
from symptomatic.web.steps import LoadedStep, load, save
from symptomatic.web.templating import render

router = APIRouter()
GROUP_ERROR = "Tick each one you have, or tick None of these."


def emergency_messages(loaded: LoadedStep) -> list[str]:
    """Messages of the emergency red-flag rules the answers so far have fired."""
    return [r.message for r in emergency_now(loaded.served.model, loaded.state)]


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
        evidence=loaded.state.evidence,
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
    if finding_id != q.finding_id:
        return _question_page(request, loaded, q, error="Choose one of the answers.")
    try:
        if q.items:
            ticked = {str(v) for v in form.getlist("item")}
            state = _group_answer(loaded, q, ticked, none=bool(form.get("none")), value=value)
            if state is None:
                return _question_page(request, loaded, q, error=GROUP_ERROR)
        else:
            if value not in {o.id for o in q.options}:
                return _question_page(request, loaded, q, error="Choose one of the answers.")
            state = answer(model, loaded.state, finding_id, value)
    except (EvidenceError, InterviewError):
        return _question_page(request, loaded, q, error="Choose one of the answers.")
    new = save(loaded.context, loaded.served, state, parent=token, free_text=loaded.step.free_text)
    return RedirectResponse(str(request.app.url_path_for("check_step", token=new)), status_code=303)


def _group_answer(
    loaded: LoadedStep, q: Question, ticked: set[str], none: bool, value: str
) -> InterviewState | None:
    """The state after a group question, or None when the form does not answer it.

    Ticked items are present. "Next" makes the others absent (something must be ticked, or
    None of these); "Not sure" leaves the unticked ones unknown.
    """
    items = {i.finding_id for i in q.items}
    if not ticked <= items or (none and ticked):
        return None
    unsure = value == "unsure"
    if not unsure and not ticked and not none:
        return None
    rest = "unknown" if unsure else "absent"
    values = {f: "present" if f in ticked else rest for f in (i.finding_id for i in q.items)}
    return answer_group(loaded.served.model, loaded.state, q.finding_id, values)


@router.post("/check/s/{token}/continue", name="check_continue")
def check_continue(request: Request, token: str) -> Response:
    """After an emergency: answer a few more questions for the doctor's summary."""
    loaded = load(request, token)
    state = go_on_after_emergency(loaded.state)
    new = save(loaded.context, loaded.served, state, parent=token, free_text=loaded.step.free_text)
    return RedirectResponse(str(request.app.url_path_for("check_step", token=new)), status_code=303)
