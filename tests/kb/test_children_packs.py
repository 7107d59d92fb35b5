"""Pack rules for children: findings set from a baby's age in months, rules that use them,
wording per audience, and the ages the packs cover (on the child-fever fixture)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.conftest import CHILD_PACK

from symptomatic.errors import PackError
from symptomatic.kb import compose, load_knowledge_base, load_pack, load_with_dependencies, validate
from symptomatic.kb.schema import Audience, CareLevel


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    dest = tmp_path / "child-fever"
    shutil.copytree(CHILD_PACK, dest)
    return dest


def edit(folder: Path, name: str, fn: Any) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text())
    fn(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_the_fixture_and_core_are_valid() -> None:
    kb = load_knowledge_base(CHILD_PACK)
    assert validate(kb).ok
    assert kb.findings["age_under_3_months"].age_months == (0, 2)
    assert kb.ages_covered == "0 to 15"
    # core words every level for a parent and for someone else
    for audience in Audience:
        for level in CareLevel:
            text = kb.spoken_to(audience.value, level)
            assert text is not None and text.title and text.advice and text.safety_net
    assert kb.spoken_to("self", CareLevel.URGENT) is None


def test_a_finding_set_from_months_is_never_asked(pack_dir: Path) -> None:
    def add(data: dict[str, Any]) -> None:
        data["findings"].append(
            {"id": "newborn", "name": "Newborn", "question": "Newborn?", "age_months": [0, 0]}
        )

    edit(pack_dir, "findings.yaml", add)
    with pytest.raises(PackError) as exc:
        load_pack(pack_dir)
    assert any("askable: false" in p for p in exc.value.problems)


def test_a_rule_cannot_rely_on_a_months_finding_being_absent(pack_dir: Path) -> None:
    def add(data: dict[str, Any]) -> None:
        data["red_flags"].append(
            {
                "id": "fever_over_3_months",
                "when": {"all": ["fever", {"not": "age_under_3_months"}]},
                "level": "urgent",
                "message": "A fever after 3 months of age.",
                "source": "FIXTURE",
            }
        )

    edit(pack_dir, "red_flags.yaml", add)
    errors = validate(compose(load_with_dependencies(pack_dir))).errors
    assert any(
        "fever_over_3_months" in e and "cannot rely on it being absent" in e for e in errors
    ), errors


def test_wording_for_an_audience_composes_first_pack_first(pack_dir: Path) -> None:
    def own(data: dict[str, Any]) -> None:
        data["advice_for"] = {"child": {"urgent": {"title": "Fixture title for a parent"}}}

    edit(pack_dir, "pack.yaml", own)
    kb = load_knowledge_base(pack_dir)
    text = kb.spoken_to("child", CareLevel.URGENT)
    assert text is not None and text.title == "Urgent: your child needs to see a doctor today"
