"""Starting the desktop application: language, direction, fonts, the database, the window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.errors import MidadError, PasswordRefused
from editor.models import Role
from editor.storage import open_newsroom, resolve_database_url

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
ENV_LANG = "MIDAD_LANG"
# Faces that shape Arabic well, best first; fontconfig's default for Arabic
# stays DejaVu, so the choice is made here explicitly.
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "DejaVu Sans")


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "midad", "midad")


def choose_language(requested: str | None, settings: QSettings) -> str:
    language = requested or os.environ.get(ENV_LANG) or str(settings.value("language", "ar"))
    return language if language in ("ar", "en") else "ar"


def install_language(app: QApplication, language: str) -> list[QTranslator]:
    """Arabic is the default interface: right to left, Arabic strings and Qt's own."""
    translators: list[QTranslator] = []
    if language == "ar":
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS / "midad_ar.qm")):
            app.installTranslator(ours)
            translators.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load("qtbase_ar", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            translators.append(qt_own)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return translators


def choose_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in ARABIC_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSizeF(max(app.font().pointSizeF(), 10.5))
            app.setFont(font)
            return


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or sys.argv[:1])
    app.setOrganizationName("midad")
    app.setApplicationName("midad")
    app.setApplicationDisplayName("مداد")
    return app


def run_app(args: argparse.Namespace) -> int:
    from ui.articles.spelling import SpellingSupport

    app = create_application()
    settings = app_settings()
    # Loading the dictionary takes most of a second: let it overlap the rest.
    SpellingSupport.preload(settings)
    language = choose_language(args.lang, settings)
    install_language(app, language)
    choose_font(app)
    try:
        try:
            newsroom = open_newsroom(args.db, seed=not args.no_seed)
        except PasswordRefused as refusal:
            from ui.server_password import ServerPasswordDialog

            opened = ServerPasswordDialog.open_newsroom(
                resolve_database_url(args.db), refusal, seed=not args.no_seed
            )
            if opened is None:
                return 1
            newsroom = opened
    except MidadError as error:
        from ui.messages import message_for

        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Midad cannot open the newsroom"),
            message_for(error),
        )
        sys.stderr.write(f"midad: {error}\n")
        return 1
    from ui.mainwindow import MainWindow
    from ui.workflow.sign_in import SignInDialog

    # Until an admin has a password the desk is single-user; after that, sign in.
    if newsroom.actor.role is Role.GUEST and SignInDialog.get_actor(newsroom) is None:
        newsroom.close()
        return 0
    window = MainWindow(newsroom, settings)
    window.show()
    window.workflow.start_schedule()
    try:
        return int(app.exec())
    finally:
        newsroom.close()
