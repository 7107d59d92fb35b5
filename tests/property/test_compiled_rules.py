"""The compiled red-flag rules give exactly what the plain evaluator gives (hypothesis).

Two sources of rules: the real built-in packs (composite rules over ~60 red-flag findings)
and random expression trees over a few yes/no and choice findings (every node type, nested).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symptomatic.engine import Model
from symptomatic.engine.selection import applicable
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.knowledge import rule_findings
from symptomatic.kb.schema import RedFlagRule, Sex
from symptomatic.triage import Truth, evaluate, fired_rules, rank
from symptomatic.triage.compiled import CompiledRules

REAL = Model.compile(load_knowledge_base("back-pelvic"))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRUTH = {Truth.FALSE: 0, Truth.MAYBE: 1, Truth.TRUE: 2}

sexes = st.sampled_from([Sex.FEMALE, Sex.MALE])
ages = st.integers(min_value=0, max_value=130)


def evidence_for(answers: dict[str, tuple[str, ...]]) -> st.SearchStrategy[dict[str, str]]:
    """Answers (or ``unknown``) for a random subset of the findings."""
    ids = sorted(answers)
    return st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)).flatmap(
        lambda chosen: st.fixed_dictionaries(
            {f: st.sampled_from([*answers[f], "unknown"]) for f in chosen}
        )
    )


def check_against_plain(
    compiled: CompiledRules,
    rules: tuple[RedFlagRule, ...],
    answers: dict[str, tuple[str, ...]],
    evidence: dict[str, str],
    sex: Sex,
    age: int,
) -> None:
    values = compiled.evaluate(evidence, sex, age)
    # every rule, and the fired ones
    plain = [TRUTH[evaluate(r.when, evidence, sex, age)] for r in rules]
    assert values.truth.tolist() == plain
    assert compiled.fired(values) == fired_rules(rules, evidence, sex, age)
    assert compiled.fired_rank(values) == max(
        (rank(r.level) for r in fired_rules(rules, evidence, sex, age)), default=0
    )
    # per finding: some rule naming it is undecided
    naming = {f: [r for r in rules if f in {x for x, _ in rule_findings(r.when)}] for f in answers}
    undecided = compiled.undecided(values)
    for i, fid in enumerate(answers):
        expected = any(evaluate(r.when, evidence, sex, age) is Truth.MAYBE for r in naming[fid])
        assert bool(undecided[i]) == expected, fid
        assert bool(compiled.named[i]) == bool(naming[fid]), fid
    # per answer column: the most urgent rule naming the finding that fires on that answer
    what_if = compiled.rank_if_answered(values).tolist()
    col = 0
    for fid, options in answers.items():
        for value in options:
            trial = {**evidence, fid: value}
            expected_rank = max(
                (rank(r.level) for r in fired_rules(tuple(naming[fid]), trial, sex, age)),
                default=-1,
            )
            assert what_if[col] == expected_rank, (fid, value)
            col += 1


REAL_ANSWERS = {f: REAL.kb.findings[f].answers for f in REAL.finding_ids}


@SETTINGS
@given(evidence_for(REAL_ANSWERS), sexes, ages)
def test_real_packs_compiled_rules_match_the_plain_evaluator(evidence, sex, age):
    check_against_plain(REAL.rules, REAL.kb.red_flags, REAL_ANSWERS, evidence, sex, age)


# -- random expression trees -------------------------------------------------------------
TOY_ANSWERS: dict[str, tuple[str, ...]] = {
    "a": ("present", "absent"),
    "b": ("present", "absent"),
    "c": ("present", "absent"),
    "d": ("short", "medium", "long"),
}

leaves = st.one_of(
    st.sampled_from(["a", "b", "c"]),
    st.builds(lambda f: {"not": f}, st.sampled_from(["a", "b", "c"])),
    st.builds(
        lambda opts: {"finding": "d", "in": opts},
        st.lists(st.sampled_from(TOY_ANSWERS["d"]), min_size=1, max_size=3, unique=True),
    ),
    st.builds(lambda lo, span: {"age": [lo, lo + span]}, ages, st.integers(0, 60)),
    st.builds(lambda s: {"sex": s}, st.sampled_from(["female", "male"])),
)
expressions: st.SearchStrategy[Any] = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=4)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=4)),
    ),
    max_leaves=12,
)
rule_sets = st.lists(
    st.tuples(expressions, st.sampled_from(["emergency", "urgent", "soon", "routine"])),
    min_size=1,
    max_size=6,
).map(
    lambda specs: tuple(
        RedFlagRule.model_validate(
            {"id": f"r{i}", "when": when, "level": level, "message": "m", "source": "S"}
        )
        for i, (when, level) in enumerate(specs)
    )
)


@SETTINGS
@given(rule_sets, evidence_for(TOY_ANSWERS), sexes, ages)
def test_random_rules_compiled_match_the_plain_evaluator(rules, evidence, sex, age):
    compiled = CompiledRules(rules, TOY_ANSWERS)
    check_against_plain(compiled, rules, TOY_ANSWERS, evidence, sex, age)


# -- findings' prerequisites (who may be asked what) -------------------------------------
ALL = Model.compile(load_knowledge_base("all"))
ALL_ANSWERS = {f: ALL.kb.findings[f].answers for f in ALL.finding_ids}


def present(evidence: dict[str, str], fid: str) -> bool:
    return evidence.get(fid) == "present"


def plain_applicable(model: Model, sex: Sex, age: int, evidence: dict[str, str]) -> list[bool]:
    """The definition, finding by finding: demographics, a present parent, ``requires``,
    ``requires_any`` and ``ask_if`` definitely true."""
    out = []
    for fid in model.finding_ids:
        fnd = model.kb.findings[fid]
        app = fnd.applies_to
        ok = (
            fnd.askable
            and app.admits(sex, age)
            and (fnd.parent is None or evidence.get(fnd.parent) == "present")
            and all(evidence.get(r) == "present" for r in app.requires)
            and (not app.requires_any or any(present(evidence, r) for r in app.requires_any))
            and (fnd.ask_if is None or evaluate(fnd.ask_if, evidence, sex, age) is Truth.TRUE)
        )
        out.append(bool(ok))
    return out


@SETTINGS
@given(evidence_for(ALL_ANSWERS), sexes, ages)
def test_compiled_prerequisites_match_the_plain_definition(evidence, sex, age):
    assert ALL.demographics.with_prerequisites.size > 0  # the packs do use prerequisites
    got = applicable(ALL, sex, age, evidence).tolist()
    assert got == plain_applicable(ALL, sex, age, evidence)
