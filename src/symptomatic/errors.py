"""One exception hierarchy for Symptomatic.

::

    SymptomaticError
    ├── PackError                 a knowledge pack could not be loaded or is invalid
    │   └── PackNotFoundError     no pack with that id or path
    ├── EvidenceError             evidence that does not fit the knowledge base
    │   ├── UnknownFindingError   a finding id (or option) the knowledge base does not define
    │   ├── UnknownConditionError a condition id the knowledge base does not define
    │   ├── ConflictingEvidenceError  the same finding answered twice, differently
    │   └── ContradictoryAnswerError  an answer that contradicts the person (a man "pregnant")
    ├── DemographicsError         age or sex outside what the packs support
    ├── InterviewError            an interview step that cannot be taken (e.g. nothing to undo)
    ├── ArticleError              a library article whose front matter or body is invalid
    │                             (defined in symptomatic.library.loader)
    ├── VignetteFileError         a vignette file that does not follow the format
    │                             (defined in symptomatic.eval.vignettes)
    └── BackupError               a database backup or restore that could not be made
                                  (defined in symptomatic.storage.backup)

Adapters that raise their own subclasses define them beside their only caller and draw them
here, so this tree stays the one map of what can go wrong.
"""

from __future__ import annotations


class SymptomaticError(Exception):
    """Base class of every error Symptomatic raises on purpose."""


class PackError(SymptomaticError):
    """A knowledge pack could not be loaded or failed validation.

    ``problems`` lists one human-readable line per problem, each naming file and field.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems or [])
        detail = "".join(f"\n  - {p}" for p in self.problems)
        super().__init__(message + detail)


class PackNotFoundError(PackError):
    """No built-in pack with that id, and no folder at that path."""


class EvidenceError(SymptomaticError):
    """Evidence that does not fit the knowledge base."""


class UnknownFindingError(EvidenceError):
    """A finding id, or an option of a choice finding, that the knowledge base does not define."""


class UnknownConditionError(EvidenceError):
    """A condition id (e.g. a focus) that the knowledge base does not define."""


class ConflictingEvidenceError(EvidenceError):
    """The same finding given twice with different answers."""


class ContradictoryAnswerError(EvidenceError):
    """An answer that contradicts who the check is for (e.g. a man answering "pregnant")."""


class DemographicsError(SymptomaticError):
    """Age or sex outside what the knowledge base supports."""


class InterviewError(SymptomaticError):
    """An interview step that cannot be taken."""
