"""How the CLI reads its inputs and reports bad ones: one line on stderr, ``error: ...``, and
exit code 2.

Commands raise :func:`fail` for what they check themselves, read files through
:func:`read_text` / :func:`read_json` and open databases through :func:`open_database`.
:func:`run` (the console script) turns what is left into the same one line: usage errors
(wrong types, out-of-range numbers, unknown options), :class:`~symptomatic.errors.SymptomaticError`
(unknown packs, findings, conditions) and settings from the environment that do not
validate. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from pydantic import ValidationError
from pydantic_settings import SettingsError

from symptomatic.errors import SymptomaticError

if TYPE_CHECKING:
    from sqlalchemy import Engine

#: Click's ``UsageError`` and ``ClickException`` (newer Typer ships its own copy of Click, so
#: they are taken from Typer's public ``BadParameter`` rather than imported from ``click``).
USAGE_ERROR: type[Exception] = typer.BadParameter.__mro__[1]
CLICK_EXCEPTION: type[Exception] = typer.BadParameter.__mro__[2]
BAD_INPUT = 2


def one_line(text: str) -> str:
    """``text`` with its whitespace (newlines included) collapsed to single spaces."""
    return " ".join(str(text).split())


def fail(message: str) -> typer.Exit:
    """Print ``error: message`` on stderr and return the exit (code 2) to raise."""
    typer.echo(f"error: {one_line(message)}", err=True)
    return typer.Exit(BAD_INPUT)


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of ``path``; a :func:`fail` naming ``what`` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise fail(f"{what} not found: {path}") from exc
    except IsADirectoryError as exc:
        raise fail(f"{what} is a folder, not a file: {path}") from exc
    except UnicodeDecodeError as exc:
        raise fail(f"{what} is not UTF-8 text: {path}") from exc
    except OSError as exc:
        raise fail(f"{what} cannot be read: {path} ({exc.strerror})") from exc


def read_json(path: Path, what: str) -> Any:
    """The JSON in ``path`` (see :func:`read_text`); a :func:`fail` when it is not JSON."""
    text = read_text(path, what)
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise fail(f"{path}: not valid JSON ({exc})") from exc


def open_database(url: str) -> Engine:
    """An engine on ``url`` with the shipped migrations applied; a :func:`fail` naming the
    database (without its password) when it cannot be opened."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from symptomatic.storage import make_engine, upgrade

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError) as exc:
        raise fail(f"not a database URL: {url!r} (e.g. sqlite:///./var/db.sqlite3)") from exc
    try:
        engine = make_engine(url)
        upgrade(engine)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise fail(f"cannot open the database {shown}: unsupported URL ({exc})") from exc
    except (SQLAlchemyError, OSError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise fail(f"cannot open the database {shown}: {reason}") from exc
    return engine


def _setting_problem(exc: ValidationError | SettingsError) -> str:
    if isinstance(exc, SettingsError):
        field = re.search(r'field "(\w+)"', str(exc))
        name = field.group(1) if field else ""
        detail = 'not valid (lists are JSON, e.g. ["a", "b"])'
    else:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first.get("loc") else ""
        detail = first["msg"]
    where = f"SYMPTOMATIC_{name.upper()}" if name else "a setting"
    return f"{where}: {detail}"


def run(app: typer.Typer, argv: Sequence[str] | None = None) -> None:
    """Run the CLI ``app`` on ``argv`` (default: the process arguments) and exit.

    Usage errors, domain errors and invalid settings become one ``error:`` line and exit
    code 2 (help for a bare group is shown as usual).
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = app(args=args, prog_name="symptomatic", standalone_mode=False)
    except USAGE_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare group: its help, as usual
            exc.show()  # type: ignore[attr-defined]
            sys.exit(BAD_INPUT)
        ctx = getattr(exc, "ctx", None)
        where = f"{ctx.command_path}: " if ctx is not None else ""
        hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
        message = exc.format_message()  # type: ignore[attr-defined]
        typer.echo(f"error: {where}{one_line(message)}{hint}", err=True)
        sys.exit(BAD_INPUT)
    except CLICK_EXCEPTION as exc:
        typer.echo(f"error: {one_line(exc.format_message())}", err=True)  # type: ignore[attr-defined]
        sys.exit(int(getattr(exc, "exit_code", 1)))
    except SymptomaticError as exc:
        typer.echo(f"error: {one_line(str(exc).splitlines()[0])}", err=True)
        sys.exit(BAD_INPUT)
    except (ValidationError, SettingsError) as exc:
        typer.echo(f"error: {_setting_problem(exc)}", err=True)
        sys.exit(BAD_INPUT)
    sys.exit(code if isinstance(code, int) else 0)
