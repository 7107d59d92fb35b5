"""The Bayesian engine: compiled arrays, posterior, question choice, triage, explanation.

Pure NumPy, no I/O.

>>> from symptomatic.kb import load_knowledge_base  # doctest: +SKIP
>>> model = Model.compile(load_knowledge_base("back-pelvic"))  # doctest: +SKIP
>>> model.posterior("female", 48, {"low_back_pain": "present"}).ranked()[:3]  # doctest: +SKIP
"""

from symptomatic.engine.assessment import Assessor, Escalation, TriageDecision
from symptomatic.engine.config import EngineConfig
from symptomatic.engine.explain import Contribution, contributions
from symptomatic.engine.model import OTHER_CAUSE, Model, Posterior, check_age, parse_sex
from symptomatic.engine.selection import Selection, information_gain, select

ENGINE_VERSION = "1.0.0"

__all__ = [
    "ENGINE_VERSION",
    "OTHER_CAUSE",
    "Assessor",
    "Contribution",
    "EngineConfig",
    "Escalation",
    "Model",
    "Posterior",
    "Selection",
    "TriageDecision",
    "check_age",
    "contributions",
    "information_gain",
    "parse_sex",
    "select",
]
