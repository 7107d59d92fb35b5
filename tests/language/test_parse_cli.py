"""``symptomatic parse`` end to end in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PACK = str(Path(__file__).parent / "fixtures" / "lexicon")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "symptomatic", "parse", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_output_has_mentions_with_spans_and_evidence() -> None:
    text = "No fever, but my lower back hurts and I can't pee."
    proc = _run("--pack", PACK, "--json", text)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["evidence"] == {
        "fever": "absent",
        "low_back_pain": "present",
        "bladder_retention": "present",
    }
    for m in data["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_table_output_and_sex_filter() -> None:
    proc = _run("--pack", PACK, "--sex", "male", "period pain and a fever")
    assert proc.returncode == 0, proc.stderr
    assert "Fever" in proc.stdout
    assert "period_pain" not in proc.stdout
    assert _run("--pack", PACK, "--sex", "other", "x").returncode == 2
    none = _run("--pack", PACK, "the weather is lovely")
    assert "Nothing in the text matched" in none.stdout
