"""Choosing a story's section from the newsroom's tree.

A button shows the chosen section with its parents ("دولي › آسيا"); it opens
the tree in a pop-up with a filter that matches letter forms, so a desk with
hundreds of sections is still two keystrokes away.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import normalize

ID_ROLE = Qt.ItemDataRole.UserRole
NORM_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_SEPARATOR = " › "
_NONE = -1  # the "no section" row


class SectionLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def parent_id(self) -> int | None: ...


class _Filter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = normalize(text.strip())
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = normalize(text.strip())
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in str(index.data(NORM_ROLE) or "")


class _Popup(QFrame):
    chosen = Signal(int)

    def __init__(self, model: QStandardItemModel, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("sectionFilter")
        self.filter.setPlaceholderText(self.tr("Filter sections"))
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(model)
        self.tree = QTreeView(self)
        self.tree.setObjectName("sectionPickerTree")
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._choose)
        self.tree.clicked.connect(self._choose)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)

    def _refilter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self.tree.expandAll()
        first = self._first_leafward(QModelIndex())
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def _first_leafward(self, parent: QModelIndex) -> QModelIndex:
        """The first row whose name itself matches (not only one of its children)."""
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            needle = self.proxy._needle
            if not needle or needle in str(index.data(NORM_ROLE) or ""):
                return index
            found = self._first_leafward(index)
            if found.isValid():
                return found
        return QModelIndex()

    def eventFilter(self, watched: object, event: object) -> bool:
        # Arrows and Enter in the filter move in and choose from the tree.
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in keys
        ):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.tree.currentIndex())
            else:
                self.tree.setFocus()
                self.tree.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(int(index.data(ID_ROLE)))
            self.hide()


class SectionPicker(QPushButton):
    """The section field: shows the choice, opens the tree; ``edited`` on a person's choice."""

    edited = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("section")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Read like a field: the name where the text of the other fields starts.
        # Qt mirrors style-sheet alignment in right-to-left, so "left" is the start.
        self.setStyleSheet("QPushButton { text-align: left; padding: 4px 8px; }")
        self.model = QStandardItemModel(self)
        self._paths: dict[int, str] = {}
        self._section_id: int | None = None
        self.popup = _Popup(self.model, self)
        self.popup.setObjectName("sectionPopup")
        self.popup.chosen.connect(self._on_chosen)
        self.clicked.connect(self.open_popup)
        self._show()

    def set_sections(self, nodes: Sequence[SectionLike]) -> None:
        self.model.clear()
        none = QStandardItem(self.tr("(no section)"))
        none.setData(_NONE, ID_ROLE)
        none.setData("", NORM_ROLE)
        none.setEditable(False)
        self.model.appendRow(none)
        items: dict[int, QStandardItem] = {}
        self._paths = {}
        by_id = {node.id: node for node in nodes}
        for node in nodes:  # parents come before their children
            item = QStandardItem(node.name)
            item.setData(node.id, ID_ROLE)
            item.setData(normalize(node.name), NORM_ROLE)
            item.setEditable(False)
            parent = items.get(node.parent_id) if node.parent_id is not None else None
            (parent or self.model.invisibleRootItem()).appendRow(item)
            items[node.id] = item
            names = [node.name]
            ancestor = by_id.get(node.parent_id) if node.parent_id is not None else None
            while ancestor is not None and len(names) < 20:
                names.append(ancestor.name)
                ancestor = by_id.get(ancestor.parent_id) if ancestor.parent_id is not None else None
            self._paths[node.id] = PATH_SEPARATOR.join(reversed(names))
        if self._section_id not in self._paths:
            self._section_id = None
        self._show()

    def section_id(self) -> int | None:
        return self._section_id

    def set_section_id(self, section_id: int | None) -> None:
        self._section_id = section_id if section_id in self._paths else None
        self._show()

    def current_name(self) -> str:
        path = self._paths.get(self._section_id or _NONE, "")
        return path.rsplit(PATH_SEPARATOR, 1)[-1]

    def _show(self) -> None:
        path = self._paths.get(self._section_id or _NONE)
        self.setText(path or self.tr("Choose a section…"))

    def open_popup(self) -> None:
        self.popup.filter.clear()
        self.popup.tree.expandAll()
        width = max(self.width(), 260)
        self.popup.resize(width, 320)
        corner = (
            QPoint(self.width() - width, self.height())
            if self.isRightToLeft()
            else QPoint(0, self.height())
        )
        self.popup.move(self.mapToGlobal(corner))
        self.popup.show()
        self.popup.filter.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_F4):
            self.open_popup()
            return
        super().keyPressEvent(event)

    def _on_chosen(self, section_id: int) -> None:
        chosen = None if section_id == _NONE else section_id
        if chosen != self._section_id:
            self._section_id = chosen
            self._show()
            self.edited.emit(chosen)
