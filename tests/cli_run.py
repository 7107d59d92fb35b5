"""Run the ``symptomatic`` command in a subprocess, as a person would (shared by CLI tests)."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m symptomatic ARGS``; never raises on a non-zero exit (tests check it)."""
    return subprocess.run(
        [sys.executable, "-m", "symptomatic", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
