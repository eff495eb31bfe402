"""Typing Arabic as real key events.

``QTest.keyClicks`` maps characters through an ASCII table and asserts on
anything else, so Arabic is sent as the key events an Arabic keyboard layout
produces: a key press carrying the character's text, then the release.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        if char == "\n":
            key, sent = Qt.Key.Key_Return, "\r"
        elif char == " ":
            key, sent = Qt.Key.Key_Space, " "
        else:
            # Qt uses the Unicode value as the key code for non-Latin letters.
            key, sent = Qt.Key(ord(char.upper()) if ord(char) < 0x80 else ord(char)), char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, sent)
            )
    QApplication.processEvents()
