"""PostgreSQL full-text backend: a weighted ``tsvector`` column with a GIN index, queried
with ``websearch_to_tsquery`` and ranked with ``ts_rank_cd``; snippets from ``ts_headline``.

Same contract as the SQLite backend (:mod:`symptomatic.search.base`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, text

from symptomatic.search.base import MARK_END, MARK_START, SearchDocument, SearchHit, highlight
from symptomatic.search.query import QueryBuilder
from symptomatic.search.synonyms import SynonymTable, tokens

TABLE = "library_search_pg"
_DDL = (
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        slug text PRIMARY KEY,
        title text NOT NULL,
        summary text NOT NULL,
        keywords text NOT NULL,
        body text NOT NULL,
        document tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('english', title), 'A') ||
            setweight(to_tsvector('english', keywords), 'B') ||
            setweight(to_tsvector('english', summary), 'C') ||
            setweight(to_tsvector('english', body), 'D')
        ) STORED
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_document_gin ON {TABLE} USING gin (document)",
)
# ts_rank_cd weights for D, C, B, A (body, summary, keywords, title).
RANK_WEIGHTS = "{0.1, 0.3, 0.5, 1.0}"


class PostgresSearch:
    """Full-text search over PostgreSQL ``tsvector``."""

    name = "postgres-tsvector"

    def __init__(self, engine: Engine, synonyms: SynonymTable | None = None) -> None:
        self._engine = engine
        self._synonyms = synonyms or SynonymTable()
        self._builder = QueryBuilder((), self._synonyms)

    def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        """Create the table and GIN index if needed and replace the rows with ``documents``."""
        with self._engine.begin() as conn:
            for ddl in _DDL:
                conn.execute(text(ddl))
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
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
            "MaxFragments=1, FragmentDelimiter=…"
        )
        sql = text(
            "WITH q AS (SELECT websearch_to_tsquery('english', :q) AS query) "
            f"SELECT slug, title, summary, "
            f"ts_rank_cd('{RANK_WEIGHTS}'::float4[], document, q.query, 1) AS score, "
            "ts_headline('english', body, q.query, :options) AS snip "
            f"FROM {TABLE}, q WHERE document @@ q.query "
            "ORDER BY score DESC, slug LIMIT :limit"
        )
        params = {"q": plan.websearch(), "options": options, "limit": limit}
        with self._engine.connect() as conn:
            rows = conn.execute(sql, params).all()
        return [
            SearchHit(r.slug, r.title, r.summary, float(r.score), highlight(r.snip)) for r in rows
        ]
