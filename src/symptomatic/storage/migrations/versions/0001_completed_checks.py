"""Completed checks (anonymous, for quality review) and interview steps.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "completed_checks",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("step_token", sa.String(64), nullable=True, unique=True),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("packs", sa.JSON(), nullable=False),
        sa.Column("engine_version", sa.String(32), nullable=False),
        sa.Column("sex", sa.String(8), nullable=False),
        sa.Column("age_band", sa.String(8), nullable=False),
        sa.Column("focus", sa.String(64), nullable=True),
        sa.Column("triage_level", sa.String(16), nullable=False),
        sa.Column("red_flags", sa.JSON(), nullable=False),
        sa.Column("top_conditions", sa.JSON(), nullable=False),
        sa.Column("questions_asked", sa.Integer(), nullable=False),
        sa.Column("free_text", sa.Text(), nullable=True),
    )
    op.create_index("ix_completed_checks_created_at", "completed_checks", ["created_at"])
    op.create_index("ix_completed_checks_triage_level", "completed_checks", ["triage_level"])
    op.create_table(
        "check_steps",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("parent", sa.String(64), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("pack", sa.String(64), nullable=False),
        sa.Column("state_json", sa.Text(), nullable=False),
        sa.Column("free_text", sa.Text(), nullable=True),
    )
    op.create_index("ix_check_steps_created_at", "check_steps", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_check_steps_created_at", table_name="check_steps")
    op.drop_table("check_steps")
    op.drop_index("ix_completed_checks_triage_level", table_name="completed_checks")
    op.drop_index("ix_completed_checks_created_at", table_name="completed_checks")
    op.drop_table("completed_checks")
