"""Find and replace in the body by letter forms, whole words, and replace-all as one undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.storage import Newsroom
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane

CTRL = Qt.KeyboardModifier.ControlModifier
BODY = "<h2>الصين في المعرض</h2><p>قالت الصِّين إن والصين بالصين للصين تتفق، والصينية لغة.</p>"


def test_ctrl_f_finds_every_letter_form_and_walks_the_matches(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html=BODY)
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_F, CTRL)
    bar = pane.find_bar
    assert bar.isVisible() and bar.find_field.hasFocus()
    type_text(bar.find_field, "الصين")
    qtbot.mouseClick(bar.whole_words, Qt.MouseButton.LeftButton)
    found = []
    for _ in range(5):
        qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
        found.append(pane.body.textCursor().selectedText())
    # The heading's emoji sits before the first match: positions stay right.
    assert found == ["الصين", "الصِّين", "الصين", "الصين", "لصين"]
    assert "5" in bar.status.text() or "٥" in bar.status.text()
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.body.textCursor().selectedText() == "الصين"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and pane.body.hasFocus()


def test_replace_all_keeps_prefixes_and_one_undo_takes_it_back(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html=BODY)
    before = pane.body.toPlainText()
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_H, CTRL)
    bar = pane.find_bar
    assert bar.replace_field.isVisible()
    type_text(bar.find_field, "الصين")
    qtbot.mouseClick(bar.whole_words, Qt.MouseButton.LeftButton)
    bar.replace_field.setFocus()
    type_text(bar.replace_field, "اليابان")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert pane.draft().body_html == (
        "<h2>اليابان في المعرض</h2>"
        "<p>قالت اليابان إن واليابان باليابان لليابان تتفق، والصينية لغة.</p>"
    )
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    assert pane.body.toPlainText() == before


def test_without_letter_forms_only_the_exact_spelling_is_found(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html=BODY)
    pane.actions_.find.trigger()
    bar = pane.find_bar
    qtbot.mouseClick(bar.letter_forms, Qt.MouseButton.LeftButton)
    type_text(bar.find_field, "الصين")
    assert bar.matches()[1] and len(bar.matches()[1]) == 4  # heading, والصين, بالصين, والصينية
    bar.find_field.clear()
    type_text(bar.find_field, "اليابان")
    assert not bar.find_next() and bar.status.text()
