"""The parser on blind set 5 (tests/language/data/blind5.yaml), written by someone who never
read the parser, its lexicon or its tests.

First run, before any fix made from it: F1 0.769, present 0.816, denials 0.723 (recall 0.62),
durations P 0.633 R 0.588 (see the file's header). Fixes were then made from it (denials
carried down lists, dates relative to today, lay phrase families, the writer's stated sex,
gestation opening a sentence), so it is no longer held out: these floors guard the figures
reached, they do not measure generalisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.schema import FindingType

DATA = Path(__file__).parent / "data" / "blind5.yaml"
# Reached on the parser's branch: F1 0.876, present 0.892, denials 0.864, durations P 0.768
# (the goals were F1 0.92 and denials 0.90: not met; see the labels' own conventions, which
# differ from earlier sets on "legs fine", bare "numbness" and "no sweats").
MIN_F1 = 0.875
MIN_PRESENT_F1 = 0.89
MIN_DENIAL_F1 = 0.86
MIN_DURATION_PRECISION = 0.76


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def test_blind5_scores_stay_at_the_reached_floors(kb: KnowledgeBase) -> None:
    items, today = load_labelled(DATA)
    assert len(items) == 309
    assert check_labels(kb, items) == []
    res = score_parser(kb, items, today)
    durations = {f.id for f in kb.findings.values() if f.type is FindingType.DURATION}
    present = res.restricted(lambda fid, v: v == "present")
    denied = res.restricted(lambda fid, v: v == "absent")
    dur = res.restricted(lambda fid, v: fid in durations)
    print(
        f"\nblind5 ({len(items)} items): F1 {res.f1:.3f}, present {present.f1:.3f}, "
        f"denials {denied.f1:.3f}, durations P {dur.precision:.3f}, exact {res.exact}"
    )
    assert res.f1 is not None and res.f1 >= MIN_F1
    assert present.f1 is not None and present.f1 >= MIN_PRESENT_F1
    assert denied.f1 is not None and denied.f1 >= MIN_DENIAL_F1
    assert dur.precision is not None and dur.precision >= MIN_DURATION_PRECISION
