"""The words a search matched, marked in the article body it opened.

Extra selections rather than a second ``QSyntaxHighlighter``: a document has
room for one highlighter's formats, and the spell checker has it. The marks
ride on text cursors, so they stay on their words while the text is edited,
and other extra selections on the same editor are kept.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from editor.search.highlight import Matcher

# Marks this class made carry this property, so it can tell them from others'.
MARK_PROPERTY = QTextFormat.Property.UserProperty + 0x5E4
MARK_BACKGROUND = QColor("#ffe08a")
MARK_FOREGROUND = QColor("#1a1a1a")


def utf16_offsets(text: str) -> list[int]:
    """For each code point offset of ``text`` (and its end), the UTF-16 offset Qt uses."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets


class SearchMarks(QObject):
    def __init__(self, edit: QTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.format = QTextCharFormat()
        self.format.setBackground(MARK_BACKGROUND)
        self.format.setForeground(MARK_FOREGROUND)
        self.format.setProperty(MARK_PROPERTY, True)

    def marks(self) -> list[QTextEdit.ExtraSelection]:
        return [s for s in self._edit.extraSelections() if s.format.hasProperty(MARK_PROPERTY)]

    def show(self, matcher: Matcher) -> int:
        """Mark every match in the body and bring the first into view; returns how many."""
        document = self._edit.document()
        found: list[QTextEdit.ExtraSelection] = []
        block = document.begin()
        while block.isValid():
            text = block.text()
            spans = matcher.spans(text)
            if spans:
                offsets = utf16_offsets(text)
                for start, end in spans:
                    cursor = QTextCursor(document)
                    cursor.setPosition(block.position() + offsets[start])
                    cursor.setPosition(
                        block.position() + offsets[end], QTextCursor.MoveMode.KeepAnchor
                    )
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = self.format
                    found.append(selection)
            block = block.next()
        self._edit.setExtraSelections(self._others() + found)
        if found:
            first = QTextCursor(found[0].cursor)
            first.setPosition(first.selectionStart())
            self._edit.setTextCursor(first)
            self._edit.ensureCursorVisible()
        return len(found)

    def clear(self) -> None:
        self._edit.setExtraSelections(self._others())

    def _others(self) -> list[QTextEdit.ExtraSelection]:
        return [s for s in self._edit.extraSelections() if not s.format.hasProperty(MARK_PROPERTY)]
