"""Print the free-text parser's scores on a labelled sentence set, and its speed.

.venv/bin/python bench/language.py [--pack back-pelvic] [--errors] [FILE]
.venv/bin/python bench/language.py --all     # every labelled set in tests/language/data

Besides precision / recall / F1 over every label it prints F1 on present findings, F1 on
denials, the precision of the duration finding, the sentences read exactly right, the median
parse time per sentence with every built-in pack loaded, and the time of a long run of "no ".
Items whose labels name a finding the knowledge base does not have are set aside and counted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from symptomatic.eval.parsing import (
    LabelledItem,
    ParserScore,
    check_labels,
    load_labelled,
    score_parser,
)
from symptomatic.kb import KnowledgeBase, load_knowledge_base
from symptomatic.kb.loader import builtin_pack_ids
from symptomatic.kb.schema import FindingType
from symptomatic.language import parser_for

DATA = Path(__file__).resolve().parents[1] / "tests" / "language" / "data"
DEFAULT = DATA / "labelled.yaml"
SETS = ("labelled.yaml", "heldout.yaml", "heldout2.yaml", "heldout3.yaml", "blind4.yaml")


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def _known(kb: KnowledgeBase, items: list[LabelledItem]) -> tuple[list[LabelledItem], set[str]]:
    """The items whose labels all name findings of ``kb``, and the unknown ids of the rest."""
    unknown = {fid for i in items for fid in i.expect if fid not in kb.findings}
    return [i for i in items if not set(i.expect) & unknown], unknown


def _report(kb: KnowledgeBase, res: ParserScore, n: int) -> None:
    durations = {f.id for f in kb.findings.values() if f.type is FindingType.DURATION}
    present = res.restricted(lambda fid, v: v == "present")
    denied = res.restricted(lambda fid, v: v == "absent")
    dur = res.restricted(lambda fid, v: fid in durations)
    print(f"tp={res.tp} fp={res.fp} fn={res.fn}")
    print(f"overall   P {_fmt(res.precision)}  R {_fmt(res.recall)}  F1 {_fmt(res.f1)}")
    print(f"present   P {_fmt(present.precision)}  R {_fmt(present.recall)}  F1 {_fmt(present.f1)}")
    print(f"denials   P {_fmt(denied.precision)}  R {_fmt(denied.recall)}  F1 {_fmt(denied.f1)}")
    print(f"durations P {_fmt(dur.precision)}  R {_fmt(dur.recall)}  (tp={dur.tp} fp={dur.fp})")
    print(f"exact sentences {res.exact} of {n}")
    # findings added to the packs after the set was written cannot be in its labels
    labelled = {fid for s in res.items for fid in s.item.expect}
    if {fid for s in res.items for fid in s.predicted} - labelled:
        known = res.restricted(lambda fid, v: fid in labelled)
        print(
            f"over the {len(labelled)} findings the set labels: P {_fmt(known.precision)}  "
            f"R {_fmt(known.recall)}  F1 {_fmt(known.f1)}"
        )


def _speed(items: list[LabelledItem]) -> None:
    """Median parse time per sentence with every built-in pack loaded, and a long "no " run."""
    kb = load_knowledge_base(*builtin_pack_ids())
    parser = parser_for(kb)
    parser.parse("warm up")
    wall, cpu = [], []
    for item in items:
        t0, c0 = time.perf_counter(), time.process_time()
        parser.parse(item.text, sex=item.sex, age=item.age)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    # CPU time is the parser's own cost; wall time also counts other processes on the machine
    print(
        f"parse with all {len(builtin_pack_ids())} packs, per sentence: CPU median "
        f"{1000 * statistics.median(cpu):.1f} ms (max {1000 * max(cpu):.1f}); wall median "
        f"{1000 * statistics.median(wall):.1f} ms"
    )
    long = "no " * 1334  # 4,000 characters
    c0 = time.process_time()
    parser.parse(long)
    print(f"4,000 characters of 'no ': {1000 * (time.process_time() - c0):.0f} ms CPU")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--pack", default="back-pelvic")
    ap.add_argument("--errors", action="store_true", help="list every miss and false alarm")
    ap.add_argument("--all", action="store_true", help="one line per labelled set")
    args = ap.parse_args()
    kb = load_knowledge_base(args.pack)
    if args.all:
        for name in SETS:
            items, today = load_labelled(DATA / name)
            items, _ = _known(kb, items)
            res = score_parser(kb, items, today)
            print(
                f"{name:16} n={len(items):3}  P {_fmt(res.precision)}  R {_fmt(res.recall)}  "
                f"F1 {_fmt(res.f1)}  (tp={res.tp} fp={res.fp} fn={res.fn}) exact {res.exact}"
            )
        return 0
    items, today = load_labelled(args.file)
    items, unknown = _known(kb, items)
    if unknown:
        n_all = len(load_labelled(args.file)[0])
        print(
            f"set aside {n_all - len(items)} items naming findings not in {args.pack}: "
            + ", ".join(sorted(unknown))
        )
    bad = check_labels(kb, items)
    if bad:
        print("label problems:", *bad, sep="\n  ")
        return 2
    score_parser(kb, items[:1], today)  # build the cached parser outside the scoring
    res = score_parser(kb, items, today)
    if args.errors:
        for s in res.items:
            if s.missed or s.extra:
                print(f"- {s.item.text!r}")
                for fid, v in s.missed:
                    print(f"    missed {fid}={v}")
                for fid, v in s.extra:
                    print(f"    extra  {fid}={v}")
    print(f"sentences: {len(items)}  labels: {res.tp + res.fn}")
    _report(kb, res, len(items))
    _speed(items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
