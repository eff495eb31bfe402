"""The section tree's model: a QAbstractItemModel over ``SectionNode`` records.

Built the way Qt's ``editabletreemodel`` example builds its tree (one item per
row that knows its parent and children, ``index``/``parent`` through the
items), but the model never edits the tree itself: a drop or a rename asks
for the change with a signal, the core makes it, and the new records come
back through ``set_nodes``. When only names or counts changed the rows are
updated in place, so expansion and selection survive an article save.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from editor.arabic import neutralize_bidi, normalize
from editor.models import ArticleStatus
from editor.services.sections import SectionNode
from ui.articles.model import ARTICLE_IDS_MIME
from ui.labels import article_status

ID_ROLE = Qt.ItemDataRole.UserRole
NORM_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
SECTION_IDS_MIME = "application/x-midad-section-ids"
# Built once: the view asks for every row's flags when it lays the tree out.
_READ_ONLY_ROW = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_ROW = _READ_ONLY_ROW | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
Index = QModelIndex | QPersistentModelIndex


class SectionItem:
    """One row of the tree: a section, its place, and its counts with its subsections'."""

    def __init__(self, node: SectionNode | None, parent: SectionItem | None = None) -> None:
        self.node = node
        self.parent_item = parent
        self.child_items: list[SectionItem] = []
        self.total = 0
        self.by_status: dict[ArticleStatus, int] = {}

    @property
    def section_id(self) -> int | None:
        return self.node.id if self.node else None

    def child(self, number: int) -> SectionItem | None:
        return self.child_items[number] if 0 <= number < len(self.child_items) else None

    def child_number(self) -> int:
        return self.parent_item.child_items.index(self) if self.parent_item else 0

    def shape(self) -> tuple[int | None, tuple[Any, ...]]:
        return self.section_id, tuple(child.shape() for child in self.child_items)


def decode_ids(data: QMimeData, mime: str) -> list[int]:
    if not data.hasFormat(mime):
        return []
    try:
        values = json.loads(bytes(data.data(mime).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [int(v) for v in values if isinstance(v, int)] if isinstance(values, list) else []


def encode_ids(mime: str, ids: Sequence[int]) -> QMimeData:
    data = QMimeData()
    data.setData(mime, QByteArray(json.dumps(list(ids)).encode("utf-8")))
    return data


class SectionTreeModel(QAbstractItemModel):
    # Queued by the panel: the tree must not be rebuilt inside the view's drop handler.
    move_requested = Signal(int, object, int)  # section id, new parent id or None, index
    assign_requested = Signal(list, int)  # article ids, section id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.root = SectionItem(None)
        self._items: dict[int, SectionItem] = {}
        self.editable = True

    # -- filling -----------------------------------------------------------

    def set_nodes(self, nodes: Sequence[SectionNode]) -> None:
        root = _build(nodes)
        if root.shape() == self.root.shape():
            self._update_in_place(root)
            return
        self.beginResetModel()
        self.root = root
        self._items = _index_items(root)
        self.endResetModel()

    def _update_in_place(self, fresh: SectionItem) -> None:
        changed: list[SectionItem] = []
        for sid, item in _index_items(fresh).items():
            mine = self._items[sid]
            if (mine.node, mine.total, mine.by_status) != (item.node, item.total, item.by_status):
                mine.node, mine.total, mine.by_status = item.node, item.total, item.by_status
                changed.append(mine)
        for item in changed:
            index = self.createIndex(item.child_number(), 0, item)
            self.dataChanged.emit(index, index)

    # -- looking up --------------------------------------------------------

    def item(self, index: Index) -> SectionItem:
        if index.isValid():
            found = index.internalPointer()
            if isinstance(found, SectionItem):
                return found
        return self.root

    def index_of(self, section_id: int) -> QModelIndex:
        item = self._items.get(section_id)
        if item is None:
            return QModelIndex()
        return self.createIndex(item.child_number(), 0, item)

    def node(self, section_id: int) -> SectionNode | None:
        item = self._items.get(section_id)
        return item.node if item else None

    def nodes(self) -> list[SectionNode]:
        """Every section, parents before their children, in display order."""
        found: list[SectionNode] = []
        stack = list(reversed(self.root.child_items))
        while stack:
            item = stack.pop()
            assert item.node is not None
            found.append(item.node)
            stack.extend(reversed(item.child_items))
        return found

    def subtree_ids(self, section_id: int) -> set[int]:
        item = self._items.get(section_id)
        found: set[int] = set()
        stack = [item] if item else []
        while stack:
            current = stack.pop()
            if current.section_id is not None:
                found.add(current.section_id)
            stack.extend(current.child_items)
        return found

    # -- Qt: structure -----------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        child = self.item(parent).child(row)
        return self.createIndex(row, column, child) if child else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent_item = self.item(index).parent_item
        if parent_item is None or parent_item is self.root:
            return QModelIndex()
        return self.createIndex(parent_item.child_number(), 0, parent_item)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() > 0:
            return 0
        return len(self.item(parent).child_items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    # -- Qt: data ----------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index)
        node = item.node
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{neutralize_bidi(node.name)} ({QLocale().toString(item.total)})"
        if role == Qt.ItemDataRole.EditRole or role == NAME_ROLE:
            return node.name
        if role == ID_ROLE:
            return node.id
        if role == NORM_ROLE:
            return normalize(node.name)
        if role == COUNT_ROLE:
            return item.total
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, node)
        return None

    def _tooltip(self, item: SectionItem, node: SectionNode) -> str:
        locale = QLocale()
        lines = [neutralize_bidi(node.name)]
        for status in ArticleStatus:
            if item.by_status.get(status):
                lines.append(f"{article_status(status)}: {locale.toString(item.by_status[status])}")
        if len(lines) == 1:
            lines.append(QCoreApplication.translate("SectionTree", "No stories"))
        own = sum(n for status, n in node.status_counts if status is not ArticleStatus.TRASH)
        if item.child_items:
            lines.append(
                QCoreApplication.translate("SectionTree", "In this section alone: %1").replace(
                    "%1", locale.toString(own)
                )
            )
        lines.append(QCoreApplication.translate("SectionTree", "Slug: %1").replace("%1", node.slug))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        return _EDITABLE_ROW if self.editable else _READ_ONLY_ROW

    # -- Qt: drag and drop -------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SECTION_IDS_MIME, ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = [int(self.item(i).section_id or 0) for i in indexes if i.isValid()]
        return encode_ids(SECTION_IDS_MIME, [i for i in dict.fromkeys(ids) if i])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.editable:
            return False
        if data.hasFormat(ARTICLE_IDS_MIME):
            return parent.isValid() and row == -1  # onto a section, not between two
        return data.hasFormat(SECTION_IDS_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.item(parent)
        articles = decode_ids(data, ARTICLE_IDS_MIME)
        if articles and target.section_id is not None:
            self.assign_requested.emit(articles, target.section_id)
            return False
        moved = decode_ids(data, SECTION_IDS_MIME)
        if len(moved) != 1 or moved[0] not in self._items:
            return False
        section_id = moved[0]
        siblings = [c.section_id for c in target.child_items]
        position = len(siblings) if row < 0 else row
        # The core counts positions without the moved section itself.
        if section_id in siblings and siblings.index(section_id) < position:
            position -= 1
        self.move_requested.emit(section_id, target.section_id, position)
        # False: the view must not remove the dragged row; the core's answer redraws the tree.
        return False


def _build(nodes: Sequence[SectionNode]) -> SectionItem:
    root = SectionItem(None)
    items: dict[int, SectionItem] = {}
    for node in nodes:  # parents come before their children (SectionService.tree)
        parent = items.get(node.parent_id) if node.parent_id is not None else root
        item = SectionItem(node, parent or root)
        (parent or root).child_items.append(item)
        items[node.id] = item
    # Counts of a section include its subsections', as the article filter does.
    for node in reversed(nodes):
        item = items[node.id]
        own = dict(node.status_counts)
        for status, count in own.items():
            item.by_status[status] = item.by_status.get(status, 0) + count
        item.total += node.count
        parent_item = item.parent_item
        if parent_item is not None and parent_item is not root:
            parent_item.total += item.total
            for status, count in item.by_status.items():
                parent_item.by_status[status] = parent_item.by_status.get(status, 0) + count
    return root


def _index_items(root: SectionItem) -> dict[int, SectionItem]:
    found: dict[int, SectionItem] = {}
    stack = list(root.child_items)
    while stack:
        item = stack.pop()
        if item.section_id is not None:
            found[item.section_id] = item
        stack.extend(item.child_items)
    return found
