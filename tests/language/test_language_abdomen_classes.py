"""Classes of misses fixed from the abdomen pack's blind parser set (blind_abd.yaml) and its
blind red-flag phrasings, each tested with new sentences (none copied from either): a place or
a kind of vomit or bleed states its parent; sudden or severe said with a tummy pain; a denial's
scope ended by a third person's verb or another person's body part; a baby named with an age
("3 week old baby boy", "Baby 6 weeks") is the patient and has that age; a compound's words
inside a supposition state nothing; a bout of diarrhoea is not a change of bowel habit; a
finding named by a negation said once for two things; diarrhoea said with a night word; lay
denials (fluids kept down, wet nappies, weight gained, a soft tummy, no blood in the sick);
and concept compounds (constant and worsening, through to the back, every drink coming back,
dark urine by its colour, HUS signs after diarrhoea, a destination said with a trip). Read
with every built-in pack, as the app reads text."""

from __future__ import annotations

import pytest
from tests.language.reading import ev, has

from symptomatic.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Epigastric pain since lunch.", {"abdominal_pain": "present"}),
        ("Aching low on the left side of my belly.", {"abdominal_pain": "present"}),
        ("A smear of blood on the loo roll this morning.", {"rectal_bleeding": "present"}),
        ("She brought up coffee grounds an hour ago.", {"black_stools_or_blood_vomit": "present"}),
        ("He keeps vomiting.", {"nausea_vomiting": "present"}),
    ],
)
def test_a_place_or_kind_states_its_parent(
    kb: KnowledgeBase, text: str, want: dict[str, str | None]
) -> None:
    got = ev(kb, text)
    assert has(got, want), got


def test_sudden_or_severe_said_with_a_tummy_pain(kb: KnowledgeBase) -> None:
    got = ev(kb, "An excruciating stomach ache hit me all of a sudden.")
    assert has(got, {"abd_pain_severe": "present", "abd_pain_sudden": "present"}), got
    back = ev(kb, "Sudden severe pain in my lower back.")
    assert not {"abd_pain_severe", "abd_pain_sudden"} & set(back), back


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Hx: no melaena, smokes 20 a day, drinks heavily.",
            {"heavy_drinking": "present", "black_stool": "absent"},
        ),
        (
            "She won't take her bottle, her tummy is swollen and tight.",
            {"swollen_tummy": "present", "poor_feeding": "present"},
        ),
    ],
)
def test_a_new_verb_or_another_persons_body_part_ends_a_denial(
    kb: KnowledgeBase, text: str, want: dict[str, str | None]
) -> None:
    got = ev(kb, text)
    assert has(got, want), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "5 week old baby girl bringing up green stuff.",
            {"vomit_green": "present", "age_under_3_months": "present"},
        ),
        ("Baby 7 weeks, crying non stop.", {"age_under_3_months": "present"}),
        ("Newborn (3 weeks) not feeding.", {"age_under_3_months": "present"}),
        # a pregnancy's baby is not a baby of that age
        ("I'm pregnant, baby 10 weeks, some spotting.", {"age_under_3_months": None}),
    ],
)
def test_a_baby_named_with_an_age_is_the_patient(
    kb: KnowledgeBase, text: str, want: dict[str, str | None]
) -> None:
    got = ev(kb, text)
    assert has(got, want), got


def test_a_compounds_words_inside_a_supposition_state_nothing(kb: KnowledgeBase) -> None:
    got = ev(kb, "What should I do if his poo goes black?")
    assert "black_stools_or_blood_vomit" not in got, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("I've had the runs since Friday.", {"diarrhoea": "present", "bowel_habit_change": None}),
        ("Watery diarrhoea for 2 months now.", {"bowel_habit_change": "present"}),
        (
            "Constipated one week, diarrhoea the next.",
            {"bowel_habit_change": "present"},
        ),
        ("My poo pattern has changed completely.", {"bowel_habit_change": "present"}),
        # a change denied is no change
        ("My bowels haven't changed.", {"bowel_habit_change": "absent"}),
    ],
)
def test_a_bout_of_diarrhoea_is_not_a_change_of_bowel_habit(
    kb: KnowledgeBase, text: str, want: dict[str, str | None]
) -> None:
    got = ev(kb, text)
    assert has(got, want), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He hasn't pooed or passed any wind since yesterday.", "present"),
        ("I'm not pooing or passing wind.", "present"),
        # a denial said after a comma stays a denial, and parts never overrule it
        ("No fever, passing wind fine.", "absent"),
        ("Not been for a poo in 3 days, still passing wind.", "absent"),
    ],
)
def test_a_finding_named_by_a_negation_said_for_two_things(
    kb: KnowledgeBase, text: str, want: str
) -> None:
    got = ev(kb, text)
    assert got.get("no_stool_or_wind") == want, got


def test_diarrhoea_said_with_a_night_word_and_night_pain_kept(kb: KnowledgeBase) -> None:
    got = ev(kb, "Loose watery poo that gets me up in the night.")
    assert has(got, {"diarrhoea": "present", "nocturnal_diarrhoea": "present"}), got
    back = ev(kb, "My lower back pain wakes me up at night.")
    assert back.get("night_pain") == "present" and "nocturnal_diarrhoea" not in back, back


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sicky all night but keeping fluids down.", {"cant_keep_fluids_down": "absent"}),
        ("Baby has plenty of wet nappies.", {"dehydration_signs": "absent"}),
        ("My son is putting on weight nicely.", {"not_gaining_weight": "absent"}),
        ("The doctor said her tummy is soft.", {"rigid_tummy": "absent"}),
        (
            "Been sick three times, no blood in the sick.",
            # nor the bottom's bleeding, nor (through their parent) a black stool
            {
                "vomit_blood": "absent",
                "vomiting": "present",
                "rectal_bleeding": None,
                "black_stools_or_blood_vomit": None,
            },
        ),
    ],
)
def test_lay_denials(kb: KnowledgeBase, text: str, want: dict[str, str | None]) -> None:
    got = ev(kb, text)
    assert has(got, want), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "My tummy ache has been constant all day and keeps getting worse.",
            {"abd_pain_constant_worsening": "present"},
        ),
        ("Stomach pain boring straight through into my back.", {"abd_pain_to_back": "present"}),
        ("Every sip of squash comes straight back up.", {"cant_keep_fluids_down": "present"}),
        ("His pee has gone a dark brown colour.", {"dark_urine": "present"}),
        (
            "After the tummy bug last week her ankles are puffy.",
            {"hus_signs": "present"},
        ),
        ("We got back from a trip to Kenya on Friday.", {"travel_abroad": "present"}),
    ],
)
def test_concepts_said_by_their_parts(
    kb: KnowledgeBase, text: str, want: dict[str, str | None]
) -> None:
    got = ev(kb, text)
    assert has(got, want), got


@pytest.mark.parametrize(
    ("text", "absent_ids"),
    [
        # tummy pain getting worse is not constant and worsening without a constant word
        ("Tummy pain that comes and goes, worse after food.", ["abd_pain_constant_worsening"]),
        # a swollen tummy with diarrhoea is not a sign of HUS; nor is feeling a bit pale
        ("My tummy is swollen and I have diarrhoea.", ["hus_signs"]),
        ("Diarrhoea since Tuesday and I look a bit tired.", ["hus_signs"]),
        # a colicky baby who screams and pulls his legs up has no episodes said
        ("My 6 week old screams for hours in the evening and pulls his legs up.",
         ["screaming_episodes"]),
    ],
)  # fmt: skip
def test_a_word_does_not_set_an_emergency_finding_it_does_not_mean(
    kb: KnowledgeBase, text: str, absent_ids: list[str]
) -> None:
    got = ev(kb, text)
    assert not set(absent_ids) & {k for k, v in got.items() if v == "present"}, got
