"""Moving comments between queues in bulk, undoing it, and the audit trail it leaves.

Every move writes one ``ModerationDecision`` per comment (who, when, from,
to, source, note). Moves are set-based whatever their size: one
``INSERT … SELECT`` records the decisions from the comments' current status
and one ``UPDATE`` moves exactly the comments it recorded, so 100,000
comments are a handful of statements. A large list of ids reaches the
database once, as one array value, instead of as tens of thousands of bound
parameters that SQLAlchemy would render again for every statement; an undo
never leaves the database at all: its ids are the batch's own decisions.

The statements touch only ``comment_states``, the comments' narrow queue
rows (migration 0009): SQLite rewrites a whole row to change one column, and
a comment's row carries its text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Table,
    any_,
    bindparam,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from editor.models import CommentStatus, ModerationDecision, comment_states, utcnow
from editor.write_hints import mark_large_write

# Up to this many ids travel as bound parameters; more as one array (see _listed).
INLINE_IDS = 500
SOURCES = ("manual", "rule", "bulk", "undo", "import")

# Only the comments' narrow queue rows: a move never touches the comments themselves.
_states = comment_states
_decisions = cast(Table, ModerationDecision.__table__)
_RECORDED = ["comment_id", "user_id", "at", "from_status", "to_status", "source", "note"]


@dataclass(frozen=True)
class DecisionBatch:
    """The decisions one call made: what ``undo`` takes back."""

    user_id: int | None
    at: dt.datetime
    first_id: int
    last_id: int
    count: int


def _listed(session: Session, ids: list[int]) -> ColumnElement[bool]:
    """``comment_id`` is one of ``ids``: a long list reaches the database as one value.

    Tens of thousands of bound parameters would be rendered and bound again
    for each statement, and filling a temporary table row by row cost a
    tenth of a 100,000-comment move. SQLite reads a JSON array
    (``json_each``), PostgreSQL an array (``= ANY``).
    """
    column = _states.c.comment_id
    if len(ids) > INLINE_IDS:
        numbers = [int(i) for i in ids]
        dialect = session.connection().dialect.name
        if dialect == "sqlite":
            listed = func.json_each(json.dumps(numbers)).table_valued("value")
            return column.in_(select(listed.c.value))
        if dialect == "postgresql":
            return column == any_(bindparam("listed_ids", numbers, type_=ARRAY(Integer)))
    return column.in_(ids)


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
            update(_states).where(_states.c.comment_id.in_(just_recorded)).values(status=status)
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
    wanted = _listed(session, unique)
    recorded = select(
        _states.c.comment_id,
        literal(user_id, ModerationDecision.user_id.type),
        literal(now, ModerationDecision.at.type),
        _states.c.status,
        literal(status.value, ModerationDecision.to_status.type),
        literal(source, ModerationDecision.source.type),
        literal(note, ModerationDecision.note.type),
    ).where(wanted, _states.c.status != status.value)
    # The trail in comment order whatever order the ids came in (SQLite reads
    # the list in that order anyway; PostgreSQL would not).
    recorded = recorded.order_by(_states.c.comment_id)
    session.execute(insert(ModerationDecision).from_select(_RECORDED, recorded))
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
        _states.c.status == taken.c.to_status,
    ]
    now = utcnow()
    before = _last_decision(session)
    recorded = (
        select(
            _states.c.comment_id,
            literal(user_id, ModerationDecision.user_id.type),
            literal(now, ModerationDecision.at.type),
            _states.c.status,
            taken.c.from_status,
            literal("undo", ModerationDecision.source.type),
            literal("", ModerationDecision.note.type),
        )
        .select_from(taken.join(_states, _states.c.comment_id == taken.c.comment_id))
        .where(*conditions)
        .order_by(taken.c.id)
    )
    session.execute(insert(ModerationDecision).from_select(_RECORDED, recorded))
    moved = _apply_recorded(session, before)
    return moved, _batch(session, before, moved, user_id, now)
