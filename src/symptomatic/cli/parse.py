"""``symptomatic parse "text"``: show the findings Symptomatic reads in a sentence."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from symptomatic.cli.inputs import fail
from symptomatic.errors import SymptomaticError

out = Console()
err = Console(stderr=True)


def parse_command(
    text: str = typer.Argument(..., help="What the person says, in their own words."),
    pack: str = typer.Option(
        "all", "--pack", help="Built-in pack id or folder; 'all' (default): every built-in pack."
    ),
    sex: str | None = typer.Option(None, "--sex", help="female or male (hides what cannot apply)."),
    age: int | None = typer.Option(None, "--age", min=0, max=130, help="Age in whole years."),
    as_json: bool = typer.Option(False, "--json", help="Print mentions and evidence as JSON."),
) -> None:
    """Parse free text into findings: present / absent / option, with where it was said."""
    from symptomatic.kb import load_knowledge_base
    from symptomatic.language import parse

    if sex is not None and sex not in ("female", "male"):
        raise fail(f"--sex must be 'female' or 'male', not {sex!r}")
    try:
        kb = load_knowledge_base(pack)
    except SymptomaticError as exc:
        raise fail(str(exc).splitlines()[0]) from exc
    res = parse(kb, text, sex=sex, age=age)
    if as_json:
        typer.echo(json.dumps(res.to_dict()))
        return
    table = Table(title="Findings in the text")
    for col in ("finding", "answer", "said", "where", "notes"):
        table.add_column(col)
    for m in res.mentions:
        finding = kb.findings[m.finding_id]
        notes = [
            label
            for flag, label in (
                (m.historical, "past"),
                (m.family, "family"),
                (m.hypothetical, "hypothetical"),
                (m.uncertain, "uncertain"),
                (m.corrected, "spelling corrected"),
                (not m.counts, "[dim]not used[/dim]"),
            )
            if flag
        ]
        value = {"present": "yes", "absent": "no"}.get(m.value, m.value)
        table.add_row(
            f"{finding.name} [dim]({m.finding_id})[/dim]",
            value,
            repr(m.text),
            f"{m.start}-{m.end}",
            ", ".join(notes),
        )
    if res.mentions:
        out.print(table)
    else:
        out.print("Nothing in the text matched a known finding.")


def register(app: typer.Typer) -> None:
    """Add ``symptomatic parse`` to the CLI."""
    app.command("parse")(parse_command)
