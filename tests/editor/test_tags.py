"""Tags through the core: counts, create, rename, merge, delete, assign, near-duplicates."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from editor.arabic import normalize
from editor.errors import (
    DuplicateName,
    EmptyName,
    MidadError,
    NameTooLong,
    NotFound,
    PermissionDenied,
    SlugTaken,
)
from editor.models import ArticleStatus, Role, Tag, User, article_tags
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom


def _story(newsroom: Newsroom, *tags: str, status: ArticleStatus = ArticleStatus.DRAFT) -> int:
    changes = newsroom.articles.create(ArticleDraft(headline="خبر", tags=tags), status=status)
    assert changes.new_id is not None
    return changes.new_id


def _links(newsroom: Newsroom) -> list[tuple[int, int]]:
    with newsroom.read() as session:
        rows = session.execute(select(article_tags.c.article_id, article_tags.c.tag_id))
        return sorted((int(a), int(t)) for a, t in rows)


def _tags(newsroom: Newsroom) -> list[tuple[object, ...]]:
    with newsroom.read() as session:
        return [tuple(r) for r in session.execute(select(Tag.__table__).order_by(Tag.id))]


def _counts(newsroom: Newsroom) -> dict[str, int]:
    return {t.name: t.count for t in newsroom.tags.list()}


def test_counts_leave_out_the_trash_in_the_list_and_the_counter(empty_newsroom: Newsroom) -> None:
    _story(empty_newsroom, "الصين", "اليابان")
    _story(empty_newsroom, "الصين")
    _story(empty_newsroom, "الصين", status=ArticleStatus.TRASH)
    assert _counts(empty_newsroom) == {"الصين": 2, "اليابان": 1}
    names = empty_newsroom.tags.names()
    assert [n.name for n in names] == ["الصين", "اليابان"]
    counter = empty_newsroom.tags.counter()
    assert counter.counts([n.id for n in names]) == {names[0].id: 2, names[1].id: 1}


def test_create_and_refuse_a_spelling_of_an_existing_tag(empty_newsroom: Newsroom) -> None:
    empty_newsroom.tags.create("الطاقة المتجددة")
    before = _tags(empty_newsroom)
    for name in ("الطاقه المتجدده", "الطَّاقة   المتجددة", "الطاقة المتجددة "):
        with pytest.raises(DuplicateName) as caught:
            empty_newsroom.tags.create(name)
        assert caught.value.details["existing"] == "الطاقة المتجددة"
    for name, error in (("", EmptyName), ("و" * 1000, NameTooLong)):
        with pytest.raises(error):
            empty_newsroom.tags.create(name)
    assert _tags(empty_newsroom) == before


def test_rename_moves_the_slug_unless_it_was_typed(empty_newsroom: Newsroom) -> None:
    tid = empty_newsroom.tags.create("الصين").new_id
    typed = empty_newsroom.tags.create("اليابان", slug="japan").new_id
    assert tid and typed
    empty_newsroom.tags.rename(tid, "جمهورية الصين")
    empty_newsroom.tags.rename(typed, "اليابان الحديثة")
    slugs = {t.name: t.slug for t in empty_newsroom.tags.list()}
    assert slugs == {"جمهورية الصين": "جمهورية-الصين", "اليابان الحديثة": "japan"}
    with pytest.raises(SlugTaken):
        empty_newsroom.tags.rename(tid, "جمهورية الصين", slug="Japan")
    with pytest.raises(DuplicateName):
        empty_newsroom.tags.rename(tid, "اليابان الحديثه")


def test_merge_reassigns_stories_and_never_gives_a_tag_twice(empty_newsroom: Newsroom) -> None:
    both = _story(empty_newsroom, "الصين")
    only_source = _story(empty_newsroom, "اليابان")
    only_target = _story(empty_newsroom, "الصين")
    # A journalist typing الصّين gets الصين (ensure_tags matches spellings), so the
    # near-duplicate is one an editor made (or an import brought).
    assert empty_newsroom.tags.resolve("الصّين") == empty_newsroom.tags.resolve("الصين")
    target = empty_newsroom.tags.resolve("الصين")
    source = empty_newsroom.tags.create("صين").new_id
    assert source is not None
    empty_newsroom.tags.assign([both, only_source], source)
    changes = empty_newsroom.tags.merge(target, [source])
    assert changes.articles == frozenset({both, only_source})  # only_target kept its tags
    carried = {a for a, t in _links(empty_newsroom) if t == target}
    assert carried == {both, only_source, only_target}
    assert len(_links(empty_newsroom)) == len(set(_links(empty_newsroom)))
    assert empty_newsroom.articles.get(only_source).tags == ("الصين", "اليابان")
    assert empty_newsroom.articles.get(both).tags == ("الصين",)
    assert _counts(empty_newsroom) == {"الصين": 3, "اليابان": 1}


def test_tagging_chosen_stories_is_a_new_version_housekeeping_is_not(
    empty_newsroom: Newsroom,
) -> None:
    story = _story(empty_newsroom, "أمن")
    old = empty_newsroom.articles.get(story).version
    target = empty_newsroom.tags.create("الأمن").new_id
    assert target is not None
    # Dragged onto a tag: an editor still holding the old version gets a conflict.
    empty_newsroom.tags.assign([story], target)
    assert empty_newsroom.articles.get(story).version == old + 1
    # A merge is housekeeping: 50,000 story rows are not rewritten for it.
    empty_newsroom.tags.merge(target, [empty_newsroom.tags.resolve("أمن")])
    assert empty_newsroom.articles.get(story).version == old + 1


def test_search_entries_follow_tags_inline_or_caught_up_later(
    empty_newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.search import reindex_articles
    from editor.services import taxonomy_delta

    stories = [_story(empty_newsroom, "النفط") for _ in range(3)]
    with empty_newsroom.write() as session:
        reindex_articles(session, stories)
    renamed = empty_newsroom.tags.rename(empty_newsroom.tags.resolve("النفط"), "البترول")
    assert renamed.search_pending == ()
    with empty_newsroom.write() as session:
        assert reindex_articles(session, stories) == 0  # already in step
    monkeypatch.setattr(taxonomy_delta, "SEARCH_INLINE", 2)
    big = empty_newsroom.tags.rename(empty_newsroom.tags.resolve("البترول"), "الطاقة الأحفورية")
    assert sorted(big.search_pending) == sorted(stories)
    assert empty_newsroom.taxonomy.catch_up_search(big.search_pending) == 3
    with empty_newsroom.write() as session:
        assert reindex_articles(session, stories) == 0


def test_merge_needs_another_tag(empty_newsroom: Newsroom) -> None:
    tid = empty_newsroom.tags.create("الصين").new_id
    assert tid is not None
    with pytest.raises(MidadError):
        empty_newsroom.tags.merge(tid, [tid])
    with pytest.raises(NotFound):
        empty_newsroom.tags.merge(tid, [12345])


def test_delete_reports_usage_first_then_unlinks(empty_newsroom: Newsroom) -> None:
    _story(empty_newsroom, "الصين", "اليابان")
    _story(empty_newsroom, "الصين", status=ArticleStatus.TRASH)
    china = empty_newsroom.tags.resolve("الصين")
    japan = empty_newsroom.tags.resolve("اليابان")
    assert empty_newsroom.tags.usage([china]) == 2  # the trashed story loses it too
    assert empty_newsroom.tags.usage([china, japan]) == 2
    empty_newsroom.tags.delete([china])
    assert _counts(empty_newsroom) == {"اليابان": 1}
    assert all(t == japan for _, t in _links(empty_newsroom))


def test_assign_adds_a_tag_once(empty_newsroom: Newsroom) -> None:
    a = _story(empty_newsroom, "الصين")
    b = _story(empty_newsroom)
    tid = empty_newsroom.tags.resolve("الصين")
    changes = empty_newsroom.tags.assign([a, b, 99999], tid)
    assert changes.articles == frozenset({b})  # a had it; 99999 does not exist
    assert _counts(empty_newsroom) == {"الصين": 2}


def test_resolve_prefers_the_exact_name_and_refuses_ambiguity(newsroom: Newsroom) -> None:
    # The sample newsroom has الصين and الصّين on purpose.
    exact = newsroom.tags.resolve("الصّين")
    assert {t.id: t.name for t in newsroom.tags.list()}[exact] == "الصّين"
    with pytest.raises(MidadError):
        newsroom.tags.resolve("الصين\u0651\u064f")  # matches both, exactly neither
    with pytest.raises(NotFound):
        newsroom.tags.resolve("المريخ")


def _imported(newsroom: Newsroom, *names: str) -> None:
    """Tags written as they came from the site: near-duplicates are not refused there."""
    with newsroom.write() as session:
        for n, name in enumerate(names):
            session.add(Tag(name=name, slug=f"imported-{n}", norm_name=normalize(name)))


def test_near_duplicates_group_every_kind_of_variant(empty_newsroom: Newsroom) -> None:
    _imported(
        empty_newsroom,
        "الاقتصاد",
        "إقتصاد",  # hamza, and no ال
        "المملكة المتحدة",
        "المملكه المتحده",  # ta marbuta
        "مصطفى",
        "مصطفي",  # alef maqsura
        "الصِّين",
        "الصين",  # harakat
        "الشرق الأوسط",
        "الشرق الأوسـط",  # tatweel
        "أبو ظبي",
        "ابوظبي",  # spacing
        "مصر",
        "مصرف",  # two different words
    )
    groups = [sorted(m.name for m in g.members) for g in empty_newsroom.taxonomy.tag_duplicates()]
    assert sorted(groups) == sorted(
        [
            sorted(["الاقتصاد", "إقتصاد"]),
            sorted(["المملكة المتحدة", "المملكه المتحده"]),
            sorted(["مصطفى", "مصطفي"]),
            sorted(["الصِّين", "الصين"]),
            sorted(["الشرق الأوسط", "الشرق الأوسـط"]),
            sorted(["أبو ظبي", "ابوظبي"]),
        ]
    )


def test_section_near_duplicates(empty_newsroom: Newsroom) -> None:
    for name in ("الرياضة", "رياضة", "ثقافة"):
        empty_newsroom.sections.create(name)
    groups = empty_newsroom.taxonomy.section_duplicates()
    assert [sorted(m.name for m in g.members) for g in groups] == [sorted(["الرياضة", "رياضة"])]


def test_the_most_used_name_is_proposed_first(newsroom: Newsroom) -> None:
    groups = newsroom.taxonomy.tag_duplicates()
    for group in groups:
        counts = [m.count for m in group.members]
        assert counts == sorted(counts, reverse=True)
    assert {g.members[0].name for g in groups} >= {"الصين"}


def test_journalists_cannot_change_tags_but_still_tag_their_stories(
    empty_newsroom: Newsroom,
) -> None:
    tid = empty_newsroom.tags.create("الصين").new_id
    assert tid is not None
    with empty_newsroom.write() as session:
        session.add(User(login="reporter", role=Role.JOURNALIST))
    empty_newsroom.act_as("reporter")
    before = _tags(empty_newsroom)
    for attempt in (
        lambda: empty_newsroom.tags.create("اليابان"),
        lambda: empty_newsroom.tags.rename(tid, "الصين الشعبية"),
        lambda: empty_newsroom.tags.merge(tid, [tid]),
        lambda: empty_newsroom.tags.delete([tid]),
        lambda: empty_newsroom.tags.assign([1], tid),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert _tags(empty_newsroom) == before
    # Writing a story with a new tag is the journalist's own business.
    _story(empty_newsroom, "الصين", "تايوان")
    assert _counts(empty_newsroom) == {"الصين": 1, "تايوان": 1}
