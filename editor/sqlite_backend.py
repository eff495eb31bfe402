"""Everything that only SQLite needs, in one place.

PostgreSQL's is ``editor.pg_backend``; the rest of the core stays portable SQL.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from editor.errors import DatabaseLocked, DiskFull, NotAMidadDatabase, StorageError
from editor.write_hints import LARGE_WRITE

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's default: checkpoint once the log holds this many pages.
WAL_AUTOCHECKPOINT = 1000


def check_file_is_sqlite(path: Path) -> None:
    """Refuse a file that is not SQLite before any driver touches (and changes) it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAMidadDatabase(
            f"{path} is not a Midad database (not an SQLite file); it was left untouched",
            path=str(path),
        )


def configure_engine(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, foreign keys, a busy timeout, and BEGIN IMMEDIATE for write sessions."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite otherwise
        # defers it and can never be told IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "commit")
    def _on_commit(conn: Any) -> None:
        # A large write's automatic checkpoint would copy every page it
        # changed back into the database file (and sync it) inside COMMIT:
        # seconds for a bulk decision on 100,000 comments. SQLite's own advice
        # is to checkpoint from another thread instead; see _on_checkin.
        if conn.info.get(LARGE_WRITE):
            conn.connection.dbapi_connection.execute("PRAGMA wal_autocheckpoint = 0")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if record is not None and record.info.pop(LARGE_WRITE, False):
            dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}")
            checkpoint_in_background(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A read-then-write transaction that started deferred can lose the race
        # for the write lock and fail at once, whatever busy_timeout says.
        if conn.get_execution_options().get("midad_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def checkpoint_in_background(dbapi_connection: sqlite3.Connection) -> threading.Thread | None:
    """Copy the write-ahead log into the database file on a thread of its own.

    PASSIVE never waits for readers or writers; a commit meanwhile skips its
    own automatic checkpoint (the checkpoint lock is taken) rather than wait.
    If this one fails, the next automatic checkpoint does the work instead.
    """
    found = [row[2] for row in dbapi_connection.execute("PRAGMA database_list") if row[1] == "main"]
    if not found or not found[0]:
        return None  # an in-memory database has no log
    path = found[0]

    def run() -> None:
        try:
            conn = sqlite3.connect(path, timeout=30)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
        except sqlite3.Error:
            pass

    thread = threading.Thread(target=run, name="midad-wal-checkpoint", daemon=True)
    thread.start()
    return thread


def translate_error(exc: BaseException, where: str) -> StorageError | None:
    """Turn a driver error into one a person can act on, or None if unknown."""
    original = getattr(exc, "orig", exc)
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"The database {where} is locked by another program; try again in a moment",
            where=where,
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            f"The disk holding {where} is full; nothing was saved. Free some space and retry",
            where=where,
        )
    if "not a database" in text or "malformed" in text:
        return NotAMidadDatabase(
            f"{where} is damaged or not a Midad database; it was left untouched", where=where
        )
    if "readonly" in text or "unable to open" in text or "read-only" in text:
        return StorageError(f"{where} cannot be written: {original}", where=where)
    return None


def backup_file(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (the backup API, not a file copy)."""
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def inspect_file(path: Path) -> tuple[set[str], str | None, object]:
    """Tables, Alembic revision and newsroom id of a file, read without changing it.

    The engine's connect hook switches to WAL, which rewrites the header of a
    file that may turn out to be someone else's: look first, read-only.
    """
    if not path.exists() or path.stat().st_size == 0:
        return set(), None, None
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        newsroom_id = None
        if "settings" in tables:
            row = conn.execute("SELECT value FROM settings WHERE key = 'newsroom_id'").fetchone()
            newsroom_id = row[0] if row else None
        return tables, revision, newsroom_id
    finally:
        conn.close()
