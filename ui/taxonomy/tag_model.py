"""The tag list's model: every tag's name at once, counts a window at a time.

A newsroom has thousands of tags; listing their names is one cheap query,
counting them all is not. Counts are read for the rows a view paints (as
the article list reads its rows), so the panel opens at once however many
tags and stories there are. Filtering reads names only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from editor.arabic import neutralize_bidi, normalize
from editor.services.tags import TagCounter, TagName
from ui.articles.model import ARTICLE_IDS_MIME
from ui.taxonomy.section_model import (
    COUNT_ROLE,
    ID_ROLE,
    NAME_ROLE,
    NORM_ROLE,
    decode_ids,
)

# Tags counted at once: a few screens' worth around the row asked for.
WINDOW = 100
Index = QModelIndex | QPersistentModelIndex


class TagListModel(QAbstractTableModel):
    assign_requested = Signal(list, int)  # article ids, tag id (queued by the panel)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tags: list[TagName] = []
        self._counter: TagCounter | None = None
        self._counts: dict[int, int] = {}
        self.editable = True

    def set_tags(self, tags: Sequence[TagName], counter: TagCounter | None) -> None:
        if [(t.id, t.name) for t in tags] == [(t.id, t.name) for t in self._tags]:
            # Same list: keep rows and selection, recount what is shown.
            self._tags = list(tags)
            self._counter = counter
            self._counts.clear()
            if self._tags:
                self.dataChanged.emit(self.index(0, 1), self.index(len(self._tags) - 1, 1))
            return
        self.beginResetModel()
        self._tags = list(tags)
        self._counter = counter
        self._counts.clear()
        self.endResetModel()

    def tag_at(self, row: int) -> TagName | None:
        return self._tags[row] if 0 <= row < len(self._tags) else None

    def row_of(self, tag_id: int) -> int | None:
        return next((row for row, tag in enumerate(self._tags) if tag.id == tag_id), None)

    def count_of(self, row: int) -> int:
        tag = self.tag_at(row)
        if tag is None:
            return 0
        if tag.id not in self._counts:
            self._count_window(row)
        return self._counts.get(tag.id, 0)

    def _count_window(self, row: int) -> None:
        if self._counter is None:
            return
        start = max(0, row - WINDOW // 4)
        wanted = [t.id for t in self._tags[start : start + WINDOW] if t.id not in self._counts]
        self._counts.update(self._counter.counts(wanted))

    # -- Qt ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("TagList", "Tag")
        if section == 1:
            return QCoreApplication.translate("TagList", "Stories")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tag = self.tag_at(index.row()) if index.isValid() else None
        if tag is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return neutralize_bidi(tag.name)
            return QLocale().toString(self.count_of(index.row()))
        if role == ID_ROLE:
            return tag.id
        if role == NAME_ROLE:
            return tag.name
        if role == NORM_ROLE:
            return tag.norm_name
        if role == COUNT_ROLE:
            return self.count_of(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return (
                QCoreApplication.translate("TagList", "%1\nSlug: %2")
                .replace("%1", neutralize_bidi(tag.name))
                .replace("%2", tag.slug)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_IDS_MIME]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.editable and parent.isValid() and data.hasFormat(ARTICLE_IDS_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        tag = self.tag_at(parent.row())
        articles = decode_ids(data, ARTICLE_IDS_MIME)
        if tag is not None and articles:
            self.assign_requested.emit(articles, tag.id)
        return False  # nothing to remove from the article list


class NormalizedFilter(QSortFilterProxyModel):
    """Filters on Arabic-normalised names, so الاقتصاد finds الإقتصاد."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    @property
    def needle(self) -> str:
        return self._needle

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = normalize(" ".join(text.split()))
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in str(index.data(NORM_ROLE) or "")
