"""The CLI end to end, in a subprocess, as a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli_run import run

TINY = str(Path(__file__).parents[1] / "fixtures" / "packs" / "tiny")


def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("symptomatic ")


def test_check_unattended_json(tmp_path):
    answers = {
        "sex": "male",
        "age": 40,
        "evidence": {"low_back_pain": "present"},
        "answers": {"saddle_numbness": "present"},
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    proc = run("check", "--pack", TINY, "--answers", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["triage"]["level"] == "emergency"
    asked = [t["finding_id"] for t in data["transcript"] if t["source"] == "question"]
    assert "saddle_numbness" in asked
    assert data["packs"] == {"tiny": "1.0.0"}


def test_check_interactive_with_back_and_quit():
    # answers: 'n' to every yes/no question; 'b' once to go back; '2' for choice questions
    replies = "n\nb\nn\n2\nn\nn\nn\nn\nn\nn\n2\nn\n"
    proc = run("check", "--pack", TINY, "--sex", "male", "--age", "35", stdin=replies)
    assert proc.returncode == 0, proc.stderr
    assert "Question 1" in proc.stdout
    assert "What to tell a doctor" in proc.stdout
    assert "not a diagnosis" in proc.stdout.replace("\n", " ")


def test_check_bad_input_is_a_clear_error(tmp_path):
    proc = run(
        "check",
        "--pack",
        TINY,
        "--sex",
        "robot",
        "--age",
        "30",
        "--answers",
        str(tmp_path / "missing.json"),
    )
    assert proc.returncode == 2 and "answers file not found" in proc.stderr
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"sex": "robot", "age": 30}))
    proc = run("check", "--pack", TINY, "--answers", str(path))
    assert proc.returncode == 2 and "sex must be" in proc.stderr


def test_packs_check_ok_and_broken(tmp_path):
    ok = run("packs", "check", TINY)
    assert ok.returncode == 0 and "OK" in ok.stdout
    broken = tmp_path / "tiny"
    shutil.copytree(TINY, broken)
    text = (broken / "likelihoods.yaml").read_text().replace("p: 0.9, source: T1}", "p: 1.2}", 1)
    (broken / "likelihoods.yaml").write_text(text)
    proc = run("packs", "check", str(broken))
    assert proc.returncode == 1
    assert "likelihoods.yaml" in proc.stderr and "outside (0, 1)" in proc.stderr


def test_packs_check_schema_error_points_at_file_and_field(tmp_path):
    broken = tmp_path / "tiny"
    shutil.copytree(TINY, broken)
    text = (broken / "conditions.yaml").read_text().replace("severity: mild", "severity: meh", 1)
    (broken / "conditions.yaml").write_text(text)
    proc = run("packs", "check", str(broken))
    assert proc.returncode == 1
    assert "conditions.yaml: conditions[0].severity" in proc.stderr


def test_packs_check_reports_a_bad_snomed_id(tmp_path):
    broken = tmp_path / "tiny"
    shutil.copytree(TINY, broken)
    text = (broken / "findings.yaml").read_text().replace('"279039007"', '"279039008"', 1)
    (broken / "findings.yaml").write_text(text)
    proc = run("packs", "check", str(broken))
    assert proc.returncode == 1
    assert "findings.yaml: low_back_pain.snomed: '279039008'" in proc.stderr
