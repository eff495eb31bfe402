"""The moderation desk: queues with counts, filters, one comment in full, and triage.

Keyboard first (``ui.moderation.keys``: j/k, a/s/d/u, z, x, Shift for the
selection, ? for help, on any keyboard layout), every action also a button.
A decision removes the comment from the queue in place and selects the next
one without reloading the queue, so a key press costs one small write and
one read; the thread and the author's history follow a moment later.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QLocale,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.models import CommentStatus
from editor.moderation.decisions import DecisionBatch
from editor.permissions import Action, allowed
from editor.services.comments import CommentView, Decided
from editor.storage import Newsroom
from ui.icons import icon
from ui.labels import comment_status
from ui.live import is_remote
from ui.moderation.counts import QueueCounts
from ui.moderation.detail import CommentDetail
from ui.moderation.filters import FilterBar
from ui.moderation.help import KeysDialog
from ui.moderation.keys import TriageKey, triage_key
from ui.moderation.model import ARTICLE, AUTHOR, COMMENT, REASON, SUBMITTED, CommentQueueModel
from ui.moderation.previews import AHEAD, BEHIND, CommentPreviews
from ui.moderation.rules_dialog import RulesDialog
from ui.moderation.toolbar import ICONS, TriageBar
from ui.ops import Ops

QUEUES = (CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH)
DECISION_KEYS = {
    TriageKey.APPROVE: CommentStatus.APPROVED,
    TriageKey.SPAM: CommentStatus.SPAM,
    TriageKey.TRASH: CommentStatus.TRASH,
    TriageKey.PENDING: CommentStatus.PENDING,
}
SELECTION_KEYS = {
    TriageKey.APPROVE_SELECTED: CommentStatus.APPROVED,
    TriageKey.SPAM_SELECTED: CommentStatus.SPAM,
    TriageKey.TRASH_SELECTED: CommentStatus.TRASH,
    TriageKey.PENDING_SELECTED: CommentStatus.PENDING,
}
CONTEXT_DELAY_MS = 120


@dataclass(frozen=True)
class UndoEntry:
    batch: DecisionBatch
    focus_id: int


class ModerationPanel(QWidget):
    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.current: CommentView | None = None
        self.undo_stack: list[UndoEntry] = []
        self.queue_counts = QueueCounts(newsroom, ops, self)
        self.queue_counts.changed.connect(self._show_counts)
        self.keys_dialog: KeysDialog | None = None
        self._moving = False

        self.queue_tabs = QTabBar(self)
        self.queue_tabs.setObjectName("queueTabs")
        for status in QUEUES:
            self.queue_tabs.addTab(icon(ICONS[status]), comment_status(status))
        self.queue_tabs.currentChanged.connect(self._on_queue)
        self.filters = FilterBar(newsroom, ops, self)
        self.filters.changed.connect(self.reload)

        self.model = CommentQueueModel(newsroom, self)
        self.table = QTableView(self)
        self.table.setObjectName("commentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Never ResizeToContents: it would fetch every row of a lazy model.
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((AUTHOR, 140), (ARTICLE, 220), (REASON, 130), (SUBMITTED, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = CommentDetail(self)
        self.detail.open_requested.connect(self.open_comment)
        self.detail.note_saved.connect(self.save_note)
        self._context_timer = QTimer(self)
        self._context_timer.setSingleShot(True)
        self._context_timer.setInterval(CONTEXT_DELAY_MS)
        self._context_timer.timeout.connect(self.load_context)
        self.previews = CommentPreviews(newsroom, ops)
        # After the key press that showed a comment is painted, not inside it.
        self._read_ahead_timer = QTimer(self)
        self._read_ahead_timer.setSingleShot(True)
        self._read_ahead_timer.setInterval(0)
        self._read_ahead_timer.timeout.connect(self._read_ahead)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("moderationSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.queue_tabs)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self._build_actions())
        layout.addLayout(self._build_status())
        for widget in (
            self.table,
            self.detail.text,
            self.detail.thread_list,
            self.detail.history_list,
            self.detail.decision_list,
        ):
            widget.installEventFilter(self)
        self.reload()

    # -- building ------------------------------------------------------------

    def _button(self, name: str, icon_name: str, text: str) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setObjectName(name)
        return button

    def _build_actions(self) -> TriageBar:
        bar = TriageBar(allowed(self._newsroom.actor.role, Action.MODERATE), self)
        bar.decide_requested.connect(self.decide)
        bar.decide_selected_requested.connect(self.decide_marked)
        bar.undo_requested.connect(self.undo)
        bar.step_requested.connect(self.step)
        bar.mark_requested.connect(self.toggle_mark)
        bar.mark_all_requested.connect(self.mark_all)
        bar.clear_marks_requested.connect(self.clear_marks)
        self.action_bar = bar
        self.decision_actions = bar.decision_actions
        self.selection_actions = bar.selection_actions
        self.undo_action = bar.undo_action
        self.mark_action = bar.mark_action
        self.mark_all_action = bar.mark_all_action
        self.clear_marks_action = bar.clear_marks_action
        self.marked_label = bar.marked_label
        return bar

    def _build_status(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.unsent_label = QLabel(self)
        self.unsent_label.setObjectName("unsentDecisions")
        self.export_button = self._button(
            "exportDecisions", "export", self.tr("Export for the site…")
        )
        self.export_button.clicked.connect(self.export_decisions)
        self.rules_button = self._button("editRules", "rules", self.tr("Rules…"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.rules_button.setVisible(allowed(self._newsroom.actor.role, Action.EDIT_RULES))
        self.help_button = self._button("showKeys", "keyboard", self.tr("Keys (?)"))
        self.help_button.clicked.connect(self.show_keys)
        row.addWidget(self.unsent_label)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.rules_button)
        row.addWidget(self.help_button)
        return row

    # -- the queue -----------------------------------------------------------

    @property
    def status(self) -> CommentStatus:
        return QUEUES[max(0, self.queue_tabs.currentIndex())]

    @property
    def counts(self) -> dict[CommentStatus, int]:
        """Comments in each queue under the filter (empty until first counted)."""
        return self.queue_counts.counts

    @property
    def unsent(self) -> int:
        return self.queue_counts.unsent

    def reload(self, keep_id: int | None = None) -> None:
        """Read the queue's first page again and show ``keep_id`` or the first comment.

        The counts follow from another thread (``ui.moderation.counts``).
        """
        self.filters.status = self.status
        self.previews.forget()
        self.model.set_queue(self.status, self.filters.current_filter())
        self.queue_counts.recount(self.model.filter)
        self._show_counts()
        self.current = None
        row = self.model.row_of(keep_id) if keep_id is not None else None
        if self.model.rowCount():
            self.select_row(row if row is not None else 0)
        else:
            self._show(None)

    def _show_counts(self) -> None:
        locale = QLocale()
        for position, status in enumerate(QUEUES):
            text = comment_status(status)
            if self.counts:
                text += f" ({locale.toString(self.counts.get(status, 0))})"
            if self.queue_tabs.tabText(position) != text:  # a relayout costs a repaint
                self.queue_tabs.setTabText(position, text)
        self.unsent_label.setText(
            self.tr("Decisions not yet sent to the site: %1").replace(
                "%1", locale.toString(self.unsent)
            )
        )
        self.export_button.setEnabled(self.unsent > 0)
        marked = len(self.model.marked)
        self.marked_label.setText(self.tr("%1 selected").replace("%1", locale.toString(marked)))
        whole = self.counts.get(self.status, self.model.rowCount())
        self.mark_all_action.setText(
            self.tr("Select the whole queue (%1)").replace("%1", locale.toString(whole))
        )
        for action in self.selection_actions.values():
            action.setEnabled(marked > 0)
        self.clear_marks_action.setEnabled(marked > 0)
        self.undo_action.setEnabled(bool(self.undo_stack))

    def _on_queue(self, _index: int) -> None:
        self.reload()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._moving:
            return  # rows leaving the queue move the selection; _apply picks the next
        indexes = selected.indexes()
        self._show_row(indexes[0].row() if indexes else None)

    def _show_row(self, row: int | None) -> None:
        comment_id = self.model.id_at(row) if row is not None else None
        if self.current is not None and comment_id == self.current.id:
            return
        self._show(self.previews.take(comment_id) if comment_id is not None else None)

    def select_row(self, row: int) -> None:
        """Select and show a row; a model reset may swallow the selection signal."""
        # setCurrentIndex, not selectRow: j/k move from the current index.
        index = self.model.index(row, COMMENT)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_row(row)

    def step(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        if row + delta >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if not self.model.rowCount():
            return
        self.select_row(min(max(row + delta, 0), self.model.rowCount() - 1))

    def _show(self, view: CommentView | None) -> None:
        self.current = view
        self.detail.show_comment(view)
        for action in self.decision_actions.values():
            action.setEnabled(view is not None)
        self.mark_action.setEnabled(view is not None)
        if view is not None:
            self._context_timer.start()
            self._read_ahead_timer.start()

    def _read_ahead(self) -> None:
        row = self.table.currentIndex().row()
        current = self.model.id_at(row)
        if current is None:
            return
        ahead = [self.model.id_at(r) for r in range(row + 1, row + 1 + AHEAD)]
        behind = [self.model.id_at(r) for r in range(row - 1, max(row - 1 - BEHIND, -1), -1)]
        self.previews.read_around(
            current, [i for i in ahead if i is not None], [i for i in behind if i is not None]
        )

    def load_context(self) -> None:
        """The thread, the author's history and the decisions of the comment shown."""
        self._context_timer.stop()
        view = self.current
        if view is None:
            return
        comments = self._newsroom.comments
        thread = self._ops.query(lambda: comments.thread(view.id)) or []
        history = self._ops.query(lambda: comments.author_history(view.id))
        decisions = self._ops.query(lambda: comments.decisions(view.id)) or []
        self.detail.show_context(thread, history, decisions)

    def open_comment(self, comment_id: int) -> None:
        """Go to a comment of the thread or history: its queue, without filters if need be."""
        view = self._ops.query(lambda: self._newsroom.comments.get(comment_id))
        if view is None:
            return
        if self.model.row_of(comment_id) is None:
            if view.status is not self.status:
                self.queue_tabs.blockSignals(True)
                self.queue_tabs.setCurrentIndex(QUEUES.index(view.status))
                self.queue_tabs.blockSignals(False)
            self.reload(keep_id=comment_id)
            if self.model.row_of(comment_id) is None:
                self.filters.clear()  # reloads
                self.reload(keep_id=comment_id)
            return
        row = self.model.row_of(comment_id)
        if row is not None:
            self.select_row(row)

    # -- decisions -------------------------------------------------------------

    def decide(self, status: CommentStatus, *, shown_first: bool = False) -> None:
        """Move the comment shown, then show the next one in the queue.

        With ``shown_first`` (the triage keys) the next comment is painted
        first and the decision written just after: a moderator holding a key
        never waits for the database to see the next comment. If the write
        fails, the comment comes back selected.
        """
        if self.current is None:
            return
        comment_id, note = self.current.id, self.current.note
        row = self.table.currentIndex().row()
        rows = self.model.rowCount()
        if not shown_first or status is self.status or rows < 2 or row < 0:
            self._apply([comment_id], status, "manual", note, focus_id=comment_id)
            return
        # The next comment first: moving the selection repaints two rows, where
        # taking a row out repaints every row below it; that, and the write,
        # follow once the next comment is on screen.
        self.previews.forget([comment_id])
        self.select_row(row + 1 if row + 1 < rows else row - 1)
        QCoreApplication.sendPostedEvents(self.window(), QEvent.Type.UpdateRequest)
        queue = self.status
        decided = self._record(comment_id, status, note)
        if decided is None:
            # Not recorded (the message says why): the comment is back, selected.
            self.reload(keep_id=comment_id)
            return
        self._moving = True
        try:
            self.model.remove_ids([comment_id])
        finally:
            self._moving = False
        if decided.batch is not None:
            self.undo_stack.append(UndoEntry(decided.batch, comment_id))
            moved = len(decided.changes.comments)
            self.queue_counts.moved(queue, status, moved, decided.batch.last_id)
        self._show_counts()

    def _record(self, comment_id: int, status: CommentStatus, note: str) -> Decided | None:
        outcome: list[Decided] = []

        def work() -> Changes:
            outcome.append(self._newsroom.comments.decide([comment_id], status, note=note))
            return outcome[0].changes

        return outcome[0] if self._ops.change(work, source=self) is not None else None

    def decide_marked(self, status: CommentStatus) -> None:
        """Move every selected comment, in one transaction (undone by one Z)."""
        ids = self.model.marked_ids()
        if not ids:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._apply(ids, status, "bulk", "", focus_id=ids[0])
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _apply(
        self, ids: list[int], status: CommentStatus, source: str, note: str, focus_id: int
    ) -> None:
        row = max(self.table.currentIndex().row(), 0)
        outcome: list[Decided] = []

        def work() -> Changes:
            outcome.append(self._newsroom.comments.decide(ids, status, note=note, source=source))
            return outcome[0].changes

        if self._ops.change(work, source=self) is None:
            return
        decided = outcome[0]
        moved = decided.changes.comments
        self.previews.forget(moved)
        if decided.batch is not None:
            self.undo_stack.append(UndoEntry(decided.batch, focus_id))
        queue = self.status
        if moved and status is not queue:
            self._moving = True
            try:
                self.model.remove_ids(moved, hint=row)
            finally:
                self._moving = False
        else:
            row += 1  # nothing left the queue: go on to the next comment anyway
        if decided.batch is not None:
            self.queue_counts.moved(queue, status, len(moved), decided.batch.last_id)
        self.current = None
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
        else:
            self._show(None)
        self._show_counts()

    def undo(self) -> None:
        if not self.undo_stack:
            return
        entry = self.undo_stack.pop()
        if (
            self._ops.change(lambda: self._newsroom.comments.undo(entry.batch).changes, source=self)
            is None
        ):
            self.undo_stack.append(entry)
            return
        self.reload(keep_id=entry.focus_id)

    def save_note(self, comment_id: int, note: str) -> None:
        if (
            self._ops.change(
                lambda: self._newsroom.comments.set_note(comment_id, note), source=self
            )
            is None
        ):
            return
        self.previews.forget([comment_id])
        if self.current is not None and self.current.id == comment_id:
            view = self._ops.query(lambda: self._newsroom.comments.get(comment_id))
            if view is not None:
                self.current = view
                self.detail.view = view

    # -- selection -------------------------------------------------------------

    def toggle_mark(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.toggle_mark(row)
            self._show_counts()

    def mark_all(self) -> None:
        self.model.mark_all()
        self._show_counts()

    def clear_marks(self) -> None:
        self.model.clear_marks()
        self._show_counts()

    # -- rules, export, help -----------------------------------------------------

    def edit_rules(self) -> None:
        rules = self._ops.query(self._newsroom.moderation.rules)
        if rules is None:
            return
        edited = RulesDialog.edit(rules, self)
        if edited is None:
            return
        new_rules, apply_now = edited
        if self._ops.change(lambda: self._newsroom.moderation.set_rules(new_rules), self) is None:
            return
        if apply_now:
            self.apply_rules()

    def apply_rules(self) -> None:
        """Re-apply the rules to the whole pending queue."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._ops.change(lambda: self._newsroom.moderation.apply_to_pending()[0], source=self)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.reload(keep_id=self.current.id if self.current else None)

    def export_decisions(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export decisions for the site"),
            "midad-decisions.json",
            self.tr("JSON files (*.json)"),
        )
        if path:
            self.export_decisions_to(Path(path))

    def export_decisions_to(self, path: Path) -> None:
        result = self._ops.query(lambda: self._newsroom.moderation.export_decisions(path))
        if result is not None:
            self.queue_counts.unsent = self._ops.query(self._newsroom.moderation.unsent_count) or 0
            self._show_counts()
            self.load_context()

    def show_keys(self) -> None:
        if self.keys_dialog is None:
            self.keys_dialog = KeysDialog(self)
        self.keys_dialog.show()
        self.keys_dialog.raise_()

    # -- keys and the bus ----------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Arriving on the desk (Ctrl+2, the tab) puts the keys on the queue at once.
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key = triage_key(event)
        if key is None:
            return super().eventFilter(watched, event)
        if key is TriageKey.NEXT:
            self.step(1)
        elif key is TriageKey.PREVIOUS:
            self.step(-1)
        elif key in DECISION_KEYS:
            self.decide(DECISION_KEYS[key], shown_first=True)
        elif key in SELECTION_KEYS:
            self.decide_marked(SELECTION_KEYS[key])
        elif key is TriageKey.UNDO:
            self.undo()
        elif key is TriageKey.SELECT:
            self.toggle_mark()
        elif key is TriageKey.HELP:
            self.show_keys()
        return True

    def on_changes(self, changes: Changes, source: object) -> None:
        if source is self:
            return
        if changes.sections:
            self.filters.load_sections()
        # Another desk's story saves (an autosave every few seconds) leave the queue be.
        articles = changes.articles and not is_remote(source)
        if changes.comments or articles or changes.settings:
            self.reload(keep_id=self.current.id if self.current else None)
