"""One change bus: every core change is announced here, every panel listens.

The panel that made a change passes itself as ``source`` and skips its own
refresh; the others refresh what the ``Changes`` record says was touched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from editor.changes import Changes


class ChangeBus(QObject):
    changed = Signal(object, object)  # Changes, source (QObject or None)

    def announce(self, changes: Changes, source: object = None) -> None:
        if not changes.empty:
            self.changed.emit(changes, source)
