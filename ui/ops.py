"""The one helper that runs core work for the interface.

It turns core errors into a message the person can act on, and broadcasts
what changed on the bus. Long work (import, reindex) is added here later,
off the GUI thread, with progress and cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.changes import Changes
from editor.errors import MidadError
from ui.bus import ChangeBus
from ui.messages import message_for

T = TypeVar("T")


class Ops:
    def __init__(self, bus: ChangeBus, parent: QWidget | None = None) -> None:
        self.bus = bus
        self._parent = parent
        # Tests set this to collect messages instead of opening a modal box.
        self.show_error: Callable[[str], None] = self._message_box

    def _message_box(self, text: str) -> None:
        QMessageBox.warning(self._parent, QCoreApplication.translate("Ops", "Midad"), text)

    def change(self, work: Callable[[], Changes], source: object = None) -> Changes | None:
        """Run a mutating core call; announce its changes, or show why it failed."""
        try:
            changes = work()
        except MidadError as error:
            self.show_error(message_for(error))
            return None
        self.bus.announce(changes, source)
        return changes

    def query(self, work: Callable[[], T]) -> T | None:
        """Run a reading core call; show why it failed and return None."""
        try:
            return work()
        except MidadError as error:
            self.show_error(message_for(error))
            return None
