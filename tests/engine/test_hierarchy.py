"""Finding hierarchy (``parent``): correlated answers are not multiplied as if independent.

A copy of the tiny fixture gains a child finding, "leg pain worse on coughing" under
``leg_pain``, whose likelihoods are conditional on leg pain being present.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import yaml

from symptomatic.engine import Assessor, Model, select
from symptomatic.engine.selection import applicable
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import Sex

TINY = Path(__file__).parents[1] / "fixtures" / "packs" / "tiny"


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    dest = tmp_path_factory.mktemp("hier") / "tiny"
    shutil.copytree(TINY, dest)
    findings = yaml.safe_load((dest / "findings.yaml").read_text())
    findings["findings"].append(
        {
            "id": "cough_leg_pain",
            "name": "Leg pain worse on coughing",
            "question": "Does coughing make the leg pain shoot?",
            "parent": "leg_pain",
        }
    )
    (dest / "findings.yaml").write_text(yaml.safe_dump(findings, sort_keys=False))
    lks = yaml.safe_load((dest / "likelihoods.yaml").read_text())
    lks["likelihoods"].append(
        {
            "finding": "cough_leg_pain",
            "default": {"p": 0.1, "source": "T1"},
            "conditions": {"sciatica": {"p": 0.6, "source": "T1"}},
        }
    )
    (dest / "likelihoods.yaml").write_text(yaml.safe_dump(lks, sort_keys=False))
    return Model.compile(load_knowledge_base(str(dest)))


def probs(model: Model, evidence: dict[str, str]) -> np.ndarray:
    return model.posterior("male", 40, evidence).probs


def test_parent_and_child_together_equal_child_alone(model: Model) -> None:
    alone = probs(model, {"cough_leg_pain": "present"})
    both = probs(model, {"leg_pain": "present", "cough_leg_pain": "present"})
    assert alone == pytest.approx(both, abs=1e-12)


def test_child_likelihood_is_conditional_on_the_parent(model: Model) -> None:
    # P(leg, cough | c) = P(leg | c) * P(cough | leg, c): 0.9 * 0.6 for sciatica,
    # 0.1 * 0.1 for mechanical back pain (default of the child)
    post = model.posterior("male", 40, {"cough_leg_pain": "present"})
    prior = model.posterior("male", 40, {})
    ratio = (post.of("sciatica") / post.of("mechanical_lbp")) / (
        prior.of("sciatica") / prior.of("mechanical_lbp")
    )
    assert ratio == pytest.approx((0.9 * 0.6) / (0.1 * 0.1))


def test_absent_parent_silences_children(model: Model) -> None:
    no_leg = probs(model, {"leg_pain": "absent"})
    contradict = probs(model, {"leg_pain": "absent", "cough_leg_pain": "absent"})
    assert no_leg == pytest.approx(contradict, abs=1e-12)
    assert model.closure({"leg_pain": "absent"})["cough_leg_pain"] == "absent"


def test_child_absent_with_parent_unknown_counts_nothing(model: Model) -> None:
    assert probs(model, {"cough_leg_pain": "absent"}) == pytest.approx(probs(model, {}))


def test_an_answer_is_never_overwritten(model: Model) -> None:
    # a contradiction (free text, API): the parent said absent stays absent, the child said
    # present stays present for the rules but carries no evidence under an absent parent
    full = model.closure({"leg_pain": "absent", "cough_leg_pain": "present"})
    assert full["leg_pain"] == "absent" and full["cough_leg_pain"] == "present"
    assert probs(model, {"leg_pain": "absent", "cough_leg_pain": "present"}) == pytest.approx(
        probs(model, {"leg_pain": "absent"})
    )


def test_cautious_triage_reads_the_hierarchy_exactly(model: Model) -> None:
    # the red-flag units of the cautious triage add up to the posterior of all the evidence
    evidence = {"cough_leg_pain": "present", "saddle_numbness": "present", "fever": "absent"}
    _, _, full = Assessor(model).cautious_rank("male", 50, evidence)
    assert full == pytest.approx(probs(model, evidence), abs=1e-12)


def test_child_is_asked_only_under_a_present_parent(model: Model) -> None:
    child = model.finding_index["cough_leg_pain"]
    assert not applicable(model, Sex.MALE, 40, {})[child]
    assert not applicable(model, Sex.MALE, 40, {"leg_pain": "absent"})[child]
    assert applicable(model, Sex.MALE, 40, {"leg_pain": "present"})[child]
    asked: list[str] = []
    evidence = {"low_back_pain": "present", "leg_pain": "absent"}
    while (sel := select(model, "male", 40, evidence, asked)).finding_id is not None:
        for fid in sel.items or (sel.finding_id,):
            asked.append(fid)
            evidence[fid] = "absent" if model.kb.findings[fid].type == "yes_no" else "gradual"
    assert "cough_leg_pain" not in asked


@pytest.mark.parametrize(
    "evidence",
    [
        {"blurred_vision": "present", "light_sensitivity": "present"},
        {"light_sensitivity": "present", "blurred_vision": "present", "fever": "absent"},
        {"curtain_shadow": "present", "flashes": "present", "new_floaters": "present"},
    ],
)
def test_an_ancestor_made_present_by_flags_keeps_its_own_evidence(
    evidence: dict[str, str],
) -> None:
    """Red flags under a chain of unanswered parents (blurred sight under a change in sight
    under an eye problem): the ancestors' columns are one unit and none is dropped, whatever
    order the findings come in, so the cautious posterior of all the evidence is the
    posterior (a dropped ancestor once sent a red, light-sensitive, blurred eye to routine)."""
    eyes = Model.compile(load_knowledge_base("eyes"))
    _, _, full = Assessor(eyes).cautious_rank("female", 29, evidence)
    expected = eyes.posterior("female", 29, evidence).probs
    assert full == pytest.approx(expected, abs=1e-12)
