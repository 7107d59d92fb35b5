"""What the parser returns: mentions of findings in the text, and the evidence they give."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    """One finding stated in the text.

    ``value`` is ``present``/``absent`` for a yes/no finding, else an option id.
    ``start``/``end`` are character offsets into the text; ``text`` is the matched words.
    ``counts`` is False when the mention says nothing about the person now: a hypothetical
    ("if I get a fever"), an uncertainty ("worried it is cancer"), a relative's illness for a
    finding about the person, or a past episode of a current-symptom finding.
    """

    finding_id: str
    value: str
    start: int
    end: int
    text: str
    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    uncertain: bool = False
    family: bool = False
    corrected: bool = False
    counts: bool = True
    # "lexicon", "duration", "period" (gap since the last period), "compound" (parts said
    # together), "overruling" (a compound's denial that takes back a lexicon reading) or
    # "gestation" (weeks of pregnancy)
    source: str = "lexicon"

    @classmethod
    def stated(
        cls, text: str, finding_id: str, value: str, start: int, end: int, source: str
    ) -> Mention:
        """The mention of ``finding_id`` said by ``text[start:end]``, denied when ``value`` is
        ``absent`` (a reading, a compound, a denial that points back at a finding, ...)."""
        return cls(
            finding_id=finding_id,
            value=value,
            start=start,
            end=end,
            text=text[start:end],
            negated=value == "absent",
            source=source,
        )

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` character offsets of the mention."""
        return (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form of the mention."""
        return asdict(self)


@dataclass(frozen=True)
class ParseResult:
    """All mentions found in ``text``, in order of appearance."""

    text: str
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    def to_evidence(self) -> dict[str, str]:
        """Finding id -> answer, from the mentions that count, usable by ``interview.start``.

        When the text both affirms and denies a yes/no finding, ``present`` wins: a symptom a
        person mentions anywhere is safer to keep than to drop. For choice findings the first
        stated option wins.
        """
        evidence: dict[str, str] = {}
        for m in self.mentions:
            if not m.counts:
                continue
            prev = evidence.get(m.finding_id)
            if prev is None or (prev == "absent" and m.value == "present"):
                evidence[m.finding_id] = m.value
        return evidence

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: the text, every mention, and the evidence."""
        return {
            "text": self.text,
            "mentions": [m.to_dict() for m in self.mentions],
            "evidence": self.to_evidence(),
        }
