"""``symptomatic eval vignettes`` end to end, in a subprocess, on the tiny fixture pack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from symptomatic.engine import Model
from symptomatic.eval import load_vignettes, run_vignette
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import CareLevel

HERE = Path(__file__).parent
TINY = str(HERE.parent / "fixtures" / "packs" / "tiny")
FILE = str(HERE / "data" / "tiny-vignettes.yaml")
KEYS = [
    "n", "top1", "top3", "top5", "triage_exact", "triage_acceptable", "under_triage",
    "over_triage", "emergency_sensitivity", "mean_questions", "cases",
]  # fmt: skip


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "symptomatic", "eval", "vignettes", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_runner_answers_from_the_text_and_catches_the_emergency() -> None:
    model = Model.compile(load_knowledge_base(TINY))
    cases = {v.id: v for v in load_vignettes(FILE)}
    t2 = run_vignette(model, cases["T2"])
    assert t2.parsed["saddle_numbness"] == "present"
    assert t2.triage is CareLevel.EMERGENCY
    assert t2.rank is not None and t2.rank <= 3
    t1 = run_vignette(model, cases["T1"])
    assert t1.parsed == {"low_back_pain": "present", "leg_pain": "absent", "fever": "absent"}
    assert t1.rank == 1


def test_json_to_stdout_is_exactly_one_object() -> None:
    proc = _run(FILE, "--pack", TINY, "--json", "-")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # the whole of stdout is one JSON document
    assert list(data) == KEYS
    assert data["n"] == 4
    for key in KEYS[1:-1]:
        assert data[key] is None or 0 <= data[key] <= (100 if key == "mean_questions" else 1)
    assert data["emergency_sensitivity"] == 1.0
    scored = [c for c in data["cases"] if c["triage_gold"] is not None]
    ok = sum(c["triage"] in c["triage_ok"] for c in scored) / len(scored)
    assert data["triage_acceptable"] == ok
    case = data["cases"][1]
    assert case["id"] == "T2" and case["triage"] == "emergency"
    assert case["conditions"][0]["icd10"] and isinstance(case["questions_asked"], int)
    assert "rank" in case
    # the progress bar goes to stderr
    assert "vignettes" in proc.stderr


def test_table_and_json_file(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    proc = _run(FILE, "--pack", TINY, "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Summary" in proc.stdout and "T4" in proc.stdout
    assert json.loads(out.read_text())["n"] == 4


def test_bad_file_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nvignettes:\n- {id: Z, age: 30, sex: x, text: hi, triage: routine}\n"
    )
    proc = _run(str(bad), "--pack", TINY)
    assert proc.returncode == 2
    assert "vignettes[0] (Z): sex" in proc.stderr
