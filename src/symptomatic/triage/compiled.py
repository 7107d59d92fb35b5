"""Red-flag rules compiled to arrays: every rule at once, and every "what if" at once.

:func:`symptomatic.triage.rules.evaluate` walks one expression tree in Python; choosing a
question needs every rule for the evidence, and every rule naming a finding for each answer
that finding could get: hundreds of trees per step at the size packs are heading for. Here
the trees become arrays evaluated layer by layer with NumPy, in the same Kleene logic
(0 false, 1 maybe, 2 true; ``all`` is the minimum of its parts, ``any`` the maximum):

* a leaf naming a finding reads ``truth[leaf, code]``, where ``code`` is 0 for an unanswered
  or ``unknown`` finding and ``1 + k`` for its k-th answer (the answer columns of
  :class:`symptomatic.engine.Model`); ``age`` and ``sex`` leaves read the person;
* the *what-if* forest holds, for each answer of each finding a rule names, the part of the
  rule that depends on that finding, its leaves fixed to that answer; every other part is
  read from the evaluation of the rules themselves. One evaluation gives, for every answer
  column, the most urgent rule that would fire on that answer.

The results are those of :func:`~symptomatic.triage.rules.evaluate` for any evidence whose
values are ``unknown`` or answers of their finding (``tests/property`` checks this on random
evidence).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from symptomatic.errors import UnknownFindingError
from symptomatic.kb.schema import (
    RedFlagRule,
    RuleAge,
    RuleAll,
    RuleAnswer,
    RuleExpr,
    RuleNot,
    RuleSex,
    Sex,
)
from symptomatic.triage.levels import rank
from symptomatic.triage.rules import FiredRule, fire

Int8Array = npt.NDArray[np.int8]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

FALSE, MAYBE, TRUE = 0, 1, 2
_SEX_CODE = {Sex.FEMALE: 0, Sex.MALE: 1}


@dataclass(frozen=True)
class _Expr:
    """A compiled expression node: its node id, and the findings named below it."""

    node: int
    names: frozenset[int]
    row: tuple[int, ...] = ()  # a finding leaf: truth per code
    is_all: bool = False
    children: tuple[_Expr, ...] = ()


@dataclass
class _Builder:
    """Collects nodes; :meth:`freeze` lays them out as a :class:`_Forest`."""

    width: int
    heights: list[int] = field(default_factory=list)
    internal: dict[int, tuple[bool, list[int]]] = field(default_factory=dict)
    leaves: dict[str, list[tuple[int, ...]]] = field(default_factory=dict)

    def add(self, kind: str, *payload: int) -> int:
        """A leaf of ``kind`` (finding, age, sex, const, external) holding ``payload``."""
        node = len(self.heights)
        self.heights.append(0)
        self.leaves.setdefault(kind, []).append((node, *payload))
        return node

    def add_internal(self, is_all: bool, children: list[int]) -> int:
        node = len(self.heights)
        self.heights.append(1 + max(self.heights[c] for c in children))
        self.internal[node] = (is_all, children)
        return node

    def freeze(self, table: list[tuple[int, ...]]) -> _Forest:
        def column(kind: str, k: int) -> IntArray:
            return np.array([leaf[k] for leaf in self.leaves.get(kind, [])], dtype=np.int64)

        layers: list[tuple[IntArray, IntArray, IntArray, bool]] = []
        for height in range(1, max(self.heights, default=0) + 1):
            for is_all in (True, False):
                nodes = [
                    n
                    for n, (a, _) in self.internal.items()
                    if a == is_all and self.heights[n] == height
                ]
                if nodes:
                    sizes = np.array([len(self.internal[n][1]) for n in nodes], dtype=np.int64)
                    children = [c for n in nodes for c in self.internal[n][1]]
                    layers.append(
                        (
                            np.array(nodes, dtype=np.int64),
                            np.array(children, dtype=np.int64),
                            np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.int64),
                            is_all,
                        )
                    )
        rows = [r + (MAYBE,) * (self.width - len(r)) for r in table]
        return _Forest(
            size=len(self.heights),
            finding_node=column("finding", 0),
            finding=column("finding", 1),
            finding_row=column("finding", 2),
            table=np.array(rows, dtype=np.int8).reshape(len(rows), self.width),
            age_node=column("age", 0),
            age_lo=column("age", 1),
            age_hi=column("age", 2),
            sex_node=column("sex", 0),
            sex=column("sex", 1),
            const_node=column("const", 0),
            const=column("const", 1).astype(np.int8),
            external_node=column("external", 0),
            external=column("external", 1),
            layers=tuple(layers),
        )


@dataclass(frozen=True)
class _Forest:
    """Expression nodes as arrays; :meth:`run` gives the value of every node."""

    size: int
    finding_node: IntArray
    finding: IntArray
    finding_row: IntArray
    table: Int8Array
    age_node: IntArray
    age_lo: IntArray
    age_hi: IntArray
    sex_node: IntArray
    sex: IntArray
    const_node: IntArray
    const: Int8Array
    external_node: IntArray
    external: IntArray
    layers: tuple[tuple[IntArray, IntArray, IntArray, bool], ...]

    def run(self, codes: IntArray, sex: Sex, age: int, external: Int8Array) -> Int8Array:
        """Value (0/1/2) of every node, for finding codes, the person and an outer forest."""
        vals = np.empty(self.size, dtype=np.int8)
        vals[self.finding_node] = self.table[self.finding_row, codes[self.finding]]
        inside = (self.age_lo <= age) & (age <= self.age_hi)
        vals[self.age_node] = np.where(inside, TRUE, FALSE)
        vals[self.sex_node] = np.where(self.sex == _SEX_CODE[sex], TRUE, FALSE)
        vals[self.const_node] = self.const
        vals[self.external_node] = external[self.external]
        for dest, children, starts, is_all in self.layers:
            op = np.minimum if is_all else np.maximum
            vals[dest] = op.reduceat(vals[children], starts)
        return vals


@dataclass(frozen=True)
class RuleValues:
    """The compiled rules evaluated for one person and evidence (see :class:`CompiledRules`)."""

    sex: Sex
    age: int
    codes: IntArray  # per finding (see CompiledRules.encode)
    nodes: Int8Array  # per expression node
    truth: Int8Array  # per rule: 0 false, 1 maybe, 2 true


class CompiledExpressions:
    """Expressions (rules' ``when`` trees, findings' prerequisites) compiled against the
    findings' answer columns: one NumPy pass gives the truth of every one of them.

    ``findings`` maps every finding id, in the model's order, to its answer ids in column
    order (as :class:`CompiledRules`).
    """

    def __init__(self, exprs: Sequence[RuleExpr], findings: Mapping[str, Sequence[str]]) -> None:
        self._index = {fid: i for i, fid in enumerate(findings)}
        self.answers = [tuple(a) for a in findings.values()]
        self._codes = [{a: k + 1 for k, a in enumerate(ans)} for ans in self.answers]
        self.width = 1 + max((len(a) for a in self.answers), default=0)
        base = _Builder(self.width)
        table: list[tuple[int, ...]] = []
        answers = self.answers

        def leaf(fid: str, truth_of: Callable[[str], int]) -> _Expr:
            fi = self._index.get(fid)
            if fi is None:
                raise UnknownFindingError(f"an expression names an unknown finding {fid!r}")
            row = (MAYBE, *(truth_of(a) for a in answers[fi]))  # code 0: not answered
            table.append(row)
            return _Expr(base.add("finding", fi, len(table) - 1), frozenset([fi]), row)

        def build(expr: RuleExpr) -> _Expr:
            if isinstance(expr, str):
                return leaf(expr, _present)
            if isinstance(expr, RuleNot):
                return leaf(expr.not_, _absent)
            if isinstance(expr, RuleAnswer):
                chosen = frozenset(expr.in_)
                return leaf(expr.finding, lambda a: TRUE if a in chosen else FALSE)
            if isinstance(expr, RuleAge):
                return _Expr(base.add("age", *expr.age), frozenset())
            if isinstance(expr, RuleSex):
                return _Expr(base.add("sex", _SEX_CODE[expr.sex]), frozenset())
            is_all = isinstance(expr, RuleAll)
            subs = tuple(build(s) for s in (expr.all if isinstance(expr, RuleAll) else expr.any))
            node = base.add_internal(is_all, [s.node for s in subs])
            return _Expr(node, frozenset().union(*(s.names for s in subs)), (), is_all, subs)

        self.trees = [build(e) for e in exprs]
        self.forest = base.freeze(table)
        self.roots = np.array([t.node for t in self.trees], dtype=np.int64)

    def encode(self, evidence: Mapping[str, str]) -> IntArray:
        """Per finding: 0 unanswered or ``unknown``, ``1 + k`` for its k-th answer.

        Raises :class:`UnknownFindingError` for an unknown finding or answer.
        """
        codes = np.zeros(len(self._codes), dtype=np.int64)
        for fid, value in evidence.items():
            fi = self._index.get(fid)
            if fi is None:
                raise UnknownFindingError(f"unknown finding id {fid!r}")
            if value != "unknown":
                code = self._codes[fi].get(value)
                if code is None:
                    raise UnknownFindingError(f"finding {fid!r} has no answer {value!r}")
                codes[fi] = code
        return codes

    def nodes(self, codes: IntArray, sex: Sex, age: int) -> Int8Array:
        """Value of every expression node for encoded evidence and the person."""
        return self.forest.run(codes, sex, age, np.zeros(0, dtype=np.int8))

    def truth(self, evidence: Mapping[str, str], sex: Sex, age: int) -> Int8Array:
        """Per expression: 0 false, 1 maybe, 2 true (as :func:`.rules.evaluate`)."""
        return self.nodes(self.encode(evidence), sex, age)[self.roots]


class CompiledRules:
    """Red-flag rules of one knowledge base, compiled against its findings' answer columns.

    ``findings`` maps every finding id, in the model's order, to its answer ids in column
    order (so answer column ``a`` is the ``k``-th answer of the ``i``-th finding exactly as in
    :class:`symptomatic.engine.Model`). Build once per model.
    """

    def __init__(self, rules: Sequence[RedFlagRule], findings: Mapping[str, Sequence[str]]) -> None:
        self.rules = tuple(rules)
        self.level_rank = np.array([rank(r.level) for r in self.rules], dtype=np.int64)
        # 1. the rules themselves
        self._exprs = CompiledExpressions([r.when for r in self.rules], findings)
        answers = self._exprs.answers
        trees = self._exprs.trees
        self._base = self._exprs.forest
        self._roots = self._exprs.roots
        # 2. which rules each finding can change
        pairs = sorted({(f, j) for j, t in enumerate(trees) for f in t.names})
        self._pair_finding = np.array([f for f, _ in pairs], dtype=np.int64)
        self._pair_rule = np.array([j for _, j in pairs], dtype=np.int64)
        self.named: BoolArray = np.zeros(len(answers), dtype=bool)
        self.named[self._pair_finding] = True
        # 3. the what-if forest: per answer column of a named finding, per rule naming it,
        # the rule with that finding's leaves fixed (parts not naming it read from step 1)
        what_if = _Builder(self._exprs.width)

        def fixed(expr: _Expr, fi: int, code: int) -> int:
            if fi not in expr.names:
                return what_if.add("external", expr.node)
            if not expr.children:
                return what_if.add("const", expr.row[code])
            return what_if.add_internal(expr.is_all, [fixed(c, fi, code) for c in expr.children])

        starts = np.concatenate(([0], np.cumsum([len(a) for a in answers]))).astype(np.int64)
        self._n_columns = int(starts[-1])
        trials = sorted(
            (int(starts[f]) + k, j, f, k) for f, j in pairs for k in range(len(answers[f]))
        )
        roots = [fixed(trees[j], f, k + 1) for _, j, f, k in trials]
        self._what_if = what_if.freeze([])
        self._what_if_roots = np.array(roots, dtype=np.int64)
        self._trial_rank = self.level_rank[np.array([t[1] for t in trials], dtype=np.int64)]
        columns = np.array([t[0] for t in trials], dtype=np.int64)
        self._trial_columns, self._trial_start = np.unique(columns, return_index=True)

    def encode(self, evidence: Mapping[str, str]) -> IntArray:
        """Per finding: 0 unanswered or ``unknown``, ``1 + k`` for its k-th answer.

        Raises :class:`UnknownFindingError` for an unknown finding or answer.
        """
        return self._exprs.encode(evidence)

    def evaluate(self, evidence: Mapping[str, str], sex: Sex, age: int) -> RuleValues:
        """Every rule for this person and evidence.

        Raises :class:`UnknownFindingError` for an unknown finding or answer.
        """
        codes = self.encode(evidence)
        nodes = self._base.run(codes, sex, age, np.zeros(0, dtype=np.int8))
        return RuleValues(sex, age, codes, nodes, nodes[self._roots])

    def rank_if_answered(self, values: RuleValues) -> IntArray:
        """Per answer column: the most urgent level rank among the rules naming its finding
        that would fire were the finding answered so, the rest of the evidence unchanged (-1
        where none would)."""
        run = self._what_if.run(values.codes, values.sex, values.age, values.nodes)
        fires = run[self._what_if_roots] == TRUE
        out = np.full(self._n_columns, -1, dtype=np.int64)
        if fires.size:
            per_trial = np.where(fires, self._trial_rank, -1)
            out[self._trial_columns] = np.maximum.reduceat(per_trial, self._trial_start)
        return out

    def fired(self, values: RuleValues) -> tuple[FiredRule, ...]:
        """The rules that are definitely true, in pack order (as ``fired_rules``)."""
        return tuple(fire(self.rules[j]) for j in np.flatnonzero(values.truth == TRUE))

    def fired_rank(self, values: RuleValues) -> int:
        """Most urgent level rank among the rules that fire (0 when none fires)."""
        ranks = self.level_rank[values.truth == TRUE]
        return int(ranks.max()) if ranks.size else 0

    def undecided(self, values: RuleValues) -> BoolArray:
        """Per finding: some rule naming it is still MAYBE."""
        out = np.zeros(len(self._exprs.answers), dtype=bool)
        out[self._pair_finding[values.truth[self._pair_rule] == MAYBE]] = True
        return out


def _present(answer: str) -> int:
    """A bare finding id: true when answered ``present``, false when ``absent``."""
    return TRUE if answer == "present" else FALSE if answer == "absent" else MAYBE


def _absent(answer: str) -> int:
    """``{not: id}``: true when answered ``absent``, false when ``present``."""
    return TRUE if answer == "absent" else FALSE if answer == "present" else MAYBE
