"""The triage toolbar: every key of the desk as a button, for the mouse.

A narrow window folds what does not fit into the toolbar's » menu.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from editor.models import CommentStatus
from ui.icons import icon

ICONS = {
    CommentStatus.PENDING: "pending",
    CommentStatus.APPROVED: "approve",
    CommentStatus.SPAM: "spam",
    CommentStatus.TRASH: "trash",
}
KEYS = {
    CommentStatus.APPROVED: "A",
    CommentStatus.SPAM: "S",
    CommentStatus.TRASH: "D",
    CommentStatus.PENDING: "U",
}
DECISIONS = (
    CommentStatus.APPROVED,
    CommentStatus.SPAM,
    CommentStatus.TRASH,
    CommentStatus.PENDING,
)


class TriageBar(QToolBar):
    decide_requested = Signal(object)  # CommentStatus, for the comment shown
    decide_selected_requested = Signal(object)  # CommentStatus, for the selection
    undo_requested = Signal()
    step_requested = Signal(int)
    mark_requested = Signal()
    mark_all_requested = Signal()
    clear_marks_requested = Signal()

    def __init__(self, may_moderate: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moderationActions")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.decision_actions: dict[CommentStatus, QAction] = {}
        for status in DECISIONS:
            action = self._action(
                f"decide_{status.value}", ICONS[status], decision_label(status), KEYS[status]
            )
            action.triggered.connect(lambda _=False, s=status: self.decide_requested.emit(s))
            action.setVisible(may_moderate)
            self.decision_actions[status] = action
        self.undo_action = self._action("undoDecision", "undo", self.tr("Undo"), "Z")
        self.undo_action.triggered.connect(self.undo_requested)
        self.addSeparator()
        self.previous_action = self._action("previousComment", "previous", self.tr("Previous"), "K")
        self.previous_action.triggered.connect(lambda: self.step_requested.emit(-1))
        self.next_action = self._action("nextComment", "next", self.tr("Next"), "J")
        self.next_action.triggered.connect(lambda: self.step_requested.emit(1))
        self.addSeparator()
        self.mark_action = self._action("markComment", "select", self.tr("Select"), "X")
        self.mark_action.triggered.connect(self.mark_requested)
        self.mark_all_action = self._action(
            "markAll", "select_all", self.tr("Select the whole queue")
        )
        self.mark_all_action.triggered.connect(self.mark_all_requested)
        self.clear_marks_action = self._action(
            "clearMarks", "clear_selection", self.tr("Unselect all")
        )
        self.clear_marks_action.triggered.connect(self.clear_marks_requested)
        self.marked_label = QLabel(self)
        self.marked_label.setObjectName("markedCount")
        self.addWidget(self.marked_label)
        self.selection_actions: dict[CommentStatus, QAction] = {}
        for status in DECISIONS:
            action = self._action(
                f"decideSelected_{status.value}",
                ICONS[status],
                selection_label(status),
                f"Shift+{KEYS[status]}",
            )
            action.triggered.connect(
                lambda _=False, s=status: self.decide_selected_requested.emit(s)
            )
            action.setVisible(may_moderate)
            self.selection_actions[status] = action

    def _action(self, name: str, icon_name: str, text: str, tip: str = "") -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setObjectName(name)
        action.setToolTip(f"{text} ({tip})" if tip else text)
        self.addAction(action)
        return action


def decision_label(status: CommentStatus) -> str:
    return {
        CommentStatus.APPROVED: QCoreApplication.translate("Moderation", "Approve"),
        CommentStatus.SPAM: QCoreApplication.translate("Moderation", "Spam"),
        CommentStatus.TRASH: QCoreApplication.translate("Moderation", "Trash"),
        CommentStatus.PENDING: QCoreApplication.translate("Moderation", "Back to pending"),
    }[status]


def selection_label(status: CommentStatus) -> str:
    return {
        CommentStatus.APPROVED: QCoreApplication.translate("Moderation", "Approve the selected"),
        CommentStatus.SPAM: QCoreApplication.translate("Moderation", "Spam the selected"),
        CommentStatus.TRASH: QCoreApplication.translate("Moderation", "Trash the selected"),
        CommentStatus.PENDING: QCoreApplication.translate("Moderation", "Selected back to pending"),
    }[status]
