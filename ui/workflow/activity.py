"""The activity log: one story's or the whole newsroom's, filtered by person and move.

A lazy list (ids from an index, rows a window at a time) so a newsroom's
years of log open as fast as a week's. Filters run in the core
(``WorkflowService.activity_ids``), never over rows already fetched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import neutralize_bidi
from editor.changes import Changes
from editor.models import ArticleStatus
from editor.storage import Newsroom
from editor.workflow.service import ActivityRow
from ui.labels import article_status, local_time
from ui.lazy_model import LazyRowModel
from ui.ops import Ops

# The log's action codes, in the order the filter offers them.
ACTIONS = ("transition", "return", "publish", "restore", "take_over")


def action_label(action: str) -> str:
    return {
        "transition": QCoreApplication.translate("Activity", "Status moves"),
        "return": QCoreApplication.translate("Activity", "Returned to the journalist"),
        "publish": QCoreApplication.translate("Activity", "Published"),
        "restore": QCoreApplication.translate("Activity", "Restored from the trash"),
        "take_over": QCoreApplication.translate("Activity", "Took over editing"),
    }.get(action, action)


def describe_move(row: ActivityRow) -> str:
    if row.action == "take_over":
        return QCoreApplication.translate("Activity", "took over editing")
    if row.from_status and row.to_status:
        arrow = "←" if QGuiApplication.isRightToLeft() else "→"
        before = article_status(ArticleStatus(row.from_status))
        after = article_status(ArticleStatus(row.to_status))
        return f"{before} {arrow} {after}"
    return action_label(row.action)


class ActivityModel(LazyRowModel[ActivityRow]):
    def __init__(self, newsroom: Newsroom, article_id: int | None, parent: Any = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self.article_id = article_id
        self.user_id: int | None = None
        self.actions: tuple[str, ...] = ()

    def fetch_ids(self) -> list[int]:
        return self._newsroom.workflow.activity_ids(
            article_id=self.article_id, user_id=self.user_id, actions=self.actions
        )

    def fetch_rows(self, ids: Sequence[int]) -> Sequence[ActivityRow]:
        return self._newsroom.workflow.activity_rows(ids)

    def column_headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Activity", "When"),
            QCoreApplication.translate("Activity", "Who"),
            QCoreApplication.translate("Activity", "Story"),
            QCoreApplication.translate("Activity", "Move"),
            QCoreApplication.translate("Activity", "Note"),
        ]

    def display(self, row: ActivityRow, column: int) -> Any:
        if column == 0:
            return local_time(row.at)
        if column == 1:
            return row.user or "—"
        if column == 2:
            return neutralize_bidi(row.headline)
        if column == 3:
            return describe_move(row)
        if column == 4:
            return neutralize_bidi(row.note.replace("\n", " "))
        return None

    def role_data(self, row: ActivityRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and row.note:
            return neutralize_bidi(row.note)
        return None


class ActivityLog(QDialog):
    """Non-modal: it follows the change bus while open."""

    def __init__(
        self,
        newsroom: Newsroom,
        ops: Ops,
        article_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activityLog")
        self._newsroom = newsroom
        self._ops = ops
        self.article_id = article_id
        if article_id is None:
            self.setWindowTitle(self.tr("Newsroom activity log"))
        else:
            view = ops.query(lambda: newsroom.articles.get(article_id))
            headline = neutralize_bidi(view.headline) if view else ""
            self.setWindowTitle(self.tr("Activity log · %1").replace("%1", headline))

        self.model = ActivityModel(newsroom, article_id, self)
        self.table = QTableView(self)
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        # Never ResizeToContents on a lazy list: it would fetch every row.
        metrics = self.table.fontMetrics()
        widths = {
            0: metrics.horizontalAdvance(local_time(dt.datetime(2025, 12, 28, 23, 59))) + 24,
            1: metrics.horizontalAdvance("سميرة حداد") + 24,
            2: 300,
            3: metrics.horizontalAdvance("مُرسَل للمراجعة ← معتمد") + 24,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.setColumnHidden(2, article_id is not None)

        self.person = QComboBox(self)
        self.person.setObjectName("activityPerson")
        self.person.addItem(self.tr("Everyone"), None)
        for user_id, name in ops.query(newsroom.workflow.activity_people) or []:
            self.person.addItem(name, user_id)
        self.action = QComboBox(self)
        self.action.setObjectName("activityAction")
        self.action.addItem(self.tr("Every move"), None)
        for code in ACTIONS:
            self.action.addItem(action_label(code), code)
        self.person.currentIndexChanged.connect(self.apply_filter)
        self.action.currentIndexChanged.connect(self.apply_filter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("activityCount")

        person_label = QLabel(self.tr("&Person"), self)
        person_label.setBuddy(self.person)
        action_label_ = QLabel(self.tr("&Move"), self)
        action_label_.setBuddy(self.action)
        bar = QHBoxLayout()
        bar.addWidget(person_label)
        bar.addWidget(self.person)
        bar.addWidget(action_label_)
        bar.addWidget(self.action)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.resize(980, 520)
        self.apply_filter()

    def set_filter(self, *, user_id: int | None = None, action: str | None = None) -> None:
        """Choose the filters as a person would in the two lists."""
        self.person.setCurrentIndex(max(0, self.person.findData(user_id)))
        self.action.setCurrentIndex(max(0, self.action.findData(action)))

    def apply_filter(self, *_args: object) -> None:
        self.model.user_id = self.person.currentData()
        action = self.action.currentData()
        self.model.actions = (action,) if action else ()
        self._ops.query(self.model.reload)
        self.count_label.setText(self.tr("%Ln entries", "", self.model.rowCount()))

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.articles and (self.article_id is None or self.article_id in changes.articles):
            self.apply_filter()
