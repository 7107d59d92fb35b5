"""What the two full-text backends share: one table of documents, refilled on rebuild.

A backend subclasses :class:`DocumentTable`, names its ``table`` and creates it (with its
index) in :meth:`DocumentTable._create`; rebuilding, the query builder and its vocabulary of
indexed words are the same for SQLite FTS5 and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine, text

from symptomatic.search.base import SearchDocument
from symptomatic.search.query import QueryBuilder
from symptomatic.search.synonyms import SynonymTable, tokens


class DocumentTable:
    """Base of the search backends: the engine, the synonyms and the rows of one table."""

    table: str

    def __init__(self, engine: Engine, synonyms: SynonymTable | None = None) -> None:
        self._engine = engine
        self._synonyms = synonyms or SynonymTable()
        self._builder = QueryBuilder((), self._synonyms)

    def _create(self, conn: Connection) -> None:
        """Create the table and its index if they do not exist yet."""
        raise NotImplementedError

    def rebuild(self, documents: Sequence[SearchDocument]) -> None:
        """Create the table if needed and replace its rows with ``documents``."""
        with self._engine.begin() as conn:
            self._create(conn)
            conn.execute(text(f"DELETE FROM {self.table}"))
            conn.execute(
                text(
                    f"INSERT INTO {self.table} (slug, title, summary, keywords, body) "
                    "VALUES (:slug, :title, :summary, :keywords, :body)"
                ),
                [vars(d) for d in documents],
            )
        vocabulary = {w for d in documents for f in vars(d).values() for w in tokens(f)}
        self._builder = QueryBuilder(vocabulary, self._synonyms)
