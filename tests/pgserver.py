"""A throwaway PostgreSQL server on loopback, from Debian's binaries (``initdb``, ``pg_ctl``).

Used by the test fixtures (``tests/conftest.py``), by the fault test that stops and restarts
its own server, and by ``bench/load.py --database postgres``. Trust authentication on
127.0.0.1 only, a private socket folder, data in a temporary folder removed by
:meth:`PostgresServer.destroy`.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "symptomatic"


def postgres_bindir() -> Path | None:
    """The newest Debian PostgreSQL ``bin`` folder, or None when PostgreSQL is not installed."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    """Run as the ``postgres`` user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


class PostgresServer:
    """One PostgreSQL cluster on 127.0.0.1:``port``: :meth:`start`, :meth:`stop` (and start
    again, same data and port), :meth:`createdb`, :meth:`destroy`."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.tmp = Path(tempfile.mkdtemp(prefix="symptomatic-pg-"))
        self.data, self.sock = self.tmp / "data", self.tmp / "sock"
        self.sock.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
            shutil.chown(self.sock, "postgres")
        self.port = free_port()
        self._run(
            "initdb", "-D", str(self.data), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale"
        )

    def _run(self, tool: str, *args: str, check: bool = True) -> None:
        subprocess.run(
            _as_postgres([str(self.bindir / tool), *args]), check=check, capture_output=True
        )

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        opts = f"-h 127.0.0.1 -p {self.port} -k {self.sock} -F"
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.tmp / "log"), "-w",
            "-t", "60", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``fast``: roll back open transactions and close connections)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def createdb(self, name: str) -> str:
        """Create database ``name``; returns its SQLAlchemy URL."""
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, name)
        return self.url(name)

    def url(self, name: str) -> str:
        """The ``postgresql+psycopg://`` URL of database ``name`` on this server."""
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{name}"

    def destroy(self) -> None:
        """Stop the server at once and delete its data."""
        self.stop("immediate")
        shutil.rmtree(self.tmp, ignore_errors=True)
