"""Red wavy underlines under misspelled words, and suggestions in the context menu.

Checking a word costs tens of microseconds the first time and nothing after
(``SpellChecker`` caches). Opening a long story could still meet thousands of
new words at once, so each burst of highlighting gets a small time budget;
blocks with words left unchecked are marked and finished on idle ticks,
visible blocks first. Typing meets one new word at a time and is never
deferred. Suggestions are computed only when the menu opens.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QSettings, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit

from editor.arabic import HARAKAT, TATWEEL, WORD_RE, normalize, strip_attached_prefixes
from editor.spelling import DEFAULT_LANGUAGE, SpellChecker, preload
from editor.storage import Newsroom
from ui.ops import Ops

# One burst may spend this long on words never seen before.
BUDGET_S = 0.004
WAKE_DELAY_MS = 150
# Blocks past the bottom of the view checked ahead of scrolling.
MARGIN_BLOCKS = 20
_PENDING = 1
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_MARKS_TABLE = {ord(c): None for c in HARAKAT + TATWEEL}


def _utf16_offsets(text: str) -> Callable[[int], int]:
    """Code-point offset → UTF-16 offset within ``text`` (emoji take two units)."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda index: index
    return lambda index: index + bisect.bisect_left(astral, index)


class SpellingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self.enabled = checker.available
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#d32f2f"))
        self._deadline: float | None = None
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._finish_pending)
        # Typing at the bottom of the view scrolls it a line at a time; catching
        # up with what came into sight waits for a pause rather than taxing
        # every key press.
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.setInterval(WAKE_DELAY_MS)
        self._wake.timeout.connect(self._idle.start)
        self.view: QTextEdit | None = None  # for visible-first catching up

    def set_enabled(self, enabled: bool) -> None:
        enabled = enabled and self.checker.available
        if enabled != self.enabled:
            self.enabled = enabled
            self.rehighlight()

    def set_newsroom_words(self, words: tuple[str, ...]) -> None:
        self.checker.set_newsroom_words(words)
        if self.enabled:
            self.rehighlight()

    def _budget_left(self) -> bool:
        now = time.perf_counter()
        if self._deadline is None:
            self._deadline = now + BUDGET_S
            # The burst ends when control returns to the event loop.
            QTimer.singleShot(0, self._end_burst)
        return now < self._deadline

    def _end_burst(self) -> None:
        self._deadline = None

    def misspelled(self, text: str) -> list[tuple[int, int, str]] | None:
        """(start, end, word) of each misspelling, or None when some words wait."""
        found: list[tuple[int, int, str]] = []
        check = self.checker.check
        cached = self.checker.is_cached
        for match in WORD_RE.finditer(text):
            word = match.group()
            if not cached(word) and not self._budget_left():
                return None
            if not check(word):
                found.append((match.start(), match.end(), word))
        return found

    def highlightBlock(self, text: str) -> None:
        self.setCurrentBlockState(0)
        if not self.enabled or not text:
            return
        found = self.misspelled(text) if self._budget_left() else None
        if found is None:
            self.setCurrentBlockState(_PENDING)
            self._idle.start()
            return
        utf16 = _utf16_offsets(text)
        for start, end, _word in found:
            begin = utf16(start)
            self.setFormat(begin, utf16(end) - begin, self._format)

    def _visible_range(self) -> tuple[QTextBlock, QTextBlock]:
        document = self.document()
        if self.view is None:
            return document.begin(), document.lastBlock()
        viewport = self.view.viewport()
        first = self.view.cursorForPosition(QPoint(0, 0)).block()
        last = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).block()
        for _ in range(MARGIN_BLOCKS):
            if last.next().isValid():
                last = last.next()
        return first, last

    def _finish_pending(self) -> None:
        """Highlight the waiting blocks on screen (and a little beyond), a few per tick.

        Blocks far off screen wait until they are scrolled into view: nobody
        sees their underlines, and a pasted book would otherwise keep the
        window busy for seconds.
        """
        self._deadline = None
        first, last = self._visible_range()
        block = first
        while block.isValid():
            if block.userState() == _PENDING:
                self.rehighlightBlock(block)
                if self._deadline is not None and time.perf_counter() > self._deadline:
                    return  # the timer calls again
            if block == last:
                break
            block = block.next()
        self._idle.stop()

    def wake(self) -> None:
        """The view scrolled: check what came into sight once scrolling (or typing) pauses."""
        if self.enabled:
            self._wake.start()

    @property
    def catching_up(self) -> bool:
        return self._idle.isActive() or self._wake.isActive()


def bare_word(word: str) -> str:
    """The word without attached و ف ب ل ك ال (as typed otherwise), for the dictionary.

    وترامب is usually و + ترامب; the menu offers both, since a name may itself
    start with one of those letters (وليد).
    """
    cleaned = word.translate(_MARKS_TABLE)
    norm = normalize(cleaned)
    shortest = cleaned
    for candidate in strip_attached_prefixes(norm):
        if norm.endswith(candidate) and len(candidate) < len(normalize(shortest)):
            shortest = cleaned[len(norm) - len(candidate) :]
    return shortest


def word_at(edit: QTextEdit, pos: QPoint) -> tuple[QTextCursor, str] | None:
    """The word under a point of the editor, selected, with its text."""
    cursor = edit.cursorForPosition(pos)
    block = cursor.block()
    text = block.text()
    utf16 = _utf16_offsets(text)
    offset = cursor.position() - block.position()
    for match in WORD_RE.finditer(text):
        start, end = utf16(match.start()), utf16(match.end())
        if start <= offset <= end:
            selected = QTextCursor(block)
            selected.setPosition(block.position() + start)
            selected.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            return selected, match.group()
    return None


class SpellingMenu(QObject):
    """Adds suggestions and "add to the newsroom dictionary" to the body's context menu."""

    def __init__(
        self,
        edit: QTextEdit,
        highlighter: SpellingHighlighter,
        add_word: Callable[[str], None],
    ) -> None:
        super().__init__(edit)
        self._edit = edit
        self._highlighter = highlighter
        self._add_word = add_word

    def __call__(self, menu: QMenu, pos: QPoint) -> None:
        if not self._highlighter.enabled:
            return
        found = word_at(self._edit, pos)
        if found is None:
            return
        cursor, word = found
        if self._highlighter.checker.check(word):
            return
        added: list[QAction] = []
        suggestions = self._highlighter.checker.suggest(word)
        for suggestion in suggestions:
            action = QAction(suggestion, menu)
            action.setObjectName("spellingSuggestion")
            action.triggered.connect(lambda _=False, s=suggestion, c=cursor: self._replace(c, s))
            added.append(action)
        if not suggestions:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            added.append(none)
        bare = bare_word(word)
        for name, entry in (("addToDictionary", word), ("addBareToDictionary", bare)):
            if name == "addBareToDictionary" and bare == word:
                continue
            add = QAction(self.tr("Add “%1” to the newsroom dictionary").replace("%1", entry), menu)
            add.setObjectName(name)
            add.triggered.connect(lambda _=False, w=entry: self._add_word(w))
            added.append(add)
        separator = QAction(menu)
        separator.setSeparator(True)
        added.append(separator)
        existing = menu.actions()
        if existing:
            menu.insertActions(existing[0], added)
        else:
            menu.addActions(added)

    def _replace(self, cursor: QTextCursor, suggestion: str) -> None:
        cursor.insertText(suggestion)
        self._edit.setTextCursor(cursor)


class SpellingSupport(QObject):
    """Spell checking for one editor: checker, underlines, menu, the newsroom's words."""

    ENABLED_KEY = "editor/spellCheck"
    LANGUAGE_KEY = "editor/spellLanguage"

    def __init__(
        self,
        edit: QTextEdit,
        newsroom: Newsroom,
        ops: Ops,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._newsroom, self._ops, self._settings = newsroom, ops, settings
        language = self.language(settings)
        words = ops.query(newsroom.dictionary.words) or ()
        self.checker = SpellChecker(language, words)
        self.highlighter = SpellingHighlighter(edit.document(), self.checker)
        self.highlighter.view = edit
        edit.verticalScrollBar().valueChanged.connect(lambda _v: self.highlighter.wake())
        self.menu = SpellingMenu(edit, self.highlighter, self.add_word)
        self.highlighter.set_enabled(settings.value(self.ENABLED_KEY, True) in (True, "true"))
        # Said once, quietly, where the editor shows its state; nothing else changes.
        self.notice = ""
        if self.checker.problem == "no_dictionary":
            self.notice = self.tr(
                "Spell checking is off: the Arabic dictionary (hunspell-ar) is not installed."
            )
        elif self.checker.problem:
            self.notice = self.tr("Spell checking is off: the enchant library is not installed.")

    @classmethod
    def language(cls, settings: QSettings) -> str:
        return str(settings.value(cls.LANGUAGE_KEY, DEFAULT_LANGUAGE))

    @classmethod
    def preload(cls, settings: QSettings) -> None:
        """Start loading the desk's dictionary now (editor.spelling.preload), for start-up."""
        preload(cls.language(settings))

    def set_enabled(self, enabled: bool) -> None:
        self.highlighter.set_enabled(enabled)
        self._settings.setValue(self.ENABLED_KEY, enabled)

    def add_word(self, word: str) -> None:
        """Into the newsroom dictionary, for every desk; underlines update at once."""
        added = self._ops.change(lambda: self._newsroom.dictionary.add(word), source=self)
        if added is not None:
            self.reload_dictionary()

    def reload_dictionary(self) -> None:
        words = self._ops.query(self._newsroom.dictionary.words)
        if words is not None:
            self.highlighter.set_newsroom_words(words)


__all__ = ["SpellingHighlighter", "SpellingMenu", "SpellingSupport", "word_at"]
