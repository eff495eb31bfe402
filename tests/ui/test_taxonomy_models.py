"""The section tree and tag list models pass Qt's model tester through every change."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from editor.models import ArticleStatus
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom
from ui.articles.model import ARTICLE_IDS_MIME, ArticleListModel
from ui.taxonomy.section_model import (
    COUNT_ROLE,
    ID_ROLE,
    NAME_ROLE,
    SECTION_IDS_MIME,
    SectionTreeModel,
    decode_ids,
    encode_ids,
)
from ui.taxonomy.tag_model import NormalizedFilter, TagListModel


def _names(model: SectionTreeModel, parent: QModelIndex | None = None) -> list[object]:
    parent = parent or QModelIndex()
    found: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        children = _names(model, index)
        found.append((index.data(NAME_ROLE), children) if children else index.data(NAME_ROLE))
    return found


def test_section_tree_model(qtmodeltester: ModelTester, newsroom: Newsroom) -> None:
    model = SectionTreeModel()
    model.set_nodes(newsroom.sections.tree())
    qtmodeltester.check(model, force_py=True)
    assert ("دولي", ["آسيا", "الشرق الأوسط"]) in _names(model)
    # Counts of a parent include its subsections' stories.
    world = model.index_of(newsroom.sections.find("دولي") or 0)
    asia = model.index_of(newsroom.sections.find("آسيا") or 0)
    assert world.data(COUNT_ROLE) >= asia.data(COUNT_ROLE) > 0
    assert "(" in world.data(Qt.ItemDataRole.DisplayRole)
    # Per status on hover, trash included.
    middle = model.index_of(newsroom.sections.find("الشرق الأوسط") or 0)
    assert middle.data(COUNT_ROLE) == 0 and "\n" in middle.data(Qt.ItemDataRole.ToolTipRole)

    # A count changes: rows are updated in place (the tester watches dataChanged).
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    newsroom.articles.create(
        ArticleDraft(headline="خبر آسيوي", section_id=asia.data(ID_ROLE)),
        status=ArticleStatus.PUBLISHED,
    )
    model.set_nodes(newsroom.sections.tree())
    assert resets == []
    assert model.index_of(asia.data(ID_ROLE)).data(COUNT_ROLE) == 2

    # The shape changes: a reset, and the tester checks the new tree.
    newsroom.sections.move(asia.data(ID_ROLE), None, 0)
    model.set_nodes(newsroom.sections.tree())
    assert resets == [1]
    assert _names(model)[0] == "آسيا"
    model.set_nodes([])
    assert model.rowCount() == 0


def test_section_drops_ask_for_a_move_with_the_core_position(newsroom: Newsroom) -> None:
    model = SectionTreeModel()
    model.set_nodes(newsroom.sections.tree())
    moves: list[tuple[int, object, int]] = []
    model.move_requested.connect(lambda s, p, i: moves.append((s, p, i)))
    top = [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]
    first, third = top[0], top[2]
    data = model.mimeData([model.index(0, 0)])
    assert decode_ids(data, SECTION_IDS_MIME) == [first]
    # Dropped between the third and fourth top-level sections: index 2 once it is out.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert moves == [(first, None, 2)]
    # Dropped onto a section: last among its children.
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 0))
    assert moves[-1] == (first, third, model.rowCount(model.index(2, 0)))


def test_article_ids_travel_from_the_list_to_a_section(newsroom: Newsroom) -> None:
    articles = ArticleListModel(newsroom)
    articles.reload()
    data = articles.mimeData([articles.index(0, 0), articles.index(1, 3), articles.index(1, 0)])
    ids = decode_ids(data, ARTICLE_IDS_MIME)
    assert ids == [articles.id_at(0), articles.id_at(1)]
    model = SectionTreeModel()
    model.set_nodes(newsroom.sections.tree())
    assigned: list[tuple[list[int], int]] = []
    model.assign_requested.connect(lambda a, s: assigned.append((a, s)))
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(1, 0))
    assert assigned == [(ids, model.index(1, 0).data(ID_ROLE))]
    model.editable = False
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(1, 0))
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_tag_list_model_and_its_filter(qtmodeltester: ModelTester, newsroom: Newsroom) -> None:
    model = TagListModel()
    model.set_tags(newsroom.tags.names(), newsroom.tags.counter())
    qtmodeltester.check(model, force_py=True)
    proxy = NormalizedFilter()
    proxy.setSourceModel(model)
    listed = {t.name: t.count for t in newsroom.tags.list()}
    for row in range(model.rowCount()):
        assert model.index(row, 1).data(COUNT_ROLE) == listed[model.index(row, 0).data(NAME_ROLE)]
    proxy.set_needle("الطاقه")
    shown = {proxy.index(r, 0).data(NAME_ROLE) for r in range(proxy.rowCount())}
    assert shown == {"الطاقة المتجددة", "الطاقه المتجدده"}
    # Same names again: no reset, counts re-read.
    names = newsroom.tags.names()
    model.set_tags([dataclasses.replace(n) for n in names], newsroom.tags.counter())
    newsroom.tags.create("المريخ")
    model.set_tags(newsroom.tags.names(), newsroom.tags.counter())
    assert model.rowCount() == len(names) + 1


def test_tag_filter_proxy(qtmodeltester: ModelTester, newsroom: Newsroom) -> None:
    model = TagListModel()
    model.set_tags(newsroom.tags.names(), newsroom.tags.counter())
    proxy = NormalizedFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    for needle in ("الصين", "الصِّين", "ال", "لا شيء", ""):
        proxy.set_needle(needle)
    assert proxy.rowCount() == model.rowCount()


def test_counts_are_read_only_for_rows_that_are_shown(newsroom: Newsroom) -> None:
    model = TagListModel()
    counter = newsroom.tags.counter()
    asked: list[int] = []
    original = counter.counts

    def counting(ids):  # type: ignore[no-untyped-def]
        asked.append(len(ids))
        return original(ids)

    counter.counts = counting  # type: ignore[method-assign]
    model.set_tags(newsroom.tags.names(), counter)
    model.index(0, 0).data(NAME_ROLE)
    assert asked == []  # names and filtering never count
    model.index(0, 1).data(Qt.ItemDataRole.DisplayRole)
    model.index(1, 1).data(Qt.ItemDataRole.DisplayRole)
    assert len(asked) == 1


def test_mime_round_trip_ignores_garbage() -> None:
    data = encode_ids(SECTION_IDS_MIME, [3, 4])
    assert decode_ids(data, SECTION_IDS_MIME) == [3, 4]
    assert decode_ids(data, ARTICLE_IDS_MIME) == []
    data.setData(SECTION_IDS_MIME, b"not json")
    assert decode_ids(data, SECTION_IDS_MIME) == []
