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


class ServerUnavailable(StorageUnavailable):
    """The database server cannot be reached (down, wrong address, TLS refused)."""

    code = "server_unavailable"


class PasswordRefused(StorageUnavailable):
    """The server wants a password that was not given, or refused the one that was."""

    code = "password_refused"


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


class SignInFailed(MidadError):
    """Wrong login or password; never says which. ``details["wait"]`` is in seconds."""

    code = "sign_in_failed"


class PublishError(MidadError):
    """The page could not be written; the story's status is unchanged."""

    code = "publish_failed"


class EmptyName(InvalidInput):
    code = "empty_name"


class NameTooLong(InvalidInput):
    code = "name_too_long"


class DuplicateName(InvalidInput):
    """A section or tag whose name differs from an existing one only in spelling details."""

    code = "duplicate_name"


class InvalidSlug(InvalidInput):
    code = "invalid_slug"


class SlugTaken(InvalidInput):
    code = "slug_taken"


class SectionCycle(InvalidInput):
    """A section moved (or merged) into itself or one of its own subsections."""

    code = "section_cycle"


class SectionNotEmpty(InvalidInput):
    """Deleting a section that still files stories, without saying where they go."""

    code = "section_not_empty"


class TaxonomyChanged(ConflictError):
    """Sections or tags changed since a step was recorded: it cannot be undone exactly."""

    code = "taxonomy_changed"


class Cancelled(MidadError):
    """The person stopped long work (an import, an export); nothing was changed."""

    code = "cancelled"


class InterchangeError(InvalidInput):
    """A file for or from the site that Midad cannot read or write.

    ``details["reason"]`` says why: "not_wxr", "malformed", "doctype", "encoding",
    "too_large", "unreadable"; "line" and "column" point into the file when known.
    """

    code = "interchange"
