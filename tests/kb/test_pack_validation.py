"""Broken packs: errors name the file and the field; `packs check` exits non-zero."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from symptomatic.engine import Model
from symptomatic.errors import PackError, PackNotFoundError
from symptomatic.kb import compose, load_knowledge_base, load_pack, load_with_dependencies, validate

TINY = Path(__file__).parents[1] / "fixtures" / "packs" / "tiny"


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    dest = tmp_path / "tiny"
    shutil.copytree(TINY, dest)
    return dest


def edit(folder: Path, name: str, fn) -> None:
    path = folder / name
    data = yaml.safe_load(path.read_text())
    fn(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def errors_of(folder: Path) -> list[str]:
    return validate(compose(load_with_dependencies(folder))).errors


def test_fixture_is_valid():
    assert validate(load_knowledge_base(str(TINY))).ok


def test_schema_error_names_file_and_field(pack_dir):
    edit(pack_dir, "conditions.yaml", lambda d: d["conditions"][1]["prior"][0].update(rate=-2))
    with pytest.raises(PackError) as exc:
        load_pack(pack_dir)
    assert any("conditions.yaml: conditions[1].prior[0].rate" in p for p in exc.value.problems)


def test_old_probability_prior_is_rejected(pack_dir):
    # priors are rates per 1,000 person-years only (docs/packs.md 2): no second unit
    def to_p(d):
        band = d["conditions"][0]["prior"][0]
        band["p"] = band.pop("rate") / 1000

    edit(pack_dir, "conditions.yaml", to_p)
    with pytest.raises(PackError) as exc:
        load_pack(pack_dir)
    assert any("prior[0].p" in p for p in exc.value.problems)


def _second_pack(root: Path, likelihoods: list[dict]) -> Path:
    """A pack depending on tiny that states likelihoods for tiny's findings."""
    extra = root / "extra"
    extra.mkdir()
    (extra / "pack.yaml").write_text(
        yaml.safe_dump(
            {
                "id": "extra",
                "name": "Extra",
                "version": "1.0.0",
                "depends": ["tiny"],
                "references": {"X1": {"citation": "Extra fixture reference."}},
            }
        )
    )
    for name, key in (("conditions", "conditions"), ("findings", "findings")):
        (extra / f"{name}.yaml").write_text(yaml.safe_dump({key: []}))
    (extra / "red_flags.yaml").write_text(yaml.safe_dump({"red_flags": []}))
    (extra / "likelihoods.yaml").write_text(yaml.safe_dump({"likelihoods": likelihoods}))
    return extra


def test_default_is_stated_once_by_the_defining_pack(pack_dir):
    extra = _second_pack(
        pack_dir.parent,
        [{"finding": "fever", "default": {"p": 0.3, "source": "X1"}, "conditions": {}}],
    )
    with pytest.raises(PackError) as exc:
        compose([load_pack(pack_dir), load_pack(extra)])
    assert any("only its defining pack 'tiny' states its default" in p for p in exc.value.problems)


def test_second_pack_adds_entries_and_keeps_the_default(pack_dir):
    extra = _second_pack(
        pack_dir.parent,
        [{"finding": "fever", "conditions": {"sciatica": {"p": 0.07, "source": "X1"}}}],
    )
    kb = compose([load_pack(pack_dir), load_pack(extra)])
    table = kb.likelihoods["fever"]
    assert table.default is not None and table.default.p == 0.05  # tiny's own
    assert table.conditions["sciatica"].p == 0.07
    assert table.conditions["kidney_stone"].p == 0.1
    assert validate(kb).ok


def test_compile_rejects_probabilities_outside_0_1(pack_dir):
    # the loader's validation is bypassed (check=False): Model.compile must still refuse
    edit(
        pack_dir,
        "likelihoods.yaml",
        lambda d: d["likelihoods"][1]["conditions"].update(sciatica={"p": 1.0, "source": "T1"}),
    )
    kb = load_knowledge_base(str(pack_dir), check=False)
    with pytest.raises(PackError) as exc:
        Model.compile(kb)
    assert any("'leg_pain', condition 'sciatica'" in p for p in exc.value.problems)


def test_compile_rejects_priors_summing_to_one(pack_dir):
    edit(pack_dir, "conditions.yaml", lambda d: d["conditions"][0]["prior"][0].update(rate=900_000))
    kb = load_knowledge_base(str(pack_dir), check=False)
    with pytest.raises(PackError) as exc:
        Model.compile(kb)
    assert any("priors for" in p and "sum to" in p for p in exc.value.problems)


def test_parent_must_exist_and_not_loop(pack_dir):
    def link(d):
        d["findings"][1]["parent"] = "nope"
        d["findings"][2]["parent"] = "fever"
        d["findings"][3]["parent"] = "saddle_numbness"

    edit(pack_dir, "findings.yaml", link)
    errs = errors_of(pack_dir)
    assert any("leg_pain.parent: unknown finding 'nope'" in e for e in errs)
    assert any("saddle_numbness.parent: the parent chain loops" in e for e in errs)


def test_unknown_key_is_an_error(pack_dir):
    edit(pack_dir, "findings.yaml", lambda d: d["findings"][0].update(questoin="typo"))
    with pytest.raises(PackError) as exc:
        load_pack(pack_dir)
    assert any("findings[0].questoin" in p for p in exc.value.problems)


def test_yaml_syntax_error_has_line(pack_dir):
    (pack_dir / "red_flags.yaml").write_text("red_flags:\n  - id: [unclosed\n")
    with pytest.raises(PackError, match=r"red_flags.yaml: not valid YAML \(line"):
        load_pack(pack_dir)


def test_unresolved_ids(pack_dir):
    edit(
        pack_dir,
        "likelihoods.yaml",
        lambda d: d["likelihoods"][0]["conditions"].update(ghost={"p": 0.5, "source": "T1"}),
    )
    edit(pack_dir, "red_flags.yaml", lambda d: d["red_flags"][0].update(when="phantom"))
    errs = errors_of(pack_dir)
    assert any("low_back_pain.conditions.ghost: unknown condition" in e for e in errs)
    assert any("cauda_equina_signs.when: unknown finding 'phantom'" in e for e in errs)


def test_probability_bounds_and_sums(pack_dir):
    def bad(d):
        d["likelihoods"][1]["default"]["p"] = 1.0
        d["likelihoods"][6]["conditions"]["kidney_stone"]["p"] = {"sudden": 0.9, "gradual": 0.5}

    edit(pack_dir, "likelihoods.yaml", bad)
    errs = errors_of(pack_dir)
    assert any("leg_pain.default.p: 1.0 is outside (0, 1)" in e for e in errs)
    assert any("sum to 1.400" in e for e in errs)


def test_number_without_source(pack_dir):
    def strip(d):
        del d["likelihoods"][0]["default"]["source"]
        d["likelihoods"][0]["conditions"]["sciatica"]["source"] = "NOPE"

    edit(pack_dir, "likelihoods.yaml", strip)
    errs = errors_of(pack_dir)
    assert any("low_back_pain.default: a number without a source" in e for e in errs)
    assert any("source 'NOPE' is not a reference" in e for e in errs)


def test_unreachable_finding(pack_dir):
    def cycle(d):
        d["findings"][1]["applies_to"] = {"requires": ["fever"]}
        d["findings"][3]["applies_to"] = {"requires": ["leg_pain"]}

    edit(pack_dir, "findings.yaml", cycle)
    errs = errors_of(pack_dir)
    assert any("leg_pain.applies_to: unreachable" in e for e in errs)
    assert any("fever.applies_to: unreachable" in e for e in errs)


def test_indistinguishable_conditions(pack_dir):
    def twin(d):
        clone = dict(d["conditions"][0])
        clone["id"] = "mechanical_twin"
        d["conditions"].append(clone)

    edit(pack_dir, "conditions.yaml", twin)
    edit(
        pack_dir,
        "likelihoods.yaml",
        lambda d: [t["conditions"].pop("mechanical_lbp", None) for t in d["likelihoods"]],
    )
    errs = errors_of(pack_dir)
    assert any("no finding tells it apart" in e for e in errs)


def test_invalid_icd10(pack_dir):
    edit(pack_dir, "conditions.yaml", lambda d: d["conditions"][0].update(icd10=["M48.06"]))
    assert any("'M48.06' is not a valid ICD-10" in e for e in errors_of(pack_dir))


def test_missing_pack():
    with pytest.raises(PackNotFoundError):
        load_pack("no-such-pack")


def test_invalid_snomed_ids_name_file_and_field(pack_dir):
    edit(pack_dir, "conditions.yaml", lambda d: d["conditions"][1].update(snomed="23056007"))
    edit(pack_dir, "findings.yaml", lambda d: d["findings"][3].update(snomed="386661016"))
    errs = errors_of(pack_dir)
    assert any(
        e.startswith("tiny/conditions.yaml: sciatica.snomed: '23056007'") and "check digit" in e
        for e in errs
    ), errs
    assert any(
        e.startswith("tiny/findings.yaml: fever.snomed: '386661016'") and "partition" in e
        for e in errs
    ), errs


def test_a_screen_condition_names_known_findings(pack_dir):
    edit(pack_dir, "screens.yaml", lambda d: d["screens"][0].update(when={"all": ["no_such"]}))
    assert any(
        "back_pain_warning_signs.when: unknown finding 'no_such'" in e for e in errors_of(pack_dir)
    )


WORDING = {"text": "{condition}: any of these?", "text_child": "{condition}: your child?"}


def _sign(pack: Path, signs: list[str], condition: int = 0, wording: dict | None = None) -> None:
    """Give condition ``condition`` of the tiny pack ``signs``; word the question if asked."""
    edit(pack, "conditions.yaml", lambda d: d["conditions"][condition].update(warning_signs=signs))
    if wording is not None:
        edit(pack, "pack.yaml", lambda d: d.update(warning_signs_question=wording))


def test_warning_signs_are_known_askable_findings_for_the_condition(pack_dir):
    _sign(pack_dir, ["saddle_numbness", "fever"], wording=WORDING)
    kb = load_knowledge_base(str(pack_dir))
    assert validate(kb).ok
    assert kb.conditions["mechanical_lbp"].warning_signs == ["saddle_numbness", "fever"]
    assert kb.warning_signs_question is not None
    assert kb.warning_signs_question.worded("child", "Back strain") == "Back strain: your child?"
    _sign(pack_dir, ["saddle_numbness", "no_such_sign"])
    edit(pack_dir, "findings.yaml", lambda d: d["findings"][3].update(askable=False))  # fever
    _sign(pack_dir, ["fever"], condition=1)
    # endometriosis applies to women only: a finding for men only is never its warning sign
    edit(pack_dir, "findings.yaml", lambda d: d["findings"][1].update(applies_to={"sex": "male"}))
    _sign(pack_dir, ["leg_pain"], condition=4)
    errors = errors_of(pack_dir)
    assert any(
        "tiny/conditions.yaml: mechanical_lbp.warning_signs: unknown finding 'no_such_sign'" in e
        for e in errors
    )
    assert any("sciatica.warning_signs: 'fever' is never asked" in e for e in errors)
    assert any("endometriosis.warning_signs: 'leg_pain' applies to no one" in e for e in errors)


def test_warning_signs_need_the_wording_of_their_question(pack_dir):
    _sign(pack_dir, ["saddle_numbness"])
    assert any("warning_signs_question: missing" in e for e in errors_of(pack_dir))


@pytest.mark.parametrize(
    ("file", "change", "field"),
    [
        ("conditions.yaml", ["fever", "fever"], "conditions[0].warning_signs"),
        ("conditions.yaml", ["Not An Id"], "conditions[0].warning_signs[0]"),
        ("pack.yaml", {"text": "{name}: any of these?"}, "warning_signs_question"),
    ],
)
def test_bad_warning_signs_are_schema_errors(pack_dir, file, change, field):
    if file == "pack.yaml":
        edit(pack_dir, file, lambda d: d.update(warning_signs_question=change))
    else:
        _sign(pack_dir, change)
    with pytest.raises(PackError) as exc:
        load_pack(pack_dir)
    assert any(p.startswith(f"{file}: {field}") for p in exc.value.problems), exc.value.problems


def test_a_duration_needs_no_synonyms_but_a_yes_no_finding_does(pack_dir):
    """A duration is read from any length of time said, so it is not warned of for having no
    synonyms; a yes/no finding with none is (free text cannot find it)."""

    def add(d):
        d["findings"].append(
            {
                "id": "ache_length",
                "name": "How long the ache has lasted",
                "question": "How long have you had the ache?",
                "type": "duration",
                "options": [
                    {"id": "short", "label": "Less than a week"},
                    {"id": "long", "label": "A week or more"},
                ],
            }
        )
        d["findings"].append(
            {"id": "odd_itch", "name": "An odd itch", "question": "Do you have an odd itch?"}
        )

    edit(pack_dir, "findings.yaml", add)
    warnings = validate(compose(load_with_dependencies(pack_dir))).warnings
    assert any("odd_itch.synonyms: none" in w for w in warnings)
    assert not any("ache_length.synonyms" in w for w in warnings)
