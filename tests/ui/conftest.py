"""Fixtures for driving the real main window on a real, seeded newsroom.

``window`` is on a SQLite file; ``pg_window`` the same window on a PostgreSQL
database of its own (mark such tests ``@pytest.mark.postgresql``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from editor.storage import Newsroom, open_newsroom
from tests.conftest import PostgresDatabases
from ui.mainwindow import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "midad.ini"), QSettings.Format.IniFormat)


def open_window(
    qapp: QApplication, qtbot: Any, newsroom: Newsroom, settings: QSettings
) -> MainWindow:
    """The real main window on ``newsroom``, shown, with its messages collected in ``.errors``."""
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    win = MainWindow(newsroom, settings)
    errors: list[str] = []
    win.ops.show_error = errors.append
    win.errors = errors  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(
    qapp: QApplication, qtbot: object, newsroom: Newsroom, settings: QSettings
) -> Iterator[MainWindow]:
    win = open_window(qapp, qtbot, newsroom, settings)
    yield win
    win.close()


# -- the same window on PostgreSQL (tests marked ``postgresql``) -----------------


@pytest.fixture
def pg_url(postgres: PostgresDatabases) -> Iterator[str]:
    """A seeded newsroom of its own on the run's PostgreSQL server, as a URL."""
    name, url = postgres.create("seeded")
    yield url
    postgres.drop(name)


@pytest.fixture
def pg_newsroom(pg_url: str) -> Iterator[Newsroom]:
    nr = open_newsroom(pg_url)
    yield nr
    nr.close()


@pytest.fixture
def pg_window(
    qapp: QApplication, qtbot: object, pg_newsroom: Newsroom, settings: QSettings
) -> Iterator[MainWindow]:
    """The real main window on a seeded PostgreSQL newsroom (``window`` is on SQLite)."""
    win = open_window(qapp, qtbot, pg_newsroom, settings)
    yield win
    win.close()
