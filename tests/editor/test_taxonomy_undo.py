"""Undo and redo of every section and tag step restore exactly what was there."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from editor.errors import TaxonomyChanged
from editor.models import Article, Section, Tag, article_tags
from editor.services.articles import ArticleDraft
from editor.services.taxonomy import TaxonomyChanges
from editor.storage import Newsroom


def _state(newsroom: Newsroom) -> tuple[object, ...]:
    """Everything a taxonomy step may touch, except article versions (they only go up)."""
    with newsroom.read() as session:
        return (
            tuple(session.execute(select(Section.__table__).order_by(Section.id)).all()),
            tuple(session.execute(select(Tag.__table__).order_by(Tag.id)).all()),
            tuple(
                session.execute(
                    select(article_tags.c.article_id, article_tags.c.tag_id).order_by(
                        article_tags.c.article_id, article_tags.c.tag_id
                    )
                ).all()
            ),
            tuple(session.execute(select(Article.id, Article.section_id).order_by(Article.id))),
        )


def _steps(nr: Newsroom) -> dict[str, Callable[[], TaxonomyChanges]]:
    section = nr.sections.find
    tag = nr.tags.resolve
    return {
        "create section": lambda: nr.sections.create("منوعات", section("ثقافة")),
        "rename section": lambda: nr.sections.rename(section("رياضة"), "الرياضة", "sport"),
        "edit section": lambda: nr.sections.edit(section("كتب"), "كتب جديدة", None, None),
        "move section": lambda: nr.sections.move(section("طاقة"), section("دولي"), 0),
        "delete section": lambda: nr.sections.delete(section("اقتصاد"), section("محلي")),
        "merge sections": lambda: nr.sections.merge(section("دولي"), [section("آسيا")]),
        "file stories": lambda: nr.sections.assign(nr.articles.list_ids()[:5], section("رأي")),
        "create tag": lambda: nr.tags.create("المريخ"),
        "rename tag": lambda: nr.tags.rename(tag("الشباب"), "الشبيبة"),
        "merge tags": lambda: nr.tags.merge(
            tag("الطاقة المتجددة"), [tag("الطاقه المتجدده"), tag("النفط")]
        ),
        "delete tags": lambda: nr.tags.delete([tag("الصين"), tag("اليابان")]),
        "tag stories": lambda: nr.tags.assign(nr.articles.list_ids(), tag("التجارة")),
    }


@pytest.mark.parametrize(
    "step",
    [
        "create section",
        "rename section",
        "edit section",
        "move section",
        "delete section",
        "merge sections",
        "file stories",
        "create tag",
        "rename tag",
        "merge tags",
        "delete tags",
        "tag stories",
    ],
)
def test_undo_restores_exactly_and_redo_does_it_again(newsroom: Newsroom, step: str) -> None:
    before = _state(newsroom)
    changes = _steps(newsroom)[step]()
    assert changes.delta is not None and not changes.delta.empty
    after = _state(newsroom)
    assert after != before
    newsroom.taxonomy.undo(changes.delta)
    assert _state(newsroom) == before
    newsroom.taxonomy.redo(changes.delta)
    assert _state(newsroom) == after
    newsroom.taxonomy.undo(changes.delta)
    assert _state(newsroom) == before


def test_undoing_a_merge_gives_each_story_back_its_own_tags(empty_newsroom: Newsroom) -> None:
    nr = empty_newsroom
    stories = {
        "both": nr.articles.create(ArticleDraft(headline="أ", tags=("الطاقة", "النفط"))).new_id,
        "oil": nr.articles.create(ArticleDraft(headline="ب", tags=("النفط",))).new_id,
        "energy": nr.articles.create(ArticleDraft(headline="ج", tags=("الطاقة",))).new_id,
    }
    merged = nr.tags.merge(nr.tags.resolve("الطاقة"), [nr.tags.resolve("النفط")])
    assert {nr.articles.get(s).tags for s in stories.values()} == {("الطاقة",)}
    assert merged.delta is not None
    nr.taxonomy.undo(merged.delta)
    assert {k: nr.articles.get(s).tags for k, s in stories.items()} == {  # type: ignore[arg-type]
        "both": ("الطاقة", "النفط"),
        "oil": ("النفط",),
        "energy": ("الطاقة",),
    }


def test_an_undo_that_can_no_longer_be_exact_changes_nothing(newsroom: Newsroom) -> None:
    created = newsroom.tags.create("المريخ")
    assert created.delta is not None and created.new_id is not None
    # A story is tagged with it since: undoing the creation would lose that.
    newsroom.tags.assign(newsroom.articles.list_ids()[:1], created.new_id)
    before = _state(newsroom)
    with pytest.raises(TaxonomyChanged):
        newsroom.taxonomy.undo(created.delta)
    assert _state(newsroom) == before


def test_undoing_a_delete_refuses_when_the_slug_was_taken_since(newsroom: Newsroom) -> None:
    deleted = newsroom.tags.delete([newsroom.tags.resolve("السياحة")])
    assert deleted.delta is not None
    newsroom.tags.create("السِّياحة")  # same slug, made since
    before = _state(newsroom)
    with pytest.raises(TaxonomyChanged):
        newsroom.taxonomy.undo(deleted.delta)
    assert _state(newsroom) == before
