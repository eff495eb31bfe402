"""One undo history for the whole article: the body and every field.

The body's QTextDocument keeps its own undo stack; each command it adds is
mirrored here by a step that calls the document's undo/redo, and field edits
are pushed next to them, so Ctrl+Z takes back the last change wherever it was
made (Qt's documented way to share a document's undo with a QUndoStack).
Typing in one field merges into one step, as typing in the body does.

The stack's clean state is the saved story: undoing back to it makes the
editor clean again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument, QUndoCommand, QUndoStack


class _DocumentStep(QUndoCommand):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__()
        self._document = document
        self._done = True  # the document already did it when it announced the command

    def undo(self) -> None:
        self._document.undo()
        self._done = False

    def redo(self) -> None:
        if not self._done:
            self._document.redo()
        self._done = True


class FieldEdit(QUndoCommand):
    """A field's value before and after an edit; consecutive typing in one field merges."""

    def __init__(
        self, field_id: int, apply: Callable[[Any], None], old: Any, new: Any, merge: bool
    ) -> None:
        super().__init__()
        self._field_id = field_id
        self._apply = apply
        self.old, self.new = old, new
        self._merge = merge
        self._done = True

    def id(self) -> int:
        return self._field_id if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other._field_id != self._field_id:
            return False
        self.new = other.new
        return True

    def undo(self) -> None:
        self._apply(self.old)
        self._done = False

    def redo(self) -> None:
        if not self._done:
            self._apply(self.new)
        self._done = True


class ArticleUndo(QObject):
    """The pane's undo stack; ``applying`` is True while a step sets a field."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self._document = document
        self._quiet = 0
        self.applying = False
        document.undoCommandAdded.connect(self._on_document_command)

    def _on_document_command(self) -> None:
        if not self._quiet:
            self.stack.push(_DocumentStep(self._document))

    @contextmanager
    def joined(self) -> Iterator[None]:
        """Document changes inside join the previous step instead of adding one."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def field_edited(
        self, field_id: int, apply: Callable[[Any], None], old: Any, new: Any, *, merge: bool
    ) -> None:
        if old == new:
            return

        def applying(value: Any) -> None:
            self.applying = True
            try:
                apply(value)
            finally:
                self.applying = False

        self.stack.push(FieldEdit(field_id, applying, old, new, merge))
        # A body edit after this must be a new document command, not merged
        # into the one before the field edit (the document merges typing only
        # while it counts as modified).
        self._document.setModified(False)

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def mark_clean(self) -> None:
        self.stack.setClean()
        self._document.setModified(False)

    def clear(self) -> None:
        self.stack.clear()
        self._document.clearUndoRedoStacks()
        self._document.setModified(False)
