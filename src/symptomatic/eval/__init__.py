"""Evaluation harnesses: vignette files, the runner, and the metrics.

>>> from symptomatic.engine import Model  # doctest: +SKIP
>>> cases, summary = run_vignettes(model, load_vignettes("dev.yaml"))  # doctest: +SKIP
>>> summary.top3  # doctest: +SKIP
"""

from symptomatic.eval.metrics import (
    Scored,
    Summary,
    codes_match,
    first_match_rank,
    is_over_triage,
    is_under_triage,
    summarise,
)
from symptomatic.eval.runner import CaseResult, RankedDx, report, run_vignette, run_vignettes
from symptomatic.eval.vignettes import Vignette, VignetteFileError, load_vignettes, parse_vignettes

__all__ = [
    "CaseResult",
    "RankedDx",
    "Scored",
    "Summary",
    "Vignette",
    "VignetteFileError",
    "codes_match",
    "first_match_rank",
    "is_over_triage",
    "is_under_triage",
    "load_vignettes",
    "parse_vignettes",
    "report",
    "run_vignette",
    "run_vignettes",
    "summarise",
]
