"""The editorial workflow through the core: roles, transitions, the log, publishing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import resource
import signal
from collections.abc import Iterator
from pathlib import Path

import html5lib
import pytest

from editor import passwords
from editor.dateline import Dateline
from editor.errors import InvalidInput, PermissionDenied, PublishError, SignInFailed
from editor.models import ArticleStatus, CommentStatus, Role, utcnow
from editor.services.articles import ArticleDraft, ArticleFilter
from editor.services.comments import CommentFilter
from editor.storage import Newsroom

S = ArticleStatus
PASSWORD = "كلمة-سر-طويلة"


@pytest.fixture
def desk(newsroom: Newsroom) -> Iterator[Newsroom]:
    """The seeded newsroom with passwords: an admin, an editor, a journalist, a moderator."""
    newsroom.users.add("admin", Role.ADMIN, "المدير", PASSWORD)
    newsroom.users.sign_in("admin", PASSWORD)
    for login, role in (("hala", Role.EDITOR), ("omar", Role.JOURNALIST), ("mona", Role.MODERATOR)):
        newsroom.users.add(login, role, login, PASSWORD)
    yield newsroom


def _as(newsroom: Newsroom, login: str) -> None:
    newsroom.users.sign_in(login, PASSWORD)


def _story(newsroom: Newsroom, **fields: object) -> int:
    section = newsroom.sections.find("دولي")
    draft = ArticleDraft(
        headline="قمة في طوكيو",
        body_html="<p>نص الخبر</p><h2>عنوان فرعي</h2><p>فقرة ثانية</p>",
        dateline=Dateline("طوكيو", dt.date(2025, 10, 28), ("رويترز",)),
        section_id=section,
    )
    for key, value in fields.items():
        draft = dataclasses.replace(draft, **{key: value})  # type: ignore[arg-type]
    changes = newsroom.articles.create(draft)
    assert changes.new_id is not None
    return changes.new_id


def test_a_journalist_is_refused_publishing_by_the_core(desk: Newsroom, tmp_path: Path) -> None:
    _as(desk, "omar")
    story = _story(desk)
    desk.workflow.transition(story, S.SUBMITTED)
    with pytest.raises(PermissionDenied):
        desk.workflow.publish(story, output_dir=tmp_path)
    with pytest.raises(PermissionDenied):
        desk.workflow.transition(story, S.APPROVED)
    assert desk.articles.get(story).status is S.SUBMITTED
    assert not (tmp_path / "stories").exists()


def test_nobody_signed_in_may_change_anything(desk: Newsroom) -> None:
    from editor.storage import open_newsroom

    other = open_newsroom(desk.url)
    try:
        assert other.actor.role is Role.GUEST
        with pytest.raises(PermissionDenied):
            other.articles.create(ArticleDraft(headline="بلا توقيع"))
        assert other.articles.count() == desk.articles.count()  # reading is fine
    finally:
        other.close()


def test_the_whole_road_with_a_log_entry_for_each_move(desk: Newsroom, tmp_path: Path) -> None:
    _as(desk, "omar")
    story = _story(desk)
    desk.workflow.transition(story, S.SUBMITTED)
    _as(desk, "hala")
    with pytest.raises(InvalidInput, match="note"):
        desk.workflow.transition(story, S.DRAFT)
    desk.workflow.transition(story, S.DRAFT, note="أضف مصدرًا ثانيًا")
    _as(desk, "omar")
    note = desk.workflow.return_note(story)
    assert note is not None and note.note == "أضف مصدرًا ثانيًا" and note.user == "hala"
    desk.workflow.transition(story, S.SUBMITTED)
    _as(desk, "hala")
    desk.workflow.transition(story, S.APPROVED)
    desk.workflow.publish(story, output_dir=tmp_path)
    desk.workflow.unpublish(story, output_dir=tmp_path)
    desk.workflow.transition(story, S.TRASH)
    desk.workflow.restore(story)
    log = list(reversed(desk.workflow.activity(article_id=story)))
    moves = [(e.from_status, e.to_status, e.user) for e in log]
    assert moves == [
        ("draft", "submitted", "omar"),
        ("submitted", "draft", "hala"),
        ("draft", "submitted", "omar"),
        ("submitted", "approved", "hala"),
        ("approved", "published", "hala"),
        ("published", "approved", "hala"),
        ("approved", "trash", "hala"),
        ("trash", "approved", "hala"),
    ]
    assert desk.articles.get(story).status is S.APPROVED
    assert [e.action for e in desk.workflow.activity(user_id=None, actions=["return"])]


def test_submitting_or_publishing_lists_what_is_missing(desk: Newsroom, tmp_path: Path) -> None:
    _as(desk, "hala")
    story = _story(desk, headline="", section_id=None)
    with pytest.raises(InvalidInput) as caught:
        desk.workflow.transition(story, S.SUBMITTED)
    assert caught.value.details["missing"] == ["headline", "section"]
    with pytest.raises((InvalidInput, PermissionDenied)):
        desk.workflow.publish(story, output_dir=tmp_path)
    assert desk.articles.get(story).status is S.DRAFT


def test_a_published_page_is_clean_valid_html5(desk: Newsroom, tmp_path: Path) -> None:
    _as(desk, "hala")
    seeded = desk.articles.rows(desk.articles.list_ids(ArticleFilter(statuses=(S.PUBLISHED,))))
    with_comments = next(
        r.id
        for r in seeded
        if desk.comments.counts(CommentFilter(article_id=r.id))[CommentStatus.APPROVED] >= 2
    )
    desk.workflow.transition(with_comments, S.APPROVED)
    desk.workflow.publish(with_comments, output_dir=tmp_path)
    page = (tmp_path / "stories" / f"{with_comments}.html").read_text("utf-8")
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in page
    view = desk.articles.get(with_comments)
    assert view.section in page and "<h1>" in page
    mine = CommentFilter(article_id=with_comments)
    for approved in desk.comments.list_ids(CommentStatus.APPROVED, mine):
        assert f'id="comment-{approved}"' in page
    for pending in desk.comments.list_ids(CommentStatus.PENDING, mine):
        assert f'id="comment-{pending}"' not in page
    assert "@" not in page.split('<section class="comments">')[1]  # no emails
    index = (tmp_path / "sections" / f"{view.section_id}.html").read_text("utf-8")
    html5lib.HTMLParser(strict=True).parse(index)
    assert f"../stories/{with_comments}.html" in index
    desk.workflow.unpublish(with_comments, output_dir=tmp_path)
    assert not (tmp_path / "stories" / f"{with_comments}.html").exists()
    assert f"../stories/{with_comments}.html" not in (
        tmp_path / "sections" / f"{view.section_id}.html"
    ).read_text("utf-8")


def test_index_pages_follow_each_publication_and_a_change_of_section(
    desk: Newsroom, tmp_path: Path
) -> None:
    _as(desk, "hala")
    world, sport = desk.sections.find("دولي"), desk.sections.find("رياضة")
    first, second = _story(desk), _story(desk, headline="نهائي الكأس", section_id=sport)
    for story in (first, second):
        desk.workflow.transition(story, S.SUBMITTED)
        desk.workflow.transition(story, S.APPROVED)
        desk.workflow.publish(story, output_dir=tmp_path)
    pages = tmp_path / "sections"
    front = (tmp_path / "index.html").read_text("utf-8")
    # Every section the front page links to has a page, empty or not.
    for section in desk.sections.tree():
        assert f"sections/{section.id}.html" in front
        assert (pages / f"{section.id}.html").exists()
    assert f"../stories/{first}.html" in (pages / f"{world}.html").read_text("utf-8")
    assert f"../stories/{second}.html" in (pages / f"{sport}.html").read_text("utf-8")
    assert f'sections/{sport}.html">رياضة</a> (1)' in front
    # Unpublished, moved to sport, published again: off the world page, under sport.
    desk.workflow.unpublish(first, output_dir=tmp_path)
    view = desk.articles.get(first)
    desk.articles.save(
        first, dataclasses.replace(view.draft(), section_id=sport), base_version=view.version
    )
    desk.workflow.publish(first, output_dir=tmp_path)
    assert f"../stories/{first}.html" not in (pages / f"{world}.html").read_text("utf-8")
    assert f"../stories/{first}.html" in (pages / f"{sport}.html").read_text("utf-8")
    assert f'sections/{sport}.html">رياضة</a> (2)' in (tmp_path / "index.html").read_text("utf-8")


def test_scheduling_in_the_past_is_refused_and_due_stories_publish(
    desk: Newsroom, tmp_path: Path
) -> None:
    _as(desk, "hala")
    story = _story(desk)
    desk.workflow.transition(story, S.SUBMITTED)
    desk.workflow.transition(story, S.APPROVED)
    with pytest.raises(InvalidInput, match="passed"):
        desk.workflow.schedule(story, utcnow() - dt.timedelta(minutes=1))
    when = utcnow() + dt.timedelta(hours=1)
    desk.workflow.schedule(story, when)
    # The seeded scheduled story is long overdue; ours is an hour away.
    assert story not in desk.workflow.run_schedule(output_dir=tmp_path)
    assert desk.articles.get(story).status is S.SCHEDULED
    published = desk.workflow.run_schedule(
        now=when + dt.timedelta(seconds=1), when="at start-up", output_dir=tmp_path
    )
    assert story in published
    assert desk.articles.get(story).status is S.PUBLISHED
    entry = desk.workflow.activity(article_id=story, limit=1)[0]
    assert entry.to_status == "published" and "at start-up" in entry.note
    assert (tmp_path / "stories" / f"{story}.html").exists()


def test_an_unwritable_output_folder_changes_nothing(desk: Newsroom, tmp_path: Path) -> None:
    _as(desk, "hala")
    story = _story(desk)
    desk.workflow.transition(story, S.SUBMITTED)
    desk.workflow.transition(story, S.APPROVED)
    blocked = tmp_path / "site"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(PublishError) as caught:
        desk.workflow.publish(story, output_dir=blocked)
    assert "cannot be written" in str(caught.value)
    assert desk.articles.get(story).status is S.APPROVED
    assert desk.workflow.activity(article_id=story, limit=1)[0].to_status == "approved"


def test_a_full_disk_leaves_no_half_page_and_the_status_unchanged(
    desk: Newsroom, tmp_path: Path
) -> None:
    _as(desk, "hala")
    story = _story(desk, body_html="<p>" + "نص طويل " * 4000 + "</p>")
    desk.workflow.transition(story, S.SUBMITTED)
    desk.workflow.transition(story, S.APPROVED)
    out = tmp_path / "site"
    out.mkdir()
    # The kernel's file-size limit fails a write the way a full disk does.
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, hard))
    try:
        with pytest.raises(PublishError):
            desk.workflow.publish(story, output_dir=out)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert desk.articles.get(story).status is S.APPROVED
    assert list(out.rglob("*.html")) == []
    assert not [p for p in out.rglob("*") if p.name.startswith(".midad-")]


def test_wrong_passwords_say_nothing_specific_and_wait_longer(desk: Newsroom) -> None:
    with pytest.raises(SignInFailed) as unknown:
        desk.users.sign_in("nobody", PASSWORD)
    with pytest.raises(SignInFailed) as wrong:
        desk.users.sign_in("omar", "not-the-password")
    assert str(unknown.value) == str(wrong.value) == "Wrong login or password"
    assert wrong.value.details["wait"] == 0  # a first slip costs nothing
    with pytest.raises(SignInFailed) as second:
        desk.users.sign_in("omar", "still-wrong")
    with pytest.raises(SignInFailed) as third:
        desk.users.sign_in("omar", "still-wrong")
    assert second.value.details["wait"] == 0 < third.value.details["wait"]
    with pytest.raises(SignInFailed, match="wait") as throttled:
        desk.users.sign_in("omar", PASSWORD)  # even the right password waits its turn
    assert throttled.value.details["wait"] > 0
    assert passwords.wait_after(4) > passwords.wait_after(3) > 0  # and the wait grows
    assert desk.articles.count() > 0


def test_only_an_admin_adds_users_after_the_first(desk: Newsroom) -> None:
    _as(desk, "hala")
    with pytest.raises(PermissionDenied):
        desk.users.add("sara", Role.JOURNALIST, "سارة", PASSWORD)
    _as(desk, "admin")
    desk.users.add("sara", Role.JOURNALIST, "سارة", PASSWORD)
    with pytest.raises(InvalidInput):
        desk.users.add("sara", Role.EDITOR)
    with pytest.raises(InvalidInput):
        desk.users.add("short", Role.EDITOR, "", "123")
