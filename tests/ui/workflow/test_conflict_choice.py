"""A save from another process meets the window's save: merged, or chosen field by field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from editor.storage import Newsroom
from tests.conftest import REPO
from tests.ui.keys import type_text
from tests.ui.workflow.helpers import PASSWORD, open_window, staff, type_at_end, when_modal
from ui.mainwindow import MainWindow
from ui.workflow.conflicts import ConflictDialog

# The interface on both backends: what a desk on a shared server sees.
pytestmark = pytest.mark.both_backends

# Another desk, in its own process: it saves the story with some fields changed.
OTHER_DESK = """
import dataclasses, json, sys
from editor.storage import open_newsroom

db, login, password, article_id, changes = sys.argv[1:6]
nr = open_newsroom(db)
nr.users.sign_in(login, password)
view = nr.articles.get(int(article_id))
draft = dataclasses.replace(view.draft(), **json.loads(changes))
nr.articles.save(int(article_id), draft, base_version=view.version)
print(json.dumps({"version": nr.articles.get(int(article_id)).version}))
"""


def _save_elsewhere(db: Path, article_id: int, **fields: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-c",
            OTHER_DESK,
            str(db),
            "omar",
            PASSWORD,
            str(article_id),
            json.dumps(fields, ensure_ascii=False),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _activate(qtbot: QtBot, dialog: QWidget) -> None:
    dialog.activateWindow()  # a window manager would; offscreen, the test does
    qtbot.waitUntil(dialog.isActiveWindow)


def _keep_mine(qtbot: QtBot) -> object:
    def act(dialog: QWidget) -> None:
        _activate(qtbot, dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    return act


def _editing(qtbot: QtBot, newsroom: Newsroom, settings: QSettings) -> tuple[MainWindow, int]:
    staff(newsroom)
    newsroom.users.sign_in("hala", PASSWORD)
    window = open_window(qtbot, newsroom, settings)
    story = newsroom.articles.list_ids()[0]
    window.article_list.select_id(story)
    editor = window.editor
    editor.headline.setFocus()
    editor.headline.selectAll()
    type_text(editor.headline, "عنوان هالة الجديد")
    type_at_end(editor.body, " فقرة أضافتها هالة")
    assert editor.dirty
    return window, story


def test_both_changed_the_headline_the_choice_is_stored(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings, db_path: Path
) -> None:
    window, story = _editing(qtbot, newsroom, settings)
    _save_elsewhere(db_path, story, headline="عنوان عمر", byline="عمر من الرباط")

    def take_theirs(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictDialog)
        assert [c.field for c in dialog.conflicts] == ["headline"]
        mine = dialog.findChild(QWidget, "mineText_headline")
        theirs = dialog.findChild(QWidget, "theirsText_headline")
        assert mine.toPlainText() == "عنوان هالة الجديد"  # type: ignore[union-attr]
        assert theirs.toPlainText() == "عنوان عمر"  # type: ignore[union-attr]
        assert "عمر" in dialog.findChild(QWidget, "conflictIntro").text()  # type: ignore[union-attr]
        # Keyboard only: the first field's choices have focus; the arrow toward
        # "theirs" (left, in Arabic) picks it, as does its Alt+number.
        _activate(qtbot, dialog)
        focused = QApplication.focusWidget()
        assert focused is dialog.mine_buttons["headline"]
        qtbot.keyClick(focused, Qt.Key.Key_Left)
        assert dialog.theirs_buttons["headline"].isChecked()
        qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        assert dialog.mine_buttons["headline"].isChecked()
        qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
        assert dialog.theirs_buttons["headline"].isChecked()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    watch = when_modal(take_theirs)
    qtbot.keyClick(window.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    watch.check()
    assert watch.seen
    stored = newsroom.articles.get(story)
    assert stored.headline == "عنوان عمر"  # the choice
    assert stored.byline == "عمر من الرباط"  # only the other side changed it
    assert "فقرة أضافتها هالة" in stored.body_html  # only this side changed it
    editor = window.editor
    assert not editor.dirty and editor.headline.text() == "عنوان عمر"
    assert editor.base_version == stored.version
    message = window.statusBar().currentMessage()
    assert "Byline" in message and "Headline" in message
    assert window.errors == []  # type: ignore[attr-defined]


def test_cancel_keeps_the_text_unsaved(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings, db_path: Path
) -> None:
    window, story = _editing(qtbot, newsroom, settings)
    _save_elsewhere(db_path, story, headline="عنوان عمر")
    watch = when_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    qtbot.keyClick(window.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    watch.check()
    assert watch.seen
    assert newsroom.articles.get(story).headline == "عنوان عمر"  # nothing overwritten
    editor = window.editor
    assert editor.dirty
    assert editor.headline.text() == "عنوان هالة الجديد"
    assert editor.body.toPlainText().endswith("فقرة أضافتها هالة")
    # Keep mine this time, with Alt+1.
    _activate(qtbot, window)  # back from the dialog, as a window manager would
    watch = when_modal(_keep_mine(qtbot))
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    watch.check()
    assert watch.seen
    assert newsroom.articles.get(story).headline == "عنوان هالة الجديد"


def test_different_fields_merge_without_asking(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings, db_path: Path
) -> None:
    staff(newsroom)
    newsroom.users.sign_in("hala", PASSWORD)
    window = open_window(qtbot, newsroom, settings)
    story = newsroom.articles.list_ids()[0]
    window.article_list.select_id(story)
    type_at_end(window.editor.body, " إضافة من هالة")
    _save_elsewhere(db_path, story, standfirst="مقدمة كتبها عمر")
    watch = when_modal(lambda dialog: dialog.close(), timeout_ms=500)  # must not show
    assert window.editor.save()
    watch.check()
    assert watch.seen == []
    stored = newsroom.articles.get(story)
    assert stored.standfirst == "مقدمة كتبها عمر" and "إضافة من هالة" in stored.body_html
    assert window.editor.standfirst.text() == "مقدمة كتبها عمر"
    assert "Standfirst" in window.statusBar().currentMessage()


def test_autosave_never_asks_in_the_middle_of_typing(
    qtbot: QtBot, newsroom: Newsroom, settings: QSettings, db_path: Path
) -> None:
    window, story = _editing(qtbot, newsroom, settings)
    _save_elsewhere(db_path, story, headline="عنوان عمر")
    watch = when_modal(lambda dialog: dialog.close(), timeout_ms=500)  # must not show
    assert not window.editor.save(reason="autosave", quiet=True)
    watch.check()
    assert watch.seen == []
    assert "Ctrl+S" in window.editor.save_state.text()
    assert window.editor.dirty and window.editor.headline.text() == "عنوان هالة الجديد"
    assert newsroom.articles.get(story).headline == "عنوان عمر"
    type_at_end(window.editor.body, " ومزيد")  # typing goes on, nothing lost
    assert window.editor.body.toPlainText().endswith("فقرة أضافتها هالة ومزيد")
    # The deliberate save asks, and everything typed is stored.
    _activate(qtbot, window)
    watch = when_modal(_keep_mine(qtbot))
    qtbot.keyClick(window.editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    watch.check()
    assert watch.seen
    stored = newsroom.articles.get(story)
    assert stored.headline == "عنوان هالة الجديد" and "ومزيد" in stored.body_html
