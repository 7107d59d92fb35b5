"""Negation, hypotheticals, uncertainty, history and family: medspacy's ConText, lay rules.

A blank spaCy English pipeline (tokenizer + rule-based sentence splitter, no model to download)
runs medspacy's ConText over the finding mentions found by the matcher. The rules are written
for how people describe their own symptoms, not for clinical notes:

- negation: "no", "not", "never", "without", "nothing", "denies", "haven't had any",
  and after the fact "... are fine / normal";
- hypothetical: "if I get a fever", "in case", "what if";
- uncertain: "maybe", "might", "worried about", "could it be";
- historical: "years ago", "used to", "as a child" (over), "in 2019", "last year",
  "history of" (dated: a diagnosis may still hold);
- family: "my dad has ...", "runs in the family" (whether a relative's symptoms are in fact
  the patient's, in a report written on their behalf, is decided in
  :mod:`symptomatic.language.subjects`).

Scopes stop at "but", "although", "except" and at a new clause about the person ("and my",
", I"), so "no fever and my back hurts" negates only the fever.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

NEGATED = "NEGATED_EXISTENCE"
# said fine after the fact ("legs are fine", "as usual"): a denial of a symptom, but of a known
# condition only that it is in hand ("my asthma is fine" does not deny the asthma)
SAID_FINE = "SAID_FINE"
UNCERTAIN = "POSSIBLE_EXISTENCE"
HYPOTHETICAL = "HYPOTHETICAL"
HISTORICAL = "HISTORICAL"  # over and done: "used to", "years ago", "as a child"
DATED = "DATED"  # given a date, may still be so: "in 2019", "last year", "history of"
FAMILY = "FAMILY"
CLAUSE = "CLAUSE_BREAK"
NEW_SUBJECT = "NEW_SUBJECT"
SPAN_GROUP = "symptomatic_findings"

# another person's body part starts a statement of its own ("won't feed, his tummy looks swollen")
_SUBJECTS = [
    "my", "i", "it", "i'm", "i've", "there", "the", "this", "she", "he", "we", "they",
    "his", "her", "their", "our", "your",
]  # fmt: skip
_RELATIVES = [
    "mother", "mum", "mom", "mam", "mummy", "dad", "father", "daddy", "sister", "brother",
    "aunt", "auntie", "uncle", "grandmother", "grandma", "gran", "granny", "nan", "nana",
    "grandfather", "grandad", "granddad", "grandpa", "cousin", "parent", "parents", "sibling",
    "siblings", "niece", "nephew", "relative", "relatives", "family", "daughter", "son",
    "child", "children", "kids", "toddler", "baby",
]  # fmt: skip
_YEAR = r"^(19|20)\d\d$"
_NUMBER_WORDS = [
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "few", "several", "many", "couple",
]  # fmt: skip


@dataclass(frozen=True)
class Modifiers:
    """Which ConText categories modify one mention."""

    negated: bool = False
    #: negated only by a normality said after it ("COPD inhaler is helping as usual")
    said_fine: bool = False
    uncertain: bool = False
    hypothetical: bool = False
    historical: bool = False  # over and done with
    dated: bool = False  # diagnosed or happened at a past date; may still hold
    family: bool = False
    # the words that made it a relative's ("my dad", "runs in the family"), lower-cased
    family_by: tuple[str, ...] = ()


def _rules() -> list[Any]:
    """The lay ConText rules (built when the pipeline is built, never at import)."""
    from medspacy.context import ConTextRule as R

    after_clause = {CLAUSE}
    after_subject = {NEW_SUBJECT}
    neg_words = [
        "no",
        "not",
        "n't",
        "nt",
        "never",
        "without",
        "nothing",
        "none",
        "nor",
        "neither",
        "nil",
        "zero",
        "nope",
        "nah",
    ]
    rules = [
        # negation, forward
        R("no", NEGATED, pattern=[{"LOWER": {"IN": neg_words}}], direction="FORWARD",
          max_scope=8, terminated_by=after_subject),
        R("denies", NEGATED, pattern=[{"LOWER": {"IN": ["deny", "denies", "denied"]}}],
          direction="FORWARD", max_scope=8, terminated_by=after_subject),
        R("free of", NEGATED, direction="FORWARD", max_scope=6, terminated_by=after_subject),
        R("no sign of", NEGATED, pattern=[{"LOWER": "no"}, {"LOWER": {"IN": ["sign", "signs"]}},
          {"LOWER": "of"}], direction="FORWARD", max_scope=8, terminated_by=after_subject),
        R("no longer", NEGATED, direction="FORWARD", max_scope=6, terminated_by=after_subject),
        # negation, after the fact: "bladder and bowels normal", "my legs are fine"
        R("is fine", SAID_FINE, pattern=[
            {"LOWER": {"IN": ["is", "are", "feel", "feels", "seem", "seems", "been", "'s",
                              "'re", "both", "all"]},
             "OP": "?"},
            {"LOWER": {"IN": ["just", "perfectly", "totally", "completely", "absolutely"]},
             "OP": "?"},
            {"LOWER": {"IN": ["fine", "normal", "normally", "ok", "okay", "unaffected",
                              "unchanged", "regular", "regularly", "steady", "stable"]}}],
          direction="BACKWARD", max_scope=5, terminated_by=after_clause),
        R("as usual", SAID_FINE, pattern=[{"LOWER": "as"}, {"LOWER": {"IN": ["usual", "normal",
          "ever", "always"]}}], direction="BACKWARD", max_scope=5, terminated_by=after_clause),

        R("has gone", NEGATED, pattern=[{"LOWER": {"IN": ["has", "have", "'s"]}},
          {"LOWER": {"IN": ["gone", "settled", "cleared", "resolved", "stopped"]}}],
          direction="BACKWARD", max_scope=5, terminated_by=after_clause),
        R("went away", NEGATED, direction="BACKWARD", max_scope=5, terminated_by=after_clause),
        # "my legs have gone numb" is a change, not a resolution; "more than normal" is not
        # normal
        R("have gone numb", "PSEUDO", pattern=[{"LOWER": {"IN": ["has", "have", "'s", "'ve"]}},
          {"LOWER": "gone"}, {"LOWER": {"NOT_IN": [".", ",", ";", "!", "?", "away", "now",
                                                   "completely", "altogether", "and", "but"]}}],
          direction="PSEUDO"),
        R("as much as", "PSEUDO", pattern=[{"LOWER": "as"}, {"LOWER": {"IN": [
            "much", "many", "often", "well", "good", "far", "strong", "hard"]}},
            {"LOWER": "as"}], direction="PSEUDO"),
        R("than normal", "PSEUDO", pattern=[{"LOWER": {"IN": ["than", "from"]}},
          {"LOWER": {"IN": ["normal", "usual", "before", "ever"]}}], direction="PSEUDO"),
        # a negative result: "HIV negative", "the pregnancy test came back negative"
        R("negative", NEGATED, pattern=[{"LOWER": {"IN": ["negative", "-ve"]}}],
          direction="BACKWARD", max_scope=4, terminated_by=after_clause),
        # not a negation of what follows
        R("no doubt", "PSEUDO", direction="PSEUDO"),
        R("nothing serious", "PSEUDO", pattern=[{"LOWER": {"IN": ["nothing", "not"]}},
          {"LOWER": {"IN": ["serious", "major", "much", "dramatic", "worrying"]}}],
          direction="PSEUDO"),
        R("without warning", "PSEUDO", pattern=[{"LOWER": "without"},
          {"LOWER": {"IN": ["any", "a", "much"]}, "OP": "?"}, {"LOWER": {"IN": [
              "warning", "reason", "cause", "trying", "realising", "realizing", "noticing",
              "meaning", "trigger", "explanation"]}}], direction="PSEUDO"),
        # a hedged denial: "I can't say I have a fever", "I wouldn't say it's swollen"
        R("can't say", NEGATED, pattern=[
            {"LOWER": {"IN": ["ca", "can", "could", "would", "wo"]}},
            {"LOWER": {"IN": ["n't", "nt", "not"]}}, {"LOWER": {"IN": ["say", "claim"]}}],
          direction="FORWARD", max_scope=8, terminated_by=after_subject),
        # not knowing is not saying yes: "I can't tell if I have a fever"
        R("can't tell", UNCERTAIN, pattern=[
            {"LOWER": {"IN": ["ca", "can", "could", "do", "does", "did"]}},
            {"LOWER": {"IN": ["n't", "nt", "not"]}},
            {"LOWER": {"IN": ["tell", "know", "remember", "be"]}},
            {"LOWER": {"IN": ["sure", "if", "whether"]}, "OP": "?"}],
          direction="FORWARD", max_scope=8, terminated_by=after_clause),
        # an inability, not a denial: "I can't sleep because of the pain"
        R("can't", "PSEUDO", pattern=[{"LOWER": {"IN": ["ca", "can", "could", "cant", "couldnt"]}},
          {"LOWER": {"IN": ["n't", "nt", "not"]}, "OP": "?"}], direction="PSEUDO"),
        R("cannot", "PSEUDO", pattern=[{"LOWER": {"IN": ["cannot", "unable"]}}],
          direction="PSEUDO"),
        R("not been able", "PSEUDO", pattern=[{"LOWER": {"IN": ["n't", "nt", "not", "never"]}},
          {"LOWER": "been"}, {"LOWER": "able"}], direction="PSEUDO"),
        R("not only", "PSEUDO", direction="PSEUDO"),
        R("no matter", "PSEUDO", direction="PSEUDO"),
        R("not just", "PSEUDO", direction="PSEUDO"),
        R("nothing but", "PSEUDO", direction="PSEUDO"),
        # uncertainty
        R("maybe", UNCERTAIN, pattern=[{"LOWER": {"IN": [
            "maybe", "might", "possibly", "perhaps", "wonder", "wondering", "worried", "worry",
            "worrying", "afraid", "scared", "frightened", "concerned", "fear", "fearing",
            "suspect", "unsure"]}}], direction="FORWARD", max_scope=8,
          terminated_by=after_clause),
        R("not sure", UNCERTAIN, direction="FORWARD", max_scope=8, terminated_by=after_clause),
        R("trying to", UNCERTAIN, pattern=[{"LOWER": {"IN": ["trying", "try", "tried", "hoping"]}},
          {"LOWER": {"IN": ["to", "for"]}}], direction="FORWARD", max_scope=4,
          terminated_by=after_clause),
        R("could it be", UNCERTAIN, pattern=[{"LOWER": {"IN": ["could", "can", "would", "might"]}},
          {"LOWER": {"IN": ["it", "this", "that"]}}, {"LOWER": "be"}], direction="FORWARD",
          max_scope=8, terminated_by=after_clause),
        # a question about oneself: "could I be pregnant?", "am I pregnant?"
        R("could i be", UNCERTAIN, pattern=[
            {"LOWER": {"IN": ["could", "might", "may", "can", "am"]}},
            {"LOWER": "i"}, {"LOWER": "be", "OP": "?"}],
          direction="FORWARD", max_scope=4, terminated_by=after_clause),
        R("is it", UNCERTAIN, pattern=[{"LOWER": "is"}, {"LOWER": "it"}],
          direction="FORWARD", max_scope=4, terminated_by=after_clause),
        R("risk of", UNCERTAIN, pattern=[{"LOWER": {"IN": ["risk", "chance", "signs"]}},
          {"LOWER": "of"}], direction="FORWARD", max_scope=6, terminated_by=after_clause),
        R("check for", UNCERTAIN, pattern=[{"LOWER": {"IN": [
            "check", "checked", "test", "tested", "screen", "screened", "rule"]}},
          {"LOWER": {"IN": ["for", "out"]}}], direction="FORWARD", max_scope=6,
          terminated_by=after_clause),
        # a question someone else asked, reported: "the doctor asked about blood in my
        # phlegm, black poo or fainting" names what was asked, not what the person has
        R("asked about", UNCERTAIN, pattern=[
            {"LOWER": {"IN": ["asked", "asking", "asks", "ask", "enquired", "inquired"]}},
            {"LOWER": {"IN": ["me", "us", "him", "her", "them"]}, "OP": "?"},
            {"LOWER": {"IN": ["about", "whether"]}}],
          direction="FORWARD", max_scope=15, terminated_by=after_subject),
        # hypothetical
        R("if", HYPOTHETICAL, pattern=[{"LOWER": {"IN": ["if", "unless", "whether", "should"]}}],
          direction="FORWARD", max_scope=4, terminated_by=after_clause),
        R("in case", HYPOTHETICAL, direction="FORWARD", max_scope=6, terminated_by=after_clause),
        R("what if", HYPOTHETICAL, direction="FORWARD", max_scope=6, terminated_by=after_clause),
        # "a 3-day history of back pain", "5/52 hx LBP": the pain now, for that long
        R("3-day history", "PSEUDO", pattern=[
            {"LIKE_NUM": True, "OP": "?"}, {"LOWER": {"IN": _NUMBER_WORDS}, "OP": "?"},
            {"TEXT": "-", "OP": "?"},
            {"LOWER": {"REGEX": r"^(\d+/(7|52|12)|days?|weeks?|months?|years?|hours?|"
                                r"(\d+-)?(day|week|month|year|hour)s?)$"}},
            {"LOWER": {"IN": ["history", "hx"]}}, {"LOWER": "of", "OP": "?"}],
          direction="PSEUDO"),
        # "Hx: LBP 3/52": a note's heading (history of the complaint now), not a past history
        R("hx:", "PSEUDO", pattern=[{"LOWER": {"IN": ["history", "hx", "hpc", "pc"]}},
          {"TEXT": {"IN": [":", "-"]}}], direction="PSEUDO"),
        # history (before this episode)
        R("history of", DATED, pattern=[{"LOWER": {"IN": ["history", "hx"]}},
          {"LOWER": "of", "OP": "?"}], direction="FORWARD", max_scope=8,
          terminated_by=after_clause),
        R("used to", HISTORICAL, pattern=[{"LOWER": {"IN": ["used", "use"]}}, {"LOWER": "to"}],
          direction="FORWARD", max_scope=6, terminated_by=after_clause),
        R("previously", HISTORICAL, pattern=[{"LOWER": {"IN": [
            "previously", "previous", "formerly", "once"]}}], direction="FORWARD", max_scope=6,
          terminated_by=after_clause),
        # "fainted once as a teenager", "had a UTI once, years ago": "once" after what happened
        # dates it (a forward "once" would cut the backward scope of "as a teenager")
        # "once I get moving it eases": when, not a past time
        R("once i", "PSEUDO", pattern=[{"LOWER": "once"}, {"LOWER": {"IN": [
            "i", "you", "we", "he", "she", "they", "it", "i'm", "i've", "the", "my"]}}],
          direction="PSEUDO"),
        R("fainted once", HISTORICAL, pattern=[{"LOWER": "once"}, {"LOWER": {"IN": [
            "as", "when", "in", "at", "before", "years", "back", "while", "during", ",", "or",
            "twice", "ages", "long", "a"]}}], direction="BACKWARD", max_scope=5,
          terminated_by=after_clause),
        R("in the past", HISTORICAL, direction="BIDIRECTIONAL", max_scope=8,
          terminated_by=after_clause),
        R("as a child", HISTORICAL, pattern=[{"LOWER": "as"}, {"LOWER": "a"},
          {"LOWER": {"IN": ["child", "kid", "teenager", "teen", "baby"]}}],
          direction="BIDIRECTIONAL", max_scope=8, terminated_by=after_clause),
        R("when i was younger", HISTORICAL, pattern=[{"LOWER": "when"}, {"LOWER": "i"},
          {"LOWER": "was"}, {"LOWER": {"IN": ["younger", "young", "little", "small", "a"]}},
          {"LOWER": {"IN": ["teenager", "teen", "kid", "child", "student", "girl", "boy"]},
           "OP": "?"}],
          direction="BIDIRECTIONAL", max_scope=8, terminated_by=after_clause),
        R("in 2019", DATED, pattern=[{"LOWER": {"IN": ["in", "since"]}, "OP": "?"},
          {"TEXT": {"REGEX": _YEAR}}], direction="BIDIRECTIONAL", max_scope=8,
          terminated_by=after_clause),
        R("years ago", HISTORICAL, pattern=[
            {"LOWER": {"IN": _NUMBER_WORDS}, "OP": "?"}, {"LIKE_NUM": True, "OP": "?"},
            {"LOWER": {"IN": ["of", "or"]}, "OP": "?"},
            {"LOWER": {"IN": ["years", "year", "yrs", "yr"]}},
            {"LOWER": {"IN": ["ago", "back"]}}], direction="BIDIRECTIONAL", max_scope=8,
          terminated_by=after_clause),
        R("diagnosed", DATED, pattern=[{"LOWER": {"IN": [
            "diagnosed", "told", "found", "confirmed", "discovered"]}}],
          direction="FORWARD", max_scope=8, terminated_by=after_clause),
        # "my daughter told me she's been having thoughts of ...": reported speech, not a
        # diagnosis made in the past
        R("told me", "PSEUDO", pattern=[{"LOWER": {"IN": ["told", "tells"]}},
          {"LOWER": {"IN": ["me", "us"]}}, {"LOWER": {"IN": ["she", "he", "they", "that"]}}],
          direction="PSEUDO"),
        # "over the last year" is how long, not when: not a past date
        R("over the last year", "PSEUDO", pattern=[{"LOWER": {"IN": [
            "over", "for", "in", "during", "within", "throughout"]}}, {"LOWER": "the"},
            {"LOWER": {"IN": ["last", "past"]}}, {"LOWER": {"IN": ["year", "decade"]}}],
          direction="PSEUDO"),
        R("last year", DATED, pattern=[{"LOWER": {"IN": ["last", "previous"]}},
          {"LOWER": {"IN": ["year", "decade"]}}], direction="BIDIRECTIONAL", max_scope=8,
          terminated_by=after_clause),
        # family
        # "... and my mum had": longer than "and my" (a new subject), so it wins the overlap
        R("my dad", FAMILY, pattern=[{"LOWER": {"IN": ["and", ","]}, "OP": "?"},
          {"LOWER": {"IN": ["my", "our", "his", "her"]}, "OP": "?"},
          {"LOWER": {"IN": _RELATIVES}}], direction="FORWARD", max_scope=8,
          terminated_by=after_clause),
        R("runs in the family", FAMILY, pattern=[{"LOWER": {"IN": ["runs", "run", "running"]}},
          {"LOWER": "in"}, {"LOWER": {"IN": ["the", "my", "our"]}}, {"LOWER": "family"}],
          direction="BACKWARD", max_scope=8),
        # scope ends
        R("but", "TERMINATE", pattern=[{"LOWER": {"IN": [
            "but", "although", "though", "however", "except", "yet", "whereas", "apart",
            "aside", "besides", "now", "today", "currently", "just", "only", "otherwise",
            # a new item added to what was said: "a cough that won't shift, plus night sweats"
            "plus"]}}],
          direction="TERMINATE"),
        # what a remedy failed to help is there: "the gym doesn't make any difference to my
        # back pain", "Nurofen doesn't help my back", "neither did a thing for my back"
        R("difference to", "TERMINATE", pattern=[
            {"LOWER": {"IN": ["difference", "thing", "anything", "dent", "help", "helps",
                              "helped", "touch", "touched", "ease", "eased", "ease", "shift",
                              "shifted", "relieve", "relieved"]}},
            {"LOWER": {"IN": ["to", "for", "in", "my", "the", "his", "her", "their"]}}],
          direction="TERMINATE"),
        # "no appetite and feel exhausted": a new verb after "and" starts a new statement
        R("and feel", NEW_SUBJECT, pattern=[{"LOWER": {"IN": ["and", ","]}},
          {"LOWER": {"IN": ["feel", "feeling", "felt", "get", "getting", "keep", "keeps",
                            "also", "still", "have", "having", "had", "got",
                            # a third person's verb in a note or a carer's list ("no
                            # haematemesis, drinks heavily", "not vomiting, has a fever")
                            "feels", "gets", "has", "drinks", "smokes", "takes", "looks",
                            "seems",
                            # what is known of the person ("no melaena, known varices")
                            "known"]}}], direction="PSEUDO"),
        R("and my", NEW_SUBJECT, pattern=[{"LOWER": {"IN": ["and", ",", "so", "then", "which"]}},
          {"LOWER": {"IN": _SUBJECTS}}], direction="PSEUDO"),
        # "not struggling to breathe, and her inhaler is helping": a clause about another
        # person's thing starts after a comma and "and"
        R(", and her", NEW_SUBJECT, pattern=[{"LOWER": ","}, {"LOWER": "and"},
          {"LOWER": {"IN": ["his", "her", "their", "our", "your"]}}], direction="PSEUDO"),
        # "no better", "no different": how the complaint goes, not a denial of what follows
        # ("no better, glands up in my neck")
        R("no better", "PSEUDO_NEGATION", pattern=[{"LOWER": {"IN": ["no", "not", "none"]}},
          {"LOWER": {"IN": ["better", "worse", "different", "improvement"]}}],
          direction="PSEUDO"),
        R(",", CLAUSE, pattern=[{"LOWER": {"IN": [",", "and", "so", "then", "when", "while",
                                                  "because", "since", "after", "before"]}}],
          direction="PSEUDO"),
    ]  # fmt: skip
    for rule in rules:
        # medspacy's overlap test misses a scope lying wholly inside another, so a terminator
        # with a whole-sentence scope would never end anything: give it a one-token window.
        if rule.direction in ("TERMINATE", "PSEUDO"):
            rule.max_scope = 1
        # a new clause about the person also ends the other kinds of scope
        if rule.category in (HYPOTHETICAL, UNCERTAIN, HISTORICAL, DATED, FAMILY):
            rule.terminated_by.add(NEW_SUBJECT)
    return rules


def load_libraries() -> Any:
    """Import spaCy and medspaCy's ConText (about a second the first time); returns ``spacy``.

    A server calls this early, while other processes parse its packs.
    """
    import spacy
    from medspacy.context import ConText  # noqa: F401  (registers the pipeline factory)

    return spacy


def build_pipeline() -> Any:
    """A blank English spaCy pipeline with a sentence splitter and lay-language ConText.

    Returns the ``spacy.Language``; nothing is downloaded.
    """
    spacy = load_libraries()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n", "\n\n"]})
    context: Any = nlp.add_pipe(
        "medspacy_context",
        config={"rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP},
    )
    context.add(_rules())
    return nlp


# ConText compares every modifier with every other one in the doc (medspacy's update_scopes),
# so it runs sentence by sentence, and no sentence is longer than this many tokens: the work
# grows with the text's length, not with its square ("no no no ..." 4,000 characters long).
MAX_SENTENCE_TOKENS = 60


def cap_sentences(doc: Any, max_tokens: int = MAX_SENTENCE_TOKENS) -> None:
    """Start a new sentence every ``max_tokens`` tokens of a longer sentence (in place)."""
    run = 0
    for token in doc:
        if token.is_sent_start or token.i == 0:
            run = 0
        elif run >= max_tokens:
            token.is_sent_start = True
            run = 0
        run += 1


# the first word of a question ("Can kidney stones cause blood in the urine?")
_QUESTION_OPENERS = frozenset(
    [
        "can", "could", "would", "should", "will", "is", "are", "was", "were", "do", "does",
        "did", "has", "have", "might", "may", "what", "why", "how", "when", "which", "who",
        "isn't", "aren't", "doesn't",
    ]
)  # fmt: skip


_CONDITION_OPENERS = frozenset(["if", "when", "once", "say", "suppose", "supposing"])
_ASKING = frozenset(["should", "shall", "do", "can", "could", "would", "will", "is", "does"])
_ASKED = frozenset(["i", "we", "she", "he", "they", "you", "it", "that", "this"])


def is_question(sent: Any) -> bool:
    """True for a sentence that asks rather than states: it opens with an auxiliary or a
    question word and ends with "?". "I'm 32 weeks - is it safe to fly?" states first."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 2 or not words[-1].text.startswith("?"):
        return False
    if words[0].lower_ in _QUESTION_OPENERS:
        return True
    # a condition asked about: "If my leg goes numb, should I go to A&E?"
    return words[0].lower_ in _CONDITION_OPENERS and any(
        t.lower_ in _ASKING and nxt.lower_ in _ASKED for t, nxt in pairwise(words)
    )


def apply_context(context: Any, doc: Any, ranges: list[tuple[int, int]]) -> list[Modifiers]:
    """The ConText modifiers of the mentions at token ``ranges`` of ``doc``, in that order.

    ``context`` is the pipeline's ConText component; it runs once per sentence holding a
    mention (a copy of the sentence as its own doc), so a modifier never reaches across a
    sentence and the cost is linear in the text's length.
    """
    by_sentence: dict[int, list[int]] = {}
    for k, (start, _) in enumerate(ranges):
        by_sentence.setdefault(doc[start].sent.start, []).append(k)
    out: list[Modifiers] = [Modifiers()] * len(ranges)
    for first, ks in by_sentence.items():
        sent = doc[first].sent
        end = max(sent.end, *(ranges[k][1] for k in ks))
        sub = doc[first:end].as_doc()
        sub.spans[SPAN_GROUP] = [sub[ranges[k][0] - first : ranges[k][1] - first] for k in ks]
        sub = context(sub)
        asks = is_question(sent)
        for k, span in zip(ks, sub.spans[SPAN_GROUP], strict=True):
            # what a question names is asked about, not stated
            out[k] = replace(modifiers_of(span), uncertain=True) if asks else modifiers_of(span)
    return out


def modifiers_of(span: Any) -> Modifiers:
    """The ConText categories that modify ``span`` (a spaCy Span after ConText ran).

    A modifier inside the mention itself ("worse *if* I sit still", "*can't* pee") is part of
    the phrase, not a modifier of it (medspacy's overlap test misses this case).
    """
    outside = [
        m
        for m in span._.modifiers
        if not (span.start <= m.modifier_span[0] and m.modifier_span[1] <= span.end)
    ]
    cats = {m.category.upper() for m in outside}
    doc = span.doc
    return Modifiers(
        negated=NEGATED in cats or SAID_FINE in cats,
        said_fine=SAID_FINE in cats and NEGATED not in cats,
        uncertain=UNCERTAIN in cats,
        hypothetical=HYPOTHETICAL in cats,
        # "diagnosed with osteoporosis years ago": dated, and still so
        historical=HISTORICAL in cats and DATED not in cats,
        dated=DATED in cats,
        family=FAMILY in cats,
        family_by=tuple(
            doc[m.modifier_span[0] : m.modifier_span[1]].text.lower()
            for m in outside
            if m.category.upper() == FAMILY
        ),
    )


# words that end a condition's clause ("if it gets worse *and* ..." is left alone: "and" may
# start a new statement, "or" only offers another condition)
_CLAUSE_ENDS = frozenset(
    [",", ";", ":", ".", "!", "?", "and", "but", "so", "then", "because", "although", "though"]
)
_CONDITIONS = frozenset(["if", "unless", "whether"])


def hypothetical_by_or(doc: Any, start: int) -> bool:
    """True when the token at ``start`` is in a condition continued by "or".

    "if it gets worse *or I get a temperature*": the second condition is as hypothetical as
    the first, however far from "if" it is. Returns False when a clause break (a comma not
    followed by "or", "and", "but", ...) comes between the condition and the mention.
    """
    seen_or = False
    for i in range(start - 1, max(-1, start - 16), -1):
        word = doc[i].lower_
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if word == "or":
            seen_or = True
        elif word in _CONDITIONS or (word == "case" and i and doc[i - 1].lower_ == "in"):
            return seen_or
        elif word in _CLAUSE_ENDS and not (word == "," and nxt == "or"):
            return False
    return False
