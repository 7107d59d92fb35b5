"""Cautious triage computed in batches equals the subset-by-subset definition, to the bit."""

from __future__ import annotations

from itertools import combinations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symptomatic.engine import Assessor, Model
from symptomatic.engine.assessment import MAX_EXACT_RED_FLAGS, _flag_units, subset_upper_bound
from symptomatic.engine.model import _normalise, parse_sex
from symptomatic.kb import load_knowledge_base
from symptomatic.triage import CARE_ORDER

MODEL = Model.compile(load_knowledge_base("back-pelvic"))
ASSESSOR = Assessor(MODEL)
FLAGS = sorted({f for f, _ in MODEL.red_flag_answers})
OTHERS = [f for f in MODEL.finding_ids if f not in set(FLAGS)]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def plain_cautious_rank(sex, age, evidence):
    """The definition: one posterior per subset of the red-flag answers, in order."""
    base = MODEL.log_prior(parse_sex(sex), age).copy()
    # the red-flag answers as additive units over the rest (a flag with the ancestors it
    # implies), exactly as the hierarchy defines them; one posterior per subset of units
    flags = _flag_units(MODEL, evidence)
    rest = {f: v for f, v in evidence.items() if (f, v) not in MODEL.red_flag_answers}
    for _fid, col in MODEL.scored(rest):
        base += MODEL.log_likelihood_column(col)
    full = _normalise(base + (np.sum(flags, axis=0) if flags else 0.0))
    best, best_probs = ASSESSOR.condition_rank(full), full
    k = len(flags)
    if k > MAX_EXACT_RED_FLAGS:
        bound = subset_upper_bound(base, np.asarray(flags))
        return max(best, ASSESSOR.condition_rank(bound)), best_probs, full
    for size in range(k):
        for subset in combinations(range(k), size):
            if best == len(CARE_ORDER) - 1:
                return best, best_probs, full
            lj = base + (np.sum([flags[i] for i in subset], axis=0) if subset else 0.0)
            probs = _normalise(lj)
            r = ASSESSOR.condition_rank(probs)
            if r > best:
                best, best_probs = r, probs
    return best, best_probs, full


@st.composite
def evidence(draw):
    """Evidence with up to 14 red-flag findings answered (some past MAX_EXACT_RED_FLAGS) and
    other answers."""
    out = {}
    for fid in draw(st.lists(st.sampled_from(FLAGS), unique=True, max_size=14)):
        out[fid] = draw(st.sampled_from(MODEL.kb.findings[fid].answers))
    for fid in draw(st.lists(st.sampled_from(OTHERS), unique=True, max_size=12)):
        out[fid] = draw(st.sampled_from([*MODEL.kb.findings[fid].answers, "unknown"]))
    return out


@SETTINGS
@given(st.sampled_from(["female", "male"]), st.integers(16, 100), evidence())
def test_batched_cautious_rank_equals_the_definition(sex, age, ev):
    rank, best_probs, full = ASSESSOR.cautious_rank(sex, age, ev)
    plain_rank, plain_best, plain_full = plain_cautious_rank(sex, age, ev)
    assert rank == plain_rank
    assert np.array_equal(best_probs, plain_best)
    assert np.array_equal(full, plain_full)
