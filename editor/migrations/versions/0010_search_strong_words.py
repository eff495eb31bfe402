"""PostgreSQL search: the headline-and-tags part of each story's words, apart

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29

Relevance puts the stories whose headline or tags hold every word first. On
PostgreSQL that test ran on the whole tsvector of the story, a few kilobytes
kept out of line (TOAST), read again for every candidate. ``strong`` holds
only the A-weighted positions (``ts_filter(words, '{a}')``): a few dozen bytes
kept in the row, so the test costs nothing and only the stories of the page's
own part need ranking (``editor.search.pg_fts``). Nothing changes on SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE search_article_entries"
        " ADD COLUMN strong TSVECTOR NOT NULL DEFAULT ''::tsvector"
    )
    op.execute("UPDATE search_article_entries SET strong = ts_filter(words, '{a}')")
    op.execute("ALTER TABLE search_article_entries ALTER COLUMN strong DROP DEFAULT")
    # The update wrote every row's GIN entries again, into the pending list
    # that each search reads through until it is merged.
    op.execute("SELECT gin_clean_pending_list('search_article_entries_words')")
    op.execute("ANALYZE search_article_entries")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_article_entries DROP COLUMN strong")
