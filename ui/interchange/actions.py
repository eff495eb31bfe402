"""The File menu's WordPress actions: import WXR, export WXR, export decisions for the site.

Each runs off the GUI thread through ``Ops.run_in_background`` (progress,
Cancel) and ends with a summary of what happened: how many of what, what was
skipped and why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from editor.interchange.wxr_export import ExportReport
from editor.interchange.wxr_report import ImportReport
from editor.permissions import Action, allowed
from editor.progress import CancelCheck, ProgressCallback
from editor.services.moderation import ExportResult
from editor.storage import Newsroom
from ui.icons import icon
from ui.interchange.summary import (
    SummaryDialog,
    decisions_progress,
    decisions_summary,
    export_progress,
    export_summary,
    import_progress,
    import_summary,
)
from ui.ops import Job, Ops

WXR_FILTER = "*.xml"


class InterchangeActions(QObject):
    """Owns the three actions; the main window puts them in its File menu."""

    # Sent when work ended without a result (cancelled): the window says so in its status bar.
    cancelled = Signal(str)

    def __init__(
        self,
        newsroom: Newsroom,
        ops: Ops,
        parent: QWidget,
        *,
        before_import: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._ops = ops
        self._parent = parent
        self._before_import = before_import
        # Tests replace this seam to read the summary instead of opening a dialog.
        self.show_summary: Callable[[str, str, list[str]], None] = lambda title, headline, lines: (
            SummaryDialog.show_summary(parent, title, headline, lines)
        )
        self.import_wxr_action = QAction(icon("import_wxr"), self.tr("Import WordPress export…"))
        self.import_wxr_action.setParent(self)
        self.import_wxr_action.triggered.connect(self.import_wxr)
        self.export_wxr_action = QAction(icon("export_wxr"), self.tr("Export WordPress file…"))
        self.export_wxr_action.setParent(self)
        self.export_wxr_action.triggered.connect(self.export_wxr)
        self.export_decisions_action = QAction(
            icon("export_decisions"), self.tr("Export moderation decisions for the site…")
        )
        self.export_decisions_action.setParent(self)
        self.export_decisions_action.triggered.connect(self.export_decisions)

    def update_actions(self) -> None:
        """Offer only what the signed-in role may do (the core checks again anyway)."""
        role = self._newsroom.actor.role
        self.import_wxr_action.setEnabled(allowed(role, Action.IMPORT))
        self.export_wxr_action.setEnabled(allowed(role, Action.EXPORT))
        self.export_decisions_action.setEnabled(allowed(role, Action.MODERATE))

    def _file_filter(self) -> str:
        return self.tr("WordPress exports (%1);;All files (*)").replace("%1", WXR_FILTER)

    # -- import --------------------------------------------------------------

    def import_wxr(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent, self.tr("Import WordPress export"), "", self._file_filter()
        )
        if path:
            self.import_wxr_file(Path(path))

    def import_wxr_file(self, path: Path) -> Job:
        self._before_import()
        newsroom = self._newsroom

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> ImportReport:
            return newsroom.interchange.import_wxr(path, progress=progress, cancelled=cancelled)

        def done(report: ImportReport) -> None:
            self.show_summary(self.tr("WordPress import"), *import_summary(report))

        return self._ops.run_in_background(
            work,
            title=self.tr("Importing a WordPress export"),
            describe=import_progress,
            changes=lambda report: report.changes,
            on_done=done,
            on_cancelled=lambda: self.cancelled.emit(
                self.tr("The import was cancelled; nothing was changed.")
            ),
        )

    # -- export --------------------------------------------------------------

    def export_wxr(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export WordPress file"), "midad-export.xml", self._file_filter()
        )
        if path:
            self.export_wxr_file(Path(path))

    def export_wxr_file(self, path: Path) -> Job:
        newsroom = self._newsroom

        def work(progress: ProgressCallback, cancelled: CancelCheck) -> ExportReport:
            return newsroom.interchange.export_wxr(path, progress=progress, cancelled=cancelled)

        def done(report: ExportReport) -> None:
            self.show_summary(self.tr("WordPress export"), *export_summary(report))

        return self._ops.run_in_background(
            work,
            title=self.tr("Writing a WordPress export"),
            describe=export_progress,
            on_done=done,
            on_cancelled=lambda: self.cancelled.emit(
                self.tr("The export was cancelled; no file was written.")
            ),
        )

    def export_decisions(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export moderation decisions"),
            "midad-decisions.json",
            self.tr("Decisions (*.json);;All files (*)"),
        )
        if path:
            self.export_decisions_file(Path(path))

    def export_decisions_file(self, path: Path) -> Job:
        newsroom = self._newsroom

        def work(_progress: ProgressCallback, _cancelled: CancelCheck) -> ExportResult:
            return newsroom.moderation.export_decisions(path)

        def done(result: ExportResult) -> None:
            self.show_summary(self.tr("Decisions for the site"), *decisions_summary(result))

        return self._ops.run_in_background(
            work,
            title=self.tr("Exporting moderation decisions"),
            describe=decisions_progress,
            on_done=done,
        )
