"""Words, characters and reading time of the body, kept up to date without slowing typing.

Counting is deferred until typing pauses, and each paragraph's counts are
cached by its text, so after an edit only the paragraph that changed is
counted again: a 10,000-word story costs a dictionary look-up per paragraph.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextDocument

from editor.arabic import char_count, reading_time_minutes, word_count

PAUSE_MS = 300


class BodyCounter(QObject):
    counted = Signal(int, int, int)  # words, characters, minutes

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._cache: dict[str, tuple[int, int]] = {}
        self.words = self.characters = self.minutes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.count_now)
        document.contentsChanged.connect(self._timer.start)

    def count_now(self) -> None:
        self._timer.stop()
        cache: dict[str, tuple[int, int]] = {}
        words = characters = 0
        block = self._document.begin()
        paragraphs = 0
        while block.isValid():
            text = block.text()
            counts = self._cache.get(text) or cache.get(text)
            if counts is None:
                counts = (word_count(text), char_count(text))
            cache[text] = counts
            words += counts[0]
            characters += counts[1]
            paragraphs += 1
            block = block.next()
        # Paragraph breaks count as characters, as word processors count them.
        characters += max(0, paragraphs - 1)
        self._cache = cache
        self.words, self.characters = words, characters
        self.minutes = reading_time_minutes(words)
        self.counted.emit(self.words, self.characters, self.minutes)
