"""Bad input to every CLI command, table-driven like the API's problem tests: wrong types,
unknown ids, out-of-range numbers, missing and unreadable files (and bad settings in the
environment). Each gets one clear line on stderr starting with ``error:`` and exit code 2,
never a traceback.

The commands run in-process through :func:`symptomatic.cli.main` (the console script's entry
point, so usage errors are formatted as users see them); one case also runs as a subprocess.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import TINY_PACK

from symptomatic.cli import main

GOOD = {"sex": "male", "age": 40, "evidence": {"low_back_pain": "present"}}


@pytest.fixture
def files(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Paths by name: good and bad answers files, vignette files, folders, databases, and a
    port already in use."""
    made: dict[str, str] = {}

    def put(name: str, content: str | bytes) -> None:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        made[name] = str(path)

    for name, change in {
        "sex-x.json": {"sex": "x"},
        "sex-number.json": {"sex": 5},
        "age-words.json": {"age": "forty"},
        "age-negative.json": {"age": -3},
        "age-huge.json": {"age": 500},
        "age-bool.json": {"age": True},
        "age-float.json": {"age": 40.5},
        "evidence-list.json": {"evidence": ["low_back_pain"]},
        "evidence-unknown.json": {"evidence": {"no_such_finding": "present"}},
        "evidence-bad-value.json": {"evidence": {"low_back_pain": "maybe"}},
        "evidence-number.json": {"evidence": {"low_back_pain": 1}},
        "answers-bad-value.json": {"answers": {"saddle_numbness": "often"}},
        "focus-unknown.json": {"focus": "no_such_condition"},
        "focus-number.json": {"focus": 7},
        "text-number.json": {"text": 12},
    }.items():
        put(name, json.dumps({**GOOD, **change}))
    put("list.json", "[1, 2]")
    put("not.json", "{sex: male")
    put("binary.json", b"\xff\xfe\x00garbage\x80")
    put("binary.yaml", b"\xff\xfe\x00garbage\x80")
    put("bad.yaml", "vignettes: [unclosed")
    put("wrong-format.yaml", "version: 1\nvignettes: 3\n")
    (tmp_path / "folder").mkdir()
    made["folder"] = str(tmp_path / "folder")
    made["missing"] = str(tmp_path / "missing.json")
    made["db"] = f"sqlite:///{tmp_path}/db.sqlite3"
    made["db-in-file"] = f"sqlite:///{tmp_path}/sex-x.json/db.sqlite3"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        made["busy-port"] = str(busy.getsockname()[1])
        yield made


P = ["--pack", TINY_PACK]
CASES: list[tuple[str, list[str], str]] = [
    # check: options
    ("check sex", ["check", *P, "--sex", "robot", "--age", "30", "--json"], "sex"),
    ("check age words", ["check", *P, "--sex", "male", "--age", "abc"], "--age"),
    ("check age negative", ["check", *P, "--sex", "male", "--age", "-3", "--json"], "age"),
    ("check age huge", ["check", *P, "--sex", "male", "--age", "999", "--json"], "age"),
    (
        "check unknown pack",
        ["check", "--pack", "no-such-pack", "--sex", "male", "--age", "3"],
        "pack",
    ),
    (
        "check unknown focus",
        ["check", *P, "--sex", "male", "--age", "30", "--focus", "nope", "--json"],
        "nope",
    ),
    ("check max questions", ["check", *P, "--max-questions", "0"], "--max-questions"),
    ("check unknown option", ["check", *P, "--colour", "red"], "--colour"),
    # check: the answers file
    ("answers missing", ["check", *P, "--answers", "{missing}"], "not found"),
    ("answers folder", ["check", *P, "--answers", "{folder}"], "folder"),
    ("answers binary", ["check", *P, "--answers", "{binary.json}"], "UTF-8"),
    ("answers not json", ["check", *P, "--answers", "{not.json}"], "not valid JSON"),
    ("answers a list", ["check", *P, "--answers", "{list.json}"], "object"),
    *[
        (f"answers {name}", ["check", *P, "--answers", "{" + name + "}", "--json"], word)
        for name, word in [
            ("sex-x.json", "sex"),
            ("sex-number.json", "sex"),
            ("age-words.json", "age"),
            ("age-negative.json", "age"),
            ("age-huge.json", "age"),
            ("age-bool.json", "age"),
            ("age-float.json", "age"),
            ("evidence-list.json", "evidence"),
            ("evidence-unknown.json", "no_such_finding"),
            ("evidence-bad-value.json", "maybe"),
            ("evidence-number.json", "low_back_pain"),
            ("answers-bad-value.json", "often"),
            ("focus-unknown.json", "no_such_condition"),
            ("focus-number.json", "focus"),
            ("text-number.json", "text"),
        ]
    ],
    # parse
    ("parse sex", ["parse", "sore back", *P, "--sex", "x"], "sex"),
    ("parse age", ["parse", "sore back", *P, "--age", "-1"], "--age"),
    ("parse age words", ["parse", "sore back", *P, "--age", "old"], "--age"),
    ("parse unknown pack", ["parse", "sore back", "--pack", "no-such-pack"], "pack"),
    ("parse no text", ["parse"], "TEXT"),
    # packs
    ("packs show unknown", ["packs", "show", "no-such-pack"], "no-such-pack"),
    ("packs check unknown", ["packs", "check", "no-such-pack"], "no-such-pack"),
    ("packs unknown command", ["packs", "frobnicate"], "frobnicate"),
    # eval
    ("eval missing file", ["eval", "vignettes", "{missing}", *P], "not found"),
    ("eval folder", ["eval", "vignettes", "{folder}", *P], "folder"),
    ("eval binary", ["eval", "vignettes", "{binary.yaml}", *P], "UTF-8"),
    ("eval bad yaml", ["eval", "vignettes", "{bad.yaml}", *P], "YAML"),
    ("eval wrong format", ["eval", "vignettes", "{wrong-format.yaml}", *P], "vignettes"),
    ("eval unknown pack", ["eval", "vignettes", "{bad.yaml}", "--pack", "no-such-pack"], "YAML"),
    # serve (every case stops before a server would start)
    ("serve port words", ["serve", "--port", "http"], "--port"),
    ("serve port range", ["serve", "--port", "70000"], "--port"),
    ("serve workers", ["serve", "--workers", "0"], "--workers"),
    ("serve port in use", ["serve", *P, "--workers", "2", "--port", "{busy-port}"], "in use"),
    ("serve unknown pack", ["serve", "--pack", "no-such-pack", "--database-url", "{db}"], "pack"),
    ("serve bad database url", ["serve", *P, "--database-url", "nonsense"], "database"),
    ("serve database in a file", ["serve", *P, "--database-url", "{db-in-file}"], "database"),
    # purge
    ("purge negative", ["purge", "--older-than", "-1"], "--older-than"),
    ("purge words", ["purge", "--older-than", "soon"], "--older-than"),
    ("purge bad database url", ["purge", "--database-url", "nonsense"], "database"),
    ("purge database in a file", ["purge", "--database-url", "{db-in-file}"], "database"),
    # backup and restore
    ("backup bad database url", ["backup", "{missing}", "--database-url", "nonsense"], "database"),
    ("backup no database", ["backup", "{missing}", "--database-url", "{db}"], "no SQLite"),
    ("restore missing file", ["restore", "{missing}", "--database-url", "{db}", "--yes"], "read"),
    ("restore folder", ["restore", "{folder}", "--database-url", "{db}", "--yes"], "folder"),
    (
        "restore not a backup",
        ["restore", "{not.json}", "--database-url", "{db}", "--yes"],
        "SQLite",
    ),
    ("restore no file", ["restore"], "FILE"),
    # articles and feedback
    ("articles search limit", ["articles", "search", "back", "--limit", "0"], "--limit"),
    (
        "articles search unknown pack",
        ["articles", "search", "back", "--pack", "no-such-pack"],
        "pack",
    ),
    ("articles check unknown pack", ["articles", "check", "--pack", "no-such-pack"], "pack"),
    (
        "feedback period",
        ["feedback", "report", "--period", "year", "--database-url", "{db}"],
        "period",
    ),
    ("feedback bad database url", ["feedback", "report", "--database-url", "nonsense"], "database"),
    # the command line itself
    ("unknown command", ["frobnicate"], "frobnicate"),
]


def _expand(argv: list[str], files: dict[str, str]) -> list[str]:
    return [files[a[1:-1]] if a.startswith("{") and a.endswith("}") else a for a in argv]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    out, err = capsys.readouterr()
    code = stop.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.mark.parametrize(("argv", "word"), [(a, w) for _, a, w in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_clear_line_and_exit_2(
    argv: list[str],
    word: str,
    files: dict[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # serve hands --pack / --database-url to its workers through the environment: set both
    # here so that monkeypatch restores them afterwards
    monkeypatch.setenv("SYMPTOMATIC_DATABASE_URL", files["db"])
    monkeypatch.setenv("SYMPTOMATIC_PACKS", '["back-pelvic"]')
    code, out, err = _run(_expand(argv, files), capsys)
    lines = err.strip().splitlines()
    assert code == 2, (code, out, err)
    assert "Traceback" not in err + out
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert word.lower() in lines[0].lower(), lines[0]


@pytest.mark.parametrize(
    ("variable", "value", "argv"),
    [
        ("SYMPTOMATIC_RETENTION_DAYS", "a while", ["purge"]),
        ("SYMPTOMATIC_RETENTION_DAYS", "0", ["purge"]),
        ("SYMPTOMATIC_PACKS", "[not json", ["serve"]),
        ("SYMPTOMATIC_TRUSTED_PROXIES", "my-proxy", ["serve"]),
        ("SYMPTOMATIC_BASE_URL", "symptoms.example.org", ["serve"]),
    ],
)
def test_bad_settings_in_the_environment(
    variable: str,
    value: str,
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SYMPTOMATIC_DATABASE_URL", f"sqlite:///{tmp_path}/db.sqlite3")
    monkeypatch.setenv(variable, value)
    code, _, err = _run(argv, capsys)
    lines = err.strip().splitlines()
    assert code == 2 and "Traceback" not in err
    assert len(lines) == 1 and lines[0].startswith("error: ") and variable in lines[0], err


def test_good_input_still_works(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    good = Path(files["folder"]) / "good.json"
    good.write_text(json.dumps(GOOD))
    code, out, err = _run(["check", *P, "--answers", str(good), "--json"], capsys)
    assert code == 0 and json.loads(out)["triage"]["level"], err


def test_the_console_script_reports_the_same_way(files: dict[str, str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "symptomatic", "check", *P, "--answers", files["sex-x.json"]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == ["error: sex must be 'female' or 'male', not 'x'"]
