"""The parser on blind set 7 (tests/language/data/blind7.yaml), written by a fourth helper who
read neither the parser, its lexicon, its tests nor blind sets 5 and 6.

HELD OUT. Its first and only reading so far (see the file's header) gave F1 0.820, present
0.839, denials 0.783 (recall 0.739), durations P 0.863 R 0.863. No fix has been made from it:
the floors below are that first run, so that a change which makes the parser generalise
worse fails here. Do not tune to this file; when a fix is made from it, say so in its header
and here, and write a new blind set for the next honest figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.schema import FindingType

DATA = Path(__file__).parent / "data" / "blind7.yaml"
# The first run, a little below it for rounding: F1 0.820, present 0.839, denials 0.783,
# durations P 0.863 R 0.863.
MIN_F1 = 0.815
MIN_PRESENT_F1 = 0.835
MIN_DENIAL_F1 = 0.78
MIN_DURATION_PRECISION = 0.86
MIN_DURATION_RECALL = 0.86


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def test_blind7_held_out_scores_stay_at_the_first_run(kb: KnowledgeBase) -> None:
    items, today = load_labelled(DATA)
    assert len(items) == 347
    assert check_labels(kb, items) == []
    res = score_parser(kb, items, today)
    durations = {f.id for f in kb.findings.values() if f.type is FindingType.DURATION}
    present = res.restricted(lambda fid, v: v == "present")
    denied = res.restricted(lambda fid, v: v == "absent")
    dur = res.restricted(lambda fid, v: fid in durations)
    print(
        f"\nblind7 ({len(items)} items): F1 {res.f1:.3f}, present {present.f1:.3f}, "
        f"denials {denied.f1:.3f}, durations P {dur.precision:.3f} R {dur.recall:.3f}, "
        f"exact {res.exact}"
    )
    assert res.f1 is not None and res.f1 >= MIN_F1
    assert present.f1 is not None and present.f1 >= MIN_PRESENT_F1
    assert denied.f1 is not None and denied.f1 >= MIN_DENIAL_F1
    assert dur.precision is not None and dur.precision >= MIN_DURATION_PRECISION
    assert dur.recall is not None and dur.recall >= MIN_DURATION_RECALL
