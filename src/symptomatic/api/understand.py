"""Free text -> findings for the API and the web pages: :func:`symptomatic.language.parse`,
one mention per finding.

There is one free-text path: the language module is a hard dependency, and a failure to
import it is an error, never a silent switch to a cruder reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from symptomatic.kb import KnowledgeBase
from symptomatic.language import parse, parser_for


@dataclass(frozen=True)
class Mention:
    """A finding found in the text: id, answer (present/absent/option), name, [start, end)."""

    id: str
    choice_id: str
    name: str
    span: tuple[int, int]


def prepare_parser(kb: KnowledgeBase) -> None:
    """Build the free-text parser of ``kb`` now (it is cached per knowledge base), so that the
    first /parse does not wait for it."""
    parser_for(kb)


def understand(
    kb: KnowledgeBase, text: str, sex: str | None = None, age: int | None = None
) -> list[Mention]:
    """Mentions of findings in ``text``, in text order (each finding at most once)."""
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
