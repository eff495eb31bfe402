"""A staffed newsroom and small helpers shared by the workflow interface tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from editor.dateline import Dateline
from editor.models import ArticleStatus, Role
from editor.services.articles import ArticleDraft
from editor.storage import Newsroom, open_newsroom
from tests.ui.conftest import open_window as open_real_window
from ui.mainwindow import MainWindow

PASSWORD = "كلمة-سر-طويلة"


def staff(newsroom: Newsroom) -> Newsroom:
    newsroom.users.add("admin", Role.ADMIN, "المدير", PASSWORD)
    newsroom.users.sign_in("admin", PASSWORD)
    newsroom.users.add("hala", Role.EDITOR, "هالة", PASSWORD)
    newsroom.users.add("omar", Role.JOURNALIST, "عمر", PASSWORD)
    return newsroom


def other_desk(newsroom: Newsroom, login: str) -> Newsroom:
    """Another running application on the same database (its own lock token)."""
    other = open_newsroom(newsroom.url)
    other.users.sign_in(login, PASSWORD)
    return other


def write_story(newsroom: Newsroom, headline: str, body: str) -> int:
    """A complete draft by whoever is signed in; returns its id."""
    section = newsroom.sections.tree()[0].id
    changes = newsroom.articles.create(
        ArticleDraft(
            headline=headline,
            body_html=f"<p>{body}</p>",
            dateline=Dateline("القاهرة"),
            section_id=section,
        )
    )
    assert changes.new_id is not None
    return changes.new_id


def submit(newsroom: Newsroom, article_id: int) -> None:
    newsroom.workflow.transition(article_id, ArticleStatus.SUBMITTED)


def save_field(newsroom: Newsroom, article_id: int, **fields: object) -> None:
    view = newsroom.articles.get(article_id)
    draft = dataclasses.replace(view.draft(), **fields)
    newsroom.articles.save(article_id, draft, base_version=view.version)


def open_window(qtbot: QtBot, newsroom: Newsroom, settings: QSettings) -> MainWindow:
    """The suite's one way to open the real window (tests/ui/conftest.py), for helpers
    that have no ``qapp`` fixture at hand."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return open_real_window(app, qtbot, newsroom, settings)


class ModalWatch:
    """Acts on the next modal dialog once it shows (exec() blocks the test meanwhile).

    Gives up after ``timeout_ms``; a failure inside ``act`` closes the dialog so
    the test goes on, and ``check()`` raises it there.
    """

    def __init__(self, act: Callable[[QWidget], object], timeout_ms: int = 5000) -> None:
        self.act = act
        self.seen: list[QWidget] = []
        self.error: BaseException | None = None
        self._left = max(1, timeout_ms // 20)
        self._stopped = False
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if self._stopped:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            self._left -= 1
            if self._left > 0:
                QTimer.singleShot(20, self._poll)
            return
        self._stopped = True
        self.seen.append(dialog)
        try:
            self.act(dialog)
        except BaseException as exc:
            self.error = exc
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

    def stop(self) -> None:
        self._stopped = True

    def check(self) -> None:
        self.stop()
        if self.error is not None:
            raise self.error


def when_modal(act: Callable[[QWidget], object], timeout_ms: int = 5000) -> ModalWatch:
    return ModalWatch(act, timeout_ms)


def type_at_end(widget: QWidget, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit, QTextEdit

    from tests.ui.keys import type_text

    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.end(False)
    elif isinstance(widget, QTextEdit):
        widget.moveCursor(widget.textCursor().MoveOperation.End)
    type_text(widget, text)
