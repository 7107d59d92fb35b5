"""``symptomatic serve``: run the web app and API with uvicorn (settings from the environment)."""

from __future__ import annotations

import gc
import json
import os
import socket
from typing import Any

import typer

from symptomatic.cli.inputs import fail
from symptomatic.cli.workers import run_workers
from symptomatic.settings import Settings


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command."""

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on."),
        port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
        workers: int = typer.Option(1, min=1, max=64, help="Worker processes."),
        packs: list[str] | None = typer.Option(
            None, "--pack", help="Pack id or folder to serve (repeat); overrides the settings."
        ),
        database_url: str | None = typer.Option(
            None, help="Database URL; overrides SYMPTOMATIC_DATABASE_URL."
        ),
    ) -> None:
        """Serve the symptom check (pages and /api/v1) until interrupted.

        Access logs are off: they would hold IP addresses, and paths are never personal.
        Behind a reverse proxy, list it in SYMPTOMATIC_TRUSTED_PROXIES so that its
        X-Forwarded-For / X-Forwarded-Proto headers are believed (and nobody else's).
        """
        from symptomatic.kb.loader import pack_files
        from symptomatic.kb.parse_cache import from_setting

        if packs:
            os.environ["SYMPTOMATIC_PACKS"] = json.dumps(packs)
        if database_url:
            os.environ["SYMPTOMATIC_DATABASE_URL"] = database_url
        settings = Settings()
        # Parsing the packs' YAML (seconds for large packs, unless cached) starts in other
        # processes first, while this one imports the web stack and the language libraries.
        cache = from_setting(settings.pack_cache)
        prefetch = cache.prefetch(pack_files(settings.packs))
        import uvicorn

        from symptomatic.api import compile_packs
        from symptomatic.api.understand import prepare_parser
        from symptomatic.app import create_app
        from symptomatic.cli.inputs import open_database
        from symptomatic.errors import SymptomaticError
        from symptomatic.language.context import load_libraries

        load_libraries()  # about a second of imports, while the YAML parses
        prefetch.wait()
        # Load, validate and compile the packs and build their free-text parsers once, here:
        # a broken pack fails with a readable message, the workers forked below share the
        # result, and the first /parse does not wait for a parser.
        try:
            served = compile_packs(list(settings.packs), cache)
        except SymptomaticError as exc:
            raise fail(f"cannot serve: {str(exc).splitlines()[0]}") from exc
        for pack in served.values():
            prepare_parser(pack.kb)
        # Migrate once here so that several workers never race to create the tables.
        open_database(settings.database_url).dispose()
        typer.echo(f"Symptomatic on http://{host}:{port} (packs: {', '.join(settings.packs)})")
        options: dict[str, Any] = dict(
            access_log=False,
            log_level="warning",
            server_header=False,
            # Forwarded headers only from the configured proxies; without any, never.
            proxy_headers=bool(settings.trusted_proxies),
            forwarded_allow_ips=list(settings.trusted_proxies) or None,
        )
        # What is loaded by now lives as long as the server: take it out of the garbage
        # collector's generations, so that no worker stops to walk the packs' hundreds of
        # thousands of objects (a 0.1-0.3 s pause each time) and the pages they sit on stay
        # shared with the parent rather than copied on write.
        gc.collect()
        gc.freeze()
        if workers == 1:
            uvicorn.run(create_app(settings, packs=served), host=host, port=port, **options)
            return
        # Forked workers receive the listening socket without its protocol, so asyncio does not
        # set TCP_NODELAY on accepted connections and every response waits ~40 ms for a
        # delayed ACK (headers and body go out as two writes). Accepted sockets inherit
        # TCP_NODELAY from the listening socket, so set it there.
        sock = _listening_socket(host, port)
        code = run_workers(lambda: create_app(settings, packs=served), sock, workers, options)
        raise typer.Exit(code)


def _listening_socket(host: str, port: int) -> socket.socket:
    """A bound, listening TCP socket with TCP_NODELAY, inheritable by worker processes."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise fail(f"cannot serve on {host}:{port}: {exc.strerror}") from exc
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock
