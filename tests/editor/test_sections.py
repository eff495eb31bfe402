"""Sections through the core: tree and counts, create, rename, move, delete, merge, file."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from editor.errors import (
    DuplicateName,
    EmptyName,
    InvalidSlug,
    NameTooLong,
    NotFound,
    PermissionDenied,
    SectionCycle,
    SectionNotEmpty,
    SlugTaken,
)
from editor.models import Article, ArticleStatus, Role, Section, User
from editor.services.articles import ArticleDraft, ArticleFilter
from editor.slugs import MAX_SLUG, wordpress_slug
from editor.storage import Newsroom


def _story(newsroom: Newsroom, section_id: int | None, headline: str = "خبر", **kw: object) -> int:
    changes = newsroom.articles.create(ArticleDraft(headline=headline, section_id=section_id), **kw)  # type: ignore[arg-type]
    assert changes.new_id is not None
    return changes.new_id


def _tree(newsroom: Newsroom) -> list[tuple[str, str | None]]:
    nodes = newsroom.sections.tree()
    names = {n.id: n.name for n in nodes}
    return [(n.name, names.get(n.parent_id) if n.parent_id else None) for n in nodes]


def _snapshot(newsroom: Newsroom) -> tuple[object, ...]:
    with newsroom.read() as session:
        sections = session.execute(select(Section.__table__).order_by(Section.id)).all()
        filed = session.execute(select(Article.id, Article.section_id).order_by(Article.id)).all()
    return tuple(sections), tuple(filed)


def test_tree_lists_parents_before_children_with_counts_per_status(newsroom: Newsroom) -> None:
    nodes = newsroom.sections.tree()
    seen: set[int] = set()
    for node in nodes:
        assert node.parent_id is None or node.parent_id in seen
        seen.add(node.id)
    world = next(n for n in nodes if n.name == "الشرق الأوسط")
    # Its one story is in the trash: not counted, but shown per status.
    assert world.count == 0 and dict(world.status_counts) == {ArticleStatus.TRASH: 1}
    local = next(n for n in nodes if n.name == "محلي")
    assert local.count == sum(c for s, c in local.status_counts if s is not ArticleStatus.TRASH)


def test_create_puts_a_section_last_under_its_parent_with_a_readable_slug(
    empty_newsroom: Newsroom,
) -> None:
    world = empty_newsroom.sections.create("دولي").new_id
    asia = empty_newsroom.sections.create("آسيا", world).new_id
    middle = empty_newsroom.sections.create("الشرق الأوسط", world).new_id
    assert _tree(empty_newsroom) == [("دولي", None), ("آسيا", "دولي"), ("الشرق الأوسط", "دولي")]
    nodes = {n.id: n for n in empty_newsroom.sections.tree()}
    assert nodes[middle].slug == "الشرق-الأوسط" and not nodes[middle].slug_manual
    assert (nodes[asia].position, nodes[middle].position) == (0, 1)


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("", EmptyName),
        ("   \t ", EmptyName),
        ("\u202b\u202c", EmptyName),
        ("ق" * 1000, NameTooLong),
        ("دُوَلي", DuplicateName),  # harakat only
        ("  دولي ", DuplicateName),  # white space only
        ("دولـــي", DuplicateName),  # tatweel
    ],
)
def test_bad_names_are_refused_and_nothing_is_half_changed(
    empty_newsroom: Newsroom, name: str, error: type[Exception]
) -> None:
    empty_newsroom.sections.create("دولي")
    before = _snapshot(empty_newsroom)
    with pytest.raises(error):
        empty_newsroom.sections.create(name)
    assert _snapshot(empty_newsroom) == before


def test_a_duplicate_names_the_existing_section(empty_newsroom: Newsroom) -> None:
    empty_newsroom.sections.create("الاقتصاد")
    with pytest.raises(DuplicateName) as caught:
        empty_newsroom.sections.create("الإقتصاد")
    assert caught.value.details["existing"] == "الاقتصاد"


def test_rename_slug_follows_unless_made_by_hand(empty_newsroom: Newsroom) -> None:
    sid = empty_newsroom.sections.create("رياضة").new_id
    assert sid is not None
    empty_newsroom.sections.rename(sid, "الرياضة")
    node = empty_newsroom.sections.tree()[0]
    assert (node.name, node.slug, node.slug_manual) == ("الرياضة", "الرياضة", False)
    empty_newsroom.sections.rename(sid, "الرياضة", slug="Sports")
    empty_newsroom.sections.rename(sid, "رياضة وشباب")
    node = empty_newsroom.sections.tree()[0]
    assert (node.name, node.slug, node.slug_manual) == ("رياضة وشباب", "sports", True)
    empty_newsroom.sections.rename(sid, "رياضة وشباب", slug="")  # follow the name again
    node = empty_newsroom.sections.tree()[0]
    assert (node.slug, node.slug_manual) == ("رياضة-وشباب", False)


def test_renaming_to_itself_with_other_harakat_is_allowed(empty_newsroom: Newsroom) -> None:
    sid = empty_newsroom.sections.create("دولي").new_id
    assert sid is not None
    empty_newsroom.sections.rename(sid, "دُوَلي")
    assert empty_newsroom.sections.tree()[0].name == "دُوَلي"


def test_slugs_are_unique_and_a_colliding_hand_made_slug_is_refused(
    empty_newsroom: Newsroom,
) -> None:
    first = empty_newsroom.sections.create("أخبار", slug="news").new_id
    # Made from the name: numbered quietly.
    second = empty_newsroom.sections.create("News")
    slugs = {n.id: n.slug for n in empty_newsroom.sections.tree()}
    assert slugs[first] == "news" and slugs[second.new_id] == "news-2"  # type: ignore[index]
    before = _snapshot(empty_newsroom)
    with pytest.raises(SlugTaken):
        empty_newsroom.sections.create("مستجدات", slug="NEWS")
    with pytest.raises(SlugTaken):
        empty_newsroom.sections.rename(second.new_id, "News", slug="news")  # type: ignore[arg-type]
    with pytest.raises(InvalidSlug):
        empty_newsroom.sections.create("مستجدات", slug="---")
    with pytest.raises(InvalidSlug):
        empty_newsroom.sections.create("مستجدات", slug="ع" * 40)  # 240 once encoded
    assert _snapshot(empty_newsroom) == before


def test_a_long_name_gets_a_slug_whose_wordpress_form_fits(empty_newsroom: Newsroom) -> None:
    name = "قسم " + "الأخبار العاجلة والتقارير الخاصة " * 6
    sid = empty_newsroom.sections.create(name[:200]).new_id
    node = next(n for n in empty_newsroom.sections.tree() if n.id == sid)
    assert len(wordpress_slug(node.slug)) <= MAX_SLUG
    assert node.slug.startswith("قسم-الأخبار-العاجلة")


def test_move_reorders_and_reparents(empty_newsroom: Newsroom) -> None:
    sections = empty_newsroom.sections
    a, b, c = (sections.create(n).new_id for n in ("أ", "ب", "ج"))
    assert a and b and c
    sections.move(c, None, 0)
    assert [n for n, _ in _tree(empty_newsroom)] == ["ج", "أ", "ب"]
    sections.move(c, a, 0)
    assert _tree(empty_newsroom) == [("أ", None), ("ج", "أ"), ("ب", None)]
    positions = [n.position for n in sections.tree() if n.parent_id is None]
    assert positions == [0, 1]  # renumbered, no gap where ج was


def test_a_section_cannot_go_into_its_own_subsection(empty_newsroom: Newsroom) -> None:
    sections = empty_newsroom.sections
    top = sections.create("اقتصاد").new_id
    child = sections.create("أسواق", top).new_id
    grandchild = sections.create("البورصة", child).new_id
    assert top and child and grandchild
    before = _snapshot(empty_newsroom)
    for target in (top, child, grandchild):
        with pytest.raises(SectionCycle):
            sections.move(top, target, 0)
    with pytest.raises(SectionCycle):
        sections.edit(top, "اقتصاد", None, grandchild)
    assert _snapshot(empty_newsroom) == before


def test_delete_moves_its_stories_and_lifts_its_subsections(empty_newsroom: Newsroom) -> None:
    sections = empty_newsroom.sections
    economy = sections.create("اقتصاد").new_id
    markets = sections.create("أسواق", economy).new_id
    energy = sections.create("طاقة", markets).new_id
    local = sections.create("محلي").new_id
    assert economy and markets and energy and local
    stories = [_story(empty_newsroom, markets) for _ in range(3)]
    trashed = _story(empty_newsroom, markets, status=ArticleStatus.TRASH)
    with pytest.raises(SectionNotEmpty):
        sections.delete(markets)
    sections.delete(markets, move_to=local)
    assert _tree(empty_newsroom) == [("اقتصاد", None), ("طاقة", "اقتصاد"), ("محلي", None)]
    moved = empty_newsroom.articles.list_ids(ArticleFilter(section_id=local, include_trash=True))
    assert sorted(moved) == sorted([*stories, trashed])  # nothing left without a section


def test_delete_an_empty_section_needs_no_target_and_refuses_itself(
    empty_newsroom: Newsroom,
) -> None:
    sid = empty_newsroom.sections.create("مؤقت").new_id
    assert sid is not None
    with pytest.raises(NotFound):
        empty_newsroom.sections.delete(sid, move_to=999)
    empty_newsroom.sections.delete(sid)
    assert empty_newsroom.sections.tree() == []


def test_merge_sections_moves_stories_and_subsections(empty_newsroom: Newsroom) -> None:
    sections = empty_newsroom.sections
    keep = sections.create("الاقتصاد").new_id
    other = sections.create("إقتصاد").new_id  # a near-duplicate: same key, other spelling
    sub = sections.create("عقارات", other).new_id
    assert keep and other and sub
    story = _story(empty_newsroom, other)
    sections.merge(keep, [other])
    assert _tree(empty_newsroom) == [("الاقتصاد", None), ("عقارات", "الاقتصاد")]
    assert empty_newsroom.articles.get(story).section == "الاقتصاد"


def test_assign_files_stories_and_counts_follow(empty_newsroom: Newsroom) -> None:
    sections = empty_newsroom.sections
    world = sections.create("دولي").new_id
    sport = sections.create("رياضة").new_id
    assert world and sport
    stories = [_story(empty_newsroom, world) for _ in range(2)] + [_story(empty_newsroom, None)]
    changes = sections.assign(stories, sport)
    assert changes.articles == frozenset(stories)
    counts = {n.name: n.count for n in sections.tree()}
    assert counts == {"دولي": 0, "رياضة": 3}
    assert not sections.assign(stories, sport).articles  # already there: nothing to do


def test_only_editors_and_admins_change_sections(empty_newsroom: Newsroom) -> None:
    sid = empty_newsroom.sections.create("دولي").new_id
    assert sid is not None
    with empty_newsroom.write() as session:
        session.add(User(login="reporter", role=Role.JOURNALIST))
        session.add(User(login="chief", role=Role.EDITOR))
    empty_newsroom.act_as("reporter")
    before = _snapshot(empty_newsroom)
    for attempt in (
        lambda: empty_newsroom.sections.create("محلي"),
        lambda: empty_newsroom.sections.rename(sid, "عالمي"),
        lambda: empty_newsroom.sections.move(sid, None, 0),
        lambda: empty_newsroom.sections.delete(sid),
        lambda: empty_newsroom.sections.assign([], sid),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert _snapshot(empty_newsroom) == before
    empty_newsroom.act_as("chief")
    empty_newsroom.sections.rename(sid, "عالمي")
    assert empty_newsroom.sections.tree()[0].name == "عالمي"
