"""The targets every pack's own vignette sets must meet (the pack issues' "done when"):
top-3 >= 0.90, triage acceptable >= 0.90, mean questions <= 15, emergency sensitivity 1.0,
and exactly the under-triaged cases a test lists (none, for a finished pack)."""

from __future__ import annotations

from pathlib import Path

from symptomatic.engine import Model
from symptomatic.eval.runner import run_vignettes
from symptomatic.eval.vignettes import load_vignettes


def assert_meets_the_targets(model: Model, path: Path, known_under: set[str]) -> None:
    cases, summary = run_vignettes(model, load_vignettes(path))
    figures = summary.as_dict()
    assert figures["top3"] >= 0.9, figures
    assert figures["triage_acceptable"] >= 0.9, figures
    assert figures["mean_questions"] <= 15, figures
    assert figures["emergency_sensitivity"] == 1.0, figures
    under = {c.vignette.id for c in cases if c.under_triaged}
    assert under == known_under, under
