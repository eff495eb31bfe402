"""The Story menu: move the open story through the workflow, publish, see its log.

Which moves are offered comes from the core's transition table for the signed-in
role; the core refuses anything else whatever the interface shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.models import ArticleStatus, utcnow
from editor.storage import Newsroom
from editor.workflow.publishing import Publisher
from ui.icons import icon
from ui.ops import Ops
from ui.workflow.activity import ActivityLog
from ui.workflow.return_note import ReturnNoteDialog

S = ArticleStatus
SCHEDULE_CHECK_MS = 30_000


class WorkflowActions(QObject):
    """Builds the Story menu and runs the moves on the story the editor has open."""

    open_requested = Signal(int)

    def __init__(
        self,
        newsroom: Newsroom,
        ops: Ops,
        current_article: Callable[[], int | None],
        parent: QWidget,
        *,
        before: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self._current = current_article
        self._parent = parent
        # Saves the writing desk first: a move must never drop typed text.
        self._before = before or (lambda: None)
        self.logs: list[ActivityLog] = []
        self.menu = QMenu(self.tr("&Story"), parent)
        self.menu.aboutToShow.connect(self.update_actions)
        self.moves: dict[ArticleStatus, QAction] = {}
        for status, name, label in (
            (S.SUBMITTED, "publish", self.tr("Submit for review")),
            (S.APPROVED, "approve", self.tr("Approve")),
            (S.DRAFT, "undo", self.tr("Return to the journalist…")),
            (S.SCHEDULED, "schedule", self.tr("Schedule…")),
            (S.PUBLISHED, "publish", self.tr("Publish now")),
            (S.TRASH, "trash", self.tr("Move to trash")),
        ):
            action = QAction(icon(name), label, self.menu)
            action.triggered.connect(lambda _=False, s=status: self.move(s))
            self.menu.addAction(action)
            self.moves[status] = action
        self.unpublish_action = QAction(self.tr("Unpublish"), self.menu)
        self.unpublish_action.triggered.connect(lambda: self.move(S.APPROVED))
        self.restore_action = QAction(icon("undo"), self.tr("Restore from trash"), self.menu)
        self.restore_action.triggered.connect(self.restore)
        self.menu.addAction(self.unpublish_action)
        self.menu.addAction(self.restore_action)
        self.menu.addSeparator()
        self.preview_action = QAction(self.tr("Preview the published page"), self.menu)
        self.preview_action.triggered.connect(self.preview)
        self.log_action = QAction(self.tr("Activity log…"), self.menu)
        self.log_action.triggered.connect(lambda: self.show_log(self._current()))
        self.newsroom_log_action = QAction(self.tr("Newsroom activity log…"), self.menu)
        self.newsroom_log_action.triggered.connect(lambda: self.show_log(None))
        for action in (self.preview_action, self.log_action, self.newsroom_log_action):
            self.menu.addAction(action)

        # Scheduled stories are published when their time comes while the app runs.
        self.schedule_timer = QTimer(self, interval=SCHEDULE_CHECK_MS)
        self.schedule_timer.timeout.connect(lambda: self.run_schedule("while running"))

    def start_schedule(self) -> None:
        self.run_schedule("at start-up")
        self.schedule_timer.start()

    def run_schedule(self, when: str) -> None:
        published = self._ops.query(lambda: self._newsroom.workflow.run_schedule(when=when))
        if published:
            self._ops.bus.announce(Changes(articles=frozenset(published)), self)

    def update_actions(self) -> None:
        article_id = self._current()
        targets: list[ArticleStatus] = []
        status = None
        if article_id is not None:
            targets = (
                self._ops.query(lambda: self._newsroom.workflow.allowed_targets(article_id)) or []
            )
            view = self._ops.query(lambda: self._newsroom.articles.get(article_id))
            status = view.status if view else None
        for target, action in self.moves.items():
            action.setEnabled(
                target in targets and not (target is S.APPROVED and status is S.PUBLISHED)
            )
        self.unpublish_action.setEnabled(status is S.PUBLISHED and S.APPROVED in targets)
        self.restore_action.setEnabled(status is S.TRASH)
        self.preview_action.setEnabled(status is S.PUBLISHED)
        self.log_action.setEnabled(article_id is not None)

    def move(self, target: ArticleStatus) -> None:
        article_id = self._current()
        if article_id is None:
            return
        note = ""
        when: dt.datetime | None = None
        if target is S.DRAFT:
            view = self._ops.query(lambda: self._newsroom.articles.get(article_id))
            returned = ReturnNoteDialog.get_note(view.headline if view else "", self._parent)
            if returned is None:
                return
            note = returned
        if target is S.SCHEDULED:
            when = ScheduleDialog.get_time(self._parent)
            if when is None:
                return
        self._before()
        self._ops.change(
            lambda: self._newsroom.workflow.transition(
                article_id, target, note=note, scheduled_for=when
            ),
            source=self,
        )

    def restore(self) -> None:
        article_id = self._current()
        if article_id is not None:
            self._before()
            self._ops.change(lambda: self._newsroom.workflow.restore(article_id), source=self)

    def preview(self) -> None:
        article_id = self._current()
        if article_id is None:
            return
        path = Publisher(self._newsroom).story_path(article_id)
        PreviewDialog(path, self._parent).exec()

    def show_log(self, article_id: int | None) -> ActivityLog:
        """A story's log, or the newsroom's (None); non-modal, it follows the bus."""
        log = ActivityLog(self._newsroom, self._ops, article_id, self._parent)
        log.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._ops.bus.changed.connect(log.on_changes)
        log.finished.connect(lambda *_: self._ops.bus.changed.disconnect(log.on_changes))
        self.logs.append(log)
        log.destroyed.connect(lambda *_: self.logs.remove(log) if log in self.logs else None)
        log.show()
        return log


class ScheduleDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule publication"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600), self)
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(QDateTime.currentDateTime())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.when)
        layout.addWidget(buttons)

    @classmethod
    def get_time(cls, parent: QWidget | None = None) -> dt.datetime | None:
        """The chosen moment as naive UTC, or None if cancelled."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        seconds = dialog.when.dateTime().toSecsSinceEpoch()
        return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)


class PreviewDialog(QDialog):
    """The page as published; QTextBrowser loads only the local file, never the network."""

    def __init__(self, page: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Published page"))
        self.resize(820, 720)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        if page.exists():
            self.browser.setSource(QUrl.fromLocalFile(str(page)))
        else:
            self.browser.setPlainText(self.tr("The page has not been written yet."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)


__all__ = ["WorkflowActions", "utcnow"]
