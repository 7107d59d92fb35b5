"""Expected triage change of every question at once (the triage-aware part of the score).

For finding f with answer columns a and P(a) under the posterior pi (from
:func:`~symptomatic.engine.selection.information_gain`):

    change(f) = sum_a P(a) / sum_a' P(a') * |rank_a - rank_now|
    rank_a    = max(rules firing now, rules naming f that fire with answer a,
                    condition rank of the posterior after a)

The posterior after a is pi_c L(a|c) / P(a), with L(a|c) = default d_a except a sparse set
of explicit entries. A condition c without an explicit entry passes its threshold t_c exactly
when pi_c / t_c >= P(a) / d_a: one sorted search per care level over every column, corrected
by the explicit entries. Cost O(entries + columns log conditions) per step instead of one
posterior per answer, and only for the columns of the findings asked about (the red-flag
candidates, or the pool of the best by information gain).

The result is that of the one-answer-at-a-time definition, bit for bit: that definition
normalises ``log_joint + log L(a|.)``, which rounds differently, so a column where any
condition lies within a relative :data:`MARGIN` of its threshold is recomputed that way.
"""

from __future__ import annotations

import numpy as np

from symptomatic.engine.assessment import LevelTable
from symptomatic.engine.model import FloatArray, IntArray, Model, _normalise
from symptomatic.triage import CARE_ORDER, DEFAULT_LEVEL, rank
from symptomatic.triage.compiled import RuleValues

#: Relative distance from a threshold below which a column is recomputed one answer at a time
#: (the two computations differ by far less: ~1e-13, or ~1e-10 for answers of P ~ 1e-6).
MARGIN = 1e-6


def condition_ranks_after(
    model: Model,
    table: LevelTable,
    probs: FloatArray,
    log_joint: FloatArray,
    p_a: FloatArray,
    columns: IntArray,
) -> IntArray:
    """Per answer column in ``columns``: ``table.level_rank`` of the posterior after it.

    ``probs`` is the posterior now (sums to 1), ``log_joint`` its unnormalised log, ``p_a``
    P(answer) per column under ``probs``.
    """
    n_cond, n_col, n_lev = model.n_conditions, len(columns), len(CARE_ORDER)
    thr, care = table.threshold, table.care_rank
    if n_cond == 0 or not (thr > 0).all():
        return _one_by_one(model, table, log_joint, columns)
    hi, lo = 1.0 + MARGIN, 1.0 - MARGIN
    # 1. every condition as if it had no explicit entry: passes iff pi_c / t_c >= P(a) / d_a.
    # Counted per level through one sort: at[level, j] = conditions of that level at sorted
    # position j or later.
    ratio = probs[:n_cond] / thr
    order = np.argsort(ratio, kind="stable")
    ranked = ratio[order]
    at = np.zeros((n_lev, n_cond + 1), dtype=np.int64)
    at[care[order], np.arange(n_cond)] = 1
    at = np.cumsum(at[:, ::-1], axis=1)[:, ::-1]
    p_col = p_a[columns]
    bar = p_col / model.default[columns]
    sure = at[:, np.searchsorted(ranked, bar * hi, side="left")]  # (levels, columns)
    maybe = at[:, np.searchsorted(ranked, bar * lo, side="left")]
    # 2. explicit entries: out of (1), and in with their own likelihood p (passes iff
    # pi_c / t_c >= P(a) / p). Both need pi_c / t_c >= P(a) (p and d are at most 1), which
    # leaves few entries; the comparisons with (1) repeat its arithmetic exactly.
    lengths = model.ex_ptr[columns + 1] - model.ex_ptr[columns]
    entries = _ranges(model.ex_ptr[columns], lengths)
    local = np.repeat(np.arange(n_col), lengths)  # position in ``columns`` of each entry
    rows = model.ex_rows[entries]
    x, z = ratio[rows], p_col[local]
    few = np.flatnonzero(x >= z * lo)
    if few.size:
        x, z, rows, local, entries = x[few], z[few], rows[few], local[few], entries[few]
        key = care[rows] * n_col + local
        y = bar[local]
        inv_p = 1.0 / model.ex_p[entries]
        for counts, scale in ((sure, hi), (maybe, lo)):
            delta = (x >= z * (scale * inv_p)).astype(np.int64) - (x >= y * scale)
            counts += (
                np.bincount(key, weights=delta, minlength=n_lev * n_col)
                .reshape(n_lev, n_col)
                .astype(np.int64)
            )
    # 3. the most urgent passing level, the default when none passes
    out: IntArray = np.full(n_col, rank(DEFAULT_LEVEL), dtype=np.int64)
    for level in range(n_lev):
        out[sure[level] > 0] = level
    near = np.flatnonzero((sure != maybe).any(axis=0))
    if near.size:
        out[near] = _one_by_one(model, table, log_joint, columns[near])
    return out


def _one_by_one(
    model: Model, table: LevelTable, log_joint: FloatArray, columns: IntArray
) -> IntArray:
    """The defining computation: normalise the posterior after each answer column."""
    return np.array(
        [
            table.level_rank(_normalise(log_joint + model.log_likelihood_column(int(a))))
            for a in columns
        ],
        dtype=np.int64,
    )


def expected_changes(
    model: Model,
    table: LevelTable,
    probs: FloatArray,
    log_joint: FloatArray,
    p_a: FloatArray,
    rules: RuleValues,
    current: int,
    rule_rank: int,
    findings: IntArray,
) -> FloatArray:
    """Per finding in ``findings``: expected |change in triage rank| if it were answered
    (see the module docstring).

    ``rules`` are the model's rules evaluated for this person and evidence; ``current`` the
    triage rank now and ``rule_rank`` the most urgent rank among the rules firing now.
    """
    count = model.answer_count[findings]
    columns = _ranges(model.answer_start[findings], count)
    after = condition_ranks_after(model, table, probs, log_joint, p_a, columns)
    after = np.maximum(np.maximum(after, rule_rank), model.rules.rank_if_answered(rules)[columns])
    p = p_a[columns]
    start = np.cumsum(count) - count
    total = _in_order(p, start, count)
    for i in np.flatnonzero(count >= 8):  # NumPy sums 8 or more terms pairwise
        total[i] = p[start[i] : start[i] + count[i]].sum()
    total[total == 0.0] = 1.0
    weighted = p / np.repeat(total, count) * np.abs(after - current)
    return _in_order(weighted, start, count)


def _ranges(starts: IntArray, lengths: IntArray) -> IntArray:
    """``starts[i], starts[i] + 1, ..., starts[i] + lengths[i] - 1`` for every i, in order."""
    ends = np.cumsum(lengths)
    out: IntArray = np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
    out += np.repeat(starts - (ends - lengths), lengths)
    return out


def _in_order(values: FloatArray, start: IntArray, count: IntArray) -> FloatArray:
    """Per group, the sum of its ``values`` added left to right (as a Python loop and
    ``ndarray.sum`` of fewer than 8 terms do; ``np.add.reduceat`` rounds differently)."""
    out: FloatArray = values[start].copy() if len(start) else values[:0].copy()
    for k in range(1, int(count.max(initial=1))):
        more = count > k
        out[more] += values[start[more] + k]
    return out
