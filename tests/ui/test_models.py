"""Every custom model passes Qt's model tester, on real data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from editor.models import CommentStatus
from editor.services.articles import ArticleFilter, ArticleSort
from editor.storage import Newsroom
from ui.articles.list_panel import ArticleListPanel
from ui.articles.model import ArticleListModel
from ui.moderation.model import CommentQueueModel


def test_article_list_model(qtmodeltester: ModelTester, newsroom: Newsroom) -> None:
    model = ArticleListModel(newsroom)
    model.reload()
    assert model.rowCount() >= 12
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every reset and change below.
    model.sort(0, Qt.SortOrder.AscendingOrder)
    section = newsroom.sections.find("رياضة")
    model.set_filter(ArticleFilter(section_id=section))
    assert 0 < model.rowCount() < 12
    model.refresh_rows(frozenset(model.ids()))
    model.data(model.index(0, 0))


def test_comment_queue_model(qtmodeltester: ModelTester, newsroom: Newsroom) -> None:
    model = CommentQueueModel(newsroom)
    model.set_queue(CommentStatus.PENDING)
    qtmodeltester.check(model, force_py=True)
    for status in CommentStatus:
        model.set_queue(status)
        assert model.rowCount() > 0, status
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                assert model.data(model.index(row, column)) is not None


def test_rows_are_fetched_lazily_a_window_at_a_time(newsroom: Newsroom) -> None:
    model = ArticleListModel(newsroom)
    calls: list[int] = []
    fetch = model.fetch_rows

    def counting(ids):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return fetch(ids)

    model.fetch_rows = counting  # type: ignore[method-assign]
    model.reload()
    assert calls == []  # opening the list reads ids only
    model.data(model.index(0, 0))
    model.data(model.index(1, 2))
    assert len(calls) == 1  # one window serves neighbouring rows


def test_a_saved_article_repaints_with_fresh_data(newsroom: Newsroom) -> None:
    import dataclasses

    model = ArticleListModel(newsroom)
    model.reload()
    first = model.id_at(0)
    assert first is not None
    view = newsroom.articles.get(first)
    assert model.data(model.index(0, 0)) == view.headline
    newsroom.articles.save(
        first, dataclasses.replace(view.draft(), headline="عنوان معدل"), base_version=view.version
    )
    assert model.data(model.index(0, 0)) == view.headline  # still the cached row
    model.refresh_rows(frozenset({first}))
    assert model.data(model.index(0, 0)) == "عنوان معدل"


def test_the_article_list_reads_its_ids_once_when_it_opens(
    qtbot: QtBot, newsroom: Newsroom
) -> None:
    """Setting up the view's sorting must not list every story before the filter is set."""
    listed: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT ARTICLES.ID") and "ORDER BY" in statement:
            listed.append(statement)

    event.listen(newsroom.engine, "before_cursor_execute", count)
    try:
        panel = ArticleListPanel(newsroom)
        qtbot.addWidget(panel)
    finally:
        event.remove(newsroom.engine, "before_cursor_execute", count)
    assert len(listed) == 1, listed
    assert panel.model.rowCount() >= 12
    # Sorting from the header still reorders: by headline, A to Z.
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    by_headline = newsroom.articles.list_ids(ArticleFilter(), ArticleSort.HEADLINE, False)
    assert panel.model.ids() == by_headline
    assert panel.model.ids() != newsroom.articles.list_ids(
        ArticleFilter(), ArticleSort.UPDATED, True
    )
