"""A Midad that types half a sentence and waits to be killed (for test_recovery.py).

    python -m tests.ui.articles.recovery_child DB SETTINGS.ini ARTICLE_ID TEXT

Runs the real main window; once the recovery copy of the typed text is on
disk it prints READY and keeps running until the test sends SIGKILL.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    db, ini, article_id, text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    from PySide6.QtCore import QSettings, Qt

    from editor.recovery import RecoveryStore
    from editor.storage import open_newsroom
    from tests.ui.keys import type_text
    from ui.app import create_application, install_language
    from ui.mainwindow import MainWindow

    app = create_application(["midad-recovery-child"])
    install_language(app, "ar")
    newsroom = open_newsroom(db)
    window = MainWindow(newsroom, QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    window.article_list.select_id(article_id)
    body = window.editor.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    type_text(body, text)
    store = RecoveryStore.default()
    while not any(r.article_id == article_id for r in store.pending(window.editor.newsroom_id)):
        app.processEvents()
    print("READY", Path(store.folder), flush=True)
    del Qt
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
