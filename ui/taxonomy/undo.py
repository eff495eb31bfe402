"""Undo and redo of section and tag steps on the window's QUndoStack.

The core records each step as a ``TaxonomyDelta``; a command keeps that
delta and asks the core to apply its inverse (undo) or itself again (redo).
A step the core can no longer reverse exactly (someone changed the same rows
since) is refused with a message and dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.changes import Changes
from editor.progress import Progress
from editor.services.taxonomy import TaxonomyChanges, TaxonomyDelta, TaxonomyStep
from editor.storage import Newsroom
from ui.ops import Ops


def step_text(step: TaxonomyStep) -> str:
    """What the Edit menu says after "Undo" and "Redo"."""
    return {
        TaxonomyStep.CREATE_SECTION: QCoreApplication.translate("TaxonomyUndo", "create section"),
        TaxonomyStep.RENAME_SECTION: QCoreApplication.translate("TaxonomyUndo", "edit section"),
        TaxonomyStep.MOVE_SECTION: QCoreApplication.translate("TaxonomyUndo", "move section"),
        TaxonomyStep.DELETE_SECTION: QCoreApplication.translate("TaxonomyUndo", "delete section"),
        TaxonomyStep.MERGE_SECTIONS: QCoreApplication.translate("TaxonomyUndo", "merge sections"),
        TaxonomyStep.FILE_IN_SECTION: QCoreApplication.translate(
            "TaxonomyUndo", "file stories in a section"
        ),
        TaxonomyStep.CREATE_TAG: QCoreApplication.translate("TaxonomyUndo", "create tag"),
        TaxonomyStep.RENAME_TAG: QCoreApplication.translate("TaxonomyUndo", "rename tag"),
        TaxonomyStep.MERGE_TAGS: QCoreApplication.translate("TaxonomyUndo", "merge tags"),
        TaxonomyStep.DELETE_TAGS: QCoreApplication.translate("TaxonomyUndo", "delete tags"),
        TaxonomyStep.ADD_TAG: QCoreApplication.translate("TaxonomyUndo", "tag stories"),
    }[step]


class TaxonomyCommand(QUndoCommand):
    def __init__(self, editor: TaxonomyEditor, delta: TaxonomyDelta) -> None:
        super().__init__(step_text(delta.step))
        self._editor = editor
        self.delta = delta
        # Pushed after the core already made the change: the first redo is a no-op.
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        taxonomy = self._editor.newsroom.taxonomy
        if self._editor.apply(lambda: taxonomy.redo(self.delta)) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        taxonomy = self._editor.newsroom.taxonomy
        if self._editor.apply(lambda: taxonomy.undo(self.delta)) is None:
            self.setObsolete(True)


class TaxonomyEditor:
    """Runs a section or tag change through the ops helper and onto the undo stack."""

    def __init__(self, newsroom: Newsroom, ops: Ops, stack: QUndoStack) -> None:
        self.newsroom = newsroom
        self.ops = ops
        self.stack = stack

    def run(self, work: Callable[[], Changes], source: object = None) -> Changes | None:
        changes = self.apply(work, source)
        if isinstance(changes, TaxonomyChanges) and changes.delta is not None:
            self.stack.push(TaxonomyCommand(self, changes.delta))
        return changes

    def apply(self, work: Callable[[], Changes], source: object = None) -> Changes | None:
        changes = self.ops.change(work, source)
        if isinstance(changes, TaxonomyChanges) and changes.search_pending:
            self.catch_up_search(changes.search_pending)
        return changes

    def catch_up_search(self, article_ids: tuple[int, ...]) -> None:
        """Bring the search entries of many retagged stories in step, off the GUI thread."""
        total = len(article_ids)
        taxonomy = self.newsroom.taxonomy

        def describe(progress: Progress | None) -> str:
            done = progress.done if progress is not None else 0
            return (
                QCoreApplication.translate(
                    "TaxonomyUndo", "Updating the search index: %1 of %2 stories"
                )
                .replace("%1", QLocale().toString(done))
                .replace("%2", QLocale().toString(total))
            )

        self.ops.run_in_background(
            lambda progress, cancelled: taxonomy.catch_up_search(article_ids, progress, cancelled),
            title=QCoreApplication.translate("TaxonomyUndo", "Search index"),
            describe=describe,
        )
