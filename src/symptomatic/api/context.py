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
from symptomatic.engine import Assessor, EngineConfig, Model
from symptomatic.interview import InterviewState, Question, next_question
from symptomatic.kb import (
    ALL_PACKS,
    KnowledgeBase,
    PackInfo,
    ParseCache,
    builtin_pack_ids,
    load_knowledge_base,
)
from symptomatic.settings import Settings
from symptomatic.storage import Sweeper


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
    #: Deletes what is older than the retention settings as the server runs (None: off).
    sweeper: Sweeper | None = None

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


def _prepared(model: Model) -> Model:
    """``model`` with its lazily built tables built now (and the default triage table), so
    that forked workers share them instead of building them in their first requests."""
    _ = Assessor(model.prepare()).table
    return model


def compile_packs(refs: list[str], cache: ParseCache | None = None) -> dict[str, ServedPack]:
    """Load and compile the configured packs; keyed by pack id, the default first.

    ``cache`` (see :func:`symptomatic.kb.parse_cache.from_setting`) skips parsing what was
    parsed before; without it every file is parsed. No refs (or ``"all"``): every built-in
    pack. With more than one pack, the first entry is ``"all"``, every pack composed into one
    model (the default of the API and pages), and each pack is also served on its own, so
    that ``pack`` narrows a
    check.
    """
    names = list(refs) or [ALL_PACKS]
    if ALL_PACKS in names:
        names = [n for n in names if n != ALL_PACKS]
        names += [p for p in builtin_pack_ids() if p not in names]
    singles: dict[str, ServedPack] = {}
    for ref in names:
        kb = load_knowledge_base(ref, cache=cache)
        info = kb.packs[-1]  # the named pack comes after its dependencies
        singles[info.id] = ServedPack(info.id, info, kb, _prepared(Model.compile(kb)))
    # a pack that another configured pack depends on is not served on its own (core), unless it
    # covers complaints of its own (back-pelvic, which chest-heart depends on for shared
    # conditions, is still a check of its own)
    needed = {
        p.id
        for sp in singles.values()
        for p in sp.kb.packs[:-1]
        if p.id not in singles or singles[p.id].kb.metas[p.id].scope is None
    }
    singles = {pid: sp for pid, sp in singles.items() if pid not in needed}
    if len(singles) <= 1:
        return singles
    kb = load_knowledge_base(*names, cache=cache)
    draft = any(p.review_status != "reviewed" for p in kb.packs)
    info = PackInfo(
        ALL_PACKS,
        "Every complaint",
        "+".join(f"{p.id}-{p.version}" for p in kb.packs),
        "draft" if draft else "reviewed",
    )
    return {ALL_PACKS: ServedPack(ALL_PACKS, info, kb, _prepared(Model.compile(kb))), **singles}


def get_context(request: Request) -> AppContext:
    """FastAPI dependency: the :class:`AppContext` of the running app."""
    ctx: AppContext = request.app.state.context
    return ctx
