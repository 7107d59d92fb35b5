"""Home, the start form (age, sex, own words), the focus entry and the confirmation step."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from symptomatic.api.understand import Mention, understand
from symptomatic.errors import SymptomaticError
from symptomatic.interview import INTENDED_USE, start
from symptomatic.kb.schema import Finding
from symptomatic.web.steps import context_of, save
from symptomatic.web.templating import render

router = APIRouter()
MAX_TEXT = 2000


def _focus_condition(request: Request, focus: str | None, pack: str | None) -> object | None:
    if not focus:
        return None
    ctx = context_of(request)
    served = ctx.packs.get(pack or ctx.default_pack)
    if served is None:
        return None
    return served.kb.conditions.get(focus)


@router.get("/", response_class=HTMLResponse, name="home")
def home(request: Request) -> HTMLResponse:
    """The home page: what Symptomatic is, who it is for, the way in, and how long answers
    are kept (the same settings the storage enforces)."""
    settings = context_of(request).settings
    return render(
        request,
        "home.html",
        intended_use=INTENDED_USE,
        retention_hours=settings.interview_retention_hours,
        retention_days=settings.retention_days,
    )


def _complaint(request: Request, complaint: str | None, pack: str | None) -> Finding | None:
    if not complaint:
        return None
    ctx = context_of(request)
    served = ctx.packs.get(pack or ctx.default_pack)
    return None if served is None else served.kb.findings.get(complaint)


@router.get("/check", response_class=HTMLResponse, name="check_start")
def check_start(
    request: Request,
    focus: str | None = None,
    pack: str | None = None,
    complaint: str | None = None,
) -> Response:
    """The start form; ``?focus=<condition id>`` starts a 'could it be ...?' check and
    ``?complaint=<finding id>`` one about a given symptom (the library's article buttons)."""
    ctx = context_of(request)
    if pack is not None and pack not in ctx.packs:
        return render(
            request,
            "error.html",
            404,
            title="Page not found",
            detail=f"There is no symptom check called {pack!r} here.",
        )
    condition = _focus_condition(request, focus, pack)
    finding = _complaint(request, complaint, pack)
    if (focus and condition is None) or (complaint and finding is None):
        return render(
            request,
            "error.html",
            404,
            title="Page not found",
            detail="We do not have a check for that.",
        )
    return render(
        request,
        "start.html",
        focus=focus if condition else None,
        condition=condition,
        complaint=finding,
        pack=pack or ctx.default_pack,
        values={},
        errors={},
        intended_use=INTENDED_USE,
    )


def _validate(age: str, sex: str, text: str) -> tuple[dict[str, str], int | None]:
    errors: dict[str, str] = {}
    value: int | None = None
    try:
        value = int(age.strip())
        if not 0 <= value <= 130:
            errors["age"] = "Enter an age from 0 to 130 years."
    except ValueError:
        errors["age"] = "Enter your age in whole years, for example 48."
    if sex not in ("female", "male"):
        errors["sex"] = "Choose female or male."
    if len(text) > MAX_TEXT:
        errors["text"] = f"Please use fewer than {MAX_TEXT} characters."
    return errors, value


@router.post("/check", response_class=HTMLResponse, name="check_submit")
async def check_submit(request: Request) -> Response:
    """Check the form; show the findings understood from the text for confirmation, or go
    straight to the questions when there is no text."""
    form = await request.form()
    age, sex = str(form.get("age", "")), str(form.get("sex", ""))
    text = str(form.get("text", "")).strip()
    focus = str(form.get("focus", "")) or None
    ctx = context_of(request)
    pack = str(form.get("pack", "")) or ctx.default_pack
    served = ctx.packs.get(pack)
    condition = _focus_condition(request, focus, pack)
    finding = _complaint(request, str(form.get("complaint", "")) or None, pack)
    errors, age_value = _validate(age, sex, text)
    if served is None:
        errors["form"] = "This symptom check is not available."
    if focus and condition is None:
        focus = None
    if not errors and condition is not None and age_value is not None:
        admits = getattr(getattr(condition, "applies_to", None), "admits", None)
        if admits is not None and not admits(sex, age_value):
            errors["form"] = (
                f"{getattr(condition, 'common_name', 'This condition')} does not apply to a"
                f" {sex} aged {age_value}. You can still do a general check."
            )
            focus, condition = None, None
    if errors or served is None or age_value is None:
        return render(
            request,
            "start.html",
            400,
            focus=focus,
            condition=condition,
            complaint=finding,
            pack=pack,
            values={"age": age, "sex": sex, "text": text},
            errors=errors,
            intended_use=INTENDED_USE,
        )
    mentions = understand(served.kb, text, sex, age_value) if text else []
    if finding is not None and all(m.id != finding.id for m in mentions):
        mentions.insert(0, Mention(finding.id, "present", finding.name, (0, 0)))
    if mentions:
        return render(
            request,
            "confirm.html",
            mentions=mentions,
            findings=served.kb.findings,
            values={"age": age_value, "sex": sex, "text": text},
            focus=focus,
            pack=pack,
        )
    state = start(served.model, sex, age_value, {}, focus=focus)
    token = save(ctx, served, state, free_text=text or None)
    return RedirectResponse(
        str(request.app.url_path_for("check_step", token=token)), status_code=303
    )


@router.post("/check/confirm", name="check_confirm")
async def check_confirm(request: Request) -> Response:
    """Start the interview with the findings the person confirmed (or corrected)."""
    form = await request.form()
    ctx = context_of(request)
    served = ctx.packs.get(str(form.get("pack", "")) or ctx.default_pack)
    errors, age_value = _validate(str(form.get("age", "")), str(form.get("sex", "")), "")
    if served is None or errors or age_value is None:
        return render(
            request,
            "error.html",
            400,
            title="Something in the form was not right",
            detail="Please start the check again.",
        )
    evidence: list[tuple[str, str]] = []
    for key, value in form.multi_items():
        if key.startswith("f_") and str(value).isidentifier() and len(str(value)) <= 64:
            fid = key[2:]
            if fid in served.kb.findings and all(fid != f for f, _ in evidence):
                evidence.append((fid, str(value)))
    focus = str(form.get("focus", "")) or None
    text = str(form.get("text", "")) or None
    try:
        state = start(served.model, str(form.get("sex")), age_value, evidence, focus=focus)
    except SymptomaticError:
        return render(
            request,
            "error.html",
            400,
            title="Something in the form was not right",
            detail="Please start the check again.",
        )
    token = save(ctx, served, state, free_text=text)
    return RedirectResponse(
        str(request.app.url_path_for("check_step", token=token)), status_code=303
    )
