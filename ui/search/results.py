"""The list of search hits: a model of immutable hits, and a delegate that marks matched words.

What a reader wrote is never read as HTML: the delegate builds its own small
HTML from escaped text, marking only the spans the core matched.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor.models import ArticleStatus, CommentStatus
from editor.search.base import SearchKind
from editor.search.highlight import Matcher
from editor.search.service import SearchHit
from ui.labels import article_status, comment_status, local_time

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MARK_COLOUR = "#ffe08a"
MARK_TEXT = "#1a1a1a"
MAX_LINES = 4


class SearchResultsModel(QAbstractListModel):
    """Hits in the order the core ranked them; asks for the next page when the view scrolls."""

    more_wanted = Signal(int)  # offset of the next page

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []
        self.total = 0
        self.matcher = Matcher(())
        self._asked = False

    def set_hits(self, hits: Sequence[SearchHit], total: int, matcher: Matcher) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.total = max(total, len(self.hits))
        self.matcher = matcher
        self._asked = False
        self.endResetModel()

    def append(self, hits: Sequence[SearchHit]) -> None:
        known = {(h.kind, h.id) for h in self.hits}
        fresh = [h for h in hits if (h.kind, h.id) not in known]
        if fresh:
            first = len(self.hits)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.hits.extend(fresh)
            self.endInsertRows()
        else:
            self.total = len(self.hits)  # the end came sooner than counted
        # Only now: a view reacting to the insert must not ask for this page again.
        self._asked = False

    def clear(self) -> None:
        self.set_hits((), 0, Matcher(()))

    def hit(self, row: int) -> SearchHit | None:
        return self.hits[row] if 0 <= row < len(self.hits) else None

    # -- Qt ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or index.column() != 0:
            return None
        hit = self.hit(index.row())
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title if hit.kind is SearchKind.ARTICLE else hit.author
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.snippet
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        if role == HIT_ROLE:
            return hit
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._asked and len(self.hits) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._asked = True
            self.more_wanted.emit(len(self.hits))


def marked_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped, with the matched spans marked (and nothing else interpreted)."""
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(html.escape(text[last:start]))
        out.append(
            f'<span style="background-color:{MARK_COLOUR}; color:{MARK_TEXT}">'
            f"{html.escape(text[start:end])}</span>"
        )
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _meta(hit: SearchHit) -> str:
    when = local_time(hit.date)
    if hit.kind is SearchKind.ARTICLE:
        status = article_status(ArticleStatus(hit.status))
        return f"{status} · {when}"
    status = comment_status(CommentStatus(hit.status))
    on = QCoreApplication.translate("SearchResults", "on %1").replace("%1", hit.title)
    return f"{status} · {when} · {on}"


class SearchHitDelegate(QStyledItemDelegate):
    """Headline (or commenter), the snippet with its matched words marked, then status and date."""

    def _document(self, hit: SearchHit, option: QStyleOptionViewItem) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        if hit.kind is SearchKind.ARTICLE:
            title = marked_html(hit.title, hit.title_highlights)
        else:
            title = html.escape(hit.author) or html.escape(
                QCoreApplication.translate("SearchResults", "(anonymous)")
            )
        doc.setHtml(
            f"<p style='margin:0'><b>{title}</b></p>"
            f"<p style='margin:0'>{marked_html(hit.snippet, hit.highlights)}</p>"
            f"<p style='margin:0'><small>{html.escape(_meta(hit))}</small></p>"
        )
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(hit, opt)
        doc.setTextWidth(opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return super().sizeHint(option, index)
        width = option.rect.width()
        view = option.widget
        if width <= 0 and isinstance(view, QWidget):
            width = view.width()
        doc = self._document(hit, option)
        doc.setTextWidth(max(width, 200))
        line = option.fontMetrics.lineSpacing()
        height = min(int(doc.size().height()), line * MAX_LINES + 12)
        return QSize(max(width, 200), height)
