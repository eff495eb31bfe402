"""Queues, filters, the thread, the author's history, notes, bulk decisions with undo,
the audit trail and the export of unsent decisions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from editor.errors import InvalidInput, NotFound, PermissionDenied, StorageUnavailable
from editor.models import Comment, CommentStatus, ModerationDecision, Role
from editor.services.comments import CommentFilter
from editor.storage import Newsroom
from tests.editor.test_moderation_rules import act_as_role, add_comments

PENDING = CommentStatus.PENDING
APPROVED = CommentStatus.APPROVED


def by_author(newsroom: Newsroom, name: str) -> list[int]:
    with newsroom.read() as session:
        return list(session.scalars(select(Comment.id).where(Comment.author_name == name)))


def test_counts_and_queues_across_all_stories_or_one(newsroom: Newsroom) -> None:
    everything = newsroom.comments.counts()
    assert sum(everything.values()) == 42
    listed = len(newsroom.comments.list_ids(PENDING))
    assert newsroom.comments.counts(known=(PENDING, listed)) == everything
    first_story = newsroom.comments.rows(newsroom.comments.list_ids(PENDING))[0].article_id
    one = newsroom.comments.counts(CommentFilter(article_id=first_story))
    assert 0 < sum(one.values()) < 42
    ids = newsroom.comments.list_ids(PENDING, CommentFilter(article_id=first_story))
    assert len(ids) == one[PENDING]
    assert {r.article_id for r in newsroom.comments.rows(ids)} == {first_story}


def test_filters_by_section_dates_and_author(newsroom: Newsroom) -> None:
    sport = newsroom.sections.find("رياضة")
    assert sport is not None
    in_sport = newsroom.comments.counts(CommentFilter(section_id=sport))
    assert 0 < sum(in_sport.values()) < 42
    rows = newsroom.comments.rows(newsroom.comments.list_ids(PENDING))
    day = rows[0].submitted.replace(hour=0, minute=0, second=0)
    dated = newsroom.comments.list_ids(
        PENDING, CommentFilter(since=day, until=day + dt.timedelta(days=1))
    )
    assert dated and all(
        day <= r.submitted < day + dt.timedelta(days=1) for r in newsroom.comments.rows(dated)
    )
    named = newsroom.comments.rows(
        newsroom.comments.list_ids(PENDING, CommentFilter(author="خالد"))
    )
    assert named and all("خالد" in r.author for r in named)
    by_email = newsroom.comments.list_ids(PENDING, CommentFilter(author="khaled.omari@example.com"))
    assert by_email == [r.id for r in named]
    # A wildcard in the author field is a plain character.
    assert newsroom.comments.list_ids(PENDING, CommentFilter(author="%")) == []


def test_emails_are_a_filter_only_for_those_who_may_see_them(newsroom: Newsroom) -> None:
    act_as_role(newsroom, Role.EDITOR)
    assert (
        newsroom.comments.list_ids(PENDING, CommentFilter(author="khaled.omari@example.com")) == []
    )


def test_thread_around_a_reply(newsroom: Newsroom) -> None:
    with newsroom.read() as session:
        reply = session.scalar(select(Comment.id).where(Comment.parent_id.is_not(None)).limit(1))
    assert reply is not None
    thread = newsroom.comments.thread(reply)
    ids = [entry.row.id for entry in thread]
    assert reply in ids and thread[0].depth == 0
    parent = newsroom.comments.get(reply).parent_id
    assert parent in ids
    assert next(e.depth for e in thread if e.row.id == reply) > 0
    with pytest.raises(NotFound):
        newsroom.comments.thread(99_999)


def test_author_history_by_email_else_name(newsroom: Newsroom) -> None:
    khaled = by_author(newsroom, "خالد العمري")
    history = newsroom.comments.author_history(khaled[0])
    assert history.by == "email"
    assert history.total == 2 and history.counts[APPROVED] == 1
    assert {r.id for r in history.recent} == set(khaled)
    [nameless] = add_comments(newsroom, {"author_name": "ضيف", "author_email": ""})
    add_comments(newsroom, {"author_name": "ضيف", "author_email": "", "status": APPROVED})
    by_name = newsroom.comments.author_history(nameless)
    assert by_name.by == "name" and by_name.total == 2 and by_name.counts[APPROVED] == 1
    [anonymous] = add_comments(newsroom, {"author_name": "", "author_email": ""})
    assert newsroom.comments.author_history(anonymous).by == ""


def test_private_details_only_for_moderators_and_admins(newsroom: Newsroom) -> None:
    some = newsroom.comments.list_ids(PENDING)[0]
    assert newsroom.comments.get(some).email
    act_as_role(newsroom, Role.EDITOR)
    view = newsroom.comments.get(some)
    assert view.email == "" and view.ip == ""
    assert view.to_json()["email"] == ""


def test_bulk_decision_is_one_batch_and_undo_puts_everything_back(newsroom: Newsroom) -> None:
    pending = newsroom.comments.list_ids(PENDING)
    decided = newsroom.comments.decide(pending, CommentStatus.TRASH, source="bulk")
    assert decided.batch is not None and decided.batch.count == len(pending)
    assert decided.changes.comments == frozenset(pending)
    assert newsroom.comments.counts()[PENDING] == 0
    back = newsroom.comments.undo(decided.batch)
    assert back.changes.comments == frozenset(pending)
    assert sorted(newsroom.comments.list_ids(PENDING)) == sorted(pending)
    # Undo itself can be undone.
    assert back.batch is not None
    newsroom.comments.undo(back.batch)
    assert newsroom.comments.counts()[PENDING] == 0


def test_undo_never_overwrites_a_later_decision(newsroom: Newsroom) -> None:
    first, second = newsroom.comments.list_ids(PENDING)[:2]
    decided = newsroom.comments.decide([first, second], APPROVED)
    newsroom.comments.decide([second], CommentStatus.SPAM)  # someone moved it again
    assert decided.batch is not None
    undone = newsroom.comments.undo(decided.batch)
    assert undone.changes.comments == frozenset({first})
    assert newsroom.comments.get(second).status is CommentStatus.SPAM


def test_a_decision_records_who_when_from_to_source_and_note(newsroom: Newsroom) -> None:
    target = newsroom.comments.list_ids(PENDING)[0]
    newsroom.comments.decide([target], APPROVED, note="ok بعد المراجعة")
    newsroom.comments.decide([target], APPROVED)  # already there: nothing recorded
    [row] = newsroom.comments.decisions(target)
    assert (row.user, row.from_status, row.to_status, row.source) == (
        "admin",
        PENDING,
        APPROVED,
        "manual",
    )
    assert row.note == "ok بعد المراجعة" and not row.sent
    with pytest.raises(InvalidInput):
        newsroom.comments.decide([target], PENDING, source="magic")


def test_journalists_cannot_moderate(newsroom: Newsroom) -> None:
    act_as_role(newsroom, Role.JOURNALIST)
    with pytest.raises(PermissionDenied):
        newsroom.comments.decide(newsroom.comments.list_ids(PENDING)[:1], APPROVED)


def test_notes(newsroom: Newsroom) -> None:
    target = newsroom.comments.list_ids(PENDING)[0]
    changes = newsroom.comments.set_note(target, "  راجع\u202e المصدر  ")
    assert changes.comments == frozenset({target})
    assert newsroom.comments.get(target).note == "راجع المصدر"
    assert newsroom.comments.set_note(target, "راجع المصدر").empty
    with pytest.raises(InvalidInput):
        newsroom.comments.set_note(target, "x" * 2001)
    with pytest.raises(NotFound):
        newsroom.comments.set_note(99_999, "x")


def test_export_writes_unsent_decisions_once_and_marks_them_sent(
    newsroom: Newsroom, tmp_path: Path
) -> None:
    pending = newsroom.comments.list_ids(PENDING)
    with newsroom.write() as session:
        session.get(Comment, pending[0]).site_id = 501  # type: ignore[union-attr]
    newsroom.comments.decide(pending[:3], APPROVED)
    newsroom.comments.decide(pending[:1], CommentStatus.SPAM, note="إعلان")
    assert newsroom.moderation.unsent_count() == 4
    out = tmp_path / "decisions.json"
    result = newsroom.moderation.export_decisions(out)
    assert (result.decisions, result.comments) == (4, 3)
    document = json.loads(out.read_text("utf-8"))
    assert document["format"] == "midad-moderation-decisions" and document["version"] == 1
    entries = {entry["id"]: entry for entry in document["comments"]}
    first = entries[pending[0]]
    assert first == {
        "site_id": 501,
        "id": pending[0],
        "status": "spam",
        "wp_comment_approved": "spam",
        "previous_status": "pending",
        "decisions": 2,
        "decided": first["decided"],
        "decided_by": "admin",
        "source": "manual",
        "note": "إعلان",
    }
    assert {entries[i]["status"] for i in pending[1:3]} == {"approved"}
    assert newsroom.moderation.unsent_count() == 0
    assert all(d.sent for d in newsroom.comments.decisions(pending[0]))
    again = newsroom.moderation.export_decisions(tmp_path / "again.json")
    assert again.decisions == 0
    assert json.loads((tmp_path / "again.json").read_text("utf-8"))["comments"] == []


def test_a_failed_export_leaves_the_decisions_unsent(newsroom: Newsroom, tmp_path: Path) -> None:
    newsroom.comments.decide(newsroom.comments.list_ids(PENDING)[:2], APPROVED)
    with pytest.raises(StorageUnavailable):
        newsroom.moderation.export_decisions(tmp_path / "missing" / "decisions.json")
    assert newsroom.moderation.unsent_count() == 2
    with newsroom.read() as session:
        assert session.scalar(select(ModerationDecision.sent_at).limit(1)) is None


def test_hostile_comments_are_read_back_with_bidi_controls_removed(newsroom: Newsroom) -> None:
    [cid] = add_comments(
        newsroom,
        {
            "text": "ملف\u202egpj.exe <img src=x onerror=alert(1)>",
            "author_name": "\u2067محمد\u2069",
            "author_email": "not-an-email@@",
        },
    )
    view = newsroom.comments.get(cid)
    assert view.text == "ملفgpj.exe <img src=x onerror=alert(1)>"
    assert view.author == "محمد" and view.email == "not-an-email@@"


def test_a_prolific_authors_record_counts_their_latest_comments(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editor.services.comments as comments_module

    ids = add_comments(
        newsroom,
        *({"author_email": "many@example.com", "status": APPROVED} for _ in range(3)),
        {"author_email": "many@example.com"},
    )
    monkeypatch.setattr(comments_module, "HISTORY_COUNTED", 2)
    history = newsroom.comments.author_history(ids[-1])
    assert history.more and history.total == 2
    assert history.counts[PENDING] == 1 and history.counts[APPROVED] == 1
    assert history.recent[0].id == ids[-1]


def test_a_queue_read_page_by_page_is_the_whole_queue_in_order(newsroom: Newsroom) -> None:
    # Comments posted at the same moment: the page boundary falls between them.
    same_moment = dt.datetime(2026, 11, 30, 9, 0)
    add_comments(newsroom, *({"submitted": same_moment} for _ in range(7)))
    for flt in (None, CommentFilter(author="قارئ")):
        whole = newsroom.comments.list_ids(PENDING, flt)
        pages: list[int] = []
        page = newsroom.comments.page(PENDING, flt, None, 3)
        while True:
            pages.extend(page.ids)
            if page.next is None:
                break
            page = newsroom.comments.page(PENDING, flt, page.next, 3)
        assert pages == whole
    first = newsroom.comments.page(PENDING, None, None, 3)
    rest = newsroom.comments.page(PENDING, None, first.next)
    assert rest.next is None and rest.ids == newsroom.comments.list_ids(PENDING)[3:]


def test_a_tally_says_which_decisions_it_includes(newsroom: Newsroom) -> None:
    before = newsroom.comments.tally()
    assert before.counts == newsroom.comments.counts()
    assert before.unsent == newsroom.moderation.unsent_count()
    decided = newsroom.comments.decide(newsroom.comments.list_ids(PENDING)[:2], APPROVED)
    after = newsroom.comments.tally()
    assert decided.batch is not None and after.last_decision == decided.batch.last_id
    assert after.counts[PENDING] == before.counts[PENDING] - 2
    assert after.unsent == before.unsent + 2
