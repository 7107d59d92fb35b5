"""Question choice: information gain checked by brute force, red flags first, stopping."""

from __future__ import annotations

import numpy as np
import pytest

from symptomatic.engine import EngineConfig, Model, information_gain, select
from symptomatic.engine.selection import FOLLOW_UP_GROUP, focus_gain
from symptomatic.interview import answer_group, next_question, result, start
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import CareLevel


def _entropy(p):
    p = p[p > 0]
    return float(-(p * np.log(p)).sum())


def _brute_force_eig(model, sex, age, evidence, fid):
    post = model.posterior(sex, age, evidence)
    h0 = _entropy(post.probs)
    fnd = model.kb.findings[fid]
    expected = 0.0
    for ans in fnd.answers:
        after = model.posterior(sex, age, {**evidence, fid: ans})
        col = model.column(fid, ans)
        p_ans = float(np.sum(post.probs * np.exp(model.log_likelihood_column(col))))
        expected += p_ans * _entropy(after.probs)
    return h0 - expected


@pytest.mark.parametrize(
    "evidence", [{}, {"low_back_pain": "present"}, {"leg_pain": "absent", "fever": "present"}]
)
def test_vectorised_gain_matches_brute_force(tiny_model, evidence):
    probs = tiny_model.posterior("female", 35, evidence).probs
    eig, _ = information_gain(tiny_model, probs)
    for i, fid in enumerate(tiny_model.finding_ids):
        if fid in evidence:
            continue
        assert eig[i] == pytest.approx(
            _brute_force_eig(tiny_model, "female", 35, evidence, fid), abs=1e-9
        )


def test_focus_gain_matches_brute_force(tiny_model):
    # symmetric test of X = kidney stone against the current mixture of the other causes
    ev = {"low_back_pain": "present"}
    post = tiny_model.posterior("male", 50, ev)
    _, p_a = information_gain(tiny_model, post.probs)
    ci = tiny_model.condition_index["kidney_stone"]
    gains = focus_gain(tiny_model, post.probs, ci, p_a)

    def h(p):
        return 0.0 if p in (0.0, 1.0) else -(p * np.log(p) + (1 - p) * np.log(1 - p))

    fi = tiny_model.finding_index["colicky_flank_pain"]
    others = np.arange(len(post.probs)) != ci
    weights = post.probs[others] / post.probs[others].sum()
    expected = np.log(2.0)
    for ans in ("present", "absent"):
        lik = np.exp(tiny_model.log_likelihood_column(tiny_model.column("colicky_flank_pain", ans)))
        p_x, p_rest = lik[ci], float(np.sum(weights * lik[others]))
        mix = 0.5 * (p_x + p_rest)
        expected -= mix * h(0.5 * p_x / mix)
    assert gains[fi] == pytest.approx(expected, abs=1e-9)


def test_screens_first_as_a_group_then_red_flags_by_information(tiny_model):
    sel = select(tiny_model, "male", 40, {"low_back_pain": "present"})
    assert sel.red_flag_phase and sel.reason.startswith("warning-sign screen")
    assert sel.finding_id == "nerve_signs"
    assert sel.items == ("saddle_numbness", "bladder_retention")
    # once the screen is answered, the red-flag phase chooses by information
    ev = {"low_back_pain": "present", "saddle_numbness": "absent", "bladder_retention": "absent"}
    sel = select(tiny_model, "male", 40, ev)
    assert sel.red_flag_phase and not sel.items
    assert sel.finding_id in {"fever", "onset"}


def test_prerequisites_and_demographics(tiny_model):
    asked = []
    ev: dict[str, str] = {"low_back_pain": "absent"}
    while (sel := select(tiny_model, "male", 40, ev, asked)).finding_id:
        asked.append(sel.finding_id)
        ev[sel.finding_id] = "absent" if sel.finding_id != "onset" else "gradual"
    assert "bladder_retention" not in asked  # requires low_back_pain present
    assert "period_pain" not in asked  # women only
    assert len(asked) == len(set(asked))


def test_budget_stops(tiny_model):
    cfg = EngineConfig(max_questions=1)
    # the complaint and its warning-sign screen are asked whatever the budget; then it stops
    ev = {"low_back_pain": "present", "saddle_numbness": "absent", "bladder_retention": "absent"}
    sel = select(tiny_model, "male", 40, ev, ["fever"], config=cfg)
    assert sel.finding_id is None and "budget" in sel.reason


def test_focus_prefers_questions_about_the_focus(tiny_model):
    ev = {
        "low_back_pain": "present",
        "saddle_numbness": "absent",
        "bladder_retention": "absent",
        "fever": "absent",
        "onset": "gradual",
    }
    sel = select(tiny_model, "female", 30, ev, focus="endometriosis")
    assert sel.finding_id == "period_pain"


def test_a_screen_keyed_on_a_finding_is_asked_when_every_complaint_is_denied() -> None:
    """A fever said on its own (every complaint of the packs denied) still brings the screen
    keyed on fever (a heart valve problem, injecting drugs: endocarditis), but nothing else of
    the protocol; with the fever denied too, the protocol has nothing to ask."""
    model = Model.compile(load_knowledge_base("all"))
    denied = dict.fromkeys(model.kb.complaints_for(70), "absent")
    sel = select(model, "female", 70, {**denied, "fever": "present"})
    assert sel.finding_id == "fever_heart_valve_risks"
    assert set(sel.items) == {"heart_valve_problem", "iv_drug_use"}
    sel = select(model, "female", 70, {**denied, "fever": "absent"})
    assert not sel.reason.startswith("warning-sign screen")


def _after_the_back_screens(model: Model, age: int, said: set[str]):
    """A back pain's state once the four screens of back-pelvic are answered (``said`` yes)."""
    state = start(model, "male", age, {"low_back_pain": "present"})
    for _ in range(4):
        q = next_question(model, state)
        assert q is not None
        state = answer_group(
            model,
            state,
            q.finding_id,
            {i.finding_id: "present" if i.finding_id in said else "absent" for i in q.items},
        )
    return state


@pytest.fixture(scope="module")
def back_model() -> Model:
    return Model.compile(load_knowledge_base("back-pelvic"))


def test_a_warning_sign_said_is_followed_up_with_what_completes_its_rule(back_model):
    """Night pain at 73 (a screen answer): the myeloma rule (60+, worsening or night pain,
    with tiredness, night sweats, weight loss or repeated infections) fires on one more "yes",
    so those signs are asked next, together (back-pelvic blind case S015)."""
    state = _after_the_back_screens(back_model, 73, {"night_pain"})
    q = next_question(back_model, state)
    assert q is not None and q.finding_id.startswith(FOLLOW_UP_GROUP)
    assert {i.finding_id for i in q.items} == {"night_sweats", "fatigue", "recurrent_infections"}
    state = answer_group(
        back_model,
        state,
        q.finding_id,
        {"night_sweats": "absent", "fatigue": "present", "recurrent_infections": "absent"},
    )
    assert result(back_model, state).triage.level is CareLevel.SOON


@pytest.mark.parametrize(("age", "said"), [(73, set()), (50, {"night_pain"})])
def test_nothing_is_followed_up_without_a_sign_said_or_a_rule_it_could_complete(
    back_model, age, said
):
    """No warning sign said, or one whose rules cannot fire for this person (the myeloma rule
    is for 60 and over): the interview goes on by information gain."""
    state = _after_the_back_screens(back_model, age, said)
    sel = select(
        back_model,
        state.sex,
        state.age,
        state.evidence,
        state.asked,
        questions_asked=state.questions_asked,
    )
    assert not sel.reason.startswith("follow-up"), sel


def test_a_complaint_in_a_screen_is_asked_as_a_complaint() -> None:
    """A screen may name a complaint that is a child of the umbrella ``pain`` (tummy pain, in
    the vomiting screen): it is asked as the complaint question would ask it, with ``pain``
    taken as present, not held back until some pain is known."""
    model = Model.compile(load_knowledge_base("all"))
    ev = {"nausea_vomiting": "present", "vomiting": "present"}
    sel = select(model, "female", 30, ev)
    assert sel.reason.startswith("warning-sign screen"), sel
    assert "abdominal_pain" in sel.items, sel.items
