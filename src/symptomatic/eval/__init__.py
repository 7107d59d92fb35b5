"""Evaluation harnesses: vignette files, the runner, the metrics and calibration.

>>> from symptomatic.engine import Model  # doctest: +SKIP
>>> cases, summary = run_vignettes(model, load_vignettes("dev.yaml"))  # doctest: +SKIP
>>> summary.top3, calibrate([c.scored for c in cases]).ece  # doctest: +SKIP
"""

from symptomatic.eval.calibration import Bin, Calibration, calibrate
from symptomatic.eval.metrics import (
    Scored,
    Shown,
    Summary,
    codes_match,
    is_over_triage,
    is_under_triage,
    summarise,
)
from symptomatic.eval.runner import (
    CaseResult,
    Group,
    RankedDx,
    check_vignettes,
    group_by_mode,
    report,
    run_vignette,
    run_vignettes,
)
from symptomatic.eval.vignettes import (
    Patient,
    Vignette,
    VignetteFileError,
    load_vignettes,
    parse_vignettes,
)

__all__ = [
    "Bin",
    "Calibration",
    "CaseResult",
    "Group",
    "Patient",
    "RankedDx",
    "Scored",
    "Shown",
    "Summary",
    "Vignette",
    "VignetteFileError",
    "calibrate",
    "check_vignettes",
    "codes_match",
    "group_by_mode",
    "is_over_triage",
    "is_under_triage",
    "load_vignettes",
    "parse_vignettes",
    "report",
    "run_vignette",
    "run_vignettes",
    "summarise",
]
