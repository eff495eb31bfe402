"""Importing WordPress exports into a real newsroom file: what is stored, what is reported."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from editor.dateline import Dateline
from editor.errors import PermissionDenied
from editor.models import (
    Article,
    ArticleStatus,
    Comment,
    CommentStatus,
    ModerationDecision,
    Role,
    Section,
    Tag,
    User,
)
from editor.moderation.rules import ModerationRules
from editor.services.articles import ArticleDraft
from editor.storage import Actor, Newsroom
from tests.editor.interchange.wxr_factory import write_wxr

FIXTURES = Path(__file__).parent / "fixtures"
SITE = FIXTURES / "newsroom-1.2.xml"
NEWER = FIXTURES / "newsroom-1.2-newer.xml"


def _article(newsroom: Newsroom, site_id: int) -> Article:
    with newsroom.read() as session:
        article = session.scalar(select(Article).where(Article.site_id == site_id))
        assert article is not None
        session.expunge(article)
        return article


def _comment(newsroom: Newsroom, site_id: int) -> Comment:
    with newsroom.read() as session:
        comment = session.scalar(select(Comment).where(Comment.site_id == site_id))
        assert comment is not None
        session.expunge(comment)
        return comment


def _counts(newsroom: Newsroom) -> dict[str, int]:
    with newsroom.read() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Article, Comment, Section, Tag, User, ModerationDecision)
        }


def test_stories_come_in_with_their_statuses_sections_tags_and_dateline(
    empty_newsroom: Newsroom,
) -> None:
    report = empty_newsroom.interchange.import_wxr(SITE)
    assert report.version == "1.2"
    assert report.added == {
        "articles": 6,
        "comments": 7,
        "sections": 4,
        "tags": 3,
        "users": 2,
    }
    statuses = {
        site: _article(empty_newsroom, site).status for site in (101, 102, 103, 104, 105, 106)
    }
    assert statuses == {
        101: ArticleStatus.PUBLISHED,
        102: ArticleStatus.APPROVED,  # private: finished, not public
        103: ArticleStatus.DRAFT,
        104: ArticleStatus.SCHEDULED,
        105: ArticleStatus.SUBMITTED,
        106: ArticleStatus.TRASH,
    }
    trashed = _article(empty_newsroom, 106)
    assert trashed.status_before_trash == "published"  # from _wp_trash_meta_status

    story = empty_newsroom.articles.get(_article(empty_newsroom, 101).id)
    assert story.headline == "واشنطن وطوكيو توقعان اتفاقية لتأمين المعادن النادرة"
    assert story.slug == "قمة-طوكيو"  # WordPress's percent-encoded slug, read back
    assert story.section == "سياسة & دبلوماسية"  # the first category; &amp; read as &
    assert set(story.tags) == {"اليابان", "المعادن النادرة"}
    assert story.standfirst == 'اتفاق "تاريخي" بين البلدين'
    # The site's first paragraph was the dateline: it became the dateline fields.
    assert story.dateline == Dateline("طوكيو", dt.date(2025, 10, 28), ("فرانس24", "أوراس"))
    assert story.body_html.startswith('<p dir="rtl">في محطة وُصفت بأنها <strong>تاريخية</strong>')
    assert "<h2>🔹 اتفاق استراتيجي ضد الهيمنة الصينية</h2>" in story.body_html
    assert "<blockquote><p>إنه عصر ذهبي جديد في العلاقات.</p></blockquote>" in story.body_html
    assert "<ul><li>الليثيوم</li><li>الكوبالت</li></ul>" in story.body_html
    assert "img" not in story.body_html and "رويترز" not in story.body_html  # image and caption
    assert story.published == dt.datetime(2025, 10, 28, 8, 30)  # GMT, as stored
    assert story.author == "سميرة حداد"
    assert story.site_id == 101
    # An import revision, so the story's history starts with what the site had.
    assert [r.reason for r in empty_newsroom.articles.revisions(story.id)] == ["import"]

    classic = empty_newsroom.articles.get(_article(empty_newsroom, 102).id)
    assert classic.headline == "عنوان معكوس أسعار النفط ترتفع"  # bidi overrides removed
    assert classic.body_html.startswith(
        "<p>ارتفعت أسعار النفط اليوم<br>بعد قرار أوبك.</p>"
        "<p>قال محللون إن الأسعار ستواصل الصعود.</p>"
    )
    assert '<p><a href="https://www.youtube.com/watch?v=oil">' in classic.body_html
    assert "<p>[Reuters] وكالات: [gallery] ليس معرضًا.</p>" in classic.body_html
    assert classic.body_html.endswith("<h3>تفاصيل</h3><ul><li>برنت</li><li>غرب تكساس</li></ul>")

    scheduled = _article(empty_newsroom, 104)
    assert scheduled.scheduled_for == dt.datetime(2025, 12, 1, 9, 0)
    draft = _article(empty_newsroom, 103)
    assert draft.created == dt.datetime(2025, 11, 5, 10, 0)  # no GMT date: the local one
    assert draft.slug == ""


def test_the_section_tree_keeps_its_hierarchy_even_given_child_first(
    empty_newsroom: Newsroom,
) -> None:
    empty_newsroom.interchange.import_wxr(SITE)
    nodes = {n.name: n for n in empty_newsroom.sections.tree()}
    by_id = {n.id: n.name for n in nodes.values()}
    assert by_id[nodes["الطاقة"].parent_id] == "اقتصاد"  # type: ignore[index]
    assert by_id[nodes["اقتصاد"].parent_id] == "أخبار"  # type: ignore[index]
    assert by_id[nodes["سياسة & دبلوماسية"].parent_id] == "أخبار"  # type: ignore[index]
    assert nodes["أخبار"].parent_id is None
    assert nodes["الطاقة"].slug == "الطاقة"
    with empty_newsroom.read() as session:
        sites = dict(session.execute(select(Section.name, Section.site_id)).all())
    assert sites == {"أخبار": 10, "اقتصاد": 11, "الطاقة": 12, "سياسة & دبلوماسية": 13}


def test_authors_become_journalists_who_cannot_sign_in(empty_newsroom: Newsroom) -> None:
    empty_newsroom.interchange.import_wxr(SITE)
    with empty_newsroom.read() as session:
        users = {u.site_id: u for u in session.scalars(select(User))}
        assert users[7].login == "samira" and users[7].display_name == "سميرة حداد"
        assert users[7].role is Role.JOURNALIST and users[7].password_hash is None
        # The site's "admin" is not the local admin account: it gets its own login.
        assert users[1].login == "admin-2" and users[1].role is Role.JOURNALIST
        assert users[None].login == "admin" and users[None].role is Role.ADMIN


def test_comments_keep_their_statuses_threads_and_site_ids(empty_newsroom: Newsroom) -> None:
    report = empty_newsroom.interchange.import_wxr(SITE)
    statuses = {
        site: _comment(empty_newsroom, site).status for site in (501, 502, 503, 504, 505, 510)
    }
    assert statuses == {
        501: CommentStatus.APPROVED,
        502: CommentStatus.APPROVED,
        503: CommentStatus.PENDING,
        504: CommentStatus.SPAM,
        505: CommentStatus.TRASH,
        510: CommentStatus.TRASH,  # post-trashed
    }
    first, reply, reply_to_reply = (_comment(empty_newsroom, s) for s in (501, 502, 503))
    assert reply.parent_id == first.id and reply.site_parent_id == 501
    # 503 came before its parent in the file and still found it.
    assert reply_to_reply.parent_id == reply.id
    orphan = _comment(empty_newsroom, 507)
    assert orphan.parent_id is None and orphan.site_parent_id == 999
    assert report.notes["replies_without_parent"] == 1
    thread = empty_newsroom.comments.thread(reply_to_reply.id)
    assert [entry.row.id for entry in thread][:3] == [first.id, reply.id, reply_to_reply.id]
    assert _comment(empty_newsroom, 501).author_email == "abu.yousef@example.com"


def test_what_is_not_a_reader_comment_or_a_story_is_skipped_and_counted(
    empty_newsroom: Newsroom,
) -> None:
    report = empty_newsroom.interchange.import_wxr(SITE)
    assert report.skipped == {
        "post_type:page": 1,
        "post_type:attachment": 1,
        "post_type:nav_menu_item": 1,
        "post_type:sports_result": 1,  # a type this site's plugin made
        "auto_draft": 1,
        "comment_type:pingback": 1,
        "comments_of_skipped_posts": 1,
        "taxonomy:nav_menu": 1,
    }
    assert report.notes["extra_categories"] == 1
    with empty_newsroom.read() as session:
        headlines = set(session.scalars(select(Article.headline)))
    assert "من نحن" not in headlines and "مسودة تلقائية" not in headlines


def test_bidi_controls_are_neutralised_where_people_read(empty_newsroom: Newsroom) -> None:
    report = empty_newsroom.interchange.import_wxr(SITE)
    assert report.notes["bidi_headlines"] == 1 and report.notes["bidi_comments"] == 1
    spam = _comment(empty_newsroom, 504)
    assert "\u202e" in spam.text  # kept as the site has it, for the site
    shown = empty_newsroom.comments.get(spam.id)
    assert "\u202e" not in shown.text and "اضغط هنا" in shown.text


@pytest.mark.parametrize("name", ["site-1.0.xml", "site-1.1.xml", "site-1.2.xml"])
def test_every_wxr_version_gives_the_same_newsroom(empty_newsroom: Newsroom, name: str) -> None:
    report = empty_newsroom.interchange.import_wxr(FIXTURES / name)
    assert report.version == name[5:8]
    assert report.added["articles"] == 1 and report.added["comments"] == 2
    story = empty_newsroom.articles.get(_article(empty_newsroom, 5).id)
    assert story.headline == "الفريق يفوز بالكأس"
    assert story.section == "كرة القدم"
    assert story.tags == ("الدوري",)
    assert story.slug == "الكأس"
    assert story.standfirst == "فوز صعب"
    assert story.body_html == (
        "<p>فاز الفريق بالكأس مساء الأحد<br>بعد مباراة صعبة.</p>"
        "<p>وقال المدرب إن اللاعبين قدموا أداءً رائعًا.</p>"
    )
    nodes = {n.name: n for n in empty_newsroom.sections.tree()}
    assert nodes["كرة القدم"].parent_id == nodes["رياضة"].id
    assert _comment(empty_newsroom, 12).parent_id == _comment(empty_newsroom, 11).id


def test_a_wxr_10_site_imported_again_as_11_is_not_duplicated(empty_newsroom: Newsroom) -> None:
    empty_newsroom.interchange.import_wxr(FIXTURES / "site-1.0.xml")
    before = _counts(empty_newsroom)
    report = empty_newsroom.interchange.import_wxr(FIXTURES / "site-1.1.xml")
    assert _counts(empty_newsroom) == before
    assert not report.added
    # The 1.1 file gave the author's site id to the author the 1.0 file made.
    with empty_newsroom.read() as session:
        assert session.scalar(select(User.site_id).where(User.login == "editor")) == 2


def test_importing_the_same_export_again_changes_nothing(empty_newsroom: Newsroom) -> None:
    empty_newsroom.interchange.import_wxr(SITE)
    before = _counts(empty_newsroom)
    report = empty_newsroom.interchange.import_wxr(SITE)
    assert _counts(empty_newsroom) == before
    assert not report.added and not report.updated
    assert report.matched == {
        "articles": 6,
        "comments": 7,
        "sections": 4,
        "tags": 3,
        "users": 2,
    }
    assert report.changes.articles == frozenset() and report.changes.new_id is None


def test_a_newer_export_adds_what_is_new_and_respects_local_decisions(
    empty_newsroom: Newsroom,
) -> None:
    empty_newsroom.interchange.import_wxr(SITE)
    story = _article(empty_newsroom, 101)
    edited = empty_newsroom.articles.get(story.id)
    empty_newsroom.articles.save(
        story.id,
        ArticleDraft(**{**edited.draft().__dict__, "headline": "عنوان عدّله المحرر هنا"}),
        base_version=edited.version,
    )
    # A moderator decided 503 here (trash); the site later approved it.
    decided = _comment(empty_newsroom, 503)
    empty_newsroom.comments.set_status([decided.id], CommentStatus.TRASH)
    before = _counts(empty_newsroom)

    report = empty_newsroom.interchange.import_wxr(NEWER)

    assert report.added["articles"] == 1 and report.added["comments"] == 2
    assert report.added["sections"] == 1 and report.added["users"] == 1
    assert _counts(empty_newsroom)["articles"] == before["articles"] + 1
    # The story edited here was not overwritten by the site's newer text.
    assert empty_newsroom.articles.get(story.id).headline == "عنوان عدّله المحرر هنا"
    # Not decided here: the site's decision is taken, and recorded as already in step.
    site_trashed = _comment(empty_newsroom, 502)
    assert site_trashed.status is CommentStatus.TRASH
    assert report.updated["comments"] == 1
    with empty_newsroom.read() as session:
        imported = session.scalar(
            select(ModerationDecision).where(ModerationDecision.comment_id == site_trashed.id)
        )
        assert imported is not None and imported.source == "import"
        assert imported.sent_at is not None  # nothing to send back
    # Decided here: the local decision stands, and the report says the site disagrees.
    assert _comment(empty_newsroom, 503).status is CommentStatus.TRASH
    assert report.disagreement_count == 1
    (disagreement,) = report.disagreements
    assert disagreement.site_id == 503
    assert disagreement.local_status is CommentStatus.TRASH
    assert disagreement.site_status is CommentStatus.APPROVED
    assert disagreement.article == "واشنطن وطوكيو توقعان اتفاقية لتأمين المعادن النادرة (محدث)"
    # New comments arrive where they belong, threads included.
    reply = _comment(empty_newsroom, 508)
    assert reply.parent_id == _comment(empty_newsroom, 501).id
    assert reply.article_id == story.id
    gaza = empty_newsroom.articles.get(_article(empty_newsroom, 107).id)
    assert gaza.section == "فلسطين" and gaza.dateline.place == "غزة"
    assert gaza.body_html == "<p>وصلت قافلة مساعدات جديدة إلى القطاع صباح اليوم.</p>"
    assert report.changes.new_id == gaza.id and gaza.id in report.changes.articles
    # The export of decisions for the site carries the local one only.
    result = empty_newsroom.moderation.export_decisions(empty_newsroom_path(empty_newsroom))
    assert result.comments == 1


def empty_newsroom_path(newsroom: Newsroom) -> Path:
    # The test's own data folder (tests/conftest.py): a PostgreSQL newsroom has no folder.
    return Path(os.environ["XDG_DATA_HOME"]) / "decisions.json"


def test_new_pending_comments_go_through_the_moderation_rules(empty_newsroom: Newsroom) -> None:
    empty_newsroom.moderation.set_rules(
        ModerationRules(block_words=("اضغط",), hold_words=("الضمانات",))
    )
    report = empty_newsroom.interchange.import_wxr(SITE)
    held = _comment(empty_newsroom, 503)  # pending, and says الضمانات
    assert held.status is CommentStatus.PENDING
    assert held.held_by is not None and held.held_by["rule"] == "hold_words"
    assert report.notes["rules_held"] >= 1
    # Comments the site already decided are the site's business, not the rules'.
    assert _comment(empty_newsroom, 504).status is CommentStatus.SPAM
    assert _comment(empty_newsroom, 501).status is CommentStatus.APPROVED


def test_only_editors_and_admins_import(empty_newsroom: Newsroom) -> None:
    empty_newsroom.actor = Actor(None, "reporter", Role.JOURNALIST)
    with pytest.raises(PermissionDenied):
        empty_newsroom.interchange.import_wxr(SITE)
    assert _counts(empty_newsroom)["articles"] == 0


def test_the_import_reports_its_progress_through_the_file(empty_newsroom: Newsroom) -> None:
    seen = []
    report = empty_newsroom.interchange.import_wxr(SITE, progress=seen.append)
    assert report.added["articles"] == 6
    stages = [p.stage for p in seen]
    assert stages[0] == "reading" and "linking" in stages and stages[-1] == "rules"
    assert all(p.total == SITE.stat().st_size for p in seen if p.stage == "reading")


def test_search_finds_what_the_import_brought(empty_newsroom: Newsroom) -> None:
    report = empty_newsroom.interchange.import_wxr(SITE)
    assert len(report.article_ids) == 6 and len(report.comment_ids) == 7
    found = empty_newsroom.search.search("الليثيوم")  # a word of story 101's body
    assert [hit.id for hit in found.hits] == [_article(empty_newsroom, 101).id]
    found = empty_newsroom.search.search("بكين ضمانات")  # comment 502, any spelling of بكين
    assert _comment(empty_newsroom, 502).id in {hit.id for hit in found.hits}
    assert not empty_newsroom.search.needs_rebuild()


def test_a_large_import_is_indexed_after_it_commits_and_can_be_stopped_there(
    empty_newsroom: Newsroom, tmp_path: Path
) -> None:
    # More new rows than the index takes at once: they are noted in the import's
    # transaction and indexed after the commit, a batch at a time.
    big = write_wxr(tmp_path / "big.xml", posts=250, comments_per_post=10, words_per_post=60)
    stages: list[str] = []
    report = empty_newsroom.interchange.import_wxr(
        big,
        progress=lambda p: stages.append(p.stage),
        # Stop once the indexing has begun: the import itself has committed by then.
        cancelled=lambda: "indexing" in stages,
    )
    assert report.added["comments"] == 2500
    assert report.notes["search_index_stopped"] == 1
    assert 0 < empty_newsroom.search.pending() < 2500  # the rest is noted, not lost
    empty_newsroom.search.catch_up()  # what the interface does in the background
    assert empty_newsroom.search.pending() == 0
    assert empty_newsroom.search.counts() == (250, 2500)
