"""Home, the start form (age, sex, own words), the focus entry and the confirmation step."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from symptomatic.api.understand import Mention, understand
from symptomatic.errors import DemographicsError, SymptomaticError
from symptomatic.interview import INTENDED_USE, start
from symptomatic.interview.state import FOR_WHOM
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
        ages_covered=ctx.packs[pack or ctx.default_pack].kb.ages_covered,
    )


def _validate(
    age: str, sex: str, text: str, months: str = "", for_whom: str = "self"
) -> tuple[dict[str, str], int | None, int | None]:
    """(errors by field, age in years, age in months when months were given)."""
    errors: dict[str, str] = {}
    value: int | None = None
    in_months: int | None = None
    if for_whom not in FOR_WHOM:
        errors["for_whom"] = "Choose who this check is for."
    try:
        value = int(age.strip())
        if not 0 <= value <= 130:
            errors["age"] = "Enter an age from 0 to 130 years."
    except ValueError:
        errors["age"] = "Enter the age in whole years, for example 48 (0 for a baby)."
    if months.strip():
        try:
            extra = int(months.strip())
            if not 0 <= extra <= 11:
                raise ValueError
            in_months = None if value is None else value * 12 + extra
        except ValueError:
            errors["months"] = "Enter the months as a whole number from 0 to 11."
    elif value == 0:
        errors["months"] = "For a baby under 1 year, enter the age in months too (0 to 11)."
    if sex not in ("female", "male"):
        errors["sex"] = "Choose female or male."
    if len(text) > MAX_TEXT:
        errors["text"] = f"Please use fewer than {MAX_TEXT} characters."
    return errors, value, in_months


@router.post("/check", response_class=HTMLResponse, name="check_submit")
async def check_submit(request: Request) -> Response:
    """Check the form; show the findings understood from the text for confirmation, or go
    straight to the questions when there is no text."""
    form = await request.form()
    age, sex = str(form.get("age", "")), str(form.get("sex", ""))
    months, for_whom = str(form.get("months", "")), str(form.get("for_whom", "")) or "self"
    text = str(form.get("text", "")).strip()
    focus = str(form.get("focus", "")) or None
    ctx = context_of(request)
    pack = str(form.get("pack", "")) or ctx.default_pack
    served = ctx.packs.get(pack)
    condition = _focus_condition(request, focus, pack)
    finding = _complaint(request, str(form.get("complaint", "")) or None, pack)
    errors, age_value, age_months = _validate(age, sex, text, months, for_whom)
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
    state = None
    if not errors and served is not None and age_value is not None:
        try:  # an age no loaded pack covers is refused here, on the form
            state = start(
                served.model,
                sex,
                age_value,
                {},
                focus=focus,
                for_whom=for_whom,
                age_months=age_months,
            )
        except DemographicsError as exc:
            errors["age"] = str(exc)
    if errors or served is None or age_value is None or state is None:
        return render(
            request,
            "start.html",
            400,
            focus=focus,
            condition=condition,
            complaint=finding,
            pack=pack,
            values={
                "age": age,
                "months": months,
                "sex": sex,
                "for_whom": for_whom,
                "text": text,
            },
            errors=errors,
            intended_use=INTENDED_USE,
            ages_covered=served.kb.ages_covered if served is not None else "",
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
            values={
                "age": age_value,
                "months": months.strip(),
                "sex": sex,
                "for_whom": for_whom,
                "text": text,
            },
            focus=focus,
            pack=pack,
        )
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
    for_whom = str(form.get("for_whom", "")) or "self"
    errors, age_value, age_months = _validate(
        str(form.get("age", "")),
        str(form.get("sex", "")),
        "",
        str(form.get("months", "")),
        for_whom,
    )
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
        state = start(
            served.model,
            str(form.get("sex")),
            age_value,
            evidence,
            focus=focus,
            for_whom=for_whom,
            age_months=age_months,
        )
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
