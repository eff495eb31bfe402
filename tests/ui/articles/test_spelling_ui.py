"""Red wavy underlines, suggestions on demand, and the shared newsroom dictionary."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.recovery import RecoveryStore
from editor.storage import Newsroom
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane
from ui.bus import ChangeBus
from ui.ops import Ops


def _underlined(pane: ArticleEditorPane) -> list[str]:
    """The words drawn with the spelling underline, as the layout holds them."""
    words = []
    block = pane.body.document().begin()
    while block.isValid():
        text = block.text()
        for fmt in block.layout().formats():
            style = fmt.format.underlineStyle()
            if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + fmt.start)
                cursor.setPosition(
                    block.position() + fmt.start + fmt.length, QTextCursor.MoveMode.KeepAnchor
                )
                words.append(cursor.selectedText())
        del text
        block = block.next()
    return words


def _wait_checked(qtbot: QtBot, pane: ArticleEditorPane) -> None:
    qtbot.waitUntil(lambda: not pane.highlighter.catching_up, timeout=5000)


def test_misspelled_and_unknown_words_get_the_wavy_underline(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="<p>قال ترامب إن الكتتاب جديد في 2025 مع Reuters.</p>")
    _wait_checked(qtbot, pane)
    assert _underlined(pane) == ["ترامب", "الكتتاب"]


def test_a_typed_word_is_checked_as_you_type(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="<p>نص</p>")
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    pane.body.setFocus()
    type_text(pane.body, " مكتبهة ")
    _wait_checked(qtbot, pane)
    assert _underlined(pane) == ["مكتبهة"]


def test_suggestions_and_add_to_the_newsroom_dictionary_from_the_context_menu(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    open_story(pane, newsroom, body_html="<p>الكتتاب وترامب وبترامب</p>")
    _wait_checked(qtbot, pane)
    first = pane.body.cursorRect(QTextCursor(pane.body.document().begin())).center()
    menu = pane.body.build_context_menu(first)
    suggestions = [a for a in menu.actions() if a.objectName() == "spellingSuggestion"]
    assert "الكتاب" in [a.text() for a in suggestions]
    next(a for a in suggestions if a.text() == "الكتاب").trigger()
    assert pane.body.toPlainText().startswith("الكتاب ")

    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(pane.body.toPlainText().index("وترامب") + 2)
    menu = pane.body.build_context_menu(pane.body.cursorRect(cursor).center())
    offered = {a.objectName(): a for a in menu.actions()}
    assert "وترامب" in offered["addToDictionary"].text()
    assert "“ترامب”" in offered["addBareToDictionary"].text()
    offered["addBareToDictionary"].trigger()
    _wait_checked(qtbot, pane)
    assert _underlined(pane) == []  # وترامب and بترامب both pass now
    assert newsroom.dictionary.words() == ("ترامب",)


def test_spell_checking_can_be_switched_off(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom, settings: QSettings
) -> None:
    open_story(pane, newsroom, body_html="<p>الكتتاب</p>")
    _wait_checked(qtbot, pane)
    pane.actions_.spell_check.setChecked(False)
    assert _underlined(pane) == []
    assert settings.value("editor/spellCheck") in (False, "false")


@pytest.mark.parametrize("how", ["no dictionary", "no enchant"])
def test_without_a_dictionary_one_quiet_notice_and_the_editor_works(
    qapp: QApplication,
    qtbot: QtBot,
    newsroom: Newsroom,
    settings: QSettings,
    tmp_path: object,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    if how == "no dictionary":
        settings.setValue("editor/spellLanguage", "zz_NONE")
    else:
        monkeypatch.setitem(sys.modules, "enchant", None)
    ops = Ops(ChangeBus())
    errors: list[str] = []
    ops.show_error = errors.append
    pane = ArticleEditorPane(
        newsroom,
        ops,
        settings=settings,
        recovery=RecoveryStore(tmp_path / "r"),  # type: ignore[operator]
    )
    qtbot.addWidget(pane)
    pane.show()
    assert pane.spelling_notice.isVisibleTo(pane) and pane.spelling_notice.text()
    assert not pane.actions_.spell_check.isEnabled()
    article_id = open_story(pane, newsroom, body_html="<p>الكتتاب</p>")
    pane.body.setFocus()
    pane.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(pane.body, " ترامبب")
    assert _underlined(pane) == [] and errors == []
    pane.save()
    assert newsroom.articles.get(article_id).body_html == "<p>الكتتاب ترامبب</p>"
