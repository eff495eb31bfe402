"""Asking an editor what the journalist should change: a note is required."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ReturnNoteDialog(QDialog):
    """OK stays disabled until the note says something; Ctrl+Enter sends it."""

    def __init__(self, headline: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returnNoteDialog")
        self.setWindowTitle(self.tr("Return to the journalist"))
        question = QLabel(self.tr("What should the journalist change?"), self)
        question.setWordWrap(True)
        self.story = QLabel(headline, self)
        self.story.setWordWrap(True)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("returnNote")
        self.note.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Return with this note"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.note.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.story)
        layout.addWidget(question)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 280)
        # Enter writes a new line in the note; Ctrl+Enter sends it.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def accept(self) -> None:
        if self.note.toPlainText().strip():
            super().accept()

    @classmethod
    def get_note(cls, headline: str = "", parent: QWidget | None = None) -> str | None:
        """The one seam: the note, or None if the editor changed their mind."""
        dialog = cls(headline, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.note.toPlainText().strip()
