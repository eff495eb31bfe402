"""Everything that only PostgreSQL needs, in one place (SQLite's is ``sqlite_backend``).

Writes are serialised, as on SQLite: a write session takes one transaction-level
advisory lock before anything else. The services rely on that (the next id of a
section or tag is read before it is written, an import counts the rows it
added, conflict checks read then write), and a newsroom's writes are short; two
desks saving at once wait for each other for milliseconds instead of failing
with a serialization error. Reads never wait.

Measured (``python -m bench``, "many desks" rows; tests/editor/test_many_desks.py
proves it loses nothing): on two CPUs, 20-30 saves and 60-110 moderation
decisions a second whether one desk or ten write, and no more with the lock
taken out (the CPUs set the pace, and decisions then start to deadlock). A
save holds the lock for some 15 ms, a ceiling far above what twenty people
make, so the one lock stays. Under it Midad's own writers never meet a
deadlock or a serialization failure; the one ``DatabaseLocked`` left is a wait
for the lock that ran out (another desk's long import). The core does not retry it: the
person already waited ``lock_timeout`` and is told the database is busy. Every
service write is one transaction with no effect outside it (or, like publish,
undoes its effect), so the caller may run it again as it stands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import URL

from editor.errors import (
    DatabaseLocked,
    DiskFull,
    PasswordRefused,
    ServerUnavailable,
    StorageError,
    StorageUnavailable,
)

# Any constant both sides agree on: "midad" in ASCII.
WRITE_LOCK_KEY = 0x6D69646164
DRIVER = "postgresql+psycopg"
# Where a password may come from; never a settings file (see editor/credentials.py).
PASSWORD_SOURCES = (
    "the URL, $PGPASSWORD, ~/.pgpass or the system keyring: python main.py password URL"
)
# The server went away under a connection (restart, shutdown, terminated backend).
SERVER_GONE_STATES = ("57P01", "57P02", "57P03")
# Seconds to wait for a server that does not answer (a wrong address, a firewall).
CONNECT_TIMEOUT = 10

__all__ = [
    "DRIVER",
    "configure_engine",
    "engine_arguments",
    "normalize_url",
    "translate_error",
    "upgrade_with_backup",
]


def normalize_url(url: URL) -> URL:
    """``postgresql://`` and ``postgres://`` mean Midad's driver, psycopg 3."""
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername=DRIVER)
    return url


def engine_arguments(url: URL) -> dict[str, Any]:
    connect_args: dict[str, Any] = {"application_name": "midad"}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    return {"pool_pre_ping": True, "connect_args": connect_args}


def configure_engine(engine: Engine, lock_timeout_ms: int) -> None:
    """Write sessions take the newsroom's write lock, waiting at most ``lock_timeout_ms``."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("midad_write"):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(lock_timeout_ms)}")
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


# Held while one desk upgrades the schema, so two desks started together don't both.
MIGRATION_LOCK_KEY = WRITE_LOCK_KEY + 1


def upgrade_with_backup(
    engine: Engine,
    upgrade: Callable[[Engine], None],
    revision_of: Callable[[Connection], str | None],
    head: str,
) -> str | None:
    """Copy every table into a schema of its own, then upgrade; returns the schema's name.

    The copy is PostgreSQL's counterpart of the SQLite file copied aside: the
    newsroom as it was, on the same server, dropped by an administrator once
    satisfied (``DROP SCHEMA name CASCADE``). The upgrade itself is one
    transaction, so a failure leaves the old schema in place as well. None when
    another desk finished the upgrade while this one waited for it.
    """
    with engine.connect() as guard:
        guard.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
        guard.commit()
        try:
            current = revision_of(guard)
            guard.rollback()
            if current == head or current is None:
                return None
            stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
            schema = f"midad_before_{current}_{stamp}"
            with engine.begin() as conn:
                # No desk writes while the copy is taken: it is one consistent state.
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                tables = conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    " ORDER BY tablename"
                ).scalars()
                conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
                for table in list(tables):
                    conn.exec_driver_sql(f'CREATE TABLE "{schema}"."{table}" AS TABLE "{table}"')
            upgrade(engine)
            return schema
        finally:
            guard.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
            guard.commit()


def _sqlstate(original: BaseException) -> str:
    return str(getattr(original, "sqlstate", "") or "")


def translate_error(exc: BaseException, where: str) -> StorageError | None:
    """Turn a driver error into one a person can act on, or None if unknown.

    ``where`` is the URL without its password; the driver's own text is left
    out of connection errors, as it may quote the connection string.
    """
    import psycopg

    original = getattr(exc, "orig", exc)
    if not isinstance(original, psycopg.Error):
        return None
    state = _sqlstate(original)
    text = str(original).lower()
    if state in ("55P03", "40001", "40P01") or "lock timeout" in text:
        return DatabaseLocked(
            f"The database {where} is busy with another desk's change; try again in a moment",
            where=where,
        )
    if state == "53100":
        return DiskFull(
            f"The server holding {where} is out of disk space; nothing was saved", where=where
        )
    if state in ("28P01", "28000") or "password authentication failed" in text:
        return PasswordRefused(
            f"The PostgreSQL server refused the user name or password for {where};"
            f" check them (the password comes from {PASSWORD_SOURCES})",
            where=where,
            given=True,
        )
    if "no password supplied" in text:
        return PasswordRefused(
            f"The PostgreSQL server for {where} asks for a password and none was given;"
            f" it comes from {PASSWORD_SOURCES}",
            where=where,
            given=False,
        )
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return StorageUnavailable(
            f"There is no database {where} on the server; create it (empty) first",
            where=where,
        )
    if state in ("25006", "42501"):
        return StorageError(f"{where} cannot be written with this user's rights", where=where)
    # Class 08 (or none: the client gave up) is the connection itself; other
    # operational errors (a word too long, out of memory) are not the address.
    # 57P01-57P03: the server shut down or restarted under the connection, or is starting.
    if (
        state.startswith("08")
        or state in SERVER_GONE_STATES
        or (not state and isinstance(original, psycopg.OperationalError))
    ):
        if "ssl" in text or "certificate" in text:
            return ServerUnavailable(
                f"The TLS connection to the PostgreSQL server for {where} failed; check the"
                " URL's sslmode, sslrootcert, sslcert and sslkey and the server's certificate",
                where=where,
            )
        return ServerUnavailable(
            f"Cannot reach the PostgreSQL server for {where}: is it running, and is the"
            " address right?",
            where=where,
        )
    return None
