"""The review desk: submitted stories, oldest first, and what changed since last seen.

Opening a story (Enter or a double click) asks the window to open it in the
writing desk, shows here what changed since the version this editor last
reviewed, and then records this version as seen. Approve and Return act on
the selected story; returning asks for a note, which the journalist sees on
the story. Only editors and admins see the desk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import neutralize_bidi
from editor.changes import Changes
from editor.models import ArticleStatus, Role
from editor.storage import Newsroom
from editor.workflow.service import ReviewRow, SeenComparison
from editor.workflow.transitions import EDITORS
from ui.articles.history import SafeBrowser
from ui.icons import icon
from ui.labels import local_time
from ui.lazy_model import LazyRowModel
from ui.ops import Ops
from ui.workflow.return_note import ReturnNoteDialog
from ui.workflow.since_seen import comparison_diffs, render, summary


class ReviewQueueModel(LazyRowModel[ReviewRow]):
    """The submitted stories; the desk is short, but it reads like every other list."""

    def __init__(self, newsroom: Newsroom, parent: Any = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._order: list[ReviewRow] = []

    def fetch_ids(self) -> list[int]:
        # One query gives the order and the rows; the rows are kept for the cache.
        self._order = self._newsroom.workflow.review_rows()
        return [row.id for row in self._order]

    def fetch_rows(self, ids: Sequence[int]) -> Sequence[ReviewRow]:
        wanted = set(ids)
        return [row for row in self._order if row.id in wanted]

    def column_headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ReviewDesk", "Headline"),
            QCoreApplication.translate("ReviewDesk", "Author"),
            QCoreApplication.translate("ReviewDesk", "Section"),
            QCoreApplication.translate("ReviewDesk", "Submitted"),
        ]

    def display(self, row: ReviewRow, column: int) -> Any:
        if column == 0:
            return neutralize_bidi(row.headline)
        if column == 1:
            return row.author
        if column == 2:
            return row.section
        if column == 3:
            return local_time(row.submitted)
        return None


class _QueueView(QTableView):
    """Enter opens the current story (a table would otherwise start editing)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.activated_row.emit(index.row())
                return
        super().keyPressEvent(event)


class ReviewDesk(QWidget):
    open_requested = Signal(int)

    def __init__(
        self,
        newsroom: Newsroom,
        ops: Ops,
        parent: QWidget | None = None,
        *,
        before: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDesk")
        self._newsroom = newsroom
        self._ops = ops
        # Saves the writing desk before a move, so a move never drops typed text.
        self._before = before or (lambda: None)
        self.shown_id: int | None = None
        self.comparison: SeenComparison | None = None

        self.model = ReviewQueueModel(newsroom, self)
        self.table = _QueueView(self)
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        widths = {
            1: metrics.horizontalAdvance("سميرة حداد") + 16,
            2: metrics.horizontalAdvance("الشرق الأوسط") + 16,
            3: metrics.horizontalAdvance(local_time(dt.datetime(2025, 12, 28, 23, 59))) + 24,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.activated_row.connect(self._open_row)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.count_label = QLabel(self)
        self.count_label.setObjectName("reviewCount")
        self.open_button = QPushButton(icon("edit"), self.tr("Open"), self)
        self.open_button.setObjectName("reviewOpen")
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.approve_button = QPushButton(icon("approve"), self.tr("Approve"), self)
        self.approve_button.setObjectName("reviewApprove")
        self.approve_button.clicked.connect(self.approve)
        self.return_button = QPushButton(icon("undo"), self.tr("Return…"), self)
        self.return_button.setObjectName("reviewReturn")
        self.return_button.clicked.connect(self.return_story)
        self.approve_button.setToolTip("Ctrl+Shift+A")
        self.return_button.setToolTip("Ctrl+Shift+R")
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.diff_view = SafeBrowser(self)
        self.diff_view.setObjectName("reviewDiff")
        legend = QLabel(self)
        legend.setObjectName("reviewLegend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setText(
            '<span style="background:#ffd7d5">&nbsp;%1&nbsp;</span> '
            '<span style="background:#c9f2d0">&nbsp;%2&nbsp;</span> '
            '<span style="background:#ffe8a3">&nbsp;%3&nbsp;</span> '
            '<span style="background:#d6e8ff">&nbsp;%4&nbsp;</span>'.replace(
                "%1", self.tr("removed")
            )
            .replace("%2", self.tr("added"))
            .replace("%3", self.tr("harakat only"))
            .replace("%4", self.tr("letter forms only"))
        )
        # Keys while the desk has focus; the buttons' tooltips name them.
        for keys, slot in (("Ctrl+Shift+A", self.approve), ("Ctrl+Shift+R", self.return_story)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # Compact, so the dock never forces the window taller than a laptop screen.
        self.table.setMinimumHeight(36)
        self.diff_view.setMinimumHeight(36)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        heading = QHBoxLayout()
        heading.addWidget(self.summary, 1)
        heading.addWidget(legend)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(heading)
        bottom_layout.addWidget(self.diff_view, 1)
        # Side by side: in Arabic the queue stands on the right, where reading starts.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.reload()

    def sizeHint(self) -> QSize:
        # The dock's first height: the queue and a screen of changes, no more.
        return QSize(900, 240)

    # -- who may use it --------------------------------------------------------

    @staticmethod
    def allowed(role: Role) -> bool:
        return role in EDITORS

    # -- the queue -------------------------------------------------------------

    def reload(self) -> None:
        current = self.current_id()
        self._ops.query(self.model.reload)
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln stories waiting for review", "", count))
        row = self.model.row_of(current) if current is not None else None
        if row is None and count:
            row = 0
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))
        if self.shown_id is not None and self.model.row_of(self.shown_id) is None:
            # Approved or returned: its page no longer belongs on the desk.
            self.shown_id = None
            self.comparison = None
            self.summary.clear()
            self.diff_view.clear()
        self._update_buttons()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, article_id: int) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))
        return True

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for button in (self.open_button, self.approve_button, self.return_button):
            button.setEnabled(has)

    # -- opening: the diff since last seen -------------------------------------

    def _open_row(self, row: int) -> None:
        article_id = self.model.id_at(row)
        if article_id is not None:
            self.open_story(article_id)

    def open_story(self, article_id: int) -> SeenComparison | None:
        """Open in the writing desk, show what changed since last seen, then mark it seen."""
        self.open_requested.emit(article_id)
        comparison = self._ops.query(lambda: self._newsroom.workflow.since_seen(article_id))
        if comparison is None:
            return None
        self.show_comparison(comparison)
        self._ops.query(lambda: self._newsroom.workflow.mark_seen(article_id))
        return comparison

    def show_comparison(self, comparison: SeenComparison) -> None:
        self.shown_id = comparison.article_id
        self.comparison = comparison
        diffs = comparison_diffs(comparison)
        self.summary.setText(summary(comparison, diffs))
        self.diff_view.setHtml(render(comparison, diffs))

    # -- moves -----------------------------------------------------------------

    def approve(self) -> None:
        article_id = self.current_id()
        if article_id is None:
            return
        self._before()
        self._ops.change(
            lambda: self._newsroom.workflow.transition(article_id, ArticleStatus.APPROVED),
            source=self,
        )
        self.reload()

    def return_story(self) -> None:
        article_id = self.current_id()
        if article_id is None:
            return
        row = self.model.cached_row(self.table.currentIndex().row())
        note = ReturnNoteDialog.get_note(neutralize_bidi(row.headline) if row else "", self)
        if note is None:
            return
        self._before()
        self._ops.change(
            lambda: self._newsroom.workflow.transition(article_id, ArticleStatus.DRAFT, note=note),
            source=self,
        )
        self.reload()

    # -- the rest of the newsroom ----------------------------------------------

    def on_changes(self, changes: Changes, source: object) -> None:
        if source is not self and (changes.articles or changes.users):
            self.reload()
