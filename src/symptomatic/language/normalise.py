"""Token normalisation shared by the lexicon and the text: lay words, stems, fillers.

Both a pack synonym ("blood in urine") and a person's words ("blood in my pee") are reduced to
the same sequence of *keys* (``blood urin``), so matching is a comparison of key sequences.
Only generic, complaint-independent lay language lives here; everything specific to a finding
belongs in the pack's synonyms.

>>> [k for _, _, k in normalise_words(["It", "stings", "to", "pee"])]
['sting', 'to', 'urin']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from nltk.stem.porter import PorterStemmer  # type: ignore[import-untyped]

from symptomatic.language.subjects import PERSON_NOUNS


def _words(text: str) -> list[str]:
    """The space-separated words of ``text`` (keeps the word lists below readable)."""
    return text.split()


# Multi-word lay expressions, longest first when looked up; value is the key they become.
LAY_PHRASES: dict[tuple[str, ...], str] = {
    ("back", "passage"): "rectum",
    ("pass", "water"): "urin",
    ("passing", "water"): "urin",
    ("passed", "water"): "urin",
    ("ca", "n't"): "cannot",
    ("ca", "nt"): "cannot",
    ("can", "not"): "cannot",
    ("could", "n't"): "cannot",
    ("could", "nt"): "cannot",
    ("could", "not"): "cannot",
    ("unable", "to"): "cannot",
    ("not", "able", "to"): "cannot",
    ("n't", "been", "able", "to"): "cannot",
    ("nt", "been", "able", "to"): "cannot",
    ("not", "been", "able", "to"): "cannot",
    ("pins", "and", "needles"): "tingl",
    ("threw", "up"): "vomit",
    ("throw", "up"): "vomit",
    ("throwing", "up"): "vomit",
    ("thrown", "up"): "vomit",
    ("been", "sick"): "vomit",
    ("being", "sick"): "vomit",
    ("was", "sick"): "vomit",
    ("feel", "sick"): "nausea",
    ("feeling", "sick"): "nausea",
    ("felt", "sick"): "nausea",
    ("out", "of", "nowhere"): "sudden",
    ("all", "of", "a", "sudden"): "sudden",
    ("out", "of", "the", "blue"): "sudden",
    ("making", "love"): "sex",
    ("belly", "button"): "navel",
    ("killing", "me"): "pain",
    ("bowel", "movement"): "stool",
    ("bowel", "movements"): "stool",
    ("smear", "test"): "screen",
    ("pap", "test"): "screen",
    ("pap", "smear"): "screen",
    # "I have to sit down" is not "sitting down"
    ("have", "to"): "must",
    ("has", "to"): "must",
    ("had", "to"): "must",
    ("having", "to"): "must",
    # "pain on one side" says which side, not the side of the body (the flank)
    ("one", "side"): "oneside",
    ("one", "sided"): "oneside",
    # "stiff first thing", "worst first thing in the morning": the morning
    ("first", "thing"): "morn",
    # "low down in my pelvis" is "low in my pelvis"
    ("low", "down"): "low",
    ("lower", "down"): "low",
}

LAY_PHRASE_KEYS: frozenset[str] = frozenset(LAY_PHRASES.values())

# Single lay or inflected words -> key (applied before stemming).
LAY_WORDS: dict[str, str] = {
    # urine and passing it
    **dict.fromkeys(
        _words(
            "pee pees peed peeing wee wees weed weeing piss pissing urine urinate urinates "
            "urinating urination urinary waterworks"
        ),
        "urin",
    ),
    # belly
    **dict.fromkeys(_words("tummy tum belly stomach abdomen abdominal abdo"), "abdomen"),
    # periods
    **dict.fromkeys(_words("period periods menstruation menses menstrual"), "period"),
    # cervical screening
    **dict.fromkeys(_words("smear smears screening screenings"), "screen"),
    # buttock
    **dict.fromkeys(_words("buttock buttocks bum bums butt butts backside ass arse"), "buttock"),
    # stool
    **dict.fromkeys(_words("poo poos poop stool stools faeces feces"), "stool"),
    **dict.fromkeys(_words("sex intercourse"), "sex"),
    **dict.fromkeys(_words("vomit vomits vomited vomiting puke puked puking"), "vomit"),
    **dict.fromkeys(_words("temperature temp feverish fevers pyrexia"), "fever"),
    # pain words: all one key, because people use them interchangeably
    **dict.fromkeys(
        _words(
            "pain pains painful hurt hurts hurting ache aches ached aching achy sore soreness "
            "agony discomfort uncomfortable twinge twinges twinging niggle niggles niggling"
        ),
        "pain",
    ),
    **dict.fromkeys(_words("bleed bleeds bleeding bled"), "bleed"),
    **dict.fromkeys(_words("blood bloody"), "blood"),
    **dict.fromkeys(_words("lower low"), "low"),
    # a common slip that spelling correction cannot reach (too short): "my lower bak hurts"
    **dict.fromkeys(_words("bak baks"), "back"),
    # an irregular verb the stemmer leaves apart: "it goes to my groin", "doesn't go to my groin"
    **dict.fromkeys(_words("go goes going"), "go"),
    **dict.fromkeys(_words("wake wakes waking"), "wake"),
    # an eyelid's stye, not an STI (the stemmer makes "sty" "sti")
    **dict.fromkeys(_words("sty stye styes sties"), "stye"),
    # out of breath, not the wind passed ("diarrhoea and wind")
    **dict.fromkeys(_words("winded"), "winded"),
    # whoever it happened to: "wetting himself" is "wetting myself"
    **dict.fromkeys(_words("myself himself herself yourself ourselves"), "self"),
    # clinical shorthand for the side: "L flank pain", "radiating to R calf"
    **dict.fromkeys(_words("l lt"), "left"),
    **dict.fromkeys(_words("r rt"), "right"),
    **dict.fromkeys(_words("suddenly sudden abrupt abruptly"), "sudden"),
    **dict.fromkeys(_words("gradually gradual slowly"), "gradual"),
    **dict.fromkeys(_words("pregnant pregnancy"), "pregnan"),
    **dict.fromkeys(_words("cannot unable"), "cannot"),
    **dict.fromkeys(_words("mum mom mother mummy"), "mother"),
    **dict.fromkeys(_words("dad father daddy"), "father"),
    **dict.fromkeys(_words("pelvis pelvic"), "pelvis"),
    **dict.fromkeys(_words("need needs needed needing must"), "must"),
    # comparatives say the same thing as the adjective ("periods have got heavier")
    **dict.fromkeys(_words("heavier heaviest"), "heavi"),
    # "my third water infection": the count says it keeps happening
    **dict.fromkeys(_words("third fourth fifth sixth umpteenth"), "repeat"),
    **dict.fromkeys(_words("loads lots plenty tons"), "lots"),
    # "haven't felt", "not felt": one negation key
    **dict.fromkeys(["n't", "nt"], "not"),
    **dict.fromkeys(_words("kg kgs kilo kilos kilograms pounds lbs lb"), "kg"),
    # "<15 min", ">15 min": the signs say under and over ("lasting >15 min")
    **dict.fromkeys(_words("< ≤ <="), "under"),
    **dict.fromkeys(_words("> ≥ >="), "over"),
}

# Words that are a pain word only next to a body region: "a heaviness low in my tummy",
# "a dragging feeling in my pelvis" (but "my legs feel heavy" is not leg pain).
REGION_PAIN_WORDS: frozenset[str] = frozenset(_words("heaviness dragging"))
REGION_KEYS: frozenset[str] = frozenset(_words("pelvis abdomen back womb groin low buttock"))

# Colour words: "pinkish" says "pink".
COLOURS: frozenset[str] = frozenset(_words("pink red brown green yellow grey white black orange"))

# Verbs that only link a thing to how it is ("my tummy has *got* swollen", "sex has *become*
# painful", "my belly is *getting* bigger"): dropped like fillers.
LINK_VERBS: frozenset[str] = frozenset(
    _words("get gets got getting gotten become becomes became becoming")
)
# "the test came back positive": a result, not the back of the body
_RESULTS = frozenset(_words("positive negative clear normal fine abnormal"))
# "the pain moves down into my groin": the pain spreads (not "it hurts when I move")
_MOVE = frozenset(_words("move moves moved moving"))
_DIRECTIONS = frozenset(_words("down into to towards toward across round around up through"))
# "3am", "4 a.m.": the small hours are the night
_SMALL_HOURS = re.compile(r"^(?:12|[1-5])(?::\d\d)?(?:am|a\.m\.)$|^(?:1[01])(?:pm|p\.m\.)$")

# Words dropped from both sides before matching: they carry no finding meaning, and the
# context step (negation, history) reads the original text, not these keys.
FILLERS: frozenset[str] = (
    frozenset(
        _words(
            "a an the my your his her its our their this that these those some of in on at to with "
            "i it i'm im i've ive me we is are was were be been being am has have had 's 've 'm "
            "do does did really very quite bit little slightly rather just also "
            "sensation sensations itself themselves"
        )
    )
    | LINK_VERBS
)

# Tokens a gap in a match may never jump over (they change the meaning of what follows).
BARRIERS: frozenset[str] = frozenset(
    _words(
        "no not n't never without nothing none nor neither and or but although though except "
        "if because last between"
    )
)

_BACK_BEFORE = frozenset(
    _words("came come comes coming went go goes going got get gets getting is 's was are were")
    + _words("been be bring brought put hold held sent call called")
)
_FITTED_IN_AFTER = frozenset(
    _words(
        "was were been be being is are get gets got getting newly just coil iud ius implant "
        "pacemaker stent cast brace catheter cannula device mirena"
    )
)
_BACK_AFTER = frozenset(_words("to home again then later"))
_BODY_AFTER = frozenset(_words("pain stiff spasm problem injuri trouble"))

_stemmer = PorterStemmer()
_WORD = re.compile(r"[a-z0-9]")
# signs read as words: "lasting >15 min" is over 15 minutes, "<15 min" under (keys above)
COMPARISONS: frozenset[str] = frozenset(_words("< > <= >= ≤ ≥"))


def is_word(token: str) -> bool:
    """True for a token read as a word: letters or digits, "n't", or a comparison sign."""
    return bool(re.search(r"[A-Za-z0-9]", token)) or token.lower() == "n't" or token in COMPARISONS


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """The Porter stem of one lower-cased word (no lay mapping): "wakes" and "wake" alike."""
    return str(_stemmer.stem(word.lower())) if _WORD.search(word.lower()) else word.lower()


@lru_cache(maxsize=20_000)
def word_key(word: str) -> str:
    """The key of one lower-cased word: its lay mapping, else its Porter stem."""
    w = word.lower().replace("’", "'")
    if w in LAY_WORDS:
        return LAY_WORDS[w]
    if not _WORD.search(w):
        return w
    if _SMALL_HOURS.match(w):
        return "night"
    if w.endswith("ish") and w[:-3] in COLOURS:
        return w[:-3]
    return str(_stemmer.stem(w))


def normalise_words(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """Keys of a word sequence as ``(first_word, last_word_exclusive, key)`` triples.

    Multi-word lay expressions become one key spanning several words; fillers are dropped.
    Returns the keys in order.
    """
    lowered = [w.lower().replace("’", "'") for w in words]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lowered):
        for n in (4, 3, 2):
            key = LAY_PHRASES.get(tuple(lowered[i : i + n])) if i + n <= len(lowered) else None
            if key is not None:
                out.append((i, i + n, key))
                i += n
                break
        else:
            w = lowered[i]
            nxt = lowered[i + 1] if i + 1 < len(lowered) else ""
            # "the bottom of my back" is a place (its low part), not the buttocks
            if w == "bottom" and nxt == "of":
                out.append((i, i + 1, "low"))
            # "3 am": the small hours
            elif nxt in ("am", "a.m.") and w.isdigit() and _SMALL_HOURS.match(w + "am"):
                out.append((i, i + 2, "night"))
                i += 2
                continue
            elif w in REGION_PAIN_WORDS and _near_region(lowered, i):
                out.append((i, i + 1, "pain"))
            # "thirty weeks gone": weeks pregnant
            elif w == "gone" and i and lowered[i - 1] in ("week", "weeks", "months"):
                out.append((i, i + 1, "pregnan"))
            elif _fitted_in(lowered, i):
                out.append((i, i + 1, "fitted"))
            elif w in _MOVE and nxt in _DIRECTIONS:
                out.append((i, i + 1, "spread"))
            # "the test came back positive": "came" stays, "back" goes
            elif (
                w == "back"
                and i
                and lowered[i - 1] in ("came", "come", "comes")
                and (nxt in _RESULTS)
            ):
                pass
            # "it came back", "back to work": not the back of the body
            elif w == "back" and (
                nxt in _BACK_AFTER
                or (
                    i
                    and lowered[i - 1] in _BACK_BEFORE
                    and word_key(nxt) not in _BODY_AFTER
                    # "Nana's back", "my dad's back": a person's back, not "it's back"
                    and not (lowered[i - 1] == "'s" and i > 1 and _is_person(lowered[i - 2]))
                )
            ):
                out.append((i, i + 1, "again"))
            elif w not in FILLERS:
                out.append((i, i + 1, "buttock" if w == "bottom" else word_key(w)))
            i += 1
    return out


def _fitted_in(lowered: Sequence[str], i: int) -> bool:
    """True for a "fitted" that is something put in ("my coil was fitted", "had a pacemaker
    fitted"), not a fit ("she fitted for five minutes", "he's never fitted")."""
    return lowered[i] == "fitted" and i > 0 and lowered[i - 1] in _FITTED_IN_AFTER


def inflection_stems(words: Sequence[str]) -> list[str]:
    """The Porter stems of a word sequence, for phrases matched in any inflection, with the
    word senses ``normalise_words`` tells apart kept apart ("was fitted" is not "was fitting")."""
    lowered = [w.lower() for w in words]
    return ["fitted" if _fitted_in(lowered, i) else stem(w) for i, w in enumerate(lowered)]


# symptom words that are only nouns ("pain", "weakness"); "-ing" words may be either
# ("tingling"), and so may "ache", "cramp" (verbs too: "my legs get heavy and ache")
_NOUNS = frozenset(
    _words("pain pains agony discomfort soreness blood fever temperature lump lumps discharge")
)


def same_word_class(a: str, b: str) -> bool:
    """True unless one word is a noun and the other an adjective ("late" and "pain").

    Two words joined by "and" are said of one thing only when they are alike: "hard and
    swollen", "pain and weakness", but not "(period) late and pain". Words ending in "-ing"
    fit either class.
    """

    def cls(word: str) -> str | None:
        w = word.lower()
        if w.endswith("ing"):
            return None
        return "noun" if w in _NOUNS or w.endswith(("ness", "ment")) else "adj"

    ca, cb = cls(a), cls(b)
    return ca is None or cb is None or ca == cb


def _is_person(word: str) -> bool:
    """True for a person noun ("nana", "dad", "sisters") before a possessive "'s"."""
    return word in PERSON_NOUNS or (word.endswith("s") and word[:-1] in PERSON_NOUNS)


def _near_region(lowered: Sequence[str], i: int) -> bool:
    """True when a body-region word is within five words after (or two before) word ``i``."""
    window = [*lowered[max(0, i - 2) : i], *lowered[i + 1 : i + 6]]
    return any(word_key(w) in REGION_KEYS for w in window)


def phrase_keys(words: Sequence[str]) -> tuple[str, ...]:
    """Keys of a tokenised lexicon phrase (a synonym, name or option label), fillers dropped.

    Punctuation tokens are ignored, so "long-term" and "long term" give the same keys.
    """
    kept = [w for w in words if is_word(w)]
    return tuple(key for _, _, key in normalise_words(kept))
