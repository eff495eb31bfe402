"""Starting the application: language and direction, and refusing a bad database politely."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.app import choose_language, install_language, run_app


@pytest.fixture(autouse=True)
def restore_locale_and_direction(qapp: QApplication) -> Iterator[None]:
    """Starting the app sets process-wide defaults; other tests expect the originals."""
    locale, direction = QLocale(), qapp.layoutDirection()
    yield
    QLocale.setDefault(locale)
    qapp.setLayoutDirection(direction)


def test_arabic_is_the_default_and_right_to_left(qapp: QApplication, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert choose_language(None, settings) == "ar"
    translators = install_language(qapp, "ar")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QCoreApplication.translate("MainWindow", "&File") == "&ملف"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_english_on_request(qapp: QApplication, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert choose_language("en", settings) == "en"
    monkeypatch.setenv("MIDAD_LANG", "en")
    assert choose_language(None, settings) == "en"
    install_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_foreign_database_is_refused_with_a_message(qapp: QApplication, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_bytes(b"PK\x03\x04 a zip file, not a newsroom")
    shown: list[str] = []

    def read_and_close() -> None:
        box = qapp.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.close()
        else:
            QTimer.singleShot(50, read_and_close)

    QTimer.singleShot(50, read_and_close)
    code = run_app(argparse.Namespace(db=str(foreign), no_seed=False, lang="en"))
    assert code == 1
    assert shown and "not a Midad newsroom database" in shown[0]
    assert foreign.read_bytes() == b"PK\x03\x04 a zip file, not a newsroom"
