"""The body editor: a QTextEdit that pastes safely and writes right to left properly.

- Paste and drop: HTML is reduced to the stored subset (no styles, scripts,
  frames or images) and nothing is ever loaded (``BodyDocument.loadResource``);
  bidi overrides are removed; a paragraph of thousands of words is broken at
  sentence ends so typing stays fast; a whole article page is announced so
  the pane can offer to fill the fields.
- Direction: Ctrl with the right Shift makes the paragraph right to left, with
  the left Shift left to right, as in word processors; an empty line in an
  Arabic story gets its caret on the right.
- Undo and redo keys go to the pane's single history (``ArticleUndo``).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit, QWidget

from editor.arabic import neutralize_bidi
from editor.pagetext import ParsedPage
from editor.paste import article_page, paragraph_breaks, prepare_pasted_html
from ui.articles.body_codec import AUTO_DIRECTION, dump_body, mark_subheadings
from ui.articles.formatting import (
    BlockStyle,
    block_style,
    explicit_direction,
    set_block_style,
    set_direction,
)

# Larger HTML is pasted as its plain text: parsing megabytes of markup into a
# document only to throw the markup away would stall the window.
PASTE_HTML_LIMIT = 1_000_000
BUSY_PASTE_CHARS = 300_000
_LETTER = re.compile(r"[^\W\d_]")
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Native key codes of the two Shift keys: X11 keysyms, Windows scan codes,
# macOS virtual key codes.
_RIGHT_SHIFT = {"vk": {0xFFE2, 0x3C}, "scan": {0x36}}
_LEFT_SHIFT = {"vk": {0xFFE1, 0x38}, "scan": {0x2A}}
# How far back to look for the paragraph that gives an empty line its direction.
_CONTEXT_BLOCKS = 50


def utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 units: an emoji such as 🔹 takes two."""
    return len(text) + len(_ASTRAL.findall(text))


def shift_side(event: QKeyEvent) -> str | None:
    if event.key() != Qt.Key.Key_Shift:
        return None
    if event.nativeVirtualKey() in _RIGHT_SHIFT["vk"] or (
        event.nativeScanCode() in _RIGHT_SHIFT["scan"]
    ):
        return "right"
    if event.nativeVirtualKey() in _LEFT_SHIFT["vk"] or (
        event.nativeScanCode() in _LEFT_SHIFT["scan"]
    ):
        return "left"
    return None


class BodyDocument(QTextDocument):
    """A document that never loads anything: no remote images, no local files."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        return None


def clean_html(raw_html: str) -> str:
    """Pasted HTML as the stored subset: Qt reads the structure, the codec writes ours."""
    scratch = BodyDocument()
    scratch.setHtml(prepare_pasted_html(raw_html))
    return dump_body(scratch)


class BodyEdit(QTextEdit):
    undo_requested = Signal()
    redo_requested = Signal()
    page_pasted = Signal(object)  # ParsedPage
    paragraphs_split = Signal(int)  # how many long paragraphs a paste had
    add_word_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(BodyDocument(self))
        self.setAcceptRichText(True)
        self.document().setDocumentMargin(12)
        # The pane joins the small fix-ups below to the user's own undo step.
        self.join_undo: Callable[[], contextlib.AbstractContextManager[Any]] = (
            contextlib.nullcontext
        )
        # Builds the spelling part of the context menu (set by the pane).
        self.spelling_menu: Callable[[QMenu, QPoint], None] | None = None
        # Shortcuts of the pane that a QTextEdit would otherwise claim (Ctrl+K).
        self.reserved_keys: list[QKeySequence] = []
        self._shift_side: str | None = None

    # -- cursor movement -------------------------------------------------------

    def set_visual_cursor(self, visual: bool) -> None:
        style = (
            Qt.CursorMoveStyle.VisualMoveStyle if visual else Qt.CursorMoveStyle.LogicalMoveStyle
        )
        self.document().setDefaultCursorMoveStyle(style)

    def visual_cursor(self) -> bool:
        return self.document().defaultCursorMoveStyle() == Qt.CursorMoveStyle.VisualMoveStyle

    # -- keys --------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combination = QKeySequence(event.keyCombination())
            if any(combination.matches(k) == QKeySequence.SequenceMatch.ExactMatch
                   for k in self.reserved_keys):  # fmt: skip
                event.ignore()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            return
        side = shift_side(event)
        if side is not None:
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self._shift_side = side if ctrl else None
        else:
            self._shift_side = None
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain_enter = enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if plain_enter and self._paragraph_after_heading():
            return
        super().keyPressEvent(event)
        self.settle_direction(self.textCursor().block())

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        side = shift_side(event)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if side is not None and side == self._shift_side and ctrl:
            self._shift_side = None
            direction = (
                Qt.LayoutDirection.RightToLeft
                if side == "right"
                else Qt.LayoutDirection.LeftToRight
            )
            cursor = self.textCursor()
            set_direction(cursor, direction)
            self.setTextCursor(cursor)
            return
        super().keyReleaseEvent(event)

    def _paragraph_after_heading(self) -> bool:
        """Enter in a sub-heading starts an ordinary paragraph, as in word processors."""
        cursor = self.textCursor()
        if cursor.hasSelection() or block_style(cursor.block()) is BlockStyle.PARAGRAPH:
            return False
        cursor.beginEditBlock()
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(explicit_direction(cursor.block()))
        cursor.insertBlock(fmt, QTextCharFormat())
        if cursor.block().length() > 1:
            set_block_style(QTextCursor(cursor.block()), BlockStyle.PARAGRAPH)
        self._settle(cursor.block())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    # -- direction of lines without letters ------------------------------------

    def _context_direction(self, block: QTextBlock) -> Qt.LayoutDirection:
        """The direction of the nearest paragraph with letters, before, else after."""
        for step in (QTextBlock.previous, QTextBlock.next):
            other = step(block)
            for _ in range(_CONTEXT_BLOCKS):
                if not other.isValid():
                    break
                if _LETTER.search(other.text()):
                    return other.textDirection()
                other = step(other)
        return self.layoutDirection()

    def _settle(self, block: QTextBlock) -> bool:
        """Give a letterless line its neighbours' direction; True when the format changed."""
        fmt = block.blockFormat()
        guessed = fmt.hasProperty(AUTO_DIRECTION)
        if not guessed and fmt.layoutDirection() != Qt.LayoutDirection.LayoutDirectionAuto:
            return False  # the writer's own choice
        wants_rtl = not _LETTER.search(block.text()) and (
            self._context_direction(block) == Qt.LayoutDirection.RightToLeft
        )
        if wants_rtl == guessed:
            return False
        if wants_rtl:
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            fmt.setProperty(AUTO_DIRECTION, True)
        else:
            fmt.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
            fmt.clearProperty(AUTO_DIRECTION)
        QTextCursor(block).setBlockFormat(fmt)
        return True

    def settle_direction(self, block: QTextBlock) -> None:
        """After an edit: fix the line's guessed direction within the same undo step."""
        fmt = block.blockFormat()
        needs_look = fmt.hasProperty(AUTO_DIRECTION) or (
            fmt.layoutDirection() == Qt.LayoutDirection.LayoutDirectionAuto
            and not _LETTER.search(block.text())
        )
        if not needs_look:
            return
        cursor = QTextCursor(block)
        with self.join_undo():
            cursor.joinPreviousEditBlock()
            self._settle(block)
            cursor.endEditBlock()

    def settle_all(self) -> None:
        """For a freshly loaded body (outside any undo step)."""
        block = self.document().begin()
        while block.isValid():
            self._settle(block)
            block = block.next()

    # -- paste and drop ----------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = source.text() if source.hasText() else ""
        html = source.html() if source.hasHtml() else ""
        # Qt itself needs seconds to lay out megabytes of text: say so.
        busy = max(len(text), len(html)) > BUSY_PASTE_CHARS
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._insert(text, html)
        finally:
            if busy:
                QApplication.restoreOverrideCursor()

    def _insert(self, text: str, html: str) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        start = cursor.selectionStart()
        if html and len(html) <= PASTE_HTML_LIMIT:
            cursor.insertHtml(clean_html(html))
        else:
            plain = text or html
            if _BIDI_CONTROL.search(plain):
                plain = neutralize_bidi(plain)
            cursor.insertText(plain)
        end = cursor.position()
        split = self._split_long_paragraphs(start, end)
        document = self.document()
        mark_subheadings(document, document.findBlock(start), cursor.block())
        block = document.findBlock(start)
        while block.isValid():
            self._settle(block)
            if block == cursor.block():
                break
            block = block.next()
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if split:
            self.paragraphs_split.emit(split)
        page: ParsedPage | None = article_page(text) if text else None
        if page is not None:
            self.page_pasted.emit(page)

    def _split_long_paragraphs(self, start: int, end: int) -> int:
        document = self.document()
        long_ones: list[tuple[int, str, list[tuple[int, int]]]] = []
        block = document.findBlock(start)
        last = document.findBlock(end)
        while block.isValid():
            text = block.text()
            breaks = paragraph_breaks(text)
            if breaks:
                long_ones.append((block.position(), text, breaks))
            if block == last:
                break
            block = block.next()
        cursor = QTextCursor(document)
        # From the end, so the positions found above stay valid.
        for base, text, breaks in reversed(long_ones):
            for cut_start, cut_end in reversed(breaks):
                cursor.setPosition(base + utf16_length(text[:cut_start]))
                cursor.setPosition(
                    base + utf16_length(text[:cut_end]), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.insertBlock()
        return len(long_ones)

    # -- context menu -------------------------------------------------------------

    def build_context_menu(self, pos: QPoint) -> QMenu:
        menu = self.createStandardContextMenu(pos)
        for action in menu.actions():
            if action.objectName() == "edit-undo":
                action.triggered.disconnect()
                action.triggered.connect(self.undo_requested)
            elif action.objectName() == "edit-redo":
                action.triggered.disconnect()
                action.triggered.connect(self.redo_requested)
        if self.spelling_menu is not None:
            self.spelling_menu(menu, pos)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
