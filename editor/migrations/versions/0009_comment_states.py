"""a comment's queue lives in a narrow table of its own

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUS = sa.Enum(
    "pending", "approved", "spam", "trash", name="comment_status", native_enum=False, length=20
)


def upgrade() -> None:
    # SQLite rewrites a whole row to change one column of it: a bulk decision
    # on 100,000 comments rewrote their texts too. The status (and the
    # submitted time the queues order by) moves to a row of a few bytes.
    op.create_table(
        "comment_states",
        sa.Column("comment_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("status", STATUS, nullable=False),
        sa.Column("submitted", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_states_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("comment_id", name=op.f("pk_comment_states")),
    )
    op.execute(
        "INSERT INTO comment_states (comment_id, status, submitted)"
        " SELECT id, status, submitted FROM comments ORDER BY id"
    )
    # After the copy: one sort instead of a million scattered index inserts.
    op.create_index(
        "ix_comment_states_status_submitted", "comment_states", ["status", "submitted"]
    )
    op.drop_index("ix_comments_status_submitted", table_name="comments")
    if op.get_bind().dialect.name == "sqlite":
        # Native since SQLite 3.35; batch mode would copy the whole table
        # and its indexes into a new one.
        op.execute("ALTER TABLE comments DROP COLUMN status")
    else:
        op.drop_column("comments", "status")


def downgrade() -> None:
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", STATUS, server_default="pending", nullable=False)
        )
    op.execute(
        "UPDATE comments SET status = (SELECT s.status FROM comment_states AS s"
        " WHERE s.comment_id = comments.id)"
        " WHERE EXISTS (SELECT 1 FROM comment_states AS s WHERE s.comment_id = comments.id)"
    )
    op.create_index("ix_comments_status_submitted", "comments", ["status", "submitted"])
    op.drop_index("ix_comment_states_status_submitted", table_name="comment_states")
    op.drop_table("comment_states")
