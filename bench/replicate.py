"""The built-in packs copied N times under new ids: a knowledge base of the size we are heading
for, with the rule shapes of the real packs (composite rules, ~60 % red-flag findings).

Copy 0 keeps the real ids (so the real complaints still start an interview); copy k > 0
renames every condition, finding, rule and screen id with the suffix ``_rk``. With
``condition_copies`` below ``copies``, the findings of copy k give their likelihoods to the
conditions of copy ``k % condition_copies`` (conditions shared across complaints, as they will
be), which sets the number of conditions and findings apart. With the packs of December 2026
(68 conditions, 122 findings, 70 rules), 10 copies are 680 x 1,220 and 13 copies with 6
copies of the conditions 408 x 1,586.

Only copy 0 keeps the lay synonyms and the other lexicon data (the same phrases under 13 ids
would make every mention ambiguous), so the free-text lexicon stays the real one.

Used by ``bench/engine.py`` (in memory) and ``bench/load.py --replicate N`` (written to a
folder and served)::

    pack = replicated_pack(13, 6)        # 408 conditions, 1,586 findings, 910 rules
    write_pack(pack, Path("/tmp/x10"))   # a pack folder: symptomatic serve --pack /tmp/x10
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_origin

import yaml

from symptomatic.kb import KnowledgeBase, compose, validate
from symptomatic.kb.loader import load_with_dependencies
from symptomatic.kb.schema import Pack

#: the pack whose dependencies bring in every built-in pack (core, back-pelvic, chest-heart)
BASE_PACK = "chest-heart"


def _renamer(ids: dict[str, str]) -> Any:
    """A function renaming, in a JSON-like tree, every string and key found in ``ids``."""

    def rename(node: Any) -> Any:
        if isinstance(node, str):
            return ids.get(node, node)
        if isinstance(node, list):
            return [rename(v) for v in node]
        if isinstance(node, dict):
            return {ids.get(k, k): rename(v) for k, v in node.items()}
        return node

    return rename


def replicated_pack(
    copies: int, condition_copies: int | None = None, base: str = BASE_PACK
) -> Pack:
    """One pack holding ``copies`` copies of ``base`` and its dependencies (see the module)."""
    cond_copies = copies if condition_copies is None else condition_copies
    if not 1 <= cond_copies <= copies:
        raise ValueError("condition_copies must be between 1 and copies")
    packs = load_with_dependencies(base)
    dumped = [p.model_dump(mode="json", by_alias=True, exclude_defaults=True) for p in packs]
    fields = [name for name in Pack.model_fields if name != "meta"]
    # lists (conditions, findings, rules, screens, ...) are copied; mappings keyed by finding
    # (synonyms and other lexicon data) are kept for copy 0 only
    lists = [n for n in fields if get_origin(Pack.model_fields[n].annotation) is list]
    conditions = {c.id for p in packs for c in p.conditions}
    # every other id a copy defines: findings, rules, screens, and screens' group questions
    items = [i for d in dumped for name in lists for i in d.get(name, []) if isinstance(i, dict)]
    own = {item["id"] for item in items if "id" in item}
    own -= conditions
    screens = [s for d in dumped for s in d.get("screens", [])]
    own |= {q["group"] for s in screens for q in s["questions"] if "group" in q}
    if conditions & own:  # the copies of a condition and of the rest get different suffixes
        raise ValueError("condition ids overlap other ids: renaming would be ambiguous")
    merged: dict[str, Any] = {name: [] for name in lists}
    for k in range(copies):
        suffix = "" if k == 0 else f"_r{k}"
        ck = k % cond_copies
        cond = "" if ck == 0 else f"_r{ck}"
        ids = {i: i + suffix for i in own} | {c: c + cond for c in conditions}
        rename = _renamer(ids)
        for data in dumped:
            for name in lists:
                if name == "conditions" and k >= cond_copies:
                    continue
                items = data.get(name, [])
                copied = rename(items)
                if name != "conditions":  # a rule may share its condition's id: its own suffix
                    for item, copy in zip(items, copied, strict=True):
                        if isinstance(item, dict) and "id" in item:
                            copy["id"] = item["id"] + suffix
                merged[name].extend(copied)
    meta = dict(dumped[-1]["meta"])
    for data in dumped[:-1]:  # what only a dependency states (core's wordings) is kept
        for key, value in data["meta"].items():
            meta.setdefault(key, value)
    if meta.get("scope"):  # every copy's complaints are covered, as a pack of its own would be
        complaints = meta["scope"]["complaints"]
        renamed = [c if k == 0 else f"{c}_r{k}" for k in range(copies) for c in complaints]
        meta["scope"] = {**meta["scope"], "complaints": renamed}
    meta.update(
        id=f"replicated-x{copies}",
        name=f"{base} and its dependencies, {copies} copies (benchmark only)",
        depends=[],
        references={ref: v for d in dumped for ref, v in d["meta"].get("references", {}).items()},
    )
    lexicon: dict[str, dict[str, Any]] = {n: {} for n in fields if n not in lists}
    for data in dumped:
        for name, mapping in lexicon.items():
            for key, value in data.get(name, {}).items():
                if isinstance(value, list):
                    mapping.setdefault(key, []).extend(value)
                else:
                    mapping.setdefault(key, value)
    return Pack.model_validate({"meta": meta, **merged, **lexicon})


def replicated_kb(copies: int, condition_copies: int | None = None) -> KnowledgeBase:
    """The composed, validated knowledge base of :func:`replicated_pack`."""
    kb = compose([replicated_pack(copies, condition_copies)])
    report = validate(kb)
    if not report.ok:
        raise ValueError("replicated packs are invalid: " + "; ".join(report.errors[:5]))
    return kb


def write_pack(pack: Pack, folder: Path) -> Path:
    """Write ``pack`` as a pack folder (pack.yaml plus one file per list); returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    data = pack.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    (folder / "pack.yaml").write_text(yaml.safe_dump(data.pop("meta"), sort_keys=False))
    for name, value in data.items():
        (folder / f"{name}.yaml").write_text(yaml.safe_dump({name: value}, sort_keys=False))
    return folder
