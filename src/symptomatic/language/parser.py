"""The free-text parser of one knowledge base: lexicon + ConText + durations.

Steps of :meth:`Parser.parse`: the lexicon's matches (:mod:`.lexicon`, :mod:`.clause`,
:mod:`.matching`, :mod:`.overlaps`) plus findings said across
two clauses (:mod:`.references`); ConText modifiers (:mod:`.context`), with a condition carried
over "or"; whose the mention is, the writer's or a proxy report's patient's (:mod:`.subjects`);
then measurements (:mod:`.readings`), period timing (:mod:`.periods`) and the duration
finding (:mod:`.durations`).

Build once per knowledge base (:func:`parser_for` caches it); :meth:`Parser.parse` is cheap.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import date
from typing import Any

from symptomatic.kb import KnowledgeBase
from symptomatic.kb.knowledge import rule_findings
from symptomatic.kb.schema import Finding, FindingGroup, FindingType, Sex
from symptomatic.language.anaphora import (
    denied_by_reference,
    not_one_sided,
    painless_swelling,
    place_said_fine,
    writer_denies_by_reference,
)
from symptomatic.language.bodyparts import (
    back_pain_entry,
    bare_place_matches,
    not_low_back,
    not_the_flank,
    not_the_upper_belly,
    side_entry,
    the_low_backs_low,
    upper_belly_entry,
)
from symptomatic.language.compounds import compound_mentions, taken_back
from symptomatic.language.context import (
    Modifiers,
    apply_context,
    build_pipeline,
    cap_sentences,
    hypothetical_by_or,
)
from symptomatic.language.durations import (
    NUMBER_WORDS,
    Duration,
    bands_from_label,
    find_durations,
    option_for,
)
from symptomatic.language.gestation import find_gestations
from symptomatic.language.lexicon import Lexicon
from symptomatic.language.matching import Match, match_text, match_words
from symptomatic.language.normalise import _words, word_key
from symptomatic.language.overlaps import longest
from symptomatic.language.periods import PeriodGap, find_period_gaps, is_late_period_finding
from symptomatic.language.readings import reading_findings, reading_mentions
from symptomatic.language.references import (
    denied_at_place_matches,
    place_named_before,
    result_matches,
)
from symptomatic.language.result import Mention, ParseResult
from symptomatic.language.subjects import (
    WRITER,
    Person,
    Subject,
    about_patient,
    is_animal,
    names_a_person,
    names_patient,
    proxy_patient,
    subject_of,
)

# longer text is cut here (the API takes at most this much); the work is linear below it
MAX_CHARS = 4000
_FAMILY_WORDS = re.compile(
    r"\b(family|families|relative|relatives|mother|mum|mom|father|dad|parent|parents|"
    r"sister|brother|sibling|siblings|grand\w*|aunt|uncle|cousin)\b",
    re.I,
)
# a past mention still counts for history findings ("I had cancer in 2019"), and for risk
# factors when it is only dated ("told I have osteoporosis last year"), not when it is over
# ("I was pregnant three years ago")
_PAST_GROUPS = frozenset({FindingGroup.HISTORY})
_DATED_GROUPS = frozenset({FindingGroup.HISTORY, FindingGroup.RISK_FACTOR})
# what a person has now, as opposed to their history and risk factors
_CURRENT_GROUPS = frozenset({FindingGroup.COMPLAINT, FindingGroup.SYMPTOM, FindingGroup.RED_FLAG})
# nouns after a one-word match that make it the name of a test ("a pregnancy test")
_TEST_NOUNS = frozenset(
    ["test", "tests", "kit", "kits", "check", "checks", "screen", "swab", "screening"]
)
# words that start a time anchor ("since the menopause", "after my hysterectomy")
_ANCHORS = frozenset({"since", "after", "before", "during"})
# words that make a duration about the pain (or stiffness) rather than something else
_PAIN_WORDS = re.compile(
    r"\b(pain\w*|hurt\w*|ache[sd]?|aching|achy|sore\w*|stiff\w*|agony|killing|backache|niggl\w*|"
    r"twinge\w*|cramp\w*|throb\w*|sciatica|lbp)\b",
    re.I,
)

# a time given as roughly that long ("6 weeks or so", "a week or so, maybe a bit longer")
_HEDGED = re.compile(
    r"\bor\s+so\b|\bish\b|^\s*(?:or\s+so|-?ish|or\s+more|or\s+longer|,?\s*(?:maybe|perhaps|"
    r"possibly)\s+(?:a\s+bit\s+|a\s+little\s+)?(?:longer|more|less))\b",
    re.I,
)
# a text about the belly, and one about the legs or back ("worse on coughing" is whose?)
_BELLY_TEXT = re.compile(
    r"\b(?:tummy|belly|stomach|abdo\w*|pelvi\w*|rif|lif|iliac|appendi\w*|periumbilical)\b", re.I
)
_LEG_WORDS = re.compile(r"\b(?:legs?|sciatica|calf|calves|foot|feet|thigh|knee|back|lbp)\b", re.I)
# words before "cough" that make it a trigger ("when I cough", "worse on coughing")
_LEG_ONLY = re.compile(
    r"\b(?:legs?|sciatica|calf|calves|foot|feet|thigh|thighs|knee|knees|shin|shins|ankle|toes?)\b",
    re.I,
)
_TRIGGER_BEFORE = frozenset(["when", "whenever", "if", "on", "worse", "to", "time"])
_HAVE_BEFORE = frozenset(["a", "have", "got", "has", "had", "my", "the", "bad", "chesty"])
# a baby's age said in the text: "7 weeks old", "a 5-month-old", "baby is 10 days old"
_AGE_IN_TEXT = re.compile(
    r"\b(?P<num>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"[\s-]*(?P<unit>day|week|month)s?[\s-]*old\b",
    re.I,
)
# a baby's age said after the word for the baby, without "old" ("Baby 6 weeks vomiting",
# "Baby (2 months)", "my son, 10 weeks,"); not in a text about a pregnancy
_AGE_AFTER_BABY = re.compile(
    r"\b(?:baby|newborn|infant|son|daughter|boy|girl)\b[\s,:(]*(?:is\s+|aged\s+)?"
    r"(?P<num>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"[\s-]*(?P<unit>day|week|month)s?\b(?![\s-]*(?:ago|pregnant|gestation))",
    re.I,
)
_PREGNANCY_WORD = re.compile(r"\bpregnan|\bgestation|\bweeks? along\b", re.I)
# a negation word inside a phrase's own words ("no tummy pain", "hasn't been sick")
_OWN_NEGATION = re.compile(r"\b(?:no|not|never|none|nothing|without|nil)\b|n't\b", re.I)
# a movement word followed by the thing moved: "moving the sofa", "lifting a box"
_MOVE_WORDS = frozenset(["move", "moves", "moved", "moving", "lift", "lifted", "lifting", "carry",
                         "carried", "carrying", "shift", "shifted", "shifting"])  # fmt: skip
_MOVED_THINGS = frozenset(
    ["the", "a", "an", "some", "heavy", "furniture", "boxes", "house", "sofa", "things", "stuff",
     "bags", "shopping", "that", "this"]
)  # fmt: skip
# a pain with no place: "I'm in so much pain", "in a lot of pain", "it hurts everywhere"
_UNPLACED_PAIN = re.compile(
    r"\b(?:i'?m|i\s+am|she'?s|he'?s|they'?re|been)\s+in\s+(?:so\s+much|a\s+lot\s+of|such|terrible|"
    r"awful|severe|constant|real|so\s+much|too\s+much|unbearable)\s+pain\b"
    r"|\b(?:pain|it)\s+(?:is\s+|'s\s+)?(?:everywhere|all\s+over)\b"
    r"|\b(?:everything|everywhere)\s+hurts\b|\bhurts?\s+(?:everywhere|all\s+over)\b",
    re.I,
)
# the places of the back and of the belly, as words ("low down on the right" is the place the
# sentence names)
_BACK_PLACES = frozenset(
    ["back", "bak", "backache", "lumbar", "spine", "buttock", "buttocks", "dimple", "dimples",
     "sacrum", "sij", "lbp"]
)  # fmt: skip
_BELLY_PLACES = frozenset(
    ["tummy", "belly", "stomach", "abdomen", "abdominal", "abdo", "groin", "ovary", "ovaries",
     "womb", "bladder", "iliac", "suprapubic", "rif", "lif", "appendix", "navel", "button",
     "pelvic", "pelvis",
     "front", "pubic", "bikini"]
)  # fmt: skip
# the words a time said on its own may carry ("it's been", "now", "so far")
_FILLER_CLAUSE = re.compile(
    r"\b(?:it'?s|it\s+has|has|have|i've|been|going|on|now|so|far|about|around|nearly|almost|"
    r"roughly|approx|x|the|and|total|in|all|this|is|day|of|it|today|already|"
    # "On and off for 2 months."
    r"off)\b",
    re.I,
)
# a period pain's pain words, and places that are not the low tummy's
_PERIOD_PAIN_WORDS = re.compile(
    r"\b(?:pains?|painful|ache|aches|aching|achy|cramps?|cramping|crampy|agony|agonising|sore|"
    r"hurts?|hurting|dysmenorrho?ea)\b",
    re.I,
)
_OTHER_PLACE = re.compile(
    r"\b(?:back|bak|backache|head|headaches?|migraines?|breasts?|boobs?|legs?|thighs?|"
    r"joints?|chest)\b",
    re.I,
)
# words of the bowels, and of periods or the vagina
_BOWEL_WORDS = re.compile(
    r"\b(?:poo\w*|stools?|diarrh\w*|bowels?|the\s+runs|back\s+passage|bottom|bum|rectal|"
    r"rectum|constipat\w*|piles|haemorrhoids?|motions?|pr)\b",
    re.I,
)
_VAGINAL_WORDS = re.compile(
    r"\b(?:periods?|vagina\w*|pv|spotting|pregnan\w*|sex|intercourse|smear|coil|"
    r"menopaus\w*|pad|pads|tampons?|womb|down\s+below|front)\b",
    re.I,
)
# a number of minutes ("10 minutes", "5 mins", "a few minutes")
_MINUTES = re.compile(
    r"\b(?P<n>\d{1,3}|a\s+few|few|a\s+couple\s+of|couple\s+of|five|ten|fifteen|twenty)\s*"
    r"(?:-\s*)?(?:minutes?|mins?)\b",
    re.I,
)
_NEGATION_BEFORE = re.compile(r"\b(?:no|not|n't|never|without)\b[^,.;]*$", re.I)
# the writer speaking of themselves; a text without it ("She denies bleeding") is a report
# the people a writer lives with who are no blood relative: their illness is no family history
_SPOUSES = frozenset(["husband", "wife", "partner", "boyfriend", "girlfriend", "fiance",
                      "fiancee"])  # fmt: skip
# the person nouns of a child, whom a parent writes about
_CHILD_NOUNS = frozenset(
    ["child", "baby", "son", "daughter", "boy", "girl", "toddler", "infant", "newborn",
     "grandson", "granddaughter", "teenager", "kid", None]
)  # fmt: skip
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|im|ive|me|my|mine|myself)\b", re.I)
# where one clause of a sentence ends and the next begins
# "so" joins a clause ("so I rested"), not a degree ("so tired"); "and a half" is a number
# a pain said to date from what follows: "my back is agony after I slipped and fell two days
# ago", "back pain since I fell off my bike a week ago"
_PAIN_FROM_EVENT = re.compile(
    r"\b(?:pain|ache|aches|aching|hurts?|hurting|sore|agony|stiff)\b[^.;]{0,40}\b(?:after|since)\b"
    r"[^.;]*$",
    re.I,
)
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()]|\s-\s|\b(?:and(?!\s+a\s+half\b)|but|while|although|whereas)\b"
    r"|\bso\b(?=\s+(?:i|i'm|i've|it|it's|the|my|we|he|she|they|that|now)\b)",
    re.I,
)
# words before a short duration that make it the length of one bout
_BOUT_WORDS = re.compile(
    r"\b(stiff\w*|mornings?|first thing|each|every|lasts?|lasting|bouts?|episodes?|attacks?|"
    r"spasms?)\b"
)
# "it's been going on for over a year": a sentence about the complaint without naming it
_ONGOING = re.compile(
    r"\b(it|this|that)\b(?:'s|\s+has|\s+have|\s+is)?\s+(?:been\s+)?(going\s+on|like\s+this|"
    r"there|happening|bothering|troubling|started|began|come\s+on|came\s+on|niggling)\b|"
    r"\bhad\s+(it|this)\b|\bbeen\s+(there|going\s+on|like\s+this)\b|"
    # "..., started gradually 4 days ago": a clause whose subject is the complaint just named
    r"^\s*(started|began|begun|came\s+on|come\s+on|kicked\s+off)\b|"
    # "runny nose and a cough, all started yesterday": the complaints just named
    r"^\s*(?:all|both|everything|it\s+all|they\s+all)\s+(started|began|came\s+on)\b",
    re.I,
)


def _is_family_finding(finding: Finding) -> bool:
    """True for findings about relatives ("family history of ..."), judged by their name."""
    return bool(_FAMILY_WORDS.search(finding.name))


def _is_family_only(finding: Finding) -> bool:
    """A family-history finding the person's own illness does not satisfy.

    "Family history of X" is about relatives only; "Family history or features of X" also
    counts the person's own features.
    """
    return _is_family_finding(finding) and not re.search(r"\bor\b", finding.name, re.I)


# what was done on purpose: "on Slimming World", "dieting", "trying to lose it"
_INTENDED = re.compile(
    r"\b(?:on\s+purpose|deliberate\w*|intentional\w*|diet|dieting|slimming|weight\s*watchers|"
    r"calorie\w*|trying\s+to\s+lose|meant\s+to|fasting)\b",
    re.I,
)
_LUMP_WORDS = frozenset(["lump", "lumps", "or", "and", "swelling", "swellings", "mass", "masses"])
_ELSEWHERE = re.compile(
    r"\b(?:testic\w*|testes|balls?|scrotum|scrotal|groin|breasts?|neck|armpits?|nuts|"
    r"willy|penis|skin|head|arm|leg|thigh)\b",
    re.I,
)
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "several": 3, "multiple": 3, "numerous": 3, "third": 3,
    "fourth": 4, "fifth": 5, "sixth": 6,
}  # fmt: skip
_COUNTED_INFECTIONS = re.compile(
    r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|several|multiple|numerous|"
    r"third|fourth|fifth|sixth)\s+(?:\w+\s+){0,2}?(?:infections?|utis?|uti's)\b",
    re.I,
)
_WAVES = re.compile(r"\bwaves?\b|\bcolick\w*|\bcomes? and goes?\b|\bcome and go\b", re.I)
_HIGH_WORDS = frozenset(["upper", "high", "higher", "top", "epigastric", "epigastrium"])
_CLOSE_KIN = re.compile(
    r"\b(?:parents?|mother|mum|mom|mam|father|dad|brothers?|sisters?|siblings?|sons?|"
    r"daughters?|child|children|twin)\b",
    re.I,
)
_DISTANT_KIN = re.compile(
    r"\b(?:cousins?|aunts?|aunties?|uncles?|nieces?|nephews?|grand\w*|nan|nana|gran|"
    r"grandad|granddad|in-laws?|friends?|neighbours?|colleagues?)\b",
    re.I,
)


def _too_distant(finding: Finding, family_by: tuple[str, ...]) -> bool:
    """True when a family-history finding asks of close relatives only ("a parent, brother
    or sister") and the relatives named are all further off (a cousin, an aunt, a nan)."""
    said = " ".join(family_by)
    return bool(
        _CLOSE_KIN.search(finding.question)
        and _DISTANT_KIN.search(said)
        and not _CLOSE_KIN.search(said)
    )


def _measured(mentions: list[Mention], readings: list[Mention], text: str) -> list[Mention]:
    """``mentions`` with ``readings`` added: a number measured outranks the words of its
    sentence about the same finding, up to the number ("no blood, temp 38.1" is a fever,
    "Temp was 37.2" none, "BP fine, 182/96" a high reading)."""
    out = list(mentions)
    for r in readings:
        lo = max(text.rfind(c, 0, r.start) for c in (". ", "!", "?", ";", "\n")) + 1
        out = [
            m
            for m in out
            if not (m.finding_id == r.finding_id and lo <= m.start < r.end and m.counts)
        ]
        out.append(r)
    return out


class Parser:
    """Free text -> :class:`ParseResult` for one knowledge base. Thread-safe after construction."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.nlp = build_pipeline()
        self._lock = threading.Lock()
        self.lexicon = Lexicon.from_kb(kb, self._tokenize)
        self._readings = reading_findings(kb)
        # the findings that say what a pain is like (night pain, pain on moving)
        self._pain_qualifiers = frozenset(f.id for f in kb.findings.values() if f.parent == "pain")
        # findings of a lump in the tummy ("Lump or swelling in the tummy")
        self._tummy_lumps = frozenset(
            f.id
            for f in kb.findings.values()
            if re.search(r"\blump", f.name, re.I)
            and re.search(r"\btummy|abdom|pelvi", f.name, re.I)
        )
        self._repeated_infections = self._finding_of("repeated infections")
        self._worsening = self._finding_of("getting worse")
        # findings asked as happening without trying ("lost weight without trying")
        self._unexplained = frozenset(
            f.id
            for f in kb.findings.values()
            if re.search(r"\bwithout trying\b|^unexplained\b", f"{f.question} {f.name}", re.I)
        )
        # the events a pain may date from: its own qualifiers, and what its question asks it
        # started after ("Did the pain start after a significant injury ...?")
        self._pain_events = self._pain_qualifiers | frozenset(
            f.id
            for f in kb.findings.values()
            if re.search(r"\bpain (?:start|beg[ia]n|came on)", f.question or "", re.I)
        )
        # part phrases that name a failure ("didn't do a thing", "won't go back"): a negation
        # is their meaning, not a denial of them. Only those phrases: another phrase of the same
        # part ("confusion" beside "not making sense") is denied by a "no" before it
        self._negative_parts = frozenset(
            (pid, p)
            for pid, phrases in kb.parts.items()
            for p in phrases
            if any(w.lower() in _PART_NEGATIONS for w in self._tokenize(p))
        )
        self._back_entry = back_pain_entry(self.lexicon)
        self._flank = side_entry(self.lexicon)
        self._upper_belly = upper_belly_entry(self.lexicon)
        self._upper_entry = next(
            (
                m.entry
                for m in match_words(
                    self.lexicon, ["pain", "in", "my", "upper", "tummy"], [0, 1, 2, 3, 4]
                )
                if m.entry.finding_id == self._upper_belly and m.entry.value == "present"
            ),
            None,
        )
        # "pain when I move" and "after lifting": pain with movement, and a strain that set it off
        self._with_movement = self._finding_of("pain when i move")
        self._strain = self._finding_of("after lifting boxes")
        # the finding "cough" names on its own (a symptom, unless it is what sets a pain off)
        self._cough = next(
            (m.entry.finding_id for m in match_text(self.lexicon, ["cough"]) if not m.entry.system),
            None,
        )
        # "worse when I cough": the leg pain's (sciatica) or the tummy pain's, by the place
        coughs = [f for f in kb.findings.values() if re.search(r"\bcough", f.name, re.I)]
        self._cough_pair: tuple[str | None, str | None] = (
            next((f.id for f in coughs if f.parent and f.parent in kb.findings
                  and kb.findings[f.parent].parent is not None), None),
            next((f.id for f in coughs if re.search(r"tummy|abdom|belly", f.name, re.I)), None),
        )  # fmt: skip
        self._diarrhoea = next(
            (
                m.entry.finding_id
                for m in match_text(self.lexicon, ["diarrhoea"])
                if not m.entry.system and m.entry.finding_id.startswith("diarr")
            ),
            None,
        )
        # a swelling's place and the pain of that place, by their names ("Swollen testicle",
        # "Pain in a testicle")
        self._pain_of_swelling: dict[str, str] = {}
        for f in kb.findings.values():
            words = set(re.findall(r"[a-z]+", f.name.lower()))
            if not words & {"swollen", "swelling", "lump"} or words & {"pain", "painful"}:
                continue
            place = words - {"swollen", "swelling", "lump", "a", "an", "the", "in", "of", "or"}
            for g in kb.findings.values():
                g_words = set(re.findall(r"[a-z]+", g.name.lower()))
                # only the place's plain pain ("Pain in a testicle"), nothing more said
                if place and "pain" in g_words and g_words - {"pain", "in", "a", "the"} == place:
                    self._pain_of_swelling[f.id] = g.id
        # the low tummy pain, and its right-sided, left-sided and one-sided forms
        self._low_tummy = self._finding_of("pain low in my tummy")
        self._low_sides = {
            "right": self._finding_of("right iliac fossa pain"),
            "left": self._finding_of("left iliac fossa pain"),
        }
        self._one_side_low = self._finding_of("pain on one side low in my tummy")
        # pain with the periods ("period pain", "cramps before my period"): a low tummy pain
        self._period_pain = self._finding_of("period pain")
        # stiffness in the mornings, and how long it lasts ("stiff for 10 minutes" is not it)
        self._morning_stiffness = self._finding_of("stiff in the mornings")
        # bleeding said in a sentence about the bowels is from behind ("diarrhoea with some
        # blood on the paper"), not the vaginal bleeding the bare words would be
        self._vaginal_bleeding = self._finding_of("vaginal bleeding")
        # the widest finding of blood from behind ("blood in my poo" is also said of blood
        # mixed in, its child)
        self._rectal_bleeding = self._finding_of("blood in my poo", widest=True)
        # the umbrella complaint the named pains are children of ("pain")
        self._umbrella = next(
            (
                f.parent
                for f in kb.findings.values()
                if f.parent is not None
                and f.group is FindingGroup.COMPLAINT
                and kb.findings[f.parent].group is FindingGroup.COMPLAINT
            ),
            None,
        )
        # the one-sided findings of the low tummy and of the back, by their names
        one_sided = [
            f for f in kb.findings.values() if re.search(r"\bone[\s-]*sided?\b", f.name, re.I)
        ]
        self._one_sided = (
            next((f.id for f in one_sided if re.search(r"tummy|abdom|belly", f.name, re.I)), None),
            next((f.id for f in one_sided if re.search(r"\bback\b", f.name, re.I)), None),
        )
        # a pain that moved ("Pain moved from the belly button to the lower right") and the pain
        # places its name says it moved from: said before it, they are where the pain was
        self._moved = next(
            (
                f.id
                for f in kb.findings.values()
                if f.parent == self._umbrella and re.search(r"\bmoved?\s+from\b", f.name, re.I)
            ),
            None,
        )
        origin = re.search(
            r"\bfrom\s+(?:the\s+)?(.+?)\s+to\b",
            kb.findings[self._moved].name if self._moved else "",
            re.I,
        )
        self._moved_from = frozenset(
            f.id
            for f in kb.findings.values()
            if origin is not None
            and f.parent == self._umbrella
            and f.id != self._moved
            and origin.group(1).lower() in f.name.lower()
        )
        # the findings of the body system "problems with my legs" names (said fine as "legs")
        self._place_systems = {
            "legs": tuple(
                m.entry.finding_id
                for m in match_text(self.lexicon, ["problems", "with", "my", "legs"])
                if m.entry.system
            )
        }

    def _tokenize(self, phrase: str) -> list[str]:
        return [t.text for t in self.nlp.make_doc(phrase)]

    def _applies(self, finding: Finding, sex: Sex | None, age: int | None) -> bool:
        scope = finding.applies_to
        if sex is not None and scope.sex is not None and scope.sex != sex:
            return False
        return age is None or scope.min_age <= age <= scope.max_age

    def parse(
        self,
        text: str,
        sex: str | Sex | None = None,
        age: int | None = None,
        today: date | None = None,
    ) -> ParseResult:
        """Findings stated in ``text`` for a person of ``sex`` and ``age`` (both optional).

        Findings that do not apply to the person (e.g. periods for a man) are left out.
        ``today`` anchors dates such as "since March". Only the first :data:`MAX_CHARS`
        characters are read. Returns mentions in text order.
        """
        text = text[:MAX_CHARS]
        person_sex = Sex(sex) if sex is not None else stated_sex(text)
        with self._lock:  # spaCy pipelines are not documented as thread-safe
            doc = self.nlp.make_doc(text)
            context = self.nlp.get_pipe("medspacy_context")
            for _, proc in self.nlp.pipeline:
                if proc is not context:
                    doc = proc(doc)
            cap_sentences(doc)
            words = [t.text for t in doc]
            found = match_text(self.lexicon, words)
            part_matches = [m for m in found if m.entry.part]
            found = longest(
                [m for m in found if not m.entry.part] + result_matches(self.lexicon, words)
            )
            # "a pregnancy test", "an HIV test": one word naming a test is not its result
            found = [
                m
                for m in found
                if not (
                    len(m.entry.keys) == 1
                    and m.end < len(words)
                    and words[m.end].lower() in _TEST_NOUNS
                )
            ]
            # a body system's bare word after a place was named ("My legs are fine, no
            # numbness") is about that place, not the system it names alone
            found = [
                m
                for m in found
                if not (
                    m.entry.system
                    and m.end - m.start == 1
                    and any(o.start == m.start and not o.entry.system for o in found)
                    and place_named_before(words, m.start)
                )
            ]
            found += denied_at_place_matches(self.lexicon, words, found)
            sentence_of = [(s.start, s.end) for s in doc.sents for _ in range(len(s))]
            found = not_low_back(self._back_entry, words, found, sentence_of)
            found = not_the_flank(self._flank, words, found)
            found = not_the_upper_belly(self._upper_belly, words, found)
            found = the_low_backs_low(self._back_entry, words, found)
            found = self._the_backs_low_side(found, words, sentence_of)
            found = [m for m in found if not self._a_trigger(words, m) and not _an_onset(words, m)]
            found = [
                m
                for m in found
                if not (m.entry.finding_id in self._pain_qualifiers and _a_point_at_night(words, m))
                and not _no_object(words, m)
            ]
            found = [m for m in found if not _recurring(words, m)]
            found = self._movement_that_caused_it(found, words)
            found = [
                m
                for m in found
                if not (m.entry.finding_id == self._strain and _not_a_strain(words, m))
            ]
            found = [m for m in found if not self._a_lump_elsewhere(words, m, sentence_of)]
            found = self._the_upper_tummy(found, words)
            found = [
                m
                for m in found
                if not (m.entry.finding_id == self._worsening and _not_the_course(words, m))
            ]
            found += bare_place_matches(self._back_entry, words, found, sentence_of)
            # "pain on the right low down" said by a man is his low tummy pain, not nothing
            found = [
                replace(m, entry=replace(m.entry, finding_id=self._low_tummy))
                if m.entry.finding_id == self._one_side_low
                and self._low_tummy is not None
                and not self._applies(self.kb.findings[m.entry.finding_id], person_sex, age)
                and self._applies(self.kb.findings[self._low_tummy], person_sex, age)
                else m
                for m in found
            ]
            matches = [
                m
                for m in found
                if self._applies(self.kb.findings[m.entry.finding_id], person_sex, age)
            ]
            as_parent = self._read_as_parent(doc, matches)
            all_mods = apply_context(
                context, doc, [(m.start, m.end) for m in [*matches, *part_matches]]
            )
            # a place said fine ("my eyes are fine but my ears ache") states no finding of
            # that place present (its denials still read it)
            said_fine_parts = {
                (m.start, m.end, m.entry.finding_id)
                for m, mod in zip(part_matches, all_mods[len(matches) :], strict=True)
                if mod.said_fine
            }
            # a part said under a negation before it says nothing ("definitely not too
            # many"); one denied after it still counts ("Anadin hasn't shifted it")
            part_matches = [
                m
                for m, mod in zip(part_matches, all_mods[len(matches) :], strict=True)
                if (
                    (m.entry.finding_id, m.entry.phrase) in self._negative_parts
                    or not (mod.negated and _negation_before(words, m.start))
                )
                # "ten minutes ago" says when something began, not how long it lasted
                and not (m.end < len(words) and words[m.end].lower() == "ago")
            ]
            mods = [
                replace(mod, hypothetical=True)
                if not mod.hypothetical and hypothetical_by_or(doc, m.start)
                else mod
                for mod, m in zip(all_mods[: len(matches)], matches, strict=True)
            ]
            mods = _denied_down_the_list(doc, matches, mods)
            mods = [_answered(words, m, mod) for m, mod in zip(matches, mods, strict=True)]
            # "her COPD inhaler is helping as usual": a known condition naming the thing said
            # fine (the inhaler, not the COPD) is still had
            mods = [
                replace(mod, negated=False)
                if mod.said_fine
                and not m.negated
                and m.entry.value != "absent"
                and self.kb.findings[m.entry.finding_id].group is FindingGroup.HISTORY
                and m.end < len(words)
                and words[m.end].isalpha()
                and words[m.end].lower() not in _LINKS_TO_FINE
                else mod
                for m, mod in zip(matches, mods, strict=True)
            ]
            # "Apart from the pain in my balls I'm fine": the exception is there
            mods = [
                replace(mod, negated=False) if _the_exception(words, m.start) else mod
                for m, mod in zip(matches, mods, strict=True)
            ]
            # "peeing is fine, no blood" and a body system ("waterworks fine") say something
            # only as a denial
            kept = [
                i
                for i, m in enumerate(matches)
                if not (m.elliptic or m.entry.system) or mods[i].negated or m.negated
            ]
            matches, mods = [matches[i] for i in kept], [mods[i] for i in kept]
            subjects = [subject_of(doc, m.start, m.end) for m in matches]
            speaks = bool(_FIRST_PERSON.search(text))
            patient = self._proxy_patient(matches, mods, subjects, speaks)
            if (
                patient is not None
                and patient.noun not in _CHILD_NOUNS
                and writer_denies_by_reference(text)
            ):
                # "My husband had bloody diarrhoea. I haven't had any of that": the writer
                # speaks of themself; the adult's symptoms are his (a parent denying a
                # child's symptoms for themself still writes about the child)
                patient = None
            mentions = [
                self._mention(doc, m, mod, subject, patient, speaks)
                for m, mod, subject in zip(matches, mods, subjects, strict=True)
            ]
            # the lengths of time said, read once: for compounds that need one and for the
            # duration findings
            said_lengths = find_durations(text, today)
            applies = lambda fid: self._applies(self.kb.findings[fid], person_sex, age)  # noqa: E731
            compounds = [
                c
                for c in compound_mentions(
                    self.kb, doc, part_matches, mentions, applies, said_lengths
                )
                if c.value == "absent" or not said_fine_parts
            ]
            if said_fine_parts:
                unsaid = [
                    m
                    for m in part_matches
                    if (m.start, m.end, m.entry.finding_id) not in said_fine_parts
                ]
                compounds += [
                    c
                    for c in compound_mentions(
                        self.kb, doc, unsaid, mentions, applies, said_lengths
                    )
                    if c.value != "absent"
                ]
            # an overruling denial takes back the lexicon's reading of its finding
            mentions = [*taken_back(mentions, compounds), *compounds]
            # "What if I get numbness down below? I haven't had that": denied by reference
            mentions.extend(
                denied_by_reference(
                    text, mentions, lambda fid: self.kb.findings[fid].group in _CURRENT_GROUPS
                )
            )
            mentions.extend(place_said_fine(text, mentions, self._place_systems))
            mentions.extend(painless_swelling(text, mentions, self._pain_of_swelling))
            # "pain low on both sides" is not a pain on one side, whatever the words matched
            mentions = [
                m
                for m in mentions
                if not (m.finding_id in self._one_sided and re.search(r"\bboth\b", m.text, re.I))
            ]
            mentions.extend(
                m
                for m in not_one_sided(text, mentions, *self._one_sided)
                if self._applies(self.kb.findings[m.finding_id], person_sex, age)
            )
            mentions = self._cough_of_the_belly(text, mentions)
            mentions = self._where_it_started(text, mentions)
            mentions.extend(
                m
                for m in self._side_of_the_low_tummy(doc, mentions)
                if self._applies(self.kb.findings[m.finding_id], person_sex, age)
            )
            # a pain low on one side of the tummy is the woman's finding only when the text
            # says it is a woman's (her sex given or stated, or words only a woman's text has)
            if person_sex is None and not _FEMALE_CUES.search(text):
                mentions = [m for m in mentions if m.finding_id != self._one_side_low]
            mentions = self._narrowest_denial(mentions)
            mentions = self._denied_child_alone(mentions)
            mentions = [
                m
                for m in mentions
                if not (
                    m.value == "absent"
                    and m.source == "lexicon"
                    and (m.start, m.finding_id) in as_parent
                )
            ]
            # a denial read inside a longer phrase said present ("he won't wake up": not "no
            # night waking") is a misreading of that phrase
            mentions = [
                m
                for m in mentions
                if not (
                    m.value == "absent"
                    and m.source == "lexicon"
                    and any(
                        o.value != "absent"
                        and o.source == "lexicon"
                        and o.finding_id != m.finding_id
                        and o.start <= m.start
                        and m.end <= o.end
                        and (o.end - o.start) > (m.end - m.start)
                        for o in mentions
                    )
                )
            ]
            # a compound read inside a longer denial, of its finding or another's ("no
            # breathing" in "no breathing problems", a denial of breathlessness), is that
            # denial's part, not a finding said present
            mentions = [
                m
                for m in mentions
                if not (
                    m.value != "absent"
                    and m.source == "compound"
                    and any(
                        o.value == "absent"
                        and o.source == "lexicon"
                        and o.start <= m.start
                        and m.end <= o.end
                        and (o.end - o.start) > (m.end - m.start)
                        for o in mentions
                    )
                )
            ]
            mentions = [m for m in mentions if not _alternating(text, m, self._diarrhoea)]
            mentions.extend(
                m
                for m in self._baby_age(text)
                if self._applies(self.kb.findings[m.finding_id], person_sex, age)
            )
            mentions = _measured(
                mentions,
                reading_mentions(
                    self._readings,
                    text,
                    lambda fid: self._applies(self.kb.findings[fid], person_sex, age),
                ),
                text,
            )
            pregnancy = self._gestation(text, mentions, person_sex, age)
            if pregnancy:
                # a stated gestation outweighs a denied sign of it ("baby isn't moving")
                by_weeks = {m.finding_id for m in pregnancy}
                mentions = [
                    replace(m, counts=False)
                    if m.finding_id in by_weeks and m.value == "absent"
                    else m
                    for m in mentions
                ]
            mentions.extend(pregnancy)
            gaps = find_period_gaps(text)
            mentions.extend(self._period_timing(gaps, mentions, person_sex, age))
            mentions.extend(self._unplaced_pain(text, mentions))
            mentions = self._brief_stiffness(text, mentions)
            mentions = self._sleep_not_of_the_pain(doc, mentions)
            mentions = self._explained(doc, mentions)
            mentions = self._denied_by_its_qualifier(doc, mentions)
            mentions = self._constant_not_colicky(doc, mentions)
            mentions.extend(self._counted_infections(doc, mentions))
            mentions = self._bleeding_of_the_bowels(text, mentions, person_sex, age)
            mentions.extend(self._period_pain_is_low(text, mentions))
            mentions.extend(
                self._durations(doc, text, mentions, person_sex, age, said_lengths, gaps=gaps)
            )
        mentions = _asked_after(self.kb, mentions)
        mentions = _qualifier_not_its_finding(self.kb, mentions)
        mentions = _other_packs_findings(self.kb, mentions)
        mentions.sort(key=lambda m: (m.start, m.end, m.finding_id))
        return ParseResult(text=text, mentions=tuple(mentions))

    def _baby_age(self, text: str) -> list[Mention]:
        """The findings set from a baby's age in months, from an age said in the text ("our
        baby is 7 weeks old", "a 5 month old"): present when the age is in the finding's range.
        The bands the age is not in are not said: the start form's months set them (the
        interview refuses a baby's age without months), and a rounded age said in words ("a 3
        month old" of 11 weeks) would contradict the form's."""
        m = _AGE_IN_TEXT.search(text)
        if m is None and not _PREGNANCY_WORD.search(text):
            m = _AGE_AFTER_BABY.search(text)
        if m is None:
            return []
        n = _number(m.group("num"))
        unit = m.group("unit").lower()
        months = int(n / 30.4 if unit == "day" else n / 4.35 if unit == "week" else n)
        return [
            Mention(
                finding_id=f.id,
                value="present",
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                source="age",
            )
            for f in self.kb.findings.values()
            if f.age_months is not None and f.age_months[0] <= months <= f.age_months[1]
        ]

    def _narrowest_denial(self, mentions: list[Mention]) -> list[Mention]:
        """A word denied that names one finding exactly denies that one only: "no diarrhoea"
        denies diarrhoea, not every change in bowel habit (constipation is one too), although
        diarrhoea said present is such a change."""
        exact = {
            (m.start, m.end)
            for m in mentions
            if m.value == "absent"
            and m.source == "lexicon"
            and m.text.lower() in _names(self.kb.findings[m.finding_id].name)
        }
        return [
            m
            for m in mentions
            if not (
                m.value == "absent"
                and (m.start, m.end) in exact
                and m.text.lower() not in _names(self.kb.findings[m.finding_id].name)
            )
        ]

    def _where_it_started(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A pain place said before, in the same sentence, a pain that moved from it ("started
        round my belly button and has moved down to the right", "central pain since last night,
        now moved to the RIF") is where the pain was, not where it is: the move says it."""
        moves = [m for m in mentions if m.finding_id == self._moved and m.counts]
        if not moves:
            return mentions

        def before_a_move(m: Mention) -> bool:
            return any(
                m.end <= mv.start and not re.search(r"[.!?;\n]", text[m.end : mv.start])
                for mv in moves
            )

        return [
            m
            for m in mentions
            if not (m.finding_id in self._moved_from and m.value == "present" and before_a_move(m))
        ]

    def _denied_child_alone(self, mentions: list[Mention]) -> list[Mention]:
        """A denial of a finding read around a denied child of it, its own words only a
        negation more ("no projectile vomiting": "no vomiting" with a word between), denies
        the child only: the word between says which kind is denied."""

        def around_child(m: Mention) -> bool:
            return any(
                c.value == "absent"
                and m.finding_id in _ancestors(self.kb, c.finding_id)
                and m.start <= c.start
                and c.end <= m.end
                and (c.end - c.start) < (m.end - m.start)
                and _OWN_NEGATION.fullmatch(
                    (m.text[: c.start - m.start] + m.text[c.end - m.start :]).strip()
                )
                is not None
                for c in mentions
            )

        return [
            m
            for m in mentions
            if not (m.value == "absent" and m.source == "lexicon" and around_child(m))
        ]

    def _read_as_parent(self, doc: Any, matches: list[Match]) -> set[tuple[int, str]]:
        """(start character, finding) of the matches whose very keys, over the same words, are
        also read as their parent of another pack ("blood in her poo": any blood from behind,
        and by the abdomen pack's "bloody poo" blood mixed in). Denied, such words deny the
        parent, and every child with it, so the child's own denial says no more. Within one
        pack (or with the core) the same words listed for both are meant for both ("no
        orthopnoea"); a child that ``hides`` its parent keeps its words ("no black poo")."""
        pack_of, hides = self.lexicon.pack_of, self.lexicon.hides
        out: set[tuple[int, str]] = set()
        for m in matches:
            fid, pack = m.entry.finding_id, pack_of.get(m.entry.finding_id)
            for o in matches:
                parent, other = o.entry.finding_id, pack_of.get(o.entry.finding_id)
                if (
                    (o.start, o.end, o.entry.keys) == (m.start, m.end, m.entry.keys)
                    and pack is not None
                    and other is not None
                    and pack != other
                    and parent in _ancestors(self.kb, fid)
                    and parent not in hides.get(fid, ())
                ):
                    out.add((doc[m.start].idx, fid))
        return out

    def _side_of_the_low_tummy(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """The right- or left-sided low tummy pain (and the one-sided one) for a low tummy pain
        said with its side in the same clause: "pelvic ache on the right", "low tummy pain on
        the left", "stabbing pain on the right low in my pelvis"."""
        low = self._low_tummy
        if low is None:
            return []
        said = {m.finding_id for m in mentions}
        if said & {f for f in self._low_sides.values() if f}:
            return []
        # a pain placed elsewhere over the same words ("right side under the ribs" is the
        # upper right tummy) is not the low tummy's side
        parent = self.kb.findings[low].parent
        lows = {low, self._finding_of("lower abdominal pain"), self._one_side_low}
        lows |= {f for f in self._low_sides.values() if f}
        placed = [
            (m.start, m.end)
            for m in mentions
            if m.value == "present"
            and m.finding_id not in lows
            and parent is not None
            and self.kb.findings[m.finding_id].parent == parent
        ]
        out: list[Mention] = []
        for m in mentions:
            if m.finding_id != low or m.value != "present" or not m.counts:
                continue
            if any(s < m.end and m.start < e for s, e in placed):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            side = _side_near(doc, span.start, span.end)
            fid = self._low_sides.get(side) if side else None
            if fid is None or fid in said:
                continue
            for f in (fid, self._one_side_low):
                if f is not None and f not in said:
                    out.append(replace(m, finding_id=f, source="side"))
            break
        return out

    def _the_backs_low_side(
        self, found: list[Match], words: list[str], sentence_of: list[tuple[int, int]]
    ) -> list[Match]:
        """``found`` without the low tummy's matches that are the back's: their own words name
        the back ("low in my back on the right", "the back of my pelvis on the left") or, with
        no place of their own ("low down on the right"), their sentence names the back and not
        the belly ("back ache, mostly low down on the right")."""
        belly = {f for f in (self._low_tummy, self._one_side_low, *self._low_sides.values()) if f}
        if not belly:
            return found
        low = [w.lower() for w in words]
        out = []
        for m in found:
            if m.entry.finding_id in belly:
                own = set(low[m.start : m.end])
                if own & _BACK_PLACES:
                    continue
                if not own & _BELLY_PLACES:
                    lo, hi = sentence_of[m.start] if m.start < len(sentence_of) else (0, len(low))
                    sentence = set(low[lo:hi])
                    if sentence & _BACK_PLACES and not sentence & _BELLY_PLACES:
                        continue
            out.append(m)
        return out

    def _period_pain_is_low(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The low tummy pain of a period pain said in pain words ("terrible period pains",
        "my periods are agony", "cramps every time my period comes"), when no low tummy pain
        is said and its sentence names no other place ("my back aches before I come on")."""
        low, period = self._low_tummy, self._period_pain
        if low is None or period is None or low == period:
            return []
        if any(m.finding_id == low for m in mentions):
            return []
        for m in mentions:
            if m.finding_id != period or m.value != "present" or not m.counts:
                continue
            lo = max(text.rfind(c, 0, m.start) for c in (". ", "!", "?", ";", "\n")) + 1
            ends = [k for k in (text.find(c, m.end) for c in (". ", "!", "?", ";", "\n")) if k >= 0]
            sentence = text[lo : min(ends, default=len(text))]
            if _PERIOD_PAIN_WORDS.search(sentence) and not _OTHER_PLACE.search(sentence):
                return [replace(m, finding_id=low, source="compound")]
        return []

    def _bleeding_of_the_bowels(
        self, text: str, mentions: list[Mention], sex: Sex | None, age: int | None
    ) -> list[Mention]:
        """A bleeding read as vaginal from bare words ("some blood on the paper") is rectal when
        its sentence is about the bowels and says nothing of periods or the vagina."""
        vag, rect = self._vaginal_bleeding, self._rectal_bleeding
        if vag is None or rect is None or vag == rect:
            return mentions
        if not self._applies(self.kb.findings[rect], sex, age):
            return mentions
        out: list[Mention] = []
        for m in mentions:
            if m.finding_id == vag:
                lo = max(text.rfind(c, 0, m.start) for c in (". ", "!", "?", ";", "\n")) + 1
                ends = [k for k in (text.find(c, m.end) for c in (". ", "!", "?", ";", "\n"))]
                sentence = text[lo : min([k for k in ends if k >= 0], default=len(text))]
                if _BOWEL_WORDS.search(sentence) and not _VAGINAL_WORDS.search(sentence):
                    m = replace(m, finding_id=rect)
            if m not in out:
                out.append(m)
        return out

    def _brief_stiffness(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Morning stiffness said to last minutes, under half an hour ("stiff in the mornings
        for 10 minutes", "stiffness only lasts 5 minutes or so"), is not the long morning
        stiffness the finding asks about: it is denied."""
        fid = self._morning_stiffness
        if fid is None:
            return mentions
        out = []
        for m in mentions:
            if m.finding_id == fid and m.value == "present" and m.counts:
                lo = max(text.rfind(c, 0, m.start) for c in (". ", "!", "?", ";", "\n")) + 1
                ends = [k for k in (text.find(c, m.end) for c in (". ", "!", "?", ";", "\n"))]
                sentence = text[lo : min([k for k in ends if k >= 0], default=len(text))]
                brief = _MINUTES.search(sentence)
                if brief and float(_number(brief.group("n"))) < 30:
                    m = replace(m, value="absent", negated=True)
            out.append(m)
        return out

    def _the_upper_tummy(self, found: list[Match], words: list[str]) -> list[Match]:
        """A tummy pain said high ("pain in the upper tummy", "pain high in my tummy", "upper
        stomach pain") is the upper tummy's, not the low tummy a bare tummy pain stands for."""
        low, upper = self._low_tummy, self._upper_belly
        if low is None or upper is None:
            return found
        entry = next((m.entry for m in found if m.entry.finding_id == upper), None)
        out: list[Match] = []
        for m in found:
            if m.entry.finding_id == low and m.entry.value == "present":
                said = {w.lower() for w in words[max(0, m.start - 2) : m.end + 2]}
                if said & _HIGH_WORDS:
                    if entry is not None or any(
                        o.entry.finding_id == upper and o.start < m.end and m.start < o.end
                        for o in found
                    ):
                        continue
                    if self._upper_entry is not None:
                        m = replace(m, entry=self._upper_entry)
            out.append(m)
        return out

    def _a_lump_elsewhere(
        self, words: list[str], m: Match, sentence_of: list[tuple[int, int]]
    ) -> bool:
        """True for a bare lump ("no lumps", "lumps or swelling") read as a lump in the tummy
        in a sentence that puts it elsewhere and names no tummy: "no lumps in my testicles",
        "groin ache, no lump I can see", "ache in my balls, no lumps or swelling"."""
        if m.entry.finding_id not in self._tummy_lumps:
            return False
        own = {w.lower() for w in words[m.start : m.end]}
        if not own <= _LUMP_WORDS:
            return False
        lo, hi = sentence_of[m.start] if m.start < len(sentence_of) else (0, len(words))
        said = " ".join(words[lo:hi])
        return bool(_ELSEWHERE.search(said)) and not _BELLY_TEXT.search(said)

    def _counted_infections(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """Repeated infections told by their count: "3 water infections since September", "4
        UTIs and 2 chest infections this year" (three or more: repeated); "I've had 2 UTIs this
        year, months apart" (one or two had: not repeated). Nothing when the text already says."""
        fid = self._repeated_infections
        if fid is None or any(m.finding_id == fid and m.counts for m in mentions):
            return []
        out: list[Mention] = []
        for sent in doc.sents:
            counts = list(_COUNTED_INFECTIONS.finditer(sent.text))
            if not counts or _FAMILY_WORDS.search(sent.text) or "?" in sent.text:
                continue
            total = sum(
                int(n) if n.isdigit() else _COUNT_WORDS.get(n.lower(), 0)
                for n in (c.group("n") for c in counts)
            )
            if total >= 3:
                value = "present"
            elif re.search(r"\b(?:had|have had|i've had|ive had)\b", sent.text, re.I) and (
                re.search(r"\b(?:apart|none since|this year|in the last|since)\b", sent.text, re.I)
            ):
                value = "absent"
            else:
                continue
            first = counts[0]
            start = sent.start_char + first.start()
            end = sent.start_char + counts[-1].end()
            out.append(
                Mention(
                    finding_id=fid,
                    value=value,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    negated=value == "absent",
                    source="reading",
                )
            )
            break
        return out

    def _denied_by_its_qualifier(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """Without a finding said by its bare word when its sentence goes on to deny the
        word that makes it the finding: "tightenings, maybe 3 an hour, not regular" are not
        regular tightenings (the bare "tightenings" stood for them)."""
        drop = set()
        for m in mentions:
            if m.value != "present" or m.source != "lexicon" or not m.counts:
                continue
            if len(m.text.split()) > 2:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            for o in mentions:
                if (
                    o.finding_id == m.finding_id
                    and o.value == "absent"
                    and m.end <= o.start < sent.end_char
                    and len(o.text.split()) <= 3
                    and re.match(r"(?:not|nothing|irregular)\b", o.text, re.I)
                ):
                    said = re.sub(r"^(?:not|nothing)\s+|^ir", "", o.text.lower())
                    if said and said.split()[0] not in m.text.lower():
                        drop.add(id(m))
        return [m for m in mentions if id(m) not in drop]

    def _constant_not_colicky(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """Without a pain said "constant" as a pain that rest does not ease, when its sentence
        sets it against waves: "constant, not in waves" tells the pattern, not the rest."""
        out = []
        for m in mentions:
            if m.value == "present" and re.search(r"\bconstant", m.text, re.I):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and _WAVES.search(span.sent.text):
                    continue
            out.append(m)
        return out

    def _explained(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """A finding asked as "without trying" said with what was tried: "lost 2 stone, but
        I've been on Slimming World", "lost weight on purpose" deny it."""
        out = []
        for m in mentions:
            if m.value == "present" and m.finding_id in self._unexplained:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                said = span.sent.text if span is not None else ""
                if any(
                    not re.search(r"\b(?:not|no|never|without|n't)\b[^,.;]*$", said[: i.start()])
                    for i in _INTENDED.finditer(said)
                ):
                    m = replace(m, value="absent", negated=True)
            out.append(m)
        return out

    def _sleep_not_of_the_pain(self, doc: Any, mentions: list[Mention]) -> list[Mention]:
        """Mentions without a pain's qualifier denied by sleep words ("sleeping well") in a
        sentence that names no pain or complaint: "Energy levels normal, sleeping fine. Back
        niggle only." tells how the person is, not that the pain spares the night."""
        out = []
        for m in mentions:
            if (
                m.value == "absent"
                and m.finding_id in self._pain_qualifiers
                and re.search(r"\bsle(?:ep|pt)", m.text, re.I)
            ):
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                sent = span.sent if span is not None else None
                if sent is not None and not (
                    _PAIN_WORDS.search(sent.text)
                    or any(
                        o.counts
                        and sent.start_char <= o.start < sent.end_char
                        and self.kb.findings[o.finding_id].group is FindingGroup.COMPLAINT
                        for o in mentions
                    )
                ):
                    continue
            out.append(m)
        return out

    def _unplaced_pain(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The umbrella complaint ("pain") for a pain said with no place at all ("I'm in so much
        pain", "it hurts everywhere"), when no pain with a place is said in the text."""
        umbrella = self._umbrella
        if umbrella is None:
            return []
        if any(
            m.finding_id == umbrella or self.kb.findings[m.finding_id].parent == umbrella
            for m in mentions
            if self.kb.findings[m.finding_id].group is FindingGroup.COMPLAINT
        ):
            return []
        m = _UNPLACED_PAIN.search(text)
        if m is None or _NEGATION_BEFORE.search(text[max(0, m.start() - 15) : m.start()]):
            return []
        return [
            Mention(
                finding_id=umbrella,
                value="present",
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                source="lexicon",
            )
        ]

    def _finding_of(self, phrase: str, widest: bool = False) -> str | None:
        """The finding a plain phrase matches on its own, if one does (``widest``: of the
        findings its longest match names, the one none of the others is a parent of)."""
        found = [
            m
            for m in match_text(self.lexicon, self._tokenize(phrase))
            if m.entry.value == "present" and not m.entry.system
        ]
        found.sort(key=lambda m: m.start - m.end)  # the longest first
        if not found:
            return None
        if widest:
            widest_span = found[0].end - found[0].start
            named = {m.entry.finding_id for m in found if m.end - m.start == widest_span}
            return next(
                (f for f in sorted(named) if not named & set(_ancestors(self.kb, f))),
                found[0].entry.finding_id,
            )
        return found[0].entry.finding_id

    def _movement_that_caused_it(self, found: list[Match], words: list[str]) -> list[Match]:
        """Without a "pain with movement" match whose movement word is the strain that caused
        the pain ("back pain after moving furniture", "since I moved house"), or moves a thing
        rather than the body ("since moving the sofa")."""
        strains = [m for m in found if m.entry.finding_id == self._strain]
        return [
            m
            for m in found
            if not (
                m.entry.finding_id == self._with_movement
                and (
                    any(s.start <= m.end - 1 < s.end for s in strains)
                    or (
                        words[m.end - 1].lower() in _MOVE_WORDS
                        and m.end < len(words)
                        and words[m.end].lower() in _MOVED_THINGS
                    )
                )
            )
        ]

    def _a_trigger(self, words: list[str], m: Match) -> bool:
        """True for a cough said as what sets something off, not as a symptom: "hurts when I
        cough", "worse coughing", "a bulge when I cough", "over a bump or I cough"."""
        if m.entry.finding_id != self._cough or m.end - m.start > 2:
            return False
        before = [w.lower() for w in words[max(0, m.start - 3) : m.start]]
        if before[-2:] == ["or", "i"]:
            return True  # "... when the car goes over a bump or I cough"
        # "coughing and sneezing don't make the leg pain any worse", "coughing makes it hurt":
        # the cough is what does (or does not) set the pain off
        after = []
        for w in words[m.end : m.end + 10]:
            if w in (".", ";", "!", "?"):
                break
            after.append(w.lower())
        if (
            not _HAVE_BEFORE & set(before[-2:])
            and {"make", "makes", "made", "making"} & set(after)
            and {
                "worse",
                "better",
                "hurt",
                "hurts",
                "difference",
                "pain",
                "sore",
                "ache",
            }
            & set(after)
        ):
            return True
        return bool(_TRIGGER_BEFORE & set(before)) and not _HAVE_BEFORE & set(before[-2:])

    def _cough_of_the_belly(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A pain worse on coughing or moving is the tummy pain's, not the leg pain's or the
        back pain's, in a text about the belly that says nothing of the leg or back ("RIF pain,
        worse on coughing", "tummy pain, walking makes her bend over"); in a text about the
        back that says nothing of a leg, a cough that hurts is not the leg pain's."""
        leg, belly = self._cough_pair
        if leg is None or belly is None:
            return mentions
        moved = {leg, self._with_movement} - {None}
        if not any(m.finding_id in moved for m in mentions):
            return mentions
        parent = self.kb.findings[leg].parent
        if any(m.finding_id == parent for m in mentions) or _LEG_ONLY.search(text):
            return mentions
        if _LEG_WORDS.search(text):
            # "my lower back aches when I cough", no leg said: the cough hurts the back, and
            # the leg pain it is asked of is not there to be worse
            return [m for m in mentions if not (m.finding_id == leg and m.value == "present")]
        if not _BELLY_TEXT.search(text):
            return mentions
        out: list[Mention] = []
        for m in mentions:
            m = replace(m, finding_id=belly) if m.finding_id in moved else m
            if m not in out:
                out.append(m)
        return out

    def _is_current(self, match: Match, mod: Modifiers) -> bool:
        """True for a symptom the person has now (not hypothetical, uncertain or over)."""
        finding = self.kb.findings[match.entry.finding_id]
        return (
            finding.group in _CURRENT_GROUPS
            and not _is_family_finding(finding)
            and not (mod.hypothetical or mod.uncertain or mod.historical)
        )

    def _proxy_patient(
        self,
        matches: list[Match],
        mods: list[Modifiers],
        subjects: list[Subject],
        first_person: bool,
    ) -> Person | None:
        """The other person the text is about (a proxy report), or None; see ``subjects``."""
        current = [self._is_current(m, mod) for m, mod in zip(matches, mods, strict=True)]
        present = [
            not (mod.negated or m.negated or m.entry.denies or m.entry.value == "absent")
            for m, mod in zip(matches, mods, strict=True)
        ]
        patient = proxy_patient(subjects, current, present, first_person=first_person)
        if patient is not None or any(current):
            return patient
        # a text that states no symptom at all, only a husband's, wife's or partner's own
        # illness ("My husband has liver cirrhosis from drinking"): not a family history (a
        # spouse is no blood relative), so the writer asks about them
        return next(
            (
                s
                for m, mod, s, pres in zip(matches, mods, subjects, present, strict=True)
                if isinstance(s, Person)
                and s.noun in _SPOUSES
                and pres
                and not (mod.hypothetical or mod.uncertain)
                and self.kb.findings[m.entry.finding_id].group in _PAST_GROUPS
                and not _is_family_finding(self.kb.findings[m.entry.finding_id])
            ),
            None,
        )

    def _mention(
        self,
        doc: Any,
        match: Match,
        mod: Modifiers,
        subject: Subject = None,
        patient: Person | None = None,
        speaks: bool = False,
    ) -> Mention:
        finding = self.kb.findings[match.entry.finding_id]
        span = doc[match.start : match.end]
        writer_only = False
        if patient is not None:
            if subject is None or about_patient(subject, patient):
                # a proxy report: what is said of the patient is the patient's, even when
                # they are a relative of the writer ("my dad ... he collapsed")
                others = tuple(t for t in mod.family_by if not names_patient(t, patient))
                mod = replace(mod, family=bool(others), family_by=others)
            elif subject == WRITER:
                writer_only = True  # the writer's own history is not the patient's
            else:
                mod = replace(mod, family=True)  # "his mother had ovarian cancer"
        elif isinstance(subject, Person) and (
            self._is_current(match, mod) or (speaks and not _is_family_finding(finding))
        ):
            # the writer's own symptoms come first; another person's are not theirs, nor is
            # another person's history when the writer speaks of themself too ("my husband
            # has diabetes and kidney stones, I've got neither")
            mod = replace(mod, family=True)
        elif subject == WRITER and not _is_family_finding(finding):
            # "after my daughter's birth *I* had heavy bleeding": the writer's own, although
            # a relative was named; "I have a family history of" stays the family's
            others = tuple(t for t in mod.family_by if not names_a_person(t))
            mod = replace(mod, family=bool(others), family_by=others)
        # "I've not bled since the menopause": a time anchor is not what the "not" denies
        if mod.negated and finding.group in _PAST_GROUPS and span[0].lower_ in _ANCHORS:
            mod = replace(mod, negated=False)
        if (
            mod.negated
            and not match.entry.denies
            and not match.negated
            and _OWN_NEGATION.search(match.entry.phrase)
            and _OWN_NEGATION.search(span.text)
        ):
            # a finding named by a negation said in its own words ("won't feed") after a
            # negation of something before it ("which isn't like her, won't feed"): its
            # negation is its meaning, not a denial
            mod = replace(mod, negated=False)
        if (
            mod.negated
            and not match.entry.denies
            and _OWN_NEGATION.search(match.entry.phrase)
            and not _OWN_NEGATION.search(span.text)
        ):
            # a finding named by a negation ("not passing wind") said with the negation
            # before it, for two things ("haven't had a poo or passed any wind"): that
            # negation is the phrase's own, not a denial of it
            mod = replace(mod, negated=False)
        if match.negated or match.entry.denies:
            # "my period is not late", "apyrexial": the phrase carries its own negation
            mod = replace(mod, negated=True)
        value = match.entry.value
        counts = not (mod.hypothetical or mod.uncertain)
        if value == "present" and mod.negated:
            value = "absent"
        elif value != "present" and mod.negated:
            counts = False  # "not suddenly" does not say which option it was
        if _is_family_only(finding):
            counts = counts and (mod.family or bool(_FAMILY_WORDS.search(span.text)))
        kin = mod.family_by or (doc.text[span.sent.start_char : span.start_char],)
        if not mod.negated and _is_family_finding(finding) and _too_distant(finding, kin):
            counts = False  # "my cousin has Crohn's": not a parent, brother or sister
        elif mod.family and not _is_family_finding(finding):
            counts = False  # a relative's illness is not the person's
        if mod.historical and finding.group not in _PAST_GROUPS:
            counts = False  # an old episode says nothing about the symptom now
        if mod.dated and finding.group not in _DATED_GROUPS:
            counts = False
        if writer_only or is_animal(subject):
            counts = False  # a pet's symptoms are nobody's here
        return Mention(
            finding_id=finding.id,
            value=value,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            negated=mod.negated,
            historical=mod.historical or mod.dated,
            hypothetical=mod.hypothetical,
            uncertain=mod.uncertain,
            family=mod.family,
            corrected=match.corrected,
            counts=counts,
        )

    def _gestation(
        self, text: str, mentions: list[Mention], sex: Sex | None, age: int | None
    ) -> list[Mention]:
        """The pack's pregnancy findings from a stated gestation ("I'm 33 weeks", "10/40").

        The yes/no finding named "Pregnan..." without a length is present, and so is the one
        whose name's range of weeks holds the gestation. Nothing when the text already says
        them in words or they do not apply to the person.
        """
        found = find_gestations(text)
        if not found:
            return []
        gest = found[0]
        said = {m.finding_id for m in mentions if m.counts and m.value == "present"}
        out: list[Mention] = []
        for finding in self.kb.findings.values():
            if finding.type is not FindingType.YES_NO or finding.id in said:
                continue
            if not finding.name.lower().startswith(("pregnan", "early pregnan")):
                continue
            if not self._applies(finding, sex, age):
                continue
            band = bands_from_label(finding.name)
            if band is None and re.search(r"\d", finding.name):
                continue
            if band is not None and not band[0] <= gest.weeks * 7 < band[1]:
                continue
            out.append(
                Mention(finding.id, "present", gest.start, gest.end, gest.text, source="gestation")
            )
        return out

    def _period_timing(
        self, gaps: list[PeriodGap], mentions: list[Mention], sex: Sex | None, age: int | None
    ) -> list[Mention]:
        """The pack's late-period finding from a stated gap since the last period.

        Present for a gap of five weeks up to a year, absent for under four weeks; nothing when
        the pack has no such finding, it does not apply to the person, or the text already
        answers it in words.
        """
        if not gaps:
            return []
        targets = [
            f
            for f in self.kb.findings.values()
            if f.type is FindingType.YES_NO
            and self._applies(f, sex, age)
            and is_late_period_finding(f.name, f.synonyms)
        ]
        said = {m.finding_id for m in mentions if m.counts}
        out: list[Mention] = []
        for finding in targets:
            if finding.id in said:
                continue
            gap = gaps[0]
            if gap.late:
                value = "present"
            elif gap.days < 28:
                value = "absent"
            else:
                continue
            out.append(
                Mention(
                    finding_id=finding.id,
                    value=value,
                    start=gap.start,
                    end=gap.end,
                    text=gap.text,
                    negated=value == "absent",
                    source="period",
                )
            )
        return out

    def _durations(
        self,
        doc: Any,
        text: str,
        mentions: list[Mention],
        sex: Sex | None,
        age: int | None,
        said: list[Duration],
        gaps: list[PeriodGap] = [],  # noqa: B006 (never mutated)
    ) -> list[Mention]:
        """Mentions of the applicable duration findings, each from its best-placed phrase of
        ``said`` (the lengths of time in the text).

        A phrase that dates the last period (``gaps``) or gives a gestation is not a duration
        of the pain.
        """
        findings = [
            f
            for f in self.kb.findings.values()
            if f.type is FindingType.DURATION and self._applies(f, sex, age)
        ]
        # nor is a stated gestation ("25 weeks. Baby kicking away")
        taken = [(g.start, g.end) for g in gaps] + [(g.start, g.end) for g in find_gestations(text)]
        found = [d for d in said if all(d.end <= lo or d.start >= hi for lo, hi in taken)]
        if not findings or not found:
            return []
        present = {m.finding_id for m in mentions if m.counts and m.value == "present"}
        # a finding said states the complaints it qualifies ("blurred sight" an eye problem)
        qualified = _said_present(self.kb, mentions)
        met = [
            f
            for f in findings
            if set(f.applies_to.requires) <= qualified
            and (not f.applies_to.requires_any or set(f.applies_to.requires_any) & qualified)
        ]
        # with no duration finding for the complaints the text states (palpitations, a
        # swollen leg), a time there is theirs, not a back pain's: the first duration finding
        # stands in only when the text names no complaint it could date instead
        complaints = {
            fid for fid in present if self.kb.findings[fid].group is FindingGroup.COMPLAINT
        }
        if not met and complaints:
            return []
        # each duration finding the text's complaints call for dates its own complaints ("a
        # runny nose and a cough for 3 days" gives both; "a cough for 5 weeks, a sore throat
        # since Saturday" gives each its time): one mention per finding, from its best phrase
        out = []
        for target in met or findings[:1]:
            mention = self._duration_of(doc, text, target, found, mentions)
            if mention is not None:
                out.append(mention)
        return out

    def _duration_of(
        self,
        doc: Any,
        text: str,
        target: Finding,
        found: list[Duration],
        mentions: list[Mention],
    ) -> Mention | None:
        """The mention of the duration finding ``target`` from the best-placed of ``found``,
        or None when no phrase dates the complaints it is asked for."""
        # the complaints the duration dates: those it is asked for, else those it applies to
        # and every complaint of its own pack or the core (an eye problem's start is not
        # another pack's sinus pain's), else every complaint
        home = self.kb.origin.get("finding:" + target.id)
        required = {*target.applies_to.requires, *target.applies_to.requires_any}
        complaints = [f.id for f in self.kb.findings.values() if f.group is FindingGroup.COMPLAINT]
        dated = (
            frozenset(fid for fid, present in rule_findings(target.ask_if) if present)
            if target.ask_if is not None
            else frozenset(
                required
                | {c for c in complaints if self.kb.origin.get("finding:" + c) in (home, "core")}
            )
            if required
            else frozenset(complaints)
        )
        scored = [(self._duration_score(doc, d, mentions, dated), d) for d in found]
        scored = [(score, d) for score, d in scored if score[0] >= 0]
        if not scored:
            return None
        best = max(scored, key=lambda sd: sd[0])[1]
        labels = {o.id: o.label for o in target.options}
        if _HEDGED.search(best.text) or _HEDGED.match(text[best.end : best.end + 30]):
            # "6 weeks or so", "a week or so, maybe longer": on the edge of two options, a
            # hedged time could be either
            edges = {e for band in map(bands_from_label, labels.values()) if band for e in band}
            if any(abs(best.days - e) <= 0.05 * e for e in edges if 0 < e < float("inf")):
                return None
        option = option_for(best.days, labels)
        if option is None:
            return None
        return Mention(
            finding_id=target.id,
            value=option,
            start=best.start,
            end=best.end,
            text=best.text,
            source="duration",
        )

    def _dates(self, fid: str, dated: frozenset[str]) -> bool:
        """True for a complaint the duration dates, or a finding that qualifies one (its
        child, down the chain: "blurred vision" is a change in sight, an eye complaint)."""
        return fid in dated or any(p in dated for p in _ancestors(self.kb, fid))

    def _other_pain(self, m: Mention, dated: frozenset[str]) -> bool:
        """True for a pain said present that the duration finding does not date: not one of
        the complaints it is asked for, nor under the same umbrella as they are (a headache, a
        sore throat, a perineal ache; not sciatica or a buttock pain)."""
        if m.finding_id in dated or not _PAIN_WORDS.search(m.text):
            return False
        return not self._under_umbrella(m.finding_id, dated)

    def _under_umbrella(self, fid: str, dated: frozenset[str]) -> bool:
        """True for a finding under the same umbrella as the complaints a duration dates."""
        parents = {self.kb.findings[d].parent for d in dated if d in self.kb.findings}
        return self.kb.findings[fid].parent in parents - {None}

    def _duration_score(
        self, doc: Any, dur: Duration, mentions: list[Mention], dated: frozenset[str]
    ) -> tuple[int, int]:
        """Rank a duration phrase (negative = not about the current problem).

        A duration dates what its own clause is about: best when the clause names a current
        complaint, then pain or stiffness, then "it's been going on"; a clause about another
        finding ("a cough for 3 weeks", "on steroids for 6 months", "trying for a baby for 18
        months") dates that, not the pain. A clause naming nothing borrows from its sentence,
        weakly. Earliest first on ties. A phrase in a sentence about the past ("I had a kidney
        stone five years ago") is not used.
        """
        sent = doc.char_span(dur.start, dur.end, alignment_mode="expand")
        lo, hi = (sent.sent.start_char, sent.sent.end_char) if sent is not None else (0, 0)
        sentence = doc.text[lo:hi]
        # "stiff for an hour every morning" is how long each bout lasts, not the illness
        after = doc.text[dur.end : dur.end + 20].lower()
        if re.match(r"\s*(every|each|a day|a night|at a time|in the morning)", after):
            return (-1, -dur.start)
        # "stiff in the mornings for an hour": minutes or hours after a bout are its length
        before = doc.text[max(lo, dur.start - 40) : dur.start].lower()
        if dur.days < 1 and _BOUT_WORDS.search(before):
            return (-1, -dur.start)
        # "Mum (80, on warfarin for 10 years) has ...": an aside in brackets is about itself
        opened = doc.text.rfind("(", lo, dur.start)
        closed = doc.text.find(")", dur.end, hi) if opened >= 0 else -1
        if (
            opened >= 0
            and closed >= 0
            and ")" not in doc.text[opened : dur.start]
            and not _PAIN_WORDS.search(doc.text[opened:closed])
        ):
            return (-1, -dur.start)
        c_lo = max(
            [lo, *(m.end() + lo for m in _CLAUSE_BOUNDARY.finditer(sentence[: dur.start - lo]))]
        )
        nxt = _CLAUSE_BOUNDARY.search(sentence, dur.end - lo)
        c_hi = lo + nxt.start() if nxt else hi
        # the clause without the duration itself ("this morning" is not "this" pain)
        clause = doc.text[c_lo : dur.start] + " " + doc.text[dur.end : c_hi]
        # the findings said present in the clause, and in the sentence
        # (a compound read across the time, "diarrhoea since last night and cramps" as a tummy
        # pain, joins words on both sides of it: the time is said of the words before)
        in_clause = [
            m
            for m in mentions
            if c_lo <= m.start < c_hi
            and m.counts
            and m.value == "present"
            and not (m.source == "compound" and m.start < dur.start and dur.end < m.end)
        ]
        said = any(
            m.counts and m.value == "present" and self._dates(m.finding_id, dated) for m in mentions
        )
        if (
            re.search(r"\bago\b", dur.text)
            and _EVENT_WORDS.search(doc.text[c_lo : dur.start])
            and not _PAIN_WORDS.search(clause)
            and not re.search(r"\bsince\b", doc.text[dur.end : hi], re.I)
            and not _PAIN_FROM_EVENT.search(doc.text[lo:c_lo])
        ):
            # "had my baby 5 weeks ago", "took 30 paracetamol an hour ago", "positive test 2
            # weeks ago": when something was done, not how long the complaint has lasted
            # (unless the pain is dated from it: "... and my back has hurt ever since")
            return (-1, -dur.start)
        if not in_clause and _ELLIPTIC_BEEN.fullmatch(clause.strip(" ,.;:-")):
            # "I'm shattered all the time, have been for 2 months": the clause goes on saying
            # what the one before it said; the time is that finding's unless it is the pain
            before = [
                m for m in mentions if lo <= m.start < c_lo and m.counts and m.value == "present"
            ]
            last = max(before, key=lambda m: m.start, default=None)
            if (
                last is not None
                and not self._dates(last.finding_id, dated)
                and not self._under_umbrella(last.finding_id, dated)
                and not _PAIN_WORDS.search(doc.text[last.start : dur.start])
            ):
                return (-1, -dur.start)
        if any(self._dates(m.finding_id, dated) for m in in_clause):
            best = 3
        elif any(self._other_pain(m, dated) for m in in_clause) and not any(
            self._under_umbrella(m.finding_id, dated) for m in in_clause
        ):
            # "a headache and a sore throat for two days", "perineal ache x 2/12", "an ache
            # in my balls for 2 months": how long a pain the duration is not asked of has lasted
            return (-1, -dur.start)
        elif _PAIN_WORDS.search(clause):
            best = 2
        elif _ONGOING.search(clause) or re.search(r"\b(this|it|that)\b", clause, re.I):
            best = 1 if said or _PAIN_WORDS.search(sentence) else -1
        elif not re.match(r"for\b", dur.text, re.I) and any(
            self._under_umbrella(m.finding_id, dated) for m in in_clause
        ):
            best = 2  # "coming in waves since 2am": what the pain is like, for that long
        elif in_clause and re.match(r"(for|over|since|during)\b", dur.text, re.I):
            if _joined_to_complaint(doc.text, lo, c_lo, mentions, dated):
                best = 2  # "back pain and a temperature since last night": both
            else:
                return (-1, -dur.start)  # the clause says how long another finding has lasted
        elif in_clause:
            # "slipped on the ice yesterday ... now my back is agony", "did my back in lifting
            # the sofa on Thursday": when the pain started; "positive test on Friday" is not
            current = any(
                self.kb.findings[m.finding_id].group in _CURRENT_GROUPS for m in in_clause
            )
            if all(
                self.kb.findings[m.finding_id].group in _CURRENT_GROUPS for m in in_clause
            ) and not _PAIN_WORDS.search(clause):
                # "pink wee this morning", "blacked out this morning", "shivers all last
                # night": when another symptom came, not how long the pain has lasted
                return (-1, -dur.start)
            if (
                not current
                and not any(m.finding_id in self._pain_events for m in in_clause)
                and not re.search(r"\b(?:since|after)\b", doc.text[c_lo : dur.start], re.I)
            ):
                # "a positive test on Thursday", "new fella last month": when something else
                # happened, not an event the pain dates from (a fall, a lift, "since I came
                # down with a cold on Saturday")
                return (-1, -dur.start)
            best = 0 if _PAIN_WORDS.search(sentence) or (said and current) else -1
        elif re.match(r"(for|over|since|during)\b", dur.text, re.I):
            best = (
                0
                if _PAIN_WORDS.search(sentence)
                # "Back pain. Since the start of the month.": a time said on its own
                else 1
                if said and not _FILLER_CLAUSE.sub("", clause).strip(" \t\n,.;:!?-")
                else -1
            )
        elif (
            re.search(r"\bago\b", doc.text[dur.end : dur.end + 6])
            or not re.search(r"^(?:for|over|in|during)\b|\bago\b", dur.text, re.I)
        ) and re.search(r"\bnow\b(?!\W*$)", doc.text[dur.end : hi], re.I):
            # ("About a fortnight now." ends with its "now": a time said on its own, below)
            # "tripped on the stairs 3/7 ago, now LBP", "fell in the hallway this morning, now
            # his back hurts": the pain dates from then
            best = 0 if _PAIN_WORDS.search(doc.text[dur.end : hi]) else -1
        elif (
            said
            and not in_clause
            and not re.search(r"\bago\b", dur.text, re.I)
            and not (_FILLER_CLAUSE.sub("", clause).strip(" \t\n,.;:!?-"))
        ):
            # "LBP with sciatica, 10/7.", "Back pain. Been 2 weeks.", ", 2nd day": a time said
            # on its own, in a text that names the complaint, is how long it has lasted
            best = 1
        else:
            return (-1, -dur.start)  # a point in time in a clause about nothing said
        penalty = 0
        for m in mentions:
            if lo <= m.start < hi and m.historical:
                penalty += 3
        if re.search(r"\bago\b", dur.text) and dur.days >= 365:
            penalty += 2
        return (best - penalty, -dur.start)


def _number(word: str) -> float:
    w = word.lower()
    return float(NUMBER_WORDS[w]) if w in NUMBER_WORDS else float(w)


_EXCEPTION_BEFORE = re.compile(
    r"\b(?:apart\s+from|other\s+than|except(?:\s+for)?|aside\s+from|besides)\s+(?:\w+\s+){0,3}$",
    re.I,
)


def _the_exception(words: list[str], start: int) -> bool:
    """True for a mention named as the one exception ("apart from the pain in my balls")."""
    before = " ".join(words[max(0, start - 5) : start]) + " "
    return bool(_EXCEPTION_BEFORE.search(before)) and not re.search(
        r"\b(?:no|not|never|n't)\b", before.split("apart")[-1], re.I
    )


_SIDE_NOT = frozenset(
    ["now", "away", "across", "through", "down", "up", "into", "there", "here", "in", "at", "over",
     "round", "around", "me", "him", "her", "them", "work", "home", "leg", "arm", "shoulder",
     "testicle", "ball", "foot", "knee", "hip", "breast", "eye", "ear", "loin", "kidney", "back",
     "flank", "ribs"]
)  # fmt: skip
_SIDE_BEFORE = frozenset(["the", "on", "to", "my", "lower", "bottom", "low", "her", "his", ","])


def _side_near(doc: Any, start: int, end: int) -> str | None:
    """ "right" or "left" said of the place of the tokens ``[start, end)``: within three words
    before or six after, in the same clause, not as "right now", "left work" or another part's
    side ("right shoulder", "left leg")."""
    sent = doc[start].sent
    lo, hi = max(sent.start, start - 3), min(sent.end, end + 6)
    for i in [*range(start, hi), *range(start - 1, lo - 1, -1)]:
        w = doc[i].lower_
        if w in (".", ";", "!", "?", "but", "and") and i >= end:
            break
        if w not in ("right", "left"):
            continue
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        if nxt in _SIDE_NOT or (
            nxt not in ("side", "-", "sided", ".", ",", "") and prev not in _SIDE_BEFORE
        ):
            continue
        return w
    return None


_STRAIN_QUALIFIED = frozenset(
    ["worse", "worst", "better", "eases", "eased", "easier", "helps", "helped", "once"]
)
_STRAIN_WHEN = frozenset(["when", "whenever", "if", "while"])
_STRAIN_UNABLE = re.compile(
    r"\b(?:ca|can|could)\s?n'?t\b|\b(?:cannot|unable|struggle|struggling)\b", re.I
)
_A_FALL = re.compile(
    r"\b(?:fall|fell|fallen|tripped|slipped|crash\w*|collided|came\s+off|knocked|tackled)\b", re.I
)
_PAST_DOING = re.compile(r"\w+ed\b|\b(?:did|done|bent|lugged|dug|lifted|picked|went|hurt)\b", re.I)


# "on and off" said of a span of weeks or months: bouts over that time, not a pain that comes
# and goes within one ("tummy aches on and off for months", "on and off since the summer")
_PARTICLES = frozenset(["on", "off", "and", "in", "out", "up", "down"])
_SPAN_AFTER = frozenset(["for", "since", "over", "throughout", "all"])


def _recurring(words: list[str], m: Match) -> bool:
    """True when ``m`` is a phrase of particles alone ("on and off") followed by a span of
    time ("for 2 months", "since the summer", "over the last year")."""
    if not m.entry.words or not all(w in _PARTICLES for w in m.entry.words):
        return False
    after = [w.lower() for w in words[m.end : m.end + 2] if w != ","]
    return bool(after) and after[0] in _SPAN_AFTER


def _not_a_strain(words: list[str], m: Match) -> bool:
    """True for an activity that did not set the pain off: what makes it worse or better
    ("worse when I twist", "better once I'm at the gym"), what cannot be done ("can't lift my
    arm"), a fall during it ("after a fall playing netball": the fall is the event) or the
    place it is named by ("collapsed in the garden")."""
    before: list[str] = []
    for w in reversed(words[max(0, m.start - 6) : m.start]):
        if w in (".", ";", "!", "?", ",", "but", "and"):
            break
        before.insert(0, w.lower())
    own = " ".join(words[m.start : m.end])
    if _STRAIN_QUALIFIED & set(before) or _STRAIN_UNABLE.search(" ".join(before)):
        return True
    if _STRAIN_WHEN & set(before[-3:]) and not _PAST_DOING.search(own):
        return True
    if _A_FALL.search(" ".join(before)):
        return True
    return own.lower() == "garden" and before[-2:] in (["in", "the"], ["in", "my"])


_AFTER_A_TRIGGER = frozenset(
    ["at", "with", "when", "on", "if", "after", "during", "in", "whenever", "for", "sitting",
     "walking", "moving", "lying", "standing", "bending", "coughing"]
)  # fmt: skip
_OTHER_COURSES = frozenset(
    ["bowels", "bowel", "poo", "poos", "stools", "periods", "period", "weight", "appetite",
     "wee", "urine", "peeing", "flow", "stream", "cycle"]
)  # fmt: skip


def _not_the_course(words: list[str], m: Match) -> bool:
    """True for words of the pain's course that say something else: what does not make it
    worse ("not worse with movement", "isn't worse at night", "coughing doesn't make it
    worse"), another thing that stays the same ("bowels about the same"), or "no better"
    beside "no worse" (a pain that stays as it is)."""
    own = [w.lower() for w in words[m.start : m.end]]
    nxt = words[m.end].lower() if m.end < len(words) else ""
    sentence_end = next(
        (i for i in range(m.end, len(words)) if words[i] in (".", "!", "?", ";")), len(words)
    )
    later = " ".join(w.lower() for w in words[m.end : sentence_end])
    denial = m.entry.denies or m.negated or m.entry.value != "present"
    if not denial and own[:1] in (["no"], ["not"]):
        return bool(re.search(r"\b(?:no|not|n't)\s+worse\b", later))
    if not denial:
        return False
    if "worse" in own and (nxt in _AFTER_A_TRIGGER or {"make", "makes", "made"} & set(own)):
        return True
    before = {w.lower() for w in words[max(0, m.start - 3) : m.start]}
    return "same" in own and bool(before & _OTHER_COURSES)


def _an_onset(words: list[str], m: Match) -> bool:
    """True for a match that names what set the pain off, not what makes it worse: "painful
    after a coughing fit", "it went when I sneezed" (sudden onset, not pain worse on coughing)."""
    own = [w.lower() for w in words[m.start : m.end]]
    if not any(w.startswith(("cough", "sneez")) for w in own):
        return False
    said = " ".join(w.lower() for w in words[max(0, m.start - 3) : min(len(words), m.end + 3)])
    return bool(_ONSET_BY.search(said))


# "last night", "since 5am", "a night on the sofa": when something happened, not a night pattern
_NIGHT_POINT_BEFORE = frozenset(
    ["last", "since", "a", "one", "that", "from", "til", "till", "until", "tonight", "by"]
)
_NIGHT_PATTERN = re.compile(r"\b(?:wak\w*|woke\w*|awake|sleep\w*|slept|every|each|always)\b", re.I)


def _a_point_at_night(words: list[str], m: Match) -> bool:
    """True for a match whose night word is a point in time, not when the thing happens:
    "went to the ER last night with flank pain", "sick since 5am with the pain", "pain after
    a night on the sofa", "woke up at 5am with sudden pain" (the night of one event, not pain
    at night; "wakes me at 3am" and "sweats every night" keep theirs)."""
    own = [
        i
        for i in range(m.start, m.end)
        if word_key(words[i]) == "night"
        or (
            i + 1 < len(words)
            and words[i + 1].lower() in ("am", "a.m.")
            and word_key(words[i] + "am") == "night"
        )
    ]
    if not own or m.entry.value != "present":
        return False
    said = " ".join(words[max(0, m.start - 3) : m.end])
    if _NIGHT_PATTERN.search(said) and not re.search(r"\bwoke\s+up\b", said, re.I):
        return False
    i = own[0]
    before = words[i - 1].lower() if i > 0 else ""
    clock = bool(re.match(r"\d", words[i]))
    if before in _NIGHT_POINT_BEFORE:
        return True
    # "woke up at 5am with it", "started at 3am": the hour of an onset ("worst at 4am" is not)
    return (
        clock
        and before in ("at", "around", "about")
        and bool(_AN_HOUR_OF.search(" ".join(words[max(0, i - 6) : i])))
    )


_AN_HOUR_OF = re.compile(r"\b(?:woke|started|began|came|happened|went|got|since)\b", re.I)


_OBJECTS = frozenset(["me", "him", "her", "them", "us", "you", "everyone", "baby"])


def _no_object(words: list[str], m: Match) -> bool:
    """True for a phrase that acts on someone ("wakes me up", "keeps me up") matched where
    no one is acted on and no hour is said: "hard to wake up" (drowsy), "waking up drenched"
    (sweats), "keeps seizing up" (stiffness); "waking at 3am with it" keeps its reading."""
    phrase = m.entry.phrase.lower().split()
    if "me" not in phrase[1:-1] or m.end - m.start < 2:
        return False
    if any(word_key(w) == "night" or re.match(r"\d", w) for w in words[m.start : m.end]):
        return False  # "I keep waking at 3am with it": the hour says when it happens
    return not any(w.lower() in _OBJECTS for w in words[m.start : m.end])


_ONSET_BY = re.compile(
    r"\b(?:after|since|from|during)\s+(?:a|that|the|one|this)\s+(?:big\s+|bad\s+|huge\s+)?"
    r"(?:cough\w*|sneez\w*)|\bwent\s+when\s+i\s+(?:sneezed|coughed)\b",
    re.I,
)


def _names(name: str) -> set[str]:
    """A finding's name and its bracketed alternative, lower case: "Osteoporosis (thin
    bones)" -> {"osteoporosis", "thin bones"}."""
    return {p.strip().lower() for p in re.split(r"[()]", name) if p.strip()}


_ALTERNATING = re.compile(
    r"\b(?:swing\w*|switch\w*|alternat\w*|between|flip\w*)\b[^.;]{0,40}\b(?:constipat\w*|"
    r"bunged\s+up|blocked\s+up)|\b(?:constipat\w*|bunged\s+up)\b[^.;]{0,15}\b(?:and|or|to)\s+"
    r"(?:the\s+)?(?:diarrh\w*|runs)",
    re.I,
)


def _alternating(text: str, m: Mention, diarrhoea: str | None) -> bool:
    """True for diarrhoea said as one half of bowels swinging between it and constipation: a
    change in bowel habit, not diarrhoea ("swinging between diarrhoea and constipation")."""
    if m.finding_id != diarrhoea or m.value != "present":
        return False
    lo = max(0, m.start - 40)
    return bool(_ALTERNATING.search(text[lo : m.end + 50]))


def _asked_after(kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """A finding asked only after certain complaints (``ask_if``) is not read when the text
    states another complaint and none of those: "suddenly" in a chest-pain text is not the
    sudden onset of a back pain. A measurement (``reading``) stands on its own, and a duration
    has its own rules (``_durations``)."""
    present = _said_present(kb, mentions)
    complaints = {fid for fid in present if kb.findings[fid].group is FindingGroup.COMPLAINT}
    if not complaints:
        return mentions
    out = []
    for m in mentions:
        ask_if = kb.findings[m.finding_id].ask_if
        if m.counts and ask_if is not None and m.source not in ("reading", "duration"):
            named = {fid for fid, said in rule_findings(ask_if) if said}
            # the complaints the named ones qualify ("pain" above "low back pain") are theirs
            above = {p for fid in named for p in _ancestors(kb, fid)}
            if named and not named & present and complaints - above:
                m = replace(m, counts=False)
        out.append(m)
    return out


def _other_packs_findings(kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """A finding of another pack, weighed by none of the conditions of the packs whose
    complaints the text states, is not read there: "no numbness" in a chest-pain text is not
    the numb legs of a back pain, "hurts when I cough" not a back pain worse on coughing. Read
    only when the text states complaints that some pack's scope covers, all of them outside
    the finding's pack; only symptoms and red flags: a complaint, a fact of the person's
    history or risks (pregnant, on HRT), a core finding and a reading stand on their own,
    and so does a red flag said present."""
    # the complaints a pack's scope lists (a swollen leg is one, though a red flag elsewhere):
    # those the text names as complaints, with the complaints they qualify; else those the
    # findings it states qualify ("the sight in my eye went" states a change in sight)
    named = {
        m.finding_id
        for m in mentions
        if m.counts
        and m.value == "present"
        and kb.findings[m.finding_id].group is FindingGroup.COMPLAINT
    }
    named |= {p for fid in set(named) for p in _ancestors(kb, fid)}
    covered = {c for scope in kb.scopes.values() for c in scope.complaints}
    stated = named if named & covered else _said_present(kb, mentions)
    text_packs = {pack for pack, scope in kb.scopes.items() if stated & set(scope.complaints)}
    if not text_packs:
        return mentions
    flagged = {fid for rule in kb.red_flags for fid, said in rule_findings(rule.when) if said}
    flagged |= {f.id for f in kb.findings.values() if f.group is FindingGroup.RED_FLAG}
    # the words read as a finding of the text's own packs, said present
    own_spans = [
        (m.start, m.end)
        for m in mentions
        if m.counts
        and m.value != "absent"
        and kb.origin.get("finding:" + m.finding_id) in text_packs
    ]
    out = []
    for m in mentions:
        fid = m.finding_id
        home = kb.origin.get("finding:" + fid)
        if (
            m.counts
            and m.source == "lexicon"
            and home not in (None, "core", *text_packs)
            and kb.findings[fid].group is not FindingGroup.HISTORY
            # a red flag said present is kept, safer asked than lost
            and fid not in flagged
            and not _weighing_packs(kb, fid) & text_packs
            and any(lo <= m.start and m.end <= hi for lo, hi in own_spans)
        ):
            # words inside a phrase read as a finding of the text's own packs are that
            # finding's, in a text naming no complaint of the other pack: "sty on my bottom
            # lid" is no sexual history, "sinus pain behind my eyes" no eye complaint
            out.append(replace(m, counts=False))
            continue
        above = [p for p in _ancestors(kb, fid) if kb.findings[p].group is FindingGroup.COMPLAINT]
        if (
            m.counts
            and home not in (None, "core", *text_packs)
            and above
            and named & covered
            and not set(above) & named
            and (m.value == "absent" or kb.findings[fid].group is not FindingGroup.RED_FLAG)
            and not _weighing_packs(kb, fid) & text_packs
        ):
            # a qualifier of another pack's complaint that the text does not name ("red, hot
            # and tender" about an eyelid is not a leg, "tender to touch" about a boil on the
            # lid is not a chest wall); a finding of the red-flag group said present is kept
            out.append(replace(m, counts=False))
            continue
        if (
            m.counts
            and m.source not in ("reading", "duration")
            and home not in (None, "core", *text_packs)
            and kb.findings[fid].group in (FindingGroup.SYMPTOM, FindingGroup.RED_FLAG)
            # a red flag (or a finding a red-flag rule names) said present is kept: safer
            # asked than lost ("pain down both my legs" may be a sciatica's as well as the
            # leg pain's); its denial is not read
            and (m.value == "absent" or fid not in flagged)
            and not _weighing_packs(kb, fid) & text_packs
        ):
            m = replace(m, counts=False)
        out.append(m)
    return out


def _qualifier_not_its_finding(kb: KnowledgeBase, mentions: list[Mention]) -> list[Mention]:
    """Words read both as a finding and as a sign the pack asks after it among several
    complaints (``ask_if`` names two or more) state the sign only: "clammy" is the cold sweat
    asked with a pain, a breathlessness or a faint, not a faint. Where no such sign is loaded
    the words keep the finding, and so they do when the text states none of the other
    complaints the sign is asked with ("a heavy ache in my jaw, clammy"); a finding that one
    other alone opens ("PMB": postmenopausal bleeding, asked when postmenopausal) is said by
    its words too."""
    qualified: set[tuple[int, int, str, str]] = set()
    for m in mentions:
        rule = kb.findings[m.finding_id].ask_if
        if not m.counts or rule is None:
            continue
        named = [f for f, said in rule_findings(rule) if said and f != m.finding_id]
        if len(named) >= 2:
            # the sign qualifies a complaint the text states by other words
            qualified.update(
                (m.start, m.end, m.value, f)
                for f in named
                if any(
                    o.counts
                    and o.value == "present"
                    and o.finding_id in named
                    and o.finding_id != f
                    and (o.start, o.end) != (m.start, m.end)
                    for o in mentions
                )
            )
    return [
        m
        for m in mentions
        if not (m.counts and (m.start, m.end, m.value, m.finding_id) in qualified)
    ]


def _said_present(kb: KnowledgeBase, mentions: list[Mention]) -> set[str]:
    """The findings the text says present, with the findings they qualify (their parents, up
    the chain): "the sight in my eye went suddenly" states a change in sight, an eye complaint,
    as "bleeding after sex" states vaginal bleeding (docs/packs.md, section 4)."""
    said = {m.finding_id for m in mentions if m.counts and m.value == "present"}
    return said | {p for fid in said for p in _ancestors(kb, fid)}


def _weighing_packs(kb: KnowledgeBase, fid: str) -> set[str | None]:
    """The packs whose conditions state a likelihood for the finding."""
    weighed = kb.likelihoods.get(fid)
    return {kb.origin.get("condition:" + c) for c in (weighed.conditions if weighed else {})}


def _ancestors(kb: KnowledgeBase, fid: str) -> list[str]:
    out: list[str] = []
    parent = kb.findings[fid].parent
    while parent is not None and parent not in out:
        out.append(parent)
        parent = kb.findings[parent].parent
    return out


def _joined_to_complaint(
    text: str, lo: int, c_lo: int, mentions: list[Mention], dated: frozenset[str]
) -> bool:
    """True when the clause starting at ``c_lo`` is joined by "and" to the clause before it,
    which names a complaint the duration dates ("back pain and a fever since last night")."""
    if not re.search(r"\band\s*$", text[lo:c_lo], re.I):
        return False
    starts = [m.end() + lo for m in _CLAUSE_BOUNDARY.finditer(text[lo : c_lo - 4])]
    p_lo = max([lo, *starts])
    return any(
        p_lo <= m.start < c_lo and m.counts and m.value == "present" and m.finding_id in dated
        for m in mentions
    )


# Something done or had at a point in time (dated by "ago"), not a complaint going on
# a clause that only goes on with the one before: "(I) have been", "has been like that"
_ELLIPTIC_BEEN = re.compile(
    r"(?:i\s+|i've\s+|she\s+|he\s+|she's\s+|he's\s+)?(?:have|has|had|'ve)?\s*(?:been)"
    r"(?:\s+(?:like\s+(?:this|that)|going\s+on|that\s+way))?",
    re.I,
)
_EVENT_WORDS = re.compile(
    r"\b(?:had|took|taken|given|fitted|put\s+in|test|scan|operation|injection|epidural|"
    r"baby|birth|op|procedure|surgery)\b",
    re.I,
)


# Words that join the items of a list: "no fever, sweats, weight loss or night pain".
# words between a thing and its being said fine ("asthma is fine", "bloods all normal")
_LINKS_TO_FINE = frozenset(
    _words(
        "is are was were been all both feel feels seem seems just perfectly totally completely "
        "absolutely and or fine normal ok okay"
    )
)
_LIST_GLUE = frozenset([",", "/", "&", "or", "nor", "and", "any", "no", "nil", "either", "-"])


_PART_NEGATIONS = frozenset({"not", "no", "never", "n't", "without", "nothing", "none"})
_CLAUSE_ENDS = frozenset({".", ",", ";", ":", "!", "?", "-", "but"})


_ANSWER_NO = {"no", "none", "nope", "nil", "neg", "negative", "never", "not"}
_ANSWER_ENDS = {".", ",", ";", "!", "?", "/"}


def _answered(words: list[str], match: Match, mod: Modifiers) -> Modifiers:
    """A finding answered right after it, as in notes or a list of questions, is denied:
    'Spotting? No.', 'Bloating - no', 'haematuria -', 'Heavy periods? Not really.' A 'no'
    that starts a new statement of its own ('Spotting? No bleeding either') does not."""
    after = [w.lower() for w in words[match.end : match.end + 4]]
    if not after or mod.negated:
        return mod
    if after[0] in ("-", ":", "?"):
        rest = after[1:]
        if after[0] == "-" and (not rest or rest[0] in _ANSWER_ENDS):
            return replace(mod, negated=True, hypothetical=False, uncertain=False)
        if rest and rest[0] in _ANSWER_NO:
            tail = rest[1:2]
            if rest[0] == "not" and rest[1:2] != ["really"]:
                return mod
            if rest[0] == "not":
                tail = rest[2:3]
            if not tail or tail[0] in _ANSWER_ENDS or tail[0] in ("really", "at"):
                return replace(mod, negated=True, hypothetical=False, uncertain=False)
    return mod


def _negation_before(words: list[str], start: int) -> bool:
    """True if one of the two words before ``start`` in its clause is a negation ("not too
    many")."""
    for w in reversed(words[max(0, start - 2) : start]):
        if w in _CLAUSE_ENDS:
            return False
        if w.lower() in _PART_NEGATIONS:
            return True
    return False


def _denied_down_the_list(doc: Any, matches: list[Match], mods: list[Modifiers]) -> list[Modifiers]:
    """A denial carried down a list beyond the negation's reach.

    "Denies fever, night sweats, weight loss, night pain": ConText's scope of eight words ends
    before the last item. A mention joined to a denied one by list words alone (commas, "or",
    "nor", "any", "no") is denied too when the list is already two items long or the join is
    "or"/"nor" ("no X or Y"), so "no fever, back pain for three days" is not read as a list.
    """
    # matches over the same words (a body system's findings) are one item of the list
    spans = sorted({(m.start, m.end) for m in matches})
    members = {
        span: [i for i, m in enumerate(matches) if (m.start, m.end) == span] for span in spans
    }
    out = list(mods)

    def denied(span: tuple[int, int]) -> bool:
        return any(out[i].negated or matches[i].negated for i in members[span])

    chain = 0  # how many denied items the list has so far
    prev: tuple[int, int] | None = None
    for span in spans:
        if prev is not None:
            between = [t.lower_ for t in doc[prev[1] : span[0]]]
            joined = (
                span[0] >= prev[1]
                and bool(between)
                and all(w in _LIST_GLUE for w in between)
                and doc[prev[0]].sent.start == doc[span[0]].sent.start
            )
            denied_before = denied(prev)
            long_enough = chain >= 2 or any(w in ("or", "nor") for w in between)
            if joined and denied_before and long_enough and not denied(span):
                for i in members[span]:
                    out[i] = replace(out[i], negated=True)
            chain = chain + 1 if joined and denied_before else int(denied(span))
        else:
            chain = int(denied(span))
        prev = span
    return out


# words of a text about a woman's body or a woman ("my period", "pregnant", "she")
_FEMALE_CUES = re.compile(
    r"\b(?:periods?|pregnan\w*|ovar\w*|womb|uter\w*|vagin\w*|smears?|coil|menopaus\w*|"
    r"she|her|hers|herself|wife|girlfriend|daughter|mum|mom|mother|sister|woman|lady|girl|"
    r"female|pv|lmp|upt|gynae\w*|endometrio\w*|fibroids?|contracept\w*|pill|hrt)\b",
    re.I,
)
_MALE = "man|bloke|lad|guy|male|boy|gentleman|fella|fellow"
_FEMALE = "woman|lady|girl|female|lass"
# the writer's own sex said in words ("I'm a 64 year old bloke", "I'm a 52 yo man") or as in
# notes ("23M", "58F", "45 yo F")
_SELF_SEX = re.compile(
    r"\b(?:i'?m|i\s+am|im)\s+(?:a|an)\s+(?:\d{1,3}\s*(?:-?\s*(?:year|yr)s?\s*-?\s*old|yo|y/o)\s+)?"
    rf"(?:(?P<m>{_MALE})|(?P<f>{_FEMALE}))\b",
    re.I,
)
# a sex word beside an age, said of the writer or the patient ("Lad, 19.", "Male, 24",
# "23 year old male"), not of someone named ("my 17 year old son", "her 40 year old man")
_AGE_SEX = re.compile(
    rf"(?:^|[.!?]\s*)(?:(?P<m>{_MALE})|(?P<f>{_FEMALE}))\s*,?\s*(?:aged\s+)?\d{{1,3}}\b"
    r"|(?<!my )(?<!his )(?<!her )(?<!our )(?<!their )"
    r"\b\d{1,3}\s*(?:-?\s*(?:year|yr)s?\s*-?\s*old|yo|y/o)"
    rf"\s+(?:(?P<m2>male|man|bloke|lad|guy)|(?P<f2>female|woman|lady|girl))\b",
    re.I,
)
_NOTE_SEX = re.compile(r"(?:^|[\s,:(])\d{1,3}\s?(?:yo\s?|y/o\s?)?(?:(?P<m>M)|(?P<f>F))\b")


def stated_sex(text: str) -> Sex | None:
    """The sex the text states of the person it is about, or None.

    Only the writer's own words ("I'm a 19 year old lad") and a note's age-and-sex ("23M")
    count; a relative named in passing says nothing.

    >>> stated_sex("ED triage: 23M, R iliac fossa pain"), stated_sex("my husband's back")
    (<Sex.MALE: 'male'>, None)
    """
    found = {
        Sex.MALE if m.group("m") else Sex.FEMALE
        for rx in (_SELF_SEX, _NOTE_SEX)
        for m in rx.finditer(text)
    } | {Sex.MALE if m.group("m") or m.group("m2") else Sex.FEMALE for m in _AGE_SEX.finditer(text)}
    return found.pop() if len(found) == 1 else None
