"""Back up and restore the whole database (checks, steps, library feedback) to one file.

- **SQLite**: the online backup API of :mod:`sqlite3` (``Connection.backup``), page by page,
  consistent even while the server writes; the file is itself a SQLite database.
- **PostgreSQL**: ``pg_dump --format=custom`` and ``pg_restore --clean --single-transaction``
  from Debian's ``postgresql-client`` (the client must not be older than the server).

A restore replaces the database's contents with the file's and then applies any newer
migrations shipped in the package, so a backup from an older version can be restored. Each
kind of database restores only its own kind of file.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.engine import make_url as parse_url
from sqlalchemy.exc import ArgumentError

from symptomatic.errors import SymptomaticError
from symptomatic.storage.migrate import upgrade

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(SymptomaticError):
    """A backup or restore could not be made (message says why and what to do)."""


def make_url(database_url: str) -> URL:
    """The parsed ``database_url``; a :class:`BackupError` when it is not a database URL."""
    try:
        return parse_url(database_url)
    except ArgumentError as exc:
        raise BackupError(f"not a database URL: {database_url!r}") from exc


def backup(database_url: str, dest: Path) -> None:
    """Write a consistent copy of the database at ``database_url`` to ``dest``."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(_sqlite_path(url), dest)
    elif url.get_backend_name() == "postgresql":
        _run_pg("pg_dump", url, ["--format=custom", "--no-owner", f"--file={dest}"])
    else:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {url.get_backend_name()}")


def restore(database_url: str, source: Path) -> None:
    """Replace the contents of the database at ``database_url`` with the backup ``source``,
    then bring it to the newest migration."""
    url = make_url(database_url)
    try:
        with source.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except IsADirectoryError as exc:
        raise BackupError(f"{source} is a folder, not a backup file") from exc
    except OSError as exc:
        raise BackupError(f"cannot read {source}: {exc.strerror}") from exc
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(f"{source} is not a SQLite backup (made by `symptomatic backup`)")
        _sqlite_copy(source, _sqlite_path(url))
    elif backend == "postgresql":
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{source} is not a PostgreSQL backup (pg_dump custom format)")
        _run_pg(
            "pg_restore",
            url,
            ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(source)],
        )
    else:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {backend}")
    upgrade(database_url)


def _sqlite_path(url: URL) -> Path:
    database = url.database or ""
    if database in ("", ":memory:"):
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return Path(database).expanduser()


def _sqlite_copy(source: Path, dest: Path) -> None:
    """Copy the SQLite database ``source`` into ``dest`` with the online backup API (one
    transaction on ``dest``: readers see the old or the new contents, never a mix)."""
    if not source.is_file():
        raise BackupError(f"no SQLite database at {source}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise BackupError(f"SQLite backup from {source} to {dest} failed: {exc}") from exc
    finally:
        src.close()


def _pg_tool(name: str) -> str:
    """The newest Debian PostgreSQL client binary ``name`` (``pg_dump``, ``pg_restore``)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_major)
    path = found[-1] if found else shutil.which(name)
    if path is None:
        raise BackupError(f"{name} not found: install Debian's postgresql-client")
    return path


def _major(path: str) -> int:
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


def _run_pg(tool: str, url: URL, args: list[str]) -> None:
    """Run a PostgreSQL client tool on the database of ``url`` (password through the
    environment, never on the command line)."""
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    target = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    proc = subprocess.run(
        [_pg_tool(tool), f"--dbname={target}", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        raise BackupError(f"{tool} failed: {lines[-1] if lines else f'exit {proc.returncode}'}")
