"""The pack parse cache: read back exactly, never stale, and never in the way."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from symptomatic.errors import PackError
from symptomatic.kb import ParseCache, builtin_pack_ids, load_pack
from symptomatic.kb.loader import _locate, pack_files
from symptomatic.kb.parse_cache import default_folder
from symptomatic.kb.parse_cache import from_setting as parse_cache


def pack_copy(tmp_path: Path, pack: str = "core") -> Path:
    folder = tmp_path / pack
    shutil.copytree(str(_locate(pack)), folder)
    return folder


@pytest.mark.parametrize("pack", builtin_pack_ids())
def test_a_cached_pack_equals_the_parsed_one(tmp_path: Path, pack: str) -> None:
    folder = pack_copy(tmp_path, pack)
    plain = load_pack(folder)
    first = load_pack(folder, ParseCache(tmp_path / "cache"))  # parses and keeps
    kept = sorted((tmp_path / "cache").glob("*.json"))
    assert kept  # one entry per file that exists
    again = load_pack(folder, ParseCache(tmp_path / "cache"))  # a new process: from disk
    assert first == plain
    assert again == plain


def test_what_is_read_back_is_the_cache_and_an_edit_is_never_stale(tmp_path: Path) -> None:
    folder = pack_copy(tmp_path)
    cache_dir = tmp_path / "cache"
    load_pack(folder, ParseCache(cache_dir))
    # doctor the kept copy of pack.yaml: a hit must return the doctored data
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    entry = ParseCache(cache_dir)._path(text)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["name"] = "Read from the cache"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert load_pack(folder, ParseCache(cache_dir)).meta.name == "Read from the cache"
    # an edited file is another key: its own text is parsed, the doctored entry unused
    (folder / "pack.yaml").write_text(text.replace("\nname:", "\n# edited\nname:", 1))
    assert load_pack(folder, ParseCache(cache_dir)).meta.name == load_pack(folder).meta.name


def test_a_broken_entry_is_parsed_again(tmp_path: Path) -> None:
    folder = pack_copy(tmp_path)
    cache_dir = tmp_path / "cache"
    load_pack(folder, ParseCache(cache_dir))
    for entry in cache_dir.glob("*.json"):
        entry.write_text('{"truncated": ', encoding="utf-8")
    assert load_pack(folder, ParseCache(cache_dir)) == load_pack(folder)


def test_an_unusable_folder_is_no_cache(tmp_path: Path) -> None:
    folder = pack_copy(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert load_pack(folder, ParseCache(blocker / "cache")) == load_pack(folder)


def test_dates_come_back_as_dates_and_other_keys_stay_in_memory(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    dated = {"reviewed": dt.date(2026, 11, 1), "at": dt.datetime(2026, 11, 1, 9, 30)}
    cache.put("dated", dated)
    assert ParseCache(tmp_path).get("dated") == (True, dated)
    numbered = {1: "a key JSON would turn into a string"}
    cache.put("numbered", numbered)
    assert cache.get("numbered") == (True, numbered)  # this process
    assert ParseCache(tmp_path).get("numbered") == (False, None)  # never on disk


def test_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "symptomatic" / "packs"
    assert parse_cache("auto").folder == default_folder()
    assert parse_cache("off").folder is None
    assert parse_cache("").folder is None  # not the current folder
    assert parse_cache(str(tmp_path / "mine")).folder == tmp_path / "mine"
    folder = pack_copy(tmp_path)
    load_pack(folder, parse_cache("off"))
    assert not (tmp_path / "xdg").exists()


def test_pack_files_name_the_packs_and_their_dependencies(tmp_path: Path) -> None:
    files = pack_files(["back-pelvic"])
    assert {f.parent.name for f in files} == {"back-pelvic", "core"}
    assert {f.name for f in files if f.parent.name == "back-pelvic"} >= {
        "pack.yaml",
        "likelihoods.yaml",
    }
    assert {f.parent.name for f in pack_files(["all"])} == set(builtin_pack_ids())
    assert pack_files([str(tmp_path / "nowhere")]) == []


def test_prefetch_parses_in_other_processes_into_the_cache(tmp_path: Path) -> None:
    folder = pack_copy(tmp_path, "back-pelvic")
    cache = ParseCache(tmp_path / "cache")
    cache.prefetch(pack_files([folder])).wait()
    files = sorted(folder.glob("*.yaml"))
    for f in files:  # every file is now a hit, in memory and on disk
        assert cache.get(f.read_text(encoding="utf-8"))[0], f.name
    assert len(list((tmp_path / "cache").glob("*.json"))) >= len(files)
    assert load_pack(folder, cache) == load_pack(folder)
    # a second prefetch finds everything kept and starts no process
    assert cache.prefetch(pack_files([folder]))._pool is None


def test_a_file_that_does_not_parse_is_reported_by_the_loader(tmp_path: Path) -> None:
    folder = pack_copy(tmp_path)
    (folder / "findings.yaml").write_text("findings:\n  - id: [unclosed\n", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    cache.prefetch(pack_files([folder])).wait()  # no exception here
    with pytest.raises(PackError, match=r"findings.yaml: not valid YAML \(line"):
        load_pack(folder, cache)
