"""Bulk decisions over thousands of comments: the set-based path is audited and
undone exactly like a single decision."""

from __future__ import annotations

from dataclasses import replace
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
    # A large move leaves nothing behind on the connection: the next one works the same.
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


def test_five_thousand_at_once_are_decided_and_undone_like_one(newsroom: Newsroom) -> None:
    """One comment decided alone, 5,000 in one call: the same trail, queues and undo."""
    one, *rest = add_comments(
        newsroom, *({"text": f"تعليق {n}", "note": f"ملاحظة {n}"} for n in range(5001))
    )
    assert len(rest) > 4 * INLINE_IDS  # the long-list path, not bound parameters
    views_before = newsroom.comments.views([one, *rest])
    counts_before = newsroom.comments.counts()

    alone = newsroom.comments.decide([one], SPAM, note="دعاية", source="bulk")
    at_once = newsroom.comments.decide(rest, SPAM, note="دعاية", source="bulk")

    assert trail(newsroom, [one]) == [(one, "pending", "spam", "bulk", "دعاية")]
    assert trail(newsroom, rest) == [(cid, "pending", "spam", "bulk", "دعاية") for cid in rest]
    assert at_once.changes.comments == frozenset(rest)
    assert at_once.batch is not None and at_once.batch.count == len(rest)
    counts = newsroom.comments.counts()
    assert counts[SPAM] == counts_before[SPAM] + 1 + len(rest)
    assert counts[PENDING] == counts_before[PENDING] - 1 - len(rest)
    # The spam queue holds them newest first, read from the queue rows alone.
    newest_first = [v.id for v in sorted(views_before, key=lambda v: (v.submitted, v.id))][::-1]
    spam_queue = newsroom.comments.list_ids(SPAM)
    assert [cid for cid in spam_queue if cid in set(newest_first)] == newest_first
    # Only the queue moved: every comment reads as before, apart from its status.
    after = newsroom.comments.views([one, *rest])
    assert [v.status for v in after] == [SPAM] * len(after)
    assert [replace(v, status=PENDING) for v in after] == views_before

    assert alone.batch is not None
    back = newsroom.comments.undo(at_once.batch)
    assert back.changes.comments == frozenset(rest)
    assert newsroom.comments.undo(alone.batch).changes.comments == {one}
    assert newsroom.comments.counts() == counts_before
    undone = [row for row in trail(newsroom, [one, *rest]) if row[3] == "undo"]
    assert sorted(undone) == sorted((cid, "spam", "pending", "undo", "") for cid in [one, *rest])
    assert newsroom.comments.views([one, *rest]) == views_before
