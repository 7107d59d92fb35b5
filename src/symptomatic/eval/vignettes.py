"""Vignette files (``version: 1``; see ``shared/vignettes/FORMAT.md``): model and loader.

Errors name the file, the vignette (by position and id) and the key, e.g.
``cases.yaml: vignettes[3] (D04): triage: 'soonish' is not one of emergency, urgent, ...``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from symptomatic.errors import SymptomaticError
from symptomatic.kb.schema import CareLevel

LEVELS = ", ".join(level.value for level in CareLevel)
#: The keys that make a vignette a simulated patient.
SIMULATED_KEYS = ("present", "options", "unknown")


class VignetteFileError(SymptomaticError):
    """A vignette file that cannot be read or does not follow the format.

    ``problems`` lists one line per problem found (all of them, not just the first).
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems or [])
        super().__init__(message + "".join(f"\n  - {p}" for p in self.problems))


@dataclass(frozen=True)
class Patient:
    """The truth a simulated patient answers from (FORMAT.md): the findings they have, their
    answer to choice questions, and the findings they cannot answer. Everything else is no.
    """

    present: frozenset[str] = frozenset()
    options: tuple[tuple[str, str], ...] = ()  # (finding id, option id), sorted
    unknown: frozenset[str] = frozenset()

    @property
    def findings(self) -> frozenset[str]:
        """Every finding id the patient's lists name."""
        return self.present | self.unknown | {fid for fid, _ in self.options}


@dataclass(frozen=True)
class Vignette:
    """One patient: their words, and the answer a careful clinician would give.

    ``dx`` holds ICD-10 codes (empty = scored on triage only); ``triage`` the gold level
    (None = scored on diagnosis only); ``triage_ok`` the acceptable levels, always with
    ``triage`` among them. ``patient`` is set for a simulated patient (any of ``present``,
    ``options``, ``unknown`` given), None for a parse-only vignette.
    """

    id: str
    age: int
    sex: str
    text: str
    dx: tuple[str, ...] = ()
    triage: CareLevel | None = None
    triage_ok: tuple[CareLevel, ...] = ()
    patient: Patient | None = None
    #: A baby's age in whole months (``age_months // 12 == age``); needed under 1 year when
    #: the packs set findings from the age in months (e.g. "a baby under 3 months").
    age_months: int | None = None

    @property
    def mode(self) -> str:
        """How the vignette is run: ``simulated`` (answers every question) or ``parse-only``."""
        return "parse-only" if self.patient is None else "simulated"


def _level(value: Any, where: str, problems: list[str]) -> CareLevel | None:
    try:
        return CareLevel(value)
    except ValueError:
        problems.append(f"{where}: {value!r} is not one of {LEVELS}")
        return None


def _ids(raw: Any, key: str, where: str, problems: list[str]) -> list[str]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(f"{where}: {key}: expected a list of finding ids")
        return []
    return list(value)


def _patient(raw: dict[str, Any], where: str, problems: list[str]) -> Patient | None:
    """The simulated patient of a vignette, or None when it gives none of the three keys."""
    if not any(key in raw for key in SIMULATED_KEYS):
        return None
    present = _ids(raw, "present", where, problems)
    unknown = _ids(raw, "unknown", where, problems)
    options_raw = raw.get("options") or {}
    options: dict[str, str] = {}
    if not isinstance(options_raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in options_raw.items()
    ):
        problems.append(f"{where}: options: expected a mapping finding id -> option id")
    else:
        options = dict(options_raw)
    seen: dict[str, str] = {}
    for key, ids in (("present", present), ("options", list(options)), ("unknown", unknown)):
        for fid in ids:
            if fid in seen:
                problems.append(f"{where}: {key}: {fid!r} is also in {seen[fid]}")
            seen.setdefault(fid, key)
    return Patient(frozenset(present), tuple(sorted(options.items())), frozenset(unknown))


def _vignette(raw: Any, where: str, problems: list[str]) -> Vignette | None:
    """One vignette from its YAML mapping, or None after adding its problems."""
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected a mapping with id, age, sex, text")
        return None
    start = len(problems)
    vid = raw.get("id")
    if vid is None or str(vid).strip() == "":
        problems.append(f"{where}: id: missing")
    else:
        where = f"{where} ({vid})"
    age = raw.get("age")
    if isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 130:
        problems.append(f"{where}: age: expected whole years 0-130, got {age!r}")
    months = raw.get("age_months")
    if months is not None and (
        isinstance(months, bool)
        or not isinstance(months, int)
        or months < 0
        or (isinstance(age, int) and months // 12 != age)
    ):
        problems.append(
            f"{where}: age_months: expected whole months matching age {age!r}, got {months!r}"
        )
    sex = raw.get("sex")
    if sex not in ("female", "male"):
        problems.append(f"{where}: sex: expected 'female' or 'male', got {sex!r}")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: text: missing or empty")
    dx_raw = raw.get("dx", [])
    if isinstance(dx_raw, str):
        dx_raw = [dx_raw]
    dx: list[str] = []
    if not isinstance(dx_raw, list):
        problems.append(f"{where}: dx: expected a list of ICD-10 codes")
    else:
        for code in dx_raw:
            norm = str(code).strip().upper()
            if len(norm.replace(".", "")) < 3:
                problems.append(f"{where}: dx: {code!r} is shorter than 3 characters")
            dx.append(norm)
    triage = None
    if raw.get("triage") is not None:
        triage = _level(raw["triage"], f"{where}: triage", problems)
    ok_raw = raw.get("triage_ok")
    ok: list[CareLevel] = []
    if ok_raw is not None:
        if not isinstance(ok_raw, list) or not ok_raw:
            problems.append(f"{where}: triage_ok: expected a non-empty list of levels")
        else:
            for item in ok_raw:
                level = _level(item, f"{where}: triage_ok", problems)
                if level is not None:
                    ok.append(level)
            if triage is not None and triage not in ok:
                problems.append(f"{where}: triage_ok: must include triage {triage.value!r}")
        if raw.get("triage") is None:
            problems.append(f"{where}: triage_ok: given without triage")
    elif triage is not None:
        ok = [triage]
    if not dx and raw.get("triage") is None:
        problems.append(f"{where}: needs dx, triage, or both")
    patient = _patient(raw, where, problems)
    if len(problems) > start:
        return None
    return Vignette(
        id=str(vid),
        age=int(age),  # type: ignore[arg-type]
        sex=str(sex),
        text=str(text).strip(),
        dx=tuple(dx),
        triage=triage,
        triage_ok=tuple(ok),
        patient=patient,
        age_months=None if months is None else int(months),
    )


def parse_vignettes(data: Any, name: str = "<vignettes>") -> list[Vignette]:
    """Vignettes from already-loaded YAML data; raises :class:`VignetteFileError`."""
    if not isinstance(data, dict):
        raise VignetteFileError(f"{name}: expected a mapping with 'version: 1' and 'vignettes'")
    if data.get("version") != 1:
        raise VignetteFileError(
            f"{name}: version: expected 1, got {data.get('version')!r}",
        )
    items = data.get("vignettes")
    if not isinstance(items, list) or not items:
        raise VignetteFileError(f"{name}: vignettes: expected a non-empty list")
    problems: list[str] = []
    out: list[Vignette] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(items):
        vig = _vignette(raw, f"{name}: vignettes[{i}]", problems)
        if vig is None:
            continue
        if vig.id in seen:
            problems.append(
                f"{name}: vignettes[{i}] ({vig.id}): id: duplicate of vignettes[{seen[vig.id]}]"
            )
            continue
        seen[vig.id] = i
        out.append(vig)
    if problems:
        raise VignetteFileError(f"{name}: {len(problems)} problem(s)", problems)
    return out


def load_vignettes(path: str | Path) -> list[Vignette]:
    """Read and check a vignette file; raises :class:`VignetteFileError` listing every problem."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VignetteFileError(f"{p}: file not found") from exc
    except OSError as exc:
        raise VignetteFileError(f"{p}: cannot be read ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise VignetteFileError(f"{p.name}: not valid YAML{where}") from exc
    return parse_vignettes(data, p.name)
