"""``symptomatic check``: the interview in the terminal (same interview code as the web pages)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from symptomatic.cli.inputs import fail, read_json
from symptomatic.engine import EngineConfig, Model
from symptomatic.errors import SymptomaticError
from symptomatic.interview import (
    CheckResult,
    InterviewState,
    Question,
    answer,
    answer_group,
    answers_from,
    drive,
    emergency_now,
    format_probability,
    next_question,
    result,
    start,
    undo,
)
from symptomatic.kb import load_knowledge_base

out = Console()
err = Console(stderr=True)

LEVEL_ICON = {
    "emergency": "🚨 EMERGENCY",
    "urgent": "⚠ URGENT",
    "soon": "📅 SOON",
    "routine": "🩺 ROUTINE",
    "self_care": "🏠 SELF-CARE",
}
KEYS = {
    "y": "present",
    "yes": "present",
    "n": "absent",
    "no": "absent",
    "d": "unknown",
    "dk": "unknown",
    "?": "unknown",
    "don't know": "unknown",
}


def _fail(message: str) -> typer.Exit:
    return fail(message)


def _load_answers(path: Path) -> dict[str, Any]:
    """The answers file, its types checked (values are checked by the interview itself)."""
    data = read_json(path, "answers file")
    if not isinstance(data, dict):
        raise _fail(f"{path}: expected an object with sex, age, evidence and answers")
    for key in ("sex", "focus", "text"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise _fail(f"{path}: '{key}' must be a string, not {data[key]!r}")
    age = data.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
        raise _fail(f"{path}: 'age' must be a whole number of years, not {age!r}")
    for key in ("evidence", "answers"):
        given = data.get(key, {})
        if not isinstance(given, dict):
            raise _fail(f"{path}: '{key}' must be an object of finding id -> answer")
        for fid, value in given.items():
            if not isinstance(value, str):
                raise _fail(f"{path}: '{key}' answer for {fid!r} must be a string, not {value!r}")
    return data


def _ask(q: Question, total_hint: int) -> str:
    """Prompt for one answer: a value, 'back' or 'quit'."""
    out.print()
    tag = " [bold red](warning sign)[/bold red]" if q.red_flag else ""
    out.print(f"[bold]Question {q.number}[/bold]{tag}: {q.text}")
    if q.help:
        out.print(f"[dim]{q.help}[/dim]")
    if q.type == "yes_no":
        hint = "y = yes, n = no, d = don't know, b = back, q = quit"
        choices = KEYS
    else:
        for i, opt in enumerate(q.options, 1):
            out.print(f"  {i}. {opt.label}")
        hint = f"1-{len(q.options)}, b = back, q = quit"
        choices = {str(i): o.id for i, o in enumerate(q.options, 1)}
    while True:
        try:
            raw = typer.prompt(hint, default="", show_default=False).strip().lower()
        except (click.exceptions.Abort, typer.Abort, EOFError):
            return "quit"
        if raw in ("b", "back"):
            return "back"
        if raw in ("q", "quit"):
            return "quit"
        if raw in choices:
            return choices[raw]
        out.print("[yellow]Please answer with one of the listed keys.[/yellow]")


def _ask_group(q: Question) -> dict[str, str] | str:
    """Prompt for a group question: the numbers that apply, 0 for none, d for don't know."""
    out.print()
    tag = " [bold red](warning signs)[/bold red]" if q.red_flag else ""
    out.print(f"[bold]Question {q.number}[/bold]{tag}: {q.text}")
    for i, item in enumerate(q.items, 1):
        out.print(f"  {i}. {item.name} [dim]({item.text})[/dim]")
    hint = "numbers that apply (e.g. 1 3), 0 = none of these, d = don't know, b = back, q = quit"
    while True:
        try:
            raw = typer.prompt(hint, default="", show_default=False).strip().lower()
        except (click.exceptions.Abort, typer.Abort, EOFError):
            return "quit"
        if raw in ("b", "back", "q", "quit"):
            return "back" if raw.startswith("b") else "quit"
        if raw in ("d", "dont know", "don't know"):
            return {i.finding_id: "unknown" for i in q.items}
        if raw in ("0", "n", "none"):
            return {i.finding_id: "absent" for i in q.items}
        picks = raw.replace(",", " ").split()
        if picks and all(p.isdigit() and 1 <= int(p) <= len(q.items) for p in picks):
            chosen = {q.items[int(p) - 1].finding_id for p in picks}
            return {
                i.finding_id: "present" if i.finding_id in chosen else "absent" for i in q.items
            }
        out.print("[yellow]Type the numbers that apply, 0 for none, or d.[/yellow]")


def _understood(model: Model, text: str, sex: str, age: int, quiet: bool) -> dict[str, str]:
    """Findings parsed from the complaint text, shown to the person."""
    from symptomatic.language import parse

    parsed = parse(model, text, sex=sex, age=age).to_evidence()
    if not quiet:
        if parsed:
            out.print("[bold]Understood from what you wrote:[/bold]")
            for fid, value in parsed.items():
                name = model.kb.findings[fid].name
                label = {"present": "yes", "absent": "no"}.get(value, value)
                out.print(f"  • {name}: {label}")
        else:
            out.print("[dim]Nothing in the text matched a known symptom; questions follow.[/dim]")
    return parsed


def _interview(model: Model, state: InterviewState, config: EngineConfig) -> InterviewState:
    """Ask in the terminal until the interview stops or the person quits."""
    while (q := next_question(model, state, config)) is not None:
        reply = _ask_group(q) if q.items else _ask(q, config.max_questions)
        if reply == "quit":
            break
        if reply == "back":
            try:
                state = undo(state)
            except SymptomaticError:
                out.print("[yellow]Nothing to go back to.[/yellow]")
            continue
        if isinstance(reply, dict):
            state = answer_group(model, state, q.finding_id, reply)
        else:
            state = answer(model, state, q.finding_id, reply)
    return state


def render(res: CheckResult) -> None:
    """Print a result: triage banner, advice, conditions with reasons, red flags, summary."""
    level = res.triage.level.value
    style = {"emergency": "bold white on red", "urgent": "bold red", "soon": "bold yellow"}.get(
        level, "bold green"
    )
    out.print()
    out.print(Panel(f"{LEVEL_ICON[level]} — {res.title}\n\n{res.advice}", style=style))
    for reason in res.triage.reasons:
        out.print(f"  • {reason}")
    if res.conditions:
        table = Table("probability", "condition", "ICD-10", "why", title="Worth discussing")
        for c in res.conditions:
            why = "; ".join(f"+ {s}" for s in c.reasons_for[:3])
            against = "; ".join(f"− {s}" for s in c.reasons_against[:2])
            table.add_row(
                f"{c.chance}\n({format_probability(c.probability)})"
                + ("\n[yellow]warning sign[/yellow]" if c.warning_sign else ""),
                f"{c.common_name}\n[dim]{c.name}[/dim]",
                ", ".join(c.icd10),
                "\n".join(x for x in (why, against) if x) or "—",
            )
        out.print(table)
    if res.triage.fired:
        out.print("[bold red]Warning signs found:[/bold red]")
        for r in res.triage.fired:
            out.print(f"  ! {r.message}")
    out.print("[bold]When to get help sooner:[/bold]")
    for line in res.safety_net:
        out.print(f"  • {line}")
    out.print(Panel(res.summary, title="What to tell a doctor"))
    out.print(f"[dim]{res.intended_use}[/dim]")


def check(
    pack: str = typer.Option(
        "all", "--pack", help="Built-in pack id or folder; 'all' (default): every built-in pack."
    ),
    age: int | None = typer.Option(None, "--age", help="Age in whole years."),
    months: int | None = typer.Option(
        None, "--months", min=0, help="A baby's age in months (then --age may be left out)."
    ),
    for_whom: str = typer.Option(
        "self", "--for", help="Who the check is for: self, child or other.", show_default=True
    ),
    sex: str | None = typer.Option(None, "--sex", help="female or male."),
    focus: str | None = typer.Option(None, "--focus", help="Condition id: 'could this be X?'."),
    answers_file: Path | None = typer.Option(
        None,
        "--answers",
        help="JSON file: {sex, age, evidence: {...}, answers: {...}}; "
        "questions not in 'answers' are answered 'unknown'. Runs unattended.",
    ),
    text: str | None = typer.Option(
        None, "--text", help="The complaint in your own words; parsed into findings."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    max_questions: int | None = typer.Option(None, "--max-questions", min=1, max=100),
) -> None:
    """Run a symptom check interview in the terminal (information, not a diagnosis)."""
    try:
        model = Model.compile(load_knowledge_base(pack))
    except SymptomaticError as exc:
        raise _fail(str(exc)) from exc
    config = EngineConfig(max_questions=max_questions) if max_questions else EngineConfig()
    data = _load_answers(answers_file) if answers_file else {}
    sex = sex or data.get("sex")
    age = age if age is not None else data.get("age")
    if age is None and months is not None:
        age = months // 12
    focus = focus or data.get("focus")
    interactive = answers_file is None
    if sex is None:
        if not interactive:
            raise _fail("sex is required (--sex or 'sex' in the answers file)")
        sex = typer.prompt("Sex (female/male)").strip().lower()
    if age is None:
        if not interactive:
            raise _fail("age is required (--age or 'age' in the answers file)")
        age = typer.prompt("Age in years", type=int)
    evidence = data.get("evidence", {})
    canned = data.get("answers", {})
    if not isinstance(evidence, dict) or not isinstance(canned, dict):
        raise _fail("'evidence' and 'answers' must be objects of finding id -> answer")
    canned = {str(k): str(v) for k, v in canned.items()}
    text = text if text is not None else data.get("text")
    if text is None and interactive and not as_json:
        try:
            text = typer.prompt(
                "Describe what is bothering you (or press Enter to skip)",
                default="",
                show_default=False,
            )
        except (click.exceptions.Abort, typer.Abort):
            text = ""
    try:
        if text:
            evidence = {**_understood(model, str(text), str(sex), int(age), as_json), **evidence}
        state: InterviewState = start(
            model,
            str(sex),
            int(age),
            evidence,
            focus=focus,
            for_whom=for_whom,
            age_months=months,
        )
        if interactive and not as_json:
            out.print(
                "[dim]Symptomatic gives information, not a diagnosis. If you think this is an "
                "emergency, stop and call your emergency number now.[/dim]"
            )
        if interactive:
            state = _interview(model, state, config)
        else:
            state = drive(model, state, answers_from(canned), config)
        res = result(model, state, config)
        if interactive and not as_json and emergency_now(model, state):
            # the interview stopped at the warning sign: say so first, before the result
            out.print(
                Panel(
                    "🚨 One of your answers is a warning sign that needs emergency care."
                    " Call your emergency number now.",
                    style="bold white on red",
                )
            )
    except SymptomaticError as exc:
        raise _fail(str(exc)) from exc
    if as_json:
        typer.echo(json.dumps(res.to_dict(), indent=2))
    else:
        render(res)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
