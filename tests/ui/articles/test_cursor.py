"""Caret movement and selection in Arabic, English and mixed lines, by real key presses.

Logical movement (the default) walks the text in reading order: in a
right-to-left paragraph the left arrow goes forward. Visual movement (a
preference) follows the screen. Neither may loop around a Latin run, a number
or parentheses inside Arabic.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor.storage import Newsroom
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane

ARABIC = "قال الوزير إن المحادثات مثمرة"
ENGLISH = "The minister said talks went well"
MIXED = "زار Joe Biden طوكيو في 2025/10/28 (بتوقيت غرينتش +9) ثم غادر"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _open_line(qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom, text: str) -> None:
    open_story(pane, newsroom, body_html=f"<p>{text}</p>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_Home, CTRL)


def _position(pane: ArticleEditorPane) -> int:
    return pane.body.textCursor().position()


def _caret_x(pane: ArticleEditorPane) -> int:
    return pane.body.cursorRect().center().x()


def _walk(qtbot: QtBot, pane: ArticleEditorPane, key: Qt.Key, presses: int) -> list[int]:
    seen = []
    for _ in range(presses):
        qtbot.keyClick(pane.body, key)
        seen.append(_position(pane))
    return seen


def test_arabic_line_left_arrow_goes_forward_and_home_end_go_to_the_ends(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    _open_line(qtbot, pane, newsroom, ARABIC)
    width = pane.body.viewport().width()
    assert _caret_x(pane) > width * 0.8  # the start of an Arabic line is on the right
    assert _walk(qtbot, pane, Qt.Key.Key_Left, 3) == [1, 2, 3]
    assert _walk(qtbot, pane, Qt.Key.Key_Right, 2) == [2, 1]
    qtbot.keyClick(pane.body, Qt.Key.Key_End)
    assert _position(pane) == len(ARABIC)
    assert _caret_x(pane) < _walk_start_x(qtbot, pane)
    qtbot.keyClick(pane.body, Qt.Key.Key_Home)
    assert _position(pane) == 0


def _walk_start_x(qtbot: QtBot, pane: ArticleEditorPane) -> int:
    here = _position(pane)
    qtbot.keyClick(pane.body, Qt.Key.Key_Home)
    x = _caret_x(pane)
    cursor = pane.body.textCursor()
    cursor.setPosition(here)
    pane.body.setTextCursor(cursor)
    return x


def test_arabic_word_jumps_and_shift_selection(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    _open_line(qtbot, pane, newsroom, ARABIC)
    qtbot.keyClick(pane.body, Qt.Key.Key_Left, CTRL)
    assert _position(pane) == ARABIC.index("الوزير")
    qtbot.keyClick(pane.body, Qt.Key.Key_Left, CTRL)
    assert _position(pane) == ARABIC.index("إن")
    qtbot.keyClick(pane.body, Qt.Key.Key_Right, CTRL)
    assert _position(pane) == ARABIC.index("الوزير")
    qtbot.keyClick(pane.body, Qt.Key.Key_Home)
    for _ in range(3):
        qtbot.keyClick(pane.body, Qt.Key.Key_Left, SHIFT)
    assert pane.body.textCursor().selectedText() == ARABIC[:3]
    qtbot.keyClick(pane.body, Qt.Key.Key_Left, CTRL | SHIFT)
    assert pane.body.textCursor().selectedText() == "قال "


def test_english_line_right_arrow_goes_forward(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    _open_line(qtbot, pane, newsroom, ENGLISH)
    assert _caret_x(pane) < pane.body.viewport().width() * 0.2
    assert _walk(qtbot, pane, Qt.Key.Key_Right, 3) == [1, 2, 3]
    qtbot.keyClick(pane.body, Qt.Key.Key_Right, CTRL)
    assert _position(pane) == ENGLISH.index("minister")
    qtbot.keyClick(pane.body, Qt.Key.Key_End, SHIFT)
    assert pane.body.textCursor().selectedText() == ENGLISH[ENGLISH.index("minister") :]


def test_mixed_line_logical_movement_visits_every_position_once_in_order(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    _open_line(qtbot, pane, newsroom, MIXED)
    seen = _walk(qtbot, pane, Qt.Key.Key_Left, len(MIXED))
    assert seen == list(range(1, len(MIXED) + 1))
    back = _walk(qtbot, pane, Qt.Key.Key_Right, len(MIXED))
    assert back == list(range(len(MIXED) - 1, -1, -1))
    qtbot.keyClick(pane.body, Qt.Key.Key_End, SHIFT)
    assert pane.body.textCursor().selectedText() == MIXED


def test_mixed_line_visual_movement_follows_the_screen_without_loops(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    pane.actions_.visual_cursor.setChecked(True)
    _open_line(qtbot, pane, newsroom, MIXED)
    xs = [_caret_x(pane)]
    positions = [_position(pane)]
    for _ in range(len(MIXED)):
        qtbot.keyClick(pane.body, Qt.Key.Key_Left)
        xs.append(_caret_x(pane))
        positions.append(_position(pane))
    # Always leftwards on screen, every position exactly once: no loop around
    # "Joe Biden", the date or the parentheses.
    assert all(later <= earlier for earlier, later in itertools.pairwise(xs))
    assert sorted(positions) == list(range(len(MIXED) + 1))
    assert positions != sorted(positions)  # visual order differs from reading order here
    assert pane._settings.value("editor/visualCursor") in (True, "true")


def test_caret_sits_on_the_right_of_an_empty_line_in_an_arabic_story(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="")
    pane.body.setFocus()
    width = pane.body.viewport().width()
    assert _caret_x(pane) > width * 0.8
    type_text(pane.body, "فقرة")
    qtbot.keyClick(pane.body, Qt.Key.Key_Return)
    assert pane.body.textCursor().block().text() == ""
    assert _caret_x(pane) > width * 0.8
    # Typing English there makes it an ordinary left-to-right paragraph.
    qtbot.keyClicks(pane.body, "Hello.")
    assert _caret_x(pane) < width * 0.5
    assert pane.draft().body_html == "<p>فقرة</p><p>Hello.</p>"


def test_an_empty_line_after_english_keeps_the_caret_on_the_left(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="<p>English text.</p>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(pane.body, Qt.Key.Key_Return)
    assert _caret_x(pane) < pane.body.viewport().width() * 0.2
    block = QTextCursor(pane.body.document().lastBlock()).block()
    assert block.textDirection() == Qt.LayoutDirection.LeftToRight
