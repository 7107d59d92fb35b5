"""Who a mention is about: the writer, another person, or nobody named; and proxy reports.

People often use a symptom checker for someone else: "My dad suddenly has severe pain in his
back and he collapsed". The symptoms in such a text are the patient's, not family history.
The rule, applied by the parser:

1. Each mention gets a *subject*: a possessive inside the mention ("pain in *his* back",
   "blood in *my* pee") or else the nearest person word before it in its sentence. "I", "me",
   "my back" are the writer; "he", "she", "his", "her", "my dad", "my wife", "Nana's" are
   another person; nothing found means nobody is named ("Severe pain since this morning").
   A pronoun that only reports speech or opinion ("*she* said", "*he* thinks") is skipped:
   it names who spoke, not whose symptom it is.
2. The text is a *proxy report* when its first current symptom stated as present (a complaint,
   symptom or red flag, not hypothetical, uncertain or over) is said of another person, and
   the writer states no current symptom of their own (present or denied). A text with no
   first-person word ("She denies bleeding or discharge", a clinical note) is a report about
   the first person a current symptom is said of, even when every one is denied.
3. In a proxy report, mentions said of that person are the patient's: being said of a relative
   no longer makes them a relative's illness ("he collapsed", "his back", "she has brittle
   bones"). Mentions said of a *different* person stay a relative's ("*his mother* had
   ovarian cancer"), and mentions said of the writer ("*I* had cancer") are not the patient's.
4. Any other text is read as before: "my mum had ovarian cancer", "my dad has ankylosing
   spondylitis" (no current symptom of theirs) and "my dad has back pain too" next to the
   writer's own symptoms stay family history.

>>> import spacy
>>> doc = spacy.blank("en").make_doc("My dad has back pain and he collapsed")
>>> subject_of(doc, 3, 5), subject_of(doc, 7, 8)
(Person(noun='father', gender='m'), Person(noun=None, gender='m'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


def _set(text: str) -> frozenset[str]:
    """The space-separated words of ``text`` (keeps the word lists below readable)."""
    return frozenset(text.split())


# the person nouns a writer uses for someone they ask for, with a gender where the word has one
_MALE = (
    "dad daddy father husband son brother grandfather grandad granddad grandpa uncle boyfriend "
    "nephew grandson stepdad stepfather fiance boy lad "
    # a carer's or a note's titled name ("Mr T, 79, ... he is hard to rouse")
    "mr"
)
_FEMALE = (
    "mum mom mam mummy mommy mother wife daughter sister grandmother grandma gran granny nan "
    "nana nanna aunt auntie girlfriend niece granddaughter stepmum stepmother fiancee girl lass "
    "mrs"
)
_ANY = (
    "partner friend child kid teenager cousin neighbour neighbor flatmate housemate "
    "colleague parent sibling relative mate pal roommate toddler infant newborn"
)
_SAME = {"dad": "father", "daddy": "father", "mum": "mother", "mom": "mother", "mam": "mother",
         "mummy": "mother", "mommy": "mother", "grandad": "grandfather",
         "granddad": "grandfather", "grandpa": "grandfather", "grandma": "grandmother",
         "gran": "grandmother", "granny": "grandmother", "nan": "grandmother",
         "nana": "grandmother", "nanna": "grandmother", "auntie": "aunt",
         "stepdad": "stepfather", "stepmum": "stepmother", "kid": "child",
         "neighbor": "neighbour"}  # fmt: skip
# animals: what a pet has is never the person's, nor is a pet the patient of a proxy report
# ("my dog has had diarrhoea, which vet is open?")
ANIMAL = "animal"
_ANIMALS = _set(
    "dog dogs puppy puppies pup cat cats kitten kittens pet pets rabbit rabbits hamster horse "
    "horses pony guinea"
)
PERSON_NOUNS: dict[str, str | None] = {
    **{w: "m" for w in _MALE.split()},
    **{w: "f" for w in _FEMALE.split()},
    **{w: None for w in _ANY.split()},
}
_PRONOUNS: dict[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
_WRITER = frozenset(("i", "i'm", "i've", "i'd", "i'll", "im", "ive", "me", "my", "myself",
                     "mine", "we", "us", "our"))  # fmt: skip
_POSSESSIVES = frozenset(("my", "our", "his", "her"))
_SUBJECT_PRONOUNS = frozenset(("i", "i'm", "i've", "im", "ive", "he", "she", "we"))
# a pronoun before one of these names who spoke or thought, not whose symptom it is
_SPEECH = _set(
    "said says say told tells thinks think thought reckons reckoned suspects suspected "
    "asked asks wants wanted checked examined found sent gave prescribed referred"
)
# capitalised words before "'s" that are not a name ("It's back", "What's wrong"), among
# them the body and its readings opening a sentence ("Heart's fine", "Breathing's ok")
_NOT_NAMES = _set(
    "it that this there here what where who how today everything nothing something let "
    "heart chest breathing lung lungs leg legs arm arms foot feet calf ankle ankles head back "
    "tummy stomach skin colour color pulse bp temp temperature pain cough bleeding weight "
    # the body's parts and workings said fine ("Bladder's fine", "Wee's normal", "Sleep's ok")
    "bladder bowel bowels waterworks wee pee urine poo stool stools period periods flow stream "
    "sleep appetite energy mood vision eyesight speech hearing memory sugar sugars bloods "
    "smear scan neck shoulder shoulders hip hips knee knees groin pelvis kidney kidneys side "
    "belly bum bottom balls testicle testicles womb throat ear ears eye eyes face hand hands "
    "spine joint joints muscle muscles abdomen discharge cycle sex libido breath breathing "
    # a disease named after a person ("no Marfan's", "Crohn's") is not that person's
    "marfan crohn parkinson alzheimer raynaud hodgkin bell addison cushing paget baker down "
    "huntington wilson meniere hashimoto sjogren tourette asperger kawasaki osgood perthes"
)
# a person after one of these is not who the sentence is about ("sex with a new partner");
# "for" and "of" stay out: "asking for my dad", "on behalf of my mum"
_PREPOSITIONS = _set("with to from by at about like than after before since")
_DETERMINERS = _set("a an the my our his her their new regular")
_SENTENCE_END = frozenset((".", "!", "?", ";", "\n"))


@dataclass(frozen=True)
class Person:
    """Another person a mention is said of: a person noun (normalised) and/or a gender."""

    noun: str | None
    gender: str | None  # "m", "f" or None when the words do not say

    def same_as(self, other: Person) -> bool:
        """True when the two could be the same person ("my dad" and "he", "his" and "he")."""
        if self.noun is not None and other.noun is not None:
            return self.noun == other.noun
        return self.gender is None or other.gender is None or self.gender == other.gender


WRITER = "writer"  # the subject is the person writing ("I", "my back")
Subject = Person | str | None  # a Person, WRITER, or None when nobody is named


def _person_noun(word: str) -> Person | None:
    """The person a noun names ("dad" -> father), plurals included; None for other words."""
    w = word.lower()
    if w not in PERSON_NOUNS and w.endswith("s") and w[:-1] in PERSON_NOUNS:
        w = w[:-1]
    if w == "children":
        w = "child"
    if w in PERSON_NOUNS:
        return Person(_SAME.get(w, w), PERSON_NOUNS[w])
    return None


def is_animal(subject: Subject) -> bool:
    """True when ``subject`` is an animal (a pet), whose symptoms are nobody's here."""
    return isinstance(subject, Person) and subject.noun == ANIMAL


# words that put a "baby" in the womb: "30 weeks pregnant, baby moving well"
_PREGNANCY = _set(
    "pregnant pregnancy expecting gestation bump kicks kicking kicked movements moving moved "
    "trimester labour labor contractions womb midwife scan"
)


def _born(words: list[str], i: int) -> bool:
    """True when the "baby" at ``words[i]`` is a baby born, a person of their own: given an
    age ("my 6 week old baby", "baby is 10 months"), or in a text that says nothing of a
    pregnancy ("my baby has a fever"). Otherwise it is the baby of a pregnancy."""
    before = [w.lower() for w in words[max(0, i - 4) : i]]
    after = [w.lower() for w in words[i + 1 : i + 6]]
    aged = "old" in before or (
        bool(after)
        and after[0] in ("is", "'s", "was")
        and any(w.rstrip("s") in ("week", "month", "day") or w == "old" for w in after[1:])
    )
    return aged or not any(w.lower() in _PREGNANCY for w in words)


# words that may stand between a possessive and "old" in a child named by age ("my 11 month
# old", "our 3-year-old", "my two and a half year old")
_AGE_WORDS = _set(
    "- and a half one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen"
)
_AGE_UNITS = _set("day days week weeks wk wks month months mo year years yr yrs")


# an age written as one word: "my 14yo", "our 3yo", "my 2y/o"
_AGE_WORD = re.compile(r"^\d{1,2}(?:yo|y/o|yrs?|yr-old|mo|mos|mths?|wks?)$")


def _named_by_age(words: list[str], i: int) -> bool:
    """True when the possessive at ``words[i]`` opens a child named by their age: "my 11 month
    old", "our 3-year-old", "my six week old", "my 14yo" (a person of their own, as "my son"
    is)."""
    if i + 1 < len(words) and _AGE_WORD.match(words[i + 1].lower()):
        return True
    seen_number = seen_unit = False
    for w in (x.lower() for x in words[i + 1 : i + 8]):
        if w.isdigit() or w.replace(".", "", 1).isdigit() or (w in _AGE_WORDS and w != "-"):
            if seen_unit:
                return False
            seen_number = True
        elif w in _AGE_UNITS and seen_number:
            seen_unit = True
        elif w in ("-", "and", "a", "half"):
            continue
        elif w == "old":
            return seen_unit
        else:
            return False
    return False


def _subject_at(words: list[str], i: int) -> Subject:
    """The subject word ``words[i]`` names, or None when it names nobody."""
    w = words[i].lower().replace("’", "'")
    nxt = words[i + 1].lower().replace("’", "'") if i + 1 < len(words) else ""
    if _after_preposition(words, i):
        return None
    person = _person_noun(w)
    if person is None and w in _ANIMALS and _acts(words, i):
        person = Person(ANIMAL, None)  # "my dog has had diarrhoea", not "walking the dog"
    if person is None and w in ("baby", "babies") and _born(words, i):
        person = Person("baby", None)
    if person is not None:
        return None if _speaks(words, i) else person
    if w in _POSSESSIVES:
        after = _person_noun(nxt)
        if after is None and nxt == "baby" and _born(words, i + 1):
            after = Person("baby", None)
        if after is not None:  # "my dad", "his mother": the noun names the person
            return None if _speaks(words, i + 1) else after
        if _named_by_age(words, i):  # "my 11 month old": a child named by their age
            return Person("child", None)
    if w in _PRONOUNS:
        return None if _speaks(words, i) else Person(None, _PRONOUNS[w])
    if w in _WRITER:
        return WRITER
    # "Nana's back", "John's back": a capitalised name with a possessive
    if nxt == "'s" and words[i][:1].isupper() and w not in _NOT_NAMES:
        return Person(None, None)
    return None


# words after an animal that make it the one something happens to ("the dog has been sick")
_ANIMAL_VERBS = _set("has had is was 's keeps kept been seems looks just also")


def _acts(words: list[str], i: int) -> bool:
    """True when the animal at ``words[i]`` is what the clause is about ("my dog has had
    diarrhoea", "the cat's been sick"), not a thing the person does something with ("walking
    the dog")."""
    nxt = _after(words, i + 1).replace("’", "'")
    return nxt in _ANIMAL_VERBS or (nxt.endswith("ed") and len(nxt) > 3)


def _speaks(words: list[str], i: int) -> bool:
    """True when the person at ``words[i]`` only speaks or thinks: "she said", "my wife
    thinks", "he's told me" name who spoke, not whose symptom it is."""
    nxt = _after(words, i + 1)
    return nxt in _SPEECH or (nxt in ("'s", "has", "had") and _after(words, i + 2) in _SPEECH)


def _after_preposition(words: list[str], i: int) -> bool:
    """True when ``words[i]`` follows a preposition, perhaps past a determiner or two."""
    j = i - 1
    while j >= 0 and j > i - 3 and words[j].lower() in _DETERMINERS:
        j -= 1
    return j >= 0 and words[j].lower() in _PREPOSITIONS


def _after(words: list[str], i: int) -> str:
    return words[i].lower() if i < len(words) else ""


def subject_of(doc: Any, start: int, end: int) -> Subject:
    """Who the mention at tokens ``[start, end)`` of ``doc`` is about.

    Returns a :class:`Person`, :data:`WRITER`, or None when its sentence names nobody before it.
    """
    words = [t.text for t in doc]
    # a possessive inside the mention decides: "pain in his back", "blood in my pee"
    for i in range(start, end):
        if words[i].lower() in _POSSESSIVES:
            return _subject_at(words, i)
    # else the nearest person word before it, within its sentence
    for i in range(start - 1, -1, -1):
        if words[i] in _SENTENCE_END:
            break
        subject = _subject_at(words, i)
        if subject is not None:
            return subject
    # a phrase put before its clause's subject ("Today at football he had chest pain",
    # "Since moving the sofa I've had back pain") belongs to the subject pronoun after it
    for i in range(end, min(end + 2, len(words))):
        if words[i] in _SENTENCE_END:
            break
        w = words[i].lower().replace("’", "'")
        if w == ",":
            continue
        if w in _SUBJECT_PRONOUNS:
            return _subject_at(words, i)
        break
    return None


def proxy_patient(
    subjects: list[Subject],
    current: list[bool],
    present: list[bool],
    first_person: bool = True,
) -> Person | None:
    """The person a proxy report is about, or None when the writer speaks for themselves.

    ``subjects[i]`` is mention i's subject (in text order); ``current[i]`` says it is a current
    symptom (complaint, symptom or red flag, not hypothetical, uncertain or over) and
    ``present[i]`` that it is stated as present. A text with no first-person word at all
    (``first_person`` False: "She denies bleeding", a clinical note) is about the first
    person a current symptom is said of, stated present or denied; a first symptom said of
    nobody there ("Rash on her chest, sore throat too, she's 5") is that person's when every
    current symptom said of a person is said of one person; so it is in a text whose writer
    states no current symptom of their own when that person is a pronoun alone or a child or
    baby ("4yo temp 39.5
    with purple spots that don't fade when I press a glass on them, she's floppy": the writer
    only pressed the glass), not a person named ("Fever and cough, my dad has one too"). When
    every current symptom is denied, the denials say whose they are.
    """
    if any(s == WRITER and c for s, c in zip(subjects, current, strict=True)):
        return None
    # a pet's symptoms make no one a patient
    current = [c and not is_animal(s) for s, c in zip(subjects, current, strict=True)]
    said = [
        s
        for s, cur, pres in zip(subjects, current, present, strict=True)
        if cur and (pres or not first_person)
    ]
    if not said:
        # every current symptom denied ("she's awake and talking, no sickness"): the denials
        # say whose they are
        said = [s for s, cur in zip(subjects, current, strict=True) if cur]
    people = [s for s in said if isinstance(s, Person)]
    if (
        said
        and said[0] is None
        and people
        and all(p.same_as(people[0]) for p in people)
        # with a first-person word, only when the person is a pronoun alone or a child (whom
        # a parent writes about): "my dad" names someone besides the writer ("Fever and
        # cough, my dad has one too")
        and (not first_person or all(p.noun in (None, "child", "baby") for p in people))
    ):
        return people[0]
    for subject in said[:1]:
        return subject if isinstance(subject, Person) else None
    return None


def about_patient(subject: Subject, patient: Person) -> bool:
    """True when a mention with ``subject`` is said of the proxy report's ``patient``."""
    return isinstance(subject, Person) and subject.same_as(patient)


# the person nouns a baby may also be called ("baby boy", "baby girl", "our baby, he ...")
_A_BABY = frozenset(("baby", "boy", "girl", "child", "infant", "newborn", None))


def names_patient(trigger: str, patient: Person) -> bool:
    """True when a relative word ("my dad", "father") that ConText read names the patient."""
    words = trigger.split()
    person = next((p for p in (_person_noun(w) for w in words) if p is not None), None)
    if person is None and "baby" in words and patient.noun in _A_BABY:
        # "my 6 week old baby", "3 week old baby boy": the baby with an age is the patient
        return True
    return person is not None and person.same_as(patient)


def names_a_person(trigger: str) -> bool:
    """True when a relative word that ConText read names one person ("my daughter"), not the
    family at large ("family history", "runs in the family")."""
    return any(_person_noun(w) is not None for w in trigger.split())
