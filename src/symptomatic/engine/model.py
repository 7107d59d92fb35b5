"""The knowledge base compiled into NumPy arrays, and the posterior over conditions.

Layout (``C`` conditions plus one "another cause" class at index ``C``; ``A`` answers):

* every finding owns a contiguous run of answer columns: ``present``/``absent`` for yes/no
  findings, one column per option for choice findings;
* ``default[a]`` is P(answer a | none of the listed conditions), used for every condition
  without an explicit likelihood — so the likelihood matrix is "default everywhere, plus a
  sparse set of explicit entries", kept as coordinate arrays sorted by answer column.
  Nothing dense of size C x A is ever built, which keeps one step fast even at 2,000 x 5,000.

Priors are population rates (new presentations per 1,000 person-years, by sex and age band)
turned into the probability of a new episode within :data:`WINDOW_DAYS`; "another cause" is
the rest of the population (none of the listed conditions), a real share of the mass.

Findings may form a hierarchy (``parent``): a child's likelihoods are conditional on its
parent being present. :meth:`Model.closure` completes the evidence (a present child makes its
parent present; an absent parent makes its descendants absent) and :meth:`Model.scored` keeps
only the answers that carry evidence (a child counts only under a present parent), so
correlated answers are never multiplied as if independent.

All probabilities are handled in log space; an ``unknown`` answer contributes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from symptomatic.errors import (
    ConflictingEvidenceError,
    DemographicsError,
    PackError,
    UnknownFindingError,
)
from symptomatic.kb.knowledge import KnowledgeBase, rule_findings
from symptomatic.kb.schema import (
    Condition,
    Finding,
    FindingGroup,
    FindingType,
    RuleAll,
    RuleAnswer,
    RuleAny,
    RuleExpr,
    Sex,
)
from symptomatic.triage.compiled import CompiledExpressions, CompiledRules

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

OTHER_CAUSE = "other_cause"
MIN_AGE, MAX_AGE = 0, 130
#: The window of every prior: P(a new episode of the condition presents within this many days).
WINDOW_DAYS = 14
#: P(present) forced on a condition's ``only_when`` / ``never_when`` findings (unless stated).
ONLY_WHEN_P, NEVER_WHEN_P = 0.99, 0.01


def rate_to_probability(rate: float, days: float = WINDOW_DAYS) -> float:
    """Probability of at least one new presentation within ``days`` at ``rate`` per 1,000 PY."""
    return float(-np.expm1(-rate / 1000.0 * days / 365.0))


def parse_sex(sex: str | Sex) -> Sex:
    """``Sex`` from a string; raises :class:`DemographicsError` for anything else."""
    try:
        return Sex(sex)
    except ValueError:
        raise DemographicsError(f"sex must be 'female' or 'male', not {sex!r}") from None


def check_age(age: int) -> int:
    """``age`` in whole years if within 0..130; raises :class:`DemographicsError` otherwise."""
    if isinstance(age, bool) or not isinstance(age, int) or not MIN_AGE <= age <= MAX_AGE:
        raise DemographicsError(f"age must be a whole number of years from 0 to 130, not {age!r}")
    return age


@dataclass(frozen=True)
class Posterior:
    """P(condition | sex, age, evidence) over ``ids`` (conditions, then ``other_cause``).

    ``probs`` sums to 1; conditions that do not apply to this person have probability 0.
    """

    ids: tuple[str, ...]
    probs: FloatArray
    log_joint: FloatArray = field(repr=False)

    def ranked(self, limit: int | None = None) -> list[tuple[str, float]]:
        """(id, probability) pairs, most probable first, zero-probability ones left out;
        the first ``limit`` of them when given."""
        order = np.argsort(-self.probs, kind="stable")
        order = order[self.probs[order] > 0.0][:limit]
        ids = [self.ids[i] for i in order.tolist()]
        return list(zip(ids, self.probs[order].tolist(), strict=True))

    def of(self, condition_id: str) -> float:
        """Probability of one condition (0.0 when it does not apply)."""
        return float(self.probs[self.ids.index(condition_id)])


@dataclass(frozen=True)
class FindingDemographics:
    """Per-finding applicability as arrays: sex code (0 any, 1 female, 2 male), age range,
    askable flag, and the findings with prerequisites (a parent present, ``requires``,
    ``requires_any``, ``ask_if``), each compiled to one expression that must be true."""

    sex: IntArray
    min_age: IntArray
    max_age: IntArray
    askable: BoolArray
    with_prerequisites: IntArray
    prerequisites: CompiledExpressions


@dataclass(frozen=True, eq=False)
class Model:
    """A compiled, immutable knowledge base. Build with :meth:`compile`; safe to share."""

    kb: KnowledgeBase
    condition_ids: tuple[str, ...]
    finding_ids: tuple[str, ...]
    answer_start: IntArray  # per finding: first answer column
    answer_count: IntArray  # per finding: number of answer columns
    answer_ids: tuple[str, ...]  # per column: answer id (present/absent/option)
    answer_finding: IntArray  # per column: finding index
    default: FloatArray  # per column: P(answer | another cause)
    ex_rows: IntArray  # explicit entries, sorted by column
    ex_cols: IntArray
    ex_p: FloatArray
    ex_ptr: IntArray  # column a's explicit entries are ex_ptr[a]:ex_ptr[a+1]
    red_flag: BoolArray  # per finding: group red_flag or named present by a rule
    informative: BoolArray  # per finding: at least one explicit likelihood
    red_flag_answers: frozenset[tuple[str, str]]  # red_flag-group answers (see compile)
    _prior_cache: dict[tuple[Sex, int], FloatArray] = field(default_factory=dict, repr=False)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def compile(cls, kb: KnowledgeBase) -> Model:
        """Compile a validated knowledge base. Cost is linear in its size; do it once.

        Raises :class:`PackError` when a probability is outside (0, 1), a finding with
        per-condition entries has no default, or the priors of some person sum to 1 or more.
        """
        condition_ids = tuple(kb.conditions)
        cindex = {cid: i for i, cid in enumerate(condition_ids)}
        finding_ids = tuple(kb.findings)
        starts: list[int] = []
        counts: list[int] = []
        answer_ids: list[str] = []
        answer_finding: list[int] = []
        default: list[float] = []
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        rule_present = {f for r in kb.red_flags for f, present in rule_findings(r.when) if present}
        problems = _probability_problems(kb)
        forced: dict[str, dict[str, float]] = {}
        for cid, cond in kb.conditions.items():
            for fid in cond.only_when:
                forced.setdefault(fid, {})[cid] = ONLY_WHEN_P
            for fid in cond.never_when:
                forced.setdefault(fid, {})[cid] = NEVER_WHEN_P

        for fi, fid in enumerate(finding_ids):
            fnd = kb.findings[fid]
            answers = fnd.answers
            start = len(answer_ids)
            starts.append(start)
            counts.append(len(answers))
            answer_ids.extend(answers)
            answer_finding.extend([fi] * len(answers))
            table = kb.likelihoods.get(fid)
            explicit: dict[str, float | dict[str, float]] = {}
            if table is None or table.default is None:
                default.extend([1.0 / len(answers)] * len(answers))
            else:
                default.extend(_distribution(fnd, table.default.p))
            if table is not None:
                explicit = {cid: lk.p for cid, lk in table.conditions.items()}
            for cid, p_forced in forced.get(fid, {}).items():
                explicit.setdefault(cid, p_forced)
            for cid, p in explicit.items():
                for k, value in enumerate(_distribution(fnd, p)):
                    rows.append(cindex[cid])
                    cols.append(start + k)
                    vals.append(value)

        if problems:
            raise PackError("the knowledge base cannot be compiled", problems)
        order = np.lexsort((np.asarray(rows), np.asarray(cols))) if cols else np.array([], int)
        ex_rows = np.asarray(rows, dtype=np.int64)[order]
        ex_cols = np.asarray(cols, dtype=np.int64)[order]
        ex_p = np.asarray(vals, dtype=np.float64)[order]
        n_answers = len(answer_ids)
        ex_ptr = np.zeros(n_answers + 1, dtype=np.int64)
        np.cumsum(np.bincount(ex_cols, minlength=n_answers), out=ex_ptr[1:])
        informative = np.zeros(len(finding_ids), dtype=bool)
        informative[np.asarray(answer_finding, dtype=np.int64)[ex_cols]] = True
        red_flag = np.array(
            [
                kb.findings[f].group is FindingGroup.RED_FLAG or f in rule_present
                for f in finding_ids
            ],
            dtype=bool,
        )
        # Red-flag *answers* (for cautious triage): "present" for findings of the red_flag
        # group, and the options that rules name for such findings. Risk factors and durations
        # that rules also name (steroids, osteoporosis, pain duration) are context, not alarms.
        flag_group = {f for f in finding_ids if kb.findings[f].group is FindingGroup.RED_FLAG}
        flag_answers = {
            (f, "present") for f in flag_group if kb.findings[f].type is FindingType.YES_NO
        }
        for rule in kb.red_flags:
            flag_answers |= {(f, v) for f, v in _rule_answers(rule.when) if f in flag_group}
        return cls(
            kb=kb,
            condition_ids=condition_ids,
            finding_ids=finding_ids,
            answer_start=np.asarray(starts, dtype=np.int64),
            answer_count=np.asarray(counts, dtype=np.int64),
            answer_ids=tuple(answer_ids),
            answer_finding=np.asarray(answer_finding, dtype=np.int64),
            default=np.asarray(default, dtype=np.float64),
            ex_rows=ex_rows,
            ex_cols=ex_cols,
            ex_p=ex_p,
            ex_ptr=ex_ptr,
            red_flag=red_flag,
            informative=informative,
            red_flag_answers=frozenset(flag_answers),
        )

    # -- indices ------------------------------------------------------------------------
    @cached_property
    def finding_index(self) -> dict[str, int]:
        return {fid: i for i, fid in enumerate(self.finding_ids)}

    @cached_property
    def condition_index(self) -> dict[str, int]:
        return {cid: i for i, cid in enumerate(self.condition_ids)}

    @cached_property
    def ids(self) -> tuple[str, ...]:
        """Condition ids followed by ``other_cause``: the index space of every posterior."""
        return (*self.condition_ids, OTHER_CAUSE)

    @cached_property
    def rules(self) -> CompiledRules:
        """The red-flag rules compiled against the answer columns (built on first use)."""
        findings = {f: self.kb.findings[f].answers for f in self.finding_ids}
        return CompiledRules(self.kb.red_flags, findings)

    @cached_property
    def rules_started_by(self) -> dict[str, tuple[int, ...]]:
        """Per finding of the ``red_flag`` group: the rules (indices into ``rules.rules``) that
        name it as present, so that a warning sign said can be followed up (selection 3c)."""
        out: dict[str, list[int]] = {}
        for j, rule in enumerate(self.kb.red_flags):
            for fid, present in rule_findings(rule.when):
                fnd = self.kb.findings.get(fid)
                if present and fnd is not None and fnd.group is FindingGroup.RED_FLAG:
                    out.setdefault(fid, []).append(j)
        return {fid: tuple(dict.fromkeys(js)) for fid, js in out.items()}

    @cached_property
    def ex_gap(self) -> FloatArray:
        """Per explicit entry: p - d, d the default of its column (for the information gain)."""
        out: FloatArray = self.ex_p - self.default[self.ex_cols]
        return out

    @cached_property
    def ex_entropy_gap(self) -> FloatArray:
        """Per explicit entry: p log p - d log d, d the default of its column."""
        d_e = self.default[self.ex_cols]
        out: FloatArray = self.ex_p * np.log(self.ex_p) - d_e * np.log(d_e)
        return out

    @cached_property
    def default_entropy(self) -> FloatArray:
        """Per column: d log d of its default d."""
        out: FloatArray = self.default * np.log(self.default)
        return out

    @cached_property
    def age_month_findings(self) -> dict[str, tuple[int, int]]:
        """Findings set from a baby's age in months (``age_months``), with their month range."""
        return {f.id: f.age_months for f in self.kb.findings.values() if f.age_months}

    @cached_property
    def demographics(self) -> FindingDemographics:
        fnds = [self.kb.findings[f] for f in self.finding_ids]
        codes = {None: 0, Sex.FEMALE: 1, Sex.MALE: 2}
        prereq: dict[int, RuleExpr] = {}
        for i, f in enumerate(fnds):
            app = f.applies_to
            parts: list[RuleExpr] = [*([f.parent] if f.parent is not None else []), *app.requires]
            if app.requires_any:
                parts.append(RuleAny(any=list(app.requires_any)))
            if f.ask_if is not None:
                parts.append(f.ask_if)
            if parts:
                prereq[i] = RuleAll(all=parts)
        return FindingDemographics(
            sex=np.array([codes[f.applies_to.sex] for f in fnds], dtype=np.int64),
            min_age=np.array([f.applies_to.min_age for f in fnds], dtype=np.int64),
            max_age=np.array([f.applies_to.max_age for f in fnds], dtype=np.int64),
            askable=np.array([f.askable for f in fnds], dtype=bool),
            with_prerequisites=np.array(sorted(prereq), dtype=np.int64),
            prerequisites=CompiledExpressions(
                [prereq[i] for i in sorted(prereq)],
                {f: self.kb.findings[f].answers for f in self.finding_ids},
            ),
        )

    def prepare(self) -> Model:
        """Build every table that is otherwise built on first use (compiled rules and
        prerequisites, lookups), so that a server pays for them once before it forks its
        workers rather than in each worker's first requests."""
        for name, attr in vars(Model).items():
            if isinstance(attr, cached_property):
                getattr(self, name)
        return self

    @property
    def n_conditions(self) -> int:
        return len(self.condition_ids)

    def column(self, finding_id: str, value: str) -> int | None:
        """Answer column of (finding, value); None for ``unknown``.

        Raises :class:`UnknownFindingError` for an unknown finding or answer.
        """
        fi = self.finding_index.get(finding_id)
        if fi is None:
            raise UnknownFindingError(f"unknown finding id {finding_id!r}")
        if value == "unknown":
            return None
        start, count = int(self.answer_start[fi]), int(self.answer_count[fi])
        for k in range(count):
            if self.answer_ids[start + k] == value:
                return start + k
        allowed = ", ".join((*self.answer_ids[start : start + count], "unknown"))
        raise UnknownFindingError(
            f"finding {finding_id!r} has no answer {value!r} (expected one of: {allowed})"
        )

    def log_likelihood_column(self, col: int) -> FloatArray:
        """log P(answer col | cause) for every condition and ``other_cause`` (length C + 1)."""
        out = np.full(self.n_conditions + 1, np.log(self.default[col]))
        lo, hi = self.ex_ptr[col], self.ex_ptr[col + 1]
        out[self.ex_rows[lo:hi]] = np.log(self.ex_p[lo:hi])
        return out

    # -- evidence -----------------------------------------------------------------------
    def normalise_evidence(self, evidence: Mapping[str, str]) -> dict[str, str]:
        """Validated copy of ``evidence`` (finding id -> present/absent/unknown/option id).

        Raises :class:`UnknownFindingError` on an unknown id or answer.
        """
        out: dict[str, str] = {}
        for fid, value in evidence.items():
            self.column(fid, value)
            out[fid] = value
        return out

    def merge_evidence(self, items: list[tuple[str, str]]) -> dict[str, str]:
        """Evidence from (finding, value) pairs; the same finding twice must agree.

        Raises :class:`ConflictingEvidenceError` when a finding is given two different answers.
        """
        out: dict[str, str] = {}
        for fid, value in items:
            self.column(fid, value)
            if fid in out and out[fid] != value:
                raise ConflictingEvidenceError(
                    f"finding {fid!r} is given twice with different answers"
                    f" ({out[fid]!r} and {value!r})"
                )
            out[fid] = value
        return out

    # -- priors and posterior -------------------------------------------------------------
    def log_prior(self, sex: Sex, age: int) -> FloatArray:
        """log prior over conditions + other cause for this person (-inf: not applicable).

        A condition's prior is the probability that its band's rate yields a new presentation
        within :data:`WINDOW_DAYS`; ``other_cause`` (none of the listed conditions) is the rest.
        """
        key = (sex, age)
        cached = self._prior_cache.get(key)
        if cached is not None:
            return cached
        prior = np.zeros(self.n_conditions + 1)
        for i, cid in enumerate(self.condition_ids):
            prior[i] = _prior_for(self.kb.conditions[cid], sex, age)
        prior[-1] = 1.0 - prior[:-1].sum()
        with np.errstate(divide="ignore"):
            logp = np.log(prior)
        logp.setflags(write=False)
        if len(self._prior_cache) < 1024:
            self._prior_cache[key] = logp
        return logp

    def posterior(self, sex: str | Sex, age: int, evidence: Mapping[str, str]) -> Posterior:
        """P(condition | sex, age, evidence), conditions then ``other_cause``; sums to 1.

        Naive Bayes in log space: log prior + sum of log P(answer | cause) over the answered
        findings; ``unknown`` answers are skipped.
        """
        sx = parse_sex(sex)
        check_age(age)
        log_joint = self.log_prior(sx, age).copy()
        for _fid, col in self.scored(evidence):
            log_joint += self.log_likelihood_column(col)
        return Posterior(self.ids, _normalise(log_joint), log_joint)

    # -- hierarchy ----------------------------------------------------------------------
    @cached_property
    def parent_of(self) -> dict[str, str]:
        """Finding id -> its parent (only findings that declare one)."""
        return {f: fnd.parent for f, fnd in self.kb.findings.items() if fnd.parent is not None}

    @cached_property
    def children_of(self) -> dict[str, tuple[str, ...]]:
        """Finding id -> the findings that declare it as parent."""
        out: dict[str, list[str]] = {}
        for child, parent in self.parent_of.items():
            out.setdefault(parent, []).append(child)
        return {k: tuple(v) for k, v in out.items()}

    def closure(self, evidence: Mapping[str, str]) -> dict[str, str]:
        """``evidence`` completed by the hierarchy: a present finding (or any answer of a
        choice finding) makes its unanswered parent present, up the chain; an absent finding
        makes its unanswered yes/no descendants absent (choice descendants stay unanswered).
        Answers given are never overwritten: a child said present under a parent said absent
        (free text, API) stays present for the rules but carries no evidence (:meth:`scored`
        needs the whole chain present), so a later answer can never change earlier ones."""
        out = dict(evidence)
        stack = [f for f, v in evidence.items() if v not in ("absent", "unknown")]
        while stack:
            fid = stack.pop()
            up = self.parent_of.get(fid)
            if up is not None and out.get(up, "unknown") == "unknown":
                out[up] = "present"
                stack.append(up)
        stack = [f for f, v in out.items() if v == "absent"]
        while stack:
            for child in self.children_of.get(stack.pop(), ()):
                yes_no = self.kb.findings[child].type is FindingType.YES_NO
                if yes_no and out.get(child, "unknown") == "unknown":
                    out[child] = "absent"
                    stack.append(child)
        return out

    def scored(self, evidence: Mapping[str, str]) -> list[tuple[str, int]]:
        """(finding, answer column) pairs that carry evidence, from :meth:`closure`: a
        finding with a parent counts only when the parent is present (its likelihoods are
        conditional on that, up the chain). Raises :class:`UnknownFindingError` on an unknown
        id or answer."""
        full = self.closure(evidence)
        out: list[tuple[str, int]] = []
        for fid, value in full.items():
            col = self.column(fid, value)
            if col is not None and self.chain_present(fid, full):
                out.append((fid, col))
        return out

    def chain_present(self, finding_id: str, full: Mapping[str, str]) -> bool:
        """True when every ancestor of ``finding_id`` is present in ``full`` (a closure)."""
        parent = self.parent_of.get(finding_id)
        while parent is not None:
            if full.get(parent) != "present":
                return False
            parent = self.parent_of.get(parent)
        return True


def _rule_answers(expr: RuleExpr) -> set[tuple[str, str]]:
    """(finding, value) pairs that a rule needs: ``present`` for bare ids, listed options."""
    if isinstance(expr, str):
        return {(expr, "present")}
    if isinstance(expr, RuleAnswer):
        return {(expr.finding, v) for v in expr.in_}
    if isinstance(expr, RuleAll | RuleAny):
        subs = expr.all if isinstance(expr, RuleAll) else expr.any
        out: set[tuple[str, str]] = set()
        for sub in subs:
            out |= _rule_answers(sub)
        return out
    return set()


def _normalise(log_joint: FloatArray) -> FloatArray:
    finite = np.isfinite(log_joint)
    out = np.zeros_like(log_joint)
    if finite.any():
        top = log_joint[finite].max()
        out[finite] = np.exp(log_joint[finite] - top)
        out /= out.sum()
    return out


def _distribution(fnd: Finding, p: float | dict[str, float]) -> list[float]:
    """Answer probabilities in column order, normalised (choice findings) or [p, 1-p]."""
    if fnd.type is FindingType.YES_NO:
        value = float(p) if not isinstance(p, dict) else 0.5
        return [value, 1.0 - value]
    assert isinstance(p, dict)
    raw = [float(p.get(o.id, 1e-6)) for o in fnd.options]
    total = sum(raw)
    return [v / total for v in raw]


def _prior_for(cond: Condition, sex: Sex, age: int) -> float:
    """P(a new presentation within the window) for this person; 0 when not applicable."""
    if not cond.applies_to.admits(sex, age):
        return 0.0
    for band in cond.prior:
        if (band.sex is None or band.sex == sex) and band.ages[0] <= age <= band.ages[1]:
            return rate_to_probability(band.rate)
    return 0.0


def _probability_problems(kb: KnowledgeBase) -> list[str]:
    """Every probability outside (0, 1), missing default, or prior sum >= 1, named."""
    out: list[str] = []

    def check(where: str, p: float | dict[str, float]) -> None:
        values = p.values() if isinstance(p, dict) else [p]
        for value in values:
            if not 0.0 < float(value) < 1.0:
                out.append(f"{where}: probability {value} is outside (0, 1)")

    for fid, table in kb.likelihoods.items():
        if table.default is None:
            if table.conditions:
                out.append(f"finding {fid!r}: no default (its defining pack must state one)")
        else:
            check(f"finding {fid!r} default", table.default.p)
        for cid, lk in table.conditions.items():
            check(f"finding {fid!r}, condition {cid!r}", lk.p)
    edges = {MIN_AGE}
    for cond in kb.conditions.values():
        edges |= {cond.applies_to.min_age, cond.applies_to.max_age + 1}
        edges |= {e for band in cond.prior for e in (band.ages[0], band.ages[1] + 1)}
    ages = sorted(a for a in edges if MIN_AGE <= a <= MAX_AGE)
    for sex in Sex:
        for age in ages:
            total = sum(_prior_for(c, sex, age) for c in kb.conditions.values())
            if total >= 1.0:
                out.append(f"priors for {sex.value} aged {age} sum to {total:.3f} (must be < 1)")
                break
    return out
