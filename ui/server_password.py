"""Asking for a PostgreSQL server's password at start-up, and keeping it in the keyring.

Shown only when the server wants a password that neither the URL, libpq's
``$PGPASSWORD``/``~/.pgpass`` nor the system keyring supplied, or refused the
one they did. The password goes to the driver and, if asked, to the system
keyring; never to Midad's settings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from editor import credentials
from editor.errors import MidadError, PasswordRefused
from editor.storage import Newsroom, open_newsroom
from ui.messages import message_for


class ServerPasswordDialog(QDialog):
    """The password for one login on one server; Open tries it before closing."""

    def __init__(
        self, url: URL, refusal: MidadError, *, seed: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._url = url
        self._seed = seed
        self.newsroom: Newsroom | None = None
        self.setObjectName("serverPasswordDialog")
        self.setWindowTitle(self.tr("Password for the newsroom server"))
        self.setMinimumWidth(460)
        intro = QLabel(
            # Isolated left to right: an address inside an Arabic sentence.
            self.tr("The server asks for the password of %1.").replace(
                "%1", "\u2066" + credentials.account(url) + "\u2069"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # A password is typed in Latin letters whatever the interface direction.
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.remember = QCheckBox(self.tr("Remember it in the system keyring"), self)
        self.remember.setObjectName("rememberPassword")
        if not credentials.keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                self.tr("This session has no system keyring; use PGPASSWORD or ~/.pgpass.")
            )
        self.message = QLabel(self)
        self.message.setObjectName("serverPasswordMessage")
        self.message.setWordWrap(True)
        self._show_refusal(refusal)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _show_refusal(self, refusal: MidadError) -> None:
        if isinstance(refusal, PasswordRefused):
            # The dialog itself says a password is wanted; only a refusal is news.
            given = refusal.details.get("given", True)
            self.message.setText(self.tr("The server refused this password.") if given else "")
            return
        self.message.setText(message_for(refusal))

    def try_open(self) -> None:
        typed = self.password.text()
        if not typed:
            self.message.setText(self.tr("Type the password first."))
            return
        try:
            self.newsroom = open_newsroom(self._url.set(password=typed), seed=self._seed)
        except PasswordRefused as refusal:
            self.password.selectAll()
            self._show_refusal(refusal)
            return
        except MidadError as error:
            self._show_refusal(error)
            return
        if self.remember.isChecked():
            try:
                credentials.remember_password(self._url, typed)
            except MidadError as error:
                # The newsroom is open; not keeping the password only means asking again.
                self._show_refusal(error)
        self.accept()

    @classmethod
    def open_newsroom(cls, url: URL, refusal: MidadError, *, seed: bool = True) -> Newsroom | None:
        """Ask until the server accepts a password; None if the user gives up."""
        dialog = cls(url, refusal, seed=seed)
        dialog.exec()
        return dialog.newsroom
