"""A moderation queue's model: comment ids, cached neutralised rows, and the marked ones.

Ids arrive a page at a time (``canFetchMore``/``fetchMore``, a keyset on the
queue's index), so opening a queue of 300,000 reads a thousand ids; the rest
follow as the view scrolls, or all at once when something needs the whole
queue (select all, a comment far down). Marks (``x``) are a set of ids kept
beside the rows, shown as the first column's check box, so "select all" on a
queue of a million comments is one set, never a million selection ranges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from editor.models import CommentStatus
from editor.services.comments import (
    QUEUE_PAGE,
    CommentFilter,
    CommentRow,
    QueueKey,
    QueuePage,
)
from editor.storage import Newsroom
from ui.labels import local_time
from ui.lazy_model import LazyRowModel
from ui.moderation.labels import rule_label

Index = QModelIndex | QPersistentModelIndex
COMMENT, AUTHOR, ARTICLE, REASON, SUBMITTED = range(5)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


class CommentQueueModel(LazyRowModel[CommentRow]):
    def __init__(self, newsroom: Newsroom, parent: Any = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self.status = CommentStatus.PENDING
        self.filter = CommentFilter()
        self.marked: set[int] = set()
        self._next: QueueKey | None = None
        self.page_size = QUEUE_PAGE

    def set_queue(self, status: CommentStatus, flt: CommentFilter | None = None) -> None:
        if status != self.status or (flt is not None and flt != self.filter):
            self.marked.clear()
        self.status = status
        if flt is not None:
            self.filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        page = self._newsroom.comments.page(self.status, self.filter, None, self.page_size)
        self._ids, self._next = page.ids, page.next
        self._rows.clear()
        self.endResetModel()
        # Marks on comments that left the queue would act on the wrong queue.
        if self.marked:
            if not self.marked <= set(self._ids):
                self.load_all()
            self.marked.intersection_update(self._ids)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next is None:
            return
        comments = self._newsroom.comments
        self._append(comments.page(self.status, self.filter, self._next, self.page_size))

    def load_all(self) -> None:
        """Read the rest of the queue's ids (one query), for what needs all of them."""
        if self._next is not None:
            self._append(self._newsroom.comments.page(self.status, self.filter, self._next, None))

    @property
    def complete(self) -> bool:
        """True once every id of the queue is here."""
        return self._next is None

    def _append(self, page: QueuePage) -> None:
        # Pages never overlap: each starts strictly after the last (submitted, id).
        self._next = page.next
        if page.ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
            self._ids.extend(page.ids)
            self.endInsertRows()

    def row_of(self, item_id: int) -> int | None:
        row = super().row_of(item_id)
        if row is None and self._next is not None:
            self.load_all()
            row = super().row_of(item_id)
        return row

    def ids(self) -> list[int]:
        """Every id of the queue (reading the rest of them if need be)."""
        self.load_all()
        return super().ids()

    def fetch_rows(self, ids: Sequence[int]) -> Sequence[CommentRow]:
        return self._newsroom.comments.rows(ids)

    # -- leaving the queue without a refetch ---------------------------------

    def remove_ids(self, ids: Iterable[int], hint: int | None = None) -> None:
        """Drop comments that moved to another queue (one row, or many at once).

        ``hint`` is where the caller expects a single id (the current row), so
        one decision in a queue of a million never scans the whole queue.
        """
        gone = set(ids)
        if len(gone) == 1 and hint is not None and self.id_at(hint) in gone:
            positions = [hint]
        else:
            positions = [i for i, value in enumerate(self._ids) if value in gone]
        if not positions:
            return
        if len(positions) == 1:
            row = positions[0]
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._ids = [value for value in self._ids if value not in gone]
            self.endResetModel()
        for item in gone:
            self._rows.pop(item, None)
        self.marked -= gone

    # -- marks ----------------------------------------------------------------

    def toggle_mark(self, row: int) -> None:
        item = self.id_at(row)
        if item is None:
            return
        self.marked.symmetric_difference_update({item})
        index = self.index(row, COMMENT)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def mark_all(self) -> None:
        self.load_all()
        self.marked = set(self._ids)
        self._marks_changed()

    def clear_marks(self) -> None:
        self.marked.clear()
        self._marks_changed()

    def marked_ids(self) -> list[int]:
        """The marked comments in queue order."""
        if len(self.marked) == len(self._ids):
            return list(self._ids)
        return [value for value in self._ids if value in self.marked]

    def _marks_changed(self) -> None:
        if self._ids:
            self.dataChanged.emit(
                self.index(0, COMMENT),
                self.index(len(self._ids) - 1, COMMENT),
                [Qt.ItemDataRole.CheckStateRole],
            )

    # -- Qt ---------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks every cell for a dozen roles (font, colours, alignment…);
        # answering the ones we never set without touching the row keeps the
        # repaint after a decision (every visible row moves up) cheap.
        if role not in _ROLES:
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COMMENT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != COMMENT:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        item = self.id_at(index.row())
        if item is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self.marked.add(item)
        else:
            self.marked.discard(item)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def column_headers(self) -> list[str]:
        return [
            QCoreApplication.translate("CommentQueue", "Comment"),
            QCoreApplication.translate("CommentQueue", "Author"),
            QCoreApplication.translate("CommentQueue", "Article"),
            QCoreApplication.translate("CommentQueue", "Held because"),
            QCoreApplication.translate("CommentQueue", "Submitted"),
        ]

    def display(self, row: CommentRow, column: int) -> Any:
        if column == COMMENT:
            return row.excerpt
        if column == AUTHOR:
            return row.author or QCoreApplication.translate("CommentQueue", "(anonymous)")
        if column == ARTICLE:
            return row.article
        if column == REASON:
            return rule_label(row.rule) if row.rule else ""
        if column == SUBMITTED:
            return local_time(row.submitted)
        return None

    def role_data(self, row: CommentRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == COMMENT:
            checked = row.id in self.marked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column in (COMMENT, ARTICLE):
            return row.excerpt if column == COMMENT else row.article
        return None
