"""A search box over a list: results as you type, in place of the list, driven by keys.

Strings here are translated in the SearchPane context by name: ``self.tr``
would look them up under the subclass's name at run time.

Typing waits a moment (debounce), then the search runs on the thread pool;
the answer to the newest query replaces the list below the box. Down and Up
move through the hits without leaving the box, Enter opens one, Escape gives
the list back. ``ArticleSearch`` and ``CommentSearch`` say what is searched.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.changes import Changes
from editor.errors import MidadError
from editor.search.base import SearchKind, SearchOrder
from editor.search.highlight import Matcher
from editor.search.service import SearchFilter, SearchResults
from editor.storage import Newsroom
from ui.icons import icon
from ui.messages import message_for
from ui.search.results import SearchHitDelegate, SearchResultsModel
from ui.search.runner import SearchRequest, SearchRunner

DEBOUNCE_MS = 250
PAGE = 50
_NAVIGATION = {
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_PageDown: 10,
    Qt.Key.Key_PageUp: -10,
}


class _Plurals(QObject):
    """Plural sentences: lupdate reads a count only from ``self.tr`` in a class of its own."""

    def results(self, count: int) -> str:
        return self.tr("%Ln result(s)", "", count)


class SearchPane(QWidget):
    """The box, its results, and the list they stand in for while a search is on."""

    # The id of the hit to open, and what matched (to mark it where it opens).
    opened = Signal(int, object)
    active_changed = Signal(bool)

    kinds: frozenset[SearchKind] = frozenset(SearchKind)
    # False: opening a hit gives the list back (the hit opens inside it).
    keep_results_on_open = True

    def __init__(self, newsroom: Newsroom, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setPlaceholderText(self.placeholder())
        self.field.setToolTip(self.syntax_help())
        self.newest = QToolButton(self)
        self.newest.setObjectName("searchNewestFirst")
        self.newest.setCheckable(True)
        self.newest.setIcon(icon("newest_first"))
        self.newest.setToolTip(
            QCoreApplication.translate("SearchPane", "Newest first (otherwise best matches first)")
        )
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(True)

        # The box and its order button, which the window may place elsewhere
        # (beside the desk's tabs, where it costs no height): see detach_bar.
        self.bar = QWidget(self)
        self.bar.setObjectName("searchBar")
        self.field.setParent(self.bar)
        self.newest.setParent(self.bar)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.newest)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(content, 1)
        self.status.hide()
        self.results.hide()

        self._runner = SearchRunner(newsroom)
        self._runner.answered.connect(self._answered)
        self._generation = 0
        self._shown: SearchRequest | None = None
        # Enter pressed before the answer came: open its best hit when it comes.
        self._open_when_answered = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(self._typed)
        self.newest.toggled.connect(lambda _on: self.search_now())
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.activated.connect(lambda index: self.open_row(index.row()))
        self.results.clicked.connect(lambda index: self.open_row(index.row()))
        self.model.more_wanted.connect(self._more)

    def detach_bar(self) -> QWidget:
        """Take the box out of the pane, for the window to place; it keeps working."""
        layout = self.layout()
        if layout is not None:
            layout.removeWidget(self.bar)
        # Alone beside the tabs it takes its size hint: make that a useful width.
        self.field.setMinimumWidth(self.field.fontMetrics().horizontalAdvance("x") * 32)
        return self.bar

    # -- what a subclass says -----------------------------------------------

    def placeholder(self) -> str:
        return QCoreApplication.translate("SearchPane", "Search")

    def syntax_help(self) -> str:
        return QCoreApplication.translate(
            "SearchPane",
            "Every form of a word is found (الصين finds والصين, بالصين, الصيني).\n"
            '"two words" for a phrase, word* for words that begin so, -word to leave out,'
            " a OR b.\n"
            "Filters: section: tag: status: author: from: to:"
            " (also قسم: وسم: حالة: كاتب: من: إلى:)",
        )

    # -- state --------------------------------------------------------------

    @property
    def active(self) -> bool:
        return not self.results.isHidden()

    @property
    def matcher(self) -> Matcher:
        return self.model.matcher

    def _set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.results.setVisible(on)
        self.status.setVisible(on)
        self.content.setVisible(not on)
        self.active_changed.emit(on)

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip() and self.model.rowCount():
            self._set_active(True)

    def clear(self) -> None:
        """Forget the search and give the list back."""
        self._timer.stop()
        self._open_when_answered = False
        self._generation += 1
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.model.clear()
        self._shown = None
        self._set_active(False)

    # -- searching ------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if not text.strip():
            self.clear()
            return
        self._timer.start()

    def request(self, offset: int = 0) -> SearchRequest:
        order = SearchOrder.NEWEST if self.newest.isChecked() else SearchOrder.RELEVANCE
        return SearchRequest(
            self._generation,
            self.field.text(),
            SearchFilter(kinds=self.kinds),
            order,
            PAGE,
            offset,
            count=offset == 0,
        )

    def search_now(self) -> None:
        self._timer.stop()
        if not self.field.text().strip():
            self.clear()
            return
        self._generation += 1
        if not self.active:
            self.status.setText(QCoreApplication.translate("SearchPane", "Searching…"))
        self._runner.start(self.request())

    def _more(self, offset: int) -> None:
        if self._shown is not None:
            self._runner.start(self.request(offset))

    def _answered(self, request: SearchRequest, outcome: SearchResults | MidadError) -> None:
        if request.generation != self._generation:
            return  # an older query, overtaken while it ran
        self._set_active(True)
        if isinstance(outcome, MidadError):
            self.status.setText(message_for(outcome))
            return
        if request.offset:
            self.model.append(outcome.hits)
            return
        keep = self._current_key()
        self._shown = request
        self.model.set_hits(outcome.hits, outcome.total, outcome.matcher)
        self.status.setText(self._describe(outcome))
        self._restore_current(keep)
        if self._open_when_answered:
            self._open_when_answered = False
            self.open_row(0)

    def _describe(self, results: SearchResults) -> str:
        if results.unknown:
            return QCoreApplication.translate("SearchPane", "Nothing is called %1").replace(
                "%1", "، ".join(results.unknown)
            )
        if not results.hits:
            return QCoreApplication.translate("SearchPane", "No results")
        count = QLocale().toString(results.total)
        if not results.exact:
            return QCoreApplication.translate("SearchPane", "More than %1 results").replace(
                "%1", count
            )
        return _Plurals().results(results.total)

    def _current_key(self) -> tuple[SearchKind, int] | None:
        hit = self.model.hit(self.results.currentIndex().row())
        return (hit.kind, hit.id) if hit is not None else None

    def _restore_current(self, key: tuple[SearchKind, int] | None) -> None:
        for row, hit in enumerate(self.model.hits):
            if (hit.kind, hit.id) == key:
                self.results.setCurrentIndex(self.model.index(row, 0))
                return

    # -- keys and opening -------------------------------------------------------

    def step(self, delta: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        current = self.results.currentIndex().row()
        row = 0 if current < 0 else max(0, min(count - 1, current + delta))
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)

    def open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is None:
            return
        self.results.setCurrentIndex(self.model.index(row, 0))
        self.opened.emit(hit.id, self.model.matcher)
        if not self.keep_results_on_open:
            self._set_active(False)

    def open_current(self) -> None:
        if self._timer.isActive() or self._shown is None or self._shown.text != self.field.text():
            self._open_when_answered = True
            if self._timer.isActive() or self._shown is None:
                self.search_now()
            return
        row = self.results.currentIndex().row()
        self.open_row(row if row >= 0 else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            if watched is self.results:
                self.field.setFocus()
            else:
                self.clear()
            return True
        if watched is self.field:
            if key in _NAVIGATION and self.active:
                self.step(_NAVIGATION[Qt.Key(key)])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        elif watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_row(self.results.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Run the search on screen again (the index changed under it)."""
        if self.active:
            self._timer.start()

    def on_changes(self, changes: Changes, source: object) -> None:
        """Saved, imported or moderated: a search on screen is run again."""
        if self.active and (changes.articles or changes.comments or changes.tags):
            self._timer.start()
