"""Server workers forked from the loaded parent: packs compiled and parsers built once.

uvicorn's own ``workers=N`` starts N fresh interpreters: each imports everything again,
loads and compiles the packs again and builds its own free-text parser, which roughly
doubles the time before a 2-worker server answers (and the memory it holds). Here the parent
does that work once and then forks; every worker shares it (copy-on-write) and only builds
its app (database engine, routes) and its uvicorn server on the inherited listening socket.

The parent supervises: SIGINT or SIGTERM stops every worker (uvicorn shuts each down
gracefully); a worker that dies is started again, unless it exited with an error during its
own start-up (then the server exits with an error rather than loop).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable
from types import FrameType
from typing import Any

#: A worker that exits with an error sooner than this after its start failed to start (one
#: killed by a signal is replaced, however young).
STARTUP_SECONDS = 2.0


def _serve_child(make_app: Callable[[], Any], sock: socket.socket, options: dict[str, Any]) -> int:
    """In a forked worker: build the app and serve on ``sock`` until told to stop."""
    import uvicorn

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)  # uvicorn installs its own while it runs
    try:
        server = uvicorn.Server(uvicorn.Config(make_app(), **options))
        server.run(sockets=[sock])
    except BaseException:  # report anything, then leave the process
        traceback.print_exc()
        return 1
    return 0


def run_workers(
    make_app: Callable[[], Any], sock: socket.socket, workers: int, options: dict[str, Any]
) -> int:
    """Fork ``workers`` processes serving ``make_app()`` on ``sock``; returns the exit code."""
    started: dict[int, float] = {}  # pid -> start time
    stopping = False

    def start() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os._exit(_serve_child(make_app, sock, options))
        started[pid] = time.monotonic()

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for pid in started:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        for _ in range(workers):
            start()
        code = 0
        while started:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            began = started.pop(pid, None)
            if began is None or stopping:
                continue
            failed = os.WIFEXITED(status) and os.WEXITSTATUS(status) != 0
            if failed and time.monotonic() - began < STARTUP_SECONDS:
                print(
                    f"a server worker failed to start (status {status}); stopping", file=sys.stderr
                )
                code = 1
                stop(signal.SIGTERM, None)
            else:
                start()  # replace a worker that died while serving
        return code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
