"""One knowledge base composed of packs: ids are global, a finding is defined once and shared."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from symptomatic.errors import PackError
from symptomatic.kb.schema import (
    Audience,
    BodySystem,
    CareLevel,
    Compound,
    Condition,
    Finding,
    FindingLikelihoods,
    LevelText,
    Pack,
    PackMeta,
    RedFlagRule,
    Reference,
    RuleAll,
    RuleAnswer,
    RuleAny,
    RuleExpr,
    RuleNot,
    Scope,
    Screen,
    WarningSignsText,
)


@dataclass(frozen=True)
class PackInfo:
    id: str
    name: str
    version: str
    review_status: str


@dataclass(frozen=True)
class KnowledgeBase:
    """Packs merged into one id space.

    ``likelihoods`` maps a finding id to its merged table: the default stated by the pack
    that defines the finding (no other pack may state one), and per-condition entries from
    every pack.
    ``origin`` maps every id (condition, finding, rule) to the id of the pack defining it.
    ``systems`` maps a body-system id to its words and the findings its denial denies;
    ``denials`` a finding id to words that say it is absent ("apyrexial"); ``parts`` a part
    id to its words, and ``compounds`` the findings stated by parts said together.
    """

    packs: tuple[PackInfo, ...]
    conditions: dict[str, Condition]
    findings: dict[str, Finding]
    likelihoods: dict[str, FindingLikelihoods]
    red_flags: tuple[RedFlagRule, ...]
    references: dict[str, Reference]
    origin: dict[str, str] = field(default_factory=dict)
    screens: tuple[Screen, ...] = ()
    # pack id -> what it covers (only packs that declare a scope)
    scopes: dict[str, Scope] = field(default_factory=dict)
    #: pack id -> its pack.yaml metadata (wording per care level, references, ...)
    metas: dict[str, PackMeta] = field(default_factory=dict)
    # pack id -> the reference ids visible to it (its own plus its dependencies')
    visible_refs: dict[str, frozenset[str]] = field(default_factory=dict)
    systems: dict[str, BodySystem] = field(default_factory=dict)
    denials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    compounds: tuple[Compound, ...] = ()
    #: finding id -> findings whose phrases said inside its own phrases are not said
    hides: dict[str, frozenset[str]] = field(default_factory=dict)
    #: audience -> care level -> wording spoken to them (the first pack stating it, in load
    #: order, so dependencies such as ``core`` first)
    advice_for: dict[Audience, dict[CareLevel, LevelText]] = field(default_factory=dict)
    #: The wording of the questions asking a focus condition's warning signs (the first pack
    #: stating it, in load order)
    warning_signs_question: WarningSignsText | None = None

    @property
    def pack_versions(self) -> dict[str, str]:
        """Pack id -> version, for reproducible results."""
        return {p.id: p.version for p in self.packs}

    def finding(self, finding_id: str) -> Finding:
        return self.findings[finding_id]

    def covers_age(self, age: int) -> bool:
        """True when some loaded pack's scope covers this age (or no pack declares a scope)."""
        if not self.scopes:
            return True
        return any(s.min_age <= age <= s.max_age for s in self.scopes.values())

    def spoken_to(self, for_whom: str, level: CareLevel) -> LevelText | None:
        """The wording of ``level`` for a check about a child or another person (None for
        ``self``, or when no pack words it for that audience)."""
        if for_whom not in tuple(Audience):
            return None
        return self.advice_for.get(Audience(for_whom), {}).get(level)

    def complaints_for(self, age: int) -> frozenset[str]:
        """Entry complaints covered for a person of this age (a pack written for adults does
        not cover a child's back pain)."""
        return frozenset(
            c for s in self.scopes.values() if s.min_age <= age <= s.max_age for c in s.complaints
        )

    @property
    def ages_covered(self) -> str:
        """The ages the packs' scopes cover, in words: "16 and over", "0 to 15", "any age"."""
        ranges = sorted((s.min_age, s.max_age) for s in self.scopes.values())
        merged: list[list[int]] = []
        for low, high in ranges:
            if merged and low <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        if not merged or merged == [[0, 130]]:
            return "any age"
        return ", ".join(
            f"{low} and over" if high >= 130 else f"{low} to {high}" for low, high in merged
        )


def rule_findings(expr: RuleExpr) -> Iterator[tuple[str, bool]]:
    """Every finding a rule expression names, with True where it is needed *present*."""
    if isinstance(expr, str):
        yield expr, True
    elif isinstance(expr, RuleAll):
        for sub in expr.all:
            yield from rule_findings(sub)
    elif isinstance(expr, RuleAny):
        for sub in expr.any:
            yield from rule_findings(sub)
    elif isinstance(expr, RuleNot):
        yield expr.not_, False
    elif isinstance(expr, RuleAnswer):
        yield expr.finding, True


def compose(packs: Sequence[Pack]) -> KnowledgeBase:
    """Merge packs (dependencies first) into one :class:`KnowledgeBase`.

    Raises :class:`PackError` when two packs define the same id.
    """
    conditions: dict[str, Condition] = {}
    findings: dict[str, Finding] = {}
    likelihoods: dict[str, FindingLikelihoods] = {}
    rules: list[RedFlagRule] = []
    screens: list[Screen] = []
    scopes: dict[str, Scope] = {}
    advice_for: dict[Audience, dict[CareLevel, LevelText]] = {}
    references: dict[str, Reference] = {}
    origin: dict[str, str] = {}
    visible: dict[str, frozenset[str]] = {}
    systems: dict[str, BodySystem] = {}
    denials: dict[str, tuple[str, ...]] = {}
    parts: dict[str, tuple[str, ...]] = {}
    compounds: list[Compound] = []
    hides: dict[str, frozenset[str]] = {}
    signs_question: WarningSignsText | None = None
    problems: list[str] = []

    def claim(kind: str, ident: str, pack_id: str) -> bool:
        key = f"{kind}:{ident}"
        if key in origin:
            problems.append(
                f"{pack_id}: {kind} {ident!r} is already defined by pack {origin[key]!r}"
            )
            return False
        origin[key] = pack_id
        return True

    for pack in packs:
        pid = pack.meta.id
        own = set(pack.meta.references)
        for dep in pack.meta.depends:
            own |= visible.get(dep, frozenset())
        visible[pid] = frozenset(own)
        for ref_id, ref in pack.meta.references.items():
            if ref_id in references and references[ref_id] != ref:
                problems.append(
                    f"{pid}: pack.yaml: references.{ref_id}: id already used for another citation"
                )
            references[ref_id] = ref
        for cond in pack.conditions:
            if claim("condition", cond.id, pid):
                conditions[cond.id] = cond
        for fnd in pack.findings:
            if claim("finding", fnd.id, pid):
                findings[fnd.id] = fnd
        for i, table in enumerate(pack.likelihoods):
            origin.setdefault(f"likelihoods:{table.finding}:{i}", pid)
            owner = origin.get(f"finding:{table.finding}")
            if table.default is not None and owner is not None and owner != pid:
                problems.append(
                    f"{pid}: likelihoods.yaml: likelihoods[{i}]: finding {table.finding!r}:"
                    f" only its defining pack {owner!r} states its default"
                )
            if table.finding in likelihoods:
                prev = likelihoods[table.finding]
                clash = set(prev.conditions) & set(table.conditions)
                if clash:
                    problems.append(
                        f"{pid}: likelihoods.yaml: likelihoods[{i}]: finding {table.finding!r}"
                        f" gives conditions already given elsewhere: {sorted(clash)}"
                    )
                merged = {**prev.conditions, **table.conditions}
                likelihoods[table.finding] = prev.model_copy(
                    update={"conditions": merged, "default": prev.default or table.default}
                )
            else:
                likelihoods[table.finding] = table
            for cid in table.conditions:
                origin[f"likelihood:{table.finding}:{cid}"] = pid
            if table.default is not None:
                origin.setdefault(f"likelihood_default:{table.finding}", pid)
        for rule in pack.red_flags:
            if claim("rule", rule.id, pid):
                rules.append(rule)
        for screen in pack.screens:
            if claim("screen", screen.id, pid):
                screens.append(screen)
        if pack.meta.scope is not None:
            scopes[pid] = pack.meta.scope
        signs_question = signs_question or pack.meta.warning_signs_question
        for audience, levels in pack.meta.advice_for.items():
            for level, text in levels.items():
                advice_for.setdefault(audience, {}).setdefault(level, text)
        for fid, phrases in pack.synonyms.items():
            known = findings.get(fid)
            if known is None:
                problems.append(f"{pid}: synonyms.yaml: synonyms.{fid}: unknown finding id")
                continue
            merged_phrases = tuple(dict.fromkeys((*known.synonyms, *phrases)))
            findings[fid] = known.model_copy(update={"synonyms": merged_phrases})
        for sid, system in pack.systems.items():
            unknown = [fid for fid in system.findings if fid not in findings]
            if unknown:
                problems.append(f"{pid}: synonyms.yaml: systems.{sid}: unknown findings {unknown}")
            elif sid in systems:  # a later pack widens a system: more words, more findings
                widened = systems[sid]
                systems[sid] = BodySystem(
                    phrases=list(dict.fromkeys([*widened.phrases, *system.phrases])),
                    findings=list(dict.fromkeys([*widened.findings, *system.findings])),
                )
            else:
                systems[sid] = system
        for fid, phrases in pack.denials.items():
            if fid not in findings:
                problems.append(f"{pid}: synonyms.yaml: denials.{fid}: unknown finding id")
            else:
                denials[fid] = tuple(dict.fromkeys((*denials.get(fid, ()), *phrases)))
        for part_id, phrases in pack.parts.items():
            if part_id in findings:
                problems.append(f"{pid}: synonyms.yaml: parts.{part_id}: a finding's id")
            parts[part_id] = tuple(dict.fromkeys((*parts.get(part_id, ()), *phrases)))
        for fid, hidden in pack.hides.items():
            unknown_hides = [h for h in (fid, *hidden) if h not in findings]
            if unknown_hides:
                problems.append(
                    f"{pid}: synonyms.yaml: hides.{fid}: unknown finding ids {unknown_hides}"
                )
            else:
                hides[fid] = hides.get(fid, frozenset()) | frozenset(hidden)
        for i, comp in enumerate(pack.compounds):
            where = f"{pid}: synonyms.yaml: compounds[{i}]"
            target = findings.get(comp.finding)
            unknown = [p for p in comp.parts if p not in parts and p not in findings]
            unknown += [f for f in (*comp.denied, *comp.unless) if f not in findings]
            if target is None or comp.answer not in target.answers:
                problems.append(f"{where}: unknown finding or answer {comp.finding}={comp.answer}")
            elif unknown:
                problems.append(f"{where}: unknown parts {unknown}")
            else:
                compounds.append(comp)
    if problems:
        raise PackError("packs conflict", problems)
    return KnowledgeBase(
        packs=tuple(
            PackInfo(p.meta.id, p.meta.name, p.meta.version, p.meta.review_status) for p in packs
        ),
        conditions=conditions,
        findings=findings,
        likelihoods=likelihoods,
        red_flags=tuple(
            r
            for r in rules
            if r.until_covered is None
            or not any(r.until_covered in sc.complaints for sc in scopes.values())
        ),
        references=references,
        origin=origin,
        metas={p.meta.id: p.meta for p in packs},
        visible_refs=visible,
        screens=tuple(screens),
        scopes=scopes,
        systems=systems,
        denials=denials,
        parts=parts,
        compounds=tuple(compounds),
        hides=hides,
        advice_for=advice_for,
        warning_signs_question=signs_question,
    )
