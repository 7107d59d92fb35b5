"""Who the text is about: proxy reports ("my dad ... he collapsed") versus family history.

The rule is in :mod:`symptomatic.language.subjects`: when the first current symptom is said of
another person and the writer states none of their own, the text is a proxy report and what is
said of that person is the patient's. Family history stays family history.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.language import parse
from symptomatic.language.subjects import WRITER, Person, proxy_patient, subject_of

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def ev(kb: KnowledgeBase, text: str, sex: str = "male", age: int = 70) -> dict[str, str]:
    return parse(kb, text, sex=sex, age=age, today=TODAY).to_evidence()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My dad suddenly has severe pain in his back and he collapsed",
            {"sudden_onset", "severe_pain", "low_back_pain", "fainting"},
        ),
        ("My husband has terrible back pain and he's been sick.", {"low_back_pain"}),
        ("Nana's back has been sore since she fell. She has brittle bones.", {"osteoporosis"}),
        ("He has a high temperature and pain in his back.", {"fever", "low_back_pain"}),
        ("I'm asking for my brother: he can't pee and his legs are numb.", {"urinary_retention"}),
    ],
)
def test_a_proxy_report_gives_the_patients_findings(
    kb: KnowledgeBase, text: str, expected: set[str]
) -> None:
    got = ev(kb, text)
    assert expected <= {f for f, v in got.items() if v == "present"}, got


def test_the_patients_own_history_counts_but_another_relatives_does_not(kb: KnowledgeBase) -> None:
    got = ev(kb, "My mum has back pain and a fever. She had breast cancer in 2015.", sex="female")
    assert got.get("cancer_history") == "present"
    got = ev(kb, "My dad has severe back pain. His mother had breast cancer.")
    assert got.get("low_back_pain") == "present"
    assert "cancer_history" not in got
    # the writer's own history is not the patient's
    got = ev(kb, "My wife has terrible back pain. I had breast cancer in 2019.", sex="female")
    assert "cancer_history" not in got


@pytest.mark.parametrize(
    "text",
    [
        "My mum had ovarian cancer.",
        "My mum had breast cancer.",
        "My brother had kidney stones.",
    ],
)
def test_family_history_alone_stays_family_history(kb: KnowledgeBase, text: str) -> None:
    assert ev(kb, text) == {}


def test_a_relatives_diagnosis_answers_only_family_findings(kb: KnowledgeBase) -> None:
    # "family history or features of spondyloarthritis": a relative's diagnosis counts
    assert ev(kb, "My dad has ankylosing spondylitis.") == {"spa_family_or_features": "present"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My daughter has been sick all week, and now my back aches.",
            {"low_back_pain": "present"},
        ),
        ("My husband has a fever and my back hurts.", {"low_back_pain": "present"}),
        (
            "Lower back pain for a year. My dad has a bad back too.",
            {"low_back_pain": "present", "pain_duration": "over_12w"},
        ),
    ],
)
def test_another_persons_symptoms_next_to_the_writers_are_not_the_writers(
    kb: KnowledgeBase, text: str, expected: dict[str, str]
) -> None:
    assert ev(kb, text) == expected


def test_people_named_as_objects_or_speakers_are_not_the_subject(kb: KnowledgeBase) -> None:
    got = ev(kb, "Pelvic pain and a fever after sex with a new partner, with green discharge.",
             sex="female", age=25)  # fmt: skip
    assert got.get("vaginal_discharge") == "present"
    got = ev(kb, "My husband says I've been confused today.", sex="female")
    assert got.get("sepsis_signs") == "present"


def test_subjects_and_the_proxy_rule() -> None:
    doc = spacy.blank("en").make_doc("My dad has back pain and he said my back is sore")
    dad = subject_of(doc, 3, 5)
    assert dad == Person("father", "m")
    assert subject_of(doc, 9, 10) == WRITER  # "my back" is the writer's
    # the first current symptom is the other person's and the writer has none: a proxy report
    assert proxy_patient([dad, None], [True, True], [True, True]) == dad
    assert proxy_patient([None, dad], [True, True], [True, True]) is None
    assert proxy_patient([dad, WRITER], [True, True], [True, False]) is None
    assert Person(None, "m").same_as(dad) and not Person("mother", "f").same_as(dad)


def test_the_writer_as_subject_is_the_writer_even_when_a_relative_is_named(
    kb: KnowledgeBase,
) -> None:
    got = ev(kb, "After my daughter's birth I had heavy bleeding.", sex="female", age=30)
    assert got.get("vaginal_bleeding") == "present"
    assert ev(kb, "My mum says my back pain is from sitting.").get("low_back_pain") == "present"
    # "family history" is still the family's, whoever says it
    assert "cancer_history" not in ev(kb, "I have a family history of bowel cancer.")


def test_a_speaker_is_not_the_patient(kb: KnowledgeBase) -> None:
    # "my wife said" names the speaker; "she has a fever" makes it a report about her
    got = ev(kb, "My wife said she has a fever.")
    assert got == {"fever": "present"}
    got = ev(kb, "The GP said he thinks I have a kidney infection, fever and back pain.")
    assert got.get("fever") == "present" and got.get("low_back_pain") == "present"


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Today at football he had back pain and he collapsed", "low_back_pain"),
        ("My daughter is 20. After the gym, she got a pain low in her back", "low_back_pain"),
    ],
)
def test_a_phrase_before_the_subject_is_the_subjects(
    kb: KnowledgeBase, text: str, finding: str
) -> None:
    """A phrase put before its clause's subject ("at football he ...") is said of that subject,
    so it does not make the writer the patient of a report about someone else."""
    assert ev(kb, text).get(finding) == "present"
    doc = spacy.blank("en").make_doc("Since moving the sofa I've had back pain")
    assert subject_of(doc, 0, 4) == WRITER


@pytest.mark.parametrize(
    ("text", "fid"),
    [
        ("My baby has a fever", "fever"),
        ("my baby has had a cough since Sunday", "cough"),
        ("The baby feels hot and won't settle", "fever"),
    ],
)
def test_a_baby_in_a_text_that_says_nothing_of_a_pregnancy_is_the_patient(
    kb: KnowledgeBase, text: str, fid: str
) -> None:
    """A parent's "my baby has ..." is about a baby born (the patient), not a pregnancy's baby;
    the febrile-baby rule depends on it (clinical review of the breathing-ent pack, M1)."""
    assert ev(kb, text, sex="female", age=0).get(fid) == "present"


def test_the_baby_of_a_pregnancy_stays_apart_from_the_writer() -> None:
    words = ["I'm", "30", "weeks", "pregnant", "and", "the", "baby", "has", "hiccups"]
    doc = spacy.blank("en").make_doc(" ".join(words))
    assert subject_of(doc, 8, 9) != Person("baby", None)
