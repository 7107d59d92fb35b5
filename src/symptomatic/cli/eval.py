"""``symptomatic eval vignettes FILE``: run a vignette file and score it (FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from symptomatic.cli.inputs import fail, read_text
from symptomatic.errors import SymptomaticError

out = Console()
err = Console(stderr=True)

eval_app = typer.Typer(
    name="eval", help="Evaluate the packs: vignette files and benchmarks.", no_args_is_help=True
)


def _pct(value: float | int | None, fraction: bool = True) -> str:
    if value is None:
        return "—"
    return f"{100 * value:.0f}%" if fraction else f"{value:.1f}"


@eval_app.command("vignettes")
def vignettes(
    file: Path = typer.Argument(..., help="Vignette YAML file (version 1, see FORMAT.md)."),
    pack: str = typer.Option(
        "all", "--pack", help="Built-in pack id or folder; 'all' (default): every built-in pack."
    ),
    json_out: str | None = typer.Option(
        None, "--json", help="Write the results as one JSON object to PATH, or '-' for stdout."
    ),
) -> None:
    """Run every vignette: parse the text, answer questions from it, score dx and triage."""
    from symptomatic.engine import Model
    from symptomatic.eval import load_vignettes, report, run_vignette, summarise
    from symptomatic.kb import load_knowledge_base

    read_text(file, "vignette file")  # missing, a folder, not UTF-8: said plainly
    try:
        cases_in = load_vignettes(file)
        model = Model.compile(load_knowledge_base(pack))
    except SymptomaticError as exc:
        raise fail(str(exc)) from exc

    cases = []
    progress = Progress(
        TextColumn("[bold]vignettes[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    try:
        with progress:
            task = progress.add_task("", total=len(cases_in))
            for vig in cases_in:
                progress.update(task, description=vig.id)
                cases.append(run_vignette(model, vig))
                progress.advance(task)
    except SymptomaticError as exc:
        raise fail(f"vignette {vig.id}: {exc}") from exc
    summary = summarise([c.scored for c in cases])
    payload = report(cases, summary)

    if json_out == "-":
        typer.echo(json.dumps(payload))
        return
    if json_out is not None:
        Path(json_out).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")

    table = Table(title=f"Vignettes: {file.name} ({pack})")
    for col in ("id", "person", "gold dx", "top 3 shown", "rank", "gold triage", "advised", "Q"):
        table.add_column(col, overflow="fold")
    for c in cases:
        v = c.vignette
        top3 = ", ".join(f"{d.id} {d.icd10[0]}" for d in c.conditions[:3])
        ok = v.triage is None or c.triage in v.triage_ok
        advised = c.triage.value if ok else f"[red]{c.triage.value}[/red]"
        table.add_row(
            v.id,
            f"{v.sex[0].upper()}{v.age}",
            ", ".join(v.dx) or "—",
            top3 or "—",
            str(c.rank) if c.rank is not None else ("[red]—[/red]" if v.dx else "—"),
            "/".join(t.value for t in v.triage_ok) or "—",
            advised,
            str(c.questions_asked),
        )
    out.print(table)
    s = summary
    totals = Table(title="Summary", show_header=True)
    for col in ("n", "top-1", "top-3", "top-5", "triage exact", "acceptable", "under", "over"):
        totals.add_column(col)
    totals.add_column("emergency sens.")
    totals.add_column("mean Q")
    totals.add_row(
        str(s.n),
        _pct(s.top1),
        _pct(s.top3),
        _pct(s.top5),
        _pct(s.triage_exact),
        _pct(s.triage_acceptable),
        _pct(s.under_triage),
        _pct(s.over_triage),
        _pct(s.emergency_sensitivity),
        _pct(s.mean_questions, fraction=False),
    )
    out.print(totals)
    if json_out is not None:
        err.print(f"JSON written to {json_out}")


def register(app: typer.Typer) -> None:
    """Add ``symptomatic eval ...`` to the CLI."""
    app.add_typer(eval_app, name="eval")
