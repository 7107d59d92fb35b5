"""SQLite FTS5 backend: bm25 ranking, porter stemming, highlighted snippets.

The index is a contentful FTS5 table rebuilt from the shipped articles at start-up; it holds
no user data. Column weights favour the title, then keywords and summary, then the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, text

from symptomatic.search.base import MARK_END, MARK_START, SearchDocument, SearchHit, highlight
from symptomatic.search.query import QueryBuilder
from symptomatic.search.synonyms import SynonymTable, tokens

TABLE = "library_search_fts"
# bm25 weights for (slug, title, summary, keywords, body); slug is UNINDEXED.
WEIGHTS = (0.0, 10.0, 3.0, 5.0, 1.0)


class SQLiteSearch:
    """Full-text search over an SQLite database with FTS5."""

    name = "sqlite-fts5"

    def __init__(self, engine: Engine, synonyms: SynonymTable | None = None) -> None:
        self._engine = engine
        self._synonyms = synonyms or SynonymTable()
        self._builder = QueryBuilder((), self._synonyms)

    def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        """Create the FTS5 table if needed and replace its rows with ``documents``."""
        with self._engine.begin() as conn:
            conn.execute(
                text(
                    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                    "slug UNINDEXED, title, summary, keywords, body, "
                    "tokenize = 'porter unicode61 remove_diacritics 2')"
                )
            )
            conn.execute(text(f"DELETE FROM {TABLE}"))
            conn.execute(
                text(
                    f"INSERT INTO {TABLE} (slug, title, summary, keywords, body) "
                    "VALUES (:slug, :title, :summary, :keywords, :body)"
                ),
                [vars(d) for d in documents],
            )
        vocabulary = {w for d in documents for f in vars(d).values() for w in tokens(f)}
        self._builder = QueryBuilder(vocabulary, self._synonyms)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Returns up to ``limit`` hits, best (highest score) first."""
        plan = self._builder.plan(query)
        if plan.empty:
            return []
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = text(
            f"SELECT slug, title, summary, -bm25({TABLE}, {weights}) AS score, "
            f"snippet({TABLE}, 4, :start, :end, '…', 24) AS snip "
            f"FROM {TABLE} WHERE {TABLE} MATCH :match "
            "ORDER BY score DESC, slug LIMIT :limit"
        )
        params = {"match": plan.fts5(), "start": MARK_START, "end": MARK_END, "limit": limit}
        with self._engine.connect() as conn:
            rows = conn.execute(sql, params).all()
        return [
            SearchHit(r.slug, r.title, r.summary, float(r.score), highlight(r.snip)) for r in rows
        ]
