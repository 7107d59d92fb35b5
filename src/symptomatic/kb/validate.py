"""Semantic checks of a composed knowledge base: what the schema alone cannot see.

Errors (``symptomatic packs check`` exits non-zero): unresolved ids, probabilities outside
(0, 1), option distributions that do not sum to 1, a number without a source, an unreachable
finding, invalid ICD-10 codes or SNOMED CT ids, conditions that no finding can tell apart.
Warnings: weaker smells (few findings for a condition, prior bands with gaps, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from symptomatic.kb.codes import icd10_is_valid, snomed_concept_problem
from symptomatic.kb.knowledge import KnowledgeBase, rule_findings
from symptomatic.kb.schema import (
    AppliesTo,
    Evidence,
    FindingGroup,
    FindingType,
    Likelihood,
    PriorBand,
    RuleAge,
    RuleAll,
    RuleAnswer,
    RuleAny,
    RuleExpr,
    RuleSex,
    ScreenGroup,
    Sex,
    Sourced,
)

OPTION_SUM_TOLERANCE = 0.01


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _source_problem(kb: KnowledgeBase, pack_id: str, item: Sourced, where: str) -> str | None:
    if item.source is None:
        if item.evidence is Evidence.EXPERT_ESTIMATE:
            return None
        return f"{where}: a number without a source (give source: REF or evidence: expert estimate)"
    if item.source not in kb.visible_refs.get(pack_id, frozenset()):
        return f"{where}: source {item.source!r} is not a reference of pack {pack_id!r}"
    return None


def _check_likelihood(
    kb: KnowledgeBase, finding_id: str, lk: Likelihood, where: str, pack_id: str
) -> list[str]:
    out: list[str] = []
    problem = _source_problem(kb, pack_id, lk, where)
    if problem:
        out.append(problem)
    fnd = kb.findings.get(finding_id)
    if fnd is None:
        return out
    if fnd.type is FindingType.YES_NO:
        if not isinstance(lk.p, float | int):
            out.append(f"{where}.p: a yes_no finding takes one number, P(present)")
        elif not 0.0 < float(lk.p) < 1.0:
            out.append(f"{where}.p: {lk.p} is outside (0, 1)")
    else:
        if not isinstance(lk.p, dict):
            out.append(f"{where}.p: a {fnd.type.value} finding takes option -> probability")
            return out
        options = set(fnd.answers)
        if set(lk.p) != options:
            out.append(
                f"{where}.p: options {sorted(lk.p)} do not match the finding's {sorted(options)}"
            )
        for opt, value in lk.p.items():
            if not 0.0 < value < 1.0:
                out.append(f"{where}.p.{opt}: {value} is outside (0, 1)")
        total = sum(lk.p.values())
        if abs(total - 1.0) > OPTION_SUM_TOLERANCE:
            out.append(f"{where}.p: option probabilities sum to {total:.3f}, not 1")
    return out


def _rule_problems(kb: KnowledgeBase, expr: RuleExpr, where: str) -> list[str]:
    out: list[str] = []
    if isinstance(expr, RuleAll | RuleAny):
        subs = expr.all if isinstance(expr, RuleAll) else expr.any
        for i, sub in enumerate(subs):
            out += _rule_problems(kb, sub, f"{where}[{i}]")
        return out
    if isinstance(expr, RuleAge | RuleSex):
        return out
    for fid, present in rule_findings(expr):
        fnd = kb.findings.get(fid)
        if fnd is None:
            out.append(f"{where}: unknown finding {fid!r}")
        elif fnd.age_months is not None and not present:
            out.append(
                f"{where}: {fid!r} is known only for a baby whose age in months was given;"
                " a rule cannot rely on it being absent (use an age range instead)"
            )
        elif isinstance(expr, RuleAnswer):
            bad = set(expr.in_) - set(fnd.answers)
            if bad:
                out.append(f"{where}: {fid!r} has no option(s) {sorted(bad)}")
        elif fnd.type is not FindingType.YES_NO:
            out.append(f"{where}: {fid!r} is a choice finding; use {{finding: ..., in: [...]}}")
    return out


def _reachable(kb: KnowledgeBase) -> set[str]:
    """Findings that can ever be asked: prerequisites resolvable, without cycles (fixpoint)."""
    reach: set[str] = set()
    changed = True
    while changed:
        changed = False
        for fid, fnd in kb.findings.items():
            if fid in reach:
                continue
            req = [*fnd.applies_to.requires, *([fnd.parent] if fnd.parent else [])]
            req_any = fnd.applies_to.requires_any
            if all(r in reach for r in req) and (not req_any or any(r in reach for r in req_any)):
                reach.add(fid)
                changed = True
    return reach


def validate(kb: KnowledgeBase) -> Report:
    """Check a composed knowledge base; returns errors and warnings, each naming file and field."""
    rep = Report()
    org = kb.origin

    for cid, cond in kb.conditions.items():
        pid = org[f"condition:{cid}"]
        where = f"{pid}/conditions.yaml: {cid}"
        for code in cond.icd10:
            if not icd10_is_valid(code):
                rep.errors.append(f"{where}.icd10: {code!r} is not a valid ICD-10 (WHO) code")
        _check_snomed(rep, where, cond.snomed)
        for i, band in enumerate(cond.prior):
            problem = _source_problem(kb, pid, band, f"{where}.prior[{i}]")
            if problem:
                rep.errors.append(problem)
        _check_prior_coverage(rep, where, cond.prior, cond.applies_to)
        for key in ("only_when", "never_when"):
            for fid in getattr(cond, key):
                target = kb.findings.get(fid)
                if target is None or target.type is not FindingType.YES_NO:
                    rep.errors.append(f"{where}.{key}: {fid!r} is not a yes/no finding")

    for fid, fnd in kb.findings.items():
        pid = org[f"finding:{fid}"]
        where = f"{pid}/findings.yaml: {fid}"
        _check_snomed(rep, where, fnd.snomed)
        for req in (*fnd.applies_to.requires, *fnd.applies_to.requires_any):
            if req not in kb.findings:
                rep.errors.append(f"{where}.applies_to.requires: unknown finding {req!r}")
        if fnd.parent is not None and fnd.parent not in kb.findings:
            rep.errors.append(f"{where}.parent: unknown finding {fnd.parent!r}")
        if _parent_cycle(kb, fid):
            rep.errors.append(f"{where}.parent: the parent chain loops back to {fid!r}")
        # a duration is read from any length of time said (language/durations.py)
        if not fnd.synonyms and fnd.askable and fnd.type is not FindingType.DURATION:
            rep.warnings.append(f"{where}.synonyms: none, so free text cannot find it")
        if fnd.ask_if is not None:
            rep.errors += _rule_problems(kb, fnd.ask_if, f"{where}.ask_if")

    _check_screens(kb, rep)
    _check_warning_signs(kb, rep)

    unreachable = set(kb.findings) - _reachable(kb)
    for fid in sorted(unreachable):
        pid = org[f"finding:{fid}"]
        rep.errors.append(
            f"{pid}/findings.yaml: {fid}.applies_to: unreachable (prerequisites can never be met)"
        )

    informative: set[str] = set()
    per_condition: dict[str, int] = dict.fromkeys(kb.conditions, 0)
    for fid, table in kb.likelihoods.items():
        pid = org.get(f"likelihood_default:{fid}", "?")
        where = f"{pid}/likelihoods.yaml: {fid}"
        if fid not in kb.findings:
            rep.errors.append(f"{where}.finding: unknown finding {fid!r}")
            continue
        if table.default is None:
            owner = org.get(f"finding:{fid}", "?")
            if table.conditions:
                rep.errors.append(
                    f"{owner}/likelihoods.yaml: {fid}.default: missing (the pack defining a"
                    " finding states P(answer | none of the listed conditions))"
                )
        else:
            rep.errors += _check_likelihood(kb, fid, table.default, f"{where}.default", pid)
        for cid, lk in table.conditions.items():
            cpid = org.get(f"likelihood:{fid}:{cid}", pid)
            cwhere = f"{cpid}/likelihoods.yaml: {fid}.conditions.{cid}"
            if cid not in kb.conditions:
                rep.errors.append(f"{cwhere}: unknown condition {cid!r}")
                continue
            rep.errors += _check_likelihood(kb, fid, lk, cwhere, cpid)
            per_condition[cid] += 1
            informative.add(fid)

    for rule in kb.red_flags:
        pid = org[f"rule:{rule.id}"]
        where = f"{pid}/red_flags.yaml: {rule.id}"
        rep.errors += _rule_problems(kb, rule.when, f"{where}.when")
        problem = _source_problem(kb, pid, rule, where)
        if problem:
            rep.errors.append(problem)
        for cid in rule.condition_ids:
            if cid not in kb.conditions:
                rep.errors.append(f"{where}.condition: unknown condition {cid!r}")
        if rule.until_covered is not None and rule.until_covered not in kb.findings:
            rep.errors.append(f"{where}.until_covered: unknown finding {rule.until_covered!r}")
        informative |= {f for f, _ in rule_findings(rule.when)}

    for fid in sorted(set(kb.findings) - informative):
        if kb.findings[fid].group is FindingGroup.COMPLAINT:
            continue  # a complaint always tells something: whether the packs cover it
        pid = org[f"finding:{fid}"]
        used_as_prereq = any(
            fid in (*f.applies_to.requires, *f.applies_to.requires_any, f.parent)
            for f in kb.findings.values()
        )
        if not used_as_prereq:
            rep.warnings.append(
                f"{pid}/findings.yaml: {fid}: no likelihood or rule uses it, so it tells nothing"
            )

    for cid, count in per_condition.items():
        if count < 3:
            pid = org[f"condition:{cid}"]
            rep.warnings.append(
                f"{pid}/likelihoods.yaml: {cid}: only {count} finding(s) tell it apart"
            )

    _check_distinguishable(kb, rep)
    return rep


def _check_screens(kb: KnowledgeBase, rep: Report) -> None:
    """Screens name known complaints and findings; scopes name known complaint findings."""
    for screen in kb.screens:
        pid = kb.origin[f"screen:{screen.id}"]
        where = f"{pid}/screens.yaml: {screen.id}"
        problem = _source_problem(kb, pid, screen, where)
        if problem:
            rep.errors.append(problem)
        for fid in screen.complaints:
            if fid not in kb.findings:
                rep.errors.append(f"{where}.complaints: unknown finding {fid!r}")
        if screen.when is not None:
            for fid, _ in rule_findings(screen.when):
                if fid not in kb.findings:
                    rep.errors.append(f"{where}.when: unknown finding {fid!r}")
        for i, item in enumerate(screen.questions):
            ids = item.findings if isinstance(item, ScreenGroup) else [item.finding]
            for fid in ids:
                if fid not in kb.findings:
                    rep.errors.append(f"{where}.questions[{i}]: unknown finding {fid!r}")
                elif kb.findings[fid].type is not FindingType.YES_NO and len(ids) > 1:
                    rep.errors.append(
                        f"{where}.questions[{i}]: {fid!r} is not yes/no, so it cannot be grouped"
                    )
    for pid, scope in kb.scopes.items():
        for fid in scope.complaints:
            if fid not in kb.findings:
                rep.errors.append(f"{pid}/pack.yaml: scope.complaints: unknown finding {fid!r}")
        if scope.min_age > scope.max_age:
            rep.errors.append(f"{pid}/pack.yaml: scope: min_age exceeds max_age")


def _check_warning_signs(kb: KnowledgeBase, rep: Report) -> None:
    """A condition's warning signs are known findings that can be asked of someone the
    condition applies to, and some pack words the question that asks them."""
    listed = False
    for cid, cond in kb.conditions.items():
        where = f"{kb.origin[f'condition:{cid}']}/conditions.yaml: {cid}.warning_signs"
        for fid in cond.warning_signs:
            listed = True
            fnd = kb.findings.get(fid)
            if fnd is None:
                rep.errors.append(f"{where}: unknown finding {fid!r}")
            elif not fnd.askable:
                rep.errors.append(f"{where}: {fid!r} is never asked (askable: false)")
            elif not _overlap(fnd.applies_to, cond.applies_to):
                rep.errors.append(
                    f"{where}: {fid!r} applies to no one the condition applies to (sex or age)"
                )
    if listed and kb.warning_signs_question is None:
        rep.errors.append(
            "pack.yaml: warning_signs_question: missing, but conditions list warning_signs"
            " (the core pack words it)"
        )


def _overlap(a: AppliesTo, b: AppliesTo) -> bool:
    """True when some person is admitted by both."""
    same_sex = a.sex is None or b.sex is None or a.sex == b.sex
    return same_sex and max(a.min_age, b.min_age) <= min(a.max_age, b.max_age)


def _check_snomed(rep: Report, where: str, sctid: str | None) -> None:
    problem = None if sctid is None else snomed_concept_problem(sctid)
    if problem is not None:
        rep.errors.append(f"{where}.snomed: {sctid!r} is not a SNOMED CT concept id ({problem})")


def _parent_cycle(kb: KnowledgeBase, fid: str) -> bool:
    seen = {fid}
    fnd = kb.findings.get(fid)
    while fnd is not None and fnd.parent is not None:
        if fnd.parent in seen:
            return True
        seen.add(fnd.parent)
        fnd = kb.findings.get(fnd.parent)
    return False


def _check_prior_coverage(
    rep: Report, where: str, bands: list[PriorBand], applies: AppliesTo
) -> None:
    sexes = [applies.sex] if applies.sex is not None else [Sex.FEMALE, Sex.MALE]
    for sex in sexes:
        gaps = [
            age
            for age in range(max(applies.min_age, 16), min(applies.max_age, 100) + 1)
            if not any(
                (b.sex is None or b.sex == sex) and b.ages[0] <= age <= b.ages[1] for b in bands
            )
        ]
        if gaps:
            rep.warnings.append(
                f"{where}.prior: no band for {sex.value} aged {gaps[0]}..{gaps[-1]}"
                " (treated as not applicable there)"
            )


def _check_distinguishable(kb: KnowledgeBase, rep: Report) -> None:
    signatures: dict[tuple[object, ...], str] = {}
    # one pass over the likelihoods (by finding id): every condition's (finding, p) entries
    entries: dict[str, list[tuple[str, object]]] = {}
    for fid, table in sorted(kb.likelihoods.items()):
        for cid, lk in table.conditions.items():
            value = lk.p if not isinstance(lk.p, dict) else tuple(sorted(lk.p.items()))
            entries.setdefault(cid, []).append((fid, value))
    for cid, cond in kb.conditions.items():
        sig_items = entries.get(cid, [])
        sig = (
            cond.applies_to.sex,
            cond.applies_to.min_age,
            cond.applies_to.max_age,
            tuple(sig_items),
        )
        if sig in signatures:
            other = signatures[sig]
            rep.errors.append(
                f"{kb.origin[f'condition:{cid}']}/likelihoods.yaml: {cid}: no finding tells it"
                f" apart from {other!r}"
            )
        else:
            signatures[sig] = cid
