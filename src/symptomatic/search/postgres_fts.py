"""PostgreSQL full-text backend: a weighted ``tsvector`` column with a GIN index, queried
with ``websearch_to_tsquery`` and ranked with ``ts_rank_cd``; snippets from ``ts_headline``.

Same contract as the SQLite backend (:mod:`symptomatic.search.base`).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from symptomatic.search.base import MARK_END, MARK_START, SearchHit, highlight
from symptomatic.search.table import DocumentTable

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


class PostgresSearch(DocumentTable):
    """Full-text search over PostgreSQL ``tsvector``."""

    name = "postgres-tsvector"

    table = TABLE

    def _create(self, conn: Connection) -> None:
        for ddl in _DDL:
            conn.execute(text(ddl))

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Returns up to ``limit`` hits, best (highest score) first.

        ``ts_rank_cd`` has no notion of how rare a word is, so each query term is ranked on
        its own and weighted by a BM25-style inverse document frequency computed in the same
        statement: a word found in every article ("pain") barely counts.
        """
        plan = self._builder.plan(query)
        if plan.empty:
            return []
        terms = [*plan.words, *(f'"{p}"' for p in plan.phrases)]
        values = ", ".join(f"(:t{i}, :b{i})" for i in range(len(terms)))
        params: dict[str, object] = {f"t{i}": t for i, t in enumerate(terms)}
        # Words the person typed count fully; added synonyms and corrections count half.
        params.update({f"b{i}": 1.0 if t in plan.typed else 0.5 for i, t in enumerate(terms)})
        params.update(
            q=plan.websearch(),
            limit=limit,
            options=(
                f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, "
                "MaxFragments=1, FragmentDelimiter=…"
            ),
        )
        sql = text(
            f"WITH terms(t, boost) AS (VALUES {values}), "
            "tq AS (SELECT websearch_to_tsquery('english', t) AS q, boost::float8 AS boost "
            "  FROM terms), "
            f"n AS (SELECT count(*)::float8 AS total FROM {TABLE}), "
            "idf AS (SELECT tq.q, tq.boost * ln(1 + (n.total - m.c + 0.5) / (m.c + 0.5)) AS w "
            f"  FROM tq, n, LATERAL (SELECT count(*)::float8 AS c FROM {TABLE} "
            "  WHERE document @@ tq.q) m WHERE m.c > 0), "
            f"scored AS (SELECT s.slug, "
            f"  sum(idf.w * ts_rank_cd('{RANK_WEIGHTS}'::float4[], s.document, idf.q, 1)) AS score"
            f"  FROM {TABLE} s JOIN idf ON s.document @@ idf.q GROUP BY s.slug) "
            "SELECT s.slug, s.title, s.summary, scored.score, "
            "ts_headline('english', s.body, websearch_to_tsquery('english', :q), :options) "
            f"AS snip FROM scored JOIN {TABLE} s ON s.slug = scored.slug "
            "ORDER BY scored.score DESC, s.slug LIMIT :limit"
        )
        with self._engine.connect() as conn:
            rows = conn.execute(sql, params).all()
        return [
            SearchHit(r.slug, r.title, r.summary, float(r.score), highlight(r.snip)) for r in rows
        ]
