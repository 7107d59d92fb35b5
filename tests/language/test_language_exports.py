"""The public names of ``symptomatic.language`` and ``symptomatic.eval``."""

from __future__ import annotations

import symptomatic.eval as ev
import symptomatic.language as lang


def test_language_exports() -> None:
    assert sorted(lang.__all__) == ["Mention", "ParseResult", "Parser", "parse", "parser_for"]
    for name in lang.__all__:
        assert getattr(lang, name) is not None


def test_eval_exports() -> None:
    for name in ev.__all__:
        assert getattr(ev, name) is not None
    assert {"load_vignettes", "run_vignettes", "summarise", "VignetteFileError"} <= set(ev.__all__)


def test_importing_builds_nothing() -> None:
    # the parser cache is empty until a parse is asked for (no work at import time)
    import importlib
    import subprocess
    import sys

    code = "import symptomatic.language as l, sys; print(len(l._CACHE), 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]
    assert importlib.import_module("symptomatic.language") is lang
