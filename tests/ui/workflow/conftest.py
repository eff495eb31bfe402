"""A failing workflow test must fail, not hang on a dialog left open.

Closing a window whose story has an unresolved conflict asks which text to
keep; if a test fails before it settles the conflict, the window's teardown
would wait on that dialog for ever. A watchdog rejects any modal dialog that
stays open longer than a person-driving test ever needs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

STUCK_AFTER_S = 15.0


@pytest.fixture(autouse=True)
def stuck_dialog_watchdog(qapp: QApplication) -> Iterator[None]:
    seen: dict[int, float] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            return
        first = seen.setdefault(id(dialog), time.monotonic())
        if time.monotonic() - first > STUCK_AFTER_S:
            dialog.reject()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()
