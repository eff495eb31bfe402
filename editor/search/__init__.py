"""Arabic-aware full-text search of articles and comments.

KEEPING THE INDEX IN STEP (read this if your code writes articles or comments)
-------------------------------------------------------------------------------
Call ONE function, in the same write session, after your change, with the ids
you touched; it is safe to call for any id, any number of times:

    from editor.search import reindex_articles, reindex_comments

    reindex_articles(session, article_ids)   # created, saved, imported, tags merged
                                             # or renamed, deleted for good
    reindex_comments(session, comment_ids)   # created, imported, text edited, deleted

It reads the rows as they are now: a deleted id leaves the index, a row whose
searchable text (headline, standfirst, body, dateline, tag names, byline;
a comment's text and author name) and date are unchanged costs one digest
comparison and writes nothing. Statuses, sections and authors are read live
at search time: moving a story to the trash or back, publishing it, filing it
in another section or deciding on a comment needs NO call.

More than ``IMMEDIATE_LIMIT`` ids in one call are only noted (in the same
transaction, so nothing is lost) and indexed right after by
``newsroom.search.catch_up()``: the interface runs it in the background when
the change is announced, the command line before it searches. Searches in
between find those rows by their previous text; filters are always current.

A bulk import that writes past the services may instead call
``newsroom.search.rebuild(full=False)`` once at the end: it indexes only what
is missing or changed, a batch per transaction, with progress and cancel.
``python main.py reindex`` and Tools ▸ Rebuild search index rebuild it all.

Layout: ``text`` (what a word becomes), ``query`` (the search box's
language), ``highlight`` (matched words in a text), ``documents`` (what of a
row is searchable), ``base`` (the interface a backend implements),
``sqlite_fts`` (FTS5), ``pg_fts`` (PostgreSQL tsvector), ``service`` (``newsroom.search``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from editor.search.base import SearchIndex

__all__ = ["IMMEDIATE_LIMIT", "index_for", "reindex_articles", "reindex_comments"]

# More rows than this in one call are noted and indexed just after, off the
# caller's transaction: a tag merge over 50,000 stories stays a one-second
# change instead of a minute of re-reading every story.
IMMEDIATE_LIMIT = 500


@cache
def index_for(backend: str) -> SearchIndex:
    """The search index implementation for a database backend ("sqlite", "postgresql")."""
    if backend == "sqlite":
        from editor.search.sqlite_fts import SqliteSearchIndex

        return SqliteSearchIndex()
    if backend == "postgresql":
        from editor.search.pg_fts import PostgresSearchIndex

        return PostgresSearchIndex()
    from editor.search.unavailable import UnavailableSearchIndex

    return UnavailableSearchIndex(backend)


def _index(session: Session) -> SearchIndex:
    return index_for(session.get_bind().dialect.name)


def reindex_articles(session: Session, ids: Sequence[int]) -> int:
    """Bring these articles' index entries in step with their rows; see the module docstring."""
    from editor.search.base import SearchKind

    if len(ids) > IMMEDIATE_LIMIT:
        _index(session).defer(session, SearchKind.ARTICLE, ids)
        return 0
    return _index(session).reindex_articles(session, ids) if ids else 0


def reindex_comments(session: Session, ids: Sequence[int]) -> int:
    """Bring these comments' index entries in step with their rows."""
    from editor.search.base import SearchKind

    if len(ids) > IMMEDIATE_LIMIT:
        _index(session).defer(session, SearchKind.COMMENT, ids)
        return 0
    return _index(session).reindex_comments(session, ids) if ids else 0
