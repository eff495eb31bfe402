"""The revisions panel: who, when, why; any two side by side; restore as a new revision."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.diff import Change
from editor.storage import Newsroom
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane
from ui.articles.history import RevisionHistory

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends

CTRL = Qt.KeyboardModifier.ControlModifier


def _edit_and_save(pane: ArticleEditorPane, newsroom: Newsroom, **fields: object) -> None:
    assert pane.article is not None
    view = newsroom.articles.get(pane.article.id)
    newsroom.articles.save(
        view.id,
        dataclasses.replace(view.draft(), **fields),
        base_version=view.version,  # type: ignore[arg-type]
    )


def test_history_lists_who_when_why_and_compares_with_arabic_awareness(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>وقعت الولايات المتحدة اتفاقية جديدة.</p>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_End, CTRL)
    type_text(pane.body, " وأضاف الوزير")
    qtbot.keyClick(pane.body, Qt.Key.Key_S, CTRL)
    # Someone else then adds harakat and a tatweel and "fixes" a hamza.
    _edit_and_save_by_id(
        newsroom, article_id, "<p>وقّعت الولايـات المتحدة إتفاقية جديدة. وأضاف الوزير</p>"
    )
    pane.article = None
    pane.open_article(article_id)

    qtbot.keyClick(pane.body, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.AltModifier)
    history = pane._history
    assert isinstance(history, RevisionHistory) and history.isVisible()
    reasons = [history.table.item(r, 2).text() for r in range(history.table.rowCount())]
    assert len(reasons) == 3 and reasons[-1]  # save, save, create (translated)
    assert all(history.table.item(r, 1).text() for r in range(3))  # who
    diffs = {d.field: d for d in history.compare()}
    body = [(p.change, p.old, p.new) for p in diffs["body"].pieces if p.change is not Change.EQUAL]
    assert body == [
        (Change.MARKS, "وقعت", "وقّعت"),
        (Change.MARKS, "الولايات", "الولايـات"),
        (Change.FORMS, "اتفاقية", "إتفاقية"),
    ]
    assert (
        "background:#ffe8a3" in history.new_view.toHtml() or "#ffe8a3" in history.new_view.toHtml()
    )
    assert "وقّعت" in history.new_view.toPlainText() and "وقعت" in history.old_view.toPlainText()

    # Any two: the oldest against the newest.
    history.older.setCurrentIndex(2)
    history.newer.setCurrentIndex(0)
    diffs = {d.field: d for d in history.compare()}
    assert any(p.change is Change.INSERT and "الوزير" in p.new for p in diffs["body"].pieces)


def _edit_and_save_by_id(newsroom: Newsroom, article_id: int, body: str) -> None:
    view = newsroom.articles.get(article_id)
    newsroom.articles.save(
        article_id, dataclasses.replace(view.draft(), body_html=body), base_version=view.version
    )


def test_restoring_a_revision_makes_a_new_one_and_the_editor_shows_it(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>النص الأول</p>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_A, CTRL)
    type_text(pane.body, "نص مختلف تماما")
    history = pane.show_history()  # saves the pending edit first
    assert history is not None
    assert newsroom.articles.get(article_id).body_html == "<p>نص مختلف تماما</p>"
    oldest = history.table.rowCount() - 1
    history.table.setCurrentCell(oldest, 0)
    qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    assert newsroom.articles.get(article_id).body_html == "<p>النص الأول</p>"
    assert pane.body.toPlainText() == "النص الأول" and not pane.dirty
    assert newsroom.articles.revisions(article_id)[0].reason == "restore"
    assert history.isVisible() and history.table.rowCount() == 3
    assert pane.errors == []  # type: ignore[attr-defined]


def test_the_comparison_never_interprets_story_text_as_html(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, headline='<img src="https://evil.example/x.png"> عنوان')
    _edit_and_save(pane, newsroom, headline="<b>عنوان</b> جديد")
    pane.article = None
    history = RevisionHistory(newsroom, pane.ops, newsroom.articles.list_ids()[0])
    qtbot.addWidget(history)
    history.compare()
    assert "<img" in history.old_view.toPlainText()
    assert "<b>" in history.new_view.toPlainText()
