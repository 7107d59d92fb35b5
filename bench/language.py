"""Print the free-text parser's precision / recall / F1 on the labelled sentence set.

.venv/bin/python bench/language.py [--pack back-pelvic] [--errors] [FILE]
.venv/bin/python bench/language.py --all     # every labelled set in tests/language/data
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from symptomatic.eval.parsing import check_labels, load_labelled, score_parser
from symptomatic.kb import load_knowledge_base

DATA = Path(__file__).resolve().parents[1] / "tests" / "language" / "data"
DEFAULT = DATA / "labelled.yaml"
SETS = ("labelled.yaml", "heldout.yaml", "heldout2.yaml", "heldout3.yaml")


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
            res = score_parser(kb, items, today)
            print(
                f"{name:16} n={len(items):3}  P {res.precision:.3f}  R {res.recall:.3f}  "
                f"F1 {res.f1:.3f}  (tp={res.tp} fp={res.fp} fn={res.fn})"
            )
        return 0
    items, today = load_labelled(args.file)
    bad = check_labels(kb, items)
    if bad:
        print("label problems:", *bad, sep="\n  ")
        return 2
    t0 = time.perf_counter()
    score_parser(kb, items[:1], today)  # build the cached parser outside the timing
    t1 = time.perf_counter()
    res = score_parser(kb, items, today)
    t2 = time.perf_counter()
    if args.errors:
        for s in res.items:
            if s.missed or s.extra:
                print(f"- {s.item.text!r}")
                for fid, v in s.missed:
                    print(f"    missed {fid}={v}")
                for fid, v in s.extra:
                    print(f"    extra  {fid}={v}")
    print(f"sentences: {len(items)}  labels: {res.tp + res.fn}")
    print(f"tp={res.tp} fp={res.fp} fn={res.fn}")
    print(f"precision {res.precision:.3f}  recall {res.recall:.3f}  F1 {res.f1:.3f}")
    per = 1000 * (t2 - t1) / len(items)
    print(f"parser build {1000 * (t1 - t0):.0f} ms; {per:.1f} ms per sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
