"""Find and replace in the body, by letter forms (الصين finds الصِّين, والصين, للصين).

Matching is ``editor.find``; this bar turns its code-point offsets into the
document's UTF-16 positions, selects the current match, and replaces all
matches inside one edit block so a single undo takes them all back.
"""

from __future__ import annotations

import bisect
import re

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from editor.find import FindOptions, Match, find_all, replacement_for
from ui.icons import icon

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, edit: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._edit = edit
        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("findText")
        self.find_field.setPlaceholderText(self.tr("Find"))
        self.find_field.setClearButtonEnabled(True)
        self.replace_field = QLineEdit(self)
        self.replace_field.setObjectName("replaceText")
        self.replace_field.setPlaceholderText(self.tr("Replace with"))
        self.letter_forms = QCheckBox(self.tr("Any letter form"), self)
        self.letter_forms.setObjectName("findLetterForms")
        self.letter_forms.setToolTip(
            self.tr("Ignore harakat, tatweel, hamza forms and attached و ف ب ل ك ال")
        )
        self.letter_forms.setChecked(True)
        self.whole_words = QCheckBox(self.tr("Whole words"), self)
        self.whole_words.setObjectName("findWholeWords")
        self.previous_button = QToolButton(self)
        self.previous_button.setIcon(icon("find_previous"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button = QToolButton(self)
        self.next_button.setIcon(icon("find_next"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        self.replace_all_button.setObjectName("replaceAll")
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        close = QToolButton(self)
        close.setIcon(icon("remove"))
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.addWidget(self.find_field, 0, 0)
        grid.addWidget(self.previous_button, 0, 1)
        grid.addWidget(self.next_button, 0, 2)
        grid.addWidget(self.letter_forms, 0, 3)
        grid.addWidget(self.whole_words, 0, 4)
        grid.addWidget(self.status, 0, 5)
        grid.addWidget(close, 0, 6)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_button, 1, 1, 1, 2)
        grid.addWidget(self.replace_all_button, 1, 3)
        grid.setColumnStretch(0, 1)

        self.find_field.textChanged.connect(self._on_query)
        self.find_field.returnPressed.connect(self.find_next)
        self.replace_field.returnPressed.connect(self.replace_current)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.letter_forms.toggled.connect(self._on_query)
        self.whole_words.toggled.connect(self._on_query)
        for field in (self.find_field, self.replace_field):
            QShortcut(
                QKeySequence(Qt.Key.Key_Escape), field, self.close_bar,
                Qt.ShortcutContext.WidgetShortcut,
            )  # fmt: skip
        self.find_field.installEventFilter(self)
        self.hide()

    # -- showing -------------------------------------------------------------

    def open_find(self, replace: bool = False) -> None:
        selected = self._edit.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self.replace_field.setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._edit.setFocus()
        self.closed.emit()

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.find_field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    # -- matching ------------------------------------------------------------

    def options(self) -> FindOptions:
        return FindOptions(
            letter_forms=self.letter_forms.isChecked(), whole_words=self.whole_words.isChecked()
        )

    def matches(self) -> tuple[str, list[Match]]:
        text = self._edit.document().toRawText()
        return text, find_all(text, self.find_field.text(), self.options())

    @staticmethod
    def _to_utf16(text: str) -> list[int]:
        return [m.start() for m in _ASTRAL.finditer(text)]

    def _span(self, astral: list[int], match: Match) -> tuple[int, int]:
        return (
            match.start + bisect.bisect_left(astral, match.start),
            match.end + bisect.bisect_left(astral, match.end),
        )

    def _on_query(self, *_args: object) -> None:
        self._show_count(None)

    def _show_count(self, current: int | None) -> None:
        if not self.find_field.text().strip():
            self.status.clear()
            return
        _text, found = self.matches()
        locale = QLocale()
        if not found:
            self.status.setText(self.tr("No matches"))
        elif current is None:
            self.status.setText(self.tr("%1 matches").replace("%1", locale.toString(len(found))))
        else:
            self.status.setText(
                self.tr("%1 of %2")
                .replace("%1", locale.toString(current + 1))
                .replace("%2", locale.toString(len(found)))
            )

    def _go(self, forward: bool) -> bool:
        text, found = self.matches()
        if not found:
            self._show_count(None)
            return False
        astral = self._to_utf16(text)
        spans = [self._span(astral, m) for m in found]
        cursor = self._edit.textCursor()
        if forward:
            here = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
            index = next((i for i, (s, _e) in enumerate(spans) if s >= here), 0)
        else:
            here = cursor.selectionStart()
            index = next((i for i in reversed(range(len(spans))) if spans[i][1] <= here), -1)
            index %= len(spans)
        start, end = spans[index]
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._edit.setTextCursor(cursor)
        self._edit.ensureCursorVisible()
        self._show_count(index)
        return True

    def find_next(self) -> bool:
        return self._go(True)

    def find_previous(self) -> bool:
        return self._go(False)

    # -- replacing -----------------------------------------------------------

    def replace_current(self) -> None:
        """Replace the selected match (if the selection is one), then go to the next."""
        text, found = self.matches()
        astral = self._to_utf16(text)
        cursor = self._edit.textCursor()
        selected = (cursor.selectionStart(), cursor.selectionEnd())
        for match in found:
            if self._span(astral, match) == selected:
                cursor.insertText(replacement_for(match, self.replace_field.text()))
                self._edit.setTextCursor(cursor)
                break
        self.find_next()

    def replace_all(self) -> int:
        """Replace every match as one edit, so one undo takes them all back."""
        text, found = self.matches()
        if not found:
            self._show_count(None)
            return 0
        astral = self._to_utf16(text)
        replacement = self.replace_field.text()
        cursor = QTextCursor(self._edit.document())
        cursor.beginEditBlock()
        for match in reversed(found):
            start, end = self._span(astral, match)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement_for(match, replacement))
        cursor.endEditBlock()
        self.status.setText(self.tr("%1 replaced").replace("%1", QLocale().toString(len(found))))
        return len(found)
