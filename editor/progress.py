"""Progress and cancel for long core work (imports, exports, reindexing).

The core never knows who is watching: it takes two plain callbacks, one that
receives a ``Progress`` and one it polls to learn whether to stop. The
interface runs the work on a worker thread and wires these to a progress
dialog; the command line wires them to a text progress bar.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from editor.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """How far a piece of work has got; ``total`` is 0 while unknown."""

    done: int
    total: int
    # A stable code for what is happening ("reading", "linking", "writing"):
    # the interface turns it into words.
    stage: str = ""
    # What has been counted so far, by the names the work reports ("articles", ...).
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def fraction(self) -> float | None:
        if self.total <= 0:
            return None
        return min(1.0, max(0.0, self.done / self.total))


ProgressCallback = Callable[[Progress], None]
CancelCheck = Callable[[], bool]


class Ticker:
    """Passes progress on at most every ``interval`` seconds and raises ``Cancelled`` when asked.

    Work calls ``tick`` as often as it likes (per record); only a few calls a
    second reach the callback, so a progress bar costs nothing measurable.
    """

    def __init__(
        self,
        progress: ProgressCallback | None = None,
        cancelled: CancelCheck | None = None,
        *,
        interval: float = 0.1,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._interval = interval
        self._next = 0.0

    def is_cancelled(self) -> bool:
        return self._cancelled is not None and self._cancelled()

    def check(self) -> None:
        """Stop the work (``Cancelled``) if the person asked for it."""
        if self.is_cancelled():
            raise Cancelled("The work was cancelled; nothing was changed")

    def tick(self, make: Callable[[], Progress], *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now < self._next:
            return
        self._next = now + self._interval
        self.check()
        if self._progress is not None:
            self._progress(make())
