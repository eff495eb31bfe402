"""Replacing what the editor shows in one undo step: recovered text, a pasted page.

Both put a whole set of fields and a new body on the article's history as a
single step, so one Ctrl+Z returns to what was there before.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QTextCursor, QTextDocument

from editor.body import sanitize_body
from ui.articles.body_codec import mark_subheadings
from ui.articles.fields import BYLINE, DATELINE, HEADLINE, SECTION, STANDFIRST, TAGS, ArticleFields
from ui.articles.undo import ArticleUndo


def replace_body(document: QTextDocument, body_html: str) -> None:
    """The whole body replaced as one document edit (undoable, unlike setHtml)."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    cursor.insertHtml(sanitize_body(body_html))
    mark_subheadings(document, document.begin(), document.lastBlock())
    cursor.endEditBlock()


def apply_fields(
    fields: ArticleFields,
    undo: ArticleUndo,
    values: dict[int, object],
) -> None:
    """Set several fields as edits a person made (each recorded, none merged)."""
    for field_id in (HEADLINE, STANDFIRST, SECTION, TAGS, BYLINE, DATELINE):
        if field_id not in values:
            continue
        old = fields.field_value(field_id)
        fields.apply(field_id, values[field_id])
        new = fields.field_value(field_id)
        undo.field_edited(field_id, partial(fields.apply, field_id), old, new, merge=False)


def replace_all(
    fields: ArticleFields,
    undo: ArticleUndo,
    document: QTextDocument,
    title: str,
    values: dict[int, object],
    body_html: str | None,
) -> None:
    undo.stack.beginMacro(title)
    try:
        apply_fields(fields, undo, values)
        if body_html is not None:
            replace_body(document, body_html)
    finally:
        undo.stack.endMacro()
