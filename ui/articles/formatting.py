"""Formatting operations on the article body, each one undo step.

The toolbar, the keyboard and the paste handler all change the body through
these functions, so sub-headings always get the site's 🔹, lists and quotes
are what the body codec stores, and a direction override is an explicit
``dir`` on the paragraph.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextListFormat,
)

from ui.articles.body_codec import AUTO_DIRECTION, SUBHEADING_MARK, is_quote

# Qt's own sizes for <h2> and <h3> (FontSizeAdjustment 2 and 1), so a heading
# made with the toolbar looks like one loaded from the stored body.
_HEADING_SIZE = {2: 2, 3: 1}
QUOTE_MARGIN = 40.0


class BlockStyle(enum.StrEnum):
    PARAGRAPH = "p"
    HEADING = "h2"
    SUBHEADING = "h3"


def blocks_of(cursor: QTextCursor) -> Iterator[QTextBlock]:
    """Every block the cursor's selection touches (the cursor's block when none)."""
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    while block.isValid():
        yield block
        if block == last:
            break
        block = block.next()


def block_style(block: QTextBlock) -> BlockStyle:
    level = block.blockFormat().headingLevel()
    if level == 2:
        return BlockStyle.HEADING
    if level >= 3:
        return BlockStyle.SUBHEADING
    return BlockStyle.PARAGRAPH


def _mark_length(block: QTextBlock) -> int:
    text = block.text()
    if text.startswith(SUBHEADING_MARK):
        return len(SUBHEADING_MARK.encode("utf-16-le")) // 2
    mark = SUBHEADING_MARK.strip()
    return len(mark.encode("utf-16-le")) // 2 if text.startswith(mark) else 0


def set_block_style(cursor: QTextCursor, style: BlockStyle) -> None:
    """Paragraph or sub-heading (two levels) for every selected block."""
    cursor.beginEditBlock()
    for block in list(blocks_of(cursor)):
        edit = QTextCursor(block)
        fmt = block.blockFormat()
        level = {BlockStyle.HEADING: 2, BlockStyle.SUBHEADING: 3}.get(style, 0)
        if block.textList() is not None and level:
            block.textList().remove(block)
            fmt.setIndent(0)
        fmt.setHeadingLevel(level)
        edit.setBlockFormat(fmt)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
        char.setProperty(QTextFormat.Property.FontSizeAdjustment, _HEADING_SIZE.get(level, 0))
        mark = _mark_length(block)
        if level and not mark:
            edit.insertText(SUBHEADING_MARK)
        elif not level and mark:
            edit.setPosition(block.position() + mark, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
        edit.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        edit.mergeCharFormat(char)
        edit.mergeBlockCharFormat(char)
    cursor.endEditBlock()


def toggle_quote(cursor: QTextCursor) -> None:
    blocks = list(blocks_of(cursor))
    quoted = all(is_quote(b) for b in blocks)
    cursor.beginEditBlock()
    for block in blocks:
        edit = QTextCursor(block)
        fmt = block.blockFormat()
        margin = 0.0 if quoted else QUOTE_MARGIN
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, 0 if quoted else 1)
        if not quoted:
            fmt.setHeadingLevel(0)
        edit.setBlockFormat(fmt)
    cursor.endEditBlock()


def list_kind(block: QTextBlock) -> str | None:
    """ "ul" or "ol" when the block is in a list."""
    text_list = block.textList()
    if text_list is None:
        return None
    return "ul" if text_list.format().style() == QTextListFormat.Style.ListDisc else "ol"


def toggle_list(cursor: QTextCursor, ordered: bool) -> None:
    wanted = "ol" if ordered else "ul"
    blocks = list(blocks_of(cursor))
    cursor.beginEditBlock()
    if all(list_kind(b) == wanted for b in blocks):
        for block in blocks:
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block)
            edit = QTextCursor(block)
            fmt = block.blockFormat()
            fmt.setIndent(0)
            edit.setBlockFormat(fmt)
    else:
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        list_format = QTextListFormat()
        list_format.setStyle(style)
        for block in blocks:
            if block.blockFormat().headingLevel():
                set_block_style(QTextCursor(block), BlockStyle.PARAGRAPH)
        cursor.createList(list_format)
    cursor.endEditBlock()


def set_direction(cursor: QTextCursor, direction: Qt.LayoutDirection) -> None:
    """An explicit direction (or back to automatic) for every selected paragraph."""
    cursor.beginEditBlock()
    for block in list(blocks_of(cursor)):
        edit = QTextCursor(block)
        fmt = block.blockFormat()
        fmt.setLayoutDirection(direction)
        fmt.clearProperty(AUTO_DIRECTION)
        edit.setBlockFormat(fmt)
    cursor.endEditBlock()


def explicit_direction(block: QTextBlock) -> Qt.LayoutDirection:
    """The paragraph's override, or LayoutDirectionAuto when it follows its content."""
    fmt = block.blockFormat()
    if fmt.hasProperty(AUTO_DIRECTION):
        return Qt.LayoutDirection.LayoutDirectionAuto
    return fmt.layoutDirection()


def toggle_bold(cursor: QTextCursor, bold: bool) -> None:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    _merge_word(cursor, fmt)


def toggle_italic(cursor: QTextCursor, italic: bool) -> None:
    fmt = QTextCharFormat()
    fmt.setFontItalic(italic)
    _merge_word(cursor, fmt)


def set_link(cursor: QTextCursor, url: str, text: str) -> None:
    """Link the selection (or insert ``text`` linked); an empty url removes the link."""
    fmt = QTextCharFormat()
    fmt.setAnchor(bool(url))
    fmt.setAnchorHref(url)
    fmt.setFontUnderline(bool(url))
    if url:
        fmt.setForeground(Qt.GlobalColor.blue)
    else:
        fmt.clearForeground()
    cursor.beginEditBlock()
    if not cursor.hasSelection() and text:
        cursor.insertText(text, fmt)
    else:
        _merge_word(cursor, fmt)
    cursor.endEditBlock()


def link_at(cursor: QTextCursor) -> str:
    return cursor.charFormat().anchorHref() if cursor.charFormat().isAnchor() else ""


def _merge_word(cursor: QTextCursor, fmt: QTextCharFormat) -> None:
    if cursor.hasSelection():
        cursor.mergeCharFormat(fmt)
        return
    # Like word processors: with no selection, the word around the caret, and
    # whatever is typed next.
    word = QTextCursor(cursor)
    word.select(QTextCursor.SelectionType.WordUnderCursor)
    if word.selectionStart() < cursor.position() < word.selectionEnd():
        word.mergeCharFormat(fmt)
    cursor.mergeCharFormat(fmt)
