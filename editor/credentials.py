"""Where a PostgreSQL password comes from, so that none is ever written in plain text.

In order: the URL itself (works, but the process list shows it), then libpq's own
``$PGPASSWORD`` and ``~/.pgpass``, then the system keyring (the desktop's Secret
Service, Keychain or Credential Locker, through the ``keyring`` package). Midad
never writes a password into its settings, the database or a message: URLs are
shown with ``***`` in its place.

A keyring entry belongs to one account on one server and database: the service
is ``midad`` and the user name ``USER@HOST:PORT/DATABASE``.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy.engine import URL

from editor.errors import StorageError

SERVICE = "midad"
DEFAULT_PORT = 5432

__all__ = [
    "KeyringUnavailable",
    "account",
    "fill_password",
    "forget_password",
    "keyring_available",
    "remember_password",
    "stored_password",
]


class KeyringUnavailable(StorageError):
    code = "keyring_unavailable"


def account(url: URL) -> str:
    """The keyring's name for the login a URL opens."""
    user = url.username or os.environ.get("PGUSER") or getpass.getuser()
    host = url.host or os.environ.get("PGHOST") or "localhost"
    port = url.port or int(os.environ.get("PGPORT") or DEFAULT_PORT)
    return f"{user}@{host}:{port}/{url.database or ''}"


def _backend() -> Any | None:
    """The system keyring, or None where there is none (a server, a bare session)."""
    try:
        import keyring
        from keyring.backends import fail

        chosen = keyring.get_keyring()
    except Exception:  # a broken keyring must not stop the desk opening
        return None
    # keyring's chainer wraps the real backends; "fail" means none is usable.
    if isinstance(chosen, fail.Keyring):
        return None
    return chosen


def keyring_available() -> bool:
    return _backend() is not None


def stored_password(url: URL) -> str | None:
    """The keyring's password for this login, or None (no keyring, no entry, locked)."""
    backend = _backend()
    if backend is None:
        return None
    try:
        value = backend.get_password(SERVICE, account(url))
    except Exception:  # a keyring that says no is the same as no entry
        return None
    return value if isinstance(value, str) and value else None


def fill_password(url: URL) -> URL:
    """``url`` with the keyring's password when neither it nor libpq's sources has one."""
    if url.get_backend_name() != "postgresql" or url.password:
        return url
    if os.environ.get("PGPASSWORD"):
        return url
    password = stored_password(url)
    return url.set(password=password) if password else url


def remember_password(url: URL, password: str) -> str:
    """Keep ``password`` in the system keyring for this login; returns the account name."""
    backend = _backend()
    name = account(url)
    if backend is None:
        raise KeyringUnavailable(
            "This session has no system keyring (Secret Service) to keep the password in;"
            " use $PGPASSWORD or ~/.pgpass instead",
            account=name,
        )
    try:
        backend.set_password(SERVICE, name, password)
    except Exception as exc:  # locked, refused or gone: say so, store nothing
        raise KeyringUnavailable(
            f"The system keyring refused to keep the password for {name}: {type(exc).__name__}",
            account=name,
        ) from exc
    return name


def forget_password(url: URL) -> bool:
    """Remove this login's password from the keyring; False if there was none."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.delete_password(SERVICE, account(url))
    except Exception:  # keyring raises PasswordDeleteError for "no entry"
        return False
    return True
