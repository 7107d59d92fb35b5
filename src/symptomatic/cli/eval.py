"""``symptomatic eval vignettes FILE...``: run vignette files and score them (FORMAT.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from symptomatic.cli.inputs import read_text
from symptomatic.errors import SymptomaticError

if TYPE_CHECKING:
    from symptomatic.eval import Calibration, Group, Summary

out = Console()
err = Console(stderr=True)

eval_app = typer.Typer(
    name="eval", help="Evaluate the packs: vignette files and benchmarks.", no_args_is_help=True
)


def _fail(message: str) -> typer.Exit:
    """Print each line of ``message`` as its own ``error:`` line (no wrapping); exit 2."""
    for line in message.splitlines():
        text = line.strip().removeprefix("- ")
        if text:
            typer.echo(f"error: {text}", err=True)
    return typer.Exit(2)


def _pct(value: float | int | None, fraction: bool = True) -> str:
    if value is None:
        return "—"
    return f"{100 * value:.0f}%" if fraction else f"{value:.1f}"


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _cases_table(group: Group, pack: str) -> Table:
    table = Table(title=f"Vignettes: {group.file} ({group.mode}, {pack})")
    for col in ("id", "person", "gold dx", "top 3 shown", "rank", "gold triage", "advised", "Q"):
        table.add_column(col, overflow="fold")
    for c in group.cases:
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
    return table


#: Summary rows: label, Summary attribute, shown as a percentage.
FIGURES = (
    ("n", "n", False),
    ("top-1", "top1", True),
    ("top-3", "top3", True),
    ("top-5", "top5", True),
    ("triage exact", "triage_exact", True),
    ("triage acceptable", "triage_acceptable", True),
    ("under-triage", "under_triage", True),
    ("over-triage", "over_triage", True),
    ("emergency sensitivity", "emergency_sensitivity", True),
    ("mean questions", "mean_questions", False),
)


def _summary_table(columns: list[tuple[str, Summary]]) -> Table:
    """One row per figure, one column per file and mode (fits a narrow terminal)."""
    totals = Table(title="Summary")
    totals.add_column("")
    for head, _ in columns:
        totals.add_column(head, justify="right", overflow="fold")
    for label, attr, percent in FIGURES:
        cells = []
        for _, s in columns:
            value = getattr(s, attr)
            cells.append(str(value) if attr == "n" else _pct(value, fraction=percent))
        totals.add_row(label, *cells)
    return totals


def _print_calibration(cal: Calibration, groups: list[Group]) -> None:
    out.print(
        f"[bold]Calibration of the top condition[/bold] over {cal.n} vignettes with dx"
        + (f" ({cal.no_condition} with no condition shown, not scored)" if cal.no_condition else "")
    )
    out.print(f"  Brier score (top): {_num(cal.brier_top)}")
    out.print(f"  Brier score (shown, multi-class): {_num(cal.brier_shown)}")
    out.print(f"  ECE ({len(cal.bins)} bins): {_num(cal.ece)}")
    out.print(f"  mean probability {_num(cal.confidence)}, share right {_num(cal.accuracy)}")
    bins = Table(title="Reliability bins (top condition)")
    for col in ("bin", "count", "mean probability", "share right"):
        bins.add_column(col, justify="right")
    for b in cal.bins:
        bins.add_row(
            f"{b.lower:.1f}-{b.upper:.1f}", str(b.count), _num(b.confidence), _num(b.accuracy)
        )
    out.print(bins)
    if len(groups) > 1:
        each = Table(title="Calibration by file")
        for col in ("file", "mode", "n", "probability", "right", "Brier (top)", "ECE"):
            each.add_column(
                col,
                justify="left" if col in ("file", "mode") else "right",
                overflow="fold",
            )
        for g in groups:
            c = g.calibration
            each.add_row(
                g.file, g.mode, str(c.n), _num(c.confidence), _num(c.accuracy),
                _num(c.brier_top), _num(c.ece),
            )  # fmt: skip
        out.print(each)


@eval_app.command("vignettes")
def vignettes(
    files: list[Path] = typer.Argument(
        ..., help="Vignette YAML files (version 1, see FORMAT.md); several may be given."
    ),
    pack: str = typer.Option(
        "all", "--pack", help="Built-in pack id or folder; 'all' (default): every built-in pack."
    ),
    json_out: str | None = typer.Option(
        None, "--json", help="Write the results as one JSON object to PATH, or '-' for stdout."
    ),
    calibration: bool = typer.Option(
        False,
        "--calibration",
        help="Also measure calibration of the top condition: Brier score, expected "
        "calibration error (10 equal-width bins) and the bin counts.",
    ),
    plot: Path | None = typer.Option(
        None, "--plot", help="Write the reliability diagram to this PNG (implies --calibration)."
    ),
) -> None:
    """Run every vignette through the interview and score dx and triage.

    A simulated patient (``present`` / ``options`` / ``unknown`` given) answers every question
    truthfully; a plain vignette answers from its text only ("parse-only").
    """
    from symptomatic.engine import Model
    from symptomatic.eval import (
        calibrate,
        check_vignettes,
        group_by_mode,
        load_vignettes,
        report,
        run_vignette,
        summarise,
    )
    from symptomatic.kb import load_knowledge_base

    for f in files:
        read_text(f, "vignette file")  # missing, a folder, not UTF-8: said plainly
    try:
        loaded = [(f, load_vignettes(f)) for f in files]
        model = Model.compile(load_knowledge_base(pack))
        for f, vigs in loaded:
            check_vignettes(model, vigs, f.name)
    except SymptomaticError as exc:
        raise _fail(str(exc)) from exc

    total = sum(len(vigs) for _, vigs in loaded)
    progress = Progress(
        TextColumn("[bold]vignettes[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
    )
    groups: list[Group] = []
    with progress:
        task = progress.add_task("", total=total)
        for f, vigs in loaded:
            cases = []
            for vig in vigs:
                progress.update(task, description=f"{f.name} {vig.id}")
                try:
                    cases.append(run_vignette(model, vig))
                except SymptomaticError as exc:
                    progress.stop()
                    raise _fail(f"{f.name}: vignette {vig.id}: {exc}") from exc
                progress.advance(task)
            groups.extend(group_by_mode(f.name, cases))

    measured = calibration or plot is not None
    cal = calibrate([c.scored for g in groups for c in g.cases]) if measured else None
    if plot is not None and cal is not None:
        from symptomatic.eval.reliability_plot import plot_reliability

        names = ", ".join(f.name for f, _ in loaded)
        try:
            plot_reliability(cal, plot, title=f"Top condition: {names} ({pack})")
        except OSError as exc:
            raise _fail(f"{plot}: cannot write the plot ({exc.strerror})") from exc
        err.print(f"Reliability diagram written to {plot}", soft_wrap=True)
    payload = report(groups, cal)

    if json_out == "-":
        typer.echo(json.dumps(payload))
        return
    if json_out is not None:
        Path(json_out).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")

    for g in groups:
        out.print(_cases_table(g, pack))
    columns = [(f"{g.file}\n({g.mode})", g.summary) for g in groups]
    if len(groups) > 1:
        columns.append(("all", summarise([c.scored for g in groups for c in g.cases])))
    out.print(_summary_table(columns))
    if cal is not None:
        _print_calibration(cal, groups)
    if json_out is not None:
        err.print(f"JSON written to {json_out}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``symptomatic eval ...`` to the CLI."""
    app.add_typer(eval_app, name="eval")
