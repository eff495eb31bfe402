"""Signing in at start and switching user without restarting."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.errors import MidadError, SignInFailed
from editor.storage import Actor, Newsroom


class SignInDialog(QDialog):
    """Login and password; a failure never says which was wrong, and waits grow."""

    def __init__(self, newsroom: Newsroom, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to Midad"))
        self.login = QLineEdit(self)
        self.login.setObjectName("login")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._wait_timer = QTimer(self, interval=1000)
        self._wait_timer.timeout.connect(self._tick)
        self._wait = 0

    def try_sign_in(self) -> None:
        if self._wait:
            return
        try:
            self.actor = self._newsroom.users.sign_in(
                self.login.text().strip(), self.password.text()
            )
        except SignInFailed as failure:
            self.password.clear()
            self._wait = int(failure.details.get("wait", 0))
            self._show_failure()
            return
        except MidadError as error:
            from ui.messages import message_for

            self.message.setText(message_for(error))
            return
        self.accept()

    def _show_failure(self) -> None:
        text = self.tr("Wrong login or password.")
        if self._wait:
            text += " " + self.tr("Try again in %1 s.").replace("%1", str(self._wait))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self._wait_timer.start()
        self.message.setText(text)

    def _tick(self) -> None:
        self._wait = max(0, self._wait - 1)
        if self._wait:
            self._show_failure()
            return
        self._wait_timer.stop()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText("")

    @classmethod
    def get_actor(cls, newsroom: Newsroom, parent: QWidget | None = None) -> Actor | None:
        """The one seam: show the dialog, return who signed in (None if cancelled)."""
        dialog = cls(newsroom, parent)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
