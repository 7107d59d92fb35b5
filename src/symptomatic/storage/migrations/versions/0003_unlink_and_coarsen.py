"""Privacy: completed checks no longer point at interview steps and keep the date only.

``completed_checks.step_token`` linked each anonymous record to the stored step (exact age
and every answer); it goes. A step now carries ``recorded`` instead, so that reloading a
result still records the check once. ``completed_checks.created_at`` (to the microsecond)
becomes ``created_on`` (a date); feedback times are cut to the day.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _sqlite() -> bool:
    """SQLite keeps dates and timestamps as text ('2026-11-29 10:00:00.000000')."""
    return bool(op.get_bind().dialect.name == "sqlite")


def _date_of(column: str) -> str:
    """SQL for the calendar date of a timestamp column."""
    return f"date({column})" if _sqlite() else f"CAST({column} AS DATE)"


def upgrade() -> None:
    with op.batch_alter_table("completed_checks") as batch:
        batch.add_column(sa.Column("created_on", sa.Date(), nullable=True))
    op.execute(f"UPDATE completed_checks SET created_on = {_date_of('created_at')}")
    op.drop_index("ix_completed_checks_created_at", table_name="completed_checks")
    with op.batch_alter_table("completed_checks") as batch:
        batch.alter_column("created_on", existing_type=sa.Date(), nullable=False)
        batch.drop_column("created_at")
        batch.drop_column("step_token")
    op.create_index("ix_completed_checks_created_on", "completed_checks", ["created_on"])
    with op.batch_alter_table("check_steps") as batch:
        batch.add_column(
            sa.Column("recorded", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    if _sqlite():
        op.execute(
            "UPDATE article_feedback SET created_at = date(created_at) || ' 00:00:00.000000'"
        )
    else:
        op.execute("UPDATE article_feedback SET created_at = date_trunc('day', created_at)")


def downgrade() -> None:
    with op.batch_alter_table("check_steps") as batch:
        batch.drop_column("recorded")
    op.drop_index("ix_completed_checks_created_on", table_name="completed_checks")
    with op.batch_alter_table("completed_checks") as batch:
        batch.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("step_token", sa.String(64), nullable=True))
    midnight = "created_on || ' 00:00:00.000000'" if _sqlite() else "created_on"
    op.execute(f"UPDATE completed_checks SET created_at = {midnight}")
    with op.batch_alter_table("completed_checks") as batch:
        batch.alter_column("created_at", existing_type=sa.DateTime(), nullable=False)
        batch.create_unique_constraint("uq_completed_checks_step_token", ["step_token"])
        batch.drop_column("created_on")
    op.create_index("ix_completed_checks_created_at", "completed_checks", ["created_at"])
