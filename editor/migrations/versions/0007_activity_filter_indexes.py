"""indexes for the activity log filtered by person or action

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The newsroom-wide log lists one person's or one kind of move, newest
    # first. With (user_id, at) and (action, at) the ids come from an index
    # alone; the old single-column user index is the first half of the new one.
    with op.batch_alter_table("article_events") as batch_op:
        batch_op.drop_index("ix_article_events_user_id")
        batch_op.create_index("ix_article_events_user_at", ["user_id", "at"])
        batch_op.create_index("ix_article_events_action_at", ["action", "at"])


def downgrade() -> None:
    with op.batch_alter_table("article_events") as batch_op:
        batch_op.drop_index("ix_article_events_action_at")
        batch_op.drop_index("ix_article_events_user_at")
        batch_op.create_index("ix_article_events_user_id", ["user_id"])
