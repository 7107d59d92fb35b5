"""SQLite FTS5 backend: bm25 ranking, porter stemming, highlighted snippets.

The index is a contentful FTS5 table rebuilt from the shipped articles at start-up; it holds
no user data. Column weights favour the title, then keywords and summary, then the body.
"""

from __future__ import annotations

import math

from sqlalchemy import Connection, text

from symptomatic.search.base import MARK_END, MARK_START, SearchHit, highlight
from symptomatic.search.table import DocumentTable

TABLE = "library_search_fts"
# bm25 weights for (slug, title, summary, keywords, body); slug is UNINDEXED.
WEIGHTS = (0.0, 10.0, 3.0, 5.0, 1.0)


class SQLiteSearch(DocumentTable):
    """Full-text search over an SQLite database with FTS5."""

    name = "sqlite-fts5"

    table = TABLE

    def _create(self, conn: Connection) -> None:
        conn.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                "slug UNINDEXED, title, summary, keywords, body, "
                "tokenize = 'porter unicode61 remove_diacritics 2')"
            )
        )

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Returns up to ``limit`` hits, best (highest score) first.

        FTS5's ``bm25()`` floors the weight of any word found in more than half of the rows
        at 1e-6, which on a small library makes "back" and "pain" tie with rare words. So
        each term is ranked on its own: its bm25 divided by FTS5's idf gives the term
        frequency part (column weights and length normalisation included), which is then
        multiplied by the always-positive BM25 idf ``ln(1 + (N - n + 0.5) / (n + 0.5))``.
        The person's own words count fully, added synonyms half (as on PostgreSQL).
        """
        plan = self._builder.plan(query)
        if plan.empty:
            return []
        weights = ", ".join(str(w) for w in WEIGHTS)
        per_term = text(
            f"SELECT slug, -bm25({TABLE}, {weights}) AS b FROM {TABLE} WHERE {TABLE} MATCH :match"
        )
        scores: dict[str, float] = {}
        with self._engine.connect() as conn:
            total = conn.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar_one()
            for term in (*plan.words, *plan.phrases):
                rows = conn.execute(per_term, {"match": f'"{term}"'}).all()
                if not rows:
                    continue
                ratio = (total - len(rows) + 0.5) / (len(rows) + 0.5)
                fts_idf = max(1e-6, math.log(ratio))
                idf = math.log(1.0 + ratio)
                boost = 1.0 if term in plan.typed else 0.5
                for slug, b in rows:
                    scores[slug] = scores.get(slug, 0.0) + boost * idf * float(b) / fts_idf
            best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            if not best:
                return []
            marks = ", ".join(f":s{i}" for i in range(len(best)))
            rows = conn.execute(
                text(
                    f"SELECT slug, title, summary, "
                    f"snippet({TABLE}, 4, :start, :end, '…', 24) AS snip "
                    f"FROM {TABLE} WHERE {TABLE} MATCH :match AND slug IN ({marks})"
                ),
                {
                    "match": plan.fts5(),
                    "start": MARK_START,
                    "end": MARK_END,
                    **{f"s{i}": slug for i, (slug, _) in enumerate(best)},
                },
            ).all()
        found = {r.slug: r for r in rows}
        return [
            SearchHit(
                slug, found[slug].title, found[slug].summary, score, highlight(found[slug].snip)
            )
            for slug, score in best
            if slug in found
        ]
