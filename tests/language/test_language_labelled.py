"""Precision / recall / F1 of the parser on >= 150 labelled sentences (back-pelvic pack).

The figures are printed (``pytest -s``) and by ``bench/language.py --errors``, which also
lists every miss and false alarm.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import KnowledgeBase, load_knowledge_base

DATA = Path(__file__).parent / "data" / "labelled.yaml"
MIN_F1 = 0.9


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base("back-pelvic")


def test_the_set_is_large_varied_and_valid(kb: KnowledgeBase) -> None:
    items, _ = load_labelled(DATA)
    assert len(items) >= 150
    assert len({i.text for i in items}) == len(items)
    assert check_labels(kb, items) == []
    labels = [v for i in items for v in i.expect.values()]
    assert labels.count("absent") >= 25  # negation is exercised, not just mentions
    assert sum(1 for i in items if not i.expect) >= 10  # sentences that must give nothing


def test_f1_is_at_least_0_9(kb: KnowledgeBase) -> None:
    items, today = load_labelled(DATA)
    res = score_parser(kb, items, today)
    assert res.precision is not None and res.recall is not None and res.f1 is not None
    print(
        f"\nparser on {len(items)} sentences: precision {res.precision:.3f} "
        f"recall {res.recall:.3f} F1 {res.f1:.3f} (tp={res.tp} fp={res.fp} fn={res.fn})"
    )
    assert res.f1 >= MIN_F1, [
        (s.item.text, s.missed, s.extra) for s in res.items if s.missed or s.extra
    ]
    # the worst failures for a safety tool: a red flag read the wrong way round
    flipped = [
        (s.item.text, fid)
        for s in res.items
        for fid, value in s.extra
        if (fid, "present" if value == "absent" else "absent") in s.missed
    ]
    assert len(flipped) <= 2, flipped
