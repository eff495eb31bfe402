"""What a service may tell the storage backend about the transaction it is writing.

A hint never changes what is stored, only how the backend goes about it:
the SQLite backend, told a transaction is large, moves its write-ahead log
back into the database file after the commit on another thread, instead of
making the person who pressed the key wait for it (``editor.sqlite_backend``).
Other backends ignore hints.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

# A key in the connection's ``info``: set during the transaction, read at commit.
LARGE_WRITE = "midad_large_write"


def mark_large_write(session: Session) -> None:
    """Say that the current write transaction changes many thousands of rows."""
    session.connection().info[LARGE_WRITE] = True
