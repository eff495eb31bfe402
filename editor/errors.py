"""Errors the core raises: a stable code for the interface plus an English message.

The interface turns ``code`` into a translated sentence; the command line prints
``str(error)``. Details are kept as keyword data so both can name the problem.
"""

from __future__ import annotations

from typing import Any


class MidadError(Exception):
    """Base of every error the core reports to a person."""

    code = "error"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, Any] = details


class StorageError(MidadError):
    code = "storage"


class NotAMidadDatabase(StorageError):
    code = "not_midad_database"


class DatabaseTooNew(StorageError):
    code = "database_too_new"


class DatabaseLocked(StorageError):
    code = "database_locked"


class StorageUnavailable(StorageError):
    code = "storage_unavailable"


class DiskFull(StorageError):
    code = "disk_full"


class NotFound(MidadError):
    code = "not_found"


class InvalidInput(MidadError):
    code = "invalid_input"


class PermissionDenied(MidadError):
    code = "permission_denied"


class ConflictError(MidadError):
    code = "conflict"


class PageTextError(InvalidInput):
    """A copied article page that cannot become an article (empty, binary, no headline)."""

    code = "page_text"
