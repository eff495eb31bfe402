"""The rules acting on arriving comments and on the pending queue, stored in settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from editor.errors import InvalidInput, PermissionDenied
from editor.models import (
    Article,
    Comment,
    CommentStatus,
    ModerationDecision,
    Role,
    Setting,
    User,
)
from editor.moderation.rules import RULES_KEY, ModerationRules, apply_rules, count_links, evaluate
from editor.storage import Actor, Newsroom

NOW = dt.datetime(2026, 11, 20, 12, 0)


def act_as_role(newsroom: Newsroom, role: Role) -> None:
    """Act as a new user with this role (users are made directly: sign-in is not tested here)."""
    login = f"user_{role.value}"
    with newsroom.write() as session:
        user = User(login=login, role=role)
        session.add(user)
        session.flush()
        newsroom.actor = Actor(user.id, login, role)


def add_comments(newsroom: Newsroom, *comments: dict[str, Any]) -> list[int]:
    """Comments as the interchange import would insert them (no rules applied)."""
    with newsroom.write() as session:
        article = session.scalar(select(Article.id).limit(1))
        if article is None:
            story = Article(headline="خبر")
            session.add(story)
            session.flush()
            article = story.id
        rows = []
        for n, values in enumerate(comments):
            fields = {
                "article_id": article,
                "author_name": "قارئ",
                "author_email": f"reader{n}@example.com",
                "text": "تعليق",
                "submitted": NOW + dt.timedelta(minutes=n),
                "status": CommentStatus.PENDING,
            } | values
            row = Comment(**fields)
            session.add(row)
            rows.append(row)
        session.flush()
        return [row.id for row in rows]


def arrive(newsroom: Newsroom, rules: ModerationRules, *comments: dict[str, Any]) -> list[Comment]:
    ids = add_comments(newsroom, *comments)
    with newsroom.write() as session:
        apply_rules(session, ids, rules=rules)
    with newsroom.read() as session:
        found = {c.id: c for c in session.scalars(select(Comment).where(Comment.id.in_(ids)))}
        session.expunge_all()
    return [found[i] for i in ids]


def test_links_hold_at_the_threshold(empty_newsroom: Newsroom) -> None:
    one, two, html = arrive(
        empty_newsroom,
        ModerationRules(max_links=2),
        {"text": "انظر https://example.com"},
        {"text": "هنا https://a.example و www.b.example"},
        {"text": '<a href="file:///etc/passwd">x</a> <img src="http://x.example/i.png">'},
    )
    assert one.held_by is None
    assert two.held_by == {
        "rule": "links",
        "words": [],
        "entries": [],
        "rules": ["links"],
        "links": 2,
    }
    assert html.held_by is not None and html.held_by["links"] == 2
    assert all(c.status is CommentStatus.PENDING for c in (one, two, html))
    off = arrive(empty_newsroom, ModerationRules(max_links=0), {"text": "https://a.b https://c.d"})
    assert off[0].held_by is None


def test_block_words_send_to_spam_and_record_a_rule_decision(empty_newsroom: Newsroom) -> None:
    rules = ModerationRules(block_words=("كازينو",), hold_words=("سخيف",))
    blocked, held, clean = arrive(
        empty_newsroom,
        rules,
        {"text": "أفضل الكازينوهات: والكازينو الجديد! سخيف"},
        {"text": "مقال سخيف"},
        {"text": "مقال جيد عن المنصب الجديد"},
    )
    assert blocked.status is CommentStatus.SPAM
    assert blocked.held_by is not None
    assert blocked.held_by["rule"] == "block_words"
    assert blocked.held_by["rules"] == ["block_words", "hold_words"]
    assert "والكازينو" in blocked.held_by["words"] and "سخيف" in blocked.held_by["words"]
    assert held.status is CommentStatus.PENDING
    assert held.held_by == {
        "rule": "hold_words",
        "words": ["سخيف"],
        "entries": ["سخيف"],
        "rules": ["hold_words"],
    }
    assert clean.held_by is None
    with empty_newsroom.read() as session:
        decisions = session.execute(
            select(
                ModerationDecision.comment_id, ModerationDecision.source, ModerationDecision.note
            )
        ).all()
    assert decisions == [(blocked.id, "rule", "block_words")]


def test_trusted_authors_by_email_else_by_name(empty_newsroom: Newsroom) -> None:
    add_comments(
        empty_newsroom,
        {"author_email": "old@example.com", "status": CommentStatus.APPROVED},
        {"author_name": "سامي", "author_email": "", "status": CommentStatus.APPROVED},
        {"author_name": "", "author_email": "", "status": CommentStatus.APPROVED},
    )
    rules = ModerationRules(trust_approved_authors=True, hold_words=("سخيف",))
    same_email, same_name, stranger, anonymous, held = arrive(
        empty_newsroom,
        rules,
        {"author_email": "old@example.com", "author_name": "اسم آخر"},
        {"author_name": "سامي", "author_email": ""},
        {"author_email": "new@example.com"},
        {"author_name": "", "author_email": ""},
        {"author_email": "old@example.com", "text": "سخيف"},
    )
    assert same_email.status is CommentStatus.APPROVED
    assert same_email.held_by is not None and same_email.held_by["rule"] == "trusted_author"
    assert same_name.status is CommentStatus.APPROVED
    assert stranger.status is CommentStatus.PENDING
    assert anonymous.status is CommentStatus.PENDING  # no name, no email: never trusted
    assert held.status is CommentStatus.PENDING  # a rule that holds beats trust
    off = arrive(empty_newsroom, ModerationRules(), {"author_email": "old@example.com"})
    assert off[0].status is CommentStatus.PENDING


def test_repeated_text_is_flagged_even_when_slightly_changed(empty_newsroom: Newsroom) -> None:
    text = "اربح جوائز قيمة كل يوم من موقعنا الجديد"
    earlier = add_comments(empty_newsroom, {"text": text, "status": CommentStatus.SPAM})[0]
    copy, near, short, other = arrive(
        empty_newsroom,
        ModerationRules(),
        {"text": text},
        {"text": "اربَح جوائزٌ قيّمة كل يوم من موقعنا الجديد!!! 😀 100"},
        {"text": "شكرا جزيلا"},
        {"text": "مقال مفيد عن الاقتصاد المحلي هذا الأسبوع"},
    )
    assert copy.held_by is not None and copy.held_by["rule"] == "duplicate"
    assert set(copy.held_by["duplicate_of"]) == {earlier, near.id}
    assert near.held_by is not None and near.held_by["rule"] == "duplicate"
    assert short.held_by is None  # too short to judge
    assert other.held_by is None


def test_a_copy_outside_the_window_is_not_flagged(empty_newsroom: Newsroom) -> None:
    text = "نص طويل بما يكفي ليكون له بصمة واحدة"
    add_comments(empty_newsroom, {"text": text, "submitted": NOW - dt.timedelta(days=30)})
    late = arrive(empty_newsroom, ModerationRules(duplicate_days=7), {"text": text})
    assert late[0].held_by is None


def test_only_pending_comments_are_judged(empty_newsroom: Newsroom) -> None:
    approved = arrive(
        empty_newsroom,
        ModerationRules(block_words=("كازينو",)),
        {"text": "كازينو", "status": CommentStatus.APPROVED},
    )
    assert approved[0].status is CommentStatus.APPROVED and approved[0].held_by is None


def test_rules_are_stored_in_settings_and_re_applied_to_the_pending_queue(
    newsroom: Newsroom,
) -> None:
    service = newsroom.moderation
    assert service.rules() == ModerationRules()
    service.set_rules(ModerationRules(hold_words=("سخيف", "فاشل"), max_links=3))
    with newsroom.read() as session:
        stored = session.get(Setting, RULES_KEY)
        assert stored is not None and stored.value["hold_words"] == ["سخيف", "فاشل"]
    changes, outcome = service.apply_to_pending()
    assert outcome.checked == newsroom.comments.counts()[CommentStatus.PENDING]
    held = [v for v in newsroom.comments.views(sorted(changes.comments)) if v.held_by]
    assert {w for v in held for w in v.held_by["words"]} >= {"سخيف", "فاشل"}  # type: ignore[index]
    # Removing a word and re-applying clears what only it held.
    service.set_rules(ModerationRules(hold_words=("فاشل",), max_links=3))
    service.apply_to_pending()
    for view in newsroom.comments.views(newsroom.comments.list_ids(CommentStatus.PENDING)):
        assert not view.held_by or "سخيف" not in view.held_by["words"]


def test_damaged_stored_rules_fall_back_to_defaults(newsroom: Newsroom) -> None:
    newsroom.settings.set(RULES_KEY, {"max_links": "many", "hold_words": "not a list"})
    assert newsroom.moderation.rules() == ModerationRules()
    newsroom.settings.set(RULES_KEY, ["nonsense"])
    assert newsroom.moderation.rules() == ModerationRules()


def test_impossible_rules_are_refused(newsroom: Newsroom) -> None:
    with pytest.raises(InvalidInput):
        newsroom.moderation.set_rules(ModerationRules(max_links=-1))
    with pytest.raises(InvalidInput):
        newsroom.moderation.set_rules(ModerationRules(duplicate_days=0))
    # Entries that can never match are dropped, not stored.
    newsroom.moderation.set_rules(ModerationRules(block_words=(".*", "كازينو")))
    assert newsroom.moderation.rules().block_words == ("كازينو",)


@pytest.mark.parametrize(
    ("role", "may"),
    [(Role.MODERATOR, True), (Role.ADMIN, True), (Role.EDITOR, False), (Role.JOURNALIST, False)],
)
def test_moderators_and_admins_edit_the_rules(newsroom: Newsroom, role: Role, may: bool) -> None:
    act_as_role(newsroom, role)
    if may:
        newsroom.moderation.set_rules(ModerationRules(max_links=5))
        assert newsroom.moderation.rules().max_links == 5
    else:
        with pytest.raises(PermissionDenied):
            newsroom.moderation.set_rules(ModerationRules(max_links=5))


def test_bad_input_comments() -> None:
    rules = ModerationRules(hold_words=("سخيف",), max_links=2)
    huge = ("كلام " * 25_000)[:100_000] + " سخيف"
    verdict = evaluate(rules, huge)
    assert [m.entry for m in verdict.hold] == ["سخيف"]
    hostile = '<script>alert(1)</script><img src="file:///etc/passwd"> file://c:/x'
    assert count_links(hostile) == 2
    assert evaluate(rules, "").hold == []
