"""The one helper that runs core work for the interface.

It turns core errors into a message the person can act on, and broadcasts
what changed on the bus. Long work (an import, an export, a reindex) runs
off the GUI thread through ``run_in_background``: a ``Job`` on Qt's thread
pool, a progress dialog with a Cancel button, and the core polling a cancel
flag through the callback it was given (``editor.progress``).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from editor.changes import Changes
from editor.errors import Cancelled, MidadError, StorageUnavailable
from editor.progress import CancelCheck, Progress, ProgressCallback
from ui.bus import ChangeBus
from ui.messages import message_for

T = TypeVar("T")
# What long work looks like to the helper: it reports progress and polls for cancel.
BackgroundWork = Callable[[ProgressCallback, CancelCheck], Any]
PROGRESS_STEPS = 1000


class Job(QObject):
    """One piece of long core work on a worker thread.

    Signals arrive on the GUI thread (they are queued across threads):
    ``progressed`` with an ``editor.progress.Progress``, then either
    ``succeeded`` with the result or ``failed`` with the ``MidadError``
    (``Cancelled`` when the person stopped it), then ``finished``.
    """

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: BackgroundWork, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._done = threading.Event()
        self.result: Any = None
        self.error: MidadError | None = None
        self.worker_thread: int | None = None
        # The progress dialog run_in_background shows for it, if any.
        self.dialog: QProgressDialog | None = None
        # True on the GUI thread once every handler of the outcome has run.
        self.settled = False
        self.finished.connect(self._settle)

    def _settle(self) -> None:
        self.settled = True

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runner(self))

    def cancel(self) -> None:
        """Ask the work to stop; the core stops at its next check and changes nothing."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def _run(self) -> None:
        self.worker_thread = threading.get_ident()
        try:
            self.result = self._work(self.progressed.emit, self._cancel.is_set)
        except MidadError as error:
            self.error = error
        except Exception as exc:  # a bug: say so rather than die silently in a thread
            traceback.print_exc(file=sys.stderr)
            self.error = MidadError(f"{type(exc).__name__}: {exc}")
        self._done.set()
        if self.error is None:
            self.succeeded.emit(self.result)
        else:
            self.failed.emit(self.error)
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self._job._run()


class Ops:
    def __init__(self, bus: ChangeBus, parent: QWidget | None = None) -> None:
        self.bus = bus
        self._parent = parent
        # Tests set this to collect messages instead of opening a modal box.
        self.show_error: Callable[[str], None] = self._message_box
        # Told when core work could not reach the server; returns True when that
        # was already known (the message is then not shown again).
        self.connection_lost: Callable[[], bool] | None = None
        # Jobs still running: kept here so nothing collects them mid-flight.
        self._jobs: set[Job] = set()

    def report(self, error: MidadError) -> None:
        """Show why core work failed; a lost server is said once, in the status bar too."""
        lost = self.connection_lost
        if isinstance(error, StorageUnavailable) and lost is not None and lost():
            return  # already said, and the desk is reconnecting
        self.show_error(message_for(error))

    def _message_box(self, text: str) -> None:
        QMessageBox.warning(self._parent, QCoreApplication.translate("Ops", "Midad"), text)

    def change(self, work: Callable[[], Changes], source: object = None) -> Changes | None:
        """Run a mutating core call; announce its changes, or show why it failed."""
        try:
            changes = work()
        except MidadError as error:
            self.report(error)
            return None
        self.bus.announce(changes, source)
        return changes

    def run_in_background(
        self,
        work: BackgroundWork,
        *,
        title: str,
        describe: Callable[[Progress | None], str],
        changes: Callable[[Any], Changes] | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        source: object = None,
    ) -> Job:
        """Run long work off the GUI thread behind a progress dialog with Cancel.

        ``describe`` words the progress for the dialog; ``changes`` picks the
        Changes out of the result to announce; ``on_done`` gets the result.
        A failure is shown as a message; a cancel calls ``on_cancelled``.
        """
        job = Job(work, self._parent)
        dialog = QProgressDialog(
            describe(None),
            QCoreApplication.translate("Ops", "Cancel"),
            0,
            0,
            self._parent,
        )
        dialog.setObjectName("backgroundProgress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.dialog = dialog

        def progressed(progress: Progress) -> None:
            # The label first: a modal dialog's setValue() processes events, so the
            # next progress may be handled inside it and must not be overwritten after.
            dialog.setLabelText(describe(progress))
            fraction = progress.fraction
            if fraction is None:
                dialog.setMaximum(0)
            else:
                dialog.setMaximum(PROGRESS_STEPS)
                dialog.setValue(int(fraction * PROGRESS_STEPS))

        def succeeded(result: Any) -> None:
            if changes is not None:
                self.bus.announce(changes(result), source)
            if on_done is not None:
                on_done(result)

        def failed(error: MidadError) -> None:
            if isinstance(error, Cancelled):
                if on_cancelled is not None:
                    on_cancelled()
            else:
                self.report(error)

        def finished() -> None:
            dialog.close()
            dialog.deleteLater()
            self._jobs.discard(job)

        job.progressed.connect(progressed)
        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.finished.connect(finished)
        self._jobs.add(job)
        dialog.show()
        job.start()
        return job

    def cancel_all(self, wait_ms: int = 30_000) -> None:
        """Stop every running job and wait (up to ``wait_ms``) for their threads to end."""
        for job in list(self._jobs):
            job.cancel()
        if self._jobs:
            QThreadPool.globalInstance().waitForDone(wait_ms)

    def query_in_background(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[MidadError], None] | None = None,
    ) -> Job:
        """Run a reading core call on the thread pool, with no dialog: for what can follow.

        ``on_done`` gets the result on the GUI thread; make it a method of the
        widget waiting for it (Qt drops the connection if the widget goes
        first). A failure is shown as a message, then ``on_failed`` is called.
        """
        job = Job(lambda _progress, _cancel: work(), self._parent)

        def failed(error: MidadError) -> None:
            if not isinstance(error, Cancelled):
                self.report(error)

        # Connected before the job starts: it may be done before start() returns.
        job.succeeded.connect(on_done)
        job.failed.connect(failed)
        if on_failed is not None:
            job.failed.connect(on_failed)
        job.finished.connect(lambda: self._jobs.discard(job))
        self._jobs.add(job)
        job.start()
        return job

    def query(self, work: Callable[[], T]) -> T | None:
        """Run a reading core call; show why it failed and return None."""
        try:
            return work()
        except MidadError as error:
            self.report(error)
            return None
