"""One comment in full: who, why it was held, the text with matched words marked, notes,
and around it the thread, the author's history and the decisions taken on it.

Safety: every widget here shows plain text only. The comment is in a
QPlainTextEdit (no HTML, so no images and no resource loads of any kind);
matched words are marked with extra selections, never with markup; labels are
forced to plain text; bidi controls were already removed by the core.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.models import CommentStatus
from editor.moderation.words import matched_spans
from editor.services.comments import AuthorHistory, CommentRow, CommentView, DecisionRow
from editor.services.comments import ThreadEntry as ThreadLine
from ui.icons import icon
from ui.labels import comment_status, local_time
from ui.moderation.labels import reason_text, source_label

HIGHLIGHT = QColor("#ffd54f")
HIGHLIGHT_TEXT = QColor("#000000")


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction of a reader's text from its first strong character (Arabic → RTL)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return Qt.LayoutDirection.RightToLeft


def _plain_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FixedLines(QWidget):
    """Labels stacked at a fixed height, each a given number of lines tall.

    A label free to grow asks the whole window to lay itself out again
    whenever its text changes: on every comment shown, that was most of what
    a key press cost. Here each label has a fixed size, so new text repaints
    the label alone; longer text is cut, and shown in full as a tooltip.
    """

    def __init__(self, parent: QWidget, labels: list[tuple[QLabel, int]]) -> None:
        super().__init__(parent)
        self._labels = labels
        for label, _lines in labels:
            label.setParent(self)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._full = sum(self._height(label, lines) for label, lines in labels)
        # Its own size never follows the text, so it may still give way when
        # the window is small: the labels inside keep theirs.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        return QSize(0, self._full)

    def minimumSizeHint(self) -> QSize:
        label, _lines = self._labels[0]
        return QSize(0, self._height(label, 1))

    @staticmethod
    def _height(label: QLabel, lines: int) -> int:
        margins = label.contentsMargins()
        return lines * label.fontMetrics().lineSpacing() + margins.top() + margins.bottom() + 2

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        top = 0
        for label, lines in self._labels:
            height = self._height(label, lines)
            label.setFixedSize(self.width(), height)
            label.move(0, top)
            top += height


class CommentDetail(QWidget):
    open_requested = Signal(int)  # a comment of the thread or the history
    note_saved = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CommentView | None = None
        self.meta = _plain_label(self, "commentMeta")
        self.reason = _plain_label(self, "heldReason")
        font = self.reason.font()
        font.setBold(True)
        self.reason.setFont(font)
        self.reason.setStyleSheet("color: #b35900;")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("commentText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # A 100,000-character comment with no spaces still wraps and scrolls.
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.highlights: list[tuple[int, int]] = []

        self.note = QLineEdit(self)
        self.note.setObjectName("commentNote")
        self.note.setPlaceholderText(self.tr("A note for the moderators (never published)"))
        self.note.editingFinished.connect(self._save_note)
        self.note_button = QToolButton(self)
        self.note_button.setObjectName("saveNote")
        self.note_button.setIcon(icon("note"))
        self.note_button.setToolTip(self.tr("Save the note"))
        self.note_button.clicked.connect(self._save_note)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)

        comment = QWidget(self)
        layout = QVBoxLayout(comment)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(FixedLines(comment, [(self.meta, 2), (self.reason, 1)]))
        layout.addWidget(self.text, 1)
        layout.addLayout(note_row)

        self.thread_list = self._list("threadList")
        self.history_summary = _plain_label(self, "authorSummary")
        self.history_list = self._list("historyList")
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_summary)
        history_layout.addWidget(self.history_list, 1)
        self.decision_list = QListWidget(self)
        self.decision_list.setObjectName("decisionList")
        self.decision_list.setWordWrap(True)
        self.context = QTabWidget(self)
        self.context.setObjectName("commentContext")
        self.context.addTab(self.thread_list, self.tr("Thread"))
        self.context.addTab(history, self.tr("Author"))
        self.context.addTab(self.decision_list, self.tr("Decisions"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("commentDetailSplitter")
        self.splitter.addWidget(comment)
        self.splitter.addWidget(self.context)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self.show_comment(None)

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        # Excerpts are short (200 characters): wrapped, a thread reads top to bottom.
        widget.setWordWrap(True)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.itemActivated.connect(self._activated)
        return widget

    def _activated(self, item: QListWidgetItem) -> None:
        comment_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(comment_id, int):
            self.open_requested.emit(comment_id)

    # -- the comment ---------------------------------------------------------

    def show_comment(self, view: CommentView | None) -> None:
        self.view = view
        self.note.setEnabled(view is not None)
        self.note_button.setEnabled(view is not None)
        if view is None:
            self.meta.clear()
            self.reason.clear()
            self.reason.hide()
            self.text.clear()
            self.note.clear()
            self.highlights = []
            self.text.setExtraSelections([])
            self.clear_context()
            return
        parts = [view.author or self.tr("(anonymous)")]
        parts.extend(value for value in (view.email, view.url, view.ip) if value)
        parts.append(local_time(view.submitted))
        parts.append(comment_status(view.status))
        self.meta.setText(" · ".join(parts) + "\n" + self.tr("On: %1").replace("%1", view.article))
        self.meta.setToolTip(self.meta.text())
        reason = reason_text(view.held_by)
        self.reason.setText(self.tr("Rule: %1").replace("%1", reason) if reason else "")
        self.reason.setToolTip(self.reason.text())
        self.reason.setVisible(bool(reason))
        direction = text_direction(view.text)
        self.text.setLayoutDirection(direction)
        option = self.text.document().defaultTextOption()
        option.setTextDirection(direction)
        self.text.document().setDefaultTextOption(option)
        self.text.setPlainText(view.text)
        self._highlight(view)
        self.note.setText(view.note)

    def _highlight(self, view: CommentView) -> None:
        words = view.held_by.get("words", []) if isinstance(view.held_by, dict) else []
        self.highlights = matched_spans(view.text, [str(w) for w in words])
        selections = []
        mark = QTextCharFormat()
        mark.setBackground(HIGHLIGHT)
        mark.setForeground(HIGHLIGHT_TEXT)
        mark.setFontWeight(QFont.Weight.Bold)
        for start, length in self.highlights:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = mark
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def _save_note(self) -> None:
        if self.view is None:
            return
        text = self.note.text().strip()
        if text != self.view.note:
            self.note_saved.emit(self.view.id, text)

    # -- around it -------------------------------------------------------------

    def clear_context(self) -> None:
        self.thread_list.clear()
        self.history_list.clear()
        self.history_summary.clear()
        self.decision_list.clear()

    def show_context(
        self, thread: list[ThreadLine], history: AuthorHistory | None, decisions: list[DecisionRow]
    ) -> None:
        self.clear_context()
        current = self.view.id if self.view else None
        for line in thread:
            item = self._row_item(line.row, "    " * line.depth)
            if line.row.id == current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.thread_list.addItem(item)
        if history is not None:
            self.history_summary.setText(_history_summary(history))
            for row in history.recent:
                self.history_list.addItem(self._row_item(row, comment_status(row.status) + " · "))
        for decision in decisions:
            text = "%1 · %2 · %3 → %4 (%5)"
            for number, value in enumerate(
                (
                    local_time(decision.at),
                    decision.user or "—",
                    comment_status(decision.from_status),
                    comment_status(decision.to_status),
                    source_label(decision.source),
                ),
                start=1,
            ):
                text = text.replace(f"%{number}", value)
            if decision.note:
                text += " — " + decision.note
            if not decision.sent:
                text += " " + self.tr("[not sent]")
            self.decision_list.addItem(text)

    def _row_item(self, row: CommentRow, lead: str) -> QListWidgetItem:
        author = row.author or self.tr("(anonymous)")
        item = QListWidgetItem(f"{lead}{author}: {row.excerpt}")
        item.setData(Qt.ItemDataRole.UserRole, row.id)
        item.setToolTip(row.excerpt)
        return item


def _history_summary(history: AuthorHistory) -> str:
    from PySide6.QtCore import QCoreApplication

    if not history.by:
        return QCoreApplication.translate(
            "CommentDetail", "An anonymous comment: no name and no email to follow."
        )
    locale = QLocale()
    total = history.total
    approved = history.counts[CommentStatus.APPROVED]
    share = round(100 * approved / total) if total else 0
    by = (
        QCoreApplication.translate("CommentDetail", "same email")
        if history.by == "email"
        else QCoreApplication.translate("CommentDetail", "same name")
    )
    text = QCoreApplication.translate(
        "CommentDetail",
        "%1 comments (%2): %3 approved, %4 pending, %5 spam, %6 trash — %7% approved",
    )
    values = (
        locale.toString(total),
        by,
        locale.toString(approved),
        locale.toString(history.counts[CommentStatus.PENDING]),
        locale.toString(history.counts[CommentStatus.SPAM]),
        locale.toString(history.counts[CommentStatus.TRASH]),
        locale.toString(share),
    )
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    if history.more:
        text += " " + QCoreApplication.translate("CommentDetail", "(the latest only)")
    return text
