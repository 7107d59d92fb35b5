"""The parser on blind set 4 (tests/language/data/blind4.yaml), written by someone who never
read the parser, its lexicon or its tests.

First run, before any fix made from it: F1 0.705, denials F1 0.591 (see the file's header).
Fixes were then made from it, so it is no longer held out: these floors guard the figures
reached, they do not measure generalisation. Items naming findings the back-pelvic pack does
not have yet (testicle_pain, testicle_swelling, regular_tightenings, much_less_urine) are set
aside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.schema import FindingType

DATA = Path(__file__).parent / "data" / "blind4.yaml"
# After the back-pelvic audit and the one-model migration were merged (new findings, the 11
# items set aside before now scored): F1 0.906, present 0.909, denials 0.889 (was 0.922 /
# 0.920 / 0.915 on the parser's own branch). Floors at the merged figures.
MIN_F1 = 0.90
MIN_PRESENT_F1 = 0.905
MIN_DENIAL_F1 = 0.885
MIN_DURATION_PRECISION = 0.93


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def test_blind4_scores_stay_at_the_reached_floors(kb: KnowledgeBase) -> None:
    items, today = load_labelled(DATA)
    known = [i for i in items if all(fid in kb.findings for fid in i.expect)]
    assert len(items) == 255 and len(items) - len(known) <= 11
    assert check_labels(kb, known) == []
    res = score_parser(kb, known, today)
    durations = {f.id for f in kb.findings.values() if f.type is FindingType.DURATION}
    present = res.restricted(lambda fid, v: v == "present")
    denied = res.restricted(lambda fid, v: v == "absent")
    dur = res.restricted(lambda fid, v: fid in durations)
    print(
        f"\nblind4 ({len(known)} items): F1 {res.f1:.3f}, present {present.f1:.3f}, "
        f"denials {denied.f1:.3f}, durations P {dur.precision:.3f}, exact {res.exact}"
    )
    assert res.f1 is not None and res.f1 >= MIN_F1
    assert present.f1 is not None and present.f1 >= MIN_PRESENT_F1
    assert denied.f1 is not None and denied.f1 >= MIN_DENIAL_F1
    assert dur.precision is not None and dur.precision >= MIN_DURATION_PRECISION
