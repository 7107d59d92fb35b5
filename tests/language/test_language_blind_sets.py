"""The parser on blind sets 5, 6, 7, 9, 10, 11, chest, eyes, breathing-ent and abdomen
(tests/language/data/blind{5,6,7,9,10,11,_chest,_eyes,_ent,_abd}.yaml), each written by a helper
who read neither the parser, its lexicon, its tests nor the earlier sets. Each file's header
gives its writer's conventions and its first-run figures.

* Set 5, first run F1 0.769, present 0.816, denials 0.723 (recall 0.62), durations P 0.633
  R 0.588. Fixes were then made from it (denials carried down lists, dates relative to today,
  lay phrase families, the writer's stated sex, gestation opening a sentence): no longer held
  out; its floors guard the figures reached (the goals F1 0.92 and denials 0.90 were not met;
  its labels differ from earlier sets on "legs fine", bare "numbness" and "no sweats").
* Set 6, first run F1 0.794, present 0.808, denials 0.768 (recall 0.684), durations P 0.807
  R 0.807. Fixes were then made from it (crisis phrase families by parts said together,
  negation of a compound's part, 'one side' as which side, a place joined to a bodily
  function, bladder and bowels in shorthand, durations, denials in lay and note words): no
  longer held out; floors at the figures reached.
* Sets 5 and 6 again (a later helper, fixing classes of misses, never single sentences: a back
  complaint said by the back alone, denials that point back at a finding or at a place said
  fine, the time of another symptom, note shorthand, ...; see test_language_classes.py):
  set 5 F1 0.928, present 0.935, denials 0.924, durations P 0.878 R 0.929; set 6 F1 0.907,
  present 0.907, denials 0.905, durations P 0.885 R 0.947. Floors raised to these.
* Set 9, written blind on 2026-12-07 from the findings files and the conventions: first run
  F1 0.850, present 0.873 (P 0.849 R 0.898), denials 0.814 (P 0.897 R 0.745), durations P 0.833
  R 0.821. Fixes were then made from it, by class (a side said of the back, a one-sided low
  tummy pain needing a woman, bladder and bowels said normal in lay words, a time said on its
  own, measured temperatures, period pain as a low tummy pain, verb phrases denied in any
  inflection, another person's history, lay denials, brief morning stiffness, bleeding in a
  sentence about the bowels; see test_language_classes_round2.py): no longer held out. Reached
  F1 0.910, present 0.909, denials 0.913 (recall 0.907), durations P 0.851 R 0.940; floors
  there. The same fixes raised set 5 to F1 0.932 and set 6 to F1 0.916.
* The chest-heart set (blind_chest.yaml), written for that pack and read with every pack
  ("all"), first run F1 0.691, present 0.710, denials 0.667 (recall 0.622), durations P 0.528
  R 0.731. Fixes were then made from it (blood-pressure and pulse readings as numbers, the
  pack's lexicon by concept with compounds, "mins ago", a back-pain qualifier not read in a
  chest-pain text): no longer held out; floors at the figures reached (the goals F1 0.90 and
  denials 0.90 were not met). A second round fixed classes from it (test_language_chest_classes.py:
  another pack's symptoms and denials not read on a text whose complaints are all of other
  packs, a back pain's duration not given to another complaint, a sign asked with several
  complaints not read as a faint, pallor alone not a faint, "spotting" not "a spot", "not heavy"
  and "a normal colour" of the part named, reported questions, "Heart's"/"Marfan's" not a
  person, qualifiers said to make no difference): F1 0.906, present 0.913, denials 0.903,
  durations P 0.714 R 0.962, the goals met; floors there.
* A third round (test_language_classes_round3.py) fixed classes of misses found on sets 5, 6,
  9 and chest, never single sentences: a night word that is a point in time ("last night",
  "since 5am") or a phrase acting on no one ("hard to wake up") is not night pain; sleep said
  well in a sentence about energy is not a denial of it; a time that dates another finding (a
  clause going on with the one before, an event the pain does not date from, a bracketed
  aside) is not the pain's; a distant relative's illness is not a close family history; weight
  lost on purpose; an activity that did not set the pain off is not a strain; a cough that
  hurts the back with no leg said; a side said low or of another place, a side under the ribs;
  clear urine; a lump put elsewhere; counted infections; "breathing fine" (breathlessness, not
  a fight for breath); a qualifier denied after a bare word ("tightenings, not regular");
  words of the course said of something else; a body part with 's is not a person; a pain
  running below the knee; a tummy pain said high. Reached: set 5 F1 0.942, present 0.948,
  denials 0.936, durations P 0.900 R 0.953; set 6 F1 0.923, present 0.923, denials 0.921,
  durations P 0.931 R 0.947; set 9 F1 0.926, present 0.923, denials 0.932, durations P 0.887
  R 0.940; chest F1 0.905, present 0.912, denials 0.903. Floors raised to these. Read after
  it (no fix made from them, their misses not looked at): set 7 F1 0.855, present 0.877,
  denials 0.813, durations P 0.938 R 0.882; set 10 F1 0.900, present 0.905, denials 0.884,
  durations P 0.954 R 0.902. One change was undone because set 10's denials fell below their
  floor with it ("no trouble peeing" read as retention alone, as sets 5 and 6 label it).
* Set 7, HELD OUT: its first and only reading gave F1 0.820, present 0.839, denials 0.783
  (recall 0.739), durations P 0.863 R 0.863, and no fix has been made from it. Its floors are
  that first run, so that a change which makes the parser generalise worse fails here. Do not
  tune to it; when a fix is made from it, say so in its header and here, and write a new
  blind set for the next honest figure.
* Set 10, HELD OUT: written blind on 2026-12-07 while the set-9 fixes were being made, and read
  once, after them: F1 0.897, present 0.902, denials 0.882 (recall 0.848), durations P 0.943
  R 0.902 (with every pack loaded, F1 0.880). No fix has been made from it; floors at that
  first run, as for set 7.
* Set 11, written blind on 2026-12-07 (the same way as set 10, from the core and back-pelvic
  findings files and the conventions) while the third round was being made, and read once,
  after it: F1 0.904, present 0.913, denials 0.891 (recall 0.853), durations P 0.911 R 0.904
  (with every pack loaded, F1 0.875). That first run meets issue 13's "first-run F1 >= 0.90 on
  a new blind set". Floors at that first run; fixes made from it after this are recorded here.
* The eyes set (blind_eyes.yaml), written for that pack (issue 15) and read with every pack,
  first run F1 0.706, present 0.760, denials 0.601 (recall 0.495), durations P 0.722 R 0.684.
  Floors at that first run; fixes made from it are recorded here. First eyes round
  (test_language_eyes_classes.py: a qualifier states its complaint, one eye named is not
  both, denials said of the eye together, coloured discharge, grit, lid margins, clinical
  shorthand, "last night" within the day): F1 0.832, present 0.879, denials 0.766 (P 0.764
  R 0.768), durations P 0.778 R 0.737 ("vision's fine"
  kept a denial of blurring only, and a brow-ache not read back as a headache, so that eval
  vignettes do not fall; the set labels both the other way).
* A fourth round (test_language_classes_round4.py) fixed classes of misses found on set 11,
  which is no longer held out (a development set now), never single sentences: "nope"/"nah" as
  a denial; a strain named by the effort the pain dates from ("since I dug the allotment",
  "while lifting"); relief by lying down or a position denied is rest giving no relief; a bare
  swelling denied about the testicles; a place said fine after denials of its findings sums
  them up ("No tingling, legs fine"); a pain dated from a point in time said before "now";
  "since the start of the month"; a fall said with its place; organ cancers in note shorthand
  ("prostate Ca"); saddle sensation said intact; "passing urine well"; and, with every pack
  loaded, "lower back ... 99.1F" read as no blood pressure and bare chest-heart denials ("no
  weakness", "no swelling", "no leg pain", "no redness") kept out of back and pelvic texts.
  Set 11 reached F1 0.918, present 0.924, denials 0.909 (P 0.939 R 0.880), durations P 0.913
  R 0.926 (every pack: F1 0.894, present 0.898, denials 0.885): the denials goal (0.90) met,
  the F1 goal (0.92) not. Rest said to make the pain worse was left unread as rest_no_relief
  (set 5 labels it otherwise than set 11), as were the labels the set's README lists as
  disputable. Sets 5, 6, 9 and chest held or rose (5: F1 0.942; 6: 0.924; 9: 0.927; chest
  0.905); read after it, their misses not looked at: set 7 F1 0.856, present 0.877, denials
  0.814; set 10 F1 0.902, present 0.907, denials 0.887.
* A fifth round (test_language_classes_round5.py), from set 11 and the red-flag phrasings, by
  class: a pain score in words ("4 out of 10", "not the worst") and a high one in words; a
  titled name ("Mr T, 79") as the person a carer writes about; an aneurysm screen said clear
  (and a bare "aneurysm", which may be the brain's or a screen's, no longer a known AAA); a
  single infection counted; a length of time of 3 weeks or more said with a finding that needs
  it (compounds' ``lasting_days``). Set 11 reached F1 0.921, present 0.925, denials 0.913 (P
  0.940 R 0.888), durations P 0.914 R 0.934: both of issue 13's goals (F1 0.92, denials 0.90)
  met, on a set that is no longer held out. The other sets held (5: 0.943; 6: 0.925; 9:
  0.926; chest 0.907); read after it, their misses not looked at: set 7 F1 0.857, present
  0.877, denials 0.820; set 10 F1 0.902, present 0.907, denials 0.887.
* The breathing-ent set (blind_ent.yaml), written for that pack (issue 15) and read with every
  pack, first run F1 0.749, present 0.798, denials 0.657, durations P 0.871 R 0.692 (0.729, 0.773,
  0.650, P 0.806 R 0.641 on main before the round below). It was held out until then; fixes were
  made from it in the round below, so it is no longer held out (a development set, as the eyes set
  already was). An ent round (test_language_ent_classes.py), fixing classes of misses found on the
  breathing-ent and eyes sets, never single sentences: each duration finding the text's complaints
  call for dates its own complaints (a runny nose and a cough for 3 days gives both), one with no
  ask_if dating those it applies to and its own pack's or the core's, not another pack's; a time
  said on its own before "now", or of all the complaints just named ("..., all started
  yesterday"); "plus" ends a denial; in a text with no first-person word, a first symptom said of
  nobody is that of the one person every other symptom is said of; and in the packs' lexicons, by
  concept: breathing said fine is no struggle to breathe, a qualifier states its complaint (hives
  a rash, one ear's hearing loss a hearing loss, known asthma atopy, phlegm a cough), bare denials
  of an ear's pain or discharge and of a tooth's swelling in a text about it, ringing said of an
  ear, hearing lost in one ear, both or slowly, coloured phlegm, a tooth hurting with hot or cold
  things, lay denials; a discharge without an eye word is not the eye's, a severe headache is a
  headache, a lump said painless, an old eye operation is not recent. Reached: breathing-ent F1
  0.844, present 0.853, denials 0.829 (P 0.762 R 0.909), durations P 0.846 R 0.846; eyes F1 0.843,
  present 0.878, denials 0.794 (P 0.763 R 0.828), durations P 0.784 R 0.763. The goal (F1 0.90,
  denials near 0.90) was not met on either: most of what is left is labels the sets' writer chose
  by convention (findings of the other new pack read as extras, "no trouble breathing" also
  denying can't-breathe, a baby's age read as not under 3 months, both eyes labelled in some
  one-eye texts only), chest-heart's severe headache or vision sign read in eye texts (dropping it
  where an eye finding reads the same words cost the red-flag phrasings), and "vision fine" kept a
  denial of blurring only (said of the whole sight it lowers two eyes vignettes' triage). Without
  the other new pack's findings (the writer's stated scope) the figures are breathing-ent F1 0.865
  and eyes 0.855. The others held or rose: 5: 0.943; 6: 0.925; 9: 0.926; 11: 0.922 (denials
  0.915); chest 0.912 (present 0.919, denials 0.909, durations P 0.714 R 0.962); read after it,
  their misses not looked at: set 7 F1 0.857, present 0.877, denials 0.820; set 10 F1 0.903,
  present 0.907, denials 0.890.
* A second ent round (test_language_ent_classes2.py), from the breathing-ent and eyes sets (both
  no longer held out: fixes were made from them before and again here), by class, never single
  sentences: a complaint's words said after another pack's place are not that pack's ("face
  puffed up" no testicle); another pack's words inside a phrase read for the text's own pack are
  not read (red flags kept); "no better" is no denial, and a denial ends at ", and her ..." and
  at "and has"; a known condition naming the thing said fine ("COPD inhaler is helping as
  usual") is still had; a place said fine ("my eyes are fine but my ears ache") states no
  finding of it present; a pronoun's or a child's symptoms are the patient's when the writer
  states none of their own, denied ones too; a temperature of 39 or more said in words.
  Before -> after: breathing-ent F1 0.843 -> 0.852, present 0.853 -> 0.863, denials 0.827 ->
  0.835, durations P 0.846 R 0.846 (unchanged); eyes F1 0.843 -> 0.846, present 0.878 -> 0.883,
  denials 0.794 -> 0.796, durations P 0.784 R 0.763 (unchanged). The goal (F1 0.90) was not met
  on either. What is left is mostly the labels named above (chest-heart's can't-breathe denied
  by "breathing fine", a baby's age read as not under 3 months, both eyes denied when one is
  named, "vision fine" kept a denial of blurring only, as the eyes pack's synonyms say why), other
  packs' red flags read in eye and ENT words (kept: safer asked than lost) and phrasings of one
  finding each. The others held: 5: 0.943; 6: 0.925; 9: 0.927; 11: 0.921 (denials 0.915);
  chest 0.913 (present 0.920, denials 0.909); read after it, their misses not looked at: set 7
  F1 0.859, present 0.879, denials 0.820; set 10 F1 0.902, present 0.906, denials 0.889.
* A third ent round (test_language_ent_classes3.py), from the breathing-ent and eyes sets, by
  class, never single sentences, aimed at their denial precision: breathing said fine ("no
  trouble breathing", "breathing's fine") denies breathlessness, not the can't-breathe red flag
  (denied by speech said normal, as the core already read it); a compound read inside a longer
  denial of another finding is that denial's words ("no breathing" in "no breathing
  difficulty" is no can't-breathe); a baby's age said in the text sets the age band it is in,
  not the others as absent (the start form's months set those); a compound's part inside a
  denial of the finding above it ("eyes" in "no problems with my eyes") is that denial's word;
  bare denials in a text about an eyelid lump are the lump's; a sudden loss of sight is denied
  by sight lost and back again, not by a word of time alone; and in the packs' lexicons: an
  ear said bunged up, a temple headache is a headache, an eye stuck together on waking, a
  shadow over part of an eye's sight, a pupil said bigger is no growing lump, "puffier" no
  asthma puffer, lay and note denials of a TB contact and of blood-pressure tablets. Before ->
  after (every pack): breathing-ent F1 0.852 -> 0.869, present 0.861 -> 0.865, denials 0.838 ->
  0.879 (P 0.777 -> 0.841, R 0.909 -> 0.921), durations P 0.846 R 0.846 (unchanged); eyes F1
  0.850 -> 0.862, present 0.887 -> 0.897, denials 0.802 -> 0.816 (P 0.769 -> 0.794, R 0.838),
  durations P 0.784 R 0.763 (unchanged). Without the other new pack's findings (the writer's
  stated scope): breathing-ent 0.872 -> 0.889, eyes 0.863 -> 0.875. The goal (F1 0.90) was not
  met on either. Most of what is left is the sets' conventions and labels the parser keeps
  for safety: "vision fine" kept a denial of blurring only (25 eyes errors; as a denial of the
  whole sight it closes every sight question and sent two eyes vignettes' triage down), one
  eye named labelled not both eyes in most texts but not in 14, chest-heart's severe headache
  or vision and other red flags read in eye and ENT words (kept: safer asked than lost),
  history findings of the other new pack (hay fever as both atopy and an allergic tendency),
  and eye-start durations said by a point in time. The others held: 5: 0.942; 6: 0.925
  (denials 0.924: set 6 labels a 5 month old as not under 3 months); 9: 0.928; 11: 0.921;
  chest 0.913 (denials 0.912); abdomen 0.857 (denials 0.799); read after it, their misses not
  looked at: set 7 F1 0.858, present 0.877, denials 0.821; set 10 F1 0.902, present 0.906,
  denials 0.889.
* The abdomen set (blind_abd.yaml, issue 17), written blind to the synonyms by a helper who
  read only the abdomen and core findings and the abdomen id list (/work/blind-abd-parser),
  read with every pack. Findings of the other packs that list did not name are left out of its
  scores (its writer could not label them: a temperature of 39 or more, a chest pain's
  qualifiers, a back pain's duration, ...). First run: F1 0.767, present 0.786, denials 0.702,
  durations P 0.906 R 0.784 (every finding scored: F1 0.728, present 0.759, denials 0.647,
  durations P 0.744 R 0.784). Fixes were then made from it, by class
  (test_language_abdomen_classes.py: a place or a kind of vomit or bleed states its parent,
  sudden or severe said with a tummy pain, a denial's scope ended by a third person's verb or
  another person's body part, a baby named with an age is the patient and has that age, a
  compound's words in a supposition state nothing, a bout of diarrhoea is not a change of bowel
  habit, a finding named by a negation said once for two things, night diarrhoea, lay denials,
  lay words by concept): no longer held out. Reached F1 0.853, present 0.881, denials 0.788 (P
  0.793 R 0.782), durations P 0.906 R 0.784 (every finding scored: F1 0.809); floors there. The
  goal (F1 0.90) was not met: what is left is mostly the set's conventions (a baby's age read
  as not in the other age band, a lower right pain also read as a low tummy pain, "on and off"
  read as coming and going, heartburn also read as indigestion), denials of the bowels said
  normal (reading them cost other sets' denials of a change of bowel habit), a relative's own
  history, and durations said of a worsening ("worse over the last 6 hours"). The safety
  review's fixes then made "no blood" deny only what it is said of (not a bleed from the bottom
  in a text about vomit), and a testicle pain's onset date the tummy pain said with it: denials
  0.785, durations P 0.879; floors lowered to those (0.78, 0.87), a trade for safety, not a fall
  by accident. age_6_to_11_months, set from a baby's age and added after the set was written,
  is left out of its scores.
  A second abdomen round (test_language_abdomen_classes2.py), by class, never single sentences:
  whose the symptoms are (a pet's are nobody's; an adult's that the writer then denies for
  themself are no proxy report's; a spouse's own illness in a text with no symptom is the
  patient's); "on and off" read only as written, and said of weeks or months a span, not waves;
  bare cramps with loose poos or vomiting a tummy pain; a pain place said before the pain moved
  from it; the upper middle the upper tummy; a finding hiding another over the same words (in
  its own pack or the core's); blood from behind denied in words another pack reads as its
  child denies the parent, a denied kind ("no projectile vomiting") that kind only; durations
  (a whole day between two option labels, a note's "x 12 hrs", a pain "today", a compound read
  across a time not dated by it); a finding named by its own negation not denied by an earlier
  clause; "known ..." ending a denial; the bowels said normal; lay denials (mild, not confused,
  not travelled, not itchy, no yellowing, urine a normal colour); the bottom's pains, food
  stuck and redcurrant jelly stating their parents, and said painless; a stool of a normal
  colour; a small child who may have drunk a bottle of paracetamol; "bright" of a child only.
  Before -> after: F1 0.853 -> 0.917, present 0.883 -> 0.932, denials 0.785 -> 0.886 (P 0.775
  -> 0.850, R 0.796 -> 0.925), durations P 0.879 -> 0.892, R 0.784 -> 0.892: the goal (F1
  0.90) met; floors there. What is left is mostly the set's conventions (a lower right or left
  pain also read as a low tummy pain, kept so that the back-pelvic pack's conditions of the low
  tummy are weighed;
  heartburn and indigestion read for each other; a long diarrhoea read as a change of bowel
  habit; a baby's age read as not in the other age bands; weight gained read as no weight loss;
  loss of appetite read as early satiety, which the finding names; confusion or fast breathing
  also read as a sepsis sign) and a few labels that look wrong ("no rash" not labelled as a
  denial of a rash; black stools on iron tablets labelled as no black stool). The others held
  or rose: 5:
  0.942; 6: 0.925; 9: 0.929; 11: 0.922; chest 0.912 (denials 0.909); breathing-ent 0.852; eyes
  0.851; read after it, their misses not looked at: set 7 F1 0.858, set 10 0.902.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from symptomatic import packs
from symptomatic.eval.parsing import ParserScore, check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.schema import FindingType

DATA = Path(__file__).parent / "data"


def _findings_of(pack: str) -> frozenset[str]:
    """The ids of the findings a built-in pack defines (a pack written after a set was)."""
    path = Path(packs.__file__).parent / pack / "findings.yaml"
    return frozenset(f["id"] for f in yaml.safe_load(path.read_text(encoding="utf-8"))["findings"])


@dataclass(frozen=True)
class Floors:
    items: int
    f1: float
    present_f1: float
    denial_f1: float
    duration_precision: float
    duration_recall: float = 0.0
    #: the packs the set is read with ("all": every built-in pack)
    packs: tuple[str, ...] = ("back-pelvic",)
    #: findings added to the packs after the set was written: its writer could not label
    #: them, so they are left out of its scores (found or expected)
    unlabelled: frozenset[str] = frozenset()


#: The breathing-ent safety review's findings, added after the breathing-ent and eyes sets
#: were written: those sets could not label them.
ENT_REVIEW_FINDINGS = frozenset(
    [
        "seizure_or_fit",
        "bulging_fontanelle",
        "temp_39_or_more",
        "age_3_to_5_months",
        "neck_pain_stiff_swelling",
        "tongue_swelling",
    ]
)

#: The abdomen pack (issue 17) came after the chest-heart, breathing-ent and eyes sets were
#: written: they could not label its findings.
ABDOMEN_FINDINGS = _findings_of("abdomen")

#: The ids of the other packs' findings that the abdomen id list (/work/abdomen-ids.md) named,
#: which blind_abd's writer could label; the rest of those packs' findings it could not.
ABD_WRITER_NAMED = frozenset(
    [
        "black_stools_or_blood_vomit", "bloating", "blood_in_urine", "blood_thinners",
        "bowel_habit_change", "bulging_fontanelle", "cold_sweat", "dysuria", "early_satiety",
        "floppy_drowsy", "groin_lump_painful", "heartburn", "heavy_drinking", "known_af",
        "known_heart_disease", "late_period", "left_lower_abdominal_pain", "migrating_pain",
        "much_less_urine", "mucus_in_stool", "non_blanching_rash", "pain_worse_moving_coughing",
        "pale_skin", "pelvic_pain", "poor_feeding", "pulsating_abdomen", "rectal_bleeding",
        "relief_with_bowel_opening", "right_lower_abdominal_pain", "testicle_pain",
        "testicle_swelling", "vaginal_discharge", "very_fast_pulse",
    ]
)  # fmt: skip

SETS = {
    # reached: F1 0.928, present 0.935, denials 0.924, durations P 0.878 R 0.929 (round 2:
    # F1 0.932, present 0.939, denials 0.924, durations P 0.880 R 0.953)
    # (round 3: F1 0.942, present 0.948, denials 0.936, durations P 0.900 R 0.953)
    "blind5": Floors(309, 0.94, 0.945, 0.935, 0.89, 0.95),
    # reached: F1 0.907, present 0.907, denials 0.905 (recall 0.900), durations P 0.885 R 0.947
    # (round 2: F1 0.916, present 0.918, denials 0.914)
    # (round 3: F1 0.923, present 0.923, denials 0.921, durations P 0.931 R 0.947)
    "blind6": Floors(311, 0.92, 0.92, 0.92, 0.93, 0.96),
    # the first run, a little below it for rounding
    "blind7": Floors(347, 0.815, 0.835, 0.78, 0.86, 0.86),
    # reached: F1 0.910, present 0.909, denials 0.913 (recall 0.907), durations P 0.851 R 0.940
    # (round 3: F1 0.926, present 0.923, denials 0.932, durations P 0.887 R 0.940)
    "blind9": Floors(263, 0.925, 0.92, 0.93, 0.88, 0.94),
    # the first run, a little below it for rounding
    "blind10": Floors(242, 0.895, 0.90, 0.88, 0.94, 0.90),
    # first run F1 0.904, present 0.913, denials 0.891, durations P 0.911 R 0.904
    # (round 4: F1 0.918, present 0.924, denials 0.909, durations P 0.913 R 0.926)
    "blind11": Floors(314, 0.92, 0.922, 0.91, 0.91, 0.93),
    # the eyes pack's set, read with every pack; first run F1 0.706, present 0.760, denials 0.601,
    # durations P 0.722 R 0.684; first eyes round: F1 0.832, present 0.879, denials 0.766,
    # durations P 0.778 R 0.737; with breathing-ent merged: F1 0.825, present 0.866, denials
    # 0.765; ent round (test_language_ent_classes.py): F1 0.843, present 0.878, denials 0.794,
    # durations P 0.784 R 0.763; second ent round (test_language_ent_classes2.py): F1 0.846,
    # present 0.883, denials 0.796; third ent round (test_language_ent_classes3.py): F1 0.862,
    # present 0.897, denials 0.816 (P 0.794 R 0.838), durations P 0.784 R 0.763
    "blind_eyes": Floors(
        127,
        0.86,
        0.895,
        0.815,
        0.78,
        0.76,
        packs=("all",),
        unlabelled=ENT_REVIEW_FINDINGS | ABDOMEN_FINDINGS,
    ),
    # chest-heart's set, read with every pack; first run F1 0.691, present 0.710, denials 0.667,
    # durations P 0.528 R 0.731; reached (without the findings it could not label): F1 0.880,
    # present 0.896, denials 0.861, durations P 0.658 R 0.962; with the set-9 round merged:
    # F1 0.878, present 0.900, denials 0.853, durations P 0.641 R 0.962; after the second
    # chest round (test_language_chest_classes.py): F1 0.906, present 0.913, denials 0.903,
    # durations P 0.714 R 0.962; with chest words said without the chest taken out of its
    # lexicon (a heavy ache low down, worse when I move): F1 0.905, present 0.912, denials 0.901;
    # with breathing-ent loaded (its findings left out): F1 0.905, present 0.912, denials 0.903
    "blind_chest": Floors(
        204,
        0.90,
        0.91,
        0.90,
        0.71,
        0.96,
        packs=("all",),
        unlabelled=frozenset(
            [
                "passed_out",
                "slow_pulse",
                "very_fast_pulse",
                "cp_pain_now",
                "cp_crescendo",
                "cp_worst_ever_abrupt",
                # the breathing-ent pack came later: its findings (wheeze, heartburn, blue
                # lips, a cough's duration, ...) were not there to label
                *_findings_of("breathing-ent"),
                # nor the abdomen pack's (issue 17)
                *ABDOMEN_FINDINGS,
            ]
        ),
    ),
    # the abdomen pack's set (issue 17), read with every pack, without the other packs'
    # findings its writer could not label; first run F1 0.767, present 0.786, denials 0.702,
    # durations P 0.906 R 0.784; reached F1 0.853, present 0.881, denials 0.788, durations
    # P 0.906 R 0.784; after the safety review's fixes (a "no blood" denies only what it is said
    # of; a testicle pain's onset also dates the tummy pain said with it): F1 0.853, present
    # 0.883, denials 0.785, durations P 0.879 R 0.784; second abdomen round
    # (test_language_abdomen_classes2.py): F1 0.917, present 0.932, denials 0.886, durations
    # P 0.892 R 0.892
    "blind_abd": Floors(
        126,
        0.915,
        0.93,
        0.885,
        0.89,
        0.89,
        packs=("all",),
        unlabelled=(
            _findings_of("back-pelvic")
            | _findings_of("chest-heart")
            | _findings_of("breathing-ent")
            | _findings_of("eyes")
        )
        - ABD_WRITER_NAMED
        # set from a baby's age in months, added by the safety review after the set was written
        | {"age_6_to_11_months"},
    ),
    # breathing-ent's set (issue 15), written blind to its synonyms and read with every pack;
    # its first run (F1 0.749, present 0.798, denials 0.657, durations P 0.871 R 0.692)
    # with the eyes pack merged: F1 0.732, present 0.775, denials 0.653, durations P 0.839 R 0.667
    # with the eyes round and the breathing-ent safety fixes: F1 0.725, present 0.768, denials
    # 0.647, durations P 0.806 R 0.641; no longer held out: fixes made from it in the ent round
    # (test_language_ent_classes.py): F1 0.844, present 0.853, denials 0.829, durations P 0.846
    # R 0.846; second ent round (test_language_ent_classes2.py): F1 0.852, present 0.863,
    # denials 0.835; third ent round (test_language_ent_classes3.py): F1 0.869, present 0.865,
    # denials 0.879 (P 0.841 R 0.921), durations P 0.846 R 0.846
    "blind_ent": Floors(
        174,
        0.865,
        0.86,
        0.875,
        0.84,
        0.84,
        packs=("all",),
        unlabelled=ENT_REVIEW_FINDINGS | ABDOMEN_FINDINGS,
    ),
}


def res_of(scored: ParserScore, floors: Floors, keep: Callable[[str, str], bool]) -> ParserScore:
    """``scored`` restricted to ``keep``, without the findings the set could not label."""
    return scored.restricted(lambda fid, v: fid not in floors.unlabelled and keep(fid, v))


@cache
def _kb(packs: tuple[str, ...]) -> KnowledgeBase:
    return load_knowledge_base(*packs)


@pytest.mark.parametrize("name", sorted(SETS))
def test_blind_set_scores_stay_at_their_floors(name: str) -> None:
    floors = SETS[name]
    kb = _kb(floors.packs)
    items, today = load_labelled(DATA / f"{name}.yaml")
    assert len(items) == floors.items
    assert check_labels(kb, items) == []
    scored = score_parser(kb, items, today)
    res = scored.restricted(lambda fid, v: fid not in floors.unlabelled)
    durations = {f.id for f in kb.findings.values() if f.type is FindingType.DURATION}
    present = res_of(scored, floors, lambda fid, v: v == "present")
    denied = res_of(scored, floors, lambda fid, v: v == "absent")
    dur = res_of(scored, floors, lambda fid, v: fid in durations)
    print(
        f"\n{name} ({len(items)} items): F1 {res.f1:.3f}, present {present.f1:.3f}, "
        f"denials {denied.f1:.3f}, durations P {dur.precision:.3f} R {dur.recall:.3f}, "
        f"exact {scored.exact}"
    )
    assert res.f1 is not None and res.f1 >= floors.f1
    assert present.f1 is not None and present.f1 >= floors.present_f1
    assert denied.f1 is not None and denied.f1 >= floors.denial_f1
    assert dur.precision is not None and dur.precision >= floors.duration_precision
    assert dur.recall is not None and dur.recall >= floors.duration_recall
