"""When to write the recovery file and when to autosave, from the rhythm of typing.

The recovery file is written shortly after typing pauses, and at least every
few seconds during long unbroken typing, so a crash loses at most a few
seconds. Autosave to the database waits for a longer pause (a preference).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

RECOVERY_PAUSE_MS = 700
RECOVERY_MAX_WAIT_MS = 5000
DEFAULT_AUTOSAVE_S = 4.0


class AutosaveClock(QObject):
    recovery_due = Signal()
    autosave_due = Signal()

    def __init__(self, autosave_seconds: float = DEFAULT_AUTOSAVE_S, parent: QObject | None = None):
        super().__init__(parent)
        self._recovery = QTimer(self)
        self._recovery.setSingleShot(True)
        self._recovery.setInterval(RECOVERY_PAUSE_MS)
        self._recovery.timeout.connect(self._recovery_now)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(max(100, int(autosave_seconds * 1000)))
        self._autosave.timeout.connect(self.autosave_due)
        self._pending_since = QElapsedTimer()

    def set_autosave_seconds(self, seconds: float) -> None:
        self._autosave.setInterval(max(100, int(seconds * 1000)))

    def changed(self) -> None:
        """A person changed something: restart the pauses."""
        if not self._pending_since.isValid():
            self._pending_since.start()
        if self._pending_since.elapsed() >= RECOVERY_MAX_WAIT_MS:
            self._recovery_now()
        else:
            self._recovery.start()
        self._autosave.start()

    def _recovery_now(self) -> None:
        self._recovery.stop()
        self._pending_since.invalidate()
        self.recovery_due.emit()

    def stop(self) -> None:
        self._recovery.stop()
        self._autosave.stop()
        self._pending_since.invalidate()

    @property
    def waiting(self) -> bool:
        return self._recovery.isActive() or self._autosave.isActive()
