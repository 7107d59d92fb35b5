"""The built-in knowledge packs (core, back-pelvic): they load, validate and cite their numbers,
cover what issue 3 asks for, and behave as a careful clinician would on key presentations."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.engine import Model
from symptomatic.engine.assessment import Assessor
from symptomatic.eval.runner import run_vignettes
from symptomatic.eval.vignettes import load_vignettes
from symptomatic.kb import (
    builtin_pack_ids,
    compose,
    load_knowledge_base,
    load_with_dependencies,
    validate,
)
from symptomatic.kb.codes import icd10_is_valid
from symptomatic.kb.knowledge import KnowledgeBase
from symptomatic.kb.schema import CareLevel, Evidence, Severity, Sex, Sourced
from symptomatic.triage import fired_rules

OWN_VIGNETTES = Path(__file__).parents[1] / "eval" / "vignettes" / "back-pelvic-own.yaml"
LEAD_VIGNETTES = Path(__file__).parents[1] / "eval" / "vignettes" / "back-pelvic-lead.yaml"

#: Issue 3, section 1: the conditions the back-pelvic pack must have (pack id -> issue wording).
REQUIRED_CONDITIONS = {
    "mechanical_lbp": "non-specific mechanical low back pain",
    "sciatica": "lumbar disc herniation with radiculopathy",
    "spinal_stenosis": "lumbar spinal stenosis",
    "degenerative_disc": "degenerative disc disease",
    "osteoporotic_fracture": "osteoporotic vertebral compression fracture",
    "spinal_metastases": "spinal metastases",
    "metastatic_cord_compression": "metastatic spinal cord compression",
    "myeloma": "multiple myeloma",
    "spinal_infection": "spinal infection",
    "cauda_equina": "cauda equina syndrome",
    "axial_spa": "axial spondyloarthritis",
    "sij_pain": "sacroiliac joint pain",
    "pregnancy_pgp": "pregnancy-related pelvic girdle pain",
    "aaa": "abdominal aortic aneurysm (incl. rupture)",
    "kidney_stone": "kidney stone",
    "pyelonephritis": "acute pyelonephritis (incl. in pregnancy)",
    "cystitis": "cystitis",
    "acute_prostatitis": "acute prostatitis",
    "chronic_prostatitis": "chronic prostatitis",
    "endometriosis": "endometriosis",
    "dysmenorrhoea": "primary dysmenorrhoea",
    "fibroids": "uterine fibroids",
    "ovarian_cyst": "ovarian cyst",
    "ovarian_torsion": "ovarian torsion",
    "pid": "pelvic inflammatory disease",
    "ectopic_pregnancy": "ectopic pregnancy",
    "cervical_cancer": "cervical cancer",
    "endometrial_cancer": "endometrial cancer",
    "ovarian_cancer": "ovarian cancer",
    "ibs": "irritable bowel syndrome",
    "diverticulitis": "diverticulitis",
    "appendicitis": "appendicitis",
}

#: Issue 3: red-flag rules needed "at least for" these (a label -> rule ids, any one suffices).
REQUIRED_RULES = {
    "cauda equina": {"cauda_equina_saddle_numbness", "cauda_equina_bladder_bowel"},
    "ruptured aneurysm": {"aaa_rupture_collapse"},
    "ectopic pregnancy": {"ectopic_pain_bleeding_faint", "early_pregnancy_pain"},
    "ovarian torsion": {"ovarian_torsion_signs"},
    "spinal infection": {"spinal_infection_risk_with_fever"},
    "spinal metastases with neurological signs": {"cancer_back_pain_neuro"},
    "spinal metastases without neurological signs": {"cancer_back_pain"},
    "sepsis": {"sepsis_signs_any_complaint"},
    "cervical cancer referral": {"postcoital_bleeding", "intermenstrual_bleeding"},
    "endometrial cancer referral": {"postmenopausal_bleeding"},
    "ovarian cancer referral": {"bloating_women_over_50", "pelvic_mass"},
    "fracture risk": {"fracture_risk_sudden_pain", "fracture_risk_back_pain"},
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


@pytest.fixture(scope="module")
def model(kb: KnowledgeBase) -> Model:
    return Model.compile(kb)


def _level(model: Model, sex: str, age: int, evidence: dict[str, str]) -> CareLevel:
    return Assessor(model).assess(sex, age, evidence).level


# -- loading and validation ------------------------------------------------------------------


def test_builtin_packs_are_listed() -> None:
    assert {"core", "back-pelvic"} <= set(builtin_pack_ids())


def test_core_pack_validates_on_its_own() -> None:
    # Alone, core's findings have no likelihoods (complaint packs give them), so only errors
    # count here.
    report = validate(compose(load_with_dependencies("core")))
    assert report.errors == []


def test_back_pelvic_validates_without_errors_or_warnings() -> None:
    report = validate(compose(load_with_dependencies("back-pelvic")))
    assert report.errors == []
    assert report.warnings == []


def test_back_pelvic_depends_on_core(kb: KnowledgeBase) -> None:
    assert kb.origin["finding:fever"] == "core"
    assert kb.origin["finding:pregnant"] == "core"
    assert kb.origin["condition:cauda_equina"] == "back-pelvic"
    assert all(p.review_status == "draft" for p in kb.packs)


# -- codes and sources -----------------------------------------------------------------------


def test_every_condition_has_a_valid_who_icd10_code(kb: KnowledgeBase) -> None:
    for cond in kb.conditions.values():
        assert cond.icd10, cond.id
        for code in cond.icd10:
            assert icd10_is_valid(code), (cond.id, code)


def _numbers(kb: KnowledgeBase) -> list[tuple[str, str, Sourced]]:
    """(pack id, where, item) for every prior, likelihood and rule."""
    out: list[tuple[str, str, Sourced]] = []
    for cid, cond in kb.conditions.items():
        for i, band in enumerate(cond.prior):
            out.append((kb.origin[f"condition:{cid}"], f"{cid}.prior[{i}]", band))
    for fid, table in kb.likelihoods.items():
        if table.default is not None:
            out.append((kb.origin[f"likelihood_default:{fid}"], f"{fid}.default", table.default))
        for cid, lk in table.conditions.items():
            out.append((kb.origin[f"likelihood:{fid}:{cid}"], f"{fid}.{cid}", lk))
    for rule in kb.red_flags:
        out.append((kb.origin[f"rule:{rule.id}"], f"rule {rule.id}", rule))
    return out


def test_every_number_and_rule_has_a_resolving_source(kb: KnowledgeBase) -> None:
    numbers = _numbers(kb)
    assert len(numbers) > 500
    for pack_id, where, item in numbers:
        if item.source is None:
            assert item.evidence is Evidence.EXPERT_ESTIMATE, where
        else:
            assert item.source in kb.visible_refs[pack_id], where
            assert len(kb.references[item.source].citation) > 20, item.source


def test_literature_is_cited_not_only_estimated(kb: KnowledgeBase) -> None:
    sourced = [item for _, _, item in _numbers(kb) if item.source is not None]
    assert len(sourced) >= 150
    used = {item.source for item in sourced}
    unused = set(kb.references) - used
    assert not unused, f"references never cited: {sorted(unused)}"


# -- coverage of the issue ---------------------------------------------------------------------


def test_required_conditions_are_present(kb: KnowledgeBase) -> None:
    missing = set(REQUIRED_CONDITIONS) - set(kb.conditions)
    assert not missing


def test_required_red_flag_rules_are_present(kb: KnowledgeBase) -> None:
    ids = {r.id for r in kb.red_flags}
    for label, wanted in REQUIRED_RULES.items():
        assert wanted & ids, label


def test_dangerous_conditions_are_critical_and_cancers_severe(kb: KnowledgeBase) -> None:
    for cid in [
        "cauda_equina",
        "aaa",
        "ectopic_pregnancy",
        "ovarian_torsion",
        "spinal_infection",
        "metastatic_cord_compression",
    ]:
        cond = kb.conditions[cid]
        assert cond.severity is Severity.CRITICAL, cid
        assert cond.care_level is CareLevel.EMERGENCY, cid
    for cid in [
        "cervical_cancer",
        "endometrial_cancer",
        "ovarian_cancer",
        "myeloma",
    ]:
        cond = kb.conditions[cid]
        assert cond.severity is Severity.SEVERE, cid
        assert cond.care_level is CareLevel.SOON, cid
    # NICE NG234: suspected spinal metastases need contact with the cancer team within 24 hours.
    assert kb.conditions["spinal_metastases"].severity is Severity.SEVERE
    assert kb.conditions["spinal_metastases"].care_level is CareLevel.URGENT
    for cid in ["ectopic_pregnancy", "pregnancy_pgp", "miscarriage", "preterm_labour"]:
        assert kb.conditions[cid].only_when == ["pregnant"], cid
    assert kb.conditions["mechanical_lbp"].care_level is CareLevel.SELF_CARE


def test_another_cause_holds_a_real_share(model: Model) -> None:
    """Priors are a population's new presentations within the window, so "none of the listed
    conditions" is most of the population; given a pain complaint it keeps a real share."""
    for sex in Sex:
        for age in (16, 25, 40, 55, 70, 90):
            assert model.posterior(sex, age, {}).of("other_cause") > 0.9, (sex, age)
            for complaint in ("low_back_pain", "pelvic_pain"):
                other = model.posterior(sex, age, {complaint: "present"}).of("other_cause")
                assert 0.03 < other < 0.5, (sex, age, complaint, other)


def test_seed_question_findings_exist(kb: KnowledgeBase) -> None:
    """The cervical-cancer seed question screens these, so they must be askable findings."""
    for fid in [
        "worsening_pain",
        "pain_duration",
        "night_pain",
        "rest_no_relief",
        "otc_no_relief",
        "postcoital_bleeding",
        "intermenstrual_bleeding",
        "postmenopausal_bleeding",
        "vaginal_discharge",
        "weight_loss",
        "fever",
        "leg_numbness_tingling",
        "leg_weakness",
        "leg_swelling",
        "screening_not_up_to_date",
        "hpv_vaccinated",
        "smoking",
    ]:
        assert fid in kb.findings, fid
        assert fid in kb.likelihoods and "cervical_cancer" in kb.likelihoods[fid].conditions, fid


def test_lay_synonyms_are_plentiful(kb: KnowledgeBase) -> None:
    words = " ".join(s for f in kb.findings.values() for s in f.synonyms)
    for lay in ["pee", "wee", "tummy", "bottom", "smear", "period", "poo", "loin"]:
        assert lay in words, lay


# -- behaviour on key presentations ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sex", "age", "evidence", "level"),
    [
        ("male", 45, {"low_back_pain": "present", "saddle_numbness": "present"}, "emergency"),
        (
            "female",
            38,
            {"low_back_pain": "present", "new_incontinence": "present"},
            "emergency",
        ),
        (
            "male",
            74,
            {"low_back_pain": "present", "sudden_onset": "present", "fainting": "present"},
            "emergency",
        ),
        (
            "female",
            28,
            {"pregnant": "present", "pelvic_pain": "present", "vaginal_bleeding": "present"},
            "emergency",
        ),
        (
            "female",
            22,
            {
                "one_sided_pelvic_pain": "present",
                "sudden_onset": "present",
                "nausea_vomiting": "present",
            },
            "emergency",
        ),
        (
            "male",
            35,
            {"low_back_pain": "present", "fever": "present", "iv_drug_use": "present"},
            "emergency",
        ),
        (
            "female",
            60,
            {
                "cancer_history": "present",
                "low_back_pain": "present",
                "leg_weakness": "present",
            },
            "emergency",
        ),
        ("female", 30, {"pelvic_pain": "present", "sepsis_signs": "present"}, "emergency"),
        ("female", 62, {"postmenopausal_bleeding": "present"}, "soon"),
        ("female", 40, {"postcoital_bleeding": "present"}, "soon"),
        (
            "female",
            58,
            {"bloating": "present", "early_satiety": "present", "pelvic_pain": "present"},
            "soon",
        ),
        ("female", 66, {"low_back_pain": "present", "cancer_history": "present"}, "soon"),
    ],
)
def test_red_flags_reach_at_least_their_level(
    model: Model, sex: str, age: int, evidence: dict[str, str], level: str
) -> None:
    from symptomatic.triage import rank

    got = _level(model, sex, age, evidence)
    assert rank(got) >= rank(CareLevel(level)), (evidence, got)


def test_simple_back_strain_stays_self_care(model: Model) -> None:
    evidence = {
        "low_back_pain": "present",
        "pain_after_strain": "present",
        "mechanical_pain": "present",
        "pain_duration": "under_1w",
        "leg_pain_below_knee": "absent",
        "fever": "absent",
        "saddle_numbness": "absent",
    }
    for sex, age in [("male", 25), ("female", 40), ("male", 55)]:
        assert _level(model, sex, age, evidence) is CareLevel.SELF_CARE, (sex, age)
        ranked = model.posterior(sex, age, evidence).ranked()
        assert ranked[0][0] == "mechanical_lbp"


def test_no_rule_fires_on_a_plain_back_strain(kb: KnowledgeBase) -> None:
    evidence = {"low_back_pain": "present", "pain_after_strain": "present"}
    assert fired_rules(kb.red_flags, evidence, Sex.MALE, 30) == ()


def test_cervical_cancer_focus_interview_screens_red_flags(model: Model) -> None:
    from symptomatic.interview import next_question, start

    state = start(model, "female", 38, {"pelvic_pain": "present"}, focus="cervical_cancer")
    q = next_question(model, state)
    assert q is not None
    asked = [i.finding_id for i in q.items] or [q.finding_id]
    assert all(f in model.kb.findings for f in asked)


def test_bleeding_after_sex_raises_cervical_cancer(model: Model) -> None:
    base = {"pelvic_pain": "present", "low_back_pain": "present"}
    before = model.posterior("female", 40, base).of("cervical_cancer")
    after = model.posterior(
        "female",
        40,
        {**base, "postcoital_bleeding": "present", "vaginal_discharge": "present"},
    ).of("cervical_cancer")
    assert after > 10 * before


# -- own vignettes as a regression suite -----------------------------------------------------


KNOWN_UNDER: set[str] = set()


@pytest.mark.slow
@pytest.mark.parametrize("path", [OWN_VIGNETTES, LEAD_VIGNETTES], ids=["own", "lead"])
def test_own_vignettes_meet_the_targets(model: Model, path: Path) -> None:
    vignettes = load_vignettes(path)
    assert len(vignettes) >= 40
    cases, summary = run_vignettes(model, vignettes)
    figures = summary.as_dict()
    assert figures["top3"] >= 0.9, figures
    assert figures["triage_acceptable"] >= 0.9, figures
    under = {c.vignette.id for c in cases if c.under_triaged}
    # Listed exactly so a new miss (or a fix) fails the test. Empty since a stuck groin hernia
    # got its own finding and rule (O306) and fever with side or groin pain in someone who
    # injects drugs became an emergency (O313).
    assert under == (KNOWN_UNDER if path == OWN_VIGNETTES else set()), under


def test_own_vignettes_cover_every_condition(kb: KnowledgeBase) -> None:
    vignettes = load_vignettes(OWN_VIGNETTES)
    covered = set()
    for v in vignettes:
        for cid, cond in kb.conditions.items():
            if any(
                code.startswith(g) or g.startswith(code)
                for code in cond.icd10
                for g in v.dx
                if len(g) >= 3
            ):
                covered.add(cid)
    assert covered == set(kb.conditions), sorted(set(kb.conditions) - covered)


def test_condition_article_slugs_exist(kb: KnowledgeBase) -> None:
    from importlib import resources

    articles = resources.files("symptomatic.library").joinpath("articles")
    for cond in kb.conditions.values():
        if cond.article is not None:
            assert articles.joinpath(f"{cond.article}.md").is_file(), (cond.id, cond.article)
