"""indexes for the author history and dateline-place completion

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A moderator's "author history" looks comments up by name when there is
    # no email; the editor completes places from earlier datelines.
    with op.batch_alter_table("comments") as batch_op:
        batch_op.create_index("ix_comments_author_name", ["author_name"])
    with op.batch_alter_table("articles") as batch_op:
        batch_op.create_index("ix_articles_dateline_place", ["dateline_place"])


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_index("ix_articles_dateline_place")
    with op.batch_alter_table("comments") as batch_op:
        batch_op.drop_index("ix_comments_author_name")
