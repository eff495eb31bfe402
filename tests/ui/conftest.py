"""Fixtures for driving the real main window on a real, seeded SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor.storage import Newsroom
from ui.mainwindow import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "midad.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(
    qapp: QApplication, qtbot: object, newsroom: Newsroom, settings: QSettings
) -> Iterator[MainWindow]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    win = MainWindow(newsroom, settings)
    errors: list[str] = []
    win.ops.show_error = errors.append
    win.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    qtbot.waitExposed(win)  # type: ignore[attr-defined]
    yield win
    win.close()
