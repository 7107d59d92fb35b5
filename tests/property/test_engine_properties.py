"""Hypothesis properties of the engine, interview and triage on the fixture pack."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symptomatic.engine import Assessor, Model
from symptomatic.interview import answer, answer_group, next_question, start
from symptomatic.kb import load_knowledge_base
from symptomatic.triage import rank

MODEL = Model.compile(load_knowledge_base("tests/fixtures/packs/tiny"))
FINDINGS = list(MODEL.finding_ids)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

sexes = st.sampled_from(["female", "male"])
ages = st.integers(min_value=16, max_value=100)


@st.composite
def evidence(draw, allow_unknown=True):
    chosen = draw(st.lists(st.sampled_from(FINDINGS), unique=True, max_size=len(FINDINGS)))
    out = {}
    for fid in chosen:
        answers = list(MODEL.kb.findings[fid].answers) + (["unknown"] if allow_unknown else [])
        out[fid] = draw(st.sampled_from(answers))
    return out


@SETTINGS
@given(sexes, ages, evidence())
def test_posterior_sums_to_one(sex, age, ev):
    post = MODEL.posterior(sex, age, ev)
    assert post.probs.sum() == pytest.approx(1.0)
    assert (post.probs >= 0).all()


@SETTINGS
@given(sexes, ages, evidence(), st.sampled_from(FINDINGS))
def test_unknown_changes_nothing(sex, age, ev, fid):
    ev.pop(fid, None)
    a = MODEL.posterior(sex, age, ev).probs
    b = MODEL.posterior(sex, age, {**ev, fid: "unknown"}).probs
    np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)


@SETTINGS
@given(sexes, ages, evidence(), st.randoms(use_true_random=False))
def test_answer_order_does_not_matter(sex, age, ev, rnd):
    items = list(ev.items())
    rnd.shuffle(items)
    a = MODEL.posterior(sex, age, ev).probs
    b = MODEL.posterior(sex, age, dict(items)).probs
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    # and through the interview (which refuses answers that contradict the person's sex):
    # initial evidence in one order, answers in another
    items = [(f, v) for f, v in items if MODEL.kb.findings[f].applies_to.sex in (None, sex)]
    s1 = start(MODEL, sex, age, items)
    s2 = start(MODEL, sex, age, [])
    for fid, value in reversed(items):
        s2 = answer(MODEL, s2, fid, value)
    np.testing.assert_allclose(
        MODEL.posterior(sex, age, s1.evidence).probs,
        MODEL.posterior(sex, age, s2.evidence).probs,
        rtol=1e-9,
    )


RED_FLAG_ANSWERS = sorted(MODEL.red_flag_answers)


@SETTINGS
@given(sexes, ages, evidence(), st.sampled_from(RED_FLAG_ANSWERS))
def test_red_flag_never_lowers_triage(sex, age, ev, flag):
    fid, value = flag
    ev.pop(fid, None)
    assessor = Assessor(MODEL)
    before = assessor.assess(sex, age, ev).level
    after = assessor.assess(sex, age, {**ev, fid: value}).level
    assert rank(after) >= rank(before)


@SETTINGS
@given(
    sexes,
    ages,
    st.lists(st.sampled_from(["present", "absent", "unknown", 0, 1]), min_size=30, max_size=30),
)
def test_no_question_twice(sex, age, replies):
    state = start(MODEL, sex, age, {})
    seen = []
    for reply in replies:
        q = next_question(MODEL, state)
        if q is None:
            break
        assert q.finding_id not in seen
        seen.append(q.finding_id)
        if q.items:  # a group question ("any of these?"): the reply goes to every item
            value = reply if isinstance(reply, str) else "present"
            state = answer_group(
                MODEL, state, q.finding_id, dict.fromkeys((i.finding_id for i in q.items), value)
            )
            continue
        if q.type == "yes_no":
            value = reply if isinstance(reply, str) else "present"
        else:
            value = q.options[reply if isinstance(reply, int) else 0].id
        state = answer(MODEL, state, q.finding_id, value)
    assert len(seen) <= len(FINDINGS) + len(MODEL.kb.screens)
