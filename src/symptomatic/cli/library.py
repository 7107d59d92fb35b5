"""``symptomatic articles list|check|search`` and ``symptomatic feedback report``."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from symptomatic.cli.inputs import fail, open_database
from symptomatic.errors import SymptomaticError

articles_app = typer.Typer(help="List, check and search library articles.", no_args_is_help=True)
feedback_app = typer.Typer(help='"Was this page helpful?" reports.', no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def _grade(body: str) -> float | None:
    try:
        from symptomatic.library.readability import reading_grade

        return round(reading_grade(body), 1)
    except ImportError:  # textstat/pyphen are development dependencies
        return None


@articles_app.command("list")
def list_articles(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the articles shipped in the package."""
    from symptomatic.library import load_library

    lib = load_library()
    rows = [{"slug": a.slug, "title": a.meta.title, "topics": a.meta.topics} for a in lib.articles]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    table = Table("slug", "title", "topics")
    for a in lib.articles:
        table.add_row(a.slug, a.meta.title, ", ".join(a.meta.topics))
    out.print(table)


@articles_app.command("check")
def check_articles(
    pack: str = typer.Option(
        "all", help="Packs whose condition/finding ids to check ('all': every built-in pack)."
    ),
    max_grade: float = typer.Option(9.0, help="Highest reading grade allowed."),
) -> None:
    """Validate every article (front matter, citations, pack ids, reading grade); exit 1 on
    any problem."""
    from symptomatic.kb import load_knowledge_base
    from symptomatic.library import load_library
    from symptomatic.library.loader import pack_id_problems

    try:
        kb = load_knowledge_base(pack)
    except SymptomaticError as exc:
        raise fail(str(exc).splitlines()[0]) from exc
    try:
        lib = load_library()
    except SymptomaticError as exc:  # the shipped articles themselves: a check failure
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    packs = {p.id for p in kb.packs}
    problems = pack_id_problems(lib, set(kb.conditions), set(kb.findings), packs)
    grades = []
    table = Table("slug", "reading grade", "references", "red flags")
    for art in lib.articles:
        grade = _grade(art.body)
        if grade is not None:
            grades.append(grade)
            if grade > max_grade:
                problems.append(f"{art.filename}: reading grade {grade} > {max_grade}")
        table.add_row(
            art.slug,
            "n/a" if grade is None else str(grade),
            str(len(art.meta.references)),
            str(len(art.meta.red_flags)),
        )
    out.print(table)
    if grades:
        mean = sum(grades) / len(grades)
        out.print(f"{len(lib.articles)} articles; reading grade max {max(grades)}, mean {mean:.1f}")
    for p in problems:
        err.print(f"[red]- {p}[/red]")
    if problems:
        raise typer.Exit(1)


@articles_app.command("search")
def search_articles(
    query: str = typer.Argument(..., help="What to search for."),
    limit: int = typer.Option(5, min=1, max=50, help="Most results."),
    pack: str = typer.Option("all", help="Packs whose lay synonyms expand the query."),
    as_json: bool = typer.Option(False, "--json", help="Print the API's JSON shape."),
) -> None:
    """Search the articles (an in-memory SQLite FTS5 index, as the server does)."""
    from symptomatic.kb import load_knowledge_base
    from symptomatic.library import load_library
    from symptomatic.search import build_synonyms, documents_from_library, make_search
    from symptomatic.storage import make_engine

    try:
        kb = load_knowledge_base(pack)
    except SymptomaticError as exc:
        raise fail(str(exc).splitlines()[0]) from exc
    engine = make_engine("sqlite://")
    synonyms = build_synonyms((f.id, f.name, list(f.synonyms)) for f in kb.findings.values())
    backend = make_search(engine, synonyms)
    backend.rebuild(documents_from_library(load_library()))
    hits = backend.search(query, limit=limit)
    engine.dispose()
    if as_json:
        typer.echo(json.dumps({"articles": [h.to_dict() for h in hits]}, indent=2))
        return
    if not hits:
        out.print("No results.")
    for h in hits:
        out.print(f"[bold]{h.title}[/bold]  ({h.slug}, score {h.score:.2f})")


@feedback_app.command("report")
def feedback_report_command(
    period: str = typer.Option("week", help="Group by day, week or month."),
    database_url: str | None = typer.Option(
        None, help="Database URL (default: SYMPTOMATIC_DATABASE_URL or the settings default)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Helpfulness per article over time, from the database."""
    from symptomatic.feedback import feedback_report
    from symptomatic.settings import Settings
    from symptomatic.storage import session_factory

    if period not in ("day", "week", "month"):
        raise fail(f"--period must be day, week or month, not {period!r}")
    engine = open_database(database_url or Settings().database_url)
    reports = feedback_report(session_factory(engine), period=period)  # type: ignore[arg-type]
    engine.dispose()
    if as_json:
        data = [
            {
                "slug": r.slug,
                "yes": r.yes,
                "no": r.no,
                "share_helpful": round(r.share_helpful, 4),
                "reasons": r.reasons,
                "periods": [{"period": p.period, "yes": p.yes, "no": p.no} for p in r.periods],
            }
            for r in reports
        ]
        typer.echo(json.dumps(data, indent=2))
        return
    if not reports:
        out.print("No feedback yet.")
        return
    table = Table("article", period, "yes", "no", "helpful")
    for r in reports:
        for p in r.periods:
            table.add_row(r.slug, p.period, str(p.yes), str(p.no), f"{p.share_helpful:.0%}")
        table.add_row(r.slug, "all", str(r.yes), str(r.no), f"{r.share_helpful:.0%}")
    out.print(table)


def register(app: typer.Typer) -> None:
    """Adds the ``articles`` and ``feedback`` command groups."""
    app.add_typer(articles_app, name="articles")
    app.add_typer(feedback_app, name="feedback")
