"""Engine benchmark: one interview step (posterior + next question) on synthetic knowledge bases.

Sizes (conditions x findings): 50 x 100, 500 x 1,000, 2,000 x 5,000. Each condition gets
explicit likelihoods for a few dozen findings (as real packs do); everything else uses the
finding's default. Prints median and p99 step time and peak memory (tracemalloc) per size.

Goal: <= 1 ms median at 500 x 1,000 and <= 15 ms at 2,000 x 5,000 on one core.

Run: ``python bench/engine.py [--steps 200] [--seed 7]`` (pins NumPy to one thread).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

import numpy as np  # noqa: E402

from symptomatic.engine import Model, select  # noqa: E402
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
LEVELS = list(CareLevel)
SEVERITIES = list(Severity)


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
            prior=[PriorBand(p=float(0.9 / n_cond), source="B1")],
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
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
