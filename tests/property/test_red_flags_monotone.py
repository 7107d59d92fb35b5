"""A red flag never lowers triage, also past the exact-subset limit (more than 10 red-flag
answers), on the real back-pelvic pack; and the bound used there is a true upper bound."""

from __future__ import annotations

from itertools import combinations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symptomatic.engine import Assessor, Model
from symptomatic.engine.assessment import MAX_EXACT_RED_FLAGS, subset_upper_bound
from symptomatic.engine.model import _normalise
from symptomatic.kb import load_knowledge_base

MODEL = Model.compile(load_knowledge_base("back-pelvic"))
ASSESSOR = Assessor(MODEL)
FLAGS = sorted(MODEL.red_flag_answers)
OTHER = sorted(
    f
    for f in MODEL.finding_ids
    if f not in {fid for fid, _ in FLAGS} and MODEL.kb.findings[f].applies_to.sex is None
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _applies(fid: str, sex: str) -> bool:
    return MODEL.kb.findings[fid].applies_to.sex in (None, sex)


@SETTINGS
@given(
    st.sampled_from(["female", "male"]),
    st.integers(16, 90),
    st.lists(st.sampled_from(FLAGS), min_size=MAX_EXACT_RED_FLAGS + 1, max_size=20, unique=True),
    st.sampled_from(FLAGS),
    st.dictionaries(st.sampled_from(OTHER), st.sampled_from(["present", "absent"]), max_size=6),
)
def test_adding_a_red_flag_never_lowers_the_level_past_ten(sex, age, flags, extra, other):
    ev = {**{f: v for f, v in other.items() if MODEL.kb.findings[f].type.value == "yes_no"}}
    ev.update({f: v for f, v in flags if _applies(f, sex)})
    if extra[0] in ev or not _applies(extra[0], sex):
        return
    before, _, _ = ASSESSOR.cautious_rank(sex, age, ev)
    after, _, _ = ASSESSOR.cautious_rank(sex, age, {**ev, extra[0]: extra[1]})
    assert after >= before


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["female", "male"]),
    st.integers(16, 90),
    st.lists(st.sampled_from(FLAGS), min_size=1, max_size=6, unique=True),
)
def test_bound_is_at_least_every_subset(sex, age, flags):
    flags = [(f, v) for f, v in flags if _applies(f, sex)]
    base = MODEL.log_prior(sex, age).copy()
    cols = np.array([MODEL.log_likelihood_column(MODEL.column(f, v)) for f, v in flags])
    if not len(cols):
        return
    bound = subset_upper_bound(base, cols)
    for size in range(len(flags) + 1):
        for subset in combinations(range(len(flags)), size):
            probs = _normalise(base + (cols[list(subset)].sum(axis=0) if subset else 0.0))
            assert (probs <= bound + 1e-9).all()
