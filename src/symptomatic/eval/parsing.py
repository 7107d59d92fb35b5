"""Precision, recall and F1 of the free-text parser on labelled sentences.

A labelled file is YAML: ``version: 1``, optional ``today`` (the date "since March" is read
against), and ``items``: each a ``text``, optional ``sex`` / ``age``, and ``expect``: finding
id -> answer (``present`` / ``absent`` / option id). A predicted (finding, answer) pair is a
true positive when it is expected; any other predicted pair is a false positive (a wrong answer
counts once as a false positive and once as a false negative).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from symptomatic.eval.vignettes import VignetteFileError
from symptomatic.kb import KnowledgeBase
from symptomatic.language import parse


@dataclass(frozen=True)
class LabelledItem:
    text: str
    expect: dict[str, str]
    sex: str | None = None
    age: int | None = None


@dataclass(frozen=True)
class ItemScore:
    """One sentence: what was expected, what was found, and the differences."""

    item: LabelledItem
    predicted: dict[str, str]
    missed: tuple[tuple[str, str], ...]  # expected but not found (false negatives)
    extra: tuple[tuple[str, str], ...]  # found but not expected (false positives)


@dataclass(frozen=True)
class ParserScore:
    """Totals over a labelled set; precision/recall/F1 are None when undefined."""

    tp: int
    fp: int
    fn: int
    items: list[ItemScore] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None

    @property
    def exact(self) -> int:
        """How many sentences were read exactly right (nothing missed, nothing extra)."""
        return sum(1 for s in self.items if not s.missed and not s.extra)

    def restricted(self, keep: Callable[[str, str], bool]) -> ParserScore:
        """The counts over the (finding id, answer) pairs ``keep`` accepts, expected or found.

        ``keep=lambda fid, v: v == "absent"`` scores denials alone; a wrong answer of a kept
        finding counts as a false positive only when the wrong answer is kept too.
        """
        tp = fp = fn = 0
        for s in self.items:
            want = {pair for pair in s.item.expect.items() if keep(*pair)}
            got = {pair for pair in s.predicted.items() if keep(*pair)}
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
        return ParserScore(tp, fp, fn)


def load_labelled(path: str | Path) -> tuple[list[LabelledItem], date | None]:
    """The items of a labelled file and its ``today``; raises :class:`VignetteFileError`."""
    p = Path(path)
    try:
        data: Any = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise VignetteFileError(f"{p}: cannot be read as YAML ({exc})") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise VignetteFileError(f"{p.name}: expected 'version: 1' and 'items'")
    problems: list[str] = []
    items: list[LabelledItem] = []
    for i, raw in enumerate(data.get("items") or []):
        where = f"{p.name}: items[{i}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            problems.append(f"{where}: expected a mapping with text and expect")
            continue
        expect = raw.get("expect") or {}
        if not isinstance(expect, dict):
            problems.append(f"{where}: expect: expected a mapping finding id -> answer")
            continue
        items.append(
            LabelledItem(
                text=raw["text"],
                expect={str(k): str(v) for k, v in expect.items()},
                sex=raw.get("sex"),
                age=raw.get("age"),
            )
        )
    if problems:
        raise VignetteFileError(f"{p.name}: {len(problems)} problem(s)", problems)
    today = data.get("today")
    return items, today if isinstance(today, date) else None


def check_labels(kb: KnowledgeBase, items: Sequence[LabelledItem]) -> list[str]:
    """Labels that name an unknown finding or answer (a typo in the set), one line each."""
    problems = []
    for i, item in enumerate(items):
        for fid, value in item.expect.items():
            finding = kb.findings.get(fid)
            if finding is None:
                problems.append(f"items[{i}]: unknown finding {fid!r}")
            elif value not in finding.answers:
                problems.append(f"items[{i}]: {fid}: {value!r} is not one of {finding.answers}")
    return problems


def score_parser(
    kb: KnowledgeBase, items: Sequence[LabelledItem], today: date | None = None
) -> ParserScore:
    """Parse every item and count true/false positives and false negatives."""
    tp = fp = fn = 0
    scored: list[ItemScore] = []
    for item in items:
        predicted = parse(kb, item.text, sex=item.sex, age=item.age, today=today).to_evidence()
        want = set(item.expect.items())
        got = set(predicted.items())
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        scored.append(
            ItemScore(item, predicted, tuple(sorted(want - got)), tuple(sorted(got - want)))
        )
    return ParserScore(tp, fp, fn, scored)
