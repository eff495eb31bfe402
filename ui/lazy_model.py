"""A table model over ids with a windowed cache of immutable display rows.

Opening a list of a million rows costs one query for the ids; rows are
fetched a window at a time when the view first paints them (Anki's browser
model, in small). A concrete list overrides the methods below to say
how to fetch ids and rows and what each column shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from editor.errors import MidadError

R = TypeVar("R")
WINDOW = 200
Index = QModelIndex | QPersistentModelIndex


class LazyRowModel(QAbstractTableModel, Generic[R]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: dict[int, R] = {}

    # -- what a concrete list supplies (see ArticleListModel) ----------------

    def fetch_ids(self) -> list[int]:
        return []

    def fetch_rows(self, ids: Sequence[int]) -> Sequence[R]:
        return []

    def row_id(self, row: R) -> int:
        return int(row.id)  # type: ignore[attr-defined]

    def column_headers(self) -> list[str]:
        return []

    def display(self, row: R, column: int) -> Any:
        return None

    def role_data(self, row: R, column: int, role: int) -> Any:
        return None

    # -- public ------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the ids again and forget every cached row."""
        self.beginResetModel()
        self._ids = self.fetch_ids()
        self._rows.clear()
        self.endResetModel()

    def refresh_rows(self, ids: set[int] | frozenset[int]) -> None:
        """Drop the cached rows of these ids so they repaint with fresh data."""
        for item in ids:
            self._rows.pop(item, None)
        positions = [i for i, value in enumerate(self._ids) if value in ids]
        if positions:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(positions), 0), self.index(max(positions), last))

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, item_id: int) -> int | None:
        try:
            return self._ids.index(item_id)
        except ValueError:
            return None

    def ids(self) -> list[int]:
        return list(self._ids)

    def cached_row(self, row: int) -> R | None:
        item_id = self.id_at(row)
        if item_id is None:
            return None
        if item_id not in self._rows:
            self._load_window(row)
        return self._rows.get(item_id)

    # -- Qt ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.column_headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.cached_row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(row)
        return self.role_data(row, index.column(), role)

    def _load_window(self, row: int) -> None:
        start = max(0, row - WINDOW // 4)
        wanted = [i for i in self._ids[start : start + WINDOW] if i not in self._rows]
        try:
            found = self.fetch_rows(wanted)
        except MidadError:
            # Painting cannot show a message (the server may be unreachable):
            # the rows stay blank and are asked for again at the next paint.
            return
        for fetched in found:
            self._rows[self.row_id(fetched)] = fetched
