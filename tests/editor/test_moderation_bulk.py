"""Bulk decisions over thousands of comments: the set-based path is audited and
undone exactly like a single decision."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from editor.models import Comment, CommentStatus, ModerationDecision
from editor.moderation.decisions import INLINE_IDS
from editor.storage import Newsroom
from tests.editor.test_moderation_rules import add_comments

PENDING = CommentStatus.PENDING
APPROVED = CommentStatus.APPROVED
SPAM = CommentStatus.SPAM
MANY = 3 * INLINE_IDS + 17


def statuses(newsroom: Newsroom, ids: list[int]) -> dict[int, CommentStatus]:
    with newsroom.read() as session:
        rows = session.execute(select(Comment.id, Comment.status).where(Comment.id.in_(ids)))
        return {cid: CommentStatus(status) for cid, status in rows}


def trail(newsroom: Newsroom, ids: list[int]) -> list[tuple[Any, ...]]:
    """Every decision on these comments, oldest first: (comment, from, to, source, note)."""
    with newsroom.read() as session:
        query = (
            select(
                ModerationDecision.comment_id,
                ModerationDecision.from_status,
                ModerationDecision.to_status,
                ModerationDecision.source,
                ModerationDecision.note,
            )
            .where(ModerationDecision.comment_id.in_(ids))
            .order_by(ModerationDecision.id)
        )
        return [tuple(row) for row in session.execute(query)]


def test_a_bulk_decision_is_audited_like_single_ones(newsroom: Newsroom) -> None:
    many = add_comments(newsroom, *({"text": f"تعليق رقم {n}"} for n in range(MANY)))
    spam = many[::7]
    newsroom.comments.decide(spam, SPAM)
    already = many[1::7]
    newsroom.comments.decide(already, APPROVED)
    before = trail(newsroom, many)

    # Twice the same id, and comments already approved: neither is decided twice.
    decided = newsroom.comments.decide([*many, many[5]], APPROVED, note="حملة", source="bulk")

    moving = [cid for cid in many if cid not in set(already)]
    assert decided.batch is not None and decided.batch.count == len(moving)
    assert decided.changes.comments == frozenset(moving)
    assert set(statuses(newsroom, many).values()) == {APPROVED}
    added = trail(newsroom, many)[len(before) :]
    assert added == [
        (cid, "spam" if cid in set(spam) else "pending", "approved", "bulk", "حملة")
        for cid in moving
    ]
    # Exactly what one decision at a time would have recorded.
    assert decided.batch.last_id - decided.batch.first_id + 1 == len(moving)


def test_a_bulk_undo_puts_each_comment_back_where_it_was(newsroom: Newsroom) -> None:
    many = add_comments(newsroom, *({"text": f"رأي {n}"} for n in range(MANY)))
    spam = many[:40]
    newsroom.comments.decide(spam, SPAM)
    decided = newsroom.comments.decide(many, APPROVED, source="bulk")
    assert decided.batch is not None
    moved_again = many[100]
    newsroom.comments.decide([moved_again], SPAM)  # someone decided it again since

    back = newsroom.comments.undo(decided.batch)

    assert back.changes.comments == frozenset(many) - {moved_again}
    now = statuses(newsroom, many)
    assert {cid for cid, s in now.items() if s is SPAM} == {*spam, moved_again}
    assert {cid for cid, s in now.items() if s is PENDING} == set(many) - {*spam, moved_again}
    undo_rows = [row for row in trail(newsroom, many) if row[3] == "undo"]
    assert sorted(row[0] for row in undo_rows) == sorted(back.changes.comments)
    assert all(row[1] == "approved" for row in undo_rows)
    assert {row[0]: row[2] for row in undo_rows if row[0] in set(spam)} == {
        cid: "spam" for cid in spam
    }

    # The undo is one batch too (one moment), and can itself be undone.
    assert back.batch is not None and back.batch.count == len(many) - 1
    again = newsroom.comments.undo(back.batch)
    assert again.changes.comments == back.changes.comments
    assert statuses(newsroom, many)[many[0]] is APPROVED
    assert statuses(newsroom, many)[moved_again] is SPAM


def test_large_decisions_follow_each_other_on_one_connection(newsroom: Newsroom) -> None:
    many = add_comments(newsroom, *({"text": f"ملاحظة {n}"} for n in range(MANY)))
    # The ids' scratch table is gone after each move: the next one can make it again.
    for status in (SPAM, APPROVED, PENDING):
        decided = newsroom.comments.decide(many, status, source="bulk")
        assert decided.changes.comments == frozenset(many)
    with newsroom.read() as session:
        count = session.scalar(
            select(func.count(ModerationDecision.id)).where(ModerationDecision.comment_id.in_(many))
        )
    assert count == 3 * len(many)
    assert set(statuses(newsroom, many).values()) == {PENDING}


def test_nothing_to_move_records_nothing(newsroom: Newsroom) -> None:
    many = add_comments(newsroom, *({"text": f"سطر {n}"} for n in range(INLINE_IDS + 1)))
    assert newsroom.comments.decide(many, PENDING).batch is None
    assert newsroom.comments.decide([], APPROVED).batch is None
    assert trail(newsroom, many) == []
