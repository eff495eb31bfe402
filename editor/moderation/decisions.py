"""Moving comments between queues in bulk, undoing it, and the audit trail it leaves.

Every move writes one ``ModerationDecision`` per comment (who, when, from,
to, source, note). Moves are set-based whatever their size: one
``INSERT … SELECT`` records the decisions from the comments' current status
and one ``UPDATE`` moves exactly the comments it recorded, so 100,000
comments are a handful of statements. A large list of ids reaches the
database once, in a temporary table, instead of as tens of thousands of bound
parameters that SQLAlchemy would render again for every statement; an undo
never leaves the database at all: its ids are the batch's own decisions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Table,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from editor.models import Comment, CommentStatus, ModerationDecision, utcnow
from editor.write_hints import mark_large_write

# Up to this many ids travel as bound parameters; more go through a temporary table.
INLINE_IDS = 500
SOURCES = ("manual", "rule", "bulk", "undo", "import")

_comments = cast(Table, Comment.__table__)
_decisions = cast(Table, ModerationDecision.__table__)
# Never part of the models' metadata: migrations and autogenerate ignore it.
_scratch = MetaData()
_move_ids = Table(
    "midad_move_ids",
    _scratch,
    Column("id", Integer, primary_key=True, autoincrement=False),
    prefixes=["TEMPORARY"],
)
_RECORDED = ["comment_id", "user_id", "at", "from_status", "to_status", "source", "note"]


@dataclass(frozen=True)
class DecisionBatch:
    """The decisions one call made: what ``undo`` takes back."""

    user_id: int | None
    at: dt.datetime
    first_id: int
    last_id: int
    count: int


def _last_decision(session: Session) -> int:
    return session.scalar(select(func.max(ModerationDecision.id))) or 0


def _recorded_since(session: Session, before: int) -> list[tuple[int, str]]:
    """(comment, new status) of the decisions this transaction added after ``before``."""
    query = (
        select(_decisions.c.comment_id, _decisions.c.to_status)
        .where(_decisions.c.id > before)
        .order_by(_decisions.c.id)
    )
    # Straight from the driver: per-row result processing would cost more
    # than the query on 100,000 rows.
    result = session.connection().execute(query)
    try:
        return [(row[0], row[1]) for row in result.cursor.fetchall()]
    finally:
        result.close()


def _apply_recorded(session: Session, before: int) -> list[int]:
    """Move exactly the comments just recorded, so the audit trail and the queues agree."""
    recorded = _recorded_since(session, before)
    # One plain UPDATE per destination (an undo has at most one per queue): a
    # correlated look-up of each comment's decision costs twice as much.
    for status in sorted({to for _, to in recorded}):
        just_recorded = select(_decisions.c.comment_id).where(
            _decisions.c.id > before, _decisions.c.to_status == status
        )
        session.execute(
            update(_comments).where(_comments.c.id.in_(just_recorded)).values(status=status)
        )
    return [comment_id for comment_id, _ in recorded]


def _batch(
    session: Session, before: int, moved: list[int], user_id: int | None, now: dt.datetime
) -> DecisionBatch | None:
    if not moved:
        return None
    after = _last_decision(session)
    if len(moved) > INLINE_IDS:
        mark_large_write(session)
    return DecisionBatch(user_id, now, before + 1, after, len(moved))


def move(
    session: Session,
    ids: Sequence[int],
    status: CommentStatus,
    *,
    user_id: int | None,
    source: str,
    note: str,
) -> tuple[list[int], DecisionBatch | None]:
    """Move comments to ``status``; returns the ids that moved and their batch.

    Comments already in ``status`` are left alone and get no decision.
    """
    unique = list(dict.fromkeys(ids))
    if not unique:
        return [], None
    now = utcnow()
    before = _last_decision(session)
    wanted: ColumnElement[bool]
    temporary = len(unique) > INLINE_IDS
    if temporary:
        connection = session.connection()
        _move_ids.create(connection)
        # Straight to the driver's executemany: SQLAlchemy's per-row parameter
        # handling would cost more than the whole move.
        compiled = insert(_move_ids).compile(dialect=connection.dialect)
        rows: list[Any] = (
            [(value,) for value in unique]
            if compiled.positional
            else [{"id": value} for value in unique]
        )
        connection.exec_driver_sql(str(compiled), rows)
        wanted = _comments.c.id.in_(select(_move_ids.c.id))
    else:
        wanted = _comments.c.id.in_(unique)
    recorded = select(
        _comments.c.id,
        literal(user_id, ModerationDecision.user_id.type),
        literal(now, ModerationDecision.at.type),
        _comments.c.status,
        literal(status.value, ModerationDecision.to_status.type),
        literal(source, ModerationDecision.source.type),
        literal(note, ModerationDecision.note.type),
    ).where(wanted, _comments.c.status != status.value)
    session.execute(insert(ModerationDecision).from_select(_RECORDED, recorded))
    if temporary:
        _move_ids.drop(session.connection())
    moved = _apply_recorded(session, before)
    return moved, _batch(session, before, moved, user_id, now)


def undo(
    session: Session, batch: DecisionBatch, *, user_id: int | None
) -> tuple[list[int], DecisionBatch | None]:
    """Put back the comments of a batch that are still where it left them.

    A comment someone moved again since is left alone: undo never overwrites
    a later decision. The undo's decisions share one moment, so an undo can
    itself be undone.
    """
    taken = _decisions.alias("taken")
    conditions: list[Any] = [
        taken.c.id.between(batch.first_id, batch.last_id),
        taken.c.at == batch.at,
        taken.c.user_id.is_(None) if batch.user_id is None else taken.c.user_id == batch.user_id,
        # Still where the batch left it.
        _comments.c.status == taken.c.to_status,
    ]
    now = utcnow()
    before = _last_decision(session)
    recorded = (
        select(
            _comments.c.id,
            literal(user_id, ModerationDecision.user_id.type),
            literal(now, ModerationDecision.at.type),
            _comments.c.status,
            taken.c.from_status,
            literal("undo", ModerationDecision.source.type),
            literal("", ModerationDecision.note.type),
        )
        .select_from(taken.join(_comments, _comments.c.id == taken.c.comment_id))
        .where(*conditions)
        .order_by(taken.c.id)
    )
    session.execute(insert(ModerationDecision).from_select(_RECORDED, recorded))
    moved = _apply_recorded(session, before)
    return moved, _batch(session, before, moved, user_id, now)
