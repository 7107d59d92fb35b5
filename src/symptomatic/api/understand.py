"""Free text -> findings, through :mod:`symptomatic.language` when it is installed.

Until the language adapter lands (or if it fails to import) a small fallback matches finding
names and synonyms word for word, with a simple negation window ("no", "not", "without").
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from symptomatic.kb import KnowledgeBase

_NEGATIONS = re.compile(r"\b(no|not|never|without|denies|don't|dont|haven't|havent)\b[^.,;]*$")


@dataclass(frozen=True)
class Mention:
    """A finding found in the text: id, answer (present/absent/option), name, [start, end)."""

    id: str
    choice_id: str
    name: str
    span: tuple[int, int]


def _language_parse() -> Any | None:
    try:
        module = importlib.import_module("symptomatic.language")
    except ImportError:
        return None
    return getattr(module, "parse", None)


def _fallback(kb: KnowledgeBase, text: str) -> list[Mention]:
    lowered = text.casefold()
    found: dict[str, Mention] = {}
    for f in kb.findings.values():
        if f.options:
            continue
        for phrase in (f.name, *f.synonyms):
            p = phrase.casefold().strip()
            if len(p) < 3:
                continue
            m = re.search(r"\b" + re.escape(p) + r"\b", lowered)
            if m is None:
                continue
            window = lowered[max(0, m.start() - 40) : m.start()]
            choice = "absent" if _NEGATIONS.search(window) else "present"
            if f.id not in found:
                found[f.id] = Mention(f.id, choice, f.name, (m.start(), m.end()))
            break
    return sorted(found.values(), key=lambda m: m.span)


def understand(
    kb: KnowledgeBase, text: str, sex: str | None = None, age: int | None = None
) -> list[Mention]:
    """Mentions of findings in ``text``, in text order (each finding at most once)."""
    parse = _language_parse()
    if parse is None:
        return _fallback(kb, text)
    parsed = parse(kb, text, sex, age)
    evidence: dict[str, str] = parsed.to_evidence()
    spans: dict[str, tuple[int, int]] = {}
    for m in parsed.mentions:
        if m.counts and m.finding_id in evidence:
            spans.setdefault(m.finding_id, (int(m.start), int(m.end)))
    out = [
        Mention(fid, value, kb.findings[fid].name, spans.get(fid, (0, 0)))
        for fid, value in evidence.items()
        if fid in kb.findings
    ]
    return sorted(out, key=lambda m: m.span)
