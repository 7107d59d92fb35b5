"""A pack set's parser is built once; long text is cut at MAX_CHARS and read sentence by
sentence (its speed is printed by bench/language.py, not timed here)."""

from __future__ import annotations

from symptomatic.language import parse, parser_for
from symptomatic.language.parser import MAX_CHARS


def test_a_pack_name_gives_the_same_parser_every_time() -> None:
    assert parser_for("back-pelvic") is parser_for("back-pelvic")
    assert parser_for(["back-pelvic", "core"]) is parser_for(("core", "back-pelvic"))


def test_text_past_the_cap_is_not_read() -> None:
    filler = "ok. " * (MAX_CHARS // 4)
    assert parse("back-pelvic", "I have a fever. " + filler).to_evidence() == {"fever": "present"}
    assert parse("back-pelvic", filler + "I have a fever.").to_evidence() == {}


def test_a_long_run_of_no_denies_nothing_and_finds_nothing() -> None:
    assert parse("back-pelvic", "no " * 2000).mentions == ()
