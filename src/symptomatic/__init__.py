"""Symptomatic: an explainable Bayesian symptom checker and medical-information library."""

__version__ = "0.1.0"
