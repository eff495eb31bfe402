"""The index follows every path that changes what is searchable, and nothing else needs it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, insert, select, update

from editor.comment_rows import insert_comments
from editor.errors import ConflictError
from editor.models import Article, ArticleStatus, Comment, CommentStatus, comments
from editor.search import reindex_articles, reindex_comments
from editor.search.base import SearchKind, SearchOrder
from editor.search.service import SearchFilter
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom, open_newsroom
from tests.conftest import SEED_PAGE

ARTICLES = SearchFilter(kinds=frozenset({SearchKind.ARTICLE}))
COMMENTS = SearchFilter(kinds=frozenset({SearchKind.COMMENT}))


def found(newsroom: Newsroom, query: str, flt: SearchFilter = ARTICLES) -> set[int]:
    return {hit.id for hit in newsroom.search.search(query, flt, limit=200).hits}


def story(headline: str, body: str, tags: tuple[str, ...] = ()) -> ArticleDraft:
    return ArticleDraft(headline=headline, body_html=f"<p>{body}</p>", tags=tags)


def test_a_new_newsroom_is_indexed_with_its_sample_content(newsroom: Newsroom) -> None:
    assert not newsroom.search.needs_rebuild()
    with newsroom.read() as session:
        stored = (
            session.scalar(select(func.count(Article.id))),
            session.scalar(select(func.count(Comment.id))),
        )
    assert newsroom.search.counts() == stored
    assert found(newsroom, "طوكيو")


def test_create_then_save_replaces_the_old_words(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    new_id = nr.articles.create(story("قمة الرياض", "اجتمع القادة في الرياض.")).new_id
    assert new_id is not None
    assert found(nr, "الرياض") == {new_id}
    version = nr.articles.get(new_id).version
    nr.articles.save(new_id, story("قمة جدة", "اجتمع القادة في جدة."), base_version=version)
    assert found(nr, "الرياض") == set()
    assert found(nr, "جدة") == {new_id}


def test_a_save_that_fails_leaves_the_index_as_it_was(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    new_id = nr.articles.create(story("سد النهضة", "مفاوضات حول سد النهضة.")).new_id
    assert new_id is not None
    with pytest.raises(ConflictError):
        nr.articles.save(new_id, story("عنوان آخر", "نص مختلف تماما"), base_version=99)
    assert found(nr, "النهضة") == {new_id}
    assert found(nr, "مختلف") == set()


def test_an_imported_page_is_found(empty_newsroom: Newsroom) -> None:
    from editor.pagetext import read_page_text_file

    changes = empty_newsroom.articles.import_page_text(read_page_text_file(SEED_PAGE))
    assert changes.new_id is not None
    assert found(empty_newsroom, "طوكيو") == {changes.new_id}
    assert found(empty_newsroom, "فرانس24") == {changes.new_id}  # the dateline's source


def test_trash_and_restore_need_no_reindexing(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    new_id = nr.articles.create(story("حريق في الميناء", "اندلع حريق في الميناء.")).new_id
    assert new_id is not None
    nr.workflow.transition(new_id, ArticleStatus.TRASH)
    assert found(nr, "حريق") == set()
    assert found(nr, "حريق status:trash") == {new_id}
    nr.workflow.restore(new_id)
    assert found(nr, "حريق") == {new_id}


def test_a_story_deleted_for_good_leaves_the_index(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    new_id = nr.articles.create(story("زلزال", "ضرب زلزال المنطقة.")).new_id
    assert new_id is not None
    with nr.write() as session:
        session.execute(delete(Article).where(Article.id == new_id))
        assert reindex_articles(session, [new_id]) == 1
    assert found(nr, "زلزال") == set()
    assert nr.search.counts() == (0, 0)


def test_a_renamed_tag_is_searched_by_its_new_name(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    new_id = nr.articles.create(story("أسعار في ارتفاع", "ارتفعت الأسعار.", ("وقود",))).new_id
    assert new_id is not None
    tag_id = nr.tags.find("وقود")
    assert tag_id is not None
    nr.tags.rename(tag_id, "محروقات")
    assert found(nr, "محروقات") == {new_id}
    assert found(nr, "وقود") == set()


def test_merged_tags_are_searched_by_the_kept_name(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    first = nr.articles.create(story("محطة رياح", "افتتاح محطة.", ("طاقة نظيفة",))).new_id
    second = nr.articles.create(story("ألواح شمسية", "تركيب ألواح.", ("الطاقة المتجددة",))).new_id
    keep, merged = nr.tags.find("الطاقة المتجددة"), nr.tags.find("طاقة نظيفة")
    assert keep is not None and merged is not None
    assert found(nr, "نظيفة") == {first}
    nr.tags.merge(keep, [merged])
    assert found(nr, "المتجددة") == {first, second}
    assert found(nr, "نظيفة") == set()


def test_imported_comments_are_found_and_decisions_need_no_reindexing(
    empty_newsroom: Newsroom,
) -> None:
    nr = empty_newsroom
    article_id = nr.articles.create(story("مباراة القمة", "فاز الفريق.")).new_id
    with nr.write() as session:
        ids = insert_comments(
            session.connection(),
            [
                {"article_id": article_id, "author_name": "سامي", "text": "مبروك للفريق!"},
                {"article_id": article_id, "author_name": "هدى", "text": "أداء الحكم سيئ."},
            ],
        )
        assert reindex_comments(session, ids) == 2
    assert found(nr, "الفريق", COMMENTS) == {ids[0]}
    assert found(nr, "الحكم status:pending", COMMENTS) == {ids[1]}
    nr.comments.set_status([ids[1]], CommentStatus.SPAM)
    assert found(nr, "الحكم status:pending", COMMENTS) == set()
    assert found(nr, "الحكم status:spam", COMMENTS) == {ids[1]}
    with nr.write() as session:
        session.execute(update(comments).where(comments.c.id == ids[0]).values(text="تحكيم ظالم"))
        session.execute(delete(comments).where(comments.c.id == ids[1]))
        reindex_comments(session, ids)
    assert found(nr, "الفريق", COMMENTS) == set()
    assert found(nr, "تحكيم", COMMENTS) == {ids[0]}
    assert found(nr, "الحكم", COMMENTS) == set()


def test_reindexing_unchanged_rows_writes_nothing(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    new_id = nr.articles.create(story("معرض الكتاب", "افتتح المعرض.")).new_id
    assert new_id is not None
    with nr.write() as session:
        assert reindex_articles(session, [new_id, new_id]) == 0
        assert reindex_articles(session, [987654]) == 0  # no such story, never indexed
        assert reindex_articles(session, []) == 0


def test_a_bulk_change_is_noted_then_caught_up(empty_newsroom: Newsroom) -> None:
    from editor.search import IMMEDIATE_LIMIT

    nr = empty_newsroom
    first = nr.articles.create(story("موسم الحصاد", "بدأ موسم الحصاد.")).new_id
    assert first is not None
    with nr.write() as session:
        session.execute(update(Article).where(Article.id == first).values(headline="موسم القطاف"))
        many = [first, *range(10_000, 10_000 + IMMEDIATE_LIMIT)]
        assert reindex_articles(session, many) == 0  # noted, not done
    assert nr.search.pending() == len(many)
    assert found(nr, "الحصاد") == {first}  # the previous text, until caught up
    assert nr.search.catch_up() == len(many)
    assert nr.search.pending() == 0
    assert found(nr, "القطاف") == {first}
    assert found(nr, "الحصاد") == {first}  # still in the body


def test_a_changed_date_moves_the_story_in_newest_first_order(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    old = nr.articles.create(story("مؤتمر المناخ الأول", "مؤتمر المناخ.")).new_id
    new = nr.articles.create(story("مؤتمر المناخ الثاني", "مؤتمر المناخ.")).new_id
    newest = [h.id for h in nr.search.search("المناخ", ARTICLES, SearchOrder.NEWEST).hits]
    assert newest == [new, old]
    with nr.write() as session:
        session.execute(
            update(Article).where(Article.id == new).values(created=dt.datetime(2001, 1, 1))
        )
        reindex_articles(session, [new])
    newest = [h.id for h in nr.search.search("المناخ", ARTICLES, SearchOrder.NEWEST).hits]
    assert newest == [old, new]
    assert found(nr, "المناخ to:2001-12-31") == {new}


def test_a_catch_up_rebuild_indexes_only_what_bulk_writes_left_out(
    empty_newsroom: Newsroom,
) -> None:
    nr = empty_newsroom
    kept = nr.articles.create(story("انتخابات بلدية", "جرت الانتخابات.")).new_id
    with nr.write() as session:  # a bulk import that writes past the services
        bulk = (
            session.execute(
                insert(Article).returning(Article.id),
                [
                    {
                        "headline": f"خبر مستورد رقم {n}",
                        "body_html": "<p>أمطار غزيرة</p>",
                        "dateline_sources": [],
                        "status": ArticleStatus.PUBLISHED,
                    }
                    for n in range(3)
                ],
            )
            .scalars()
            .all()
        )
    assert found(nr, "أمطار") == set()
    summary = nr.search.rebuild(full=False)
    assert summary.written == 3
    assert found(nr, "أمطار") == set(bulk)
    assert found(nr, "انتخابات") == {kept}
    assert nr.search.rebuild(full=False).written == 0


def test_a_full_rebuild_reports_progress_and_can_be_stopped(empty_newsroom: Newsroom) -> None:
    from editor.errors import Cancelled

    nr = empty_newsroom
    for n in range(3):
        nr.articles.create(story(f"نشرة الطقس {n}", "طقس معتدل."))
    seen = []
    summary = nr.search.rebuild(progress=seen.append)
    assert summary.articles == 3 and seen[-1].done == seen[-1].total == 3
    with pytest.raises(Cancelled):
        nr.search.rebuild(cancelled=lambda: True)
    assert nr.search.needs_rebuild()
    assert found(nr, "الطقس") == set()  # stopped before the first batch
    nr.search.rebuild()
    assert not nr.search.needs_rebuild()
    assert len(found(nr, "الطقس")) == 3


def test_an_index_built_under_other_rules_is_rebuilt_when_the_newsroom_opens(db_path) -> None:
    nr = open_newsroom(str(db_path), seed=False)
    new_id = nr.articles.create(story("قطار سريع", "تشغيل القطار.")).new_id
    with nr.write() as session:
        session.connection().exec_driver_sql("UPDATE search_meta SET value = 'old-rules'")
    assert nr.search.needs_rebuild()
    nr.close()
    from main import main

    assert main(["--db", str(db_path), "search", "قطار", "--json"]) == 0
    reopened = open_newsroom(str(db_path), seed=False)
    try:
        assert not reopened.search.needs_rebuild()
        assert found(reopened, "القطار") == {new_id}
    finally:
        reopened.close()


@pytest.mark.sqlite_only("reads sqlite_master for the FTS5 tables")
def test_the_index_tables_are_left_alone_by_autogenerate(empty_newsroom: Newsroom) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from editor.migrations import include_object
    from editor.models import Base

    with empty_newsroom.engine.connect() as conn:
        names = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert {"search_articles", "search_article_entries", "search_pending"} <= names
        # What autogenerate would do without the filter env.py gives it...
        unfiltered = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diffs = compare_metadata(context, Base.metadata)
    assert any("search_" in repr(d) for d in unfiltered)
    # ...and with it: whatever else a half-finished model differs in, never the index.
    assert not [d for d in diffs if "search_" in repr(d)], diffs


def test_search_reads_statuses_live(newsroom: Newsroom) -> None:
    with newsroom.read() as session:
        trashed = session.scalars(
            select(Article.id).where(Article.status == ArticleStatus.TRASH)
        ).all()
    assert found(newsroom, "status:trash") == set(trashed)


def test_text_pasted_from_a_pdf_is_found_by_its_letters(empty_newsroom: Newsroom) -> None:
    # Presentation forms (ﺍﻟﺼﻴﻦ, ﻻ) and Persian letters (ی ک) fold to the letters they draw.
    made = empty_newsroom.articles.create(story("ﻻﻋﺒﻮﻥ ﻣﻦ ﺍﻟﺼﻴﻦ", "وصلوا إلی کابل أمس"))
    assert made.new_id in found(empty_newsroom, "الصين")
    assert made.new_id in found(empty_newsroom, "لاعبون")
    assert made.new_id in found(empty_newsroom, "كابل")
    assert made.new_id in found(empty_newsroom, '"الي كابل"')
