"""The shipped articles: enough of them, complete, plain language, linked to the pack."""

from __future__ import annotations

import functools
from importlib import resources

import pytest
import yaml

from symptomatic.kb import KnowledgeBase, builtin_pack_ids, load_knowledge_base, load_pack
from symptomatic.library import NOT_REVIEWED, load_library
from symptomatic.library.readability import reading_grade

REQUIRED_SLUGS = {
    "cervical-cancer-pelvic-back-pain",
    "sciatica",
    "cauda-equina-syndrome",
    "kidney-stones",
    "uti-and-pyelonephritis",
    "endometriosis",
    "period-pain",
    "pelvic-inflammatory-disease",
    "ectopic-pregnancy",
    "ovarian-cancer-symptoms",
    "postmenopausal-bleeding",
    "cervical-screening-and-hpv",
    "osteoporotic-spinal-fracture",
    "aortic-aneurysm",
    "inflammatory-back-pain",
}
MAX_GRADE = 9.0
LIBRARY = load_library()


HEART_SLUGS = {
    "chest-pain-heart-attack",
    "palpitations",
    "fainting",
    "calf-swelling-blood-clot",
    "breathless-walking-or-lying-down",
    "high-blood-pressure-reading",
    "chest-pain-children-teenagers",
    "leg-pain-when-walking",
}

#: The breathing-ent and eyes packs' libraries (issue 15): topic -> (pack, slugs).
ENT_EYE_TOPICS = {
    "breathing-ent": (
        "breathing-ent",
        {
            "child-cough-croup",
            "sore-throat-strep",
            "cough-wont-go-away",
            "cold-flu-covid",
            "child-earache-ear-infection",
            "wheeze-asthma-attack",
            "dental-abscess-swollen-face",
        },
    ),
    "eyes": (
        "eyes",
        {
            "red-painful-eye",
            "sticky-eye-conjunctivitis",
            "flashes-floaters-retinal-detachment",
            "eyelid-lump-stye-chalazion",
            "sudden-vision-loss",
            "contact-lens-red-eye-ulcer",
            "eye-injury-chemical-splash",
        },
    ),
}


#: The abdomen pack's library (issue 17): the tummy-and-bowel topic's articles, each starting
#: the check in the abdomen pack.
ABDOMEN_SLUGS = {
    "appendicitis-tummy-pain",
    "baby-vomiting",
    "tummy-bug-diarrhoea-vomiting",
    "blood-in-poo-bowel-cancer",
    "heartburn-indigestion",
    "gallstones-pain-under-right-ribs",
    "paracetamol-overdose",
    "yellow-skin-eyes-jaundice",
    "baby-crying-colic",
    "child-constipation",
}


@functools.cache
def _knowledge_base(pack: str) -> KnowledgeBase:
    """The pack an article's symptom check starts in, with its dependencies (a pack an
    article names that is not built in fails the test that asks for it)."""
    return load_knowledge_base(pack)


def _packs_of_articles() -> list[str]:
    return sorted({a.meta.symptom_check.pack for a in LIBRARY.articles})


def test_at_least_fifteen_articles_with_the_required_slugs():
    slugs = {a.slug for a in LIBRARY.articles}
    assert len(slugs) >= 15
    assert slugs >= REQUIRED_SLUGS


@pytest.mark.parametrize("article", LIBRARY.articles, ids=lambda a: a.slug)
def test_article_has_the_required_parts(article):
    body = article.body
    assert "## What to do next" in body
    assert article.meta.red_flags and article.meta.references
    assert article.meta.authors[0].name == "Symptomatic contributors"
    # Nobody is presented as a clinical reviewer until one really exists.
    assert article.meta.medical_reviewer is None
    assert article.meta.reviewer_label == NOT_REVIEWED
    cited = set(__import__("re").findall(r"\[ref:([^\]]+)\]", body))
    assert cited, "every article cites its sources in the text"
    assert cited <= {r.id for r in article.meta.references}


@pytest.mark.parametrize("article", LIBRARY.articles, ids=lambda a: a.slug)
def test_reading_grade_at_most_nine(article):
    assert reading_grade(article.body) <= MAX_GRADE


def test_cervical_cancer_article_covers_what_the_issue_asks():
    art = LIBRARY.get("cervical-cancer-pelvic-back-pain")
    assert art is not None
    body = art.body.lower()
    for needle in (
        "what is cervical cancer",
        "hpv",
        "pelvis",  # local growth to the pelvic wall
        "sacral nerve roots",
        "blood vessels",
        "bone",
        "2.4%",  # figure from the literature (SEER)
        "47%",  # spine share of bone spread (Makino 2016)
        "warning signs",
        "common harmless causes",
        "what to do next",
        "what to bring to the doctor",
        "key points",
    ):
        assert needle in body, needle
    assert art.meta.symptom_check.focus == "cervical_cancer"


@pytest.mark.parametrize("pack", _packs_of_articles())
def test_symptom_check_entries_and_related_ids_exist_in_the_pack(pack):
    """Each article's related ids and check entry exist in the pack its check starts in."""
    kb = _knowledge_base(pack)
    problems = []
    for art in LIBRARY.articles:
        meta = art.meta
        if meta.symptom_check.pack != pack:
            continue
        problems += [
            f"{art.slug}: condition {c}" for c in meta.conditions if c not in kb.conditions
        ]
        problems += [f"{art.slug}: finding {f}" for f in meta.findings if f not in kb.findings]
        entry = meta.symptom_check
        if entry.focus and entry.focus not in kb.conditions:
            problems.append(f"{art.slug}: focus {entry.focus}")
        if entry.complaint and entry.complaint not in kb.findings:
            problems.append(f"{art.slug}: complaint {entry.complaint}")
    assert not problems


def test_heart_and_circulation_topic_has_the_areas_common_questions():
    """The chest-heart pack's library: its topic lists the articles for the area's commonest
    worried questions, each starting the check in that pack."""
    arts = LIBRARY.in_topic("heart-and-circulation")
    assert {a.slug for a in arts} >= HEART_SLUGS
    for art in arts:
        assert art.meta.symptom_check.pack == "chest-heart", art.slug
        assert art.meta.conditions, art.slug


@pytest.mark.parametrize("topic", sorted(ENT_EYE_TOPICS))
def test_breathing_ent_and_eyes_topics_have_their_articles(topic):
    """Each new pack's topic lists its articles (at least six, as the issue asks), each
    starting the check in that pack and naming the conditions it is about."""
    pack, slugs = ENT_EYE_TOPICS[topic]
    arts = LIBRARY.in_topic(topic)
    assert {a.slug for a in arts} >= slugs
    assert len(slugs) >= 6
    for art in arts:
        assert art.meta.symptom_check.pack == pack, art.slug
        assert art.meta.conditions, art.slug


#: Conditions an ENT or eye article names only in passing (a sign to tell apart, not what the
#: article is about): they keep no ``article`` link. Every other condition such an article
#: names, and the pack defines, links to an article that names it.
ENT_EYE_PASSING_MENTIONS = {"anaphylaxis", "allergic_reaction"}

#: The topics whose packs link their conditions to the topic's articles (issues 15 and 17).
LINKED_TOPICS = {**ENT_EYE_TOPICS, "tummy-and-bowel": ("abdomen", ABDOMEN_SLUGS)}


@pytest.mark.parametrize("topic", sorted(LINKED_TOPICS))
def test_conditions_and_articles_link_both_ways(topic):
    """Issues 15 and 17: "the conditions link to them". Each breathing-ent, eyes and abdomen
    condition's ``article`` is a real article that names the condition; each condition those
    articles name (defined by the pack, not shared from another) links back to one of them; and
    an article's focus condition links to that very article."""
    pack, slugs = LINKED_TOPICS[topic]
    own = {c.id: c for c in load_pack(pack).conditions}
    by_slug = {a.slug: a for a in LIBRARY.articles}
    linked = {cid: c.article for cid, c in own.items() if c.article is not None}
    assert len(linked) >= len(own) * 3 // 4
    wrong = [
        f"{cid} -> {slug}"
        for cid, slug in linked.items()
        if slug not in by_slug or cid not in by_slug[slug].meta.conditions
    ]
    assert not wrong
    assert {str(s) for s in linked.values()} == slugs
    named = {str(cid) for slug in slugs for cid in by_slug[slug].meta.conditions}
    unlinked = sorted(named & set(own) - set(linked) - ENT_EYE_PASSING_MENTIONS)
    assert not unlinked
    for slug in slugs:
        focus = by_slug[slug].meta.symptom_check.focus
        if focus is not None:
            assert linked.get(str(focus)) == slug, (slug, focus)


def test_tummy_and_bowel_topic_has_the_abdomen_articles():
    """The abdomen pack's topic lists its articles (at least six, as issue 17 asks), each
    starting the check in the abdomen pack and naming the conditions it is about."""
    arts = LIBRARY.in_topic("tummy-and-bowel")
    assert {a.slug for a in arts} >= ABDOMEN_SLUGS
    assert len(ABDOMEN_SLUGS) >= 6
    for art in arts:
        assert art.meta.symptom_check.pack == "abdomen", art.slug
        assert art.meta.conditions, art.slug
        assert art.meta.common_question, art.slug


def test_abdomen_articles_send_the_emergencies_now():
    """A possible paracetamol overdose is always an emergency, even when the person feels well;
    green vomit in a baby is always an emergency, even when the baby seems well."""
    para = LIBRARY.get("paracetamol-overdose")
    assert para is not None
    body = para.body.lower()
    assert "emergency department now" in body and "feel completely well" in body
    assert "staggered" in body
    assert para.meta.symptom_check.focus == "paracetamol_overdose"
    baby = LIBRARY.get("baby-vomiting")
    assert baby is not None
    assert "green vomit in a baby is an emergency, even if the baby seems well" in baby.body.lower()


def test_topics_all_have_articles_and_common_questions_exist():
    for topic in LIBRARY.topics:
        assert LIBRARY.in_topic(topic.id), topic.id
    assert len(LIBRARY.common_questions()) >= 5


def test_for_conditions_links_check_results_to_articles():
    arts = LIBRARY.for_conditions(["cervical_cancer"])
    assert arts[0].slug in {"cervical-cancer-pelvic-back-pain", "cervical-screening-and-hpv"}


@pytest.mark.parametrize("pack", builtin_pack_ids())
def test_pack_conditions_link_to_existing_articles(pack):
    """Check results link to articles through each condition's ``article`` field."""
    slugs = {a.slug for a in LIBRARY.articles}
    node = resources.files("symptomatic.packs") / pack / "conditions.yaml"
    if not node.is_file():
        pytest.skip(f"{pack} has no conditions")
    conditions = yaml.safe_load(node.read_text(encoding="utf-8"))["conditions"]
    missing = [
        f"{c['id']} -> {c['article']}"
        for c in conditions
        if c.get("article") and c["article"] not in slugs
    ]
    assert not missing


def test_every_focus_condition_of_an_article_lists_its_warning_signs():
    """A check started from an article ("could this be X?") asks X's warning signs, so every
    condition an article focuses on names them (docs/packs.md, section 11)."""
    focused = {
        (a.meta.symptom_check.pack, a.meta.symptom_check.focus)
        for a in LIBRARY.articles
        if a.meta.symptom_check.focus is not None
    }
    assert len(focused) >= 15
    unsigned = [
        f"{pack}: {cid}"
        for pack, cid in sorted(focused, key=str)
        if not _knowledge_base(pack).conditions[str(cid)].warning_signs
    ]
    assert not unsigned
    kb = _knowledge_base("back-pelvic")
    # the cervical cancer article's warning signs are all there (the pains it starts from
    # are the complaint, asked first)
    art = LIBRARY.get("cervical-cancer-pelvic-back-pain")
    assert art is not None
    signs = set(kb.conditions["cervical_cancer"].warning_signs)
    assert set(art.meta.findings) - {"low_back_pain", "pelvic_pain"} <= signs
