"""The parser on blind set 6 (tests/language/data/blind6.yaml), written by a third helper who
read neither the parser, its lexicon, its tests nor blind set 5.

First run, before any fix made from it: F1 0.794, present 0.808, denials 0.768 (recall
0.684), durations P 0.807 R 0.807 (see the file's header). Fixes were then made from it
(crisis phrase families by parts said together, negation of a compound's part, 'one side' as
which side, a place joined to a bodily function, bladder and bowels in shorthand, durations
from 'the Monday before last' or a clause that starts 'started ... ago', denials in lay and
note words), so it is no longer held out: these floors guard the figures reached, they do
not measure generalisation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.schema import FindingType

DATA = Path(__file__).parent / "data" / "blind6.yaml"
# Reached on the parser's branch: F1 0.857, present 0.846, denials 0.873 (recall 0.851),
# durations P 0.825 R 0.912 (the goal of 0.90 was not met).
MIN_F1 = 0.855
MIN_PRESENT_F1 = 0.845
MIN_DENIAL_F1 = 0.87
MIN_DURATION_PRECISION = 0.82
MIN_DURATION_RECALL = 0.91


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def test_blind6_scores_stay_at_the_reached_floors(kb: KnowledgeBase) -> None:
    items, today = load_labelled(DATA)
    assert len(items) == 311
    assert check_labels(kb, items) == []
    res = score_parser(kb, items, today)
    durations = {f.id for f in kb.findings.values() if f.type is FindingType.DURATION}
    present = res.restricted(lambda fid, v: v == "present")
    denied = res.restricted(lambda fid, v: v == "absent")
    dur = res.restricted(lambda fid, v: fid in durations)
    print(
        f"\nblind6 ({len(items)} items): F1 {res.f1:.3f}, present {present.f1:.3f}, "
        f"denials {denied.f1:.3f}, durations P {dur.precision:.3f} R {dur.recall:.3f}, "
        f"exact {res.exact}"
    )
    assert res.f1 is not None and res.f1 >= MIN_F1
    assert present.f1 is not None and present.f1 >= MIN_PRESENT_F1
    assert denied.f1 is not None and denied.f1 >= MIN_DENIAL_F1
    assert dur.precision is not None and dur.precision >= MIN_DURATION_PRECISION
    assert dur.recall is not None and dur.recall >= MIN_DURATION_RECALL
