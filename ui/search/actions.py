"""Tools ▸ Rebuild search index, and the first build of an index the newsroom lacks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from editor.changes import Changes
from editor.progress import CancelCheck, Progress, ProgressCallback
from editor.search.service import RebuildSummary
from editor.storage import Newsroom
from ui.icons import icon
from ui.ops import Job, Ops


class SearchActions(QObject):
    # A sentence for the status bar once a rebuild ends or stops.
    message = Signal(str)
    # A background catch-up finished: searches on screen may run again.
    caught_up = Signal()

    def __init__(self, newsroom: Newsroom, ops: Ops, parent: QWidget) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self.job: Job | None = None
        self.rebuild_action = QAction(
            icon("rebuild_index"), self.tr("Rebuild search index"), parent
        )
        self.rebuild_action.setObjectName("rebuildSearchIndex")
        self.rebuild_action.setStatusTip(
            self.tr("Index every article and comment again (search works meanwhile, partly)")
        )
        self.rebuild_action.triggered.connect(lambda _checked=False: self.rebuild())

    def rebuild(self) -> Job:
        """Rebuild off the GUI thread, behind a progress dialog with Cancel."""
        if self.job is not None and not self.job.done:
            return self.job
        search = self._newsroom.search

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> RebuildSummary:
            return search.rebuild(progress=progress, cancelled=cancelled)

        self.rebuild_action.setEnabled(False)
        self.job = self._ops.run_in_background(
            work,
            title=self.tr("Search index"),
            describe=self._describe,
            on_done=self._done,
            on_cancelled=lambda: self.message.emit(
                self.tr(
                    "The rebuild was stopped: search finds part of the newsroom until it is rebuilt"
                )
            ),
        )
        self.job.finished.connect(lambda: self.rebuild_action.setEnabled(True))
        return self.job

    def rebuild_if_needed(self) -> Job | None:
        """A newsroom opened without a complete index (upgraded, or built by older rules)."""
        if self._newsroom.search.needs_rebuild():
            return self.rebuild()
        return self.catch_up()

    def catch_up(self) -> Job | None:
        """Index, quietly in the background, what a bulk change (a tag merge) left noted."""
        if (self.job is not None and not self.job.done) or not self._newsroom.search.pending():
            return None
        search = self._newsroom.search

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> int:
            return search.catch_up(progress=progress, cancelled=cancelled)

        job = Job(work, self)
        job.finished.connect(lambda: self.caught_up.emit())
        self.job = job
        job.start()
        return job

    def on_changes(self, changes: Changes, source: object) -> None:
        if changes.articles or changes.comments or changes.tags:
            self.catch_up()

    def _describe(self, progress: Progress | None) -> str:
        if progress is None or progress.total <= 0:
            return self.tr("Rebuilding the search index…")
        locale = QLocale()
        what = (
            self.tr("Indexing comments: %1 of %2")
            if progress.stage == "comment"
            else self.tr("Indexing articles: %1 of %2")
        )
        return what.replace("%1", locale.toString(progress.done)).replace(
            "%2", locale.toString(progress.total)
        )

    def _done(self, summary: Any) -> None:
        if isinstance(summary, RebuildSummary):
            locale = QLocale()
            self.message.emit(
                self.tr("Search index rebuilt: %1 articles, %2 comments")
                .replace("%1", locale.toString(summary.articles))
                .replace("%2", locale.toString(summary.comments))
            )
