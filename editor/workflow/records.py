"""The records the workflow's reads return: log entries, the review desk, what an editor saw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select

from editor.models import ArticleEvent


@dataclass(frozen=True)
class ActivityRow:
    id: int
    article_id: int
    headline: str
    user: str
    at: dt.datetime
    action: str
    from_status: str | None
    to_status: str | None
    note: str


@dataclass(frozen=True)
class ReviewRow:
    """One story waiting on the review desk."""

    id: int
    headline: str
    author: str
    section: str
    submitted: dt.datetime


@dataclass(frozen=True)
class SeenComparison:
    """The version an editor last reviewed (None: never seen) and the current one."""

    article_id: int
    seen: dict[str, Any] | None
    current: dict[str, Any]
    seen_at: dt.datetime | None


def filter_events(
    query: Select[tuple[int]],
    *,
    article_id: int | None,
    user_id: int | None,
    actions: Sequence[str],
) -> Select[tuple[int]]:
    if article_id is not None:
        query = query.where(ArticleEvent.article_id == article_id)
    if user_id is not None:
        query = query.where(ArticleEvent.user_id == user_id)
    if actions:
        query = query.where(ArticleEvent.action.in_(list(actions)))
    return query


def as_datetime(value: object) -> dt.datetime:
    # COALESCE over a subquery loses SQLAlchemy's type: SQLite hands back text.
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
