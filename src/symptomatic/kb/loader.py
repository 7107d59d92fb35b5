"""Read packs from folders (built-in ones through ``importlib.resources``).

Errors name the file and the field, e.g.
``conditions.yaml: conditions[3].prior[0].p: Input should be less than 1``.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from symptomatic.errors import PackError, PackNotFoundError
from symptomatic.kb.parse_cache import YAML_LOADER, ParseCache
from symptomatic.kb.schema import (
    ConditionsFile,
    FindingsFile,
    LikelihoodsFile,
    Pack,
    PackMeta,
    RedFlagsFile,
    ScreensFile,
    SynonymsFile,
)

PACK_FILES = (
    "pack.yaml",
    "conditions.yaml",
    "findings.yaml",
    "likelihoods.yaml",
    "red_flags.yaml",
    "screens.yaml",
    "synonyms.yaml",
)
M = TypeVar("M", bound=BaseModel)
#: libyaml's loader when PyYAML was built with it (about 5x faster), else the pure-Python one;
#: both build the same data from a pack file.


def builtin_pack_ids() -> list[str]:
    """Ids of the packs shipped inside the package, sorted."""
    root = resources.files("symptomatic.packs")
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir() and entry.joinpath("pack.yaml").is_file()
    )


def _locate(name_or_path: str | Path) -> Traversable | Path:
    path = Path(name_or_path)
    if path.is_dir():
        return path
    if isinstance(name_or_path, str) and "/" not in name_or_path:
        entry = resources.files("symptomatic.packs").joinpath(name_or_path)
        if entry.is_dir() and entry.joinpath("pack.yaml").is_file():
            return entry
    raise PackNotFoundError(
        f"no pack {str(name_or_path)!r}: not a built-in pack ({', '.join(builtin_pack_ids())})"
        " and not a folder"
    )


def _format_loc(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _read_yaml(
    folder: Traversable | Path, name: str, required: bool, cache: ParseCache | None
) -> Any:
    entry = folder.joinpath(name)
    if not entry.is_file():
        if required:
            raise PackError(f"{name}: file is missing", [f"{name}: file is missing"])
        return {}
    text = entry.read_text(encoding="utf-8")
    if cache is not None:
        hit, data = cache.get(text)
        if hit:
            return {} if data is None else data
    try:
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise PackError(f"{name}: not valid YAML{where}", [f"{name}{where}: {exc}"]) from exc
    if cache is not None:
        cache.put(text, data)
    return {} if data is None else data


def _parse(model: type[M], data: Any, filename: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{filename}: {_format_loc(err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise PackError(f"{filename}: invalid pack file", problems) from exc


def load_pack(name_or_path: str | Path, cache: ParseCache | None = None) -> Pack:
    """Read and schema-validate one pack (a built-in id or a folder path); with ``cache``,
    files parsed before are read from it (see :mod:`symptomatic.kb.parse_cache`).

    Cross-references (ids, sources) are checked later by :mod:`symptomatic.kb.validate`.
    Raises :class:`PackError` naming the file and field of every problem.
    """
    folder = _locate(name_or_path)

    def read(name: str, required: bool = False) -> Any:
        return _read_yaml(folder, name, required, cache)

    meta = _parse(PackMeta, read("pack.yaml", True), "pack.yaml")
    conditions = _parse(ConditionsFile, read("conditions.yaml"), "conditions.yaml")
    findings = _parse(FindingsFile, read("findings.yaml"), "findings.yaml")
    likelihoods = _parse(LikelihoodsFile, read("likelihoods.yaml"), "likelihoods.yaml")
    red_flags = _parse(RedFlagsFile, read("red_flags.yaml"), "red_flags.yaml")
    screens = _parse(ScreensFile, read("screens.yaml"), "screens.yaml")
    synonyms = _parse(SynonymsFile, read("synonyms.yaml"), "synonyms.yaml")
    return Pack(
        meta=meta,
        conditions=conditions.conditions,
        findings=findings.findings,
        likelihoods=likelihoods.likelihoods,
        red_flags=red_flags.red_flags,
        screens=screens.screens,
        synonyms=synonyms.synonyms,
        systems=synonyms.systems,
        denials=synonyms.denials,
        parts=synonyms.parts,
        compounds=synonyms.compounds,
        hides=synonyms.hides,
    )


def pack_files(refs: Iterable[str | Path]) -> list[Path]:
    """The YAML files of the packs ``refs`` name and of the packs they depend on (``"all"``:
    every built-in pack), as paths on disk: what a server is about to parse. Refs that
    cannot be found are left out (loading them reports it)."""
    names = list(refs)
    if "all" in names or not names:
        names = [n for n in names if n != "all"] + list(builtin_pack_ids())
    files: list[Path] = []
    seen: set[str] = set()
    while names:
        ref = names.pop()
        try:
            folder = Path(str(_locate(ref)))
        except PackNotFoundError:
            continue
        if str(folder) in seen:
            continue
        seen.add(str(folder))
        files += sorted(folder.glob("*.yaml"))
        try:
            meta = yaml.load((folder / "pack.yaml").read_text(encoding="utf-8"), YAML_LOADER)
            deps = meta.get("depends", []) if isinstance(meta, dict) else []
        except (OSError, yaml.YAMLError):
            deps = []
        for dep in deps if isinstance(deps, list) else []:
            sibling = folder.parent / str(dep)
            names.append(sibling if sibling.is_dir() else str(dep))
    return files


def load_with_dependencies(name_or_path: str | Path, cache: ParseCache | None = None) -> list[Pack]:
    """The pack and, first, every pack it depends on (built-ins or siblings), in load order."""
    order: list[Pack] = []
    seen: set[str] = set()
    base = Path(name_or_path).parent if Path(name_or_path).is_dir() else None

    def visit(ref: str | Path, chain: tuple[str, ...]) -> None:
        pack = load_pack(ref, cache)
        pid = pack.meta.id
        if pid in chain:
            raise PackError(f"pack.yaml: depends: cycle {' -> '.join((*chain, pid))}")
        if pid in seen:
            return
        for dep in pack.meta.depends:
            sibling = base / dep if base is not None else None
            visit(sibling if sibling is not None and sibling.is_dir() else dep, (*chain, pid))
        seen.add(pid)
        order.append(pack)

    visit(name_or_path, ())
    return order
