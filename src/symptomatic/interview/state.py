"""Immutable interview state with a JSON round-trip.

The state is only what the person said: sex, age, who the check is for (themselves, their
child or someone else), the initial evidence (from the complaint text or the API), the
answers to the questions asked (in order; ``unknown`` included), an optional focus condition,
and whether they chose to go on answering after an emergency was found. Everything else
(posterior, next question, triage) is derived.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from symptomatic.errors import InterviewError

STATE_VERSION = 2
#: Who a check is for: the person answering, their child, or someone else they answer for.
FOR_WHOM = ("self", "child", "other")


@dataclass(frozen=True)
class Answer:
    """One answer: finding id, value (present/absent/unknown/option id), where it came from."""

    finding_id: str
    value: str
    source: str = "question"  # "initial" (stated up front) or "question" (asked by the engine)
    group: str | None = None  # the group question it was answered in, if any


@dataclass(frozen=True)
class InterviewState:
    sex: str
    age: int
    answers: tuple[Answer, ...] = ()
    focus: str | None = None
    complaint_text: str | None = field(default=None, compare=False)
    #: The person chose to answer more questions after an emergency was found.
    after_emergency: bool = False
    #: Who the check is for (one of :data:`FOR_WHOM`): questions and advice are worded for it.
    for_whom: str = "self"

    @property
    def evidence(self) -> dict[str, str]:
        """Finding id -> value, later answers overriding earlier ones (validated on entry)."""
        return {a.finding_id: a.value for a in self.answers}

    @property
    def asked(self) -> tuple[str, ...]:
        """Finding ids the engine asked about, in order (each item of a group included)."""
        return tuple(a.finding_id for a in self.answers if a.source == "question")

    @property
    def questions_asked(self) -> int:
        """How many questions were asked: a group question ("any of these?") counts once."""
        turns = {
            a.group if a.group is not None else f"finding:{a.finding_id}"
            for a in self.answers
            if a.source == "question"
        }
        return len(turns)

    def with_answer(self, answer: Answer) -> InterviewState:
        return self.with_answers((answer,))

    def with_answers(self, answers: tuple[Answer, ...]) -> InterviewState:
        """The state with these answers added (replacing earlier answers to the same findings)."""
        new = {a.finding_id for a in answers}
        kept = tuple(a for a in self.answers if a.finding_id not in new)
        return replace(self, answers=(*kept, *answers))

    def without_last_question(self) -> InterviewState:
        """The state before the last engine-asked question (a whole group at once).

        Raises :class:`InterviewError` when no question has been answered yet.
        """
        for i in range(len(self.answers) - 1, -1, -1):
            last = self.answers[i]
            if last.source != "question":
                continue
            if last.group is None:
                return replace(self, answers=self.answers[:i] + self.answers[i + 1 :])
            kept = tuple(
                a for a in self.answers if not (a.source == "question" and a.group == last.group)
            )
            return replace(self, answers=kept)
        raise InterviewError("nothing to undo: no question has been answered yet")

    # -- JSON ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "sex": self.sex,
            "age": self.age,
            "focus": self.focus,
            "after_emergency": self.after_emergency,
            "for_whom": self.for_whom,
            "answers": [[a.finding_id, a.value, a.source, a.group] for a in self.answers],
        }

    def to_json(self) -> str:
        """Compact JSON; :meth:`from_json` gives back an equal state."""
        return json.dumps(self.to_dict(), separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Any) -> InterviewState:
        """Parse :meth:`to_dict` output; raises :class:`InterviewError` on malformed input."""
        try:
            if data.get("version") != STATE_VERSION:
                raise InterviewError(f"unsupported interview state version {data.get('version')!r}")
            answers = tuple(
                Answer(str(f), str(v), str(s), None if g is None else str(g))
                for f, v, s, g in data.get("answers", [])
            )
            focus = data.get("focus")
            for_whom = str(data.get("for_whom", "self"))
            if for_whom not in FOR_WHOM:
                raise InterviewError(f"unknown for_whom {for_whom!r} in interview state")
            return cls(
                sex=str(data["sex"]),
                age=int(data["age"]),
                answers=answers,
                focus=None if focus is None else str(focus),
                after_emergency=bool(data.get("after_emergency", False)),
                for_whom=for_whom,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InterviewError(f"malformed interview state: {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> InterviewState:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InterviewError(f"interview state is not valid JSON: {exc}") from exc
        return cls.from_dict(data)
