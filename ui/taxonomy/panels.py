"""Section tree and tag list: counts at a glance, a click filters the article list.

The taxonomy issue adds editing (drag and drop, merge, near-duplicates); this
first version shows and filters.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QListView, QTreeView, QVBoxLayout, QWidget

from editor.arabic import normalize
from editor.changes import Changes
from editor.storage import Newsroom
from ui.ops import Ops

ID_ROLE = Qt.ItemDataRole.UserRole
NORM_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class SectionPanel(QWidget):
    filter_requested = Signal(int, str)  # section id, its name

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("sectionTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._request)
        self.view.clicked.connect(self._request)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.reload()

    def reload(self) -> None:
        nodes = self._ops.query(self._newsroom.sections.tree) or []
        self.model.clear()
        items: dict[int, QStandardItem] = {}
        totals: dict[int, int] = {node.id: node.count for node in nodes}
        parents = {node.id: node.parent_id for node in nodes}
        # A parent's count includes its children's stories, as the filter does.
        for node in nodes:
            parent = node.parent_id
            while parent is not None:
                totals[parent] = totals.get(parent, 0) + node.count
                parent = parents.get(parent)
        pending = list(nodes)
        while pending:
            remaining = []
            for node in pending:
                if node.parent_id is not None and node.parent_id not in items:
                    remaining.append(node)
                    continue
                item = QStandardItem(f"{node.name} ({QLocale().toString(totals[node.id])})")
                item.setData(node.id, ID_ROLE)
                item.setData(node.name, NAME_ROLE)
                item.setEditable(False)
                target = items[node.parent_id] if node.parent_id is not None else None
                (target or self.model.invisibleRootItem()).appendRow(item)
                items[node.id] = item
            if len(remaining) == len(pending):
                break  # an orphan cycle: show what we can rather than hang
            pending = remaining
        self.view.expandAll()

    def _request(self, index: QModelIndex) -> None:
        section_id = index.data(ID_ROLE)
        if section_id is not None:
            self.filter_requested.emit(int(section_id), str(index.data(NAME_ROLE)))

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.sections or changes.articles:
            self.reload()


class _NormalizedFilter(QSortFilterProxyModel):
    """Filters on Arabic-normalised names, so الاقتصاد finds الإقتصاد."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = normalize(text.strip())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in str(index.data(NORM_ROLE) or "")


class TagPanel(QWidget):
    filter_requested = Signal(int, str)  # tag id, its name

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.model = QStandardItemModel(self)
        self.proxy = _NormalizedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("tagFilter")
        self.search.setPlaceholderText(self.tr("Filter tags"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_needle)
        self.view = QListView(self)
        self.view.setObjectName("tagList")
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._request)
        self.view.clicked.connect(self._request)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.reload()

    def reload(self) -> None:
        tags = self._ops.query(self._newsroom.tags.list) or []
        self.model.clear()
        for tag in tags:
            item = QStandardItem(f"{tag.name} ({QLocale().toString(tag.count)})")
            item.setData(tag.id, ID_ROLE)
            item.setData(tag.name, NAME_ROLE)
            item.setData(normalize(tag.name), NORM_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)

    def _request(self, index: QModelIndex) -> None:
        tag_id = index.data(ID_ROLE)
        if tag_id is not None:
            self.filter_requested.emit(int(tag_id), str(index.data(NAME_ROLE)))

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.tags or changes.articles:
            self.reload()
