"""The records a comment queue hands out: frozen rows and views, never ORM objects.

Split from ``editor.services.comments`` (which re-exports them) to keep that
module readable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from editor.arabic import neutralize_bidi
from editor.changes import Changes
from editor.models import CommentStatus
from editor.moderation.decisions import DecisionBatch

EXCERPT = 200


@dataclass(frozen=True)
class CommentRow:
    """One line of a moderation queue; the text is a neutralised excerpt."""

    id: int
    article_id: int
    article: str
    author: str
    excerpt: str
    submitted: dt.datetime
    status: CommentStatus
    # held_by["rule"] when a rule held, blocked or approved it, else None.
    rule: str | None = None
    parent_id: int | None = None


@dataclass(frozen=True)
class CommentFilter:
    """What a queue shows besides its status; empty means every comment."""

    article_id: int | None = None
    section_id: int | None = None  # the section and the sections below it
    since: dt.datetime | None = None  # naive UTC, inclusive
    until: dt.datetime | None = None  # naive UTC, exclusive
    # The author's exact name, or part of it; an exact email for those who may see emails.
    author: str = ""


@dataclass(frozen=True)
class QueueKey:
    """Where a queue's next page starts: after this comment, in queue order."""

    submitted: dt.datetime
    id: int


@dataclass(frozen=True)
class QueuePage:
    """A stretch of a queue, newest first; ``next`` is None at the end of the queue."""

    ids: list[int]
    next: QueueKey | None


@dataclass(frozen=True)
class QueueTally:
    counts: dict[CommentStatus, int]
    unsent: int  # decisions not yet sent to the site
    last_decision: int  # the newest decision's id these numbers include (0 for none)


@dataclass(frozen=True)
class StoryCount:
    article_id: int
    headline: str
    comments: int


@dataclass(frozen=True)
class ThreadEntry:
    row: CommentRow
    depth: int


@dataclass(frozen=True)
class AuthorHistory:
    """An author's comments (same email, else same name) and their approval record."""

    by: str  # "email", "name", or "" for an anonymous comment (no history)
    counts: dict[CommentStatus, int]
    recent: list[CommentRow]
    # True when the author has more than HISTORY_COUNTED comments: counts cover the latest.
    more: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class DecisionRow:
    at: dt.datetime
    user: str
    from_status: CommentStatus
    to_status: CommentStatus
    source: str
    note: str
    sent: bool


@dataclass(frozen=True)
class Decided:
    """What a decision changed, and the batch that undoes it (None when nothing moved)."""

    changes: Changes
    batch: DecisionBatch | None


@dataclass(frozen=True)
class CommentView:
    id: int
    article_id: int
    article: str
    parent_id: int | None
    author: str
    # Empty unless the actor may see readers' private details.
    email: str
    url: str
    ip: str
    text: str
    submitted: dt.datetime
    status: CommentStatus
    held_by: dict[str, Any] | None
    note: str
    site_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "parent_id": self.parent_id,
            "author": self.author,
            "email": self.email,
            "url": self.url,
            "text": self.text,
            "status": self.status.value,
            "submitted": self.submitted.isoformat(timespec="seconds"),
            "site_id": self.site_id,
            "held_by": self.held_by,
        }


def _excerpt(text: str) -> str:
    flat = " ".join(neutralize_bidi(text).split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


def as_status(value: Any) -> CommentStatus:
    return value if isinstance(value, CommentStatus) else CommentStatus(value)


def make_row(
    cid: int,
    aid: int,
    headline: str,
    author: str,
    text: str,
    submitted: dt.datetime,
    status: Any,
    held: dict[str, Any] | None,
    parent_id: int | None,
) -> CommentRow:
    rule = held.get("rule") if isinstance(held, dict) else None
    return CommentRow(
        cid,
        aid,
        neutralize_bidi(headline or ""),
        neutralize_bidi(author or ""),
        _excerpt(text or ""),
        submitted,
        as_status(status),
        str(rule) if rule else None,
        parent_id,
    )
