"""The pack author's contract (docs/packs.md), checked for every built-in pack.

Copy nothing: a new pack in src/symptomatic/packs is picked up by the parametrisation. Each
test names the section of docs/packs.md it enforces.
"""

from __future__ import annotations

import pytest

from symptomatic.engine import Model
from symptomatic.engine.model import rate_to_probability
from symptomatic.kb import load_knowledge_base, load_pack
from symptomatic.kb.knowledge import KnowledgeBase
from symptomatic.kb.loader import builtin_pack_ids
from symptomatic.kb.schema import CareLevel, Evidence, FindingGroup, Pack, Sex

PACKS = builtin_pack_ids()


@pytest.fixture(scope="module", params=PACKS)
def pack(request: pytest.FixtureRequest) -> Pack:
    return load_pack(request.param)


@pytest.fixture(scope="module")
def kb(pack: Pack) -> KnowledgeBase:
    return load_knowledge_base(pack.meta.id)


def test_builtin_packs_are_found() -> None:
    assert {"core", "back-pelvic"} <= set(PACKS)


def test_priors_are_sourced_rates(pack: Pack) -> None:
    """Section 2: rates per 1,000 person-years, each with a source or an honest estimate."""
    for cond in pack.conditions:
        for i, band in enumerate(cond.prior):
            where = f"{pack.meta.id}: {cond.id}.prior[{i}]"
            assert 0.0 < band.rate < 1000.0, where  # per 1,000 PY: at most once a year each
            if band.source is None:
                assert band.evidence is Evidence.EXPERT_ESTIMATE, where


def test_priors_leave_most_of_the_population_to_another_cause(kb: KnowledgeBase) -> None:
    """Section 1: the window probabilities of all listed conditions are a small share."""
    for sex in Sex:
        for age in range(16, 100, 6):
            total = 0.0
            for cond in kb.conditions.values():
                if not cond.applies_to.admits(sex, age):
                    continue
                for band in cond.prior:
                    if (band.sex in (None, sex)) and band.ages[0] <= age <= band.ages[1]:
                        total += rate_to_probability(band.rate)
                        break
            assert total < 0.2, (sex, age, total)


def test_defaults_are_stated_once_by_the_defining_pack(pack: Pack, kb: KnowledgeBase) -> None:
    """Section 3: a pack states the default of its own findings only, and of all of them
    that carry per-condition entries."""
    own = {f.id for f in pack.findings}
    for table in pack.likelihoods:
        if table.default is not None:
            assert table.finding in own, (pack.meta.id, table.finding)
    for fid in own:
        table = kb.likelihoods.get(fid)
        if table is not None and table.conditions:
            assert table.default is not None, (pack.meta.id, fid)


def test_complaints_state_explicit_likelihoods(pack: Pack, kb: KnowledgeBase) -> None:
    """Section 3: every condition of the pack states P(complaint | c) for the pack's own
    complaints and the complaints they are children of (``pain``); conditions of the other
    sex are excepted for a sex-specific complaint. Other packs' complaints may fall back to
    their default P(complaint | none) for an unrelated condition."""
    own = [f for f in pack.findings if f.group is FindingGroup.COMPLAINT]
    roots = {f.parent for f in own if f.parent is not None}
    complaints = [*own, *(kb.findings[r] for r in sorted(roots) if r in kb.findings)]
    if not pack.conditions:
        return
    assert complaints, pack.meta.id
    for fnd in complaints:
        table = kb.likelihoods.get(fnd.id)
        assert table is not None, fnd.id
        sex = fnd.applies_to.sex
        relevant = {c.id for c in pack.conditions if sex is None or c.applies_to.sex in (None, sex)}
        missing = sorted(relevant - set(table.conditions))
        assert not missing, (pack.meta.id, fnd.id, missing)


def test_children_have_a_parent_and_a_conditional_default(kb: KnowledgeBase) -> None:
    """Section 4: a child's parent exists, the chain ends, and its default is stated."""
    for fid, fnd in kb.findings.items():
        seen = {fid}
        parent = fnd.parent
        while parent is not None:
            assert parent in kb.findings, (fid, parent)
            assert parent not in seen, (fid, "loop")
            seen.add(parent)
            parent = kb.findings[parent].parent
        if fnd.parent is not None and fid in kb.likelihoods:
            assert kb.likelihoods[fid].default is not None, fid


def test_compiles_with_probabilities_inside_0_1(kb: KnowledgeBase) -> None:
    """Section 3: Model.compile refuses anything outside (0, 1); the pack must pass it."""
    Model.compile(kb)


def test_wording_lives_in_pack_data(kb: KnowledgeBase) -> None:
    """Section 7: some loaded pack gives a title and advice for every care level."""
    for level in CareLevel:
        texts = [m.advice[level] for m in kb.metas.values() if level in m.advice]
        assert any(t.title for t in texts), level
        assert any(t.advice for t in texts), level
