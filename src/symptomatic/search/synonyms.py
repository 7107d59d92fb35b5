"""Lay words to the words articles use, from the knowledge packs and a small built-in table.

Each finding in a pack lists lay ``synonyms`` ("period pain", "cramps") for its ``name``
("Painful periods (dysmenorrhoea)"). A query containing a synonym is expanded with the name's
words and the finding id's words; the built-in table adds UK and US lay terms that are not
findings ("smear" -> "cervical screening").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from symptomatic.errors import PackError

_TOKEN = re.compile(r"[a-z0-9]+")

# Lay term -> words to add. Kept short; the packs supply the rest.
BUILTIN_LAY_TERMS: Mapping[str, tuple[str, ...]] = {
    "smear": ("cervical screening",),
    "smear test": ("cervical screening",),
    "pap": ("cervical screening",),
    "pap smear": ("cervical screening",),
    "period pain": ("dysmenorrhoea",),
    "period cramps": ("dysmenorrhoea",),
    "cramps": ("dysmenorrhoea",),
    "dysmenorrhea": ("dysmenorrhoea",),
    "pee": ("urine",),
    "wee": ("urine",),
    "peeing": ("urine",),
    "weeing": ("urine",),
    "tummy": ("abdominal",),
    "belly": ("abdominal",),
    "stomach": ("abdominal",),
    "womb": ("uterus", "endometrial"),
    "water infection": ("urinary tract infection",),
    "kidney infection": ("pyelonephritis",),
    "bladder infection": ("cystitis",),
    "slipped disc": ("sciatica", "disc"),
    "trapped nerve": ("sciatica",),
    "lumbago": ("low back pain",),
    "backache": ("back pain",),
    "bad back": ("back pain",),
    "numb bum": ("saddle numbness", "cauda equina"),
    "brittle bones": ("osteoporosis",),
    "thin bones": ("osteoporosis",),
    "the change": ("menopause",),
    "spotting": ("bleeding",),
    "stiff back": ("stiffness", "inflammatory"),
    "aneurism": ("aneurysm",),
    "tubes": ("fallopian",),
    "chlamydia": ("pelvic inflammatory disease",),
    "bloated": ("bloating",),
    "wetting": ("incontinence", "leaking"),
    "wet myself": ("incontinence", "leaking"),
}


def tokens(text: str) -> list[str]:
    """Returns the lower-case alphanumeric words of ``text`` (the only characters that ever
    reach a database query)."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class SynonymTable:
    """Phrase (normalised words joined by one space) -> expansion phrases."""

    entries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def expand(self, query_words: list[str]) -> list[str]:
        """Returns the expansion phrases for every known phrase found in ``query_words``
        (contiguous words), without duplicates, in order of appearance."""
        out: list[str] = []
        padded = " " + " ".join(query_words) + " "
        for phrase, targets in self.entries.items():
            if f" {phrase} " in padded:
                for target in targets:
                    if target not in out:
                        out.append(target)
        return out


def _name_words(name: str) -> str:
    return " ".join(tokens(re.sub(r"\(.*?\)", lambda m: " " + m.group(0)[1:-1], name)))


def build_synonyms(findings: Iterable[tuple[str, str, Iterable[str]]]) -> SynonymTable:
    """Returns a :class:`SynonymTable` from ``(finding_id, name, synonyms)`` triples merged
    with :data:`BUILTIN_LAY_TERMS`. Each synonym maps to the finding's name and id words."""
    table: dict[str, list[str]] = {k: list(v) for k, v in BUILTIN_LAY_TERMS.items()}
    for finding_id, name, synonyms in findings:
        targets = [_name_words(name), finding_id.replace("_", " ")]
        for syn in synonyms:
            key = " ".join(tokens(syn))
            if len(key) < 3:
                continue
            bucket = table.setdefault(key, [])
            for target in targets:
                if target and target != key and target not in bucket:
                    bucket.append(target)
    return SynonymTable({k: tuple(v) for k, v in table.items() if v})


def load_pack_synonyms(pack_ids: Iterable[str]) -> SynonymTable:
    """Returns the synonym table of the given built-in packs (plus the built-in lay terms);
    a pack that cannot be loaded is skipped, so search still works without it."""
    from symptomatic.kb import load_knowledge_base

    triples: list[tuple[str, str, list[str]]] = []
    for pack_id in pack_ids:
        try:
            kb = load_knowledge_base(pack_id)
        except PackError:
            continue
        triples.extend((f.id, f.name, list(f.synonyms)) for f in kb.findings.values())
    return build_synonyms(triples)
