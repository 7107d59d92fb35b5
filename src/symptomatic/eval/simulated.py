"""Simulated patients (FORMAT.md): a person who answers every question truthfully.

The truth is the vignette's lists: ``present`` -> "present", ``options`` -> the option given,
``unknown`` -> "unknown"; any other yes/no finding is "absent" and any other choice finding
"unknown" (the person has no answer to give).
"""

from __future__ import annotations

from collections.abc import Mapping

from symptomatic.engine import Model
from symptomatic.eval.vignettes import Patient
from symptomatic.interview import Answerer, Question, asked_findings


def truth(model: Model, patient: Patient, finding_id: str) -> str:
    """What ``patient`` answers about ``finding_id`` (present / absent / unknown / option id)."""
    if finding_id in patient.present:
        return "present"
    if finding_id in patient.unknown:
        return "unknown"
    chosen = dict(patient.options).get(finding_id)
    if chosen is not None:
        return chosen
    return "unknown" if model.kb.findings[finding_id].options else "absent"


def truthful(model: Model, patient: Patient) -> Answerer:
    """An answerer that answers every finding a question asks about with :func:`truth`."""

    def answerer(question: Question) -> Mapping[str, str]:
        return {fid: truth(model, patient, fid) for fid in asked_findings(question)}

    return answerer


def check_patient(model: Model, patient: Patient) -> list[str]:
    """Problems with a patient's lists against the model (unknown ids, wrong answers)."""
    problems: list[str] = []
    findings = model.kb.findings
    for fid in sorted(patient.findings - set(findings)):
        problems.append(f"unknown finding {fid!r}")
    for fid in sorted(patient.present & set(findings)):
        if findings[fid].options:
            problems.append(f"present: {fid} is a choice finding; give it under options")
    for fid, option in patient.options:
        if fid not in findings:
            continue
        ids = [o.id for o in findings[fid].options]
        if not ids:
            problems.append(f"options: {fid} is a yes/no finding; list it under present")
        elif option not in ids:
            problems.append(f"options: {fid}: {option!r} is not one of {', '.join(ids)}")
    return problems
