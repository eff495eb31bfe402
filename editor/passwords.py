"""Passwords: argon2id hashes, and a growing wait after repeated failures."""

from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
# Failures allowed before waiting starts; then the wait doubles, up to a cap.
FREE_FAILURES = 3
MAX_WAIT_SECONDS = 300

_hasher = PasswordHasher()
# Verifying against this when the login is unknown keeps both failures equally slow.
_DUMMY_HASH = _hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def wait_after(failures: int) -> int:
    """Seconds a person must wait before the next attempt, after this many failures."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(2 ** (failures - FREE_FAILURES + 1), MAX_WAIT_SECONDS))


def seconds_left(failures: int, last_failure: dt.datetime | None, now: dt.datetime) -> int:
    if last_failure is None:
        return 0
    remaining = wait_after(failures) - (now - last_failure).total_seconds()
    return max(0, int(remaining + 0.999))
