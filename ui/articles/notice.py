"""A one-line notice inside the editor with a few buttons (no modal dialog)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui.icons import icon


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("NoticeBar { background: palette(alternate-base); }")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.close_button = QToolButton(self)
        self.close_button.setIcon(icon("remove"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        self._layout.addWidget(self.close_button)
        self._on_dismiss: Callable[[], None] | None = None
        self.hide()

    def show_notice(
        self,
        text: str,
        actions: Sequence[tuple[str, Callable[[], None]]] = (),
        on_dismiss: Callable[[], None] | None = None,
    ) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons = []
        self.label.setText(text)
        for position, (label, handler) in enumerate(actions):
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, h=handler: self._run(h))
            self._layout.insertWidget(1 + position, button)
            self._buttons.append(button)
        self._on_dismiss = on_dismiss
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def _run(self, handler: Callable[[], None]) -> None:
        self._on_dismiss = None
        self.hide()
        handler()

    def dismiss(self) -> None:
        self.hide()
        callback, self._on_dismiss = self._on_dismiss, None
        if callback is not None:
            callback()
