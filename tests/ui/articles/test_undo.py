"""One undo history for the body and the fields, and dirty tracking that follows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.storage import Newsroom
from tests.ui.articles.conftest import STORY, open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_ctrl_z_takes_back_body_and_field_edits_in_the_order_made(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom)
    body, headline = pane.body, pane.headline
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_End, CTRL)
    type_text(body, " أولا")
    headline.setFocus()
    qtbot.keyClick(headline, Qt.Key.Key_End)
    type_text(headline, " اليوم")
    body.setFocus()
    type_text(body, " ثانيا")
    assert pane.dirty

    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText().endswith("مثمرة. أولا")
    assert headline.text() == STORY.headline + " اليوم"
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)  # the headline, though the caret is in the body
    assert headline.text() == STORY.headline
    qtbot.keyClick(headline, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText().endswith("مثمرة.")
    assert not pane.dirty  # back where the story was saved

    qtbot.keyClick(headline, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(headline, Qt.Key.Key_Z, CTRL | SHIFT)
    assert headline.text() == STORY.headline + " اليوم" and pane.dirty
    assert body.toPlainText().endswith("مثمرة. أولا")


def test_section_date_and_tags_changes_are_undone_too(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom)
    sections = newsroom.sections.tree()
    pane.section.open_popup()
    pane.section.popup.filter.setFocus()
    type_text(pane.section.popup.filter, sections[0].name)
    qtbot.keyClick(pane.section.popup.filter, Qt.Key.Key_Return)
    assert pane.section.section_id() == sections[0].id
    qtbot.mouseClick(pane.dateline_editor.has_date, Qt.MouseButton.LeftButton)
    assert pane.dateline().date is not None
    pane.tags.setFocus()
    type_text(pane.tags, "الطاقة")
    assert pane.draft().tags == ("الطاقة",)

    toolbar_undo = pane.toolbar.widgetForAction(pane.actions_.undo)
    for _ in range(3):
        qtbot.mouseClick(toolbar_undo, Qt.MouseButton.LeftButton)
    assert pane.draft().tags == ()
    assert pane.dateline().date is None
    assert pane.section.section_id() is None
    assert not pane.dirty
    qtbot.keyClick(pane.dateline_editor.has_date, Qt.Key.Key_Z, CTRL | SHIFT)
    assert pane.section.section_id() == sections[0].id


def test_saving_marks_the_clean_point_and_undo_past_it_is_dirty_again(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom)
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_End, CTRL)
    type_text(pane.body, " جديد")
    qtbot.keyClick(pane.body, Qt.Key.Key_S, CTRL)
    assert not pane.dirty and pane.errors == []  # type: ignore[attr-defined]
    type_text(pane.body, " ثم")
    assert pane.dirty
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    assert not pane.dirty
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    assert pane.dirty and "جديد" not in pane.body.toPlainText()
    assert "جديد" in newsroom.articles.get(article_id).body_html


def test_in_the_window_ctrl_z_in_the_editor_never_undoes_a_taxonomy_step(
    qtbot: QtBot, window: object, newsroom: Newsroom
) -> None:
    from ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    window.article_list.select_id(newsroom.articles.list_ids()[0])
    editor = window.editor
    taxonomy_steps = window.undo_stack.index()
    qtbot.mouseClick(editor.dateline_editor.has_date, Qt.MouseButton.LeftButton)
    toggled = editor.dateline().date is not None
    # The check box has no undo of its own: the key reaches the pane, not the window.
    editor.dateline_editor.has_date.setFocus()
    qtbot.keyClick(editor.dateline_editor.has_date, Qt.Key.Key_Z, CTRL)
    assert (editor.dateline().date is not None) != toggled
    assert window.undo_stack.index() == taxonomy_steps
    for widget in (editor.headline, editor.body):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert (editor.dateline().date is not None) == toggled  # redone once, from the headline
    assert window.errors == []  # type: ignore[attr-defined]
