"""``symptomatic eval vignettes`` on the tiny fixture pack: the runner in-process, the CLI in a
subprocess as a user runs it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from symptomatic.engine import Model
from symptomatic.eval import (
    VignetteFileError,
    check_vignettes,
    codes_match,
    group_by_mode,
    load_vignettes,
    parse_vignettes,
    run_vignette,
)
from symptomatic.eval.simulated import truth, truthful
from symptomatic.interview import drive, start
from symptomatic.kb import load_knowledge_base
from symptomatic.kb.schema import CareLevel

HERE = Path(__file__).parent
TINY = str(HERE.parent / "fixtures" / "packs" / "tiny")
FILE = str(HERE / "data" / "tiny-vignettes.yaml")
SIMULATED = str(HERE / "data" / "tiny-simulated.yaml")
SUMMARY_KEYS = [
    "n", "top1", "top3", "top5", "triage_exact", "triage_acceptable", "under_triage",
    "over_triage", "emergency_sensitivity", "mean_questions",
]  # fmt: skip


@pytest.fixture(scope="module")
def model() -> Model:
    return Model.compile(load_knowledge_base(TINY))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "symptomatic", "eval", "vignettes", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_parse_only_takes_the_text_as_evidence(model: Model) -> None:
    cases = {v.id: v for v in load_vignettes(FILE)}
    t2 = run_vignette(model, cases["T2"])
    assert t2.mode == "parse-only"
    assert t2.parsed["saddle_numbness"] == "present"
    assert t2.triage is CareLevel.EMERGENCY
    assert t2.rank is not None and t2.rank <= 3
    t1 = run_vignette(model, cases["T1"])
    assert t1.parsed == {"low_back_pain": "present", "leg_pain": "absent", "fever": "absent"}
    assert t1.rank == 1


def test_the_simulated_patient_answers_every_question_truthfully(model: Model) -> None:
    s3 = {v.id: v for v in load_vignettes(SIMULATED)}["S3"]
    assert s3.patient is not None
    state = start(model, s3.sex, s3.age, {"low_back_pain": "present"})
    done = drive(model, state, truthful(model, s3.patient))
    assert done.asked
    expected = {"onset": "gradual", "fever": "unknown", "saddle_numbness": "absent"}
    for fid in done.asked:
        assert done.evidence[fid] == expected.get(fid, truth(model, s3.patient, fid))
        if fid not in s3.patient.findings:  # not in the lists: "no" (or no answer to a choice)
            assert done.evidence[fid] == ("unknown" if model.kb.findings[fid].options else "absent")
    assert truth(model, s3.patient, "low_back_pain") == "present"


def test_only_the_questions_find_the_emergency_the_text_does_not_tell(model: Model) -> None:
    s1 = {v.id: v for v in load_vignettes(SIMULATED)}["S1"]
    simulated = run_vignette(model, s1)
    assert simulated.mode == "simulated"
    assert simulated.parsed == {"low_back_pain": "present"}  # the text says nothing alarming
    assert simulated.triage is CareLevel.EMERGENCY
    assert simulated.rank is not None and simulated.rank <= 3
    parse_only = run_vignette(model, dataclasses.replace(s1, patient=None))
    assert parse_only.mode == "parse-only"
    assert parse_only.triage is not CareLevel.EMERGENCY
    assert simulated.questions_asked > 0


def test_a_simulated_patient_answers_a_group_question_item_by_item(model: Model) -> None:
    person = {"id": "G", "age": 44, "sex": "male", "text": "My back hurts.", "triage": "routine"}
    quiet = parse_vignettes({"version": 1, "vignettes": [{**person, "present": ["low_back_pain"]}]})
    [case] = [run_vignette(model, v) for v in quiet]
    state = drive(
        model,
        start(model, "male", 44, case.parsed),
        truthful(model, quiet[0].patient),  # type: ignore[arg-type]
    )
    assert state.evidence["saddle_numbness"] == state.evidence["bladder_retention"] == "absent"
    assert case.questions_asked == state.questions_asked == len(state.asked) - 1  # group once
    alarm = {**person, "present": ["low_back_pain", "bladder_retention"], "triage": "emergency"}
    [v] = parse_vignettes({"version": 1, "vignettes": [alarm]})
    emergency = run_vignette(model, v)
    assert emergency.triage is CareLevel.EMERGENCY and emergency.questions_asked == 1


def test_a_file_of_both_kinds_is_reported_per_mode(model: Model) -> None:
    plain = {"id": "P", "age": 40, "sex": "male", "text": "My back hurts.", "triage": "routine"}
    sim = {**plain, "id": "Q", "present": ["low_back_pain"]}
    vigs = parse_vignettes({"version": 1, "vignettes": [plain, sim]}, "mixed.yaml")
    groups = group_by_mode("mixed.yaml", [run_vignette(model, v) for v in vigs])
    assert [(g.mode, [c.vignette.id for c in g.cases]) for g in groups] == [
        ("simulated", ["Q"]),
        ("parse-only", ["P"]),
    ]


def test_a_simulated_patient_must_name_what_the_pack_has(model: Model) -> None:
    person = {"age": 40, "sex": "male", "text": "My back hurts.", "triage": "routine"}
    bad = [
        {**person, "id": "B", "present": ["low_back_pain", "flying_pigs", "onset"]},
        {**person, "id": "C", "options": {"onset": "slowly", "fever": "yes"}},
    ]
    vigs = parse_vignettes({"version": 1, "vignettes": bad}, "b.yaml")
    with pytest.raises(VignetteFileError) as info:
        check_vignettes(model, vigs, "b.yaml")
    assert info.value.problems == [
        "b.yaml: B: unknown finding 'flying_pigs'",
        "b.yaml: B: present: onset is a choice finding; give it under options",
        "b.yaml: C: options: fever is a yes/no finding; list it under present",
        "b.yaml: C: options: onset: 'slowly' is not one of sudden, gradual",
    ]


def test_json_to_stdout_is_exactly_one_object_with_files_modes_and_calibration() -> None:
    proc = _run(FILE, SIMULATED, "--pack", TINY, "--json", "-", "--calibration")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # the whole of stdout is one JSON document
    assert list(data) == [*SUMMARY_KEYS, "files", "calibration", "cases"]
    assert data["n"] == 7
    assert [(f["file"], f["mode"], f["n"]) for f in data["files"]] == [
        ("tiny-vignettes.yaml", "parse-only", 4),
        ("tiny-simulated.yaml", "simulated", 3),
    ]
    for key in SUMMARY_KEYS[1:]:
        assert data[key] is None or 0 <= data[key] <= (100 if key == "mean_questions" else 1)
    assert data["emergency_sensitivity"] == 1.0
    scored = [c for c in data["cases"] if c["triage_gold"] is not None]
    ok = sum(c["triage"] in c["triage_ok"] for c in scored) / len(scored)
    assert data["triage_acceptable"] == pytest.approx(ok)
    modes = {c["id"]: (c["file"], c["mode"]) for c in data["cases"]}
    assert modes["T2"] == ("tiny-vignettes.yaml", "parse-only")
    assert modes["S1"] == ("tiny-simulated.yaml", "simulated")
    case = next(c for c in data["cases"] if c["id"] == "S1")
    assert case["triage"] == "emergency" and case["conditions"][0]["icd10"]
    assert "answered_from_text" not in case
    cal = data["calibration"]
    with_dx = [c for c in data["cases"] if c["dx"]]
    assert cal["n"] + cal["no_condition"] == len(with_dx)
    assert sum(b["count"] for b in cal["bins"]) == cal["n"] and len(cal["bins"]) == 10
    tops = [
        (max(c["conditions"], key=lambda d: d["probability"]), c["dx"])
        for c in with_dx
        if c["conditions"]
    ]
    brier = sum(
        (top["probability"] - any(codes_match(code, dx) for code in top["icd10"])) ** 2
        for top, dx in tops
    ) / len(tops)
    assert cal["brier_top"] == pytest.approx(brier, abs=1e-3)  # probabilities rounded to 4 places
    assert 0 <= cal["ece"] <= 1
    # each file's own calibration, which together make up the whole
    assert sum(f["calibration"]["n"] for f in data["files"]) == cal["n"]
    # the progress bar goes to stderr
    assert "vignettes" in proc.stderr


def test_table_calibration_plot_and_json_file(tmp_path: Path) -> None:
    out, png = tmp_path / "r.json", tmp_path / "reliability.png"
    proc = _run(SIMULATED, "--pack", TINY, "--json", str(out), "--plot", str(png))
    assert proc.returncode == 0, proc.stderr
    assert "Summary" in proc.stdout and "S3" in proc.stdout and "(simulated)" in proc.stdout
    assert "Brier score (top)" in proc.stdout and "ECE (10 bins)" in proc.stdout
    assert "0.9-1.0" in proc.stdout  # the bin table
    data = json.loads(out.read_text())
    cal = data["calibration"]
    assert data["n"] == 3 and cal["n"] + cal["no_condition"] == 3 and cal["n"] >= 2
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_bad_file_exits_2_with_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "version: 1\nvignettes:\n- {id: Z, age: 30, sex: x, text: hi, triage: routine}\n"
    )
    proc = _run(FILE, str(bad), "--pack", TINY)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert lines[-1].startswith("error: bad.yaml: vignettes[0] (Z): sex: expected")
    assert all(line.startswith("error: ") for line in lines)
    missing = _run(str(tmp_path / "missing.yaml"), "--pack", TINY)
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"error: vignette file not found: {tmp_path / 'missing.yaml'}"
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        "version: 1\nvignettes:\n- {id: W, age: 30, sex: male, text: hi, triage: routine,"
        " present: [no_such_finding]}\n"
    )
    proc = _run(str(wrong), "--pack", TINY)
    assert proc.returncode == 2
    assert "error: wrong.yaml: W: unknown finding 'no_such_finding'" in proc.stderr
