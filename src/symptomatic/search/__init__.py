"""Library search: one results contract, two backends (SQLite FTS5, PostgreSQL tsvector).

>>> search = make_search(engine, synonyms)   # doctest: +SKIP
>>> search.rebuild(documents_from_library(load_library()))   # doctest: +SKIP
>>> search.search("smear test")[0].slug   # doctest: +SKIP
'cervical-screening-and-hpv'
"""

from __future__ import annotations

from sqlalchemy import Engine

from symptomatic.search.base import SearchBackend, SearchDocument, SearchHit
from symptomatic.search.documents import documents_from_library
from symptomatic.search.postgres_fts import PostgresSearch
from symptomatic.search.sqlite_fts import SQLiteSearch
from symptomatic.search.synonyms import SynonymTable, build_synonyms, load_pack_synonyms

__all__ = [
    "PostgresSearch",
    "SQLiteSearch",
    "SearchBackend",
    "SearchDocument",
    "SearchHit",
    "SynonymTable",
    "build_synonyms",
    "documents_from_library",
    "load_pack_synonyms",
    "make_search",
]


def make_search(engine: Engine, synonyms: SynonymTable | None = None) -> SearchBackend:
    """Returns the backend for the engine's database: PostgreSQL full-text search on
    PostgreSQL, SQLite FTS5 otherwise."""
    if engine.dialect.name == "postgresql":
        return PostgresSearch(engine, synonyms)
    return SQLiteSearch(engine, synonyms)
