"""Library feedback: "Was this page helpful?" answers per article.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_feedback",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("slug", sa.String(80), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
    )
    op.create_index("ix_article_feedback_created_at", "article_feedback", ["created_at"])
    op.create_index("ix_article_feedback_slug", "article_feedback", ["slug"])


def downgrade() -> None:
    op.drop_index("ix_article_feedback_slug", table_name="article_feedback")
    op.drop_index("ix_article_feedback_created_at", table_name="article_feedback")
    op.drop_table("article_feedback")
