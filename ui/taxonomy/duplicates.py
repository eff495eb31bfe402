"""The near-duplicate finder: one group of look-alike names at a time, merge or skip.

Groups come from the core (``taxonomy_key``: hamza forms, ta marbuta, alef
maqsura, harakat, tatweel, a leading ال, spacing). The most used name is
proposed as the one to keep; each member can be left out of the merge.
Every merge goes through the undo stack like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.arabic import neutralize_bidi
from editor.services.taxonomy import DuplicateGroup

Finder = Callable[[], Sequence[DuplicateGroup] | None]
Merger = Callable[[int, list[int]], bool]


class DuplicatesDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, find: Finder, merge: Merger) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(title)
        self._find = find
        self._merge = merge
        self._skipped: set[str] = set()
        self.group: DuplicateGroup | None = None
        self.remaining = 0

        self.position = QLabel(self)
        self.position.setObjectName("groupPosition")
        self.members = QListWidget(self)
        self.members.setObjectName("groupMembers")
        self.keep = QComboBox(self)
        self.keep.setObjectName("keepBox")
        self.merge_button = QPushButton(self.tr("&Merge into the kept one"), self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)
        self.skip_button = QPushButton(self.tr("&Skip this group"), self)
        self.skip_button.setObjectName("skipButton")
        close = QPushButton(self.tr("Close"), self)
        self.merge_button.clicked.connect(self.merge_group)
        self.skip_button.clicked.connect(self.skip_group)
        close.clicked.connect(self.accept)

        hint = QLabel(
            self.tr(
                "Names that differ only in hamza, ta marbuta, alef maqsura, harakat,"
                " tatweel, a leading “ال” or spacing. Untick a name to leave it out."
            ),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Keep"), self.keep)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.position)
        layout.addWidget(self.members, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(420, 360)
        self.refresh()

    def refresh(self) -> None:
        groups = [g for g in (self._find() or []) if g.key not in self._skipped]
        self.remaining = len(groups)
        self.group = groups[0] if groups else None
        self.members.clear()
        self.keep.clear()
        locale = QLocale()
        if self.group is None:
            self.position.setText(self.tr("No near-duplicates left."))
        else:
            self.position.setText(
                self.tr("%1 group(s) to review. This one:").replace(
                    "%1", locale.toString(self.remaining)
                )
            )
            for member in self.group.members:
                label = f"{neutralize_bidi(member.name)} ({locale.toString(member.count)})"
                item = QListWidgetItem(label, self.members)
                item.setData(Qt.ItemDataRole.UserRole, member.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.keep.addItem(label, member.id)
            self.members.setCurrentRow(0)
        for widget in (self.merge_button, self.skip_button, self.keep, self.members):
            widget.setEnabled(self.group is not None)
        self.merge_button.setFocus()

    def merge_group(self) -> None:
        if self.group is None:
            return
        target = int(self.keep.currentData())
        sources = []
        for row in range(self.members.count()):
            item = self.members.item(row)
            member_id = int(item.data(Qt.ItemDataRole.UserRole))
            if member_id != target and item.checkState() == Qt.CheckState.Checked:
                sources.append(member_id)
        if sources and self._merge(target, sources):
            self.refresh()

    def skip_group(self) -> None:
        if self.group is not None:
            self._skipped.add(self.group.key)
            self.refresh()

    @classmethod
    def run(cls, parent: QWidget | None, title: str, find: Finder, merge: Merger) -> None:
        dialog = cls(parent, title, find, merge)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
