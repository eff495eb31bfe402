"""The article list: sortable, filterable, keyboard-driven; asks for an article to be opened."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.services.articles import ArticleFilter
from editor.storage import Newsroom
from ui.articles.model import ArticleListModel
from ui.icons import icon
from ui.labels import local_time
from ui.live import is_remote


class ArticleListPanel(QWidget):
    open_requested = Signal(int)
    filter_cleared = Signal()

    def __init__(self, newsroom: Newsroom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArticleListModel(newsroom, self)
        self.table = QTableView(self)
        self.table.setObjectName("articleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once: they can be dragged together onto a section or a tag.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        # Never ResizeToContents: it would fetch every row of a lazy model.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        sample_time = local_time(dt.datetime(2025, 12, 28, 23, 59))
        widths = {
            1: metrics.horizontalAdvance("الشرق الأوسط") + 16,
            2: metrics.horizontalAdvance("مُرسَل للمراجعة") + 16,
            3: metrics.horizontalAdvance("سميرة حداد") + 16,
            4: metrics.horizontalAdvance(sample_time) + 24,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(60)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.filter_label = QLabel(self)
        self.filter_label.setObjectName("filterLabel")
        self.clear_button = QToolButton(self)
        self.clear_button.setIcon(icon("clear_filter"))
        self.clear_button.setToolTip(self.tr("Clear the filter"))
        self.clear_button.clicked.connect(self.clear_filter)
        self.count_label = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_label, 1)
        bar.addWidget(self.clear_button)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.set_filter(ArticleFilter(), "")

    def set_filter(self, flt: ArticleFilter, description: str) -> None:
        current = self.current_id()
        self.model.set_filter(flt)
        self.filter_label.setText(
            self.tr("Filter: %1").replace("%1", description)
            if description
            else self.tr("All articles")
        )
        self.clear_button.setVisible(bool(description))
        self._update_count()
        if current is not None:
            self.select_id(current, open_it=False)

    def clear_filter(self) -> None:
        self.set_filter(ArticleFilter(), "")
        self.filter_cleared.emit()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%Ln article(s)", "", self.model.rowCount()))

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, article_id: int, *, open_it: bool = True) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        # Not selectRow: with several rows selectable, in right to left it looks
        # for a column at the viewport's far edge, finds none and selects nothing.
        selection.setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        self.table.scrollTo(self.model.index(row, 0))
        # Emitted here rather than from selectionChanged: after a model reset
        # the view may consider the row already selected and stay silent.
        if open_it:
            self.open_requested.emit(article_id)
        return True

    def on_changes(self, changes: Changes, source: object) -> None:
        if is_remote(source):
            # Another desk may have added, moved or removed rows of this list.
            if changes.articles or changes.sections or changes.tags:
                self.reload_keeping_view()
            return
        if (changes.new_id is not None and changes.articles) or changes.sections or changes.tags:
            current = self.current_id()
            self.model.reload()
            self._update_count()
            if current is not None:
                self.select_id(current, open_it=False)
        elif changes.articles:
            self.model.refresh_rows(changes.articles)

    def reload_keeping_view(self) -> None:
        """Read the list again; the selection and the rows in view stay as they were."""
        table = self.table
        selection = table.selectionModel()
        current = self.current_id()
        rows = selection.selectedRows()
        selected = {item for i in rows if (item := self.model.id_at(i.row())) is not None}
        bar = table.verticalScrollBar()
        top_row = table.rowAt(0)
        # At the top the top stays in view (a new story shows); further down, the row
        # at the top of the view stays there.
        anchor = self.model.id_at(top_row) if bar.value() > 0 and top_row >= 0 else None
        self.model.reload()
        self._update_count()
        selection.blockSignals(True)
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for item in selected:
            row = self.model.row_of(item)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        selection.blockSignals(False)
        table.viewport().update()
        if anchor is not None and (row := self.model.row_of(anchor)) is not None:
            table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            bar.setValue(0)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            article_id = self.model.id_at(indexes[0].row())
            if article_id is not None:
                self.open_requested.emit(article_id)

    def focus_list(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0, QModelIndex()))
