"""Choosing the next question: expected information gain, red flags first, triage-aware.

For a question q with answers a and posterior pi over causes c:

    P(a)      = sum_c pi_c P(a|c)
    EIG(q)    = H(pi) - sum_a P(a) H(pi | a)
              = H(pi) + sum_a [ T1(a) + T2(a) - P(a) log P(a) ]
    T1(a)     = sum_c pi_c P(a|c) log pi_c
    T2(a)     = sum_c pi_c P(a|c) log P(a|c)

Because P(a|c) is "default d_a, except a sparse set of explicit entries", each sum is
``d_a * (sum over all c) + sum over the explicit entries of the difference``: three
``bincount`` calls over the explicit entries, O(entries + answers) per step.

In focus mode ("could this be X?") the gain is the information an answer gives about X
versus the rest, as a symmetric test (see :func:`focus_gain`), X's pack-listed warning signs
(``warning_signs`` of the condition) are all asked as protocol, and the red flags that point
towards X are screened before the other red flags.

Steps of :func:`select`:
1. candidates: applicable (demographics, prerequisites, ``ask_if``), askable, not yet answered
   or asked, and informative;
2. the complaint: when the packs declare entry complaints and none is present yet, ask which
   of them the person has (one "any of these?" question) before anything about it;
3. warning-sign screens: every applicable screen of the packs (the signs a clinician always
   asks about for a present complaint), in pack order, whatever their prior probability;
   related signs are asked together as one group question. Screens are asked even past the
   question budget: they are the protocol, not a by-product of information gain;
3b. in focus mode, the focus condition's warning signs: every applicable one not yet
   answered, as "any of these?" group questions (see :func:`focus_warning_signs`), also past
   the budget;
3c. follow-up of a warning sign said: when a sign of the ``red_flag`` group is present and a
   rule naming it would fire on one more "yes", more urgent than the rules firing now, the
   signs that would complete it are asked together (most urgent rule first), as a clinician
   follows up a positive answer before moving on; within the question budget;
4. red-flag screening: while the red-flag budget lasts, the best red-flag finding that is
   plausible (P(present) >= red_flag_min_p) and still relevant to a rule or condition;
5. otherwise the best by gain + triage_weight * expected triage change (computed exactly for
   a pool of the best candidates by gain);
6. stop at the question budget, when nothing scores min_gain, or when the leading condition
   is settled and no question could change the triage level.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from symptomatic.engine.assessment import Assessor
from symptomatic.engine.config import EngineConfig
from symptomatic.engine.model import BoolArray, FloatArray, IntArray, Model, parse_sex
from symptomatic.engine.triage_change import expected_changes
from symptomatic.kb.knowledge import rule_findings
from symptomatic.kb.schema import MAX_GROUP_ITEMS, FindingGroup, FindingType, ScreenGroup, Sex
from symptomatic.triage import Truth, evaluate
from symptomatic.triage.compiled import MAYBE, TRUE, RuleValues

#: Id of the group question that establishes the complaint (see step 2).
COMPLAINT_GROUP = "complaint"

#: Prefix of the ids of the group questions asking the focus condition's warning signs (step
#: 3b): ``warning_signs__<first item>``, so that each such question has its own id (shaped
#: like any other id: clients may rely on that).
WARNING_SIGNS_GROUP = "warning_signs__"

#: Prefix of the ids of the group questions following up a warning sign said (step 3c):
#: ``follow_up__<first item>``.
FOLLOW_UP_GROUP = "follow_up__"

#: In focus mode, a red-flag finding telling the focus condition apart by at least this many
#: bits is screened before the other red flags.
FOCUS_FLAG_BITS = 0.01


@dataclass(frozen=True)
class Selection:
    """The chosen finding (None when the interview should stop), why, and the scores seen.

    For a group question ("do you have any of these?") ``finding_id`` is the group's id and
    ``items`` the findings asked together; ``items`` is empty for a single question.
    """

    finding_id: str | None
    reason: str
    score: float = 0.0
    gain: float = 0.0
    red_flag_phase: bool = False
    items: tuple[str, ...] = ()


def _xlogx(x: FloatArray) -> FloatArray:
    out = np.zeros_like(x)
    pos = x > 0
    out[pos] = x[pos] * np.log(x[pos])
    return out


def _binary_entropy(p: FloatArray) -> FloatArray:
    q: FloatArray = np.clip(p, 0.0, 1.0)
    out: FloatArray = -(_xlogx(q) + _xlogx(1.0 - q))
    return out


def information_gain(model: Model, probs: FloatArray) -> tuple[FloatArray, FloatArray]:
    """(EIG per finding in nats, P(answer) per column) under ``probs`` (sums to 1)."""
    d = model.default
    n = len(d)
    rows, cols = model.ex_rows, model.ex_cols
    pi_r = probs[rows]
    logpi = np.zeros_like(probs)
    pos = probs > 0
    logpi[pos] = np.log(probs[pos])
    k = float(np.sum(probs * logpi))
    diff = model.ex_gap * pi_r
    p_a = d + np.bincount(cols, weights=diff, minlength=n)
    t1 = d * k + np.bincount(cols, weights=diff * logpi[rows], minlength=n)
    t2 = model.default_entropy + np.bincount(cols, weights=pi_r * model.ex_entropy_gap, minlength=n)
    per_answer = t1 + t2 - _xlogx(p_a)
    per_finding = np.add.reduceat(per_answer, model.answer_start) if n else per_answer
    eig = -k + per_finding  # H(pi) = -k
    return np.maximum(eig, 0.0), p_a


def focus_columns(
    model: Model, probs: FloatArray, focus: int, p_a: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """(P(answer | X), P(answer | the other causes, weighted by the posterior)) per column."""
    p_x = model.default.copy()
    mask = model.ex_rows == focus
    p_x[model.ex_cols[mask]] = model.ex_p[mask]
    pi_x = float(probs[focus])
    rest = max(1.0 - pi_x, 1e-12)
    p_rest: FloatArray = np.clip((p_a - pi_x * p_x) / rest, 1e-12, 1.0)
    return p_x, p_rest


def focus_gain(model: Model, probs: FloatArray, focus: int, p_a: FloatArray) -> FloatArray:
    """Information (nats) each finding gives about "condition ``focus`` or the rest?".

    Measured as if the two were equally likely (a symmetric binary test of X against the
    current mixture of the other causes): how well the question *tells X apart*, whatever
    X's probability is now. With X's own small posterior the gain of every question would
    be close to zero and a worried person's question ("could it be cervical cancer?")
    would never get the questions that answer it.
    """
    p_x, p_rest = focus_columns(model, probs, focus, p_a)
    mix = 0.5 * (p_x + p_rest)
    post_x = np.divide(0.5 * p_x, mix, out=np.zeros_like(mix), where=mix > 0)
    per_answer = mix * _binary_entropy(post_x)
    per_finding = np.add.reduceat(per_answer, model.answer_start)
    out: FloatArray = np.maximum(np.log(2.0) - per_finding, 0.0)
    return out


def applicable(model: Model, sex: Sex, age: int, evidence: Mapping[str, str]) -> BoolArray:
    """Per finding: may this person be asked it now (demographics, prerequisites, and a
    present parent for a child finding)? ``evidence`` should be :meth:`Model.closure`'d."""
    dem = model.demographics
    sex_code = 1 if sex is Sex.FEMALE else 2
    out: BoolArray = (
        dem.askable
        & ((dem.sex == 0) | (dem.sex == sex_code))
        & (dem.min_age <= age)
        & (age <= dem.max_age)
    )
    pre = dem.with_prerequisites
    if pre.size:
        truth = dem.prerequisites.truth(evidence, sex, age)
        out[pre] &= truth == TRUE
    return out


def is_warning_signs_group(group_id: str) -> bool:
    """True for the id of a group question asking a focus condition's warning signs."""
    return group_id.startswith(WARNING_SIGNS_GROUP)


def prerequisite_truth(model: Model, sex: Sex, age: int, evidence: Mapping[str, str]) -> IntArray:
    """Per finding: are its prerequisites (parent present, ``requires``, ``requires_any``,
    ``ask_if``) TRUE, FALSE or still MAYBE (:mod:`symptomatic.triage.compiled` values)?
    TRUE for a finding without prerequisites. ``evidence`` should be :meth:`Model.closure`'d."""
    dem = model.demographics
    out: IntArray = np.full(len(model.finding_ids), TRUE, dtype=np.int64)
    if dem.with_prerequisites.size:
        out[dem.with_prerequisites] = dem.prerequisites.truth(evidence, sex, age)
    return out


def _gates(model: Model, finding_id: str) -> list[str]:
    """The findings a finding's prerequisites name, in order (parent first)."""
    fnd = model.kb.findings[finding_id]
    app = fnd.applies_to
    named = [*([fnd.parent] if fnd.parent else []), *app.requires, *app.requires_any]
    if fnd.ask_if is not None:
        named += [f for f, _ in rule_findings(fnd.ask_if)]
    return list(dict.fromkeys(named))


def focus_warning_signs(
    model: Model,
    sex: Sex,
    age: int,
    evidence: Mapping[str, str],
    open_: BoolArray,
    focus: str,
) -> Selection | None:
    """Step 3b: the next question about the focus condition's ``warning_signs`` (None when
    every applicable one is answered).

    A sign that may be asked now is asked; a sign that waits for something not yet known (its
    parent, a ``requires``, the findings of its ``ask_if``) is reached through those findings,
    so that "bleeding after sex" comes after "bleeding outside a period" and "bleeding after
    the menopause" after "periods stopped". Signs whose prerequisites are false, or that do not
    apply to this sex and age, are skipped. Yes/no findings are asked together in pack order
    (in as few groups of at most :data:`MAX_GROUP_ITEMS` as may be), any other finding on its
    own.
    ``evidence`` should be :meth:`Model.closure`'d; ``open_`` marks the findings that may be
    asked now (applicable, not yet answered).
    """
    cond = model.kb.conditions.get(focus)
    if cond is None or not cond.warning_signs:
        return None
    idx = model.finding_index
    dem = model.demographics
    sex_code = 1 if sex is Sex.FEMALE else 2
    admitted = (
        dem.askable
        & ((dem.sex == 0) | (dem.sex == sex_code))
        & (dem.min_age <= age)
        & (age <= dem.max_age)
    )
    truth = prerequisite_truth(model, sex, age, evidence)
    seen: set[str] = set()

    def ways_in(fid: str) -> list[str]:
        # the findings to ask so that ``fid`` gets answered (itself, or what it waits for)
        if fid in seen or fid in evidence or fid not in idx:
            return []
        seen.add(fid)
        i = idx[fid]
        if open_[i]:
            return [fid]
        if not admitted[i] or truth[i] != MAYBE:
            return []  # never for this person, or not asked for a reason already known
        parent = model.parent_of.get(fid)
        if parent is not None and parent not in evidence:
            return ways_in(parent)  # a "no" to the parent answers the child too
        return [way for gate in _gates(model, fid) for way in ways_in(gate)]

    ask = [way for sign in cond.warning_signs for way in ways_in(sign)]
    if not ask:
        return None
    reason = f"warning signs of {focus}"
    if model.kb.findings[ask[0]].type is not FindingType.YES_NO:
        return Selection(ask[0], reason, red_flag_phase=True)
    yes_no = [f for f in ask if model.kb.findings[f].type is FindingType.YES_NO]
    groups = -(-len(yes_no) // MAX_GROUP_ITEMS)  # as few as may be, of even size
    items = tuple(yes_no[: -(-len(yes_no) // groups)])
    return _group_or_single(f"{WARNING_SIGNS_GROUP}{items[0]}", items, reason)


def protocol_question(
    model: Model,
    sex: Sex,
    age: int,
    evidence: Mapping[str, str],
    open_: BoolArray,
    complaint_open: BoolArray,
    focus: str | None = None,
) -> Selection | None:
    """Steps 2, 3 and 3b: the complaint, then the packs' warning-sign screens, then (in focus
    mode) the focus condition's warning signs (None when done).

    ``open_`` marks the findings that may be asked now (applicable, not yet answered);
    ``complaint_open`` the same with the complaints' parent (``pain``) taken as present.
    """
    kb = model.kb
    idx = model.finding_index
    complaints = [c for c in kb.complaints_for(age) if c in idx]
    # every complaint denied: nothing here is about "the pain", but a screen keyed on another
    # finding said (a fever: a heart valve problem, injecting drugs) is still asked
    denied = False
    if complaints and not any(evidence.get(c) == "present" for c in complaints):
        ask = tuple(sorted(c for c in complaints if complaint_open[idx[c]]))
        if ask:
            return _group_or_single(COMPLAINT_GROUP, ask, "the complaint")
        denied = True
    for screen in kb.screens:
        if not screen.applies_to.admits(sex, age):
            continue
        if not any(evidence.get(c) == "present" for c in screen.complaints):
            continue
        if screen.when is not None and evaluate(screen.when, evidence, sex, age) is not Truth.TRUE:
            continue
        for item in screen.questions:
            ids = item.findings if isinstance(item, ScreenGroup) else [item.finding]
            # a complaint a screen names ("tummy pain too?" when vomiting) is asked as the
            # complaint question asks it: its umbrella parent (``pain``) taken as present
            ask = tuple(
                f
                for f in ids
                if f in idx
                and (
                    open_[idx[f]]
                    or (kb.findings[f].group is FindingGroup.COMPLAINT and complaint_open[idx[f]])
                )
            )
            if ask:
                group = item.group if isinstance(item, ScreenGroup) else ask[0]
                return _group_or_single(group, ask, f"warning-sign screen {screen.id}")
    if focus is not None and not denied:
        return focus_warning_signs(model, sex, age, evidence, open_, focus)
    return None


def follow_up_question(
    model: Model,
    sex: Sex,
    age: int,
    evidence: Mapping[str, str],
    open_: BoolArray,
    rules: RuleValues,
) -> Selection | None:
    """Step 3c: follow up a warning sign said (None when there is nothing to follow up).

    A rule is followed up when a finding of the ``red_flag`` group it names is present, it is
    still undecided, it is more urgent than every rule firing now, and a "yes" to one more
    yes/no finding that may be asked now would fire it: those findings (at most
    :data:`MAX_GROUP_ITEMS`, in the rule's order) are asked together, the most urgent such
    rule first (then pack order). ``evidence`` should be :meth:`Model.closure`'d; ``open_``
    marks the findings that may be asked now.
    """
    said = [f for f, v in evidence.items() if v == "present" and f in model.rules_started_by]
    if not said:
        return None
    compiled = model.rules
    now = compiled.fired_rank(rules)
    idx = model.finding_index
    started = sorted({j for f in said for j in model.rules_started_by[f]})
    best: tuple[int, tuple[str, ...], str] | None = None
    for j in started:
        level = int(compiled.level_rank[j])
        if rules.truth[j] != MAYBE or level <= now or (best is not None and level <= best[0]):
            continue
        rule = compiled.rules[j]
        ask = tuple(
            dict.fromkeys(
                f
                for f, present in rule_findings(rule.when)
                if present
                and f in idx
                and open_[idx[f]]
                and model.kb.findings[f].type is FindingType.YES_NO
                and evaluate(rule.when, model.closure({**evidence, f: "present"}), sex, age)
                is Truth.TRUE
            )
        )[:MAX_GROUP_ITEMS]
        if ask:
            best = (level, ask, rule.id)
    if best is None:
        return None
    _, ask, rule_id = best
    return _group_or_single(f"{FOLLOW_UP_GROUP}{ask[0]}", ask, f"follow-up of {rule_id}")


def _group_or_single(group_id: str, ask: tuple[str, ...], reason: str) -> Selection:
    if len(ask) == 1:
        return Selection(ask[0], reason, red_flag_phase=True)
    return Selection(group_id, reason, red_flag_phase=True, items=ask)


def select(
    model: Model,
    sex: str,
    age: int,
    evidence: Mapping[str, str],
    asked: Collection[str] = (),
    focus: str | None = None,
    config: EngineConfig | None = None,
    assessor: Assessor | None = None,
    questions_asked: int | None = None,
) -> Selection:
    """Choose the next question for this person and evidence (see the module docstring).

    ``asked`` are the findings asked so far; ``questions_asked`` the number of questions (a
    group question counts once; defaults to ``len(asked)``).
    """
    if questions_asked is None:
        questions_asked = len(set(asked))
    cfg = config or EngineConfig()
    sx = parse_sex(sex)
    evidence = model.closure(evidence)
    asked_set = set(asked)
    # 1. candidates
    cand = applicable(model, sx, age, evidence)
    # the complaint question itself establishes the umbrella complaint (a pain location
    # implies pain), so complaints are open as if their parent were present
    parents = {model.parent_of[c] for c in model.kb.complaints_for(age) if c in model.parent_of}
    hypothesis = {**{p: "present" for p in parents if p not in evidence}, **evidence}
    complaint_open = applicable(model, sx, age, hypothesis) if parents else cand.copy()
    for fid in (*evidence, *asked_set):
        idx = model.finding_index.get(fid)
        if idx is not None:
            cand[idx] = False
            complaint_open[idx] = False
    # 2-3b. the complaint, the screens, the focus condition's warning signs: protocol, asked
    # whatever the budget or prior
    protocol = protocol_question(model, sx, age, evidence, cand, complaint_open, focus)
    if protocol is not None:
        return protocol
    covered = model.kb.complaints_for(age)
    if covered and all(evidence.get(c) == "absent" for c in covered):
        return Selection(None, "no complaint that these packs cover")
    if questions_asked >= cfg.max_questions:
        return Selection(None, "question budget reached")
    rules = model.rules.evaluate(evidence, sx, age)
    # 3c. follow up a warning sign said
    follow_up = follow_up_question(model, sx, age, evidence, cand, rules)
    if follow_up is not None:
        return follow_up
    cand &= model.informative | model.red_flag
    if not cand.any():
        return Selection(None, "no question left to ask")
    post = model.posterior(sx, age, evidence)
    probs = post.probs
    eig, p_a = information_gain(model, probs)
    focus_sign = np.zeros(len(model.finding_ids), dtype=bool)
    if focus is not None:
        fx = model.condition_index[focus]
        about_focus = focus_gain(model, probs, fx, p_a) / np.log(2.0)
        gain = about_focus + 0.05 * eig / np.log(2.0)
        # X's own warning signs: answering "present" points towards X, and tells it apart
        p_x, p_rest = focus_columns(model, probs, fx, p_a)
        first = model.answer_start
        focus_sign = (p_x[first] > p_rest[first]) & (about_focus >= FOCUS_FLAG_BITS)
    else:
        gain = eig / np.log(2.0)  # bits
    assessor = assessor or Assessor(model, cfg)
    rule_rank = model.rules.fired_rank(rules)
    current = max(rule_rank, assessor.condition_rank(probs))
    ctx = _Context(model, assessor, rules, probs, post.log_joint, p_a, current, rule_rank)
    # 4. red-flag screening
    rf_asked = sum(1 for f in asked_set if model.red_flag[model.finding_index[f]])
    rf_budget = cfg.max_red_flag_questions if focus is None else cfg.max_red_flag_questions_focus
    if rf_asked < rf_budget and current < 4:
        present_p = p_a[model.answer_start]  # first column = "present" for yes/no findings
        rf = np.flatnonzero(
            cand
            & model.red_flag
            & (present_p >= cfg.red_flag_min_p)
            & _still_relevant(model, rules)
        )
        if rf.size:
            # in focus mode the focus condition's own warning signs come first; then the
            # score, then P(present), then the later finding (the order of tuples)
            score = gain[rf] + cfg.triage_weight * ctx.changes(rf)
            top = int(np.lexsort((rf, present_p[rf], score, focus_sign[rf]))[-1])
            best = int(rf[top])
            return Selection(
                model.finding_ids[best], "red-flag screening", score[top], float(gain[best]), True
            )
    # 5. best by gain + triage change, over a pool of the best by gain
    cand_idx = np.flatnonzero(cand)
    pool = cand_idx[np.argsort(-gain[cand_idx], kind="stable")[: cfg.candidate_pool]]
    best_i, best_score, best_change = -1, -1.0, 0.0
    for i, change in zip(pool.tolist(), ctx.changes(pool).tolist(), strict=True):
        score = float(gain[i]) + cfg.triage_weight * change
        if score > best_score:
            best_i, best_score, best_change = int(i), score, change
    if best_score < cfg.min_gain:
        return Selection(None, "no question would change much")
    if float(probs.max()) >= cfg.settle_probability and best_change <= 0.0:
        return Selection(None, "the leading condition is settled")
    return Selection(model.finding_ids[best_i], "most informative", best_score, float(gain[best_i]))


@dataclass(frozen=True)
class _Context:
    """What one call of :func:`select` shares between candidates."""

    model: Model
    assessor: Assessor
    rules: RuleValues  # the compiled rules evaluated for this person and evidence
    probs: FloatArray
    log_joint: FloatArray
    p_a: FloatArray
    current: int  # triage rank now
    rule_rank: int  # most urgent rank among the rules that fire now

    def changes(self, findings: IntArray) -> FloatArray:
        """Per finding in ``findings``: expected |change in triage rank| if it were answered.

        Only rules naming the finding can change when it is answered (an unanswered finding
        cannot make a fired rule false: Kleene logic), so the rules that fire now give a floor
        (see :mod:`symptomatic.engine.triage_change`).
        """
        return expected_changes(
            self.model,
            self.assessor.table,
            self.probs,
            self.log_joint,
            self.p_a,
            self.rules,
            self.current,
            self.rule_rank,
            findings,
        )


def _still_relevant(model: Model, rules: RuleValues) -> BoolArray:
    """Per finding: a red-flag finding is worth screening while some rule naming it is
    undecided, or (for red-flag findings without a rule) it has explicit likelihoods at all."""
    out: BoolArray = model.rules.undecided(rules) | (~model.rules.named & model.informative)
    return out
