"""Articles through the core: create, save, revisions, conflicts, lists and filters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from editor.dateline import Dateline
from editor.errors import ConflictError, InvalidInput, NotFound
from editor.models import ArticleStatus
from editor.services.articles import ArticleDraft, ArticleFilter, ArticleSort
from editor.storage import Newsroom


def _draft(**fields: object) -> ArticleDraft:
    base = ArticleDraft(
        headline="الصين واليابان تبحثان أمن الطاقة",
        standfirst="محادثات في طوكيو",
        body_html='<p>نص <strong>الخبر</strong></p><h2>عنوان فرعي</h2><p dir="ltr">Quote</p>',
        dateline=Dateline("طوكيو", dt.date(2025, 10, 28), ("فرانس24", "أوراس")),
        byline="سمير",
        tags=("الصين", "الطاقة"),
    )
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def test_create_and_read_back_every_field(empty_newsroom: Newsroom) -> None:
    section = empty_newsroom.sections.create("دولي").new_id
    changes = empty_newsroom.articles.create(_draft(section_id=section))
    assert changes.new_id is not None and changes.articles == {changes.new_id}
    view = empty_newsroom.articles.get(changes.new_id)
    assert view.headline == "الصين واليابان تبحثان أمن الطاقة"
    assert view.section == "دولي"
    assert view.tags == ("الصين", "الطاقة") or set(view.tags) == {"الصين", "الطاقة"}
    assert view.dateline == Dateline("طوكيو", dt.date(2025, 10, 28), ("فرانس24", "أوراس"))
    assert view.body_html == (
        '<p>نص <strong>الخبر</strong></p><h2>عنوان فرعي</h2><p dir="ltr">Quote</p>'
    )
    assert view.status is ArticleStatus.DRAFT
    assert view.slug == "الصين-واليابان-تبحثان-أمن-الطاقة"
    assert view.version == 1


def test_body_is_sanitised_and_bidi_controls_removed(empty_newsroom: Newsroom) -> None:
    changes = empty_newsroom.articles.create(
        _draft(
            headline="عنوان \u202emقلوب\u202c",
            body_html='<p style="color:red" onclick="x()">نص<script>alert(1)</script></p>'
            '<iframe src="https://evil.example"></iframe><img src="https://evil.example/a.png">'
            '<p dir="sideways">اتجاه غريب</p><a href="javascript:alert(1)">رابط</a>',
        )
    )
    view = empty_newsroom.articles.get(changes.new_id or 0)
    assert "\u202e" not in view.headline
    assert view.body_html == "<p>نص</p><p>اتجاه غريب</p><a>رابط</a>"


def test_every_save_keeps_a_full_snapshot(empty_newsroom: Newsroom) -> None:
    new_id = empty_newsroom.articles.create(_draft()).new_id or 0
    view = empty_newsroom.articles.get(new_id)
    changes = empty_newsroom.articles.save(
        new_id,
        dataclasses.replace(view.draft(), headline="عنوان جديد", tags=("اليابان",)),
        base_version=view.version,
    )
    # The save says which version it left, so a desk can go on without asking.
    assert changes.version == empty_newsroom.articles.get(new_id).version == view.version + 1
    revisions = empty_newsroom.articles.revisions(new_id)
    assert [r.reason for r in revisions] == ["save", "create"]
    newest = empty_newsroom.articles.revision_snapshot(revisions[0].id)
    oldest = empty_newsroom.articles.revision_snapshot(revisions[1].id)
    assert newest["headline"] == "عنوان جديد" and newest["tags"] == ["اليابان"]
    assert oldest["headline"] == "الصين واليابان تبحثان أمن الطاقة"
    assert oldest["dateline"] == {
        "place": "طوكيو",
        "date": "2025-10-28",
        "sources": ["فرانس24", "أوراس"],
    }
    assert {"standfirst", "body_html", "byline", "section", "status", "slug"} <= set(newest)


def test_saving_nothing_new_makes_no_revision(empty_newsroom: Newsroom) -> None:
    new_id = empty_newsroom.articles.create(_draft()).new_id or 0
    view = empty_newsroom.articles.get(new_id)
    assert empty_newsroom.articles.save(new_id, view.draft(), base_version=view.version).empty
    assert len(empty_newsroom.articles.revisions(new_id)) == 1
    assert empty_newsroom.articles.get(new_id).version == view.version


def test_a_save_from_a_stale_version_is_a_conflict_and_overwrites_nothing(
    empty_newsroom: Newsroom,
) -> None:
    new_id = empty_newsroom.articles.create(_draft()).new_id or 0
    opened = empty_newsroom.articles.get(new_id)
    empty_newsroom.articles.save(
        new_id, dataclasses.replace(opened.draft(), headline="نسخة أولى"), base_version=1
    )
    with pytest.raises(ConflictError) as caught:
        empty_newsroom.articles.save(
            new_id, dataclasses.replace(opened.draft(), headline="نسخة ثانية"), base_version=1
        )
    assert caught.value.details["current_version"] == 2
    assert empty_newsroom.articles.get(new_id).headline == "نسخة أولى"


def test_tags_match_after_normalisation_and_are_not_duplicated(empty_newsroom: Newsroom) -> None:
    empty_newsroom.articles.create(_draft(tags=("الصين",)))
    empty_newsroom.articles.create(_draft(tags=("الصِّين", "الصين")))
    tags = empty_newsroom.tags.list()
    assert [(t.name, t.count) for t in tags if t.name.startswith("الص")] == [("الصين", 2)]


def test_bad_input_is_refused_with_a_clear_message(empty_newsroom: Newsroom) -> None:
    with pytest.raises(InvalidInput, match="headline"):
        empty_newsroom.articles.create(_draft(headline="ك" * 501))
    with pytest.raises(NotFound):
        empty_newsroom.articles.create(_draft(section_id=999))
    with pytest.raises(InvalidInput):
        empty_newsroom.sections.create("   ")
    assert empty_newsroom.articles.count() == 0


def test_list_sort_and_filter(newsroom: Newsroom) -> None:
    all_ids = newsroom.articles.list_ids()
    rows = newsroom.articles.rows(all_ids)
    assert [r.id for r in rows] == all_ids
    assert all(r.status is not ArticleStatus.TRASH for r in rows)
    updated = [r.updated for r in rows]
    assert updated == sorted(updated, reverse=True)
    by_headline = newsroom.articles.list_ids(sort=ArticleSort.HEADLINE, descending=False)
    headlines = [r.headline for r in newsroom.articles.rows(by_headline)]
    assert headlines == sorted(headlines)

    economy = newsroom.sections.find("اقتصاد")
    assert economy is not None
    in_economy = newsroom.articles.rows(newsroom.articles.list_ids(ArticleFilter(economy)))
    # A parent section shows its children's stories too.
    children = {n.name for n in newsroom.sections.tree() if n.parent_id == economy}
    assert in_economy and {r.section for r in in_economy} <= children | {"اقتصاد"}
    trash = newsroom.articles.list_ids(ArticleFilter(statuses=(ArticleStatus.TRASH,)))
    assert trash and not set(trash) & set(all_ids)


def test_filter_by_several_tags_all_or_any(empty_newsroom: Newsroom) -> None:
    a = empty_newsroom.articles.create(_draft(tags=("الصين", "الطاقة"))).new_id
    b = empty_newsroom.articles.create(_draft(tags=("الصين",))).new_id
    china = empty_newsroom.tags.find("الصين")
    energy = empty_newsroom.tags.find("الطاقه")  # ta marbuta typed as ha
    assert china and energy
    both = empty_newsroom.articles.list_ids(ArticleFilter(tag_ids=(china, energy)))
    either = empty_newsroom.articles.list_ids(
        ArticleFilter(tag_ids=(china, energy), tags_match_all=False)
    )
    assert both == [a]
    assert sorted(either) == sorted([a, b])  # type: ignore[type-var]


def test_seed_page_import_through_the_core(empty_newsroom: Newsroom) -> None:
    from tests.conftest import SEED_PAGE

    changes = empty_newsroom.articles.import_page_text(SEED_PAGE.read_text("utf-8"))
    assert changes.sections and changes.new_id is not None
    view = empty_newsroom.articles.get(changes.new_id)
    assert view.section == "دولي"
    assert view.dateline.place == "طوكيو"
    assert "<h2>اتفاق استراتيجي ضد الهيمنة الصينية</h2>" in view.body_html
    # A second import matches the section instead of creating another.
    again = empty_newsroom.articles.import_page_text(SEED_PAGE.read_text("utf-8"))
    assert not again.sections
    assert [n.name for n in empty_newsroom.sections.tree()] == ["دولي"]
