"""indexes for section counts per status and for a tag's stories

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The section tree shows counts per status; without this index SQLite reads
    # every article row, bodies included (a second at 100,000 stories).
    with op.batch_alter_table("articles") as batch_op:
        batch_op.create_index("ix_articles_section_status", ["section_id", "status"])
    # Counting or merging a tag's stories reads (tag, article) pairs; an index on
    # the tag alone sends every pair back to the table for its article id.
    with op.batch_alter_table("article_tags") as batch_op:
        batch_op.drop_index("ix_article_tags_tag_id")
        batch_op.create_index("ix_article_tags_tag_article", ["tag_id", "article_id"])


def downgrade() -> None:
    with op.batch_alter_table("article_tags") as batch_op:
        batch_op.drop_index("ix_article_tags_tag_article")
        batch_op.create_index("ix_article_tags_tag_id", ["tag_id"])
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_index("ix_articles_section_status")
