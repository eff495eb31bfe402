"""Moving comments between queues in bulk, undoing it, and the audit trail it leaves.

Every move writes one ``ModerationDecision`` per comment (who, when, from,
to, source, note). Bulk moves are set-based: per chunk of ids, one
``INSERT … SELECT`` records the decisions from the comments' current status
and one ``UPDATE … WHERE id IN (…)`` moves them, so 100,000 comments are a
few dozen statements, not 100,000 round trips.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, and_, func, insert, literal, select, update
from sqlalchemy.orm import Session

from editor.models import Comment, CommentStatus, ModerationDecision, utcnow

# Under SQLite's 32,766 bound parameters and PostgreSQL's 65,535, with room.
CHUNK = 10_000
SOURCES = ("manual", "rule", "bulk", "undo", "import")


@dataclass(frozen=True)
class DecisionBatch:
    """The decisions one call made: what ``undo`` takes back."""

    user_id: int | None
    at: dt.datetime
    first_id: int
    last_id: int
    count: int


def move(
    session: Session,
    ids: Sequence[int],
    status: CommentStatus,
    *,
    user_id: int | None,
    source: str,
    note: str,
    only_from: CommentStatus | None = None,
) -> tuple[list[int], DecisionBatch | None]:
    """Move comments to ``status``; returns the ids that moved and their batch."""
    unique = list(dict.fromkeys(ids))
    now = utcnow()
    before = session.scalar(select(func.max(ModerationDecision.id))) or 0
    moved: list[int] = []
    table = cast(Table, Comment.__table__)
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        condition = and_(table.c.id.in_(chunk), table.c.status != status.value)
        if only_from is not None:
            condition = and_(condition, table.c.status == only_from.value)
        recorded = select(
            table.c.id,
            literal(user_id, ModerationDecision.user_id.type),
            literal(now, ModerationDecision.at.type),
            table.c.status,
            literal(status.value, ModerationDecision.to_status.type),
            literal(source, ModerationDecision.source.type),
            literal(note, ModerationDecision.note.type),
        ).where(condition)
        session.execute(
            insert(ModerationDecision).from_select(
                ["comment_id", "user_id", "at", "from_status", "to_status", "source", "note"],
                recorded,
            )
        )
        result = session.execute(
            update(table).where(condition).values(status=status.value).returning(table.c.id)
        )
        moved.extend(result.scalars())
    if not moved:
        return [], None
    after = session.scalar(select(func.max(ModerationDecision.id))) or before
    return moved, DecisionBatch(user_id, now, before + 1, after, len(moved))


def undo(
    session: Session, batch: DecisionBatch, *, user_id: int | None
) -> tuple[list[int], DecisionBatch | None]:
    """Put back the comments of a batch that are still where it left them."""
    query = select(
        ModerationDecision.comment_id,
        ModerationDecision.from_status,
        ModerationDecision.to_status,
    ).where(
        ModerationDecision.id.between(batch.first_id, batch.last_id),
        ModerationDecision.at == batch.at,
    )
    if batch.user_id is None:
        query = query.where(ModerationDecision.user_id.is_(None))
    else:
        query = query.where(ModerationDecision.user_id == batch.user_id)
    groups: dict[tuple[str, str], list[int]] = {}
    for cid, old, new in session.execute(query):
        groups.setdefault((old, new), []).append(cid)
    now = utcnow()
    before = session.scalar(select(func.max(ModerationDecision.id))) or 0
    moved: list[int] = []
    for (old, new), ids in groups.items():
        # A comment someone moved again since is left alone: undo never
        # overwrites a later decision.
        done, _ = move(
            session,
            ids,
            CommentStatus(old),
            user_id=user_id,
            source="undo",
            note="",
            only_from=CommentStatus(new),
        )
        moved.extend(done)
    if not moved:
        return [], None
    after = session.scalar(select(func.max(ModerationDecision.id))) or before
    # The undo decisions share one moment so an undo can itself be undone.
    decisions = cast(Table, ModerationDecision.__table__)
    session.execute(
        update(decisions).where(decisions.c.id.between(before + 1, after)).values(at=now)
    )
    return moved, DecisionBatch(user_id, now, before + 1, after, len(moved))
