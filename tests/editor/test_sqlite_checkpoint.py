"""A large write leaves its checkpoint to another thread and the log is still moved back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from editor import sqlite_backend
from editor.models import CommentStatus
from editor.moderation.decisions import INLINE_IDS
from editor.storage import Newsroom
from tests.editor.test_moderation_rules import add_comments


def autocheckpoint(newsroom: Newsroom) -> list[int]:
    """The setting on every pooled connection, each checked out in turn."""
    found = []
    with newsroom.engine.connect() as conn:
        found.append(int(conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() or 0))
    return found


@pytest.mark.sqlite_only("the write-ahead log is SQLite's")
def test_a_large_write_commits_and_restores_the_automatic_checkpoint(
    newsroom: Newsroom,
) -> None:
    many = add_comments(newsroom, *({"text": f"ت {n}"} for n in range(INLINE_IDS + 5)))
    decided = newsroom.comments.decide(many, CommentStatus.SPAM, source="bulk")
    assert len(decided.changes.comments) == len(many)
    assert autocheckpoint(newsroom) == [sqlite_backend.WAL_AUTOCHECKPOINT]
    # Another connection (another program) sees the decision.
    path = Path(str(newsroom.url.database))
    other = sqlite3.connect(path)
    try:
        spam = other.execute(
            "SELECT count(*) FROM comment_states WHERE status = 'spam'"
        ).fetchone()[0]
    finally:
        other.close()
    assert spam >= len(many)


@pytest.mark.sqlite_only("the write-ahead log is SQLite's")
def test_checkpoint_in_background_empties_the_log(newsroom: Newsroom) -> None:
    with newsroom.write() as session:
        session.execute(text("UPDATE comments SET note = 'ملاحظة'"))
    raw = sqlite3.connect(str(newsroom.url.database))
    try:
        thread = sqlite_backend.checkpoint_in_background(raw)
        assert thread is not None
        thread.join(timeout=30)
        busy, log, done = raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        raw.close()
    assert busy == 0 and log == done


def test_an_in_memory_database_has_no_log_to_move() -> None:
    raw = sqlite3.connect(":memory:")
    try:
        assert sqlite_backend.checkpoint_in_background(raw) is None
    finally:
        raw.close()
