"""``symptomatic packs list|show|check``."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from symptomatic.cli.inputs import fail
from symptomatic.errors import PackError, PackNotFoundError
from symptomatic.kb import builtin_pack_ids, compose, load_with_dependencies, validate

packs_app = typer.Typer(help="List, show and check knowledge packs.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@packs_app.command("list")
def list_packs(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the built-in packs."""
    rows = []
    for pid in builtin_pack_ids():
        pack = load_with_dependencies(pid)[-1]
        rows.append(
            {
                "id": pack.meta.id,
                "name": pack.meta.name,
                "version": pack.meta.version,
                "review_status": pack.meta.review_status,
                "conditions": len(pack.conditions),
                "findings": len(pack.findings),
                "red_flags": len(pack.red_flags),
            }
        )
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table("id", "name", "version", "review", "conditions", "findings", "red flags")
    for r in rows:
        table.add_row(*(str(r[k]) for k in r))
    out.print(table)


@packs_app.command("show")
def show(name: str = typer.Argument(..., help="Built-in pack id or folder.")) -> None:
    """Show a pack's metadata, conditions and red-flag rules."""
    try:
        pack = load_with_dependencies(name)[-1]
    except PackError as exc:
        raise fail(str(exc).splitlines()[0]) from exc
    m = pack.meta
    out.print(f"[bold]{m.name}[/bold] ({m.id} {m.version}) — review status: {m.review_status}")
    if m.description:
        out.print(m.description)
    if m.depends:
        out.print(f"Depends on: {', '.join(m.depends)}")
    table = Table("condition", "ICD-10", "severity", "care level", title="Conditions")
    for c in pack.conditions:
        table.add_row(
            f"{c.name} ({c.id})", ", ".join(c.icd10), c.severity.value, c.care_level.value
        )
    out.print(table)
    rules = Table("rule", "level", "message", title="Red-flag rules")
    for r in pack.red_flags:
        rules.add_row(r.id, r.level.value, r.message)
    out.print(rules)
    out.print(f"{len(pack.findings)} findings, {len(m.references)} references.")


@packs_app.command("check")
def check(
    name: str = typer.Argument(..., help="Built-in pack id or folder."),
    strict: bool = typer.Option(False, "--strict", help="Treat warnings as errors."),
) -> None:
    """Validate a pack with its dependencies. Exit 1 on errors (and on warnings with --strict);
    exit 2 when there is no such pack."""
    try:
        kb = compose(load_with_dependencies(name))
    except PackNotFoundError as exc:
        raise fail(str(exc).splitlines()[0]) from exc
    except PackError as exc:
        err.print(f"[red]error:[/red] {exc.args[0].splitlines()[0]}")
        for p in exc.problems:
            err.print(f"  [red]✗[/red] {p}")
        raise typer.Exit(1) from exc
    report = validate(kb)
    for w in report.warnings:
        err.print(f"  [yellow]![/yellow] {w}")
    for e in report.errors:
        err.print(f"  [red]✗[/red] {e}")
    summary = (
        f"{name}: {len(kb.conditions)} conditions, {len(kb.findings)} findings, "
        f"{len(kb.red_flags)} red-flag rules; {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings"
    )
    if report.errors or (strict and report.warnings):
        err.print(f"[red]FAILED[/red] {summary}")
        raise typer.Exit(1)
    out.print(f"[green]OK[/green] {summary}")


def register(app: typer.Typer) -> None:
    app.add_typer(packs_app, name="packs")
