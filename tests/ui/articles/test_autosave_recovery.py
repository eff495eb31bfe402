"""Autosave after a pause, on switching and on closing; recovery after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.recovery import RecoveryStore
from editor.storage import Newsroom, open_newsroom
from tests.conftest import REPO
from tests.ui.articles.conftest import open_story
from tests.ui.keys import type_text
from ui.articles.editor_pane import ArticleEditorPane
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
HALF_SENTENCE = " وفي اللحظة التي كان الوزير يهم فيها بالحديث عن"


def _type_at_end(pane: ArticleEditorPane, text: str) -> None:
    pane.body.setFocus()
    pane.body.moveCursor(pane.body.textCursor().MoveOperation.End)
    type_text(pane.body, text)


def test_autosave_a_moment_after_typing_stops(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom
) -> None:
    pane.autosave.set_autosave_seconds(0.3)
    article_id = open_story(pane, newsroom)
    _type_at_end(pane, " كلمات")
    assert pane.dirty
    qtbot.waitUntil(lambda: not pane.dirty, timeout=5000)
    assert newsroom.articles.get(article_id).body_html.endswith("مثمرة. كلمات</p>")
    assert newsroom.articles.revisions(article_id)[0].reason == "autosave"
    assert pane.errors == []  # type: ignore[attr-defined]


def test_the_recovery_copy_is_written_while_typing_and_removed_on_save(
    qtbot: QtBot, pane: ArticleEditorPane, newsroom: Newsroom, tmp_path: Path
) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    article_id = open_story(pane, newsroom)
    _type_at_end(pane, HALF_SENTENCE)
    qtbot.waitUntil(lambda: bool(store.pending(pane.newsroom_id)), timeout=5000)
    (record,) = store.pending(pane.newsroom_id)
    assert record.article_id == article_id and HALF_SENTENCE.strip() in record.draft.body_html
    qtbot.keyClick(pane.body, Qt.Key.Key_S, CTRL)
    pane.offers.flush()
    assert store.pending(pane.newsroom_id) == []


def test_switching_article_and_closing_the_window_save(
    qtbot: QtBot, window: MainWindow, newsroom: Newsroom
) -> None:
    first, second = newsroom.articles.list_ids()[:2]
    window.article_list.select_id(first)
    _type_at_end(window.editor, " للتبديل")
    window.article_list.select_id(second)
    assert "للتبديل" in newsroom.articles.get(first).body_html
    _type_at_end(window.editor, " للإغلاق")
    window.close()
    assert "للإغلاق" in newsroom.articles.get(second).body_html
    assert window.errors == []  # type: ignore[attr-defined]


def test_killed_mid_sentence_the_next_start_offers_the_text_back(
    qapp: QApplication, qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    ini = tmp_path / "child.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.setValue("editor/autosaveSeconds", 600)  # only the recovery copy can save us
    settings.sync()
    seeded = open_newsroom(str(db_path))
    article_id = seeded.articles.list_ids()[0]
    before = seeded.articles.get(article_id).body_html
    seeded.close()

    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.ui.articles.recovery_child",
            str(db_path),
            str(ini),
            str(article_id),
            HALF_SENTENCE,
        ],
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.startswith("READY"), child.stderr.read() if child.stderr else line
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    newsroom = open_newsroom(str(db_path))
    try:
        assert newsroom.articles.get(article_id).body_html == before  # never saved
        window = MainWindow(newsroom, settings)
        errors: list[str] = []
        window.ops.show_error = errors.append
        qtbot.addWidget(window)
        window.show()
        editor = window.editor
        qtbot.waitUntil(lambda: editor.notice.isVisible(), timeout=5000)
        assert "“" in editor.notice.label.text()
        restore, _discard = editor.notice.buttons()
        qtbot.waitUntil(lambda: restore.isVisible() and not restore.rect().isEmpty())
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        assert editor.article is not None and editor.article.id == article_id
        assert editor.body.toPlainText().endswith(HALF_SENTENCE)
        assert window.article_list.current_id() == article_id
        assert editor.dirty
        qtbot.keyClick(editor.body, Qt.Key.Key_S, CTRL)
        assert newsroom.articles.get(article_id).body_html.endswith(HALF_SENTENCE.rstrip() + "</p>")
        editor.offers.flush()
        assert RecoveryStore.default().pending(editor.newsroom_id) == []
        assert not editor.notice.isVisible()  # the story being edited is not offered again
        assert errors == []
        window.close()
    finally:
        newsroom.close()


def test_discarding_recovered_text_removes_it(
    qapp: QApplication, qtbot: QtBot, newsroom: Newsroom, settings: QSettings
) -> None:
    newsroom_id = str(newsroom.settings.get("newsroom_id"))
    article_id = newsroom.articles.list_ids()[0]
    view = newsroom.articles.get(article_id)
    RecoveryStore.default().put(newsroom_id, article_id, view.version, view.draft())
    window = MainWindow(newsroom, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.editor.notice.isVisible(), timeout=5000)
    _restore, discard = window.editor.notice.buttons()
    qtbot.waitUntil(lambda: discard.isVisible() and not discard.rect().isEmpty())
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert RecoveryStore.default().pending(newsroom_id) == []
    assert not window.editor.notice.isVisible()
    window.close()
