"""What the routes share: settings, the compiled packs, the database sessions.

Built once by :func:`symptomatic.app.create_app` and stored on ``app.state.context``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from symptomatic.api.cache import LRUCache, state_key
from symptomatic.api.problems import ApiProblem
from symptomatic.engine import EngineConfig, Model
from symptomatic.interview import InterviewState, Question, next_question
from symptomatic.kb import KnowledgeBase, PackInfo, load_knowledge_base
from symptomatic.settings import Settings


@dataclass(frozen=True)
class ServedPack:
    """One configured pack, composed with its dependencies and compiled."""

    id: str
    info: PackInfo
    kb: KnowledgeBase
    model: Model


@dataclass
class AppContext:
    """Shared, read-only after start-up (the database is reached through ``sessions``)."""

    settings: Settings
    packs: dict[str, ServedPack]
    engine_config: EngineConfig
    db: Engine
    sessions: sessionmaker[Session]
    extras: dict[str, Any] = field(default_factory=dict)
    questions: LRUCache[Question | None] = field(default_factory=lambda: LRUCache(4096))

    def next_question(self, served: ServedPack, state: InterviewState) -> Question | None:
        """The next question for ``state`` (None: stop), through the shared LRU cache."""
        return self.questions.get_or_compute(
            state_key(served.id, state),
            lambda: next_question(served.model, state, self.engine_config),
        )

    @property
    def default_pack(self) -> str:
        """Id of the first configured pack."""
        return next(iter(self.packs))

    def pack(self, pack_id: str | None) -> ServedPack:
        """The served pack ``pack_id`` (the default for None); a 404 problem when not served."""
        key = pack_id or self.default_pack
        served = self.packs.get(key)
        if served is None:
            raise ApiProblem(
                404,
                "unknown-pack",
                "Unknown pack",
                f"This server does not serve a pack {key!r}; it serves: "
                f"{', '.join(self.packs)}. See GET /api/v1/packs.",
            )
        return served


def compile_packs(refs: list[str]) -> dict[str, ServedPack]:
    """Load and compile each pack reference (id or folder) once; keyed by pack id."""
    out: dict[str, ServedPack] = {}
    for ref in refs:
        kb = load_knowledge_base(ref)
        info = kb.packs[-1]  # the named pack comes after its dependencies
        out[info.id] = ServedPack(info.id, info, kb, Model.compile(kb))
    return out


def get_context(request: Request) -> AppContext:
    """FastAPI dependency: the :class:`AppContext` of the running app."""
    ctx: AppContext = request.app.state.context
    return ctx
