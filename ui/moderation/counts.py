"""How many comments each queue holds, and the decisions not yet sent, counted off the GUI thread.

Counting the four queues walks an index entry per comment: a third of a
second with a million comments, which the first screen of a queue should not
wait for. The counts follow a moment later. A decision made here adjusts
them at once; one made while a count was running is added to that count
when it lands unless the count already includes it (it says which decision
was the last it saw), so what is shown is exact without counting again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from editor.errors import MidadError
from editor.models import CommentStatus
from editor.services.comments import CommentFilter, QueueTally
from editor.storage import Newsroom
from ui.ops import Job, Ops


@dataclass(frozen=True)
class _Moved:
    source: CommentStatus
    target: CommentStatus
    count: int
    last_decision: int


class QueueCounts(QObject):
    changed = Signal()

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        # Empty until the first count lands.
        self.counts: dict[CommentStatus, int] = {}
        self.unsent = 0
        self._filter: CommentFilter | None = None
        self._job: Job | None = None
        self._stale = False
        self._meanwhile: list[_Moved] = []

    @property
    def counting(self) -> bool:
        return self._job is not None

    def recount(self, flt: CommentFilter | None) -> None:
        """Count again under this filter (one count runs at a time; the latest wins)."""
        self._filter = flt
        if self._job is not None:
            self._stale = True
            return
        self._start()

    def moved(
        self, source: CommentStatus, target: CommentStatus, count: int, last_decision: int
    ) -> None:
        """Comments decided here (``last_decision`` is the batch's last id): shown at once."""
        self._apply(_Moved(source, target, count, last_decision))
        if self._job is not None:
            self._meanwhile.append(_Moved(source, target, count, last_decision))

    def _apply(self, moved: _Moved) -> None:
        if self.counts and moved.count and moved.source is not moved.target:
            self.counts[moved.source] = max(0, self.counts.get(moved.source, 0) - moved.count)
            self.counts[moved.target] = self.counts.get(moved.target, 0) + moved.count
        self.unsent += moved.count

    def _start(self) -> None:
        comments, flt = self._newsroom.comments, self._filter
        self._stale = False
        self._meanwhile = []
        self._job = self._ops.query_in_background(
            lambda: comments.tally(flt), self._landed, self._failed
        )

    def _landed(self, tally: QueueTally) -> None:
        self._job = None
        if self._stale:
            self._start()
            return
        self.counts, self.unsent = dict(tally.counts), tally.unsent
        for moved in self._meanwhile:
            if moved.last_decision > tally.last_decision:
                self._apply(moved)
        self._meanwhile = []
        self.changed.emit()

    def _failed(self, _error: MidadError) -> None:
        self._job = None  # the message is shown by Ops; the next reload counts again
