"""Parsed pack files kept on disk, so that a later start skips YAML parsing.

PyYAML builds Python objects in Python even with libyaml's parser: a pack of 400 conditions
and 1,500 findings (about 3.5 MB of YAML) takes about 2 s to parse and under 0.1 s to read
back as JSON. A :class:`ParseCache` keeps, for each pack file it has parsed, the parsed data
as JSON under the SHA-256 of the file's text (and of this format and the PyYAML version), so
an edited file is simply a new key: nothing stale can be read. Schema validation and every
check still run on what is read back; only the parsing is skipped.

What YAML gives that JSON cannot hold plainly (dates) is tagged; a file whose data holds
anything else JSON cannot keep exactly (keys that are not strings, ...) is not cached. A
cache that cannot be read or written is no cache: loading goes on from the YAML, silently.
The folder is created private (0700) and a folder owned by another user is not used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

#: Bump when the stored form changes: every older entry becomes a different key.
FORMAT = 1
#: The one YAML loader of pack files: libyaml's when PyYAML has it (5x faster), same results.
YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAGS = {"$date": dt.date.fromisoformat, "$datetime": dt.datetime.fromisoformat}


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/symptomatic/packs``, else ``~/.cache/symptomatic/packs``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "symptomatic" / "packs"


def from_setting(setting: str) -> ParseCache:
    """The cache of a ``pack_cache`` setting: 'auto' (:func:`default_folder`), 'off' or empty
    (in memory only) or a folder."""
    if setting.strip() in ("off", ""):  # an empty setting must not mean the current folder
        return ParseCache()
    return ParseCache(default_folder() if setting == "auto" else Path(setting).expanduser())


def _key(text: str) -> str:
    return hashlib.sha256(f"{FORMAT}\0{yaml.__version__}\0{text}".encode()).hexdigest()


def _parse_in_child(path: str) -> tuple[str, Any] | None:
    """In a prefetch process: (key, parsed data) of one file, None when it cannot be parsed
    (the loader then parses it again and reports the error the usual way)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        return _key(text), yaml.load(text, Loader=YAML_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


class Prefetch:
    """Files being parsed by other processes; :meth:`wait` puts their data in the cache."""

    def __init__(self, cache: ParseCache, paths: Sequence[Path]) -> None:
        self._cache = cache
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[tuple[str, Any] | None]] = []
        if not paths:
            return
        # fork: the children need nothing but PyYAML, and start at once
        self._pool = ProcessPoolExecutor(
            max_workers=min(len(paths), os.cpu_count() or 1),
            mp_context=multiprocessing.get_context("fork"),
        )
        self._futures = [self._pool.submit(_parse_in_child, str(p)) for p in paths]

    def wait(self) -> None:
        """Wait for every file; what was parsed is then in the cache (memory and disk)."""
        if self._pool is None:
            return
        try:
            for future in self._futures:
                try:
                    done = future.result()
                except Exception:  # a child that died: the loader parses that file itself
                    continue
                if done is not None:
                    self._cache.keep(*done)
        finally:
            self._pool.shutdown()
            self._pool = None


def _encodable(node: Any) -> bool:
    """True when JSON (with the date tags) gives ``node`` back exactly."""
    if node is None or isinstance(node, str | bool | int | float | dt.date):
        return True
    if isinstance(node, list):
        return all(_encodable(v) for v in node)
    if isinstance(node, dict):
        return all(
            isinstance(k, str) and not k.startswith("$") and _encodable(v) for k, v in node.items()
        )
    return False


def _encode(node: Any) -> Any:
    if isinstance(node, dt.datetime):
        return {"$datetime": node.isoformat()}
    if isinstance(node, dt.date):
        return {"$date": node.isoformat()}
    raise TypeError(f"not cacheable: {type(node).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        ((key, value),) = obj.items()
        parse = _TAGS.get(key)
        if parse is not None:
            return parse(value)
    return obj


class ParseCache:
    """Parsed YAML by the SHA-256 of its text: in memory (a file read twice in one process,
    such as ``core`` under every pack, is parsed once) and, with a ``folder``, as JSON files
    there for later processes. The data handed out is shared: callers must not change it
    (pydantic validation only reads it)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._memory: dict[Path, Any] = {}

    def _path(self, text: str) -> Path:
        return self._entry(_key(text))

    def _entry(self, key: str) -> Path:
        return (self.folder or Path()) / f"{key}.json"

    @cached_property
    def _usable(self) -> bool:
        """The folder exists (created private) and is ours; checked once per cache."""
        if self.folder is None:
            return False
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            return self.folder.stat().st_uid == os.getuid()
        except OSError:
            return False

    def get(self, text: str) -> tuple[bool, Any]:
        """(True, data) when ``text`` was parsed before; (False, None) otherwise."""
        path = self._path(text)
        if path in self._memory:
            return True, self._memory[path]
        if not self._usable:
            return False, None
        try:
            data = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
        except (OSError, ValueError):
            return False, None
        self._memory[path] = data
        return True, data

    def put(self, text: str, data: Any) -> None:
        """Keep ``data``, parsed from ``text`` (on disk when it can be kept exactly)."""
        self.keep(_key(text), data)

    def prefetch(self, paths: Sequence[Path]) -> Prefetch:
        """Start parsing ``paths`` in other processes (those not kept on disk already, the
        largest first), so that this process can do other work meanwhile; call
        :meth:`Prefetch.wait` before loading. On a machine with several cores this takes the
        YAML parsing off a server's start."""
        todo: list[tuple[int, Path]] = []
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if not self.get(text)[0]:
                todo.append((len(text), path))
        return Prefetch(self, [p for _, p in sorted(todo, key=lambda t: -t[0])])

    def keep(self, key: str, data: Any) -> None:
        """Keep ``data`` under ``key`` (see :meth:`put`)."""
        path = self._entry(key)
        self._memory[path] = data
        if not _encodable(data) or not self._usable:
            return
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, default=_encode, ensure_ascii=False)
            os.replace(tmp, path)  # whole or not at all, for concurrent starts
        except OSError:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
