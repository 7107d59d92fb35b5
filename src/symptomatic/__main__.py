"""``python -m symptomatic`` runs the command-line interface."""

from symptomatic.cli import main

main()
