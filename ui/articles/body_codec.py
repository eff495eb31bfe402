"""Between the stored body subset and a QTextDocument.

``toHtml()`` emits Qt-flavoured HTML with styles everywhere; the core stores a
small subset with ``dir``. This module walks the document's blocks and writes
that subset, and decorates sub-headings the way the site shows them (🔹).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

from editor.body import sanitize_body

SUBHEADING_MARK = "🔹 "
# Set by the editor on a paragraph with no letters yet, so the caret of an empty
# line in an Arabic story sits on the right (Qt would put it on the left). Such
# a direction is the editor's guess, not the writer's: it is never stored.
AUTO_DIRECTION = QTextFormat.Property.UserProperty.value + 1
_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


def load_body(document: QTextDocument, body_html: str) -> None:
    """Show a stored body; sub-headings get the site's bullet in front."""
    # The bullets go into the HTML rather than being typed in afterwards: one
    # edit per sub-heading would cost a layout each on a long story.
    marked = _HEADING_OPEN.sub(
        lambda m: m.group(0) + html.escape(SUBHEADING_MARK), sanitize_body(body_html)
    )
    document.setHtml(marked)
    mark_subheadings(document, document.begin(), document.lastBlock())
    document.setModified(False)


def mark_subheadings(document: QTextDocument, first: QTextBlock, last: QTextBlock) -> None:
    """Put the site's 🔹 in front of every sub-heading from ``first`` to ``last``."""
    block = first
    while block.isValid():
        if block.blockFormat().headingLevel() in (2, 3) and not block.text().startswith(
            SUBHEADING_MARK.strip()
        ):
            cursor = QTextCursor(block)
            cursor.insertText(SUBHEADING_MARK, block.charFormat())
        if block == last:
            break
        block = block.next()


_HEADING_OPEN = re.compile(r"<h[23](?:\s[^>]*)?>(?!\s*" + re.escape(SUBHEADING_MARK.strip()) + ")")


def _direction(block: QTextBlock) -> str:
    if block.blockFormat().hasProperty(AUTO_DIRECTION):
        return ""
    direction = block.blockFormat().layoutDirection()
    if direction == Qt.LayoutDirection.RightToLeft:
        return ' dir="rtl"'
    if direction == Qt.LayoutDirection.LeftToRight:
        return ' dir="ltr"'
    return ""


def _inline(block: QTextBlock, strip_mark: bool) -> str:
    parts: list[str] = []
    iterator = block.begin()
    first = True
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        if not fragment.isValid():
            continue
        text = fragment.text()
        if first and strip_mark and text.startswith(SUBHEADING_MARK.strip()):
            text = text[len(SUBHEADING_MARK.strip()) :].lstrip()
        first = False
        if not text:
            continue
        escaped = html.escape(text, quote=False).replace("\u2028", "<br>")
        fmt = fragment.charFormat()
        if fmt.fontItalic():
            escaped = f"<em>{escaped}</em>"
        if fmt.fontWeight() >= QFont.Weight.Bold and not strip_mark:
            escaped = f"<strong>{escaped}</strong>"
        if fmt.isAnchor() and fmt.anchorHref():
            href = html.escape(fmt.anchorHref(), quote=True)
            escaped = f'<a href="{href}">{escaped}</a>'
        parts.append(escaped)
    return "".join(parts)


def is_quote(block: QTextBlock) -> bool:
    fmt = block.blockFormat()
    level = fmt.property(QTextFormat.Property.BlockQuoteLevel)
    return bool(level) or (fmt.leftMargin() >= 30 and fmt.rightMargin() >= 30)


def dump_body(document: QTextDocument) -> str:
    """The document as the stored subset (sanitised on the way out as well)."""
    out: list[str] = []
    open_list: tuple[object, str] | None = None
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        if open_list is not None and (text_list is None or text_list != open_list[0]):
            out.append(f"</{open_list[1]}>")
            open_list = None
        heading = block.blockFormat().headingLevel()
        content = _inline(block, strip_mark=heading in (1, 2, 3, 4, 5, 6))
        if not content.strip():
            block = block.next()
            continue
        direction = _direction(block)
        if text_list is not None:
            if open_list is None:
                tag = "ol" if text_list.format().style() in _ORDERED else "ul"
                out.append(f"<{tag}>")
                open_list = (text_list, tag)
            out.append(f"<li{direction}>{content}</li>")
        elif heading:
            tag = "h2" if heading <= 2 else "h3"
            out.append(f"<{tag}{direction}>{content}</{tag}>")
        elif is_quote(block):
            out.append(f"<blockquote{direction}><p>{content}</p></blockquote>")
        else:
            out.append(f"<p{direction}>{content}</p>")
        block = block.next()
    if open_list is not None:
        out.append(f"</{open_list[1]}>")
    merged = "".join(out).replace("</blockquote><blockquote>", "")
    return sanitize_body(merged)
