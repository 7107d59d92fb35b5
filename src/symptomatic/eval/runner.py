"""Run vignettes through the real interview, the way FORMAT.md says a vignette is run.

1. Parse the text (with the person's age and sex) into findings.
2. Start the interview with those findings as evidence.
3. Drive the interview (:func:`symptomatic.interview.drive`, the loop ``check --answers``
   uses) until it stops. A simulated patient answers every question truthfully
   (:mod:`symptomatic.eval.simulated`); a parse-only vignette answers from what the text said,
   "unknown" otherwise.
4. Take the result: ranked conditions, triage, questions asked (a group question counts once).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from symptomatic.engine import EngineConfig, Model
from symptomatic.eval.calibration import Calibration, calibrate
from symptomatic.eval.metrics import (
    Scored,
    Shown,
    Summary,
    codes_match,
    is_under_triage,
    summarise,
)
from symptomatic.eval.simulated import check_patient, truth, truthful
from symptomatic.eval.vignettes import Vignette, VignetteFileError
from symptomatic.interview import answers_from, drive, result, start
from symptomatic.kb.schema import CareLevel
from symptomatic.language import parse


@dataclass(frozen=True)
class RankedDx:
    """One condition as shown to the person: id, name, ICD-10 codes, posterior probability."""

    id: str
    name: str
    icd10: tuple[str, ...]
    probability: float


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one vignette.

    ``parsed`` is what the text gave as initial evidence; ``misparsed`` (simulated patients
    only) the parsed findings whose value is not the patient's truth.
    """

    vignette: Vignette
    conditions: tuple[RankedDx, ...]
    triage: CareLevel
    questions_asked: int
    parsed: dict[str, str] = field(default_factory=dict)
    misparsed: dict[str, str] = field(default_factory=dict)

    @property
    def mode(self) -> str:
        """``simulated`` or ``parse-only``."""
        return self.vignette.mode

    @property
    def scored(self) -> Scored:
        """The view of this case the metrics use."""
        v = self.vignette
        return Scored(
            has_dx=bool(v.dx),
            triage=v.triage,
            triage_ok=v.triage_ok,
            predicted=self.triage,
            questions=self.questions_asked,
            shown=tuple(Shown(c.probability, codes_match_any(c, v.dx)) for c in self.conditions),
        )

    @property
    def rank(self) -> int | None:
        """1-based rank of the first condition shown that matches the gold dx, or None."""
        return self.scored.rank

    @property
    def under_triaged(self) -> bool:
        """Advice less urgent than every acceptable level (False without a gold level)."""
        v = self.vignette
        return v.triage is not None and is_under_triage(self.triage, v.triage_ok)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form used by ``--json``."""
        v = self.vignette
        return {
            "id": v.id,
            "mode": self.mode,
            "age": v.age,
            "sex": v.sex,
            "dx": list(v.dx),
            "triage_gold": v.triage.value if v.triage else None,
            "triage_ok": [t.value for t in v.triage_ok],
            "conditions": [
                {
                    "id": c.id,
                    "name": c.name,
                    "icd10": list(c.icd10),
                    "probability": round(c.probability, 4),
                }
                for c in self.conditions
            ],
            "triage": self.triage.value,
            "rank": self.rank,
            "questions_asked": self.questions_asked,
            "parsed": self.parsed,
            "misparsed": self.misparsed,
        }


def codes_match_any(condition: RankedDx, gold: Sequence[str]) -> bool:
    """True when one of the condition's ICD-10 codes matches a gold code (FORMAT.md)."""
    return any(codes_match(code, gold) for code in condition.icd10)


def check_vignettes(model: Model, vignettes: Sequence[Vignette], name: str) -> None:
    """Raise :class:`VignetteFileError` when a simulated patient names what the model lacks."""
    problems = [
        f"{name}: {v.id}: {problem}"
        for v in vignettes
        if v.patient is not None
        for problem in check_patient(model, v.patient)
    ]
    if problems:
        raise VignetteFileError(f"{name}: {len(problems)} problem(s)", problems)


def run_vignette(
    model: Model, vignette: Vignette, config: EngineConfig | None = None
) -> CaseResult:
    """Run one vignette end to end; returns its :class:`CaseResult`.

    Raises :class:`UnknownFindingError` when a simulated patient names an unknown finding
    (:func:`check_vignettes` reports them all up front).
    """
    v = vignette
    parsed = parse(model, v.text, sex=v.sex, age=v.age).to_evidence()
    state = start(model, v.sex, v.age, parsed, complaint_text=v.text, age_months=v.age_months)
    if v.patient is None:
        answerer = answers_from(parsed)
        misparsed: dict[str, str] = {}
    else:
        answerer = truthful(model, v.patient)
        misparsed = {
            fid: value for fid, value in parsed.items() if value != truth(model, v.patient, fid)
        }
    state = drive(model, state, answerer, config)
    res = result(model, state, config)
    shown = tuple(
        RankedDx(c.id, c.name, tuple(c.icd10), float(c.probability)) for c in res.conditions
    )
    return CaseResult(
        vignette=v,
        conditions=shown,
        triage=res.triage.level,
        questions_asked=state.questions_asked,
        parsed=parsed,
        misparsed=misparsed,
    )


def run_vignettes(
    model: Model,
    vignettes: Sequence[Vignette],
    config: EngineConfig | None = None,
    on_case: Callable[[CaseResult], None] | None = None,
) -> tuple[list[CaseResult], Summary]:
    """Run every vignette (calling ``on_case`` after each); returns the cases and the summary."""
    cases: list[CaseResult] = []
    for vig in vignettes:
        cases.append(run_vignette(model, vig, config))
        if on_case is not None:
            on_case(cases[-1])
    return cases, summarise([c.scored for c in cases])


@dataclass(frozen=True)
class Group:
    """The cases of one file run in one mode, and their figures."""

    file: str
    mode: str
    cases: tuple[CaseResult, ...]

    @property
    def summary(self) -> Summary:
        return summarise([c.scored for c in self.cases])

    @property
    def calibration(self) -> Calibration:
        return calibrate([c.scored for c in self.cases])


def group_by_mode(file: str, cases: Sequence[CaseResult]) -> list[Group]:
    """One :class:`Group` per mode present in the file (simulated first), in file order."""
    modes = sorted({c.mode for c in cases}, key=lambda m: m != "simulated")
    return [Group(file, m, tuple(c for c in cases if c.mode == m)) for m in modes]


def report(groups: Sequence[Group], calibration: Calibration | None = None) -> dict[str, Any]:
    """The ``--json`` object: the summary over every case, then each file and mode's figures
    (with its own calibration when ``calibration`` is given), the calibration over every case,
    and the cases (each with its file and mode)."""
    cases = [c for g in groups for c in g.cases]
    out: dict[str, Any] = summarise([c.scored for c in cases]).as_dict()
    out["files"] = [{"file": g.file, "mode": g.mode, **g.summary.as_dict()} for g in groups]
    if calibration is not None:
        for entry, g in zip(out["files"], groups, strict=True):
            entry["calibration"] = g.calibration.as_dict()
        out["calibration"] = calibration.as_dict()
    out["cases"] = [{"file": g.file, **c.to_dict()} for g in groups for c in g.cases]
    return out
