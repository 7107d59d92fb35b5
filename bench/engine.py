"""Engine benchmark: one interview step on the real packs replicated, and on synthetic bases.

1. The real packs (``chest-heart`` with ``back-pelvic`` and ``core``) copied N times under new
   ids (see ``bench/replicate.py``): with the packs of 7 December 2026, x1 is 102 conditions x
   192 findings (128 rules), x10 1,020 x 1,920, x13 with the conditions copied 6 times 612 x
   2,496 and x13 1,326 x 2,496 (before the heart pack: 68 x 122, 680 x 1,220, 408 x 1,586,
   issue 11's "400 conditions x 1,500 findings", and 884 x 1,586).
   These keep the real rule shapes (composite rules, ~60 % red-flag findings). The states are
   those of simulated interviews: a hidden condition, answers drawn from P(answer | it), 5 %
   "don't know". Prints median and p99 of one step (``select``: posterior + next question);
   the median CPU time of the steps that score questions (leaving out the packs' fixed
   warning-sign screens, which cost almost nothing) and of every step (CPU time is less
   sensitive to other work on the machine); median and p99 of the full ``interview.result``;
   the seconds to load, validate and compile.
   Goal: step <= 5 ms median at 416 x 1,482 on one core.
2. Synthetic bases (conditions x findings): 50 x 100, 500 x 1,000, 2,000 x 5,000, with
   one-finding rules and ~1 % red-flag findings: they measure the information-gain arithmetic,
   not the rules. Prints median and p99 step time and peak memory (tracemalloc) per size.
   Goal: <= 1 ms median at 500 x 1,000 and <= 15 ms at 2,000 x 5,000 on one core.

Run: ``python bench/engine.py [--steps 200] [--interviews 40] [--seed 7] [--only real]``
(pins NumPy to one thread).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

import numpy as np  # noqa: E402
from replicate import replicated_kb  # noqa: E402

from symptomatic.engine import Model, parse_sex, select  # noqa: E402
from symptomatic.engine.model import WINDOW_DAYS  # noqa: E402
from symptomatic.interview import (  # noqa: E402
    InterviewState,
    answer,
    answer_group,
    next_question,
    result,
    start,
)
from symptomatic.kb.knowledge import KnowledgeBase, PackInfo  # noqa: E402
from symptomatic.kb.schema import (  # noqa: E402
    CareLevel,
    Condition,
    Finding,
    FindingGroup,
    FindingLikelihoods,
    Likelihood,
    PriorBand,
    RedFlagRule,
    Reference,
    Severity,
)

SIZES = ((50, 100, 10), (500, 1000, 25), (2000, 5000, 40))
#: (copies of the findings and rules, copies of the conditions) of the real packs
REPLICAS = ((1, 1), (10, 10), (13, 6), (13, 13))
LEVELS = list(CareLevel)
SEVERITIES = list(Severity)


def _rate(p: float) -> float:
    """The rate per 1,000 person-years whose window probability is ``p``."""
    return -math.log1p(-p) * 1000 * 365 / WINDOW_DAYS


def synthetic_kb(n_cond: int, n_find: int, per_condition: int, seed: int) -> KnowledgeBase:
    """A random but well-formed knowledge base of the given size."""
    rng = np.random.default_rng(seed)
    conditions = {
        f"c{i}": Condition(
            id=f"c{i}",
            name=f"Condition {i}",
            common_name=f"Condition {i}",
            icd10=["R52"],
            severity=SEVERITIES[i % 4],
            care_level=LEVELS[i % 5],
            prior=[PriorBand(rate=_rate(0.9 / n_cond), source="B1")],
        )
        for i in range(n_cond)
    }
    n_flags = max(5, n_find // 100)
    findings = {
        f"f{j}": Finding(
            id=f"f{j}",
            name=f"Finding {j}",
            question=f"Question {j}?",
            group=FindingGroup.RED_FLAG if j < n_flags else FindingGroup.SYMPTOM,
        )
        for j in range(n_find)
    }
    tables: dict[str, dict[str, Likelihood]] = {f: {} for f in findings}
    for i in range(n_cond):
        for j in rng.choice(n_find, size=per_condition, replace=False):
            tables[f"f{j}"][f"c{i}"] = Likelihood(p=float(rng.uniform(0.05, 0.95)), source="B1")
    likelihoods = {
        f: FindingLikelihoods(
            finding=f,
            default=Likelihood(p=float(rng.uniform(0.02, 0.3)), source="B1"),
            conditions=conds,
        )
        for f, conds in tables.items()
    }
    rules = tuple(
        RedFlagRule(id=f"r{k}", when=f"f{k}", level=CareLevel.EMERGENCY, message="m", source="B1")
        for k in range(n_flags)
    )
    return KnowledgeBase(
        packs=(PackInfo("bench", "bench", "0.0.0", "draft"),),
        conditions=conditions,
        findings=findings,
        likelihoods=likelihoods,
        red_flags=rules,
        references={"B1": Reference(citation="Synthetic benchmark data")},
    )


def bench(n_cond: int, n_find: int, per: int, steps: int, seed: int) -> dict[str, float]:
    t0 = time.perf_counter()
    kb = synthetic_kb(n_cond, n_find, per, seed)
    model = Model.compile(kb)
    compile_s = time.perf_counter() - t0
    rng = np.random.default_rng(seed + 1)
    times: list[float] = []
    states = []
    for step in range(steps):
        # a realistic state: 0-15 answers so far, some red flags already denied
        k = step % 16
        chosen = rng.choice(n_find, size=k, replace=False)
        evidence = {f"f{j}": ("present" if rng.random() < 0.3 else "absent") for j in chosen}
        states.append(evidence)
    for evidence in states:  # timed without tracemalloc, which slows allocation
        start = time.perf_counter()
        select(model, "female", 40, evidence, list(evidence))
        times.append((time.perf_counter() - start) * 1000.0)
    tracemalloc.start()
    for evidence in states[:20]:
        select(model, "female", 40, evidence, list(evidence))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "p99_ms": times[min(len(times) - 1, int(0.99 * len(times)))],
        "peak_mib": peak / 2**20,
        "compile_s": compile_s,
        "explicit": float(len(model.ex_p)),
    }


def simulated_states(model: Model, interviews: int, seed: int) -> list[InterviewState]:
    """Every state met in ``interviews`` simulated interviews (before each question)."""
    rng = np.random.default_rng(seed)
    complaints = [f for f, fnd in model.kb.findings.items() if fnd.group.value == "complaint"]
    states: list[InterviewState] = []
    for _ in range(interviews):
        sex = str(rng.choice(["female", "male"]))
        age = int(rng.integers(18, 86))
        prior = np.exp(model.log_prior(parse_sex(sex), age))[:-1]
        hidden = int(rng.choice(len(prior), p=prior / prior.sum()))
        # the complaint this condition is likeliest to bring
        complaint = max(complaints, key=lambda f: answer_p(model, hidden, f, "present"))
        state = start(model, sex, age, {complaint: "present"})
        while True:
            states.append(state)
            q = next_question(model, state)
            if q is None:
                break
            if q.items:  # a group question: every item answered at once
                values = {i.finding_id: draw(model, hidden, i.finding_id, rng) for i in q.items}
                state = answer_group(model, state, q.finding_id, values)
            else:
                state = answer(model, state, q.finding_id, draw(model, hidden, q.finding_id, rng))
    return states


def draw(model: Model, condition: int, finding_id: str, rng: np.random.Generator) -> str:
    """An answer drawn from P(answer | condition), or "unknown" 5 % of the time."""
    if rng.random() < 0.05:
        return "unknown"
    answers = model.kb.findings[finding_id].answers
    p = np.array([answer_p(model, condition, finding_id, a) for a in answers])
    return str(rng.choice(answers, p=p / p.sum()))


def answer_p(model: Model, condition: int, finding_id: str, value: str) -> float:
    """P(answer | condition) as compiled (explicit entry or the finding's default)."""
    col = model.column(finding_id, value)
    assert col is not None
    return float(np.exp(model.log_likelihood_column(col)[condition]))


def percentiles(times: list[float]) -> tuple[float, float]:
    """(median, p99) of ``times``."""
    times = sorted(times)
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))]


def bench_real(copies: int, condition_copies: int, interviews: int, seed: int) -> None:
    t0 = time.perf_counter()
    model = Model.compile(replicated_kb(copies, condition_copies))
    compile_s = time.perf_counter() - t0
    states = simulated_states(model, interviews, seed)
    steps: list[float] = []
    scored: list[float] = []  # CPU ms of the steps that score questions (not the screens)
    step_cpu: list[float] = []
    results: list[float] = []
    for state in states:
        start_t, start_cpu = time.perf_counter(), time.process_time()
        sel = select(
            model,
            state.sex,
            state.age,
            state.evidence,
            state.asked,
            state.focus,
            questions_asked=state.questions_asked,
        )
        step_cpu.append((time.process_time() - start_cpu) * 1000.0)
        steps.append((time.perf_counter() - start_t) * 1000.0)
        if not sel.reason.startswith(("warning-sign screen", "the complaint")):
            scored.append(step_cpu[-1])
    for state in states[::2]:
        start_t = time.perf_counter()
        result(model, state)
        results.append((time.perf_counter() - start_t) * 1000.0)
    step_med, step_p99 = percentiles(steps)
    res_med, res_p99 = percentiles(results)
    size = f"{model.n_conditions} x {len(model.finding_ids)}"
    print(
        f"{size:>12} {len(model.kb.red_flags):>6} {int(model.red_flag.sum()):>6}"
        f" {len(states):>7} {step_med:>9.3f} {step_p99:>8.3f} {statistics.median(scored):>10.3f}"
        f" {statistics.median(step_cpu):>8.3f} {res_med:>9.3f} {res_p99:>8.3f} {compile_s:>7.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--interviews", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=["real", "synthetic"])
    args = parser.parse_args()
    if args.only != "synthetic":
        print("real packs replicated (simulated interviews; times in ms)")
        print(
            f"{'size':>12} {'rules':>6} {'flags':>6} {'states':>7} {'step med':>9}"
            f" {'step p99':>8} {'scored cpu':>10} {'cpu med':>8} {'result med':>9} {'res p99':>8}"
            f" {'load s':>7}"
        )
        for copies, cond_copies in REPLICAS:
            bench_real(copies, cond_copies, args.interviews, args.seed)
    if args.only == "real":
        return
    print("synthetic bases")
    print(
        f"{'size':>14} {'explicit':>9} {'median ms':>10} {'p99 ms':>8} {'peak MiB':>9}"
        f" {'compile s':>10}"
    )
    for n_cond, n_find, per in SIZES:
        r = bench(n_cond, n_find, per, args.steps, args.seed)
        print(
            f"{n_cond:>6} x {n_find:<6} {int(r['explicit']):>9} {r['median_ms']:>10.3f}"
            f" {r['p99_ms']:>8.3f} {r['peak_mib']:>9.2f} {r['compile_s']:>10.2f}"
        )


if __name__ == "__main__":
    main()
