"""Asking for a link's address, checked before it goes into the story."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from editor.body import check_link
from editor.errors import InvalidInput


class LinkDialog(QDialog):
    def __init__(self, text: str, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link"))
        self.text = QLineEdit(text, self)
        self.text.setObjectName("linkText")
        self.url = QLineEdit(url, self)
        self.url.setObjectName("linkUrl")
        self.url.setPlaceholderText("https://")
        # Addresses are Latin and read left to right in any interface.
        self.url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.problem = QLabel(self)
        self.problem.setObjectName("linkProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Text"), self.text)
        form.addRow(self.tr("Address"), self.url)
        form.addRow("", self.problem)
        form.addRow(self.buttons)
        self.url.textChanged.connect(self._check)
        self._check()

    def checked_url(self) -> str | None:
        if not self.url.text().strip():
            return ""
        try:
            return check_link(self.url.text())
        except InvalidInput:
            return None

    def _check(self) -> None:
        ok = self.checked_url() is not None
        self.problem.setText(
            "" if ok else self.tr("Use a web address (https://…) or an e-mail address.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @classmethod
    def get_link(cls, parent: QWidget, text: str, url: str) -> tuple[str, str] | None:
        """(text, checked address) or None when cancelled; an empty address removes the link."""
        dialog = cls(text, url, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        checked = dialog.checked_url()
        return (dialog.text.text(), checked) if checked is not None else None
