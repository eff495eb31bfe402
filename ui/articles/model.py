"""The article list's model: ids in display order plus cached display rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QMimeData, QModelIndex, Qt

from editor.arabic import neutralize_bidi
from editor.services.articles import ArticleFilter, ArticleRow, ArticleSort
from editor.storage import Newsroom
from ui.labels import article_status, local_time
from ui.lazy_model import LazyRowModel

# Dragged rows carry their article ids (a JSON list): a section or a tag takes them.
ARTICLE_IDS_MIME = "application/x-midad-article-ids"
COLUMNS = (
    ArticleSort.HEADLINE,
    ArticleSort.SECTION,
    ArticleSort.STATUS,
    ArticleSort.AUTHOR,
    ArticleSort.UPDATED,
)


class ArticleListModel(LazyRowModel[ArticleRow]):
    def __init__(self, newsroom: Newsroom, parent: Any = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self.filter = ArticleFilter()
        self.sort_key = ArticleSort.UPDATED
        self.descending = True
        self._locale = QLocale()
        # Nothing is read until the first filter is set: the view's set-up
        # (sorting enabled, the sort indicator) would otherwise list every id
        # twice before the panel has even decided what to show.
        self._loaded = False

    def set_filter(self, flt: ArticleFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self._loaded = True
        super().reload()

    def fetch_ids(self) -> list[int]:
        return self._newsroom.articles.list_ids(self.filter, self.sort_key, self.descending)

    def fetch_rows(self, ids: Sequence[int]) -> Sequence[ArticleRow]:
        return self._newsroom.articles.rows(ids)

    def column_headers(self) -> list[str]:
        return [
            QCoreApplication.translate("ArticleList", "Headline"),
            QCoreApplication.translate("ArticleList", "Section"),
            QCoreApplication.translate("ArticleList", "Status"),
            QCoreApplication.translate("ArticleList", "Author"),
            QCoreApplication.translate("ArticleList", "Updated"),
        ]

    def display(self, row: ArticleRow, column: int) -> Any:
        if column == 0:
            return neutralize_bidi(row.headline)
        if column == 1:
            return row.section
        if column == 2:
            return article_status(row.status)
        if column == 3:
            return row.author
        if column == 4:
            return local_time(row.updated)
        return None

    def role_data(self, row: ArticleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return neutralize_bidi(row.headline)
        return None

    def flags(self, index: Any) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [self.id_at(index.row()) for index in indexes if index.isValid()]
        data = QMimeData()
        payload = json.dumps([i for i in dict.fromkeys(ids) if i is not None])
        data.setData(ARTICLE_IDS_MIME, QByteArray(payload.encode("utf-8")))
        return data

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._loaded:
            return  # the header repeating the order already shown
        self.sort_key, self.descending = key, descending
        if self._loaded:
            self.reload()
