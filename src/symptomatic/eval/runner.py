"""Run vignettes through the interview, the way FORMAT.md says a vignette is run.

1. Parse the text (with the person's age and sex) into findings.
2. Start the interview with those findings as evidence.
3. Answer every question the engine asks from what the text says; "unknown" otherwise.
4. Take the result: ranked conditions, triage, questions asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from symptomatic.engine import EngineConfig, Model
from symptomatic.eval.metrics import Scored, Summary, first_match_rank, summarise
from symptomatic.eval.vignettes import Vignette
from symptomatic.interview import answer, answer_group, next_question, result, start
from symptomatic.kb.schema import CareLevel
from symptomatic.language import parse

#: Hard stop for a runaway interview (the engine's own budget is far lower).
MAX_STEPS = 100


@dataclass(frozen=True)
class RankedDx:
    """One condition as shown to the person: id, name, ICD-10 codes, posterior probability."""

    id: str
    name: str
    icd10: tuple[str, ...]
    probability: float


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one vignette."""

    vignette: Vignette
    conditions: tuple[RankedDx, ...]
    triage: CareLevel
    rank: int | None  # 1-based rank of the first condition matching the gold dx
    questions_asked: int
    parsed: dict[str, str] = field(default_factory=dict)
    answered: dict[str, str] = field(default_factory=dict)  # questions answered from the text

    @property
    def scored(self) -> Scored:
        """The view of this case the metrics use."""
        v = self.vignette
        return Scored(
            rank=self.rank,
            has_dx=bool(v.dx),
            triage=v.triage,
            triage_ok=v.triage_ok,
            predicted=self.triage,
            questions=self.questions_asked,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form used by ``--json``."""
        v = self.vignette
        return {
            "id": v.id,
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
            "answered_from_text": self.answered,
        }


def run_vignette(
    model: Model, vignette: Vignette, config: EngineConfig | None = None
) -> CaseResult:
    """Run one vignette end to end; returns its :class:`CaseResult`."""
    parsed = parse(model, vignette.text, sex=vignette.sex, age=vignette.age).to_evidence()
    state = start(model, vignette.sex, vignette.age, parsed, complaint_text=vignette.text)
    answered: dict[str, str] = {}
    for _ in range(MAX_STEPS):
        q = next_question(model, state, config)
        if q is None:
            break
        if q.items:
            values = {i.finding_id: parsed.get(i.finding_id, "unknown") for i in q.items}
            state = answer_group(model, state, q.finding_id, values)
            continue
        value = parsed.get(q.finding_id, "unknown")
        if value not in {o.id for o in q.options}:
            value = "unknown"
        if value != "unknown":
            answered[q.finding_id] = value
        state = answer(model, state, q.finding_id, value)
    res = result(model, state, config)
    shown = tuple(
        RankedDx(c.id, c.name, tuple(c.icd10), float(c.probability)) for c in res.conditions
    )
    return CaseResult(
        vignette=vignette,
        conditions=shown,
        triage=res.triage.level,
        rank=first_match_rank([c.icd10 for c in shown], vignette.dx),
        questions_asked=res.questions_asked,
        parsed=parsed,
        answered=answered,
    )


def run_vignettes(
    model: Model,
    vignettes: Sequence[Vignette],
    config: EngineConfig | None = None,
    on_case: Callable[[CaseResult], None] | None = None,
) -> tuple[list[CaseResult], Summary]:
    """Run every vignette (calling ``on_case`` after each); returns the cases and the summary."""
    cases: list[CaseResult] = []
    for case in iter_cases(model, vignettes, config):
        cases.append(case)
        if on_case is not None:
            on_case(case)
    return cases, summarise([c.scored for c in cases])


def iter_cases(
    model: Model, vignettes: Sequence[Vignette], config: EngineConfig | None = None
) -> Iterator[CaseResult]:
    """Results one vignette at a time, in file order."""
    for vig in vignettes:
        yield run_vignette(model, vig, config)


def report(cases: Sequence[CaseResult], summary: Summary) -> dict[str, Any]:
    """The ``--json`` object: the summary's keys, then ``cases``."""
    return {**summary.as_dict(), "cases": [c.to_dict() for c in cases]}
