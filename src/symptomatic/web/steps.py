"""Interview steps of the pages: stored server-side under random tokens (see
:class:`symptomatic.storage.CheckStep`), so the URL carries no health information and the
browser's back button shows the previous question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fastapi import HTTPException, Request

from symptomatic.api.context import AppContext, ServedPack
from symptomatic.errors import InterviewError, PackNotFoundError, SymptomaticError
from symptomatic.interview import CheckResult, InterviewState
from symptomatic.storage import CheckRecord, Step, age_band, load_step, record_check, save_step

EXPIRED = (
    "This symptom check has expired or does not exist. Answers are kept only for a short"
    " time; please start again."
)


@dataclass(frozen=True)
class LoadedStep:
    """A stored step with its pack and parsed interview state."""

    context: AppContext
    served: ServedPack
    step: Step
    state: InterviewState


def context_of(request: Request) -> AppContext:
    """The app's shared :class:`AppContext`."""
    ctx: AppContext = request.app.state.context
    return ctx


def load(request: Request, token: str) -> LoadedStep:
    """The step stored under ``token``; a 404 page when it is unknown, expired or unusable.

    A step older than ``Settings.interview_retention_hours`` is expired: it is deleted and
    answered like an unknown token.
    """
    ctx = context_of(request)
    max_age = timedelta(hours=ctx.settings.interview_retention_hours)
    step = load_step(ctx.sessions, token, max_age=max_age)
    if step is None:
        raise HTTPException(404, EXPIRED)
    try:
        served = ctx.pack(step.pack)
        state = InterviewState.from_json(step.state_json)
        # the pack may have changed since the step was stored: every answer must still fit
        served.model.merge_evidence(list(state.evidence.items()))
        if state.focus is not None and state.focus not in served.kb.conditions:
            raise InterviewError(f"unknown focus {state.focus!r}")
    except (InterviewError, PackNotFoundError, SymptomaticError) as exc:
        raise HTTPException(404, EXPIRED) from exc
    except Exception as exc:  # ApiProblem for a pack no longer served
        raise HTTPException(404, EXPIRED) from exc
    return LoadedStep(ctx, served, step, state)


def save(
    ctx: AppContext,
    served: ServedPack,
    state: InterviewState,
    parent: str | None = None,
    free_text: str | None = None,
) -> str:
    """Store ``state`` as a new step; returns its token. Also sweeps out what has outlived
    the retention settings (at most every few minutes)."""
    if ctx.sweeper is not None:
        ctx.sweeper.maybe_run()
    keep = free_text if ctx.settings.store_free_text else None
    return save_step(
        ctx.sessions, pack=served.id, state_json=state.to_json(), parent=parent, free_text=keep
    )


def record(loaded: LoadedStep, res: CheckResult) -> None:
    """Keep the anonymous record of a completed check (once per step)."""
    ctx = loaded.context
    record_check(
        ctx.sessions,
        CheckRecord(
            sex=res.sex,
            age_band=age_band(res.age),
            triage_level=res.triage.level.value,
            packs=dict(res.packs),
            engine_version=res.engine_version,
            focus=res.focus,
            red_flags=[r.id for r in res.triage.fired],
            top_conditions=[
                {"id": c.id, "probability": round(c.probability, 4)} for c in res.conditions[:5]
            ],
            questions_asked=res.questions_asked,
            free_text=loaded.step.free_text if ctx.settings.store_free_text else None,
            source="web",
        ),
        step_token=loaded.step.token,
    )
