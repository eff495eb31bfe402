"""A story's revisions: who saved, when and why, any two side by side, and restore.

The comparison comes from ``editor.diff``: removed words are struck out in red
on the older side, added ones green on the newer side, and a word that only
gained or lost harakat or tatweel (amber) or changed letter form (blue) is
marked as such rather than as a different word.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.diff import Change, FieldDiff, Piece, compare_snapshots
from editor.services.articles import RevisionRow
from editor.storage import Newsroom
from ui.icons import icon
from ui.labels import local_time
from ui.ops import Ops

# (background, text decoration) of each kind of change, per side.
_OLD_STYLE = {
    Change.DELETE: "background:#ffd7d5;text-decoration:line-through",
    Change.REPLACE: "background:#ffd7d5;text-decoration:line-through",
    Change.MARKS: "background:#ffe8a3",
    Change.FORMS: "background:#d6e8ff",
}
_NEW_STYLE = {
    Change.INSERT: "background:#c9f2d0",
    Change.REPLACE: "background:#c9f2d0",
    Change.MARKS: "background:#ffe8a3",
    Change.FORMS: "background:#d6e8ff",
}


def reason_label(reason: str) -> str:
    """Why a revision was made, in the reader's language (unknown reasons as stored)."""
    labels = {
        "create": QCoreApplication.translate("History", "created"),
        "save": QCoreApplication.translate("History", "saved"),
        "autosave": QCoreApplication.translate("History", "autosaved"),
        "submit": QCoreApplication.translate("History", "submitted"),
        "restore": QCoreApplication.translate("History", "restored"),
        "import": QCoreApplication.translate("History", "imported"),
    }
    return labels.get(reason, reason)


def field_label(name: str) -> str:
    return {
        "headline": QCoreApplication.translate("History", "Headline"),
        "standfirst": QCoreApplication.translate("History", "Standfirst"),
        "section": QCoreApplication.translate("History", "Section"),
        "tags": QCoreApplication.translate("History", "Tags"),
        "byline": QCoreApplication.translate("History", "Byline"),
        "dateline": QCoreApplication.translate("History", "Dateline"),
        "body": QCoreApplication.translate("History", "Body"),
    }.get(name, name)


def render_side(diffs: Sequence[FieldDiff], old_side: bool) -> str:
    """One side of the comparison as HTML (every character escaped)."""
    styles = _OLD_STYLE if old_side else _NEW_STYLE
    out: list[str] = []
    for diff in diffs:
        marker = " •" if diff.changed else ""
        out.append(f"<h4>{html.escape(field_label(diff.field))}{marker}</h4>")
        if diff.formatting:
            note = QCoreApplication.translate("History", "(formatting or direction changed)")
            out.append(f"<p><i>{html.escape(note)}</i></p>")
        out.append("<p>" + _render_pieces(diff.pieces, old_side, styles) + "</p>")
    return "".join(out)


def _render_pieces(pieces: Sequence[Piece], old_side: bool, styles: dict[Change, str]) -> str:
    parts: list[str] = []
    for piece in pieces:
        text = piece.old if old_side else piece.new
        if not text:
            continue
        style = styles.get(piece.change)
        chunks = text.split("\n")
        rendered = [html.escape(c) for c in chunks]
        if style:
            rendered = [f'<span style="{style}">{c}</span>' if c else "" for c in rendered]
        parts.append("</p><p>".join(rendered))
    return "".join(parts) or "&nbsp;"


class SafeBrowser(QTextBrowser):
    """Shows our own HTML only: links do nothing and nothing is ever loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return None


class RevisionHistory(QDialog):
    """Non-modal: the story stays editable while its history is open."""

    restore_requested = Signal(int)  # revision id

    def __init__(
        self, newsroom: Newsroom, ops: Ops, article_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revisionHistory")
        self.setWindowTitle(self.tr("Revisions"))
        self.setWindowIcon(icon("history"))
        self._newsroom = newsroom
        self._ops = ops
        self.article_id = article_id
        self.revisions: list[RevisionRow] = []
        self._snapshots: dict[int, dict[str, Any]] = {}

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("revisionTable")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Why")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(self._on_row)
        self.older = QComboBox(self)
        self.older.setObjectName("olderRevision")
        self.newer = QComboBox(self)
        self.newer.setObjectName("newerRevision")
        self.older.currentIndexChanged.connect(self.compare)
        self.newer.currentIndexChanged.connect(self.compare)
        self.old_view = SafeBrowser(self)
        self.old_view.setObjectName("olderText")
        self.new_view = SafeBrowser(self)
        self.new_view.setObjectName("newerText")
        self.restore_button = QPushButton(icon("restore"), self.tr("Restore this revision"), self)
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.clicked.connect(self.restore_selected)
        legend = QLabel(
            self.tr(
                "Red: removed · green: added · amber: only harakat or tatweel"
                " · blue: only letter forms (hamza, ta marbuta, ya)"
            ),
            self,
        )
        legend.setWordWrap(True)
        # The two sides scroll together, like a word processor's comparison.
        self.old_view.verticalScrollBar().valueChanged.connect(
            self.new_view.verticalScrollBar().setValue
        )
        self.new_view.verticalScrollBar().valueChanged.connect(
            self.old_view.verticalScrollBar().setValue
        )

        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compare"), self))
        pick.addWidget(self.older, 1)
        pick.addWidget(QLabel(self.tr("with"), self))
        pick.addWidget(self.newer, 1)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.addWidget(self.old_view)
        sides.addWidget(self.new_view)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(pick)
        right_layout.addWidget(legend)
        right_layout.addWidget(sides, 1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.restore_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1100, 640)
        self.reload()

    def _label(self, row: RevisionRow) -> str:
        return (
            self.tr("%1 · %2 · %3")
            .replace("%1", local_time(row.created))
            .replace("%2", row.user or "—")
            .replace("%3", reason_label(row.reason))
        )

    def reload(self) -> None:
        self.revisions = (
            self._ops.query(lambda: self._newsroom.articles.revisions(self.article_id)) or []
        )
        self._snapshots.clear()
        self.table.setRowCount(len(self.revisions))
        for row, revision in enumerate(self.revisions):
            cells = (
                local_time(revision.created),
                revision.user or "—",
                reason_label(revision.reason),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for combo in (self.older, self.newer):
            combo.blockSignals(True)
            combo.clear()
            for revision in self.revisions:
                combo.addItem(self._label(revision), revision.id)
            combo.blockSignals(False)
        if self.revisions:
            self.table.setCurrentCell(0, 0)
            self._on_row(0)

    def _on_row(self, row: int, *_args: object) -> None:
        """Selecting a revision compares it with the one before it."""
        if not 0 <= row < len(self.revisions):
            return
        self.newer.blockSignals(True)
        self.newer.setCurrentIndex(row)
        self.newer.blockSignals(False)
        self.older.setCurrentIndex(min(row + 1, len(self.revisions) - 1))
        self.compare()

    def _snapshot(self, revision_id: int) -> dict[str, Any]:
        if revision_id not in self._snapshots:
            self._snapshots[revision_id] = (
                self._ops.query(lambda: self._newsroom.articles.revision_snapshot(revision_id))
                or {}
            )
        return self._snapshots[revision_id]

    def compare(self, *_args: object) -> list[FieldDiff]:
        older, newer = self.older.currentData(), self.newer.currentData()
        if older is None or newer is None:
            return []
        diffs = compare_snapshots(self._snapshot(older), self._snapshot(newer))
        changed = [d for d in diffs if d.changed] or diffs[:1]
        self.old_view.setHtml(render_side(changed, old_side=True))
        self.new_view.setHtml(render_side(changed, old_side=False))
        locale = QLocale()
        self.setWindowTitle(
            self.tr("Revisions · %1 revisions").replace("%1", locale.toString(len(self.revisions)))
        )
        return diffs

    def restore_selected(self) -> None:
        """Ask the editor to restore the selected revision (it saves pending edits first)."""
        row = self.table.currentRow()
        if 0 <= row < len(self.revisions):
            self.restore_requested.emit(self.revisions[row].id)
