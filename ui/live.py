"""Other desks' changes on this desk's change bus, and the state of the connection.

On PostgreSQL a ``editor.live.Listener`` hears every other desk's committed
write; its notices cross to the GUI thread through a queued signal, are
merged for a moment (a burst of a hundred decisions is one refresh) and
announced on the bus with ``RemoteDesk`` as their source, so panels refresh
as for any change and can tell it came from elsewhere (``is_remote``).

When the connection to the server is lost the desk says so in the status
bar; once the listener is back it says so again, announces a broad refresh
(notices sent meanwhile were missed) and emits ``reconnected`` so unsaved
text is saved. On SQLite another desk is another process on the same file:
``PRAGMA data_version`` is polled every second, and a change that was not
this desk's own refreshes the lists.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import event

from editor.changes import Changes
from editor.live import EVERY, Listener, Notice
from editor.storage import Newsroom
from ui.bus import ChangeBus

# Notices are merged for this long: at most one refresh per burst.
COALESCE_MS = 300
SQLITE_POLL_MS = 1000
# How long "Reconnected" stays in the status bar.
RECONNECTED_SHOWN_MS = 5000
# Everything a desk shows, for when notices may have been missed.
BROAD = Changes(articles=EVERY, comments=EVERY, sections=True, tags=True, users=True)


def is_remote(source: object) -> bool:
    """Whether a change on the bus came from another desk."""
    return isinstance(source, RemoteDesk)


def touches_every(ids: frozenset[int]) -> bool:
    """Whether a remote change's ids stand for every row of their kind."""
    return bool(ids & EVERY)


class RemoteDesk(QObject):
    """Announces other desks' changes on the bus; watches the connection."""

    connection_changed = Signal(bool)  # True: reachable (again); on the GUI thread
    reconnected = Signal()
    _noticed = Signal(object)  # from the listener's thread: queued to this one
    _state = Signal(bool)

    def __init__(self, newsroom: Newsroom, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._bus = bus
        self.online = True
        # Who last changed each story elsewhere, for the writing desk's banner.
        self.changed_by: dict[int, str] = {}
        self._pending: Changes | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(COALESCE_MS)
        self._flush_timer.timeout.connect(self._flush)
        self._noticed.connect(self._on_notice)
        self._state.connect(self._on_state)
        self._listener: Listener | None = None
        self._watch: SqliteWatch | None = None
        if newsroom.backend == "postgresql":
            self._listener = Listener(newsroom, self._noticed.emit, self._state.emit).start()
        elif newsroom.backend == "sqlite":
            self._watch = SqliteWatch(newsroom, self)
            self._watch.changed.connect(lambda: self._queue(BROAD))

    @property
    def listening(self) -> bool:
        return self._listener is not None and self._listener.connected.is_set()

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
        if self._watch is not None:
            self._watch.stop()
        self._flush_timer.stop()

    def report_unavailable(self) -> bool:
        """An operation could not reach the server: say so. True if already said."""
        if self._listener is None:
            return False
        known = not self.online
        self._on_state(False)
        self._listener.check_now()
        return known

    # -- notices -------------------------------------------------------------

    def _on_notice(self, notice: Notice) -> None:
        for article_id in notice.changes.articles:
            self.changed_by[article_id] = notice.by
        self._queue(notice.changes)

    def _queue(self, changes: Changes) -> None:
        self._pending = changes if self._pending is None else self._pending | changes
        # Not restarted by later notices: a steady stream still refreshes every 300 ms.
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._bus.announce(pending, self)

    def flush_now(self) -> None:
        """Announce what is waiting at once (tests, and closing)."""
        self._flush_timer.stop()
        self._flush()

    # -- the connection ------------------------------------------------------

    def _on_state(self, up: bool) -> None:
        if up == self.online:
            return
        self.online = up
        self.connection_changed.emit(up)
        if up:
            self._queue(BROAD)
            self.reconnected.emit()


class SqliteWatch(QObject):
    """Polls a SQLite file's ``data_version``: it moves when another connection commits.

    This desk's own commits (any thread, announced or not: an edit lock's
    heartbeat) move it too: once one of its connections has committed and
    gone back to the pool, the version is read again and taken as seen.
    """

    changed = Signal()

    def __init__(self, newsroom: Newsroom, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = newsroom.engine
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        with contextlib.suppress(sqlite3.Error):
            self._conn = sqlite3.connect(
                f"file:{newsroom.url.database}?mode=ro",
                uri=True,
                timeout=0.05,
                check_same_thread=False,
            )
        self._version = self._read(None)
        self._hooks = (
            (self._engine, "commit", _committed),
            (self._engine, "checkin", self._checkin),
        )
        for target, name, hook in self._hooks:
            event.listen(target, name, hook)
        self._timer = QTimer(self)
        self._timer.setInterval(SQLITE_POLL_MS)
        self._timer.timeout.connect(self.poll)
        if self._conn is not None:
            self._timer.start()

    def _checkin(self, _dbapi_connection: Any, record: Any) -> None:
        if record is not None and record.info.pop(_COMMITTED, False):
            with self._lock:
                self._version = self._read(self._version)

    def _read(self, previous: Any) -> Any:
        if self._conn is None:
            return previous
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            return previous  # busy this once: next second
        return row[0] if row else previous

    def poll(self) -> None:
        with self._lock:
            version = self._read(self._version)
            if version == self._version:
                return
            self._version = version
        self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()
        for target, name, hook in self._hooks:
            with contextlib.suppress(Exception):
                event.remove(target, name, hook)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


_COMMITTED = "midad_committed"


def _committed(conn: Any) -> None:
    # Before the commit itself: the pool's check-in, after it, reads the version.
    conn.info[_COMMITTED] = True


class ConnectionStatus(QLabel):
    """The status bar's word on the server: red while unreachable, then "Reconnected"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionStatus")
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(RECONNECTED_SHOWN_MS)
        self._hide_timer.timeout.connect(self.hide)
        self.hide()

    def show_state(self, up: bool) -> None:
        if up:
            self.setText(self.tr("Reconnected"))
            self.setStyleSheet("color: #2e7d32; font-weight: bold; padding: 0 6px;")
            self._hide_timer.start()
        else:
            self._hide_timer.stop()
            self.setText(self.tr("Server unreachable — reconnecting…"))
            self.setStyleSheet(
                "color: white; background: #c62828; font-weight: bold; padding: 0 6px;"
            )
        self.show()
