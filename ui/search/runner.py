"""Searches run on Qt's thread pool, so typing never waits for the database.

Each search carries a generation number; the box shows only the answer to
the newest one, whatever order the answers come back in.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.errors import MidadError
from editor.search.base import SearchOrder
from editor.search.service import SearchFilter, SearchResults
from editor.storage import Newsroom


@dataclass(frozen=True)
class SearchRequest:
    generation: int
    text: str
    flt: SearchFilter
    order: SearchOrder
    limit: int
    offset: int = 0
    # The first page is counted; the pages after it, fetched as the list scrolls, are not.
    count: bool = True


class SearchRunner(QObject):
    """Runs ``newsroom.search.search`` off the GUI thread; answers arrive on the GUI thread."""

    # SearchRequest, then SearchResults or the MidadError that stopped it.
    answered = Signal(object, object)

    def __init__(self, newsroom: Newsroom) -> None:
        # No parent: running tasks hold a reference, so the runner outlives the
        # widget that asked if need be, and Qt drops the connection to it.
        super().__init__()
        self._newsroom = newsroom
        self.pool = QThreadPool.globalInstance()

    def start(self, request: SearchRequest) -> None:
        self.pool.start(_SearchTask(self, request))

    def run(self, request: SearchRequest) -> SearchResults | MidadError:
        try:
            return self._newsroom.search.search(
                request.text,
                request.flt,
                request.order,
                request.limit,
                request.offset,
                count=request.count,
            )
        except MidadError as error:
            return error


class _SearchTask(QRunnable):
    def __init__(self, runner: SearchRunner, request: SearchRequest) -> None:
        super().__init__()
        self._runner = runner
        self._request = request
        self.setAutoDelete(True)

    def run(self) -> None:
        outcome = self._runner.run(self._request)
        self._runner.answered.emit(self._request, outcome)
