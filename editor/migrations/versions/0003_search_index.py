"""full-text search index (SQLite FTS5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

The tables start empty: the application fills them when it opens a newsroom
whose index was never built (``newsroom.search.needs_rebuild``). Every table
is named ``search_*``, which ``env.include_object`` hides from autogenerate.
On PostgreSQL the same tables hold a tsvector per row instead (``editor.search.pg_fts``).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out rather than imported: a migration must not change when the code does.
TOKENIZE = "unicode61 remove_diacritics 2"
CREATE = (
    "CREATE VIRTUAL TABLE search_articles USING fts5("
    "headline, standfirst, body, dateline, tags, byline,"
    f" content='', tokenize='{TOKENIZE}')",
    "CREATE TABLE search_article_entries (article_id INTEGER PRIMARY KEY,"
    " doc INTEGER NOT NULL, digest BLOB NOT NULL, indexed BLOB NOT NULL)",
    "CREATE INDEX search_article_entries_doc ON search_article_entries (doc)",
    "CREATE VIRTUAL TABLE search_comments USING fts5("
    f"text, author, content='', tokenize='{TOKENIZE}')",
    "CREATE TABLE search_comment_entries (comment_id INTEGER PRIMARY KEY,"
    " doc INTEGER NOT NULL, digest BLOB NOT NULL, indexed BLOB NOT NULL)",
    "CREATE INDEX search_comment_entries_doc ON search_comment_entries (doc)",
    "CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE search_pending (kind TEXT NOT NULL, id INTEGER NOT NULL,"
    " PRIMARY KEY (kind, id)) WITHOUT ROWID",
)
DROP = (
    "DROP TABLE IF EXISTS search_pending",
    "DROP TABLE IF EXISTS search_meta",
    "DROP TABLE IF EXISTS search_comment_entries",
    "DROP TABLE IF EXISTS search_comments",
    "DROP TABLE IF EXISTS search_article_entries",
    "DROP TABLE IF EXISTS search_articles",
)


# PostgreSQL: one row per article (comment) with its date, digest and a tsvector
# of the same index tokens, weighted by column; a GIN index finds the words.
PG_CREATE = (
    "CREATE TABLE search_article_entries (article_id INTEGER PRIMARY KEY,"
    " date TIMESTAMP NOT NULL, digest BYTEA NOT NULL, words TSVECTOR NOT NULL)",
    "CREATE INDEX search_article_entries_words ON search_article_entries USING gin (words)",
    "CREATE INDEX search_article_entries_date ON search_article_entries (date, article_id)",
    "CREATE TABLE search_comment_entries (comment_id INTEGER PRIMARY KEY,"
    " date TIMESTAMP NOT NULL, digest BYTEA NOT NULL, words TSVECTOR NOT NULL)",
    "CREATE INDEX search_comment_entries_words ON search_comment_entries USING gin (words)",
    "CREATE INDEX search_comment_entries_date ON search_comment_entries (date, comment_id)",
    "CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE search_pending (kind TEXT NOT NULL, id INTEGER NOT NULL,"
    " PRIMARY KEY (kind, id))",
)
PG_DROP = (
    "DROP TABLE IF EXISTS search_pending",
    "DROP TABLE IF EXISTS search_meta",
    "DROP TABLE IF EXISTS search_comment_entries",
    "DROP TABLE IF EXISTS search_article_entries",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": CREATE, "postgresql": PG_CREATE}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": DROP, "postgresql": PG_DROP}.get(dialect, ()):
        op.execute(statement)
