"""Formatting from the toolbar and the usual shortcuts, stored as the body subset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from editor.storage import Newsroom
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane
from ui.articles.link_dialog import LinkDialog

CTRL = Qt.KeyboardModifier.ControlModifier
# X11 keysyms of the two Shift keys (what xcb reports as nativeVirtualKey).
SHIFT_L, SHIFT_R = 0xFFE1, 0xFFE2


def _ctrl_shift(widget: object, native: int) -> None:
    """Hold Ctrl, press and release one Shift key, as a person switches direction."""
    for kind, mods in (
        (QEvent.Type.KeyPress, CTRL | Qt.KeyboardModifier.ShiftModifier),
        (QEvent.Type.KeyRelease, CTRL),
    ):
        event = QKeyEvent(kind, Qt.Key.Key_Shift, mods, 0, native, 0)
        QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def _select_all(qtbot: QtBot, pane: ArticleEditorPane) -> None:
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_A, CTRL)


def _button(pane: ArticleEditorPane, action_name: str) -> QToolButton:
    action = getattr(pane.actions_, action_name)
    widget = pane.toolbar.widgetForAction(action)
    assert isinstance(widget, QToolButton)
    return widget


def test_every_toolbar_button_has_an_icon_and_a_tooltip(pane: ArticleEditorPane) -> None:
    for action in pane.toolbar.actions():
        if action.isSeparator():
            continue
        assert not action.icon().isNull() and action.toolTip()


def test_bold_and_italic_by_shortcut(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>نص الخبر</p>")
    _select_all(qtbot, pane)
    qtbot.keyClick(pane.body, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(pane.body, Qt.Key.Key_I, CTRL)
    pane.save()
    assert (
        newsroom.articles.get(article_id).body_html == "<p><strong><em>نص الخبر</em></strong></p>"
    )


def test_subheading_by_click_gets_the_bullet_and_is_stored_as_h2(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>اتفاق استراتيجي</p><p>نص</p>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_Home, CTRL)
    qtbot.mouseClick(_button(pane, "heading"), Qt.MouseButton.LeftButton)
    assert pane.body.document().begin().text() == "🔹 اتفاق استراتيجي"
    assert pane.actions_.heading.isChecked()
    pane.save()
    assert newsroom.articles.get(article_id).body_html == "<h2>اتفاق استراتيجي</h2><p>نص</p>"
    # Back to a paragraph: the bullet goes too.
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(pane.body, Qt.Key.Key_0, CTRL | Qt.KeyboardModifier.AltModifier)
    assert pane.body.document().begin().text() == "اتفاق استراتيجي"


def test_enter_after_a_subheading_starts_an_ordinary_paragraph(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<h2>عنوان</h2>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(pane.body, Qt.Key.Key_Return)
    type_text(pane.body, "فقرة")
    pane.save()
    assert newsroom.articles.get(article_id).body_html == "<h2>عنوان</h2><p>فقرة</p>"


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("bullets", "<ul><li>أول</li><li>ثان</li></ul>"),
        ("numbers", "<ol><li>أول</li><li>ثان</li></ol>"),
        ("quote", "<blockquote><p>أول</p><p>ثان</p></blockquote>"),
    ],
)
def test_lists_and_quotes(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom, action: str, expected: str
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>أول</p><p>ثان</p>")
    _select_all(qtbot, pane)
    qtbot.mouseClick(_button(pane, action), Qt.MouseButton.LeftButton)
    pane.save()
    assert newsroom.articles.get(article_id).body_html == expected
    # The same button again takes it back.
    _select_all(qtbot, pane)
    qtbot.mouseClick(_button(pane, action), Qt.MouseButton.LeftButton)
    pane.save()
    assert newsroom.articles.get(article_id).body_html == "<p>أول</p><p>ثان</p>"


def test_a_link_is_checked_before_it_goes_in(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>المصدر هنا</p>")
    _select_all(qtbot, pane)
    monkeypatch.setattr(
        LinkDialog,
        "get_link",
        classmethod(lambda cls, parent, text, url: (text, "https://example.com")),
    )
    qtbot.keyClick(pane.body, Qt.Key.Key_K, CTRL)
    pane.save()
    assert newsroom.articles.get(article_id).body_html == (
        '<p><a href="https://example.com">المصدر هنا</a></p>'
    )


def test_the_link_dialog_refuses_scripts_and_accepts_web_addresses(qtbot: QtBot) -> None:
    dialog = LinkDialog("نص", "")
    qtbot.addWidget(dialog)
    dialog.url.setText("javascript:alert(1)")
    assert dialog.checked_url() is None and dialog.problem.text()
    dialog.url.setText("www.example.com/page")
    assert dialog.checked_url() == "https://www.example.com/page" and not dialog.problem.text()


def test_ctrl_right_shift_and_ctrl_left_shift_set_the_paragraph_direction(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    article_id = open_story(pane, newsroom, body_html="<p>Hello world</p><p>مرحبا</p>")
    pane.body.setFocus()
    qtbot.keyClick(pane.body, Qt.Key.Key_Home, CTRL)
    _ctrl_shift(pane.body, SHIFT_R)
    assert pane.actions_.rtl.isChecked()
    qtbot.keyClick(pane.body, Qt.Key.Key_End, CTRL)
    _ctrl_shift(pane.body, SHIFT_L)
    assert pane.actions_.ltr.isChecked()
    pane.save()
    assert newsroom.articles.get(article_id).body_html == (
        '<p dir="rtl">Hello world</p><p dir="ltr">مرحبا</p>'
    )
    # Automatic again from the toolbar; one undo brings the override back.
    qtbot.mouseClick(_button(pane, "auto_direction"), Qt.MouseButton.LeftButton)
    assert pane.draft().body_html == '<p dir="rtl">Hello world</p><p>مرحبا</p>'
    qtbot.keyClick(pane.body, Qt.Key.Key_Z, CTRL)
    assert pane.draft().body_html == '<p dir="rtl">Hello world</p><p dir="ltr">مرحبا</p>'


def test_shift_alone_or_ctrl_shift_with_a_letter_changes_no_direction(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="<p>مرحبا</p>")
    pane.body.setFocus()
    QApplication.sendEvent(
        pane.body, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, CTRL, 0, SHIFT_R, 0)
    )
    qtbot.keyClick(pane.body, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    QApplication.sendEvent(
        pane.body, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Shift, CTRL, 0, SHIFT_R, 0)
    )
    assert pane.draft().body_html == "<p>مرحبا</p>"
    assert QTextCursor(pane.body.document().begin()).blockFormat().layoutDirection() == (
        Qt.LayoutDirection.LayoutDirectionAuto
    )
