"""The moderation view: queues by status with counts, a comment as plain text, decisions.

What a reader wrote is never interpreted as HTML: every text widget here is
plain text, and bidi controls are neutralised by the core before display.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.models import CommentStatus
from editor.services.comments import CommentView
from editor.storage import Newsroom
from ui.icons import icon
from ui.labels import comment_status, local_time
from ui.moderation.model import CommentQueueModel
from ui.ops import Ops

QUEUES = (CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH)
DECISIONS = (
    (CommentStatus.APPROVED, "approve", "A"),
    (CommentStatus.SPAM, "spam", "S"),
    (CommentStatus.TRASH, "trash", "D"),
    (CommentStatus.PENDING, "pending", "U"),
)


class ModerationPanel(QWidget):
    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.queue_tabs = QTabBar(self)
        self.queue_tabs.setObjectName("queueTabs")
        for status in QUEUES:
            self.queue_tabs.addTab(icon(_icon_name(status)), comment_status(status))
        self.queue_tabs.currentChanged.connect(self._on_queue)

        self.model = CommentQueueModel(newsroom, self)
        self.table = QTableView(self)
        self.table.setObjectName("commentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 160)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.meta = QLabel(self)
        self.meta.setObjectName("commentMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("commentText")
        self.text.setReadOnly(True)

        buttons = QHBoxLayout()
        self.decision_buttons: dict[CommentStatus, QPushButton] = {}
        for status, icon_name, key in DECISIONS:
            button = QPushButton(icon(icon_name), _decision_label(status), self)
            button.setToolTip(f"{_decision_label(status)} ({key})")
            button.clicked.connect(lambda _=False, s=status: self.decide(s))
            QShortcut(QKeySequence(key), self.table, lambda s=status: self.decide(s))
            buttons.addWidget(button)
            self.decision_buttons[status] = button
        buttons.addStretch(1)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.meta)
        detail_layout.addWidget(self.text, 1)
        detail_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("moderationSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.queue_tabs)
        layout.addWidget(self.splitter, 1)
        self.current: CommentView | None = None
        self.reload()

    def reload(self) -> None:
        self.model.set_queue(QUEUES[self.queue_tabs.currentIndex()])
        self._update_counts()
        self._show(None)
        if self.model.rowCount():
            self.select_row(0)

    def _update_counts(self) -> None:
        counts = self._ops.query(self._newsroom.comments.counts) or {}
        locale = QLocale()
        for position, status in enumerate(QUEUES):
            self.queue_tabs.setTabText(
                position, f"{comment_status(status)} ({locale.toString(counts.get(status, 0))})"
            )

    def _on_queue(self, _index: int) -> None:
        self.reload()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_row(indexes[0].row() if indexes else None)

    def _show_row(self, row: int | None) -> None:
        comment_id = self.model.id_at(row) if row is not None else None
        if self.current is not None and comment_id == self.current.id:
            return
        view = None
        if comment_id is not None:
            view = self._ops.query(lambda: self._newsroom.comments.get(comment_id))
        self._show(view)

    def select_row(self, row: int) -> None:
        """Select and show a row; a model reset may swallow the selection signal."""
        self.table.selectRow(row)
        self._show_row(row)

    def _show(self, view: CommentView | None) -> None:
        self.current = view
        for button in self.decision_buttons.values():
            button.setEnabled(view is not None)
        if view is None:
            self.meta.clear()
            self.text.clear()
            return
        parts = [view.author or self.tr("(anonymous)")]
        if view.email:
            parts.append(view.email)
        if view.url:
            parts.append(view.url)
        if view.ip:
            parts.append(view.ip)
        parts.append(local_time(view.submitted))
        self.meta.setText(" · ".join(parts) + "\n" + self.tr("On: %1").replace("%1", view.article))
        self.text.setPlainText(view.text)

    def decide(self, status: CommentStatus) -> None:
        """Move the selected comment, then select the next one in the queue."""
        if self.current is None:
            return
        row = self.table.currentIndex().row()
        comment_id = self.current.id
        changes = self._ops.change(
            lambda: self._newsroom.comments.set_status([comment_id], status), source=self
        )
        if changes is None:
            return
        self.model.set_queue(self.model.status)
        self._update_counts()
        self.current = None
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        else:
            self._show(None)

    def on_changes(self, changes: Changes, source: object) -> None:
        if source is self:
            return
        if changes.comments or changes.articles:
            self.reload()


def _icon_name(status: CommentStatus) -> str:
    return {
        CommentStatus.PENDING: "pending",
        CommentStatus.APPROVED: "approve",
        CommentStatus.SPAM: "spam",
        CommentStatus.TRASH: "trash",
    }[status]


def _decision_label(status: CommentStatus) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        CommentStatus.APPROVED: QCoreApplication.translate("Moderation", "Approve"),
        CommentStatus.SPAM: QCoreApplication.translate("Moderation", "Spam"),
        CommentStatus.TRASH: QCoreApplication.translate("Moderation", "Trash"),
        CommentStatus.PENDING: QCoreApplication.translate("Moderation", "Back to pending"),
    }[status]
