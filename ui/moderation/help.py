"""The triage keys, shown with ``?`` (non-modal, so the queue stays usable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def key_lines() -> list[tuple[str, str]]:
    """(keys, what they do), in the order a moderator learns them."""
    return [
        ("J / K", QCoreApplication.translate("TriageKeys", "Next / previous comment")),
        ("A", QCoreApplication.translate("TriageKeys", "Approve")),
        ("S", QCoreApplication.translate("TriageKeys", "Spam")),
        ("D", QCoreApplication.translate("TriageKeys", "Trash")),
        ("U", QCoreApplication.translate("TriageKeys", "Back to pending")),
        ("Z", QCoreApplication.translate("TriageKeys", "Undo the last decision")),
        ("X", QCoreApplication.translate("TriageKeys", "Select or unselect the comment")),
        (
            "Shift+A / S / D / U",
            QCoreApplication.translate("TriageKeys", "The same for every selected comment"),
        ),
        ("?", QCoreApplication.translate("TriageKeys", "Show these keys")),
        (
            "ش س ي ع ت ن ئ ء",
            QCoreApplication.translate(
                "TriageKeys", "The same keys work with the Arabic keyboard layout"
            ),
        ),
    ]


class KeysDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triageKeysDialog")
        self.setWindowTitle(self.tr("Moderation keys"))
        form = QFormLayout()
        self.lines = key_lines()
        for keys, meaning in self.lines:
            key_label = QLabel(keys, self)
            key_label.setTextFormat(Qt.TextFormat.PlainText)
            font = key_label.font()
            font.setBold(True)
            key_label.setFont(font)
            meaning_label = QLabel(meaning, self)
            meaning_label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(key_label, meaning_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
